"""The cascade's side lists came in id order within their joiners: Germany (DEU) between Czechia and Denmark, the
United Kingdom (GBR) between France and Greece. A reader looks a name up: the original parties come first, as given,
then the joiners by the name said (`foedus.by_name`); the JSON's `sides` keep the engine's order."""

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
