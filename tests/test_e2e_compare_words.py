"""The compare view says each change in `foedus compare`'s words after the state's button (change_words,
ongoing_said; their TypeScript, web/src/said.ts, is run beside them in tests/test_said_parity.py): a gained state
read "joins the defense: nato_1949 art. 5" on the page and "joins the defense (nato_1949 art. 5)" in the CLI (now
"is bound to join the defense side (nato_1949 art. 5)" in both), a switched one "switches defense → attack: ..." and
"switches from defense to attack (...)".

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from foedus.by_name import by_name
from foedus.sweeps.compare_dated import dated_line
from foedus.sweeps.compare_words import change_words
from foedus.war.ongoing_changes import ongoing_said
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _rows(page: Any, selector: str) -> list[tuple[str, str]]:
    """Each row's state (its button's) and words."""
    return page.locator(selector).evaluate_all(
        "els => els.map((e) => [e.querySelector('button.state').dataset.state, e.innerText])")


def _compare(page: Any, server: str, query: str, result: str, selector: str) -> dict[str, Any]:
    """Run `query` on the page, Compare, wait for `selector`; the API's comparison of the same query."""
    import httpx2

    _ready(page, f"{server}/?{query}")
    page.wait_for_selector(f"body[data-result='{result}']", timeout=60_000)
    page.click("#compare")
    page.wait_for_selector(selector, timeout=60_000)
    changes: dict[str, Any] = httpx2.get(f"{server}/api/compare?{query}", timeout=120).json()["changes"]
    return changes


def test_the_compare_view_words_each_change_as_the_cli(page: Any, server: str) -> None:
    """Finland's NATO accession: the states it gains and those it rebases, each in change_words's words."""
    changes = _compare(page, server, "attacker=RUS&target=FIN&date=2023-03-01&other_date=2023-04-04",
                       "RUS>FIN@2023-03-01", "#comparison ul.changes li.rebased")
    want = [(x["state"], change_words(kind, x)) for kind in ("gained", "lost", "switched", "rebased")
            for x in changes[kind]]

    def worded() -> None:
        got = _rows(page, "#comparison ul.changes li:is(.gained, .lost, .switched, .rebased)")
        assert changes["gained"] and len(got) == len(want)
        words = dict(want)  # each kind's states come by the name said (byName), as the CLI lists them, not by id
        for state, text in got:
            assert text.endswith(f" {words[state]}"), (text, words[state])
        for kind in ("gained", "rebased"):
            texts = page.locator(f"#comparison ul.changes li.{kind}").all_inner_texts()
            assert texts == by_name(texts), texts

    eventually(page, worded)
    assert not page.problems, page.problems


def test_the_compare_view_words_the_ongoing_lines_as_the_cli(page: Any, server: str) -> None:
    """Without the Russia–DPRK treaty North Korea is no longer bound in the Kursk war: its ongoing line in the CLI's
    words (ongoing_said), as are all the others."""
    query = ("attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&ongoing_since=2024-08-06"
             "&drop_treaty=rus_prk_2024")
    changes = _compare(page, server, query, "UKR>RUS@2025-01-15", "#comparison ul.ongoing li.ongoing")
    want = [(state, words) for _, state, words in ongoing_said(changes["ongoing"])]
    assert ("PRK", "no longer bound to the date (was since 2024-12-04: defense, rus_prk_2024 art. 4)") in want

    def worded() -> None:
        got = _rows(page, "#comparison ul.ongoing li.ongoing")
        assert len(got) == len(want)
        for (state, text), (wanted_state, words) in zip(got, want, strict=True):
            assert state == wanted_state and text.endswith(f" {words}"), (text, words)

    eventually(page, worded)
    assert not page.problems, page.problems


