"""Catalogue rows (treaties, states, places, regions) for the CLI and the web API, from the loaded world.

Pure functions of the world with no web framework in them, so they are easy to test and to cache:
the world never changes while the server runs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

from foedus.cited_names import atop_title
from foedus.engine.certainty import first_day, how_sure
from foedus.engine.certainty_words import how_known
from foedus.list_day import standing_that_day
from foedus.member_dates import member_dates
from foedus.model.gazetteer import home_note
from foedus.model.states import State, StateRegistry
from foedus.model.treaty import DateCertainty, Kind, Member, Provision, Span, Treaty
from foedus.model.vocab import INSTRUMENT_WORDS, TREATY_SAID, Certainty
from foedus.model.windows import date_window
from foedus.model.world import World
from foedus.set_uses import set_record, sets_named
from foedus.wording import named_state

__all__ = ["carry_said", "certainty_said", "gates_said", "in_force_sure", "iso3_to_numeric", "member_name",
           "member_notes", "member_spans", "member_sure", "place_rows", "region_rows", "row_instrument_said",
           "span_edges", "state_rows", "terminated_sure", "treaty_detail", "treaty_help", "treaty_rows"]


def treaty_rows(world: World, day: dt.date | None, origin: str = "all") -> list[dict[str, Any]]:
    """One summary row per treaty (as `foedus treaties list --json`), optionally only those in force on `day`: then
    `members` counts the parties bound that day (else every state ever a party), and an ATOP alliance past its
    source's coverage (2018) is `carried-forward` (or its own tag, if worse), as a cascade on that day reports it, and
    no surer than its surest clause in effect (`standing_that_day`)."""
    from foedus.engine.table import active_members

    rows: list[dict[str, Any]] = []
    for t in sorted(world.treaties.values(), key=lambda t: t.id):
        if origin != "all" and t.origin != origin:
            continue
        active = active_members(t, day, "in-force") if day is not None else None
        if active is not None and not active:
            continue
        rows.append({
            "id": t.id, "name": t.short_name or t.name, "title": atop_title(t), "signed": t.signed.isoformat(),
            "in_force": t.in_force.isoformat() if t.in_force else None,
            "terminated": t.terminated.isoformat() if t.terminated else None,
            "members": len(active) if active is not None else len({m.state for m in t.members}),
            "kinds": sorted({p.kind.value for p in t.provisions}),
            "instrument": t.instrument.value,
            "certainty": (standing_that_day(t, day) if day is not None else Certainty(t.certainty)).value,
            "origin": t.origin,
            "invocations": len(t.invocations),
        })
    return rows


def treaty_detail(world: World, treaty_id: str) -> dict[str, Any]:
    """Everything about one treaty, invocation history included: `foedus treaties show --json` and
    `GET /api/treaties/{id}` alike.

    Each invocation and each member also says how sure it is, in words (`how_sure`), and so does the treaty's own
    entry into force (`in_force_how_sure`, when in force, or not found but with a window in which it may have come:
    `in_force_sure`) and its end (`terminated_how_sure`, when
    terminated: `terminated_sure`); `member_notes` the notes on the memberships' doubted facts, each against its
    fact, as `foedus treaties show` prints them under the members table (an empty list when none is doubted); each
    provision its `gates` and `party_gates`, as that table's gates column and the lines under it say them
    (`gates_said`); `place_sets` each place set its scopes name, with its extent's certainty and doubt
    (`foedus.set_uses.set_record`); `treaty_help` adds duties, forms of help and depth.

    Raises:
        UnknownTreatyError: no treaty with this id.
    """
    treaty = world.treaty(treaty_id)
    dumped: dict[str, Any] = treaty.model_dump(mode="json", exclude_none=True)
    for row, i in zip(dumped.get("invocations", []), treaty.invocations, strict=True):
        row["how_sure"] = how_sure(i.certainty, i.date_certainty)  # the tag and the date's window, in words
        if i.date_certainty is not None:  # the days it can truly lie in: the web marks one possibly after its date
            row["window"] = [d.isoformat() for d in date_window(i.date, i.date_certainty)]
    for row, m in zip(dumped["members"], treaty.members, strict=True):
        row |= member_dates(treaty, m) | {"how_sure": member_sure(treaty, m)}  # its dates, the treaty's if none own
    if treaty.in_force is not None or treaty.in_force_certainty is not None:
        dumped["in_force_how_sure"] = in_force_sure(treaty)
    if treaty.terminated is not None:
        dumped["terminated_how_sure"] = terminated_sure(treaty)
    dumped["member_notes"] = member_notes(world, treaty)
    dumped["place_sets"] = [set_record(name, world.places) for name in sets_named(treaty, world.places)]
    for row, p in zip(dumped.get("provisions", []), treaty.provisions, strict=True):
        row |= gates_said(treaty, p)
    return dumped | treaty_help(treaty)


def gates_said(treaty: Treaty, provision: Provision) -> dict[str, Any]:
    """The gates the rules put on a provision's legs, as `foedus treaties show` says them: `gates`, those decided per
    provision, in the gates column's words (`rules.gates.provision_gates`), and `party_gates`, those that read the
    parties, each `{gate, obligors}`: its words and the obligors of the legs it is carried on (`party_gates`)."""
    from foedus.engine.rules import gates  # the rules, read by a treaty's detail only

    return {"gates": gates.provision_gates(treaty, provision),
            "party_gates": [{"gate": words, "obligors": obligors}
                            for words, obligors in gates.party_gates(treaty, provision).items()]}


def treaty_help(treaty: Treaty) -> dict[str, Any]:
    """What `treaty_detail` derives beyond the file: duties per defence/offence provision, forms of help, depth (over
    the treaty's life, every form it held, as ATOP's alliance-level codes) and `depth_latest`: for a treaty some of
    whose forms began late or ended (`since`, `until`), its depth from the last such change on, the forms that held
    then only, as `foedus dyads --depth` reads a year (`{"year", "depth", "depth_all"}`; null when none changed)."""
    from foedus.model.help import duty_of, forms_of_help
    from foedus.research.depth import DepthModel, treaty_depth
    from foedus.sources.atop_codes import form_years

    duties = [duty_of(treaty, p).to_dict() | {"kind": p.kind.value, "obligors": p.obligors,
                                              "beneficiaries": p.beneficiaries}
              | ({"non_military": p.non_military} if p.non_military else {})  # the EU neutrals' carve-out
              for p in treaty.provisions if p.kind in (Kind.DEFENSE, Kind.OFFENSE)]
    forms = [e.model_dump(mode="json", exclude_none=True) for e in forms_of_help(treaty)]
    model, years = DepthModel.bundled(), form_years(treaty)
    latest = treaty_depth(treaty, model, year=years[-1]) if years else None
    return {"duties": duties, "forms_of_help": forms, "depth": treaty_depth(treaty, model),
            "depth_latest": None if latest is None else {"year": years[-1], "depth": latest["depth"],
                                                         "depth_all": latest["depth_all"]}}


def in_force_sure(treaty: Treaty) -> str:
    """The treaty's entry into force, as sure as its standing (`Treaty.certainty`, as a member row is as sure as its
    membership), with how well its day is known and what of it is verified, in words (`how_sure`): 'verified; date:
    its day reported, but sure only to the year (year: verified; day: known from secondary reporting only)' (NATO);
    'verified' when known to the day. One not found (`in_force` null) says from when it may have come: 'verified;
    date: the true date may be any day from 2025-10-06, or not yet (not verified)' (the Pukpuk Treaty)."""
    return how_sure(treaty.certainty, treaty.in_force_certainty, unfound=() if treaty.in_force else ("date",))


