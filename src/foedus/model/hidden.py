"""Characters a text may not hide: control characters and bidirectional overrides or isolates, refused in the same
words wherever a text is read, a data file's field (`foedus.model.facts`) or a state's or a place's name as typed
(`foedus.model.states`, `foedus.model.gazetteer`): shown as they are, they reach a terminal, a table or a report
unseen, an override shows the text after it reversed, and a name's lookup, which keeps only letters and digits, read
"u\\u202esa" as USA."""

from __future__ import annotations

from collections.abc import Callable

from foedus.wording import character

__all__ = ["refuse_hidden"]

_BIDI = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))  # embeddings, overrides, isolates
# Unicode's control characters (category Cc: C0, DEL, C1), listed: every state or place name typed is checked, and
# the usual text is then one `isdisjoint` pass, not a `unicodedata.category` call per character
_CONTROL = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
_HIDDEN = _BIDI | _CONTROL


def refuse_hidden(value: str, allowed: str = "", error: Callable[[str], Exception] = ValueError) -> str:
    """`value`, refused when it has a control character (but those in `allowed`) or a bidirectional override or
    isolate: `error` of the problem is raised (a ValueError, which a pydantic validator reports for its field).

    >>> refuse_hidden("Estonia"), refuse_hidden("a\\tb", "\\t")
    ('Estonia', 'a\\tb')
    >>> refuse_hidden("u\\u202esa")
    Traceback (most recent call last):
    ValueError: has U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control: write the text as it is to be shown
    """
    if _HIDDEN.isdisjoint(value):  # the usual text: one pass in C
        return value
    for char in value:
        if char in _BIDI or (char in _CONTROL and char not in allowed):
            kind = "a bidirectional control" if char in _BIDI else "a control character"
            raise error(f"has {character(char)}, {kind}: write the text as it is to be shown")
    return value
