"""What a bad-input sweep of the user-written files (treaty, overlay, honour, war, likelihood-model and depth-parameter
files), the web API's query values and the Python API's arguments found read without a word: each is now refused in
one line naming the file and the field (or the input), as its neighbours are."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from foedus.engine.reliability import load_honour_model
from foedus.errors import LikelyModelError, ScenarioError, TreatyDataError
from foedus.likely.model import load_model
from foedus.model.loader import load_treaties
from foedus.model.overlay import SetStrength
from foedus.model.world import World
from samples import GOOD_TREATY, WAR_ONE_ATTACK, cli_line, error_line, refusal

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


def _one_line(code: int, err: str, message: str) -> None:
    assert code == 2 and err == f"error: {message}\n", err


@pytest.mark.parametrize(("text", "problem"), [
    ("era:\n", "era: must be a mapping, got nothing"),
    ("era: []\n", "era: must be a mapping, got a list"),
    ("era: 0\n", "era: must be a mapping, got 0"),
    ("era: ''\n", "era: must be a mapping, got ''"),
    ("era: false\n", "era: must be a mapping, got false"),
    ("era: {post1945: }\n", "era.post1945: must be a mapping, got nothing"),
    ("era: {post1945: []}\n", "era.post1945: must be a mapping, got a list"),
])
def test_an_honour_files_era_that_is_no_mapping_is_refused_as_strength_is(tmp_path: Path, text: str,
                                                                          problem: str) -> None:
    """`era: []`, `era: 0`, `era: ''` or `era:` with nothing was read as no change (an empty or false value taken
    for an empty table), where `strength: []` is refused; a table that is none (`post1945:` with nothing) as well."""
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    assert refusal(load_honour_model, path) == f"{path}: {problem}"
    ok = tmp_path / "ok.yaml"  # a mapping of tables still reads
    ok.write_text("era: {post1945: {S2: 0.3}}\n", encoding="utf-8")
    assert load_honour_model(ok).era["post1945"]["S2"] == 0.3


def test_an_honour_files_bad_era_is_one_line_on_the_command_line(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "h.yaml").write_text("era: []\n", encoding="utf-8")
    code, _, err = cli_line([*CASCADE, "--draws", "5", "--seed", "1", "--honour", "h.yaml"])
    _one_line(code, err, "h.yaml: era: must be a mapping, got a list")


PACT_WITH_HISTORY = GOOD_TREATY + """assistance:
  forms:
    - {form: arms, level: general, article: "1", when: wartime, summary: Arms.}
invocations:
  - {date: 2021-01-01, article: "1", requester: [CHL], outcome: Consulted.}
"""


@pytest.mark.parametrize(("old", "new", "problem"), [
    ('provisions:\n  - {kind: defense, article: "1"', 'provisions:\n  - {kind: defense, article: " "',
     "provisions[0].article: must not be blank"),
    ('{date: 2021-01-01, article: "1"', '{date: 2021-01-01, article: ""', "invocations[0].article: must not be empty"),
    ('{date: 2021-01-01, article: "1"', '{date: 2021-01-01, article: "  "',
     "invocations[0].article: must not be blank"),
    ('level: general, article: "1"', 'level: general, article: ""', "assistance.forms[0].article: must not be empty"),
    ("requester: [CHL]", "requester: []", "invocations[0].requester: needs at least 1 item, got 0"),
    ("name: My pact\n", "name: My pact\nshort_name: ' '\n", "short_name: must not be blank"),
])
def test_a_blank_article_or_short_name_or_an_invocation_by_no_one_is_refused(world: World, tmp_path: Path, old: str,
                                                                               new: str, problem: str) -> None:
    """An article of only spaces was read (a provision's "Art.  "; an invocation's or a form of help's could even be
    empty), an invocation with no requester ("who asked": no one) and a short name of only spaces (listed blank, and
    a treaty named "nato ( )" in a refusal) too; a provision's empty article was refused alone."""
    assert old in PACT_WITH_HISTORY
    pact = tmp_path / "pact.yaml"
    pact.write_text(PACT_WITH_HISTORY, encoding="utf-8")
    assert list(load_treaties([pact], world.states, world.places)) == ["my_pact"]
    pact.write_text(PACT_WITH_HISTORY.replace(old, new), encoding="utf-8")
    assert refusal(load_treaties, [pact], world.states, world.places, error=TreatyDataError) == f"{pact}: {problem}"


