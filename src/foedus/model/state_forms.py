"""Other forms research lists give a state's name in: a style put after a comma ("Vietnam, Republic of", Gleditsch
and Ward's and ISO's form of "Republic of Vietnam"), and a former or other name beside it in parentheses or after a
slash (GW's "Iran (Persia)", "Italy/Sardinia"); and the places and polities such lists name that are no state of the
COW system ("Hong Kong SAR, China", GW's "Great Colombia"), refused saying so. And which of the states a name several
have carried it means (`one_of`: the one on the day, or among a war's belligerents), or its refusal.

Read by `foedus.model.states.StateRegistry.resolve` only for a text that is no code or name of its index, or a name
several states have carried, like `foedus.model.state_names`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TypeVar

from foedus.errors import AmbiguousNameError, UnknownStateError
from foedus.model.slug import norm
from foedus.model.state_aliases import NOT_STATES
from foedus.model.state_files import COW_FIRST_DAY, spells_text
from foedus.model.state_names import MORE_WORDS, STYLE_WORDS, Named, candidates, plain_names, several_states, words
from foedus.wording import in_words, shown

__all__ = ["aside_state", "ended", "no_state", "not_a_number", "one_of", "other_forms", "qualifiers", "unstyled"]


class Dated(Named, Protocol):
    """What `one_of` reads of a state besides its names: its ISO3 code, and whether it is in the system on a day."""

    @property
    def iso3(self) -> str | None: ...
    def member_on(self, day: dt.date) -> bool | None: ...


S = TypeVar("S", bound=Named)
D = TypeVar("D", bound=Dated)

# what stands after a comma, when it is a style put after the name: "Republic of", "Arab Republic", "The"; and a
# name with another name (or several, "Annam/Cochin China/Tonkin") in parentheses. No `\s*` beside a part, which
# made a long run of spaces quadratic (each split of the run tried): the parts are stripped after the match.
_INVERTED = re.compile(r"([^,]+),([^,]*)")
_PARENTHESES = re.compile(r"([^()]+)\(([^()]+)\)\s*")

# places and polities research lists name that are no state of the COW system, and what each is: refused saying so,
# not taken for a state whose name they hold (Great Colombia is not Colombia; "Hong Kong SAR, China" is not China).
# GW n, years: its code and years in Gleditsch and Ward's list of independent states (gw_states.csv, 2017).
_NO_STATE = [
    (re.compile(r"\bhong\W*kong\b"), "Hong Kong (a part of China since 1997, a British colony before)"),
    (re.compile(r"\bmaca[ou]\b"), "Macao (a part of China since 1999, Portuguese before)"),
    (re.compile(r"\b(great|gran)\W+colombia\b"), "Great Colombia (GW 99, 1821-1830)"),
    (re.compile(r"\bunited\W+provinces\W+of\W+central\W+america\b"),
     "the United Provinces of Central America (GW 89, 1823-1839)"),
    (re.compile(r"\btransvaal\b"), "the Transvaal (GW 563, 1852-1910)"),
    (re.compile(r"\borange\W+free\W+state\b"), "the Orange Free State (GW 564, 1854-1910)"),
    (re.compile(r"\btibet\b"), "Tibet (GW 711, 1913-1950)"),
    # GW's "Vietnam (Annam/Cochin China/Tonkin)": COW counts Vietnam (816) from 1954 only
    (re.compile(r"\bannam\b|\bcochin\W*china\b|\btonkin\b"),
     "Vietnam before French rule, Annam, Cochin China and Tonkin (GW 815, 1816-1893; COW's Vietnam is a state from "
     "1954)"),
]
_NOT_STATES = {norm(name): meant_said for name, meant_said in NOT_STATES.items()}
# more names beside a name than any list gives (GW's most: three): more are not read as asides, each looked up
_MOST_ASIDES = 8
# words of styles that qualify no name ("the Republic of ..."; the "s" of "People's"; "State of Viet Nam": each is
# a state), and one style's two spellings: a text's other style words are its qualifiers (`qualifiers`), each one a
# state of its name must be called by
_NOT_QUALIFIERS = frozenset({"the", "of", "and", "s", "state"})
_SAME_STYLE = {"peoples": "people"}


def other_forms(raw: str) -> list[str]:
    """`raw` in lowercase with its abbreviations written out (`plain_names`: "Rep. of Korea" is "republic of korea"),
    and, when words of styles stand after a comma, with the style put first: "Vietnam, Republic of" is "republic of
    vietnam", COW's name of South Vietnam (the pattern of Vietnam's name would take it for Vietnam), and "Germany,
    Fed. Rep." is "federal republic of germany", a name several states have carried (dated as that name is).

    >>> other_forms("Vietnam, Rep. of"), other_forms("Gambia, The"), other_forms("Ukraine, Russia")
    (['vietnam, republic of', 'republic of vietnam'], ['gambia, the', 'the gambia'], ['ukraine, russia'])
    >>> other_forms("Korea, Rep.")
    ['korea, republic', 'republic of korea']
    """
    plain = plain_names(raw.lower())
    inverted = _INVERTED.fullmatch(plain)
    if inverted is None or not (style := words(inverted[2])) or not set(style) <= STYLE_WORDS:
        return [plain]
    joint = "" if style[-1] in ("of", "the") else " of"
    return [plain, f"{_trimmed(inverted[2])}{joint} {inverted[1].strip()}"]


def _trimmed(text: str) -> str:
    """`text` without the spaces before it and what is no letter, digit or "_" after it ("republic of." is "republic
    of"): by hand, as a regex `\\W*$` is quadratic on a long run of them."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return text[:end].lstrip()


def _asides(raw: str) -> tuple[str, list[str]] | None:
    """`raw` as a name and the other names beside it, "Iran (Persia)" or "Italy/Sardinia" ("Vietnam (Annam/Cochin
    China/Tonkin)": three), each stripped; None when it is neither form.

    >>> _asides("Iran (Persia)"), _asides("Tanzania / Tanganyika"), _asides("a / (b"), _asides("/b")
    (('Iran', ['Persia']), ('Tanzania', ['Tanganyika']), None, None)
    """
    if found := _PARENTHESES.fullmatch(raw):
        first, others = found[1], found[2]
    elif "(" in raw or ")" in raw or "/" not in raw:
        return None
    else:
        first, others = raw.split("/", 1)
    names = [other.strip() for other in others.split("/")]
    return (first.strip(), names) if first.strip() and any(names) else None


def not_a_number(raw: str) -> None:
    """Refuse a text whose digits are no COW number as written: -2 or 2.0 would be COW 2 or 20 once the signs are
    gone, and 002 (a fixed-width file's) is 2 written with zeros before it.

    Raises:
        UnknownStateError: `raw` is such a text.
    """
    if not raw.isdigit():
        raise UnknownStateError(f"unknown state {raw!r}: a COW number is a positive whole number in digits alone, "
                                "such as 2 or 365 (try `foedus states`)")
    if raw.startswith("0") and raw.lstrip("0"):
        raise UnknownStateError(f"unknown state {raw!r}: a COW number is written without leading zeros, such as "
                                f"{raw.lstrip('0')} (try `foedus states`)")


def no_state(raw: str, states: Mapping[str, Named] | None = None,
             names: Callable[[], Mapping[str, str]] = dict) -> None:
    """Refuse a text that names a place or polity that is no state of the system (`_NO_STATE`), saying what it is.

    Raises:
        UnknownStateError: `raw` names one ("Hong Kong SAR, China", "Great Colombia"), or is a name a reader types
            for a state that names none (`state_aliases.NOT_STATES`: "England" is part of the United Kingdom), with
            the state meant (of `states`, named as `names` gives) as its `candidates`, which the web form offers.
    """
    if (meant_said := _NOT_STATES.get(norm(raw))) is not None:
        code, said = meant_said
        meant = [states[code]] if states and code in states else []
        raise UnknownStateError(f"{shown(raw)} {said}", candidates=candidates(meant, names()), name=raw.strip())
    lowered = raw.lower()
    for pattern, what in _NO_STATE:
        if pattern.search(lowered):
            raise UnknownStateError(f"{raw!r} names {what}, which is no state of the COW state system "
                                    "(try `foedus states`)")


def aside_state(raw: str, resolve: Callable[[str], list[S]]) -> tuple[str, S] | None:
    """The first name and the state of a name followed by another of its names in parentheses, or after a slash
    ("Iran (Persia)", "Russia (Soviet Union)", "Italy/Sardinia"): of the states the first may name (`resolve`: one,
    those of a name several have carried on the day, none), the one each other name names too, or is words of the
    name of (`_its_name`: "Yemen (Arab Republic of Yemen)" is the Yemen Arab Republic on a day both Yemens were
    states); else None, and the text is looked up as a whole. The first is looked up first: when it names no state
    ("a/a/a/..."), or more names than `_MOST_ASIDES` stand beside it, the others are not looked up.

    Raises:
        AmbiguousNameError: the first and another name name states apart, "United States (Solomon Islands)" (which
            the pattern of the Solomon Islands' name took for them, "United States" being words of styles).
    """
    if (found := _asides(raw)) is None:
        return None
    first, others = found
    if len(others) > _MOST_ASIDES or not (named := resolve(first)):
        return None
    besides = [resolve(other) for other in others]
    fits = [state for state in named if all(_its_name(other, state) or state in aside
                                            for other, aside in zip(others, besides, strict=True))]
    if not fits and (apart := next((aside for aside in besides if aside and not set(aside) & set(named)), None)):
        raise several_states(raw, [named[0], apart[0]])  # "United States (Solomon Islands)": two states
    return (first, fits[0]) if len(fits) == 1 else None


def ended(raw: str, first: str, state: Dated, of_name: Sequence[D], day: dt.date,
          names: Mapping[str, str] | None = None) -> AmbiguousNameError:
    """The refusal of a name several states have carried with an aside that names one of them that is no state on
    `day` ("Germany (Prussia)" on 1960-01-01, "Yemen (Arab Republic of Yemen)" after 1990-05-21): such a name means
    a state of that name on the day (of `of_name`, the members), as it does alone, and the aside only tells them
    apart; when none is a member, it says so, with each other's nearest spells, as a code for any is refused too.
    Each state is named as called on the day (`names`, id -> name; today's name where it has none)."""
    named = names or {}
    what = f"{named.get(state.id, state.name)} ({state.id}, COW {state.ccode}, {spells_text(state.spells)})"
    known = {s.id: s.member_on(day) for s in of_name}  # unknown membership is taken unchecked, as in `one_of`
    if living := [s for s in of_name if known[s.id]] or [s for s in of_name if known[s.id] is None]:
        now = " or ".join(f"{named.get(s.id, s.name)} ({s.id})" for s in living)
        return AmbiguousNameError(f"{raw!r} names {what}, which is no state of the system on {day}, when {first!r} "
                                  f"names {now}; give a code", candidates([state], named), raw)
    out = sorted((s for s in of_name if s.id != state.id and s.spells), key=lambda s: min(s.spells))
    others = "; ".join(f"{named.get(s.id, s.name)} ({s.id}, COW {s.ccode}) {_nearest(s.spells, day)}" for s in out)
    return AmbiguousNameError(f"{raw!r} names {what}, which is no state of the system on {day}, nor is any other "
                              f"state of the name {first!r}" + (f" ({others})" if others else "")
                              + ": a code for any of them is refused as not a member of the state system on that day",
                              candidates([state], named), raw)


def one_of(raw: str, found: list[D], day: dt.date, among: tuple[frozenset[str], str] | None, dated: bool,
           called: tuple[str, Mapping[str, str]] = ("", {})) -> D:
    """The state a name several states have carried (`found`) means: the one in the system on `day`, else the one
    whose membership is unknown (a state COW does not list: taken, as the engine takes it, unchecked); before the system
    begins (1816), the one in it on its first day (the Austrian Empire in 1815, not the republic). With no spells,
    `dated` false, the one of today, with an ISO3 code; or the one `among` the states given, (ids, what they are:
    `foedus.model.states.Among`, a war's belligerents). `called` is the name's key (`norm`'s) and each state's name on
    the day (id -> name, `StateRegistry.names_on`): a state then called by a name that does not hold the name asked
    (COD, Zaire from 1971-10-27 to 1997-05-17, is no Congo then) is not of that name, unless that leaves none of them
    ("Germany" in 1860 is still Prussia, the one state of the name then). A refusal names each state as on the day.

    Raises:
        AmbiguousNameError: several of them, or none, are: it lists those, or all, with codes and dates, and asks
            for a code; when none is in the system on the day, it says so with each one's nearest spells.
    """
    key, names = called
    if among is not None:
        living = [s for s in found if s.id in among[0]]
    elif dated:  # members; else, as the engine takes them unchecked, those of unknown membership (`membership`)
        known = {s.id: s.member_on(max(day, COW_FIRST_DAY)) for s in found}
        living = [s for s in found if known[s.id]] or [s for s in found if known[s.id] is None]
    else:
        living = [s for s in found if s.iso3]
    if len(living) > 1 and (so_called := [s for s in living if key in norm(names.get(s.id, s.name))
                                          or names.get(s.id, s.name) == s.name]):
        living = so_called
    if len(living) == 1:
        return living[0]
    if among is None and dated and not living:
        raise _no_member(raw, found, day, names)
    if among is not None:
        which = f"several of {among[1]} carry that name" if living else f"none of {among[1]} carries that name"
    else:
        which = f"{in_words(len(living))} states of that name exist" if living else "no state of that name exists"
    shown = living or found
    listed = "; ".join(f"{names.get(s.id, s.name)} ({s.id}, COW {s.ccode}"
                       + (", " + spells_text(s.spells) if s.spells else "") + ")" for s in shown)
    raise AmbiguousNameError(f"{raw!r} is ambiguous: on {day} {which}; give a code: {listed}",
                             candidates(shown, names), raw)


def _no_member(raw: str, found: Sequence[Dated], day: dt.date, names: Mapping[str, str]) -> AmbiguousNameError:
    """The refusal of a name no state of which is in the system on `day` (Austria between Austria-Hungary's end and
    the republic's entry, and after the Anschluss): each with its spells nearest the day, named as on the day."""
    on = max(day, COW_FIRST_DAY)
    when = f"on {day}" if day == on else f"when it begins, on {on} (whether any was a state on {day} is unknown)"

    listed = "; ".join(f"{names.get(s.id, s.name)} ({s.id}, COW {s.ccode}) {_nearest(s.spells, on)}"
                       for s in sorted(found, key=lambda s: min(s.spells)))
    return AmbiguousNameError(f"{raw!r} names no member of the state system {when}; members of that name: {listed}",
                              candidates(found, names), raw)


def _nearest(spells: tuple[tuple[dt.date, dt.date | None], ...], on: dt.date) -> str:
    """A state's spells nearest `on`, a day it is out: the last to end before it, the first to begin after it."""
    ended = [f"to {end}" for _, end in spells if end is not None and end < on][-1:]
    return " and ".join(ended + [f"from {start}" for start, _ in spells if start > on][:1])


def qualifiers(text: str) -> set[str]:
    """The words of styles in `text` (in lowercase, `plain_names` applied) that may tell states of one name apart,
    "People's Republic of China"'s people and republic (not "the", "of", "and", nor "state": `_NOT_QUALIFIERS`).

    >>> sorted(qualifiers("korea, arab republic")), qualifiers("the gambia")
    (['arab', 'republic'], set())
    """
    return {_SAME_STYLE.get(w, w) for w in words(text) if w in STYLE_WORDS} - _NOT_QUALIFIERS


def unstyled(raw: str, found: str | None, states: Mapping[str, S], resolve: Callable[[str], list[S]],
             aliases: Mapping[str, str]) -> str | None:
    """`found`, the id of the state `raw`'s words name (`StateRegistry.by_pattern`), unless `raw` qualifies a name
    several states carry with a style none of them is called by: "China, Democratic Republic" is no state (Taiwan is
    the Republic of China, China the People's Republic), nor is "Korea, Arab Rep.". The states of the name are those
    its words without styles name (`resolve`: "china" names China) and `found`; the styles each is called by, the
    `qualifiers` in its names (its name, `aliases`, `MORE_WORDS`). A name one state carries is not read so:
    "People's Republic of Hungary" is Hungary, whose former style the data lack.

    Raises:
        UnknownStateError: such a style stands in `raw`.
    """
    if (state := states.get(found or "")) is None or not (given := qualifiers(plain := other_forms(raw)[-1])):
        return found
    named = resolve(" ".join(w for w in words(plain) if w not in STYLE_WORDS))
    if len(carriers := named if state in named else [*named, state]) < 2:
        return found
    styles = set().union(*(qualifiers(" ".join([s.name, MORE_WORDS.get(s.id, ""), *(
        alias for alias, i in aliases.items() if i == s.id)]).lower()) for s in carriers))
    if not (extra := sorted(given - styles)):
        return found
    raise UnknownStateError(f"unknown state {raw!r}: no state is called that (its other words name {state.name} "
                            f"({state.id}), which is not called {extra[0]!r}; try `foedus states`)")


def _its_name(text: str, state: Named) -> bool:
    """Whether `text` is words of the state's name, one at least not a style's, joined by "of", "the" or "and": "Arab
    Republic of Yemen" for the Yemen Arab Republic, not for Yemen, nor "Democratic Republic" for a state of any name."""
    own = set(words(f"{state.name} {MORE_WORDS.get(state.id, '')}".lower()))
    given = set(words(text.lower()))
    return given <= own | {"of", "the", "and"} and bool(given & own - STYLE_WORDS)
