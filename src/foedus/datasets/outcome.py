"""What `fetch` and `import` did to each file, so the CLI (or a caller) can report it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["Action", "Outcome"]

Action = Literal["downloaded", "imported", "present", "skipped"]


@dataclass(frozen=True)
class Outcome:
    """One file's fate: downloaded, imported, already present (left alone), or skipped (with the reason)."""

    dataset: str
    path: str
    action: Action
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """Plain JSON-ready form."""
        return asdict(self)