@pytest.mark.parametrize(("option", "value", "form"), [
    ("--set-strength", "nato_1949: =S1", "TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1"),
    ("--set-scope", "nato_1949:=territory:any", "TREATY:ARTICLE=territory:TOKENS;forces:TOKENS"),
    ("--set-scope", "nato_1949: =territory:any", "TREATY:ARTICLE=territory:TOKENS;forces:TOKENS"),
])
def test_a_what_ifs_blank_article_is_refused_as_a_malformed_value(option: str, value: str, form: str) -> None:
    """`--set-strength 'nato_1949: =S1'` was looked up as article ' ' ("nato_1949 has no article ' '"), and
    `--set-scope nato_1949:=…` as article '': the value is malformed, as `nato_1949:=S1` is said to be."""
    code, _, err = cli_line([*CASCADE, option, value])
    _one_line(code, err, f"{option} {value!r}: expected {form}")


@pytest.mark.parametrize(("article", "problem"), [(" ", "must not be blank"), ("", "must not be empty")])
def test_a_what_ifs_blank_article_is_refused_in_an_overlay_and_in_python(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         article: str, problem: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(f"changes:\n- {{op: set_strength, treaty: nato_1949, article: '{article}', "
                                     "strength: S1}\n", encoding="utf-8")
    code, _, err = cli_line([*CASCADE, "--overlay", "o.yaml"])
    _one_line(code, err, f"o.yaml: change 1 (set_strength.article): {problem}")
    said = refusal(SetStrength, treaty="nato_1949", article=article, strength="S1", error=ScenarioError)
    assert said == f"SetStrength: article: {problem}"


@pytest.mark.parametrize(("value", "said"), [(True, "true"), (1.0, "1.0")])
def test_a_likelihood_models_format_is_the_whole_number_1(tmp_path: Path, value: Any, said: str) -> None:
    """`format: true` and `format: 1.0` were read as format 1 (a literal compares by ==), where `"1"` is refused."""
    payload = json.loads(resources.files("foedus.data").joinpath("likely_model.json").read_text(encoding="utf-8"))
    path = tmp_path / "m.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    assert load_model(path).format == 1
    path.write_text(json.dumps({**payload, "format": value}), encoding="utf-8")
    assert refusal(load_model, path, error=LikelyModelError) == (
        f"{path}: format: must be 1 (got {said}) (not a likelihood-model file?)")


@pytest.mark.parametrize(("typed", "role", "message"), [
    ("RUS,RUS", "attacker", "attacker[1]: RUS is listed twice (also attacker[0]); list each state once"),
    ("RUS, Russia", "target", "target[1]: RUS is listed twice (also target[0]); list each state once"),
    ("RUS,EST,Russia", None, "state[2]: RUS is listed twice (also state[0]); list each state once"),
])
def test_the_web_refuses_a_typed_list_naming_a_state_twice_as_a_cascade_does(api_client: TestClient, typed: str,
                                                                               role: str | None,
                                                                               message: str) -> None:
    """/api/resolve answered "RUS, Russia" with Russia once, where the cascade it feeds refuses the list."""
    r = api_client.get("/api/resolve", params={"state": typed, **({"role": role} if role else {})})
    assert r.status_code == 422 and r.json() == {"ok": False, "error": message, "status": 422}, r.text
    if role is not None:
        other = "target" if role == "attacker" else "attacker"
        cascade = api_client.get("/api/cascade", params={role: typed, other: "UKR", "date": "2025-06-01"})
        assert cascade.status_code == 422 and cascade.json()["error"] == message, cascade.text


@pytest.mark.parametrize(("scope", "problem"), [
    ("{territory: [crimea, crimea]}", "provisions[0].scope.territory[1]: crimea is listed twice (also "
                                      "provisions[0].scope.territory[0]); list each scope token once"),
    ("{forces: [home, home]}", "provisions[0].scope.forces[1]: home is listed twice (also "
                               "provisions[0].scope.forces[0]); list each scope token once"),
    ('{territory: ["administered-by:CHL", "administered-by:Chile"]}',
     "provisions[0].scope.territory[1]: administered-by:CHL is listed twice (also provisions[0].scope.territory[0]); "
     "list each scope token once"),
])
def test_a_scope_naming_a_token_twice_is_refused_as_a_state_list_is(world: World, tmp_path: Path, scope: str,
                                                                    problem: str) -> None:
    """A scope's `[crimea, crimea]` was read as one token (a slip the list hides, as a state listed twice is)."""
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace("strength: S2}", f"strength: S2, scope: {scope}}}"), encoding="utf-8")
    assert refusal(load_treaties, [pact], world.states, world.places, error=TreatyDataError) == f"{pact}: {problem}"


