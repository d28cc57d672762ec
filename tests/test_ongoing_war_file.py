"""A cascade given both a war file (`war_file`, `--war-file`) and `ongoing_since` says that the ongoing replay is of
its own attacks, not of the file's events (`foedus.war.own_file.ongoing_apart`): the "since" days are the cascade's
joiners', and the file's war is replayed by `foedus war FILE`. Unsaid, the war file beside it read as if replayed."""

from __future__ import annotations

from pathlib import Path

import foedus

_WAR = """id: baltic_hypothetical
name: A hypothetical Baltic war
end: null
events:
  - {type: attack, date: 2025-02-01, attacker: RUS, victim: EST}
  - {type: attack, date: 2025-02-10, attacker: EST, victim: RUS}
"""


def _said(notes: tuple[str, ...]) -> list[str]:
    return [n for n in notes if n.startswith("the attacks ongoing since")]


def test_the_ongoing_replay_says_it_is_not_the_war_files(tmp_path: Path) -> None:
    war = tmp_path / "baltic.yaml"
    war.write_text(_WAR, encoding="utf-8")
    both = foedus.cascade("RUS", "EST", "2025-03-01", war_file=war, ongoing_since="2025-02-01")
    assert _said(both.notes) == [
        f"the attacks ongoing since 2025-02-01 are this cascade's own, replayed alone: the events of the war file "
        f"{war} (baltic_hypothetical) are not, as the joiners' 'since' days are this cascade's; "
        f"`foedus war {war} --until 2025-03-01` replays the file's war day by day"]
    assert both.ongoing is not None and both.ongoing["since"] == "2025-02-01"
    assert not _said(foedus.cascade("RUS", "EST", "2025-03-01", war_file=war).notes)  # no ongoing replay
    assert not _said(foedus.cascade("RUS", "EST", "2025-03-01", ongoing_since="2025-02-01").notes)  # no war file
