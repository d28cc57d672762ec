"""The Manila Pact's entry into force, 19 Feb 1955, is the day itself, not a stand-in for an unknown date: the Avalon
Project's Protocol page dates the Protocol's entry into force to that day (the Protocol entering into force with the
Treaty), and Philippine Proclamation No. 139 says the Treaty entered into force that day. `foedus treaties show` said
"verified; date: a stand-in for an unknown date", and the cascade a doubt of the day, within a year of it."""

from __future__ import annotations

import datetime as dt

import foedus
from foedus.catalog import treaty_detail

CURATED = foedus.World.load(history=False)


def test_the_manila_pact_is_in_force_on_19_feb_1955_to_the_day() -> None:
    treaty = CURATED.treaty("manila_1954")
    assert (treaty.in_force, treaty.in_force_certainty) == (dt.date(1955, 2, 19), None)
    titles = " ".join(s.title or "" for s in treaty.sources)
    assert "entered into force 19 Feb 1955" in titles and "entered into force on 19 Feb 1955" in titles
    assert not any("entry into force" in u for u in treaty.unverified)
    detail = treaty_detail(CURATED, "manila_1954")
    assert {m["how_sure"] for m in detail["members"] if m["state"] in ("USA", "THA", "PHL")} == {"verified"}


def test_no_doubt_of_the_day_near_it() -> None:
    joiner = foedus.cascade("CHN", "THA", "1955-06-01", world=CURATED).joiner("PHL")
    assert joiner is not None and joiner.primary.treaty == "manila_1954"
    assert not any(r.kind == "date" for r in joiner.primary.certainty_reasons)
