"""The states a withheld leg is owed to: the engines keep one withheld record per obligor, treaty and article (the
first find's, whose gate its `reason` says), but legs of that article may be held back toward several states of the
war (SADC Art. 6 toward Tanzania and Mozambique, both attacked, with the Summit's decision read as not taken). The
record names them all (`Withheld.owed_to`), its reason says the others and each one's reason that is not the first's,
and it is as sure as the least sure of its legs, with the facts each rests on (Mozambique's SADC membership as well as
Tanzania's), so that neither the JSON nor the text keeps the first alone. The legs a priority clause sets aside are
merged by the same rule (`merged`), and a key both held back by a gate and set aside keeps both facts
(`with_set_aside`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from foedus.datarecord import replace
from foedus.engine.ledger import keep, order_of, withheld_all
from foedus.engine.records import Withheld
from foedus.model.vocab import Certainty, worst
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.engine.ledger import Certify, Found

__all__ = ["ALSO_WITHHELD", "NAMED_MOST", "also_withheld", "merged", "records", "with_set_aside"]

ALSO_WITHHELD = "; also withheld toward "
"""What a withheld leg's reason adds, before the other states its legs are held back toward (`also_withheld`)."""

NAMED_MOST = 3
"""The other states a reason names at most, the rest counted (an escalatory war's legs toward every ally attacked:
`owed_to` lists each)."""

Key = tuple[str, str, str]


def records(log: Iterable[tuple[Key, Found]], silent: Container[str], sure: Certify,
            store: dict[tuple[object, ...], Any]) -> dict[Key, Withheld]:
    """Each withheld key's record, for the obligors not `silent`, from `Ledger.withheld` (the log of every withheld
    find, in the order found): its first find's (the one `Ledger.first` would keep: a later find of the same round
    that comes before it in the attack-by-attack engine's order replaces it) merged with its other finds' (`merged`).
    The run logs each find and no more (a gate holds most legs of an escalatory war back again and again, from
    obligors the result does not report): what the records need is picked out here, once."""
    finds: defaultdict[Key, list[Found]] = defaultdict(list)
    for key, found in log:
        finds[key].append(found)
    out: dict[Key, Withheld] = {}
    for key, found_all in finds.items():
        if key[0] in silent:
            continue
        made = withheld_all(found_all, sure, store)
        out[key] = made[0] if len(made) == 1 else merged(made[_kept(found_all)], made, sure.names, store)
    return out


def _kept(found_all: list[Found]) -> int:
    """Which of a key's finds (in the order found, volley by volley) the attack-by-attack engine keeps: the first it
    meets of those of the first find's round (the log's first finds: a run's rounds only grow along it), the first of
    them where several come alike (`Ledger.first`'s rule). A find of a later volley that cannot come first is passed
    over without comparing orders, as `Ledger.bind` passes it over (its rule: block 1, or block 0 and an attacker not
    before the kept one's): the EU neutrals' Art. 42(7) legs, held back toward 23 states by as many home strikes of an
    escalatory war, are each compared so, not by two `order_of`s."""
    kept, held = 0, found_all[0]
    rnd, was, by = held[0], held[1], held[1].attackers[held[2]]
    for j in range(1, len(found_all)):
        found = found_all[j]
        if found[0] != rnd:
            break
        vol = found[1]
        if vol is not was and (vol.block > 0 or (vol.block == 0 and by <= vol.attackers[found[2]])):
            continue
        if order_of(found) < order_of(held):
            kept, held, was, by = j, found, vol, vol.attackers[found[2]]
    return kept


def also_withheld(others: Iterable[str], names: Mapping[str, str]) -> str:
    """The words a reason ends with for the `others` a leg is held back toward besides its first ("; also withheld
    toward Mozambique (MOZ)"), the first `NAMED_MOST` of them by name and the rest counted ("... and 27 other
    states"); nothing where none."""
    said = _named_most(others, names)
    return ALSO_WITHHELD + and_listed(said) if said else ""


def _named_most(states: Iterable[str], names: Mapping[str, str]) -> list[str]:
    """`states` named, sorted, the first `NAMED_MOST` of them by name and the rest counted."""
    said = sorted(named_state(s, names) for s in states)
    if len(said) > NAMED_MOST:
        said = [*said[:NAMED_MOST], f"{len(said) - NAMED_MOST} other state{'s' if len(said) > NAMED_MOST + 1 else ''}"]
    return said


