"""A what-if's changes form one set, however they are given (overlay files, `--add-treaty`, the command line's
options, the Python API's `what_if` and keywords, the web API): two that contradict each other are refused in one line
naming both and where each came from, exit 2, as two contradicting options were. An overlay's change contradicting an
option was applied silently (a member added to a treaty `--drop-treaty` drops was lost with it; of two strengths for
one article the last won); `--add-treaty F --drop-treaty ID` (ID, F's treaty) said 'unknown treaty'; an overlay file
given twice read as a treaty 'dropped by an earlier change'; an overlay's errors met when it was applied did not name
it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.overlay import (
    AddMember,
    AddTreaty,
    DropTreaty,
    Overlay,
    RemoveMember,
    SetStrength,
    changes_from,
    load_overlay,
)
from foedus.model.overlay_set import summary
from foedus.model.treaty import Strength
from foedus.model.world import World
from samples import GOOD_TREATY, cli_line, error_line
from test_input_messages import CASCADE

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ADD_UKR = "{op: add_member, treaty: nato_1949, state: UKR}"
S1 = "{op: set_strength, treaty: nato_1949, article: '5', strength: S1}"


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pact.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    return tmp_path


def _overlay(folder: Path, name: str, *changes: str) -> str:
    (folder / name).write_text("changes:\n" + "".join(f"  - {c}\n" for c in changes), encoding="utf-8")
    return name


@pytest.mark.parametrize(("changes", "options", "said"), [
    ([ADD_UKR], ["--drop-treaty", "nato_1949"],  # ran, the member lost with the treaty
     "--drop-treaty nato_1949 and ov.yaml change 1 (add_member nato_1949:UKR) contradict each other (the treaty is "
     "dropped): give one of them"),
    (["{op: drop_treaty, treaty: nato_1949}"], ["--set-strength", "nato_1949:5=S3"],
     "ov.yaml change 1 (drop_treaty nato_1949) and --set-strength nato_1949:5=S3 contradict each other (the treaty is "
     "dropped): give one of them"),
    ([ADD_UKR, S1, "{op: set_strength, treaty: nato_1949, article: '5', strength: S3}"], [],  # the last won
     "ov.yaml change 2 (set_strength nato_1949:5=S1) and ov.yaml change 3 (set_strength nato_1949:5=S3) contradict "
     "each other: give one of them"),
    ([S1], ["--set-strength", "nato_1949:5=S3"],
     "ov.yaml change 1 (set_strength nato_1949:5=S1) and --set-strength nato_1949:5=S3 contradict each other: give one "
     "of them"),
    (["{op: set_scope, treaty: nato_1949, article: '5', scope: {territory: []}}"],
     ["--set-scope", "nato_1949:5=territory:any"],
     "ov.yaml change 1 (set_scope nato_1949:5=territory:none;forces:any) and --set-scope nato_1949:5=territory:any "
     "contradict each other: give one of them"),
    ([ADD_UKR], ["--remove-member", "nato_1949:Ukraine"],  # one state, however it is named
     "ov.yaml change 1 (add_member nato_1949:UKR) and --remove-member nato_1949:Ukraine contradict each other: "
     "give one "
     "of them"),
    ([ADD_UKR, "{op: add_member, treaty: nato_1949, state: UKR, joined: 2020-01-01}"], [],
     "ov.yaml change 1 (add_member nato_1949:UKR) and ov.yaml change 2 (add_member nato_1949:UKR) contradict each "
     "other: give one of them"),
    ([S1], ["--set-strength", "nato_1949:5=S1"],
     "ov.yaml change 1 (set_strength nato_1949:5=S1) and --set-strength nato_1949:5=S1 are the same change, given "
     "twice: give it once"),
])
def test_an_overlay_and_the_options_are_one_set_of_changes(here: Path, changes: list[str], options: list[str],
                                                            said: str) -> None:
    assert error_line([*CASCADE, "--overlay", _overlay(here, "ov.yaml", *changes), *options]) == said


def test_compare_refuses_them_too(here: Path) -> None:
    ov = _overlay(here, "ov.yaml", ADD_UKR)
    assert error_line(["compare", *CASCADE[1:], "--overlay", ov, "--drop-treaty", "nato_1949"]) == (
        "--drop-treaty nato_1949 and ov.yaml change 1 (add_member nato_1949:UKR) contradict each other (the treaty is "
        "dropped): give one of them")


def test_two_overlays_giving_one_change_say_it_is_given_twice(here: Path) -> None:
    one, two = _overlay(here, "one.yaml", ADD_UKR), _overlay(here, "two.yaml", ADD_UKR)
    assert error_line([*CASCADE, "--overlay", one, "--overlay", two]) == (
        "one.yaml change 1 (add_member nato_1949:UKR) and two.yaml change 1 (add_member nato_1949:UKR) are the same "
        "change, given twice: give it once")


@pytest.mark.parametrize(("how", "said"), [
    (["--add-treaty", "pact.yaml"], "--add-treaty pact.yaml"),  # said "unknown treaty 'my_pact'", naming no file
    (["--overlay", "add.yaml"], "add.yaml change 1 (add_treaty pact.yaml)")])
def test_a_treaty_added_and_dropped_contradict(here: Path, how: list[str], said: str) -> None:
    _overlay(here, "add.yaml", "{op: add_treaty, path: pact.yaml}")
    assert error_line([*CASCADE, *how, "--drop-treaty", "my_pact"]) == (
        f"{said} and --drop-treaty my_pact contradict each other (the treaty 'my_pact' is the one added: the world has "
        "none to drop): give one of them")


@pytest.mark.parametrize(("second", "also"), [("ov.yaml", ""), ("./ov.yaml", " (also as ov.yaml)"), ("sub/../ov.yaml",
                                               " (also as ov.yaml)"), ("link.yaml", " (also as ov.yaml)")])
def test_an_overlay_file_given_twice_says_so(here: Path, second: str, also: str) -> None:
    """It said "unknown treaty 'nato_1949' (dropped by an earlier change)" (a drop, read twice)."""
    (here / "sub").mkdir()
    (here / "link.yaml").symlink_to(here / _overlay(here, "ov.yaml", "{op: drop_treaty, treaty: nato_1949}"))
    assert error_line([*CASCADE, "--overlay", "ov.yaml", "--overlay", second]) == (
        f"{second}: the file is given twice{also}; give each overlay file once")


@pytest.mark.parametrize(("change", "said"), [
    ("{op: add_treaty, path: ''}", "ov.yaml: change 2 (add_treaty.path): the path is empty: give a treaty file"),
    ("{op: add_treaty, path: ' '}", "ov.yaml: change 2 (add_treaty.path): the path is blank: give a treaty file"),
    ("{op: frob}", "ov.yaml: change 2: op 'frob' is not one of add_member, remove_member, drop_treaty, add_treaty, "
                  "set_strength, set_scope"),
    ("{op: drop_treaty, treaty: nato_1949, state: UKR}", "ov.yaml: change 2 (drop_treaty.state): unknown field "
                                                        "'state' (the fields are: op, treaty)"),
    ("{op: add_treaty, treaty: {}}", "ov.yaml: change 2: what-if add_treaty: treaty.id: missing field 'id'"),
    ("{op: add_treaty, treaty: {id: x_pact, name: X, signed: 2020-01-01, sources: [{url: 5}], members: [{state: "
     "USA}]}}", "ov.yaml: change 2: what-if add_treaty: treaty.sources[0].url: must be text, got 5"),
    ("{op: drop_treaty, treaty: nato_1494}", "ov.yaml: change 2: unknown treaty 'nato_1494'"),
    ("{op: remove_member, treaty: nato_1949, state: UKR}", "ov.yaml: change 2: what-if: UKR is not a member of "
                                                           "nato_1949"),
])
def test_an_overlay_error_names_the_file_and_the_change(here: Path, change: str, said: str) -> None:
    assert error_line([*CASCADE, "--overlay", _overlay(here, "ov.yaml", S1, change)]).startswith(said)


def test_the_order_an_overlay_gives_its_changes_in_does_not_matter(here: Path, world: World) -> None:
    """A change to a treaty the overlay adds, given before the add, said 'unknown treaty'."""
    add, change = "{op: add_treaty, path: pact.yaml}", "{op: set_strength, treaty: my_pact, article: '1', strength: S5}"
    worlds = [load_overlay(_overlay(here, name, *order)).apply(world)
              for name, order in (("a.yaml", (add, change)), ("b.yaml", (change, add)))]
    assert [w.treaty("my_pact").provisions[0].strength.value for w in worlds] == ["S5", "S5"]


@pytest.mark.parametrize(("what_if", "options", "said"), [
    ([{"op": "add_member", "treaty": "nato_1949", "state": "UKR"}], {"drop_treaty": ["nato_1949"]},
     "drop_treaty nato_1949 and what_if change 1 (add_member nato_1949:UKR) contradict each other (the treaty is "
     "dropped): give one of them"),
    ([{"op": "set_strength", "treaty": "nato_1949", "article": "5", "strength": "S1"}],
     {"set_strength": ["nato_1949:5=S2"]},
     "what_if change 1 (set_strength nato_1949:5=S1) and set_strength nato_1949:5=S2 contradict each other: give one "
     "of them"),
    ([{"op": "drop_treaty", "treaty": "nato_1949"}, {"op": "drop_treaty", "treaty": "nato_1949"}], {},
     "what_if change 1 (drop_treaty nato_1949) and what_if change 2 (drop_treaty nato_1949) are the same change, "
     "given twice: give it once"),
])
def test_the_python_api_refuses_them(what_if: list[Any], options: dict[str, Any], said: str) -> None:
    with pytest.raises(FoedusError) as caught:
        foedus.cascade("RUS", "EST", "2025-06-01", what_if=what_if, **options)
    assert str(caught.value) == said


def test_an_overlay_applied_in_python_refuses_them(world: World) -> None:
    with pytest.raises(FoedusError) as caught:
        Overlay(changes=changes_from({"add_member": ["nato_1949:UKR"], "remove_member": ["nato_1949:Ukraine"]}))\
            .apply(world)  # ran as if neither was given
    assert str(caught.value) == (
        "add_member nato_1949:UKR and remove_member nato_1949:Ukraine contradict each other: give one of them")


def test_the_web_api_refuses_them(api_client: TestClient) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore")
        response = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "EST", "date": "2025-06-01",
                                                          "add_member": "nato_1949:UKR",
                                                          "remove_member": "nato_1949:Ukraine"})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == (
        "add_member nato_1949:UKR and remove_member nato_1949:Ukraine contradict each other: give one of them")


def _edited_nato(folder: Path) -> str:
    """A copy of the bundled nato_1949, of the same id, with another name (to tell which one the world holds)."""
    text = resources.files("foedus.data").joinpath("treaties", "nato_1949.yaml").read_text(encoding="utf-8")
    (folder / "my-nato.yaml").write_text(text.replace("name: The North Atlantic Treaty", "name: My NATO", 1),
                                         encoding="utf-8")
    return "my-nato.yaml"


def test_a_replaced_treaty_can_be_changed_in_an_overlay(here: Path, world: World) -> None:
    """A treaty dropped and brought back by an edited copy: the changes to it apply to the copy. It was refused
    as 'contradict each other (the treaty is dropped)'."""
    ov = _overlay(here, "ov.yaml", "{op: drop_treaty, treaty: nato_1949}", f"{{op: add_treaty, path: "
                  f"{_edited_nato(here)}}}", ADD_UKR, S1)
    nato = load_overlay(ov).apply(world).treaty("nato_1949")
    assert (nato.name, "UKR" in {m.state for m in nato.members}) == ("My NATO", True)
    assert {p.strength.value for p in nato.provisions if p.article == "5"} == {"S1"}


def test_a_replaced_treaty_can_be_changed_on_the_command_line(here: Path) -> None:
    code, out, err = cli_line([*CASCADE, "--drop-treaty", "nato_1949", "--add-treaty", _edited_nato(here),
                               "--add-member", "nato_1949:UKR", "--json"])
    assert code == 0, err
    assert "UKR" in json.loads(out)["sides"]["defense"]  # joins with NATO: a member of the copy


def test_a_change_to_a_dropped_treaty_no_added_one_brings_back_is_still_refused(here: Path) -> None:
    assert error_line([*CASCADE, "--drop-treaty", "nato_1949", "--add-treaty", "pact.yaml", "--add-member",
                        "nato_1949:UKR"]) == ("--drop-treaty nato_1949 and --add-member nato_1949:UKR contradict each "
                                              "other (the treaty is dropped): give one of them")


@pytest.mark.parametrize("joined", ["2025-01-01", None])
@pytest.mark.parametrize("remove_first", [False, True])
def test_a_member_added_and_removed_later_is_a_bounded_membership(here: Path, world: World, joined: str | None,
                                                                  remove_first: bool) -> None:
    """A remove with `left` after the add's `joined` gives the member both days (it was refused as contradicting
    the add); one without `left` still takes the add back (above)."""
    add = "{op: add_member, treaty: nato_1949, state: UKR" + (f", joined: {joined}}}" if joined else "}")
    remove = "{op: remove_member, treaty: nato_1949, state: Ukraine, left: 2030-01-01}"
    ov = _overlay(here, "ov.yaml", *((remove, add) if remove_first else (add, remove)))
    ukr = [m for m in load_overlay(ov).apply(world).treaty("nato_1949").members if m.state == "UKR"]
    assert [(str(m.joined), str(m.left)) for m in ukr] == [(str(joined), "2030-01-01")]


REJOIN = ("cannot be written this way: a remove_member with 'left' ends the state's membership from that day on, the "
          "added one included; drop the treaty and add an edited copy with add_treaty)")


def test_a_member_removed_before_it_is_added_contradicts(here: Path) -> None:
    ov = _overlay(here, "ov.yaml", "{op: add_member, treaty: nato_1949, state: UKR, joined: 2025-01-01}")
    assert error_line([*CASCADE, "--overlay", ov, "--remove-member", "nato_1949:UKR"]) == (  # no left: taken back
        "ov.yaml change 1 (add_member nato_1949:UKR) and --remove-member nato_1949:UKR contradict each other: give one "
        "of them")
    ov = _overlay(here, "ov.yaml", "{op: add_member, treaty: nato_1949, state: UKR, joined: 2025-01-01}",
                  "{op: remove_member, treaty: nato_1949, state: UKR, left: 2024-12-31}")
    assert error_line([*CASCADE, "--overlay", ov]) == (
        "ov.yaml change 1 (add_member nato_1949:UKR) and ov.yaml change 2 (remove_member nato_1949:UKR) contradict "
        f"each other (joining on 2025-01-01 after leaving on 2024-12-31 {REJOIN}: give one of them")


@pytest.mark.parametrize("joined", [None, "1949-08-24"])
def test_leaving_on_the_day_of_joining_is_one_rule(here: Path, world: World, joined: str | None) -> None:
    """Leaving on the day of joining is the treaty's own rule (`Treaty._dates_ordered`: allowed), whether `joined`
    is written out or taken from the treaty's entry into force (1949-08-24); written out, it was refused as 'it
    would leave on 1949-08-24, not after joining on 1949-08-24', and not written, accepted."""
    add = "{op: add_member, treaty: nato_1949, state: UKR" + (f", joined: {joined}}}" if joined else "}")
    ov = _overlay(here, "ov.yaml", add, "{op: remove_member, treaty: nato_1949, state: UKR, left: 1949-08-24}")
    ukr = [m for m in load_overlay(ov).apply(world).treaty("nato_1949").members if m.state == "UKR"]
    assert [(str(m.joined), str(m.left)) for m in ukr] == [(str(joined), "1949-08-24")]


