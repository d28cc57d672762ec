"""A registry with a name index built as it is made, read back from the world cache with the index it stored.

Shared by the state registry (`foedus.model.states.StateRegistry`) and the gazetteer
(`foedus.model.gazetteer.Gazetteer`): each builds `_index` in its `__post_init__`; the world cache's codecs
(`foedus.model.state_codec`, `foedus.model.codec`) store `lookup_index` and make the record again with `indexed`.
"""

from __future__ import annotations

from typing import Any, Self

from foedus.datarecord import without_post_init

__all__ = ["NameIndexed"]


class NameIndexed:
    """A mixin of a (not slotted) record with a field `_index`: each lookup key to the id it names."""

    __slots__ = ()
    _index: dict[str, str]

    @classmethod
    def indexed(cls, index: dict[str, str], **fields: Any) -> Self:
        """The record of these fields with `index` as its name index (`lookup_index`, as the world cache stored it),
        not built again (`without_post_init`)."""
        made: Self = without_post_init(cls, **fields, _index=index)
        return made

    @property
    def lookup_index(self) -> dict[str, str]:
        """The name index as built: each lookup key (`slugify`'d for a place, `norm`'d for a state) to the id of
        the record it names (the world cache stores it)."""
        return self._index
