"""The curated corrections over ATOP (`foedus.sources.corrections` reads and checks them) applied to the imported
treaties: each correction rewrites the `Treaty` it targets and records the change in its notes, in file order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from foedus.errors import FoedusError, TreatyDataError
from foedus.model.facts import Certainty, Span
from foedus.model.states import StateRegistry
from foedus.model.treaty import Treaty
from foedus.sources.correction_guarantee import cannot_guarantee, guarantee_update
from foedus.sources.correction_members import (
    cannot_join,
    cannot_rejoin,
    cannot_suspend,
    join_update,
    left_row,
    rejoin_row,
    suspended_rows,
)
from foedus.sources.correction_notes import carry_note, without_carry_note
from foedus.sources.correction_starts import cannot_start, first_phase, start_update
from foedus.sources.corrections import CORRECTIONS_FILE, MEMBER_ACTIONS, Correction, check_words

__all__ = ["apply_corrections"]


def _targets(c: Correction, treaty: Treaty) -> bool:
    if c.atopid not in treaty.atop_ids:
        return False
    return c.phase is None or treaty.id == (f"atop_{c.atopid}" if c.phase == 0 else f"atop_{c.atopid}_p{c.phase}")


def _apply(c: Correction, t: Treaty, states: set[str]) -> Treaty:
    checked = check_words(c) if c.action == "checked" else None
    said = f"correction ({c.action}"
    said += f" {', '.join(sorted(states))}" if c.action in (*MEMBER_ACTIONS, "starts", "guarantee") and states else ""
    said += f" by {', '.join(c.by)}" if c.action == "superseded" else ""
    said += f" after {t.carried_from}" if c.action == "superseded" and t.carried_from and not c.date else ""
    said += f" from {c.date}" if c.date else ""
    said += f" until {c.until}" if c.until else ""
    said += f", signed {c.signed}" if c.signed else ""
    said += f"): {checked}; {c.note}" if checked is not None else f"): {c.note}"
    stops_carry = t.carried_from is not None and (c.action == "end" or c.action == "superseded")
    note = without_carry_note(t) if stops_carry else t.note
    carried = _carried_to_end(c, t)
    if carried is not None:  # carried only up to the unverified end: those years stay carried-forward
        note = f"{note or ''}; {carry_note(*carried, 'a correction ends it')}".lstrip("; ")
    update: dict[str, object] = {"sources": [*t.sources, *c.sources], "note": f"{note or ''}; {said}".lstrip("; "),
                                 **(guarantee_update(t, states) if c.action == "guarantee" else {})}
    if carried is not None:
        update |= {"terminated": c.date, "terminated_certainty": c.date_certainty}
    elif c.action == "end" and c.date is not None:
        update |= {"terminated": c.date, "terminated_certainty": c.date_certainty, "coverage_end": None,
                   "carried_from": None}
    elif c.action in MEMBER_ACTIONS and c.date is not None:
        update |= _members_update(c, t, states, c.date)
    elif c.action == "starts":
        update |= start_update(t, states, c.date, c.signed, c.date_certainty)
    elif c.action == "certainty":
        update["certainty"] = c.certainty
    elif c.action == "checked":  # still carried-forward: the reason names the check
        update["carry_checked"] = checked
    elif c.action == "named" and c.name is not None:  # each phase of an alliance named whole keeps its number
        update["name"] = c.name + (f", phase {t.id.rpartition('_p')[2]}" if "_p" in t.id and c.phase is None else "")
        update["name_certainty"] = c.certainty  # as sure as its page: verified only from an official one
    elif c.action == "superseded" and c.date is not None:  # the curated treaty from then on
        update |= {"terminated": c.date, "terminated_certainty": c.date_certainty, "coverage_end": None,
                   "carried_from": None}
    elif c.action == "superseded" and t.carried_from is not None:  # ATOP's own years stay
        update |= {"coverage_end": t.carried_from, "carried_from": None}
    if c.certainty is not Certainty.VERIFIED or c.date_certainty is not None:
        update["unverified"] = [*t.unverified, said]
    return t.model_copy(update=update)


def _members_update(c: Correction, t: Treaty, states: set[str], day: dt.date) -> dict[str, object]:
    """What an exit, a rejoin, a suspension or a join of `states` on `day` changes in `t` (its members; a join its
    provisions too)."""
    if c.action == "exit":
        return {"members": [left_row(m, day, c.date_certainty)
                            if m.state in states and (m.left is None or m.left > day) else m for m in t.members]}
    if c.action == "rejoin":
        return {"members": [*t.members, *(rejoin_row(t, s, day, c.date_certainty, c.sources[0].url, c.note)
                                          for s in sorted(states))]}
    if c.action == "suspend":
        return {"members": suspended_rows(t, states, Span(start=day, end=c.until, note=c.note, certainty=c.certainty,
                                                          source=c.sources[0].url, start_certainty=c.date_certainty))}
    return join_update(t, states, day, c.date_certainty, c.certainty, c.sources[0].url, c.note)


def _carried_to_end(c: Correction, t: Treaty) -> tuple[dt.date, dt.date] | None:
    """The carry's first day and the end, for an `end` not verified, days after ATOP's coverage of a carried
    alliance: nothing but the carry says it was in force from the coverage's end to that day, so it stays carried
    (tagged) up to it (a verified end's sources say it was in force to its end: its carry stops); else None."""
    if (c.action == "end" and c.date is not None and t.carried_from is not None
            and c.certainty is not Certainty.VERIFIED and c.date - t.carried_from > dt.timedelta(days=1)):
        return t.carried_from, c.date
    return None


def apply_corrections(
    treaties: Iterable[Treaty], corrections: list[Correction], registry: StateRegistry
) -> list[Treaty]:
    """The treaties with every correction that targets them applied, in file order.

    Raises:
        TreatyDataError: a correction names an unknown state, one that cannot rejoin, a join `cannot_join` refuses,
            or a suspension of a state not a member on its day.
    """
    resolved = []
    for i, c in enumerate(corrections):
        try:
            resolved.append((c, {registry.resolve_id(s) for s in c.states}))
        except FoedusError as exc:  # an unknown state, reported with its place in the file
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}].states", str(exc)) from None
    out, applied = [], set()
    for t in treaties:
        for i, (c, ids) in enumerate(resolved):
            if not _targets(c, t) or (c.action in ("checked", "join") and t.carried_from is None and c.phase is None):
                continue  # a check of an alliance, or a join, is of its phases carried forward
            if c.action == "suspend" and c.phase is None and c.date is not None and not t.in_effect(c.date):
                continue  # a suspension of an alliance is of its phase in force on its day
            if c.action == "starts" and c.phase is None and not first_phase(t, c.atopid):
                continue  # an alliance's signature and entry into force are its first phase's
            why = cannot_rejoin(t, ids, c.date) if c.action == "rejoin" and c.date is not None else None
            why = cannot_join(t, ids, c.date) if c.action == "join" and c.date is not None else why
            why = cannot_suspend(t, ids, c.date) if c.action == "suspend" and c.date is not None else why
            why = cannot_start(t, ids, c.date, c.signed) if c.action == "starts" else why
            why = cannot_guarantee(t, ids) if c.action == "guarantee" else why
            if c.action == "checked" and t.carried_from is None:
                why = f"{t.id} is not carried past its source's coverage: a check records only a carried alliance"
            if why is not None:
                at = {"rejoin": f"[{i}].states", "join": f"[{i}] (atopid {c.atopid})",
                      "suspend": f"[{i}] (atopid {c.atopid}).states",
                      "starts": f"[{i}] (atopid {c.atopid})",
                      "guarantee": f"[{i}] (atopid {c.atopid}).states"}.get(c.action, f"[{i}]")
                raise TreatyDataError(CORRECTIONS_FILE, at, why)
            t = _apply(c, t, ids)
            applied.add(i)
        out.append(t)
    _none_unapplied([c for c, _ in resolved], applied)
    return out


