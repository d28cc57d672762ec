"""Plots of the yearly atlas series (PNG or SVG), with matplotlib's non-interactive backend."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from foedus.engine.scenario import READINGS
from foedus.errors import FoedusError
from foedus.outputs.partitions import YEARLY_PARTITION, not_utf8, partition_layout
from foedus.reachable import os_reason, unreachable
from foedus.written import as_written

__all__ = ["draw_series", "plot_series"]


def _read_series(series: Path) -> Any:
    """The yearly series as a DataFrame, from any table `foedus atlas` writes (a .parquet, .csv or .dta file, or the
    folder of Parquet partitions a Dask run writes), or one line.

    Raises:
        FoedusError: missing, not a regular file (a named pipe would block), another format, unreadable, or not a
            yearly series.
    """
    how = "make it with `foedus atlas --from Y1 --to Y2 --out FILE`"
    if why := unreachable(series):
        raise FoedusError(f"{as_written(series)}: {why}" + ("" if os.path.lexists(series) else f" ({how})"))
    if not (series.is_file() or series.is_dir()):
        raise FoedusError(f"{as_written(series)}: not a regular file ({how})")
    suffix = ".parquet" if series.is_dir() else series.suffix.lower()  # a Dask run's folder of Parquet partitions
    if series.is_dir():
        _check_partitions(series, how)
    if suffix not in _READERS:
        raise FoedusError(f"{as_written(series)}: unknown format {series.suffix!r}; atlas-plot reads .parquet, .csv "
                          "and .dta files, and folders of Parquet partitions, as `foedus atlas` writes them")
    try:
        with warnings.catch_warnings():  # the Stata reader warns on a damaged file before it fails
            warnings.simplefilter("ignore")
            frame = _READERS[suffix][1](series)
    except FoedusError:  # said already, in the words every file read so gets
        raise
    except Exception as exc:  # pandas' readers fail on a damaged file in many ways (KeyError, struct.error, ...)
        reason = f"damaged, or not a {_READERS[suffix][0]} file"
        if isinstance(exc, OSError) and exc.errno is not None:  # the system's reason, in its words
            reason = os_reason(exc)
        elif isinstance(exc, ValueError) and not type(exc).__module__.startswith("pyarrow"):  # pandas' own words
            reason = " ".join(str(exc).split())[:160] or reason  # pyarrow's words name its C++ internals
        raise FoedusError(f"{as_written(series)}: cannot read it as a yearly atlas series ({reason})") from None
    if "year" not in frame.columns:
        raise FoedusError(f"{as_written(series)} is not a yearly atlas series (no 'year' column)")
    return _checked(frame, as_written(series))


def _check_partitions(folder: Path, how: str) -> None:
    """A folder holds what a Dask run of the yearly atlas writes there (`foedus.sweeps.dask_sweeps.dask_yearly`):
    .parquet files in `decade=…` folders (or beside them), and nothing else pyarrow would read, or one line. Only
    the folder and its decade folders are looked at (`partition_layout`): the Parquet reader reads the whole tree,
    which for `/` is the file system.

    Raises:
        FoedusError: no such partition in it, or something a partitioned atlas never holds (named).
    """
    try:
        layout = partition_layout(folder, YEARLY_PARTITION)
    except OSError as exc:
        raise FoedusError(f"{as_written(folder)}: cannot read the folder ({os_reason(exc)})") from None
    what = f"atlas-plot reads a folder of the Parquet partitions a Dask run of `foedus atlas` writes, or a file ({how})"
    if not layout.parts:
        raise FoedusError(f"{as_written(folder)}: a folder with no .parquet file, nor {YEARLY_PARTITION}=… folder of "
                          "them, in it; " + what)
    if layout.foreign:
        more = " and more" if len(layout.foreign) > 3 else ""
        raise FoedusError(f"{as_written(folder)}: it holds {', '.join(layout.foreign[:3])}{more}, which the atlas's "
                          "Parquet partitions never do; " + what)


def _read_parquet(path: Path) -> Any:
    """A file read from the open file, not its path: pyarrow encodes a path as strict UTF-8, so a series whose name
    is not (`s\\xff.parquet`, as `foedus atlas --out` writes it) was refused as one it 'cannot read'. A folder of
    partitions can only be read by path: one whose path is not UTF-8 is refused naming the name that is not."""
    import pandas as pd

    if path.is_dir():  # the partitions of a Dask run (`_check_partitions`), read by path (`not_utf8`)
        if (name := not_utf8(path)) is not None:
            raise FoedusError(f"{as_written(path)}: cannot read a folder of Parquet partitions whose path is not "
                              f"UTF-8 text (the name {name}): pyarrow reads them only by a path that is; rename it "
                              "(a single .parquet file is read whatever its name)")
        return pd.read_parquet(path)
    with path.open("rb") as source:
        return pd.read_parquet(source)


def _read_csv(path: Path) -> Any:
    """Only an empty cell is missing: a written `nan` or `NA` is then reported as a value that is not a number. The
    text is read as every user file is (`read_text_file`): a file not in UTF-8 is said so, with the byte."""
    import io

    import pandas as pd

    from foedus.model.yamlio import read_text_file

    return pd.read_csv(io.StringIO(read_text_file(path, "yearly atlas series")), keep_default_na=False,
                       na_values=[""], dtype=str)  # text: a problem shows a value as written (not 1e+20 for 1e20)


def _read_stata(path: Path) -> Any:
    import pandas as pd

    return pd.read_stata(path)


_READERS: dict[str, tuple[str, Callable[[Path], Any]]] = {
    ".parquet": ("Parquet", _read_parquet), ".csv": ("CSV", _read_csv), ".dta": ("Stata", _read_stata)}
_COUNTS = ("mean_size", "max_size", "tripwire_dyads")  # counts (0 or more); drawn every year but for these:
# a capability share may be missing, and the tripwire counts where COW's major-power list was not loaded (`year_row`)
_ALWAYS = ("mean_size", "max_size")
_SHARES = ("capability_share_mean", "capability_share_max")


def _row(mask: Any) -> int:
    """The 1-based row of the first true value (by position: a Parquet file may carry an index of its own)."""
    return int(mask.to_numpy().argmax()) + 1


def _shown(value: object) -> str:
    """A value as the file has it: a number plain (`inf`, not `np.float64(inf)`), a CSV's as written (a 20-digit year
    was shown as a float pandas made of it, 100000000000000000000 for 1e20), other text quoted ('abc', 'nan')."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        return value.strip() if number == number else repr(value)
    return str(value)


