"""The batched engine: the cascades of many scenarios at one date, at once, with numpy.

Each row is one scenario: by default "attacker a strikes the home territory of target b" (the atlas),
or any scenario with its own attackers, targets, place and target kind (`batch_scenario`). The rules are
the compiled matrices of `foedus.engine.fast.matrices`; the rounds of the fixed-point loop run over all
rows together (`foedus.engine.fast.rounds`), and a row whose state becomes bound to both sides resumes
without it, as in the reference engine. Results equal the reference engine's sides, rounds and
conflicts: the reference suite runs through this engine too (tests/conftest.py), and a property test
checks random dates, dyads and switches.
"""

from __future__ import annotations

import numpy as np

from foedus.datarecord import dataclass
from foedus.engine.fast.backend import Backend
from foedus.engine.fast.closure import Closures, closures
from foedus.engine.fast.compiler import compile_rules
from foedus.engine.fast.escalatory import wants_distinct
from foedus.engine.fast.matrices import BatchRules, Conditional, Reach
from foedus.engine.fast.packed import U64, Opening, pack_wants, packed_rules
from foedus.engine.fast.packed_rounds import packed_rounds, packed_summaries
from foedus.engine.fast.rounds import ATTACK, DEFENSE, NONE, Wants, solve_rounds
from foedus.engine.fast.stays_out import solve_again, watching
from foedus.engine.fast.threads import in_engine_threads
from foedus.engine.rules import STRIKES
from foedus.engine.scenario import Reading, Scenario
from foedus.model.world import World

__all__ = ["BatchResult", "BatchRules", "batch_cascades", "batch_scenario", "batch_summaries", "compile_rules"]


@dataclass
class BatchResult:
    """Sides (0 none, 1 attack, 2 defense), join rounds and conflicts for every row."""

    states: list[str]
    attackers: np.ndarray
    targets: np.ndarray
    sides: np.ndarray
    rounds: np.ndarray
    conflicts: np.ndarray
    majors: np.ndarray

    def war_size(self) -> np.ndarray:
        """Belligerents per row, original parties included."""
        return np.asarray((self.sides != NONE).sum(axis=1))

    def majors_opposite(self) -> np.ndarray:
        """Rows where major powers fight on both sides."""
        a = ((self.sides == ATTACK) & self.majors).any(axis=1)
        d = ((self.sides == DEFENSE) & self.majors).any(axis=1)
        return np.asarray(a & d)


@in_engine_threads
def batch_cascades(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, reading: Reading,
                   block: int = 4096, shortcut: bool = True) -> BatchResult:
    """Cascades of 'attackers[i] strikes targets[i]'s home territory', all rows at once (`shortcut`: the
    escalatory reading's conflict-free wars from closures, `foedus.engine.fast.closure`; else every row's rounds)."""
    n, rows = len(rules.states), len(attackers)
    sides = np.zeros((rows, n), dtype=np.int8)
    rounds = np.zeros((rows, n), dtype=np.int16)
    conflicts = np.zeros((rows, n), dtype=bool)
    slow = np.arange(rows)
    closed = _closures(rules, reading) if shortcut else None
    if closed is not None and rows:
        fast, sides[fast], rounds[fast] = closed.rows(attackers, targets)  # conflict-free wars: no rounds to run
        slow = np.flatnonzero(~fast)
    packed = _at_home(rules, reading)
    opening = _opening_packed(rules) if packed and len(slow) else None
    ever = watching(rules, rows) if opening is not None else None

    def solve(side: np.ndarray) -> np.ndarray:  # the dense rounds' conflicts, for the precedence `solve_again` needs
        return _solve(rules, side, side == DEFENSE, reading)[2]

    step = 16 * block if packed else block  # the packed rounds keep a few words per row
    for lo in range(0, len(slow), step):
        part = slow[lo:lo + step]
        ix = np.arange(len(part))
        if opening is not None:
            packed_rounds(rules, attackers[part], targets[part], opening, (sides, rounds, conflicts), part, ever)
            solve_again(rules, (attackers, targets), part, (conflicts, ever), solve)
            continue
        side = np.zeros((len(ix), n), dtype=np.int8)
        side[ix, attackers[part]], side[ix, targets[part]] = ATTACK, DEFENSE
        sides[part], rounds[part], conflicts[part] = _solve(rules, side, side == DEFENSE, reading)
    return BatchResult(rules.states, attackers, targets, sides, rounds, conflicts, rules.majors)


def _at_home(rules: BatchRules, reading: Reading) -> bool:
    """Every strike after round 1 is on home territory and both sides strike: the escalatory obligations depend on
    the sides alone, and the packed rounds (`foedus.engine.fast.packed`) apply."""
    strikes = STRIKES[reading]
    return strikes.at_home and strikes.defenders_strike and rules.war and rules.first is None


def _closures(rules: BatchRules, reading: Reading) -> Closures | None:
    """The escalatory shortcut's closures (computed once per rules), or None where it does not apply."""
    if not _at_home(rules, reading):
        return None
    return rules.derive("closures", closures)


