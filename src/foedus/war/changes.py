"""The treaty timeline: every date a treaty, a membership, a suspension or a clause starts or stops binding.

Derived from the merged world (curated treaties and ATOP history) for one membership basis: by entry
into force (`in-force`) or by signature (`signed`), with the same rules as `foedus.engine.table`. Only
dates strictly inside (start, end] are kept: what binds on the start date is already in the first frame.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from foedus.engine.certainty_words import (
    applies_fact,
    brief_fact,
    clause_day_fact,
    duty_of_words,
    ended_fact,
    fact_reason,
    first_day_fact,
    left_fact,
    membership_fact,
    source_of,
    standing_fact,
    suspension_fact,
)
from foedus.engine.records import CertaintyReason
from foedus.engine.scenario import Basis
from foedus.model.parties import member_start, party_on, state_party_on
from foedus.model.treaty import Member, Provision, Span, Treaty
from foedus.model.vocab import Certainty, worst
from foedus.model.windows import twin_applies
from foedus.war.across import clause_shift, eve, member_shift
from foedus.war.change_words import change_words
from foedus.war.freezes import freezes
from foedus.war.window_changes import windowed
from foedus.wording import named_state

__all__ = ["TreatyChange", "change_words", "treaty_changes"]

_DAY = dt.timedelta(days=1)
Named = Callable[[dt.date], Mapping[str, str]]  # the states' display names on a day (`StateRegistry.names_on`)


@dataclass(frozen=True, slots=True)
class TreatyChange:
    """One change in what a treaty binds: `what` happened to `treaty` (for `state`, or art. `article`) on `date`.

    `reasons`: the facts the change rests on that are not verified, or whose day is known less than to the day
    (Mexico's exit from the Rio Treaty, effective Sep 2004), worded as a leg's (`foedus.engine.certainty_words`)."""

    date: dt.date
    treaty: str
    what: str  # in-force | terminated | coverage-ends | joins | leaves | continues | suspended | restored |
    # frozen | unfrozen | clause-starts | clause-ends | clause-continues | leg-suspended | leg-restored | leg-continues
    state: str | None = None
    article: str | None = None
    reasons: tuple[CertaintyReason, ...] = ()
    now: tuple[CertaintyReason, ...] | None = None  # a `...continues` change's: the facts it rests on from its day

    @property
    def certainty(self) -> str:
        """The weakest tag of the facts the change rests on, as a leg's certainty is (verified when none)."""
        return worst([Certainty.VERIFIED, *(Certainty(r.certainty) for r in self.reasons)]).value

    @property
    def label(self) -> str:
        """A short description by ids, e.g. `BGR becomes a party to atop_2515` (the JSON's `label`); the text
        renderings name the state (`change_words`)."""
        return change_words(self.what, self.treaty, self.state, self.article, {})

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the change record the replay's timeline cites."""
        out: dict[str, Any] = {"type": "treaty", "date": self.date.isoformat(), "treaty": self.treaty,
                               "change": self.what, "label": self.label}
        if self.state:
            out["state"] = self.state
        if self.article:
            out["article"] = self.article
        out["certainty"] = self.certainty
        out["certainty_reasons"] = [r.to_dict() for r in self.reasons]
        if self.now is not None:  # what the text says it rests on from that day (`change_words`)
            out["rests_on"] = [brief_fact(r, self.treaty) for r in self.now]
        return out


def _members(treaty: Treaty, start: dt.date | None, basis: Basis, named: Named) -> Iterable[TreatyChange]:
    t = treaty.id
    begins = [(m, *member_start(treaty, m, basis)) for m in treaty.members]  # by `party_on`'s rule
    # a row that ends on the day another row of the same state begins is one membership recorded on other facts
    # from that day (Armenia's CSTO membership, secondary since 12 Jun 2024, unverified since 25 Nov 2025): it
    # continues, nobody leaves or joins
    continued = {(m.state, m.left) for m in treaty.members if m.left is not None} & {
        (m.state, begin) for m, begin, _ in begins if begin is not None}
    rows: dict[str, list[Member]] = {}  # each state's rows, in the treaty's order
    for m in treaty.members:
        rows.setdefault(m.state, []).append(m)
    # a state whose rows begin on one day joins once, on the facts of each row, in the treaty's order of its rows
    joins: dict[tuple[str, dt.date], tuple[CertaintyReason, ...]] = {}
    for m, begin, how in begins:  # each change's reasons name the states as they were called on its day
        own = rows[m.state]  # a state of one row (most) is a party by no other on the row's first or last day
        if begin is not None and begin != start and (m.state, begin) not in continued:
            # a party already, by a row it overlaps: no join, but the row's own exit and suspensions still count
            if len(own) > 1 and (prior := eve(begin)) is not None and state_party_on(
                    treaty, m.state, prior, basis, besides=m, rows=own):
                yield from _overlapped(treaty, m.state, begin, basis, named)
            else:
                names = named(begin)
                dated = () if how is None else first_day_fact(treaty, m, names)  # a signature is taken as recorded
                joins[m.state, begin] = joins.get((m.state, begin), ()) + membership_fact(treaty, m, names) + dated
        if m.left is not None and len(own) > 1 and (m.state, m.left) not in continued and state_party_on(
                treaty, m.state, m.left, basis, besides=m, rows=own):
            yield from _overlapped(treaty, m.state, m.left, basis, named)  # still a party, by a row overlapping it
        elif m.left is not None:
            names = named(m.left)
            goes_on = (m.state, m.left) in continued  # then it rests on the rows beginning that day as well
            anew = tuple(r for o, b, _ in begins if goes_on and o.state == m.state and b == m.left
                         for r in membership_fact(treaty, o, names))
            yield TreatyChange(m.left, t, "continues" if goes_on else "leaves", m.state,
                               reasons=membership_fact(treaty, m, names) + left_fact(treaty, m, names) + anew,
                               now=anew if goes_on else None)
        for span in m.suspended:
            names = named(span.start)
            sure = _suspension(treaty, m, span, names)
            yield TreatyChange(span.start, t, "suspended", m.state, reasons=sure + suspension_fact(
                treaty, m.state, span, source_of(treaty, span.source, m.source), names))
            if span.end is not None:
                names = named(span.end)
                yield TreatyChange(span.end, t, "restored", m.state, reasons=_suspension(treaty, m, span, names)
                                   + suspension_fact(treaty, m.state, span, source_of(treaty, span.source, m.source),
                                                     names, end=True))
    for (state, begin), reasons in joins.items():
        yield TreatyChange(begin, t, "joins", state, reasons=tuple(dict.fromkeys(reasons)))


def _overlapped(treaty: Treaty, state: str, day: dt.date, basis: Basis, named: Named) -> Iterable[TreatyChange]:
    """`state` is a party on `day` and on the day before, by rows that overlap, one of which begins or ends that day:
    nobody joins or leaves, but where the facts its membership rests on differ across the day
    (`foedus.war.across.member_shift`, the cascade's, the rule `windowed` reads too), the membership continues on
    other facts, as when a row ends the day another begins; no change where they do not. The change rests on the
    facts of the rows covering either day, and the exit of one ending then."""
    names = named(day)
    if (shift := member_shift(treaty, state, day, basis, names)) is None:
        return
    rows = [m for m in treaty.members if m.state == state
            and (party_on(treaty, m, day - _DAY, basis) or party_on(treaty, m, day, basis))]
    yield TreatyChange(day, treaty.id, "continues", state, reasons=tuple(dict.fromkeys(
        r for m in rows for r in membership_fact(treaty, m, names) + (left_fact(treaty, m, names) if m.left == day
                                                                       else ()))), now=shift[1])


def _suspension(treaty: Treaty, m: Member | None, span: Span, names: Mapping[str, str], state: str = ""
                ) -> tuple[CertaintyReason, ...]:
    """That the suspension `span` (of `m`'s membership, or of `state`'s duty) happened, when not verified."""
    if span.certainty is Certainty.VERIFIED:
        return ()
    who = named_state(m.state if m is not None else state, names)
    return (fact_reason("membership", f"{treaty.id}: {who}'s suspension from {span.start}", span.certainty,
                        source_of(treaty, span.source, m.source if m is not None else None)),)


def _one(treaty: Treaty, basis: Basis, named: Named) -> Iterable[TreatyChange]:
    """The treaty's changes: those its recorded days make (`_dated`), and those the windows of its days known less
    than to the day make (`foedus.war.window_changes.windowed`)."""
    made = list(_dated(treaty, basis, named))
    yield from made
    start = treaty.starts(basis)
    marks = [(c.date, c.what, c.state, c.article) for c in made]
    for day, what, state, article, reasons, now in windowed(treaty, start, basis, named, marks):
        yield TreatyChange(day, treaty.id, what, state, article, reasons, now)


def _dated(treaty: Treaty, basis: Basis, named: Named) -> Iterable[TreatyChange]:
    t = treaty.id
    start = treaty.starts(basis)
    standing = standing_fact(treaty)
    if start is not None:
        dated = () if basis == "signed" else first_day_fact(treaty, None, named(start))
        yield TreatyChange(start, t, "signed" if basis == "signed" else "in-force", reasons=standing + dated)
    for day, why in treaty.stops():  # the end rule's days (`TreatyRules.stops`), as the leg table reads them
        yield TreatyChange(day, t, why, reasons=standing + ended_fact(treaty) if why == "terminated" else ())
    held = list(_members(treaty, start, basis, named))
    yield from held
    if any(m.frozen for m in treaty.members):  # rare (Armenia's CSTO rows): most pay no call for the freezes' days
        for day, what, state, reasons in freezes(treaty, basis, named, {(c.date, c.state) for c in held}):
            yield TreatyChange(day, t, what, state, reasons=reasons)
    yield from _clauses(treaty, named)


def _clauses(treaty: Treaty, named: Named) -> Iterable[TreatyChange]:
    """The days a clause, or a directed duty under it, starts or stops applying, or goes on on other facts."""
    t = treaty.id
    # the clauses of an article starting (or ending) on one day start (or stop) it once, on the facts of each, in
    # the treaty's order of them
    edges: dict[tuple[dt.date, str, str], tuple[CertaintyReason, ...]] = {}
    for p in treaty.provisions:
        if p.valid is not None:
            applies = applies_fact(treaty, p)
            # a clause giving the same duty as another (a term and its renewal) starts or stops no duty where the
            # other gives it across the day: on the day before the first, on the clause's end (`twin_applies`)
            first = p.valid.start
            anew = applies + clause_day_fact(treaty, p)
            if (prior := eve(first)) is None or not twin_applies(treaty, p, prior):
                edges[first, "clause-starts", p.article] = edges.get((first, "clause-starts", p.article), ()) + anew
            else:  # but the cascade may cite it from that day, on other facts: it goes on applying (`_handover`)
                yield from _handover(treaty, p, first)
            if p.valid.end is not None:
                if not twin_applies(treaty, p, p.valid.end):
                    gone = (p.valid.end, "clause-ends", p.article)
                    edges[gone] = edges.get(gone, ()) + applies + clause_day_fact(treaty, p, end=True)
                else:  # a twin goes on giving the duty, cited from that day if the cascade cited `p` till then
                    yield from _handover(treaty, p, p.valid.end)
        for leg in p.suspensions:
            src = source_of(treaty, leg.span.source, p.source)
            for day, what in ((leg.span.start, "leg-suspended"), (leg.span.end, "leg-restored")):
                if day is None:
                    continue
                names = named(day)
                whose = duty_of_words(leg.obligor, leg.beneficiary, p.article, names)
                yield TreatyChange(day, t, what, leg.obligor, p.article, reasons=_suspension(
                    treaty, None, leg.span, names, leg.obligor) + suspension_fact(
                    treaty, leg.obligor, leg.span, src, names, end=what == "leg-restored", whose=whose))
    for (day, what, article), reasons in edges.items():
        yield TreatyChange(day, t, what, article=article, reasons=tuple(dict.fromkeys(reasons)))


def _handover(treaty: Treaty, p: Provision, day: dt.date) -> Iterable[TreatyChange]:
    """The duty of `p` and its twins goes on across `day`, a first or last day of `p`'s span: where the clause the
    cascade cites changes then (`cited_twin`: a renewal from the day its term ends, or a twin that overlaps it and
    takes over at the end of the one cited, or one listed first that starts inside another's span), as a membership
    row does another's (`_members`), one change where the facts the duty rests on differ across the day
    (`foedus.war.across.clause_shift`, the rule `windowed` reads too), resting on the facts of both clauses, as a
    "continues" rests on the rows of both; none where its facts stay the same."""
    if (shift := clause_shift(treaty, p, day)) is not None:
        was, now = shift.was, shift.now
        ending = clause_day_fact(treaty, was, end=True) if was.valid is not None and was.valid.end == day else ()
        starting = clause_day_fact(treaty, now) if now.valid is not None and now.valid.start == day else ()
        yield TreatyChange(day, treaty.id, "clause-continues", article=p.article, reasons=tuple(dict.fromkeys(
            shift.before + ending + shift.after + starting)), now=tuple(dict.fromkeys(shift.after + starting)))


def treaty_changes(treaties: Iterable[Treaty], basis: Basis, start: dt.date, end: dt.date,
                   names: Mapping[str, str] | Named) -> dict[dt.date, list[TreatyChange]]:
    """The changes of these treaties dated in (start, end], by date (each day's in a total order: `_order`); a
    reason names a state by `names` (`foedus.wording.named_state`), or, given a function of a day
    (`StateRegistry.names_on`), by the names of the change's own day."""
    named: Named = names if callable(names) else (lambda _day: names)
    out: dict[dt.date, list[TreatyChange]] = defaultdict(list)
    for treaty in treaties:
        for change in _one(treaty, basis, named):
            if start < change.date <= end:
                out[change.date].append(change)
    return {d: sorted(dict.fromkeys(v), key=_order) for d, v in sorted(out.items())}


def _order(change: TreatyChange) -> tuple[str, str, str, str, tuple[tuple[str, str, str, str], ...]]:
    """A day's changes in a total order: by treaty, kind, state and article, then by the facts they rest on, so that
    two changes alike but for their facts (two duties of one obligor under an article suspended the same day; two
    rows of a state beginning one day make one `joins`: `_members`; two clauses of an article starting or ending
    one day, one `clause-starts` or `clause-ends`: `_clauses`) keep one order whatever the hash seed (they were
    ordered as a set iterates, which strings' hashes decide)."""
    return (change.treaty, change.what, change.state or "", change.article or "",
            tuple((r.kind, r.fact, r.certainty, r.source) for r in change.reasons))
