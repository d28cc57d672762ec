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