WAR_FILE = resources.files("foedus.data").joinpath("wars", "israel_iran_2025.yaml")


@pytest.mark.parametrize(("path", "message"), [
    (None, "war file: expected a path (str or pathlib.Path), not nothing"),
    (["war.yaml"], "war file: expected a path (str or pathlib.Path), not a list"),
    ("", "war file: the path is empty; give a war file"),
    (" ", "war file: the path is blank; give a war file"),
])
def test_load_war_refuses_what_is_no_path(path: Any, message: str) -> None:
    """docs/war.md's `foedus.war.loader.load_war(path)` failed on None or a list in `os.fspath`'s words (a TypeError),
    and read '' as `.`, the current folder, as `foedus.replay_war` does not."""
    from foedus.errors import WarDataError
    from foedus.war.loader import load_war

    assert refusal(load_war, path, error=WarDataError) == message


@pytest.mark.parametrize(("until", "message"), [
    ("2025-02-30", "invalid date '2025-02-30': day is out of range for month (expected YYYY-MM-DD)"),
    ("ZZZ", "invalid date 'ZZZ': expected YYYY-MM-DD"),
    (5, "invalid date 5: expected a date as YYYY-MM-DD, not a number"),
])
def test_a_war_replays_until_and_names_on_read_a_day_as_replay_war_does(until: Any, message: str) -> None:
    """`foedus.war.replay.replay(war, world, until=…)`, documented as taking replay_war's options, compared a text
    `until` with the war's dates (a TypeError), and `WarReplay.names_on('ZZZ')` compared it with the renames' dates
    as text (after every one), a number failing on `isoformat`: both now read a day as `status_on` does."""
    import datetime as dt

    import foedus
    from foedus.errors import DateOutOfRangeError
    from foedus.war.loader import load_war
    from foedus.war.replay import replay

    world = World.load(history=False)
    with resources.as_file(WAR_FILE) as path:
        war = load_war(path, world)
    assert replay(war, world, until="2025-06-20").end == dt.date(2025, 6, 20)
    assert refusal(replay, war, world, until=until, error=DateOutOfRangeError) == message
    replayed = foedus.replay_war(war, world=world, until="2025-06-20")
    assert replayed.names_on("2025-06-20") == replayed.names_on(dt.date(2025, 6, 20))
    assert refusal(replayed.names_on, until, error=DateOutOfRangeError) == message


def test_replay_refuses_a_war_that_is_not_loaded() -> None:
    """`replay("israel_iran_2025")` failed on `war.start` (an AttributeError): the id is `foedus.replay_war`'s."""
    from foedus.errors import WarDataError
    from foedus.war.replay import replay

    assert refusal(replay, "israel_iran_2025", error=WarDataError) == (
        "war: expected a foedus.war.events.War (foedus.war.loader.load_war reads a file; "
        "foedus.replay_war takes a path or a bundled war's id), not 'israel_iran_2025'")


