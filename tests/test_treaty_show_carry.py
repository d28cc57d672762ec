"""`foedus treaties show`'s header says when an ATOP alliance is in force past ATOP's coverage (2018) only as carried
forward, the certainty every result resting on it then carries, and whether its standing was checked
(`Treaty.carry_checked`) — not only in the long note at the bottom (foedus.catalog.carry_said, which the web's
treaty list says too: said.ts carrySaid) — and its closing certainty says what each part of its years rests on
(foedus.catalog.certainty_said): the file's tag only up to the coverage's end, as `foedus treaties list`'s table
says it too. A treaty not carried says nothing of it. Reads ATOP from the data folder."""

from __future__ import annotations

import pytest

from foedus.model.world import World

pytestmark = pytest.mark.needs_data

CARRIED = "in force after 2018-12-31 only as carried forward (carried-forward; ATOP's coverage ends that day; "
SURE = "certainty: verified to 2018-12-31, carried-forward after"  # not "verified": the carried years are not


def header(world: World, treaty: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The text's line after the treaty's name: its dates, type and certainty."""
    from foedus.cli.treaty_show import print_treaty

    monkeypatch.setenv("COLUMNS", "1000")
    print_treaty(world, treaty, as_json=False)
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("signed "))


def test_a_checked_carried_alliance_says_so_and_the_check(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2001 Iran-Russia treaty (ATOP 4968), checked on 5 Dec 2026 and left carried."""
    assert header(world, "atop_4968", capsys, monkeypatch) == (
        f"signed 2001-03-12; in force 2001-03-12 (verified); {CARRIED}checked on 2026-12-05 (tass.com): in force in "
        f"January 2025, renewed by five-year periods, no notice ending it found); bilateral; {SURE}"
    )


def test_an_unchecked_carried_alliance_says_no_check_is_recorded(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Estonia's 1992 treaty with Ukraine (ATOP 4241): carried, nobody's check recorded."""
    assert world.treaties["atop_4241"].carry_checked is None
    assert header(world, "atop_4241", capsys, monkeypatch) == (
        f"signed 1992-05-26; in force 1992-05-26 (verified); {CARRIED}no check of it recorded); bilateral; {SURE}"
    )


def test_a_carry_to_an_end_is_said_before_the_end(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2012 US-Afghanistan agreement (ATOP 6050), carried only up to the unverified end a correction gives it."""
    said = header(world, "atop_6050", capsys, monkeypatch)
    assert said.startswith(
        f"signed 2012-05-02; in force 2012-05-02 (verified); {CARRIED}no check of it recorded); "
        "out of force from 2021-08-15 (verified; date: the true date may be later"
    )
    assert said.endswith(f"; bilateral; {SURE}")


@pytest.mark.parametrize(
    ("treaty", "said"),
    [
        (
            "rus_prk_2024",
            "signed 2024-06-19; in force 2024-12-04 (verified); bilateral; certainty: verified",
        ),  # curated
        # ATOP ends it long before its coverage does
        (
            "atop_1005",
            "signed 1815-01-03; in force 1815-01-03 (verified); out of force from 1815-02-09 (verified); "
            "multilateral; certainty: verified",
        ),
        # ATOP codes the 1997 Russia-Ukraine treaty in force at 2018-12-31; a verified correction ends it on 2019-04-01
        (
            "atop_4875",
            "signed 1997-05-31; in force 1997-05-31 (verified); out of force from 2019-04-01 (verified); "
            "bilateral; certainty: verified",
        ),
    ],
)
def test_a_treaty_not_carried_says_nothing_of_a_carry(
    world: World, treaty: str, said: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A curated treaty, an alliance ATOP ends itself, and one a correction ends after ATOP's coverage."""
    assert world.treaties[treaty].carried_from is None
    assert header(world, treaty, capsys, monkeypatch) == said


def test_docs_history_quotes_the_headers(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/history.md quotes atop_4968's header whole, and atop_4241's from its carry on, as the text prints them."""
    from pathlib import Path

    docs = " ".join((Path(__file__).resolve().parents[1] / "docs" / "history.md").read_text(encoding="utf-8").split())
    assert f'begins "{header(world, "atop_4968", capsys, monkeypatch)}"' in docs
    unchecked = header(world, "atop_4241", capsys, monkeypatch)
    assert f'"…; {unchecked[unchecked.index("in force after") :]}"' in docs


def listed(world: World, date: str | None, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    """`foedus treaties list` (on `date`, as `fmt`), to a pipe: the plain table, CSV or JSON."""
    from foedus.cli.show import print_treaty_list

    print_treaty_list(world, date, fmt)
    return capsys.readouterr().out


def test_the_treaty_list_says_the_carry_as_show_does(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """`foedus treaties list`'s table closes each row with the treaty's certainty as `treaties show` says it: a
    carried alliance's is not the file's bare tag, which would read as if its carried years were verified; a treaty
    not carried keeps its tag; on a date, that day's standing. The JSON and CSV keep `certainty` the tag."""
    carried = SURE.removeprefix("certainty: ")
    lines = listed(world, None, "table", capsys).splitlines()
    assert lines[0].split()[-1] == "certainty"
    row = {line.split()[0]: line for line in lines[1:]}
    assert row["atop_4968"].endswith(f"  {carried}") and row["atop_4241"].endswith(f"  {carried}")
    assert row["nato_1949"].endswith("  verified") and row["rus_prk_2024"].endswith("  verified")
    assert row["atop_1005"].endswith("  verified")  # ATOP ends it long before its coverage does: not carried
    assert sum(line.endswith(", carried-forward after") for line in lines) == sum(
        t.carried_from is not None for t in world.treaties.values())
    on_day = {line.split()[0]: line for line in listed(world, "2025-06-01", "table", capsys).splitlines()[1:]}
    assert on_day["atop_4968"].endswith("  carried-forward") and on_day["nato_1949"].endswith("  verified")
    import json

    rows = {r["id"]: r for r in json.loads(listed(world, None, "json", capsys))}
    assert (rows["atop_4968"]["certainty"], rows["nato_1949"]["certainty"]) == ("verified", "verified")
    csv = listed(world, None, "csv", capsys)
    assert carried not in csv and ",verified,atop," in next(x for x in csv.splitlines() if x.startswith("atop_4968,"))
