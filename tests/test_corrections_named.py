"""The correction layer's `named`: ATOP numbers its alliances and gives no titles, so "Violation: North Korea attacks
South Korea despite atop_3755" left a reader to guess that atop_3755 is the Treaty of Amity and Cooperation in
Southeast Asia. A `named` correction gives an alliance its name, from a page that names it: `foedus treaties show`
heads it with the name, and every line of a cascade that cites it says the name beside the id (docs/history.md, "The
correction layer"). The JSON's keys are as they were: the name fills the treaty's `name`. Reads ATOP from the data
folder."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

import foedus
from foedus.cited_names import atop_title
from foedus.errors import TreatyDataError
from foedus.model.vocab import Certainty
from foedus.model.world import World
from foedus.render import explain_lines, explain_text, html_table
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections
from samples import cli_line, correction_refused

pytestmark = pytest.mark.needs_data

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"
TAC = "Treaty of Amity and Cooperation in Southeast Asia, 1976"
WIDE = {"COLUMNS": "400"}


def test_a_violation_cites_the_alliance_by_its_name(world: World) -> None:
    """The line a journalist reads names the treaty; the JSON keeps the id alone, as before."""
    result = foedus.cascade("PRK", "KOR", "2025-06-01", world=world)
    assert "atop_3755" in {v.treaty for v in result.violations}
    text = explain_text(result)
    assert f"despite atop_3755 ({TAC}) ATOP nonaggression code" in text
    assert "despite atop_4125 (Inter-Korean Basic Agreement, 1991; name secondary) ATOP nonaggression code" in text
    assert TAC not in json.dumps(result.to_dict(), default=str)


def test_a_support_line_cites_a_named_phase(world: World) -> None:
    """A named phase is cited with its name in the support lines too (ATOP's phase 2 of the US-Iraq agreements)."""
    text = explain_text(foedus.cascade("PRK", "KOR", "2025-06-01", world=world))
    assert "(atop_6032_p2 (US–Iraq Strategic Framework Agreement, 2008), in peace and war" in text


def test_treaties_show_heads_the_alliance_with_its_name() -> None:
    code, out, _ = cli_line(["treaties", "show", "atop_3755"], env=WIDE)
    assert code == 0 and out.splitlines()[0] == f"{TAC} (atop_3755)"
    assert "asean2019.go.th" in out  # the page that names it, among its sources


def test_each_phase_of_an_alliance_named_whole_keeps_its_number(world: World) -> None:
    """Named without a phase, every phase is named, with its number (the Helsinki Final Act's phase 2)."""
    assert world.treaty("atop_3740_p2").name == "Helsinki Final Act, 1975, phase 2"
    assert world.treaty("atop_4810_p2").name == "Shanghai Cooperation Organisation, 2001"  # named as a phase


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 3755, action: named, " + PAGE + "}", r"\[0\] \(atopid 3755\)\.name: action 'named' needs"),
    ("{atopid: 3755, action: named, name: '  ', " + PAGE + "}", r"\[0\] \(atopid 3755\)\.name: action 'named' needs"),
    ("{atopid: 3755, action: named, name: x, date: 2020-01-01, " + PAGE + "}",
     r"\[0\] \(atopid 3755\)\.date: action 'named' changes no date or member"),
    ("{atopid: 3755, action: certainty, certainty: secondary, name: x, " + PAGE + "}",
     r"\[0\] \(atopid 3755\)\.name: goes with action 'named' only"),
    ("{atopid: 3755, action: named, name: x, sources: [], note: n}", r"\[0\] \(atopid 3755\)\.sources"),
])
def test_a_malformed_name_is_one_line(entry: str, said: str) -> None:
    correction_refused(entry, said)


def test_a_name_of_no_alliance_is_refused(world: World) -> None:
    """An unknown atopid (or one a curated treaty replaces, which names itself): nothing to name."""
    with pytest.raises(TreatyDataError, match=r"\[0\] \(atopid 99999\): no alliance of atopid 99999 in the merged "
                       "world .*nothing to name") as caught:
        apply_corrections([world.treaties["atop_3755"]], load_corrections(
            "- {atopid: 99999, action: named, name: x, " + PAGE + "}"), world.states)
    assert "\n" not in str(caught.value)


