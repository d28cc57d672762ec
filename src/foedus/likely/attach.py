"""The likelihood beside a cascade result (`foedus cascade --likelihood`, `foedus.cascade(..., likelihood=True)`).

Every state in the system on the scenario's date that is not a party is a candidate, as in training;
the answer lists the *relevant* ones — inside the relevance gate (within two contiguity steps of a
belligerent, allied to one, bound in any reading, or a major power) — and every state the cascade names,
most likely first, and sums up the rest. Warnings say where the model lost to the base rate in its
validation, and when the question lies outside what it was trained on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

import numpy as np

from foedus.cited import cited, instrument_said
from foedus.code_words import validation_check
from foedus.conflict_words import doubted_duties
from foedus.engine.likely_records import Chance, LikelihoodSummary, ModelCard, StateLikelihood, ValidationScore
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Scenario
from foedus.likely.case import case_of_scenario
from foedus.likely.features import case_features
from foedus.likely.forecast import INTERVAL, Forecast, forecast
from foedus.likely.model import ModelFile, as_records, load_model
from foedus.likely.obligations import bindings, readings
from foedus.likely.scores import MIN_REPLICATES
from foedus.likely.spec import in_gate
from foedus.likely.targets import missed
from foedus.model.days import ERA_CUTOFF
from foedus.model.world import World
from foedus.wording import counted, named_state, too_few_replicates

__all__ = ["HORIZONS", "likelihood_of", "no_bootstrap", "warnings_of"]

HORIZONS = ("30", "365", "ever")


_ERAS = ("pre1945", "post1945")
"""The validation subsets of one era (`foedus.likely.build.SUBSETS`), split at the honour model's cut-off."""


def _legal(result: CascadeResult) -> dict[str, str]:
    out = {j.state: str(j.side) for j in result.joiners}
    return out | {c.state: "both" for c in result.conflicts}


def _chances(f: Forecast, i: int) -> tuple[Chance, ...]:
    def r(x: float) -> float:
        return round(float(x), 4)

    out = []
    for h in HORIZONS:
        p, lo, hi = f.point[h][i], f.low[h][i], f.high[h][i]
        out.append(Chance(horizon=h, join=r(p[1] + p[2]), attack=r(p[1]), defense=r(p[2]), out=r(p[0]),
                          join_low=r(lo[0]), join_high=r(hi[0]), attack_low=r(lo[1]), attack_high=r(hi[1]),
                          defense_low=r(lo[2]), defense_high=r(hi[2])))
    return tuple(out)


def _share(f: Forecast, i: int) -> dict[str, float]:
    """The side model's P(attack side | joins) of candidate `i`, with its interval (the table's "side if it joins")."""
    q, low, high = (round(float(x), 4) for x in f.side[i])
    return {"attack_share": q, "attack_share_low": low, "attack_share_high": high}


def _unlisted(rows: tuple[StateLikelihood, ...]) -> list[str]:
    """A warning for each rated state COW does not list (Palestine): its features are read as none."""
    return [f"{r.name} ({r.state}) is not in the COW state system the model was trained on: its capability, "
            "contiguity and war history are read as none, so its numbers extrapolate past every state the model has "
            "seen" for r in rows if r.ccode is None]


def _by_provision(duties: list[tuple[str, str | None, str, str]], names: dict[str, str]) -> str:
    """(treaty, article, instrument, state) as "A (AAA), B (BBB) under t art. 1; C (CCC) under u art. 2 (an executive
    order, not a treaty)": each provision once, in the order first met, with what an instrument that is not a treaty
    is (`instrument_said`, as the joiner's line says it), each state once under it."""
    by: dict[str, list[str]] = {}
    for treaty, article, instrument, state in duties:
        states = by.setdefault(cited(treaty, article) + instrument_said(instrument), [])
        if (named := named_state(state, names)) not in states:
            states.append(named)
    return "; ".join(f"{', '.join(states)} under {provision}" for provision, states in by.items())


