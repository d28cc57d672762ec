"""An invisible format character (Unicode category Cf: a zero width space, a word joiner, a soft hyphen, a BOM inside
a text, a left-to-right mark, the tag characters that spell an ASCII text unseen) passed where a control character or
a bidirectional override is refused: a treaty named "NA\\u200bTO" loaded and compared different from NATO, hidden
text reached tables and reports, and a typed "U\\u200bSA" or "Crim\\u200bea" was read as USA or Crimea, as the lookup
keeps only letters and digits. They are refused in the same words (`foedus.model.hidden`), and so are the zero width
joiner and non-joiner where they join nothing ("U\\u200dSA" was read as USA): where some scripts or emoji need them,
they pass."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from foedus.errors import UnknownPlaceError
from foedus.model import gazetteer, hidden
from foedus.model.loader import read_treaty_file
from foedus.model.states import StateRegistry
from samples import GOOD_TREATY, cli_line
from samples import file_error as _said
from test_input_messages import CASCADE, _error_line, _state_refused

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

_JOINERS = {"\u200c", "\u200d"}  # ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER: let through
_SAID = "an invisible format character: write the text as it is to be shown"


def _hex(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in sorted(chars))


def test_the_listed_sets_are_unicodes_format_and_control_characters() -> None:
    """The listed sets (the fast path's) are Unicode's Cf, but the joiners, and Cc, under this Python's Unicode: a
    listed code point this Unicode does not have yet (Unicode 15's, in 3.11) is let be; one it has, or a format
    character of a later Unicode missing from the list, is named."""
    points = [chr(c) for c in range(sys.maxunicode + 1)]
    category = {c: unicodedata.category(c) for c in points}
    later = {c for c in hidden._FORMAT | hidden._BIDI if category[c] == "Cn"}  # unassigned in this Unicode
    cf = {c for c in points if category[c] == "Cf"} - _JOINERS
    listed = (hidden._FORMAT | hidden._BIDI) - later
    assert not cf - listed, f"Unicode {unicodedata.unidata_version} has format characters not listed in " \
                            f"foedus.model.hidden._FORMAT: {_hex(cf - listed)}"
    assert not listed - cf, f"listed but no format character in Unicode {unicodedata.unidata_version}: " \
                            f"{_hex(listed - cf)}"
    assert later <= {chr(c) for c in range(0x13439, 0x13440)}, _hex(later)  # only Unicode 15's, listed ahead
    assert {c for c in points if category[c] == "Cc"} == hidden._CONTROL
    assert not hidden._BIDI & hidden._CONTROL and not hidden._BIDI & hidden._FORMAT


@pytest.mark.parametrize(("char", "name"), [
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u2060", "WORD JOINER"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"), ("\u00ad", "SOFT HYPHEN"),
    ("\U000e0041", "TAG LATIN CAPITAL LETTER A"), ("\U000e0001", "LANGUAGE TAG"),
    ("\u2062", "INVISIBLE TIMES"),
])
def test_refuse_hidden_names_a_format_character(char: str, name: str) -> None:
    with pytest.raises(ValueError) as caught:
        hidden.refuse_hidden(f"NA{char}TO", "\n\t")
    assert str(caught.value) == f"has U+{ord(char):04X} {name}, {_SAID}"


@pytest.mark.parametrize(("text", "field", "char"), [
    (GOOD_TREATY.replace("name: My pact", 'name: "NA\\u200bTO"'), "name", "U+200B ZERO WIDTH SPACE"),
    (GOOD_TREATY + 'note: "see\\u200bthis"\n', "note", "U+200B ZERO WIDTH SPACE"),
    (GOOD_TREATY + 'short_name: "\\u2060MP"\n', "short_name", "U+2060 WORD JOINER"),
    (GOOD_TREATY + 'note: "a\\ufeffb"\n', "note", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    (GOOD_TREATY + 'note: "ok\\U000E0068\\U000E0069"\n', "note", "U+E0068 TAG LATIN SMALL LETTER H"),
    (GOOD_TREATY.replace("strength: S2}", 'strength: S2, summary: "de\\u00adfence"}'), "provisions[0].summary",
     "U+00AD SOFT HYPHEN"),
    (GOOD_TREATY.replace('"https://example.org/pact"', '"https://example.org/\\u2060pact"'), "sources[0].url",
     "U+2060 WORD JOINER"),
])
def test_a_treaty_text_with_a_format_character_is_refused(tmp_path: Path, text: str, field: str, char: str) -> None:
    assert _said(tmp_path, read_treaty_file, text).startswith(f"{field}: has {char}, {_SAID}")


@pytest.mark.parametrize(("extra", "field"), [('name: "NA\\u200bTO"', "name"), ('note: "a\\u200bb"', "note")])
def test_treaties_validate_names_the_field_and_the_character(tmp_path: Path, extra: str, field: str) -> None:
    path = tmp_path / "pact.yaml"
    text = GOOD_TREATY.replace("name: My pact", extra) if field == "name" else GOOD_TREATY + extra + "\n"
    path.write_text(text, encoding="utf-8")
    code, _, err = cli_line(["treaties", "validate", str(path)])
    assert (code, err.count("\n"), "Traceback" in err) == (2, 1, False), err
    assert f"{field}: has U+200B ZERO WIDTH SPACE, {_SAID}" in err, err


def test_a_file_that_starts_with_a_bom_still_loads(tmp_path: Path) -> None:
    """Control (passes before and after): a BOM that starts a file is the YAML reader's, no text's (both PyYAML and
    libyaml drop it); one inside a text is refused (above)."""
    path = tmp_path / "pact.yaml"
    path.write_text("\ufeff" + GOOD_TREATY, encoding="utf-8")
    assert (read_treaty_file(path).id, read_treaty_file(path).name) == ("my_pact", "My pact")
    assert cli_line(["treaties", "validate", str(path)])[0] == 0


@pytest.mark.parametrize(("given", "char"), [
    ("U\u200bSA", "U+200B ZERO WIDTH SPACE"), ("Est\u00adonia", "U+00AD SOFT HYPHEN"),
    ("USA\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"), ("\ufeffUSA", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
])
def test_a_state_name_with_a_format_character_is_refused(given: str, char: str) -> None:
    said = f"the state {given!r} has {char}, {_SAID}"
    assert _state_refused(given) == (said, said)
    assert _error_line([*CASCADE[:2], given, *CASCADE[3:]]) == said  # the attacker, as typed on `foedus cascade`


@pytest.mark.parametrize(("typed", "char"), [("Crim\u200bea", "U+200B ZERO WIDTH SPACE"),
                                           ("kursk-oblast\u2060", "U+2060 WORD JOINER")])
def test_a_place_name_with_a_format_character_is_refused(typed: str, char: str) -> None:
    states = StateRegistry.load()
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.Gazetteer.load(states).resolve(typed, states)
    said = f"the place {typed!r} has {char}, {_SAID}"
    assert str(caught.value) == said
    assert _error_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", typed]) == said


_JOINED = {  # where a joiner does its work: between letters or marks of a script it shapes, or between emoji
    "sinhala": "\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf\u0dc0",  # Sri Lanka: sh, virama, ZWJ, ra
    "persian": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # (I) want: mi, ZWNJ, khaham
    "devanagari": "\u0915\u094d\u200c\u0937 \u0930\u094d\u200d\u092f",  # k, virama, ZWNJ, ssa; eyelash ra, ZWJ
    "family": "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # man, ZWJ, woman, ZWJ, girl
    "rainbow flag": "\U0001f3f3\ufe0f\u200d\U0001f308",  # white flag, its emoji selector, ZWJ, rainbow
    "health worker": "\U0001f469\U0001f3fd\u200d\u2695\ufe0f",  # woman, a skin tone, ZWJ, staff of Aesculapius
}


def test_the_joiners_pass() -> None:
    """Control (passes before and after): a zero width joiner or non-joiner where it does its work is no hidden
    character to refuse, in a data file's text or a typed name: Sinhala writes Sri Lanka with one, Persian many a
    word. The name is then an unknown state or place, not a hidden one."""
    assert all(hidden.refuse_hidden(text) == text == hidden.refuse_hidden(text, "\n\t") for text in _JOINED.values())
    for typed in (_JOINED["sinhala"], _JOINED["persian"]):
        said = _error_line(["states", typed])
        assert said.startswith(f"unknown state {typed!r}") and "format character" not in said, said
        states = StateRegistry.load()
        with pytest.raises(UnknownPlaceError, match=r"^unknown place"):
            gazetteer.Gazetteer.load(states).resolve(typed, states)


_NOTHING_JOINED = "outside the scripts and emoji that use one: write the text as it is to be shown"


@pytest.mark.parametrize(("text", "said"), [
    ("U\u200dSA", "U+200D ZERO WIDTH JOINER between 'U' and 'S', a joiner"),
    ("Fra\u200cnce", "U+200C ZERO WIDTH NON-JOINER between 'a' and 'n', a non-joiner"),
    ("\u200dUSA", "U+200D ZERO WIDTH JOINER at the start, a joiner"),
    ("\u0645\u06cc\u200c", "U+200C ZERO WIDTH NON-JOINER at the end, a non-joiner"),  # Persian, then nothing
    ("\u0915\u094d \u200d\u0937", "U+200D ZERO WIDTH JOINER between ' ' and '\u0937', a joiner"),
    ("19\u200c45", "U+200C ZERO WIDTH NON-JOINER between '9' and '4', a non-joiner"),
    ("\u0645\u200d\u0661", "U+200D ZERO WIDTH JOINER between '\u0645' and '\u0661', a joiner"),  # an Arabic digit
    ("\U0001f468\u200c\U0001f469", "U+200C ZERO WIDTH NON-JOINER between '\U0001f468' and '\U0001f469', a non-joiner"),
    ("\u0645\u200d\U0001f469", "U+200D ZERO WIDTH JOINER between '\u0645' and '\U0001f469', a joiner"),
])
def test_a_joiner_that_joins_nothing_is_refused(text: str, said: str) -> None:
    """Between Latin letters, digits, a space, at either end, a non-joiner between emoji, a letter and an emoji: the
    joiner does nothing there but make a text that shows as another differ from it."""
    with pytest.raises(ValueError) as caught:
        hidden.refuse_hidden(text, "\n\t")
    assert str(caught.value) == f"has {said} {_NOTHING_JOINED}"


@pytest.mark.parametrize(("given", "said"), [
    ("U\u200dSA", "U+200D ZERO WIDTH JOINER between 'U' and 'S', a joiner"),
    ("Fra\u200cnce", "U+200C ZERO WIDTH NON-JOINER between 'a' and 'n', a non-joiner"),
    ("Russia\u200d", "U+200D ZERO WIDTH JOINER at the end, a joiner"),
])
def test_a_state_name_with_a_joiner_that_joins_nothing_is_refused(given: str, said: str) -> None:
    """It was read as the state without it: "U\\u200dSA" as USA, "Fra\\u200cnce" as France."""
    refused = f"the state {given!r} has {said} {_NOTHING_JOINED}"
    assert _state_refused(given) == (refused, refused)
    assert _error_line([*CASCADE[:2], given, *CASCADE[3:]]) == refused


def test_a_place_name_with_a_joiner_that_joins_nothing_is_refused() -> None:
    states = StateRegistry.load()
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.Gazetteer.load(states).resolve("Crim\u200dea", states)
    said = f"the place 'Crim\\u200dea' has U+200D ZERO WIDTH JOINER between 'm' and 'e', a joiner {_NOTHING_JOINED}"
    assert str(caught.value) == said


def test_a_treaty_name_with_a_joiner_that_joins_nothing_is_refused(tmp_path: Path) -> None:
    said = _said(tmp_path, read_treaty_file, GOOD_TREATY.replace("name: My pact", 'name: "NA\\u200dTO"'))
    assert said.startswith(f"name: has U+200D ZERO WIDTH JOINER between 'A' and 'T', a joiner {_NOTHING_JOINED}")


def test_a_treaty_note_with_joined_scripts_and_emoji_loads(tmp_path: Path) -> None:
    """Control (passes before and after): a note may hold a Sinhala, a Persian name, an emoji ZWJ sequence."""
    note = " ".join(_JOINED.values())
    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY + f"note: {note}\n", encoding="utf-8")
    assert read_treaty_file(path).note == note
    assert cli_line(["treaties", "validate", str(path)])[0] == 0


def test_the_web_refuses_a_format_character_in_a_state_name(api_client: TestClient) -> None:
    answer = api_client.get("/api/resolve?state=U%E2%80%8BSA")  # U, ZERO WIDTH SPACE, SA
    assert answer.status_code == 422
    assert answer.json()["error"] == f"the state 'U\\u200bSA' has U+200B ZERO WIDTH SPACE, {_SAID}"


# Unicode's Default_Ignorable_Code_Point ranges, as DerivedCoreProperties.txt lists them (Unicode 14, this Python's:
# perl 5.36's \p{Default_Ignorable_Code_Point} over every code point gives these ranges): the characters a renderer
# shows as nothing when it has no glyph for them
_DEFAULT_IGNORABLE = [(0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                      (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                      (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
                      (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF)]
# let through: emoji, CJK ideographs, and the Mongolian script, whose free variation selectors choose the form of
# the letter before them and show nothing themselves
_SELECTORS = {chr(c) for c in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), *range(0x180B, 0x180E), 0x180F]}
# The default-ignorable characters that are no format character, each by name, and why none is written visibly by a
# real script: the Hangul fillers hold an empty jamo slot (a letter to Python, blank on screen); the combining
# grapheme joiner has no glyph (it only blocks the reordering of marks); the Khmer inherent vowels are deprecated,
# "to be ignored". The rest are unassigned code points Unicode keeps default-ignorable.
_NAMED = {"COMBINING GRAPHEME JOINER": "Mn", "HANGUL CHOSEONG FILLER": "Lo", "HANGUL JUNGSEONG FILLER": "Lo",
          "HANGUL FILLER": "Lo", "HALFWIDTH HANGUL FILLER": "Lo", "KHMER VOWEL INHERENT AQ": "Mn",
          "KHMER VOWEL INHERENT AA": "Mn"}
_SAID_INVISIBLE = "an invisible character: write the text as it is to be shown"


def test_the_invisible_set_is_unicodes_other_default_ignorable_characters() -> None:
    """`_INVISIBLE` holds exactly the default-ignorable code points that are neither format characters (`_FORMAT`,
    `_BIDI`) nor variation selectors; every default-ignorable one but the selectors and the joiners is refused; and
    each listed character this Unicode assigns is one of `_NAMED`, of its category, none a letter a script shows."""
    ignorable = {chr(c) for lo, hi in _DEFAULT_IGNORABLE for c in range(lo, hi + 1)}
    cf = {c for c in ignorable if unicodedata.category(c) == "Cf"}
    assert ignorable - cf - _SELECTORS == hidden._INVISIBLE, _hex(hidden._INVISIBLE ^ (ignorable - cf - _SELECTORS))
    assert ignorable - _SELECTORS - _JOINERS <= hidden._HIDDEN and not (_SELECTORS | _JOINERS) & hidden._HIDDEN
    assert not hidden._INVISIBLE & (hidden._FORMAT | hidden._BIDI | hidden._CONTROL)
    assigned = {c for c in hidden._INVISIBLE if unicodedata.category(c) != "Cn"}
    assert {unicodedata.name(c): unicodedata.category(c) for c in assigned} == _NAMED
    unassigned = hidden._INVISIBLE - assigned
    assert unassigned == {chr(c) for c in [0x2065, *range(0xFFF0, 0xFFF9), 0xE0000, *range(0xE0002, 0xE0020),
                                           *range(0xE0080, 0xE0100), *range(0xE01F0, 0xE1000)]}, _hex(unassigned)


@pytest.mark.parametrize(("char", "name"), [
    ("\u3164", " HANGUL FILLER"), ("\uffa0", " HALFWIDTH HANGUL FILLER"), ("\u115f", " HANGUL CHOSEONG FILLER"),
    ("\u034f", " COMBINING GRAPHEME JOINER"),
    ("\u17b4", " KHMER VOWEL INHERENT AQ"), ("\U000e0000", ""), ("\U000e0080", ""), ("\u2065", ""),
])
def test_refuse_hidden_names_an_invisible_character(char: str, name: str) -> None:
    with pytest.raises(ValueError) as caught:
        hidden.refuse_hidden(f"NA{char}TO", "\n\t")
    assert str(caught.value) == f"has U+{ord(char):04X}{name}, {_SAID_INVISIBLE}"


def test_a_treaty_note_with_a_grapheme_joiner_is_refused(tmp_path: Path) -> None:
    said = _said(tmp_path, read_treaty_file, GOOD_TREATY + 'note: "see\\u034fthis"\n')
    assert said.startswith(f"note: has U+034F COMBINING GRAPHEME JOINER, {_SAID_INVISIBLE}"), said


@pytest.mark.parametrize("given", ["USA\u3164", "\u3164"])
def test_a_state_name_with_a_hangul_filler_is_refused(given: str) -> None:
    said = f"the state {given!r} has U+3164 HANGUL FILLER, {_SAID_INVISIBLE}"
    assert _state_refused(given) == (said, said)
    assert _error_line([*CASCADE[:2], given, *CASCADE[3:]]) == said


def test_the_variation_selectors_pass() -> None:
    """Control (passes before and after): an emoji's presentation selector, an ideographic variation selector and a
    Mongolian free variation selector are no hidden characters: emoji, CJK ideographs and Mongolian need them."""
    for text in ("\u2764\ufe0f", "\u845b\U000e0100", "\u1822\u180b"):  # a red heart; 葛 (of Katsuragi) in a
        # variant form; the Mongolian letter I in its second form
        assert hidden.refuse_hidden(text) == text