@in_engine_threads
def batch_summaries(rules: BatchRules, attackers: np.ndarray, targets: np.ndarray, reading: Reading
                    ) -> tuple[np.ndarray, np.ndarray]:
    """War size and whether major powers fight on both sides, per row: `batch_cascades`' `war_size()` and
    `majors_opposite()`, without the sides of the rows the escalatory shortcut answers (the Monte Carlo atlas)."""
    shortcut = _closures(rules, reading)
    if shortcut is None:
        res = batch_cascades(rules, attackers, targets, reading)
        return res.war_size(), res.majors_opposite()
    sizes = np.zeros(len(attackers), dtype=np.int64)
    opposite = np.zeros(len(attackers), dtype=bool)
    fast = shortcut.safe[attackers, targets]
    a, t = attackers[fast], targets[fast]
    sizes[fast] = shortcut.attack.sum(axis=1)[a] + shortcut.defense.sum(axis=1)[t]
    opposite[fast] = (shortcut.attack & rules.majors).any(axis=1)[a] & (shortcut.defense & rules.majors).any(axis=1)[t]
    slow = np.flatnonzero(~fast)
    if len(slow):
        a, t = attackers[slow], targets[slow]
        sizes[slow], opposite[slow] = packed_summaries(rules, a, t, _opening_packed(rules))
    return sizes, opposite


@in_engine_threads
def batch_scenario(world: World, scenario: Scenario, backend: str | None = None) -> BatchResult:
    """One scenario (any attackers, targets, place and target kind) through the batched engine."""
    parties = [*scenario.attackers, *scenario.targets]
    rules = compile_rules(world, scenario, parties, backend, opening=scenario)
    side = np.zeros((1, len(rules.states)), dtype=np.int8)
    side[0, :len(scenario.attackers)] = ATTACK
    side[0, len(scenario.attackers):len(parties)] = DEFENSE
    s, r, c = _solve(rules, side, side == DEFENSE, scenario.reading)
    return BatchResult(rules.states, np.array([0]), np.array([len(scenario.attackers)]), s, r, c, rules.majors)


def _solve(rules: BatchRules, side: np.ndarray, victims: np.ndarray, reading: Reading
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sides, join rounds and conflicts of every row from its opening sides (`foedus.engine.fast.rounds`).

    `victims` marks each row's original targets: the states its opening attacks strike.
    """
    strikes = STRIKES[reading]
    wants = _wants_of(rules, rules.opening, victims, strikes.at_home)
    plain = None  # the same without the duties that prevail, where some do (`rules.precedence`)
    if rules.plain is not None or rules.opening.plain is not None:
        plain = _wants_of(rules.plain or rules, rules.opening.plain or rules.opening, victims, strikes.at_home)
    return solve_rounds(side, wants, strikes.defenders_strike, one_round=not rules.war, plain=plain)


def _wants_of(rules: BatchRules, opening: BatchRules, victims: np.ndarray, at_home: bool) -> Wants:
    """`solve_rounds`' `wants` on `rules`, round 1 on `opening` (`victims`: each row's original targets)."""

    def wants(idx: np.ndarray, sa: np.ndarray, ex: np.ndarray, r: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if not at_home or (r == 1).all():
            return _wants_opening(opening, sa, victims[idx])
        if (r > 1).all():
            return wants_distinct(rules, sa)
        out = [np.zeros(sa.shape, dtype=bool) for _ in range(4)]
        first = r == 1
        for mask, part4 in ((first, _wants_opening(opening, sa[first], victims[idx][first])),
                            (~first, wants_distinct(rules, sa[~first]))):
            for o, part in zip(out, part4, strict=True):
                o[mask] = part
        return out[0], out[1], out[2], out[3]

    return wants


def _opening_packed(rules: BatchRules) -> Opening:
    """Round 1's obligations of 'a strikes t at home', packed (`pack_wants`), by parts: those of the attacker
    alone OR those of the target alone (`_wants_opening` of each) OR those of the legs whose adversary clause
    limits their counterparts, owed to the one when the other qualifies (`_limited_opening`)."""
    pr, n = packed_rules(rules), len(rules.states)
    eye = np.eye(n, dtype=bool)
    nobody = np.zeros((n, n), dtype=bool)
    alone_a = pack_wants(pr, _wants_opening(rules, eye.astype(np.int8) * ATTACK, nobody))
    alone_t = pack_wants(pr, _wants_opening(rules, eye.astype(np.int8) * DEFENSE, eye))
    none = np.zeros((0, 0, 4 * pr.words), dtype=U64)
    owed_to_target, owed_to_attacker = _limited_opening(rules)
    return Opening(alone_a, alone_t, none if owed_to_target is None else owed_to_target,
                   none if owed_to_attacker is None else owed_to_attacker)


def _limited_opening(rules: BatchRules) -> tuple[np.ndarray | None, np.ndarray | None]:
    """[owed-to state, counterpart]: the packed obligations (`pack_wants`) of the legs whose adversary clause
    limits their counterparts when the counterpart is the only state striking (or struck by) the one they are
    owed to, as `_conditionals` reads them in round 1: a qualifying counterpart other than the obligor. First
    the legs owed to the target (defence, neutrality), then those owed to the attacker (offence, neutrality
    when the partner attacks); None where there are none."""
    pr, n = packed_rules(rules), len(rules.states)
    w = pr.words
    out: list[np.ndarray | None] = [None, None]
    # (legs, owed to the target (0) or the attacker (1), block of `pack_wants`: join attack, stay out against
    # the defence, join defence, stay out against the attack)
    for cond, which, block in ((rules.cond_defend, 0, 2), (rules.cond_neutral, 0, 3), (rules.cond_offend, 1, 0),
                               (rules.cond_neutral_att, 1, 1)):
        for k in range(len(cond.owed)):
            if which == 1 and cond.nonprov[k]:
                continue  # owed to the attacker, which started the war: void for it (`rules.void_for_starters`)
            table = out[which]
            if table is None:
                table = out[which] = np.zeros((n, n, 4 * w), dtype=np.dtype("<u8"))
            qualifies = cond.allowed[k]  # never the obligor itself where the rule spares it (`compiler._counterparts`)
            bit = int(pr.rank[cond.obligor[k]])
            table[cond.owed[k], qualifies, block * w + bit // 64] |= np.uint64(1 << (bit % 64))
    return out[0], out[1]


def _wants_opening(rules: BatchRules, side: np.ndarray, victims: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Who is bound to join each side, and who must stay out of each, while only the original targets
    (`victims`) are attacked, by every state on the attacking side (the legal reading; round 1 of both)."""
    n = side.shape[1]
    on_a = (side == ATTACK).astype(np.float32)
    victims_d = victims.astype(np.float32)
    count = victims.sum(axis=1)
    if (count == 1).all():
        by_t = rules.defend_all_nt.full[victims.argmax(axis=1)]  # a gather: one victim per row
    else:
        by_t = rules.defend_all_nt.reach(victims_d, rules.backend)
    to_a = _or_rows(on_a, rules.offend_nta, rules.backend)  # offence and partner-attacks neutrality together
    want_a, want_d, stay_a, stay_d = to_a[:, :n], by_t[:, :n], by_t[:, n:], to_a[:, n:]
    _conditionals(rules, victims_d, on_a, (want_a, want_d, stay_a, stay_d))
    return want_a, want_d, stay_a, stay_d


