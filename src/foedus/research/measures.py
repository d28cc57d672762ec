"""The published measures a research table reproduces, cited in full beside its datasets' `cite:` lines: `foedus
depth` cited ATOP alone, though its `milinst` is Leeds & Anac's (2005) and its depth and scope follow Benson &
Clinton (2016) (docs/depth.md). `foedus cite` knows them by name too (`METHODS`), as it knows the datasets."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BENSON_CLINTON_2016", "DEPTH_MEASURES", "LEEDS_ANAC_2005", "METHODS", "Method"]

LEEDS_ANAC_2005 = ('Leeds, Brett Ashley, and Sezi Anac. 2005. "Alliance Institutionalization and Alliance '
                   'Performance." International Interactions 31(3): 183–202.')
BENSON_CLINTON_2016 = ('Benson, Brett V., and Joshua D. Clinton. 2016. "Assessing the Variation of Formal Military '
                       'Alliances." Journal of Conflict Resolution 60(5): 866–898.')
DEPTH_MEASURES = (LEEDS_ANAC_2005, BENSON_CLINTON_2016)
"""`foedus depth`'s measures: `milinst` (Leeds & Anac), depth and scope (Benson & Clinton's dimensions)."""


@dataclass(frozen=True)
class Method:
    """A published measure foedus reproduces: the name `foedus cite` takes, what it measures, and its reference in
    plain text (as a table's `cite:` lines give it) and in BibTeX (the same work)."""

    name: str
    title: str
    text: str
    bibtex: str


METHODS: dict[str, Method] = {m.name: m for m in (
    Method("leeds_anac_2005", "Military institutionalisation of alliances, milinst", LEEDS_ANAC_2005,
           """@article{leeds2005institutionalization,
  author = {Leeds, Brett Ashley and Anac, Sezi},
  title = {Alliance Institutionalization and Alliance Performance},
  journal = {International Interactions},
  year = {2005}, volume = {31}, number = {3}, pages = {183--202}
}"""),
    Method("benson_clinton_2016", "Depth and scope of military alliances", BENSON_CLINTON_2016,
           """@article{benson2016assessing,
  author = {Benson, Brett V. and Clinton, Joshua D.},
  title = {Assessing the Variation of Formal Military Alliances},
  journal = {Journal of Conflict Resolution},
  year = {2016}, volume = {60}, number = {5}, pages = {866--898}
}"""),
)}
"""The methods references by the name `foedus cite` takes, in the order `foedus depth` cites them."""


def split_methods(names: list[str]) -> tuple[list[str], list[Method]]:
    """`foedus cite`'s names split into the datasets' (as given, for `foedus.datasets.cite`) and the methods
    references they name (`METHODS`, case and spaces ignored as a dataset's name is), each once.

    >>> split_methods(["atop", "Leeds_Anac_2005"])[0], [m.name for m in split_methods(["leeds_anac_2005"])[1]]
    (['atop'], ['leeds_anac_2005'])

    Raises:
        ListedTwiceError: a method named twice (`leeds_anac_2005 LEEDS_ANAC_2005`), as a dataset named twice is.
    """
    from foedus.errors import ListedTwiceError
    from foedus.listed import listed_twice

    keys = [name.strip().lower() for name in names]
    if twice := listed_twice([k for k in keys if k in METHODS], "names", "method"):
        raise ListedTwiceError(": ".join(twice))
    return [n for n, k in zip(names, keys, strict=True) if k not in METHODS], [METHODS[k] for k in keys if k in METHODS]
