"""A state excluded at side level that stays out by precedence (`foedus.engine.rules.precedence.stays_out`): whether
it does, and its obligations to the side it is bound to, set aside by the priority clause and reported as withheld.
The reference engine and its legacy copy both call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.engine.held_toward import merged
from foedus.engine.records import Obligation, Withheld
from foedus.engine.rules import precedence
from foedus.engine.set_aside import withheld_by
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["stays", "yielded"]

_OTHER = {"attack": "defense", "defense": "attack"}


def stays(bars: precedence.Bars, state: str, sides: set[str], duties: Iterable[tuple[str, str]],
          side_of: Mapping[str, str]) -> bool:
    """Whether `state`, bound to (or fighting for) `sides` and owing neutrality under `duties` ((beneficiary, treaty
    id) pairs), stays out by precedence rather than being a conflict (`precedence.stays_out`)."""
    near: set[str | None] = set()
    plain: set[str | None] = set()
    for beneficiary, treaty in duties:
        side = side_of.get(beneficiary)
        near.add(side)
        if not precedence.prevails(bars, state, beneficiary, treaty):
            plain.add(side)
    attack, defense = "attack" in sides, "defense" in sides
    return precedence.stays_out(attack, defense, "defense" in near, "attack" in near, "defense" in plain,
                                "attack" in plain)


def yielded(out: dict[tuple[str, str, str], Withheld], prevailing: Mapping[str, Treaty],
            obligations: Iterable[Obligation], side: str, side_of: Mapping[str, str], names: Mapping[str, str],
            more: Iterable[Obligation] = ()) -> None:
    """Note in `out` (the first per obligor, treaty and article) each obligation to `side` that the prevailing duty
    (`prevailing`: the obligor's, by protected state) to the first protected state on the other side sets aside: its
    reason says how joining `side` would mean fighting that state. `more`: the binding finds of the same keys that
    the first stands for (`Ledger.passed`), merged into its record as a gate's withheld legs are
    (`held_toward.merged`: the states each is owed to, and their facts)."""
    enemy = _OTHER[side]
    spared = min(p for p in prevailing if side_of.get(p) == enemy)
    found: dict[tuple[str, str, str], list[Withheld]] = {}
    for ob in obligations:
        key = (ob.state, ob.treaty, ob.article)
        if key not in out and key not in found:
            found[key] = [_set_aside(key, ob, spared, prevailing, names)]
    for ob in more:
        key = (ob.state, ob.treaty, ob.article)
        if key in found:
            found[key].append(_set_aside(key, ob, spared, prevailing, names))
    for key, held in found.items():
        out[key] = merged(held[0], held[1:], names)


def _set_aside(key: tuple[str, str, str], ob: Obligation, spared: str, prevailing: Mapping[str, Treaty],
               names: Mapping[str, str]) -> Withheld:
    """The obligation `ob` set aside by the prevailing duty to `spared`, as its withheld record."""
    return withheld_by(key, spared, prevailing[spared], ob.certainty, ob.certainty_reasons, names,
                       _fighting(ob, spared, names), toward=_owed(ob))


def _owed(ob: Obligation) -> str:
    """The state the obligation `ob` is owed to: the one attacked for a defence duty, the attacker for an offence."""
    return ob.because.attacked if ob.kind == "defense" else ob.because.by


def _fighting(ob: Obligation, spared: str, names: Mapping[str, str]) -> str:
    """How the obligation `ob` would mean fighting `spared` (on the other side) though it is no duty to fight it."""
    attacked, by = named_state(ob.because.attacked, names), named_state(ob.because.by, names)
    joining = f"the defence of {attacked} against {by}" if ob.kind == "defense" else f"{by}'s attack on {attacked}"
    return f"joining {joining} would mean fighting {named_state(spared, names)}"
