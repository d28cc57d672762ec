"""The JSON contract and the scenario inputs, each declared once: emitted keys, docs, TypeScript types,
CLI options, web parameters and `foedus.cascade`'s keywords must all agree with the declarations."""

from __future__ import annotations

import inspect
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import foedus
from foedus.engine.contract import keys_of
from foedus.engine.contract_gen import RECORDS, markdown, typescript
from foedus.engine.records import MonteCarloSummary
from foedus.engine.result import CascadeResult
from foedus.inputs import LIKELIHOOD, MONTE_CARLO, SCENARIO, WHAT_IF

if TYPE_CHECKING:
    from collections.abc import Callable

    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]


def _check(obj: dict[str, Any], cls: type) -> None:
    """Every emitted key is documented, every documented key that is not optional is emitted; recursively."""
    keys = {k.name: k for k in keys_of(cls)}
    emitted = set(obj)
    assert emitted <= set(keys), f"{cls.__name__} emits undocumented keys {sorted(emitted - set(keys))}"
    required = {n for n, k in keys.items() if not k.optional}
    assert required <= emitted, f"{cls.__name__} lacks documented keys {sorted(required - emitted)}"
    nested = {name: c for name, c, _ in RECORDS}
    for name, value in obj.items():
        ts = keys[name].ts.removesuffix("[]").removesuffix(" | null")
        for item in (value if isinstance(value, list) else [value]):
            if ts in nested and isinstance(item, dict):
                _check(item, nested[ts])


@pytest.mark.parametrize("kw", [
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"},
    {"attacker": "TUR", "target": "GRC", "date": "2025-06-01", "reading": "escalatory"},
    {"attacker": "AFG", "target": "TJK", "date": "2025-01-15", "requested": False},
    {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "draws": 20, "seed": 1},
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast", "ongoing_since": "2024-08-06"},
    {"attacker": "DEU", "target": "POL", "date": "1939-09-01", "likelihood": True},
])
def test_emitted_keys_are_the_documented_keys(kw: dict[str, Any]) -> None:
    d = foedus.cascade(kw.pop("attacker"), kw.pop("target"), kw.pop("date"), **kw).to_dict()
    _check(d, CascadeResult)
    mc = {k.name for k in keys_of(MonteCarloSummary)}
    assert (mc <= set(d)) is ("draws" in kw) and (not mc & set(d)) is ("draws" not in kw)
    assert ("ongoing" in d) is ("ongoing_since" in kw)
    assert ("likelihood" in d) is ("likelihood" in kw)


def test_each_typescript_interface_packs_its_keys_into_full_lines() -> None:
    """web/src/contract.ts held one key a line (287 of the 300 lines a module may have): each interface now holds its
    keys, all of them and in the metadata's order, as many to a line as fit in 118 columns."""
    text = (ROOT / "web" / "src" / "contract.ts").read_text(encoding="utf-8")
    for name, cls, _ in RECORDS:
        found = re.search(rf"\nexport interface {name} {{\n(.*?)\n}}\n", text, re.S)
        assert found, name
        items = [f"{k.name}{'?' if k.optional else ''}: {k.ts};" for k in keys_of(cls)]
        rows, at = [], 0
        for line in found.group(1).split("\n"):
            row, rest = [], line.removeprefix("  ")
            while at < len(items) and (rest == items[at] or rest.startswith(items[at] + " ")):
                row.append(items[at])
                rest, at = rest[len(items[at]) + 1:], at + 1
            assert row and not rest and len(line) <= 118, (name, line)  # the next keys, in order, and nothing else
            rows.append(row)
        assert at == len(items), name
        for row, following in itertools.pairwise(rows):
            assert len("  " + " ".join([*row, following[0]])) > 118, (name, following[0])  # it did not fit