def carry_said(treaty: Treaty) -> str:
    """How an alliance carried past its source's coverage (`Treaty.carried_from`, foedus.sources.history) stands after
    it, as `foedus treaties show` says it after the entry into force and the web's treaty list beside it (said.ts
    `carrySaid`): in force after that day only as carried forward, the certainty every result resting on it then
    carries, and the check of its standing (`Treaty.carry_checked`) or that none is recorded: 'in force after
    2018-12-31 only as carried forward (carried-forward; ATOP's coverage ends that day; checked on 2026-12-05
    (tass.com): in force in January 2025, ...)'. Only ATOP alliances are carried. "" for a treaty not carried (a
    curated one, one ATOP ends by 2018, one a correction ends or hands over)."""
    if treaty.carried_from is None:
        return ""
    check = treaty.carry_checked or "no check of it recorded"
    return (f"in force after {treaty.carried_from} only as carried forward ({Certainty.CARRIED.value}; ATOP's "
            f"coverage ends that day; {check})")


def certainty_said(treaty: Treaty) -> str:
    """The treaty's certainty as `foedus treaties show`'s header ends with it: its tag ('verified'), and for an alliance
    carried past its source's coverage (`carry_said`), what each part of its years rests on: the tag up to the
    coverage's last day (the tag is of the years the source codes), carried forward after it: 'verified to
    2018-12-31, carried-forward after'."""
    if treaty.carried_from is None:
        return treaty.certainty.value
    return f"{treaty.certainty.value} to {treaty.carried_from}, {Certainty.CARRIED.value} after"


