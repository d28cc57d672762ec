"""A note for a cascade whose attacker and target are at war with each other on its day in a bundled war
(`foedus/data/wars`): `foedus cascade -a RUS -t UKR -d 2024-12-15` said no state is bound, while the war's replay
binds North Korea since 2024-12-04 through Ukraine's attack at Kursk; a reader took the one attack for the war.

The rule: for each bundled war whose span holds the day (its first event to its `end`, or to its data's end when
ongoing) and names both states (`_spans`, the files read once and kept in the user cache), the war's day is read
(`foedus.war.note_days`: its replay, made once per war and settings and kept in the user cache); when an attacker
and a target fight on opposite sides that day and the war binds a state that this cascade does not bind (joiner or
conflict) and that is not one of its own states, the note names the war, says this cascade reads this one attack
only, lists those states with their treaty, article, day and the attack their duty rests on (its place by name as on
the day, none on its victim's home territory: `foedus.place_words`), and points to
`foedus war ID --until DAY` and `--ongoing-since`. A war file of the user's (`foedus cascade --war-file`,
`foedus.war.own_file`) is read by the same rule beside the bundled wars, its days cached under its content. Added by
`foedus.run.run_scenario` (what the CLI, the API and the web run), not by the engine's `outcome`: a war's replay runs
the engine on each of its days, and takes no note of itself."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Mapping, Sequence, Set
from functools import cache, partial
from typing import TYPE_CHECKING

from foedus.cited import cited
from foedus.place_words import at_place, named_places
from foedus.wording import and_listed, named_state

if TYPE_CHECKING:
    from pathlib import Path

    from foedus.engine.scenario import Scenario
    from foedus.model.world import World
    from foedus.war.note_days import Bound, Day
    from foedus.war.own_file import OwnWar

__all__ = ["SETTINGS", "WAR_NOTE_START", "at_war", "fights", "named_in", "replay_settings", "war_day", "war_notes",
           "wars_spanning"]

SETTINGS = ("reading", "basis", "requested", "territory_view", "unresolved", "non_military", "decisions")
"""The replay's settings, in the order `foedus.war.replay.settings_of` and `foedus.war.evaluate.Settings` take them
(tests/test_war_notes.py holds the three alike)."""

WAR_NOTE_START = "the attacker and the attacked state are at war on "
"""How the note begins: `foedus batch` finds a result's war notes among its notes by it (its `war_note` column)."""

_Span = tuple[str, str, dt.date, dt.date, "frozenset[str] | None"]
_OnDay = tuple[dict[str, str], "list[Bound]"]  # a war's day: each fighting state's side, and the states it binds


@cache
def _spans(data_end: dt.date) -> tuple[_Span, ...]:
    """Each bundled war's id, name, first day, last day (its `end`, or its data's end: `foedus.war.replay.data_end`)
    and the state codes its events name (None when one is a name or a number: then only its span filters), read
    once a process, and kept in the user cache while the war files are unchanged: a cascade's start pays a stat of
    each file and one small read, and imports neither the war schema (pydantic, tests/test_cli_fast.py) nor YAML."""
    import hashlib

    from foedus.cachefile import cached_json
    from foedus.filehash import content_sha256
    from foedus.war.bundled import bundled_wars

    files = bundled_wars()
    key = hashlib.sha256(repr([data_end, *((w, content_sha256(p)) for w, p in files.items())]).encode()).hexdigest()
    return cached_json("war-spans", key, lambda: _scanned(files, data_end), _plain, _spans_of)


def _scanned(files: Mapping[str, Path], data_end: dt.date) -> tuple[_Span, ...]:
    """`_spans`' build: each war file's YAML, unchecked (a file the schema refuses is refused by `foedus war`, and
    read here as far as it goes: at worst a war is evaluated, and `war_days` finds it unreadable)."""
    import yaml

    out: list[_Span] = []
    for wid, path in files.items():
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            events = [e for e in raw.get("events") or [] if isinstance(e, dict)]
            days = [d for e in events for d in (e.get("date"), e.get("until")) if isinstance(d, dt.date)]
        except (OSError, yaml.YAMLError, AttributeError):
            continue
        if not days:
            continue
        end = raw.get("end")
        last = end if isinstance(end, dt.date) else max(data_end, *days)
        given = [e.get(k) for e in events for k in ("attacker", "victim", "state", "states")]
        named = [s for g in given for s in (g if isinstance(g, list) else [g]) if s is not None]
        codes = frozenset(named) if all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in named) else None
        out.append((wid, str(raw.get("name") or wid), min(days), last, codes))
    return tuple(out)