def test_docs_and_typescript_types_are_generated_from_the_metadata() -> None:
    fix = "run `python -m foedus.engine.contract_gen` and commit the result"
    assert (ROOT / "docs" / "json-contract.md").read_text(encoding="utf-8") == markdown(), fix
    assert (ROOT / "web" / "src" / "contract.ts").read_text(encoding="utf-8") == typescript(), fix


def test_the_doubts_text_names_each_kind_of_doubt() -> None:
    """`foedus.engine.doubts` lists parties not yet joined or gone, treaties not yet or no longer in force and
    clauses not yet or no longer applying: the contract's words for `doubts` and `Doubt` name each (they once
    named neither a treaty's end nor a clause)."""
    (row,) = [line for line in markdown().splitlines() if line.startswith("| `doubts` |")]
    for kind in ("not yet joined", "has left", "not yet in force", "already ended", "clause not yet or no longer"):
        assert kind in row, kind
    (said,) = [said for name, _, said in RECORDS if name == "Doubt"]
    assert "a clause" in said


def test_monte_carlo_seed_is_always_recorded() -> None:
    r = foedus.cascade("RUS", "EST", "2025-06-01", draws=50)
    assert r.montecarlo is not None and isinstance(r.montecarlo.seed, int)
    again = foedus.cascade("RUS", "EST", "2025-06-01", draws=50, seed=r.montecarlo.seed)
    assert again.to_dict()["probabilities"] == r.to_dict()["probabilities"]


def test_cli_options_are_the_declared_inputs() -> None:
    import typer.main

    from foedus.cli.app import app, cascade

    command: Any = typer.main.get_command(app)
    params = {p.name: p for p in command.commands["cascade"].params}
    own: dict[str, Any] = cascade.input_defaults  # type: ignore[attr-defined]  # attacker, target, date: a --scenario file's
    assert set(own) == {"attacker", "target", "date"}
    for inp in (*SCENARIO, *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD):
        assert inp.name in params, inp.name
        p = params[inp.name]
        assert p.required is (inp.required and inp.name not in own)
        assert set(inp.cli_flags[0].split("/")) <= {*p.opts, *p.secondary_opts}
        assert inp.help in (p.help or "")
        if not inp.required and not inp.many:
            assert p.default == inp.default


def test_web_parameters_are_the_declared_inputs(web_client: Callable[..., TestClient]) -> None:
    spec = web_client().get("/openapi.json").json()  # not started (no `with`): the schema needs no world
    params = {p["name"]: p for p in spec["paths"]["/api/cascade"]["get"]["parameters"]}
    for inp in (*SCENARIO, *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD):
        assert inp.name in params, inp.name
        assert params[inp.name]["required"] is inp.required
        assert inp.help in params[inp.name]["schema"].get("description", params[inp.name].get("description", ""))
        if inp.choices:
            assert set(params[inp.name]["schema"]["enum"]) == set(inp.choices)


def test_cascade_keywords_are_the_declared_inputs() -> None:
    sig = inspect.signature(foedus.cascade)
    for inp in (*SCENARIO, *WHAT_IF, *MONTE_CARLO, *LIKELIHOOD):
        assert inp.name in sig.parameters, inp.name
    with pytest.raises(foedus.FoedusError, match="unknown option"):
        foedus.cascade("RUS", "EST", "2025-06-01", readng="escalatory")


def test_a_result_saved_without_strikes_assumed_is_told_how_to_read_it() -> None:
    """A result's JSON saved before its `strikes_assumed` key had nothing saying whether its strikes were the
    reading's assumption: the key's description says a result without it assumes them exactly when its `reading` is
    "escalatory", which is what the strikes rule says of every reading (`Strikes.assumed`)."""
    from foedus.engine.rules import STRIKES
    from foedus.engine.scenario import READINGS

    assert {reading: STRIKES[reading].assumed for reading in READINGS} == {r: r == "escalatory" for r in READINGS}
    doc = next(k.doc for k in keys_of(CascadeResult) if k.name == "strikes_assumed")
    assert 'a result saved before this key assumes them exactly when its `reading` is "escalatory"' in doc, doc
