"""The support rule: who is bound to help a belligerent without being bound to fight.

A member of a treaty in effect owes a belligerent support when the treaty's `assistance` block (in its
text, or in a companion instrument; not a separate agreement) commits it to give that belligerent arms
or military aid (more than a "self-help and mutual aid" clause), the use of bases on its territory (not a
reciprocal access framework), or defence-industrial help directed to it. Help promised for wartime is owed
once the recipient is attacked, peacetime help regardless. A state already fighting, or bound to fight, is
not listed: its duty is the larger one. Help a treaty owes only for a place (`HelpEntry.scope`: US–Japan Art. VI's
bases, for the Far East) is owed only in a war one of whose attacks falls in it (`limit_reached`), and is left out
elsewhere, where it is said not owed (`Unreached`: a reader of a war in Europe sees why Japan's bases are missing).
ATOP codes military aid and bases for a whole alliance, naming no giver (the 2007 China–Tajikistan
treaty's MILAID=3): such a leg is one reading of the code, kept with it (`coded`), so that its words say the alliance
provides for that help, not that this member owes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, meta
from foedus.engine.leg import known_under, owed_under, row_instruments
from foedus.engine.records import instrument_field
from foedus.engine.rules.place_limit import Limit, limit_of
from foedus.engine.rules.tokens import any_matches, parted
from foedus.model.help import held_in
from foedus.model.vocab import Certainty, HelpForm, atop_code, worst

if TYPE_CHECKING:
    from foedus.model.assistance import HelpEntry
    from foedus.model.places import Place
    from foedus.model.treaty import Treaty

__all__ = ["Support", "SupportLeg", "Unreached", "limit_named", "limit_reached", "owed_support", "recipients",
           "support_legs", "supporters", "unreached_records"]


class Struck(Protocol):
    """An attack of the war as the place limit reads it: whom it strikes, where, and what (an `Attack`, or a `Volley`
    of attacks that differ only by attacker)."""

    @property
    def victim(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SupportLeg:
    """A form of support `provider` owes `recipient` under `treaty` (compiled per date in the leg table), and how
    certain it is on that date (`certainty`)."""

    provider: str
    recipient: str
    treaty: str
    entry: HelpEntry
    certainty: str = "verified"
    coded: str | None = None
    """The ATOP code of an entry ATOP codes for the whole alliance, naming no giver ("MILAID=3"): `provider` may as
    well receive it; None: the treaty names who gives it, or binds every member to give it."""
    instrument: str = "treaty"
    """The kind of instrument the help is owed under (`treaty`, `statute`, ...: `Instrument`), said as a duty's is."""
    instrument_known: bool = True
    """False where the treaty's rows differ in kind and neither state's row names one (`instrument_known`)."""


@dataclass(frozen=True, slots=True)
class Support(Contracted):
    """`state` is bound to give `supports` (on `side`) a form of help under `treaty`, without a duty to fight; or,
    with `atop_code`, is in an alliance with it that provides for that help between its members, ATOP naming no
    giver."""

    state: str = field(metadata=meta("the state bound to support", "string"))
    supports: str = field(metadata=meta("the belligerent it supports", "string"))
    side: str = field(metadata=meta("that belligerent's side", '"attack" | "defense"'))
    treaty: str = field(metadata=meta("treaty id", "string"))
    article: str | None = field(metadata=meta("article (null: none or not known)", "string | null"))
    form: str = field(metadata=meta("arms, bases or defence_industry", "string"))
    level: str = field(metadata=meta("how far it goes (docs/depth.md)", "string"))
    when: str = field(metadata=meta("peacetime, or wartime (owed once the recipient is attacked)", "string"))
    basis: str = field(metadata=meta("in the treaty text, or in a companion instrument", "string"))
    certainty: str = field(metadata=meta("how well the commitment is sourced: the least certain of its entry, the "
                                         "treaty's standing and a carry-forward past the source's coverage", "string"))
    atop_code: str | None = field(metadata=meta(
        "the ATOP code of help ATOP codes for the alliance with no giver (e.g. MILAID=3): the alliance provides for "
        "it between its members, and `state` may give or receive it; null: the treaty names `state` a giver, or "
        "binds every member to give", "string | null"))
    instrument: str = instrument_field()
    limit: str | None = field(default=None, metadata=meta(
        "where an attack must fall for the help to be owed, an attack of this war falling there: a place set's id "
        "(place_sets.yaml, e.g. far-east-1960), else the scope's tokens; null: owed wherever the war is",
        "string | null"))
    limit_certainty: str | None = field(default=None, metadata=meta(
        "how sure the limit's extent is, as `Unreached.limit_certainty`; null with no limit", "string | null"))
    instrument_known: bool = field(default=True, metadata=meta(
        "false where the treaty's member rows differ in kind and neither state's row names one, so `instrument` is "
        "the record's, presumed: the help's binding force is not known (ukr_bilateral_2024's Lithuania)", "boolean"))


