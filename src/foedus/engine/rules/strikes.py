"""Who strikes next: the attacks that the states joining a war bring into it, by reading."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from foedus.datarecord import dataclass
from foedus.engine.maker import maker
from foedus.engine.scenario import Attack, Reading, Severity, TargetKind

__all__ = ["STRIKES", "Strikes", "Volley", "is_war", "next_attacks", "next_volleys", "volleys_of"]

# `Attack` made without its frozen per-field setters (`foedus.engine.maker`): a cascade makes one per verdict it
# finds (`Volley.attack`), most of them on its first pass over a date's legs
_attack = maker(Attack)


@dataclass(frozen=True, slots=True)
class Strikes:
    """Which attacks the states that join bring into the war, by reading.

    legal: only states joining the attacking side strike, and only the original targets, where the
    opening attacks struck them; states that join the defence are not attacked, so they call in no
    allies of their own. escalatory: every belligerent strikes the home territory of every
    belligerent on the other side (the targets strike back from round 2 on, even if nobody joined).
    Below an armed attack there is no war: nobody strikes (`is_war`), in either reading.
    """

    defenders_strike: bool
    at_home: bool

    @property
    def assumed(self) -> bool:
        """Whether the strikes the reading brings beyond the opening attacks are its assumption, not attacks known to
        be made (every belligerent striking the other side's homes): a result says "the escalatory reading assumes
        ..." of them (`foedus.render`)."""
        return self.defenders_strike or self.at_home


STRIKES: dict[Reading, Strikes] = {
    "legal": Strikes(defenders_strike=False, at_home=False),
    "escalatory": Strikes(defenders_strike=True, at_home=True),
}


def is_war(opening: Sequence[Attack]) -> bool:
    """Whether the opening incident is a war: every opening attack an armed attack."""
    return all(a.severity == "armed-attack" for a in opening)


def next_attacks(reading: Reading, side_of: Mapping[str, str], joiners: Sequence[str],
                 opening: Sequence[Attack], home: Callable[[str], str], rnd: int) -> list[Attack]:
    """The attacks that this round's `joiners` bring into the war (the reference engine's form of `STRIKES`).

    legal: a state joining the attacking side strikes each original target where the opening attacks
    struck it. escalatory: every state on each side strikes the home territory of every state on the other.
    """
    if not is_war(opening):
        return []
    if not STRIKES[reading].at_home:
        return [Attack(state, a.victim, a.place, a.kind, rnd)
                for state in joiners if side_of[state] == "attack"
                for a in opening if side_of.get(a.victim) == "defense"]
    attack_side = sorted(s for s, side in side_of.items() if side == "attack")
    defense_side = sorted(s for s, side in side_of.items() if side == "defense")
    out = [Attack(a, d, home(d), "territory", rnd) for a in attack_side for d in defense_side]
    return out + [Attack(d, a, home(a), "territory", rnd) for a in attack_side for d in defense_side]


@dataclass(slots=True, eq=False)
class Volley:
    """The attacks of one round on one victim, at one place, that differ only by attacker.

    `attackers` are in the order the round makes the attacks (`next_attacks`' order); `positions` (or, for the
    escalatory reading's home strikes, `block` with the attacker and victim) place each attack among all the
    round's attacks, so that an engine that handles a volley at once can still tell which attack came first
    (`foedus.engine.ledger.order_of`); `members` are the attackers as a set. Never changed once made (not frozen
    only because a cascade makes hundreds, and a frozen record is slower to make); compared by identity.
    """

    victim: str
    place: str
    kind: TargetKind
    severity: Severity
    attackers: tuple[str, ...]
    positions: tuple[int, ...] = ()  # explicit positions in the round (block < 0)
    block: int = -1  # escalatory home strikes: 0 attack side strikes, 1 defence side strikes
    members: frozenset[str] = frozenset()

    def attack(self, i: int) -> Attack:
        """Attack i as an `Attack`."""
        return _attack(self.attackers[i], self.victim, self.place, self.kind, 0, self.severity)  # round: the default


def volleys_of(attacks: Sequence[Attack]) -> list[Volley]:
    """A round's attacks, in order, grouped into volleys."""
    groups: dict[tuple[str, str, str, str], tuple[list[str], list[int]]] = {}
    for i, a in enumerate(attacks):
        who, where = groups.setdefault((a.victim, a.place, a.kind, a.severity), ([], []))
        who.append(a.attacker)
        where.append(i)
    return [Volley(v, p, k, s, tuple(who), tuple(where), -1, frozenset(who))  # type: ignore[arg-type]
            for (v, p, k, s), (who, where) in groups.items()]


def next_volleys(reading: Reading, side_of: Mapping[str, str], joiners: Sequence[str],
                 opening: Sequence[Attack], home: Callable[[str], str], rnd: int,
                 seen: Collection[Attack], camps: tuple[Sequence[str], Sequence[str]] | None = None) -> list[Volley]:
    """`next_attacks` less the attacks already made (`seen`), as volleys, making only the new ones (`camps`: the
    attacking and the defending side's states, sorted, when the caller keeps them).

    In the escalatory reading every state strikes every enemy at home, so the attacks not made before are
    those of the pairs with a state that joined this round (`joiners`), or every pair after round 1;
    `seen` then only needs the opening attacks.
    """
    if not is_war(opening):
        return []
    if not STRIKES[reading].at_home:
        return volleys_of([a for a in next_attacks(reading, side_of, joiners, opening, home, rnd) if a not in seen])
    new = set(joiners)
    struck = {a.victim for a in seen}
    made = {(a.attacker, a.victim, a.place, a.kind, a.severity) for a in seen}  # as `Attack`s compare
    if camps is None:
        camps = (sorted(s for s, side in side_of.items() if side == "attack"),
                 sorted(s for s, side in side_of.items() if side == "defense"))
    attack_side, defense_side = tuple(camps[0]), tuple(camps[1])
    out: list[Volley] = []
    for block, victims, strikers in ((0, defense_side, attack_side), (1, attack_side, defense_side)):
        every = (strikers, frozenset(strikers))
        fresh = tuple(sorted(new.intersection(strikers)))  # in the strikers' (sorted) order
        recent = every if rnd == 1 else (fresh, frozenset(fresh))
        for victim in victims if rnd == 1 or fresh else sorted(new.intersection(victims)):  # only those struck
            who, members = every if rnd == 1 or victim in new else recent
            if not who:
                continue
            place = home(victim)
            if victim in struck:
                who = tuple([s for s in who if (s, victim, place, "territory", "armed-attack") not in made])
                members = frozenset(who)
            if who:
                # every field given in order: a class called with keywords passes them in a dict (twice the cost)
                out.append(Volley(victim, place, "territory", "armed-attack", who, (), block, members))
    return out
