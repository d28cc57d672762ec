"""Import ATOP 5.1 (member level) into the treaty model: one Treaty per alliance phase.

Mapping (Leeds et al., ATOP codebook v5.1):
- DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL -> provisions of that kind, owed by the members whose
  row carries the obligation to every other member of the phase (asymmetric alliances follow).
- Conditions: xxCOADV with a state in STATTHR1/2 (any SPECTHRT code) -> named adversaries; xxCOADV otherwise,
  xxCOLOC, xxCOCON, xxCONUM, xxCODEM -> `unresolved` (ATOP flags them without saying which place,
  conflict or number); DEFCONPR/NEUCONPR -> non-provocation; NEUCOATT = 0 -> neutrality also binds
  when the partner attacks; CONCOREQ -> consultation on request.
- Provision codes (MILAID, BASE, INTCOM, SUBORD, MILCON, CONTRIB, ECAID, ORGAN1/2) -> the treaty's
  `assistance` block (forms of help; `foedus.sources.atop_codes`).
- Strength: defence and offence S2; in an asymmetric alliance (ASYMM 1) that leaves some members without the
  obligation, a duty owed to those members is one-way, S5 (a guarantee), and one owed to the members that owe
  it too stays S2 (it is returned; members that have it under different conditions all have it): the
  provision is split by beneficiaries. Neutrality, non-aggression and consultation S4.
- Dates: ATOP dates membership from *signature*; entry and exit days are inclusive, a missing day
  is read as the 1st (entry) or the month's last day (exit), a missing month as January or December,
  and such a date is marked as known only to the month or year (`joined_certainty`, `left_certainty`;
  the phase's first day, `in_force_certainty`, and its end, in `unverified`, when they rest on one:
  `foedus.sources.atop_dates`). An alliance in effect at the end of 2018 gets `coverage_end` 2018-12-31
  (ATOP says nothing after that), not a termination. Where a
  member's exit day is its entry day in the alliance's next phase, the new phase takes over that day
  (the old one ends the day before), so two phases of one alliance never bind at once.
- Fixed terms: an alliance in effect at the end of 2018 whose text sets a term (SPECLGTH 1, LENGTH months
  from the alliance's start) that renews only by the parties' act (PROREN 0 or 1; 2 is automatic renewal)
  and ends after 2018 is terminated when the term ends (`fixed_term_end`), so it is not carried past it; a
  term ATOP's own years outlast (the alliance coded in force after it) is read as renewed, as ATOP codes it.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from foedus.cited_names import UNNAMED
from foedus.datasets.csvfile import open_csv
from foedus.datasets.verify import dataset_file
from foedus.errors import DataMissingError
from foedus.model.states import StateRegistry
from foedus.model.treaty import DateCertainty, Treaty
from foedus.sources.atop_codes import assistance_from_codes, codes_from_row
from foedus.sources.atop_dates import edge, entry_day, exit_day
from foedus.sources.atop_dates import number as _int
from foedus.sources.atop_release import ATOP_END, ATOP_MEMBER_FILE
from foedus.wording import counted

__all__ = ["ATOP_END", "ATOP_MEMBER_FILE", "atop_treaties", "fixed_term_end", "load_atop", "named_threats",
           "read_member_rows"]

_SIGNATURE_NOTE = "ATOP dates membership from signature, not entry into force"
# Germany as a named threat, under either COW code: ATOP names "Germany" (255) in the treaties signed before the
# partition (the Soviet bloc's, Finland's of 1948), in force while COW lists no state 255 (1945-1990), and names
# the German Federal Republic (260) when the same pairs renewed them (Soviet-Polish 1965, atopid 3520, after 3025;
# Polish-Czechoslovak 1967, 3540, after 3060); unified Germany (255 from 3 Oct 1990) continues the FRG.
_GERMANY = {255: (260,), 260: (255,)}
_KINDS = {  # ATOP obligation column -> (kind, condition prefix)
    "defense": ("defense", "def"),
    "offense": ("offense", "off"),
    "neutral": ("neutrality", "neu"),
    "nonagg": ("nonaggression", None),
    "consul": ("consultation", "con"),
}


def read_member_rows(path: Path | None = None) -> list[dict[str, str]]:
    """The rows of ATOP's member-level file.

    Raises:
        DataMissingError: the file is not in the data folder.
    """
    path = path or dataset_file(ATOP_MEMBER_FILE)
    if path is None:
        raise DataMissingError("ATOP 5.1 is not in the data folder: run `foedus data fetch atop`")
    with open_csv(path) as fh:
        return list(csv.DictReader(fh))


def fixed_term_end(row: dict[str, str], start: dt.date) -> dt.date | None:
    """The day a fixed term ends (LENGTH months from `start`, the alliance's first day), for an alliance whose
    text sets one (SPECLGTH 1) with no automatic renewal (PROREN not 2); None otherwise."""
    months = _int(row.get("length"))
    if _int(row.get("speclgth")) != 1 or months <= 0 or _int(row.get("proren")) == 2:
        return None
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return dt.date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))


def _term_past_coverage(row: dict[str, str], start: dt.date, how: DateCertainty | None) -> tuple[dt.date, str] | None:
    """The end of a fixed term that runs past ATOP's coverage, and the note that says so (and that the start it
    runs from is known only to the month or year, `how`); None if none does."""
    term = fixed_term_end(row, start)
    if term is None or term <= ATOP_END:
        return None
    unsure = f" (the start is known only to the {how.within}: {how.note})" if how is not None else ""
    return term, (f"fixed term: ATOP codes {counted(_int(row['length']), 'month')} from {start}{unsure}, renewed "
                  f"only by the parties' act (none known here after 2018), so it ends on {term}")


def _end_unsure(members: list[dict[str, Any]], terminated: dt.date | None) -> list[str]:
    """The alliance's end, in words, when it rests on exit days ATOP codes without a day (or month); [] if not."""
    how = edge(members, "left", terminated, "left_certainty") if terminated is not None else None
    return [] if how is None else [f"its end, {terminated}: {how.note}"]


