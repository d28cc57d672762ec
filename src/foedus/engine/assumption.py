"""What a doubt says may have been so on the day, as a hypothesis the leg table can be compiled under.

Each doubt (`foedus.engine.doubts`) leaves something out by a recorded day whose window holds the scenario's date:
the treaty not yet in force, or ended; a state not yet, or no longer, a party; a clause not yet, or no longer,
applying. An `Assumption` names that thing, and `compile_table(..., assumed=...)` (`foedus.engine.table`) reads the
treaty as if it were so, so that `foedus.engine.doubt_reach` can run the engine's own cascade on it. Nothing here
reads a clause: what a party owes is still the rules' (`foedus.engine.rules`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

from foedus.datarecord import dataclass

if TYPE_CHECKING:
    from foedus.engine.scenario import Basis
    from foedus.model.treaty import Provision, Treaty

__all__ = ["Assumption", "by_treaty", "clause_applies", "read_as", "with_party"]

What = Literal["in force", "not ended", "party", "applies"]


@dataclass(frozen=True, slots=True)
class Assumption:
    """One treaty read otherwise on the day: in force (`in force`), not ended (`not ended`), `state` one of its
    parties (`party`), or its clauses at `clauses` (indexes into `provisions`) applying (`applies`)."""

    treaty: str
    what: What
    state: str | None = None
    clauses: tuple[int, ...] = ()


def by_treaty(assumed: Iterable[Assumption]) -> dict[str, tuple[Assumption, ...]]:
    """The assumptions grouped by the treaty they read otherwise."""
    out: dict[str, tuple[Assumption, ...]] = {}
    for a in assumed:
        out[a.treaty] = (*out.get(a.treaty, ()), a)
    return out


def read_as(treaty: Treaty, day: dt.date, basis: Basis, hypo: tuple[Assumption, ...]) -> tuple[dt.date, Basis]:
    """The day and basis whose parties the treaty has under `hypo`: in force, those of its entry into force (the
    recorded day, the date rule's `TreatyRules.starts`; none found, its signature: the signed basis on `day`); not
    ended, those of its last day."""
    what = {a.what for a in hypo}
    if "in force" in what:
        start = treaty.starts(basis)
        return (day, "signed") if start is None or basis == "signed" else (max(day, start), basis)
    if "not ended" in what and treaty.terminated is not None and treaty.terminated <= day:
        return treaty.terminated - dt.timedelta(days=1), basis
    return day, basis


def with_party(parties: dict[str, str | None], hypo: tuple[Assumption, ...],
               exists: Callable[[str], bool]) -> dict[str, str | None]:
    """`parties` (party -> why its membership is suspended) with each state `hypo` makes a party, not suspended
    (a treaty with no party on the day, not in effect, gets none: its own doubt is the treaty's), that `exists` on
    the day by the state-system rule (`foedus.engine.rules.system.in_system`, as the recorded parties are read): a
    state that has left the system cannot have been a party then (unified Germany's NATO row, dated to within a week
    of 3 Oct 1990, is no doubt on 30 Sep 1990: COW 255 is out from 1945), one before its first spell may have been."""
    added = [a.state for a in hypo if a.what == "party" and a.state is not None and exists(a.state)]
    if not parties or not added:
        return parties
    return {**parties, **{s: parties.get(s) for s in added}}


def clause_applies(treaty: Treaty, provision: Provision, hypo: tuple[Assumption, ...]) -> bool:
    """Whether `hypo` has `provision` of `treaty` apply on the day whatever its span."""
    return any(a.what == "applies" and any(treaty.provisions[i] is provision for i in a.clauses) for a in hypo)
