"""Legs that read alike bind alike (`foedus.engine.rules.alike`): a treaty that repeats clauses in force (another
id, article, summary, source, certainty) changes no deterministic engine's answer, and the doubt test
(`foedus.engine.doubt_reach.alike`) skips the second cascade for such a hypothesis on that ground, so the reading must
keep every field a rule reads: a new field of `Provision` is read unless `UNREAD` names it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from foedus.engine.doubt_reach import alike
from foedus.engine.rules.alike import UNREAD, reading, readings
from foedus.engine.scenario import Reading
from foedus.engine.table import compile_table
from foedus.model.treaty import Provision
from foedus.model.world import World
from test_neutrality_rule_engines import DAY, _every_engine
from test_rules import defense, make_world, treaty

OFFENCE = {"kind": "offense", "article": "2", "strength": "S1"}
NEUTRAL = {"kind": "neutrality", "article": "3", "strength": "S4"}
CITED = {"article": "9", "summary": "the same duty, cited otherwise", "certainty": "unverified",
         "source": "https://example.org/elsewhere", "note": "a twin", "doubt": "its wording is not known",
         "gates_certainty": "secondary", "valid": {"start": "2000-06-01"}}


def _treaties(twin: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """RUS and PRK attack together, BLR defends EST, KOR owes CHN neutrality (and CHN KOR); `twin`, if given, is a
    treaty among BLR and EST repeating the defence clause with what it overrides."""
    out = [treaty("axis", ["RUS", "PRK"], OFFENCE), treaty("guard", ["EST", "BLR"], defense()),
           treaty("truce", ["KOR", "CHN"], NEUTRAL), treaty("shield", ["KOR", "BLR"], defense())]
    return out if twin is None else [*out, treaty("aaa_twin", ["EST", "BLR"], defense() | twin)]


@pytest.mark.parametrize("reading_", ["legal", "escalatory"])
def test_a_clause_repeated_under_another_citation_changes_no_engine(world: World, reading_: Reading) -> None:
    """Every engine (`_every_engine`: the reference, batched, Monte Carlo with certain honour and batched atlas)
    gives every dyad the same sides, rounds and conflicts with the twin as without it; the twin's id sorts first, so
    its legs come first in the table's order."""
    assert _every_engine(make_world(world, *_treaties(CITED)), reading_) == _every_engine(
        make_world(world, *_treaties()), reading_)


def test_a_repeated_clause_reads_alike_and_a_changed_one_does_not(world: World) -> None:
    """The table with the twin reads as the one without (`doubt_reach.alike`); a twin that differs in what a rule
    reads (help only if asked), or whose leg the treaty suspends, does not."""
    without = compile_table(make_world(world, *_treaties()), DAY)
    assert alike(without, compile_table(make_world(world, *_treaties(CITED)), DAY), "aaa_twin")
    asked = compile_table(make_world(world, *_treaties(CITED | {"request_gated": True})), DAY)
    assert not alike(without, asked, "aaa_twin")
    off = {"suspensions": [{"obligor": "BLR", "beneficiary": "EST", "span": {"start": "2001-01-01"}}]}
    assert not alike(without, compile_table(make_world(world, *_treaties(CITED | off)), DAY), "aaa_twin")


# a value other than `defense()`'s for each field a rule reads
CHANGED: dict[str, Any] = {
    "kind": "offense", "strength": "S1", "trigger": "armed_attack_state_of_war",
    "scope": {"territory": ["EST"]}, "adversary": {"type": "named", "states": ["RUS"]}, "non_provocation": True,
    "request_gated": True, "needs_decision": "a council's vote", "non_military": "a neutral's carve-out",
    "unresolved": ["location"],
    "when_partner_attacks": True,
}


def test_every_field_but_the_unread_is_in_the_reading(world: World) -> None:
    """Each field of `Provision` is either named in `UNREAD` or changes the reading when changed (so a field added
    later is read until someone says it need not be)."""
    assert Provision.model_fields.keys() >= UNREAD
    assert Provision.model_fields.keys() - UNREAD == CHANGED.keys()
    legs = compile_table(make_world(world, *_treaties()), DAY).all_legs()
    leg = next(x for x in legs if x.treaty.id == "guard" and x.obligor == "BLR")
    for name, value in CHANGED.items():
        other = Provision.model_validate(leg.provision.model_dump(mode="json") | {name: value})
        assert reading(leg) != reading(leg.__class__(**{**_fields(leg), "provision": other})), name
    cited = Provision.model_validate(leg.provision.model_dump(mode="json") | CITED)
    assert readings([leg]) == readings([leg.__class__(**{**_fields(leg), "provision": cited})])


def _fields(leg: Any) -> dict[str, Any]:
    return {name: getattr(leg, name) for name in leg.__slots__ if not name.startswith("_")}


def test_the_same_leg_from_another_day_reads_alike(world: World) -> None:
    """A reading names no date: the guard's leg on two days reads the same."""
    built = make_world(world, *_treaties())
    first = compile_table(built, DAY).all_legs()
    later = compile_table(built, DAY + dt.timedelta(days=400)).all_legs()
    assert readings(first) == readings(later)


_RECORDS = """
from foedus.model.records import use_records
use_records()
import datetime as dt
from foedus.engine import doubt_reach
from foedus.engine.assumption import Assumption
from foedus.engine.scenario import build_scenario
from foedus.engine.table import leg_table
from foedus.model.world import World
world = World.default()
scenario = build_scenario(world, attacker="ERI", target="DJI", date=dt.date(2025, 9, 1), reading="escalatory")
table = doubt_reach._assumed(world, scenario, Assumption("fra_dji_2024", "in force"))
print(doubt_reach.alike(leg_table(world, scenario.date), table, "fra_dji_2024"),
      type(world.treaty("fra_dji_2024")).__module__)
"""


def test_the_runtime_records_read_alike_too() -> None:
    """The CLI's process holds runtime records, not schema models (`foedus.model.records`): France-Djibouti 2024's
    table reads as the date's there too (a reading made of `model_dump` crashed there)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _RECORDS], capture_output=True, text=True, check=True, timeout=300)
    assert done.stdout.split() == ["True", "foedus.model.record_types"]
