"""A note for an attacked state whose ATOP-coded alliance ended shortly before the day: China→Taiwan on 1976-01-01
said nothing of the Philippines–Taiwan Treaty of Amity (atop_3070, out of force since 1975-06-10), as the curated
rule (`foedus.engine.ended_notes`) reads only curated treaties.

The rule, for each attacked state: an ATOP alliance phase of the merged history (not replaced by a curated treaty,
corrections applied), of which the state was a member at its end, out of force on the scenario's date for at most
`ATOP_RECENT_YEARS`, whose alliance did not go on in a next phase that day (nor was only left uncarried past
ATOP's coverage by a correction, out of force from 2019-01-01: no dated end), with a member at its end that is not
bound to join now (an attacker among them: a pact between the two sides). Whatever ATOP codes it (defence, offence,
neutrality, non-aggression, consultation) is said, with how sure its end is, as the history data says, and the
member whose ceasing to be a state ended it (`ceased`). The same window holds the attacked state's own exits from an
alliance that goes on (`foedus.engine.atop_exits`)."""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Iterable, Mapping, Sequence, Set
from typing import TYPE_CHECKING

from foedus.cited_names import atop_title
from foedus.engine.atop_exits import Exit, exit_note, exits, in_force_on, member_on, partners_said
from foedus.engine.certainty_words import how_sure
from foedus.sources.atop_release import ATOP_END, ATOP_RECENT_YEARS, RECENT_AFTER
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty
    from foedus.model.treatymap import TreatyMap

__all__ = ["ATOP_RECENT_YEARS", "atop_ended_notes", "ended_phases", "recent_ended", "recent_since"]

Ended = tuple[tuple[dt.date, int, int], "Treaty", tuple[str, ...], Exit | None]
"""An entry of a day's window: its order (the day, an end before an exit, its place), the phase, its members at its
end, and for a member's exit from an alliance that goes on (`foedus.engine.atop_exits`) the exit."""

KIND_WORDS = {"defense": "defence", "offense": "offence", "neutrality": "neutrality",
              "nonaggression": "non-aggression", "consultation": "consultation"}
"""ATOP's obligations in the order of its codebook, as the note says them."""

CEASED_DAYS = 7
"""How soon after a member's last day in the COW state system an alliance's end is read as that state's ceasing to
exist: ATOP ends it the next day or the one after (the Yemen People's Republic's last day 1990-05-21, its pacts out
from 1990-05-23; the GDR's 1990-10-02, its pacts out from 1990-10-04)."""

_DAYS = 4096
"""The days whose windows a treaty set keeps (`recent_ended`), forgotten all at once past it: a sweep of days reads
each once, a server the same few again and again."""

_UNCARRIED = ATOP_END + dt.timedelta(days=1)
"""The end a correction gives an alliance it does not carry past ATOP's coverage (atop_3355): no dated event."""

_END_WORDS = ("terminat", "denunciat", "dissol", "abrogat", "expir", "end ", "ended", "no longer")


def recent_since(day: dt.date) -> dt.date:
    """The earliest end a note on `day` reads: `ATOP_RECENT_YEARS` before it (29 February read as the 28th)."""
    return dt.date(day.year - ATOP_RECENT_YEARS, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)


def ended_phases(treaties: Iterable[Treaty]) -> list[tuple[dt.date, Treaty, tuple[str, ...]]]:
    """The ATOP phases among `treaties` that ended (not by a change of phase, nor only left uncarried), each with its
    end and its members at the end, by end (a treaty's order kept within a day): built once per treaty set, so a
    cascade reads only the few of its window (`atop_ended_notes`)."""
    atop = [t for t in treaties if t.origin == "atop"]
    phases: dict[int, list[Treaty]] = {}
    for t in atop:
        phases.setdefault(t.atop_ids[0], []).append(t)
    out = []
    for t in atop:
        end = t.terminated
        if end is None or end == _UNCARRIED or any(o is not t and in_force_on(o, end) for o in phases[t.atop_ids[0]]):
            continue  # in force, only uncarried, or its alliance went on in a next phase that day
        out.append((end, t, tuple(m.state for m in t.members if m.left is None or m.left >= end)))
    return sorted(out, key=lambda e: e[0])


