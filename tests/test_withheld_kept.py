"""A withheld key's kept find (`held_toward._kept`, whose record the merged record's reason starts from) is the one
`Ledger.first` keeps: the first, in the attack-by-attack engine's order (`order_of`), of the first round's finds,
the first of them where several come alike. The finds come as a run logs them, volley by volley in the round's
order (the escalatory home strikes: block 0, then block 1, one volley per victim, victims sorted), where a find of a
later volley that cannot come first is passed over as `Ledger.bind` passes it over."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest

from foedus.engine.held_toward import _kept
from foedus.engine.ledger import Found, order_of
from foedus.engine.rules import Volley

LEG: Any = SimpleNamespace(obligor="AUT")
STATES = ("AUS", "CAN", "CHN", "DEU", "FRA", "JPN", "KOR", "PRK", "RUS", "USA")


def _round(rng: random.Random, escalatory: bool) -> list[Volley]:
    """A round's volleys in its order: the legal reading's, each attack placed (`positions`); the escalatory home
    strikes' blocks, one volley per victim, victims sorted."""
    vols = []
    for block in (0, 1) if escalatory else (-1,):
        for victim in sorted(rng.sample(STATES, rng.randint(1, 5))):
            attackers = tuple(rng.sample([s for s in STATES if s != victim], rng.randint(1, 3)))
            positions = tuple(rng.sample(range(30), len(attackers))) if block < 0 else ()
            vols.append(Volley(victim, "home", "territory", "armed-attack", attackers, positions, block,
                               frozenset(attackers)))
    return vols


def _finds(rng: random.Random, escalatory: bool, rounds: tuple[int, ...]) -> list[Found]:
    """A key's finds as a run logs them: round by round, volley by volley, some attacks of each volley found."""
    out: list[Found] = []
    for rnd in rounds:
        for vol in _round(rng, escalatory):
            for _ in range(rng.choice((0, 0, 1, 2))):
                out.append((rnd, vol, rng.randrange(len(vol.attackers)), rng.choice((2, 4, 5)), rng.randint(0, 2),
                            LEG, "non_military"))
    return out


def _expected(finds: list[Found]) -> int:
    """`Ledger.first`'s rule, written out: the least `order_of` of the first find's round, the first of equals."""
    orders = [order_of(f) for f in finds if f[0] == finds[0][0]]
    return orders.index(min(orders))


@pytest.mark.parametrize("escalatory, rounds", [(False, (1,)), (True, (2,)), (False, (1, 2)), (True, (2, 3))])
def test_the_kept_find_is_the_first_in_the_attack_by_attack_order(escalatory: bool, rounds: tuple[int, ...]) -> None:
    """Of a key's finds of either reading over one round or two, the kept one is `Ledger.first`'s, often a later
    one in the log."""
    rng = random.Random(f"{escalatory}{rounds}")
    later = tried = 0
    while tried < 400:
        finds = _finds(rng, escalatory, rounds)
        if len(finds) < 2:
            continue
        tried += 1
        expected = _expected(finds)
        assert _kept(finds) == expected, finds
        later += expected > 0
    assert later > 100  # the kept find is often not the log's first: the rule is tested, not the log's order


def test_the_eu_neutrals_held_back_toward_each_victim_keep_the_least_attacker() -> None:
    """Home strikes of block 0 on sorted victims, one volley each (an escalatory war's EU neutrals' legs): the kept
    find is the one whose attacker comes first, not the log's first."""
    vols = [Volley(v, "home", "territory", "armed-attack", (a,), (), 0, frozenset({a}))
            for v, a in (("AUS", "RUS"), ("CAN", "CHN"), ("DEU", "PRK"), ("FRA", "CHN"))]
    finds: list[Found] = [(2, vol, 0, 4, 0, LEG, "non_military") for vol in vols]
    assert _kept(finds) == 1
