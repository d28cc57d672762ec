"""ATOP 5.1 provision codes and foedus's forms of help, both ways (the mapping is tabled in docs/depth.md).

- `assistance_from_codes`: ATOP codes (MILAID, BASE, INTCOM, SUBORD, MILCON, CONTRIB, ECAID, ORGAN1/2 with
  ORGPURP1/2) -> an `Assistance` block; a missing code (ATOP found no text) marks its form unknown.
- `treaty_codes`: a treaty (its provisions and assistance block) -> the same codes, so curated treaties
  and ATOP alliances are measured on one scale. Help owed only in wartime, as part of the defence duty,
  is not coded as military or economic aid (ATOP codes it as the defence obligation itself: the
  China–DPRK 1961 "military and other assistance" clause has MILAID 0).
- `read_alliance_codes`: the alliance-level file (atop5_1a.csv), checked before it is believed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from foedus.datasets.verify import dataset_file
from foedus.errors import DataFormatError, DataMissingError
from foedus.model.assistance import LEVELS, ORG_PURPOSES, Assistance, HelpEntry, HelpForm
from foedus.model.help import held_in
from foedus.model.treaty import Kind, Provision, Treaty
from foedus.model.vocab import ATOP_ARMS_CODE, ATOP_PLAIN

__all__ = ["ALLIANCE_FILE", "CODE_KEYS", "Codes", "assistance_from_codes", "codes_from_row", "form_years",
           "read_alliance_codes", "treaty_codes"]

ALLIANCE_FILE = "atop/atop5_1a.csv"
OBLIGATION_KEYS = ("defense", "offense", "neutral", "nonagg", "consul", "defcon", "offcon")
PROVISION_KEYS = ("milcon", "milaid", "intcom", "subord", "organ1", "orgpurp1", "organ2", "orgpurp2",
                  "base", "contrib", "ecaid")
CODE_KEYS = OBLIGATION_KEYS + PROVISION_KEYS
Codes = dict[str, int | None]

_FORM_CODES: dict[HelpForm, tuple[str, ...]] = {  # which codes a form is measured by
    HelpForm.ARMS: ("milaid",), HelpForm.DEFENCE_INDUSTRY: ("milaid",), HelpForm.BASES: ("base",),
    HelpForm.INTEGRATED_COMMAND: ("intcom", "subord"), HelpForm.JOINT_PLANNING: ("milcon",),
    HelpForm.TROOP_CONTRIBUTIONS: ("contrib",), HelpForm.ECONOMIC_AID: ("ecaid",),
    HelpForm.ORGANISATION: ("organ1", "orgpurp1", "organ2", "orgpurp2"),
}
_ARMS_CODE = ATOP_ARMS_CODE
_PLAIN = {form: name.lower() for form, name in ATOP_PLAIN.items()}
_ATOP_NAME = {name.lower(): name for name in ATOP_PLAIN.values()}


def _atop_entry(form: HelpForm, level: str, code: str, **extra: Any) -> HelpEntry:
    return HelpEntry(form=form, level=level, summary=f"ATOP 5.1 {code}", **extra)


def _level(levels: tuple[str, ...], value: int | None, offset: int = 1) -> str | None:
    """The level an ATOP code stands for (None for 0, missing, or a code outside the codebook)."""
    if not value or not 0 <= value - offset < len(levels):
        return None
    return levels[value - offset]


def assistance_from_codes(codes: Mapping[str, int | None]) -> Assistance:
    """The forms of help ATOP codes record (articles are not in ATOP; every form has basis 'treaty')."""
    forms: list[HelpEntry] = []
    level = _level(tuple(_ARMS_CODE), codes.get("milaid"), offset=0)
    if level:
        forms.append(_atop_entry(HelpForm.ARMS, level, f"MILAID={codes['milaid']}"))
    for form, key in _PLAIN.items():
        level = _level(LEVELS[form], codes.get(key))
        if level:
            forms.append(_atop_entry(form, level, f"{_ATOP_NAME[key]}={codes[key]}"))
    if codes.get("intcom") == 1:
        forms.append(_atop_entry(HelpForm.INTEGRATED_COMMAND, "peacetime_and_wartime", "INTCOM=1"))
    level = _level(("wartime_designated", "wartime_conditional"), codes.get("subord"))
    if level:
        forms.append(_atop_entry(HelpForm.INTEGRATED_COMMAND, level, f"SUBORD={codes['subord']}"))
    if codes.get("contrib") == 1:
        forms.append(_atop_entry(HelpForm.TROOP_CONTRIBUTIONS, "specified", "CONTRIB=1"))
    for n in (1, 2):
        level = _level(LEVELS[HelpForm.ORGANISATION], codes.get(f"organ{n}"))
        purpose = _level(ORG_PURPOSES, codes.get(f"orgpurp{n}"))
        if level and purpose:
            forms.append(_atop_entry(HelpForm.ORGANISATION, level, f"ORGAN{n}={codes[f'organ{n}']}, "
                                     f"ORGPURP{n}={codes[f'orgpurp{n}']}", purpose=purpose))
    unknown = [f for f, keys in _FORM_CODES.items() if any(codes.get(k) is None for k in keys[:1])]
    return Assistance(forms=forms, unknown=[f for f in unknown if f not in {e.form for e in forms}])


def _conditional(p: Provision) -> bool:
    """ATOP's conditions: adversary, location, conflict, number, demands, non-provocation."""
    return p.adversary.type == "named" or p.non_provocation or bool(p.unresolved) or p.scope.territory is not None


