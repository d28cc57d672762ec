"""`foedus war --out` had no column for the day a binding was released: North Korea's binding to Russia, released on
2025-04-27 as Ukraine's attack at Kursk ends (Russia's claim, unverified), was said only in the text's words and
`--state --json`; and a war file's note on a state the replay has no record of (one that neither fights nor is
bound) reached no row at all. The `released*` columns carry the release with its certainty, whose word it is and its
pages, in every table format, described; a state only the file notes gets a row of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.war.columns import WAR_COLUMNS
from samples import cli_line, replay_text
from war_tables import SUFFIXES, descriptions, war_table

WAR = "russia_ukraine_2022"
RELEASED = ("released_on", "released_from", "released_certainty", "released_said_by", "released")
KURSK = ("released on 2025-04-27 after Ukraine (UKR)'s attack on Russia (RUS) at Kursk Oblast ends (Russia's claim, "
         "unverified) (source: The Moscow Times")
CUBA = ("id: w\nname: W\nend: 2004-12-31\nevents:\n  - {type: attack, date: 2004-08-01, attacker: CUB, victim: USA, "
        "until: 2004-09-01, until_certainty: secondary, until_by: Cuba's word}\n")


def _empty(value: object) -> bool:
    return value in ("", None) or bool(pd.isna(value))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_war_out_says_the_day_north_koreas_binding_was_released(tmp_path: Path, suffix: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out, frame = war_table(tmp_path, WAR, suffix, capsys)
    prk, blr, rus = frame.loc["PRK"], frame.loc["BLR"], frame.loc["RUS"]
    assert [prk[c] for c in RELEASED[:4]] == ["2025-04-27", "2024-12-04", "unverified", "Russia's claim"]
    assert str(prk["released"]).startswith(KURSK)
    # Belarus was first bound under csto_1992; the binding released is its later one, which continued the first
    # without a break: the words name both (tests/test_war_released_since.py)
    assert (blr["bound_from"], blr["released_from"]) == ("2024-08-06", "2025-03-13")
    assert str(blr["released"]).startswith("its binding without a break from 2024-08-06, first under csto_1992 art. 4, "
                                           "then from 2025-03-13 under rus_blr_2024 art. 4, " + KURSK[:24])
    assert all(_empty(rus[c]) for c in RELEASED)  # fighting on the last day: released from nothing
    if suffix != ".csv":
        assert descriptions(out, RELEASED) == {c: WAR_COLUMNS[c] for c in RELEASED}


def test_the_released_columns_are_what_the_state_line_says(tmp_path: Path) -> None:
    """One record for both: the last day's `--state --json` `released` gives the row's day, span and certainty."""
    said = json.loads(cli_line(["war", WAR, "--state", "PRK", "--json"]).stdout)["released"]
    row = replay_war_row(WAR, "PRK")
    cause = said["cause"]
    assert (row["released_on"], row["released_from"], row["released_certainty"], row["released_said_by"]) == (
        said["to"], said["from"], cause["until_certainty"], cause["until_by"])


def replay_war_row(war: str, state: str) -> pd.Series:
    from foedus.api import replay_war

    return replay_war(war).to_frame().set_index("state").loc[state]


NOTE = "state_notes:\n  - {state: Japan, note: it sent aid, certainty: secondary, since: 2004-08-15}\n"
SURE = CUBA.replace(", until_certainty: secondary, until_by: Cuba's word", "")


def test_an_attacks_tagged_end_says_its_certainty_and_whose_word_it_is(tmp_path: Path) -> None:
    """Mexico, bound under Rio, is released as Cuba's attack ends on Cuba's word (secondary); a verified end says
    so, and whose word it is not."""
    mex = replay_text(tmp_path, CUBA).to_frame().set_index("state").loc["MEX"]
    assert [mex[c] for c in RELEASED[:4]] == ["2004-09-01", "2004-08-01", "secondary", "Cuba's word"]
    assert mex["released"] == ("released on 2004-09-01 after Cuba (CUB)'s attack on United States (USA) ends (Cuba's "
                               "word, secondary)")
    mex = replay_text(tmp_path, SURE).to_frame().set_index("state").loc["MEX"]
    assert (mex["released_certainty"], mex["released_said_by"]) == ("verified", None)


def test_a_state_only_the_war_file_notes_gets_a_row(tmp_path: Path) -> None:
    """Japan, which the file notes and the replay does not record, gets the last row, with its note and its name
    (`names` holds it); a note after the replay's last day gives no row."""
    replay = replay_text(tmp_path, CUBA + NOTE)
    frame = replay.to_frame().set_index("state")
    assert list(frame.index)[-1] == "JPN" and "JPN" not in replay.states and replay.names["JPN"] == "Japan"
    jpn = frame.loc["JPN"]
    assert (jpn["name"], jpn["recorded_since"]) == ("Japan", "2004-08-15")
    assert jpn["recorded"] == "Recorded by the war file, not replayed as an event (secondary): it sent aid."
    assert all(_empty(jpn[c]) for c in ("entered", "side", "bound_from", "treaty", "cause"))
    early = replay_text(tmp_path, SURE + NOTE, until="2004-08-10").to_frame()
    assert "JPN" not in set(early["state"])  # its note begins after the last day replayed
