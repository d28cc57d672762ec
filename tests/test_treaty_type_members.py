"""A treaty file whose type says bilateral while it lists more than two states is refused (the s40 robustness
audit): `type` defaults to bilateral, so a pact of three written without it loaded as a pair, read with the honour
model's `bilateral_factor`; two states, or a multilateral type, load as before."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import TreatyDataError
from test_input_messages import _error_line


def _pact(folder: Path, type_line: str, states: tuple[str, ...]) -> Path:
    path = folder / "three_pact.yaml"
    members = ", ".join(f"{{state: {s}}}" for s in states)
    path.write_text(f"""id: three_pact
name: Three pact
signed: 2020-01-01
in_force: 2020-01-01
{type_line}
sources: [{{url: "https://example.org/pact"}}]
members: [{members}]
provisions: [{{kind: defense, article: "1", strength: S1}}]
""", encoding="utf-8")
    return path


@pytest.mark.parametrize("type_line", ["type: bilateral", ""])
def test_a_bilateral_type_with_three_states_is_refused(tmp_path: Path, type_line: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pact(tmp_path, type_line, ("FIN", "SWE", "NOR"))
    said = ("three_pact.yaml: type: bilateral (the default when type is left out), but 3 states are members at once "
            "(FIN, NOR, SWE): give type: multilateral")
    assert _error_line(["treaties", "validate", "three_pact.yaml"]) == said
    with pytest.raises(TreatyDataError) as caught:
        foedus.World.load("three_pact.yaml", bundled=False, history=False)
    assert str(caught.value) == said


@pytest.mark.parametrize(("type_line", "states"), [("type: multilateral", ("FIN", "SWE", "NOR")),
                                                   ("", ("FIN", "SWE")), ("type: bilateral", ("FIN", "SWE"))])
def test_a_pair_or_a_multilateral_pact_loads(tmp_path: Path, type_line: str, states: tuple[str, ...]) -> None:
    world = foedus.World.load(_pact(tmp_path, type_line, states), bundled=False, history=False)
    swe = foedus.cascade("RUS", "FIN", "2025-06-01", world=world).joiner("SWE")
    assert swe is not None and swe.primary.treaty == "three_pact"


def test_a_pair_whose_party_a_successor_took_over_is_still_a_pair(tmp_path: Path) -> None:
    """Three states over time, two at once (the USSR's place taken by Russia): a bilateral pact, loaded as one."""
    path = tmp_path / "pair.yaml"
    path.write_text("""id: pair
name: Pair
signed: 1961-07-06
in_force: 1961-09-10
sources: [{url: "https://example.org/pact"}]
members: [{state: PRK}, {state: USSR, left: 1991-12-26}, {state: RUS, joined: 1991-12-26}]
provisions: [{kind: defense, article: "1", strength: S1}]
""", encoding="utf-8")
    world = foedus.World.load(path, bundled=False, history=False)
    assert world.treaties["pair"].type == "bilateral"
