"""One duty, one wording: a neutrality duty reads "must not join the war against X" in the cascade's findings and in
the war replay's other duties, and a conflict it causes reads "bound both to join and not to join the war against
X". The replay and the conflict reason (text, JSON, API, web map) once said "stay neutral toward X" instead."""

from __future__ import annotations

import re

import pytest

import foedus
from foedus.model.world import World
from foedus.render import explain_text
from foedus.war.render import print_replay
from foedus.wording import named_state

OLD = re.compile(r"neutral toward|stay neutral", re.I)  # the second wording, gone
DAY = "2022-02-24"
NEUTRAL = "bound both to join and not to join the war against Bulgaria (BGR)"


def test_a_conflict_over_a_neutrality_duty_words_the_duty_as_the_cascade_does(world: World) -> None:
    """North Korea's escalatory attack on South Korea: states bound to join, and bound not to join against Bulgaria."""
    result = foedus.cascade("PRK", "KOR", "2025-06-01", reading="escalatory", world=world)
    reasons = {c.state: c.reason for c in result.conflicts if c.neutral}
    # every state owed neutrality on the other side is named, not only the first (Belarus owes it to four)
    assert reasons["BLR"] == NEUTRAL + ", Lithuania (LTU), Poland (POL) and Romania (ROU)"
    for c in result.conflicts:
        if c.neutral:
            assert all(named_state(n.toward, result.names) in c.reason for n in c.neutral)
    text = explain_text(result)
    lines = [line for line in text.splitlines() if line.startswith("Conflict: ") and "Bulgaria (BGR)" in line]
    assert lines and all(" is " + NEUTRAL in line for line in lines)
    assert OLD.findall(text) == [] and OLD.findall(str(result.to_dict()["conflicts"])) == []


def test_the_war_replay_words_each_neutrality_duty_as_the_cascade_does(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The cascade of Russia's attack on its first day, and the replay's first week: the same duties, one wording."""
    monkeypatch.setenv("COLUMNS", "400")  # one duty a line
    said = explain_text(foedus.cascade("RUS", "UKR", DAY, world=world))
    print_replay(foedus.replay_war("russia_ukraine_2022", until="2022-03-01", world=world), timeline=False)
    replayed = capsys.readouterr().out
    in_cascade = set(re.findall(r"^Neutral: (.+?) must not join the war against (.+?) under ", said, re.M))
    in_replay = set(re.findall(rf"^\s*(.+?): must not join the war against (.+?) from {DAY} ", replayed, re.M))
    assert in_cascade and in_cascade <= in_replay
    assert OLD.findall(said) == [] and OLD.findall(replayed) == []
