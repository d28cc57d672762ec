"""`foedus war`'s first-binding column, its "also" lines, its `--state` line and `foedus cascade --ongoing-since`'s
lines cited an executive order as a treaty ("usa_qat_eo_2025 EO"), where the cascade's joiner line and a war's other
duties say it is not one: each now says it (`foedus.cited.instrument_said`), and the records (`first_bound`,
`also`, a frame's `bound`, `bound_spans`, the ongoing summary) carry `instrument`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samples import cli_line, treaty_files

EO = "usa_qat_eo_2025 EO (an executive order, not a treaty)"
SAID = "(an executive order, not a treaty)"

WAR = "id: t\nname: t\nend: 2024-03-01\nevents:\n  - {type: attack, date: 2024-01-10, attacker: RUS, victim: FRA}\n"


def _files(tmp_path: Path, primary_order: bool) -> list[str]:
    """A war (Russia attacks France) and two pacts binding Germany: an executive order (`my_order`) primary when
    `primary_order` (the stronger), else cited after "also" beside a treaty (`my_pact`)."""
    strong, weak = ("S2", "S5") if primary_order else ("S5", "S2")
    pacts = treaty_files(tmp_path, {"my_pact": ("", "FRA DEU", "defense", "5", weak, "verified"),
                                    "my_order": ("executive_order", "FRA DEU", "defense", "5", strong, "verified")})
    (tmp_path / "war.yaml").write_text(WAR, encoding="utf-8")
    return [str(tmp_path / "war.yaml"), *(arg for path in pacts for arg in ("--treaties", str(path)))]


def _text(args: list[str]) -> str:
    ran = cli_line(args)
    assert ran.returncode == 0, ran.stderr
    return " ".join(ran.stdout.replace("│", " ").split())  # the folds and rules undone


def _cells(args: list[str]) -> list[str]:
    """The cells of a command's table (and its other lines), each stripped."""
    ran = cli_line(args)
    assert ran.returncode == 0, ran.stderr
    return [cell.strip() for line in ran.stdout.splitlines() for cell in line.split("│")]


def _deu(args: list[str]) -> dict[str, Any]:
    ran = cli_line([*args, "--json"])
    assert ran.returncode == 0, ran.stderr
    return next(s for s in json.loads(ran.stdout)["states"] if s["state"] == "DEU")


def test_a_wars_first_binding_says_its_instrument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # the table's column unwrapped: one obligation a line
    args = ["war", *_files(tmp_path, primary_order=True)]
    deu = _deu(args)
    assert (deu["first_bound"]["treaty"], deu["first_bound"]["instrument"]) == ("my_order", "executive_order")
    assert {o["treaty"]: o["instrument"] for o in deu["first_bound"]["also"]}["my_pact"] == "treaty"
    assert deu["bound_spans"][0]["instrument"] == "executive_order"
    cells = _cells(args)
    assert f"2024-01-10, to defend France (FRA) against Russia (RUS): my_order art. 5 {SAID}" in cells
    assert "also my_pact art. 5" in cells
    why = _text(["war", *_files(tmp_path, primary_order=True), "--until", "2024-01-20", "--state", "DEU"])
    assert f"under my_order (my_order) art. 5 {SAID}; also nato_1949 art. 5;" in why


def test_a_wars_also_line_says_its_instrument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    args = ["war", *_files(tmp_path, primary_order=False)]
    deu = _deu(args)
    also = {o["treaty"]: o["instrument"] for o in deu["first_bound"]["also"]}
    assert (deu["first_bound"]["treaty"], deu["first_bound"]["instrument"], also["my_order"]) == (
        "my_pact", "treaty", "executive_order")
    cells = _cells(args)
    assert "2024-01-10, to defend France (FRA) against Russia (RUS): my_pact art. 5" in cells
    assert f"also my_order art. 5 {SAID}" in cells


def test_the_ongoing_lines_say_the_instrument() -> None:
    args = ["cascade", "--attacker", "IRN", "--target", "QAT", "--date", "2026-06-01", "--ongoing-since", "2026-03-01"]
    text = _text(args)
    assert f"United States (USA): 2026-03-01 (defense, {EO}) — Iran (IRN)" in text
    assert "Bahrain (BHR): 2026-03-01 (defense, arab_jdec_1950 art. 2 (unverified: membership)) — Iran (IRN)" in text
    ran = cli_line([*args, "--json"])
    ongoing = json.loads(ran.stdout)["ongoing"]["bound_since"]
    assert (ongoing["USA"]["instrument"], ongoing["BHR"]["instrument"]) == ("executive_order", "treaty")


def test_a_comparisons_ongoing_lines_say_the_instrument() -> None:
    """`foedus compare --ongoing-since`: a state bound in one world only, cited with its instrument."""
    from foedus.war.ongoing_changes import ongoing_changes, ongoing_said

    base = {"since": "2026-03-01", "bound_since": {}, "lapsed": []}
    other = {"since": "2026-03-01", "lapsed": [], "bound_since": {"USA": {
        "since": "2026-03-01", "side": "defense", "treaty": "usa_qat_eo_2025", "article": "EO",
        "instrument": "executive_order"}}}
    changes = ongoing_changes(base, other)
    assert changes.bound[0].instrument == "executive_order"
    assert ongoing_said(changes.to_dict()) == [("+", "USA", f"bound since 2026-03-01 (defense, {EO})")]
