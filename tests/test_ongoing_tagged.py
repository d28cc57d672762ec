"""`cascade --ongoing-since`'s lines tag each provision as a joiner's line does ("csto_1992 art. 4 (secondary:
article)", `foedus.war.pause_words.binding_said`), from the certainty and the facts not verified that its JSON's
`bound_since`, `now` and `lapsed` entries now carry; the web's lapsed line (web/src/lapsedsaid.ts) says the same. They
carried no certainty, and the lines read "Kazakhstan (KAZ): 2024-08-06 (defense, csto_1992 art. 4)"."""

from __future__ import annotations

import json

import pytest

import foedus
from foedus.war.pause_words import lapsed_said
from foedus.war.render import print_ongoing
from foedus.wording import named_state
from samples import cli_line
from ts_said import run_ts

KURSK = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast",
         "--ongoing-since", "2024-08-06"]


def test_bound_since_carries_the_certainty_of_its_binding() -> None:
    """Kazakhstan's CSTO art. 4 is known from secondary quotes: its `bound_since` entry (and its `now`) say so, as its
    joiner does; North Korea's 2024 treaty is verified."""
    code, out, err = cli_line([*KURSK, "--json"])
    assert code == 0, err
    got = json.loads(out)
    bound = got["ongoing"]["bound_since"]
    kaz = next(j for j in got["joiners"] if j["state"] == "KAZ")
    assert (bound["KAZ"]["certainty"], bound["KAZ"]["doubted"]) == ("secondary", ["article"])
    assert (kaz["treaty"], kaz["certainty"]) == ("csto_1992", "secondary")
    assert (bound["KAZ"]["now"]["certainty"], bound["KAZ"]["now"]["doubted"]) == ("secondary", ["article"])
    assert (bound["PRK"]["certainty"], bound["PRK"]["doubted"]) == ("verified", [])


def test_the_ongoing_lines_are_tagged_as_the_joiner_lines(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line tags its provision when not verified, with the facts not verified; a verified one is as it was."""
    kursk = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    assert kursk.ongoing is not None
    monkeypatch.setenv("COLUMNS", "2000")
    print_ongoing(kursk.ongoing, kursk.names)
    printed = capsys.readouterr().out
    assert f"  {named_state('KAZ', kursk.names)}: 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)) — " \
           in printed
    assert "(defense, rus_prk_2024 art. 4) — " in printed


def test_the_webs_lapsed_line_is_tagged_as_the_cli_s() -> None:
    """A lapse resting on a fact not verified is tagged alike by lapsedSaid and `lapsed_said` (its article's own note
    dropped where the tag names the article); one from an older server, with no certainty, reads as verified."""
    lapse = {"state": "UZB", "side": "defense", "from": "2024-08-06", "to": "2025-01-01", "treaty": "rus_uzb_2005",
             "article": "2 (number unverified)", "instrument": "treaty", "certainty": "unverified",
             "doubted": ["treaty", "article"], "cause": None}
    bare = {k: v for k, v in lapse.items() if k not in ("certainty", "doubted")}
    names = {"UZB": "Uzbekistan"}
    said = run_ts([("lapsedsaid", "lapsedSaid", [lap, {"$lookup": names}]) for lap in (lapse, bare)])
    assert said == [lapsed_said(lap, names) for lap in (lapse, bare)]
    assert said[0] == ("Uzbekistan (UZB): bound 2024-08-06 to 2025-01-01 (defense, rus_uzb_2005 art. 2 (unverified: "
                       "treaty, article)), no longer")
    assert "(defense, rus_uzb_2005 art. 2 (number unverified)), no longer" in said[1]
