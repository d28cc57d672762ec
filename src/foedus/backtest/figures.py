"""The backtest's figures (matplotlib, no GUI backend): the reliability diagram and precision/recall bars.

Each figure is saved as PNG and SVG, with no date and fixed SVG ids: the same run gives the same files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foedus.backtest.errors import BacktestError
from foedus.reachable import os_reason
from foedus.wording import counted

__all__ = ["calibration_figure", "precision_recall_figure"]

_VARIANTS = {"legal": "legal", "escalatory": "escalatory", "legal-unmet": "legal, unresolved unmet"}
_ERAS = {"overall": "all wars", "pre1945": "before 1945", "post1945": "from 1945"}


def _save(fig: Any, folder: Path, stem: str) -> list[Path]:
    from matplotlib import rc_context

    out = []
    for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None})):
        path = folder / f"{stem}.{ext}"  # the report's private staging folder: the whole folder is atomic
        try:
            with rc_context({"svg.hashsalt": "foedus-backtest"}):  # stable ids in the SVG
                fig.savefig(path, format=ext, metadata=meta, dpi=150)
        except OSError as exc:
            raise BacktestError(f"cannot write {path}: {os_reason(exc)}") from None
        out.append(path)
    return out


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.4f}"


def calibration_figure(metrics: dict[str, Any], folder: Path) -> list[Path]:
    """Reliability diagram of the probabilistic mode, with the number of pairs per bin below it."""
    from matplotlib.figure import Figure

    pb = metrics["probabilistic"]
    bins = [b for b in pb["calibration"] if b["n"]]
    fig = Figure(figsize=(6.0, 6.5), layout="constrained")
    top, bottom = fig.subplots(2, 1, height_ratios=(3, 1), sharex=True)
    top.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfect calibration")
    top.plot([b["mean_forecast"] for b in bins], [b["observed"] for b in bins], marker="o", color="C0",
             label=f"foedus, legal reading ({counted(pb['pairs'], 'pair')})")
    for b in bins:
        top.annotate(f"n={b['n']:,}", (b["mean_forecast"], b["observed"]), textcoords="offset points",
                     xytext=(4, 4), fontsize=7)
    top.set(xlim=(0, 1), ylim=(-0.02, 1.02), ylabel="observed share that joined on that side",
            title=f"Calibration: Brier {_num(pb['brier'])} (base rate {_num(pb['reference_brier'])})")
    top.legend(loc="upper left", fontsize=8)
    centers = [(b["lo"] + b["hi"]) / 2 for b in pb["calibration"]]
    bottom.bar(centers, [max(b["n"], 0) for b in pb["calibration"]], width=0.09, color="C0")
    bottom.set(yscale="log" if bins else "linear", xlabel="forecast P(joins on the favoured side)", ylabel="pairs")
    return _save(fig, folder, "calibration")


def precision_recall_figure(metrics: dict[str, Any], folder: Path) -> list[Path]:
    """Precision, recall and F1 of joiners on the correct side, by reading and era."""
    from matplotlib.figure import Figure

    pr = metrics["precision_recall"]
    fig = Figure(figsize=(9.0, 3.6), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    width = 0.8 / len(pr)
    for ax, measure in zip(axes, ("precision", "recall", "f1"), strict=True):
        for i, (variant, per) in enumerate(pr.items()):
            xs = [j + (i - (len(pr) - 1) / 2) * width for j in range(len(_ERAS))]
            ax.bar(xs, [per[e][measure] or 0.0 for e in _ERAS], width=width, label=_VARIANTS[variant],
                   color=f"C{i}")
        ax.set_xticks(range(len(_ERAS)), list(_ERAS.values()), fontsize=8)
        ax.set_title("F1" if measure == "f1" else measure)
        ax.set_ylim(0, 1)
    axes[0].set_ylabel("joiners on the correct side")
    axes[0].legend(fontsize=7, loc="upper left")
    return _save(fig, folder, "precision_recall")
