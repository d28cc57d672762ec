"""The web's "Why?" panel's violation line (explain.ts: findings.ts `violationSaid`, shown by `findingLine` with its
certainty tag) had no parity test: its words could drift from the CLI's "Violation: " line (foedus.render.explain_lines)
unseen. Run in node (tests/ts_said.py; it skips without web/node_modules unless FOEDUS_REQUIRE_NODE=1), the line says
the same states, kind, provision, instrument and certainty tag as the CLI's line on the same records, for a verified
political statement's non-aggression clause and a treaty's on secondary facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from foedus import render
from foedus.cited import cited, instrument_said, kind_cited
from foedus.cited_names import named_cited
from foedus.wording import named_state
from samples import treaty_files
from ts_said import run_ts

FILES = {"stmt_nonagg": ("political_statement", "CHN MNG", "nonaggression", "2", "S4", "verified"),
         "sec_nonagg": ("treaty", "CHN MNG", "nonaggression", "7", "S4", "secondary")}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import foedus
    from foedus.model.world import World

    return foedus.cascade("CHN", "MNG", "2025-06-01", world=World.load(treaty_files(tmp_path_factory.mktemp("v"),
                                                                                      FILES)))


def test_the_panels_violation_line_says_the_clis_words(result: Any) -> None:
    """Each violation (with the research data, ATOP's carried-forward non-aggression codes too): the panel's line names
    the CLI line's two states, its provision as cited after "despite" with its instrument, and its certainty tag."""
    lines = [line for line in render.explain_lines(result) if line.startswith("Violation: ")]
    violations = list(result.violations)
    assert len(lines) == len(violations) >= 2
    names = {"$lookup": {s: result.names.get(s, s) for s in result.names}}
    said = run_ts([("findings", "violationSaid", [v.to_dict(), names, {"$lookup": {}}]) for v in violations])
    shown = run_ts([("findings", "findingLine", [s, v.to_dict()]) for s, v in zip(said, violations, strict=True)])
    for v, line, sentence, panel in zip(violations, lines, said, shown, strict=True):
        who, against = named_state(v.state, result.names), named_state(v.against, result.names)
        head, tail = line.removeprefix("Violation: ").split(" despite ", 1)
        assert head.startswith(f"{who} ") and head.endswith(f" {against}")
        tag = render.certainty_tag(v.certainty, [r.fact for r in v.certainty_reasons])
        # an ATOP alliance a correction names is cited with its name beside its id (foedus.cited_names); the panel
        # names a treaty by its lookup (the treaty list's names), given none here
        assert tail == kind_cited(named_cited(v.treaty, result.titles), v.article, v.kind) \
            + instrument_said(v.instrument) + tag
        assert sentence == f"{who} breaks {v.kind} toward {against}: {cited(v.treaty, v.article)}" \
            f"{instrument_said(v.instrument)}."
        assert panel == sentence.removesuffix(".") + tag + "."
    by = {v.treaty: panel for v, panel in zip(violations, shown, strict=True)}
    assert by["stmt_nonagg"] == ("China (CHN) breaks nonaggression toward Mongolia (MNG): stmt_nonagg art. 2 "
                                 "(a political statement, not a treaty).")
    assert by["sec_nonagg"] == ("China (CHN) breaks nonaggression toward Mongolia (MNG): sec_nonagg art. 7 — "
                                "secondary facts.")


def test_the_panel_shows_the_violation_in_those_words() -> None:
    """explain.ts words the violation by `violationSaid` and tags it by `findingLine`, not by a copy of its own."""
    explain = (Path(__file__).resolve().parents[1] / "web" / "src" / "explain.ts").read_text(encoding="utf-8")
    assert "findingBlock(violationSaid(v, names.state, names.treaty), v" in explain
    assert "h(\"p\", attrs, swatchOf(category, broken), findingLine(text, f))" in explain
