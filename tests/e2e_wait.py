"""Waiting assertions for the end-to-end tests (tests/test_e2e_*.py): each checks what the old immediate read
checked, the same expected value, but retries until the page shows it, so a read does not race an update the page
makes a little later (a chip renamed once its date's names come, a panel's history fetched after it is drawn).

The timeout is a hang guard, never a bound on how fast the page is: a page that is right passes at once, one that
never gets right fails after HANG_GUARD_MS. Texts are the elements' innerText (as `inner_text()` reads them), matched
exactly: a string is turned into an anchored, escaped pattern, which Playwright matches without normalising the
whitespace (it normalises a plain string's). A negative check ("X is not shown") is not for these: it passes as soon
as the page is in that state, before the update that would add X, so it stays an immediate read after a wait for
that update.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

HANG_GUARD_MS = 30_000


def _expect(target: Any) -> Any:
    from playwright.sync_api import expect  # imported here: without Playwright the e2e tests skip (or fail in CI)

    return expect(target)


def exactly(text: str) -> re.Pattern[str]:
    """A pattern matching `text` and nothing else (no whitespace normalised)."""
    return re.compile("^" + re.escape(text) + "$")


def text_is(locator: Any, text: str, timeout: float = HANG_GUARD_MS) -> None:
    """`locator.inner_text() == text`, once the page shows it."""
    _expect(locator).to_have_text(exactly(text), use_inner_text=True, timeout=timeout)


def content_is(locator: Any, text: str, timeout: float = HANG_GUARD_MS) -> None:
    """`locator.text_content() == text` (an SVG `<title>`, which has no innerText), once the page shows it."""
    _expect(locator).to_have_text(exactly(text), use_inner_text=False, timeout=timeout)


def text_starts(locator: Any, start: str, timeout: float = HANG_GUARD_MS) -> None:
    """`locator.inner_text().startswith(start)`, once the page shows it."""
    _expect(locator).to_have_text(re.compile("^" + re.escape(start)), use_inner_text=True, timeout=timeout)


def text_has(locator: Any, *parts: str, timeout: float = HANG_GUARD_MS) -> None:
    """`part in locator.inner_text()` for each part, once the page shows it."""
    for part in parts:
        _expect(locator).to_contain_text(re.compile(re.escape(part)), use_inner_text=True, timeout=timeout)


def count_is(locator: Any, n: int, timeout: float = HANG_GUARD_MS) -> None:
    """`locator.count() == n`, once the page shows it (n > 0: a count of 0 is a negative check, see above)."""
    assert n > 0, "a waiting count of 0 passes before the update that would add one: read it after a wait instead"
    _expect(locator).to_have_count(n, timeout=timeout)


def attr_is(locator: Any, name: str, value: str, timeout: float = HANG_GUARD_MS) -> None:
    """`locator.get_attribute(name) == value`, once the page shows it."""
    _expect(locator).to_have_attribute(name, exactly(value), timeout=timeout)


def url_has(page: Any, *parts: str, timeout: float = HANG_GUARD_MS) -> None:
    """`part in page.url` for each part, once the address bar has it (the page writes it after a run or a pick)."""
    for part in parts:
        _expect(page).to_have_url(re.compile(re.escape(part)), timeout=timeout)


def eventually(page: Any, check: Callable[[], None], timeout: float = HANG_GUARD_MS) -> None:
    """Run `check` (plain asserts on what the page shows) until it passes; after the hang guard, its last failure.
    For a check of several reads together (a list of texts, each tested), which no single expect says."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            check()
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
        page.wait_for_timeout(100)


def typed_refused(page: Any, role: str, typed: str, said: str) -> None:
    """`typed`, entered in the `role` search box, is refused in the error line as `said` followed by "; nothing was
    added as <role>", and adds no chip; the page met no problem but the refusal's 422."""
    page.fill(f"#{role}-search", typed)
    page.press(f"#{role}-search", "Enter")
    page.wait_for_selector("#error:not([hidden])", timeout=HANG_GUARD_MS)
    text_is(page.locator("#error"), f"{said}; nothing was added as {role}")
    assert page.locator(f"#{role}-chips .chip").count() == 0
    assert [p for p in page.problems if "422" not in p] == [], page.problems
