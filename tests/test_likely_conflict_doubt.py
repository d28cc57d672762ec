"""`foedus cascade --likelihood` named the joiners whose duty rests on facts not verified, but not the states bound both
ways (conflicts) whose clashing duties do, though the model reads their binding from those duties as from verified
ones: Ukraine's attack on Russia on 2025-06-01 leaves Armenia bound both ways under rus_arm_1997 art. 2 and csto_1992
art. 4 (its CSTO membership is doubted from 12 June 2024: unverified). A second warning now names them, by the
provision of each doubted duty, and the plain cascade's conflict line says which of its duties rest on such facts,
with each duty's certainty as the JSON record carries it (`Conflict.doubted`). The draws' note, which names the
joiners whose duty the honour model weighs as a verified one, names them too (a draw that drops one side's duty
sends the state to the other side)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

import foedus
from foedus.cited import cited
from foedus.cli.app import app
from foedus.engine.result import CascadeResult
from foedus.render import explain_text

pytestmark = pytest.mark.needs_data

ARGS = ("UKR", "RUS", "2025-06-01")
WORDS = "bound both ways (a conflict) rest on a conflict's duty on facts not verified"


def _warning(warnings: list[str] | tuple[str, ...]) -> str:
    (said,) = [w for w in warnings if WORDS in w]
    return said


def test_a_conflicts_duty_on_unverified_facts_is_warned_of_by_provision() -> None:
    result = foedus.cascade(*ARGS, likelihood=True)
    assert result.likelihood is not None
    (armenia,) = [c for c in result.conflicts if c.state == "ARM"]
    unverified = [o for o in armenia.obligations if o.certainty == "unverified"]
    assert {o.treaty for o in unverified} >= {"rus_arm_1997", "csto_1992"}
    said = _warning(result.likelihood.warnings)
    doubted = {c.state for c in result.conflicts if any(d.certainty != "verified" for d in (*c.obligations,
                                                                                           *c.neutral))}
    assert said.startswith(f"the numbers of {len(doubted)} state")
    for c in result.conflicts:
        for d in (*c.obligations, *c.neutral):
            provision = f"{result.names.get(c.state, c.state)} ({c.state}) under {cited(d.treaty, d.article)}"
            assert (provision in said) is (d.certainty != "verified")
    assert said.count(f"under {cited('csto_1992', '4')}") == 1  # each provision once, each state once under it


def test_a_conflict_on_verified_duties_is_not_named() -> None:
    result = foedus.cascade(*ARGS)
    firm = tuple(replace(c, obligations=tuple(replace(o, certainty="verified") for o in c.obligations),
                         neutral=tuple(replace(n, certainty="verified") for n in c.neutral))
                 for c in result.conflicts)
    assert result.doubted_conflicts() and not replace(result, conflicts=firm).doubted_conflicts()
    assert "resting on facts not verified" not in explain_text(replace(result, conflicts=firm))


def test_the_plain_cascade_tags_a_conflicts_doubted_duties() -> None:
    result = foedus.cascade(*ARGS)
    (line,) = [x for x in explain_text(result).splitlines() if x.startswith("Conflict: Armenia (ARM)")]
    (armenia,) = [c for c in result.conflicts if c.state == "ARM"]
    tagged = dict.fromkeys(f"{cited(d.treaty, d.article)} ({d.certainty} facts)"
                           for d in (*armenia.obligations, *armenia.neutral) if d.certainty != "verified")
    assert "rus_arm_1997 art. 2 (unverified facts)" in tagged
    assert line.endswith(f"it is counted on neither side; its duties resting on facts not verified: "
                         f"{', '.join(tagged)}")


def test_the_json_carries_the_warning_and_each_duty_its_certainty() -> None:
    done = CliRunner().invoke(app, ["cascade", "-a", ARGS[0], "-t", ARGS[1], "-d", ARGS[2], "--likelihood", "--json"])
    assert done.exit_code == 0, done.output
    said = json.loads(done.output)
    (armenia,) = [c for c in said["conflicts"] if c["state"] == "ARM"]
    assert {o["treaty"] for o in armenia["obligations"] if o["certainty"] == "unverified"} >= {"rus_arm_1997",
                                                                                                 "csto_1992"}
    assert all(o["certainty_reasons"] for o in armenia["obligations"] if o["certainty"] != "verified")
    warned = _warning(said["likelihood"]["warnings"])
    assert "Armenia (ARM) under rus_arm_1997 art. 2" in warned and "Armenia (ARM) under csto_1992 art. 4" in warned


def test_a_plain_cascade_does_not_look_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(self: CascadeResult) -> list[object]:
        raise AssertionError("a plain cascade looked for the conflicts on unverified facts")

    monkeypatch.setattr(CascadeResult, "doubted_conflicts", never)
    assert foedus.cascade(*ARGS).conflicts
    with pytest.raises(AssertionError, match="looked for"):
        foedus.cascade(*ARGS, likelihood=True)


def test_the_draws_note_names_a_conflicts_doubted_duty_too() -> None:
    result = foedus.cascade(*ARGS, draws=20, seed=1)
    (note,) = [n for n in result.notes if n.startswith("the draws weigh a duty")]
    conflicts = [c for c in result.conflicts if c.doubted()]
    assert conflicts and all(f"{result.names.get(c.state, c.state)} ({c.state})" in note for c in conflicts)
    assert "; bound both ways, by a conflict's duty: Armenia (ARM))" in note
    joiners = {j.state for j in result.joiners if j.primary.certainty != "verified"}
    assert joiners and all(f"({s})" in note.split("; bound both ways")[0] for s in joiners)
