"""A treaty file whose `replaces` names an ATOP alliance (`atop_N`) is refused on load, naming the file and the
field, when the ATOP history has no such alliance or the alliance was signed after the treaty; with the history
there and the alliance older, it loads. (`replaces` records a history; which ATOP alliance a curated treaty stands
in for is `atop_ids`.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

BUNDLED = Path(__file__).parents[1] / "src" / "foedus" / "data" / "treaties" / "anzus_1951.yaml"
SIGNED = dt.date(1951, 9, 1)  # the copy's signature day, as ANZUS's


def _copy(tmp_path: Path, replaces: str) -> Path:
    """ANZUS's file under another id, its ATOP mapping left out, replacing `replaces`."""
    lines = [line for line in BUNDLED.read_text(encoding="utf-8").splitlines() if not line.startswith("atop_ids:")]
    text = "\n".join(lines).replace("id: anzus_1951", "id: anzus_copy_1951") + f"\nreplaces: [{replaces}]\n"
    path = tmp_path / "anzus_copy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def history() -> dict[str, object]:
    world = World.load()
    assert world.treaties.has_history
    return dict(world.treaties.history)


def _alliance(history: dict[str, object], after: bool) -> str:
    """An ATOP alliance of the history (no phase) signed after, or before, the copy."""
    return next(tid for tid, t in sorted(history.items()) if tid.count("_") == 1
                and (t.signed > SIGNED) is after and t.signed != SIGNED)  # type: ignore[attr-defined]


def test_an_atop_id_no_alliance_has_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "atop_99999")
    with pytest.raises(TreatyDataError) as refused:
        World.load([path])
    assert str(refused.value) == (f"{path}: replaces[0]: no ATOP alliance has the id 'atop_99999' (ATOP 5.1's "
                                  "alliances are atop_N, a phase of one atop_N_pK)")


def test_an_atop_alliance_signed_later_is_refused(tmp_path: Path, history: dict[str, object]) -> None:
    later = _alliance(history, after=True)
    path = _copy(tmp_path, later)
    with pytest.raises(TreatyDataError, match=rf"^{path}: replaces\[0\]: {later} was signed on .*, after "
                                              r"anzus_copy_1951 \(1951-09-01\): a treaty replaces only one signed"):
        World.load([path])


def test_an_older_atop_alliance_or_a_mapped_one_loads(tmp_path: Path, history: dict[str, object]) -> None:
    for old in (_alliance(history, after=False), "atop_3215"):  # ANZUS's own, which the history leaves out for it
        world = World.load([_copy(tmp_path, old)])
        assert world.treaty("anzus_copy_1951").replaces == [old]


def test_treaties_validate_refuses_it_too(tmp_path: Path, history: dict[str, object]) -> None:
    """`foedus treaties validate` says what the load refuses: one line naming the file and field, exit 2; a file
    replacing an older alliance is ok."""
    import subprocess
    import sys

    path = _copy(tmp_path, "atop_99999")
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "validate", str(path)], capture_output=True,
                          text=True)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr == f"error: {path}: replaces[0]: no ATOP alliance has the id 'atop_99999' (ATOP 5.1's " \
        "alliances are atop_N, a phase of one atop_N_pK)\n"
    _copy(tmp_path, _alliance(history, after=False))  # the same file, now replacing an older alliance
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "validate", str(path)], capture_output=True,
                          text=True)
    assert proc.returncode == 0 and "ok  anzus_copy_1951" in proc.stdout, proc.stderr


def test_a_file_with_an_atop_id_is_told_to_map_the_alliance(tmp_path: Path) -> None:
    """A file whose id is ATOP's form is told to stand in for the alliance with `atop_ids` (which the history reads),
    not `replaces` (which it does not: the alliance would count twice)."""
    path = tmp_path / "atop_form.yaml"
    path.write_text(_copy(tmp_path, "anzus_1951").read_text(encoding="utf-8").replace(
        "id: anzus_copy_1951", "id: atop_3215_p2"), encoding="utf-8")
    with pytest.raises(TreatyDataError, match=r"give the treaty an id of its own \(and `atop_ids: \[3215\]` to stand "
                                              r"in for that alliance\)$"):
        World.load([path])