def _checked(frame: Any, series: str) -> Any:
    """The series with whole, distinct years the atlas covers and finite numbers in every column drawn (a count of 0
    or more in each year, but a tripwire count left empty without COW's major-power list; shares of 0–1, or empty),
    or one line naming the file `series` as written: a plot of a broken file would look like a finding."""
    import numpy as np
    import pandas as pd

    from foedus.model.days import EARLIEST, LATEST

    if frame.empty:
        raise FoedusError(f"{series}: no years in it")
    drawn = [f"{stem}_{r}" for stem in (*_COUNTS, *_SHARES) for r in READINGS
             if f"{stem}_{r}" in frame.columns]
    if not drawn:
        raise FoedusError(f"{series} is not a yearly atlas series (none of its columns, e.g. mean_size_legal)")
    frame = frame.copy()
    written = frame["year"]
    for col in ("year", *drawn):
        values = pd.to_numeric(frame[col], errors="coerce")
        for bad, what in ((values.isna() & frame[col].notna(), "a number"), (np.isinf(values), "a finite number")):
            if bad.any():
                raise FoedusError(f"{series}: {col} {_shown(frame[col][bad].iloc[0])} (row {_row(bad)}) is not {what}")
        must = col == "year" or col.startswith(_ALWAYS)
        if must and values.isna().any():
            raise FoedusError(f"{series}: row {_row(values.isna())} has no {col} (the cell is empty or NaN, where "
                              "`foedus atlas` writes a number every year: is the file cut short or edited?)")
        share = col.startswith(_SHARES)
        wrong = (values < 0) | (values > 1 if share else False)
        if col != "year" and wrong.any():  # no atlas writes it: a negative count, a share of world CINC over 1
            raise FoedusError(f"{series}: {col} {_shown(frame[col][wrong].iloc[0])} (row {_row(wrong)}) is not "
                              + ("a share of 0–1" if share else "a count (0 or more)"))
        frame[col] = values
    years = frame["year"]
    broken = years != years.round()
    if broken.any():
        raise FoedusError(f"{series}: year {_shown(written[broken].iloc[0])} (row {_row(broken)}) is not a whole year")
    outside = (years < EARLIEST.year) | (years > LATEST.year)
    if outside.any():
        raise FoedusError(f"{series}: year {_shown(written[outside].iloc[0])} (row {_row(outside)}) is outside "
                          f"{EARLIEST.year}–{LATEST.year}, the years `foedus atlas` covers")
    if years.duplicated().any():
        raise FoedusError(f"{series}: year {int(years[years.duplicated()].iloc[0])} appears more than once")
    if "what_if" in frame.columns and (empty := frame["what_if"].isna() | (frame["what_if"].astype(str).str.strip()
                                                                           == "")).any():
        raise FoedusError(f"{series}: row {_row(empty)} has no what_if (a what-if series names its changes, or none, "
                          "every year: is the file cut short or edited?)")
    return frame


