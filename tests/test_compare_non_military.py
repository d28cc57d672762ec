"""`foedus compare --non-military bound` says the setting: its first line (and the JSON's `switches_said`, the web's
compare header) names it in a cascade header's words, and a change whose duty binds only by it (EU Art. 42(7)'s four
neutrals, gained as the Lisbon Treaty came into force on 2009-12-01) says so on its line and in its entry
(`rests_on_switch`). `foedus.compare_results` of two results run under different settings names both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import foedus
from foedus.sweeps.compare import compare_results
from samples import cli_line

NEUTRALS = ("AUT", "CYP", "IRL", "MLT")
LISBON = ["compare", "-a", "RUS", "-t", "EST", "-d", "2009-11-01", "--date2", "2009-12-15"]
SAID = "states that may limit their aid to non-military means read as bound to fight"
ONLY = " (only with --non-military bound)"


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def test_the_lines_say_the_setting_and_the_duties_resting_on_it() -> None:
    lines = _ok([*LISBON, "--non-military", "bound"]).splitlines()
    assert lines[0] == f"base: 2009-11-01; other: 2009-12-15; {SAID}"
    gained = {line.split(") ", 1)[0].rsplit("(", 1)[1]: line for line in lines if line.startswith("+ ")}
    assert {s for s, line in gained.items() if line.endswith(ONLY)} == set(NEUTRALS)
    assert {"FIN", "SWE"} <= set(gained) and not gained["FIN"].endswith(ONLY)
    usual = _ok(LISBON).splitlines()
    assert usual[0] == "base: 2009-11-01; other: 2009-12-15" and not [line for line in usual if ONLY in line]


def test_the_json_and_the_web_api_carry_it(api_client: Any) -> None:
    diff = json.loads(_ok([*LISBON, "--non-military", "bound", "--json"]))
    assert diff["switches_said"] == [SAID]
    rests = {g["state"]: g.get("rests_on_switch") for g in diff["gained"]}
    assert {s for s, on in rests.items() if on} == set(NEUTRALS) and rests["AUT"] == ["non-military bound"]
    assert json.loads(_ok([*LISBON, "--json"]))["switches_said"] == []
    got = api_client.get("/api/compare", params={"attacker": "RUS", "target": "EST", "date": "2009-11-01",
                                                  "other_date": "2009-12-15", "non_military": "bound"})
    assert got.status_code == 200, got.text[:300]
    changes = got.json()["changes"]
    assert changes["switches_said"] == [SAID] and changes["gained"] == diff["gained"]


def test_two_results_run_under_different_settings_are_said_so() -> None:
    usual = foedus.cascade("RUS", "EST", "2025-06-01")
    bound = foedus.cascade("RUS", "EST", "2025-06-01", non_military="bound")
    diff = compare_results(usual, bound)
    assert diff["switches_said"] == ["--non-military withheld in the base, --non-military bound in the other"]
    assert {(g["state"], tuple(g.get("rests_on_switch", ()))) for g in diff["gained"]} == {
        (s, ("non-military bound",)) for s in NEUTRALS}
    back = compare_results(bound, usual)
    assert back["switches_said"] == ["--non-military bound in the base, --non-military withheld in the other"]
    assert {(x["state"], tuple(x.get("rests_on_switch", ()))) for x in back["lost"]} == {
        (s, ("non-military bound",)) for s in NEUTRALS}


def test_an_out_files_title_says_it(tmp_path: Path) -> None:
    out = tmp_path / "lisbon.parquet"
    _ok([*LISBON, "--non-military", "bound", "--out", str(out)])
    title = json.loads(pq.read_schema(out).metadata[b"foedus"])["title"]
    assert title == f"foedus compare 2009-11-01 vs 2009-12-15; {SAID}"


def test_the_atlas_comparison_says_it_too() -> None:
    atlas = ["compare", "--atlas", "-d", "2009-11-01", "--date2", "2009-12-15", "--reading", "legal"]
    assert _ok([*atlas, "--non-military", "bound"]).splitlines()[0] == f"base: 2009-11-01; other: 2009-12-15; {SAID}"
    assert json.loads(_ok([*atlas, "--non-military", "bound", "--json"]))["switches_said"] == [SAID]
    assert _ok(atlas).splitlines()[0] == "base: 2009-11-01; other: 2009-12-15"  # as a scenario's (compare_head)


def test_the_rows_say_which_duties_rest_on_it(tmp_path: Path) -> None:
    """`--format csv` and an `--out` file have a `rests_on_switch` column, as the JSON's entries (until 2026-12-07
    they had none): the four neutrals' rows name the switch, its option without the dashes, so that the CSV's cell
    needs no formula guard (until 2026-12-07 it read `'--non-military bound`) and holds what the parquet and the JSON
    hold; Finland's and Sweden's none; a comparison run under no switch has no such column."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(_ok([*LISBON, "--non-military", "bound", "--format", "csv"]))))
    cells = {r["state"]: r["rests_on_switch"] for r in rows}
    assert {s for s, cell in cells.items() if cell} == set(NEUTRALS) and cells["AUT"] == "non-military bound"
    assert cells["FIN"] == cells["SWE"] == ""
    out = tmp_path / "lisbon.parquet"
    _ok([*LISBON, "--non-military", "bound", "--out", str(out)])
    table = pq.read_table(out).to_pydict()
    saved = dict(zip(table["state"], table["rests_on_switch"], strict=True))
    assert saved["MLT"] == "non-military bound" and saved["SWE"] is None
    assert "rests_on_switch" not in _ok([*LISBON, "--format", "csv"]).splitlines()[0]


def test_a_duty_rests_on_the_switch_by_the_gate_it_opened_not_by_its_words(tmp_path: Path) -> None:
    """`rests_on_switch` comes from the gate the switch opened (`Obligation.switches`, the engine's record of it),
    not from the words of the duty's conditions: a clause whose needed decision happens to be worded with
    "--non-military bound" rests on no switch (until 2026-12-07 compare matched the words and said it did), and the
    neutrals' duties under the switch rest on it (every engine's obligation carries it alike)."""
    from foedus.model.world import World

    (tmp_path / "t.yaml").write_text(
        "id: t\nname: t\ntype: bilateral\nsigned: 2020-01-01\nin_force: 2020-02-01\n"
        "sources: [{url: 'https://example.org/t'}]\nmembers: [{state: FRA}, {state: GRC}]\n"
        "provisions: [{kind: defense, article: '1', strength: S2, certainty: verified,"
        " needs_decision: 'a joint finding, as if --non-military bound'}]\n", encoding="utf-8")
    world = World.load(tmp_path / "t.yaml", bundled=False, history=False)
    before, after = (foedus.cascade("TUR", "GRC", day, world=world) for day in ("2020-01-15", "2020-03-01"))
    gained = compare_results(before, after, base_world=world)["gained"]
    assert [(g["state"], "rests_on_switch" in g) for g in gained] == [("FRA", False)]
    assert any("--non-military bound" in c for c in after.joiners[0].primary.conditions)
    bound = foedus.cascade("RUS", "EST", "2025-06-01", non_military="bound")
    assert {j.state for j in bound.joiners if j.primary.switches == (("non_military", "bound"),)} == set(NEUTRALS)
