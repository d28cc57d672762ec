"""Checks of a written treaty's provisions against each other and its members (`treaty_checks.check_written` runs
them): an article listed twice gives one strength wherever both would bind, a named adversary clause can match
some attack, no invocation or source is given twice alike, and an article's own note of its level agrees with its
clause's certainty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from foedus.cited import article_cited
from foedus.errors import TreatyDataError
from foedus.model.article_notes import check_article_notes
from foedus.model.days import LATEST
from foedus.model.treaty import Provision, Treaty
from foedus.model.vocab import Kind

__all__ = ["check_clauses", "legs_of"]

_AFTER_LATEST = LATEST + dt.timedelta(days=1)


def check_clauses(treaty: Treaty, path: str) -> None:
    """No two provisions of one article, alike in all that decides when they bind (`_applies`), bind one leg on one
    day at different strengths (which would be read is not said); and no named adversary clause names only
    states each leg spares (`_adversary_meets`); no article's own note is less sure than its clause
    (`article_notes`).

    Raises:
        TreatyDataError: the first problem, with its field path.
    """
    _given_once(treaty, path)
    check_article_notes(treaty, path)
    states = sorted({m.state for m in treaty.members})
    # the earlier provisions of each article and `_applies`, by strength: only those can clash, and comparing every
    # pair made a file of 60,000 provisions (3 MB, under the size cap) take minutes
    earlier: dict[tuple[str, Hashable], dict[str, list[tuple[int, Provision]]]] = {}
    for j, q in enumerate(treaty.provisions):
        _adversary_meets(q, states, f"provisions[{j}]", path)
        alike = earlier.setdefault((q.article, _applies(q)), {})
        others = sorted(((i, p) for strength, found in alike.items() if strength != q.strength for i, p in found),
                        key=lambda found: found[0])
        alike.setdefault(q.strength, []).append((j, q))
        for i, p in others:
            for leg in sorted(legs_of(p, states) & legs_of(q, states)):
                if (day := _both_on(treaty, p, q, leg)) is not None:
                    raise TreatyDataError(path, f"provisions[{j}].strength", f"{q.strength} for "
                                          f"{article_cited(q.article)}, "
                                          f"which provisions[{i}] gives as {p.strength} with the same trigger, scope, "
                                          f"adversary and gates: both bind {leg[0]} to {leg[1]} on {day}, so which "
                                          "strength holds is not said; give one, or set their legs or valid windows "
                                          "apart")


def legs_of(p: Provision, states: list[str]) -> set[tuple[str, str]]:
    """The provision's legs (obligor, beneficiary), over every member when it names none: never a state to itself."""
    return {(o, b) for o in p.obligors or states for b in p.beneficiaries or states if o != b}


def _applies(p: Provision) -> Hashable:
    """All of a provision that decides whether it binds on an attack, but its legs and window (compared apart)."""
    adversary = (p.adversary.type, frozenset(p.adversary.states))
    scope = tuple(None if tokens is None else frozenset(tokens) for tokens in (p.scope.territory, p.scope.forces))
    gates = (p.non_provocation, p.request_gated, p.needs_decision, p.non_military, frozenset(p.unresolved),
             p.when_partner_attacks)
    return p.kind, p.trigger, scope, adversary, gates


def _both_on(treaty: Treaty, p: Provision, q: Provision, leg: tuple[str, str]) -> dt.date | None:
    """The first day in the treaty's life both provisions' windows hold and neither suspends the leg, if any."""
    lo, hi = treaty.signed, treaty.terminated or _AFTER_LATEST
    for valid in (p.valid, q.valid):
        if valid is not None:
            lo, hi = max(lo, valid.start), min(hi, valid.end or hi)
    off = sorted((s.span.start, s.span.end or _AFTER_LATEST) for s in (*p.suspensions, *q.suspensions)
                 if (s.obligor, s.beneficiary) == leg)
    for start, end in off:
        if lo < min(start, hi):
            return lo
        lo = max(lo, end)
    return lo if lo < hi else None


def _adversary_meets(p: Provision, states: list[str], where: str, path: str) -> None:
    """A named adversary clause admits a counterpart some leg can bind against: the attacker of a leg owed to the
    victim (the victim of one owed to the attacker) is neither the state the leg is owed to (no state attacks
    itself) nor its obligor (`rules.verdict.spares_own_attack`). Non-aggression reads no adversary clause."""
    if p.adversary.type != "named" or p.kind is Kind.NONAGGRESSION:
        return
    named = set(p.adversary.states)
    legs = legs_of(p, states)
    if legs and all(named <= set(leg) for leg in legs):
        raise TreatyDataError(path, f"{where}.adversary.states", f"names only {', '.join(sorted(named))}, each the "
                              f"obligor or the beneficiary of every leg of the {p.kind} clause: no state attacks "
                              "itself and no leg binds its obligor against itself, so it would never bind")


def _given_once(treaty: Treaty, path: str) -> None:
    """No invocation or source given twice alike, a copy's slip the list hides (an invocation's is told twice in
    `treaties show`), as a state or a scope token given twice is refused (`foedus.listed.listed_twice`). A provision
    repeated at the same strength stays allowed (tests/test_treaty_file_refusals.py: a repeat, not an ambiguity)."""
    for key in ("invocations", "sources"):
        seen: dict[object, int] = {}
        for i, item in enumerate(getattr(treaty, key)):
            if (first := seen.setdefault(item.model_dump_json(), i)) != i:
                raise TreatyDataError(path, f"{key}[{i}]", f"the same as {key}[{first}]: give each once")
