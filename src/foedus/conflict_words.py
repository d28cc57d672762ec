"""How a conflict (a state bound both ways) is said: the cascade's "Conflict: " line, its clashing duties that rest
on facts not verified, and a state's such duties as the likelihood's warning names them. Each cites its instruments
as a joiner's line does (`foedus.cited.instrument_said`): a clash under an executive order or a forum is not read
as one between treaties. The web's copy: web/src/conflictsaid.ts, run beside these by tests/test_said_parity.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from foedus.cited import cited, instrument_said
from foedus.engine.records import Conflict, Neutral, Obligation
from foedus.wording import and_listed, named_state

__all__ = ["conflict_doubt", "conflict_instruments", "conflict_line", "conflict_treaties", "doubted_duties",
           "treaties_said"]


def conflict_instruments(conflict: Conflict) -> dict[str, str]:
    """Each treaty of a conflict's duties (sorted, as `Conflict.treaties`) and the kind of instrument it is, as its
    duties say it (every duty under one treaty shares its instrument): a war's frame carries them beside its treaties
    (`Frame.conflicted`), so that its "Why?" says them (`foedus.war.why.conflict_why`)."""
    duties: tuple[Obligation | Neutral, ...] = (*conflict.obligations, *conflict.neutral)
    instruments = {d.treaty: d.instrument for d in duties}
    return {t: instruments.get(t, "treaty") for t in conflict.treaties}


def treaties_said(treaties: Iterable[str], instruments: Mapping[str, str]) -> str:
    """Treaties, each with what an instrument that is not a treaty is (`instruments`: a treaty's kind, a treaty where
    it names none): "eo_def (an executive order, not a treaty), nato_1949"."""
    return ", ".join(t + instrument_said(instruments.get(t, "treaty")) for t in treaties)


def conflict_treaties(conflict: Conflict) -> str:
    """The treaties a conflict's duties are under, sorted, each with what an instrument that is not a treaty is:
    "eo_def (an executive order, not a treaty), nato_1949" (`conflict_instruments`, `treaties_said`)."""
    return treaties_said(conflict.treaties, conflict_instruments(conflict))


def doubted_duties(duties: Iterable[Obligation | Neutral]) -> str:
    """A state's duties resting on facts not verified, as every text that names them says them (a conflict's line,
    the likelihood's warning): each provision once, in the order given, with its instrument where not a treaty, and
    its certainty as a joiner's other duties have theirs, said once after them all where they share one
    ("rus_arm_1997 art. 2 and csto_1992 art. 4 (unverified facts)"), else after each ("csto_1992 art. 4 (unverified
    facts) and atop_4815 ATOP neutrality code (carried-forward facts)"); nothing where there are none. The web's
    summary says the same (web/src/conflictsaid.ts `doubtedDuties`)."""
    said = dict.fromkeys((cited(d.treaty, d.article) + instrument_said(d.instrument), d.certainty) for d in duties)
    if not said:
        return ""
    if len(certainties := {certainty for _, certainty in said}) == 1:
        return f"{and_listed([provision for provision, _ in said])} ({certainties.pop()} facts)"
    return and_listed([f"{provision} ({certainty} facts)" for provision, certainty in said])


def conflict_doubt(conflict: Conflict) -> str:
    """After a conflict's line, its clashing duties that rest on facts not verified (`Conflict.doubted`), worded by
    `doubted_duties`; nothing where all are verified. The facts are in each duty's JSON record (its certainty
    reasons)."""
    doubted = conflict.doubted()
    return f"; its duties resting on facts not verified: {doubted_duties(doubted)}" if doubted else ""


def conflict_line(conflict: Conflict, names: Mapping[str, str]) -> str:
    """The cascade's line for a conflict: the state, why it is bound both ways and under which treaties (with their
    instruments: `conflict_treaties`), that it is counted on neither side, and its doubted duties (`conflict_doubt`)."""
    return (f"Conflict: {named_state(conflict.state, names)} is {conflict.reason} under {conflict_treaties(conflict)}; "
            f"it is counted on neither side{conflict_doubt(conflict)}")
