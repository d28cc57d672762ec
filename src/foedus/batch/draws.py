"""`foedus batch`'s Monte Carlo (`mc_`) columns: a scenario with draws carries its `MonteCarloSummary`, the one
`foedus cascade --draws` prints and its JSON gives (read, not drawn again): each party's share of draws on its row's
side with its Wilson interval, the war size, major powers on opposite sides and each side's expected CINC; and a row
of role `drawn` for each state the draws put on a side where the legal answer gives it no row, so that every share
the cascade reports has its row (docs/outputs.md, "foedus batch")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult

__all__ = ["DRAWN", "DRAWN_ROLES", "DRAWS_COLUMNS", "drawn_only", "draws_cells"]

_SIDES = ("attack", "defense")
DRAWS_COLUMNS: Mapping[str, str] = {
    "mc_draws": "the scenario's draws (empty: none asked); mc_ columns only in a batch that asks",
    "mc_seed": "the draws' seed: the row's, or one chosen and recorded",
    "mc_honour": "the draws' honour model: default or empirical",
    "mc_p_side": "share of draws with the state on the row's side: attacker, target, joiner, drawn",
    "mc_p_side_low": "mc_p_side's 95% Wilson interval, low end (Monte Carlo error only)",
    "mc_p_side_high": "mc_p_side's 95% Wilson interval, high end (Monte Carlo error only)",
    "mc_war_size_mean": "belligerents per draw: the mean",
    "mc_war_size_p5": "belligerents per draw: 5th percentile (cascade's 90% interval)",
    "mc_war_size_p95": "belligerents per draw: 95th percentile (cascade's 90% interval)",
    "mc_p_major_powers_opposite": "share of draws with major powers on both sides (empty: not known)",
    "mc_p_major_powers_unknown": "why mc_p_major_powers_opposite is not known (empty: it is)",
    **{f"mc_cinc_{side}_{key}": f"{side} side's CINC over the draws: {said}" for side in _SIDES for key, said in (
        ("mean", "the mean (empty: no NMC data)"), ("p5", "5th percentile"), ("p95", "95th percentile"),
        ("share", "mean share of the world's CINC"))},
    "mc_cinc_note": "the CINC values' note: carried past NMC's last year, a sum not 1",
}
"""The Monte Carlo columns, in order, and what each means; the `mc_cinc_` ones are the summary's `expected_power`,
as `foedus cascade --draws` prints it ("expected CINC"); written only in a batch in which some row asks for draws
(`foedus.batch.table.batch_columns`)."""
DRAWN = "drawn"
"""The role of a row for a state the draws put on a side where the legal answer gives it no row of that side: a
conflict's state (bound both ways), which a draw that drops one of its clashing duties sends to the other side."""
DRAWN_ROLES = ("attacker", "target", "joiner", DRAWN)
"""The roles whose rows carry `mc_p_side`: the parties the draws place on a side. A conflict's state has no side,
and a neutrality duty, consultation, violation, withheld duty or lapsed binding is no joining."""


def draws_cells(result: CascadeResult, honour: str | None) -> Callable[[str, str, str | None], dict[str, Any]]:
    """A row's Monte Carlo columns by its state, role and side: read from the result's Monte Carlo summary (a state
    no draw puts on a side: 0, and the interval of 0 draws in all); all empty without draws, and `mc_p_side` and its
    interval empty for a role not in DRAWN_ROLES. `honour`: the row's honour model, None the default."""
    mc = result.montecarlo
    if mc is None:
        return lambda state, role, side: dict.fromkeys(DRAWS_COLUMNS)
    import numpy as np

    from foedus.engine.fast.montecarlo import wilson_interval

    never = [round(float(x[0]), 6) for x in wilson_interval(np.zeros(1), mc.draws)]  # as `probability_intervals`
    size, power = mc.war_size, mc.expected_power or {}
    scenario = {"mc_draws": mc.draws, "mc_seed": mc.seed, "mc_honour": honour or "default",
                "mc_war_size_mean": size["mean"], "mc_war_size_p5": size["p5"], "mc_war_size_p95": size["p95"],
                "mc_p_major_powers_opposite": mc.p_major_powers_opposite,
                "mc_p_major_powers_unknown": mc.p_major_powers_unknown, "mc_cinc_note": power.get("note"),
                **{f"mc_cinc_{side}_{key}": power.get(side, {}).get(f"cinc_{key}" if key != "share" else "share_mean")
                   for side in _SIDES for key in ("mean", "p5", "p95", "share")}}

    def cells(state: str, role: str, side: str | None) -> dict[str, Any]:
        drawn = side is not None and role in DRAWN_ROLES
        low, high = mc.probability_intervals.get(state, {}).get(side or "", never) if drawn else (None, None)
        own = {"mc_p_side": mc.probabilities.get(state, {}).get(side or "", 0.0) if drawn else None,
               "mc_p_side_low": low, "mc_p_side_high": high}
        return {k: own[k] if k in own else scenario[k] for k in DRAWS_COLUMNS}

    return cells


def drawn_only(result: CascadeResult, rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Each (state, side) the draws put on a side in some draw (a share above 0 in the summary) that no row of
    `rows` in DRAWN_ROLES places there, by state then side (attack first); none without draws."""
    mc = result.montecarlo
    if mc is None:
        return []
    placed = {(row["state"], row["side"]) for row in rows if row["role"] in DRAWN_ROLES}
    return [(state, side) for state in sorted(mc.probabilities) for side in _SIDES
            if mc.probabilities[state].get(side, 0.0) > 0 and (state, side) not in placed]