COPIES = {  # a provision repeated alike loads: tests/test_treaty_file_refusals.py, "a repeat, not an ambiguity"
    "invocations": ('  - {date: 2021-01-01, article: "1", requester: [CHL], outcome: Consulted.}\n', "outcome:",
                    "note: again, outcome:"),
    "sources": ('sources: [{url: "https://example.org/pact"}]\n', "}]", '}, {url: "https://example.org/pact"}]'),
}


@pytest.mark.parametrize("key", COPIES)
def test_an_invocation_or_source_given_twice_alike_is_refused(world: World, tmp_path: Path, key: str) -> None:
    """A copy of an invocation or a source was read as a second one (an invocation told twice by `treaties show`): a
    copy's slip, as a state listed twice is; one with a note or a title of its own reads."""
    line, mark, other = COPIES[key]
    assert line in PACT_WITH_HISTORY
    copied = line.replace(mark, other) if key == "sources" else line + line
    pact = tmp_path / "pact.yaml"
    pact.write_text(PACT_WITH_HISTORY.replace(line, copied), encoding="utf-8")
    assert refusal(load_treaties, [pact], world.states, world.places, error=TreatyDataError) == (
        f"{pact}: {key}[1]: the same as {key}[0]: give each once")
    if key != "sources":  # a source has no note: its copy with a title of its own is another source
        pact.write_text(PACT_WITH_HISTORY.replace(line, line + line.replace(mark, other)), encoding="utf-8")
    else:
        pact.write_text(PACT_WITH_HISTORY.replace(line, copied.replace('"}]', '", title: again}]')), encoding="utf-8")
    assert list(load_treaties([pact], world.states, world.places)) == ["my_pact"]


SWEEP_WAR = "id: w\nname: W\nevents:\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
SWEEP_FILES = {
    "w_until.yaml": "id: w\nname: W\nevents:\n  - {type: attack, date: 2022-02-24, until: 2022-01-01, attacker: RUS, "
                    "victim: UKR}\n",
    "w_end.yaml": "id: w\nname: W\nend: 2021-01-01\nevents:\n  - {type: attack, date: 2022-02-24, attacker: RUS, "
                  "victim: UKR}\n",
    "w_cease.yaml": SWEEP_WAR + "  - {type: ceasefire, date: 2022-01-01}\n",
    "w_entry.yaml": SWEEP_WAR + "  - {type: entry, date: 2022-03-01, state: BLR, side: attack}\n"
                                "  - {type: entry, date: 2022-03-02, state: BLR, side: attack}\n",
    "w_list.yaml": SWEEP_WAR.replace("attacker: RUS", "attacker: 'RUS,RUS'"),
    "w_day.yaml": SWEEP_WAR.replace("2022-02-24", "2022-02-30"),
    "o_twice.yaml": "changes:\n- {op: remove_member, treaty: nato_1949, state: POL}\n"
                    "- {op: remove_member, treaty: nato_1949, state: Poland}\n",
    "o_day.yaml": "changes:\n- {op: add_member, treaty: nato_1949, state: UKR, joined: 2025-02-30}\n",
    "h_rate.yaml": "strength: {S1: 1.5}\n",
    "h_s6.yaml": "strength: {S6: 0.5}\n",
    "h_nan.yaml": "strength: {S1: .nan}\n",
}


