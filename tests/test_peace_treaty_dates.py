"""How well the peace treaties' days of entry into force are known: Jordan-Israel's, 10 Nov 1994, is reckoned from
secondary reporting of the exchange of ratifications (JTA: on the Thursday of the week Jordan's lower house approved
the treaty, a Sunday, 6 Nov), so a result in the days around it carries a `secondary` date reason citing JTA."""

from __future__ import annotations

import foedus

WORLD = foedus.World.load()


def test_jordan_israel_in_force_day_is_secondary_and_cites_the_exchange() -> None:
    r = foedus.cascade("ISR", "LBN", "1994-11-12", world=WORLD)
    [jordan] = [n for n in r.neutral if n.state == "JOR" and n.treaty == "jor_isr_1994"]
    dates = [x for x in jordan.certainty_reasons if x.kind == "date"]
    assert [(x.certainty, x.source) for x in dates] == [
        ("secondary", "http://www.jta.org/archive/with-an-exchange-of-treaties-israel-and-jordan-seal-the-peace")]
    assert "1994-11-10" in dates[0].fact