def test_a_joiner_bound_by_a_named_alliance_is_cited_by_its_name(world: World) -> None:
    """Rwanda attacks the DR Congo, 2025: Kenya is bound by the Great Lakes Pact (ATOP 5090); the round's line and the
    notebook table name it."""
    result = foedus.cascade("RWA", "COD", "2025-06-01", world=world)
    pact = "atop_5090 (Pact on Security, Stability and Development in the Great Lakes Region, 2006)"
    assert any(line.startswith(f"  - Kenya (KEN) is bound to join the defense side: {pact} ")
               for line in explain_lines(result))
    assert pact in html_table(result)


NEWS = {"kapitalis.com", "theobjective.com", "amp.dw.com", "centroamerica360.com", "www.1lurer.am", "tass.com",
        "xinhuanet.com", "jurist.org", "www.koreaherald.com", "www.rferl.org"}
"""Newspapers' and news agencies' hosts: a name read from their pages is secondary, not verified (session 61)."""


def test_a_name_from_a_news_page_is_not_verified() -> None:
    """A name is as sure as its page: verified only from an official page or a treaty database, so the names session 60
    read from Kapitalis, The Objective, DW or TASS are secondary; a verified name's first page is no news page."""
    named = [c for c in load_corrections() if c.action == "named"]
    for c in named:
        host = urlsplit(c.sources[0].url).hostname
        assert (c.certainty is Certainty.SECONDARY) == (host in NEWS), (c.atopid, host, c.certainty)
    assert {c.atopid for c in named if c.certainty is Certainty.SECONDARY} >= {4745, 4040, 3470, 4678, 5045}


def test_a_secondary_name_is_tagged_where_it_is_cited(world: World) -> None:
    """The violation line says that the Inter-Korean Basic Agreement's name rests on a newspaper's page; `foedus
    treaties show` heads the Spain-Tunisia treaty with its tag; a verified name has none."""
    text = explain_text(foedus.cascade("PRK", "KOR", "2025-06-01", world=world))
    assert "despite atop_4125 (Inter-Korean Basic Agreement, 1991; name secondary) ATOP nonaggression code" in text
    assert f"despite atop_3755 ({TAC}) ATOP" in text
    code, out, _ = cli_line(["treaties", "show", "atop_4745"], env=WIDE)
    assert code == 0 and out.splitlines()[0] == ("Spain–Tunisia Treaty of Friendship, Good Neighbourliness and "
                                                 "Cooperation, 1995 (atop_4745); name secondary")


@pytest.mark.parametrize(("treaty", "title"), [
    ("atop_3360", "Turkey–US Agreement of Cooperation, 1959"),
    ("atop_4998", "US–Uzbekistan Declaration on the Strategic Partnership and Cooperation Framework, 2002"),
    ("atop_5034", "Portugal–Tunisia Treaty of Friendship, Good Neighbourliness and Cooperation, 2003"),
    ("atop_5032", "Algeria–Italy Treaty of Friendship, Good Neighbourliness and Cooperation, 2003"),
    ("atop_6005", "China–Tajikistan Treaty of Good-Neighbourliness, Friendship and Cooperation, 2007"),
    ("atop_4030", "Lebanon–Syria Treaty of Brotherhood, Cooperation and Coordination, 1991"),
    ("atop_4778", "Treaty Establishing the Regional Security System, 1996"),
    ("atop_5045", "Russia–Uzbekistan Treaty on Strategic Partnership, 2004; name secondary"),
    ("atop_3370", None), ("atop_4945", None), ("atop_4560", None),  # no official or news page names them
])
def test_the_alliances_2025_answers_cite_often_are_named(world: World, treaty: str, title: str | None) -> None:
    assert atop_title(world.treaty(treaty)) == title


def test_a_war_cites_a_named_alliance_by_its_name() -> None:
    """`foedus war`'s other duties cite a named ATOP alliance as a cascade's lines do (China's duty to consult Russia
    under the SCO treaty of 2007, and under the China-Russia treaty, whose name rests on Xinhua's page); its JSON keeps
    the ids alone."""
    code, out, _ = cli_line(["war", "russia_ukraine_2022"], env=WIDE)
    assert code == 0
    assert ("China (CHN): consult Russia (RUS) from 2024-08-06 to 2025-04-27 (end: Russia's claim, unverified) "
            "(atop_6020 (SCO Treaty on Long-Term "
            "Good-Neighbourliness, Friendship and Cooperation, 2007) ATOP consultation code)") in out
    assert ("(atop_4980 (China–Russia Treaty of Good-Neighbourliness and Friendly Cooperation, 2001; name secondary) "
            "ATOP consultation code)") in out
    code, out, _ = cli_line(["war", "russia_ukraine_2022", "--json"], env=WIDE)
    assert code == 0 and '"atop_6020"' in out and "SCO Treaty" not in out
