"""The likelihood part of a cascade result (`--likelihood`): beside each state's legal answer, how likely it
is to join, from the joining model validated out of sample (`foedus.likely`, docs/likelihood.md).

Records only, with their JSON contract in the fields' metadata; the model itself lives in `foedus.likely`.
The legal answer (joiners, articles, conditions) stays where it is and is never changed by these numbers.
"""

from __future__ import annotations

from typing import Any, Literal

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, meta

__all__ = ["Chance", "LikelihoodSummary", "ModelCard", "Standing", "StateLikelihood", "ValidationScore",
           "base_rate_standing", "side_lean"]

_P = "number"


@dataclass(frozen=True, slots=True)
class Chance(Contracted):
    """One state's probabilities within one horizon, with the model's interval."""

    horizon: str = field(metadata=meta('"30" or "365" (days after the war starts) or "ever"', "string", stable=True))
    join: float = field(metadata=meta("P(joins either side)", _P, stable=True))
    attack: float = field(metadata=meta("P(joins the attackers' side)", _P, stable=True))
    defense: float = field(metadata=meta("P(joins the defenders' side)", _P, stable=True))
    out: float = field(metadata=meta("P(stays out)", _P, stable=True))
    join_low: float = field(metadata=meta("interval of P(join): low end", _P))
    join_high: float = field(metadata=meta("interval of P(join): high end", _P))
    attack_low: float = field(metadata=meta("interval of P(attack side): low end", _P))
    attack_high: float = field(metadata=meta("interval of P(attack side): high end", _P))
    defense_low: float = field(metadata=meta("interval of P(defence side): low end", _P))
    defense_high: float = field(metadata=meta("interval of P(defence side): high end", _P))


@dataclass(frozen=True, slots=True)
class StateLikelihood(Contracted):
    """One state: its legal answer, repeated for convenience, and its chances by horizon."""

    state: str = field(metadata=meta("state id", "string", stable=True))
    name: str = field(metadata=meta("display name", "string"))
    ccode: int | None = field(metadata=meta("COW code", "number | null"))
    legal: str | None = field(metadata=meta(
        'the side the legal reading binds it to ("attack" / "defense"), "both" when bound both ways, or null',
        "string | null", stable=True))
    relevant: bool = field(metadata=meta(
        "inside the relevance gate (near, allied, bound in a reading, or a major power) or named by the cascade",
        "boolean"))
    chances: tuple[Chance, ...] = field(metadata=meta("one per horizon", "Chance[]", stable=True))
    attack_share: float | None = field(default=None, metadata=meta(
        "P(joins the attackers' side | it joins): the side model's answer, the same for every horizon (null from "
        "results made before it was given)", "number | null"))
    attack_share_low: float | None = field(default=None, metadata=meta(
        "interval of attack_share: low end; an interval across 0.5 leaves the side uncertain", "number | null"))
    attack_share_high: float | None = field(default=None, metadata=meta("interval of attack_share: high end",
                                                                         "number | null"))


@dataclass(frozen=True, slots=True)
class ValidationScore(Contracted):
    """One out-of-sample check of the model against the training fold's base rate."""

    scheme: str = field(metadata=meta("leave-one-war-out, forward-1945 or forward-1989", "string", stable=True))
    horizon: str = field(metadata=meta("30, 365 or ever", "string", stable=True))
    subset: str = field(metadata=meta("all, pre1945, post1945 or no-world-wars", "string"))
    pairs: int = field(metadata=meta("(war, state) pairs scored", "number"))
    brier_skill: float | None = field(metadata=meta("1 − Brier / base-rate Brier (above 0 beats it)", "number | null",
                                                    stable=True))
    log_skill: float | None = field(metadata=meta("1 − log loss / base-rate log loss", "number | null", stable=True))
    auc: float | None = field(metadata=meta("AUC of P(join)", "number | null"))
    calibration_slope: float | None = field(metadata=meta("logistic recalibration slope (1: calibrated)",
                                                          "number | null"))
    beats_base_rate: bool = field(metadata=meta("both skills above 0", "boolean", stable=True))
    misses: tuple[str, ...] = field(default=(), metadata=meta(
        "the model card's targets (issue #14) this check misses, each with its target, e.g. \"Brier skill (+0.05)\"; "
        "empty when it meets every one", "string[]"))


