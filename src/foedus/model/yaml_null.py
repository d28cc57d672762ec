"""Whether a YAML file that parsed to null says null (`null`, `~`) or holds nothing at all, so that a reader says
which (`yamlio.not_a_mapping`): a file of `~` is not empty."""

from __future__ import annotations

__all__ = ["holds_null"]


def holds_null(text: str) -> bool:
    """Whether YAML `text` that parsed to null says so (`null`, `~`, `--- null`) rather than being empty, comments,
    directives and document markers only.

    >>> holds_null("# a comment\\n---\\n"), holds_null("--- ~\\n"), holds_null("null")
    (False, True, True)
    """
    for line in text.splitlines():
        said = line.split("#", 1)[0].strip()
        if said and not said.startswith("%") and said not in ("---", "..."):
            return True
    return False
