"""A state's rows in one treaty are spells of one agreement (ukr_bilateral_2024's two US rows, split where the US
administration changed), and the engine reads its first row that names an instrument for all its duties
(`foedus.engine.leg.instrument_of`): rows that disagree on the instrument, its certainty or its source were taken
silently, the later row shown by `treaties show` and never read. Now the file is refused in one line naming both
rows (`foedus.model.row_checks`), on the command line with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.loader import load_treaties
from samples import cli_line

HEAD = ("id: my_pact\nname: my_pact\ntype: multilateral\nsigned: 2020-01-01\nin_force: 2020-02-01\n"
        "sources: [{url: 'https://example.org/my_pact'}]\n"
        "provisions: [{kind: defense, article: '5', strength: S1}]\nmembers:\n  - {state: FRA}\n  - {state: DEU}\n")
OWN = "instrument: political_statement, instrument_certainty: secondary, instrument_source: 'https://example.org/pol'"
FIRST = f"  - {{state: POL, left: 2022-01-01, {OWN}}}\n"


def _write(tmp_path: Path, second: str) -> Path:
    path = tmp_path / "my_pact.yaml"
    path.write_text(HEAD + FIRST + f"  - {{state: POL, joined: 2022-01-01{second}}}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("second", "field", "said"), [
    ("", "instrument", "members[2] says political_statement, members[3] none (the record's)"),
    (", instrument: treaty", "instrument", "members[2] says political_statement, members[3] treaty"),
    (", " + OWN.replace("secondary", "unverified"), "instrument_certainty",
     "members[2] says secondary, members[3] unverified"),
    (", " + OWN.replace("/pol", "/other"), "instrument_source",
     "members[2] says https://example.org/pol, members[3] https://example.org/other"),
])
def test_a_states_rows_that_disagree_are_refused(tmp_path: Path, world: object, second: str, field: str,
                                                 said: str) -> None:
    path = _write(tmp_path, second)
    with pytest.raises(TreatyDataError) as caught:
        load_treaties([path], world.states, world.places)  # type: ignore[attr-defined]
    assert str(caught.value).startswith(f"{path}: members[3].{field}: POL's rows disagree: {said}; a state's rows "
                                        "are spells of one agreement")
    ran = cli_line(["cascade", "-a", "RUS", "-t", "POL", "-d", "2024-01-01", "--treaties", str(path)])
    assert ran.returncode == 2 and "Traceback" not in ran.stderr and "POL's rows disagree" in ran.stderr


def test_rows_that_agree_load(tmp_path: Path, world: object) -> None:
    """Both rows name the same instrument, certainty and source: the file loads, and a row's own instrument is read
    in each spell."""
    treaties = load_treaties([_write(tmp_path, ", " + OWN)], world.states, world.places)  # type: ignore[attr-defined]
    assert [m.instrument for m in treaties["my_pact"].members if m.state == "POL"] == ["political_statement"] * 2