def merged(first: Withheld, more: Iterable[Withheld], names: Mapping[str, str],
           store: dict[tuple[object, ...], Any] | None = None) -> Withheld:
    """`first` (the record its key keeps: the first find's, whose gate or priority clause its reason says) with the
    other records of its key, `more` (legs of the same obligor, treaty and article, held back toward other states or
    on other attacks): the states besides its `toward` they are owed to in its `owed_to` and at its reason's end, with
    each leg's reason where it is not the first's (`_told`), its certainty the least sure of all, its reasons each
    one's, de-duplicated (the first's first, then the others' by the state they are owed to). `first` itself where
    the others add nothing. Kept in `store` (`foedus.engine.ledger.intern`'s, where the records are kept) by the
    records, so that a warm run makes none again."""
    more = list(more)
    ids = frozenset(map(id, more)) - {id(first)}
    if not ids:
        return first
    key = (merged, id(first), ids)
    if store is not None and key in store:
        return store[key][1]  # type: ignore[no-any-return]
    rest = {id(w): w for w in more if w is not first}
    made = _merge(first, rest.values(), names)
    if store is not None:  # with the records it is made of: their ids stay theirs
        keep(store, key, ((first, *rest.values()), made))
    return made


def _merge(first: Withheld, more: Iterable[Withheld], names: Mapping[str, str]) -> Withheld:
    """`merged`'s record, made (in an order that does not depend on the order of `more`, which engines find in
    different orders)."""
    others = sorted({w for w in more if w != first}, key=_order)
    towards = tuple(sorted({w.toward for w in others} - {first.toward}))
    reasons = dict.fromkeys(first.certainty_reasons)
    for w in others:
        reasons.update(dict.fromkeys(w.certainty_reasons))
    level = worst([Certainty(w.certainty) for w in (first, *others)]).value
    plain, told = _told(first, others, names)
    if not towards and not told and len(reasons) == len(first.certainty_reasons) and level == first.certainty:
        return first
    return replace(first, reason=first.reason + also_withheld(plain, names) + told, also_toward=towards,
                   certainty=level, certainty_reasons=tuple(reasons))


def _told(first: Withheld, others: Iterable[Withheld], names: Mapping[str, str]) -> tuple[list[str], str]:
    """What a merged record's reason says of the other states its legs are owed to (`others`' besides `first`'s own
    state, whose duty the first's words say): those held back for the same reason as the first (the same words but
    for the states they name, `_slots`: "Mozambique (MOZ) did not ask" as "Tanzania (TZA) did not ask"), named once
    by `also_withheld`; then each other reason, once, after the states it holds back legs toward, the legs held back
    by the same words naming other states grouped (`_grouped`: "; also withheld toward Japan (JPN) and Mongolia (MNG):
    d2 suspends North Korea (PRK)'s obligation to Japan (JPN) and Mongolia (MNG) ..."), a state's first reason by
    its words where none of its legs is held back as the first's, so that a leg held back by another gate does not
    read as held back by the first's."""
    cut = _Slots(names)  # each reason's slots worked out once, here and in `_paired` and `_grouped`
    own = cut[first.reason][0]
    by_state: dict[str, list[str]] = {}
    for w in others:
        if w.toward != first.toward:
            by_state.setdefault(w.toward, []).append(w.reason)
    plain = sorted(s for s, reasons in by_state.items()
                   if any(r == first.reason or cut[r][0] == own for r in reasons))
    groups: dict[str, dict[str, str]] = {}
    for state, reasons in by_state.items():
        if state not in plain:
            reason = min(reasons)
            groups.setdefault(cut[reason][0], {})[state] = reason
    said = sorted(told for group in groups.values() for told in _paired(group, names, cut))
    return plain, "".join(f"{ALSO_WITHHELD}{and_listed(who)}: {reason}" for who, reason in said)


