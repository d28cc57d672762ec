"""The treaty changes between a comparison's two dates that can move who is bound: `foedus compare -a RUS -t FIN -d
2022-06-01 --date2 2024-06-01` listed nine states newly bound under NATO's Art. 5 and never said that Finland had
joined NATO on 2023-04-04 (nor Sweden on 2024-03-07), the answer to "what changed the map"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from foedus.war.change_words import change_words
from foedus.war.changes import treaty_changes

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.model.world import World

__all__ = ["MOVING", "dated_changes", "dated_line"]

MOVING = frozenset({"in-force", "signed", "terminated", "joins", "leaves", "suspended", "restored", "frozen",
                    "unfrozen", "clause-starts", "clause-ends", "leg-suspended", "leg-restored"})
"""The kinds of treaty change that start or stop a duty; those that only change what a duty rests on (`continues`,
`coverage-ends`, ...) are left out: they move no one."""


def dated_changes(base: CascadeResult, other: CascadeResult, world: World, treaties: Iterable[str],
                  states: Iterable[str]) -> list[dict[str, Any]]:
    """The changes of `treaties` (those the comparison names) dated after the earlier date up to the later one, of a
    kind that moves duties (`MOVING`), each of the treaty as a whole or of one of `states` (the scenario's and those
    the comparison names), as the war replay records them (`TreatyChange.to_dict`) with `text`, its words, the state
    named as on that day; none when both results share a date (a what-if). With `other` dated before `base` the
    comparison reads history backwards: the changes come latest first, each with `undone_back_to`, `other`'s date
    (Finland's accession is undone going back from 2024 to 2022, not made)."""
    a, b = sorted((base.scenario.date, other.scenario.date))
    if a == b:
        return []
    wanted, found = set(states), [world.treaties[t] for t in dict.fromkeys(treaties) if t in world.treaties]
    by_day = treaty_changes(found, base.scenario.basis, a, b, world.states.names_on)
    said = [c.to_dict() | {"text": change_words(c.what, c.treaty, c.state, c.article, world.states.names_on(day))}
            for day, changes in by_day.items() for c in changes
            if c.what in MOVING and (c.state is None or c.state in wanted)]
    if other.scenario.date > base.scenario.date:
        return said
    return [c | {"undone_back_to": str(a)} for c in reversed(said)]


def dated_line(change: dict[str, Any]) -> str:
    """A dated change as `foedus compare` prints it, its certainty after it when not verified; one a comparison
    back in time undoes says so, with the earlier date.

    >>> dated_line({"date": "2023-04-04", "text": "Finland (FIN) joins nato_1949", "certainty": "verified"})
    'treaty change on 2023-04-04: Finland (FIN) joins nato_1949'
    >>> dated_line({"date": "2023-04-04", "text": "Finland (FIN) joins nato_1949", "certainty": "verified",
    ...             "undone_back_to": "2022-01-01"})
    'treaty change on 2023-04-04, undone going back to 2022-01-01: Finland (FIN) joins nato_1949'
    """
    tag = "" if change["certainty"] == "verified" else f" ({change['certainty']})"
    back = f", undone going back to {change['undone_back_to']}" if change.get("undone_back_to") else ""
    return f"treaty change on {change['date']}{back}: {change['text']}{tag}"
