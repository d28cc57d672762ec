"""The summary's first line marks a day after the treaty set's review day (2025-12-31), as the CLI's header does
(web/src/reviewday.ts pastReview; foedus.review_words.past_review): on 2026-12-07 it read "legal reading,
2026-12-07, at Estonia ..." and only the last of its notes said the set was reviewed only to 2025-12-31. A day on
or before it reads as it did.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("day", "mark"), [
    ("2026-12-07", " (after the treaty set's review day, 2025-12-31: see the note)"), ("2025-12-31", "")])
def test_the_summarys_first_line_marks_a_day_after_the_review_day(page: Any, server: str, day: str,
                                                                   mark: str) -> None:
    _ready(page, f"{server}/?attacker=RUS&target=EST&date={day}")
    page.wait_for_selector(f"body[data-result='RUS>EST@{day}']", timeout=60_000)

    def marked() -> None:
        said = f"{day}{mark} Russia (RUS) → Estonia (EST) (territory, legal)"  # Estonia at home: no place said
        assert page.locator("#summary p").first.inner_text().startswith(said)

    eventually(page, marked)
    assert not page.problems, page.problems
