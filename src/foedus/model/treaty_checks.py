"""Checks of a whole treaty as a file writes it, after its states are resolved (`foedus.model.loader`): its id is its
own, its parties are members and each a member once at a time, its dates fall where foedus reads them; and
(`check_written`, for a treaty a user or foedus's curators wrote, not one made from ATOP's data) it can bind.
"""

from __future__ import annotations

import datetime as dt
import itertools

from foedus.errors import TreatyDataError
from foedus.listed import listed_twice
from foedus.model.clause_checks import check_clauses
from foedus.model.days import LATEST
from foedus.model.facts import Span
from foedus.model.parties import first_party_day
from foedus.model.replacing import ATOP_ID
from foedus.model.row_checks import check_rows_agree
from foedus.model.treaty import Member, Provision, Treaty
from foedus.model.vocab import Kind
from foedus.model.written_days import written_days

__all__ = ["bare_article", "check_dates", "check_own_id", "check_parties", "check_written", "first_party_day"]

# The fields that end something (a membership, the treaty, a window, a source's coverage, the latest a date can be):
# one after `LATEST` ends after every day foedus reads, which is what it says, so only the starts keep the limit
_ENDS = ("left", "terminated", "coverage_end", ".end", ".until")

UNSTATED_ARTICLE = "not stated"  # an invocation whose source does not say which article it relied on

_SCOPED = frozenset({Kind.DEFENSE, Kind.CONSULTATION})  # kinds whose every leg is read through the scope (rules.where)
_AIDED = frozenset({Kind.DEFENSE, Kind.OFFENSE})  # kinds whose obligors owe aid to a side, non-military or not


def check_written(treaty: Treaty, path: str) -> None:
    """A treaty as a file (or a what-if's add_treaty) writes it: an id of its own (`check_own_id`), and a life in
    which it can bind someone: two states or more, a provision at least (or `binds_no_one`, saying why it has
    none), a day in force (`terminated` is its first day out of force, so not the day it took effect), no member
    who would become a party only then, each invocation in force and by parties (`_invoked_in_force`), and no
    switch or scope no engine reads (`_clauses_read`), no article repeated at another strength where both bind,
    and no adversary clause no attack can meet (`clause_checks.check_clauses`).

    Not asked of a treaty made from ATOP's data (ATOP 4985's second phase ends the day it begins), nor of one a
    what-if changed (dropping a member of a pair leaves one, whose treaty then binds no one: the what-if's point).

    Raises:
        TreatyDataError: the first problem, with its field path.
    """
    check_own_id(treaty, path)
    states = sorted({m.state for m in treaty.members})
    if len(states) < 2:
        raise TreatyDataError(path, "members", f"only {states[0]} is a member: a treaty binds two states or more")
    if treaty.type == "bilateral" and len(states) > 2 and len(at_once := _most_at_once(treaty.members)) > 2:
        raise TreatyDataError(path, "type", f"bilateral (the default when type is left out), but {len(at_once)} "
                              f"states are members at once ({', '.join(at_once)}): give type: multilateral")
    if not treaty.provisions and treaty.binds_no_one is None:
        raise TreatyDataError(path, "provisions", "none given: a treaty without provisions obliges no one; list "
                              "them, or say in binds_no_one why it binds no one")
    start = treaty.in_force or treaty.signed
    if treaty.terminated is not None and treaty.terminated <= start:
        took = "came into force" if treaty.in_force else "was signed"
        raise TreatyDataError(path, "terminated", f"{treaty.terminated} is the day it {took}, so it was never in "
                              "force (terminated is its first day out of force): give the day after its last day in "
                              "force")
    _invoked_articles(treaty, path)
    _invoked_in_force(treaty, path)  # (a what-if that drops a member who once invoked it keeps the record)
    for i, m in enumerate(treaty.members):  # (ATOP 4985's second phase is one day, its member from that day)
        if treaty.terminated is not None and (first := first_party_day(treaty, m)) >= treaty.terminated:
            key = "joined" if m.joined else "signed"
            raise TreatyDataError(path, f"members[{i}].{key}", f"{first} is on or after the treaty's termination "
                                  f"({treaty.terminated}), so {m.state} would never be a party")
    _clauses_read(treaty, path)
    check_clauses(treaty, path)


