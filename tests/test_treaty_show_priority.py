"""`foedus treaties show` names a treaty's priority clause, the fact the precedence rule
(`foedus.engine.rules.precedence`) acts on, with its article and how sure it is: the table showed the peace
treaties' neutrality and non-aggression clauses but not why they set the parties' other duties aside."""

from __future__ import annotations

import pytest

from foedus.model.world import World


@pytest.mark.parametrize(("treaty", "said"), [
    ("egy_isr_1979", "priority: art. VI(5) (verified): in a conflict its obligations prevail"),
    ("jor_isr_1994", "priority: art. 25 (unverified): in a conflict its obligations prevail"),
])
def test_the_priority_clause_is_shown(world: World, treaty: str, said: str, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, treaty, as_json=False)
    out = capsys.readouterr().out
    assert said in out and world.treaty(treaty).priority is not None
    assert f"(source: {world.treaty(treaty).priority.source})" in out  # type: ignore[union-attr]


def test_a_treaty_without_one_says_nothing_of_it(world: World, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(world, "nato_1949", as_json=False)
    assert "priority:" not in capsys.readouterr().out