def terminated_sure(treaty: Treaty) -> str:
    """The treaty's end, as its entry into force is said (`in_force_sure`): as sure as its standing, with how well
    its day (`terminated`, the first day out of force) is known (`Treaty.terminated_certainty`), in words."""
    return how_sure(treaty.certainty, treaty.terminated_certainty)


def member_sure(treaty: Treaty, m: Member) -> str:
    """A membership's tag, with how well its days are known and what of each is verified, in words (`how_sure`):
    'verified; left: its day reported, but sure only to the year (year: verified; day: known from secondary reporting
    only)'. A row that records no `joined` joined on the entry into force, so its `joined` is known as that is,
    unless it says otherwise (`first_day`); with neither recorded, as an entry into force not found
    (`in_force_sure`)."""
    day, joined = first_day(treaty, m)
    spans = dict(edge for kind, spans in member_spans(m) for s in spans for edge in span_edges(kind, s))
    said = how_sure(m.certainty, None, joined=joined, left=m.left_certainty, **spans,
                    unfound=() if day else ("joined",))
    return said if m.instrument is None else f"{said}; {row_instrument_said(m)}"


def row_instrument_said(m: Member) -> str:
    """A row's own kind of instrument (one that overrides its record's), with how sure it is: "instrument: a
    political statement, not a treaty (known from secondary reporting only)" (ukr_bilateral_2024's partners)."""
    sure = "" if m.instrument_certainty == Certainty.VERIFIED else f" ({how_known(m.instrument_certainty)})"
    return f"instrument: {INSTRUMENT_WORDS.get(m.instrument or 'treaty', TREATY_SAID)}{sure}"


def member_name(world: World, treaty: Treaty, m: Member) -> str:
    """A membership's state as its row names it: "Egypt (EGY)", as the state was called when the row begins (its
    `joined`, else its `signed`, the treaty's entry into force or signature: the Soviet Union in 1979)."""
    first = m.joined or m.signed or treaty.in_force or treaty.signed
    return named_state(m.state, world.states.names_on(first))


def member_notes(world: World, treaty: Treaty) -> list[dict[str, str]]:
    """The notes on the memberships' doubted facts, each once (a span on two rows of a state: once), in the members'
    order, as {"state": its id, "fact": the state and the fact, "note": the note, its runs of spaces and line breaks
    one space}: {"state": "EGY", "fact": "Egypt (EGY), suspended 1979-03-31–1989-05-23", "note": "..."}. `foedus
    treaties show` prints them under its members table, and the web's "Why?" panel a state's own under each treaty
    (`state`: not another member's note read as about the state clicked; `_doubted` says which facts)."""
    notes: list[dict[str, str]] = []
    for m in treaty.members:
        again = sum(x.state == m.state for x in treaty.members) > 1  # a state with two rows: which one
        for fact, note in _doubted(treaty, m, member_name(world, treaty, m), again):
            said = {"state": m.state, "fact": fact, "note": " ".join(note.split())}
            if said not in notes:
                notes.append(said)
    return notes


