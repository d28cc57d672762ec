"""The last places a duty was cited without its instrument: a violation's record carried none, so the "Violation: "
line and the web network's violation tie read a political statement's non-aggression clause as a treaty's; a war's
frame kept a conflict's reason and treaties only, so its "Why?" (`foedus war --state`, the web's conflictWhy) named
treaty ids bare; the web's CSV left a conflict's and a violation's `instrument` empty; and the likelihood's warning
cited a doubted joiner's provision without its instrument. Each now says an instrument that is not a treaty as a
joiner's line does (`foedus.cited.instrument_said`). No curated instrument that is not a treaty has such clauses, so
the duties come from treaty files given with --treaties: China attacking Mongolia on 2025-06-01 breaks a political
statement's non-aggression clause, binds Bhutan both to join (a political statement's offence clause) and not to
join (a forum's neutrality clause), and binds Mauritius to join Mongolia under an executive order on secondary
facts."""

from __future__ import annotations

import io
from csv import reader
from pathlib import Path
from typing import Any

import pytest

from samples import cli_line, treaty_files
from ts_said import run_ts

# id: (instrument, members, kind, article, strength, certainty)
FILES = {
    "stmt_nonagg": ("political_statement", "CHN MNG", "nonaggression", "2", "S4", "verified"),
    "off_stmt": ("political_statement", "CHN BTN", "offense", "3", "S2", "verified"),
    "forum_neutral": ("forum", "MNG BTN", "neutrality", "6", "S4", "unverified"),
    "eo_mus": ("executive_order", "MNG MUS", "defense", "EO", "S2", "secondary"),
}
BHUTAN = ("bound both to join and not to join the war against Mongolia (MNG) under forum_neutral (a forum, not a "
          "treaty), off_stmt (a political statement, not a treaty)")
WAR = "id: t\nname: t\nend: 2025-06-30\nevents:\n  - {type: attack, date: 2025-06-01, attacker: CHN, victim: MNG}\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return treaty_files(tmp_path_factory.mktemp("files"), FILES)


@pytest.fixture(scope="module")
def result(files: list[Path]) -> Any:
    import foedus
    from foedus.model.world import World

    return foedus.cascade("CHN", "MNG", "2025-06-01", world=World.load(files))


def test_the_violation_line_says_its_instrument(files: list[Path]) -> None:
    ran = cli_line(["cascade", "-a", "CHN", "-t", "MNG", "-d", "2025-06-01",
                    *(arg for p in files for arg in ("--treaties", str(p)))])
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())  # the tree wraps its lines
    assert ("Violation: China (CHN) attacks Mongolia (MNG) despite stmt_nonagg art. 2 (nonaggression) (a political "
            "statement, not a treaty)") in text


def test_a_violations_record_and_the_webs_tie_and_csv_say_its_instrument(result: Any) -> None:
    (violation,) = [v for v in result.violations if v.treaty == "stmt_nonagg"]
    assert violation.to_dict()["instrument"] == "political_statement"  # the JSON contract
    r = result.to_dict()
    ties, csv = run_ts([("ties", "tiesOf", [r]), ("csv", "csvOf", [r, {"$lookup": result.names}])])
    assert {"kind": "violation", "from": "CHN", "to": "MNG",
            "label": "violates nonaggression: stmt_nonagg art. 2 (a political statement, not a treaty)"} in [
        {k: t[k] for k in ("kind", "from", "to", "label")} for t in ties]
    rows = list(reader(io.StringIO(csv)))
    state, role, column = (rows[0].index(c) for c in ("state", "role", "instrument"))
    said = {(row[state], row[role]): row[column] for row in rows[1:] if row[role] in ("violation", "conflict")}
    assert said[("CHN", "violation")] == "political_statement"
    assert said[("BTN", "conflict")] == "forum political_statement"  # its treaties' order: forum_neutral off_stmt


def test_the_likelihood_warning_cites_a_doubted_joiners_instrument(result: Any) -> None:
    from foedus.likely.attach import _doubted

    (said,) = [w for w in _doubted(result) if w.startswith("the likelihoods of ") and " joiner" in w.split(":")[0]]
    assert "Mauritius (MUS) under eo_mus EO (an executive order, not a treaty)" in said


def test_a_wars_conflict_why_says_its_instruments(files: list[Path], tmp_path: Path) -> None:
    """The frame carries each treaty's instrument beside its treaties; `foedus war --state`'s line and the web's
    conflictWhy say them as the conflict's line does."""
    from foedus.api import replay_war
    from foedus.model.world import World
    from foedus.war.why import conflict_why, why_on

    (tmp_path / "war.yaml").write_text(WAR, encoding="utf-8")
    world = World.load(files)
    replay = replay_war(tmp_path / "war.yaml", world=world)
    frame = replay.frame_on(replay.frames[-1].date)
    assert frame.to_dict()["conflicted"]["BTN"]["instruments"] == {"forum_neutral": "forum",
                                                                   "off_stmt": "political_statement"}
    day = frame.date.isoformat()
    line = why_on(replay, world, "BTN", frame.date)
    assert line == f"Bhutan (BTN): {BHUTAN[:1].upper()}{BHUTAN[1:]}".replace(" under ", f" on {day} under ", 1) \
        + "; counted on neither side."
    (web,) = run_ts([("wording", "conflictWhy", [frame.to_dict()["conflicted"]["BTN"], day])])
    assert web == conflict_why(frame.conflicted["BTN"], day) == line.removeprefix("Bhutan (BTN): ")
