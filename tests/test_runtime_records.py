"""Runtime records (`foedus.model.records`): the schema's models without pydantic, for the console's one-cascade
route. They hold what the models hold, follow the same rules, and every cascade on them equals the cascade on the
models, byte for byte, in a process that never imports pydantic."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from foedus.model import place_decoders, record_decoders, records
from foedus.model.plain import to_plain
from foedus.model.world import World

TESTS = Path(__file__).resolve().parent


def _same(model: Any, record: Any, where: str) -> None:
    """`record` holds `model`'s values, field by field, with records where the model has models."""
    if isinstance(model, BaseModel):
        assert type(record).__name__ == type(model).__name__ and isinstance(record, records.Record), where
        assert record.model_fields_set == model.model_fields_set, where
        assert list(vars(record)) == list(type(model).model_fields), where
        for name in type(model).model_fields:
            _same(getattr(model, name), getattr(record, name), f"{where}.{name}")
    elif isinstance(model, list):
        assert isinstance(record, list) and len(record) == len(model), where
        for i, (m, r) in enumerate(zip(model, record, strict=True)):
            _same(m, r, f"{where}[{i}]")
    else:
        assert type(record) is type(model) and record == model, where
        if isinstance(model, enum.Enum):
            assert record is model, where


def test_the_record_schema_is_the_models() -> None:
    from foedus.model.records_gen import generate, render

    for path, text in render(generate()).items():
        assert path.read_text(encoding="utf-8") == text, "the schema changed: run `python -m foedus.model.records_gen`"


def test_records_hold_what_the_models_hold(world: World) -> None:
    """Every bundled treaty, region and place (and, with the research data, every ATOP alliance in force in
    1914 and 1990): defaults, nested models, dates, enums and the fields a file sets."""
    treaties = list(world.treaties.values())
    if world.has_history:
        treaties += [t for day in (dt.date(1914, 8, 1), dt.date(1990, 6, 1)) for t in world.treaties.on(day)
                     if t.origin == "atop"]
    assert len(treaties) > 60
    for t in treaties:
        _same(t, record_decoders.treaty(to_plain(t)), t.id)
    for r in world.places.regions.values():
        _same(r, place_decoders.region(to_plain(r)), r.id)
    for p in world.places.places.values():
        _same(p, place_decoders.place(to_plain(p)), p.id)


def test_records_follow_the_models_rules(world: World) -> None:
    """Treaty dates, spans, a place as held on a day and under each reading, copies, equality and freezing."""
    days = [dt.date(y, m, 1) for y in (1815, 1949, 1991, 2014, 2022, 2024, 2025, 2026) for m in (1, 7)]
    for t in world.treaties.values():
        r = record_decoders.treaty(to_plain(t))
        for day in days:
            for basis in ("in-force", "signed"):
                assert r.in_effect(day, basis) == t.in_effect(day, basis), (t.id, day)  # type: ignore[arg-type]
        for m, rm in zip(t.members, r.members, strict=True):
            for span, rspan in zip(m.suspended + m.frozen, rm.suspended + rm.frozen, strict=True):
                assert [rspan.covers(d) for d in days] == [span.covers(d) for d in days]
    dated = [p for p in world.places.places.values() if p.history]
    assert dated
    for p in world.places.places.values():
        r = place_decoders.place(to_plain(p))
        for view in ("recognized", "claimant"):
            assert r.holders(view) == p.holders(view)  # type: ignore[arg-type]
        for day in [*days, *(h.start for h in p.history if h.start)]:
            _same(p.on(day), r.on(day), f"{p.id} on {day}")
    r = place_decoders.place(to_plain(dated[0]))
    copy = r.model_copy(update={"note": "x"})
    assert copy.note == "x" and r.note != "x" and "note" in copy.model_fields_set
    assert copy == r.model_copy(update={"note": "x"}) and copy != r
    assert r == place_decoders.place(to_plain(dated[0]))
    with pytest.raises(AttributeError, match="frozen"):
        r.note = "y"  # type: ignore[misc]
    import copy
    import pickle

    for twin in (copy.copy(r), copy.deepcopy(r), pickle.loads(pickle.dumps(r))):
        assert twin == r and twin.model_fields_set == r.model_fields_set and type(twin) is type(r)
    region = place_decoders.region({"id": "europe", "name": "Europe"})
    assert hash(region) == hash(place_decoders.region({"id": "europe", "name": "Europe"}))
    with pytest.raises(KeyError, match="name"):
        place_decoders.region({"id": "europe"})


