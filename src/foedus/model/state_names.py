"""The words of state names, for the state registry's lookup (`foedus.model.states`): the formal styles that may
stand around a name, a text's words, the fewest of them a name pattern matches, what the others name (a text that
names one state names no other beside it), and the key a code or name is indexed by.

Split from `foedus.model.states` so each module stays small.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from foedus.errors import AmbiguousNameError
from foedus.model.slug import fold, norm

__all__ = ["MORE_WORDS", "STYLE_WORDS", "Named", "candidates", "code_edges", "name_split", "norm", "parts_named",
           "plain_names", "several_states", "tokens", "unknown_message", "without_own", "words"]


class Named(Protocol):
    """What these helpers read of a state (`foedus.model.states.State`, which imports this module)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def ccode(self) -> int | None: ...
    @property
    def regex(self) -> str | None: ...
    @property
    def spells(self) -> tuple[tuple[dt.date, dt.date | None], ...]: ...


def candidates(states: Iterable[Named], names: Mapping[str, str]) -> list[dict[str, object]]:
    """The states a refusal lists, as `AmbiguousNameError.candidates` (id, name on the day asked, COW code, spells)."""
    return [{"id": s.id, "name": names.get(s.id, s.name), "ccode": s.ccode,
             "spells": [[a.isoformat(), b.isoformat() if b else None] for a, b in s.spells]} for s in states]


# a word several spellings of names give two ways ("Saint Kitts and Nevis", countrycode's "St. Kitts & Nevis")
_SAME_WORD = {"saint": "st"}
# more words than any state's name has: longer text is not searched word by word for the name's words
_MOST_WORDS = 16

# words a state's formal or former name holds beside its name's (ISO's and the UN's name of the UK names Northern
# Ireland; "Western Samoa"; "Czech Republic (Czechia)"; ISO 3166's former names "Macedonia, the Former Yugoslav
# Republic of", "Holy See (Vatican City State)", "Libyan Arab Jamahiriya"; the Hesses' styles, of COW's names "Hesse
# Electoral" and "Hesse Grand Ducal", and of Gleditsch and Ward's "Hesse-Kassel (Electoral)", "Hesse-Darmstadt (Ducal)")
MORE_WORDS = {"GBR": "Great Britain and Northern Ireland", "WSM": "Western", "CZE": "Czech Republic",
              "MKD": "Former Yugoslav", "VAT": "Holy See", "LBY": "Jamahiriya", "COW273": "Electoral",
              "COW275": "Grand Ducal"}

# names of one state that hold another state's name, read as the first (a state's own name): ISO 3166-1's short name
# of Taiwan ("Taiwan, Province of China", "Taiwan (Province of China)"), and the English of Estados Unidos Mexicanos.
# Only the whole name: "United States and Mexico" names two states.
_HOLDING = [(re.compile(r"\btaiwan\W+province\W+of\W+china\b"), "taiwan"),
            (re.compile(r"\bunited\W+states\W+of\W+mexico\b"), "mexico"),
            (re.compile(r"\bestados\W+unidos\W+mexicanos\b"), "mexico"),
            # the GDR in the World Bank's style ("Germany, Dem. Rep."), which the pattern of Germany's name took for
            # Germany: it is the GDR, as "German Democratic Republic" is
            (re.compile(r"\bgermany\W+democratic\W+republic\b"
                        r"|\bdemocratic\W+republic\W+(of\W+)?(the\W+)?germany\b"), "german democratic republic")]

# abbreviations of styles, as the World Bank writes them ("Korea, Rep.", "Congo, Dem. Rep.", "Micronesia, Fed. Sts.",
# "Lao PDR", "Venezuela, RB": República Bolivariana), written out: a pattern and the words then read the style
_ABBREVIATIONS = {"rep": "republic", "dem": "democratic", "fed": "federal", "sts": "states",
                  "pdr": "people's democratic republic", "rb": "bolivarian republic"}
_ABBREVIATED = re.compile(rf"\b({'|'.join(_ABBREVIATIONS)})\b\.?")

