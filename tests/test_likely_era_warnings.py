"""A likelihood answer warns of the validation checks its model lost only where they speak of its date: a loss among
the wars from 1945 was told of a 1914 scenario (`foedus cascade -a COW300 -t SRB -d 1914-07-28 --likelihood`); a loss
over all wars, or without the World Wars, is told of every date."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.code_words import validation_check
from foedus.likely.attach import warnings_of
from foedus.likely.model import load_model

_DAYS = {"pre1945": dt.date(1914, 7, 28), "post1945": dt.date(1990, 8, 2)}


@pytest.mark.parametrize("subset", ["pre1945", "post1945", "all", "no-world-wars"])
def test_a_lost_check_is_told_of_the_dates_it_covers(subset: str) -> None:
    model = load_model()
    kept = model.validation[0]
    lost = kept.model_copy(update={"subset": subset, "brier_skill": -0.5})
    model = model.model_copy(update={"validation": [kept.model_copy(update={"brier_skill": 0.5}), lost]})
    for era, day in _DAYS.items():
        words = validation_check(lost.scheme, lost.horizon, subset)
        told = any(f"({words}) this model did not beat the base rate" in w for w in warnings_of(model, day))
        assert told == (subset in ("all", "no-world-wars") or subset == era), (era, subset)


def test_a_lost_check_is_named_in_words_not_codes() -> None:
    """A 2026 answer's warning named its lost check "(leave-one-war-out, 30, post1945)": a first reader could not tell
    that 30 is a horizon in days, nor what post1945 selects. It names the check in words."""
    model = load_model()
    kept = model.validation[0]
    lost = kept.model_copy(update={"scheme": "leave-one-war-out", "horizon": "30", "subset": "post1945",
                                   "brier_skill": -0.001})
    model = model.model_copy(update={"validation": [lost]})
    warning = next(w for w in warnings_of(model, dt.date(2026, 6, 1)) if "did not beat the base rate" in w)
    assert warning.startswith("in validation (leave one war out, joining within 30 days, wars begun from 1945 on) this "
                              "model did not beat the base rate in Brier score (skill -0.001), though it did in log "
                              "loss (skill "), warning


@pytest.mark.parametrize(("brier", "log", "said"), [
    (-0.001, 0.218, "in Brier score (skill -0.001), though it did in log loss (skill +0.218);"),
    (0.01, -0.02, "in log loss (skill -0.020), though it did in Brier score (skill +0.010);"),
    (-0.01, -0.02, "in Brier score (skill -0.010) or log loss (skill -0.020);")])
def test_a_lost_check_says_on_which_score_it_lost(brier: float, log: float, said: str) -> None:
    """The 2026 answers said "did not beat the base rate: Brier skill -0.001, log-loss skill +0.218": a reader took a
    loss on both scores, or a contradiction; the model lost in Brier score only. The warning names the score lost."""
    model = load_model()
    lost = model.validation[0].model_copy(update={"brier_skill": brier, "log_skill": log, "subset": "all"})
    model = model.model_copy(update={"validation": [lost]})
    warning = next(w for w in warnings_of(model, dt.date(2026, 6, 1)) if "did not beat the base rate" in w)
    assert f"did not beat the base rate {said}" in warning, warning


def test_the_capability_note_says_which_year_it_reads() -> None:
    """'CINC for 2023' on a 2024 scenario did not say why 2023: the model reads the year before the date."""
    import foedus

    notes = foedus.cascade("RUS", "EST", "2024-06-01", likelihood=True).likelihood.notes  # type: ignore[union-attr]
    assert any(n.startswith("CINC is read for the year before the date (2023), past the NMC data's end") for n in notes)