def test_a_left_before_the_treaty_took_effect_is_the_treaty_rule(here: Path) -> None:
    """With no `joined`, a `left` before the treaty's entry into force is refused by the treaty's rule."""
    ov = _overlay(here, "ov.yaml", ADD_UKR, "{op: remove_member, treaty: nato_1949, state: UKR, left: 1949-08-23}")
    assert error_line([*CASCADE, "--overlay", ov]) == (
        "ov.yaml: change 2: what-if remove_member nato_1949: members[33] (UKR) left (1949-08-23) before joining "
        "(1949-08-24)")


def test_leaving_and_rejoining_says_why_it_cannot_be_written(here: Path) -> None:
    """A remove with `left` ends the state's membership from that day on, the added one too: TUR out in 2030 and
    back in 2031 cannot be two changes. It was refused as 'it would leave on 2030-01-01, not after joining on
    2031-01-01'."""
    ov = _overlay(here, "ov.yaml", "{op: remove_member, treaty: nato_1949, state: TUR, left: 2030-01-01}",
                  "{op: add_member, treaty: nato_1949, state: TUR, joined: 2031-01-01}")
    assert error_line([*CASCADE, "--overlay", ov]) == (
        "ov.yaml change 1 (remove_member nato_1949:TUR) and ov.yaml change 2 (add_member nato_1949:TUR) contradict "
        f"each other (joining on 2031-01-01 after leaving on 2030-01-01 {REJOIN}: give one of them")


