"""`foedus treaties show`'s gates column says every gate the rules put on a provision's legs (`rules.GATES`,
`rules.gates.provision_gates`): it listed request-gated, non-provocation and a decision by hand, so a gate added to
the rules held legs back in every cascade while the treaty's table showed none."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from foedus.engine.rules import Gate, register_gate, unregister_gate
from foedus.model.world import World
from samples import cli_line


def _provisions(world: World, treaty: str, capsys: pytest.CaptureFixture[str]) -> str:
    from foedus.cli.treaty_show import print_treaty

    print_treaty(world, treaty, as_json=False)
    return capsys.readouterr().out


def test_a_new_gate_shows_in_the_gates_column(world: World, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert "toy_gate" not in _provisions(world, "manila_1954", capsys)
    toy = Gate("toy_gate", carried=lambda leg: leg.treaty.id == "manila_1954", reason=lambda leg, names: "toy",
               closed=lambda leg, scenario: True, per_provision=True)
    register_gate(toy)
    try:
        assert "toy_gate" in _provisions(world, "manila_1954", capsys)  # by its name
        words = Gate("toy_words", carried=lambda leg: leg.treaty.id == "manila_1954", reason=lambda leg, names: "",
                     per_provision=True, shown=lambda leg: f"toy words on art. {leg.provision.article}")
        register_gate(words)
        worded = _provisions(world, "manila_1954", capsys)
    finally:
        unregister_gate("toy_gate")
        unregister_gate("toy_words")
    assert "toy words on art. IV(1)" in worded


def test_the_gates_the_clauses_state_are_shown_in_the_rules_words(world: World, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    csto = _provisions(world, "csto_1992", capsys)
    assert "request-gated" in csto
    assert "aggressor" not in csto


def test_a_gate_that_reads_the_parties_is_shown_on_a_line_of_its_own(world: World, capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A gate that is not decided per provision (it reads the parties) held back a party's legs in every cascade while
    `foedus treaties show` said nothing of it; it is said under the provisions, with the obligors it holds back."""
    monkeypatch.setenv("COLUMNS", "400")
    toy = Gate("toy_embargo", carried=lambda leg: leg.treaty.id == "manila_1954" and leg.obligor == "FRA",
               reason=lambda leg, names: "toy", closed=lambda leg, scenario: True)
    register_gate(toy)
    try:
        shown = _provisions(world, "manila_1954", capsys)
    finally:
        unregister_gate("toy_embargo")
    assert "also gated by toy_embargo: art. IV(1), the legs owed by FRA" in shown
    assert "also gated" not in _provisions(world, "manila_1954", capsys)


def test_the_json_and_the_api_carry_the_gates_the_table_shows(world: World, api_client: TestClient) -> None:
    """`foedus treaties show --json` and `GET /api/treaties/{id}` (one serializer, `foedus.catalog.treaty_detail`)
    carry each provision's gates as the table says them: the per-provision gates (`gates`) and the gates that read
    the parties, with the obligors they hold back (`party_gates`); they carried neither."""
    csto = {p["article"]: p for p in api_client.get("/api/treaties/csto_1992").json()["provisions"] if p["gates"]}
    assert {a: (p["gates"], p["party_gates"]) for a, p in csto.items()} == {"4": (["request-gated"], [])}
    toy = Gate("toy_embargo", carried=lambda leg: leg.treaty.id == "manila_1954" and leg.obligor == "FRA",
               reason=lambda leg, names: "toy", closed=lambda leg, scenario: True)
    register_gate(toy)
    try:
        given = api_client.get("/api/treaties/manila_1954").json()["provisions"]
        printed = json.loads(cli_line(["treaties", "show", "manila_1954", "--json"]).stdout)["provisions"]
    finally:
        unregister_gate("toy_embargo")
    assert given == printed
    gated = {p["article"]: p["party_gates"] for p in given if p["party_gates"]}
    assert gated == {article: [{"gate": "toy_embargo", "obligors": ["FRA"]}] for article in ("IV(1)", "IV(2)")}
    assert all(not p["party_gates"] for p in api_client.get("/api/treaties/manila_1954").json()["provisions"])
