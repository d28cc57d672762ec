"""A merged withheld record's reason groups the legs held back by the same words naming different states (session
64: "also withheld toward Japan (JPN): d2 suspends ... Japan (JPN) ...; also withheld toward Mongolia (MNG): d2
suspends ... Mongolia (MNG) ..." said one by one), and reads the states a reason names from the world's names, not
from their letters ("Côte d'Ivoire (CIV)" was read as "Ivoire (CIV)", so its leg was said apart)."""

from __future__ import annotations

import pytest

from foedus.engine import held_toward
from foedus.engine.held_toward import merged
from foedus.model.world import World
from test_rules import defense, treaty
from test_withheld_reasons import NAMES, _asked, _d2_held, _held

pytestmark = pytest.mark.needs_data


def _suspends(state: str) -> str:
    return f"d2 suspends North Korea (PRK)'s obligation to {NAMES[state]} ({state}) since 2010-01-01"


def test_legs_held_back_by_one_kind_of_reason_are_grouped() -> None:
    """Two legs suspended toward Japan and Mongolia: one clause, naming both states where they differ."""
    first = _held("KOR", _asked("KOR"))
    made = merged(first, [_held("MNG", _suspends("MNG")), _held("JPN", _suspends("JPN"))], NAMES)
    assert made.reason == (f"{_asked('KOR')}; also withheld toward Japan (JPN) and Mongolia (MNG): d2 suspends North "
                           "Korea (PRK)'s obligation to Japan (JPN) and Mongolia (MNG) since 2010-01-01")
    assert made == merged(first, [_held("JPN", _suspends("JPN")), _held("MNG", _suspends("MNG"))], NAMES)


def test_a_merge_reads_each_reason_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouping reads the states each reason names once (`_slots`), not again for each step that groups them."""
    read: list[str] = []
    slots = held_toward._slots
    monkeypatch.setattr(held_toward, "_slots", lambda reason, names: read.append(reason) or slots(reason, names))
    merged(_held("KOR", _asked("KOR")), [_held("MNG", _suspends("MNG")), _held("JPN", _suspends("JPN"))], NAMES)
    assert sorted(read) == sorted([_asked("KOR"), _suspends("MNG"), _suspends("JPN")])


def test_reasons_naming_different_states_in_two_places_are_said_apart() -> None:
    """Legs held back toward Japan and Mongolia by words that name a different state in two places (whose obligation
    and toward whom): grouping them would lose which goes with which, so each reason is said after its state."""
    def obliged(by: str, to: str) -> str:
        return f"d2 suspends {NAMES[by]} ({by})'s obligation to {NAMES[to]} ({to}) since 2010-01-01"
    more = [_held("MNG", obliged("USA", "MNG")), _held("JPN", obliged("PRK", "JPN"))]
    made = merged(_held("KOR", _asked("KOR")), more, NAMES)
    assert made.reason == (f"{_asked('KOR')}; also withheld toward Japan (JPN): {obliged('PRK', 'JPN')}"
                           f"; also withheld toward Mongolia (MNG): {obliged('USA', 'MNG')}")


def test_a_name_with_a_lower_case_word_reads_as_a_name() -> None:
    """Côte d'Ivoire's leg held back as the first's, by the same gate: named once, as the first's."""
    made = merged(_held("KOR", _asked("KOR")), [_held("CIV", _asked("CIV"))], NAMES)
    assert made.reason == f"{_asked('KOR')}; also withheld toward Côte d'Ivoire (CIV)"


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_suspended_legs_are_grouped_in_every_engine(world: World, reading: str) -> None:
    """Russia attacks South Korea, Japan and Mongolia, none asking: d2 suspends North Korea's legs toward Japan and
    Mongolia, its leg toward South Korea request-gated: the two suspensions said in one clause, by both engines."""
    spans = [{"obligor": "PRK", "beneficiary": s, "span": {"start": "2010-01-01", "source": "https://example.org/test"}}
             for s in ("JPN", "MNG")]
    pact = treaty("d2", ["KOR", "JPN", "PRK", "MNG"], defense(request_gated=True, suspensions=spans))
    assert _d2_held(world, pact, reading).reason == (
        f"{_asked('KOR')}; also withheld toward Japan (JPN) and Mongolia (MNG): d2 suspends North Korea (PRK)'s "
        "obligation to Japan (JPN) and Mongolia (MNG) since 2010-01-01")