def _none_unapplied(corrections: list[Correction], applied: set[int]) -> None:
    """Refuse a suspension, a check, a join, a name or a guarantee that no alliance of the merged world took: an
    unknown atopid, a phase not in force or not carried, or an alliance a curated treaty replaces or a correction
    ended."""
    for i, c in enumerate(corrections):
        if c.action == "suspend" and i not in applied:
            phase = f" phase {c.phase}" if c.phase is not None else ""
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid})", f"no alliance{phase} of atopid "
                                  f"{c.atopid} is in force on {c.date} in the merged world (unknown, replaced by a "
                                  "curated treaty or ended): there is nothing to suspend")
        if c.action == "starts" and i not in applied:
            phase = f" phase {c.phase}" if c.phase is not None else ""
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid})", f"no alliance{phase} of atopid "
                                  f"{c.atopid} in the merged world (unknown, or replaced by a curated treaty, which "
                                  "dates itself): there is nothing to date")
        if c.action == "guarantee" and i not in applied:
            phase = f" phase {c.phase}" if c.phase is not None else ""
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid})", f"no alliance{phase} of atopid "
                                  f"{c.atopid} in the merged world (unknown, or replaced by a curated treaty, which "
                                  "says who owes whom itself): there is no defence to direct")
        if c.action == "named" and i not in applied:
            phase = f" phase {c.phase}" if c.phase is not None else ""
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid})", f"no alliance{phase} of atopid "
                                  f"{c.atopid} in the merged world (unknown, or replaced by a curated treaty, which "
                                  "names itself): there is nothing to name")
        if c.action in ("checked", "join") and i not in applied:
            phase, what = f" phase {c.phase}" if c.phase is not None else "", {"checked": "check"}.get(c.action, (
                "join (a curated treaty lists its members itself)"))
            raise TreatyDataError(CORRECTIONS_FILE, f"[{i}] (atopid {c.atopid})", f"no alliance{phase} of atopid "
                                  f"{c.atopid} is carried past ATOP's coverage in the merged world (unknown, "
                                  f"replaced by a curated treaty or ended): there is nothing to {what}")
