"""What a state's "Why?" on a war's date says of a pause in its fighting (a frame's `paused`: a ceasefire takes no
state out of the war, so a state still fighting is said to be paused) and of a binding that ended (a frame's
`released`: when it was bound, by what, and the change that released it), each with the change's date and the pages
the war file cites for it. The web map's copy: web/src/warended.ts (tests/test_war_pause.py checks the parity)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from foedus.cited import instrument_said, tagged_cited
from foedus.cited_names import named_cited
from foedus.war.words import bound_duty, change_said
from foedus.wording import named_state

__all__ = ["NOT_LEFT", "RESUMED", "binding_said", "bound_since_said", "ended_by", "lapsed_said", "now_under_said",
           "ongoing_conditions", "pause_lines", "paused_said", "paused_since", "released_cell", "released_on",
           "released_said", "released_since"]

NOT_LEFT = "no attack by or on it goes on, but it has not left the war"
"""What a paused state's line says after the change that paused it: a ceasefire or an attack's end is no exit."""

RESUMED = "fighting again: an attack by or on it goes on"
"""What `foedus war`'s timeline says of a paused state on the day an attack by or on it begins again."""


def ended_by(cause: Mapping[str, Any] | None, sources: Sequence[Mapping[str, Any]]) -> str:
    """The change that ended an attack or a binding, after "paused since DATE" or "released on DATE": "under the
    ceasefire of 2026-04-08 (ceasefire: every attack ends; source: India TV News (8 Apr 2026), ...)", else "after"
    the change as the text says it (`change_said`), with the pages cited for its event (a title, else the address);
    "" where the day had no change to name."""
    if cause is None:
        return ""
    cited = "; ".join(str(p.get("title") or p["url"]) for p in sources)
    if cause["type"] == "ceasefire":
        return f" under the ceasefire of {cause['date']} ({change_said(cause)}{'; source: ' + cited if cited else ''})"
    return f" after {change_said(cause)}{f' (source: {cited})' if cited else ''}"


def paused_said(paused: Mapping[str, Any]) -> str:
    """After "Fighting on the attack side on DAY": since when no attack by or on the state goes on, under which
    change, and that it is still in the war (a frame's `paused` entry)."""
    return f", {paused_since(paused)}: {NOT_LEFT}"


def paused_since(paused: Mapping[str, Any], cite: bool = True) -> str:
    """"paused since DATE" and the change that paused it (`ended_by`), as "Why?" and `foedus war`'s table and
    timeline say it; `cite=False` leaves the pages off (the text output lists every event's pages at its end)."""
    return f"paused since {paused['since']}{ended_by(paused.get('cause'), paused.get('sources', ()) if cite else ())}"


