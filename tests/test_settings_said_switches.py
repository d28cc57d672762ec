"""A result's header says every scenario switch that is not at its default (`foedus.code_words.settings_said`), read
against the default `Scenario` declares for it: it listed the six switches it knew by hand, so a switch added to
`Scenario` changed the answer while the header read as the default answer's."""

from __future__ import annotations

import datetime as dt

from foedus.code_words import settings_said
from foedus.datarecord import dataclass, field
from foedus.declare import Input
from foedus.engine.scenario import Scenario


@dataclass(frozen=True, slots=True)
class _Wider(Scenario):
    """A scenario with one switch more, as a new rule's switch would be declared."""

    toy_switch: str = field(default="off", metadata={"input": Input("toy_switch", str, "off", "A toy switch.")})


def test_a_switch_without_words_is_still_said_off_its_default() -> None:
    day = dt.date(2025, 6, 1)
    assert settings_said(_Wider(date=day, attackers=("CHN",), targets=("AUS",), place="australia")) == []
    changed = _Wider(date=day, attackers=("CHN",), targets=("AUS",), place="australia", toy_switch="on",
                     requested=False)
    assert settings_said(changed) == ["help not requested", "toy switch: on"]


def test_the_known_switches_keep_their_words() -> None:
    s = Scenario(date=dt.date(2025, 6, 1), attackers=("CHN",), targets=("AUS",), place="australia",
                 severity="incursion", decisions="not-taken", reading="escalatory")
    assert settings_said(s) == ["an incursion (not an armed attack)", "council decisions not taken"]
