"""The readings are listed once (engine.scenario.READINGS): the atlas plot's columns are read from that list, not
written out beside it. (The scenario's contract words are made from it when the class is defined, which a test cannot
grow afterwards; docs/json-contract.md shows them, kept in step by tests/test_contract.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_the_atlas_plot_draws_every_reading_the_list_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading added to READINGS is drawn by atlas-plot, whose columns are `<stem>_<reading>` (it looped over its
    own copy of the readings' names, so a series of a new reading's columns alone was refused as no atlas series)."""
    import matplotlib.axes

    import foedus.sweeps.plot as plot

    monkeypatch.setattr(plot, "READINGS", ("legal", "escalatory", "cautious"))
    drawn: list[Any] = []
    real = matplotlib.axes.Axes.plot

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        drawn.append(kwargs.get("label"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(matplotlib.axes.Axes, "plot", spy)
    series = tmp_path / "s.csv"
    series.write_text("year,dyads,mean_size_cautious,max_size_cautious,tripwire_dyads_cautious\n"
                      "2015,37830,18.9,65,562\n2016,37830,18.9,65,562\n", encoding="utf-8")
    assert plot.plot_series(series, tmp_path / "p.png") == 2
    assert drawn == ["cautious"] * 3
