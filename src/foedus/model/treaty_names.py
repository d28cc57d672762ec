"""The names a reader types for a treaty instead of its id: its short name ("NATO"), the acronym or the name a short
name gives in parentheses ("SEATO" and "Manila Pact" of "Manila Pact (SEATO)") and its full name, in any case. The
one resolver of typed treaty names (`foedus.model.world.World.treaty_id`): `treaties show`, a what-if's treaty
(`--drop-treaty`, `--add-member TREATY:STATE`, the APIs) and every other lookup of a typed treaty go through it.

A name is read whatever the date: it names a treaty only where no other treaty of the world's curated set (the
bundled files and those given) carries it, so "NATO" is `nato_1949` until a second treaty file calls itself NATO too,
and then the error names both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.errors import UnknownTreatyError, shown
from foedus.model.hidden import refuse_hidden
from foedus.model.slug import fold, slugify

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["close_treaties", "named_treaty", "treaty_name_keys"]

_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)\s*")
_DASHES = re.compile("[\u2010-\u2015\u2212]")  # "Russia–DPRK 2024" is typed "Russia-DPRK 2024"


_KIND = re.compile(r"-(treaty|pact)$")  # "ANZUS Treaty" is ANZUS, "Rio Pact" the Rio Treaty


def _key(name: str) -> str:
    """The key a name is matched by: its slug, dashes as hyphens (`slugify` drops an en dash), without "the" and
    without a last word "treaty" or "pact"."""
    return _KIND.sub("", slugify(_DASHES.sub("-", name)).removeprefix("the-"))


def treaty_name_keys(treaty: Treaty) -> frozenset[str]:
    """The keys (`_key`) of the names `treaty` is found by: its name and short name, and a short name's parenthesis
    apart and without it ("Rio Treaty (TIAR)": "rio-treaty-tiar", "rio", "tiar"); the short name "EU Art.
    42(7) TEU" keeps its "(7)", which is no name of its own.

    >>> from foedus.model.world import World
    >>> sorted(treaty_name_keys(World.load(history=False).treaty("manila_1954")))
    ['manila', 'manila-pact-seato', 'seato', 'southeast-asia-collective-defense']
    """
    return _name_keys(treaty.name, treaty.short_name)


@functools.lru_cache(maxsize=4096)
def _name_keys(name: str, short_name: str | None) -> frozenset[str]:
    """`treaty_name_keys` of a treaty's two names, cached by the names themselves: a lookup reads every treaty's keys
    (slugging them was most of its time), and a treaty added, dropped or renamed in a world is simply other names."""
    names = [name]
    if short_name:
        names.append(short_name)
        inside = [m for m in _PARENTHESIS.finditer(short_name) if not m[1].isdigit()]
        if len(inside) == 1:
            names += [inside[0][1], _PARENTHESIS.sub(" ", short_name)]
    return frozenset(k for k in map(_key, names) if k)


def named_treaty(text: str, treaties: Iterable[Treaty]) -> str | None:
    """The id of the one treaty of `treaties` that `text` names (`treaty_name_keys`), or None when none does.

    Raises:
        UnknownTreatyError: several treaties carry the name (the message lists them, each with its short name), or
            the text hides a character (`foedus.model.hidden`), which the slug would drop: "NA\\u200bTO" is no name.
    """
    refuse_hidden(text, error=lambda problem: UnknownTreatyError(f"the treaty {text!r} {problem}"))
    if fold(text, keep_letters=True) != fold(text):  # a letter the slug would drop: "NATOЖ" is not NATO
        return None
    key = _key(text)
    if not key:
        return None
    found = sorted((t for t in treaties if key in treaty_name_keys(t)), key=lambda t: t.id)
    if len(found) <= 1:
        return found[0].id if found else None
    listed = "; ".join(f"{t.id} ({t.short_name or t.name})" for t in found)
    raise UnknownTreatyError(f"the treaty name {shown(text)} names {len(found)} treaties: {listed}; give its id")


def close_treaties(text: str, treaties: Iterable[Treaty], n: int = 3) -> list[str]:
    """The ids of up to `n` treaties of `treaties` one of whose names (`treaty_name_keys`) is close to `text`, the
    closest first: the suggestions for a misspelt name ("natoo": nato_1949), which the ids alone miss."""
    import difflib

    by_key: dict[str, str] = {}
    for treaty in sorted(treaties, key=lambda t: t.id):
        for key in sorted(treaty_name_keys(treaty)):
            by_key.setdefault(key, treaty.id)
    close = difflib.get_close_matches(_key(text), list(by_key), n=4 * n)
    return list(dict.fromkeys(by_key[k] for k in close))[:n]
