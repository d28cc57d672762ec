"""A member a user's treaty file makes a party before its first COW spell (South Sudan, in COW from 2011-07-09, a
party from 2005) is taken to be one then: the state-system rule (`foedus.engine.rules.system.in_system`) reads only a
state that has LEFT the system as no party. `foedus treaties validate` says so as a note on stderr, not a refusal
(`foedus.model.first_spell`); a member in the system when it becomes a party, or a file of the bundled set, says
nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.engine.rules.system import in_system
from foedus.model.world import World
from samples import cli_line

pytestmark = pytest.mark.needs_data  # the state system's dates are COW's

SAID = ("note: t_ssd: members[1].state: South Sudan (SSD) is a party from 2005-01-09, before its first day in the "
        "state system (2011-07-09; a member 2011-07-09–(open)); the state-system rule takes it to be one then (only a "
        "state that has left the system is no party)")


def _pact(tmp_path: Path, day: str) -> Path:
    path = tmp_path / "t_ssd.yaml"
    path.write_text(f"id: t_ssd\nname: S\ntype: bilateral\nsigned: {day}\nin_force: {day}\n"
                    "sources: [{url: 'https://example.org/s'}]\nmembers: [{state: SDN}, {state: SSD}]\n"
                    "provisions: [{kind: defense, article: '1', strength: S2}]\n", encoding="utf-8")
    return path


def test_a_member_made_a_party_before_its_first_spell_is_noted_not_refused(tmp_path: Path) -> None:
    assert in_system(World.default().states, "SSD", dt.date(2005, 1, 9))  # the rule takes it to be one
    code, out, err = cli_line(["treaties", "validate", str(_pact(tmp_path, "2005-01-09"))])
    assert code == 0, err
    assert out == "ok  t_ssd\n1 treaty file valid\n"
    assert err.splitlines() == [SAID]


def test_a_member_in_the_system_when_it_becomes_a_party_is_not_noted(tmp_path: Path) -> None:
    code, _, err = cli_line(["treaties", "validate", str(_pact(tmp_path, "2012-01-09"))])
    assert code == 0 and "note:" not in err, err


def test_a_cascade_on_a_users_file_says_the_note_once_on_a_day_it_reads_the_party_so(tmp_path: Path) -> None:
    """`foedus cascade --treaties` took South Sudan to be a party in 2008 without a word: the cascade's notes now say
    it once, in `treaties validate`'s words (one function), where the scenario reads a day before its first spell;
    from 2011-07-09 it is a member and nothing is said."""
    import json

    pact = str(_pact(tmp_path, "2005-01-09"))
    for day, said in (("2008-01-01", [SAID.removeprefix("note: ")]), ("2015-01-01", [])):
        code, out, err = cli_line(["cascade", "-a", "ETH", "-t", "SDN", "-d", day, "--treaties", pact, "--json"])
        assert code == 0, err
        assert [n for n in json.loads(out)["notes"] if "first day in the state system" in n] == said, day
