"""The conflict rule has one form, the rule's (`foedus.engine.rules.conflict.conflicted`): the reference engine
decides state by state with it, and the vectorised engines (rounds, packed rounds in numpy and compiled, the escalatory
shortcut) evaluate its compiled form, so that changing the rule there changes what every engine does alike (each used
to code the rule itself)."""

from __future__ import annotations

import pytest

from foedus.engine.rules import conflict
from foedus.engine.scenario import Reading
from foedus.errors import RuleError
from foedus.model.world import World
from test_neutrality_rule_engines import _every_engine, _neutral_world


def _both_sides_only(attack: bool, defense: bool, barred_attack: bool, barred_defense: bool) -> bool:
    """A changed rule: only a state bound to both sides is conflicted; a duty to stay neutral bars nothing."""
    return attack & defense


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("jit", ["0", "1"])
def test_every_engine_reads_the_conflict_rule(world: World, monkeypatch: pytest.MonkeyPatch, reading: Reading,
                                              jit: str) -> None:
    """PRK owes CHN neutrality also when CHN attacks, and defends KOR: under the rule, CHN's attack on KOR binds it to
    join and to stay neutral, a conflict; under the changed rule it joins the defence, in every engine."""
    monkeypatch.setenv("FOEDUS_JIT", jit)
    before = _every_engine(_neutral_world(world), reading)
    assert "PRK" in before["CHN", "KOR"].conflicts
    monkeypatch.setattr(conflict, "conflicted", _both_sides_only)
    changed = _every_engine(_neutral_world(world), reading)
    assert changed["CHN", "KOR"].sides.get("PRK") == "defense"
    assert not changed["CHN", "KOR"].conflicts
    assert changed != before


def test_a_rule_the_engines_cannot_compile_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule under which a state bound both ways is not conflicted has no side for it to join: refused."""
    monkeypatch.setattr(conflict, "conflicted", lambda a, d, ba, bd: a & ba)
    with pytest.raises(RuleError, match="bound both ways"):
        conflict.compiled()
