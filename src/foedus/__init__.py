"""foedus: collective-defence treaties as data, and an explainable cascade engine.

>>> import foedus
>>> result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
>>> "PRK" in result.sides["defense"]
True
"""

from foedus._version import __version__
from foedus.api import cascade, load_world, replay_war
from foedus.engine.result import CascadeResult
from foedus.errors import FoedusError
from foedus.model.world import World

__all__ = ["CascadeResult", "FoedusError", "World", "__version__", "cascade", "load_world", "replay_war"]
