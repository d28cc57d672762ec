"""`foedus war --out` said nothing of the war file's notes on a state (`state_notes`): North Korea's row read
"never entered" with no word of its troops at Kursk, and the note's `since_within` (known only to the month), its
certainty and its sources reached only `--json` and the `--state` line. Its `recorded*` columns carry them, in every
table format, described (a Parquet field's metadata, a Stata label), in the words the `--state` line ends with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from foedus.war.bundled import war_path
from foedus.war.columns import WAR_COLUMNS
from foedus.war.loader import load_war
from foedus.war.recorded import recorded_columns, recorded_said
from war_tables import SUFFIXES, descriptions, war_table

WAR = "russia_ukraine_2022"
RECORDED = ("recorded_since", "recorded_since_within", "recorded")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_war_out_carries_the_war_files_note_on_north_korea(tmp_path: Path, suffix: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out, frame = war_table(tmp_path, WAR, suffix, capsys)
    prk, rus = frame.loc["PRK"], frame.loc["RUS"]
    assert (prk["recorded_since"], prk["recorded_since_within"]) == ("2024-10-01", "month")
    assert str(prk["recorded"]).startswith("Recorded by the war file, not replayed as an event (verified): North")
    assert "(since October 2024, known only to the month; source: " in str(prk["recorded"])
    assert all(rus[c] in ("", None) or pd.isna(rus[c]) for c in RECORDED)  # no note on Russia
    if suffix != ".csv":
        assert descriptions(out, RECORDED) == {c: WAR_COLUMNS[c] for c in RECORDED}


def test_the_recorded_columns_say_the_notes_as_the_state_line_does() -> None:
    """One rule for the words (`recorded_said`); a note is said from its `since`, so not on a day before it."""
    war = load_war(war_path(WAR))
    notes = [n.to_dict() for n in war.state_notes if n.state == "PRK"]
    assert recorded_columns(war, "PRK", dt.date(2025, 12, 31))["recorded"] == recorded_said(notes).strip()
    assert recorded_columns(war, "PRK", dt.date(2024, 9, 30)) == dict.fromkeys(RECORDED)
