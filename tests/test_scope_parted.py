"""A list of scope tokens read at once (`foedus.engine.rules.tokens.any_matches`, what a form of help's place limit
reads against each attack of the war) says what reading each token alone (`token_matches`) says: for every scope of
the bundled treaties and a list of every kind of token, at every place of the gazetteer, for its holders and another
victim. The consultations a place limit cuts (`consult_limit.unreached_consultations`, which groups only the attacks
on victims owed a limited clause) are those each victim's attacks alone cut."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

import foedus
import foedus.engine.outcome as outcome
from foedus.engine.rules.consult_limit import unreached_consultations
from foedus.engine.rules.tokens import any_matches, parted, token_matches
from foedus.model.world import World

DAY = dt.date(2025, 6, 1)
# every kind of token `token_matches` reads, with names of regions and places among them
EVERY_KIND = ("japan", "europe", "home", "overseas", "administered-by:GBR|USA", "administered-by-party", "victim:JPN",
              "place:black-sea", "europe+home", "pacific-area+administered-by:USA")


def _scopes(world: World) -> Iterator[tuple[str, ...]]:
    """Each token list of the bundled treaties' clauses and forms of help (territory, forces and debated)."""
    for treaty in world.treaties.curated.values():
        scopes = [p.scope for p in treaty.provisions]
        scopes += [e.scope for e in (treaty.assistance.forms if treaty.assistance else []) if e.scope is not None]
        for scope in scopes:
            for tokens in (scope.territory, scope.forces, scope.debated):
                if tokens:
                    yield tuple(tokens)


def test_a_list_read_at_once_says_what_its_tokens_say_one_by_one(world: World) -> None:
    lists = {*_scopes(world), EVERY_KIND, *((t,) for t in EVERY_KIND)}
    assert any(len(tokens) > 5 for tokens in lists)  # the far-east-1960 limit, compiled to its places
    places, parties = world.places.on(DAY), ("GBR", "USA")
    seen = {True: 0, False: 0}
    for place in places.values():
        for victim in {place.sovereign or "USA", place.administrator or "USA", "JPN"}:
            for tokens in lists:
                one_by_one = any(token_matches(t, place, victim, parties) for t in tokens)
                assert any_matches(parted(tokens), place, victim, parties) == one_by_one, (tokens, place.id, victim)
                seen[one_by_one] += 1
    assert seen[True] > 100 and seen[False] > 100


def test_names_of_places_and_regions_are_parted_from_the_other_tokens() -> None:
    names, others = parted(EVERY_KIND)
    assert names == {"japan", "europe"}
    assert others == EVERY_KIND[2:]


def test_the_consultations_a_war_cuts_are_those_each_victims_attacks_cut(world: World,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Luxembourg attacking Tunisia in the escalatory reading strikes Britain and the US among many: the Manila
    Pact's and US–Japan Art. IV's consultations are cut on both, read for each victim from its own attacks."""
    asked: list[tuple[Any, ...]] = []

    def kept(*args: Any) -> Any:
        asked.append(args)
        return unreached_consultations(*args)

    monkeypatch.setattr(outcome, "unreached_consultations", kept)
    cut = foedus.cascade("LUX", "TUN", "2025-06-01", world=world, reading="escalatory").unreached_consultations
    (owed, struck, places, busy, *rest), = asked
    assert len({u.with_ for u in cut}) > 1 and len({v.victim for v in struck}) > 10
    alone = [u for victim in dict.fromkeys(v.victim for v in struck)
             for u in unreached_consultations(owed, [v for v in struck if v.victim == victim], places, busy, *rest)]
    assert list(cut) == sorted(alone, key=lambda u: (u.with_, u.state, u.treaty, u.article))
