"""`foedus compare` across two dates listed who is newly bound and under which treaty, but not the treaty change that
bound them: Russia attacking Finland on 2022-06-01 and on 2024-06-01 gave nine states newly bound under NATO's Art. 5
and 21 moved there from the EU's Art. 42(7), and never said that Finland joined NATO on 2023-04-04 and Sweden on
2024-03-07. It now lists the changes between the dates, of the treaties it names, that start or stop a duty
(`dated_changes`), in text and JSON; a what-if, both results on one date, lists none."""

from __future__ import annotations

import json

from samples import cli_line

FIN = ["compare", "-a", "RUS", "-t", "FIN", "-d", "2022-06-01", "--date2", "2024-06-01"]


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def test_the_accessions_between_the_dates_are_said() -> None:
    lines = _ok(FIN).splitlines()
    said = [line for line in lines if line.startswith("treaty change on ")]
    assert said == ["treaty change on 2023-04-04: Finland (FIN) becomes a party to nato_1949",
                    "treaty change on 2024-03-07: Sweden (SWE) becomes a party to nato_1949"]
    assert lines.index(said[-1]) + 1 == lines.index("war size: 24 -> 33 (the states on the two sides, the "
                                                         "attackers and the attacked included)")
    changes = json.loads(_ok([*FIN, "--json"]))["dated_changes"]
    assert [(c["date"], c["treaty"], c["change"], c["state"], c["certainty"]) for c in changes] == [
        ("2023-04-04", "nato_1949", "joins", "FIN", "verified"),
        ("2024-03-07", "nato_1949", "joins", "SWE", "verified")]


def test_a_treaty_entering_into_force_is_said_and_the_dates_may_run_backwards() -> None:
    out = _ok(["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-06-01", "--date2", "2024-06-01"])
    assert ("treaty change on 2024-12-04, undone going back to 2024-06-01: rus_prk_2024 enters into force"
            in out.splitlines())


def test_dates_read_backwards_say_the_changes_are_undone() -> None:
    """With --date2 before --date the comparison read history backwards but said "treaty change on 2023-04-04:
    Finland becomes a party to nato_1949" beside the lost bindings, as if made going back; it now says each change
    is undone going back to the earlier date, latest first, in text and JSON (`undone_back_to`)."""
    back = ["compare", "-a", "RUS", "-t", "FIN", "-d", "2024-06-01", "--date2", "2022-06-01"]
    said = [line for line in _ok(back).splitlines() if line.startswith("treaty change on ")]
    assert said == [
        "treaty change on 2024-03-07, undone going back to 2022-06-01: Sweden (SWE) becomes a party to nato_1949",
        "treaty change on 2023-04-04, undone going back to 2022-06-01: Finland (FIN) becomes a party to nato_1949"]
    changes = json.loads(_ok([*back, "--json"]))["dated_changes"]
    assert [(c["date"], c["state"], c["undone_back_to"]) for c in changes] == [
        ("2024-03-07", "SWE", "2022-06-01"), ("2023-04-04", "FIN", "2022-06-01")]
    assert all("undone_back_to" not in c for c in json.loads(_ok([*FIN, "--json"]))["dated_changes"])


def test_a_what_if_on_one_date_lists_none() -> None:
    diff = json.loads(_ok(["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-06-01", "--drop-treaty", "rus_prk_2024",
                           "--json"]))
    assert diff["dated_changes"] == [] and diff["lost"]
