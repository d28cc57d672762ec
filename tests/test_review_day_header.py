"""A text answer on a day after the treaty set's review day (`DATA_END`, 2025-12-31) says so in its header, where it
is read first (`foedus.review_words.past_review`): `foedus cascade -a RUS -t EST -d 2026-12-07` printed some 350
lines and only at their end the note that the set was reviewed as a whole only to 2025-12-31, its header unmarked,
so that a reader of the first screen quoted the answer as current. The comparison's, the war replay's and the atlas
title's headers alike; a header on the review day or before it reads as it did."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.api import cascade
from foedus.engine.outcome import DATA_END, DATA_END_NOTE
from foedus.render import explain_lines, html_table
from samples import cli_line

LATER = "2026-12-07"
MARK = f" (after the treaty set's review day, {DATA_END}: see the note)"


def test_a_cascade_after_the_review_day_says_so_in_its_first_line() -> None:
    code, out, _ = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", LATER])
    assert code == 0
    assert " ".join(out.split()).startswith(f"{LATER}{MARK} Russia (RUS) → Estonia (EST) (territory, legal)")
    result = cascade("RUS", "EST", LATER)
    assert explain_lines(result)[0].startswith(f"{LATER}{MARK}: Russia (RUS) attacks Estonia (EST)")
    assert f"{LATER}{MARK}: Russia" in html_table(result).replace("&#x27;", "'")
    assert f"Note: {DATA_END_NOTE}" in explain_lines(result)  # the note the header points to


@pytest.mark.parametrize("day", [str(DATA_END), "2025-06-01"])
def test_a_cascade_on_the_review_day_or_before_it_reads_as_it_did(day: str) -> None:
    code, out, _ = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", day])
    assert code == 0 and out.startswith(f"{day} Russia (RUS) → Estonia (EST) (territory, legal)\n")
    assert explain_lines(cascade("RUS", "EST", day))[0].startswith(f"{day}: Russia (RUS) attacks")


def test_a_comparison_marks_the_day_after_the_review_and_gives_the_note() -> None:
    code, out, _ = cli_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--date2", LATER])
    assert code == 0
    assert out.startswith(f"base: 2025-06-01; other: {LATER} (one {MARK.removeprefix(' (')}\n")  # once for both
    assert f"note: {DATA_END_NOTE}\n" in out
    code, out, _ = cli_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--date2", "2025-07-01"])
    assert code == 0 and out.startswith("base: 2025-06-01; other: 2025-07-01\n") and DATA_END_NOTE not in out


def test_a_war_replayed_past_the_review_day_marks_its_header(tmp_path: Path) -> None:
    path = tmp_path / "late.yaml"
    path.write_text("id: late\nname: Late\nend: 2026-03-01\nevents:\n"
                    "  - {type: attack, date: 2025-12-01, attacker: RUS, victim: UKR}\n", encoding="utf-8")
    code, out, _ = cli_line(["war", str(path)])
    assert code == 0
    assert " ".join(out.split()).startswith(f"Late (late), replayed 2025-12-01 to 2026-03-01{MARK} — legal reading")
    code, out, _ = cli_line(["war", str(path), "--until", "2025-12-20"])
    assert code == 0 and " ".join(out.split()).startswith("Late (late), replayed 2025-12-01 to 2025-12-20 — legal")
