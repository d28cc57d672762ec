"""`foedus war`'s text and `render.html_table` list states by the name said (`foedus.by_name`), as the cascade's side
lists do since session 60: the table's states by first appearance and then by name (by id, Spain, ESP, came before
Iceland, ISL, among the states never bound), a date's moves by name; html_table's joiners by name after the original
parties."""

from __future__ import annotations

import re

import pytest

import foedus
from foedus.render import html_table
from samples import cli_line

pytestmark = pytest.mark.needs_data


def _states_of(lines: list[str]) -> list[str]:
    return [m.group(1) for line in lines if (m := re.match(r"│ ([A-Z][^│]*\([A-Z]{3}\))", line))]


def test_the_war_table_lists_a_days_states_by_name() -> None:
    code, out, err = cli_line(["war", "russia_ukraine_2022", "--no-timeline"])
    assert code == 0, err
    table = out.split("who was bound", 1)[1].splitlines()
    named = _states_of(table)
    assert named.index("Canada (CAN)") < named.index("Germany (DEU)") < named.index("Iceland (ISL)")
    assert named.index("Iceland (ISL)") < named.index("Spain (ESP)")


def test_a_dates_moves_are_listed_by_name() -> None:
    code, out, err = cli_line(["war", "july_crisis_1914"])
    assert code == 0, err
    timeline = out.split("timeline", 1)[1]
    day = timeline.split("1914-08-01", 1)[1].split("\n1914-", 1)[0]
    moved = re.findall(r"^  ([A-Z][^:\n]*\([A-Z]{3}\)): ", day, re.M)
    assert len(moved) > 1 and moved == sorted(moved), moved


def test_html_table_lists_the_joiners_by_name_after_the_parties() -> None:
    result = foedus.cascade("RUS", "EST", "2025-06-01")
    html = html_table(result)
    defense = re.findall(r"<tr><td>defense</td><td>([^<]*)</td>", html)
    assert defense[0] == "Estonia (EST)"
    assert defense[1:] == sorted(defense[1:], key=str.casefold)
    assert defense.index("Croatia (HRV)") < defense.index("Germany (DEU)")
