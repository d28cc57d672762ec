"""The backtest, the replayed backtest and the likelihood model's training table each ran one war's step in its own
try/except: re-raise an error of the run (`NOT_THE_WARS`), skip the war on any other FoedusError with the engine's
reason. One function (`foedus.backtest.errors.one_war`) now does it for all three."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.backtest.errors import NOT_THE_WARS, Rejected, one_war
from foedus.errors import DataCorruptError, DataMissingError, FoedusError, RuleError, ScenarioError

SRC = Path(__file__).resolve().parents[1] / "src" / "foedus"


def _raises(exc: Exception) -> None:
    raise exc


def test_a_war_step_gives_its_value_or_the_reason_the_engine_rejects_it() -> None:
    assert one_war("war", lambda a, b=0: a + b, 1, b=2) == 3
    assert one_war("replay", _raises, ScenarioError("no such replay")) == Rejected(
        "the engine rejects the replay: no such replay")
    assert one_war("opening attack", _raises, FoedusError("x")) == Rejected("the engine rejects the opening attack: x")


@pytest.mark.parametrize("exc", [DataCorruptError("atop5_1m.csv: corrupt"), DataMissingError("no COW wars"),
                                 RuleError("a broken rule"), ValueError("a bug, not a war")])
def test_an_error_of_the_run_is_raised_not_taken_for_the_war(exc: Exception) -> None:
    assert isinstance(exc, NOT_THE_WARS) or not isinstance(exc, FoedusError)
    with pytest.raises(type(exc), match=str(exc)):
        one_war("war", _raises, exc)


def test_only_one_war_tells_an_error_of_the_run_from_one_of_the_war() -> None:
    """Each of the three callers caught and re-raised `NOT_THE_WARS` itself; a fourth copy could miss one."""
    catching = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                      if "except NOT_THE_WARS" in p.read_text("utf-8"))
    assert catching == ["backtest/errors.py"]
