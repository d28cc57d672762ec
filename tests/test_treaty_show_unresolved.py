"""`foedus treaties show` names an ATOP alliance's unresolved conditions (ATOP flags a condition on the obligation,
a specific adversary or location, without saying which) in its gates column, as a cascade names them in its
conditions ('unresolved ATOP condition(s) read as met: adversary'): the table showed the Franco-Russian alliance
(ATOP 1385), whose defence ATOP conditions on an adversary, and the 1939 Franco-Turkish declaration (ATOP 2465), on
a location, as binding against anyone anywhere with no gate."""

from __future__ import annotations

import pytest

from foedus.model.world import World


@pytest.mark.parametrize(("treaty", "kind", "said"), [
    ("atop_1385", "defense", "unresolved ATOP condition(s): adversary"),
    ("atop_2465", "offense", "unresolved ATOP condition(s): location"),
])
def test_the_gates_column_names_the_unresolved_atop_conditions(world: World, treaty: str, kind: str, said: str,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    assert world.treaty(treaty).provisions  # the research data is loaded
    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, treaty, as_json=False)
    rows = [line for line in capsys.readouterr().out.splitlines() if f"ATOP {kind}" in line and " S2 " in line]
    assert rows and all(said in row for row in rows)


def test_a_curated_clause_has_no_such_gate(world: World, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, "nato_1949", as_json=False)
    assert "unresolved ATOP" not in capsys.readouterr().out