# words of formal styles that may stand around a state's name ("the Republic of ...")
STYLE_WORDS = frozenset({
    "the", "of", "and", "republic", "kingdom", "state", "states", "federation", "federal", "democratic", "people",
    "peoples", "s", "islamic", "arab", "socialist", "union", "united", "commonwealth", "principality", "grand",
    "duchy", "empire", "sultanate", "emirate", "emirates", "plurinational", "bolivarian", "oriental", "cooperative",
    "hashemite", "independent", "sovereign", "popular", "great", "federated", "islands", "island", "co", "operative",
    "america", "coast", "darussalam",
})


_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[^\w\u0300-\u036f]+")  # what stands between words: not a letter, digit or accent


def words(text: str) -> list[str]:
    """The words of `text` (letters only), accents folded as `norm` folds them (`slug.fold`), "saint" as "st":
    "São Tomé" and "Sao Tome" are one name; a word in letters with no ASCII form stays a word ("Россия")."""
    # "d’Ivoire": fold drops ’, the words stay apart
    plain = text if text.isascii() else fold(_GAP.sub(" ", text), keep_letters=True)
    return [_SAME_WORD.get(w, w) for w in _WORD.findall(plain)]


def tokens(text: str) -> list[tuple[int, int]]:
    """The spans of `text`'s words and numbers: what may name a state on its own ("RUS", "2", "Korea")."""
    return [m.span() for m in re.finditer(r"[^\W_]+", text)]


def name_split(pattern: str, text: str, span: tuple[int, int]) -> tuple[str, str, str]:
    """`text` as what stands before the fewest whole words of it that `pattern` matches (the first such), those words,
    and what stands after: a pattern may take in what stands before its key word ("^(?!.*north).*ireland" matches all
    of "RUS and Ireland"), the words that name the state being only "Ireland", or match part of a word ("afghan").
    `span`, the pattern's match in `text`, stands for those words in text of more words than a name has."""
    spans = tokens(text)
    start, end = next(((spans[first][0], spans[first + size - 1][1])
                       for size in range(1, len(spans) + 1 if len(spans) <= _MOST_WORDS else 1)
                       for first in range(len(spans) - size + 1)
                       if re.search(pattern, text[spans[first][0]:spans[first + size - 1][1]])), span)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:start], text[start:end], text[end:]


def without_own(before: str, after: str, own: Counter[str]) -> str:
    """The text each side of a state's name without the words of the name that stand apart from its pattern's match
    (`own`: "Herzegovina" of "Bosnia and Herzegovina"), each as often as the name has it, nearest the match first:
    "Congo - Brazzaville and Congo - Kinshasa" keeps the first Congo, not Congo - Kinshasa's."""
    left = Counter(own)
    out = []
    for text, spans in ((after, tokens(after)), (before, tokens(before)[::-1])):
        chars = list(text)
        for a, b in spans:
            found = words(text[a:b])
            if text[a:b].isalpha() and found and all(left[w] > 0 for w in found):
                left.subtract(found)
                chars[a:b] = " " * (b - a)
        out.append("".join(chars))
    return f"{out[1]} {out[0]}"


def plain_names(lowered: str) -> str:
    """`lowered` (a text in lowercase) with each name of one state that holds another state's name as the first's
    own name ("taiwan, province of china" is "taiwan", "the united states of mexico" "the mexico", "germany, dem.
    rep." "german democratic republic"), with the abbreviations of styles written out first ("korea, rep." is
    "korea, republic")."""
    lowered = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[m[1]], lowered)
    for held, name in _HOLDING:
        lowered = held.sub(name, lowered)
    return lowered


def code_edges(raw: str) -> set[str]:
    """The first and last words of `raw` written in capitals, in lowercase: the only places a style word that is also
    a code (AND, Andorra's) names that state beside a name ("AND Ireland", "Ireland AND"). In lowercase, or
    anywhere else, it is the word: "Ukraine and", "and Ireland", "Trinidad and Tobago" name one state. A code alone
    ("AND", "and") is looked up as the code, and "Andorra" is Andorra's name."""
    spans = tokens(raw)
    return {raw[a:b].lower() for a, b in spans[:1] + spans[-1:] if raw[a:b].isupper()}


