"""`dir(foedus)` lists the package's public names (`__all__`) only: it listed `TYPE_CHECKING`, `annotations` and
the other names the module uses itself."""

from __future__ import annotations

import foedus


def test_dir_lists_the_public_names_only() -> None:
    assert dir(foedus) == sorted(foedus.__all__)
    assert all(hasattr(foedus, name) for name in dir(foedus))
