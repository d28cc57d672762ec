"""A member row may carry its own kind of instrument, overriding its record's, where the partners' agreements differ
in kind: Ukraine's 2024 security agreements (`ukr_bilateral_2024`) are reported politically binding only but for
the US's, an executive agreement reported legally binding (Zhovkva, European Pravda, 13 Jun 2024; ERR, Romania
Insider, CTK for Estonia's, Romania's and Czechia's). A duty between two states is said under the obligor's row's
instrument, else the beneficiary's, else the record's (`foedus.engine.leg.instrument_of`): in the cascade's lines
and JSON, its forms of help, and `foedus treaties show` (with how sure the row's instrument is)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import foedus
from foedus.render import explain_lines
from samples import cli_line

PACT = "ukr_bilateral_2024"
NOT_A_TREATY = "(a political statement, not a treaty)"


def _consultations() -> dict[str, Any]:
    result = foedus.cascade("RUS", "UKR", "2025-06-01")
    return {c.state: c for c in result.consultations if c.treaty == PACT}


def test_the_uk_consults_under_a_political_statement_the_us_under_a_treaty() -> None:
    result = foedus.cascade("RUS", "UKR", "2025-06-01")
    lines = explain_lines(result)
    uk = next(x for x in lines if x.startswith("Consultation: United Kingdom (GBR)") and PACT in x)
    us = next(x for x in lines if x.startswith("Consultation: United States (USA)") and PACT in x)
    assert f"under {PACT} future-attack clause (numbering varies by agreement) {NOT_A_TREATY}" in uk
    assert "not a treaty" not in us


def test_the_json_says_each_partners_instrument() -> None:
    """Those a source calls politically binding (every agreement before the US's; Estonia's, Romania's, Czechia's;
    Japan's, Poland's and Luxembourg's, reported or said without legal force) say so; the US's a treaty; those no
    source speaks of (Lithuania's, Ireland's, ...) the record's, a treaty."""
    kinds = {s: c.to_dict()["instrument"] for s, c in _consultations().items()}
    political = {"GBR", "DEU", "FRA", "DNK", "CAN", "ITA", "NLD", "FIN", "LVA", "ESP", "BEL", "PRT", "SWE", "NOR",
                 "ISL", "EST", "ROU", "CZE", "JPN", "POL", "LUX"}
    assert {s for s, k in kinds.items() if k == "political_statement"} == political
    assert {k for s, k in kinds.items() if s not in political} == {"treaty"}
    assert {"USA", "JPN", "POL", "LUX", "LTU"} <= set(kinds)


def test_the_help_a_partner_owes_is_said_under_its_row() -> None:
    result = foedus.cascade("RUS", "UKR", "2025-06-01")
    kinds = {(s.state, s.supports): s.instrument for s in result.supporters if s.treaty == PACT}
    assert (kinds[("GBR", "UKR")], kinds[("USA", "UKR")]) == ("political_statement", "treaty")


def test_treaties_show_says_each_rows_instrument_and_how_sure() -> None:
    shown = json.loads(cli_line(["treaties", "show", PACT, "--json"]).stdout)["members"]
    sure = {m["state"]: m["how_sure"] for m in shown}
    assert sure["GBR"].endswith("; instrument: a political statement, not a treaty (known from secondary reporting "
                                "only)")
    assert sure["USA"].endswith("; instrument: a treaty (known from secondary reporting only)")
    assert "instrument" not in sure["UKR"] + sure["LTU"]
    assert sure["LUX"].endswith("; instrument: a political statement, not a treaty")  # its parliament's own page
    assert sure["JPN"].endswith("; instrument: a political statement, not a treaty (known from secondary reporting "
                                "only)")


def test_a_users_row_overrides_its_records_instrument(tmp_path: Path) -> None:
    """A defence pact of France, Germany and Poland, Poland's row a political statement: Poland's duty says so, both
    ways (France's to Poland, under Poland's row); Germany's to France is the record's, a treaty."""
    path = tmp_path / "my_pact.yaml"
    path.write_text(
        "id: my_pact\nname: my_pact\ntype: multilateral\nsigned: 2020-01-01\nin_force: 2020-02-01\n"
        "sources: [{url: 'https://example.org/my_pact'}]\n"
        "members: [{state: FRA}, {state: DEU}, {state: POL, instrument: political_statement, "
        "instrument_certainty: secondary, instrument_source: 'https://example.org/pol'}]\n"
        "provisions: [{kind: defense, article: '5', strength: S1}]\n", encoding="utf-8")
    kinds = {}
    for target in ("FRA", "POL"):
        ran = cli_line(["cascade", "-a", "RUS", "-t", target, "-d", "2024-01-01", "--treaties", str(path), "--json"])
        assert ran.returncode == 0, ran.stderr
        kinds |= {(j["state"], target): j["instrument"] for j in json.loads(ran.stdout)["joiners"]
                  if j["treaty"] == "my_pact"}
    assert kinds == {("DEU", "FRA"): "treaty", ("POL", "FRA"): "political_statement",
                     ("FRA", "POL"): "political_statement", ("DEU", "POL"): "political_statement"}
