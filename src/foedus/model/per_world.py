"""A cache per world, held weakly: what is derived from a world (a war replay's treaty timeline, epochs and system
changes: `foedus.war.replay`; the Gleditsch–Ward world of the research tables: `foedus.research.gw_dated`) is built
once per world and its other arguments, and dropped with the world. An `lru_cache` on the world kept its last eight
worlds alive, each long after its caller dropped it (a what-if world is large)."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from foedus.model.world import World

__all__ = ["per_world"]

P = ParamSpec("P")
T = TypeVar("T")


def per_world(build: Callable[Concatenate[World, P], T]) -> Callable[Concatenate[World, P], T]:
    """`build(world, ...)`, built once per world and the other arguments (hashable, as `lru_cache` takes them) and
    kept only while the world lives. What `build` returns must not hold the world itself, or it would keep it."""
    by_world: weakref.WeakKeyDictionary[World, dict[Hashable, T]] = weakref.WeakKeyDictionary()

    def cached(world: World, /, *args: P.args, **kwargs: P.kwargs) -> T:
        known = by_world.get(world)
        if known is None:
            known = by_world[world] = {}
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        if key not in known:
            known[key] = build(world, *args, **kwargs)
        return known[key]

    functools.update_wrapper(cached, build)  # its name and docstring (`wraps`' type is not the callable's)
    return cached
