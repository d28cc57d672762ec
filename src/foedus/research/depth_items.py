"""The items of the depth and scope models: ATOP codes recoded into ordered categories.

Depth (military and economic integration, after Benson & Clinton 2016's depth dimension): integrated
command, wartime subordination, military contact, bases, military aid, set contributions, organisation,
economic aid. Scope (how far the obligations reach): defence, offence, neutrality, non-aggression,
consultation, and an unconditional active obligation. docs/depth.md gives the reasons for each recode.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["DEPTH_ITEMS", "MODELS", "SCOPE_ITEMS", "ItemSpec", "item_matrix", "item_values"]

Codes = Mapping[str, int | None]


@dataclass(frozen=True)
class ItemSpec:
    """One item: its name, number of categories, and how it is read from ATOP codes (None = missing)."""

    name: str
    categories: int
    read: Callable[[Codes], int | None]
    meaning: str


def _plain(key: str) -> Callable[[Codes], int | None]:
    return lambda codes: codes.get(key)


def _any(key: str) -> Callable[[Codes], int | None]:
    def read(codes: Codes) -> int | None:
        value = codes.get(key)
        return None if value is None else int(value > 0)

    return read


def _milaid(codes: Codes) -> int | None:
    value = codes.get("milaid")
    return None if value is None else (0 if value == 0 else 1 if value <= 2 else 2)


def _organ(codes: Codes) -> int | None:
    values = [v for v in (codes.get("organ1"), codes.get("organ2")) if v is not None]
    return max(values) if values else None


def _uncond(codes: Codes) -> int | None:
    parts = [(codes.get("defense"), codes.get("defcon")), (codes.get("offense"), codes.get("offcon"))]
    return int(any(active == 1 and condition == 0 for active, condition in parts))


DEPTH_ITEMS = (
    ItemSpec("intcom", 2, _plain("intcom"), "integrated command in peace and war (INTCOM)"),
    ItemSpec("subord", 2, _any("subord"), "forces subordinated to one command in war (SUBORD > 0)"),
    ItemSpec("milcon", 4, _plain("milcon"), "military contact: none, wartime, peacetime, common policy (MILCON)"),
    ItemSpec("base", 2, _any("base"), "troops on another member's or neutral territory (BASE > 0)"),
    ItemSpec("milaid", 3, _milaid, "military aid: none, general or grants/loans, training or technology (MILAID)"),
    ItemSpec("contrib", 2, _plain("contrib"), "set contributions of troops, supplies or funds (CONTRIB)"),
    ItemSpec("organ", 4, _organ, "organisation: none, meetings, named body, permanent (max of ORGAN1, ORGAN2)"),
    ItemSpec("ecaid", 2, _any("ecaid"), "economic aid or trade concessions (ECAID > 0)"),
)
SCOPE_ITEMS = (
    ItemSpec("defense", 2, _plain("defense"), "defence obligation"),
    ItemSpec("offense", 2, _plain("offense"), "offence obligation"),
    ItemSpec("uncond", 2, _uncond, "a defence or offence obligation with no condition (DEFCON/OFFCON = 0)"),
    ItemSpec("neutral", 2, _plain("neutral"), "neutrality obligation"),
    ItemSpec("nonagg", 2, _plain("nonagg"), "non-aggression obligation"),
    ItemSpec("consul", 2, _plain("consul"), "consultation obligation"),
)
MODELS: dict[str, tuple[tuple[ItemSpec, ...], str]] = {"depth": (DEPTH_ITEMS, "intcom"),
                                                       "scope": (SCOPE_ITEMS, "defense")}
"""Each latent dimension: its items and the anchor item whose discrimination is positive."""


def item_values(codes: Codes, items: Sequence[ItemSpec]) -> list[int | None]:
    """One alliance's item responses (None = missing), checked against each item's categories."""
    out = []
    for item in items:
        value = item.read(codes)
        out.append(value if value is not None and 0 <= value < item.categories else None)
    return out


def item_matrix(rows: Sequence[Codes], items: Sequence[ItemSpec]) -> np.ndarray:
    """(n, J) integer responses, -1 = missing, as `foedus.research.irt` takes them."""
    values = [[-1 if v is None else v for v in item_values(codes, items)] for codes in rows]
    return np.array(values, dtype=np.int64).reshape(len(rows), len(items))
