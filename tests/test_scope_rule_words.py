"""Which scope an attack is read against (its territory's, or its forces') has one form, `rules.where.scope_of`: the
trigger (`in_scope`) reads it, and so do the words a binding leg's conditions say of its scope
(`rules.verdict.conditions`) and why an attack missed it (`foedus.engine.unmoved`), so that a change to the rule there
changes what is bound and what is said of it alike (the words used to pick the scope themselves)."""

from __future__ import annotations

import pytest

from foedus.api import cascade
from foedus.engine.rules import where
from foedus.engine.unmoved import why_unmoved
from foedus.model.treaty import Provision
from foedus.model.world import World
from test_rules import defense, make_world, treaty


def _said(world: World) -> tuple[tuple[str, ...], str]:
    """FIN defends EST's home territory (its forces anywhere): the conditions FIN joins on when EST's forces are struck
    in Estonia, and why it does not join when they are struck on Gotland, where it joins under the rule."""
    w = make_world(world, treaty("pact", ["EST", "FIN"], defense(scope={"territory": ["home"]})))
    home = cascade("RUS", "EST", "2020-06-01", world=w, place="estonia", target_kind="forces")
    away = cascade("RUS", "EST", "2020-06-01", world=w, place="gotland", target_kind="forces")
    joiner = home.joiner("FIN")
    assert joiner is not None
    return joiner.primary.conditions, why_unmoved(w, away, "pact", "FIN")


def test_the_words_read_the_scope_where_the_rule_is(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    conditions, why = _said(world)
    # forces anywhere: no scope said
    assert conditions == () and "is bound to join the defense side by this clause" in why

    def territory_only(provision: Provision, kind: str) -> list[str] | None:  # a changed rule
        return provision.scope.territory

    monkeypatch.setattr(where, "scope_of", territory_only)
    conditions, why = _said(world)
    assert conditions == ("Estonia is within the scope of art. 1",)  # by its name
    assert why.endswith("binds only for an attack in its scope (forces: home); the attack on Estonia (EST) at "
                        "Gotland is outside it")  # the place by its name


@pytest.mark.parametrize(("attacker", "victim", "place", "joiner", "said"), [
    ("CHN", "PHL", "second-thomas-shoal", "USA", "Second Thomas Shoal is within the scope of art. V"),  # not IV
    ("RUS", "EST", "estonia", "DEU", "Estonia is within the scope of art. 6"),  # NATO's area: Art. 6, not 5
])
def test_the_scope_line_cites_the_article_that_defines_the_area(world: World, attacker: str, victim: str, place: str,
                                                                joiner: str, said: str) -> None:
    """usa_phl_1951's duty is Art. IV, its area Art. V: the line cited Art. IV (`Scope.article`)."""
    found = cascade(attacker, victim, "2025-01-15", world=world, place=place, target_kind="forces").joiner(joiner)
    assert found is not None and said in found.primary.conditions
