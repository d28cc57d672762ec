"""What a depth-parameter file says of its fit (`model`, `data.dataset`, `data.version`, `data.window`,
`data.alliances`, `seed`, `refit`, as `foedus.research.depth.fit_params` writes them), each required (and
`data.file` one line of text when given, as it is shown in a note): a damaged
file's `window: "1815"` or `alliances: -3` was read without a word, and one without them as if they were there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from foedus.errors import DataFormatError, shown

__all__ = ["check_metadata"]

_REQUIRED = ("model", "data.dataset", "data.version", "data.window", "data.alliances", "seed", "refit")


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_metadata(payload: Mapping[str, Any], source: str) -> None:
    """The descriptive fields of a depth-parameter file, each given and of the type `fit_params` writes: texts, a
    window of two whole-number years in order, and whole numbers of alliances and of the seed.

    Raises:
        DataFormatError: the first field missing, or of another type, named, with what it should be.
    """
    data = payload.get("data", {})
    for where in _REQUIRED:  # every fit writes them (`fit_params`): a file without one is no whole fit's
        block, _, key = where.rpartition(".")
        if key not in (data if block else payload):
            raise DataFormatError(f"{source}: {where}: missing field '{key}'")
    texts = [("model", payload.get("model")), ("refit", payload.get("refit")),
             ("data.dataset", data.get("dataset")), ("data.version", data.get("version"))]
    if "file" in data:  # optional (older files name no file): shown in a note, so one line as the others
        texts.append(("data.file", data["file"]))
    for where, value in texts:
        if not isinstance(value, str) or not value.strip() or "\n" in value:
            raise DataFormatError(f"{source}: {where}: expected a one-line text, got {shown(value)}")
    for where, value in (("data.alliances", data.get("alliances")), ("seed", payload.get("seed"))):
        if not _whole(value):
            raise DataFormatError(f"{source}: {where}: expected a whole number of zero or more, got {shown(value)}")
    window = data.get("window")
    if not (isinstance(window, list) and len(window) == 2 and all(map(_whole, window)) and window[0] <= window[1]):
        raise DataFormatError(f"{source}: data.window: expected the first and last years fitted, [FIRST, LAST] "
                              f"in order, got {shown(window)}")