@pytest.mark.parametrize(("args", "message"), [
    (["war", "w_until.yaml"],
     "w_until.yaml: events[0]: until (2022-01-01) is not after the attack's date (2022-02-24)"),
    (["war", "w_end.yaml"], "w_end.yaml: end (2021-01-01) is before the first event (2022-02-24)"),
    (["war", "w_cease.yaml"], "w_cease.yaml: events[1] (2022-01-01) is a ceasefire before the war's start, its first "
                              "attack (2022-02-24): move the ceasefire, or the attack"),
    (["war", "w_entry.yaml"], "w_entry.yaml: events[2] (2022-03-02): BLR is already fighting on the attack side since "
                              "2022-03-01 (events[1]): the entry would change nothing"),
    (["war", "w_list.yaml"], "w_list.yaml: events[0].attacker: one state expected, got a list: RUS,RUS; give one state "
                             "(try `foedus states`)"),
    (["war", "w_day.yaml"], "w_day.yaml: events[0].date: not a day of the calendar: day is out of range for month (got "
                            "'2022-02-30')"),
    ([*CASCADE, "--overlay", "o_twice.yaml"], "o_twice.yaml change 1 (remove_member nato_1949:POL) and o_twice.yaml "
                                              "change 2 (remove_member nato_1949:Poland) are the same change, given "
                                              "twice: give it once"),
    ([*CASCADE, "--overlay", "o_day.yaml"], "o_day.yaml: change 1 (add_member.joined): not a day of the calendar: day "
                                            "is out of range for month (got '2025-02-30')"),
    ([*CASCADE, "--draws", "5", "--honour", "h_rate.yaml"],
     "h_rate.yaml: strength.S1: must be less than or equal to 1 (got 1.5)"),
    ([*CASCADE, "--draws", "5", "--honour", "h_s6.yaml"],
     "h_s6.yaml: strength.S6: must be 'S1', 'S2', 'S3', 'S4' or 'S5' (got 'S6')"),
    ([*CASCADE, "--draws", "5", "--honour", "h_nan.yaml"],
     "h_nan.yaml: strength.S1: must be a finite number (got nan)"),
    ([*CASCADE, "--place", "kursk-oblast x"], "unknown place 'kursk-oblast x'; did you mean kursk-oblast, "
                                              "luhansk-oblast, donetsk-oblast? (try `foedus places`)"),
    (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-02-30"],
     "invalid date '2025-02-30': day is out of range for month (expected YYYY-MM-DD)"),
    ([*CASCADE, "--ongoing-since", "2025-07-01"],
     "the attacks cannot be ongoing since 2025-07-01, after the scenario date 2025-06-01"),
    ([*CASCADE, "--ongoing-since", "1814-06-01"],  # "date 1814-06-01 is outside ...": which of the dates given?
     "--ongoing-since: date 1814-06-01 is outside the range foedus covers (1815-01-01 to 2100-12-31)"),
    (["compare", *CASCADE[1:], "--date2", "2025-07-01", "--ongoing-since", "2025-02-30"],
     "--ongoing-since: invalid date '2025-02-30': day is out of range for month (expected YYYY-MM-DD)"),
    ([*CASCADE, "--seed", "-1", "--draws", "5"], "--seed must be between 0 and 9,223,372,036,854,775,807 (got -1)"),
    ([*CASCADE, "--draws", "10000000000000"], "--draws must be between 1 and 10,000,000 (got 10000000000000)"),
    ([*CASCADE, "--remove-member", "nato_1949:POL", "--remove-member", "nato_1949:Poland"],
     "--remove-member nato_1949:POL and --remove-member nato_1949:Poland are the same change, given twice: give it "
     "once"),
    ([*CASCADE, "--set-strength", "nato_1949:Art. 5=S1"],
     "what-if: nato_1949 has no article 'Art. 5' (articles: 4, 5); 'Art. 5' is article '5': write '5'"),
    ([*CASCADE, "--set-scope", "nato_1949:article 5=territory:any"],
     "what-if: nato_1949 has no article 'article 5' (articles: 4, 5); 'article 5' is article '5': write '5'"),
    (["war", "russia_ukraine_2022", "--until", "2021-01-01"],
     "the replay would end (2021-01-01) before the war starts (2022-02-24)"),
    (["treaties", "show", "nato 1949"], "unknown treaty 'nato 1949'; did you mean nato_1949, atop_1490? (try `foedus "
                                        "treaties list`)"),
    (["depth", "--out", "d.csv", "--refit", "--draws", "100000"], "--draws must be between 0 and 1,000 (got 100000)"),
])
def test_a_second_sweep_of_malformed_inputs_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  args: list[str], message: str) -> None:
    """Session 58's sweep of kinds the cases above do not cover (a war's dates out of order, an overlay removing a
    member twice, an honour rate of 1.5, an impossible day, a seed below 0, draws past the bound, a what-if's
    article written 'Art. 5'): each one line, exit 2. The what-if's 'Art. 5' was told only that the treaty has no
    such article; it is now told the spelling the file encodes, as an invocation's is."""
    monkeypatch.chdir(tmp_path)
    for name, text in SWEEP_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert error_line(args) == message