def _conditionals(rules: BatchRules, victims: np.ndarray, strikers: np.ndarray,
                  wants: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], victims_started: bool = False) -> None:
    """Add the limited legs (`matrices.Conditional`), for `strikers` attacking `victims`.

    `wants` is (join strikers' side, join victims' side, stay out against strikers, stay out against
    victims). The side that started the war (the strikers; the victims where `victims_started`) is owed no
    leg void for it (`rules.void_for_starters`).
    """
    to_strikers, to_victims, stay_strikers, stay_victims = wants
    be = rules.backend
    _conditional(rules.cond_defend, victims, strikers, to_victims, be, victims_started)
    _conditional(rules.cond_offend, strikers, victims, to_strikers, be, not victims_started)
    _conditional(rules.cond_neutral, victims, strikers, stay_strikers, be, victims_started)
    _conditional(rules.cond_neutral_att, strikers, victims, stay_victims, be, not victims_started)


def _or_rows(on: np.ndarray, matrix: Reach, backend: Backend) -> np.ndarray:
    """(on @ matrix) > 0, with a gather for the rows where a single state is on (most rows)."""
    count = on.sum(axis=1)
    if (count <= 1).all():
        gathered: np.ndarray = matrix.full[on.argmax(axis=1)] & (count == 1)[:, None]
        return gathered
    out = np.zeros((len(on), matrix.full.shape[1]), dtype=bool)
    single = count == 1
    if single.any():
        out[single] = matrix.full[on[single].argmax(axis=1)]
    many = count > 1
    out[many] = matrix.reach(on[many], backend)
    return out


def _conditional(cond: Conditional, owed_on: np.ndarray, counter_on: np.ndarray, want: np.ndarray,
                 backend: Backend, skip_nonprov: bool) -> None:
    """Legs that bind when the owed-to state is in play and some counterpart qualifies (its compiled mask: other than
    the obligor where the rule spares it, `compiler._counterparts`)."""
    if len(cond.owed) == 0:
        return
    keep = ~cond.nonprov if skip_nonprov else np.ones(len(cond.owed), dtype=bool)
    owed, obligor, allowed = cond.owed[keep], cond.obligor[keep], cond.allowed[keep]
    in_play = owed_on[:, owed] > 0
    rows = np.nonzero(in_play.any(axis=1))[0]  # only rows where some owed-to state is in play
    if len(rows) == 0:
        return
    counter = counter_on[rows]
    # qualifying counterparts per row and leg (never the obligor itself where the rule spares it: the compiled mask)
    counts = backend.matmul(counter, allowed.T.astype(np.float32))
    hit = (in_play[rows] & (counts > 0)).astype(np.float32)
    onehot = np.zeros((len(obligor), want.shape[1]), dtype=np.float32)
    onehot[np.arange(len(obligor)), obligor] = 1
    want[rows] |= backend.any_product(hit, onehot)
