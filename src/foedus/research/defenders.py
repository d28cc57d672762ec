"""Round-1 defenders of every state, on the reference day of each year, for the dyad-year covariates.

`defender_tables` reads them off the leg table (`foedus.engine.table`, legs owed to each state's home
territory that its scope covers, with the counterparts their adversary clause admits). For the bundled world
the tables of a run of years are kept across processes as plain JSON (`yearly_defenders`), keyed on everything
they come from: the bundled data and model code (`foedus.world_cache.inputs_key`), the ATOP file, and the code
of the rules, the leg table and this module; so that a second `foedus dyads` does not compile the tables again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from foedus.engine.rules import covers, withheld_by_switches
from foedus.engine.scenario import Attack, Scenario
from foedus.engine.table import leg_table
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["Limited", "Tables", "defender_tables", "yearly_defenders"]

Limited = list[tuple[str, str, str, frozenset[str]]]  # (victim, obligor, "only" | "not", attackers)
Tables = tuple[dict[str, set[str]], Limited]


def defender_tables(world: World, day: dt.date) -> Tables:
    """Round-1 defenders of each state: unconditional sets, plus legs limited to named or non-member attackers;
    not the legs a static gate holds back under the default switches (a suspended leg: the US's to New Zealand
    under ANZUS since 1986), as the engine would not bind them either."""
    index = leg_table(world, day, "in-force")
    plain: dict[str, set[str]] = defaultdict(set)
    limited: Limited = []
    places = world.places.on(day)
    defaults = Scenario(date=day, attackers=(), targets=(), place="")
    for victim, legs in index.legs_of(Kind.DEFENSE).items():
        attack = Attack("", victim, world.places.home(victim, day).id, "territory")
        for leg in legs:
            if withheld_by_switches(leg, defaults) is not None or not covers(leg, attack, places):
                continue
            who = leg.counterparts
            if who.anyone:
                plain[victim].add(leg.obligor)
            elif who.allow is not None:
                limited.append((victim, leg.obligor, "only", who.allow))
            else:
                limited.append((victim, leg.obligor, "not", who.deny))
    return plain, limited


def yearly_defenders(world: World, days: list[dt.date], system: str = "cow") -> list[Tables]:
    """`defender_tables` of each day, from the cache when the world is the bundled one and nothing changed; `system`
    "gw": with the Gleditsch–Ward list's dates for the state-system rule (`foedus.research.gw_dated`), as the GW
    table's members are its members."""
    from foedus.datasets.verify import dataset_file
    from foedus.sources.atop import ATOP_MEMBER_FILE

    def build() -> list[Tables]:
        from foedus.research.gw_dated import gw_world

        dated = gw_world(world) if system == "gw" else world
        return [defender_tables(dated, day) for day in days]

    source = dataset_file(ATOP_MEMBER_FILE)
    if source is None or not _bundled(world):
        return build()
    from foedus.derived import cached_from_file

    depends = _depends(days) + (f"\ngw:{_gw_inputs()}" if system == "gw" else "")
    return cached_from_file(source, "defenders" if system == "cow" else f"defenders-{system}", build, _out, _in,
                            depends=depends)


def _gw_inputs() -> str:
    """What the GW-dated tables come from beyond the COW ones': the GW list's file and the code that reads its dates."""
    from foedus.datasets.verify import dataset_file
    from foedus.filehash import content_sha256
    from foedus.sources.cow import GW_FILE

    here = Path(__file__).resolve().parent
    gw = dataset_file(GW_FILE)
    return ":".join([content_sha256(gw) if gw is not None else "-",
                     *(content_sha256(here / name) for name in ("gw_dated.py", "gw_cow.py"))])


def _bundled(world: World) -> bool:
    """Whether `world` is the bundled world of this process (`World.default()`, already loaded)."""
    return World.default.cache_info().currsize > 0 and world is World.default()


def _depends(days: list[dt.date]) -> str:
    from foedus.filehash import content_sha256
    from foedus.world_cache import inputs_key

    engine = Path(__file__).resolve().parents[1] / "engine"
    code = sorted([*engine.glob("rules/*.py"), engine / "table.py", engine / "leg.py", engine / "scenario.py",
                   Path(__file__).resolve()])
    parts = [inputs_key(), *(f"{p.name}:{content_sha256(p)}" for p in code), *(d.isoformat() for d in days)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _out(tables: list[Tables]) -> list[Any]:
    return [[{v: sorted(os) for v, os in plain.items()}, [[v, o, mode, sorted(group)] for v, o, mode, group in lim]]
            for plain, lim in tables]


def _in(data: list[Any]) -> list[Tables]:
    out: list[Tables] = []
    for plain, lim in data:
        table: dict[str, set[str]] = defaultdict(set, {str(v): {str(o) for o in os} for v, os in plain.items()})
        out.append((table, [(str(v), str(o), str(mode), frozenset(map(str, group))) for v, o, mode, group in lim]))
    return out
