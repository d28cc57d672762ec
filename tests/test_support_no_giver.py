"""Help ATOP codes for a whole alliance names no giver (MILAID and BASE are alliance-level codes): a support line
says the alliance provides for it between its members, with the code, not that this member is bound to give it
(atop_6005, the 2007 China–Tajikistan treaty: MILAID=3, the aid reported running from China). A curated treaty's
directed entries (a file naming givers and recipients) keep "is bound to give"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.engine.rules import Support
from foedus.support_words import NO_GIVER, support_lines

if TYPE_CHECKING:
    from foedus.model.world import World

NAMES = {"TJK": "Tajikistan", "CHN": "China", "UZB": "Uzbekistan", "USA": "United States"}


def _support(state: str, supports: str, treaty: str, form: str, level: str, atop_code: str | None,
             article: str | None = None) -> Support:
    return Support(state, supports, "defense", treaty, article, form, level, "peacetime", "treaty", "verified",
                   atop_code)


@pytest.mark.needs_data
def test_an_atop_aid_code_is_said_as_the_alliance_providing_for_it(world: World) -> None:
    """USA attacks China, 2025: Tajikistan is listed (who is listed is unchanged), its line says what ATOP codes and
    its JSON record carries the code; South Korea's bases (usa_kor_1953 art. IV, by Korea to the USA) stay owed
    (Japan's, owed for the Far East, are not: China's mainland is outside it, tests/test_support_scope.py)."""
    result = foedus.cascade("USA", "CHN", "2025-06-01", world=world)
    text = result.explain()
    assert ("Support: Tajikistan (TJK) is in an alliance with China (CHN) that provides for military aid in "
            "training or technology (atop_6005 (China–Tajikistan Treaty of Good-Neighbourliness, Friendship and "
            "Cooperation, 2007), in peace and war, carried-forward; ATOP MILAID=3; ATOP codes no "
            "giver), without being bound to fight") in text
    assert "Tajikistan (TJK) is bound to give" not in text
    assert ("Support: Iraq (IRQ) is in an alliance with United States (USA) that provides for troops of one member "
            "based on another's territory (atop_6032_p2 (US–Iraq Strategic Framework Agreement, 2008), in peace and "
            "war, carried-forward; ATOP BASE=3; ATOP codes no giver)") in text
    assert "Support: South Korea (KOR) is bound to give United States (USA) bases (usa_kor_1953 art. IV" in text
    records = {s["state"]: s for s in result.to_dict()["supporters"]}
    assert records["TJK"]["atop_code"] == "MILAID=3" and records["TJK"]["form"] == "arms"
    assert records["KOR"]["atop_code"] is None
    assert all((s.atop_code is not None) == s.treaty.startswith("atop_") for s in result.supporters)


def test_a_coded_line_names_each_code_of_one_alliance() -> None:
    lines = support_lines([_support("TJK", "CHN", "atop_6005", "arms", "grants_and_training", "MILAID=4"),
                           _support("TJK", "CHN", "atop_6005", "bases", "one_way", "BASE=3")], NAMES)
    assert lines == ["Support: Tajikistan (TJK) is in an alliance with China (CHN) that provides for military aid in "
                     "grants or loans and in training or technology and troops of one member based on another's "
                     f"territory (atop_6005, in peace and war, verified; ATOP MILAID=4, BASE=3; {NO_GIVER}), "
                     "without being bound to fight"]


def test_a_supporter_under_a_directed_and_a_coded_provision_says_each_as_it_is() -> None:
    """Under a curated treaty naming it a giver and an ATOP alliance coding no giver, the heading claims neither."""
    lines = support_lines([_support("UZB", "USA", "usa_uzb", "arms", "general", None, "2"),
                           _support("UZB", "USA", "atop_4998", "arms", "training_technology", "MILAID=3")], NAMES)
    assert lines == [
        "Support: Uzbekistan (UZB), without being bound to fight, under 2 provisions toward United States (USA):",
        "      bound to give arms (usa_uzb art. 2, in peace and war, verified)",
        "      in an alliance that provides for military aid in training or technology (atop_4998, in peace and war, "
        f"verified; ATOP MILAID=3; {NO_GIVER})"]