@pytest.mark.parametrize(("path", "params", "message"), [
    ("/api/cascade", {"date": "2025-02-30"}, "invalid date '2025-02-30': day is out of range for month (expected "
                                             "YYYY-MM-DD)"),
    ("/api/cascade", {"seed": "-1", "draws": "5"}, "seed must be between 0 and 9,223,372,036,854,775,807 (got -1)"),
    ("/api/cascade", {"draws": "10000000000000"}, "draws must be between 1 and 10,000 (got 10000000000000)"),
    ("/api/cascade", {"place": "kursk\x1boblast"}, "the place 'kursk\\x1boblast' has U+001B ESCAPE, a control "
                                                   "character: write the text as it is to be shown"),
    ("/api/cascade", {"set_strength": "nato_1949:Art. 5=S1"},
     "what-if: nato_1949 has no article 'Art. 5' (articles: 4, 5); 'Art. 5' is article '5': write '5'"),
    ("/api/cascade", {"remove_member": ["nato_1949:POL", "nato_1949:POL"]},
     "remove_member nato_1949:POL is given twice: give it once"),
    ("/api/war", {"id": "russia_ukraine_2022", "until": "2025-02-30"},
     "invalid date '2025-02-30': day is out of range for month (expected YYYY-MM-DD)"),
])
def test_the_web_refuses_the_second_sweeps_inputs_with_a_4xx(api_client: TestClient, path: str,
                                                             params: dict[str, Any], message: str) -> None:
    base = {"attacker": "RUS", "target": "EST", "date": "2025-06-01"} if path == "/api/cascade" else {}
    r = api_client.get(path, params={**base, **params})
    assert r.status_code == 422 and r.json() == {"ok": False, "error": message, "status": 422}, r.text


GONE = ("German Democratic Republic (COW265) is not a member of the state system on 2025-06-01 (a member 1954-03-25–"
        "1990-10-02; did you mean Germany (DEU), a member since 1990-10-03?); it cannot be a party then")


@pytest.mark.needs_data
@pytest.mark.parametrize(("args", "message"), [
    ([*CASCADE, "--add-member", "nato_1949:GDR"], f"--add-member nato_1949:GDR: {GONE}"),
    (["compare", *CASCADE[1:], "--add-member", "nato_1949:GDR"], f"--add-member nato_1949:GDR: {GONE}"),
    (["atlas", "-d", "1960-06-01", "--add-member", "nato_1949:EST", "--out", "a.csv"],
     "--add-member nato_1949:EST: Estonia (EST) is not a member of the state system on 1960-06-01 (a member "
     "1918-02-24–1940-06-16 and since 1991-09-06); it cannot be a party then"),
])
def test_a_member_added_that_is_no_state_on_the_date_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                args: list[str], message: str) -> None:
    """Session 59's sweep: `--add-member nato_1949:GDR` on 2025-06-01 made the German Democratic Republic, gone from
    the state system in 1990, join Estonia's defence ("war size: 37 -> 38"), and the atlas ran Estonia as NATO's in
    1960, where an attacker or a target that is no state on the date is refused (`state_lists.non_member`)."""
    monkeypatch.chdir(tmp_path)
    assert error_line(args) == message
    assert not list(tmp_path.iterdir())  # the atlas wrote nothing
    code, _, err = cli_line(["compare", *CASCADE[1:], "--add-member", "nato_1949:UKR"])  # a state then still joins
    assert code == 0, err


