"""A treaty file given twice is said to be given twice (foedus.model.files_once), where it was read as two treaties
of one id: `--add-treaty F --add-treaty F` said "the world already has a treaty 'my_pact'; drop it first", and
`--treaties F --treaties F` (and `treaties validate F F`) "duplicate treaty id 'my_pact' (also in F)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY, cli_line
from test_input_messages import CASCADE, _error_line


@pytest.fixture()
def pact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    (tmp_path / "pact.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("pact.yaml")
    return tmp_path


@pytest.mark.parametrize(("second", "also"), [("pact.yaml", ""), ("x/../pact.yaml", " (also as pact.yaml)"),
                                              ("link.yaml", " (also as pact.yaml)")])
@pytest.mark.parametrize("how", ["--add-treaty", "--treaties", "validate"])
def test_the_same_file_given_twice_is_one_line_saying_so(pact: Path, how: str, second: str, also: str) -> None:
    args = ["treaties", "validate", "pact.yaml", second] if how == "validate" else [*CASCADE, how, "pact.yaml", how,
                                                                                    second]
    said = f"{second}: the file is given twice{also}; give each treaty file once"
    assert _error_line(args) == ("what-if add_treaty: " if how == "--add-treaty" else "") + said


def test_an_overlay_that_adds_one_file_twice_says_so(pact: Path) -> None:
    (pact / "twice.yaml").write_text("changes:\n  - {op: add_treaty, path: pact.yaml}\n"
                                     "  - {op: add_treaty, path: pact.yaml}\n", encoding="utf-8")
    assert _error_line([*CASCADE, "--overlay", "twice.yaml"]) == (  # both changes named, with where each is
        "twice.yaml change 1 (add_treaty pact.yaml) and twice.yaml change 2 (add_treaty pact.yaml): the file is given "
        "twice; give each treaty file once")


def test_two_files_of_one_id_are_still_a_duplicate_id(pact: Path) -> None:
    (pact / "copy.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    assert _error_line([*CASCADE, "--treaties", "pact.yaml", "--treaties", "copy.yaml"]) == (
        "copy.yaml: id: duplicate treaty id 'my_pact' (also in pact.yaml)")


def test_a_bundled_file_given_is_not_said_to_be_given_twice() -> None:
    """`--treaties` of a bundled file said "the file is given twice": the user gave it once; the world has it."""
    from foedus.model.loader import bundled_treaty_files
    from test_input_messages import CASCADE, _error_line

    nato = next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")
    assert _error_line([*CASCADE, "--treaties", str(nato)]) == (
        f"{nato}: is a file of the bundled treaty set, which the world has already (to change the treaty, drop "
        "it with --drop-treaty and add an edited copy with --add-treaty, or give the copy another id)")



def _bundled_nato() -> Path:
    from foedus.model.loader import bundled_treaty_files

    return next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")


@pytest.mark.parametrize("how", ["absolute", "relative", "link"])
def test_validate_checks_a_bundled_file_as_the_bundled_set_s_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 how: str) -> None:
    """`treaties validate src/foedus/data/treaties/nato_1949.yaml` said "duplicate treaty id 'nato_1949' (also in the
    bundled treaty set)": the file is the bundled one itself, checked now against the other bundled treaties."""
    nato = _bundled_nato()
    monkeypatch.chdir(nato.parent.parent)
    given = {"absolute": str(nato), "relative": "treaties/nato_1949.yaml", "link": str(tmp_path / "n.yaml")}[how]
    if how == "link":
        (tmp_path / "n.yaml").symlink_to(nato)
    assert cli_line(["treaties", "validate", given]) == (0, "ok  nato_1949\n1 treaty file valid\n", "")


@pytest.mark.parametrize("how", ["validate", "--treaties"])
def test_a_copy_of_a_bundled_file_is_refused_saying_what_to_do(tmp_path: Path, how: str) -> None:
    """A copy is another file: its id is still the bundled treaty's, refused with what to do instead (the words a
    bundled file given to --treaties has: foedus.model.files_once.CHANGE_BUNDLED)."""
    copy = tmp_path / "nato.yaml"
    copy.write_text(_bundled_nato().read_text(encoding="utf-8"), encoding="utf-8")
    args = ["treaties", "validate", str(copy)] if how == "validate" else [*CASCADE, "--treaties", str(copy)]
    also = "the bundled treaty set" if how == "validate" else str(_bundled_nato())
    assert _error_line(args) == (
        f"{copy}: id: duplicate treaty id 'nato_1949' (also in {also}; to change the treaty, drop it with "
        "--drop-treaty and add an edited copy with --add-treaty, or give the copy another id)")
