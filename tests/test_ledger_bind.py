"""`Ledger.bind` keeps a round's first find per key in the attack-by-attack engine's order (`order_of`); of the
escalatory reading's home strikes, a find from a later volley of the round that cannot come first is passed over
without comparing orders."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from foedus.engine import ledger as ledger_module
from foedus.engine.ledger import Found, Ledger
from foedus.engine.rules import Volley

KEY = ("FRA", "nato", "5", "defense")
LEG: Any = SimpleNamespace(obligor="FRA")


def _home(victim: str, attackers: tuple[str, ...], block: int) -> Volley:
    return Volley(victim, f"{victim}-home", "territory", "armed-attack", attackers, block=block,
                  members=frozenset(attackers))


def _find(vol: Volley, i: int, rnd: int = 2) -> Found:
    return (rnd, vol, i, 4, 0, LEG, "defense")


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[Found]:
    seen: list[Found] = []
    real = ledger_module.order_of

    def order_of(found: Found) -> tuple[object, int, int]:
        seen.append(found)
        return real(found)

    monkeypatch.setattr(ledger_module, "order_of", order_of)
    return seen


@pytest.mark.parametrize("block, later_attacker", [(0, "RUS"), (0, "BLR"), (1, "BLR")])
def test_a_later_volleys_find_that_cannot_come_first_is_passed_over(monkeypatch: pytest.MonkeyPatch, block: int,
                                                                     later_attacker: str) -> None:
    """Block 0 orders by attacker then victim, block 1 by victim then attacker; volleys come victim by victim."""
    book = Ledger(rnd=2)
    held = _find(_home("EST", ("BLR",), block), 0)
    book.bind(KEY, held)
    seen = _counted(monkeypatch)
    book.bind(KEY, _find(_home("LVA", (later_attacker,), block), 0))
    assert book.bound[KEY] is held and book.joins["FRA"] == [held]
    assert seen == []


def test_a_later_volleys_find_that_comes_first_replaces_the_held_one() -> None:
    """Block 0: an attack on a later victim by an earlier attacker comes first (the attacker is the first key)."""
    book = Ledger(rnd=2)
    held = _find(_home("EST", ("RUS",), 0), 0)
    book.bind(KEY, held)
    first = _find(_home("LVA", ("BLR", "RUS"), 0), 0)
    book.bind(KEY, first)
    assert book.bound[KEY] is first and book.joins["FRA"] == [first]


def test_finds_of_one_volley_and_of_earlier_rounds() -> None:
    """Within a volley the orders are compared; a find of an earlier round is kept."""
    book = Ledger(rnd=2)
    vol = _home("EST", ("BLR", "RUS"), 0)
    held = _find(vol, 1)
    book.bind(KEY, held)
    book.bind(KEY, _find(vol, 0))
    assert book.bound[KEY][2] == 0
    earlier = Ledger(rnd=3, bound={KEY: _find(vol, 1, rnd=2)})
    earlier.bind(KEY, _find(vol, 0, rnd=3))
    assert earlier.bound[KEY][0] == 2 and earlier.joins == {}
