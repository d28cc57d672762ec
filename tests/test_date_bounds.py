"""An unknown date's earlier bound (`DateCertainty.since`): the true date may be earlier than the recorded day, as
early as `since`, as `until` says how much later it may be. The window (`date_window`), its words (`how_dated`), the
findings and doubts that read it, and the schema's checks; the USSR-DPRK treaty of 1961 for the encoding (ATOP's end,
11 Sep 1996, and Gibler's, 7 Sep 1995)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import foedus
from foedus.catalog import treaty_detail
from foedus.engine.certainty import date_window, how_dated
from foedus.errors import TreatyDataError
from foedus.model.facts import DateCertainty
from foedus.model.world import World
from foedus.sources.corrections import load_corrections
from test_atop_dates import doubted, pact, reasons

D = dt.date.fromisoformat

USSR_DPRK_WINDOW = ("the true date may be anywhere from 1995-09-07 to 1996-09-11 (day: known from secondary "
                    "reporting only)")
USSR_DPRK_END = f"sun_prk_1961: the treaty ended on 1996-09-11, {USSR_DPRK_WINDOW}"


@pytest.mark.parametrize(("bounds", "window"), [
    ({}, ("1996-09-11", "9999-12-31")),
    ({"until": "1996-09-18"}, ("1996-09-11", "1996-09-18")),
    ({"since": "1995-09-07"}, ("1995-09-07", "9999-12-31")),
    ({"since": "1995-09-07", "until": "1996-09-18"}, ("1995-09-07", "1996-09-18")),
    ({"since": "1996-09-11", "until": "1996-09-11"}, ("1996-09-11", "1996-09-11")),
])
@pytest.mark.parametrize("end", [False, True])
def test_the_window_runs_from_since_to_until(bounds: dict[str, str], window: tuple[str, str], end: bool) -> None:
    how = DateCertainty.model_validate({"within": "unknown", **bounds})
    assert date_window(D("1996-09-11"), how, end=end) == (D(window[0]), D(window[1]))


@pytest.mark.parametrize(("bounds", "said"), [
    ({}, "the true date may be later (day: not verified)"),
    ({"until": "2014-10-27"}, "the true date may be later, up to 2014-10-27 (day: not verified)"),
    ({"since": "1995-09-07"}, "the true date may be earlier, from 1995-09-07, or later (day: not verified)"),
    ({"since": "1995-09-07", "until": "1996-09-18"},
     "the true date may be anywhere from 1995-09-07 to 1996-09-18 (day: not verified)"),
])
def test_the_words_say_both_bounds(bounds: dict[str, str], said: str) -> None:
    assert how_dated(DateCertainty.model_validate({"within": "unknown", **bounds})) == said


@pytest.mark.parametrize(("how", "said"), [
    ({"within": "week", "since": "1995-09-07"}, "since is read only with within: unknown"),
    ({"within": "month", "until": "1996-09-18"}, "until is read only with within: unknown"),
    ({"within": "unknown", "since": "1996-09-19", "until": "1996-09-18"}, r"until \(1996-09-18\) is before since"),
])
def test_bounds_that_cannot_hold_are_refused(how: dict[str, Any], said: str) -> None:
    with pytest.raises(ValidationError, match=said):
        DateCertainty.model_validate(how)


@pytest.mark.parametrize(("member", "said"), [
    ({"left": "1964-04-01", "left_certainty": {"within": "unknown", "since": "1964-04-02"}},
     r"members\[1\] \(BBB\).left_certainty.since \(1964-04-02\) is after the recorded day \(1964-04-01\)"),
    ({"left": "1964-04-01", "left_certainty": {"within": "unknown", "until": "1964-03-31"}},
     r"members\[1\] \(BBB\).left_certainty.until \(1964-03-31\) is before the recorded day \(1964-04-01\)"),
    # a row with no accession of its own is dated from the entry into force (1950-01-01)
    ({"joined_certainty": {"within": "unknown", "since": "1950-01-02"}},
     r"members\[1\] \(BBB\).joined_certainty.since \(1950-01-02\) is after the recorded day \(1950-01-01\)"),
    ({"suspended": [{"start": "1960-01-05", "end": "1961-01-01",
                     "end_certainty": {"within": "unknown", "since": "1961-01-02"}}]},
     r"end_certainty.since \(1961-01-02\) is after the recorded day \(1961-01-01\)"),
])
def test_a_bound_on_the_wrong_side_of_its_day_is_refused(member: dict[str, Any], said: str) -> None:
    with pytest.raises(ValidationError, match=said):
        pact(**member)


def test_a_corrections_bound_after_its_date_is_refused() -> None:
    text = ("- {atopid: 3730, action: end, date: 2012-12-20, date_certainty: {within: unknown, since: 2012-12-21}, "
            "sources: [{url: 'https://example.org/x'}], note: x}\n")
    with pytest.raises(TreatyDataError, match=r"since \(2012-12-21\) is after the recorded day \(2012-12-20\)"):
        load_corrections(text)


def test_a_file_with_since_after_its_day_is_one_line(tmp_path: Path) -> None:
    bundled = Path(foedus.__file__).parent / "data" / "treaties" / "sun_prk_1961.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text(bundled.read_text(encoding="utf-8").replace("since: 1995-09-07, until: 1996-09-11",
                                                                     "since: 1996-09-12, until: 1996-09-18"),
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "validate", str(bad)], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert f"{bad}: terminated_certainty.since (1996-09-12) is after the recorded day (1996-09-11)" in line


def test_an_exit_that_may_be_earlier_is_unsure_from_since() -> None:
    """`left` 1 Apr 1964, the true exit as early as 1 Mar: a party until then, surely; from 1 Mar its duty cites the
    exit; out from the recorded day, surely (no `until`: later would say so)."""
    treaty = pact(left="1964-04-01", left_certainty={"within": "unknown", "since": "1964-03-01",
                                                     "until": "1964-04-01"})
    assert reasons(treaty, "1964-02-28") == []
    assert reasons(treaty, "1964-03-01") == reasons(treaty, "1964-03-31") == [
        "test_pact: BBB left on 1964-04-01, the true date may be anywhere from 1964-03-01 to 1964-04-01 (day: not "
        "verified)"]
    assert doubted(treaty, "1964-04-01") == []


def test_an_entry_that_may_be_earlier_is_a_doubt_from_since() -> None:
    """`joined` 1 Apr 1964, the true accession as early as 1 Mar: not a party in March by the record, but it may
    already have been one, a doubt; before 1 Mar, none."""
    treaty = pact(joined="1964-04-01", joined_certainty={"within": "unknown", "since": "1964-03-01",
                                                         "until": "1964-04-01"})
    assert doubted(treaty, "1964-02-28") == []
    assert doubted(treaty, "1964-03-15") == [
        "test_pact: BBB became a party on 1964-04-01, the true date may be anywhere from 1964-03-01 to 1964-04-01 "
        "(day: not verified); it may already have been one on 1964-03-15"]


@pytest.mark.parametrize("day", ["1995-09-07", "1996-01-01", "1996-09-10"])
def test_russias_duty_in_the_year_gibler_says_the_treaty_had_ended_cites_the_end(world: World, day: str) -> None:
    """Gibler ends the USSR-DPRK treaty on 7 Sep 1995 (Russia's notice not to renew), ATOP on 10 Sep 1996 (its last
    day): between them Russia's duty to North Korea is ATOP's, and says the treaty may already have ended."""
    rus = foedus.cascade("KOR", "PRK", day, world=world).joiner("RUS")
    assert rus is not None and rus.primary.treaty == "sun_prk_1961"
    assert USSR_DPRK_END in [r.fact for r in rus.primary.certainty_reasons]


def test_before_giblers_end_the_duty_cites_no_end(world: World) -> None:
    rus = foedus.cascade("KOR", "PRK", "1995-09-06", world=world).joiner("RUS")
    assert rus is not None and USSR_DPRK_END not in [r.fact for r in rus.primary.certainty_reasons]


def test_the_ussr_dprk_end_is_said_with_both_bounds(world: World) -> None:
    assert treaty_detail(world, "sun_prk_1961")["terminated_how_sure"] == f"unverified; date: {USSR_DPRK_WINDOW}"
    assert treaty_detail(world, "sun_prk_1961")["terminated_certainty"]["since"] == "1995-09-07"


def test_an_inline_what_if_treaty_names_where_once() -> None:
    """An inline treaty failing a whole-treaty check was named 'treaty.treaty: …' (the loc's stand-in doubled)."""
    import yaml

    from foedus.errors import ScenarioError
    from foedus.model.overlay import AddTreaty, Overlay
    from foedus.model.world import World
    from samples import GOOD_TREATY

    data = yaml.safe_load(GOOD_TREATY) | {"terminated": "2030-01-01",
                                          "terminated_certainty": {"within": "unknown", "since": "2030-01-02"}}
    with pytest.raises(ScenarioError, match=r"^what-if add_treaty: treaty: terminated_certainty.since \(2030-01-02\)"):
        Overlay(changes=[AddTreaty(treaty=data)]).apply(World.default())
