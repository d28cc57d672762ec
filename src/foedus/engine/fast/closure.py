"""The escalatory reading's shortcut for dyads whose war has no conflict: two transitive closures.

After round 1 every belligerent strikes every enemy at home, so a state joins the defence as soon as a defender
(or, for the defenders' own attacks, an attacker) whose legs bind it is on that side, whatever else happens: the
defence side of a war on t is the closure of t under "is bound to join the side of" (`defend_all` and `offend`
rows of the defence side, `defend` and `offend` of the attack side), and the round each state joins in is its
distance in that graph (round 1: t's defenders and a's offence partners; round 2: t's offence partners and a's
defenders). The closures and distances of every state come from a few products of state-by-state matrices.

A dyad (a, t) takes this shortcut when nothing can break it: neither original is in the other's closure, the
closures are disjoint, no state in one is bound to stay out of a war against a state in the other (where the conflict
rule, `foedus.engine.rules.conflict`, makes that a conflict), and no limited
leg (an adversary clause, or a neutrality clause void both ways for the side that started the war:
`matrices.Conditional`) could bind a state that is not already on that side by then, or bar a state from the side
it is on (where the rule makes that a conflict). A defence or offence leg that denies only a few counterparts (`_wide`:
a priority clause's protected party, `foedus.engine.rules.precedence`) is in the closures as a plain leg, and its
dyad is left to the rounds only where a state it denies fights against the state it is owed to.
Every other dyad runs the rounds (`foedus.engine.fast.rounds`). The two agree on every dyad where the shortcut
applies (tests/test_batch_atlas.py checks whole atlases).
"""

from __future__ import annotations

import numpy as np

from foedus.datarecord import dataclass, field
from foedus.engine.fast.matrices import BatchRules, Conditional
from foedus.engine.rules import conflict

__all__ = ["Closures", "closures"]


