"""How well the peace treaties' days of entry into force are known: Jordan-Israel's, 10 Nov 1994, is reckoned from
secondary reporting of the exchange of ratifications (JTA: on the Thursday of the week Jordan's lower house approved
the treaty, a Sunday, 6 Nov), so a result in the days around it carries a `secondary` date reason citing JTA; and
Egypt-Israel's, 25 Apr 1979, is the day Youm7 gives the exchange of ratifications (after Al-Ahram of the next day),
so one in the week around it carries a `secondary` date reason citing Youm7, not an unverified one."""

from __future__ import annotations

import foedus

WORLD = foedus.World.load()


def test_jordan_israel_in_force_day_is_secondary_and_cites_the_exchange() -> None:
    r = foedus.cascade("ISR", "LBN", "1994-11-12", world=WORLD)
    [jordan] = [n for n in r.neutral if n.state == "JOR" and n.treaty == "jor_isr_1994"]
    dates = [x for x in jordan.certainty_reasons if x.kind == "date"]
    assert [(x.certainty, x.source) for x in dates] == [
        ("secondary", "http://www.jta.org/archive/with-an-exchange-of-treaties-israel-and-jordan-seal-the-peace")
    ]
    assert "1994-11-10" in dates[0].fact


def test_egypt_israel_in_force_day_is_secondary_and_cites_youm7() -> None:
    """Syria on Israel two days after the exchange: Egypt's bar on joining hostilities against Israel (Art. III(2))
    rests on the day, now read in Youm7 (secondary), and on the clause (secondary), so it is `secondary`."""
    r = foedus.cascade("SYR", "ISR", "1979-04-27", world=WORLD)
    [egypt] = [n for n in r.neutral if n.state == "EGY" and n.treaty == "egy_isr_1979"]
    dates = [x for x in egypt.certainty_reasons if x.kind == "date"]
    assert [(x.certainty, x.source.split("/story/")[0]) for x in dates] == [("secondary", "https://www.youm7.com")]
    assert "1979-04-25" in dates[0].fact and "day: known from secondary reporting only" in dates[0].fact
    assert egypt.certainty == "secondary"
