"""The datasets a user names (`foedus data fetch`, `data status`, `foedus cite`), checked against the registry."""

from __future__ import annotations

from collections.abc import Iterable

from foedus.datasets.registry import DATASETS, Dataset
from foedus.errors import ListedTwiceError, UnknownDatasetError
from foedus.listed import listed_twice

__all__ = ["select", "select_named"]


def select(names: Iterable[str] | None) -> list[Dataset]:
    """The datasets named (all of them for None or none), in registry order; unknown or empty names are an error
    (an empty one, `foedus data fetch ''`, was dropped, so the command ran for every dataset, the optional ones too)."""
    wanted = list(dict.fromkeys(n.strip().lower() for n in names or ()))
    unknown = [n for n in wanted if n not in DATASETS]
    if unknown:
        known = ", ".join(DATASETS)
        what = "a dataset name is empty" if "" in unknown else f"unknown dataset {', '.join(map(repr, unknown))}"
        raise UnknownDatasetError(f"{what}; known: {known}")
    return [d for d in DATASETS.values() if not wanted or d.name in wanted]


def select_named(names: Iterable[str]) -> list[Dataset]:
    """`select` for the names a user gives (`foedus cite`, `foedus data fetch`), each once: one given twice (atop
    atop, or atop and ATOP) is refused (`foedus.listed.listed_twice`, the rule of every list a user gives), where
    `data fetch atop atop` took it as one without a word.

    Raises:
        UnknownDatasetError: as `select`. ListedTwiceError: a name given twice.
    """
    wanted = list(names)
    datasets = select(wanted)
    if twice := listed_twice([name.strip().lower() for name in wanted], "names", "dataset"):
        raise ListedTwiceError(": ".join(twice))
    return datasets