class _Held:
    """A treaty set's ended phases and exits (all, or `True`: of those that can bind after `RECENT_AFTER`, enough
    for a window that starts after it), built once, and each day's window by member, memoised."""

    __slots__ = ("days", "exits", "phases", "ref")

    def __init__(self, treaties: TreatyMap) -> None:
        self.ref = weakref.ref(treaties)  # tells the set from a later one given the same id
        self.phases: dict[bool, list[tuple[dt.date, Treaty, tuple[str, ...]]]] = {}
        self.exits: dict[bool, list[Exit]] = {}
        self.days: dict[dt.date, dict[str, list[Ended]]] = {}


_HELD: dict[int, _Held] = {}
"""The ended phases of each treaty set by its id (a mapping, unhashable), dropped with the set."""


def recent_ended(treaties: TreatyMap, day: dt.date) -> Mapping[str, Sequence[Ended]]:
    """The ATOP phases of `treaties` ended within `ATOP_RECENT_YEARS` of `day` (`ended_phases`), by member at their
    end, and the exits of that time from an alliance that goes on, by the state that left (`atop_exits.exits`):
    worked out once per treaty set and day, so that a cascade asks only whether an attacked state is a key."""
    held = _HELD.get(id(treaties))
    if held is None or held.ref() is not treaties:
        held = _HELD[id(treaties)] = _Held(treaties)
        weakref.finalize(treaties, _HELD.pop, id(treaties), None)  # a what-if world's set, let go
    window = held.days.get(day)
    if window is None:
        if len(held.days) >= _DAYS:
            held.days.clear()
        window = held.days[day] = _window(held, treaties, day)
    return window


def _window(held: _Held, treaties: TreatyMap, day: dt.date) -> dict[str, list[Ended]]:
    """The phases ended from `recent_since(day)` to `day`, by member at their end, and the exits of those days by
    the state that left, not a member again on `day`, in order of day."""
    since = recent_since(day)
    after = since > RECENT_AFTER  # the alliances that can bind after it hold every end and exit after it
    if after not in held.phases:
        every = list(treaties.on(since))
        held.phases[after], held.exits[after] = ended_phases(every), exits(every)
    ended, left = held.phases[after], held.exits[after]
    out: dict[str, list[Ended]] = {}
    for i in range(bisect.bisect_left(ended, since, key=lambda e: e[0]),
                   bisect.bisect_right(ended, day, key=lambda e: e[0])):
        end, treaty, parties = ended[i]
        for state in parties:
            out.setdefault(state, []).append(((end, 0, i), treaty, parties, None))
    for i in range(bisect.bisect_left(left, since, key=lambda e: e[0]),
                   bisect.bisect_right(left, day, key=lambda e: e[0])):
        found = left[i]
        if not any(member_on(phase, found[2].state, day) for phase in found[4]):
            out.setdefault(found[2].state, []).append(((found[0], 1, i), found[1], found[3], found))
    return out


def atop_ended_notes(window: Mapping[str, Sequence[Ended]], targets: Sequence[str], attackers: Set[str],
                     bound: Set[str], names: Mapping[str, str], states: StateRegistry) -> list[str]:
    """A note per ATOP alliance phase of an attacked state (`targets`) in `window` (`recent_ended` of the day), by
    the module's rule, with the member whose end as a state ended it (`ceased`), and per exit of one from an
    alliance that goes on (`foedus.engine.atop_exits`), in order of day (an attacked state's order kept within
    one)."""
    found = sorted((order, k, treaty, parties, left) for k, target in enumerate(targets)
                   for order, treaty, parties, left in window.get(target, ()))
    out = []
    for _, k, treaty, parties, left in found:
        target = targets[k]
        gone = sorted({p for p in parties if p != target and (p in attackers or p not in bound)})
        if gone and left is not None:
            out.append(exit_note(left, gone, attackers, names, _cited(treaty)))
        elif gone:
            out.append(atop_ended_note(treaty, target, gone, attackers, names, ceased(treaty, parties, states)))
    return out


