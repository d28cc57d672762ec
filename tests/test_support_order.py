"""The cascade's "Support:" lines go by the supporter's name, then the supported state's (`foedus.by_name`), as its
joiner lines and side lists do, in the CLI and the web alike: by ISO code, Germany (DEU) came between Czechia (CZE)
and Denmark (DNK) in `foedus demo`. The JSON's `supporters` keep the engine's order."""

from __future__ import annotations

from foedus.by_name import by_name
from foedus.engine.rules import Support
from foedus.support_words import support_lines
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
    said = [line.split("Support: ")[1].split(" is bound")[0] for line in day.splitlines() if "Support: " in line]
    assert len(said) > 10 and said == by_name(said)
    assert said.index("Germany (DEU)") > said.index("Denmark (DNK)")


def test_the_web_orders_support_lines_alike() -> None:
    mixed = _mixed()
    assert run_ts([("helpsaid", "supportLines", [[x.to_dict() for x in mixed], {"$lookup": NAMES}, {}])]) == [
        support_lines(mixed, NAMES)]
