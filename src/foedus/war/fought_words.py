"""How a fighting state's "Why?" names whom it fights: a state drawn into the war by an attack on it fights against
its attackers ("Fighting against Iran (IRN) on 2025-06-24 (attacked by Iran (IRN) on 2025-06-23)", Qatar in
israel_iran_2025), not "on the side of Israel (ISR)", which read as though it had joined Israel; one that joined, by
entry or by its own attack, fights on its side, named by the side's lead states. A frame does not record how a state
came in: its spell of fighting does (`StateRecord.spells`, `how`, `cause` and `by`, every attacker of its first day);
whom it fights on a later day, its frame's `attacked_by` (Iran from 2025-06-22 "against Israel (ISR) and United States
(USA)", struck by the US that day, "attacked by Israel (ISR) on 2025-06-13"). The web's copy: web/src/warsides.ts
`spellOn`, `fightingHead` (tests/test_war_fought.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from foedus.wording import and_listed, named_state

__all__ = ["attackers_of", "fighting_head", "lead_head", "spell_on"]


def spell_on(spells: Sequence[Mapping[str, Any]], day: str) -> Mapping[str, Any] | None:
    """The spell of fighting standing on `day` (ISO): the last that began by it and had not ended (`to`, its first
    day out of the war, after it or none); None where none stands."""
    return next((s for s in reversed(spells) if s["from"] <= day and (s["to"] is None or day < s["to"])), None)


def attackers_of(spell: Mapping[str, Any], state: str, names: Mapping[str, str]) -> list[str]:
    """The states whose attacks on `state` brought it into the war, named: every attacker of its spell's first day
    (`by`, in the order a binding's `because` is chosen: `foedus.war.attackers.attacked_by`), where two events of that
    day struck it, not only the first event's (its `cause`); a spell without `by` (a record from before it was
    carried), its `cause`'s attacks on it."""
    attacks = (spell.get("cause") or {}).get("attacks", ())
    by = spell.get("by") or [x["attacker"] for x in attacks if x["victim"] == state]
    return [named_state(a, names) for a in dict.fromkeys(by)]


def fighting_head(state: str, spell: Mapping[str, Any] | None, day: str, named: str,
                  names: Mapping[str, str], against: Sequence[str] = (), leads: Sequence[str] = (),
                  attacking: Sequence[str] = ()) -> str:
    """The start of a fighting state's "Why?" on `day`: against whom and since whose attack, where an attack on it
    drew it in (`spell`, its spell standing then: `how` "attacked"; "that day" where it began on `day`); a lead state
    of its side (`leads`, those `named` names) by its own attack (`lead_head`); else on `named`, its side as
    `side_words` names it. Against whom: every state whose attack on it goes on that day (`against`, its frame's
    `attacked_by` entry), not only those that drew it in; where none goes on (a ceasefire paused it), those."""
    by = attackers_of(spell, state, names) if spell is not None and spell.get("how") == "attacked" else []
    if (spell is None or not by) and state in leads:
        return lead_head(state, spell, day, names, leads, attacking)
    if spell is None or not by:
        return f"Fighting on {named} on {day}"
    when = "that day" if spell["from"] == day else f"on {spell['from']}"
    now = [named_state(s, names) for s in dict.fromkeys(against)] or by
    return f"Fighting against {and_listed(now)} on {day} (attacked by {and_listed(by)} {when})"


def lead_head(state: str, spell: Mapping[str, Any] | None, day: str, names: Mapping[str, str],
              leads: Sequence[str], attacking: Sequence[str] = ()) -> str:
    """A side's lead state, which "on the side of Israel (ISR)" read as joining itself: one that came in by its own
    attack fights against the states it attacks that day (`attacking`; where none, those its attack struck), beside
    its co-leads ("Fighting against Iran (IRN) alongside Israel (ISR) on 2026-04-08 (it attacked Iran (IRN) on
    2026-02-28)"); any other, on the side of its co-leads only."""
    co = [named_state(s, names) for s in leads if s != state]
    others = and_listed(co) if co else ""
    attacks = ((spell or {}).get("cause") or {}).get("attacks", ())
    struck = [named_state(v, names) for v in dict.fromkeys(a["victim"] for a in attacks if a["attacker"] == state)]
    if spell is None or spell.get("how") != "attacker" or not struck:
        return f"Fighting on the side of {others} on {day}" if others else f"Fighting on {day}"
    when = "that day" if spell["from"] == day else f"on {spell['from']}"
    now = [named_state(s, names) for s in dict.fromkeys(attacking)] or struck
    along = f" alongside {others}" if others else ""
    return f"Fighting against {and_listed(now)}{along} on {day} (it attacked {and_listed(struck)} {when})"
