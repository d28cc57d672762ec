"""`foedus cascade --likelihood` warned that a joiner's binding rests on facts not verified only for a state COW does
not list (Palestine), though every joiner whose duty rests on such a fact (Lebanon's Arab League membership, marked
unverified) has its numbers read from that binding as from any other. Each now gets a warning naming the treaty and
each fact, found as the draws' note finds them (`CascadeResult.doubted`), and only when the likelihood is asked."""

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


def _warning(warnings: list[str] | tuple[str, ...], result: CascadeResult, state: str) -> str:
    (said,) = [w for w in warnings if w.startswith(f"{result.names.get(state, state)} ({state})'s numbers rest on")]
    return said


def test_every_joiner_on_unverified_facts_is_warned_of_naming_its_treaty_and_facts() -> None:
    result = foedus.cascade(*ARGS, likelihood=True)
    assert result.likelihood is not None
    doubted = [j for j in result.joiners if j.primary.certainty != "verified"]
    assert any(j.ccode is not None for j in doubted)  # a state COW lists (it was warned of only when unlisted)
    for j in doubted:
        said = _warning(result.likelihood.warnings, result, j.state)
        assert cited(j.primary.treaty, j.primary.article) in said
        assert all(r.fact in said for r in j.primary.certainty_reasons if r.certainty != "verified")
    verified = [j.state for j in result.joiners if j.primary.certainty == "verified"]
    assert not any(f"({s})'s numbers rest on" in w for s in verified for w in result.likelihood.warnings)


def test_the_json_carries_the_warning() -> None:
    done = CliRunner().invoke(app, ["cascade", "-a", ARGS[0], "-t", ARGS[1], "-d", ARGS[2], "--likelihood", "--json"])
    assert done.exit_code == 0, done.output
    said = json.loads(done.output)
    lebanon = [j for j in said["joiners"] if j["state"] == "LBN"]
    assert lebanon and lebanon[0]["certainty"] != "verified"
    assert any(w.startswith("Lebanon (LBN)'s numbers rest on facts not verified") and "arab_jdec_1950" in w
               for w in said["likelihood"]["warnings"])


def test_a_plain_cascade_does_not_look_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(self: CascadeResult) -> list[object]:
        raise AssertionError("a plain cascade looked for the joiners on unverified facts")

    monkeypatch.setattr(CascadeResult, "doubted", never)
    assert foedus.cascade(*ARGS).joiners  # runs without asking
    with pytest.raises(AssertionError, match="looked for"):
        foedus.cascade(*ARGS, likelihood=True)
