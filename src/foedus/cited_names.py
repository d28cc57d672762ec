"""An ATOP alliance cited by its name as well as its id, where a `named` correction gives it one
(`data/atop_corrections.yaml`): "atop_3755 (Treaty of Amity and Cooperation in Southeast Asia, 1976)", so that a
reader of "despite atop_3755" knows which treaty it is. ATOP gives no titles: an alliance no correction names keeps the
name its import gives it ("ATOP alliance 3755 (AUS, ...)", `UNNAMED`) and is cited by its id alone, as a curated
treaty is. A name resting on a page that is not official (a newspaper's, an agency's) says so where it is cited:
"atop_4745 (Spain–Tunisia Treaty of Friendship, Good Neighbourliness and Cooperation, 1995; name secondary)"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

__all__ = ["UNNAMED", "atop_title", "name_tag", "named_cited", "titles_of"]

UNNAMED = "ATOP alliance "
"""How the name the ATOP import gives an alliance begins (`foedus.sources.atop`); a `named` correction replaces it."""


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def name_certainty(self) -> str: ...


class _Titled(_Named, Protocol):
    @property
    def id(self) -> str: ...


def name_tag(certainty: str) -> str:
    """What follows a name that is not verified, where it is cited: "name secondary" (`Treaty.name_certainty`)."""
    return f"name {certainty}"


def atop_title(treaty: _Named) -> str | None:
    """The name a `named` correction gave an ATOP alliance (with its phase: "..., 1991, phase 2"), with its tag when
    its page is not official ("...; name secondary": `name_tag`); None for any other treaty (a curated one is cited by
    its id, its names in `foedus treaties show`)."""
    if treaty.origin != "atop" or treaty.name.startswith(UNNAMED):
        return None
    return treaty.name if treaty.name_certainty == "verified" else f"{treaty.name}; {name_tag(treaty.name_certainty)}"


def named_cited(treaty_id: str, titles: Mapping[str, str]) -> str:
    """A treaty's id as a line cites it: with its title in brackets where `titles` has one (`atop_title`).

    >>> named_cited("atop_3755", {"atop_3755": "Treaty of Amity and Cooperation in Southeast Asia, 1976"})
    'atop_3755 (Treaty of Amity and Cooperation in Southeast Asia, 1976)'
    >>> named_cited("nato_1949", {})
    'nato_1949'
    """
    title = titles.get(treaty_id)
    return f"{treaty_id} ({title})" if title else treaty_id


def titles_of(treaties: Iterable[_Titled]) -> dict[str, str]:
    """The titles (`atop_title`) of those of `treaties` a `named` correction names, by id: what a war's lines cite
    beside the ids (`foedus war`'s table and other duties; the web map's "Why?" on a war's date reads the same titles
    from the treaty list, `foedus.catalog.treaty_rows`)."""
    return {t.id: title for t in treaties if (title := atop_title(t)) is not None}
