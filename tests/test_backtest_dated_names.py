"""The backtest names a war's states as they were called on the war's first day (`StateRegistry.names_on`), as a
`foedus war` replay does: the Soviet Union in a 1939 war, not COW's "Russia" nor today's name."""

from __future__ import annotations

import datetime as dt

from foedus.backtest.opening import OpeningAttack
from foedus.backtest.outcomes import outcome_rows
from foedus.backtest.roles import Participant
from foedus.backtest.run import WarRecord, _names
from foedus.backtest.scoring import Actual
from foedus.backtest.warbuild import CowWar
from foedus.backtest.wars import Participation, War
from foedus.war.events import War as Replayable

D = dt.date


def _cow(num: int, day: dt.date) -> War:
    """A two-state COW war on `day`: Japan (740) attacks the USSR (365), both named as COW's file names them."""
    return War(num, f"War {num}", (Participation(740, "Japan", 1, day, True), Participation(365, "Russia", 2, day,
                                                                                            False)))


def _opening(num: int, day: dt.date) -> OpeningAttack:
    return OpeningAttack(_cow(num, day), day, (740,), (365,), "dyadic", 1)


def test_outcome_rows_name_states_as_on_the_wars_first_day(world) -> None:  # type: ignore[no-untyped-def]
    day = D(1939, 7, 29)  # Changkufeng
    them = {s: Participant(c, name, "original", side, day, frozenset({side}))  # type: ignore[arg-type]
            for s, c, name, side in (("JPN", 740, "Japan", "attack"), ("RUS", 365, "Russia", "defense"))}
    cow = CowWar(94, "Changkufeng", day, Replayable("", "", ()), them, _opening(94, day))
    named = {r.state: r.name for r in outcome_rows(world, cow)}
    assert named["RUS"] == "Soviet Union" and named["JPN"] == "Japan"
    assert named["SRB"] == "Yugoslavia"  # a candidate that stayed out: as called that day too


def test_the_reports_legend_gives_each_name_a_state_had_in_its_wars(world) -> None:  # type: ignore[no-untyped-def]
    records = [WarRecord(_cow(n, day), _opening(n, day), Actual(n, ("JPN",), ("RUS",), {}), {}, {}, {}, [])
               for n, day in ((136, D(1939, 5, 11)), (61, D(1904, 2, 8)))]
    names = _names(world, records)
    assert names["RUS"] == "Russian Empire / Soviet Union" and names["JPN"] == "Japan"
    assert _names(world, records[:1])["RUS"] == "Soviet Union"


def test_the_papal_states_are_not_named_vatican_city_in_1849(world) -> None:  # type: ignore[no-untyped-def]
    """COW 327 is today's Vatican City: the backtest named it by COW's "Papal States" until its names came from the
    registry; the dated table names it so up to the capture of Rome (1870-09-20)."""
    day = D(1849, 4, 30)  # COW war 16, the Roman Republic
    them = {"VAT": Participant(327, "Papal States", "original", "defense", day, frozenset({"defense"}))}
    cow = CowWar(16, "Roman Republic", day, Replayable("", "", ()), them, _opening(16, day))
    assert {r.state: r.name for r in outcome_rows(world, cow)}["VAT"] == "Papal States"
    assert world.states.names_on(D(1870, 9, 20))["VAT"] == "Vatican City"
