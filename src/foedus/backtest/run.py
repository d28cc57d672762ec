"""Run the backtest: for each war in range, place its opening attack, run the cascades, score them.

Nothing here raises for one bad war: a war without initiators, an opening attack the engine cannot
place, or a scenario the engine rejects is skipped with its reason, and so is every participant the
engine cannot place (unknown COW code, or not in the state system on the start date).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from foedus.backtest.errors import Rejected, one_war
from foedus.backtest.metrics import Pair
from foedus.backtest.opening import OpeningAttack, opening_attack
from foedus.backtest.placing import Placer, Skip
from foedus.backtest.predict import ReadingPrediction, Side, Variant, predict
from foedus.backtest.published import AllyOutcome, Outcome, allies_of
from foedus.backtest.scoring import Actual, ReadingScore, pairs_of, score
from foedus.backtest.wars import DyadicStarts, War, load_dyadic, load_wars
from foedus.engine.reliability import ERA_CUTOFF
from foedus.inputs import war_seed
from foedus.model.world import World

__all__ = ["Backtest", "Settings", "WarRecord", "run_backtest"]

log = logging.getLogger("foedus.backtest")


@dataclass(frozen=True)
class Settings:
    """What was run: the year range (by war start), the Monte Carlo draws and the base seed."""

    first: int | None = None
    last: int | None = None
    draws: int = 2000
    seed: int = 1815

    def covers(self, year: int) -> bool:
        """Whether a war starting in `year` is in range."""
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class WarRecord:
    """One scored war: its opening attack, what happened, and what each variant predicted."""

    war: War
    opening: OpeningAttack
    actual: Actual
    predictions: dict[Variant, ReadingPrediction]
    scores: dict[Variant, ReadingScore]
    pairs: dict[Variant, list[Pair]]  # the probabilistic forecasts (legal reading)
    allies: list[AllyOutcome]
    skipped: tuple[Skip, ...] = ()

    @property
    def era(self) -> str:
        """pre1945 or post1945, by the war's start date (the honour model's cut-off)."""
        return "pre1945" if self.opening.date < ERA_CUTOFF else "post1945"


@dataclass
class Backtest:
    """Every war in range: the scored ones, the skipped ones, and the states left out."""

    settings: Settings
    records: list[WarRecord] = field(default_factory=list)
    skipped_wars: list[dict[str, object]] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    wars_in_range: int = 0
    names: dict[str, str] = field(default_factory=dict)  # every state id the records mention, as on its wars' days
    treaty_names: dict[str, str] = field(default_factory=dict)  # every treaty a predicted joiner rests on


def wars_in_range(settings: Settings) -> list[War]:
    """The COW wars whose start year is in range."""
    return [w for w in load_wars() if settings.covers(w.start.year)]


def run_backtest(world: World, settings: Settings, wars: list[War] | None = None,
                 on_war: Callable[[War], None] | None = None) -> Backtest:
    """Score every war in range (`on_war` is called after each, for a progress bar).

    Raises:
        DataMissingError: the COW war file is not in the data folder.
        FoedusError: an error of the run, not of one war (`NOT_THE_WARS`: a corrupt data file, ...), where a war
            the engine rejects is skipped.
    """
    chosen = wars if wars is not None else wars_in_range(settings)
    dyadic = load_dyadic()
    placer = Placer(world.states)
    out = Backtest(settings=settings, wars_in_range=len(chosen))
    for war in chosen:
        record = _one_war(world, war, dyadic, placer, settings, out)
        if record is not None:
            out.records.append(record)
            out.skips.extend(record.skipped)
        if on_war is not None:
            on_war(war)
    out.names = _names(world, out.records)
    treaties = {p.treaty for r in out.records for s in r.scores.values() for p in s.predicted.values()}
    out.treaty_names = {t: world.treaties[t].name if t in world.treaties else t for t in sorted(treaties)}
    return out


def _names(world: World, records: list[WarRecord]) -> dict[str, str]:
    """Display names of the states the records mention, each as it was called on the first day of the wars it is
    in (`StateRegistry.names_on`, as a `foedus war` replay names them: the Soviet Union in 1939); a state called
    otherwise in two wars has both names, earlier first ("Russian Empire / Soviet Union")."""
    seen: dict[str, dict[str, None]] = {}
    for r in sorted(records, key=lambda r: r.opening.date):
        names = world.states.names_on(r.opening.date)
        codes = (world.states.by_ccode.get(p.ccode) for p in r.war.participations)
        mentioned = [*(s for s in codes if s is not None),
                     *(s for sc in r.scores.values() for s in (*sc.predicted, *sc.conflicted))]
        for state in mentioned:
            seen.setdefault(state, {})[names.get(state, state)] = None
    return {state: " / ".join(named) for state, named in sorted(seen.items())}


def _skip_war(out: Backtest, war: War, reason: str) -> None:
    log.info("war %s (%s) skipped: %s", war.num, war.name, reason)
    out.skipped_wars.append({"war": war.num, "name": war.name, "start": war.start.isoformat(), "reason": reason})


def _place_all(placer: Placer, war: War, codes: tuple[int, ...], day: dt.date, role: str,
               skips: list[Skip]) -> list[str]:
    names = {p.ccode: p.name for p in war.participations}
    placed: list[str] = []
    for code in codes:
        state, reason = placer.place(code, day)
        if state is None:
            skips.append(Skip(war.num, code, names.get(code, str(code)), role, reason))
            log.info("war %s: %s %s (%s) skipped: %s", war.num, role, names.get(code), code, reason)
        elif state not in placed:
            placed.append(state)
    return placed


def _one_war(world: World, war: War, dyadic: DyadicStarts, placer: Placer, settings: Settings,
             out: Backtest) -> WarRecord | None:
    opening = opening_attack(war, dyadic)
    if opening is None:
        _skip_war(out, war, "COW codes no initiator, or initiators on both sides")
        return None
    skips: list[Skip] = []
    day = opening.date
    attackers = _place_all(placer, war, opening.attackers, day, "attacker", skips)
    targets = [t for t in _place_all(placer, war, opening.targets, day, "target", skips) if t not in attackers]
    if not attackers or not targets:
        out.skips.extend(skips)
        _skip_war(out, war, "the engine cannot place the " + ("attackers" if not attackers else "targets"))
        return None
    joiners: dict[str, Side] = {}
    unplaced: set[str] = set()
    for code, p in war.first_side().items():
        if code in opening.originals:
            continue
        state, reason = placer.place(code, day)
        if state is None:
            skips.append(Skip(war.num, code, p.name, "participant", reason))
            log.info("war %s: participant %s (%s) skipped: %s", war.num, p.name, code, reason)
            known = world.states.by_ccode.get(code)
            if known is not None:
                unplaced.add(known)
        elif state not in attackers and state not in targets:
            joiners[state] = "attack" if p.side == opening.attack_side else "defense"
    actual = Actual(war=war.num, attackers=tuple(attackers), targets=tuple(targets), joiners=joiners)
    predictions = one_war("opening attack", predict, world, attackers, targets, day, draws=settings.draws,
                          seed=war_seed(settings.seed, war.num))
    if isinstance(predictions, Rejected):
        out.skips.extend(skips)
        _skip_war(out, war, predictions.reason)
        return None
    left_out = frozenset(unplaced)
    scores = {v: score(p, actual, left_out) for v, p in predictions.items()}
    members = world.states.members_on(day) or [st.id for st in world.states if st.ccode is not None]
    pairs: dict[Variant, list[Pair]] = {"legal": pairs_of(predictions["legal"], actual, members, left_out)}
    return WarRecord(war=war, opening=opening, actual=actual, predictions=predictions, scores=scores, pairs=pairs,
                     allies=_allies(world, actual, day, left_out), skipped=tuple(skips))


def _allies(world: World, actual: Actual, day: dt.date, left_out: frozenset[str]) -> list[AllyOutcome]:
    """Sabrosky's unit: each ally of each war participant, and whether it fought with it, against it, or not."""
    side: dict[str, Side] = {**{s: "attack" for s in actual.attackers}, **{s: "defense" for s in actual.targets},
                             **actual.joiners}
    out = []
    for participant in sorted(side):
        for ally in sorted(allies_of(world, participant, day) - left_out):
            theirs = side.get(ally)
            outcome: Outcome = ("stayed_out" if theirs is None else "alongside" if theirs == side[participant]
                                else "other_side")
            out.append(AllyOutcome(actual.war, day.year, participant, ally, outcome))
    return out
