"""An overlay file that changes nothing is refused alike by every command that reads one, in one line naming it:
`cascade --overlay` ran it as the world unchanged (exit 0) while `compare --overlay` said "nothing to compare: give
--date2 or a what-if change", naming neither the file nor its empty list. So is a change that sets an article to
what it says already."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import cli_line, error_line

RUN = ["-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


@pytest.mark.parametrize("text", ["changes: []\n", "name: nothing\n", "{}\n"])
@pytest.mark.parametrize("command", ["cascade", "compare"])
def test_an_overlay_of_no_change_is_refused_by_cascade_and_compare(tmp_path: Path, command: str, text: str) -> None:
    overlay = tmp_path / "none.yaml"
    overlay.write_text(text, encoding="utf-8")
    assert error_line([command, *RUN, "--overlay", str(overlay)]) == (
        f"{overlay}: the overlay changes nothing (its list of changes is empty or missing): list a change, or leave "
        "the overlay out")


@pytest.mark.parametrize("command", ["cascade", "compare"])
def test_an_overlay_with_a_change_is_still_read(tmp_path: Path, command: str) -> None:
    overlay = tmp_path / "drop.yaml"
    overlay.write_text("changes:\n  - {op: drop_treaty, treaty: nato_1949}\n", encoding="utf-8")
    code, out, err = cli_line([command, *RUN, "--overlay", str(overlay), "--json"])
    assert code == 0, err
    assert out.startswith("{")


@pytest.mark.parametrize("command", ["cascade", "compare"])
def test_an_article_set_to_what_it_says_already_is_refused(command: str) -> None:
    """NATO's Art. 5 is S2: `--set-strength nato_1949:5=S2` ran as the world unchanged, exit 0 (compare: 'no change
    in who joins', as if the strength did not matter), the change never made."""
    assert error_line([command, *RUN, "--set-strength", "nato_1949:5=S2"]) == (
        "--set-strength nato_1949:5=S2 changes nothing: nato_1949 says so already")
