"""Plots of the yearly atlas series (PNG or SVG), with matplotlib's non-interactive backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foedus.errors import FoedusError

__all__ = ["plot_series"]


def _read_series(series: Path) -> Any:
    """The yearly series as a DataFrame, from a regular .parquet/.csv file (or a Parquet folder), or one line.

    Raises:
        FoedusError: missing, not a regular file (a named pipe would block), unreadable, or not a yearly series.
    """
    import pandas as pd

    how = "make it with `foedus atlas --from Y1 --to Y2 --out FILE`"
    if not series.exists():
        raise FoedusError(f"{series}: no such file ({how})")
    if not (series.is_file() or (series.is_dir() and series.suffix == ".parquet")):
        raise FoedusError(f"{series}: not a regular file ({how})")
    try:
        frame = pd.read_parquet(series) if series.suffix == ".parquet" or series.is_dir() else pd.read_csv(series)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise FoedusError(f"{series}: cannot read it as a yearly atlas series ({reason})") from None
    if "year" not in frame.columns:
        raise FoedusError(f"{series} is not a yearly atlas series (no 'year' column)")
    return _checked(frame, series)


_COUNTS = ("mean_size", "max_size", "tripwire_dyads")  # defined every year; a capability share may be missing
_SHARES = ("capability_share_mean", "capability_share_max")


def _checked(frame: Any, series: Path) -> Any:
    """The series with whole, distinct years and numbers in every column drawn (a count in each year), or one line:
    a plot of a broken file would look like a finding."""
    import pandas as pd

    if frame.empty:
        raise FoedusError(f"{series}: no years in it")
    drawn = [f"{stem}_{r}" for stem in (*_COUNTS, *_SHARES) for r in ("legal", "escalatory")
             if f"{stem}_{r}" in frame.columns]
    if not drawn:
        raise FoedusError(f"{series} is not a yearly atlas series (none of its columns, e.g. mean_size_legal)")
    frame = frame.copy()
    for col in ("year", *drawn):
        values = pd.to_numeric(frame[col], errors="coerce")
        bad = values.isna() & frame[col].notna()
        if bad.any():
            raise FoedusError(f"{series}: {col} {frame[col][bad].iloc[0]!r} (row {int(bad.idxmax()) + 1}) is not a "
                              "number")
        must = col == "year" or col.startswith(_COUNTS)
        if must and values.isna().any():
            raise FoedusError(f"{series}: row {int(values.isna().idxmax()) + 1} has no {col} (is the file cut short?)")
        frame[col] = values
    years = frame["year"]
    if (years != years.round()).any():
        raise FoedusError(f"{series}: year {years[years != years.round()].iloc[0]} is not a whole year")
    if years.duplicated().any():
        raise FoedusError(f"{series}: year {int(years[years.duplicated()].iloc[0])} appears more than once")
    return frame


def plot_series(series: Path, out: Path, *, force: bool = False) -> int:
    """Draw mean/max cascade size, tripwire dyads and the capability share at war per year into `out`
    (atomically, through `foedus.outputs`); return the number of years drawn."""

    from foedus.outputs import check_target, staged_file

    if out.suffix not in (".png", ".svg"):
        raise FoedusError(f"{out}: use a .png or .svg file name")
    check_target(out, force=force)
    frame = _read_series(series)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = frame.sort_values("year")
    panels = [("mean_size", "mean cascade size"), ("max_size", "largest cascade"),
              ("tripwire_dyads", "tripwire dyads"),
              ("capability_share_mean", "mean share of world\nCINC in a dyad's war"),
              ("capability_share_max", "largest share of world\nCINC in a dyad's war")]
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 13), sharex=True)
    for ax, (stem, label) in zip(axes, panels, strict=True):
        for reading in ("legal", "escalatory"):
            col = f"{stem}_{reading}"
            if col in frame.columns:
                ax.plot(frame["year"], frame[col], label=reading)
        ax.set_ylabel(label)
        if ax.lines:  # a series with one reading's columns, or without this panel's
            ax.legend(loc="upper left", fontsize=8)
        ax.grid(alpha=0.3)
    axes[-1].set_xlabel("year")
    fig.suptitle("foedus atlas: what a war between any two states would draw in, by year")
    fig.tight_layout()
    try:
        with staged_file(out, force=force) as tmp:
            fig.savefig(tmp, format=out.suffix[1:])
    finally:
        plt.close(fig)
    return len(frame)
