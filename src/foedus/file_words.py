"""How a message words a file that is not what was wanted: an output's path taken by another kind of thing
(`other_kind_taken`), where a file stops being JSON (`json_stops`). Re-exported by `foedus.wording`."""

from __future__ import annotations

__all__ = ["json_stops", "other_kind_taken"]


def other_kind_taken(out: object, found: str, kind: str, *, force: bool, fixed_in: str | None = None) -> str:
    """Why an output (`kind`: 'file' or 'folder') is not written where `out` is `found` (a file, a folder, a named
    pipe): in the words of the case given, so a run without --force is not told what --force does. A path the
    command fixes (`fixed_in`: 'the data folder', where `foedus data import` puts each file) cannot be chosen
    again: the reader is told to clear the entry in its way instead."""
    wanted = "a folder of output" if kind == "folder" else "a file"
    if force:
        return f"{out} is {found}; --force replaces {wanted}, never {found}"
    advice = (f"its place in {fixed_in} is fixed: move or remove that {found.split(' ', 1)[-1]}, then run it again"
              if fixed_in else "choose another path")
    return f"{out} is {found}, and this command writes {wanted} there: nothing was changed; {advice}"


def json_stops(exc: ValueError) -> str:
    """Where a file stops being JSON (`json.JSONDecodeError`'s line and column), in foedus's words rather than
    json's ('Expecting value: line 1 column 1 (char 0)'); any other problem (a number too long) as it is said."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    return f"it stops being JSON at line {line}, column {column}" if line and column else str(exc)
