"""A given treaty file's `replaces` naming an ATOP alliance (`atop_N`, a phase `atop_N_pK`): the alliance is one of
the ATOP history's (or one a curated treaty maps, `atop_ids`, which the history leaves out) and was signed no later
than the treaty. Checked where the curated set meets the history (`World.load`), and only when the history is there:
without ATOP's data an ATOP id is taken on its form alone (`foedus.model.replacing`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.errors import FoedusError, TreatyDataError
from foedus.model.replacing import ATOP_ID, later_signed

if TYPE_CHECKING:
    import datetime as dt

    from foedus.model.treaty import Treaty
    from foedus.model.treatymap import TreatyMap

__all__ = ["atop_checked", "atop_replaced_problems"]


def atop_replaced_problems(treaties: TreatyMap, files: Mapping[str, str]) -> list[TreatyDataError]:
    """What is wrong with the ATOP ids in the `replaces` of each treaty of `files` (id -> its file, as written): the
    first id no ATOP alliance has, or one signed after the treaty naming it, one per treaty. The history is loaded
    only when a treaty names such an id."""
    problems: list[TreatyDataError] = []
    mapped = {n for t in treaties.curated.values() for n in t.atop_ids}  # the ATOP numbers a curated treaty maps
    for tid, file in files.items():
        treaty = treaties.curated.get(tid)
        if treaty is None or not treaties.has_history or not any(ATOP_ID.match(old) for old in treaty.replaces):
            continue
        signed: dict[str, dt.date] = {tid: treaty.signed}
        problem = None
        for j, old in enumerate(treaty.replaces):
            if not ATOP_ID.match(old):
                continue
            if (held := treaties.history.get(old)) is not None:
                signed[old] = held.signed
            elif int(old.split("_")[1]) not in mapped and problem is None:
                problem = TreatyDataError(file, f"replaces[{j}]", f"no ATOP alliance has the id {old!r} (ATOP 5.1's "
                                          "alliances are atop_N, a phase of one atop_N_pK)")
        if problem is None and (later := later_signed(tid, treaty.replaces, signed)):
            problem = TreatyDataError(file, *later)
        if problem is not None:
            problems.append(problem)
    return problems


def atop_checked(world: TreatyMap, treaties: dict[str, Treaty], origins: Mapping[str, str],
                 errors: list[FoedusError]) -> dict[str, Treaty]:
    """`treaties validate`'s check of the files it read (`treaties`, each from its file in `origins`) over the
    world's history (`world`): those `atop_replaced_problems` refuses are left out, their errors added to `errors`."""
    refused = atop_replaced_problems(world.with_curated({**world.curated, **treaties}), origins)
    errors += refused
    bad = {p.path for p in refused}
    return {tid: t for tid, t in treaties.items() if origins.get(tid) not in bad}
