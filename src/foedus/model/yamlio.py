"""YAML reading for data files: safe, fast, and with dates left as text for pydantic to check.

PyYAML would turn `2020-13-01` into a crash inside its own date constructor; keeping dates as
strings lets the schema report the bad value with its field path instead.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["load_yaml"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader without the implicit timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; timestamps stay strings."""
    return yaml.load(text, Loader=_Loader)
