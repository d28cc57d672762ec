"""A bundled war's days as `foedus.war.notes` reads them: for each evaluated day of its replay (to its data's
end), the sides fighting and the states bound to join, each with its treaty, article, the day its binding began and
the attack it rests on. Replayed once per war and settings: for the bundled world, kept in the user cache
(`foedus.cachefile`), so that a cascade of a pair at war (the flagship, Ukraine at Kursk) imports neither the war's
schema (pydantic) nor its records on a warm start; for another world, once per world in the process."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.model.per_world import per_world

if TYPE_CHECKING:
    from collections.abc import Callable

    from foedus.model.world import World
    from foedus.war.events import War

__all__ = ["Day", "file_days", "war_days"]

# a state bound on a day: the state, its side's first state, treaty, article, the day its binding began; the attack
# its duty rests on: by, on, place, that attack's first day ("" each when none)
Bound = tuple[str, str, str, str, str, str, str, str, str]
Day = tuple[str, dict[str, list[str]], list[Bound]]  # the day (ISO), the sides fighting by side, the bound
_CODE = ("engine", "engine/fast", "engine/rules", "war", "model", "sources")


@per_world
def war_days(world: World, wid: str, settings: tuple[Any, ...]) -> tuple[Day, ...]:
    """The days of the bundled war `wid` replayed under `settings` (the replay's `settings_of` arguments), once per
    world and settings in a process."""
    from foedus.model.world import World

    if World.default.cache_info().currsize and (changed := _what_if_key(world, World.default())) is not None:
        from foedus.cachefile import cached_json
        from foedus.world_cache import inputs_key, inputs_unchanged

        key = hashlib.sha256(f"{wid}\n{settings}\n{inputs_key()}\n{_code_key()}\n{_data_key()}\n"
                             f"{world.has_history}{changed}".encode()).hexdigest()
        tag = f"war-days-whatif-{wid}" if changed else f"war-days-{wid}"  # what-ifs prune their own entries only
        return cached_json(tag, key, lambda: _days(world, wid, settings), list, _decoded, unchanged=inputs_unchanged)
    return _days(world, wid, settings)  # a world of the user's (extra treaty files, --treaties) is not the cache's


def _what_if_key(world: World, default: World) -> str | None:
    """What tells `world`'s replay from the bundled world's in the cache's key: "" for the bundled world (or its
    curated set alone); for a what-if world made from either by changing curated treaties (`Overlay.apply`: the
    same states, places and ATOP history, another curated set: `foedus atlas --add-member`), the curated ids dropped
    and each treaty changed or added, by content, so that it never reads the bundled world's days nor another
    what-if's; None for any other world (a what-if of an ATOP alliance, treaty files given), not cached."""
    if _bundled(world, default):
        return ""
    mine, base = world.treaties, default.treaties
    if world.states is not default.states or world.places is not default.places or (
            world.has_history and not mine.same_history(base)):
        return None
    import json

    changed = []
    for tid, treaty in sorted(mine.curated.items()):
        if base.curated.get(tid) is not treaty:
            dump = getattr(treaty, "model_dump", None)  # a runtime record (`foedus.model.records`) has none
            if dump is None:
                return None
            changed.append(json.dumps(dump(mode="json"), sort_keys=True, default=str))
    dropped = sorted(set(base.curated) - set(mine.curated))
    return "\n" + hashlib.sha256(json.dumps([dropped, changed]).encode()).hexdigest()


def file_days(world: World, war: War, digest: str | None, unchanged: Callable[[], bool], settings: tuple[Any, ...]
              ) -> tuple[Day, ...]:
    """The days of a war file of the user's (`foedus cascade --war-file`), loaded and checked by the caller, under
    `settings`: for the bundled world kept in the user cache under the file's content (`digest`, its bytes' SHA-256:
    a changed file is another key, never a stale hit; stored only while `unchanged()` says the file still holds
    those bytes; None, a file not hashed, is not cached), for another world replayed each call. A replay this world
    cannot run is refused, not dropped."""
    from foedus.model.world import World

    def build() -> tuple[Day, ...]:
        from foedus.war.replay import settings_of

        return _days_of(world, war, settings_of(*settings))

    if digest is not None and World.default.cache_info().currsize and _bundled(world, World.default()):
        from foedus.cachefile import cached_json
        from foedus.world_cache import inputs_key, inputs_unchanged

        key = hashlib.sha256(f"file\n{digest}\n{settings}\n{inputs_key()}\n{_code_key()}\n{_data_key()}\n"
                             f"{world.has_history}".encode()).hexdigest()
        return cached_json("war-days-file", key, build, list, _decoded,
                           unchanged=lambda: inputs_unchanged() and unchanged())
    return build()


