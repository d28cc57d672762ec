"""A war replay's change records in words, each state named ("Ukraine (UKR)", `foedus.wording.named_state`): the
one wording, made once here with the replay's names, that the JSON carries as each record's `text` and that the
text prints from it (`foedus war`, `cascade --ongoing-since`, `foedus demo`; the web map too), so no two can word a
change apart. The record's `label` keeps the ids; `change_said` says a treaty change's certainty after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from foedus.cited import bound_tag, clause_said, doubt_cited, instrument_said, tagged_cited
from foedus.cited_names import named_cited
from foedus.engine.certainty_words import UNCERTAIN, doubt_words
from foedus.limit_words import owed_in
from foedus.place_words import at_place, attack_words
from foedus.render import certainty_tag
from foedus.war.changes import change_words
from foedus.war.system_changes import system_text
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from foedus.war.events import War

__all__ = ["CONDITION", "DUTIES_HEADING", "FIGHTING_OUT", "NO_DOUBTS", "add_text", "also_said", "bound_duty",
           "change_said", "change_text", "conditions_said", "doubt_lines", "duty_lines", "end_sure", "entered_words",
           "fighting_out_cell", "side_leads", "side_words", "sides_said"]

DUTIES_HEADING = "other duties (casus foederis while fighting; consultation; neutrality)"
"""The heading over a state's other duties (`duty_lines`): `foedus war`'s text prints it as it is, the web map's
"Why?" on a war's date capitalised, with a colon (web/src/said.ts `DUTIES_HEADING`, `dutiesHead`;
tests/test_said_parity.py)."""


_ENTERED = {"attacker": "by its own attack", "attacked": "was attacked", "entry": "by entry"}


def entered_words(how: str, by: Iterable[str] = ()) -> str:
    """How a state came into the war (a spell's `how`: attacker, attacked or entry), as `foedus war`'s table says it
    after the side: "defense 1914-08-04 (by its own attack)" for Britain's declaration of war on Germany, where
    "defense 1914-08-04 (attacker)" read as a contradiction, and "(attacker)" and "(attacked)" differed by a letter;
    one attacked by whom (`by`, named): "attack 2025-06-23 (attacked by Iran (IRN))" for Qatar, whose "(was
    attacked)" on the side of the war's first attack read as attacked by Iran's enemies. The JSON keeps the code; a
    code without words stays as is."""
    attackers = list(by)
    if how == "attacked" and attackers:
        return f"attacked by {and_listed(attackers)}"
    return _ENTERED.get(how, how)


FIGHTING_OUT = ("; not a member of the state system then, so no party to a treaty, bound by none and owed nothing "
                "(the war's data has it fighting)")
"""After "Fighting on the defense side on DAY" (`foedus.war.why.frame_why`), of a state fighting on a day it is out of
the state system (Norway from 1940-05-01 to its exit, 1940-06-10, by COW's dates): the war's data says who fights, the
system's dates who may be a party (`foedus.engine.rules.system`), so it fights on, bound by no treaty and owed no help
(docs/war.md). The web's copy: web/src/membership.ts `FIGHTING_OUT`."""


def fighting_out_cell(days: Iterable[tuple[dt.date, dt.date]]) -> str:
    """`foedus war`'s table, under a state's fighting: the days it fights out of the state system (each run's first
    and last day, `foedus.war.system_changes.out_days`), as "Why?" says such a day (`FIGHTING_OUT`): "not a member of
    the state system from 1940-05-01 to 1940-06-09, so no party to a treaty then, bound by none and owed nothing"."""
    runs = "; ".join(f"on {a}" if a == b else f"from {a} to {b}" for a, b in days)
    return f"not a member of the state system {runs}, so no party to a treaty then, bound by none and owed nothing"


NO_DOUBTS = "no uncertain date on this day"
"""A timeline's line on a frame whose doubts all ended (the windows that held the earlier frames' days closed)."""


def doubt_lines(doubts: Iterable[Mapping[str, Any]], names: Mapping[str, str]) -> list[str]:
    """A frame's doubts (`frames[].doubts`, each a cascade's JSON doubt), one a line, in the words a cascade's text
    says them ("Uncertain date: ...": `foedus.engine.certainty_words.doubt_words`), the states named as on the frame's
    day."""
    return [UNCERTAIN + doubt_words(d["fact"], d.get("state"), d.get("concerns", ()), names) for d in doubts]


def change_text(change: Mapping[str, Any], names: Mapping[str, str], places: Mapping[str, str] | None = None,
                homes: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None) -> str:
    """A change record of the replay (`frames[].changes`, a `cause`) in words, each state named (`named_state`):
    "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast" (`places` naming each place, `homes` each state's home:
    `foedus.place_words.at_place`), "Bulgaria (BGR) becomes a party to atop_2515", a state
    leaving the state system in the rule's words (`system_text`). Its JSON `label` keeps the ids; a record of a kind
    not worded here is said by it."""
    kind, who = change.get("type"), ", ".join(named_state(s, names) for s in change.get("states", ()))
    if kind == "attack":
        return "; ".join(sorted({attack_words(a["attacker"], a["victim"], a["target_kind"], a["place"], names,
                                              places=places, homes=homes) for a in change.get("attacks", ())}))
    if kind == "attack-ends":
        where = at_place(change["place"], change["victim"], places or {}, homes or {})
        return f"{named_state(change['attacker'], names)}'s attack on {named_state(change['victim'], names)}{where} " \
               f"ends{end_sure(change)}"
    if kind == "treaty":
        return change_words(change["change"], change["treaty"], change.get("state"), change.get("article"), names,
                            change.get("rests_on"), titles)
    if kind == "system":
        return system_text(change, names)
    one = len(change.get("states", ())) == 1
    if kind == "entry":
        return f"{who} {'enters' if one else 'enter'} the war on the {change.get('side')} side"
    if kind == "exit":
        return f"{who} {'leaves' if one else 'leave'} the war"
    if kind == "ceasefire":
        return f"ceasefire among {who}" if who else "ceasefire: every attack ends"
    return str(change.get("label", ""))


def end_sure(change: Mapping[str, Any]) -> str:
    """After an attack's end, how sure it is where its war file says it is not verified, and whose word it is:
    " (Russia's claim, unverified)" (a record's `until_by`, `until_certainty`); "" where verified."""
    sure = change.get("until_certainty")
    return f" ({', '.join(x for x in (change.get('until_by'), sure) if x)})" if sure else ""


def add_text(changes: Iterable[dict[str, Any]], names: Mapping[str, str], places: Mapping[str, str] | None = None,
             homes: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None) -> None:
    """Give each change record its `text` (`change_text`, its places named by `places`, a treaty's title with its id
    where `titles` has one), placed right after its
    `label`. In place: a move's, a spell's or a duty's `cause` is the very record of its frame's `changes`, and so
    carries it too."""
    for change in changes:
        text = change_text(change, names, places, homes, titles)
        items = [(k, v) for k, v in change.items() if k != "text"]
        change.clear()
        for key, value in items:
            change[key] = value
            if key == "label":
                change["text"] = text
        change.setdefault("text", text)


def change_said(change: Mapping[str, Any]) -> str:
    """A change record as the text and the page show it: its `text`, and a treaty change's certainty after it as a
    finding's is said (`certainty_tag`; the facts are in its JSON), so an unverified change does not read as verified.
    The web page's copy: web/src/wording.ts `changeSaid`."""
    if "certainty" not in change:
        return str(change["text"])
    facts = [r["fact"] for r in change.get("certainty_reasons", [])]  # said when verified but known to a window
    return str(change["text"]) + certainty_tag(change["certainty"], facts)


CONDITION = "condition: "
"""What a condition a duty assumes is said after, as the cascade's explanation says each of a joiner's
(`foedus.render.explain_lines`): web/src/said.ts `CONDITION`."""


def conditions_said(duty: Mapping[str, Any]) -> list[str]:
    """The conditions a duty of the war assumes (a binding's, a `first_bound`'s or a casus foederis's `conditions`:
    the cascade's own record of them, `Obligation.conditions`, the ATOP conditions read as met among them), one a
    clause: "condition: assumes the attack puts Russia (RUS) in a state of war". `foedus war --state`, the table's
    first binding, the other duties and the web map's "Why?" (web/src/said.ts `conditionsSaid`) say them so; a record
    without them (from before they were carried) says none."""
    return [CONDITION + c for c in duty.get("conditions", ())]


def also_said(also: Iterable[Mapping[str, Any]], titles: Mapping[str, str] | None = None) -> list[str]:
    """The other obligations that bind a state to join that day (a binding's `also`, each `{treaty, article,
    instrument, certainty, doubted}`), one a line: "also rus_kaz_1992 art. 2 (unverified: treaty, article)", each with
    its certainty as the primary's is said (`tagged_cited`: `bound_tag`, the article's own note of it dropped:
    `tagged_article`), then an instrument that is not a treaty said so (`instrument_said`), as a cascade's joiner line
    says its other duties; an ATOP alliance with its title where `titles` has one (`foedus.cited_names.named_cited`).
    The web page's copy: web/src/said.ts `alsoSaid`."""
    return ["also " + tagged_cited(named_cited(o["treaty"], titles or {}), o["article"], o.get("certainty", "verified"),
                                   o.get("doubted", ()), o.get("levels"))
            + instrument_said(o.get("instrument", "treaty")) for o in also]


def duty_lines(record: Mapping[str, Any], names_on: Callable[[str], Mapping[str, str]],
               until: str | None = None, titles: Mapping[str, str] | None = None) -> list[str]:
    """A state's other duties in a war (a `states[]` record of `foedus war --json`), one a line, each with its
    certainty as a binding's is said (`bound_tag`), its states named as on its date (`names_on`, by the date's ISO
    string): each casus foederis other than the one that first bound it, with the conditions it assumes
    (`conditions_said`), each duty to consult, each duty not to join the war against a state; only those dated on or
    before `until` when given; an ATOP alliance cited with its title where `titles` has one. The one wording of
    `foedus war`'s
    "other duties" and the web map's "Why?" on a war's date (web/src/said.ts `dutyLines`, tests/test_said_parity.py).
    """
    bound = record.get("first_bound")
    state = record["state"]

    def named(other: str, day: str) -> tuple[str, str]:
        names = names_on(day)
        return named_state(state, names), named_state(other, names)

    def due(duties: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        return [d for d in duties if until is None or d["date"] <= until]

    lines = []
    for t in due(record.get("triggered", ())):
        if bound is None or (t["date"], t["treaty"]) != (bound["date"], bound["treaty"]):
            who, toward = named(t["toward"], t["date"])
            lines.append(f"{who}: casus foederis {t['date']} toward {toward}, "
                         f"{_duty_cited(t, titles)} ({clause_said(t['kind'])})" + _tag(t)
                         + "".join(f"; {c}" for c in conditions_said(t)))
    lines += [f"{who}: consult {other} from {c['date']}{_to(c, until)} ({_duty_cited(c, titles)}{_limit(c)})" + _tag(c)
              for c in due(record.get("consultations", ())) for who, other in [named(c["with"], c["date"])]]
    lines += [f"{who}: must not join the war against {toward} from {n['date']} "
              f"({_duty_cited(n, titles)})" + _tag(n)
              for n in due(record.get("neutral", ())) for who, toward in [named(n["toward"], n["date"])]]
    return lines


def _to(duty: Mapping[str, Any], until: str | None) -> str:
    """After a duty's first date, " to DATE" where it ended (its `to`, the first day no longer owed) on or before
    `until` (any day, without it), with how sure that end is where it rests on an attack's end not verified
    (`to_by`, `to_certainty`: `foedus.war.duty_end`): " to 2025-04-27 (end: Russia's claim, unverified)". The web
    page's copy: said.ts `dutyTo`."""
    to, sure = duty.get("to"), duty.get("to_certainty")
    said = f" (end: {', '.join(x for x in (duty.get('to_by'), sure) if x)})" if sure else ""
    return f" to {to}{said}" if to and (until is None or to <= until) else ""


def _limit(consultation: Mapping[str, Any]) -> str:
    """After a consultation's citation, the place limit it is owed through, with its extent's doubt, as the cascade's
    "Consultation: " line says it (`foedus.limit_words.owed_in`); "" with none. The web page's copy: said.ts
    `consultLimit`."""
    limit = consultation.get("limit")
    return f", {owed_in(limit, consultation.get('limit_certainty'))}" if limit else ""


def _tag(duty: Mapping[str, Any]) -> str:
    """A duty record's `bound_tag`, from its `certainty`, `doubted` and `levels`. The web page's copy: said.ts
    `dutyTag`."""
    return bound_tag(duty["certainty"], duty.get("doubted", ()), duty.get("levels"))


def _duty_cited(duty: Mapping[str, Any], titles: Mapping[str, str] | None = None) -> str:
    """A duty record's provision, cited as `_tag` tags it (`doubt_cited`), an instrument that is not a treaty said so
    (`instrument_said`: "usa_qat_eo_2025 EO (an executive order, not a treaty)"). The web page's copy: said.ts
    `dutyCited`."""
    return doubt_cited(named_cited(duty["treaty"], titles or {}), duty["article"], duty["certainty"],
                       duty.get("doubted", ())) + instrument_said(duty.get("instrument", "treaty"))


def side_leads(war: War) -> dict[str, list[str]]:
    """The states each side of a replay is named by: its first attack event's attackers ("attack") and victims
    ("defense"), each once (the JSON's `war.leads`, which the web names its sides by)."""
    first = next(e for e in war.events if e.kind == "attack")
    pairs = [(a.attacker, a.victim) for a in first.attacks]
    return {"attack": list(dict.fromkeys(a for a, _ in pairs)), "defense": list(dict.fromkeys(v for _, v in pairs))}


def side_words(leads: Mapping[str, Iterable[str]], names: Mapping[str, str],
               fighting: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Each side by its lead states ("the side of United States (USA) and Israel (ISR)"), where a side word misleads:
    in iran_2026 "bound to join the attack side" read as bound to join the strikes on Iran, where it is the side of
    the Gulf states Iran struck. On a day (`fighting`: its frame's `sides`), by the leads still fighting on it; where
    none is, as "the side against" the other side's leads still fighting: europe_1939_1941's defense side after
    Poland left the war, 1939-09-28, is "the side against Germany (DEU)", not Poland's; where neither, not named (the
    side's code is said). The web's copy: warsides.ts `sideWords`."""
    def still(side: str) -> list[str]:
        return [s for s in leads.get(side, ()) if fighting is None or s in fighting.get(side, ())]

    out = {}
    for side in leads:
        ours, theirs = still(side), still("defense" if side == "attack" else "attack")
        if ours or theirs:
            listed = and_listed([named_state(s, names) for s in ours or theirs])
            out[side] = f"the side {'of' if ours else 'against'} {listed}"
    return out


def bound_duty(binding: Mapping[str, Any] | None, names: Mapping[str, str]) -> str | None:
    """A binding (a frame's `bound` entry, a bound span, a `first_bound`) as the duty it is, from the attack it answers
    (`because`) and its `kind`: "bound to defend Qatar (QAT) against Iran (IRN)", an offence "bound to join Germany
    (DEU)'s attack on Poland (POL)": the state the duty is owed to, which the side's lead states are not where a later
    attack set it off (Mongolia bound on 1941-06-22 to defend the Soviet Union, not "the side of Poland"); None
    without `because` (a record from before it was carried). The web's copy: warsides.ts `boundDuty`."""
    because = (binding or {}).get("because")
    if not because:
        return None
    attacked, by = named_state(because["attacked"], names), named_state(because["by"], names)
    if (binding or {}).get("kind") == "offense":
        return f"bound to join {by}'s attack on {attacked}"
    return f"bound to defend {attacked} against {by}"


def sides_said(attacks: Iterable[tuple[str, str]], names: Mapping[str, str]) -> str:
    """What the war's two sides are, from its first attack event's (attacker, victim) pairs: a replay's "attack"
    and "defense" are the sides of the war's first attacker and of its victim, which in iran_2026 (Israel and the US
    striking Iran) put the Gulf states Iran struck on the "attack" side; a reader took "Egypt: bound to join the
    attack side" for Iran's (the lines that say a binding name the side by these states now: `side_words`).
    `foedus war`'s text says it under its title."""
    pairs = list(attacks)
    by = [named_state(s, names) for s in dict.fromkeys(a for a, _ in pairs)]
    struck = [named_state(s, names) for s in dict.fromkeys(v for _, v in pairs)]
    return (f"sides: attack is the side of the war's first attack, by {and_listed(by)}; defense is the side of its "
            f"target, {and_listed(struck)}")
