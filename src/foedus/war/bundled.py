"""The worked wars that ship with foedus (`foedus/data/wars/*.yaml`), named by id: a war is given either as
a file or as one of these names, so `foedus war russia_ukraine_2022` works from any installation."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from foedus.declare import described
from foedus.errors import WarDataError, empty_or_blank
from foedus.written import kept

__all__ = ["bundled_wars", "is_bundled_file", "known_wars", "war_path"]

_ID = re.compile(r"^[a-z0-9_]{1,80}$")


@cache
def bundled_wars() -> dict[str, Path]:
    """War id (the file's stem) -> file, for every bundled war, sorted by id: listed once a process, the bundled wars
    being package data that no run changes (`war_path` and the loader's `_refuse_bundled_id` read this listing; the
    user's files they compare with it are looked at anew each call). The folder is found beside this module, as
    `foedus.model.dated_names` finds its file, not by `importlib.resources`, which the CLI's start would import for
    it: the war command's help lists these ids (`known_wars`)."""
    folder = Path(__file__).parents[1] / "data" / "wars"
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".yaml") and _ID.match(p.name.removesuffix(".yaml"))}


def war_path(war: str | Path) -> Path:
    """The file of a war given as a path, or as the id of a bundled war (a bare id that also names a path in the
    current folder is refused: `./ID` gives the path).

    >>> war_path("russia_ukraine_2022").name
    'russia_ukraine_2022.yaml'

    Raises:
        WarDataError: neither a file nor a bundled war's id (the message lists the bundled wars), or not a string
            or path at all.
    """
    if not isinstance(war, str | os.PathLike):
        raise WarDataError("war", "", f"expected a war file's path or a bundled war's id (bundled: {known_wars()}), "
                                      f"not {described(war)}")
    if not str(war).strip():  # Path("") would be ".", a folder; " " a file of no visible name: say what was given
        raise WarDataError("war", "", f"the path is {empty_or_blank(war)}; give a war file or a bundled war "
                                      f"(bundled: {known_wars()})")
    path = kept(war)  # `war.yaml/` is refused by the loader as the system refuses it, not read as war.yaml
    bundled = bundled_wars()
    named = bundled.get(war) if isinstance(war, str) else None  # the bundled war a bare id names
    if os.path.lexists(path):  # a symbolic link loop too: the loader says what it is
        # a bare id naming a file here too: which of the two is meant cannot be told, so neither is replayed
        if named is not None and not is_bundled_file(path, str(war)):  # named only for a bare id, a string
            raise WarDataError(str(war), "", f"is both a bundled war's id and a name in the current folder; give "
                                             f"./{war} to replay that file, or rename it to replay the bundled war")
        return path
    if named is not None:
        return named
    if isinstance(war, str) and "/" not in war:  # a bare name: a bundled war's, or a file here
        key = war.strip().lower().removesuffix(".yaml")
        hint = f"; did you mean {key}?" if key in bundled else ""  # ' russia_ukraine_2022', NAME.yaml
        raise WarDataError(repr(war) if war != war.strip() else war, "",
                           f"no such file, and no bundled war of that name{hint} (bundled: {known_wars()})")
    return path  # the loader says why it cannot be read


def is_bundled_file(path: Path, war_id: str) -> bool:
    """Whether `path` is the bundled war `war_id`'s own file, however the path is written (their file keys,
    `foedus.model.files_once.file_key`): the one test of `war_path`'s refusal of a bare id that names a file here too,
    and of the loader's refusal of a user's war file that takes a bundled war's id."""
    from foedus.model.files_once import file_key

    bundled = bundled_wars().get(war_id)
    key = file_key(path)
    return bundled is not None and key is not None and key == file_key(bundled)


def known_wars() -> str:
    """The bundled wars' ids, in `bundled_wars`' order, for a message or the war command's help ("none" if none)."""
    return ", ".join(bundled_wars()) or "none"
