"""`foedus cascade --likelihood` named the joiners whose duty rests on facts not verified, but not the states bound both
ways (conflicts) whose clashing duties do, though the model reads their binding from those duties as from verified ones:
Ukraine's attack on Russia on 2025-12-01 leaves Armenia bound both ways under rus_arm_1997 art. 2 and csto_1992 art. 4
(its CSTO membership is doubted from 12 June 2024: secondary, and unverified from 25 Nov 2025). A second warning now
names them, by the provision of each doubted duty, and the plain cascade's conflict line says which of its duties rest
on such facts, with each duty's certainty as the JSON record carries it (`Conflict.doubted`). The draws' note, which
names the joiners whose duty the honour model weighs as a verified one, names them too (a draw that drops one side's
duty sends the state to the other side).

The warning named such a state once per doubted provision ("Armenia (ARM) under rus_arm_1997 art. 2; Armenia (ARM)
under csto_1992 art. 4; ..."); it now names each state once, with its doubted duties as its conflict's line says
them (`conflict_words.doubted_duties`): their certainty once where they share one, else each's."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

import foedus
from foedus.cited import cited
from foedus.cli.app import app
from foedus.engine.result import CascadeResult
from foedus.likely.attach import _doubted
from foedus.render import explain_text
from foedus.wording import and_listed

pytestmark = pytest.mark.needs_data

ARGS = ("UKR", "RUS", "2025-12-01")
WORDS = "bound both ways (a conflict) rest on a duty whose facts are not verified"


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
    assert said.startswith(f"the likelihoods of {len(doubted)} state")
    for c in result.conflicts:
        assert said.count(f"{result.names.get(c.state, c.state)} ({c.state}) under ") == (c.state in doubted)
        for d in (*c.obligations, *c.neutral):
            assert (f"{cited(d.treaty, d.article)} ({d.certainty} facts)" in said) is (d.certainty != "verified")
    assert said.count(cited("csto_1992", "4")) == 1  # each provision once


def test_a_state_is_named_once_with_its_doubted_duties_and_each_ones_certainty() -> None:
    """Armenia's three doubted duties differ in certainty: the state once, each duty with its own, in its conflict's
    order (obligations by rank, then the neutrality duty), as its conflict's line says them."""
    result = foedus.cascade(*ARGS, likelihood=True)
    assert result.likelihood is not None
    said = _warning(result.likelihood.warnings)
    duties = ("Armenia (ARM) under rus_arm_1997 art. 2 (unverified facts), csto_1992 art. 4 (unverified facts) and "
              "atop_4815 ATOP neutrality code (carried-forward facts)")
    assert f"verified ones: {duties} — " in said and said.count("Armenia (ARM)") == 1
    (line,) = [x for x in explain_text(result).splitlines() if x.startswith("Conflict: Armenia (ARM)")]
    assert line.endswith(duties.removeprefix("Armenia (ARM) under "))


def test_a_states_duties_of_one_certainty_are_grouped_under_it_in_a_stable_order() -> None:
    """With its neutrality duty verified, Armenia's two doubted obligations (rus_arm_1997 art. 2, csto_1992 art. 4)
    are both unverified: the state once, its provisions grouped, the certainty once; in the order its conflict
    holds them (the order turned round, the words are)."""
    result = foedus.cascade(*ARGS)
    (armenia,) = [c for c in result.conflicts if c.state == "ARM"]
    firm = replace(armenia, neutral=tuple(replace(n, certainty="verified") for n in armenia.neutral))
    grouped = replace(result, conflicts=(firm,))
    (said,) = [w for w in _doubted(grouped) if WORDS in w]
    assert "verified ones: Armenia (ARM) under rus_arm_1997 art. 2 and csto_1992 art. 4 (unverified facts) — " in said
    turned = replace(result, conflicts=(replace(firm, obligations=firm.obligations[::-1]),))
    (again,) = [w for w in _doubted(turned) if WORDS in w]
    assert "Armenia (ARM) under csto_1992 art. 4 and rus_arm_1997 art. 2 (unverified facts) — " in again
    (line,) = [x for x in explain_text(grouped).splitlines() if x.startswith("Conflict: Armenia (ARM)")]
    assert line.endswith("; its duties resting on facts not verified: rus_arm_1997 art. 2 and csto_1992 art. 4 "
                         "(unverified facts)")


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
    tagged = list(dict.fromkeys(f"{cited(d.treaty, d.article)} ({d.certainty} facts)"
                                for d in (*armenia.obligations, *armenia.neutral) if d.certainty != "verified"))
    assert "rus_arm_1997 art. 2 (unverified facts)" in tagged
    assert line.endswith(f"it is counted on neither side; its duties resting on facts not verified: "
                         f"{and_listed(tagged)}")


def test_the_json_carries_the_warning_and_each_duty_its_certainty() -> None:
    done = CliRunner().invoke(app, ["cascade", "-a", ARGS[0], "-t", ARGS[1], "-d", ARGS[2], "--likelihood", "--json"])
    assert done.exit_code == 0, done.output
    said = json.loads(done.output)
    (armenia,) = [c for c in said["conflicts"] if c["state"] == "ARM"]
    assert {o["treaty"] for o in armenia["obligations"] if o["certainty"] == "unverified"} >= {"rus_arm_1997",
                                                                                                 "csto_1992"}
    assert all(o["certainty_reasons"] for o in armenia["obligations"] if o["certainty"] != "verified")
    warned = _warning(said["likelihood"]["warnings"])
    assert "Armenia (ARM) under rus_arm_1997 art. 2 (unverified facts), csto_1992 art. 4 (unverified facts)" in warned


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


def test_the_likelihood_warnings_say_what_rests_on_doubted_facts_in_plain_words() -> None:
    """A reader new to the model was told "the numbers of 1 state bound both ways (a conflict) rest on a conflict's
    duty on facts not verified": what numbers, and a duty on facts? Both warnings now name the likelihoods, and the
    conflict's says it rests on a duty whose facts are not verified (Armenia, on 2025-12-01)."""
    result = foedus.cascade(*ARGS, likelihood=True)
    assert result.likelihood is not None
    said = [w for w in result.likelihood.warnings if "not verified, which the model reads as verified ones" in w]
    assert len(said) == 2 and all(w.startswith("the likelihoods of ") for w in said), said
    assert said[1].startswith("the likelihoods of 1 state bound both ways (a conflict) rest on a duty whose facts are "
                              "not verified, which the model reads as verified ones: Armenia (ARM) under "), said[1]
    assert not any("the numbers of" in w or "a conflict's duty on" in w for w in said), said
