"""Lists of states as users give them: repeated values and comma-separated ones, where one state's name may itself
hold a comma (ISO 3166 writes South Korea "Korea, Republic of").

The one parser of the command line, the web API and `foedus.cascade`: each splits its state values here and
nowhere else, so a name means the same state in all three; and the one rule that a list names each state once
(`foedus.listed.listed_twice`), for these lists (`resolve_states`) as for a war or treaty file's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from foedus.declare import split_values
from foedus.errors import AmbiguousNameError, FoedusError, ListedTwiceError, UnknownStateError
from foedus.listed import listed_twice
from foedus.wording import ONE_STATE

if TYPE_CHECKING:
    import datetime as dt

    from foedus.model.places import Place
    from foedus.model.states import State, StateRegistry
    from foedus.model.world import World

__all__ = ["held_later_said", "holders_not_then", "input_value", "non_member", "one_state", "resolve_listed",
           "resolve_states", "split_names"]


def split_names(values: list[str] | str | None, states: StateRegistry | None = None,
                day: dt.date | None = None, *, name: str = "states", advice: str | None = None) -> list[str]:
    """Repeated and comma-separated state names as one list: the comma-separated parts of each value, where two
    parts that together name one state ("Korea, Republic of", "Korea, Rep."; ISO 3166's names have one comma)
    stay one name. `states`: the registry (default: the bundled world's), read only for a value with a comma; `day`:
    the day names several states have carried are read on (today when not given: "Yemen, Arab Rep." is one name on
    a day the Yemen Arab Republic was a state).

    Only names join parts: codes and numbers never do ("2,20" is COW 2 and 20, not 220), and
    two states' names stay two ("Russia, Ukraine"). An empty or blank item ("RUS,", "") is refused, `name` (the
    option: `--attacker`, `attacker`) naming the list (`foedus.declare.split_values`, with its `advice`), not dropped
    without a word.

    >>> split_names(["UKR", "POL, LTU"]), split_names("USA,Korea, Republic of")
    (['UKR', 'POL', 'LTU'], ['USA', 'Korea, Republic of'])
    """
    out: list[str] = []
    items = 0  # the comma-separated items of the values before: an empty one is told by its place in the whole list
    for value in [values] if isinstance(values, str) else values or []:
        parts = split_values(value, name, before=items, advice=advice)
        items += len(parts)
        if len(parts) > 1:
            if states is None:
                from foedus.model.world import World

                states = World.default().states
            parts = _joined(parts, states, day)
        out += parts
    return out


def resolve_states(world: World, names: list[str] | str | None, day: dt.date, role: str) -> list[State]:
    """The states of a list a user gives (attackers, targets, compare's --against: repeated, or comma-separated,
    split by `split_names`), each named once: a state given twice, as RUS and RUS or as RUS and Russia, is refused
    naming it (`foedus.listed.listed_twice`, the war file's rule), not taken once without a word.

    Raises:
        ScenarioError: an empty or blank item ("RUS,"), naming `role`. ListedTwiceError: a state given twice.
        AmbiguousNameError, UnknownStateError: as `resolve_listed`; a place, told so (a target, with --place).
    """
    parts = split_names(names, world.states, day, name=role)  # "UKR,POL" is two states, "Korea, Republic of" one
    states = [resolve_listed(world, part, day, role) for part in parts]
    if twice := listed_twice([state.id for state in states], role):
        raise ListedTwiceError(": ".join(twice))
    return states


def one_state(world: World, text: str, day: dt.date | None, name: str) -> State:
    """The one state `text` names on `day` (`foedus states QUERY`, `foedus war --state`): a text with a comma read
    first as a list is (`split_names`), so that an empty or blank item ("USA,,") is refused naming `name` as a
    cascade's list refuses it, not dropped, advised to give one state (`foedus.wording.ONE_STATE`: a list's advice
    would invite the list it cannot take); then as one name (`World.state_named`: two states, "USA,CAN", are
    refused as naming several; an empty or blank text is said to be so, as `StateRegistry.resolve` says it).

    Raises:
        ScenarioError: an empty or blank item of a list. UnknownStateError, AmbiguousNameError: as
            `World.state_named`.
    """
    if "," in text:
        split_names(text, world.states, day, name=name, advice=ONE_STATE)
    return world.state_named(text, day)


def non_member(world: World, state: State, day: dt.date, role: str, last: dt.date | None = None) -> str | None:
    """The one rule that a state a user gives as `role` (a cascade's attacker or target, `foedus war --state`) is a
    member of the state system on `day` (with `last`: on some day from `day` to `last`): the one-line refusal when
    it is not, else None (a member, or unknown: no system dates, or before 1816). Named as it was called on `day`.

    COW's list on the day, not the state-system rule's reading (`foedus.engine.rules.system.in_system`, where a day
    before a state's first spell is not out): the rule gives that benefit to a party a file records (a treaty's member,
    a war file's fighter: Montenegro in 1914), whose source COW's late admission must not overrule; a state typed for
    a day before its first spell, with nothing to vouch for it, is mostly today's code for a predecessor's day (UKR in
    1914, CZE in 1938, AUT for Austria-Hungary), which the refusal catches. Both read a state between spells (Norway on
    1940-05-15) as out. See docs/adding-a-rule.md.

    The refusal says, in parentheses, when the state is a member and the states of its name that are members then
    (`foedus.model.spells_said.member_said`: "target Austria (AUT) is not a member of the state system on 1914-08-05
    (a member 1919-09-10–1938-03-13; did you mean Austria-Hungary (COW300), a member 1816-01-01–1918-11-12?)"), so a
    caller's words after it ("; it cannot be a party then") still follow the day."""
    member = state.member_on(day) if last is None else _member_between(state, day, last)
    if member is not False:
        return None
    from foedus.model.spells_said import member_said  # here: only a refusal reads it

    when = str(day) if last is None else f"any day from {day} to {last}"
    return f"{role} {world.states.names_on(day).get(state.id, state.name)} ({state.id}) is not a member of the " \
           f"state system on {when} ({member_said(world.states, state, day, last)})"


def holders_not_then(world: World, place: Place, day: dt.date, view: str = "recognized") -> list[State]:
    """The states the gazetteer gives `place` to on `day` (under `view`) that are no members of the state system
    then, where no dated record of the place covers the day: a place's own fields describe it today, so such a
    holder is a later day's (Narva Estonia's on 1900-01-01, when the Russian Empire held it), and who held it on
    `day` is not recorded; none where a record covers the day (a record says who held it), the day's membership is
    unknown (no system dates, or before 1816), or for a state's home territory, its state's by definition (refused as
    a place on a day its state is no state: `foedus.model.gazetteer`)."""
    own = world.places.places[place.id]
    if own.kind == "home" or any(record.covers(day) for record in own.history):
        return []
    held = own.holders("claimant" if view == "claimant" else "recognized")
    return [state for h in sorted(held) if (state := world.states.get(h)).member_on(day) is False]


def held_later_said(world: World, place: Place, day: dt.date, victim: str, view: str, names: dict[str, str],
                    called: str) -> str | None:
    """Why an attack on `victim`'s territory at `place` on `day` cannot be read, where the holder the gazetteer gives
    is no state then (`holders_not_then`): who held it that day is not recorded, not that it was that holder's. The
    one wording of `foedus cascade`'s place check and a war file's (`foedus.war.loader`); None where it does not
    apply."""
    later = [f"{names.get(s.id, s.name)} ({s.id})" for s in holders_not_then(world, place, day, view)]
    if not later:
        return None
    return (f"{called} ({place.id}) is not known to be territory of {names.get(victim, victim)} ({victim}) on {day}: "
            f"the gazetteer gives it to {' and '.join(later)}, its holder today, no state of the system then, and "
            "records no holder of it on that day")


def _member_between(state: State, first: dt.date, last: dt.date) -> bool | None:
    """Whether `state` is a system member on some day from `first` to `last` (`State.member_on` on `first` and on
    the first day of each of its spells in between); None when unknown."""
    if state.member_on(last) is None:
        return None
    return any(state.member_on(day) for day in (first, *(start for start, _ in state.spells if first < start <= last)))


def resolve_listed(world: World, name: str, day: dt.date, role: str) -> State:
    """One state of a list (attackers, targets, compare's --against: repeated, or split by `split_names`); a name of
    several states is told how such a list takes them (AmbiguousNameError, UnknownStateError as `resolve`); a place
    is told it is one (`World.state_named`), a target's with --place."""
    try:
        return world.state_named(name, day, place_option=role == "target")
    except AmbiguousNameError as exc:
        raise exc.advised(" per value (repeat the option, or separate them with commas)") from None


def _joined(parts: list[str], states: StateRegistry, day: dt.date | None) -> list[str]:
    """The parts, each two that name one state joined back into that name."""
    out: list[str] = []
    start = 0
    while start < len(parts):
        pair = parts[start:start + 2]
        take = 2 if len(pair) == 2 and _names_one(pair, states, day) else 1
        out.append(", ".join(pair) if take == 2 else parts[start])
        start += take
    return out


def _names_one(pair: list[str], states: StateRegistry, day: dt.date | None) -> bool:
    """Whether the two parts are one state's name written with a comma, "Korea, Republic of", "Korea, Rep.", "Yemen,
    People's Republic of", "Congo, Democratic Republic of (Zaire)": together they name one state on `day` (`resolve`,
    every form it reads), the second names none on its own (a name beside it in parentheses aside), and the first
    names no other (it may name several, that one among them: "Yemen" any Yemen) unless the second is only a style
    ("China, Republic of" is Taiwan); or the second is only a style, naming no state ("United States" does), and the
    whole names none, whose refusal says why ("China, Democratic Republic"). Not "RUS, Korea", "2, Canada",
    "Russia, Ukraine", "China, Taiwan": two states; nor "2, United States", a state given twice."""
    from foedus.model.state_names import STYLE_WORDS, plain_names, words  # here: a list with no comma needs none

    try:
        state = states.resolve(", ".join(pair), day).id
    except UnknownStateError:  # a style alone names no state: the whole says what is wrong ("China, Democratic Rep.")
        style = words(plain_names(pair[1].lower()))
        return bool(style) and set(style) <= STYLE_WORDS and not _named(pair[1], states, day)
    except FoedusError:  # several states ("Russia, Ukraine")
        return False
    second = re.sub(r"\([^()]*\)", " ", pair[1])
    if _named(second, states, day):
        return False
    first = _named(pair[0], states, day)
    return not first or state in first or set(words(second.lower())) <= STYLE_WORDS


def _named(text: str, states: StateRegistry, day: dt.date | None) -> frozenset[str]:
    """The states `text` names on its own: one, or those of a name several have carried ("Korea": on any day), or the
    one a refused name means ("America": the USA, `state_aliases.NOT_STATES`, no style), or none."""
    carriers = states.carriers(text)
    try:
        return frozenset({states.resolve(text, day).id}) | carriers
    except FoedusError as exc:  # the candidates of a name several carry, or of one that names no state
        return frozenset(str(c["id"]) for c in getattr(exc, "candidates", [])) | carriers


def input_value(value: Any, split: bool, name: str) -> Any:
    """An input's value as a command receives it: a list of states (`Input.split`) as `split_names` gives it (an
    empty item refused naming the option, `name`), anything else as given.

    >>> input_value(["UKR", "POL,LTU"], True, "--attacker"), input_value(["a,b"], False, "--x")
    (['UKR', 'POL', 'LTU'], ['a,b'])
    >>> input_value(None, True, "--target") is None
    True

    Raises:
        ScenarioError: an empty or blank item of a list of states ("RUS,").
    """
    return split_names(value, name=name) if split and value is not None else value
