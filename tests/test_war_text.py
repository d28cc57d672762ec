"""Every change record of a war replay's JSON carries its `text`: the change as `foedus war` prints it, each state
named ("Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast"), made by the one function the CLI uses
(foedus.war.words.change_text), so that the web map shows it as is instead of wording it again in TypeScript."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

import foedus
from foedus.war.bundled import bundled_wars
from foedus.war.render import _move_words, print_replay
from foedus.war.words import bound_duty, side_words
from foedus.wording import named_state


def _causes(replay: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every `cause` the JSON holds: moves', spells', first obligations', duties' and conflicts'."""
    for f in replay["frames"]:
        yield from (m["cause"] for m in f["moved"] if m["cause"])
    for r in replay["states"]:
        causes = [s["cause"] for s in r["spells"]] + [t["cause"] for t in r["triggered"]]
        causes += [(r["first_bound"] or {}).get("cause"), (r["conflict"] or {}).get("cause")]
        yield from (c for c in causes if c)


@pytest.mark.parametrize("war", sorted(bundled_wars()))
def test_each_change_carries_the_cli_s_words(war: str, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    result = foedus.replay_war(war)
    replay = result.to_dict()
    changes = [c for f in replay["frames"] for c in f["changes"]]
    assert changes and all(isinstance(c.get("text"), str) and c["text"] for c in changes)
    assert all(list(c).index("text") == list(c).index("label") + 1 for c in changes)  # beside the label
    causes = list(_causes(replay))
    assert causes and all(c in changes for c in causes)  # a cause is one of the frames' records, text and all
    # the CLI's timeline prints each move with its cause's words: the JSON's `text` is what it prints there
    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(result)
    printed = capsys.readouterr().out.splitlines()
    frames = replay["frames"]
    for i, f in enumerate(frames):
        names = result.names_on(f["date"])
        sides = side_words(replay["war"]["leads"], names, f["sides"])  # each side by its lead states fighting that day
        for m in f["moved"]:
            if m["cause"]:  # a binding as the duty it is: the day before's left, the day's entered
                was, now = (bound_duty(fr["bound"].get(m["state"]), names) for fr in (frames[max(i - 1, 0)], f))
                said = _move_words(m, sides, was if i else None, now)
                head = f"  {named_state(m['state'], replay['names'])}: {said}  ({m['cause']['text']}"
                assert any(line.startswith(head) for line in printed), head
    if war == "russia_ukraine_2022":
        texts = {c["text"] for c in changes}
        assert "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast" in texts  # its place by name; its id in the label
        assert "UKR attacks RUS (kursk-oblast)" in {c["label"] for c in changes}
        # an ATOP alliance a correction names: by its title with its id, as the rows and the page cite it; its label
        # keeps the id alone (the war log said "becomes a party to atop_3755" where the page says its title)
        titled = [c for c in changes if c["label"] == "ARE becomes a party to atop_3755"]
        assert titled and titled[0]["text"] == ("United Arab Emirates (ARE) becomes a party to atop_3755 (Treaty of "
                                                "Amity and Cooperation in Southeast Asia, 1976)")


@pytest.mark.parametrize("handed", ["the cascade's", "none"])
def test_the_ongoing_since_lines_say_each_cause_in_its_record_s_text(handed: str, capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus cascade --ongoing-since` prints each bound state's cause in the words its JSON record carries (`text`,
    made by the replay with its names, which the web map shows), not worded again from the names print_ongoing is
    handed (the cascade's): one source, so the two cannot say a change apart. With no names handed, the states on
    the lines are ids, and the causes are still the records' words (they used to become "UKR attacks RUS ...")."""
    from foedus.war.render import print_ongoing

    kursk = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    assert kursk.ongoing is not None
    bound = {s: b for s, b in kursk.ongoing["bound_since"].items() if b["cause"]}
    assert "PRK" in bound and any("Ukraine (UKR)" in b["cause"]["text"] for b in bound.values())  # the attack
    names = kursk.names if handed == "the cascade's" else {}
    monkeypatch.setenv("COLUMNS", "2000")
    print_ongoing(kursk.ongoing, names)
    printed = capsys.readouterr().out.splitlines()
    for state, b in bound.items():
        head = f"  {named_state(state, names)}: {b['since']} ("
        assert any(line.startswith(head) and f" — {b['cause']['text']}" in line for line in printed), (state, printed)


def test_a_state_still_bound_by_another_treaty_is_said_to_be(capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Belarus, bound to Russia's side since the Kursk incursion, is bound by rus_blr_2024 from its entry into force:
    the timeline said "bound-attack → bound-attack", a move that reads as none; it says the treaty it is now under."""
    result = foedus.replay_war("russia_ukraine_2022")
    moves = [m for f in result.frames if f.date.isoformat() == "2025-03-13" for m in f.moved if m["state"] == "BLR"]
    assert moves and moves[0]["from"] == moves[0]["to"] == "bound-attack"
    assert moves[0]["now_under"] == "rus_blr_2024 art. 4 (secondary: article)"  # tagged as the binding's line is
    assert all("now_under" not in m for f in result.frames for m in f.moved if m["from"] != m["to"])
    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(result)
    out = capsys.readouterr().out
    assert ("Belarus (BLR): still bound to defend Russia (RUS) against Ukraine (UKR), now under rus_blr_2024 art. 4 "
            "(secondary: article)  (rus_blr_2024 enters into force)") in out
    assert "bound-attack → bound-attack" not in out


def test_the_timeline_says_a_binding_as_the_side_it_binds_to(capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The states bound to defend Russia after Ukraine's Kursk attack moved "out → bound-attack", read as "bound to
    attack": the text says the duty a binding is, whom it defends against whom (it said the side of the war's first
    states); the JSON keeps its statuses (a contract)."""
    result = foedus.replay_war("russia_ukraine_2022")
    moves = [m for f in result.frames for m in f.moved if m["state"] == "PRK"]
    assert moves and moves[0]["to"] == "bound-attack"  # the JSON's status
    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(result)
    out = capsys.readouterr().out
    assert ("North Korea (PRK): out → bound to defend Russia (RUS) against Ukraine (UKR)  (rus_prk_2024 enters into "
            "force)") in out
    assert ("Kazakhstan (KAZ): out → bound to defend Russia (RUS) against Ukraine (UKR)  (Ukraine (UKR) attacks "
            "Russia (RUS) at ") in out
    assert not [line for line in out.splitlines() if "bound-attack" in line or "bound-defense" in line]
    assert _move_words({"from": "bound-defense", "to": "conflict"}) == "bound to join the defense side → bound " \
                                                                        "both ways (a conflict)"


@pytest.mark.parametrize("war", sorted(bundled_wars()))
def test_the_text_reads_each_states_duties_as_its_json_says_them(war: str) -> None:
    """`foedus war`'s "other duties" read each state's record through `_duty_record`, not its whole JSON form: what
    it gives is that JSON's (`StateRecord.to_dict`, which the web's dutyLines reads), and duty_lines says the same
    lines of either, for every state of every bundled war."""
    from foedus.model.states import StateRegistry
    from foedus.war.render import _duty_record
    from foedus.war.words import duty_lines

    names_on = StateRegistry.load().names_on
    records = foedus.replay_war(war).ordered()
    said = 0
    for r in records:
        full, read = r.to_dict(), _duty_record(r)
        assert read["first_bound"] == ({k: full["first_bound"][k] for k in ("date", "treaty")}
                                       if full["first_bound"] else None)
        assert {k: v for k, v in read.items() if k != "first_bound"} == {k: full[k] for k in read if k != "first_bound"}
        lines = duty_lines(read, lambda day: names_on(dt.date.fromisoformat(day)))
        assert lines == duty_lines(full, lambda day: names_on(dt.date.fromisoformat(day)))
        said += len(lines)
    assert said, war  # not a comparison of nothing


def test_the_text_says_what_its_sides_are() -> None:
    """iran_2026's table said "Egypt (EGY) ... attack: arab_jdec_1950 art. 2" with nothing saying whose side "attack"
    is: a reader took it for Iran's, the state that struck Egypt's allies; it is the side of the war's first attack,
    Israel's and the United States'. The text says so under its title (`foedus.war.words.sides_said`)."""
    from samples import cli_line

    code, out, err = cli_line(["war", "iran_2026", "--no-timeline"], env={"COLUMNS": "300"})
    assert code == 0, err
    assert out.splitlines()[1] == ("sides: attack is the side of the war's first attack, by United States (USA) and "
                                   "Israel (ISR); defense is the side of its target, Iran (IRN)"), out[:600]
