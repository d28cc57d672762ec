"""Scale-out sweeps on Dask (dask.distributed): years of the atlas, and Monte Carlo draws.

A local cluster by default (`scheduler="local"`), or a real one by address. Workers load the same
treaty world (their environment must point FOEDUS_DATA_DIR at the same data). Results are the
in-process results, just computed elsewhere: a test checks equality on a two-worker local cluster.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.errors import FoedusError
from foedus.outputs.partitions import YEARLY_PARTITION

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd

    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import Reading
    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions
    from foedus.sweeps.atlas_mc import AtlasDraws
    from foedus.sweeps.atlas_years import SeriesWhatIf

__all__ = ["client", "dask_atlas_draws", "dask_draws", "dask_yearly", "yearly_frame"]


@contextlib.contextmanager
def client(scheduler: str = "local", workers: int = 2) -> Iterator[Any]:
    """A dask.distributed Client: a local cluster of `workers` processes, or the scheduler at an address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FoedusError("Dask sweeps need the dask extra: pip install 'foedus[dask]'") from None
    if scheduler == "local":
        if not 1 <= workers <= 256:  # no workers: every task would wait for ever
            raise FoedusError(f"a local Dask cluster needs 1 to 256 workers (got {workers})")
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as c:  # type: ignore[no-untyped-call]
            yield c
    else:
        from foedus.sweeps.dask_address import check_scheduler

        check_scheduler(scheduler)
        try:
            c = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
        except (OSError, ValueError, TypeError) as exc:  # unreachable, refused, timed out, or malformed
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise FoedusError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
        with c:
            yield c


def _year_row(year: int, options: AtlasOptions, what_if: SeriesWhatIf | None = None) -> dict[str, Any]:
    from foedus.model.world import World
    from foedus.sweeps.atlas import year_row

    world = World.default()
    return year_row(what_if.world(world, year) if what_if else world, year, options)


def yearly_frame(first: int, last: int, options: AtlasOptions, dask_client: Any,
                 what_if: SeriesWhatIf | None = None) -> pd.DataFrame:
    """The yearly atlas indicators, one Dask task per year; with `what_if`, each worker builds its year's what-if
    world from the bundled one (an `add_treaty` file read where the worker runs), and the `what_if` column is last."""
    from foedus.sweeps.atlas import years_frame

    futures = dask_client.map(_year_row, list(range(first, last + 1)), options=options, what_if=what_if)
    frame = years_frame(sorted(dask_client.gather(futures), key=lambda r: r["year"]))
    return what_if.frame(frame) if what_if else frame


def dask_yearly(first: int, last: int, options: AtlasOptions, out: Path, scheduler: str, workers: int,
                force: bool = False, meta: Mapping[str, Any] | None = None,
                what_if: SeriesWhatIf | None = None) -> int:
    """Run the yearly atlas on Dask and write partitioned Parquet (one partition per decade); return the rows.

    The output folder appears whole or not at all (`foedus.outputs.write_partitioned`); each partition file carries
    `meta` (title, citations, notes) and its columns' descriptions (`ATLAS_COLUMNS`), as a single Parquet file."""
    from foedus.outputs import check_partitioned_target, write_partitioned
    from foedus.research.codebook import ATLAS_COLUMNS, described

    check_partitioned_target(out, YEARLY_PARTITION, force=force)  # before the work: the rule the write asks again
    with client(scheduler, workers) as c:
        frame = yearly_frame(first, last, options, c, what_if)
    frame[YEARLY_PARTITION] = frame["year"] // 10 * 10
    return write_partitioned(frame, out, YEARLY_PARTITION, force=force, meta=meta,
                             descriptions=described(frame.columns, ATLAS_COLUMNS))


def _draw_chunk(scenario: Any, draws: int, seed: Any, model: Any) -> np.ndarray:
    from foedus.engine.fast.montecarlo import simulate
    from foedus.model.world import World

    return simulate(World.default(), scenario, draws, seed, model).sides


def dask_draws(scenario: Any, draws: int, seed: int, model: Any, dask_client: Any, chunks: int = 8) -> np.ndarray:
    """Monte Carlo sides for `draws` draws, split in chunks with independent seeds (SeedSequence.spawn)."""
    sizes = [draws // chunks + (1 if i < draws % chunks else 0) for i in range(chunks)]
    seeds = np.random.SeedSequence(seed).spawn(chunks)
    futures = [dask_client.submit(_draw_chunk, scenario, n, s, model, pure=False)
               for n, s in zip(sizes, seeds, strict=True) if n]
    return np.concatenate(dask_client.gather(futures))


def _atlas_draw_chunk(day: dt.date, draws: int, seed: int, model: HonourModel, switched: dict[str, Any],
                      only: range, backend: str | None = None, world: World | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
    from foedus.model.world import World
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    world = World.default() if world is None else world
    part = atlas_montecarlo(world, day, draws, seed, model, backend=backend, only=only, **switched)
    return part.sizes, part.majors_opposite


def dask_atlas_draws(day: dt.date, draws: int, seed: int, model: HonourModel, reading: Reading,
                     dask_client: Any, chunks: int = 8, backend: str | None = None, world: World | None = None,
                     **given: Any) -> AtlasDraws:
    """The Monte Carlo atlas with its draws split among Dask workers: the same draws, and the same
    result, as `atlas_montecarlo(world, day, draws, seed, ...)` in one process (each worker draws
    the whole honour matrix from `seed` and computes its slice of it, with the matrix `backend`).
    `world`: a what-if world, sent to the workers once (None: each loads the bundled one).
    `given`: the other scenario switches (severity, requested, basis, ...), as `atlas_montecarlo` takes them."""
    switched = {**given, "reading": reading}
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members
    from foedus.sweeps.atlas_mc import AtlasDraws

    sent = None if world is None else dask_client.scatter(world, broadcast=True)
    bounds = np.linspace(0, draws, min(chunks, draws) + 1).astype(int).tolist()
    futures = [dask_client.submit(_atlas_draw_chunk, day, draws, seed, model, switched, range(lo, hi), backend,
                                  sent, pure=False) for lo, hi in itertools.pairwise(bounds) if hi > lo]
    parts = dask_client.gather(futures)
    members = dyad_members(World.default() if world is None else world, day)
    pairs = [(a, b) for a in members for b in members if a != b]
    return AtlasDraws([a for a, _ in pairs], [b for _, b in pairs], np.hstack([p[0] for p in parts]),
                      np.hstack([p[1] for p in parts]), reading)
