"""A what-if that changes a joiner's strength and nothing else: `--set-strength usa_kor_1953:III=S1` makes the US's
duty to defend South Korea S1 (help at once, by every means) instead of S3 (through its constitutional process), and
`foedus compare` said "no change in who joins" and "no change from usa_kor_1953: art. III changed, but ... binds United
States (USA), which joins the defense side by this clause", as if the duty were the same. The state is now rebased,
its strength now and before said (`compare_results`' `strength`, `strength_before`; web/src/said.ts changeWords), and,
its new strength being the change's, the line says it is hypothetical (`rests_on_what_if`), as the cascade's line
does."""

from __future__ import annotations

import json

from samples import cli_line

KOREA = ["compare", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--set-strength", "usa_kor_1953:III=S1"]


def test_a_strength_changed_is_said_as_a_change_of_the_duty() -> None:
    code, out, err = cli_line(KOREA)
    assert code == 0, err
    lines = out.splitlines()
    assert ("= United States (USA) is still bound to join the defense side, under usa_kor_1953 art. III, now S1 "
            "(was S3) (hypothetical: rests on the what-if change set_strength usa_kor_1953:III=S1)") in lines, lines
    assert not any(line.startswith("no change from usa_kor_1953") for line in lines), lines


def test_the_json_gives_the_strength_now_and_before() -> None:
    code, out, err = cli_line([*KOREA, "--json"])
    assert code == 0, err
    rebased = json.loads(out)["rebased"]
    assert [(r["state"], r["why"], r["why_before"], r["strength"], r["strength_before"]) for r in rebased] == [
        ("USA", "usa_kor_1953 art. III", "usa_kor_1953 art. III", "S1", "S3")]
    assert rebased[0]["rests_on_what_if"] == ["set_strength usa_kor_1953:III=S1"]

