"""A place's name that a state's name pattern also matches ("Gaza": Palestine's countrycode pattern, "West Bank",
"North Cyprus") was read as that state, while "Gaza Strip" was refused as a place: one reading, a place is not a
state. It is refused as the place it names (with the place's name and the holder to give as the state), on the CLI,
in /api and in a treaty file; the state's own names are still the state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from foedus.errors import FoedusError
from foedus.model.world import World
from samples import cli_line

DAY = "2024-01-01"
_GAZA_TARGET = ("'Gaza' is a place (Gaza Strip), not a state: use --place gaza with the state that holds it as the "
                "target (on 2024-01-01: Palestine (PSE))")


@pytest.mark.parametrize(("args", "said"), [
    (["cascade", "-a", "ISR", "-t", "Gaza", "-d", DAY], _GAZA_TARGET),
    (["cascade", "-a", "Gaza", "-t", "ISR", "-d", DAY],
     "'Gaza' is a place (Gaza Strip), not a state (held on 2024-01-01 by Palestine (PSE))"),
    (["cascade", "-a", "TUR", "-t", "North Cyprus", "-d", DAY],
     "'North Cyprus' is a place (Northern Cyprus), not a state: use --place cyprus-north with the state that holds "
     "it as the target (on 2024-01-01: Cyprus (CYP))"),
    (["cascade", "-a", "ISR", "-t", "west bank", "-d", DAY],
     "'west bank' is a place, not a state: use --place west-bank with the state that holds it as the "
     "target (on 2024-01-01: Palestine (PSE))"),
    (["states", "Gaza"], None),
])
def test_a_place_name_a_state_pattern_matches_is_refused_as_the_place(args: list[str], said: str | None) -> None:
    """`-t Gaza` ran a cascade against Palestine's home territory: it is refused as the Gaza Strip, one line, exit 2,
    saying what to type (--place gaza, Palestine as the target); the advised line runs."""
    out = cli_line(args)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1, out
    assert out.stderr.startswith("error: 'Gaza' is a place (Gaza Strip), not a state" if said is None
                                 else f"error: {said}"), out.stderr
    if "-t" in args and "Gaza" in args:
        assert cli_line(["cascade", "-a", "ISR", "-t", "PSE", "--place", "gaza", "-d", DAY]).returncode == 0


@pytest.mark.parametrize("typed", ["Palestine", "PSE", "State of Palestine"])
def test_the_state_s_own_names_still_name_it(typed: str) -> None:
    """Only a place's name is refused: the state's id, name and styles still name Palestine."""
    assert World.default().state_named(typed, None).id == "PSE"


def test_a_treaty_file_member_named_by_a_place_is_refused(tmp_path: Path) -> None:
    """A user's treaty listing "Gaza" as a member was read as Palestine: it is refused naming the field."""
    path = tmp_path / "t.yaml"
    path.write_text("id: t\nname: T\nsigned: 2020-01-01\nin_force: 2020-02-01\nsources: [{url: 'https://e.org/t'}]\n"
                    "members: [{state: CHL}, {state: Gaza}]\n"
                    "provisions: [{kind: defense, article: '1', strength: S2}]\n",
                    encoding="utf-8")
    with pytest.raises(FoedusError, match=r"members\[1\]\.state.*'Gaza' is a place \(Gaza Strip\), not a state \(held "
                                          r"on 2020-01-01 by Palestine \(PSE\)\)"):
        World.load([path])


def test_api_refuses_a_place_name_a_state_pattern_matches(api_client: Any) -> None:
    """/api/resolve and /api/cascade say the same, with the web's own words for the place field (place=)."""
    r = api_client.get("/api/resolve", params={"state": "Gaza", "date": DAY, "role": "target"})
    assert r.status_code == 422 and r.json()["error"].startswith("'Gaza' is a place (Gaza Strip), not a state: use "
                                                                 "place=gaza"), r.text
    assert r.json()["place"]["holder"] == "PSE", r.text
    r = api_client.get("/api/cascade", params={"attacker": "ISR", "target": "Gaza", "date": DAY})
    assert r.status_code == 422 and "'Gaza' is a place (Gaza Strip), not a state" in r.json()["error"], r.text


@pytest.mark.parametrize(("edit", "said"), [
    (("- EST\n", "- Gaza\n"), "'Gaza' is a place (Gaza Strip), not a state: use --place gaza"),
    (("likelihood: false\n", "likelihood: false\nwhat_if: [{op: add_member, treaty: nato_1949, state: Gaza}]\n"),
     "what_if: change 1: 'Gaza' is a place (Gaza Strip), not a state (held on 2024-01-01 by Palestine (PSE))"),
])
def test_a_scenario_file_naming_a_place_as_a_state_is_refused(tmp_path: Path, edit: tuple[str, str],
                                                              said: str) -> None:
    """A saved scenario edited to name "Gaza" (a target, a what-if's new member) ran against Palestine."""
    path = tmp_path / "s.yaml"
    assert cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", DAY, "--save-scenario", str(path)]).returncode == 0
    path.write_text(path.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    out = cli_line(["cascade", "--scenario", str(path)])
    assert out.returncode == 2 and out.stderr.startswith(f"error: {path}: {said}"), out
