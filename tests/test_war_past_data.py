"""A war replayed past what is known (docs/war.md `--until`): /api/war keeps one replay for every day asked past an
ongoing war's data (the day replayed, not the text asked), each answer naming its own day asked; and a war whose own
data goes past the treaty set's review (a war file's `end` after 2025-12-31) says, on the CLI, in the Python API and
through /api/war, that those days are replayed on the treaties as known, later changes encoded only where found
(`foedus.engine.outcome.DATA_END_NOTE`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import foedus.api
from foedus.engine.outcome import DATA_END, DATA_END_NOTE
from foedus.web import api_war
from samples import cli_line

WAR = "russia_ukraine_2022"  # ongoing: its data ends on the bundled data's end
LATE_END = "2026-03-01"  # the war file's `end`, after the treaty data's
LATE_WAR = (f"id: late\nname: Late\nend: {LATE_END}\nevents:\n"
            "  - {type: attack, date: 2025-12-01, attacker: RUS, victim: UKR}\n")
SAID = (f"the days after {DATA_END}, to {LATE_END}, are replayed on the treaties as known: the bundled treaty data "
        f"was reviewed as a whole to {DATA_END}; later changes are encoded only where found (docs/certainty.md lists "
        "them), so an answer after that day may miss some")



@pytest.fixture
def late_war(tmp_path: Path) -> Path:
    path = tmp_path / "late.yaml"
    path.write_text(LATE_WAR, encoding="utf-8")
    return path


def test_days_asked_past_an_ongoing_wars_data_are_one_replay_each_answer_naming_its_own_day(
        api_client: TestClient, monkeypatch: pytest.MonkeyPatch, fresh_war_api: None) -> None:
    """Two days after the data's end, and the end itself, replay the war to the same day: it is replayed once (it
    was kept by the text asked, each day replayed and kept again), and each answer's `war.asked_until` is its own."""
    calls: list[Any] = []
    real = foedus.api.replay_war

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("until"))
        return real(*args, **kwargs)

    monkeypatch.setattr(foedus.api, "replay_war", counted)
    asked = {day: api_client.get("/api/war", params={"id": WAR, "until": day}).json()
             for day in ("2027-01-01", "2026-05-05", DATA_END.isoformat())}
    assert len(calls) == 1
    assert {day: (body["war"]["end"], body["war"]["asked_until"]) for day, body in asked.items()} == {
        "2027-01-01": (DATA_END.isoformat(), "2027-01-01"), "2026-05-05": (DATA_END.isoformat(), "2026-05-05"),
        DATA_END.isoformat(): (DATA_END.isoformat(), None)}
    assert asked["2027-01-01"]["frames"] == asked[DATA_END.isoformat()]["frames"]
    assert api_client.get("/api/war", params={"id": WAR, "until": "2027-01-01"}).json() == asked["2027-01-01"]
    assert len(calls) == 1  # the answer kept is not changed by another request's day
    assert api_client.get("/api/war", params={"id": WAR, "until": "2025-06-01"}).json()["war"]["end"] == "2025-06-01"
    assert len(calls) == 2  # a day inside the data is a replay of its own


def test_a_war_file_ending_after_the_treaty_data_says_its_later_days_rest_on_the_treaties_as_known(
        late_war: Path) -> None:
    """A war file whose `end` is after the day the treaty set was reviewed to was replayed to it with only the
    generic note: its days after that day are replayed, and the note (among the table's notes; a warning on stderr
    with --state or --json) and `WarReplay.warnings` say they rest on the treaties as known, later changes encoded
    only where found."""
    r = foedus.replay_war(late_war)
    assert (r.end, r.asked) == (dt.date.fromisoformat(LATE_END), None)
    assert SAID in r.notes and DATA_END_NOTE not in r.notes and r.warnings == (SAID,)
    inside = foedus.replay_war(late_war, until=DATA_END)
    assert inside.warnings == () and not [n for n in inside.notes if "reviewed as a whole" in n]
    code, out, err = cli_line(["war", str(late_war)])
    assert code == 0 and err == "" and " ".join(out.split()).count(SAID) == 1  # once, in the notes (wrapped)
    code, out, err = cli_line(["war", str(late_war), "--state", "UKR", "--json"])
    assert code == 0 and err.strip().splitlines() == [f"warning: {SAID}"]
    assert (json.loads(out)["day"], json.loads(out)["note"]) == (LATE_END, SAID)
    code, out, err = cli_line(["war", str(late_war), "--until", "2025-12-20", "--state", "UKR", "--json"])
    assert code == 0 and err == "" and json.loads(out)["note"] is None


