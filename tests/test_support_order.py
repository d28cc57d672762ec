"""The cascade's "Support:" lines go by the supporter's name, then the supported state's (`foedus.by_name`), as its
joiner lines and side lists do, in the CLI and the web alike: by ISO code, Germany (DEU) came between Czechia (CZE)
and Denmark (DNK) in `foedus demo`. The JSON's `supporters` keep the engine's order. The "Support not owed here:" and
"Consultation not owed here:" lines go alike (the United Kingdom came before Thailand when China strikes US forces in
the Taiwan Strait); the JSON's `unreached_support` and `unreached_consultations` keep the engine's order."""

from __future__ import annotations

import re

import pytest

from foedus.by_name import by_name
from foedus.engine.rules import Support
from foedus.engine.rules.consult_limit import UnreachedConsultation
from foedus.engine.rules.support import Unreached
from foedus.limit_words import unreached_consultation_lines
from foedus.support_words import support_lines, unreached_lines
from samples import cli_line
from ts_said import run_ts

NAMES = {"DEU": "Germany", "DNK": "Denmark", "CZE": "Czechia", "CIV": "Côte d'Ivoire", "UKR": "Ukraine",
         "ISR": "Israel"}


def _support(state: str, supports: str) -> Support:
    return Support(state, supports, "defense", "t", "1", "arms", "general", "peacetime", "treaty", "verified", None)


def _mixed() -> list[Support]:
    return [_support("CZE", "UKR"), _support("DEU", "UKR"), _support("DEU", "ISR"), _support("DNK", "UKR"),
            _support("CIV", "UKR")]


def test_support_lines_go_by_name_then_by_the_supported_states_name() -> None:
    pairs = [line.split(" is bound to give ") for line in support_lines(_mixed(), NAMES)]
    assert [f"{who} -> {whom[:7]}" for who, whom in pairs] == [
        "Support: Côte d'Ivoire (CIV) -> Ukraine", "Support: Czechia (CZE) -> Ukraine",
        "Support: Denmark (DNK) -> Ukraine", "Support: Germany (DEU) -> Israel ", "Support: Germany (DEU) -> Ukraine"]


def test_the_demos_support_lines_go_by_name() -> None:
    code, out, err = cli_line(["demo"], env={"COLUMNS": "400"})
    assert code == 0, err
    day = out.split("\n\n")[1]  # the first date's answer
    said = [re.split(" is bound| has pledged", line.split("Support: ")[1])[0] for line in day.splitlines()
            if "Support: " in line]
    assert len(said) > 10 and said == by_name(said)
    assert said.index("Germany (DEU)") > said.index("Denmark (DNK)")


def test_the_web_orders_support_lines_alike() -> None:
    mixed = _mixed()
    assert run_ts([("helpsaid", "supportLines", [[x.to_dict() for x in mixed], {"$lookup": NAMES}, {}])]) == [
        support_lines(mixed, NAMES)]


def _cut() -> tuple[list[Unreached], list[UnreachedConsultation]]:
    """Help and consultations a place limit cuts, in code order: CZE, DEU (to UKR, then ISR), DNK, CIV."""
    pairs = [("CZE", "UKR"), ("DEU", "UKR"), ("DEU", "ISR"), ("DNK", "UKR"), ("CIV", "UKR")]
    return ([Unreached(a, b, "defense", "t", "1", "bases", "europe", "verified", "verified") for a, b in pairs],
            [UnreachedConsultation(a, b, "t", "1", "europe", "verified", "verified") for a, b in pairs])


def test_not_owed_lines_go_by_name_then_by_the_other_states_name() -> None:
    help_, consults = _cut()
    assert [line.split(" would give ")[0] + " -> " + line.split(" would give ")[1][:7]
            for line in unreached_lines(help_, NAMES)] == [
        "Support not owed here: Côte d'Ivoire (CIV) -> Ukraine", "Support not owed here: Czechia (CZE) -> Ukraine",
        "Support not owed here: Denmark (DNK) -> Ukraine", "Support not owed here: Germany (DEU) -> Israel ",
        "Support not owed here: Germany (DEU) -> Ukraine"]
    assert [line.split(" would consult ")[0] + " -> " + line.split(" would consult ")[1][:7]
            for line in unreached_consultation_lines(consults, NAMES)] == [
        "Consultation not owed here: Côte d'Ivoire (CIV) -> Ukraine",
        "Consultation not owed here: Czechia (CZE) -> Ukraine", "Consultation not owed here: Denmark (DNK) -> Ukraine",
        "Consultation not owed here: Germany (DEU) -> Israel ", "Consultation not owed here: Germany (DEU) -> Ukraine"]


@pytest.mark.needs_data
def test_the_cascades_not_owed_lines_go_by_name() -> None:
    """China striking US forces in the Taiwan Strait: France, the United Kingdom and Thailand would consult the US
    under Manila but for its limit, and the engine lists the United Kingdom before Thailand."""
    code, out, err = cli_line(["cascade", "-a", "CHN", "-t", "USA", "-d", "2025-06-01", "--place", "taiwan-strait",
                               "--target-kind", "forces"], env={"COLUMNS": "400"})
    assert code == 0, err
    said = [line.split("Consultation not owed here: ")[1].split(" would")[0] for line in out.splitlines()
            if "Consultation not owed here: " in line]
    assert said == by_name(said) and {"Thailand (THA)", "United Kingdom (GBR)"} <= set(said)
