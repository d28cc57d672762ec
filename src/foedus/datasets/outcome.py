"""What `fetch` and `import` did to each file, so the CLI (or a caller) can report it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["Action", "Outcome"]

Action = Literal["downloaded", "imported", "present", "skipped"]


@dataclass(frozen=True)
class Outcome:
    """One file's fate: downloaded, imported, already present (left alone), or skipped (with the reason).

    `other_version` and `chosen_over` are the facts `detail` reports beyond where the file came from, set where the
    detail is written, so that a reader (the CLI's annotation) needs no match on its wording."""

    dataset: str
    path: str
    action: Action
    detail: str = ""
    other_version: bool = False  # another version than the registry's: recorded now, or (skipped) left in place
    chosen_over: bool = False  # other files with its name differed and were passed over (`candidates.choose`)

    def to_dict(self) -> dict[str, str | bool]:
        """Plain JSON-ready form."""
        return asdict(self)