def _doubted(result: CascadeResult) -> list[str]:
    """One warning naming the joiners whose duty rests on facts not verified (`CascadeResult.doubted`, as the draws'
    note), by provision: their features read the binding as any verified one; and one naming the states bound both
    ways one of whose clashing duties does (`CascadeResult.doubted_conflicts`), each state once with those duties
    (`conflict_words.doubted_duties`, as its conflict's line says them: "Armenia (ARM) under rus_arm_1997 art. 2 and
    csto_1992 art. 4 (unverified facts)"). The facts themselves are named once, with each duty (its certainty
    reasons), not again here (20 Arab League joiners share Egypt's)."""
    out = []
    if doubted := result.doubted():
        groups = _by_provision([(j.primary.treaty, j.primary.article, j.primary.instrument, j.state)
                                for j in doubted], result.names)
        out.append(f"the likelihoods of {counted(len(doubted), 'joiner')} rest on facts not verified, which the model "
                   f"reads as verified ones: {groups} (each joiner's duty names its facts: certainty reasons)")
    if conflicts := result.doubted_conflicts():
        groups = "; ".join(f"{named_state(c.state, result.names)} under {doubted_duties(c.doubted())}"
                           for c in conflicts)
        out.append(f"the likelihoods of {counted(len(conflicts), 'state')} bound both ways (a conflict) rest on a "
                   f"duty whose facts are not verified, which the model reads as verified ones: {groups} "
                   "— each conflict's duties name their facts (certainty reasons)")
    return out


def _covers(subset: str, day: dt.date) -> bool:
    """Whether a validation subset speaks of a scenario on `day`: an era's only of its own era (a loss among the
    wars from 1945 was told of a 1914 scenario); every other subset (all wars, without the World Wars) of any."""
    if subset not in _ERAS:
        return True
    return subset == ("pre1945" if day < ERA_CUTOFF else "post1945")


def no_bootstrap(replicates: int) -> str | None:
    """What a model fit with fewer than `MIN_REPLICATES` (2) bootstrap replicates says of itself (`foedus likely fit
    --bootstrap 0` writes one, and says so; every answer from it warns so), in `foedus.wording.too_few_replicates`'s
    words: no covariance, so every interval is its point."""
    return None if replicates >= MIN_REPLICATES else too_few_replicates(replicates)


def warnings_of(model: ModelFile, day: dt.date) -> list[str]:
    """The warnings an answer of this model on `day` carries (losses to the base rate in the checks that cover its
    era; no bootstrap behind its intervals; a date outside training)."""
    out = []
    day_year = day.year
    lost = [c for c in model.validation if not c.beats_base_rate and _covers(c.subset, day)]
    for c in lost:
        out.append(f"in validation ({validation_check(c.scheme, c.horizon, c.subset)}) this model did not beat the "
                   f"base rate {_lost_on(c.brier_skill, c.log_skill)}; treat its numbers there as no better than the "
                   "base rate")
    if not model.validation:
        out.append("this model file carries no validation: its numbers are unchecked (run `foedus likely report`)")
    if (unmeasured := no_bootstrap(model.bootstrap.get("replicates", 0))) is not None:
        out.append(unmeasured)
    t = model.training
    if day_year > t["last_year"]:
        out.append(f"the date lies outside the training wars ({t['first_year']}–{t['last_year']}): the forecast "
                   "extrapolates; treaties, borders, state capabilities and major powers after the data's end are "
                   "carried forward")
    elif day_year < t["first_year"]:
        out.append(f"the date lies before the training wars ({t['first_year']}–{t['last_year']}): the forecast "
                   "extrapolates to an earlier state system")
    out.append("wars are the cases where deterrence failed: the model says who joined the wars that happened, not "
               "whether a war happens")
    return out


