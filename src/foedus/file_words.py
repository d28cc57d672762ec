"""How a message words a file that is not what was wanted: an output's path taken by another kind of thing
(`other_kind_taken`), where a file stops being JSON (`json_stops`), a URL given where a file path goes (`is_url`,
`NOT_A_FILE_PATH`) and a NUL in a path, shown escaped (`NUL_SHOWN`), as every control character of a message or a
warning is (`escaped`), and `-` given as a file to read (`STDIN_NOT_READ`). Re-exported by `foedus.wording`."""

from __future__ import annotations

__all__ = ["NOT_A_FILE_PATH", "NUL_SHOWN", "STDIN_NOT_READ", "escaped", "is_url", "json_stops", "other_kind_taken"]

NOT_A_FILE_PATH = "a URL, not a file path: download the file first and give its path"
"""Why a URL is refused where a file's path goes (an overlay's `add_treaty` path): read as a relative path, a Path
merged its slashes (`https:/x/t.yaml`), a file no one gave."""

STDIN_NOT_READ = "'-' (standard input) is not read: give a file's path (./- for a file named -)"
"""Why `-` is refused as a file to read (the CLI's `--scenario -`, `foedus.load_scenario("-")`): nothing is read from
standard input; it was said to be "no such file or folder", as if a file named - were meant."""

NUL_SHOWN = "\\0"
"""A NUL character of a path, as a message shows it: written raw, a terminal shows a space, a path not the one given."""


def escaped(text: str) -> str:
    """`text` with each control character that is no whitespace shown, not obeyed: a NUL `\\0`, another `\\x1b`
    (a path's or a file's, which a terminal would act on); for a line a message or a warning prints in full.

    >>> print(escaped("a\\x1b[2Jb\\0c\\x7f d"))
    a\\x1b[2Jb\\0c\\x7f d
    """
    import re  # here: `import foedus` reaches this module (as `is_url`'s)

    return re.sub(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]",
                  lambda c: NUL_SHOWN if c[0] == "\0" else f"\\x{ord(c[0]):02x}", str(text))


def is_url(text: str) -> bool:
    """Whether `text` is a URL (a scheme and `://`: `https://x/t.yaml`), not a path.

    >>> is_url("https://x/t.yaml"), is_url("t.yaml"), is_url("C:/t.yaml")
    (True, False, False)
    """
    import re  # here: `import foedus` reaches this module and must leave `re` to the start's paused imports

    return re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", text) is not None


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
