"""The states a withheld leg is owed to: the engines keep one withheld record per obligor, treaty and article (the
first find's, whose gate its `reason` says), but legs of that article may be held back toward several states of the
war (SADC Art. 6 toward Tanzania and Mozambique, both attacked, with the Summit's decision read as not taken). The
record names them all (`Withheld.owed_to`), and its reason says the others, so that neither the JSON nor the text
keeps the first alone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from foedus.datarecord import replace
from foedus.engine.records import Withheld
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.engine.ledger import Found, Ledger

__all__ = ["ALSO_WITHHELD", "NAMED_MOST", "also_withheld", "hold", "owed_to_by_key", "with_others"]

ALSO_WITHHELD = "; also withheld toward "
"""What a withheld leg's reason adds, before the other states its legs are held back toward (`also_withheld`)."""

NAMED_MOST = 3
"""The other states a reason names at most, the rest counted (an escalatory war's legs toward every ally attacked:
`owed_to` lists each)."""

Key = tuple[str, str, str]


def hold(book: Ledger, key: Key, found: Found) -> None:
    """A leg a gate holds back: the first find per key kept (`Ledger.first`), and the state the leg is owed to logged
    under the key, every find's (`Ledger.held_to`, cut back with the tables when a run goes back a round)."""
    book.first(book.withheld, key, found)
    book.held_to.append((key, found[5].beneficiary))


def owed_to_by_key(held: Iterable[tuple[Key, str]]) -> dict[Key, set[str]]:
    """Each withheld key (obligor, treaty, article) and the states its withheld finds are owed to (`Ledger.held_to`,
    the engines' log of every withheld find)."""
    out: dict[Key, set[str]] = {}
    for key, toward in held:
        out.setdefault(key, set()).add(toward)
    return out


def also_withheld(others: Iterable[str], names: Mapping[str, str]) -> str:
    """The words a reason ends with for the `others` a leg is held back toward besides its first ("; also withheld
    toward Mozambique (MOZ)"), the first `NAMED_MOST` of them by name and the rest counted ("... and 27 other
    states"); nothing where none."""
    said = sorted(named_state(s, names) for s in others)
    if len(said) > NAMED_MOST:
        said = [*said[:NAMED_MOST], f"{len(said) - NAMED_MOST} other state{'s' if len(said) > NAMED_MOST + 1 else ''}"]
    return ALSO_WITHHELD + and_listed(said) if said else ""


def with_others(w: Withheld, owed: set[str] | None, names: Mapping[str, str],
                store: dict[tuple[object, ...], Any] | None = None) -> Withheld:
    """`w`, naming the states besides its `toward` that `owed` holds (`owed_to_by_key`'s entry), in its `owed_to` and
    at its reason's end; `w` itself where there are none. Kept in `store` (`foedus.engine.ledger.intern`'s, where `w`
    is kept) by `w` and the others, so that a warm run makes none again."""
    if not owed or (len(owed) == 1 and w.toward in owed):
        return w
    others = tuple(sorted(owed - {w.toward}))
    key = (with_others, id(w), others)
    if store is not None and key in store:
        return store[key][1]  # type: ignore[no-any-return]
    made = replace(w, reason=w.reason + also_withheld(others, names), also_toward=others)
    if store is not None:
        store[key] = (w, made)  # `w` kept with it: its id stays its own while the entry stands
    return made
