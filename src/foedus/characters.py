"""How every message names a character: its code point and name (`character`), and for a lone surrogate the byte
it stands for (`surrogate_byte`). `foedus.wording` re-exports both (and `foedus.errors` with it)."""

from __future__ import annotations

__all__ = ["character", "surrogate_byte"]

_CONTROL_NAMES = {"\0": "NULL", "\a": "BELL", "\b": "BACKSPACE", "\t": "CHARACTER TABULATION", "\n": "LINE FEED",
                  "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE"}  # unicodedata names no control


def character(char: str) -> str:
    """A character as every message names one: its code point and, where known, its name (a data file's hidden
    character, a letter the output's encoding cannot write).

    >>> character("\u202e"), character("\x1b"), character("\x85")
    ('U+202E RIGHT-TO-LEFT OVERRIDE', 'U+001B ESCAPE', 'U+0085')
    """
    import unicodedata  # here: only a message naming a character needs it

    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def surrogate_byte(char: str) -> str:
    """What byte the lone surrogate `char` stands for, as every message says it after the character (`character`):
    Python holds each byte of a name that is not UTF-8 (a path Linux allows, a word typed in a Latin-1 terminal) as
    U+DC80..U+DCFF; nothing for another surrogate.

    >>> surrogate_byte("\\udcff"), surrogate_byte("\\ud800")
    (' (the byte 0xFF of a name that is not UTF-8 text)', '')
    """
    if not "\udc80" <= char <= "\udcff":
        return ""
    return f" (the byte 0x{ord(char) - 0xDC00:02X} of a name that is not UTF-8 text)"
