"""Characters a text may not hide: control characters, bidirectional controls (marks, overrides, isolates), the
other invisible format characters and the other characters Unicode says to show as nothing (the Hangul fillers, a
combining grapheme joiner), refused in the same words wherever a text is read, a data file's field
(`foedus.model.facts`) or a state's or a place's name as typed (`foedus.model.states`, `foedus.model.gazetteer`):
shown as they are, they reach a terminal, a table or a report unseen, an override shows the text after it reversed,
and a name's lookup, which keeps only letters and digits, read "u\\u202esa" and "U\\u200bSA" as USA, while
"NA\\u200bTO" and "NATO" compared different though they look the same; a Hangul filler, a letter to Python, is a
well-known way to write a name that shows as blank. The zero width joiner and non-joiner and the variation selectors
pass: some scripts, emoji and CJK ideographs are not written right without them."""

from __future__ import annotations

from collections.abc import Callable

from foedus.wording import character

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


def refuse_hidden(value: str, allowed: str = "", error: Callable[[str], Exception] = ValueError) -> str:
    """`value`, refused when it has a control character (but those in `allowed`), a bidirectional control (a mark,
    an override, an isolate), another format character (but the zero width joiner and non-joiner) or another character
    shown as nothing (but the variation selectors): `error` of the problem is raised (a ValueError, which a pydantic
    validator reports for its field).

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
    """
    if _HIDDEN.isdisjoint(value):  # the usual text: one pass in C
        return value
    for char in value:
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
