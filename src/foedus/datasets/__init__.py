"""Research datasets (ATOP, COW, Gleditsch–Ward): registry, fetch, import, status and citations.

>>> from foedus.datasets import DATASETS
>>> DATASETS["cow_states"].files[0].path
'cow_states/states2016.csv'
"""

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
