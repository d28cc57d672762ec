"""The training window a likelihood-model file records (`training`, as `foedus.likely.build` writes it), checked
field by field: its years and counts every answer quotes, and its outcome counts per horizon; a field no fit writes
is refused, as any other unknown field of the file is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from foedus.errors import LikelyModelError, shown
from foedus.likely.spec import HORIZON_ORDER

__all__ = ["check_shares", "check_training"]

_COUNTS = ("first_year", "last_year", "wars", "pairs")
_OUTCOMES = ("out", "attack", "defense")


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_training(path: str, training: dict[str, Any]) -> None:
    """Whole-number years in order and counts of wars and pairs (quoted by every answer), and the outcome counts:
    per horizon (30, 365, ever) a whole number of pairs out, attacking and defending. Each is required, as every fit
    writes it (`foedus.likely.build`).

    Raises:
        LikelyModelError: the first field missing, unknown or of the wrong shape, named.
    """
    for key in _COUNTS:
        if key not in training:  # said as a missing field of a schema is (`foedus.problem_words.validation_problem`)
            raise LikelyModelError(f"{path}: training.{key}: missing field '{key}'")
        if not _whole(training[key]):
            raise LikelyModelError(f"{path}: training.{key}: expected a whole number of zero or more")
    if training["first_year"] > training["last_year"]:
        raise LikelyModelError(f"{path}: training: first_year is after last_year")
    if unknown := sorted(set(training) - {*_COUNTS, "outcomes"}):
        raise LikelyModelError(f"{path}: training.{unknown[0]}: unknown field {shown(unknown[0])} (the fields are: "
                               f"{', '.join([*_COUNTS, 'outcomes'])})")
    if "outcomes" not in training:  # every fit writes it: a file without it is no whole fit's (nothing reads it yet)
        raise LikelyModelError(f"{path}: training.outcomes: missing field 'outcomes'")
    outcomes = training["outcomes"]
    if not isinstance(outcomes, dict) or set(outcomes) != set(HORIZON_ORDER):
        raise LikelyModelError(f"{path}: training.outcomes: expected an object of the horizons "
                               f"{', '.join(HORIZON_ORDER)}")
    for h in HORIZON_ORDER:
        counts = outcomes[h]
        if not isinstance(counts, dict) or set(counts) != set(_OUTCOMES) or not all(map(_whole, counts.values())):
            raise LikelyModelError(f"{path}: training.outcomes.{h}: expected the whole numbers of pairs "
                                   f"{', '.join(_OUTCOMES)}")


def check_shares(path: str, shares: Mapping[Any, Mapping[Any, Mapping[str, float]]]) -> None:
    """Each era's share of the ever-joiners (`share`, per horizon 30 or 365 and era): a `mean` from 0 to 1 and an
    `sd` of zero or more (the schema checked the names of horizons and eras, and the numbers finite).

    Raises:
        LikelyModelError: the first share missing a number or out of range, named.
    """
    for h, by in shares.items():
        for era, v in by.items():
            where = f"{path}: share.{h}.{era}"
            if set(v) != {"mean", "sd"}:
                raise LikelyModelError(f"{where}: expected a mean and an sd (the share and its bootstrap spread)")
            if not 0 <= v["mean"] <= 1 or v["sd"] < 0:
                raise LikelyModelError(f"{where}: expected a share from 0 to 1 and a standard deviation of zero or "
                                       "more")
