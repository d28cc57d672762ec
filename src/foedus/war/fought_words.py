"""How a fighting state's "Why?" names whom it fights: a state drawn into the war by an attack on it fights against
its attackers ("Fighting against Iran (IRN) on 2025-06-24 (attacked by Iran (IRN) on 2025-06-23)", Qatar in
israel_iran_2025), not "on the side of Israel (ISR)", which read as though it had joined Israel; one that joined, by
entry or by its own attack, fights on its side, named by the side's lead states. A frame does not record how a state
came in: its spell of fighting does (`StateRecord.spells`, `how` and `cause`). The web's copy: web/src/warsides.ts
`spellOn`, `fightingHead` (tests/test_war_fought.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from foedus.wording import and_listed, named_state

__all__ = ["attackers_of", "fighting_head", "spell_on"]


def spell_on(spells: Sequence[Mapping[str, Any]], day: str) -> Mapping[str, Any] | None:
    """The spell of fighting standing on `day` (ISO): the last that began by it and had not ended (`to`, its first
    day out of the war, after it or none); None where none stands."""
    return next((s for s in reversed(spells) if s["from"] <= day and (s["to"] is None or day < s["to"])), None)


def attackers_of(spell: Mapping[str, Any], state: str, names: Mapping[str, str]) -> list[str]:
    """The states whose attack on `state` brought it into the war (its spell's `cause`'s attacks on it), named."""
    attacks = (spell.get("cause") or {}).get("attacks", ())
    return [named_state(a, names) for a in dict.fromkeys(x["attacker"] for x in attacks if x["victim"] == state)]


def fighting_head(state: str, spell: Mapping[str, Any] | None, day: str, named: str,
                  names: Mapping[str, str]) -> str:
    """The start of a fighting state's "Why?" on `day`: against whom and since whose attack, where an attack on it
    drew it in (`spell`, its spell standing then: `how` "attacked"; "that day" where it began on `day`), else on
    `named`, its side as `side_words` names it."""
    by = attackers_of(spell, state, names) if spell is not None and spell.get("how") == "attacked" else []
    if spell is None or not by:
        return f"Fighting on {named} on {day}"
    when = "that day" if spell["from"] == day else f"on {spell['from']}"
    return f"Fighting against {and_listed(by)} on {day} (attacked by {and_listed(by)} {when})"
