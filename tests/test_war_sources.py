"""A war replay names the pages its war file cites, the war's and each event's (what each backs), in the text and
in the JSON: the dates a replay rests on are facts, and the file's sources were read and then dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.samples import cli_line

WAR = """id: w
name: W
sources: [{url: "https://example.org/war", title: "A history of W"}]
events:
  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}
  - type: attack
    date: 2024-08-06
    attacker: UKR
    victim: RUS
    place: kursk-oblast
    sources: [{url: "https://example.org/kursk"}]
"""


def test_a_replay_lists_the_war_s_and_each_event_s_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(WAR, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "2000")
    code, out, err = cli_line(["war", str(path), "--until", "2024-09-01", "--no-timeline"])
    assert code == 0, err
    assert "source: A history of W — https://example.org/war" in out
    assert ("source: 2024-08-06 Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast: https://example.org/kursk"
            ) in out
    code, out, err = cli_line(["war", str(path), "--until", "2024-09-01", "--json"])
    assert code == 0, err
    assert json.loads(out)["war"]["sources"] == [
        {"url": "https://example.org/war", "title": "A history of W", "event": None},
        {"url": "https://example.org/kursk", "title": None, "event": 1}]
