"""The report's figures (matplotlib, no GUI backend), saved as PNG and SVG with no date and fixed SVG ids.

`reliability.png`: per horizon, leave one war out, forecast P(join) against the share that joined, per
bin, with the pairs of each bin written beside it (log axes: the forecasts are small). `skill.png`: Brier
and log-loss skill against the base rate, by model, scheme and horizon.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["reliability_figure", "skill_figure"]

_MODELS = ("shipped", "treaty-only", "monte-carlo", "gated", "multinomial", "boosting")


def _save(fig: Any, folder: Path, stem: str) -> list[str]:
    from matplotlib import rc_context

    out = []
    for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None})):
        with rc_context({"svg.hashsalt": "foedus-likely"}):
            fig.savefig(folder / f"{stem}.{ext}", format=ext, metadata=meta, dpi=130)
        out.append(f"{stem}.{ext}")
    return out


def reliability_figure(metrics: dict[str, Any], folder: Path) -> list[str]:
    """The reliability diagram of the shipped model (and the treaty-only baseline), leave one war out."""
    from matplotlib.figure import Figure

    horizons = metrics["schemes"]["leave-one-war-out"]["horizons"]
    fig = Figure(figsize=(12, 4.2), layout="constrained")
    axes = fig.subplots(1, len(horizons))
    for ax, (h, models) in zip(axes, horizons.items(), strict=True):
        ax.plot([1e-4, 1], [1e-4, 1], linestyle="--", color="grey", linewidth=1)
        for name, colour in (("shipped", "C0"), ("treaty-only", "C1")):
            bins = [b for b in models[name]["reliability"] if b["pairs"]]
            xs = [max(b["forecast"], 1e-4) for b in bins]
            ys = [max(b["observed"], 1e-4) for b in bins]
            ax.plot(xs, ys, marker="o", color=colour, label=name)
            if name == "shipped":
                for b, x, y in zip(bins, xs, ys, strict=True):
                    ax.annotate(f"{b['joined']}/{b['pairs']}", (x, y), textcoords="offset points", xytext=(4, -10),
                                fontsize=7)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(f"within {h} days" if h != "ever" else "ever")
        ax.set_xlabel("forecast P(join)")
        ax.set_ylabel("share that joined (joined/pairs)")
        ax.legend(fontsize=8, loc="upper left")
    return _save(fig, folder, "reliability")


def skill_figure(metrics: dict[str, Any], folder: Path) -> list[str]:
    """Brier and log-loss skill against the base rate, all pairs, by scheme, horizon and model."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 6), layout="constrained")
    axes = fig.subplots(2, 1, sharex=True)
    labels: list[str] = []
    for scheme, body in metrics["schemes"].items():
        labels += [f"{scheme}\n{h}" for h in body["horizons"]]
    models = [m for m in _MODELS if any(m in b["horizons"][h] for b in metrics["schemes"].values()
                                        for h in b["horizons"])]
    width = 0.8 / max(len(models), 1)
    for ax, key in zip(axes, ("brier_skill", "log_skill"), strict=True):
        for k, model in enumerate(models):
            values = [body["horizons"][h].get(model, {}).get("all", {}).get(key) or 0.0
                      for body in metrics["schemes"].values() for h in body["horizons"]]
            ax.bar([i + k * width for i in range(len(values))], values, width, label=model)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylabel(key.replace("_", " ") + " vs base rate")
        ax.set_ylim(bottom=max(ax.get_ylim()[0], -1.0))
    axes[0].legend(fontsize=8, ncols=3)
    axes[1].set_xticks([i + 0.4 - width / 2 for i in range(len(labels))], labels, fontsize=7)
    return _save(fig, folder, "skill")
