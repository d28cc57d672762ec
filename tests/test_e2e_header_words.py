"""The headers the web shows say a reading, a setting and a date in their CLI counterpart's words. The compare view's
header is `foedus compare`'s first line (web/src/comparesaid.ts `compareHead`): it said
"2025-06-01 as encoded → with drop_treaty nato_1949; help not requested" for a comparison under the escalatory
reading, which the CLI's first line, `--out` title and JSON's `reading` say, so it read as one under the legal
reading; and after the treaty set's review day it carried no mark where the CLI marks the pair of days and prints the
note the mark points to, which the view now lists under its lines. The PNG's caption said "territorial view
recognized; severity incursion" and left help not requested unsaid, where `foedus cascade`'s header says the
settings not at their defaults in its words ("an incursion (not an armed attack), help not requested"), and marks a
day after the review day.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from foedus.engine.outcome import DATA_END_NOTE
from foedus.review_words import past_review
from samples import cli_line
from test_e2e_compare_words import _compare
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _first_line(args: list[str]) -> str:
    code, text, err = cli_line(["compare", *args])
    assert code == 0, err
    return text.splitlines()[0]


def _headed(page: Any, head: str) -> None:
    """Wait until the view's header is `head` followed by the war size."""
    def said() -> None:
        header = page.locator("#comparison > p").first.inner_text()
        assert header.startswith(f"{head}: war size "), header

    eventually(page, said)


def test_the_compare_header_says_the_escalatory_reading_as_the_cli(page: Any, server: str) -> None:
    _compare(page, server, "attacker=RUS&target=EST&date=2025-06-01&drop_treaty=nato_1949&requested=false"
             "&reading=escalatory", "RUS>EST@2025-06-01", "#comparison > p")
    head = _first_line(["-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--drop-treaty", "nato_1949", "--no-request",
                        "--reading", "escalatory"])
    assert head == ("base: 2025-06-01 as encoded; other: the same day with drop_treaty nato_1949; escalatory "
                    "reading; help not requested")
    _headed(page, head)
    assert not page.problems, page.problems


def test_the_compare_header_marks_a_day_after_the_review_day_and_lists_its_note(page: Any, server: str) -> None:
    _compare(page, server, "attacker=RUS&target=EST&date=2026-03-01&other_date=2025-06-01", "RUS>EST@2026-03-01",
             "#comparison > p")
    head = _first_line(["-a", "RUS", "-t", "EST", "-d", "2026-03-01", "--date2", "2025-06-01"])
    assert head == ("base: 2026-03-01; other: 2025-06-01 (one after the treaty set's review day, 2025-12-31: see the "
                    "note)")
    _headed(page, head)

    def noted() -> None:
        assert f"note: {DATA_END_NOTE}" in page.locator("#comparison ul.notes li").all_inner_texts()

    eventually(page, noted)
    assert not page.problems, page.problems


def test_the_png_caption_says_the_settings_and_the_review_day_as_the_cli(page: Any, server: str) -> None:
    day = "2026-03-01"
    said = "an incursion (not an armed attack), help not requested"
    header = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", day, "--severity", "incursion", "--no-request"])
    assert f"(territory, legal; {said})" in " ".join(header.stdout.split()), header.stdout[:300]  # rich wraps it
    _ready(page, f"{server}/?attacker=RUS&target=EST&date={day}&severity=incursion&requested=false")
    page.wait_for_selector(f"body[data-result='RUS>EST@{day}']", timeout=60_000)
    with page.expect_download():
        page.click("#export-png")

    def captioned() -> None:
        caption = (page.get_attribute("#export-png", "data-caption") or "").splitlines()
        settings = "; ".join(said.split(", "))
        assert f"Date {day}{past_review(day)}; legal reading; {settings}." in caption, caption
        assert f"Note: {DATA_END_NOTE}." in caption, caption

    eventually(page, captioned)
    assert not page.problems, page.problems
