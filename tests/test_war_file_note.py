"""`foedus cascade --war-file FILE` (`foedus.cascade(war_file=)`): a war file of the user's is read as a bundled war
is for the cascade's war note (`foedus.war.notes`, `foedus.war.own_file`): checked by the war loader first (one line,
exit 2), never written to, and its replayed days cached under its content, so an edited file is never read from a
stale cache. Before, the note read only the bundled wars."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import foedus
from samples import cli_line

WAR = """id: baltic_test
name: A hypothetical Baltic war
end: null
events:
  - type: attack
    date: 2025-02-01
    attacker: RUS
    victim: EST
  - type: attack
    date: 2025-02-10
    attacker: EST
    victim: RUS
"""
CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-03-01"]


def _war(tmp_path: Path, text: str = WAR, name: str = "baltic.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _note(notes: list[str] | tuple[str, ...], wid: str = "baltic_test") -> str:
    found = [n for n in notes if f"recorded war {wid} " in n]
    assert len(found) == 1, notes
    return found[0]


def test_a_cascade_on_a_day_of_the_users_war_says_what_it_binds_besides(tmp_path: Path) -> None:
    path = _war(tmp_path)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    code, out, err = cli_line([*CASCADE, "--war-file", str(path), "--json"])
    assert code == 0, err
    note = _note(json.loads(out)["notes"])
    assert note.startswith("the attacker and the attacked state are at war on 2025-03-01 in the recorded war "
                           "baltic_test (A hypothetical Baltic war); this cascade reads this one attack only: on that "
                           "day the war also binds, on the side of Russia (RUS), from the attack of Estonia (EST) on "
                           "Russia (RUS) (2025-02-10): ")
    assert "North Korea (PRK) under rus_prk_2024 art. 4 since 2025-02-10" in note
    assert "Belarus (BLR)" in note and "csto_1992 art. 4 since 2025-02-10" in note
    assert f"(foedus war {path} --until 2025-03-01;" in note  # what replays it: the file, not an id
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before  # only read
    code, out, err = cli_line([*CASCADE, "--json"])  # without it: no recorded war of the pair
    assert code == 0, err
    assert not [n for n in json.loads(out)["notes"] if "recorded war" in n]


def test_the_python_api_reads_a_war_file_as_the_cli_does(tmp_path: Path) -> None:
    path = _war(tmp_path)
    note = _note(foedus.cascade("RUS", "EST", "2025-03-01", war_file=path).notes)
    assert "rus_prk_2024 art. 4 since 2025-02-10" in note
    assert not any("recorded war" in n for n in foedus.cascade("RUS", "EST", "2025-01-15", war_file=path).notes)


@pytest.mark.parametrize(("old", "new", "said"), [
    ("victim: EST", "victim: Narnia", "events[0].victim: unknown state 'Narnia'"),
    ("date: 2025-02-10", "date: 2025-02-30", "events[1].date: not a day of the calendar"),
    ("    victim: RUS\n", "    victim: RUS\n    place: atlantis\n", "events[1].place: unknown place 'atlantis'"),
    ("date: 2025-02-01", "date: 2025-02-01\n    until: 2025-01-01", "events[0]: until (2025-01-01) is not after"),
    ("id: baltic_test", "id: russia_ukraine_2022", "id: 'russia_ukraine_2022' is the id of a bundled war"),
    ("events:", "events: [", "invalid YAML"),
    ("attacker: RUS\n    victim: EST", "attacker: EST\n    victim: EST", "EST cannot attack itself"),
])
def test_a_war_file_that_cannot_be_believed_is_refused_in_one_line(tmp_path: Path, old: str, new: str,
                                                                   said: str) -> None:
    assert old in WAR
    path = _war(tmp_path, WAR.replace(old, new, 1))
    code, out, err = cli_line([*CASCADE, "--war-file", str(path)])
    assert code == 2 and not out
    assert err.startswith(f"error: {path}: ") and said in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("given", ["missing.yaml", "."])
def test_a_war_file_that_is_not_there_or_a_folder_is_refused(tmp_path: Path, given: str) -> None:
    code, _, err = cli_line([*CASCADE, "--war-file", str(tmp_path / given)])
    assert code == 2 and err.startswith("error: ") and "cannot read war file" in err, err


def test_a_scenario_file_that_would_not_carry_the_war_file_is_not_saved(tmp_path: Path) -> None:
    path = _war(tmp_path)
    code, _, err = cli_line([*CASCADE, "--war-file", str(path), "--save-scenario", str(tmp_path / "s.yaml")])
    assert code == 2 and "--save-scenario: --war-file names a file of yours" in err, err
    assert not (tmp_path / "s.yaml").exists()


def test_an_edited_war_file_is_replayed_anew_not_read_from_its_cache(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The replayed days are cached under the file's bytes: an edit that keeps its size and time (a stat-keyed cache
    would miss it) is another key."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(cache))
    path = _war(tmp_path)
    first = _note(foedus.cascade("RUS", "EST", "2025-03-01", war_file=path).notes)
    assert "since 2025-02-10" in first and "since 2025-02-20" not in first
    assert list(cache.rglob("war-days-file-*"))  # kept in the user cache
    stat = path.stat()
    path.write_text(WAR.replace("2025-02-10", "2025-02-20"), encoding="utf-8")  # the same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    assert path.stat().st_size == stat.st_size
    second = _note(foedus.cascade("RUS", "EST", "2025-03-01", war_file=path).notes)
    assert "since 2025-02-20" in second and "since 2025-02-10" not in second
    path.write_text(WAR, encoding="utf-8")  # back to the first: its cached days serve, alike
    assert _note(foedus.cascade("RUS", "EST", "2025-03-01", war_file=path).notes) == first


def test_a_bundled_wars_own_file_is_noted_once(tmp_path: Path) -> None:
    from foedus.war.bundled import bundled_wars

    bundled = bundled_wars()["russia_ukraine_2022"]
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-15", "--war-file", str(bundled),
                               "--json"])
    assert code == 0, err
    assert len([n for n in json.loads(out)["notes"] if "recorded war" in n]) == 1