def test_the_war_endpoint_says_it_too(api_client: TestClient, monkeypatch: pytest.MonkeyPatch, late_war: Path,
                                      fresh_war_api: None) -> None:
    """/api/war replays a war of its list by the same rule: its notes say it (the web's timeline shows them)."""
    monkeypatch.setattr(api_war, "bundled_wars", lambda: {"late": late_war})
    body = api_client.get("/api/war", params={"id": "late"}).json()
    assert (body["war"]["end"], body["war"]["asked_until"]) == (LATE_END, None)
    assert SAID in body["notes"] and DATA_END_NOTE not in body["notes"]


LAST_EVENT, ASKED = "2026-02-01", "2026-06-01"  # an ongoing war's last recorded event, and a day asked after it
LATER_EVENTS = ("id: later\nname: Later\nevents:\n  - {type: attack, date: 2025-12-01, attacker: RUS, victim: UKR}\n"
                f"  - {{type: attack, date: {LAST_EVENT}, attacker: RUS, victim: UKR}}\n")
BEYOND = (f"later's data ends on {LAST_EVENT}, its last recorded day: nothing after it is known, so it is replayed "
          f"to {LAST_EVENT}, not {ASKED}")
PAST = SAID.replace(LATE_END, LAST_EVENT)


def test_an_ongoing_war_with_events_past_the_treaty_data_asked_past_its_own_data_says_both_once(
        tmp_path: Path, api_client: TestClient, monkeypatch: pytest.MonkeyPatch, fresh_war_api: None) -> None:
    """An ongoing war whose last recorded event is after the treaty set's review, asked past that event: replayed to
    it, and said both ways, each once: the day asked is past the war's data (`beyond_data`, on stderr), and its days
    after 2025-12-31 rest on the treaties as known (`past_treaties`, among the notes; on stderr too with
    --json or --state); /api/war's notes say the second and its `war.asked_until` holds the day asked."""
    path = tmp_path / "later.yaml"
    path.write_text(LATER_EVENTS, encoding="utf-8")
    r = foedus.replay_war(path, until=ASKED)
    assert (r.end, r.asked, r.data_end) == (dt.date.fromisoformat(LAST_EVENT), dt.date.fromisoformat(ASKED),
                                            dt.date.fromisoformat(LAST_EVENT))
    assert r.warnings == (BEYOND, PAST) and r.notes.count(PAST) == 1 and BEYOND not in r.notes
    code, out, err = cli_line(["war", str(path), "--until", ASKED])
    assert code == 0 and err.strip().splitlines() == [f"warning: {BEYOND}"]
    assert " ".join(out.split()).count(PAST) == 1 and BEYOND not in " ".join(out.split())  # the notes (wrapped)
    both = [f"warning: {BEYOND}", f"warning: {PAST}"]
    code, out, err = cli_line(["war", str(path), "--until", ASKED, "--json"])
    assert code == 0 and err.strip().splitlines() == both
    body = json.loads(out)
    assert (body["war"]["end"], body["war"]["asked_until"], body["notes"].count(PAST)) == (LAST_EVENT, ASKED, 1)
    code, out, err = cli_line(["war", str(path), "--until", ASKED, "--state", "UKR", "--json"])
    assert code == 0 and err.strip().splitlines() == both
    said = json.loads(out)
    assert (said["day"], said["asked_until"], said["note"]) == (LAST_EVENT, ASKED, f"{BEYOND}\n{PAST}")
    monkeypatch.setattr(api_war, "bundled_wars", lambda: {"later": path})
    web = api_client.get("/api/war", params={"id": "later", "until": ASKED}).json()
    assert (web["war"]["end"], web["war"]["asked_until"]) == (LAST_EVENT, ASKED)
    assert web["notes"].count(PAST) == 1 and web["notes"] == body["notes"]


