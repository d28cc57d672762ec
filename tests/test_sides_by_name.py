"""The cascade's side lists came in id order within their joiners: Germany (DEU) between Czechia and Denmark, the
United Kingdom (GBR) between France and Greece; `foedus compare`'s lines alike. A reader looks a name up: the original
parties come first, as given, then the joiners by the name said (`foedus.by_name`), and each kind of a comparison's
change by name; the JSON's `sides` and a comparison's lists keep the engine's order."""

from __future__ import annotations

from foedus.by_name import by_name
from samples import cli_line


def test_the_side_lists_name_the_joiners_in_name_order() -> None:
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"])
    assert code == 0, err
    text = " ".join(out.split())  # the console wraps long lines
    defense = text.split(" defense: ", 1)[1].split(" coalition power")[0].split(", ")
    assert defense[0] == "Estonia (EST)" and defense[1:] == by_name(defense[1:])
    assert defense.index("Czechia (CZE)") < defense.index("Denmark (DNK)") < defense.index("Germany (DEU)")


def test_names_sort_without_case_or_accents() -> None:
    assert by_name(["Germany (DEU)", "côte (X)", "Croatia (HRV)", "Czechia (CZE)", "Denmark (DNK)"]) == [
        "côte (X)", "Croatia (HRV)", "Czechia (CZE)", "Denmark (DNK)", "Germany (DEU)"]


def test_a_comparisons_lines_name_each_kinds_states_in_name_order() -> None:
    code, out, err = cli_line(["compare", "-a", "RUS", "-t", "FIN", "-d", "2022-06-01", "--date2", "2024-06-01"])
    assert code == 0, err
    for mark in "+=":
        said = [line[2:].split(" is ", 1)[0] for line in out.splitlines() if line.startswith(f"{mark} ")]
        assert len(said) > 2 and said == by_name(said), said
    gained = [line for line in out.splitlines() if line.startswith("+ ")]
    assert gained[-2:] == [f"+ {s} is bound to join the defense side (nato_1949 art. 5, S2)"
                           for s in ("United Kingdom (GBR)", "United States (USA)")]


def test_a_rounds_joiners_come_in_name_order() -> None:
    """The explanation's rounds (text and tree) listed their joiners by id too."""
    import foedus
    from foedus.render import explain_lines

    lines = explain_lines(foedus.cascade("RUS", "EST", "2025-06-01"))
    first = lines[lines.index("Round 1:") + 1:lines.index(next(x for x in lines if x.startswith("Attack side: ")))]
    said = [line[4:].split(" is bound", 1)[0] for line in first if line.startswith("  - ")]
    assert len(said) > 20 and said == by_name(said), said
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"])
    assert code == 0, err
    tree = [line[8:].split(" is bound", 1)[0] for line in out.splitlines() if line.startswith(("│   ├── ", "│   └── "))]
    assert tree[:len(said)] == said
