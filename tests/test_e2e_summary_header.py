"""The summary's first line is the CLI's header: where the attack falls as the header says it
(foedus.place_words.where_said, the web's whereSaid; it said "at Estonia" of Estonia attacked at home, a place a
reader looked for on the place list), the severity in the header's words and only where it is not an armed attack,
all in the header's order (web/src/summaryhead.ts headSaid).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_starts
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("query", "result", "kw"), [
    ("attacker=UKR&target=RUS&place=kursk-oblast&date=2025-01-15", "UKR>RUS@2025-01-15", {"place": "kursk-oblast"}),
    ("attacker=RUS&target=EST&date=2025-06-01&severity=incursion", "RUS>EST@2025-06-01", {"severity": "incursion"}),
    ("attacker=RUS&target=EST&date=2025-06-01&requested=false&basis=signed", "RUS>EST@2025-06-01",
     {"requested": False, "basis": "signed"})])
def test_the_summarys_first_line_is_the_clis_header(page: Any, server: str, query: str, result: str,
                                                    kw: dict[str, Any]) -> None:
    """The first line is `foedus cascade`'s header, in its order (the date, attackers → attacked, where, then
    target kind, reading and the settings not the defaults), then the counts: it read "legal reading, 2025-01-15, at
    Kursk Oblast (territory, armed attack); ...", the reading first and no state named."""
    from rich.text import Text

    import foedus
    from foedus.render import rich_tree

    attacker, target, day = (query.split(f"{k}=")[1].split("&")[0] for k in ("attacker", "target", "date"))
    cascade = foedus.cascade(attacker, target, day, **kw)
    said = Text.from_markup(str(rich_tree(cascade).label)).plain + f"; {cascade.rounds} round(s); "
    _ready(page, f"{server}/?{query}")
    page.wait_for_selector(f"body[data-result='{result}']", timeout=60_000)
    text_starts(page.locator("#summary p >> nth=0"), said)
    assert not page.problems, page.problems