_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from foedus.model.records import use_records
use_records()
from foedus.engine.cascade import run_cascade
from foedus.model.world import World
from scenario_mix import random_scenarios
world = World.default()
out = [json.dumps(run_cascade(world, s).to_dict()) for s in random_scenarios(world, int(sys.argv[2]), int(sys.argv[3]))]
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core'))
print(json.dumps({"results": out, "pydantic": bad, "kind": type(next(iter(world.treaties.values()))).__module__}))
"""


@pytest.mark.needs_data
@pytest.mark.parametrize("seed", [3, 4])
def test_cascades_on_records_equal_cascades_on_models(world: World, seed: int) -> None:
    """Random scenarios (tests/test_engine_equality.py's: dates from 1816 to 2025, places and forces, both
    readings, every switch), run in a process of records that never imports pydantic: every record of every
    result, in JSON, byte for byte."""
    from foedus.engine.cascade import run_cascade
    from scenario_mix import random_scenarios

    expected = [json.dumps(run_cascade(world, s).to_dict()) for s in random_scenarios(world, seed, 40)]
    for _ in range(2):  # the second with every cache it reads warm, as a user's start is
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(TESTS), str(seed), "40"], capture_output=True,
                              text=True, env=os.environ.copy(), timeout=600)
        assert proc.returncode == 0, proc.stderr
        got = json.loads(proc.stdout)
        assert got["kind"] == "foedus.model.record_types" and got["results"] == expected
    assert got["pydantic"] == []


@pytest.mark.needs_data
def test_a_cache_miss_gives_records_too(tmp_path: Path) -> None:
    """With a cold cache, the world and ATOP's history are built and validated by the schema (pydantic, nested
    caches included), stored, and handed back as records: a process never mixes models and records."""
    code = ("import datetime as dt\nfrom foedus.model.records import use_records, Record\nuse_records()\n"
            "from foedus.model.world import World\nw = World.default()\n"
            "assert all(isinstance(p, Record) for p in w.places.places.values())\n"
            "found = list(w.treaties.on(dt.date(1990, 6, 1))) + list(w.treaties.on(dt.date(2025, 6, 1)))\n"
            "assert len({t.origin for t in found}) == 2 and all(isinstance(t, Record) for t in found)\n"
            "print('ok')")
    env = os.environ | {"FOEDUS_CACHE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
    assert list(tmp_path.glob("world-*.json")) and list(tmp_path.glob("atop-history-*.json"))


_TYPER = "import sys\nfrom foedus.cli.app import main\nsys.argv = ['foedus', *sys.argv[1:]]\nmain()"


@pytest.mark.needs_data
@pytest.mark.parametrize("line", [
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--ongoing-since",
     "2024-08-06"],
    ["cascade", "-a", "CHN", "-t", "PHL", "-d", "2025-06-01", "--place", "second-thomas-shoal", "--target-kind",
     "forces", "--json"],
    ["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood", "--json"],
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "300", "--seed", "1", "--honour",
     "empirical", "--json"],
    ["cascade", "-a", "GMY", "-t", "RUS", "-d", "1914-08-01", "--cite"],
    ["cascade", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--place", "atlantis"],
])
def test_the_console_on_records_prints_what_typer_on_models_prints(line: list[str]) -> None:
    """README lines (text and JSON, likelihood, draws, citations, an error): the console script's route (runtime
    records) and typer's (the validated models) print the same, byte for byte, and exit alike."""
    env = os.environ | {"COLUMNS": "120"}
    fast = subprocess.run([sys.executable, "-m", "foedus.cli", *line], capture_output=True, text=True, env=env,
                          timeout=300)
    typer = subprocess.run([sys.executable, "-c", _TYPER, *line], capture_output=True, text=True, env=env,
                           timeout=300)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer.returncode, typer.stdout, typer.stderr)
    assert fast.stdout or fast.returncode == 2


def test_the_cache_keeps_what_a_dated_holder_sets(world: World) -> None:
    """A dated holder that sets a field to its default (`claimants: []`, `administrator: null`) changes the place:
    the cache keeps which fields were set (`to_plain`), or a warm start would say that Russia claimed Crimea and
    Donetsk in 2010 (it did until this was mended) while a cold start did not."""
    from foedus.model.places import Place
    from foedus.model.plain import from_plain

    day = dt.date(2010, 1, 1)
    for p in world.places.places.values():
        cached = from_plain(Place, to_plain(p))
        for h, ch in zip(p.history, cached.history, strict=True):
            assert ch.changes() == h.changes(), p.id
        assert cached.on(day) == p.on(day) and place_decoders.place(to_plain(p)).on(day).holders("claimant") == \
            p.on(day).holders("claimant"), p.id
    on = {pid: world.places.places[pid].on(day) for pid in ("crimea", "donetsk-oblast")}
    assert all(p.holders("claimant") == frozenset({"UKR"}) for p in on.values())


def test_the_generator_refuses_what_records_cannot_mirror(monkeypatch: pytest.MonkeyPatch) -> None:
    """A nullable field with another default (a record decoder could not tell null from absent), two models of
    one name, a field type it has no decoder for, and an enum field's default that is not a member stop the
    generator rather than mirror them wrongly."""
    import foedus.model.records_gen as gen
    from foedus.model.facts import Span
    from foedus.model.vocab import Certainty

    class Nullable(BaseModel):
        x: int | None = 1

    class Other(BaseModel):
        start: int

    Other.__name__ = "Span"

    class Clash(BaseModel):
        a: Span
        b: Other

    class Odd(BaseModel):
        when: dt.datetime

    class Spelt(BaseModel):  # a default given as the enum's value, not its member: no code to write for it
        certainty: Certainty = "verified"  # type: ignore[assignment]

    for root, message in ((Nullable, "nullable"), (Clash, "share the name"), (Odd, "unsupported field type"),
                          (Spelt, "enum member")):
        monkeypatch.setattr(gen, "ROOTS", (root,))
        with pytest.raises(SystemExit, match=message):
            gen.generate()


def test_the_generator_refuses_a_module_over_the_limit_or_a_model_in_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated decoder module over the project's 300 lines, or a model two of them decode, stops the generator
    naming the module or the model (it wrote them, for the size test to fail afterwards)."""
    import foedus.model.records_gen as gen
    from foedus.model.places import Place, Region
    from foedus.model.treaty import Treaty

    monkeypatch.setattr(gen, "MAX_LINES", 60)
    with pytest.raises(SystemExit, match=r"^record_\w+.py would be \d+ lines, over 60"):
        gen.render(gen.generate())
    monkeypatch.setattr(gen, "MAX_LINES", 300)
    monkeypatch.setattr(gen, "DECODERS", {"record_decoders": (Treaty,), "place_decoders": (Region, Place, Treaty)})
    with pytest.raises(SystemExit, match=r"is decoded in both record_decoders and place_decoders"):
        gen.render(gen.generate())
