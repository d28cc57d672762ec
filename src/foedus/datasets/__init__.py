"""Research datasets (ATOP, COW, Gleditsch–Ward): registry, fetch, import, status, checks and citations.

The names below load on first use, so that checking a file (`foedus.datasets.verify`) does not import
the download and zip machinery.

>>> from foedus.datasets import DATASETS
>>> DATASETS["cow_states"].files[0].path
'cow_states/states2016.csv'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.datasets.download import MIRROR_ENV
    from foedus.datasets.fetching import fetch
    from foedus.datasets.importing import import_file
    from foedus.datasets.outcome import Outcome
    from foedus.datasets.registry import DATASETS, DataFile, Dataset, Source
    from foedus.datasets.report import DatasetStatus, FileStatus, cite, status

__all__ = [
    "DATASETS",
    "MIRROR_ENV",
    "DataFile",
    "Dataset",
    "DatasetStatus",
    "FileStatus",
    "Outcome",
    "Source",
    "cite",
    "fetch",
    "import_file",
    "status",
]

_HOME = {"MIRROR_ENV": "download", "fetch": "fetching", "import_file": "importing", "Outcome": "outcome",
         "DATASETS": "registry", "DataFile": "registry", "Dataset": "registry", "Source": "registry",
         "DatasetStatus": "report", "FileStatus": "report", "cite": "report", "status": "report"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'foedus.datasets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"foedus.datasets.{_HOME[name]}"), name)
    globals()[name] = value
    return value
