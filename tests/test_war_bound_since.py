"""`foedus war WAR --state STATE` on a bound state says since when it has been bound to that side without a break
(a frame's `bound` entry's `since`, `foedus.war.unbroken`), and where the treaty or article that binds it changed
since, under what it was first bound; the web's "Why?" says the same (web/src/warsince.ts, run in node:
tests/ts_said.py). It said only "Bound to join the attack side on 2025-12-31 under rus_prk_2024 art. 4"."""

from __future__ import annotations

import json
from typing import Any

import pytest

from foedus.api import replay_war
from foedus.catalog import treaty_rows
from foedus.model.world import World
from foedus.war.recorded import RECORDED, recorded_on, recorded_said
from foedus.war.why import sides_on
from foedus.wording import named_state
from samples import cli_line
from ts_said import run_ts

WAR = "russia_ukraine_2022"
LAST = "2025-04-26"  # the Kursk incursion's last day (its `until`: 2025-04-27), the last on which it binds


def _why(war: str, state: str, until: str | None = None) -> str:
    code, out, err = cli_line(["war", war, "--state", state, *(["--until", until] if until else [])])
    assert code == 0, err
    return out.strip()


def test_north_korea_is_bound_since_the_treaty_came_into_force() -> None:
    """North Korea, bound by the 2024 treaty from its entry into force (2024-12-04), reads so on the Kursk incursion's
    last day (2025-04-26); on the day it was first bound the line says nothing more."""
    assert _why(WAR, "PRK", LAST).split(f" {RECORDED}")[0].endswith(  # then the war file's note on it
        "in a state of war; bound to that side without a break since 2024-12-04.")
    assert "without a break" not in _why(WAR, "PRK", "2024-12-04")


def test_belarus_is_bound_since_the_first_day_through_the_treaty_change() -> None:
    """Belarus is bound by the CSTO from 2024-08-06, then by its 2024 treaty with Russia from 2025-03-13, without a
    break: one span, since 2024-08-06, first under the CSTO (tagged as the binding is), not since 2025-03-13."""
    said = _why(WAR, "BLR", LAST)
    assert said.endswith("; bound to that side without a break since 2024-08-06, first under CSTO (csto_1992) art. 4 "
                         "(secondary: article)."), said
    assert "2025-03-13" not in said


@pytest.mark.needs_data
def test_a_binding_that_broke_and_resumed_is_said_since_it_resumed() -> None:
    """Romania is bound to the defence from 1939-09-01 to 1939-09-28 and for a day from 1940-10-28, then to the
    attack from 1940-11-23: on 1941-01-01 it is bound since 1940-11-23, not since 1939-09-01; Turkey, bound
    to the defence from 1939-09-03 under treaties that took one another's place, since that day, first under
    atop_2465."""
    said = _why("europe_1939_1941", "ROU", "1941-01-01")
    assert said.endswith("; bound to that side without a break since 1940-11-23."), said
    assert "without a break" not in _why("europe_1939_1941", "ROU", "1940-10-28")
    assert "; bound to that side without a break since 1939-09-03, first under ATOP alliance 2465 (FRA, TUR) " \
           "(atop_2465) ATOP offense code." in _why("europe_1939_1941", "TUR", "1941-01-01")


def test_the_web_says_since_when_as_the_cli_does() -> None:
    """The web's "Why?" (said.ts frameWhy) on the last frame of the Kursk incursion says since when each bound state is
    bound as the CLI's line does (Belarus with the treaty it was first bound under)."""
    replay = replay_war(WAR, until=LAST)
    frame, world = replay.frames[-1], World.default()
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}
    states = ["PRK", "BLR", "KAZ"]
    sides, named = sides_on(replay, frame, frame.date)  # the sides and a duty's states, as the CLI names them
    said = run_ts([("said", "frameWhy", [s, frame.to_dict(), {"$lookup": treaties}, None, {}, sides,
                                         {"$lookup": dict(named)}]) for s in states])
    names = world.states.names_on(frame.date)
    notes = [recorded_said(n.to_dict() for n in recorded_on(replay.war, s, frame.date)) for s in states]  # its note
    assert [f"{named_state(s, names)}: {w}{n}" for s, w, n in zip(states, said, notes, strict=True)] == [
        _why(WAR, s, frame.date.isoformat()) for s in states]
    assert "without a break since 2024-08-06, first under CSTO (csto_1992)" in said[1]


def test_a_run_to_another_side_is_a_break() -> None:
    """Spans that follow one another on the same side are one run, whatever binds; one to the other side is not
    (bound to the attack side, then the defence, is bound to the defence since the switch)."""
    from foedus.war.unbroken import since_entry

    span = {"instrument": "treaty", "certainty": "verified", "doubted": [], "levels": {}}
    spans = [{"side": "attack", "from": "2020-01-01", "to": "2020-02-01", "treaty": "a", "article": "1", **span},
             {"side": "defense", "from": "2020-02-01", "to": "2020-03-01", "treaty": "b", "article": "1", **span},
             {"side": "defense", "from": "2020-03-01", "to": None, "treaty": "c", "article": "2", **span}]
    assert since_entry(spans, "defense") == {"since": "2020-02-01", "since_under": {
        "treaty": "b", "article": "1", "instrument": "treaty", "certainty": "verified", "doubted": [], "levels": {}}}
    assert since_entry(spans[1:2], "defense") == {}  # not open: no longer bound


def _why_json(war: str, state: str, until: str | None = None) -> dict[str, Any]:
    code, out, err = cli_line(["war", war, "--state", state, "--json", *(["--until", until] if until else [])])
    assert code == 0, err
    return dict(json.loads(out))


def test_the_json_gives_since_when_and_under_what_as_data() -> None:
    """`--state --json` has since when a state is bound without a break as a key, `bound_since`, not only inside its
    `said` text: the day and the provision it was first bound under, tagged as that day's (Belarus: CSTO art. 4,
    secondary, though the 2024 treaty binds it on the Kursk attack's last day, 2025-04-26); the day asked where first
    bound that day; null for a state not bound."""
    belarus = _why_json(WAR, "BLR", "2025-04-26")
    assert belarus["bound_since"] == {"since": "2024-08-06", "treaty": "csto_1992", "article": "4",
                                      "instrument": "treaty", "certainty": "secondary", "doubted": ["article"],
                                      "levels": {"article": "secondary"}}
    assert belarus["treaty"] == "rus_blr_2024"
    prk = _why_json(WAR, "PRK", "2025-04-26")
    assert prk["bound_since"] == {"since": "2024-12-04", "treaty": "rus_prk_2024", "article": "4",
                                  "instrument": "treaty", "certainty": "verified", "doubted": [], "levels": {}}
    assert _why_json(WAR, "PRK", "2024-12-04")["bound_since"]["since"] == "2024-12-04"
    assert _why_json(WAR, "PRK", "2024-12-03")["bound_since"] is None  # not yet bound
    assert _why_json(WAR, "UKR")["bound_since"] is None  # fighting


def test_the_json_since_is_the_lines_since_for_every_bound_state() -> None:
    """On each frame, every bound state's `bound_since` is the day its line says (the frame's `since`), under the
    provision the line says it was first under where one is said (`since_under`)."""
    from foedus.war.why import why_record

    replay, world = replay_war(WAR), World.default()
    for frame in replay.frames:
        for state, bound in frame.bound.items():
            since = why_record(replay, world, state, frame.date).bound_since
            assert since is not None and since.since == bound["since"], (frame.date, state)
            under = bound.get("since_under") or bound
            assert (since.treaty, since.article) == (under["treaty"], under["article"]), (frame.date, state)
