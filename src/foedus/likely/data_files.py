"""The data files the likelihood model reads, to fit it and to answer (its features: alliances, the state system and
major powers, war history, capabilities, contiguity), and the datasets of the `foedus.datasets` registry they belong
to: what an answer with the likelihood cites, as it cites the ATOP and state-system data the cascade reads."""

from __future__ import annotations

__all__ = ["DATA_FILES", "likely_datasets"]

DATA_FILES = ("atop/atop5_1m.csv", "cow_states/states2016.csv", "cow_states/majors2016.csv",
              "cow_interstate_war/Inter-StateWarData_v4.0.csv", "cow_interstate_war/directed_dyadic_war.csv",
              "cow_nmc/NMC-60-abridged.csv", "cow_contiguity/contdir.csv")
"""Each file the model reads, by its path under the data folder (the registry's)."""


def likely_datasets() -> tuple[str, ...]:
    """The registry's datasets of DATA_FILES, each once, in their order: every dataset an answer with the likelihood
    reads, to cite.

    Raises:
        LookupError: a file the registry does not list (a registry and this list that disagree).
    """
    from foedus.datasets.registry import find_path

    out: dict[str, None] = {}
    for relative in DATA_FILES:
        found = find_path(relative)
        if found is None:
            raise LookupError(f"{relative}: no dataset of the registry lists it")
        out[found[0].name] = None
    return tuple(out)