def _paired(group: dict[str, str], names: Mapping[str, str], cut: _Slots) -> list[tuple[list[str], str]]:
    """The clauses for legs held back by the same words (`group`: state → reason): one, grouped, where the reasons
    name different states in one place only; else each reason once, after its states, so that which state named in
    one place goes with which in another ("defence of Japan (JPN) against China (CHN)") is not lost (`cut`: the
    reasons' `_slots`)."""
    named = [cut[group[s]][1] for s in sorted(group)]
    if sum(len(set(place)) > 1 for place in zip(*named, strict=True)) <= 1:
        return [(_named_most(group, names), _grouped([group[s] for s in sorted(group)], names, cut))]
    by_reason: dict[str, list[str]] = {}
    for state in sorted(group):
        by_reason.setdefault(group[state], []).append(state)
    return [(_named_most(states, names), reason) for reason, states in by_reason.items()]


def _grouped(reasons: list[str], names: Mapping[str, str], cut: _Slots) -> str:
    """One reason said for legs held back by the same words naming different states (`cut`, their `_slots`): the
    first's words, each state they name in its place, or the states named there where the reasons name different
    ones."""
    parts = cut[reasons[0]][0].split("\0")
    named = [cut[r][1] for r in reasons]
    return parts[0] + "".join(and_listed(_named_most(dict.fromkeys(n[i] for n in named), names)) + part
                              for i, part in enumerate(parts[1:]))


_CODE = re.compile(r" \(([A-Z][A-Z0-9]{1,5})\)")
"""A state's id in brackets, as `named_state` ends a state's name with one ("South Korea (KOR)"), for `_slots`."""


@lru_cache(maxsize=4096)
def _codes(reason: str) -> tuple[tuple[int, int, str], ...]:
    """Where a reason has an id in brackets (kept by its words: the set-aside records are merged again on every run)."""
    return tuple((m.start(), m.end(), m.group(1)) for m in _CODE.finditer(reason))


def _slots(reason: str, names: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """A reason without the states it names, each a "\\0", and the states it names, in order: a state's name read from
    `names` (the world's registry, as `named_state` names it), not guessed from its letters ("Côte d'Ivoire")."""
    parts: list[str] = []
    said: list[str] = []
    at = 0
    for start, end, code in _codes(reason):
        name = names.get(code)
        if name and reason.endswith(name, at, start):
            parts.append(reason[at:start - len(name)])
            said.append(code)
            at = end
    parts.append(reason[at:])
    return "\0".join(parts), tuple(said)


class _Slots(dict[str, tuple[str, tuple[str, ...]]]):
    """Each reason's `_slots` by `names`, worked out the first time a merge asks for it (`_told`, `_paired` and
    `_grouped` read a reason's several times; `names`, a mapping, keys no `lru_cache`)."""

    def __init__(self, names: Mapping[str, str]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, reason: str) -> tuple[str, tuple[str, ...]]:
        self[reason] = made = _slots(reason, self.names)
        return made


def _order(w: Withheld) -> tuple[str, list[tuple[str, str, str, str]]]:
    """Where a record's reasons come in a merged record's: by the state it is owed to, then by its reasons."""
    return w.toward, [(r.kind, r.fact, r.certainty, r.source) for r in w.certainty_reasons]


def with_set_aside(held: Withheld, aside: Withheld | None, names: Mapping[str, str],
                   store: dict[tuple[object, ...], Any] | None = None) -> Withheld:
    """The record of a key (obligor, treaty, article) a gate holds back (`held`, its legs merged) that a priority
    clause also sets aside (`aside`, `foedus.engine.set_aside` or `foedus.engine.stay_out`): the gate's record, its
    reason followed by the priority clause's ("help is request-gated and Lebanon (LBN) did not ask; set aside against
    Israel (ISR): ..."), the states either is owed to in `owed_to`, as sure as the less sure of the two, with the
    facts of both; where each engine kept the gate's alone, the priority clause unsaid. `held` itself without
    `aside`; kept in `store` as `merged` keeps its records."""
    if aside is None:
        return held
    key = (with_set_aside, id(held), id(aside))
    if store is not None and key in store:
        return store[key][1]  # type: ignore[no-any-return]
    towards = tuple(sorted({*held.also_toward, aside.toward, *aside.also_toward} - {held.toward, ""}))
    reasons = tuple(dict.fromkeys((*held.certainty_reasons, *aside.certainty_reasons)))
    level = worst([Certainty(held.certainty), Certainty(aside.certainty)]).value
    made = replace(held, reason=f"{held.reason}; {aside.reason}", also_toward=towards, certainty=level,
                   certainty_reasons=reasons)
    if store is not None:  # with the records it is made of: their ids stay theirs
        keep(store, key, ((held, aside), made))
    return made