def _obligations(treaty: Treaty) -> Codes:
    kinds = {p.kind for p in treaty.provisions}
    out: Codes = {k: int(kind in kinds) for k, kind in zip(
        OBLIGATION_KEYS[:5], (Kind.DEFENSE, Kind.OFFENSE, Kind.NEUTRALITY, Kind.NONAGGRESSION, Kind.CONSULTATION),
        strict=True)}
    for key, kind in (("defcon", Kind.DEFENSE), ("offcon", Kind.OFFENSE)):
        out[key] = int(any(_conditional(p) for p in treaty.provisions if p.kind is kind))
    return out


def _counted(entries: Iterable[HelpEntry], separate: bool, year: int | None) -> list[HelpEntry]:
    """Entries the codes count: not wartime arms or economic aid (part of the defence duty); with `year`, only those
    that held in it (`foedus.model.help.held_in`)."""
    bases = ("treaty", "companion", "separate") if separate else ("treaty", "companion")
    return [e for e in entries if e.basis in bases and (year is None or held_in(e, year))
            and not (e.when == "wartime" and e.form in (HelpForm.ARMS, HelpForm.ECONOMIC_AID))]


def _milaid(levels: set[str]) -> int:
    codes = {_ARMS_CODE[level] for level in levels}
    if (codes & {2, 4}) and (codes & {3, 4}):
        return 4
    return max(codes, default=0)


def _provision_codes(assistance: Assistance, separate: bool, year: int | None) -> Codes:
    entries = _counted(assistance.forms, separate, year)
    levels: dict[HelpForm, list[str]] = {}
    for e in entries:
        levels.setdefault(e.form, []).append(e.level)
    arms = set(levels.get(HelpForm.ARMS, []))
    if HelpForm.DEFENCE_INDUSTRY in levels:  # ATOP codes technology cooperation as military aid (MILAID 3)
        arms.add("training_technology")
    out: Codes = {"milaid": _milaid(arms)}
    for form, key in _PLAIN.items():
        out[key] = max((LEVELS[form].index(v) + 1 for v in levels.get(form, [])), default=0)
    command = set(levels.get(HelpForm.INTEGRATED_COMMAND, []))
    out["intcom"] = int(bool(command & {"peacetime_and_wartime", "joint_forces"}))
    out["subord"] = 1 if "wartime_designated" in command else (2 if "wartime_conditional" in command else 0)
    out["contrib"] = int(HelpForm.TROOP_CONTRIBUTIONS in levels)
    organs = sorted(((LEVELS[HelpForm.ORGANISATION].index(e.level) + 1, ORG_PURPOSES.index(e.purpose or "") + 1)
                     for e in entries if e.form is HelpForm.ORGANISATION), reverse=True)
    for n in (1, 2):
        organ, purpose = organs[n - 1] if len(organs) >= n else (0, 0)
        out[f"organ{n}"], out[f"orgpurp{n}"] = organ, purpose
    for form in assistance.unknown:
        for key in _FORM_CODES.get(form, ()):
            out[key] = None
    return out


def treaty_codes(treaty: Treaty, *, separate: bool = False, year: int | None = None) -> Codes:
    """ATOP-style codes of a treaty; provision codes are None when its help was not encoded.

    `separate=True` also counts help provided by separate agreements or decisions (for `depth_all`). `year` counts
    only the forms that held in that year (`since`/`until`: the Manila Pact's organisation ended in 1977); without
    it, every form the treaty ever held, as ATOP's alliance-level codes take the highest level of any phase.
    """
    out = _obligations(treaty)
    if treaty.assistance is None:
        return out | dict.fromkeys(PROVISION_KEYS)
    return out | _provision_codes(treaty.assistance, separate, year)


def form_years(treaty: Treaty) -> list[int]:
    """The years in which the forms of help a treaty's codes count may change (a form's `since`, the year after its
    `until`), sorted: `treaty_codes(treaty, year=y)` is the same for every year between two of them."""
    if treaty.assistance is None:
        return []
    return sorted({y for e in treaty.assistance.forms for y in (e.since, None if e.until is None else e.until + 1)
                   if y is not None})


def codes_from_row(row: Mapping[str, str]) -> Codes:
    """The codes of one row of an ATOP file (blank = missing = None)."""
    return {k: _code(row.get(k)) for k in CODE_KEYS}


def _code(value: str | None) -> int | None:
    if value is None or value.strip() == "":
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def read_alliance_codes(path: Path | None = None) -> list[dict[str, Any]]:
    """ATOP 5.1's alliance-level rows: atopid, begyr, endyr and every code in `CODE_KEYS` (None = missing).

    Raises:
        DataMissingError: the file is not in the data folder.
        DataFormatError: it lacks a needed column, is not version 5.1, or repeats an atopid.
    """
    path = path or dataset_file(ALLIANCE_FILE)
    if path is None:
        raise DataMissingError("ATOP 5.1 (atop5_1a.csv) is not in the data folder: run `foedus data fetch atop`")
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        need = {"atopid", "begyr", "endyr", "version", *CODE_KEYS}
        missing = sorted(need - set(reader.fieldnames or ()))
        if missing:
            raise DataFormatError(f"{path}: not ATOP's alliance-level file (no column {', '.join(missing)})")
        rows = []
        for n, raw in enumerate(reader, start=2):
            atopid = _code(raw["atopid"])
            if atopid is None or raw["version"].strip() not in ("5.1", "5.10"):
                raise DataFormatError(f"{path}: line {n}: need a numeric atopid and version 5.1")
            rows.append({"atopid": atopid, "begyr": _code(raw["begyr"]), "endyr": _code(raw["endyr"]),
                         **codes_from_row(raw)})
    if len({r["atopid"] for r in rows}) != len(rows):
        raise DataFormatError(f"{path}: an atopid appears twice; the alliance-level file has one row per alliance")
    return rows
