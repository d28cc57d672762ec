"""foedus: collective-defence treaties as data, and an explainable cascade engine.

>>> import foedus
>>> result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
>>> "PRK" in result.sides["defense"]
True

The engine is imported on first use of `cascade`, `load_world`, `replay_war`, `load_scenario`, `save_scenario`,
`CascadeResult` or `World`, so that `import foedus.<module>` (the CLI's start among them) loads only what it needs.
"""

from __future__ import annotations

from foedus._version import __version__
from foedus.errors import FoedusError

TYPE_CHECKING = False  # `typing.TYPE_CHECKING`, read as true by type checkers: the package itself imports no
# `typing`, so that the console's start imports it (with `re` and `enum`) with the collector paused (foedus.cli.start)
if TYPE_CHECKING:
    from typing import Any

    from foedus.api import cascade, load_scenario, load_world, replay_war, save_scenario
    from foedus.engine.result import CascadeResult
    from foedus.model.world import World

__all__ = ["CascadeResult", "FoedusError", "World", "__version__", "cascade", "load_scenario", "load_world",
           "replay_war", "save_scenario"]

_LAZY = {"cascade": "foedus.api", "load_world": "foedus.api", "replay_war": "foedus.api", "load_scenario": "foedus.api",
         "save_scenario": "foedus.api",
         "CascadeResult": "foedus.engine.result", "World": "foedus.model.world"}


def __getattr__(name: str) -> Any:
    """The public names above, imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'foedus' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names only (`__all__`): not the module's own workings (`TYPE_CHECKING`, `annotations`, ...) nor
    the submodules imported so far."""
    return sorted(__all__)