@pytest.mark.needs_data
def test_the_web_refuses_a_member_added_that_is_no_state_on_the_date(api_client: TestClient) -> None:
    r = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "EST", "date": "2025-06-01",
                                               "add_member": "nato_1949:GDR"})
    assert r.status_code == 422 and r.json()["error"].endswith(f"nato_1949:GDR: {GONE}"), r.text


def test_a_member_added_to_a_treaty_not_yet_in_force_is_said_not_to_touch_the_scenario() -> None:
    """`--add-member nato_1949:EST` on 1930-06-01 (no `joined`: from NATO's entry into force, 1949-08-24) ran as the
    world unchanged with no word, where the same change with a later `joined` is said not to touch the scenario."""
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "POL", "-d", "1930-06-01", "--add-member",
                               "nato_1949:EST", "--json"])
    assert code == 0, err
    assert ("--add-member nato_1949:EST takes effect only from 1949-08-24, after the scenario's date (1930-06-01): "
            "this what-if change does not touch the scenario") in json.loads(out)["notes"]


@pytest.mark.parametrize(("war", "out"), [("w.csv", "w.csv"), ("w.csv", "./w.csv"), ("link.csv", "w.csv")])
def test_a_wars_table_never_replaces_the_war_file_it_replays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             war: str, out: str) -> None:
    """`foedus war w.csv --out w.csv --force` (a war file of YAML, named as a table) replaced the war file with the
    table it replayed, where `--treaties t.csv --out t.csv` is refused (`outputs.own_inputs.refuse_input`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.csv").write_text(WAR_ONE_ATTACK, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("w.csv")
    assert error_line(["war", war, "--out", out, "--force"]) == (
        f"the war file {war} is the --out file too: the table would replace the war it replays; give each its own "
        "file")
    assert (tmp_path / "w.csv").read_text(encoding="utf-8") == WAR_ONE_ATTACK
    code, _, err = cli_line(["war", "w.csv", "--out", "table.csv"])
    assert code == 0 and (tmp_path / "table.csv").is_file(), err


def test_build_dyads_refuses_what_is_no_world_no_options_or_no_function(world: World) -> None:
    """`build_dyads(None, options)`, `build_dyads(world, None)` or a dict of options, and a `progress` that is no
    function, were AttributeErrors (or, for `progress`, a TypeError once a year was done); a reference day of
    `(True, 1)` was read as 1 January."""
    from foedus.research.dyads import DyadOptions, build_dyads

    options = DyadOptions(2000, 2000, covariates=False)
    assert refusal(build_dyads, None, options) == (
        "source: expected a foedus.World or its state registry (World.states), not nothing")
    assert refusal(build_dyads, world, {"first": 2000, "last": 2000}) == (
        "options: expected a DyadOptions(first, last, ...), not a mapping")
    assert refusal(build_dyads, world.states, options, progress=5) == (
        "progress: expected a function of the years done, or None, not 5")
    assert refusal(DyadOptions, 2000, 2000, reference_day=(True, 1)) == (
        "reference_day (True, 1) is not a (month, day) of every year")
    assert len(build_dyads(world.states, options)) > 0


@pytest.mark.needs_data
def test_a_state_no_member_on_the_ongoing_since_day_is_named_as_on_the_scenarios_day() -> None:
    """`--ongoing-since 1991-09-05` with Estonia the target said "EST is not a member of the state system on
    1991-09-05", by a check of its own: it now says it in the words a cascade's own date is refused in
    (`state_lists.non_member`), naming the state and its role."""
    assert error_line([*CASCADE, "--ongoing-since", "1991-09-05"]) == (
        "target Estonia (EST) is not a member of the state system on 1991-09-05 (a member 1918-02-24–1940-06-16 and "
        "since 1991-09-06), the day the attacks are ongoing since")
    assert error_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-06-01", "--ongoing-since", "1991-08-01"]) == (
        "attacker Ukraine (UKR) is not a member of the state system on 1991-08-01 (a member since 1991-12-26), the day "
        "the attacks are ongoing since")
