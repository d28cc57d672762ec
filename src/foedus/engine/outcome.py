"""The end of a reference cascade: its run frozen into a `CascadeResult`, every find cited as the record it is.

Joiners in the order they joined (round, side, state), each with its primary obligation first; neutrality duties
of the states still out (each duty's last find); consultations of states not fighting; withheld legs; violations;
the datasets the answer rests on; the supporters the rules name; and the notes on data the world lacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Set
from functools import cache, partial
from itertools import chain
from typing import Protocol, cast

from foedus.cited_names import atop_title
from foedus.datarecord import replace
from foedus.engine.assumption import Assumption
from foedus.engine.citing import Certifier, Parts, citations
from foedus.engine.doubt_reach import Rerun, reached, stands
from foedus.engine.doubts import Assumed, assumed_doubts
from foedus.engine.ended_notes import ended_notes
from foedus.engine.held_toward import records, with_set_aside
from foedus.engine.ledger import (
    Duties,
    Found,
    Ledger,
    consultations_of,
    interned,
    latest,
    neutral_records,
    violations_of,
)
from foedus.engine.leg import Leg
from foedus.engine.maker import maker
from foedus.engine.result import CascadeResult, Conflict, Doubt, Joiner, Later, Side, Withheld
from foedus.engine.rules import Volley, recipients, supporters, unreached_consultations, unreached_records
from foedus.engine.rules.consult_limit import limited, limits_said
from foedus.engine.scenario import Scenario
from foedus.engine.table import LegTable
from foedus.model.dated_names import renamed_on
from foedus.model.membership import unchecked_notes
from foedus.model.state_files import cow_carried
from foedus.model.states import COW_FIRST_DAY
from foedus.model.vocab import Kind
from foedus.model.world import World
from foedus.place_words import named_places
from foedus.review_words import DATA_END
from foedus.sources.coverage import missing_notes

__all__ = ["DATA_END", "DATA_END_NOTE", "FinishedRun", "doubts_of", "outcome_of"]

# `DATA_END` (`foedus.review_words`): the day the bundled set was reviewed to as a whole (docs/certainty.md, "After
# the cut-off"); `DATA_END_NOTE` says so on a cascade after it, an atlas or dataset past its year, a war past it.
DATA_END_NOTE = (f"the bundled treaty data was reviewed as a whole to {DATA_END}; later changes are encoded only "
                 "where found (docs/certainty.md lists them), so an answer after that day may miss some")
_joiner = maker(Joiner)
# the ledger's tables sorted by their keys (unique tuples of strings of one length, no string with a NUL: ids and
# one-line articles) joined by NUL, the least character: the tuples' order, one comparison of strings per pair where
# the tuples compared item by item (docs/performance.md, session 31)
_by_key = "\0".join


class _Cites(Protocol):
    """A record that cites a treaty (an obligation, consultation, neutrality duty, violation or withheld leg)."""

    @property
    def treaty(self) -> str: ...


class FinishedRun(Protocol):
    """What the result is made of: a reference cascade run to its fixed point (`foedus.engine.cascade`)."""

    world: World
    scenario: Scenario
    index: LegTable
    side_of: dict[str, Side]
    joiners: dict[str, list[Found]]
    log: list[list[Duties]]
    ledger: Ledger
    attacked: list[str]
    struck: list[Volley]  # the final run's attacks, round by round: where the war is (a form of help's place limit)
    excluded: set[str]
    stays_out: set[str]  # the excluded states that stay out by precedence: their duties and set-aside legs reported
    conflicts: list[Conflict]
    rounds: int
    set_aside: dict[tuple[str, str, str], Withheld]  # legs a prevailing duty sets aside (`foedus.engine.set_aside`)
    parts: dict[tuple[object, ...], Parts]  # the table's store of obligations' parts (`citing.citations`)

    @property
    def certify(self) -> Certifier:
        """The certainty of the findings (`citing.citations` cites the joiners' finds with it)."""


def outcome_of(run: FinishedRun, rerun: Rerun) -> CascadeResult:
    """The result of a finished run (states bound both ways are reported as conflicts only); `rerun`: the cascade,
    which a doubt's test runs again with what the doubt says may have been so (`doubt_reach`)."""
    belligerent = set(run.side_of)
    registry = run.world.states.states
    conflicts = tuple(sorted(run.conflicts, key=lambda c: (c.round, c.state)))
    code = run.index.derived("ccodes", lambda: {st: s.ccode for st, s in registry.items() if s.ccode is not None}).get
    order = sorted(run.joiners.items(), key=_joined)
    joiners = Later(partial(_joiners, order, run.index, run.certify, run.parts, code),  # cited when first read
                    tuple([(state, found[0][6]) for state, found in order]))  # type: ignore[misc]  # finds' side
    silent = (belligerent | run.excluded) - run.stays_out  # the states whose duties and withheld legs go unreported
    ends: list[Found] = [(d[0], d[1], d[2][-1], d[3], d[4], d[5], "") for duties in run.log for d in duties
                         if d[5].obligor not in silent]
    last = latest(ends)
    book, store = run.ledger, run.index.derived("records", interned)
    sure = run.certify
    neutral = tuple(neutral_records([last[k] for k in sorted(last, key=_by_key)], sure, ordered=True, store=store))
    table = book.consultations
    gazetteer = run.world.places
    consultations = tuple(limits_said(
        consultations_of([table[k] for k in sorted(table, key=_by_key) if k[0] not in belligerent], sure, store),
        partial(_limited_consultations, run.index), gazetteer.on(run.scenario.date), gazetteer.sets,
        gazetteer.doubted_sets))
    held = records(book.withheld, silent, sure, store)  # each key's record, of all its finds (`held_toward`)
    aside, names = run.set_aside, sure.names  # a gate's find and precedence's: a key both found keeps both facts
    withheld = tuple(with_set_aside(held[k], aside.get(k), names, store) if k in held else aside[k]
                     for k in sorted(held.keys() | aside.keys(), key=_by_key) if k[0] not in silent
                     ) if aside else tuple(map(held.__getitem__, sorted(held, key=_by_key)))  # most runs: none aside
    violations = tuple(violations_of([book.violations[k] for k in sorted(book.violations, key=_by_key)], sure, store))
    cites: list[_Cites] = [*consultations, *neutral, *violations, *withheld,
                           *chain(*[c.obligations for c in conflicts])]
    datasets: tuple[str, ...] = ("atop",) if _atop_joined(order) or _atop_in(run, cites) else ()
    if run.world.states.has_system_dates:
        datasets += ("cow_states",)
    bound = run.joiners.keys() | {c.state for c in conflicts}  # the joiners' states
    legs = run.index.support
    missed: list[int] = []  # the legs owed but for their place limit: said not owed here
    support = tuple(supporters(legs, run.side_of, bound, run.attacked,
                               run.index.derived("support by recipient", lambda: recipients(legs)),
                               run.index.derived("support records", dict),
                               (run.struck, gazetteer.on(run.scenario.date)), missed,
                               (gazetteer.sets, gazetteer.doubted_sets)))
    unreached = tuple(unreached_records(legs, missed, run.side_of, gazetteer.sets, gazetteer.doubted_sets)
                      if missed else ())
    cut = tuple(unreached_consultations(partial(_limited_consultations, run.index), run.struck,
                                        gazetteer.on(run.scenario.date), belligerent, run.scenario.date,
                                        gazetteer.sets, gazetteer.doubted_sets))
    result = CascadeResult(scenario=run.scenario, joiners=cast(tuple[Joiner, ...], joiners),
                           consultations=consultations, conflicts=conflicts, neutral=neutral, violations=violations,
                           withheld=withheld, rounds=run.rounds, names=run.world.states.names_on(run.scenario.date),
                           renamed=renamed_on(run.scenario.date, run.world.states.by_ccode),
                           notes=_notes(run.world, run.scenario, bound, _defended(order)),
                           datasets=datasets, supporters=support, unreached_support=unreached,
                           unreached_consultations=cut, titles=_titles(run), homes=gazetteer.home_of,
                           place_names=_place_names(run))
    doubted = doubts_of(run.world, run.scenario, run.index, belligerent, result, rerun)
    if doubted:
        result = replace(result, doubts=doubted)
    result.ccodes.update({st: cc for st in result.state_ids if (cc := code(st)) is not None})
    return result


def _place_names(run: FinishedRun) -> dict[str, str]:
    """The opening attacks' places by name on the day (`named_places`), kept per leg table (its date) and places."""
    day, places = run.scenario.date, frozenset([run.scenario.place, *(a.place for a in run.scenario.attacks)])
    return run.index.derived(("place names", places), lambda: named_places(run.world.places, day, places,
                                                                           run.world.states.names_on(day)))


def _joiners(order: list[tuple[str, list[Found]]], index: LegTable, certify: Certifier,
             parts: dict[tuple[object, ...], Parts], code: Callable[[str], int | None]) -> tuple[Joiner, ...]:
    """The joiners' records, in the order they joined (`_joined`), each state's finds cited as its obligations
    (`citing.citations`, with the stores of the run that found them), the primary first."""
    joined = []
    for state, found in order:
        obligations = citations(found, index, certify, parts)
        joined.append(_joiner(obligations[0], obligations[1:], code(state)))
    return tuple(joined)


def _atop_in(run: FinishedRun, records: Iterable[_Cites]) -> bool:
    """Whether a record cites an ATOP treaty: one half of "does the answer cite ATOP" (its `datasets`), the other
    `_atop_joined`. Two readers, as the answer's records are of two kinds: the joiners' obligations are not cited
    yet when it is asked (`Later` cites them when first read), so `_atop_joined` reads their finds, whose legs hold
    the treaty itself; every other record (a consultation, a neutrality duty, a violation, a withheld leg, a
    conflict's obligation) is cited already and names its treaty by id only, so `_atop_in` looks each id's origin up
    in the world, kept per table (the "treaty origins" cache). Each stops at the first ATOP treaty it meets (most
    2025 results name one), where a set of every treaty cited was made and then looked through."""
    origins: dict[str, str] = run.index.derived("treaty origins", dict)
    for record in records:
        origin = origins.get(record.treaty)
        if origin is None:
            origin = origins[record.treaty] = run.world.treaties[record.treaty].origin
        if origin == "atop":
            return True
    return False


def _titles(run: FinishedRun) -> dict[str, str]:
    """The names `named` corrections give the ATOP alliances that can bind on the table's day
    (`foedus.cited_names.atop_title`), by id, built once per table (the text reads them: a line cites "atop_3755
    (Treaty of Amity and Cooperation in Southeast Asia, 1976)"): gathered from each answer's records, they cost an
    escalatory 2025 cascade about a tenth of its time, for words only its text prints."""
    day = run.index.date
    return run.index.derived("atop titles", lambda: {t.id: title for t in run.world.treaties.on(day)
                                                     if (title := atop_title(t)) is not None})


def _atop_joined(order: list[tuple[str, list[Found]]]) -> bool:
    """Whether a joiner's find binds by an ATOP treaty: the joiners' half of `_atop_in`'s question (why two: there);
    a loop, as a generator would be resumed per find."""
    for _, found in order:
        for f in found:
            if f[5].treaty.origin == "atop":
                return True
    return False


def _joined(item: tuple[str, list[Found]]) -> tuple[int, str, str]:
    """Joiners in the order they joined: round, side, state."""
    first = item[1][0]
    return first[0], first[6], item[0]


def doubts_of(world: World, scenario: Scenario, index: LegTable, belligerent: Set[str], result: CascadeResult,
              rerun: Rerun) -> tuple[Doubt, ...]:
    """The uncertain dates that may change who is bound in this war (`foedus.engine.doubts.assumed_doubts`, found
    once per leg table; on the signed basis, whose signatures are taken as recorded, no entry into force): those of a
    treaty with a party in the war (for an entry into force not found, one it is owed to) whose answer, were the
    doubt's hypothesis so, differs from `result` for some state (`doubt_reach.reached`: none, no doubt). Each
    `concerns` those states, with the party left out, for a party's doubt, and those an entry into force not found
    is owed to in the war. Found per day: a war replay asks them of a day on its epoch's table (`foedus.war.evaluate`),
    whose legs are the same, but whose windows need not hold the same days; a hypothesis's table holds None
    (`doubt_reach`): no doubt is looked for inside it."""
    by_day: dict[dt.date, list[Assumed]] | None = index.derived("doubts", dict)
    if by_day is None:
        return ()
    day = scenario.date
    if day not in by_day:
        by_day[day] = assumed_doubts(world.treaties.on(day), day, scenario.basis, world.treaties.windowed,
                                     names=world.states.names_on(day))
    found = by_day[day]
    out: list[Doubt] = []
    reach: dict[Assumption, frozenset[str]] = {}
    record = cache(lambda: stands(result))  # the result's stands, made once for every doubt that may change an answer
    for doubt, states, assumed in found:
        if states.isdisjoint(belligerent):
            continue
        if assumed not in reach:
            reach[assumed] = reached(world, scenario, index, record, assumed, rerun)
        if not reach[assumed]:
            continue
        concerns = reach[assumed]
        if doubt.state is not None:
            concerns |= {doubt.state}
        elif world.treaties[doubt.treaty].in_force is None:  # not found in force: those it is owed to, too
            concerns |= states & belligerent
        out.append(replace(doubt, concerns=tuple(sorted(concerns))))
    return tuple(out)


def _defended(order: list[tuple[str, list[Found]]]) -> bool:
    """Whether some joiner joins the defense side (the side of its first find, `Found`'s last field): the answer then
    says who comes to the attacked state's aid, and needs no note of an ended treaty (`ended_defence_notes`)."""
    return any(found[0][-1] == "defense" for _, found in order)


def _notes(world: World, scenario: Scenario, bound: Set[str] = frozenset(), defended: bool = False
           ) -> tuple[str, ...]:
    """What the answer lacks: data not loaded, scenario states the state system cannot check (from the earliest
    day the scenario reads: its date, or the day its attacks began), and so a state it draws in (`bound`, joiners
    and conflicts) that COW does not list (Palestine, whose capacity as a party is then unchecked too), the state
    system of 2016 carried forward after it (the scenario's states are checked against it: `foedus.engine.scenario`),
    a defence treaty of an undefended attacked state (`defended`: a joiner on the defense side) that ended within a
    reader's memory (`ended_defence_notes`), an ATOP alliance of an attacked state ended shortly before
    the day (`foedus.engine.atop_ended`), a member a user's treaty file makes a party before its first spell on a
    day the scenario reads (`first_spell.before_first_spell`), a date after the bundled treaty set was reviewed
    (`DATA_END_NOTE`)."""
    notes = missing_notes(name for name, have in (("cow_states", world.states.has_system_dates),
                                                  ("atop", world.has_history)) if not have)
    first = min(scenario.date, scenario.ongoing_since or scenario.date)
    notes += unchecked_notes(world.states, (*scenario.attackers, *scenario.targets), first)
    if first >= COW_FIRST_DAY:  # before it, the note above says the system checks no state at all
        unlisted = sorted(world.states.unlisted.intersection(bound))  # the others' membership is known: no note
        notes += [n for n in unchecked_notes(world.states, unlisted, first) if n not in notes]
    if world.states.has_system_dates:  # the draws' note names the system and its major powers in its place
        notes += cow_carried(scenario.date.year, majors=False)  # `foedus.model.major_notes.with_majors_notes`
    notes += ended_notes(world, scenario, bound, defended)  # `foedus.engine.ended_notes`, `foedus.engine.atop_ended`
    if world.files:  # a user's file making a member a party before its first spell: `treaties validate`'s note
        from foedus.model.first_spell import before_first_spell

        own = [world.treaties.curated[tid] for tid in world.files if tid in world.treaties.curated]
        notes += [n for n in before_first_spell(own, world.states, (first, scenario.date)) if n not in notes]
    if scenario.date > DATA_END:
        notes.append(DATA_END_NOTE)
    return tuple(notes)


def _limited_consultations(index: LegTable, victim: str) -> list[Leg]:
    """The consultation legs owed to `victim` whose clause has a place limit (`consult_limit.limited`), found once per
    table: the rest can never be cut by place, and an escalatory war attacks many states."""
    return index.derived(("place-limited consultations", victim),
                         lambda: [leg for leg in index.owed_to(Kind.CONSULTATION, victim) if limited(leg)])
