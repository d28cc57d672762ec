"""A cascade's consultation and neutrality duties said nothing of their instrument: a duty to consult under a forum
(the Quad is one) or to stay out under a political statement read as a treaty's, in the text and the JSON alike,
where a joiner's line says "(an executive order, not a treaty)". Each record's JSON now has `instrument`, and its
"Consultation: " / "Neutral: " line says it as the joiner line does (`foedus.cited.instrument_said`). No curated
treaty that is not a treaty has such a clause, so the duties here come from treaty files given to the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from samples import cli_line, treaty_files

FILES = {  # Bhutan's duty to consult Mongolia under a forum, Nepal's not to join a war against it under a political
    # statement, and Laos's duty to consult it under a treaty (no words for a treaty)
    "forum_consult": ("forum", "MNG BTN", "consultation", "4", "S4", "verified"),
    "stmt_neutral": ("political_statement", "MNG NPL", "neutrality", "6", "S4", "verified"),
    "pact_consult": ("treaty", "MNG LAO", "consultation", "2", "S4", "verified"),
}


def _files(tmp_path: Path) -> list[str]:
    return [arg for path in treaty_files(tmp_path, FILES) for arg in ("--treaties", str(path))]


def _cascade(tmp_path: Path, *more: str) -> str:
    ran = cli_line(["cascade", "-a", "CHN", "-t", "MNG", "-d", "2025-06-01", *_files(tmp_path), *more])
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_the_json_records_say_their_instrument(tmp_path: Path) -> None:
    result = json.loads(_cascade(tmp_path, "--json"))
    consults = {c["treaty"]: c["instrument"] for c in result["consultations"]}
    assert {k: consults[k] for k in ("forum_consult", "pact_consult")} == {"forum_consult": "forum",
                                                                          "pact_consult": "treaty"}
    assert {n["treaty"]: n["instrument"] for n in result["neutral"]}["stmt_neutral"] == "political_statement"


def test_the_text_lines_say_an_instrument_that_is_not_a_treaty(tmp_path: Path) -> None:
    text = " ".join(_cascade(tmp_path).replace("│", " ").split())  # the tree wraps its lines
    assert ("Consultation: Bhutan (BTN) consults Mongolia (MNG) under forum_consult art. 4 (a forum, not a "
            "treaty)") in text
    assert ("Neutral: Nepal (NPL) must not join the war against Mongolia (MNG) under stmt_neutral art. 6 (a political "
            "statement, not a treaty)") in text
    assert "Consultation: Laos (LAO) consults Mongolia (MNG) under pact_consult art. 2" in text
    assert "pact_consult art. 2 (" not in text  # a treaty's duty: no words after it
