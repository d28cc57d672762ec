"""`foedus compare --reading escalatory` said only its other settings ("help not requested") in its first line and in
its `--out` table's title, so a comparison under the escalatory reading read as one under the legal reading, the
default: both now say "escalatory reading" after the days and changes, by one rule (`compare_head`), as a war
replay's header says a reading; the legal reading, the default, stays unsaid, as before. `--json` says the reading at
its top (`reading`), as it says the dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samples import cli_line

pytestmark = pytest.mark.needs_data

LINE = ["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--drop-treaty", "nato_1949", "--no-request"]
HEAD = "with drop_treaty nato_1949; escalatory reading; help not requested"  # the one day said once, before it


def _said(tmp_path: Path, reading: str) -> tuple[str, str]:
    """The comparison's first line and its `--out` CSV's title, under `reading`."""
    out = tmp_path / f"{reading}.csv"
    code, text, err = cli_line([*LINE, "--reading", reading])
    assert code == 0, err
    code, _, err = cli_line([*LINE, "--reading", reading, "--out", str(out)])
    assert code == 0, err
    return text.splitlines()[0], json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["dc:title"]


def _json_reading(reading: str | None) -> str:
    """The reading `--json` says at the top of the comparison (`reading` given or not), beside its dates."""
    code, text, err = cli_line([*LINE, "--json", *(("--reading", reading) if reading else ())])
    assert code == 0, err
    return str(json.loads(text)["reading"])


def test_the_escalatory_reading_is_said_in_the_first_line_and_the_title_and_the_legal_stays_unsaid(
        tmp_path: Path) -> None:
    assert _said(tmp_path, "escalatory") == (f"base: 2025-06-01 as encoded; other: the same day {HEAD}",
                                             f"foedus compare 2025-06-01 as encoded and {HEAD}")
    plain = HEAD.replace("; escalatory reading", "")  # the default, as before
    assert _said(tmp_path, "legal") == (f"base: 2025-06-01 as encoded; other: the same day {plain}",
                                        f"foedus compare 2025-06-01 as encoded and {plain}")


def test_the_json_says_the_reading_beside_the_dates() -> None:
    """`--json`'s comparison said its dates and changes at the top but its reading only inside each world's result."""
    assert [_json_reading(r) for r in ("escalatory", "legal", None)] == ["escalatory", "legal", "legal"]
