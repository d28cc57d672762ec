"""Leftovers of the bad-input sweeps (tests/test_bad_input_left.py, tests/test_bad_input_leftovers.py): a Python
caller's switch of the wrong type was shown as Python's repr, and a depth-parameter file's `data.file` was not
checked to be one line of text: each is now refused in one line, in every message's words (`foedus.value_words.shown`).
And `foedus atlas`'s capability share divided by its states' CINC sum without a word: it divides by NMC's, as the
cascade's coalition power does, and says so in the same words (`foedus.engine.power.sum_note`)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import foedus
from foedus.engine.power import coalition_power
from foedus.errors import DataFormatError, ScenarioError
from foedus.model.world import World
from samples import cli_line


@pytest.mark.parametrize(("value", "said"), [(["legal"], "a list"), ({"r": 1}, "a mapping"), (True, "true"),
                                             (None, "nothing")])
def test_a_switch_of_the_wrong_type_is_said_as_every_message_says_a_value(value: object, said: str) -> None:
    """`reading=['legal']` said "unknown reading ['legal']" (Python's repr), where every message says 'a list'."""
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("UKR", "RUS", "2025-01-15", reading=value)
    assert str(caught.value) == f"reading: expected one of legal, escalatory, not {said}"


@pytest.mark.parametrize(("file", "said"), [("atop\nmore.csv", "'atop\\nmore.csv'"), ("  ", "'  '")])
def test_a_depth_parameter_files_data_file_is_one_line_of_text(tmp_path: Path, file: str, said: str) -> None:
    """`data.file` (the ATOP file it was fitted on, quoted in a note) was only escaped when shown: a second line or a
    blank name was read without a word. It is checked as the file's other texts are (`foedus.research.depth_meta`)."""
    from foedus.research.depth import DepthModel

    payload = json.loads(resources.files("foedus.data").joinpath("depth_params.json").read_text(encoding="utf-8"))
    payload["data"]["file"] = file
    path = tmp_path / "p.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        DepthModel.from_file(path)
    assert str(caught.value) == f"{path}: data.file: expected a one-line text, got {said}"


@pytest.mark.needs_data
def test_the_atlas_capability_share_divides_by_nmcs_sum_and_says_so_as_the_cascade_does(world: World,
                                                                                        tmp_path: Path) -> None:
    """1860's CINC values sum to 1.0747; the atlas divided by its states' 0.8958 and said nothing, where the cascade
    divides by 1.0747 and notes it. A state alone at war shares its CINC over the same sum in both."""
    import csv
    import datetime as dt

    out = tmp_path / "a.csv"
    code, _, err = cli_line(["atlas", "--from", "1860", "--to", "1861", "--out", str(out)])
    assert code == 0, err
    assert ("note: NMC's 1860–1861 CINC values sum to 1.0724–1.0747 in each year, not 1: a share is of its "
            "year's sum") in err, err
    one = coalition_power(world.states, {"attack": ["GBR"]}, dt.date(1860, 7, 1))
    assert one is not None and one["note"] == "NMC's 1860 CINC values sum to 1.0747, not 1: a share is of that sum"
    code, _, err = cli_line(["atlas", "--from", "1914", "--to", "1914", "--out", str(tmp_path / "b.csv")])
    assert code == 0 and "note: NMC's 1914 CINC values sum to 1.0209, not 1: a share is of that sum" in err, err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert float(rows[0]["capability_share_max_legal"]) == pytest.approx(0.4997, abs=1e-4)  # 0.5995 of 0.8958