@dataclass
class Closures:
    """Per state s: the attack side of a war s opens (`attack[s]`, with join rounds `attack_round[s]`), the
    defence side of a war on s (`defense`, `defense_round`), and `safe[a, t]`: the dyad takes the shortcut."""

    attack: np.ndarray
    attack_round: np.ndarray
    defense: np.ndarray
    defense_round: np.ndarray
    safe: np.ndarray
    _cache: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def rows(self, attackers: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For the dyads that take the shortcut: which rows, their sides (1 attack, 2 defence), join rounds."""
        fast = self.safe[attackers, targets]
        a, t = attackers[fast], targets[fast]
        side_a, side_d, round_a, round_d = self._tables()
        sides = side_a[a]  # the closures of a dyad that takes the shortcut are disjoint: add, do not overwrite
        sides += side_d[t]
        rounds = round_a[a]
        rounds += round_d[t]
        return fast, sides, rounds

    def _tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per state: its attack side as 1s and defence side as 2s, and their join rounds (0 off the side)."""
        if self._cache is None:
            self._cache = (self.attack.astype(np.int8), (self.defense * 2).astype(np.int8),
                           np.where(self.attack, self.attack_round, 0).astype(np.int16),
                           np.where(self.defense, self.defense_round, 0).astype(np.int16))
        return self._cache


def _levels(first: np.ndarray, second: np.ndarray, step: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """From each source (row): the states reached and the round they join in, with `first` joining in round 1,
    `second` by round 2, and every `step` from a state that joined in round k joining by round k + 1."""
    n = len(step)
    reached = np.eye(n, dtype=bool)
    level = np.zeros((n, n), dtype=np.int16)
    frontier = first & ~reached
    k, graph = 1, step.astype(np.float32)
    while frontier.any() or k == 1:
        level[frontier] = k
        reached |= frontier
        nxt = (frontier.astype(np.float32) @ graph) > 0
        if k == 1:
            nxt |= second
        frontier = nxt & ~reached
        k += 1
    return reached, level


def closures(rules: BatchRules) -> Closures:
    """The closures of every state and the dyads that may use them (see the module docstring)."""
    n = len(rules.states)
    d_all, d, o = (rules.defend + rules.defend_np) > 0, rules.defend > 0, rules.offend > 0
    wide = (_wide(rules.cond_defend), _wide(rules.cond_offend))  # plain legs unless a state they deny fights
    for cond, rows, joined in ((rules.cond_defend, wide[0], (d_all, d)), (rules.cond_offend, wide[1], (o,))):
        for k in rows:
            for m in joined:
                m[cond.owed[k], cond.obligor[k]] = True
    defense, defense_round = _levels(d_all, o, d_all | o)
    attack, attack_round = _levels(o, d, d | o)
    f = np.float32
    eye = np.eye(n, dtype=bool)
    joiners_a, joiners_d = (attack & ~eye).astype(f), (defense & ~eye).astype(f)
    stay_a = ((rules.neutral + rules.neutral_att) > 0).astype(f)  # toward a state on the side that started the war
    stay_d = ((rules.neutral + rules.neutral_np + rules.neutral_att) > 0).astype(f)
    bad = (attack.astype(f) @ defense.astype(f).T) > 0  # [a, t]: a state on both sides (or an original crossing)
    clash = conflict.compiled()  # whether a duty barring a side makes a conflict
    if clash.attack:
        bad |= ((defense.astype(f) @ stay_d @ joiners_a.T) > 0).T  # a joiner bound not to fight a defender
    if clash.defense:
        bad |= (attack.astype(f) @ stay_a @ joiners_d.T) > 0
    bad |= _limited(rules, wide, clash, attack, attack_round, defense, defense_round)
    return Closures(attack, attack_round, defense, defense_round, ~bad & ~eye)


def _limited(rules: BatchRules, wide: tuple[list[int], list[int]], clash: conflict.Clash, attack: np.ndarray,
             attack_round: np.ndarray, defense: np.ndarray, defense_round: np.ndarray) -> np.ndarray:
    """[a, t]: some leg whose adversary clause limits its counterparts could change the war on a and t (a duty to
    stay out only where the conflict rule, `clash`, makes it a conflict); `wide`: the rows of the defence and offence
    legs the closures took as plain legs (`_wide`)."""
    n = len(rules.states)
    bad = np.zeros((n, n), dtype=bool)
    for cond, joins, plain in ((rules.cond_defend, True, set(wide[0])), (rules.cond_offend, True, set(wide[1])),
                               (rules.cond_neutral, False, set()), (rules.cond_neutral_att, False, set())):
        for k in range(len(cond.owed)):
            if k in plain:
                bad |= _one_wide(cond, k, attack, defense)
            else:
                bad |= _one(cond, k, joins, clash, attack, attack_round, defense, defense_round)
    return bad


def _one_wide(cond: Conditional, k: int, attack: np.ndarray, defense: np.ndarray) -> np.ndarray:
    """[a, t] where a wide leg, in the closures as a plain leg, may not bind as one: a state it denies is an enemy of
    the state it is owed to (its obligor's own attack is left out: as for a plain leg, a state on both sides)."""
    v, o = int(cond.owed[k]), int(cond.obligor[k])
    denied = ~cond.allowed[k]
    denied[o] = False
    out: np.ndarray = attack[:, v][:, None] & (defense & denied[None, :]).any(axis=1)[None, :]
    out |= (defense[:, v][:, None] & (attack & denied[None, :]).any(axis=1)[None, :]).T
    return out


_FEW = 8  # a limited leg denying at most this many counterparts binds as a plain one in most wars ("wide")


def _wide(cond: Conditional) -> list[int]:
    """The limited legs (rows of `cond`) that admit every counterpart but a few (a priority clause's protected
    party, `foedus.engine.rules.precedence`) and are not void for the side that started the war: the closures take
    them as plain legs, and a dyad is left to the rounds only where a state one denies fights against its `owed`."""
    if not len(cond.owed):
        return []
    denied = (~cond.allowed).sum(axis=1) - ~cond.allowed[np.arange(len(cond.owed)), cond.obligor]
    return [int(k) for k in np.nonzero((denied <= _FEW) & ~cond.nonprov)[0]]


def _one(cond: Conditional, k: int, joins: bool, clash: conflict.Clash, attack: np.ndarray,
         attack_round: np.ndarray, defense: np.ndarray, defense_round: np.ndarray) -> np.ndarray:
    """[a, t] where one limited leg (owed to v, binding o) could change the war: v is on a side, an enemy it
    admits (its compiled mask: other than o where the rule spares o's own attack) is on the other, and o is not
    already on v's side by the round after v joined (an obligation), or o is on the other side where the conflict
    rule (`clash`) makes a duty barring that side a conflict (a duty to stay out). Originals are never bound."""
    v, o, allowed = int(cond.owed[k]), int(cond.obligor[k]), cond.allowed[k]  # less o where the rule spares it
    n = len(allowed)
    src = np.arange(n)
    admitted_defends = (defense & allowed[None, :]).any(axis=1)  # per t: an admitted state on t's side
    admitted_attacks = (attack & allowed[None, :]).any(axis=1)  # per a: an admitted state on a's side
    out = np.zeros((n, n), dtype=bool)
    # v on a's side (rows a; the enemies, columns t, on t's side), then v on t's side (rows t, columns a)
    for mine, rounds, theirs, can, flip in ((attack, attack_round, defense, admitted_defends, False),
                                           (defense, defense_round, attack, admitted_attacks, True)):
        if cond.nonprov[k] and not flip:
            continue  # a leg void for the side that started the war (`rules.void_for_starters`) binds none of it
        if not joins and not (clash.attack if flip else clash.defense):
            continue  # the side o would fight on (attack where v defends, else defence): the rule bars nobody from it
        hit = mine[:, v].copy()
        if joins:  # harmless when o is there by the round after v joined, or is this side's original
            hit &= ~((mine[:, o] & (rounds[:, o] <= rounds[:, v] + 1)) | (src == o))
        if not hit.any():
            continue
        cell = hit[:, None] & can[None, :] & (src[None, :] != o)  # o is the other original: never bound
        if not joins:
            cell &= theirs[:, o][None, :]  # a duty to stay out breaks the war only where o fights v
        out |= cell.T if flip else cell
    return out
