"""A war file's state note dated only to a month says so (warwords7, session 65): North Korea's note in
russia_ukraine_2022 ("troops ... sent to Russia from October 2024") was given `since: 2024-10-01`, and its JSON said
that day as if known. A note's `since_within` (month or year) says how well `since` is known: the JSON carries it,
the CLI's and the web's Why? say "since October 2024, known only to the month" (warrecorded.ts, run in node:
tests/ts_said.py), and the loader refuses a `since` that is not the month's first day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foedus.api import replay_war
from foedus.errors import WarDataError
from foedus.model.world import World
from foedus.war.recorded import recorded_said
from samples import cli_line, replay_text
from ts_said import run_ts

WAR = "russia_ukraine_2022"
MONTH = "(since October 2024, known only to the month; source: "


def test_north_koreas_note_says_its_month_not_a_day() -> None:
    """`--state PRK` says the note's since as the month; its JSON gives the month's first day and `since_within`."""
    ran = cli_line(["war", WAR, "--state", "PRK"])
    assert ran.returncode == 0, ran.stderr
    assert "does not count North Korea as fighting " + MONTH in ran.stdout
    data = json.loads(cli_line(["war", WAR, "--state", "PRK", "--json"]).stdout)
    assert [(n["since"], n["since_within"]) for n in data["recorded"]] == [("2024-10-01", "month")]


def test_a_since_known_to_the_month_must_be_its_first_day(tmp_path: Path) -> None:
    """The loader reads `since_within`, and refuses it on a day inside its month or without a `since`."""
    world = World.default()
    head = ("id: w\nname: W\nend: 2004-12-31\nevents:\n  - {type: attack, date: 2004-08-01, attacker: CUB, "
            "victim: USA}\nstate_notes:\n  - {state: MEX, note: it sent aid, certainty: secondary, ")
    replay = replay_text(tmp_path, head + "since: 2004-09-01, since_within: month}\n", world=world)
    assert [(n.since.isoformat(), n.since_within) for n in replay.war.state_notes] == [("2004-09-01", "month")]
    with pytest.raises(WarDataError, match=r"since_within: month needs since on the month's first day "
                                           r"\(2004-09-01\), not 2004-09-15"):
        replay_text(tmp_path, head + "since: 2004-09-15, since_within: month}\n", world=world)
    with pytest.raises(WarDataError, match=r"since_within: year needs since on the year's first day, but it has no"):
        replay_text(tmp_path, head + "since_within: year}\n", world=world)


def test_the_webs_why_says_the_month_as_the_cli_does() -> None:
    """warrecorded.ts `recordedSaid` says a month's, a year's and a day's `since` word for word as the CLI does."""
    notes = replay_war(WAR).to_dict()["war"]["state_notes"]
    bare = {"state": "PRK", "note": "x.", "certainty": "secondary", "sources": []}
    notes += [{**bare, "since": "2025-01-01", "since_within": "year"}, {**bare, "since": "2025-02-03",
                                                                         "since_within": None}]
    days = ("2024-09-30", "2024-10-01", "2025-12-31")
    web = run_ts([("warrecorded", "recordedSaid", [notes, "PRK", d]) for d in days])
    assert web == [recorded_said(n for n in notes if n["since"] <= d) for d in days] and web[0] == ""
    assert MONTH in web[1] and web[2].endswith("(secondary): x (since 2025, known only to the year). Recorded by "
                                               "the war file, not replayed as an event (secondary): x.")


def test_war_md_says_the_state_notes_in_its_state_paragraph() -> None:
    """docs/war.md's `--state STATE` paragraph says the line ends with the war file's notes, and its quote of North
    Korea's, each piece between its "...", is what `--state PRK` says."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "war.md").read_text(encoding="utf-8")
    start = doc.index("`--state STATE`, which prints only one line")
    paragraph = " ".join(doc[start:doc.index("An unknown state,", start)].split())
    assert "`state_notes`" in paragraph and "`recorded`" in paragraph
    quote = paragraph.split('(the file\'s `state_notes`: "', 1)[1].split('", with', 1)[0]
    out = " ".join(cli_line(["war", WAR, "--state", "PRK"]).stdout.split())
    assert all(piece.strip() in out for piece in quote.split("...")), quote