@dataclass(frozen=True, slots=True)
class ModelCard(Contracted):
    """Which model answered: version, training window, data, interval."""

    version: str = field(metadata=meta("model version (spec, training years, digest)", "string", stable=True))
    window: str = field(metadata=meta("training window, e.g. 1823–2003 (95 wars)", "string", stable=True))
    first_year: int = field(metadata=meta("first training war's start year", "number"))
    last_year: int = field(metadata=meta("last training war's start year", "number"))
    pairs: int = field(metadata=meta("training (war, state) pairs", "number"))
    joiners: dict[str, int] = field(metadata=meta(
        "the training pairs that joined at any time, by side: attack, defense (the model file's "
        "training.outcomes.ever; the reading under the answer quotes the defence's share)",
        "{ attack: number; defense: number }"))
    source: str = field(metadata=meta('"shipped" or the path of a file from `foedus likely fit`', "string"))
    interval: float = field(metadata=meta("the intervals' coverage (0.9: 5th to 95th percentile)", "number"))
    data: tuple[dict[str, Any], ...] = field(metadata=meta(
        "the data files it was fitted on: file, dataset, version, sha256",
        "{ file: string; dataset: string; version: string; sha256: string | null }[]"))


@dataclass(frozen=True)
class LikelihoodSummary(Contracted):
    """With `likelihood`: the states' chances of joining, the model, its validation and its warnings."""

    model: ModelCard = field(metadata=meta("which model answered", "ModelCard", stable=True))
    states: tuple[StateLikelihood, ...] = field(metadata=meta(
        "relevant states and every state the cascade names, most likely first", "StateLikelihood[]", stable=True))
    others: dict[str, Any] = field(metadata=meta(
        "every other candidate, summarised: how many, and the highest P(join) by horizon",
        "{ count: number; max_join: Record<string, number> }"))
    base_rate: dict[str, dict[str, float]] = field(metadata=meta(
        "the training base rate by horizon: out, attack, defense", "Record<string, Record<string, number>>"))
    validation: tuple[ValidationScore, ...] = field(metadata=meta(
        "out-of-sample checks against the base rate (every scheme and horizon, all pairs)", "ValidationScore[]",
        stable=True))
    beats_base_rate: bool = field(metadata=meta(
        "whether the model beat the base rate in every check of its model file (schemes, horizons, eras, without the "
        "World Wars): the model's, the same on every date; `validation` lists only the all-pairs checks, so one lost "
        "in an era can make it false beside a list of wins (`warnings` names a loss that covers the date)",
        "boolean", stable=True))
    warnings: tuple[str, ...] = field(metadata=meta(
        "what to keep in mind before reading the numbers (losses to the base rate, extrapolation)", "string[]",
        stable=True))
    notes: tuple[str, ...] = field(metadata=meta("data carried past their end, and similar", "string[]"))


Standing = Literal["beats", "lost-here", "unchecked", "lost-elsewhere"]
"""A likelihood's standing against the base rate (`base_rate_standing`)."""


def base_rate_standing(summary: LikelihoodSummary) -> Standing:
    """Whether the model beat the base rate in every out-of-sample check, lost one that covers the answer's date (its
    warnings tell only those: `foedus.likely.attach.warnings_of`), carries no check, or lost only checks of another
    era. It lives beside the records so that `foedus cascade --likelihood`'s line under its table and `foedus batch`'s
    `lk_standing` read one rule; the web's likelihood panel follows it (web/src/standing.ts baseRateStanding,
    tests/test_said_parity.py)."""
    if summary.beats_base_rate:
        return "beats"
    if any("did not beat the base rate" in w for w in summary.warnings):
        return "lost-here"
    return "lost-elsewhere" if summary.validation else "unchecked"


def side_lean(share: float, low: float, high: float) -> Literal["attack", "defense", "uncertain"]:
    """The side a state leans to if it joins, from P(attackers' side | it joins) and its interval: "uncertain" where
    the interval spans 50% (`side_said` says it so; `foedus batch`'s lk_side column).

    >>> side_lean(0.3643, 0.1454, 0.6649), side_lean(0.0605, 0.0097, 0.3296), side_lean(0.8, 0.6, 0.9)
    ('uncertain', 'defense', 'attack')
    """
    return "uncertain" if low < 0.5 < high else "attack" if share > 0.5 else "defense"