def test_the_compare_views_header_says_the_changes_as_the_cli(page: Any, server: str) -> None:
    """The header said the page's query (`with add_member=csto_1992:IRN, drop_treaty=rus_prk_2024`) where `foedus
    compare`'s first line, its JSON's `what_if` and the CSV's column say the changed result's record of them (`with
    add_member csto_1992:IRN and drop_treaty rus_prk_2024`): the header now says them so too (whatifwords.ts
    `whatIfOf`)."""
    from samples import cli_line

    query = ("attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&add_member=csto_1992:IRN"
             "&drop_treaty=rus_prk_2024")
    _compare(page, server, query, "UKR>RUS@2025-01-15", "#comparison ul.changes")
    first = cli_line(["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast",
                      "--add-member", "csto_1992:IRN", "--drop-treaty", "rus_prk_2024"]).stdout.splitlines()[0]
    said = first.split(" with ", 1)[1]
    assert said == "add_member csto_1992:IRN and drop_treaty rus_prk_2024", first

    def headed() -> None:
        header = page.locator("#comparison > p").first.inner_text()
        assert header.startswith(f"base: 2025-01-15 as encoded; other: the same day with {said}: war size "), header

    eventually(page, headed)
    assert not page.problems, page.problems


def test_the_compare_view_says_the_treaty_changes_between_the_dates(page: Any, server: str) -> None:
    """Across two dates the view lists the treaty changes that bound or freed someone, in `foedus compare`'s words
    (dated_line): Finland's and Sweden's NATO accessions between 2022 and 2024, which the page never said."""
    changes = _compare(page, server, "attacker=RUS&target=FIN&date=2022-06-01&other_date=2024-06-01",
                       "RUS>FIN@2022-06-01", "#comparison ul.dated li")
    want = [dated_line(d) for d in changes["dated_changes"]]
    assert "treaty change on 2023-04-04: Finland (FIN) becomes a party to nato_1949" in want

    def said() -> None:
        assert page.locator("#comparison ul.dated li").all_inner_texts() == want

    eventually(page, said)


def test_a_gained_state_resting_on_the_what_if_change_is_said_hypothetical(page: Any, server: str) -> None:
    """Iran made a CSTO party: its gained line says its duty rests on that change, as `foedus compare`'s does (the
    line carried no such tag, where the rebased one did)."""
    changes = _compare(page, server, "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"
                       "&add_member=csto_1992:IRN", "UKR>RUS@2025-01-15", "#comparison ul.changes li.gained")
    words = change_words("gained", changes["gained"][0])
    assert words.endswith("(hypothetical: rests on the what-if change add_member csto_1992:IRN)"), words

    def worded() -> None:
        got = _rows(page, "#comparison ul.changes li.gained")
        assert [state for state, _ in got] == ["IRN"] and got[0][1].endswith(f" {words}"), got

    eventually(page, worded)
    assert not page.problems, page.problems


def test_the_compare_view_says_the_non_military_setting_as_the_cli(page: Any, server: str) -> None:
    """With `non_military=bound` the header names the setting (the JSON's `switches_said`, foedus compare's first
    line) and each of EU Art. 42(7)'s neutrals gained when the Lisbon Treaty came into force says its duty binds only
    by it."""
    changes = _compare(page, server, "attacker=RUS&target=EST&date=2009-11-01&other_date=2009-12-15&non_military=bound",
                       "RUS>EST@2009-11-01", "#comparison ul.changes li.gained")
    said = "states that may limit their aid to non-military means read as bound to fight"
    assert changes["switches_said"] == [said]
    austria = next(x for x in changes["gained"] if x["state"] == "AUT")

    def worded() -> None:
        assert f"; {said}: war size" in page.locator("#comparison p").first.inner_text()
        got = dict(_rows(page, "#comparison ul.changes li.gained"))
        assert got["AUT"].endswith(f" {change_words('gained', austria)}") and got["AUT"].endswith(
            "(only with --non-military bound)"), got["AUT"]

    eventually(page, worded)
    assert not page.problems, page.problems
