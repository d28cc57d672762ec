"""A bundled war's events cite the page that dates them: Ukraine's Kursk incursion, the attack that makes North
Korea's Art. 4 duty live in the replay (docs/war.md), began on 6 Aug 2024 (fact sheet §1 [V]; The Moscow Times that
day, reporting Russia's Defence Ministry)."""

from __future__ import annotations

import datetime as dt

from foedus.war.bundled import war_path
from foedus.war.loader import read_war_file
from foedus.war.schema import AttackEvent

MOSCOW_TIMES = ("https://www.themoscowtimes.com/2024/08/06/"
                "moscow-rushes-troops-to-kursk-region-as-3-killed-in-ukrainian-attacks-a85947")


def test_the_kursk_incursion_cites_a_page_of_its_day() -> None:
    war = read_war_file(war_path("russia_ukraine_2022"))
    (kursk,) = [e for e in war.events if isinstance(e, AttackEvent) and e.place == "kursk-oblast"]
    assert kursk.date == dt.date(2024, 8, 6) and (kursk.attacker, kursk.victim) == ("UKR", "RUS")
    source, *end = kursk.sources
    assert source.url == MOSCOW_TIMES
    assert source.title is not None and source.title.endswith("(6 Aug 2024)")
    # and pages of its end, Russia's claim of 26 Apr 2025 and Ukraine's denials (the war file's note)
    assert kursk.until == dt.date(2025, 4, 27) and end and end[0].title is not None
    assert end[0].title.endswith("(26 Apr 2025)") and "AFP" in end[0].title