def _lost_on(brier: float | None, log: float | None) -> str:
    """On which score a lost check lost, and on which it won ("in Brier score (skill -0.001), though it did in log loss
    (skill +0.218)"): a bare pair of skills after "did not beat" read as a loss on both, a positive one beside it as a
    contradiction."""
    scores = (("Brier score", brier), ("log loss", log))
    lost = [f"{name} (skill {_signed(s)})" for name, s in scores if (s or 0.0) <= 0]
    won = [f"{name} (skill {_signed(s)})" for name, s in scores if (s or 0.0) > 0]
    return "in " + " or ".join(lost) + (f", though it did in {won[0]}" if won else "")


def _signed(score: float | None) -> str:
    """A skill score as +0.123, or n/a where the check could not compute it (null in the model file)."""
    return "n/a" if score is None else f"{score:+.3f}"


def likelihood_of(world: World, scenario: Scenario, result: CascadeResult,
                  model: ModelFile | str | Path | None = None) -> LikelihoodSummary:
    """The likelihood summary of a scenario, beside its (unchanged) cascade result.

    Raises:
        DataMissingError: contiguity, capability, state-system or COW war data are missing;
        LikelyModelError: a model file that cannot be used.
    """
    chosen = load_model(model) if model is None or isinstance(model, str | Path) else as_records(model)
    named = tuple(s for s in result.state_ids if s not in scenario.attackers and s not in scenario.targets)
    case = case_of_scenario(world, scenario, named)
    feats = case_features(world, case, bindings(readings(world, scenario)))
    f = forecast(chosen, feats.values, HORIZONS)
    gate = in_gate(feats.values)
    legal = _legal(result)
    listed = [i for i, s in enumerate(case.candidates) if gate[i] or s in named]
    listed.sort(key=lambda i: (-f.point["ever"][i, 1:].sum(), case.candidates[i]))
    states, names = world.states, world.states.names_on(scenario.date)  # as called on the date
    rows = tuple(StateLikelihood(state=s, name=names.get(s, s),
                                 ccode=states.states[s].ccode if s in states.states else None,
                                 legal=legal.get(s), relevant=bool(gate[i]) or s in named, chances=_chances(f, i),
                                 **_share(f, i))
                 for i in listed for s in (case.candidates[i],))
    rest = np.setdiff1d(np.arange(len(case.candidates)), listed)
    others = {"count": len(rest),
              "max_join": {h: round(float(f.point[h][rest, 1:].sum(axis=1).max()), 4) if len(rest) else 0.0
                           for h in HORIZONS}}
    checks = tuple(ValidationScore(scheme=c.scheme, horizon=c.horizon, subset=c.subset, pairs=c.pairs,
                                   brier_skill=c.brier_skill, log_skill=c.log_skill, auc=c.auc,
                                   calibration_slope=c.calibration_slope, beats_base_rate=c.beats_base_rate,
                                   misses=missed(c.scheme, auc=c.auc, log_skill=c.log_skill,
                                                 brier_skill=c.brier_skill, slope=c.calibration_slope))
                   for c in chosen.validation if c.subset == "all")
    card = ModelCard(version=chosen.version, window=chosen.window(), first_year=chosen.training["first_year"],
                     last_year=chosen.training["last_year"], pairs=chosen.training["pairs"],
                     joiners={side: chosen.training["outcomes"]["ever"][side] for side in ("attack", "defense")},
                     source="shipped" if model is None else str(model if isinstance(model, str | Path)
                                                                  else "given"),
                     interval=INTERVAL, data=tuple(asdict(d) for d in chosen.data))
    return LikelihoodSummary(model=card, states=rows, others=others, base_rate=chosen.base_rate, validation=checks,
                             beats_base_rate=bool(chosen.validation) and all(c.beats_base_rate
                                                                             for c in chosen.validation),
                             warnings=(*warnings_of(chosen, scenario.date), *_unlisted(rows), *_doubted(result)),
                             notes=tuple(feats.notes))