def _doubted(t: Treaty, m: Member, name: str, again: bool) -> list[tuple[str, str]]:
    """The notes of a membership's doubted facts, each (the state and the fact, the note), as the JSON keeps them:
    the row's `note` when the membership is not verified; a suspension's or freeze's `note` when it is not
    verified; a date's (`joined_certainty`'s, `left_certainty`'s, a span's `start_certainty`'s or
    `end_certainty`'s) whenever given, as such a date is known less than to the day. Verified facts' notes are left
    to the members' rows, too many and too long to list again."""
    joined = m.joined or t.in_force or "—"
    facts: list[tuple[str, str | None]] = [
        (f"{name}, from {joined}" if again else name, m.note if m.certainty != Certainty.VERIFIED else None),
        (f"{name}, joined {joined}", _note(m.joined_certainty)),
        (f"{name}, out from {m.left}", _note(m.left_certainty))]
    for kind, spans in member_spans(m):
        for s in spans:
            what = "suspended" if kind == "suspension" else "frozen"  # as the members table's column says it
            facts.append((f"{name}, {what} {s.start}–{s.end or ''}",
                          s.note if s.certainty != Certainty.VERIFIED else None))
            facts += [(f"{name}, {edge}", _note(how)) for edge, how in span_edges(kind, s)]
    return [(label, note) for label, note in facts if note]


def _note(how: DateCertainty | None) -> str | None:
    return how.note if how is not None else None


def member_spans(m: Member) -> tuple[tuple[str, list[Span]], ...]:
    """A membership's suspensions and freezes, each list with its kind as `member_sure` names it."""
    return ("suspension", m.suspended), ("freeze", m.frozen)


def span_edges(kind: str, s: Span) -> tuple[tuple[str, DateCertainty | None], ...]:
    """A span's first and last days, named as `member_sure` says them ('suspension start 1979-03-31'), each with
    how well it is known (`start_certainty`, `end_certainty`)."""
    return (f"{kind} start {s.start}", s.start_certainty), (f"{kind} end {s.end}", s.end_certainty)


@functools.cache
def iso3_to_numeric() -> dict[str, int]:
    """ISO 3166 alpha-3 -> numeric code (from countrycode), so the map can join its shapes to states."""
    import countrycode

    table = countrycode.codelist
    out: dict[str, int] = {}
    for alpha, numeric in zip(table["iso3c"], table["iso3n"], strict=True):
        if alpha and numeric is not None:
            out[str(alpha)] = int(numeric)
    return out


def state_rows(states: StateRegistry, day: dt.date | None, chosen: Iterable[State] | None = None,
               every: bool = False) -> list[dict[str, Any]]:
    """The states (all, or `chosen`) as `foedus states --json` and `/api/states` give them, with `iso3n`; on `day`,
    those not known to be out of the state system (each of them with `every`, `member` false), each named as called
    then (`StateRegistry.names_on`). `member` is true, or null where the COW dates cannot say (a state COW does not
    list, Palestine; a day before 1816) or no day is asked: the engine takes such a state on the day, unchecked, so it
    is listed, not left out."""
    numeric, names = iso3_to_numeric(), states.names_on(day)
    rows: list[dict[str, Any]] = []
    for s in states if chosen is None else chosen:
        member = s.member_on(day) if day is not None else None
        if member is False and not every:
            continue
        rows.append({
            "id": s.id, "ccode": s.ccode, "cow": s.cow_abb, "iso3": s.iso3,
            "iso3n": numeric.get(s.iso3) if s.iso3 else None, "name": names[s.id],
            "spells": [[a.isoformat(), b.isoformat() if b else None] for a, b in s.spells], "member": member,
        })
    return rows


def place_rows(world: World, homes: bool, day: dt.date | None = None) -> list[dict[str, Any]]:
    """The gazetteer's places (home territories only when asked), as `foedus places --json`; with `day`, as held
    on it (dated holders), and a state's home territory named as the state was called then (`StateRegistry.names_on`:
    the place `russia` is the Soviet Union's in 1979; its id stays)."""
    held = world.places.on(day) if day is not None else world.places.places
    names, rows = world.states.names_on(day), []
    for p in world.places:
        if homes or p.kind != "home":
            row = held[p.id].model_dump(mode="json")  # named as then (East Pakistan in 1965: `Place.on`)
            if (name := world.places.called(held[p.id], names)) != row["name"]:
                row.update(name=name, note=home_note(name))
            rows.append(row)
    return rows


def region_rows(world: World) -> list[dict[str, Any]]:
    """The regions treaty scopes name, as `foedus places --regions --json`."""
    return [r.model_dump() for r in world.places.regions.values()]