def _plain(spans: tuple[_Span, ...]) -> list[list[object]]:
    """The spans as JSON holds them."""
    return [[w, n, f.isoformat(), last.isoformat(), sorted(c) if c is not None else None] for w, n, f, last, c in spans]


def _spans_of(plain: list[list[object]]) -> tuple[_Span, ...]:
    """`_plain`'s inverse."""
    return tuple((str(w), str(n), dt.date.fromisoformat(str(f)), dt.date.fromisoformat(str(last)),
                  frozenset(c) if isinstance(c, list) else None) for w, n, f, last, c in plain)


def war_notes(world: World, scenario: Scenario, bound_of: Callable[[], Set[str]], names: Mapping[str, str],
              data_end: dt.date, own: OwnWar | None = None) -> list[str]:
    """The module's note, one per bundled war, and for the user's war file `own` (`--war-file`, checked already),
    in which an attacker and a target are at war on the day and that binds a state this cascade does not
    (`bound_of`: its joiners and conflicts, asked only then: reading the joiners cites them, which a cascade in no war
    need not do here)."""
    day, own_states = scenario.date, {*scenario.attackers, *scenario.targets}
    settings = replay_settings(scenario)
    wars: list[tuple[str, str, frozenset[str] | None, Callable[[], _OnDay | None], str]] = [
        (wid, title, named, partial(war_day, world, wid, day, settings), wid)
        for wid, title, named in wars_spanning(day, data_end)]
    if own is not None and not own.bundled and own.first <= day <= own.last:  # a bundled war's file: noted above
        from shlex import quote

        from foedus.war.note_days import file_days

        def own_day() -> _OnDay | None:
            return _on_day(file_days(world, own.war, own.digest, own.unchanged, settings), day)

        wars.append((own.war.id, own.war.name, own.named, own_day, quote(own.war.source)))
    out = []
    for wid, title, named, day_of, replayed in wars:
        if named is not None and not any(a in named and t in named for a in scenario.attackers
                                         for t in scenario.targets):
            continue
        found = day_of()
        if found is None or not any(at_war(found[0], a, t) for a in scenario.attackers for t in scenario.targets):
            continue
        bound = bound_of()
        more = [b for b in found[1] if b[0] not in bound and b[0] not in own_states]
        if more:
            called = named_places(world.places, day, {b[7] for b in more if b[7]}, names)
            out.append(_note(wid, title, day, more, names, called, world.places.home_of, replayed))
    return out


def replay_settings(source: object, **given: object) -> tuple[object, ...]:
    """A war replay's settings (`SETTINGS`, `settings_of`'s arguments): each from `given`, else `source`'s (a
    scenario's attribute, or a sweep's switches' key: those of `foedus.inputs.ATLAS`), the one place either is read."""
    if isinstance(source, Mapping):
        return tuple(given[k] if k in given else source[k] for k in SETTINGS)
    return tuple(given[k] if k in given else getattr(source, k) for k in SETTINGS)


def wars_spanning(day: dt.date, data_end: dt.date) -> list[tuple[str, str, frozenset[str] | None]]:
    """The bundled wars whose span holds `day` (`_spans`): each one's id, name and the state codes it names (None
    when it names one otherwise), read from the user cache; no war replayed."""
    return [(wid, title, named) for wid, title, first, last, named in _spans(data_end) if first <= day <= last]


def named_in(data_end: dt.date) -> dict[str, frozenset[str]]:
    """Each bundled war that names its states by code (`_spans`), by id: the states its events name, the only ones
    that can fight in it, so a war none of a scenario's states is named in needs no replay to say none fights there
    (a war naming one otherwise, or unreadable, is not in it)."""
    return {wid: named for wid, _, _, _, named in _spans(data_end) if named is not None}


def war_day(world: World, wid: str, day: dt.date, settings: tuple[object, ...]) -> _OnDay | None:
    """The bundled war `wid` on `day` under `settings` (the replay's `settings_of` arguments), as its replay's
    last evaluated day up to `day` holds it (`foedus.war.note_days`): each fighting state's side, and the states it
    binds; None before its first evaluated day, or in a world that cannot read it."""
    from foedus.war.note_days import war_days

    return _on_day(war_days(world, wid, settings), day)