def test_the_war_endpoints_openapi_documents_what_it_answers(
        api_client: TestClient, late_war: Path, monkeypatch: pytest.MonkeyPatch, fresh_war_api: None) -> None:
    """/api/war's 200 names its shape (`WarOut`), every key it answers with, and documents `war.asked_until` (a day
    asked past an ongoing war's data) and the note on days past the treaty set's review; it said only "the replay"."""
    spec = api_client.get("/openapi.json").json()
    ok = spec["paths"]["/api/war"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schemas = spec["components"]["schemas"]
    out = schemas[ok["$ref"].rsplit("/", 1)[1]]
    war = schemas[out["properties"]["war"]["$ref"].rsplit("/", 1)[1]]
    monkeypatch.setattr(api_war, "bundled_wars", lambda: {"late": late_war})
    body = api_client.get("/api/war", params={"id": "late"}).json()
    assert set(out["properties"]) == set(body) and set(war["properties"]) == set(body["war"])
    assert set(out["required"]) == set(body) and set(war["required"]) == set(body["war"])
    asked = war["properties"]["asked_until"]["description"]
    assert "asked past its data's end" in asked and "else null" in asked
    notes = out["properties"]["notes"]["description"]
    assert f"after the day the bundled treaty set was reviewed to ({DATA_END}" in notes
    assert "on the treaties as known, later changes encoded only where found" in notes and "stood then" not in notes
    assert SAID in body["notes"]  # the note it documents


def test_the_until_help_says_where_the_note_on_days_past_the_treaty_data_goes(late_war: Path) -> None:
    """`foedus war --help` called that note "a warning too", but in the text form it is among the table's notes on
    stdout, never on stderr; only with --state or --json is it a warning on stderr (and said in the JSON). The help
    now says where it goes, and it goes there."""
    import typer

    from foedus.cli.app import app

    root: Any = typer.main.get_command(app)
    war = root.commands["war"]
    until = " ".join(next(p for p in war.params if p.name == "until").help.split())
    assert f"a day after {DATA_END}, the day the treaty set was reviewed to, is replayed on the treaties as known, " \
        "later changes encoded only where found" in until and "a warning too" not in until
    assert ("said among the table's notes on stdout, or with --state or --json as a warning on stderr (the JSON says "
            "it too)") in until, until
    code, out, err = cli_line(["war", str(late_war)])
    assert code == 0 and err == "" and SAID in " ".join(out.split())  # the table's notes (wrapped)
    for extra in (["--json"], ["--state", "UKR"], ["--state", "UKR", "--json"]):
        code, out, err = cli_line(["war", str(late_war), *extra])
        assert code == 0 and err.strip().splitlines() == [f"warning: {SAID}"], (extra, err)
        assert (SAID in " ".join(out.split())) == ("--json" in extra), (extra, out)  # the JSON says it too


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_a_state_named_wrong_is_refused_alone_not_after_the_replays_warning(late_war: Path, extra: list[str]) -> None:
    """`foedus war FILE --state Narnia` on a war replayed past the treaty data: the one line refusing the state,
    not the replay's warning first and the error under it (two lines, as session 54's sweep found)."""
    code, out, err = cli_line(["war", str(late_war), "--state", "Narnia", *extra])
    refused = "unknown state 'Narnia'; did you mean Mauritania, Romania, Nigeria? (try `foedus states`)"
    assert code == 2 and err.strip().splitlines() == [f"error: {refused}"]
    assert (json.loads(out)["error"] == refused) if extra else out == ""  # with --json, the error object too
    code, out, err = cli_line(["war", str(late_war), "--state", "UKR", *extra])  # a state it knows: the warning
    assert code == 0 and err.strip().splitlines() == [f"warning: {SAID}"]


def test_an_ongoing_war_replayed_to_its_datas_last_day_says_nothing_after_it_is_known() -> None:
    """A war with no recorded end, replayed to the last day its data covers, says so in its notes (CLI, JSON, web):
    until 2026-12-07 `foedus war russia_ukraine_2022` ended its replay on 2025-12-31 with no word of why, which a
    reader on a later day could take for the war's course to date; a replay cut earlier, or a finished war, does not."""
    note = f"{WAR} records no end: its data ends on {DATA_END}, so the replay ends there; nothing after it is known"
    assert foedus.api.replay_war(WAR).notes.count(note) == 1
    assert not any("records no end" in n for n in foedus.api.replay_war(WAR, until="2024-12-15").notes)
    assert not any("records no end" in n for n in foedus.api.replay_war("july_crisis_1914").notes)
    code, out, _ = cli_line(["war", WAR])
    assert code == 0 and " ".join(out.split()).count(f"note: {note}") == 1
    assert json.loads(cli_line(["war", WAR, "--json"]).stdout)["notes"].count(note) == 1
