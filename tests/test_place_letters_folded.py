"""A place named with a Latin letter that no accent makes (ł, ø) was matched with that letter dropped: the gazetteer's
slug of 'Føroyar' was 'froyar' and of 'Suwałki' 'suwaki', so 'Foroyar', as a keyboard without ø types it, was unknown
('did you mean faroe-islands, ...'), and 'Suwałki' and 'Suwalki' were told different suggestions. The slug now writes
such a letter as such a keyboard does (`foedus.model.slug.fold`: ł is l, ø is o, ß is ss)."""

from __future__ import annotations

import pytest

from foedus.errors import UnknownPlaceError
from foedus.model.world import World


@pytest.mark.parametrize("typed", ["Foroyar", "Føroyar", "FØROYAR", "Faroes"])
def test_the_faroes_are_found_with_or_without_the_o_slash(typed: str) -> None:
    world = World.default()
    assert world.places.resolve(typed, world.states).id == "faroe-islands"


def test_suwalki_with_or_without_the_l_slash_is_told_the_same() -> None:
    world = World.default()
    told = []
    for typed in ("Suwałki", "Suwalki"):
        with pytest.raises(UnknownPlaceError) as err:
            world.places.resolve(typed, world.states)
        told.append(str(err.value).replace(repr(typed), "TYPED"))
    assert told[0] == told[1]


def test_no_alias_repeats_a_name_its_entry_already_gives() -> None:
    """A place's or area's alias that folds to the slug of its name or of another of its aliases ('Ronne' beside
    'Rønne', 'Suwalki Gap' beside the name 'Suwałki Gap') matches nothing more: the gazetteer reads names by slug.
    An alias that is only the id's slug is kept ('Gaza', 'Kashmir'): the id is a key, the alias a name people use,
    shown in `foedus places --json`."""
    from foedus.model.place_spans import spans
    from foedus.model.slug import slugify

    world = World.default()
    entries = [(p.id, p.name, p.aliases) for p in world.places.places.values() if p.kind != "home"]
    repeated = []
    for entry, name, aliases in [*entries, *((a, s.name, s.aliases) for a, s in spans().items())]:
        given = {slugify(name)}
        for alias in aliases:
            if slugify(alias) in given:
                repeated.append((entry, alias))
            given.add(slugify(alias))
    assert repeated == []