@dataclass(frozen=True, slots=True)
class Unreached(Contracted):
    """`state` would be bound to give `supports` a form of help under `treaty`, but the treaty owes it only for a
    place (`limit`) that no attack of this war falls in: not owed here, said so that a reader sees why it is missing
    (Japan's Art. VI bases in a war in Europe)."""

    state: str = field(metadata=meta("the state that would support", "string"))
    supports: str = field(metadata=meta("the belligerent it would support", "string"))
    side: str = field(metadata=meta("that belligerent's side", '"attack" | "defense"'))
    treaty: str = field(metadata=meta("treaty id", "string"))
    article: str | None = field(metadata=meta("article (null: none or not known)", "string | null"))
    form: str = field(metadata=meta("arms, bases or defence_industry", "string"))
    limit: str = field(metadata=meta("where an attack must fall for the help to be owed: a place set's id "
                                     "(place_sets.yaml, e.g. far-east-1960), else the scope's tokens", "string"))
    certainty: str = field(metadata=meta("how well the form of help is sourced (as `Support.certainty`)", "string"))
    limit_certainty: str = field(metadata=meta("how sure the limit's extent is: the least certain of the place sets "
                                               "it names (place_sets.yaml; verified where it names none)", "string"))


def limit_named(entry: HelpEntry, sets: Mapping[str, Sequence[str]],
                doubted: Mapping[str, str] | None = None) -> Limit:
    """A form of help's place limit in a word (the id of each place set it was written with, else its tokens; its
    territory and forces parts apart where they differ) and how sure its extent is (`place_limit.limit_of`)."""
    scope = entry.scope
    if scope is None:
        return "anywhere", "verified"
    return limit_of(scope.territory, scope.forces, sets, doubted or {})


def owed_support(entry: HelpEntry) -> bool:
    """Whether an entry binds its givers to support its recipients in a war: arms (not a mere self-help
    clause), bases granted to the other party (not a reciprocal access framework, where each visit needs both
    sides' consent), or defence-industrial help directed to named recipients, in the treaty or a companion."""
    if entry.basis == "separate":
        return False
    if entry.form is HelpForm.ARMS:
        return entry.level != "self_help"
    if entry.form is HelpForm.DEFENCE_INDUSTRY:
        return entry.to is not None
    return entry.form is HelpForm.BASES and entry.level == "one_way"


def support_legs(treaty: Treaty, members: frozenset[str], day: dt.date) -> list[SupportLeg]:
    """The support legs of one treaty among its members on `day`. Each is as certain as the least certain of its
    entry, the treaty's standing and, for an alliance read past its source's coverage, that reading."""
    if treaty.assistance is None:
        return []
    year, out, rows, own = day.year, [], row_instruments(treaty), treaty.instrument.value
    standing = treaty.standing_on(day)
    for e in treaty.assistance.forms:
        if not held_in(e, year) or not owed_support(e):
            continue
        givers = members & set(e.by if e.by is not None else members)
        takers = members & set(e.to if e.to is not None else members)
        sure = worst([Certainty(e.certainty), standing]).value
        coded = _no_giver(treaty, e)
        out += [SupportLeg(g, t, treaty.id, e, sure, coded, owed_under(rows, own, g, t), known_under(rows, g, t))
                for t in sorted(takers) for g in sorted(givers) if g != t]
    return out


def _no_giver(treaty: Treaty, entry: HelpEntry) -> str | None:
    """The ATOP code of an entry the ATOP import made for a whole alliance (no giver, no recipient), else None."""
    if treaty.origin != "atop" or entry.by is not None or entry.to is not None:
        return None
    return atop_code(entry.form, entry.level)


def limit_reached(entry: HelpEntry, attacks: Iterable[Struck], places: Mapping[str, Place]) -> bool:
    """Whether a form of help's place limit lets it be owed in this war: some attack of the war (`attacks`, on the
    places by id `places`) falls in its scope, its territory tokens for an attack on territory and its forces tokens
    for one on forces, each read as a clause's scope reads it (`token_matches`, through `any_matches`); a form with no
    limit, always."""
    scope = entry.scope
    if scope is None:
        return True
    land = None if scope.territory is None else parted(tuple(scope.territory))
    forces = None if scope.forces is None else parted(tuple(scope.forces))
    for attack in attacks:
        part = land if attack.kind == "territory" else forces
        if part is None or any_matches(part, places[attack.place], attack.victim):
            return True
    return False


