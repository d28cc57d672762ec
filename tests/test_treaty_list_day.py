"""`foedus treaties list --date D` names the day its list is for in its table's title (until 2026-12-07 it named none,
so `--date today` listed the treaties in force on a day it never said); without `--date`, no title."""

from __future__ import annotations

import datetime as dt

from samples import cli_line


def _first_line(args: list[str]) -> str:
    ran = cli_line(["treaties", "list", *args])
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.splitlines()[0]


def test_the_table_names_the_day_today_too() -> None:
    assert _first_line(["--date", "2025-06-01"]) == "treaties in force on 2025-06-01"
    today = _first_line(["--date", "today"])
    assert today in {f"treaties in force on {dt.date.today().isoformat()}",  # the machine's date, crossing midnight
                     f"treaties in force on {(dt.date.today() - dt.timedelta(days=1)).isoformat()}"}
    assert _first_line([]).split()[:2] == ["id", "name"]
    assert _first_line(["--date", "2025-06-01", "--format", "csv"]).startswith("id,name,")  # no header to carry it


def test_a_day_after_the_review_says_the_set_was_reviewed_only_to_then() -> None:
    """A list of a day after `DATA_END` says so, as a cascade of that day does (until 2026-12-07 `treaties list --date
    today` listed "treaties in force on 2026-12-07" with no word that the set was reviewed only to 2025-12-31): after
    the table, or on stderr beside JSON and CSV, whose stdout stays the rows alone; a day before it says nothing."""
    import json

    from foedus.engine.outcome import DATA_END_NOTE

    table = cli_line(["treaties", "list", "--date", "2026-12-07"])
    assert table.stdout.splitlines()[-1] == f"note: {DATA_END_NOTE}"
    for fmt in ("json", "csv"):
        ran = cli_line(["treaties", "list", "--date", "2026-12-07", "--format", fmt])
        assert ran.stderr == f"note: {DATA_END_NOTE}\n"
    assert json.loads(cli_line(["treaties", "list", "--date", "2026-12-07", "--json"]).stdout)
    before = cli_line(["treaties", "list", "--date", "2025-12-31"])
    assert "note:" not in before.stdout + before.stderr


def test_a_days_certainty_is_no_surer_than_the_clauses_in_effect_that_day() -> None:
    """A treaty past a term whose renewal is not verified is listed `unverified` that day, as a cascade of that day
    tags the clause (until 2026-12-07 `treaties list --date 2026-12-07` said France-Greece 2021 `verified` while a
    cascade of Turkey on Greece that day rested France's duty on an unverified renewal); within the term, `verified`."""
    import json

    def tags(day: str) -> dict[str, str]:
        ran = cli_line(["treaties", "list", "--date", day, "--json"])
        return {r["id"]: r["certainty"] for r in json.loads(ran.stdout)}

    later, within = tags("2026-12-07"), tags("2025-06-01")
    assert (later["fra_grc_2021"], within["fra_grc_2021"]) == ("unverified", "verified")  # its first term to 2026-10-07
    assert (later["rus_arm_1997"], tags("2023-06-01")["rus_arm_1997"]) == ("unverified", "verified")  # to 2023-11-05
    assert later["nato_1949"] == "verified"  # a clause with no span of its own is in effect as long as the treaty
