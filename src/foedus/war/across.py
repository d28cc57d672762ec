"""When the facts a cascade gives of a membership, a clause or a directed duty differ across a day: the one rule by
which a war replay's treaty timeline makes a `continues`, `clause-continues` or `leg-continues` change, whether rows
or twins overlap on the day (`foedus.war.changes`) or a window of a day known less than to the day opens or closes
then (`foedus.war.window_changes`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from foedus.engine.certainty import clause_facts, leg_facts, member_facts
from foedus.engine.certainty_words import ended_fact
from foedus.engine.records import CertaintyReason
from foedus.model.parties import state_party_on
from foedus.model.windows import cited_twin, unsure_before

if TYPE_CHECKING:
    from foedus.model.treaty import Provision, Treaty

__all__ = ["ClauseShift", "clause_shift", "eve", "leg_shift", "member_shift", "party_across"]

_DAY = dt.timedelta(days=1)
Facts = tuple[CertaintyReason, ...]


def member_shift(treaty: Treaty, state: str, day: dt.date, basis: str, names: Mapping[str, str]
                 ) -> tuple[Facts, Facts] | None:
    """The facts `state`'s membership of `treaty` rests on, on the day before `day` and on `day` (`member_facts`,
    the cascade's), where they differ (as sets); None where they do not (or `day` is the calendar's first)."""
    if (prior := eve(day)) is None:
        return None
    was, now = member_facts(treaty, state, prior, basis, names), member_facts(treaty, state, day, basis, names)
    return None if set(was) == set(now) else (was, now)


def leg_shift(treaty: Treaty, provision: Provision, obligor: str, beneficiary: str, day: dt.date,
              names: Mapping[str, str]) -> tuple[Facts, Facts] | None:
    """The facts of `obligor`'s duty to `beneficiary` under `provision` itself (`leg_facts`: the edges of its
    suspensions known less than to the day), on the day before `day` and on `day`, where they differ; None where
    they do not."""
    if (prior := eve(day)) is None:
        return None
    was = leg_facts(treaty, provision, obligor, beneficiary, prior, names)
    now = leg_facts(treaty, provision, obligor, beneficiary, day, names)
    return None if set(was) == set(now) else (was, now)


class ClauseShift(NamedTuple):
    """The clause the cascade cites of a clause and its twins on the day before a day (`was`) and on the day
    (`now`), and the facts a duty under each rests on then (`before`, `after`)."""

    was: Provision
    now: Provision
    before: Facts
    after: Facts


def clause_shift(treaty: Treaty, provision: Provision, day: dt.date) -> ClauseShift | None:
    """Where `provision` (or a twin) applies on the day before `day` and on `day` and the facts a duty under the clause
    cited each day rests on differ (the treaty's end inside its window, then `clause_facts` of `cited_twin`, as
    `foedus.engine.certainty` reads them): both clauses and both days' facts; None where no twin applies on one of
    the days, or the facts are the same."""
    if (prior := eve(day)) is None:
        return None
    was, now = cited_twin(treaty, provision, prior), cited_twin(treaty, provision, day)
    if was is None or now is None:
        return None
    before = _ended(treaty, prior) + clause_facts(treaty, was, prior)
    after = _ended(treaty, day) + clause_facts(treaty, now, day)
    return None if set(before) == set(after) else ClauseShift(was, now, before, after)


def eve(day: dt.date) -> dt.date | None:
    """The day before `day`, if any (None for the calendar's first): the day each shift compares `day` with, and the
    one a replay's change asks a state's or a clause's standing on before its day.

    >>> eve(dt.date(2024, 3, 1)), eve(dt.date.min)
    (datetime.date(2024, 2, 29), None)
    """
    return None if day == dt.date.min else day - _DAY


def party_across(treaty: Treaty, state: str, day: dt.date, basis: str) -> bool:
    """Whether `state` is a party to `treaty` on the day before `day` and on `day`, by any of its rows
    (`state_party_on`): a membership that holds across the day, whose facts a replay says go on, or change, there."""
    return (prior := eve(day)) is not None and state_party_on(treaty, state, prior, basis) \
        and state_party_on(treaty, state, day, basis)


def _ended(treaty: Treaty, day: dt.date) -> Facts:
    """The treaty's end, a fact of every duty under it on `day` inside its window (`foedus.engine.certainty`)."""
    return ended_fact(treaty) if unsure_before(day, treaty.terminated, treaty.terminated_certainty, end=True) else ()
