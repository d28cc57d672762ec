"""COW 300 (COW300) is the Austrian Empire until the Compromise of 1867 is enacted (Franz Joseph's sanction of Law XII,
1867-07-28: `state_names_dated.json`), Austria-Hungary from then to 1918, and COW 305 (AUT) the Austrian republic:
the 1859 and 1866 wars named it "Austria-Hungary", and "Austrian Empire" or "Austria" on an 1859 date read as today's
Austria (AUT), no state then."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import foedus
from foedus.backtest.opening import OpeningAttack
from foedus.backtest.outcomes import outcome_rows
from foedus.backtest.roles import Participant
from foedus.backtest.run import WarRecord, _names
from foedus.backtest.scoring import Actual
from foedus.backtest.warbuild import CowWar
from foedus.backtest.wars import Participation, War
from foedus.errors import AmbiguousNameError
from foedus.war.events import War as Replayable

D = dt.date
pytestmark = pytest.mark.needs_data  # the states' COW dates tell which Austria a date means


def test_cow_300_is_the_austrian_empire_up_to_the_compromise_then_austria_hungary(world) -> None:  # type: ignore[no-untyped-def]
    names = world.states.names_on
    assert names(D(1859, 4, 29))["COW300"] == "Austrian Empire"
    assert names(D(1867, 7, 27))["COW300"] == "Austrian Empire"
    assert names(D(1867, 7, 28))["COW300"] == "Austria-Hungary"
    assert names(D(1914, 7, 28))["COW300"] == "Austria-Hungary"
    assert names(D(1930, 1, 1))["AUT"] == "Austria"


@pytest.mark.parametrize(("name", "day", "state"), [
    ("Austrian Empire", D(1859, 4, 29), "COW300"), ("Empire of Austria", D(1866, 6, 15), "COW300"),
    ("Austria", D(1859, 4, 29), "COW300"), ("Austria", D(1914, 7, 28), "COW300"),
    ("Austria-Hungary", D(1859, 4, 29), "COW300"), ("Austria-Hungary", D(1900, 1, 1), "COW300"),
    ("Austria", D(1930, 1, 1), "AUT"), ("Austria", D(2025, 6, 1), "AUT"),
])
def test_austria_and_its_empire_name_the_state_of_the_day(world, name: str, day: dt.date, state: str) -> None:  # type: ignore[no-untyped-def]
    assert world.states.resolve(name, day).id == state


def test_austria_on_a_day_neither_is_a_state_is_refused_listing_both(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmbiguousNameError) as err:
        world.states.resolve("Austria", D(1940, 1, 1))  # after the Anschluss
    assert str(err.value).startswith("'Austria' names no member of the state system on 1940-01-01")
    assert {c["id"] for c in err.value.candidates} == {"AUT", "COW300"}


def test_a_cascade_of_1859_names_the_austrian_empire() -> None:
    out = foedus.cascade("Austrian Empire", "Sardinia", "1859-04-29").to_dict()
    assert out["attackers"] == ["COW300"] and out["renamed"]["COW300"] == "Austrian Empire"


def test_a_war_replay_of_1866_names_the_austrian_empire(tmp_path: Path) -> None:
    path = tmp_path / "war.yaml"
    path.write_text("id: seven_weeks\nname: Seven Weeks' War\nevents:\n"
                    "  - {type: attack, date: 1866-06-15, attacker: Prussia, victim: Austria}\n", encoding="utf-8")
    replay = foedus.replay_war(str(path)).to_dict()
    assert replay["names"]["COW300"] == "Austrian Empire" and replay["names"]["DEU"] == "Prussia"


def _war(num: int, day: dt.date) -> War:
    return War(num, f"War {num}", (Participation(300, "Austria-Hungary", 1, day, True),
                                   Participation(325, "Italy", 2, day, False)))


def _opening(num: int, day: dt.date) -> OpeningAttack:
    return OpeningAttack(_war(num, day), day, (300,), (325,), "dyadic", 1)


def test_the_backtest_names_cow_300_by_the_name_of_each_wars_first_day(world) -> None:  # type: ignore[no-untyped-def]
    day = D(1859, 4, 29)  # COW war 22, Italian Unification
    them = {"COW300": Participant(300, "Austria-Hungary", "original", "attack", day, frozenset({"attack"}))}
    cow = CowWar(22, "Italian Unification", day, Replayable("", "", ()), them, _opening(22, day))  # type: ignore[arg-type]
    assert {r.state: r.name for r in outcome_rows(world, cow)}["COW300"] == "Austrian Empire"
    records = [WarRecord(_war(n, day), _opening(n, day), Actual(n, ("COW300",), ("ITA",), {}), {}, {}, {}, [])
               for n, day in ((22, D(1859, 4, 29)), (106, D(1914, 7, 29)))]
    assert _names(world, records)["COW300"] == "Austrian Empire / Austria-Hungary"
