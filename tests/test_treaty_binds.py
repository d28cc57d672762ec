"""A treaty file that cannot bind anyone was valid: no provisions (without binds_no_one saying why), a single
member, or `terminated` on the day it took effect (terminated is its first day out of force, so it was never in
force). Each is refused as an error, as every other problem of a treaty file is (validate has no warnings), by
`treaties validate`, `--treaties`, `--add-treaty` and a what-if's inline add_treaty alike (model.treaty_checks
.check_written); a treaty made from ATOP's data, or changed by a what-if, is not held to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.model.overlay import AddTreaty, Overlay, RemoveMember
from foedus.model.world import World
from samples import GOOD_TREATY
from test_input_messages import CASCADE, _error_line

PROVISIONS = 'provisions:\n  - {kind: defense, article: "1", strength: S2}\n'
CASES = [
    (GOOD_TREATY.replace(PROVISIONS, "provisions: []\n"), "provisions: none given: a treaty without provisions obliges "
     "no one; list them, or say in binds_no_one why it binds no one"),
    (GOOD_TREATY.replace(PROVISIONS, ""), "provisions: none given: a treaty without provisions obliges no one; list "
     "them, or say in binds_no_one why it binds no one"),
    (GOOD_TREATY.replace("[{state: CHL}, {state: ARG}]", "[{state: CHL}]"),
     "members: only CHL is a member: a treaty binds two states or more"),
    (GOOD_TREATY.replace("[{state: CHL}, {state: ARG}]", "[{state: CHL, left: 2021-01-01}, {state: Chile, joined: "
                         "2022-01-01}]"),
     "members: only CHL is a member: a treaty binds two states or more"),
    (GOOD_TREATY + "terminated: 2020-02-01\n", "terminated: 2020-02-01 is the day it came into force, so it was "
     "never in force (terminated is its first day out of force): give the day after its last day in force"),
    (GOOD_TREATY.replace("in_force: 2020-02-01\n", "") + "terminated: 2020-01-01\n", "terminated: 2020-01-01 is the "
     "day it was signed, so it was never in force (terminated is its first day out of force): give the day after its "
     "last day in force"),
]


@pytest.mark.parametrize(("text", "said"), CASES)
@pytest.mark.parametrize("how", ["validate", "--treaties", "--add-treaty"])
def test_a_treaty_file_that_binds_no_one_is_refused(tmp_path: Path, text: str, said: str, how: str) -> None:
    assert text != GOOD_TREATY
    path = tmp_path / "pact.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["treaties", "validate", str(path)] if how == "validate" else [*CASCADE, how, str(path)]
    assert _error_line(args) == f"{path}: {said}"


def test_an_inline_treaty_of_a_what_if_is_held_to_the_same_rule() -> None:
    import yaml

    pact = yaml.safe_load(GOOD_TREATY.replace(PROVISIONS, "provisions: []\n"))
    with pytest.raises(FoedusError, match=r"^what-if add_treaty: provisions: none given"):
        Overlay(changes=[AddTreaty(treaty=pact)]).apply(World.default())


def test_what_still_binds_or_says_why_not_is_valid(tmp_path: Path) -> None:
    """A day in force is enough; no provisions with binds_no_one is a record, not a pact (the bundled AUKUS)."""
    one_day = tmp_path / "one_day.yaml"
    one_day.write_text(GOOD_TREATY + "terminated: 2020-02-02\n", encoding="utf-8")
    record = tmp_path / "record.yaml"
    record.write_text(GOOD_TREATY.replace("my_pact", "my_record").replace(PROVISIONS, "binds_no_one: a statement\n"),
                      encoding="utf-8")
    assert _error_line(["treaties", "validate", str(one_day), str(record), str(tmp_path / "nothing.yaml")]) == (
        f"{tmp_path / 'nothing.yaml'}: no such file or folder")  # the two others passed


def test_a_what_if_may_leave_a_treaty_that_binds_no_one() -> None:
    """Dropping one member of a pair is a what-if's question, and ATOP's phase that ends the day it begins is
    ATOP's record: neither is refused."""
    world = Overlay(changes=[RemoveMember(treaty="rus_blr_2024", state="BLR")]).apply(World.default())
    assert [m.state for m in world.treaty("rus_blr_2024").members] == ["RUS"]
    atop = World.default().treaties.get("atop_4985_p2")
    assert atop is None or atop.terminated == (atop.in_force or atop.signed)
