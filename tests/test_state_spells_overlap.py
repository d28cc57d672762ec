"""Another version of a file of state spells (`data import --any-version`) whose spells of one state overlap is
refused in one line naming the line, the code and both spells, at import and when an earlier foedus's record is used.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from foedus.datasets import import_file
from foedus.errors import DataImportError

pytestmark = pytest.mark.needs_data

DATA = Path(os.environ.get("FOEDUS_DATA_DIR", "."))
# (file, a row to add, the problem): the added row is a second spell of the first row's state, overlapping it
OVERLAPS = [
    ("cow_states/states2016.csv", "USA,2,United States of America,1890,1,1,2016,12,31,2016",
     "ccode 2: the spell 1890-01-01–2016-12-31 overlaps its spell 1816-01-01–2016-12-31 on line 2"),
    ("cow_states/majors2016.csv", "USA,2,1816,1,1,1900,12,31,2016",
     "ccode 2: the spell 1816-01-01–1900-12-31 overlaps its spell 1898-08-13–2016-12-31 on line 2"),
    ("gw_states/gw_states.csv", "2,USA,United States of America,2000-01-01,2000-12-31",
     "gwcode 2: the spell 2000-01-01–2000-12-31 overlaps its spell 1816-01-01–2017-12-31 on line 2"),
]


def _with_row(tmp_path: Path, rel: str, row: str) -> tuple[Path, int]:
    """A copy of the registry file `rel` with `row` added at its end, and that row's line."""
    lines = [*(DATA / rel).read_text(encoding="utf-8").splitlines(), row]
    path = tmp_path / "mine" / rel.split("/")[-1]
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, len(lines)


@pytest.mark.parametrize(("rel", "row", "problem"), OVERLAPS)
def test_overlapping_spells_of_one_state_are_not_imported(
        tmp_path: Path, target: Path, rel: str, row: str, problem: str) -> None:
    """Both spells were believed: `foedus states` listed the state twice over the same years."""
    path, line = _with_row(tmp_path, rel, row)
    with pytest.raises(DataImportError) as err:
        import_file(path, any_version=True)
    assert f"line {line}: {problem}" in str(err.value) and "\n" not in str(err.value)
    assert not (target / rel).exists()


def test_a_second_spell_after_the_first_is_imported(tmp_path: Path, target: Path) -> None:
    """A state that leaves the system and comes back (26 do in states2016) is not an overlap."""
    path, _ = _with_row(tmp_path, "cow_states/states2016.csv", "WSM,990,Samoa,1900,1,1,1975,12,31,2016")
    import_file(path, any_version=True)
    assert (target / "cow_states/states2016.csv").exists()


def test_overlapping_spells_recorded_by_the_foedus_before_are_refused_on_use(tmp_path: Path, target: Path) -> None:
    """A record made when overlapping spells were not checked (values 4) is checked again when the file is used."""
    import hashlib
    import json
    import shutil

    from foedus.datasets.verify import OTHER_VERSIONS, check_file

    rel, row, problem = OVERLAPS[0]
    path, line = _with_row(tmp_path, rel, row)
    (target / "cow_states").mkdir(parents=True)
    shutil.copyfile(path, target / rel)
    entry = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "size": path.stat().st_size,
             "columns": ["ccode"], "source": str(path), "values": 4}
    (target / OTHER_VERSIONS).write_text(json.dumps({"format": 1, "files": {rel: entry}}), encoding="utf-8")
    state, why = check_file(rel, target / rel)
    assert state == "bad-checksum" and f"line {line}: {problem}" in why