def _on_day(days: Sequence[Day], day: dt.date) -> _OnDay | None:
    """`war_day`'s reading of a war's replayed days: the last evaluated day up to `day`."""
    at = bisect.bisect_right([d[0] for d in days], day.isoformat())
    if not at:
        return None
    _, sides, held = days[at - 1]
    return {s: k for k, states in sides.items() for s in states}, held


def at_war(side: Mapping[str, str], a: str, b: str) -> bool:
    """The one rule of a pair at war on a war's day (`war_day`'s sides): both fight in it, on opposite sides."""
    return bool(side.get(a)) and bool(side.get(b)) and side[a] != side[b]


def fights(side: Mapping[str, str], states: Set[str]) -> bool:
    """Whether one of `states` fights in a war on a war's day (`war_day`'s sides), on either side: what makes a
    scenario's state a party of the war that day (the map's Replay, `/api/wars/at`'s `involved`)."""
    return any(side.get(s) for s in states)


def _note(wid: str, title: str, day: dt.date, more: list[Bound], names: Mapping[str, str],
          called: Mapping[str, str], homes: Mapping[str, str], replayed: str) -> str:
    """The note's words: the war, that this cascade reads one attack, and what the war binds on the day besides,
    grouped by side and by the attack the duties rest on, then by duty: "... also binds, on the side of Russia (RUS),
    from the attack of Ukraine (UKR) on Russia (RUS) in Kursk Oblast (2024-08-06): Belarus (BLR), ... under csto_1992
    art. 4 since 2024-08-06, ... and North Korea (PRK) under rus_prk_2024 art. 4 since 2024-12-04", each provision
    cited by the one rule (`foedus.cited.cited`: "sau_pak_2025 art. unknown (text not public)", not in brackets again)
    (`called`: the places by name, by id; `homes`: each state's home place, not said: `_rests`; `replayed`: what
    `foedus war` is given to replay it, the bundled war's id or the war file's path)."""
    groups: dict[tuple[str, ...], dict[str, list[str]]] = {}
    for s, side, treaty, article, since, *cause in more:
        groups.setdefault((side, *cause), {}).setdefault(f"under {cited(treaty, article)} since {since}", []).append(s)
    said = "; ".join(f"on the side of {named_state(side, names)}{_rests(by, on, place, began, names, called, homes)}: "
                     + and_listed([f"{_bound(states, names)} {duty}" for duty, states in duties.items()])
                     for (side, by, on, place, began), duties in groups.items())
    return (f"{WAR_NOTE_START}{day} in the recorded war {wid} ({title}); "
            f"this cascade reads this one attack only: on that day the war also binds, {said} "
            f"(foedus war {replayed} --until {day}; an attack's course since an earlier day: foedus cascade "
            f"--ongoing-since)")


_NAMED = 5  # a duty binding more states than this counts them and lists them by code


def _bound(states: list[str], names: Mapping[str, str]) -> str:
    """The states one duty binds: each named ("Belarus (BLR), ... and Tajikistan (TJK)"), or, past `_NAMED`, counted
    and listed by code ("15 states (COM, DJI, ...)"): iran_2026's note named 15 Arab League members in one run of
    names, which hid the duty that binds them."""
    if len(states) <= _NAMED:
        return and_listed([named_state(s, names) for s in states])
    return f"{len(states)} states ({', '.join(sorted(states))})"


def _rests(by: str, on: str, place: str, began: str, names: Mapping[str, str],
           called: Mapping[str, str] | None = None, homes: Mapping[str, str] | None = None) -> str:
    """The attack a duty rests on: ", from the attack of Ukraine (UKR) on Russia (RUS) in Kursk Oblast (2024-08-06)",
    its place by name (`called`, else its id) and none on the victim's home territory (`homes`), by place_words' rule
    (`at_place`): "on Bahrain (BHR) in bahrain" repeated the state, and said its id."""
    if not by:
        return ""
    at = at_place(place, on, called or {}, homes or {}).removeprefix(" at ") if place else ""
    where = f" in {at}" if at else ""
    when = f" ({began})" if began else ""
    return f", from the attack of {named_state(by, names)} on {named_state(on, names)}{where}{when}"
