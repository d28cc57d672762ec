"""The place sets a treaty's scopes name, each with how sure its extent is and what is unsure about it, so that a
reader of the treaty sees the doubt where the set is used (`foedus treaties show`, its JSON and the web's treaty
panel), and the gazetteer's sets as `foedus places --sets` lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.treaty import Treaty

__all__ = ["set_line", "set_record", "set_rows", "sets_named"]


def sets_named(treaty: Treaty, gazetteer: Gazetteer) -> list[str]:
    """The ids of the place sets the treaty's scopes were written with (its provisions' territory, forces and debated
    lists, and its forms of help's), in the order they first appear: the loader put each set's places there, in the
    set's order, and the place limit reads them back the same way (`place_limit.set_runs`)."""
    from foedus.engine.rules.place_limit import set_runs

    scopes = [p.scope for p in treaty.provisions]
    scopes += [e.scope for e in (treaty.assistance.forms if treaty.assistance else []) if e.scope is not None]
    found: list[str] = []
    for scope in scopes:
        for tokens in (scope.territory, scope.forces, scope.debated):
            found += [t for t in set_runs(tokens or [], gazetteer.sets) if t in gazetteer.sets and t not in found]
    return found


def set_record(name: str, gazetteer: Gazetteer) -> dict[str, Any]:
    """One set as an answer gives it: `id`, its `places`, the `certainty` of its extent and, where not verified, its
    `doubt` (`PlaceSet.doubt`)."""
    record: dict[str, Any] = {"id": name, "places": list(gazetteer.sets[name]),
                              "certainty": gazetteer.doubted_sets.get(name, "verified")}
    if name in gazetteer.set_doubts:
        record["doubt"] = gazetteer.set_doubts[name]
    return record


def set_rows(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Every set of the gazetteer (`set_record`), by id, for `foedus places --sets`."""
    return [set_record(name, gazetteer) for name in sorted(gazetteer.sets)]


def set_line(record: dict[str, Any]) -> str:
    """A set under a treaty, on a line: "place set far-east-1960: extent unverified: <its doubt>".

    >>> set_line({"id": "s", "places": ["a"], "certainty": "verified"})
    'place set s: extent verified'
    """
    said = f"place set {record['id']}: extent {record['certainty']}"
    return f"{said}: {record['doubt']}" if "doubt" in record else said
