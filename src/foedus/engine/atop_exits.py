"""A note for an attacked state that left an ATOP alliance which goes on, within `ATOP_RECENT_YEARS` of the day:
Mali attacked on 2025-06-01 had no word of ECOWAS's defence protocol (atop_3810), which it left on 29 Jan 2025,
as the ended-alliance note (`foedus.engine.atop_ended`) reads only ends.

The rule, for each attacked state: a membership row of an ATOP alliance phase of the merged history (not replaced by
a curated treaty, corrections applied) that ends (its `left`, ATOP's member-level end date or an `exit` correction)
while the alliance goes on, in the phase itself or in the next phase that leaves the state out, the state no member
of the alliance again on the scenario's date, with a partner of the day of the exit that is an attacker or not bound
to join now. It is said as the ended-alliance note says an end: the coding, how sure the exit is, its page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from foedus.engine.certainty_words import how_sure
from foedus.sources.atop_release import ATOP_END
from foedus.wording import few_listed, named_state

if TYPE_CHECKING:
    from collections.abc import Mapping

    from foedus.model.treaty import Member, Treaty

__all__ = ["Exit", "exit_note", "exits", "in_force_on", "member_on", "partners_said"]

Exit = tuple[dt.date, "Treaty", "Member", tuple[str, ...], tuple["Treaty", ...]]
"""An exit: its day (the first out), the phase left, the leaver's row, its partners that day, the alliance's phases."""

_EXIT_WORDS = ("withdr", "exit", "left ", "leav", "cease")


def exits(treaties: Iterable[Treaty]) -> list[Exit]:
    """Every exit of a member from an ATOP alliance that goes on, by day: built once per treaty set with the ended
    phases (`foedus.engine.atop_ended.recent_ended`), so a cascade reads only those of its window."""
    atop = [t for t in treaties if t.origin == "atop"]
    phases: dict[int, list[Treaty]] = {}
    for t in atop:
        phases.setdefault(t.atop_ids[0], []).append(t)
    out: list[Exit] = []
    for t in atop:
        alliance = tuple(phases[t.atop_ids[0]])
        for row in t.members:
            if row.left is None:
                continue
            day: dt.date = row.left
            if t.terminated is not None and day >= t.terminated:  # out with the phase: the next one must go on
                day = t.terminated
                going = [o for o in alliance if o is not t and in_force_on(o, day)]
                if not going or any(member_on(o, row.state, day) for o in going):
                    continue
            elif member_on(t, row.state, day):  # another row of the state goes on
                continue
            partners = tuple(dict.fromkeys(r.state for r in t.members if r.state != row.state and r.joined is not None
                                           and r.joined < day and (r.left is None or r.left > day)))  # none out then
            if partners:
                out.append((day, t, row, partners, alliance))
    return sorted(out, key=lambda e: e[0])


def member_on(treaty: Treaty, state: str, day: dt.date) -> bool:
    """Whether `state` is a member of `treaty` (a phase) on `day`, by its rows."""
    return any(r.state == state and r.joined is not None and r.joined <= day and (r.left is None or day < r.left)
               for r in treaty.members)


def in_force_on(treaty: Treaty, day: dt.date) -> bool:
    """Whether `treaty` (a phase) is in force on `day`, by its own dates."""
    start = treaty.in_force or treaty.signed
    return start <= day and (treaty.terminated is None or day < treaty.terminated)


def exit_note(found: Exit, gone: list[str], attackers: Set[str], names: Mapping[str, str], cited: str) -> str:
    """The note's words: "Mali (MLI) left an ATOP alliance that goes on, out of it since 2025-01-29: atop_3810
    (coded defence) with Benin (BEN, the attacker), Côte d’Ivoire (CIV), Cape Verde (CPV) and 6 more, not bound by
    it now (exit: verified; source: URL)": past five partners, the attackers first and a count (`partners_said`);
    `cited`: the alliance as the ended-alliance note cites it."""
    day, _, row, _, _ = found
    window = row.left_certainty
    early = f" ({window.certainty}: as early as {window.since})" if window is not None and window.since else ""
    return (f"{named_state(row.state, names)} left an ATOP alliance that goes on, out of it since {day}{early}: "
            f"{cited} with {partners_said(gone, attackers, names)}, not bound by it now (exit: "
            f"{how_sure(row.certainty, window)}; source: {_source(found)})")


def partners_said(gone: list[str], attackers: Set[str], names: Mapping[str, str]) -> str:
    """The partners an ended-treaty note names, an ATOP exit's (`exit_note`), an ended ATOP alliance's
    (`foedus.engine.atop_ended`) and an ended curated treaty's (`foedus.engine.ended_notes`) alike: the attackers
    first, each "Senegal (SEN, the attacker)" (", its attacker" read as one more partner: "Senegal (SEN), its
    attacker and Mauritania (MRT)"), then the others in `gone`'s order, past five three named and a count
    (`few_listed`), as the note says why the alliance matters to the attack, not who was in it."""
    return few_listed([_as_attacker(named_state(s, names)) if s in attackers else named_state(s, names)
                       for s in sorted(gone, key=lambda s: s not in attackers)])


def _as_attacker(named: str) -> str:
    """A partner that is the attack's attacker, said inside its name's brackets so it reads as no list item:
    "Senegal (SEN, the attacker)"; "BBB (the attacker)" for a state named by its id alone."""
    return f"{named[:-1]}, the attacker)" if named.endswith(")") else f"{named} (the attacker)"


def _source(found: Exit) -> str:
    """The page that dates the exit: its date's own source, the row's, a correction's page whose title speaks of an
    exit, else ATOP's, which codes it (an exit after ATOP's coverage is a correction's: its first page)."""
    day, treaty, row, _, _ = found
    if row.left_certainty is not None and row.left_certainty.source:
        return str(row.left_certainty.source)
    if row.source:
        return str(row.source)
    pages = treaty.sources[1:]
    said = [s for s in pages if any(w in (s.title or "").lower() for w in _EXIT_WORDS)]
    if said:
        return str(said[0].url)
    return str(treaty.sources[0].url if day <= ATOP_END or not pages else pages[0].url)
