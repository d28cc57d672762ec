"""Why one state stands where it does on a replayed war's date: fighting on a side, bound to join one (the treaty
and its article), bound both ways (a conflict: why, under which treaties), or neither. The one wording of `foedus war
WAR --until DATE --state STATE`; the web map's "Why?" panel on a war's frame says the same (web/src/said.ts
`frameWhy`, tests/test_said_parity.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from foedus.cited import article_cited, bound_tag, instrument_said, tagged_article
from foedus.cited_names import titles_of
from foedus.conflict_words import treaties_said
from foedus.engine.rules.system import in_system
from foedus.errors import ScenarioError
from foedus.model.world import World
from foedus.state_lists import non_member, one_state
from foedus.war.fought_words import fighting_head, spell_on
from foedus.war.pause_words import paused_said, released_said
from foedus.war.recorded import recorded_on, recorded_said
from foedus.war.result import Frame, WarReplay
from foedus.war.since_words import since_said
from foedus.war.unbroken import began_on
from foedus.war.why_record import WarBoundSince, WarWhy, WarWhyAlso, rests_on
from foedus.war.words import FIGHTING_OUT, also_said, bound_duty, conditions_said, side_leads, side_words
from foedus.wording import named_state, not_in_system

__all__ = ["binding_cited", "conflict_why", "frame_why", "name_sure", "sides_on", "spell_standing", "standing",
           "treaty_named", "why_on", "why_record"]


def standing(state: str, frame: Frame) -> tuple[str, str | None]:
    """Where `state` (an id) stands on `frame`, and the side: fighting (on the side it fights on) comes first, then
    bound (to the side it is bound to join), then conflict (bound both ways), else neither."""
    side = next((s for s in ("attack", "defense") if state in frame.sides.get(s, ())), None)
    if side is not None:
        return "fighting", side
    if state in frame.bound:
        return "bound", frame.bound[state]["side"]
    return ("conflict" if state in frame.conflicts else "neither"), None


def frame_why(state: str, frame: Frame, day: str, treaty: Callable[[str], str],
              titles: Mapping[str, str] | None = None, member: bool = True, sides: Mapping[str, str] | None = None,
              names: Mapping[str, str] | None = None, spell: Mapping[str, Any] | None = None,
              leads: Mapping[str, Sequence[str]] | None = None) -> str:
    """"Why?" for `state` (an id) as `frame` stands on `day` (`standing`): the side it fights on, the obligation that
    binds it to join one (named by `treaty`, its id, the article cited: `article_cited`; its certainty when not
    verified, with the facts not verified: `bound_tag`, the article's own note of that doubt dropped:
    `tagged_article`; an instrument that is not a treaty said so: `instrument_said`; then the conditions it assumes, as
    the cascade states them: `conditions_said`; then each other obligation that binds it that day, as `also_said`
    words it, an ATOP alliance with its title where `titles` has one; then since when it has been bound to that side
    without a break, and where the treaty or article changed since, under what first: `since_said`), or a conflict
    (`conflict_why`); a state
    fighting with no attack by or on it going on says since when
    and under which change (`paused_said`: a ceasefire takes no state out of the war), and one neither fighting nor
    bound that was bound earlier, its last binding and what released it (`released_said`); one fighting on a day it is
    out of the state system by the rule's reading (not `member`: `foedus.engine.rules.system.in_system`) says it is no
    party then (`FIGHTING_OUT`). A side is named by its lead states where `sides` names them (`side_words`: "Bound to
    join the side of Iran (IRN)"; "the attack side" of iran_2026 read as the side of the strikes on Iran); a binding
    as the duty it is, its states named by `names` (`bound_duty`: "Bound to defend Qatar (QAT) against Iran (IRN)",
    where "the side of Israel (ISR)" was the side Qatar's defenders were counted on); a state an attack drew in (its
    `spell` of fighting standing that day: `spell_on`) as fighting against its attackers (`fighting_head`: "Fighting
    against Iran (IRN) on 2025-06-24 (attacked by Iran (IRN) on 2025-06-23)", not "on the side of Israel (ISR)"), and a
    lead state of its side (`leads`, the war's, those still fighting on it) by its own attack, not "on the side of"
    itself."""
    stands, side = standing(state, frame)
    named = (sides or {}).get(side or "") or f"the {side} side"
    if stands == "fighting":
        paused = frame.paused.get(state)
        out = "" if member else FIGHTING_OUT
        ours = [s for s in (leads or {}).get(side or "", ()) if s in frame.sides.get(side or "", ())]
        attacking = [v for v, by in frame.attacked_by.items() if state in by]  # whose attacks by it go on that day
        head = fighting_head(state, spell, day, named, names or {}, frame.attacked_by.get(state, ()), ours, attacking)
        return f"{head}{paused_said(paused) if paused else ''}{out}."
    if stands == "bound":
        bound = frame.bound[state]
        also = "".join(f"; {line}" for line in (*conditions_said(bound), *also_said(bound.get("also", ()), titles)))
        since = since_said(bound, day, lambda b: binding_cited(dict(b), treaty))
        duty = bound_duty(bound, names or {}) or f"bound to join {named}"
        return f"B{duty[1:]} on {day} under {binding_cited(bound, treaty)}{also}{since}."
    if stands == "conflict":
        return conflict_why(frame.conflicted.get(state), day)
    released = frame.released.get(state)
    ended = released_said(released, lambda b: binding_cited(dict(b), treaty), sides, names) if released else ""
    return f"Neither fighting nor bound on {day}{ended}."


def binding_cited(bound: dict[str, Any], treaty: Callable[[str], str]) -> str:
    """A binding as a bound state's line cites it: its treaty named (`treaty`) with its id, the article cited, its
    certainty when not verified with the facts not verified (`bound_tag`, the article's own note of that doubt
    dropped: `tagged_article`), an instrument that is not a treaty said so (`instrument_said`)."""
    certainty, doubted = bound.get("certainty", "verified"), tuple(bound.get("doubted", ()))
    tag = bound_tag(certainty, doubted, bound.get("levels"))
    article = tagged_article(bound["article"], certainty, doubted)
    return (f"{treaty(bound['treaty'])} ({bound['treaty']}) {article_cited(article or '')}{tag}"
            f"{instrument_said(bound.get('instrument', 'treaty'))}")


def conflict_why(conflicted: dict[str, Any] | None, day: str) -> str:
    """A conflict's "Why?" on a war's date, from the frame's `conflicted` record of it: why it is bound both ways, as
    the cascade's conflict line says it ("bound both to join and not to join the war against Ukraine (UKR)", not "bound
    to both sides" where a neutrality duty clashes with a duty to join), under which treaties, and that it is counted on
    neither side (a record missing: the bare reason, as a frame from before it carried them said); each treaty with
    what an instrument that is not a treaty is, as the conflict's line says it (`conflict_words.treaties_said`)."""
    if not conflicted:
        return f"Bound to both sides on {day}."
    reason = conflicted["reason"]
    treaties = treaties_said(conflicted["treaties"], conflicted.get("instruments", {}))
    return f"{reason[:1].upper()}{reason[1:]} on {day} under {treaties}; counted on neither side."


def treaty_named(world: World) -> Callable[[str], str]:
    """A treaty's name as the treaty list gives it (`foedus.catalog.treaty_rows`, the web map's names): its short
    name, else its name; its id where the world has no such treaty."""

    def name(treaty_id: str) -> str:
        t = world.treaties.get(treaty_id)
        return treaty_id if t is None else t.short_name or t.name

    return name


def name_sure(world: World, treaty_id: str) -> str | None:
    """How sure a treaty's name is (`Treaty.name_certainty`: "secondary" where the line tags it "; name secondary"),
    None where the world has no such treaty."""
    t = world.treaties.get(treaty_id)
    return None if t is None else str(t.name_certainty)


def _standing(result: WarReplay, world: World, state: str, day: dt.date | None) -> tuple[dt.date, Frame, str, str]:
    """The day answered (`day`, the replay's last by default or when `day` was the one asked past the war's data),
    the frame standing then, the state's id, and the line `why_on` prints: ending with the switches the replay ran
    under other than their defaults (`foedus.war.render.settings_tail`'s words, as its header says them), if any."""
    from foedus.war.render import settings_tail

    when = result.end if day is None or day == result.asked else day
    frame = result.frame_on(when)
    found = one_state(world, state, when, "--state")
    sid = found.id
    refused = non_member(world, found, result.war.start, "state", result.end)
    if refused is not None and not _fights(result, sid):
        raise ScenarioError(refused)  # as `foedus cascade` refuses it: no day of this replay has it in the system
    # out of the system on this day as COW lists it: said so when it neither fights nor is bound; one fighting is said
    # to be no party by the rule's reading (`in_system`: a day before its first spell is not out, Montenegro in 1914)
    neither = found.member_on(when) is False and standing(sid, frame)[0] == "neither"
    party = in_system(world.states, sid, when)
    name, titles = treaty_named(world), titles_of(world.treaties.values())  # a named ATOP alliance: its title, tagged
    sides, names = sides_on(result, frame, when)  # each side by its leads fighting that day; a duty's states named
    spell = spell_standing(result, sid, when)  # how it came into the war: an attack on it, or joining a side
    why = not_in_system(when) if neither else frame_why(sid, frame, when.isoformat(),
                                                        lambda t: titles.get(t) or name(t), titles, party, sides, names,
                                                        spell, side_leads(result.war))
    why += recorded_said(n.to_dict() for n in recorded_on(result.war, sid, when))  # what the file says, unreplayed
    switches = settings_tail(result.settings).removeprefix("; ")  # a line read alone says what the replay assumed
    return when, frame, sid, f"{named_state(sid, world.states.names_on(when))}: {why}" + (
        f" Replayed under: {switches}." if switches else "")


def sides_on(result: WarReplay, frame: Frame, when: dt.date) -> tuple[dict[str, str], Mapping[str, str]]:
    """What `frame_why` names the sides by on `when` (`side_words`: by the leads fighting on `frame`, the states named
    as on `when`) and those names (a binding's states: `bound_duty`); the web's "Why?" is given the same."""
    names = result.names_on(when)
    return side_words(side_leads(result.war), names, frame.sides), names


def spell_standing(result: WarReplay, state: str, when: dt.date) -> dict[str, Any] | None:
    """The state's spell of fighting standing on `when` (`spell_on`: its `how` and `cause`, which `frame_why` says
    of a state an attack drew in), None where it fights then in none or has no record; the web's "Why?" is given the
    same (web/src/warsides.ts `spellOn`)."""
    record = result.states.get(state)
    spell = spell_on(record.spells, when.isoformat()) if record is not None else None
    return dict(spell) if spell is not None else None


def _fights(result: WarReplay, state: str) -> bool:
    """Whether `state` fights on some frame of the replay: the war's data has it in the war, though COW lists it on
    no day of it (Montenegro in 1914, in COW from 2006), so "Why?" answers for it."""
    return any(state in f.sides.get(side, ()) for f in result.frames for side in ("attack", "defense"))


def why_on(result: WarReplay, world: World, state: str, day: dt.date | None = None) -> str:
    """`state` (any name `World.state_named` reads, as on the day) named as on `day`, then its `frame_why` on `day`
    (default: the replay's last day; the last, too, for the day an ongoing war was asked past its data's end:
    `WarReplay.asked`), from the frame standing then (`WarReplay.frame_on`).

    Raises:
        DateOutOfRangeError: `day` before the war or after the replay's last day. UnknownStateError,
            AmbiguousNameError: `state` names no state on that day, or several (a place given as one is refused,
            saying so: `World.state_named`). ScenarioError: `state` is a member of the state system on no day of
            the replay (`foedus.state_lists.non_member`, the rule `foedus cascade` refuses its states by); one that
            is on other days is said not to be a member on `day`, when it neither fights nor is bound then.
    """
    return _standing(result, world, state, day)[3]


def why_record(result: WarReplay, world: World, state: str, day: dt.date | None = None) -> WarWhy:
    """`why_on`'s answer as a record (`foedus war --state --json`): the line, where the state stands, and when it is
    bound, the obligation's treaty, article, the state's membership and the treaty's dates, each said verified or not by
    the obligation's certainty reasons (`rests_on`); and so for each other obligation that binds it that day (`also`,
    as the line names them); and since when it has been bound to that side without a break, by what then
    (`bound_since`: `foedus.war.unbroken.began_on`, the reading of the line's "without a break since").

    Raises:
        as `why_on`.
    """
    when, frame, sid, said = _standing(result, world, state, day)
    stands, side = standing(sid, frame)
    joiner = next(e for e in result.evaluations if e.date == frame.date).bound[sid] if stands == "bound" else None
    ob = joiner.primary if joiner else None
    facts = () if ob is None else rests_on(ob.treaty, ob.article, sid, ob.certainty_reasons)
    name = treaty_named(world)
    also = tuple(WarWhyAlso(o.treaty, name(o.treaty), name_sure(world, o.treaty), o.article, o.certainty,
                            rests_on(o.treaty, o.article, sid, o.certainty_reasons), o.certainty_reasons,
                            o.conditions, o.unresolved)
                 for o in (joiner.also if joiner else ()))
    began = began_on(result.states[sid].bound_spans, side, when.isoformat()) if joiner and side else None
    since = None if began is None else WarBoundSince(began["from"], began["treaty"], began["article"],
                                                     began["instrument"], began["certainty"], dict(began["levels"]))
    return WarWhy(war=result.war.id, day=when.isoformat(), state=sid, name=world.states.names_on(when).get(sid, sid),
                  stands=stands, side=side, said=said, treaty=ob.treaty if ob else None,
                  treaty_name=name(ob.treaty) if ob else None,
                  treaty_name_certainty=name_sure(world, ob.treaty) if ob else None, article=ob.article if ob else None,
                  certainty=ob.certainty if ob else None, facts=facts,
                  certainty_reasons=ob.certainty_reasons if ob else (), conditions=ob.conditions if ob else (),
                  unresolved=ob.unresolved if ob else (), also=also, bound_since=since,
                  recorded=tuple(n.to_dict() for n in recorded_on(result.war, sid, when)),
                  spell=spell_standing(result, sid, when) if stands == "fighting" else None,
                  attacked_by=tuple(frame.attacked_by.get(sid, ())) if stands == "fighting" else (),
                  paused=frame.paused.get(sid) if stands == "fighting" else None,
                  released=frame.released.get(sid) if stands == "neither" else None,
                  asked_until=result.asked.isoformat() if result.asked else None,
                  note="\n".join(result.warnings) or None)