def _say_unknown(ax: Any, frame: Any, stem: str) -> None:
    """Write in the panel why its counts are not known where every one is empty (a series written without COW's
    major-power list), in the notes' words (`series_unknown`): a blank panel would say nothing."""
    from foedus.model.major_notes import series_unknown

    cols = [f"{stem}_{r}" for r in READINGS if f"{stem}_{r}" in frame.columns]
    if cols and frame[cols].isna().all().all():
        ax.text(0.5, 0.5, series_unknown(int(frame["year"].max())), transform=ax.transAxes, ha="center",
                va="center", fontsize=9, wrap=True)


def _what_if(frame: Any) -> str | None:
    """The caption of a what-if series (one with a `what_if` column, `foedus atlas --from/--to` with changes): its
    changes and the years each applies in, and the years in which none does (`what_if_series`); None without one."""
    from foedus.whatif_words import what_if_series

    if "what_if" not in frame.columns:
        return None
    return what_if_series([(int(y), str(c)) for y, c in zip(frame["year"], frame["what_if"], strict=True)])


def plot_series(series: Path, out: Path, *, force: bool = False) -> int:
    """Draw mean/max cascade size, tripwire dyads and the capability share at war per year into `out`
    (atomically, through `foedus.outputs`); return the number of years drawn."""
    return draw_series(series, out, force=force)[0]


def draw_series(series: Path, out: Path, *, force: bool = False) -> tuple[int, bool]:
    """`plot_series`, returning also whether the series is of a what-if world (`foedus atlas-plot` says so)."""

    from foedus.outputs import check_target, staged_file
    from foedus.outputs.names import output_format

    found: list[str] = []  # the format as the one rule reads it, in check_target's order (after `-` is refused)
    check_target(out, force=force, name=lambda given: found.append(output_format(given, (".png", ".svg"), "plot")))
    fmt = found[0][1:]
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
        for reading in READINGS:
            col = f"{stem}_{reading}"
            if col in frame.columns and frame[col].notna().any():  # a column of no value draws no line
                ax.plot(frame["year"], frame[col], label=reading)
        ax.set_ylabel(label)
        if stem == "tripwire_dyads":
            _say_unknown(ax, frame, stem)
        if ax.lines:  # a series with one reading's columns, or without this panel's
            ax.legend(loc="upper left", fontsize=8)
        else:  # nothing drawn (the tripwires without COW's list): no y scale, which would read as a measured 0
            ax.set_yticks([])
        ax.grid(alpha=0.3)
    axes[-1].set_xlabel("year")
    from matplotlib.ticker import MaxNLocator

    axes[-1].xaxis.set_major_locator(MaxNLocator(integer=True))  # years: no 1990.5 on a short series
    what_if = _what_if(frame)
    fig.suptitle("foedus atlas: what a war between any two states would draw in, by year"
                 + (" (a what-if world)" if what_if else ""))
    if what_if:  # below the panels, in the red of the web's what-if caption (web/src/exporters.ts)
        import textwrap

        fig.text(0.02, 0.005, "\n".join(textwrap.wrap(what_if, 150)), fontsize=8, color="#b00020", va="bottom")
    fig.tight_layout(rect=(0, 0.045 if what_if else 0, 1, 1))
    try:
        with staged_file(out, force=force) as tmp:
            fig.savefig(tmp, format=fmt)
    finally:
        plt.close(fig)
    return len(frame), bool(what_if)