def released_said(released: Mapping[str, Any], cite: Callable[[Mapping[str, Any]], str],
                  sides: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> str:
    """After "Neither fighting nor bound on DAY": the binding it had last (`cite`: its treaty named, its article
    and certainty, as a bound state's line cites them), its side (by its lead states where `sides` names them:
    `foedus.war.words.side_words`), from when (`released_since`), and the change that released it on its span's end
    (a frame's `released` entry); the duty it was where its span says whom it defended (`bound_duty`, its states named
    by `names`)."""
    side = (sides or {}).get(released["side"]) or f"the {released['side']} side"
    duty = bound_duty(released, names or {}) or f"bound to join {side}"
    return f"; {duty} {released_since(released, cite)}, {released_on(released)}"


def released_since(released: Mapping[str, Any], cite: Callable[[Mapping[str, Any]], str]) -> str:
    """From when a released state was bound, under what (`cite`): "from 2025-12-01 under X"; where its last binding
    continued an earlier one without a break (the entry's `since`, `since_under`: `foedus.war.unbroken.released_span`),
    that one's day and provision first, so the later provision's day is not read as the start of its duty: "without a
    break from 2024-08-06, first under CSTO (csto_1992) art. 4 (secondary: article), then from 2025-03-13 under
    Russia–Belarus 2024 (rus_blr_2024) art. 4 (secondary: article)". The web's copy: warended.ts `releasedSince`."""
    since, under = released.get("since"), released.get("since_under")
    if not since or since == released["from"]:
        return f"from {released['from']} under {cite(released)}"
    if not under:
        return f"without a break from {since} under {cite(released)}"
    then = f"then from {released['from']} under {cite(released)}"
    return f"without a break from {since}, first under {cite(under)}, {then}"


def released_on(released: Mapping[str, Any], cite: bool = True) -> str:
    """"released on DATE" and the change that released the state (`ended_by`), as "Why?" and `foedus war`'s table
    say it; `cite=False` leaves the pages off, as `paused_since`."""
    cause, pages = released.get("cause"), released.get("sources", ()) if cite else ()
    return f"released on {released['to']}{ended_by(cause, pages)}"


def released_cell(released: Mapping[str, Any], first_from: str, cite: Callable[[Mapping[str, Any]], str],
                  pages: bool = False, above: bool = False) -> str:
    """`foedus war`'s table under a state's first binding (bound from `first_from`), and `--out`'s `released`
    column (`pages`: with the pages cited for the change): "released on DATE" where the binding released is that one,
    else which binding was released ("its binding of 2004-10-01 under `cite`'s words"), so a later binding's release
    is not read as the first's; one that continued an earlier binding without a break says that one's day and
    provision first (`released_since`): "its binding without a break from 2024-08-06, first under csto_1992 art. 4,
    then from 2025-03-13 under rus_blr_2024 art. 4, released on ...". Where that earlier binding is the first, said
    just above it (`above`: the text's table; the `--out` column reads alone), only what followed it: "then, without
    a break, from 2025-03-13 under rus_blr_2024 art. 4, released on ..."."""
    if released["from"] == first_from:
        return released_on(released, cite=pages)
    if above and released.get("since") == first_from:
        then = f"then, without a break, from {released['from']} under {cite(released)}, " \
            if released.get("since_under") else ""
        return then + released_on(released, cite=pages)
    if (released.get("since") or released["from"]) == released["from"]:
        return f"its binding of {released['from']} under {cite(released)} {released_on(released, cite=pages)}"
    return f"its binding {released_since(released, cite)}, {released_on(released, cite=pages)}"


def pause_lines(day: str, sides: Mapping[str, Sequence[str]], paused: Mapping[str, Any],
                was_paused: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """`foedus war`'s timeline on a frame's date (`day`, its `sides` and `paused`; `was_paused`: the date before's):
    a line for each state whose fighting pauses that day, its side, since when and under which change (`paused_since`,
    its pages left to the sources listed at the end) and that it has not left the war (`NOT_LEFT`); then one for each
    state paused the date before that fights on in an attack again (`RESUMED`; one that left is a move). The web's
    copy: web/src/warended.ts `pauseLines` (tests/test_war_pause_web.py). Each kind's lines by the name said
    (`foedus.by_name`), as the timeline's moves: they followed the engine's order (United Arab Emirates first)."""
    from foedus.by_name import by_name

    side = {s: name for name, states in sides.items() for s in states}
    lines = [f"{named_state(s, names)}: {side.get(s, '?')}, {paused_since(p, cite=False)}: {NOT_LEFT}"
             for s, p in paused.items() if p["since"] == day]
    again = [f"{named_state(s, names)}: {side[s]}, {RESUMED}" for s in was_paused if s in side and s not in paused]
    return by_name(lines, _named) + by_name(again, _named)


def _named(line: str) -> str:
    """A timeline line's state as it names it ("Oman (OMN)"), its sort key (`pause_lines`)."""
    return line.split(": ", 1)[0]


def lapsed_said(lapse: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A binding `cascade --ongoing-since` lists as lapsed (its summary's `lapsed` entry): the state, its span, side
    and provision (tagged, an instrument that is not a treaty said so: `binding_said`), and the change that released
    it, as a war's "Why?" says it (`ended_by`, no pages: the summary cites none). The web's copy:
    web/src/lapsedsaid.ts."""
    ended = ended_by(lapse.get("cause"), ())
    provision = binding_said(lapse)
    return (f"{named_state(lapse['state'], names)}: bound {lapse['from']} to {lapse['to']} ({lapse['side']}, "
            f"{provision}), no longer" + (f": released on {lapse['to']}{ended}" if ended else ""))


def bound_since_said(state: str, bound: Mapping[str, Any], names: Mapping[str, str],
                     titles: Mapping[str, str] | None = None) -> str:
    """A state `cascade --ongoing-since` lists as bound without a break (its summary's `bound_since` entry): the state,
    since when, its side and the provision that first bound it (tagged: `binding_said`), what binds it on the date
    where another provision does (`now_under_said`), and the change that bound it, in its record's words
    (`change_said`): "Belarus (BLR): 2024-08-06 (attack, csto_1992 art. 4 (secondary: article)), now under
    rus_blr_2024 art. 4 (secondary: article) — ...". The web summary's copy: web/src/lapsedsaid.ts `boundSinceSaid`."""
    cause = bound.get("cause")
    why = f" — {change_said(cause)}" if cause else ""
    return (f"{named_state(state, names)}: {bound['since']} ({bound['side']}, {binding_said(bound, titles)})"
            f"{now_under_said(bound, titles)}{why}")


def binding_said(binding: Mapping[str, Any], titles: Mapping[str, str] | None = None) -> str:
    """An `--ongoing-since` binding's or lapse's provision as a cascade's joiner line says one: cited, its certainty
    after it when not verified, with the facts not verified (`tagged_cited`: "csto_1992 art. 4 (secondary: article)";
    a record without them, from before they were sent, read as verified), an instrument that is not a treaty said so
    (`instrument_said`); an ATOP alliance with its title where `titles` has one (`named_cited`). The web's copy:
    web/src/lapsedsaid.ts `bindingSaid`."""
    certainty, doubted = binding.get("certainty", "verified"), binding.get("doubted", ())
    return tagged_cited(named_cited(binding["treaty"], titles or {}), binding["article"], certainty,
                        doubted, binding.get("levels")) + instrument_said(binding.get("instrument", "treaty"))


def now_under_said(bound: Mapping[str, Any], titles: Mapping[str, str] | None = None) -> str:
    """After an `--ongoing-since` binding's line, where the provision that binds the state on the date (its `now`) is
    not the one that first bound it: ", now under rus_blr_2024 art. 4 (secondary: article)" (`binding_said`), as the
    war's timeline says "now under"; "" where it is the same, or the record has no `now`. The web's copy:
    web/src/lapsedsaid.ts `nowUnder`."""
    now = bound.get("now")
    if not now or _provision(now) == _provision(bound):
        return ""
    return f", now under {binding_said(now, titles)}"


def ongoing_conditions(entry: Mapping[str, Any]) -> list[str]:
    """The conditions an `--ongoing-since` line's provisions assume (a `bound_since` or `lapsed` entry's
    `conditions`, and its `now`'s where the line cites that provision too: `now_under_said`), one a line, in the
    war's words (`conditions_said`: "condition: request-gated: assumes Russia (RUS) asks for help"), said under the
    line as a joiner's are under it: repeated, not "as above", since the provision that first bound a state may not
    be the one its joiner line cites (Belarus: csto_1992 art. 4, request-gated, then rus_blr_2024 art. 4), and a
    lapsed state has no joiner line. Where the line cites two provisions each condition names its own
    ("condition under csto_1992 art. 4: ..."); a record without them says none."""
    from foedus.cited import cited
    from foedus.war.words import CONDITION, conditions_said

    now = entry.get("now")
    if not now or _provision(now) == _provision(entry):
        return conditions_said(entry)
    return [f"{CONDITION.rstrip(': ')} under {cited(x['treaty'], x['article'])}: {c}"
            for x in (entry, now) for c in x.get("conditions", ())]


def _provision(x: Mapping[str, Any]) -> tuple[str, str, str]:
    """A binding's provision: its treaty, article and instrument (none said: a treaty), `now_under_said`'s test."""
    return x["treaty"], x["article"], x.get("instrument", "treaty")