def _clauses_read(treaty: Treaty, path: str) -> None:
    """No defence or consultation clause covers no attack (its legs are read through the scope, `rules.where`), and
    `when_partner_attacks` is set only on a neutrality clause, the one kind that reads it (`rules.where`), and
    `non_military` only on a clause that owes aid to a side (`_AIDED`): on a neutrality clause it was read, and meant
    nothing."""
    for i, p in enumerate(treaty.provisions):
        if p.kind in _SCOPED and p.scope.territory == [] and p.scope.forces == []:
            raise TreatyDataError(path, f"provisions[{i}].scope", f"territory and forces are both empty, so no attack "
                                  f"is covered and the {p.kind} clause would never bind: leave territory out "
                                  "(anywhere) or name where it applies")
        if p.when_partner_attacks and p.kind is not Kind.NEUTRALITY:
            raise TreatyDataError(path, f"provisions[{i}].when_partner_attacks", f"is read only on a neutrality "
                                  f"clause (whether it binds when the partner attacks too), never on a {p.kind} one")
        if p.non_military and p.kind not in _AIDED:
            raise TreatyDataError(path, f"provisions[{i}].non_military", f"is read only on a defence or offence "
                                  f"clause (its obligors may limit their aid to non-military means), never on a "
                                  f"{p.kind} one")


def check_own_id(treaty: Treaty, path: str) -> None:
    """A treaty file's id is not of the form of ATOP's (`atop_N`): it would stand in for that alliance unsaid.

    Raises:
        TreatyDataError: the id is of that form.
    """
    if ATOP_ID.match(treaty.id):  # (`replaces` only records a history: the history still counts what it names)
        raise TreatyDataError(path, "id", f"{treaty.id!r} is the form of ATOP's alliance ids: give the treaty an id "
                              f"of its own (and `atop_ids: [{treaty.id.split('_')[1]}]` to stand in for that "
                              "alliance)")


def check_parties(treaty: Treaty, path: str) -> None:
    """Obligors, beneficiaries and suspended legs name members, a suspended leg one the provision has; no state is a
    member twice at once, and its rows agree on its instrument (`row_checks`);
    a treaty does not replace itself, and names each treaty it replaces and each ATOP id once (a slip the list hides).

    Raises:
        TreatyDataError: the first problem, with its field path.
    """
    members = {m.state for m in treaty.members}
    spans: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for i, m in enumerate(treaty.members):
        start = m.joined or treaty.in_force or m.signed or treaty.signed
        for other_start, other_end in spans.get(m.state, []):
            if (m.left is None or other_start < m.left) and (other_end is None or start < other_end):
                raise TreatyDataError(path, f"members[{i}].state", f"{m.state} is listed twice with overlapping "
                                      "membership (a state that left and rejoined needs a 'left' date on the first)")
        spans.setdefault(m.state, []).append((start, m.left))
    check_rows_agree(treaty, path)
    for i, p in enumerate(treaty.provisions):
        named = [(f"{key}[{j}]", s) for key in ("obligors", "beneficiaries")
                 for j, s in enumerate(getattr(p, key) or [])]
        named += [(f"suspensions[{j}].{end}", getattr(leg, end)) for j, leg in enumerate(p.suspensions)
                  for end in ("obligor", "beneficiary")]
        for loc, state_id in named:
            if state_id not in members:
                raise TreatyDataError(path, f"provisions[{i}].{loc}", f"{state_id} is not a member of {treaty.id}")
        _legs_had(p, f"provisions[{i}]", path)
    _windows_apart(treaty, path)
    if treaty.id in treaty.replaces:
        raise TreatyDataError(path, "replaces", f"{treaty.id} cannot replace itself")
    for key, what in (("replaces", "treaty"), ("atop_ids", "ATOP id")):
        if twice := listed_twice(getattr(treaty, key), key, what):
            raise TreatyDataError(path, *twice)


def _windows_apart(treaty: Treaty, path: str) -> None:
    """One member's suspensions (or its freezes, or one leg's suspensions) do not overlap: the war timeline says each
    window's first and last day, so two that overlap would say the state restored while the other still holds it."""
    groups: dict[tuple[object, ...], list[tuple[str, Span]]] = {}
    for i, p in enumerate(treaty.provisions):
        for j, leg in enumerate(p.suspensions):
            groups.setdefault((i, leg.obligor, leg.beneficiary), []).append((f"provisions[{i}].suspensions[{j}]",
                                                                             leg.span))
    for i, m in enumerate(treaty.members):
        for key in ("suspended", "frozen"):
            groups[(i, key)] = [(f"members[{i}].{key}[{j}]", span) for j, span in enumerate(getattr(m, key))]
    for windows in groups.values():
        for (before, a), (loc, b) in itertools.pairwise(sorted(windows, key=lambda w: w[1].start)):
            if a.end is None or b.start < a.end:
                raise TreatyDataError(path, loc, f"the window from {b.start} overlaps {before} (from {a.start}"
                                      f"{f' to {a.end}' if a.end else ', not ended'}): one window would end while "
                                      "the other still holds; make them one window")


