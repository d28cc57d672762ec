"""A territory refusal names a state's home territory as its state was called on the day, its id unchanged, as
`foedus places --homes --date` does: COW300's home (`austria-hungary`) is the Austrian Empire's in 1859, and the
refusal said "Austria-Hungary (austria-hungary) is not territory of France (FRA) ..., under which it is territory of
Austrian Empire (COW300)"."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import ScenarioError, WarDataError
from foedus.model.world import World
from foedus.war.loader import load_war

pytestmark = pytest.mark.needs_data  # the states' COW dates tell what a state was called on the day


def test_a_cascades_refusal_names_the_home_as_its_state_was_called(world: World) -> None:
    with pytest.raises(ScenarioError) as err:
        foedus.cascade("Sardinia", "FRA", "1859-04-29", place="Austrian Empire", world=world)
    assert str(err.value).startswith("Austrian Empire (austria-hungary) is not territory of France (FRA) under the "
                                     "recognized view, under which it is territory of Austrian Empire (COW300)")
    with pytest.raises(ScenarioError, match=r"^Austria-Hungary \(austria-hungary\) is not territory of France"):
        foedus.cascade("ITA", "FRA", "1900-01-01", place="austria-hungary", world=world)


def test_a_war_files_refusal_names_the_home_as_its_state_was_called(tmp_path: Path) -> None:
    path = tmp_path / "war.yaml"
    path.write_text("id: w\nname: W\nevents:\n  - {type: attack, date: 1980-01-01, attacker: AFG, victim: USA, "
                    "place: russia}\n", encoding="utf-8")
    with pytest.raises(WarDataError) as err:
        load_war(path)
    assert f"{path}: events[0].place: Soviet Union (russia) is not territory of United States (USA)" in str(err.value)
