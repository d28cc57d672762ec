"""How certain one obligation is on one date, and why: certainty attaches to the facts that matter then.

A leg (provision of a treaty owed by an obligor to a beneficiary) rests on facts: that the treaty
binds, what its article says, that both states are parties, the days they joined (or left), and,
for the attack at hand, that the place is the victim's territory and that the article covers it.
Each fact carries the fact sheet's tag; a date that is known only to the week, month or year (or is
a stand-in) matters only when the scenario date falls in the window the true date can lie in. The
level is the worst tag among the facts that matter; every non-verified fact is returned as a reason
naming the fact and its source. The rules, windows and examples are in docs/certainty.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from foedus.cited import cited
from foedus.datarecord import dataclass, field
from foedus.engine.certainty_words import (
    applies_fact,
    clause_day_fact,
    dated_reason,
    duty_of_words,
    ended_fact,
    fact_reason,
    first_day_fact,
    how_dated,
    how_known,
    how_sure,
    left_fact,
    membership_fact,
    source_of,
    standing_fact,
    suspension_fact,
)
from foedus.engine.records import CertaintyReason
from foedus.engine.rules import token_matches
from foedus.model.parties import first_day, member_start, party_on
from foedus.model.vocab import Certainty, worst
from foedus.model.windows import date_window, twin_applies, unsure_before, unsure_from
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.places import Place
    from foedus.model.treaty import Member, Provision, Span, Treaty

__all__ = ["ASSUMED", "Assessment", "Memo", "applies_fact", "assess", "clause_day_fact", "clause_facts",
           "date_window", "dated_reason", "duty_of_words", "ended_fact", "fact_reason", "first_day", "first_day_fact",
           "how_dated", "how_known", "how_sure", "left_fact", "member_facts", "member_start", "membership_fact",
           "party_facts", "party_on", "place_facts", "place_free", "source_of", "standing_fact", "suspension_fact",
           "with_facts"]

ASSUMED = frozenset({"freeze", "place", "scope"})  # reason kinds that are also conditions of the obligation


@dataclass(frozen=True, slots=True)
class Assessment:
    """The certainty of one obligation on one date, with a reason for each fact that lowers it."""

    level: Certainty
    reasons: tuple[CertaintyReason, ...] = ()


_VERIFIED = Assessment(Certainty.VERIFIED)


@dataclass(slots=True)
class Memo:
    """`party_facts`'s store for one day and basis: the clause's facts and each party's (`parts`: by the treaty's and
    the clause's ids, or the treaty's id and the state), and the assessment made of each combination of them (`made`:
    by the parts' ids, which stay valid while `parts` keeps the parts)."""

    parts: dict[tuple[int, object], tuple[CertaintyReason, ...]] = field(default_factory=dict)
    made: dict[tuple[int, ...], Assessment] = field(default_factory=dict)


def assess(  # noqa: PLR0913 - pure (docs/certainty.md): everything it reads is an argument
    treaty: Treaty,
    provision: Provision,
    obligor: str,
    beneficiary: str,
    day: dt.date,
    place: Place,
    target_kind: str,
    view: str,
    victim: str | None = None,
    basis: str = "in-force",
    *,
    names: Mapping[str, str],
) -> Assessment:
    """Certainty of `provision` of `treaty`, owed by `obligor` to `beneficiary`, for an attack on `day`.

    `place` is the attacked place as held on `day`, `target_kind` territory or forces, `view` the
    territorial reading (recognized or claimant), `victim` the attacked state (default: beneficiary), `names`
    each state's name by its id (a reason names a state as "Russia (RUS)"). Pure: reads only its arguments.
    """
    return with_facts(party_facts(treaty, provision, obligor, beneficiary, day, basis, names=names),
                      place_facts(treaty, provision, place, target_kind, view, victim or beneficiary, names))


def party_facts(treaty: Treaty, provision: Provision, obligor: str, beneficiary: str, day: dt.date,
                basis: str = "in-force", memo: Memo | None = None, *, names: Mapping[str, str]) -> Assessment:
    """The part of `assess` that does not depend on the attack: the treaty, the clause and both parties on `day`
    (callers keep it per leg and add `place_facts`). `memo` keeps the clause's facts and each party's, which many
    legs share, for one day and basis (a store per leg table, whose world's `names` name the states), and the
    assessment made of each combination of them, which legs of one clause whose parties add the same facts share."""
    parts, made_of = (memo.parts, memo.made) if memo is not None else ({}, {})
    clause: tuple[int, object] = (id(treaty), id(provision))
    reasons = parts.get(clause)
    if reasons is None:
        reasons = parts[clause] = tuple(_treaty_facts(treaty, provision, day))
    made = [id(reasons)]  # the parts, by identity: legs whose parts are the same objects share an assessment
    for state in dict.fromkeys((obligor, beneficiary)):
        party: tuple[int, object] = (id(treaty), state)
        found = parts.get(party)
        if found is None:
            found = parts[party] = member_facts(treaty, state, day, basis, names)
        reasons += found
        made.append(id(found))
    if provision.suspensions:  # rare, and per leg: not kept in `memo`
        reasons += tuple(_leg_facts(treaty, provision, obligor, beneficiary, day, names))
        return with_facts(_VERIFIED, reasons)
    key = tuple(made)  # (the parts stay in `parts`, so their ids are not reused)
    sure = made_of.get(key)
    if sure is None:
        sure = made_of[key] = with_facts(_VERIFIED, reasons)
    return sure


def with_facts(sure: Assessment, more: tuple[CertaintyReason, ...]) -> Assessment:
    """`sure` with the reasons `more` added (each once), its level the worst of them all."""
    if not more:
        return sure
    unique = tuple(dict.fromkeys((*sure.reasons, *more)))
    return Assessment(worst([Certainty(r.certainty) for r in unique]), unique)


def _treaty_facts(treaty: Treaty, provision: Provision, day: dt.date) -> Iterator[CertaintyReason]:
    yield from standing_fact(treaty)
    if treaty.carried_on(day):
        yield fact_reason("treaty", f"{treaty.id}: its source codes it in force at the end of its coverage "
                          f"({treaty.carried_from}); read as still in force on {day}", Certainty.CARRIED,
                          source_of(treaty), treaty.carry_checked)  # a check of it, where one was recorded
    if unsure_before(day, treaty.terminated, treaty.terminated_certainty, end=True):  # bound on `day`: before it
        yield from ended_fact(treaty)
    yield from clause_facts(treaty, provision, day)


def clause_facts(treaty: Treaty, provision: Provision, day: dt.date) -> tuple[CertaintyReason, ...]:
    """The facts of the clause itself that a duty under it rests on, on `day` (it applies then): the clause as
    encoded, when it applies, and a first or last day of its span known less than to the day whose window holds
    `day` (none where a twin surely applies then: its duty is owed anyway). The war timeline compares them across a
    day on which the cascade cites another twin (`foedus.war.changes`)."""
    return tuple(_clause_facts(treaty, provision, day))


def _clause_facts(treaty: Treaty, provision: Provision, day: dt.date) -> Iterator[CertaintyReason]:
    if provision.certainty is not Certainty.VERIFIED:
        doubt = f" ({provision.doubt})" if provision.doubt else ""
        yield fact_reason("article", f"{cited(treaty.id, provision.article)}: the clause as encoded{doubt}",
                          provision.certainty, source_of(treaty, provision.source))
    yield from applies_fact(treaty, provision)  # when the clause applies, a fact apart
    valid = provision.valid  # it applies on `day`: near a first or last day known less than to the day?
    if valid is None:
        return
    starts = unsure_from(day, valid.start, valid.start_certainty)
    ends = unsure_before(day, valid.end, valid.end_certainty, end=True)
    if (starts or ends) and twin_applies(treaty, provision, day, surely=True):  # its duty is owed anyway
        return
    if starts:
        yield from clause_day_fact(treaty, provision)
    if ends:
        yield from clause_day_fact(treaty, provision, end=True)


def leg_facts(treaty: Treaty, provision: Provision, obligor: str, beneficiary: str, day: dt.date,
              names: Mapping[str, str]) -> tuple[CertaintyReason, ...]:
    """The facts of `obligor`'s duty to `beneficiary` under `provision` itself (its suspensions) that the duty rests
    on, on `day` (it binds then). The war timeline compares them across a day on which a window of a suspension's
    edge opens or closes (`foedus.war.across.leg_shift`)."""
    return tuple(_leg_facts(treaty, provision, obligor, beneficiary, day, names))


def _leg_facts(treaty: Treaty, provision: Provision, obligor: str, beneficiary: str, day: dt.date,
               names: Mapping[str, str]) -> Iterator[CertaintyReason]:
    """The leg is not suspended on `day` (it binds): near a first or last day of a suspension of it known less than
    to the day? Read as a member's suspension is."""
    for leg in provision.suspensions:
        if (leg.obligor, leg.beneficiary) == (obligor, beneficiary):
            yield from _edges(treaty, obligor, leg.span, day, source_of(treaty, leg.span.source, provision.source),
                              names, duty_of_words(obligor, beneficiary, provision.article, names))


def _edges(treaty: Treaty, state: str, span: Span, day: dt.date, src: str, names: Mapping[str, str], whose: str = ""
           ) -> Iterator[CertaintyReason]:
    """A suspension's first and last days whose window holds `day`, a day outside the suspension."""
    if unsure_before(day, span.start, span.start_certainty):
        yield from suspension_fact(treaty, state, span, src, names, whose=whose)
    if unsure_from(day, span.end, span.end_certainty, end=True):
        yield from suspension_fact(treaty, state, span, src, names, end=True, whose=whose)


def _rows(treaty: Treaty, state: str, day: dt.date, basis: str) -> list[Member]:
    """The membership rows of `state` that cover `day` (all its rows if none does)."""
    rows = [m for m in treaty.members if m.state == state]
    return [m for m in rows if party_on(treaty, m, day, basis)] or rows


def member_facts(treaty: Treaty, state: str, day: dt.date, basis: str, names: Mapping[str, str]
                 ) -> tuple[CertaintyReason, ...]:
    """The facts `state`'s membership of `treaty` rests on, on `day`: those of each of its rows that covers the day
    (of all its rows if none does), its freezes then, and the edges of its suspensions and of the row's first day
    and exit whose window holds `day`. The war timeline compares them across a day on which the rows covering the
    state change (`foedus.war.changes`)."""
    return tuple(_member_facts(treaty, state, day, basis, names))


def _member_facts(treaty: Treaty, state: str, day: dt.date, basis: str, names: Mapping[str, str]
                  ) -> Iterator[CertaintyReason]:
    for m in _rows(treaty, state, day, basis):
        yield from membership_fact(treaty, m, names)
        for span in m.frozen:
            if span.covers(day):
                level = worst([span.certainty, Certainty.SECONDARY])
                since = f"{span.start}, {how_dated(span.start_certainty)}" if span.start_certainty else span.start
                yield fact_reason("freeze", f"{treaty.id}: {named_state(state, names)}'s participation is frozen "
                                  f"since {since} (legally still a party)", level,
                                  source_of(treaty, span.source, m.source))
        for span in m.suspended:  # bound on `day`, so outside the span: near an edge known less than to the day?
            yield from _edges(treaty, state, span, day, source_of(treaty, span.source, m.source), names)
        # inside the window of the row's first day or exit (a row that covers `day` is on one side of each; one
        # that does not, read when none does, on either)
        joined, how = member_start(treaty, m, basis)
        if unsure_from(day, joined, how) or unsure_before(day, joined, how, floor=m.signed or treaty.signed):
            yield from first_day_fact(treaty, m, names)
        if unsure_before(day, m.left, m.left_certainty, end=True) or unsure_from(day, m.left, m.left_certainty,
                                                                                  end=True):
            yield from left_fact(treaty, m, names)


def place_facts(
    treaty: Treaty, provision: Provision, place: Place, target_kind: str, view: str, victim: str,
    names: Mapping[str, str],
) -> tuple[CertaintyReason, ...]:
    """The part of `assess` that the attack decides: the place as the victim's, and a debated scope."""
    return tuple(_place_facts(treaty, provision, place, target_kind, view, victim, names))


def place_free(provision: Provision, view: str) -> bool:
    """Whether no attack can add a fact to the clause in this territorial reading (`place_facts` is then empty:
    only the claimant view and a debated scope add one)."""
    return view != "claimant" and not provision.scope.debated


def _place_facts(
    treaty: Treaty, provision: Provision, place: Place, target_kind: str, view: str, victim: str,
    names: Mapping[str, str],
) -> Iterator[CertaintyReason]:
    # a new kind of place fact must be said in `place_free` too (tests/test_certainty.py checks the two agree)
    gazetteer = f"foedus gazetteer, places.yaml: {place.id}"
    if target_kind == "territory" and view == "claimant" and victim not in place.holders("recognized"):
        holder = f"{'recognised holder' if place.sovereign else 'recognized view'}: {place.recognized_holder(names)}"
        yield fact_reason("place", f"{place.name} counts as territory of {named_state(victim, names)} only in the "
                          f"claimant view ({holder})", Certainty.CONFLICTING, gazetteer)
    if any(token_matches(t, place, victim) for t in provision.scope.debated):
        yield fact_reason("scope", f"{cited(treaty.id, provision.article)}: whether it covers {place.name} is debated",
                          Certainty.UNVERIFIED, source_of(treaty, provision.source))

