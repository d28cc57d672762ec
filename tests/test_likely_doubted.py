"""`foedus cascade --likelihood` warned that a joiner's binding rests on facts not verified only for a state COW does
not list (Palestine), though every joiner whose duty rests on such a fact (Lebanon's Arab League membership, marked
unverified) has its numbers read from that binding as from any other. One warning now names them all, by provision,
found as the draws' note finds them (`CascadeResult.doubted`), and only when the likelihood is asked; the facts are
named once, with each joiner's duty."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import foedus
from foedus.cited import cited
from foedus.cli.app import app
from foedus.engine.result import CascadeResult

pytestmark = pytest.mark.needs_data

ARGS = ("ISR", "EGY", "2024-01-01")


def _warning(warnings: list[str] | tuple[str, ...]) -> str:
    (said,) = [w for w in warnings if "rest on facts not verified" in w]
    return said


def test_every_joiner_on_unverified_facts_is_warned_of_with_its_treaty() -> None:
    result = foedus.cascade(*ARGS, likelihood=True)
    assert result.likelihood is not None
    doubted = [j for j in result.joiners if j.primary.certainty != "verified"]
    assert any(j.ccode is not None for j in doubted)  # a state COW lists (it was warned of only when unlisted)
    said = _warning(result.likelihood.warnings)
    assert said.startswith(f"the likelihoods of {len(doubted)} joiners rest on facts not verified")
    for j in doubted:
        assert f"{result.names.get(j.state, j.state)} ({j.state})" in said
        assert cited(j.primary.treaty, j.primary.article) in said
        assert any(r.certainty != "verified" for r in j.primary.certainty_reasons)  # its facts, named with its duty


def test_verified_joiners_are_not_named() -> None:
    """The flagship's second date: North Korea's duty is verified, the CSTO states' rest on secondary facts (Russia
    attacking Estonia had both until the EU neutrals, its unverified joiners, were withheld: aid, not a side)."""
    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", likelihood=True)
    assert result.likelihood is not None
    doubted = {j.state for j in result.joiners if j.primary.certainty != "verified"}
    verified = {j.state for j in result.joiners} - doubted
    assert doubted and verified
    said = _warning(result.likelihood.warnings)
    assert all(f"({s})" in said for s in doubted)
    assert not any(f"({s})" in said for s in verified)


def test_the_json_carries_the_warning() -> None:
    done = CliRunner().invoke(app, ["cascade", "-a", ARGS[0], "-t", ARGS[1], "-d", ARGS[2], "--likelihood", "--json"])
    assert done.exit_code == 0, done.output
    said = json.loads(done.output)
    lebanon = [j for j in said["joiners"] if j["state"] == "LBN"]
    assert lebanon and lebanon[0]["certainty"] != "verified"
    warned = _warning(said["likelihood"]["warnings"])
    assert "Lebanon (LBN)" in warned and "arab_jdec_1950" in warned


def test_a_plain_cascade_does_not_look_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(self: CascadeResult) -> list[object]:
        raise AssertionError("a plain cascade looked for the joiners on unverified facts")

    monkeypatch.setattr(CascadeResult, "doubted", never)
    assert foedus.cascade(*ARGS).joiners  # runs without asking
    with pytest.raises(AssertionError, match="looked for"):
        foedus.cascade(*ARGS, likelihood=True)
