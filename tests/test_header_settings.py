"""A cascade's header names every setting that is not the default: the tree said "(territory, legal)" of an incursion
with help not requested, so a pasted "no state is obligated to join" read as the answer to an armed attack."""

from __future__ import annotations

import io

from rich.console import Console

import foedus
from foedus.render import rich_tree


def _tree_head(result: foedus.CascadeResult) -> str:
    console = Console(file=io.StringIO(), width=400, color_system=None)
    console.print(rich_tree(result))
    return console.file.getvalue().splitlines()[0]  # type: ignore[attr-defined]


def test_the_header_names_the_settings_that_are_not_the_defaults_only() -> None:
    result = foedus.cascade("RUS", "POL", "2025-09-10", severity="incursion", requested=False, basis="signed",
                            unresolved="unmet", decisions="not-taken", territory_view="claimant")
    settings = ("an incursion (not an armed attack), help not requested, membership by signature, contested places "
                "read by every claimant, ATOP's unspecified conditions read as unmet, council decisions not taken")
    assert _tree_head(result).endswith(f"(territory, legal; {settings})")
    assert result.explain().splitlines()[0].endswith(
        "legal reading, claimant territory, signed membership; an incursion (not an armed attack), help not "
        "requested, ATOP's unspecified conditions read as unmet, council decisions not taken")  # no setting twice
    result = foedus.cascade("RUS", "POL", "2025-09-10")  # the defaults: the short header, as before
    assert _tree_head(result) == "2025-09-10 Russia (RUS) → Poland (POL) (territory, legal)"
    assert result.explain().splitlines()[0].endswith("legal reading, recognized territory, in-force membership")
