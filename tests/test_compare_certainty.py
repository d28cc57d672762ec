"""`foedus compare`'s lines showed no certainty: a state joining under a treaty whose facts are unverified read as
one joining under verified facts. Each gained, lost or switched entry now carries its obligation's `certainty` and
`doubted`, and its line the tag a war's binding has (`foedus.cited.bound_tag`); the web's lines alike
(tests/test_said_parity.py)."""

from __future__ import annotations

import json

import pytest

from foedus.cli.app import app
from foedus.cli.entry import run_cli

KURSK = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]


def test_a_joiner_under_secondary_facts_is_said_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, [*KURSK, "--add-member", "csto_1992:IRN"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert ("+ Iran (IRN) is bound to join the defense side (csto_1992 art. 4, S2) (secondary: article) (hypothetical: "
            "rests on the what-if change add_member csto_1992:IRN)") in lines
    assert run_cli(app, [*KURSK, "--add-member", "csto_1992:IRN", "--json"]) == 0
    gained = json.loads(capsys.readouterr().out)["gained"]
    assert [(g["state"], g["certainty"], g["doubted"]) for g in gained] == [("IRN", "secondary", ["article"])]
    assert gained[0]["rests_on_what_if"] == ["add_member csto_1992:IRN"]


def test_a_verified_joiner_is_said_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, [*KURSK, "--add-member", "rus_prk_2024:IRN"]) == 0
    line = ("+ Iran (IRN) is bound to join the defense side (rus_prk_2024 art. 4, S1) (hypothetical: rests on the "
            "what-if change add_member rus_prk_2024:IRN)")  # the what-if change's duty
    assert line in capsys.readouterr().out.splitlines()