def _member(row: dict[str, str], states: StateRegistry) -> dict[str, Any] | None:
    state = states.by_ccode.get(_int(row["member"]))
    if state is None:  # a code the registry lacks (ATOP's 8152 is not a COW state)
        return None
    entry, how = entry_day(row)
    out: dict[str, Any] = {"state": state, "signed": entry, "joined": entry}
    if how is not None:
        out["joined_certainty"] = how
    gone = exit_day(row)
    if gone is not None:
        out["left"] = gone[0]
        if gone[1] is not None:
            out["left_certainty"] = gone[1]
    return out


def _handed_on(member: dict[str, Any], entries: set[dt.date]) -> dict[str, Any]:
    """A membership whose exit day is the member's entry day in another phase of the alliance ends the day
    before: the new phase takes over on that day, so the two never bind at once."""
    left = member.get("left")
    if left is not None and left - dt.timedelta(days=1) in entries - {member["joined"]}:
        return {**member, "left": left - dt.timedelta(days=1)}
    return member


def named_threats(row: dict[str, str], states: StateRegistry) -> list[str]:
    """The states ATOP names as the threat (STATTHR1/2), under any SPECTHRT code; [] if none or unknown.

    Codebook 5.1: SPECTHRT says what kind of threat the treaty names (1 states, 2 a region, 3 states in
    a region, 4 an ongoing conflict, 5 domestic or non-state actors, 6 another alliance); STATTHR1/2
    hold the COW code of each state mentioned as a threat whatever that kind, 0 when none is, missing
    when the text was not found. So every SPECTHRT code with a STATTHR code names that state; a code
    the registry cannot resolve (or a missing one) leaves the adversary unresolved. Germany is named under
    either of its codes (`_GERMANY`).
    """
    raw = [row.get("statthr1"), row.get("statthr2")]
    if raw[0] in (None, ""):
        return []
    codes = [c for c in (_int(x) for x in raw) if c > 0]
    ids = [states.by_ccode.get(c) for c in codes]
    if not ids or not all(ids):
        return []
    same = (states.by_ccode.get(c) for code in codes for c in _GERMANY.get(code, ()))
    return sorted({i for i in (*ids, *same) if i})


def _conditions(row: dict[str, str], prefix: str | None, states: StateRegistry) -> dict[str, Any]:
    """Provision fields from one member row's condition codes for one obligation."""
    if prefix is None:
        return {}
    fields: dict[str, Any] = {"unresolved": []}
    if _int(row.get(f"{prefix}coadv")):
        ids = named_threats(row, states)
        if ids:
            fields["adversary"] = {"type": "named", "states": ids}
        else:
            fields["unresolved"].append("adversary")
    for code, label in (("coloc", "location"), ("cocon", "conflict"), ("conum", "number"), ("codem", "demand")):
        if _int(row.get(f"{prefix}{code}")):
            fields["unresolved"].append(label)
    if _int(row.get(f"{prefix}conpr")):
        fields["non_provocation"] = True
    if prefix == "neu" and not _int(row.get("neucoatt")):
        fields["when_partner_attacks"] = True
    if prefix == "con" and _int(row.get("concoreq")):
        fields["request_gated"] = True
    return fields


