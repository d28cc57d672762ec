"""YAML reading for data files: safe, fast, and with dates left as text for pydantic to check.

PyYAML would turn `2020-13-01` into a crash inside its own date constructor; keeping dates as
strings lets the schema report the bad value with its field path instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from foedus.errors import FoedusError

__all__ = ["load_yaml", "read_yaml_file", "validate_file_data"]

M = TypeVar("M", bound=BaseModel)

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


def read_yaml_file(path: str | Path, what: str) -> Any:
    """Parse a user's YAML file; unreadable files and bad YAML become one-line FoedusErrors."""
    target = Path(path)
    try:
        return load_yaml(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FoedusError(f"{target}: cannot read {what}: {getattr(exc, 'strerror', None) or exc}") from None
    except yaml.YAMLError as exc:
        raise FoedusError(f"{target}: invalid YAML in {what}: {getattr(exc, 'problem', None) or exc}") from None


def validate_file_data(model: type[M], raw: Any, path: str | Path) -> M:
    """Validate parsed file data against a pydantic model, naming the file and field on error."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise FoedusError(f"{path}: {loc}: {err['msg']}") from None
