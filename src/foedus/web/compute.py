"""What the cascade and compare endpoints compute: plain JSON-ready dicts, the same in the server and its workers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from foedus.web.envelope import WebInputError
from foedus.web.params import ScenarioQuery
from foedus.web.params_mc import DrawsQuery
from foedus.web.whatif import WhatIfQuery, changed_for

__all__ = ["check_comparable", "compare_payload", "run_query"]


def run_query(q: ScenarioQuery, whatif: WhatIfQuery | None = None, mc: DrawsQuery | None = None) -> dict[str, Any]:
    """Run the scenario as `foedus.cascade` does (`foedus.run.run_scenario`), in the what-if world changed
    beforehand and kept (`changed_for`), and return its JSON contract: its notes are the CLI's, in the CLI's order."""
    from foedus.run import run_scenario

    mc = mc or DrawsQuery()
    changed = changed_for(whatif, q.date) if whatif is not None else None
    options = {**q.kwargs(), "draws": mc.draws, "seed": mc.seed}
    return run_scenario(q.attackers, q.targets, q.date, None, None, None, None, options, changed).to_dict()


def check_comparable(q: ScenarioQuery, whatif: WhatIfQuery, other_date: str | None) -> None:
    """Refuse a comparison of a world with itself: no what-if change, and no other date or the same one (as the
    CLI's `foedus compare` refuses a --date2 equal to --date); and attacks ongoing since a day after either date,
    naming which (`foedus.engine.ongoing_days`, as the CLI names --date or --date2).

    Raises:
        WebInputError: nothing to compare.
        FoedusError: a malformed date (other_date's named: its refusal was the same words as date's); an
            ongoing_since after date or other_date.
    """
    from foedus.engine.ongoing_days import ongoing_after, parse_since
    from foedus.engine.scenario import parse_date

    if other_date is not None and parse_since(other_date, parse_date, "other_date") == parse_date(q.date):
        other_date = None  # the same day: no other date
    if not whatif.flags and other_date is None:
        raise WebInputError("nothing to compare: give an other_date than date, or a what-if change (add_member, "
                            "remove_member, drop_treaty, set_strength, set_scope)")
    if (since := q.kwargs().get("ongoing_since")) is not None:
        day = parse_date(q.date)
        ongoing_after(parse_since(since, parse_date, "ongoing_since"),
                      [("date", day), ("other_date", parse_date(other_date) if other_date else day)])


def compare_payload(q: ScenarioQuery, whatif: WhatIfQuery, other_date: str | None) -> dict[str, Any]:
    """The scenario in the bundled world on its date and in the what-if world on `other_date`, and what changed: as
    `foedus compare` compares them (`cli.sweep_run.compare_scenario`: both cascades, then `compare_results` with
    the changes, the world they made and the world they were made to), the what-if world the one kept for the
    changes and the other date (`changed_for`), its changes those it was made with; so `changes` and its notes are
    the CLI's, in its order (tests/test_compare_web_cli.py).

    Raises:
        WebInputError: nothing to compare (no other date and no what-if change).
        FoedusError: the engine refused the input.
    """
    from foedus.api import cascade
    from foedus.model.world import World
    from foedus.sweeps.compare import compare_results

    check_comparable(q, whatif, other_date)
    other_q = replace(q, date=other_date) if other_date is not None else q

    def run(sq: ScenarioQuery, world: World) -> Any:
        return cascade(sq.attackers, sq.targets, sq.date, world=world, **sq.kwargs())

    changed = changed_for(whatif, other_q.date)
    base_world = changed.base if changed is not None else World.default()
    other_world = changed.world if changed is not None else base_world
    base = run(q, base_world)
    other = run(other_q, other_world)
    if changed is not None:  # said to be a what-if world, as the cascade's result in it is (`foedus.run.what_if_noted`)
        from foedus.run import what_if_noted

        other = what_if_noted(other, changed.changes, changed.world, changed.base)
    made = (changed.changes, changed.world) if changed is not None else None
    return {"base": base.to_dict(), "other": other.to_dict(), "whatif": whatif.changes,
            "changes": compare_results(base, other, made, base_world)}
