"""A duty to stay out of a war, a consultation and a violation said their certainty by a tag alone ("— carried-forward
facts"), while a joiner listed beneath it each fact it rests on that is not verified, and the web's "Why?" panel
lists them under every finding (web/src/explain.ts `reasonsList`): North Korea attacking South Korea "despite
atop_4125" hid that North Korea said in 2009 it would nullify that agreement. Each such finding now lists its facts
beneath it, with their sources, in the text and the tree (`foedus.render.reason_lines`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import cli_line, treaty_files

# id: (instrument, members, kind, article, strength, certainty)
FILES = {
    "pact_nonagg": ("", "CHN MNG", "nonaggression", "2", "S4", "unverified"),
    "pact_neutral": ("", "MNG BTN", "neutrality", "6", "S4", "secondary"),
    "pact_consult": ("", "MNG LAO", "consultation", "3", "S4", "unverified"),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return treaty_files(tmp_path_factory.mktemp("files"), FILES)


def test_each_finding_lists_beneath_it_the_facts_that_are_not_verified(files: list[Path]) -> None:
    import foedus
    from foedus.model.world import World
    from foedus.render import explain_lines

    result = foedus.cascade("CHN", "MNG", "2025-06-01", world=World.load(files))
    lines = explain_lines(result)
    for head, finding in (("Violation: China (CHN)", result.violations), ("Neutral: Bhutan (BTN)", result.neutral),
                          ("Consultation: Laos (LAO)", result.consultations)):
        (record,) = [x for x in finding if x.treaty.startswith("pact_")]
        at = next(i for i, line in enumerate(lines) if line.startswith(head) and f" {record.treaty} " in line)
        reasons = record.certainty_reasons
        assert reasons
        assert lines[at + 1:at + 1 + len(reasons)] == [f"      {r.heading}: {r.fact} [source: {r.source}]"
                                                         for r in reasons]


def test_the_tree_puts_them_beneath_their_finding(files: list[Path]) -> None:
    ran = cli_line(["cascade", "-a", "CHN", "-t", "MNG", "-d", "2025-06-01",
                    *(arg for p in files for arg in ("--treaties", str(p)))])
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())  # the tree wraps its lines
    assert "despite pact_nonagg art. 2 (nonaggression) — unverified facts └── not verified: pact_nonagg art. 2" in text
    assert "[source: https://example.org/pact_nonagg]" in text
