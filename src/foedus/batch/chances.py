"""`foedus batch`'s likelihood (`lk_`) columns: a scenario asking for the likelihood carries its `LikelihoodSummary`,
the one `foedus cascade --likelihood` prints and its JSON gives (read, not asked of the model again): each state
row's chances of joining by horizon with their intervals and the side it would join if it joins, the model's
version, its standing against the base rate, its warnings and the `others` summary; and a row of role `rated` for
each state the likelihood lists that has no row of the scenario, so that every state it rates has one
(docs/outputs.md, "foedus batch")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.engine.likely_records import StateLikelihood
    from foedus.engine.result import CascadeResult

__all__ = ["CHANCE_COLUMNS", "LIKELY_COLUMNS", "RATED", "chance_cells", "rated_only"]

RATED = "rated"
"""The role of a row for a state the likelihood lists (relevant, or named by the cascade) that has no other row of
its scenario: no duty binds it, and the model rates its chances of joining all the same."""
_HORIZONS = {"30": "within 30 days", "365": "within 365 days", "ever": "ever"}
_SIDES = {"join": "joins either side", "attack": "joins the attackers' side", "defense": "joins the defenders' side"}
CHANCE_COLUMNS: Mapping[str, str] = {
    f"lk_{side}_{h}{end}": f"{said}P(state {joins}) {when}" for side, joins in _SIDES.items()
    for h, when in _HORIZONS.items()
    for end, said in (("", ""), ("_low", "interval's low end: "), ("_high", "interval's high end: "))
}
"""The state's chances (`Chance`: join, attack, defense, each with its interval), per horizon."""
SIDE_COLUMNS: Mapping[str, str] = {
    "lk_attack_share": "P(state joins the attackers' side, if it joins), the same for every horizon",
    "lk_attack_share_low": "interval's low end: P(state joins the attackers' side, if it joins)",
    "lk_attack_share_high": "interval's high end: P(state joins the attackers' side, if it joins)",
    "lk_side": "side if it joins: attack, defense, or uncertain (its interval spans 50%)",
}
"""The side a state would join if it joins, as `foedus cascade --likelihood`'s "side if it joins" says it."""
LIKELY_COLUMNS: Mapping[str, str] = {
    "lk_model": "the model's version (empty: not asked); lk_ columns only in a batch that asks",
    "lk_beats_base_rate": "whether the model beat the base rate in every check of its model file",
    "lk_standing": "vs the base rate: beats, lost-here (the date's era), lost-elsewhere or unchecked",
    "lk_warnings": "the likelihood's warnings and notes as foedus cascade prints them, joined: ' | '",
    "lk_relevant": "the state is in the relevance gate or named by the cascade (empty: not rated)",
    **CHANCE_COLUMNS,
    **SIDE_COLUMNS,
    "lk_others": "candidate states the likelihood does not list (its others), how many",
    **{f"lk_others_max_join_{h}": f"the highest P(join) {when} among those others" for h, when in _HORIZONS.items()},
}
"""The likelihood columns, in order, and what each means: the model and its standing, then the row's state's
chances and side, then the scenario's `others`; empty on a scenario without the likelihood, and not written by a batch
in which no row asks for it (`foedus.batch.table.batch_columns`)."""


def chance_cells(result: CascadeResult) -> Callable[[str], dict[str, Any]]:
    """A row's likelihood columns by its state: read from the result's likelihood summary (a state it does not rate,
    an attacker or target: the scenario's columns only); none without the likelihood (the table's cells of a column
    no row gives are empty: a batch without it builds no `lk_` cell)."""
    lk = result.likelihood
    if lk is None:
        return lambda state: {}
    from foedus.engine.likely_records import base_rate_standing, side_lean  # the cascade's words of them, and the web's

    scenario = {"lk_model": lk.model.version, "lk_beats_base_rate": lk.beats_base_rate,
                "lk_standing": base_rate_standing(lk), "lk_warnings": " | ".join((*lk.warnings, *lk.notes)) or None,
                "lk_others": lk.others["count"],
                **{f"lk_others_max_join_{h}": lk.others["max_join"].get(h) for h in _HORIZONS}}
    rated = {s.state: s for s in lk.states}

    def cells(state: str) -> dict[str, Any]:
        own: dict[str, Any] = dict.fromkeys((*CHANCE_COLUMNS, *SIDE_COLUMNS))
        if (found := rated.get(state)) is not None:
            own["lk_relevant"] = found.relevant
            for c in found.chances:
                own |= {f"lk_{side}_{c.horizon}{end}": getattr(c, f"{side}{end}") for side in _SIDES
                        for end in ("", "_low", "_high")}
            share, low, high = found.attack_share, found.attack_share_low, found.attack_share_high
            if share is not None and low is not None and high is not None:
                own |= {"lk_attack_share": share, "lk_attack_share_low": low, "lk_attack_share_high": high,
                        "lk_side": side_lean(share, low, high)}
        return {k: own[k] if k in own else scenario.get(k) for k in LIKELY_COLUMNS}

    return cells


def rated_only(result: CascadeResult, rows: list[dict[str, Any]]) -> list[StateLikelihood]:
    """Each state the likelihood lists that no row of `rows` names, most likely first (its order); none without."""
    lk = result.likelihood
    if lk is None:
        return []
    named = {row["state"] for row in rows}
    return [s for s in lk.states if s.state not in named]