def ceased(treaty: Treaty, parties: Iterable[str], states: StateRegistry) -> list[tuple[str, dt.date]]:
    """The members at `treaty`'s end whose last spell in the COW state system ended at most `CEASED_DAYS` before
    it, each with its last day: the alliance ended with the state (Yemen's unification, Germany's)."""
    end, out = treaty.terminated, []
    for party in parties:
        spells = states.states[party].spells if party in states.states else ()
        last = spells[-1][1] if spells else None
        if end is not None and last is not None and 0 < (end - last).days <= CEASED_DAYS:
            out.append((party, last))
    return out


def atop_ended_note(treaty: Treaty, target: str, gone: list[str], attackers: Set[str],
                    names: Mapping[str, str], ended_by: Sequence[tuple[str, dt.date]] = ()) -> str:
    """The note's words: "an ATOP alliance of Taiwan (TWN) is out of force since 1975-06-10: atop_3070 (coded
    non-aggression) with Philippines (PHL), not bound by it now (end: verified; source: http://www.atopdata.org/data.html)",
    its partners named as an exit's are (`partners_said`: attackers first, past five three and a count); with
    `ended_by` (`ceased`), after the date: ", as Yemen People's Republic (COW680) ceased to be a state (its last day
    in the COW state system 1990-05-21)".
    """
    cited = _cited(treaty)
    window = treaty.terminated_certainty
    early = f" ({window.certainty}: as early as {window.since})" if window is not None and window.since else ""
    early += "".join(f", as {named_state(s, names)} ceased to be a state (its last day in the COW state system {last})"
                     for s, last in ended_by)
    return (f"an ATOP alliance of {named_state(target, names)} is out of force since {treaty.terminated}{early}: "
            f"{cited} with {partners_said(gone, attackers, names)}, not bound by it now (end: {_end_sure(treaty)}; "
            f"source: {_source(treaty)})")


def _cited(treaty: Treaty) -> str:
    """The alliance as a note cites it: "atop_3070 (Treaty of Amity, 1947; name secondary; coded non-aggression)"."""
    title = atop_title(treaty)
    return f"{treaty.id} ({title}; coded {_coded(treaty)})" if title else f"{treaty.id} (coded {_coded(treaty)})"


def _coded(treaty: Treaty) -> str:
    """ATOP's obligations of the phase, in the codebook's order: "defence and consultation"."""
    kinds = {p.kind.value for p in treaty.provisions}
    return and_listed([w for k, w in KIND_WORDS.items() if k in kinds]) or "no obligation"


def _end_sure(treaty: Treaty) -> str:
    """How sure the end is, as the history data says: the treaty's tag with its end's window (`how_sure`), or, where
    ATOP codes the last exit without a day, unverified with the import's words (the end is in the treaty's
    `unverified`, `foedus.sources.atop`)."""
    said = how_sure(treaty.certainty, treaty.terminated_certainty)
    unsure = [u for u in treaty.unverified if u.startswith("its end")]
    return f"unverified; {unsure[0]}" if unsure and treaty.terminated_certainty is None else said


def _source(treaty: Treaty) -> str:
    """The page that dates the end: its end date's own source, else a correction's page whose title speaks of an end,
    else ATOP's, which codes it (an end after ATOP's coverage is a correction's: its first page)."""
    window = treaty.terminated_certainty
    if window is not None and window.source:
        return str(window.source)
    pages = treaty.sources[1:]
    said = [s for s in pages if any(w in (s.title or "").lower() for w in _END_WORDS)]
    if said:
        return str(said[0].url)
    coded = treaty.terminated is not None and treaty.terminated <= ATOP_END
    return str(treaty.sources[0].url if coded or not pages else pages[0].url)
