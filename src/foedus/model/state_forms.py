"""Other forms research lists give a state's name in: a style put after a comma ("Vietnam, Republic of", Gleditsch
and Ward's and ISO's form of "Republic of Vietnam"), and a former or other name beside it in parentheses or after a
slash (GW's "Iran (Persia)", "Italy/Sardinia"); and the places and polities such lists name that are no state of the
COW system ("Hong Kong SAR, China", GW's "Great Colombia"), refused saying so.

Read by `foedus.model.states.StateRegistry.resolve` only for a text that is no code or name of its index, like
`foedus.model.state_names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from foedus.errors import UnknownStateError
from foedus.model.state_names import MORE_WORDS, STYLE_WORDS, Named, plain_names, words

__all__ = ["aside_state", "no_state", "other_forms"]

S = TypeVar("S", bound=Named)

# what stands after a comma, when it is a style put after the name: "Republic of", "Arab Republic", "The"
_INVERTED = re.compile(r"([^,]+?)\s*,\s*([^,]*?)\W*")
# a name with another name (or several, "Annam/Cochin China/Tonkin") in parentheses, or after a slash
_ASIDE = (re.compile(r"([^()]+?)\s*\(([^()]+)\)\s*"), re.compile(r"([^()/]+?)\s*/\s*([^()]+)"))

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
]


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
    return [plain, f"{inverted[2]}{joint} {inverted[1]}"]


def no_state(raw: str) -> None:
    """Refuse a text that names a place or polity that is no state of the system (`_NO_STATE`), saying what it is.

    Raises:
        UnknownStateError: `raw` names one ("Hong Kong SAR, China", "Great Colombia").
    """
    lowered = raw.lower()
    for pattern, what in _NO_STATE:
        if pattern.search(lowered):
            raise UnknownStateError(f"{raw!r} names {what}, which is no state of the COW state system "
                                    "(try `foedus states`)")


def aside_state(raw: str, resolve: Callable[[str], S | None]) -> S | None:
    """The state a name followed by another of its names in parentheses, or after a slash, names ("Iran (Persia)",
    "Russia (Soviet Union)", "Italy/Sardinia"): the state the first names (`resolve`: None when it names none, or
    several), when each other name names it too, or is words of its name (`_its_name`: "Yemen (Arab Republic of
    Yemen)"); else None, and the text is looked up as a whole: "Russia (Ukraine)" names two states."""
    for aside in _ASIDE:
        if (found := aside.fullmatch(raw)) is None or (state := resolve(found[1])) is None:
            continue
        if all(_its_name(other, state) or getattr(resolve(other), "id", None) == state.id
               for other in found[2].split("/")):
            return state
    return None


def _its_name(text: str, state: Named) -> bool:
    """Whether `text` is words of the state's name, one at least not a style's, joined by "of", "the" or "and": "Arab
    Republic of Yemen" for the Yemen Arab Republic, not for Yemen, nor "Democratic Republic" for a state of any name."""
    own = set(words(f"{state.name} {MORE_WORDS.get(state.id, '')}".lower()))
    given = set(words(text.lower()))
    return given <= own | {"of", "the", "and"} and bool(given & own - STYLE_WORDS)