def _provisions(rows: list[dict[str, str]], states: StateRegistry, members: set[str]) -> list[dict[str, Any]]:
    """Group members with the same obligation and conditions into one provision each."""
    groups: dict[tuple[str, str], tuple[dict[str, Any], set[str]]] = {}
    asymmetric = any(_int(r["asymm"]) for r in rows)
    for row in rows:
        state = states.by_ccode.get(_int(row["member"]))
        if state is None:
            continue
        for column, (kind, prefix) in _KINDS.items():
            if not _int(row[column]):
                continue
            fields = _conditions(row, prefix, states)
            key = (kind, repr(sorted(fields.items())))
            groups.setdefault(key, (fields, set()))[1].add(state)
    owing: dict[str, set[str]] = defaultdict(set)  # every member with the obligation, whatever its conditions
    for (kind, _), (_, obligors) in groups.items():
        owing[kind] |= obligors
    provisions = []
    for (kind, _), (fields, obligors) in sorted(groups.items()):
        base = {"kind": kind, "article": f"ATOP {kind}", "obligors": sorted(obligors), **fields,
                "trigger": "threat" if kind == "consultation" else "armed_attack"}
        if kind not in ("defense", "offense"):
            provisions.append({**base, "strength": "S4"})
        elif not asymmetric or owing[kind] == members:
            provisions.append({**base, "strength": "S2"})
        else:  # owed back among the members who owe it (S2), one-way to those who owe none (S5)
            provisions.extend({**base, "strength": strength, "beneficiaries": sorted(owed)}
                              for strength, owed in (("S2", owing[kind]), ("S5", members - owing[kind]))
                              if owed - obligors or len(owed) > 1)
    return provisions


def atop_treaties(rows: Iterable[dict[str, str]], states: StateRegistry) -> list[Treaty]:
    """One Treaty per ATOP alliance phase (id `atop_<atopid>` or `atop_<atopid>_p<phase>`)."""
    phases: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        phases[(_int(row["atopid"]), _int(row["phase"]))].append(row)
    every: dict[int, list[dict[str, Any]]] = defaultdict(list)  # each alliance's memberships, over its phases
    entries: dict[tuple[int, str], set[dt.date]] = defaultdict(set)  # each member's entries, over the phases
    for (atopid, _), group in phases.items():
        for m in (_member(r, states) for r in group):
            if m is not None:
                every[atopid].append(m)
                entries[(atopid, m["state"])].add(m["joined"])
    begun = {atopid: min(m["joined"] for m in ms) for atopid, ms in every.items()}  # a fixed term runs from it
    treaties = []
    for (atopid, phase), group in sorted(phases.items()):
        members = [_handed_on(m, entries[(atopid, m["state"])])
                   for m in (_member(r, states) for r in group) if m is not None]
        if len({m["state"] for m in members}) < 2:
            continue
        start = min(m["joined"] for m in members)
        ends = [m.get("left") for m in members]
        terminated = max(e for e in ends if e is not None) if all(ends) else None
        note, unverified = _SIGNATURE_NOTE, _end_unsure(members, terminated)
        first = begun[atopid]
        term = None if terminated is not None else _term_past_coverage(
            group[0], first, edge(every[atopid], "joined", first, "joined_certainty"))
        if term is not None:
            terminated, said = term
            note, unverified = f"{note}; {said}", [said]
        provisions = _provisions(group, states, {m["state"] for m in members})
        # six states name it; more are counted, so that the name is never read as the whole membership
        listed = sorted({m["state"] for m in members})
        names = ", ".join(listed[:6]) + (f" and {len(listed) - 6} more" if len(listed) > 6 else "")
        treaties.append(Treaty.model_validate({
            "id": f"atop_{atopid}" if phase == 0 else f"atop_{atopid}_p{phase}",
            "name": f"{UNNAMED}{atopid}" + (f", phase {phase}" if phase else "") + f" ({names})",
            "signed": start, "in_force": start,
            "in_force_certainty": edge(members, "joined", start, "joined_certainty"),
            "terminated": terminated, "unverified": unverified,
            "coverage_end": ATOP_END,
            "type": "bilateral" if _int(group[0]["bilat"]) else "multilateral",
            "sources": [{"url": "http://www.atopdata.org/data.html", "title": f"ATOP 5.1, atopid {atopid}"}],
            "members": members, "provisions": provisions, "atop_ids": [atopid], "origin": "atop",
            "note": note, "assistance": assistance_from_codes(codes_from_row(group[0])),
        }))
    return treaties


def load_atop(states: StateRegistry, path: Path | None = None) -> list[Treaty]:
    """ATOP 5.1 alliances as treaties (see the module docstring for the mapping)."""
    return atop_treaties(read_member_rows(path), states)
