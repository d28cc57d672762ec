"""`foedus data import` and `fetch` print an outcome's detail when it says more than where the file came from. The CLI
told that by the detail's wording ("another version", "; chosen over "): a reworded detail lost its annotation, and
a file from a folder named `another version` gained one. Now `Outcome` carries the facts (`other_version`,
`chosen_over`), set where the detail is written, and the CLI reads those.

The shared data is only read: each test copies what it needs into its own folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.cli.data_cmd import _echo_outcomes
from foedus.datasets import DATASETS, Outcome, fetch, import_file
from test_data_import_candidates import SOURCE, STATES, put, states
from test_datasets import dead_url  # noqa: F401 (a fixture)

pytestmark = pytest.mark.needs_data


def flags(outcome: Outcome) -> tuple[str, bool, bool]:
    return outcome.action, outcome.other_version, outcome.chosen_over


def test_the_cli_annotates_by_the_flags_not_the_wording(capsys: pytest.CaptureFixture[str]) -> None:
    _echo_outcomes([
        Outcome("d", "d/a.csv", "imported", "a.csv (a different release, recorded)", other_version=True),
        Outcome("d", "d/b.csv", "present", "b.csv, picked from two", chosen_over=True),
        Outcome("d", "d/c.csv", "imported", "/home/me/another version/c.csv"),  # the wording, not the fact
        Outcome("d", "d/e.csv", "skipped", "not downloadable"),
        Outcome("d", "d/f.csv", "downloaded", "https://example.org/f.csv"),
    ])
    assert capsys.readouterr().out == (
        "imported    d/a.csv  (a.csv (a different release, recorded))\n"
        "present     d/b.csv  (b.csv, picked from two)\n"
        "imported    d/c.csv\n"
        "skipped     d/e.csv  (not downloadable)\n"
        "downloaded  d/f.csv\n")


@pytest.mark.needs_data
def test_import_and_fetch_set_the_flags_where_they_write_the_detail(target: Path, tmp_path: Path,
                                                                   dead_url: str) -> None:  # noqa: F811 (the fixture)
    folder = tmp_path / "downloads"
    put(folder / "a-old" / "states2016.csv", states(drop=1))
    put(folder / "states2016.csv", states())
    (chosen,) = import_file(folder, any_version=True)
    assert flags(chosen) == ("imported", False, True) and "; chosen over " in chosen.detail
    assert flags(import_file(folder / "states2016.csv")[0]) == ("present", False, False)

    other = put(tmp_path / "other" / "states2016.csv", states(drop=2))
    (imported,) = import_file(other, any_version=True, force=True)
    assert flags(imported) == ("imported", True, False) and "(another version than " in imported.detail
    assert flags(import_file(other, any_version=True)[0]) == ("present", False, False)  # on record: nothing to say
    mixed = tmp_path / "mixed"
    put(mixed / "states2016.csv", states(drop=2))
    put(mixed / "old" / "states2016.csv", states(drop=3))
    (kept,) = import_file(mixed, any_version=True)  # the version on record, chosen over the other
    assert flags(kept) == ("present", False, True) and "not the version on record" in kept.detail

    for rel in (f.path for f in DATASETS["cow_states"].files if f.path != STATES):
        import_file(SOURCE / rel)
    by_path = {o.path: o for o in fetch(["cow_states"], mirror=dead_url)}  # nothing to download
    assert flags(by_path[STATES])[:2] == ("skipped", True) and "another version" in by_path[STATES].detail
    assert all(flags(o) == ("present", False, False) for p, o in by_path.items() if p != STATES)