_first = itemgetter(0)  # a stored record's sort key (`supporters`)


def supporters(legs: Sequence[SupportLeg], side_of: Mapping[str, str], busy: Iterable[str],
               attacked: Iterable[str], by_recipient: Mapping[str, Sequence[int]] | None = None,
               made: dict[object, tuple[tuple[str, ...], Support]] | None = None,
               war: tuple[Iterable[Struck], Mapping[str, Place]] = ((), {}),
               unreached: list[int] | None = None,
               sets: tuple[Mapping[str, Sequence[str]], Mapping[str, str]] = ({}, {})) -> list[Support]:
    """Support owed to each belligerent (`side_of`) by states not fighting nor bound to fight (`busy`).
    `by_recipient` (`recipients(legs)`, kept by the caller) lets it look only at the legs owed to belligerents;
    `made`, kept by the caller with `legs`, keeps each record made with its sort key, by the leg's position and the
    side, and by the record (records are immutable: equal ones are one object, not made anew each cascade;
    docs/performance.md, sessions 31 and 66); `war`: the war's
    attacks and the places by id on its date, that a form with a place limit is read against (`limit_reached`);
    `unreached`, when given, gets the position of each leg owed but for its place limit (`Unreached`); `sets`: the
    place sets and those whose extent is unsure (`Gazetteer.sets`, `doubted_sets`), that a form owed for its place
    limit is said with (`Support.limit`: inside far-east-1960 the line says its extent unverified, as the line saying
    it not owed outside does)."""
    busy_, hit = set(busy) | set(side_of), set(attacked)
    attacks, places = list(war[0]), war[1]
    picked = range(len(legs)) if by_recipient is None else sorted(  # the recipients that fight, found in C
        [i for state in by_recipient.keys() & side_of.keys() for i in by_recipient[state]])
    store: dict[object, tuple[tuple[str, ...], Support]] = {} if made is None else made
    out = []
    for i in picked:
        leg = legs[i]
        if leg.recipient in side_of and leg.provider not in busy_ and (leg.entry.when != "wartime"
                                                                       or leg.recipient in hit):
            if leg.entry.scope is not None and not limit_reached(leg.entry, attacks, places):
                if unreached is not None:
                    unreached.append(i)
                continue
            side = side_of[leg.recipient]
            record = store.get((i, side))
            if record is None:
                e = leg.entry
                limit, sure = limit_named(e, *sets) if e.scope is not None else (None, None)
                made_ = Support(leg.provider, leg.recipient, side, leg.treaty, e.article, e.form.value, e.level,
                                e.when, e.basis, leg.certainty, leg.coded, leg.instrument, limit, sure,
                                leg.instrument_known)
                record = store[i, side] = store.setdefault(made_, (_order(made_), made_))  # equal ones made one
            out.append(record)
    # without repeats, in the legs' order (equal keys stay in it, not in a set's order): equal records are one object
    # (`store`), so told apart by identity, without a `Support.__hash__` (in Python, of 15 fields) per record; sorted
    # by the order kept with each
    found = sorted({id(s): s for s in out}.values(), key=_first)
    return [s for _, s in found]


def _order(s: Support) -> tuple[str, str, str, str, str, str]:
    """Where `supporters` sorts a record (kept with it in the store: a record's sort key is made once)."""
    return s.side, s.supports, s.state, s.treaty, s.form, s.article or ""


def unreached_records(legs: Sequence[SupportLeg], picked: Iterable[int], side_of: Mapping[str, str],
                      sets: Mapping[str, Sequence[str]], doubted: Mapping[str, str] | None = None
                      ) -> list[Unreached]:
    """The records of the legs `supporters` found owed but for their place limit (`unreached`), without repeats, in
    the order `supporters` sorts its records; `doubted`: the place sets whose extent is not verified, with their
    certainty (`Gazetteer.doubted_sets`)."""
    out: dict[Unreached, None] = {}
    for leg in (legs[i] for i in picked):
        limit, sure = limit_named(leg.entry, sets, doubted)
        out[Unreached(leg.provider, leg.recipient, side_of[leg.recipient], leg.treaty, leg.entry.article,
                      leg.entry.form.value, limit, leg.certainty, sure)] = None
    return sorted(out, key=lambda u: (u.side, u.supports, u.state, u.treaty, u.form, u.article or ""))


def recipients(legs: Sequence[SupportLeg]) -> dict[str, list[int]]:
    """The positions of the legs owed to each recipient (for `supporters`)."""
    out: dict[str, list[int]] = {}
    for i, leg in enumerate(legs):
        out.setdefault(leg.recipient, []).append(i)
    return out
