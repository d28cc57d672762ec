"""A what-if comparison's Stata data label (80 characters) was its title cut at a word: "foedus compare 2026-06-01 vs
2026-06-01 (both past review) with add_member …", the one day said twice and the changes cut at their first word.
It now says the day once, marked "(past review)", then the changes as many as fit (`compare_label`), the reading and
switches after them where they fit; the whole title stays the file's first note and the sidecar's `dc:title`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from foedus.cli.compare_out import compare_head, compare_label
from foedus.outputs.stata import STATA_LABEL_MAX
from samples import cli_line
from test_table_citations import stata_notes

CHANGES = ["add_member nato_1949:UKR", "remove_member nato_1949:TUR", "drop_treaty rus_prk_2024"]
SWITCHES = ["help not requested", "membership by signature"]


def _diff(base: str, other: str, changes: list[str], switches: list[str] = SWITCHES) -> dict[str, Any]:
    return {"base_date": base, "other_date": other, "what_if": changes, "switches_said": switches}


def test_a_long_what_if_keeps_its_day_mark_and_changes_in_short() -> None:
    assert compare_label(_diff("2026-06-01", "2026-06-01", CHANGES), "escalatory") == (
        "foedus compare 2026-06-01 (past review) with 3 what-if changes …")
    assert compare_label(_diff("2025-06-01", "2025-06-01", CHANGES), "escalatory") == (
        "foedus compare 2025-06-01 with add_member nato_1949:UKR and 2 more …")
    assert compare_label(_diff("2026-06-01", "2026-06-01", CHANGES[:1]), "escalatory") == (
        "foedus compare 2026-06-01 (past review) with add_member nato_1949:UKR …")  # the change before the reading
    assert compare_label(_diff("2025-06-01", "2025-06-01", ["drop_treaty rus_prk_2024"], []), "escalatory") == (
        "foedus compare 2025-06-01 with drop_treaty rus_prk_2024; escalatory reading")  # all of it, the day once
    assert compare_label(_diff("2025-06-01", "2026-06-01", CHANGES[:2], []), "legal") == (
        "foedus compare 2025-06-01 vs 2026-06-01 (one past review) with 2 what-if changes")  # two days: both said


def test_a_title_that_fits_or_has_no_change_keeps_the_plain_label() -> None:
    assert compare_label(_diff("2025-06-01", "2025-06-01", CHANGES[:1], []), "legal") is None  # fits
    assert compare_label(_diff("2026-03-01", "2026-06-01", [], SWITCHES), "escalatory") is None  # stata_label cuts


def test_every_label_fits_a_stata_label() -> None:
    for day in ("2025-06-01", "2026-06-01"):
        for count in range(1, 4):
            for switches in ([], SWITCHES):
                for reading in ("legal", "escalatory"):
                    diff = _diff(day, day, CHANGES[:count], switches)
                    label = compare_label(diff, reading)
                    title = compare_head(diff, reading, title=True)
                    assert (label is None) == (len(title.replace(
                        "after the treaty set's review day, 2025-12-31: see the note", "past review")) <= 80)
                    assert label is None or (len(label) <= STATA_LABEL_MAX and day in label
                                             and label.count(day) == 1)


@pytest.mark.needs_data
def test_the_longest_what_if_comparison_is_labelled_whole_and_noted_in_full(tmp_path: Path) -> None:
    out = tmp_path / "c.dta"
    changes = [word for change in CHANGES for word in (f"--{change.split()[0].replace('_', '-')}", change.split()[1])]
    code, _, err = cli_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2026-06-01", *changes, "--reading",
                             "escalatory", "--no-request", "--basis", "signed", "--out", str(out)])
    assert code == 0, err
    sidecar = json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))
    title = sidecar["dc:title"]
    assert title.startswith("foedus compare 2026-06-01 (after the treaty set's review day")  # the one day once
    assert all(change in title for change in CHANGES)
    with pd.io.stata.StataReader(out) as reader:
        assert reader.data_label == "foedus compare 2026-06-01 (past review) with 3 what-if changes …"
    assert sidecar["foedus"]["stata_label"] == "foedus compare 2026-06-01 (past review) with 3 what-if changes …"
    assert stata_notes(out)[0] == f"{title}, written by foedus {sidecar['foedus']['foedus_version']}"  # in full
