"""A treaty member's note (Palestine's Arab League row: how it was admitted, and that its status under the treaty
is not verified) did not reach the "is a party (not verified)" line that the cascade prints for that membership:
the line said the membership is doubted but not why. The row's note now follows the fact, in the text and the JSON
(`foedus.engine.certainty_words.membership_fact`, the line's one source)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import foedus
from foedus.cli.app import app
from foedus.engine.certainty_words import membership_fact
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


def _palestine() -> tuple[str, str]:
    """Palestine's row in the Arab League treaty: its note, and the fact its line gives, the note aside."""
    (row,) = [m for m in World.default().treaties["arab_jdec_1950"].members if m.state == "PSE"]
    assert row.certainty != "verified" and row.note
    return row.note, "arab_jdec_1950: Palestine (PSE) is a party (not verified)"


def test_the_membership_fact_carries_the_rows_note() -> None:
    note, fact = _palestine()
    result = foedus.cascade("ISR", "EGY", "2024-01-01")
    joiner = result.joiner("PSE")
    assert joiner is not None
    assert f'{fact}, noted: "{note}"' in [r.fact for r in joiner.primary.certainty_reasons]


def test_a_row_with_no_note_says_the_fact_alone() -> None:
    world = World.default()
    treaty = world.treaties["arab_jdec_1950"]
    row = next(m for m in treaty.members if m.state == "PSE").model_copy(update={"note": None})
    (reason,) = membership_fact(treaty, row, world.states.names)
    assert reason.fact == _palestine()[1]


def test_the_text_and_the_json_say_it() -> None:
    note, fact = _palestine()
    args = ["cascade", "-a", "ISR", "-t", "EGY", "-d", "2024-01-01"]
    text = CliRunner().invoke(app, args)
    assert text.exit_code == 0, text.output
    assert f'{fact}, noted: "{note}"' in " ".join(text.output.replace("│", " ").split())
    done = CliRunner().invoke(app, [*args, "--json"])
    assert done.exit_code == 0, done.output
    (pse,) = [j for j in json.loads(done.output)["joiners"] if j["state"] == "PSE"]
    assert any(r["fact"] == f'{fact}, noted: "{note}"' for r in pse["certainty_reasons"])
