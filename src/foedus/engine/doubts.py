"""The other side of the date windows: states left out of a treaty on a date by a recorded day known less than
exactly, whose window holds that date, so that they may have been bound after all.

`foedus.engine.certainty.assess` flags a *bound* state near an uncertain day; `doubts` lists the states left out
near one, and the clauses not applying near the first or last day of their span, for the result's `doubts`
(docs/certainty.md), and the treaties signed whose entry into force was not found, from the first day it may
have come. A suspension's edges are said where it withholds a leg.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.engine.assumption import Assumption
from foedus.engine.certainty import clause_day_fact, dated_reason, source_of
from foedus.engine.records import CertaintyReason, Doubt
from foedus.model.parties import member_start, state_party_on
from foedus.model.windows import twin_applies, unsure_before, unsure_from, unsure_unfound
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.treaty import DateCertainty, Treaty

__all__ = ["Assumed", "Concerning", "assumed_doubts", "doubts"]

# a doubt and the treaty's parties, whom it concerns (a result reports it when one of them is in the war)
Concerning = tuple[Doubt, frozenset[str]]
# the same, with what the doubt says may have been so (`foedus.engine.doubt_reach` runs the cascade under it)
Assumed = tuple[Doubt, frozenset[str], Assumption]


def doubts(treaties: Iterable[Treaty], day: dt.date, basis: str = "in-force",
           windowed: Container[str] | None = None, *, names: Mapping[str, str]) -> list[Concerning]:
    """`assumed_doubts` without what each says may have been so: each doubt and whom it concerns, as a reader of the
    doubts alone wants them (the engine needs the assumptions too: `foedus.engine.outcome` calls `assumed_doubts`)."""
    return [(doubt, states) for doubt, states, _ in assumed_doubts(treaties, day, basis, windowed, names=names)]


def assumed_doubts(treaties: Iterable[Treaty], day: dt.date, basis: str = "in-force",
                   windowed: Container[str] | None = None, *, names: Mapping[str, str]) -> list[Assumed]:
    """Each treaty not yet in force or already ended on `day`, party not yet joined, party that has left, or clause
    not yet or no longer applying, by a recorded day known less than to the day whose window holds `day`, and each
    treaty signed but its entry into force not found that may be in force by then (`_unfound`), with whom it
    concerns and what it says may have been so (`foedus.engine.assumption`), for the result to run the cascade under
    (`foedus.engine.doubt_reach`). On the signed basis, membership starts from signature, as recorded: the entry
    into force is no doubt, nor an accession but where a row without a signature starts from it; a treaty's end, an
    exit and a clause's span are read as on the in-force basis (`party_on` and the certainty reasons read them so).
    `windowed`: the ids of the treaties with such a day (`TreatyMap.windowed`, kept at load, so that the others cost
    nothing; by default every treaty is looked at). `names` name a state in a doubt's fact
    (`foedus.wording.named_state`)."""
    out: list[Assumed] = []
    for treaty in treaties:
        if windowed is not None and treaty.id not in windowed:
            continue
        found: list[tuple[Doubt, Assumption]] = []
        unfound: list[tuple[Doubt, Assumption]] = []  # concerns the states its clauses are owed to (`_owed_to`)
        if basis != "signed":
            start, how = treaty.in_force, treaty.in_force_certainty
            if unsure_before(day, start, how, floor=treaty.signed):
                found.append((_doubt(treaty, None, f"the treaty entered into force on {start}",
                                     f"; it may already have been in force on {day}", how, None),
                              Assumption(treaty.id, "in force")))
            elif start is None and _unfound(treaty, day):
                unfound.append((_doubt(treaty, None, f"the treaty was signed on {treaty.signed} and its entry into "
                                       "force was not found", f"; it may be in force on {day}", how, None,
                                       unfound=True), Assumption(treaty.id, "in force")))
        end, how = treaty.terminated, treaty.terminated_certainty
        if unsure_from(day, end, how, end=True):
            found.append((_doubt(treaty, None, f"the treaty ended on {end}",
                                 f"; it may still have been in force on {day}", how, None),
                          Assumption(treaty.id, "not ended")))
        found += _members(treaty, day, basis, names)
        found += _clauses(treaty, day)
        if found:  # most treaties have none: their parties are not gathered
            states = frozenset(m.state for m in treaty.members)
            out += [(doubt, states, assumed) for doubt, assumed in found]
        if unfound:
            out += [(doubt, _owed_to(treaty), assumed) for doubt, assumed in unfound]
    return out


def _owed_to(treaty: Treaty) -> frozenset[str]:
    """The states a treaty's clauses are owed to (every party, for a clause that names none): a treaty not known to
    be in force, doubted on every day from `since` on, not near one day, matters to a war only where one of them is
    in it (France–Djibouti 2024's one clause is owed to Djibouti: not every war France fights), and, the result then
    finds, where in force it would bind someone to something the answer does not have (`foedus.engine.doubt_reach`)."""
    parties = [m.state for m in treaty.members]
    return frozenset(state for p in treaty.provisions for state in (p.beneficiaries or parties))


def _unfound(treaty: Treaty, day: dt.date) -> bool:
    """Whether the treaty, signed but its entry into force not found (`in_force` null), may be in force on `day`:
    inside the window its file gives (`unsure_unfound`), and not ended by then."""
    return (unsure_unfound(day, treaty.in_force_certainty, floor=treaty.signed)
            and (treaty.terminated is None or day < treaty.terminated))


def _members(treaty: Treaty, day: dt.date, basis: str, names: Mapping[str, str]) -> list[tuple[Doubt, Assumption]]:
    """The treaty's parties left out on `day` by a joining or leaving day whose window holds it (on the signed
    basis, a signature has none: `member_start`; a row read from the entry into force has its doubt)."""
    out: list[tuple[Doubt, Assumption]] = []
    for m in treaty.members:
        found: list[Doubt] = []
        joined, how = member_start(treaty, m, basis) if basis == "signed" else (m.joined, m.joined_certainty)
        if unsure_before(day, joined, how, floor=m.signed or treaty.signed):
            found.append(_doubt(treaty, m.state, f"{named_state(m.state, names)} became a party on {joined}",
                                f"; it may already have been one on {day}", how, m.source))
        if unsure_from(day, m.left, m.left_certainty, end=True):
            found.append(_doubt(treaty, m.state, f"{named_state(m.state, names)} left on {m.left}",
                                f"; it may still have been a party on {day}", m.left_certainty, m.source))
        # a party on `day` by a row of its own: an uncertain edge of another row changes nothing
        if found and not state_party_on(treaty, m.state, day, basis):
            out += [(doubt, Assumption(treaty.id, "party", m.state)) for doubt in found]
    return out


def _clauses(treaty: Treaty, day: dt.date) -> list[tuple[Doubt, Assumption]]:
    """The treaty's clauses that do not apply on `day` by a first or last day of their span whose window holds it:
    a duty the clause would give may be owed after all (a clause that another replaces: the CSTO's Art. 4 of
    1992 and as amended in 2010, both near the protocol's entry into force). Not when another clause giving the
    same duty applies on `day` (a term and its renewal): the doubt could change no duty."""
    out: dict[Doubt, tuple[int, ...]] = {}  # a doubt and the clauses it would have apply
    for i, p in enumerate(treaty.provisions):
        valid = p.valid
        if valid is None:
            continue
        found: list[Doubt] = []
        if unsure_before(day, valid.start, valid.start_certainty, floor=treaty.signed):
            found += _clause_doubt(treaty, clause_day_fact(treaty, p, then=f"; it may already have applied on {day}"))
        if unsure_from(day, valid.end, valid.end_certainty, end=True):
            found += _clause_doubt(treaty, clause_day_fact(treaty, p, end=True,
                                                           then=f"; it may still have applied on {day}"))
        if found and not twin_applies(treaty, p, day):
            for doubt in found:  # two clauses of one article on one span (a duty and a consultation) say it once
                out[doubt] = (*out.get(doubt, ()), i)
    return [(doubt, Assumption(treaty.id, "applies", clauses=clauses)) for doubt, clauses in out.items()]


def _clause_doubt(treaty: Treaty, reasons: tuple[CertaintyReason, ...]) -> list[Doubt]:
    """A clause's date reason as a doubt (no state left out: the clause's duties may differ)."""
    return [Doubt(treaty.id, None, r.fact, r.certainty, r.source) for r in reasons]


def _doubt(treaty: Treaty, state: str | None, what: str, then: str, how: DateCertainty | None,
           row_source: str | None, *, unfound: bool = False) -> Doubt:
    """The record, its fact worded as a date's certainty reason is (`dated_reason`; `unfound`: no day recorded)."""
    if how is None:  # only called for a day whose window holds the date
        raise RuntimeError(f"{treaty.id}: a doubt asked of a day with no date certainty ({what})")
    reason = dated_reason(treaty, what, how, source_of(treaty, how.source, row_source), then, unfound=unfound)
    return Doubt(treaty.id, state, reason.fact, reason.certainty, reason.source)
