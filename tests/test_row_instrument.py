"""A member row may carry its own kind of instrument, overriding its record's, where the partners' agreements differ
in kind: Ukraine's 2024 security agreements (`ukr_bilateral_2024`) are reported politically binding only but for
the US's, an executive agreement reported legally binding (Zhovkva, European Pravda, 13 Jun 2024; ERR, Romania
Insider, CTK for Estonia's, Romania's and Czechia's). A duty between two states is said under the obligor's row's
instrument, else the beneficiary's, else the record's (`foedus.engine.leg.instrument_of`): in the cascade's lines
and JSON, its forms of help, and `foedus treaties show` (with how sure the row's instrument is)."""

from __future__ import annotations

import json
from pathlib import Path

from samples import cli_line


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