def parts_named(rest: str, edges: set[str], patterns: Iterable[tuple[str, re.Pattern[str]]],
                key_names: Callable[[str], frozenset[str]]) -> list[frozenset[str]]:
    """What each part of `rest` (a text, or a text without the words of one state's name, `without_own`) names:
    the state of each pattern that matches it, with or without the style words ("and Korea"; "and Guyana" for the
    pattern "^guyana"), and the states each run of its words (up to `_MOST_WORDS`) names as a code, number or name
    (`key_names` of its `norm` key: "RUS", "2", "Soviet Union"). A style word that is a code (AND, Andorra's) counts
    only as one of the text's `code_edges`; numbers are not run together ("2 20" isn't COW 220)."""
    kept = [rest[a:b] for a, b in tokens(rest)]
    texts = (" ".join(kept), " ".join(w for w in kept if w not in STYLE_WORDS))
    # style words alone name no state by pattern: "United Mexican States" less "Mexican" is not the USA
    found = [frozenset({state_id}) for state_id, pattern in patterns if any(pattern.search(text) for text in texts)
             ] if texts[1] else []
    for first in range(len(kept)):
        for last in range(first, min(len(kept), first + _MOST_WORDS)):  # no name has more words: linear, not cubic
            run = kept[first:last + 1]
            if ((set(run) <= STYLE_WORDS and not (len(run) == 1 and run[0] in edges))
                    or (len(run) > 1 and not "".join(run).isalpha())):
                continue
            if names := key_names(norm(" ".join(run))):
                found.append(names)
    return found


def several_states(raw: str, shown: list[Named]) -> AmbiguousNameError:
    """The refusal of a text that names several states, listing them (`several`: an option taking several states
    says how it takes them)."""
    from foedus.wording import ONE_STATE

    return AmbiguousNameError(
        f"{raw!r} names several states ({', '.join(f'{s.name} ({s.id})' for s in shown)}); {ONE_STATE}",
        [{"id": s.id, "name": s.name, "ccode": s.ccode} for s in shown], raw, several=True)


def unknown_message(raw: str, states: Iterable[Named], given: object = None) -> str:
    """The refusal of a text that names no state, with up to three close names (or ids) to try; an empty or blank one
    (`given`, as typed) is said to be so, as every value that says nothing is (it was "unknown state ''"); a comma
    list naming a state where one state goes ('USA,USA') is said to be a list (it was "did you mean USA, SAU?")."""
    import difflib  # here: only an unknown name needs it

    from foedus.wording import ONE_STATE, empty_or_blank, shown

    if not raw:
        return (f"the state is {empty_or_blank(raw if given is None else given)}; give an ISO3 code, a COW code or "
                "a name (try `foedus states`)")

    listed = list(states)
    names = list({s.name: s.id for s in listed})
    known = {k.casefold() for s in listed for k in (s.id, s.name)} if "," in raw else set()
    if {p.strip().casefold() for p in raw.split(",")} & known:
        return f"one state expected, got a list: {raw}; {ONE_STATE} (try `foedus states`)"  # not a name "did you mean"
    typed = [w.lower() for w in words(raw)]  # a word of a longer name first ("Saudi": it was told Sudan, Spain)
    whole = [n for n in names if len(typed) == 1 and len(typed[0]) > 2 and typed[0] in map(str.lower, words(n))]
    close = (whole + difflib.get_close_matches(raw, names, n=3, cutoff=0.6))[:3]
    if not close:
        close = difflib.get_close_matches(raw.upper(), [s.id for s in listed], n=3)
    hint = f"; did you mean {', '.join(dict.fromkeys(close))}?" if close else ""
    return f"unknown state {shown(raw)}{hint} (try `foedus states`)"
