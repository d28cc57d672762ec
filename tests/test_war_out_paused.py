"""`foedus war --out` said the release a state stands in on the replay's last day (`released*`), but not a pause: Oman,
fighting on after the 2026 ceasefire with no attack by or on it going on, read in the table as fighting, though its
`--state` line and the text's table say "paused since 2026-04-08 under the ceasefire of 2026-04-08". The `paused*`
columns carry the pause standing on the last day, with its certainty, whose word it is and its pages, described."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.cli.app import app
from foedus.cli.entry import run_cli
from foedus.war.columns import WAR_COLUMNS
from samples import cli_line, replay_text
from war_tables import read_table as _read

PAUSED = ("paused_since", "paused_certainty", "paused_said_by", "paused")
CEASEFIRE = "paused since 2026-04-08 under the ceasefire of 2026-04-08 (ceasefire: every attack ends; source: India TV"
# Cuba attacks the United States until 1 September on Cuba's word; with AGAIN, again from 1 October, to the end
CUBA = ("id: w\nname: W\nend: 2004-12-31\nevents:\n  - {type: attack, date: 2004-08-01, attacker: CUB, victim: USA, "
        "until: 2004-09-01, until_certainty: secondary, until_by: Cuba's word}\n")
AGAIN = "  - {type: attack, date: 2004-10-01, attacker: CUB, victim: USA}\n"


def _empty(value: object) -> bool:
    return value in ("", None) or bool(pd.isna(value))


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".dta"])
def test_war_out_says_oman_is_paused_under_the_ceasefire(tmp_path: Path, suffix: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"w{suffix}"
    assert run_cli(app, ["war", "iran_2026", "--out", str(out)]) == 0, capsys.readouterr().err
    frame = _read(out).set_index("state")
    oman, pakistan = frame.loc["OMN"], frame.loc["PAK"]
    assert oman["paused_since"] == "2026-04-08" and str(oman["paused"]).startswith(CEASEFIRE)
    assert _empty(oman["paused_certainty"]) and _empty(oman["paused_said_by"])  # a ceasefire's day: not tagged
    assert all(_empty(pakistan[c]) for c in PAUSED) and pakistan["released_on"] == "2026-04-08"  # released, not paused
    if suffix == ".dta":
        with pd.read_stata(out, iterator=True) as reader:
            labels = reader.variable_labels()
        assert {c: labels[c] for c in PAUSED} == {c: WAR_COLUMNS[c] for c in PAUSED}
    if suffix == ".parquet":
        schema = pq.read_schema(out)
        assert {c: schema.field(c).metadata[b"description"].decode() for c in PAUSED} == {
            c: WAR_COLUMNS[c] for c in PAUSED}


def test_the_paused_columns_are_what_the_state_line_says() -> None:
    """One record for both: the last day's `--state --json` `paused` gives the row's day, and its line the words."""
    from foedus.api import replay_war

    said = json.loads(cli_line(["war", "iran_2026", "--state", "OMN", "--json"]).stdout)
    row = replay_war("iran_2026").to_frame().set_index("state").loc["OMN"]
    assert row["paused_since"] == said["paused"]["since"] and row["paused"] in said["said"]


def test_an_attacks_tagged_end_pauses_on_its_word_and_a_new_attack_ends_the_pause(tmp_path: Path) -> None:
    """The United States, paused as Cuba's attack ends on Cuba's word (secondary), says so and whose word it is; the
    text's table says the same words under its fighting; attacked again, it is paused no more on the last day."""
    usa = replay_text(tmp_path, CUBA).to_frame().set_index("state").loc["USA"]
    assert [usa[c] for c in PAUSED] == [
        "2004-09-01", "secondary", "Cuba's word",
        "paused since 2004-09-01 after Cuba (CUB)'s attack on United States (USA) ends (Cuba's word, secondary)"]
    code, out, err = cli_line(["war", str(tmp_path / "war.yaml")])
    assert code == 0 and usa["paused"] in " ".join(out.split()), err
    usa = replay_text(tmp_path, CUBA + AGAIN).to_frame().set_index("state").loc["USA"]
    assert all(_empty(usa[c]) for c in PAUSED)
