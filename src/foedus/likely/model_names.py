"""The names a likelihood-model file gives itself, checked as `foedus likely fit` writes them (`foedus.likely.build`):
its version, LABEL-FIRST-LAST-DIGEST, quoted in every answer, and the version of the foedus that wrote it."""

from __future__ import annotations

import re
from typing import Any

from foedus._version import __version__
from foedus.errors import LikelyModelError, shown

__all__ = ["check_names"]

_VERSION = re.compile(r"(?P<label>.+)-(?P<first>[0-9]+)-(?P<last>[0-9]+)-[0-9a-f]{10}")
"""A model's version as `foedus.likely.build.build_model` names it: LABEL-FIRST-LAST-DIGEST."""
_FOEDUS = re.compile(r"[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?(\+[a-z0-9]+(\.[a-z0-9]+)*)?")
"""The version of the foedus that wrote the file, as `foedus.__version__` is written (PEP 440's public form, and a
local label)."""


def check_names(path: str, version: str, foedus: str, training: dict[str, Any]) -> None:
    """The version every answer quotes ("model …, trained on …") is LABEL-FIRST-LAST-DIGEST, its years the training
    window's (a version saying other years than the window quoted beside it misleads), and the foedus that wrote the
    file is a version number: either was read unchecked."""
    t = training
    found = _VERSION.fullmatch(version)
    if found is None:
        raise LikelyModelError(f"{path}: version: {shown(version)} is not a model version (expected "
                               "LABEL-FIRST-LAST-DIGEST, as `foedus likely fit` writes it: "
                               f"user-{t['first_year']}-{t['last_year']}-0123456789)")
    if (int(found["first"]), int(found["last"])) != (t["first_year"], t["last_year"]):
        raise LikelyModelError(f"{path}: version: {shown(version)} names the years "
                               f"{found['first']}–{found['last']}, where the training window is "
                               f"{t['first_year']}–{t['last_year']}")
    if _FOEDUS.fullmatch(foedus) is None:
        raise LikelyModelError(f"{path}: foedus: {shown(foedus)} is not a foedus version (expected one such as "
                               f"{__version__}: the version of foedus that wrote the file)")