def _legs_had(p: Provision, where: str, path: str) -> None:
    """The provision has a leg (not one state owing itself), and each suspended leg is one it has: suspending another
    (its ends swapped, one state at both) would do nothing, unsaid, and leave the leg meant in effect."""
    if p.obligors is not None and p.obligors == p.beneficiaries and len(p.obligors) == 1:
        raise TreatyDataError(path, f"{where}.beneficiaries", f"{p.obligors[0]} is the provision's only obligor and "
                              "only beneficiary: a state owes itself nothing, so it would bind no one")
    for j, leg in enumerate(p.suspensions):
        for end, key, among in (("obligor", "obligors", p.obligors), ("beneficiary", "beneficiaries", p.beneficiaries)):
            state_id = getattr(leg, end)
            if among is not None and state_id not in among:
                raise TreatyDataError(path, f"{where}.suspensions[{j}].{end}", f"{state_id} is not among the "
                                      f"provision's {key} ({', '.join(among)}): there is no such leg to suspend")
        if leg.obligor == leg.beneficiary:
            raise TreatyDataError(path, f"{where}.suspensions[{j}]", f"{leg.obligor} owes itself nothing: a leg runs "
                                  "from one member to another")


def check_dates(treaty: Treaty, path: str) -> None:
    """Every date the file writes that starts something falls on a day foedus reads (up to `LATEST`,
    `written_days`; an end after it, such as a `terminated` of 9999-12-31 or a member's `left` in 2150, is read as
    after every day foedus reads, as written: tests/test_calendar_edges.py), and no member
    signs or joins, and no one invokes it, before the treaty was signed: such a date reads as a typo, and would be
    read as written (an invocation is shown by `treaties show` and the web map). Each date window (a provision's
    `valid`, a suspension, a freeze) holds a day and opens within the treaty's life: one opening after its
    termination, or ending the day it opens, would never be read, one before its signature reads as a typo.
    Each member row is a party for a day at least, and its suspensions and freezes meet that membership
    (`_membership_had`).

    Raises:
        TreatyDataError: the first date out of place, with its field path.
    """
    for loc, day in written_days(treaty):  # every date the file writes that starts something
        if day > LATEST and not loc.endswith(_ENDS):
            raise TreatyDataError(path, loc, f"{day} is after {LATEST}, the last day foedus reads")
    dated = [(f"members[{i}].{key}", getattr(m, key)) for i, m in enumerate(treaty.members)
             for key in ("signed", "joined")]
    dated += [(f"invocations[{i}].date", inv.date) for i, inv in enumerate(treaty.invocations)]
    for loc, day in dated:
        if day is not None and day < treaty.signed:
            raise TreatyDataError(path, loc, f"{day} is before the treaty was signed ({treaty.signed})")
    for loc, span in _windows(treaty):  # a window that opens where the treaty is not would be read as never
        if span.end == span.start:
            raise TreatyDataError(path, f"{loc}.end", f"{span.end} is the day the window opens, so it holds no day "
                                  "(end is its first day out): give the day after its last day")
        if span.start < treaty.signed:
            raise TreatyDataError(path, f"{loc}.start", f"{span.start} is before the treaty was signed "
                                  f"({treaty.signed})")
        if treaty.terminated is not None and span.start >= treaty.terminated:
            raise TreatyDataError(path, f"{loc}.start", f"{span.start} is on or after the treaty's termination "
                                  f"({treaty.terminated}), when it no longer binds anyone")
    for i, m in enumerate(treaty.members):
        _membership_had(treaty, m, f"members[{i}]", path)


def _invoked_in_force(treaty: Treaty, path: str) -> None:
    """Each invocation falls before the treaty's termination and each requester is a party on its day (as
    `first_party_day` and `left` read the rows): another is shown as written by `treaties show` and the web map."""
    for i, inv in enumerate(treaty.invocations):
        if treaty.terminated is not None and inv.date >= treaty.terminated:
            raise TreatyDataError(path, f"invocations[{i}].date", f"{inv.date} is on or after the treaty's "
                                  f"termination ({treaty.terminated}), when there was no treaty to invoke")
        for j, state_id in enumerate(inv.requester):
            rows = [m for m in treaty.members if m.state == state_id]
            if not any(first_party_day(treaty, m) <= inv.date and (m.left is None or inv.date < m.left) for m in rows):
                held = "; ".join(f"from {first_party_day(treaty, m)}" + (f" to {m.left}" if m.left else "")
                                 for m in rows)
                raise TreatyDataError(path, f"invocations[{i}].requester[{j}]", f"{state_id} is not a party on "
                                      f"{inv.date} ({held or 'never a member'}), so it could not invoke {treaty.id}")


