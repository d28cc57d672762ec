"""A place or an area written where a user's treaty file names a state (a member, an obligor, an
`administered-by:` scope): refused in one line naming file and field as a place, held by whom on the day the treaty
was signed (`Gazetteer.place_not_state`); it was 'unknown state', as if misspelt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.loader import load_treaties
from foedus.model.world import World
from samples import GOOD_TREATY

_CRIMEA = "'Crimea' is a place, not a state (held on 2020-01-01 by Ukraine (UKR))"
_GAZA = "'Gaza Strip' is a place, not a state (held on 2020-01-01 by Palestine (PSE))"
_KURDISTAN = ("'Kurdistan' is not a state but the Kurdistan area, across turkey (Turkey), iraqi-kurdistan (Iraq), "
              "iraq (Iraq), iran (Iran) and syria (Syria), held by different states")
_ARTICLE = '{kind: defense, article: "1", strength: S2}'


def _pact(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD_TREATY
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace(old, new), encoding="utf-8")
    return pact


@pytest.mark.parametrize(("old", "new", "field", "said"), [
    ("{state: ARG}", "{state: Crimea}", "members[1].state", _CRIMEA),
    ("{state: ARG}", "{state: Kurdistan}", "members[1].state", _KURDISTAN),
    (_ARTICLE, '{kind: defense, article: "1", strength: S2, obligors: [CHL, Gaza Strip]}',
     "provisions[0].obligors[1]", _GAZA),
    (_ARTICLE, '{kind: defense, article: "1", strength: S2, scope: {territory: ["administered-by:Crimea"]}}',
     "provisions[0].scope.territory[0]", _CRIMEA),
])
def test_a_place_named_as_a_treaty_files_state_is_refused_as_a_place(
        world: World, tmp_path: Path, old: str, new: str, field: str, said: str) -> None:
    """Each was "unknown state 'Crimea'; did you mean Eritrea, Armenia?"."""
    pact = _pact(tmp_path, old, new)
    with pytest.raises(TreatyDataError) as info:
        load_treaties([pact], world.states, world.places)
    assert str(info.value) == f"{pact}: {field}: {said}"


def test_a_treaty_files_state_that_is_no_place_either_stays_an_unknown_state(world: World, tmp_path: Path) -> None:
    pact = _pact(tmp_path, "{state: ARG}", "{state: Narnia}")
    with pytest.raises(TreatyDataError, match=r"members\[1\]\.state: unknown state 'Narnia'"):
        load_treaties([pact], world.states, world.places)


def test_the_cli_refuses_a_place_as_a_treaty_member_in_one_line(tmp_path: Path) -> None:
    pact = _pact(tmp_path, "{state: ARG}", "{state: Crimea}")
    run = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "--treaties", str(pact), "-a", "RUS", "-t",
                          "UKR", "-d", "2024-01-01"], capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", f"error: {pact}: members[1].state: {_CRIMEA}\n")
