"""The alliance-reliability data set counts members, not duties: each obligated member once per alliance × war."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foedus.backtest.outcomes import candidates_of, cow_wars
from foedus.backtest.reliability_data import SWITCH_SETS, Switches, reliability_rows, reliability_summary
from foedus.backtest.replay_report import reliability_table
from foedus.backtest.replay_run import ReplayBacktest
from foedus.backtest.replayed import replay_war_variants

OUTCOMES = ("alongside", "stayed_out", "other_side")
DOCS = Path(__file__).resolve().parents[1] / "docs" / "backtest.md"


def _replay(world, wars) -> ReplayBacktest:  # type: ignore[no-untyped-def]
    """The legal replay of the given COW wars, as `foedus backtest` builds it (no Monte Carlo)."""
    return ReplayBacktest(wars=[replay_war_variants(world, c, candidates_of(world, c), draws=None, seed=1,
                                                    variants=("legal",)) for c in wars])


@pytest.fixture(scope="module")
def gulf(world) -> ReplayBacktest:  # type: ignore[no-untyped-def]
    """The Gulf War (COW 211) replayed."""
    return _replay(world, [c for c in cow_wars(world)[0] if c.num == 211])


@pytest.mark.slow
@pytest.mark.needs_data
def test_every_row_lists_each_obligated_member_once_and_no_more_than_its_members(world) -> None:  # type: ignore[no-untyped-def]
    """Every war replayed, under every switch set: a state appears once in a row's outcome columns, `obligated`
    counts those states, and they are among the alliance's `members`. The rows counted duties: the Arab League's
    Gulf War row listed 12 states twice under stayed_out and 7 under both alongside and other_side (39 'obligated'
    of 21 members), and `members` was the count on the first date only (WWII's atop_2550: 43 obligated of 25)."""
    rb = _replay(world, cow_wars(world)[0])
    twice, miscounted, over, unlisted = [], [], [], []
    for name, switches in SWITCH_SETS.items():
        for row in reliability_table(reliability_rows(world, rb, switches), switches):
            where = (name, row["war_name"], row["treaty"])
            listed = [s for k in OUTCOMES for s in row[k].split()]
            twice += [where] if len(listed) != len(set(listed)) else []
            miscounted += [where] if len(listed) != row["obligated"] else []
            over += [where] if row["obligated"] > row["members"] else []
            unlisted += [where] if not set(row.get("bound_both_sides", "").split()) <= set(listed) else []
    assert not twice, twice
    assert not over, over
    assert not miscounted and not unlisted


@pytest.mark.needs_data
def test_a_member_bound_to_both_sides_is_listed_once_by_what_it_did(world, gulf) -> None:  # type: ignore[no-untyped-def]
    """The Arab League treaty bound Iraq's partners to Kuwait's side and, once the coalition struck Iraq, to Iraq's:
    Saudi Arabia fought (with the coalition, a side it was bound to) and Jordan stayed out; each is one member,
    listed once, under bound_both_sides too. Kuwait was bound to Iraq's side only and fought the other."""
    (row,) = [r for r in reliability_rows(world, gulf) if r.treaty == "arab_jdec_1950"]
    allies = {a.state: a for a in row.allies}
    assert allies["SAU"].outcome == "alongside" and allies["SAU"].sides == ("attack", "defense")
    assert allies["JOR"].outcome == "stayed_out" and allies["JOR"].both_sides
    assert allies["KWT"].outcome == "other_side" and not allies["KWT"].both_sides
    csv = reliability_table([row], Switches())[0]
    assert csv["alongside"].split() == ["ARE", "EGY", "MAR", "OMN", "QAT", "SAU", "SYR"]
    assert csv["other_side"] == "KWT" and "JOR" in csv["stayed_out"].split()
    both = csv["bound_both_sides"].split()
    assert len(both) == 19 and {"SAU", "JOR"} <= set(both) and "KWT" not in both
    assert csv["obligated"] == len(row.allies) == 20 and csv["members"] == 21  # every member but Iraq
    assert row.honoured is False  # Kuwait fought against Iraq


@pytest.mark.needs_data
def test_the_per_member_shares_count_members(world, gulf) -> None:  # type: ignore[no-untyped-def]
    """reliability_summary's shares are per obligated member: the Gulf War's 20, not its 39 duties."""
    block = reliability_summary(world, gulf)["default"]["1945–2003"]
    assert block["allies"] == 20 and block["bound_both_sides"] == 19
    assert (block["alongside"], block["stayed_out"], block["other_side"]) == (0.35, 0.6, 0.05)


def test_docs_describe_every_column_of_reliability_csv() -> None:
    """docs/backtest.md has one line per column of reliability.csv, in the file's order."""
    import datetime as dt

    from foedus.backtest.reliability_data import ReliabilityRow

    text = DOCS.read_text(encoding="utf-8")
    section = text.split("#### The columns of reliability.csv", 1)[1].split("\n#", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
    row = ReliabilityRow(1, "w", dt.date(1900, 1, 1), "pre1945", "t", "atop", ["A"], 2)
    assert documented == list(row.to_dict(Switches()))


def test_docs_say_which_columns_of_reliability_csv_list_states() -> None:
    """A column that holds states (engine ids) says so in docs/backtest.md, so that `alongside` (a list) is not
    read as a count beside `obligated` (a count): each list column's line names "engine ids"."""
    import datetime as dt

    from foedus.backtest.reliability_data import AllyRow, ReliabilityRow

    day = dt.date(1900, 1, 1)
    allies = [AllyRow(1, "t", s, ("attack", "defense"), day, o)
              for s, o in (("QQA", "alongside"), ("QQB", "stayed_out"), ("QQC", "other_side"))]
    row = ReliabilityRow(1, "w", day, "pre1945", "t", "atop", ["QQA", "QQC"], 3, True, day, allies, False)
    lists = {k for k, v in row.to_dict(Switches()).items() if isinstance(v, str) and "QQ" in v}
    assert lists == {"partners_at_war", "alongside", "stayed_out", "other_side", "bound_both_sides"}
    section = DOCS.read_text(encoding="utf-8").split("#### The columns of reliability.csv", 1)[1].split("\n#", 1)[0]
    lines = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", section, flags=re.MULTILINE))
    assert {k for k in lists if "engine ids" not in lines[k]} == set()
