"""Characters a text may not hide: control characters, bidirectional controls (marks, overrides, isolates), the
other invisible format characters and the other characters Unicode says to show as nothing (the Hangul fillers, a
combining grapheme joiner), refused in the same words wherever a text is read, a data file's field
(`foedus.model.facts`) or a state's or a place's name as typed (`foedus.model.states`, `foedus.model.gazetteer`):
shown as they are, they reach a terminal, a table or a report unseen, an override shows the text after it reversed,
and a name's lookup, which keeps only letters and digits, read "u\\u202esa" and "U\\u200bSA" as USA, while
"NA\\u200bTO" and "NATO" compared different though they look the same; a Hangul filler, a letter to Python, is a
well-known way to write a name that shows as blank. The variation selectors pass, and so do the zero width joiner and
non-joiner where they can do their work, between two letters or marks of a script they shape (`_JOINING`) or, the
joiner, between two emoji: some scripts, emoji and CJK ideographs are not written right without them. A joiner
elsewhere (in "U\\u200dSA", at either end of a text) joins nothing and is refused: the lookup read it as USA too."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable

from foedus.wording import character, surrogate_byte

__all__ = ["refuse_hidden"]

# Unicode's Bidi_Control characters, every one: the marks (ALM, LRM, RLM: invisible, and dropped by a name's lookup
# as the others are), embeddings, overrides and isolates
_BIDI = frozenset(map(chr, [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Unicode's control characters (category Cc: C0, DEL, C1), listed: every state or place name typed is checked, and
# the usual text is then one `isdisjoint` pass, not a `unicodedata.category` call per character
_CONTROL = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
# Unicode's other format characters (category Cf), listed as `_CONTROL` is: a zero width space, a word joiner, a soft
# hyphen, a BOM inside a text (one that starts a file is the YAML reader's, dropped before any text is read), the
# tag characters (which can spell a whole ASCII text unseen), the invisible operators, and the few that show only
# with the digits or signs they join (the Arabic number signs, the Egyptian hieroglyph controls). U+200C ZERO WIDTH
# NON-JOINER and U+200D ZERO WIDTH JOINER are not listed: Persian, the Indic scripts and Sinhala need them to be
# written right. U+13439..1343F (Unicode 15) are listed, unassigned in Python 3.11's Unicode 14.
_FORMAT = frozenset(map(chr, [
    0xAD, *range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x180E, 0x200B,
    *range(0x2060, 0x2065), *range(0x206A, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC), 0x110BD, 0x110CD,
    *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), 0xE0001, *range(0xE0020, 0xE0080),
]))
# Unicode's other Default_Ignorable_Code_Point characters (DerivedCoreProperties.txt: those a renderer shows as
# nothing), neither format characters nor variation selectors, listed as `_CONTROL` is: U+034F COMBINING GRAPHEME
# JOINER, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0: letters to Python, blank on screen), the Khmer
# inherent vowels U+17B4/U+17B5 (Unicode: not to be used), and the code points Unicode keeps default-ignorable for
# characters to come (U+2065, U+FFF0..FFF8, the tag block's unassigned ones). The variation selectors U+FE00..FE0F
# and U+E0100..E01EF and the Mongolian free variation selectors U+180B..180D, U+180F are not listed: emoji (U+FE0F),
# CJK ideographs (the ideographic variation sequences) and the Mongolian script (a letter's form) need them.
_INVISIBLE = frozenset(map(chr, [
    0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2065, 0x3164, 0xFFA0,
    *range(0xFFF0, 0xFFF9), 0xE0000, *range(0xE0002, 0xE0020), *range(0xE0080, 0xE0100), *range(0xE01F0, 0xE1000),
]))
_HIDDEN = _BIDI | _CONTROL | _FORMAT | _INVISIBLE
_ZWNJ, _ZWJ = "\u200c", "\u200d"
# A lone surrogate is no character of any text: Python holds each byte of a command-line word that is not UTF-8 (a
# terminal or shell in Latin-1) as one, which a name's lookup dropped, reading "UKR\\udcff" as UKR
_SURROGATE = frozenset(map(chr, range(0xD800, 0xE000)))
_SCANNED = _HIDDEN | _SURROGATE | frozenset((_ZWNJ, _ZWJ))
# The blocks of the scripts a joiner shapes (The Unicode Standard, 23.2 and the scripts' chapters), first and last
# code point: the cursive ones, whose letters join (Arabic, Syriac, N'Ko, Mandaic, Mongolian, Manichaean, Psalter
# Pahlavi, Hanifi Rohingya, Sogdian, Old Uyghur, Chorasmian, Adlam), and the Brahmic ones, whose conjuncts and half
# forms it chooses (Devanagari to Sinhala, Myanmar, Khmer, Tai Tham, Balinese, Javanese, Cham, Meetei Mayek and the
# historic ones of 11000..11FFF). Only a letter or a mark of these counts: their digits and punctuation join nothing.
_JOINING = [
    (0x0600, 0x077F), (0x07C0, 0x07FF), (0x0840, 0x08FF), (0x0900, 0x0DFF), (0x1000, 0x109F), (0x1780, 0x18AF),
    (0x1A20, 0x1AAF), (0x1B00, 0x1C4F), (0x1CC0, 0x1CFF), (0xA880, 0xA8FF), (0xA980, 0xAA7F), (0xAAE0, 0xAAFF),
    (0xABC0, 0xABFF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE), (0x10AC0, 0x10AFF), (0x10B80, 0x10BAF),
    (0x10D00, 0x10D3F), (0x10EC0, 0x10FFF), (0x11000, 0x11FFF), (0x1E900, 0x1E95F),
]
_FIRSTS = [first for first, _ in _JOINING]
_EMOJI_SIDE = {"\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}  # the emoji presentation selector, the skin tones


def _shaped(char: str) -> bool:
    """Whether `char` is a letter or mark of a script a joiner shapes."""
    at = bisect.bisect_right(_FIRSTS, ord(char)) - 1
    return at >= 0 and ord(char) <= _JOINING[at][1] and unicodedata.category(char)[0] in "LM"


def _emoji(char: str) -> bool:
    """Whether `char` can stand next to the joiner of an emoji ZWJ sequence (a person, a profession, a family, a
    flag): an emoji (a symbol, or a code point of the emoji planes' blocks this Unicode has not assigned yet), its
    presentation selector or a skin tone."""
    kind = unicodedata.category(char)
    return char in _EMOJI_SIDE or kind == "So" or (kind == "Cn" and 0x1F000 <= ord(char) <= 0x1FFFD)


def _joins(value: str, at: int) -> bool:
    """Whether the joiner at `at` stands where it can do its work: between two letters or marks of a script it
    shapes, or, a zero width joiner, between two emoji. One at a word's end is refused with the rest: the chillu
    letters (U+0D7A..) write what Malayalam once wrote with one there."""
    if at == 0 or at == len(value) - 1:
        return False
    before, after = value[at - 1], value[at + 1]
    return (_shaped(before) and _shaped(after)) or (value[at] == _ZWJ and _emoji(before) and _emoji(after))


def _where(value: str, at: int) -> str:
    """Where a joiner stands, as a message says it: between which characters, or at which end."""
    if at == 0:
        return "at the start"
    return "at the end" if at == len(value) - 1 else f"between {value[at - 1]!r} and {value[at + 1]!r}"


def refuse_hidden(value: str, allowed: str = "", error: Callable[[str], Exception] = ValueError) -> str:
    """`value`, refused when it has a control character (but those in `allowed`), a bidirectional control (a mark,
    an override, an isolate), another format character (a zero width joiner or non-joiner too, but where it can do its
    work: `_joins`) or another character shown as nothing (but the variation selectors): `error` of the problem is
    raised (a ValueError, which a pydantic validator reports for its field).

    >>> refuse_hidden("Estonia"), refuse_hidden("a\\tb", "\\t"), refuse_hidden("ශ්\\u200dරී")
    ('Estonia', 'a\\tb', 'ශ්\\u200dරී')
    >>> refuse_hidden("u\\u202esa")
    Traceback (most recent call last):
    ValueError: has U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control: write the text as it is to be shown
    >>> refuse_hidden("NA\\u200bTO")
    Traceback (most recent call last):
    ValueError: has U+200B ZERO WIDTH SPACE, an invisible format character: write the text as it is to be shown
    >>> refuse_hidden("\\u2764\\ufe0f") == "\\u2764\\ufe0f"  # a variation selector: an emoji's presentation
    True
    >>> refuse_hidden("\\u3164")
    Traceback (most recent call last):
    ValueError: has U+3164 HANGUL FILLER, an invisible character: write the text as it is to be shown
    >>> refuse_hidden("UKR\\udcff")  # a byte of a command-line word that is not UTF-8
    Traceback (most recent call last):
    ValueError: has U+DCFF (the byte 0xFF of a name that is not UTF-8 text), a lone surrogate: give the text in UTF-8
    >>> refuse_hidden("U\\u200dSA")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: has U+200D ZERO WIDTH JOINER between 'U' and 'S', a joiner outside the scripts and emoji that use...
    """
    if _SCANNED.isdisjoint(value):  # the usual text: one pass in C
        return value
    for at, char in enumerate(value):
        if char in (_ZWNJ, _ZWJ):
            if _joins(value, at):
                continue
            kind = "a non-joiner" if char == _ZWNJ else "a joiner"
            raise error(f"has {character(char)} {_where(value, at)}, {kind} outside the scripts and emoji that use "
                        "one: write the text as it is to be shown")
        if char in _SURROGATE:
            raise error(f"has {character(char)}{surrogate_byte(char)}, a lone surrogate: give the text in UTF-8")
        if char in _BIDI:
            kind = "a bidirectional control"
        elif char in _FORMAT:
            kind = "an invisible format character"
        elif char in _INVISIBLE:
            kind = "an invisible character"
        elif char in _CONTROL and char not in allowed:
            kind = "a control character"
        else:
            continue
        raise error(f"has {character(char)}, {kind}: write the text as it is to be shown")
    return value