def _invoked_articles(treaty: Treaty, path: str) -> None:
    """Each invocation cites an article the file encodes (a provision's, or a form of help's or a duty's), or says
    it is `not stated` by its source (the CSTO's 2010 appeal by Kyrgyzstan): `article: 'ZZZ'`, a typo, was read and
    shown by `treaties show` and the web map as if the treaty had such an article."""
    known = {p.article for p in treaty.provisions}
    if treaty.assistance is not None:
        known |= {f.article for f in treaty.assistance.forms if f.article is not None}
        known |= {d.article for d in treaty.assistance.duties}
    for i, inv in enumerate(treaty.invocations):
        if inv.article not in known and inv.article != UNSTATED_ARTICLE:
            if (bare := bare_article(inv.article)) in known:  # "Art. 5" where the file encodes "5": one spelling
                raise TreatyDataError(path, f"invocations[{i}].article", f"{inv.article!r} is article {bare!r}, as the "
                                      f"file encodes it: write {bare!r}")
            cited = ", ".join(sorted(known)) or "none"
            raise TreatyDataError(path, f"invocations[{i}].article", f"{inv.article!r} is no article of the "
                                  f"treaty's provisions or forms of help ({cited}): cite one of them, or write "
                                  f"'{UNSTATED_ARTICLE}' when the source does not say which")


def bare_article(text: str) -> str | None:
    """The article a citation names with its usual prefix ('Art. 5', 'Article 5', 'art 5': '5'); None without one: an
    invocation's or a what-if's article so written is told the spelling the file encodes.

    >>> bare_article("Art. 5"), bare_article("article  IV"), bare_article("5")
    ('5', 'IV', None)
    """
    import re  # here: only a citation the file does not encode needs it

    found = re.fullmatch(r"(?:art(?:icle)?\.?)\s*(\S.*)", text.strip(), re.IGNORECASE)
    return found[1].strip() if found else None


def _membership_had(treaty: Treaty, m: Member, where: str, path: str) -> None:
    """The row makes its state a party for a day at least, on the signed basis or in force (as
    `foedus.model.parties.party_on` reads it; `check_written` asks it to be before the treaty ends); and each
    of its suspensions and freezes meets that membership: a row or window outside it would never be read, unsaid."""
    first = first_party_day(treaty, m)
    if m.left is not None and m.left <= first:
        raise TreatyDataError(path, f"{where}.left", f"{m.left} is on or before the day {m.state} became a party "
                              f"({first}), so it never was one (left is its first day out): give the day after its "
                              "last day as a member")
    for key in ("suspended", "frozen"):
        for j, span in enumerate(getattr(m, key)):
            if m.left is not None and span.start >= m.left:
                raise TreatyDataError(path, f"{where}.{key}[{j}].start", f"{span.start} is on or after {m.state} "
                                      f"left ({m.left}), so it would never be read")
            if span.end is not None and span.end <= first:
                raise TreatyDataError(path, f"{where}.{key}[{j}].end", f"{span.end} is on or before {m.state} "
                                      f"became a party ({first}), so it would never be read")


def _windows(treaty: Treaty) -> list[tuple[str, Span]]:
    """Each date window of a treaty with its field path: a provision's `valid`, a leg's suspension, a member's
    suspensions and freezes."""
    found = [(f"provisions[{i}].valid", p.valid) for i, p in enumerate(treaty.provisions) if p.valid is not None]
    found += [(f"provisions[{i}].suspensions[{j}].span", leg.span) for i, p in enumerate(treaty.provisions)
              for j, leg in enumerate(p.suspensions)]
    found += [(f"members[{i}].{key}[{j}]", span) for i, m in enumerate(treaty.members)
              for key in ("suspended", "frozen") for j, span in enumerate(getattr(m, key))]
    return found


def _most_at_once(members: list[Member]) -> list[str]:
    """The most states party at one time (sorted), each row from `joined` (open: from the start) to `left`: a pair
    with a successor (the USSR, then Russia) is still a pair, where a pact of three read as one loaded as a pair, with
    the honour model's `bilateral_factor`."""
    spans = [(m.joined or dt.date.min, m.left or dt.date.max, m.state) for m in members]
    return max((sorted({st for a, b, st in spans if a <= day < b}) for day, _, _ in spans), key=len)
