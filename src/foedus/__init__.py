"""foedus: collective-defence treaties as data, and an explainable cascade engine.

>>> import foedus
>>> result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
>>> "PRK" in result.sides["defense"]
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from foedus._version import __version__
from foedus.errors import FoedusError

if TYPE_CHECKING:
    from foedus.api import cascade, load_world, replay_war
    from foedus.engine.result import CascadeResult
    from foedus.model.world import World

__all__ = ["CascadeResult", "FoedusError", "World", "__version__", "cascade", "load_world", "replay_war"]

# The API is imported on first use, so that a command which needs none of the engine does not load it.
_LAZY = {"cascade": "foedus.api", "load_world": "foedus.api", "replay_war": "foedus.api",
         "CascadeResult": "foedus.engine.result", "World": "foedus.model.world"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'foedus' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