@pytest.mark.parametrize(("change", "said"), [
    (DropTreaty(treaty="nato_1949"), "drop_treaty nato_1949"),  # "unknown treaty 'nato_1949' (dropped by an earlier …
    (AddMember(treaty="nato_1949", state="UKR"), "add_member nato_1949:UKR")])  # a revalidation error
def test_one_change_object_listed_twice_is_given_twice(world: World, change: Any, said: str) -> None:
    with pytest.raises(FoedusError) as caught:
        Overlay(changes=[change, change]).apply(world)
    assert str(caught.value) == f"change 1 ({said}) and change 2 ({said}) are the same change, given twice: give it " \
                                "once"


def test_no_two_changes_reach_a_treaty_dropped_before_them(here: Path, world: World) -> None:
    """Every pair of a few changes (the same one twice too), in both orders: each applies or is refused before a
    change meets a treaty dropped (which said 'dropped by an earlier change'; now an AssertionError, which fails it)."""
    pool = [DropTreaty(treaty="nato_1949"), DropTreaty(treaty="my_pact"), AddTreaty(path=_edited_nato(here)),
            AddTreaty(path="pact.yaml"), AddMember(treaty="nato_1949", state="UKR"),
            AddMember(treaty="my_pact", state="BRA"), RemoveMember(treaty="nato_1949", state="TUR"),
            SetStrength(treaty="nato_1949", article="5", strength=Strength.S1)]
    refused: list[str] = []
    slipped: list[str] = []
    for one in pool:
        for two in pool:
            try:
                Overlay(changes=[one, two]).apply(world)
            except FoedusError as exc:
                refused.append(str(exc))
            except Exception as exc:  # the guard in `overlay_apply._need` (AssertionError), or any other slip
                slipped.append(f"{summary(one)} then {summary(two)}: {type(exc).__name__}: {exc}")
    assert slipped == []
    assert any("(the treaty is dropped)" in line for line in refused)  # the pool does reach a dropped treaty
