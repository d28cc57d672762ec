"""Paths as the user wrote them: pathlib drops a trailing slash (`x.csv/` becomes x.csv), and with it the sign that
a folder was meant, and a leading `./` (`./war.yaml` becomes war.yaml), which a message then did not show as typed.
Kept here (`as_given`), an output that is one file can refuse it (`foedus.outputs.check_target`) and an input is
given to the system, and named in a message, as written (`as_written`), so `f.yaml/` is refused as not a folder, not
read as f.yaml. Every caller reads them here (`foedus.reachable` too, which `foedus.paths` reads). And a path as
one word of a shell command (`shell_word`), as a report records the command that reproduces it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["as_given", "as_written", "folder_meant", "kept", "shell_word"]

if sys.platform == "win32":
    from pathlib import WindowsPath as _Concrete
else:
    from pathlib import PosixPath as _Concrete


class _Given(_Concrete):
    """A path whose text pathlib changed from what the user wrote (`x.csv/`, `./x.csv`): the text as written, and
    whether a trailing slash meant a folder. Only the path `as_given` made says so; one derived from it (its parent,
    a child) does not."""

    folder_meant = False
    written: str | None = None


def as_given(path: Path, raw: str) -> Path:
    """`path`, read from the text `raw` a user wrote, remembering that text for `as_written` and a trailing slash for
    `folder_meant` (the command line's path options: `foedus.cli.entry`, `foedus.cli.fast`).

    >>> folder_meant(as_given(Path("x.csv/"), "x.csv/")), folder_meant(as_given(Path("x.csv"), "x.csv"))
    (True, False)
    >>> folder_meant(as_given(Path("out/"), "out/") / "x.csv"), folder_meant("x.csv/")
    (False, True)
    >>> as_written(as_given(Path("./war.yaml"), "./war.yaml")), as_written(as_given(Path("./out/"), "./out/") / "x")
    ('./war.yaml', 'out/x')
    """
    folder = raw.endswith(("/", os.sep)) and path != Path(path.anchor)
    if not folder and os.fspath(path) == raw:
        return path
    given = _Given(path)
    given.folder_meant, given.written = folder, raw
    return given


def folder_meant(path: str | os.PathLike[str]) -> bool:
    """Whether the user wrote `path` with a trailing slash, so meant a folder (`as_given`; text as given)."""
    if isinstance(path, str):
        return path.endswith(("/", os.sep)) and len(path) > 1
    return getattr(path, "folder_meant", False) is True


def as_written(path: str | os.PathLike[str]) -> str:
    """`path` as the user wrote it, a trailing slash and a leading `./` kept (`as_given`), for the system and for a
    message: an input given as `f.yaml/` is then refused as the system refuses it (f.yaml is not a folder), not read
    as f.yaml, and `./war.yaml` is named so.

    >>> as_written(as_given(Path("f.yaml/"), "f.yaml/")), as_written("f.yaml/"), as_written(Path("f.yaml"))
    ('f.yaml/', 'f.yaml/', 'f.yaml')
    """
    written = getattr(path, "written", None)  # only on the path `as_given` made: its child is one of its own
    if isinstance(written, str):
        return written
    text = os.fspath(path)
    return text + os.sep if folder_meant(path) and not text.endswith(os.sep) else text


def kept(path: str | os.PathLike[str]) -> Path:
    """`path` as a Path that keeps a trailing slash the user wrote (`as_given`; `Path("f.yaml/")` drops it)."""
    return path if isinstance(path, Path) else as_given(Path(path), os.fspath(path))


def shell_word(text: str) -> str:
    r"""`text` as one word of a POSIX shell command line, as a report records the command that reproduces it:
    `shlex.quote`'s, or for a name that is not UTF-8 (a byte Python holds as a lone surrogate) `$'...'` with each
    byte outside printable ASCII as `\xHH`, which the shell reads back as the same bytes: the surrogate itself
    stopped the report's write, after all the work ('cannot write U+DCFF').

    >>> shell_word("my run"), shell_word("bt\udcff"), shell_word("it's é\udcff")
    ("'my run'", "$'bt\\xff'", "$'it\\'s \\xc3\\xa9\\xff'")
    """
    import shlex

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        escaped = ("\\" + chr(b) if chr(b) in "\\'" else chr(b) if 0x20 <= b < 0x7F else f"\\x{b:02x}"
                   for b in os.fsencode(text))
        return "$'" + "".join(escaped) + "'"
    return shlex.quote(text)