def _bundled(world: World, default: World) -> bool:
    """Whether `world` is the bundled one, or its curated treaty set alone (`foedus demo`'s world, built anew each
    run from the default's parts): either is the cache's, told apart by `has_history` in the key."""
    if world is default:
        return True
    return (world.states is default.states and world.places is default.places and not world.has_history
            and world.treaties.curated is default.treaties.curated)


def _decoded(plain: Any) -> tuple[Day, ...]:
    """The cached days as `_days` makes them (JSON holds each `Bound` as a list)."""
    return tuple((d, dict(sides), [tuple(b) for b in bound]) for d, sides, bound in plain)


def _code_key() -> str:
    """The code a replay runs, beyond the world's inputs (`inputs_key`): the engine's and the war's modules, and the
    war files, by content (remembered by stat, `foedus.filehash`)."""
    from foedus.filehash import content_sha256

    root = Path(__file__).parents[1]
    files = sorted(str(f) for sub in _CODE for f in (root / sub).iterdir() if f.suffix in (".py", ".yaml"))
    files += sorted(str(f) for f in (root / "data" / "wars").iterdir() if f.suffix == ".yaml")
    return hashlib.sha256("\n".join(f"{f}:{content_sha256(f)}" for f in files).encode()).hexdigest()


def _data_key() -> str:
    """The research data's files by name, size and time (ATOP's alliances change what a replay binds)."""
    from foedus.paths import data_dir

    try:
        found = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(data_dir()))
    except OSError:
        return "none"
    return hashlib.sha256(repr(found).encode()).hexdigest()


def _days(world: World, wid: str, settings: tuple[Any, ...]) -> tuple[Day, ...]:
    """Replay the war to its data's end (nothing if this world cannot read it) and read each frame's days."""
    from foedus.errors import FoedusError
    from foedus.war.bundled import bundled_wars
    from foedus.war.loader import load_war
    from foedus.war.replay import settings_of

    chosen = settings_of(*settings)
    try:
        return _days_of(world, load_war(bundled_wars()[wid], world, chosen.territory_view), chosen)
    except FoedusError:  # a war this world cannot read (its data not loaded): no day, no note
        return ()


def _days_of(world: World, war: War, chosen: Any) -> tuple[Day, ...]:
    """Replay a loaded war to its data's end under `chosen` (a replay's `Settings`) and read each frame's days."""
    from foedus.war.replay import replay

    run = replay(war, world, settings=chosen, doubts=False)
    began: dict[tuple[str, str], str] = {}
    for e in war.events:
        for a in e.attacks:
            began.setdefault((a.attacker, a.victim), e.date.isoformat())
    out: list[Day] = []
    for frame in run.frames:
        day = frame.date.isoformat()
        firsts = {side: states[0] for side, states in frame.sides.items() if states}
        bound: list[Bound] = []
        for state, b in sorted(frame.bound.items()):
            record = run.record(state)
            spans = [s for s in (record.bound_spans if record else []) if s["from"] <= day]
            since = spans[-1]["from"] if spans else day
            because = record.first_bound.because if record and record.first_bound else None
            by, on, place = (because.by, because.attacked, because.place or "") if because else ("", "", "")
            bound.append((state, firsts.get(b["side"], ""), b["treaty"], str(b["article"]), since, by, on, place,
                          began.get((by, on), "")))
        out.append((day, {k: list(v) for k, v in frame.sides.items()}, bound))
    return tuple(out)
