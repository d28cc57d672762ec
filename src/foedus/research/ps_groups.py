"""peacesciencer's covariate groups (`foedus dyads --add`) and the last year each has values: what the dyad-year
notes read (`foedus.research.dyad_notes`) without the merge itself (`foedus.research.peacesciencer`), which reads the
dyad-years' state system, so that `foedus.research.dyads` may word its notes without an import circle."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["COVARIATES", "last_years"]

COVARIATES = {"cinc": ("cinc1", "cinc2"), "cowmaj": ("cowmaj1", "cowmaj2"), "conttype": ("conttype",)}


def last_years(wanted: tuple[str, ...]) -> dict[str, int]:
    """The last year each requested covariate group has values for (later years are missing), by group name; none
    for cowmaj, whose major powers of the data's last year are carried forward to every later year."""
    from foedus.sources.contiguity import CONTIGUITY_END
    from foedus.sources.cow import capabilities

    ends: dict[str, Callable[[], int]] = {"cinc": lambda: capabilities().last_year, "conttype": lambda: CONTIGUITY_END}
    return {name: ends[name]() for name in wanted if name in ends}
