"""From the Soviet occupation of June 1940 to the USSR's recognition of their independence (6 Sep 1991) the Baltic
states were no states of the system, and their home territories had no dated holder: a 1979 attack on the Soviet Union
in Lithuania was refused as made on "the home territory of Lithuania (LTU), which is no state". `place_history.yaml`
gives each to the Soviet Union as its administrator, no sovereign being agreed (many states, the United States among
them, never recognised the annexation), from the day after COW's last day of the state to COW's first day again."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.errors import ScenarioError

D = dt.date
BALTIC = (("lithuania", "LTU"), ("latvia", "LVA"), ("estonia", "EST"))


@pytest.mark.parametrize(("place", "state"), BALTIC)
def test_the_soviet_union_administers_each_baltic_state_in_1979(world, place: str, state: str) -> None:  # type: ignore[no-untyped-def]
    held = world.places.on(D(1979, 6, 1))[place]
    assert (held.sovereign, held.administrator) == (None, "RUS")
    assert "never recognised" in (held.note or "")
    today = world.places.on(D(2025, 6, 1))[place]
    assert (today.sovereign, today.administrator) == (state, state)


@pytest.mark.needs_data  # COW's dates of the three states
@pytest.mark.parametrize(("place", "state"), BALTIC)
def test_the_soviet_years_meet_cows_years_of_the_state_without_a_gap(world, place: str, state: str) -> None:  # type: ignore[no-untyped-def]
    (_, last), (back, _) = world.states.get(state).spells
    assert last is not None
    day = dt.timedelta(days=1)
    for on, holder in ((last, state), (last + day, "RUS"), (back - day, "RUS"), (back, state)):
        held = world.places.on(on)[place]
        assert (held.sovereign or held.administrator) == holder, (place, on)


@pytest.mark.needs_data  # the states' COW dates: Lithuania is no state in 1979
def test_an_attack_on_the_soviet_union_in_lithuania_in_1979_is_read_as_on_its_territory() -> None:
    result = foedus.cascade("USA", "RUS", "1979-06-01", place="lithuania").to_dict()
    assert result["targets"] == ["RUS"] and result["joiners"]
    with pytest.raises(ScenarioError) as err:
        foedus.cascade("USA", "POL", "1979-06-01", place="lithuania")
    assert "territory of Soviet Union (RUS), which administers it, no sovereign being agreed" in str(err.value)
