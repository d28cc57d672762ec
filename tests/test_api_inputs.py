"""What a Python user plausibly passes to the public API (`foedus.cascade`, `replay_war`, `load_world`,
`World`, `CascadeResult`) and should not: each mistake is a `FoedusError` in one line naming the input, never a
bare TypeError from deep inside nor a silently different answer; and what is accepted (numpy's integers, a
`datetime.date`) gives the same answer as its plain form."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import foedus
from foedus.errors import (
    DateOutOfRangeError,
    FileDataError,
    FoedusError,
    ScenarioError,
    TreatyDataError,
    UnknownStateError,
    UnknownTreatyError,
    WarDataError,
)

KURSK: dict[str, Any] = {"place": "kursk-oblast"}


def _refused(match: str, *args: Any, **kwargs: Any) -> str:
    """The one-line message `foedus.cascade(*args, **kwargs)` is refused with (a FoedusError, matching `match`)."""
    with pytest.raises(FoedusError, match=match) as caught:
        foedus.cascade(*args, **kwargs)
    message = str(caught.value)
    assert "\n" not in message, message
    return message


@pytest.mark.parametrize("bad", [None, 3.5, b"UKR", [["UKR"]], {"UKR": 1}, True, ["UKR", None]])
def test_a_state_of_the_wrong_type_is_refused_naming_the_role(bad: Any) -> None:
    _refused(r"^attacker: expected a state \(ISO3 code, COW number or name\) or a list of them, not ", bad, "RUS",
             "2025-01-15", **KURSK)
    _refused(r"^target: expected a state", "UKR", bad, "2025-01-15", **KURSK)


def test_numpy_integers_are_cow_numbers_and_a_set_is_read_in_a_fixed_order() -> None:
    plain = foedus.cascade(369, 365, "2025-01-15", **KURSK).sides
    assert foedus.cascade(np.int64(369), [np.int32(365)], "2025-01-15", **KURSK).sides == plain
    assert plain == foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK).sides
    many = foedus.cascade({"RUS", "BLR"}, "EST", "2025-06-01").scenario.attackers
    assert many == ("BLR", "RUS")


def test_a_comma_list_of_states_is_read_as_the_command_line_reads_it() -> None:
    """`foedus cascade -t UKR,POL` attacks both; `foedus.cascade(..., "UKR,POL", ...)` was refused as an unknown
    state 'UKR,POL' (and 'Latvia, Estonia' with a message that told the user to separate them with commas). A name
    with a comma of its own still names one state; a part of the list that names none is the error, in one line."""
    both = foedus.cascade("RUS", ["UKR", "POL"], "2024-01-01")
    for given in ("UKR,POL", "UKR, POL", ["UKR,POL"], [" UKR ", "POL"]):
        result = foedus.cascade("RUS", given, "2024-01-01")
        assert result.scenario.targets == ("UKR", "POL") and result.to_dict() == both.to_dict()
    assert foedus.cascade("RUS,BLR", "Latvia, Estonia", "2024-01-01").scenario.attackers == ("RUS", "BLR")
    assert foedus.cascade("RUS", "Latvia, Estonia", "2024-01-01").scenario.targets == ("LVA", "EST")
    assert foedus.cascade("RUS", "Korea, Republic of", "2024-01-01").scenario.targets == ("KOR",)
    assert _refused("^unknown state 'XXX'", "RUS", "UKR,XXX", "2024-01-01")
    assert _refused("^RUS cannot be both attacker and target", "RUS", "UKR,RUS", "2024-01-01")
    assert _refused(r"^target: the 2nd value is blank \('UKR, '\)", "RUS", ["UKR, ", "POL"], "2024-01-01")


@pytest.mark.parametrize("bad", [1, ["kursk-oblast"], ("kursk-oblast",)])
def test_a_place_of_the_wrong_type_is_refused(bad: Any) -> None:
    _refused(r"^place: expected a place id or name \(`foedus places`\), not ", "UKR", "RUS", "2025-01-15", place=bad)


@pytest.mark.parametrize(("empty", "word"), [("", "empty"), ("  ", "blank")])
def test_an_empty_place_is_refused_not_taken_for_the_home_territory(empty: str, word: str) -> None:
    _refused(rf"^place is {word}: give a place id or name", "UKR", "RUS", "2025-01-15", place=empty)
    assert foedus.cascade("UKR", "RUS", "2025-01-15", place=None).scenario.place == "russia"


@pytest.mark.parametrize(("name", "bad"), [("requested", "false"), ("requested", "no"), ("requested", None),
                                           ("requested", 0), ("likelihood", "yes"), ("likelihood", None)])
def test_a_switch_takes_true_or_false_not_a_truthy_value(name: str, bad: Any) -> None:
    _refused(rf"^{name} must be True or False, not ", "UKR", "RUS", "2025-01-15", **KURSK, **{name: bad})
    with pytest.raises(ScenarioError, match=r"^requested must be True or False, not 'false'$"):
        foedus.replay_war("russia_ukraine_2022", requested="false")


def test_a_numpy_bool_is_a_switch_like_a_bool() -> None:
    withheld = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, requested=np.bool_(False)).withheld
    assert withheld == foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, requested=False).withheld != ()


def test_numpy_integers_draw_as_python_ints_do() -> None:
    plain = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, draws=20, seed=5).to_dict()
    numpy = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, draws=np.int64(20), seed=np.uint32(5)).to_dict()
    assert numpy == plain


@pytest.mark.parametrize(("name", "bad", "said"), [("draws", "100", "'100'"), ("draws", 100.0, "100.0"),
                                                   ("draws", True, "true"), ("draws", [10], "a list"),
                                                   ("seed", "1", "'1'"), ("seed", 1.5, "1.5"),
                                                   ("seed", True, "true")])
def test_draws_and_seed_take_whole_numbers_and_say_so(name: str, bad: Any, said: str) -> None:
    options = {"draws": 10, name: bad}
    message = _refused(rf"^{name} must be a whole number from ", "UKR", "RUS", "2025-01-15", **KURSK, **options)
    assert message.endswith(f"not {said}"), message


@pytest.mark.parametrize(("name", "bad"), [("draws", 0), ("draws", -1), ("draws", 10_000_001), ("seed", -1),
                                           ("seed", 2**63)])
def test_draws_and_seed_out_of_bounds_are_refused(name: str, bad: int) -> None:
    _refused(rf"^{name} must be between \d+ and [\d,]+ \(got {bad}\)$", "UKR", "RUS", "2025-01-15", **KURSK,
             **{"draws": 10, name: bad})


def test_a_what_if_change_given_as_one_string_is_one_change_not_its_characters() -> None:
    dropped = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, drop_treaty="rus_prk_2024")
    assert dropped.sides == foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, drop_treaty=["rus_prk_2024"]).sides
    assert dropped.joiner("PRK") is None
    joined = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, add_member="rus_prk_2024:IRN")
    assert joined.joiner("IRN") is not None


@pytest.mark.parametrize(("name", "bad", "said"), [("drop_treaty", [1], "1$"), ("add_member", 5, "5$"),
                                                   ("set_strength", {"nato_1949:5": "S1"}, "a mapping$"),
                                                   ("remove_member", ["nato_1949:TUR", None], "nothing$"),
                                                   # not 'not a list', said of a list of pairs
                                                   ("add_member", [("nato_1949", "UKR")],
                                                    r"a list holding a list \(give each value as one string, as "
                                                    r"the command line takes it\)$")])
def test_a_what_if_change_of_the_wrong_type_is_refused_in_one_line(name: str, bad: Any, said: str) -> None:
    _refused(rf"^{name}: expected a string or a list of strings, not {said}", "UKR", "RUS", "2025-01-15", **KURSK,
             **{name: bad})


@pytest.mark.parametrize(("bad", "match"), [
    ("rus_prk_2024", r"^what_if: expected an Overlay or a list of changes, not 'rus_prk_2024'$"),
    (5, r"^what_if: expected an Overlay or a list of changes, not 5$"),
    ({"changes": []}, r"^what_if: expected an Overlay or a list of changes, not a mapping$"),
    (["drop_treaty:x"], r"^what_if: change 1: expected a change \(AddMember, DropTreaty, \.\.\., or a mapping with an "
                        r"'op' as in an overlay file\), not 'drop_treaty:x'$"),
    ([{"op": "drop_treaty"}], r"^what_if: change 1 \(drop_treaty\.treaty\): missing field 'treaty'$"),
    ([{"op": "drop_treaty", "treaty": "nope"}], r"^what_if: change 1: unknown treaty 'nope'"),
])
def test_a_what_if_that_is_not_an_overlay_or_a_list_of_changes_is_refused_in_one_line(bad: Any, match: str) -> None:
    _refused(match, "UKR", "RUS", "2025-01-15", **KURSK, what_if=bad)


def test_a_what_if_list_of_changes_as_in_an_overlay_file_applies() -> None:
    change = {"op": "drop_treaty", "treaty": "rus_prk_2024"}
    dropped = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK, what_if=(change,))
    assert dropped.joiner("PRK") is None


@pytest.mark.parametrize("bad", ["bundled", 5, {}, [], object()])
def test_a_world_that_is_not_a_world_is_refused_not_replaced_by_the_bundled_one(bad: Any) -> None:
    _refused(r"^world: expected a foedus\.World \(from foedus\.load_world or World\.load\), or None for the bundled "
             r"world, not ", "UKR", "RUS", "2025-01-15", **KURSK, world=bad)
    with pytest.raises(ScenarioError, match=r"^world: expected a foedus\.World"):
        foedus.replay_war("russia_ukraine_2022", world=bad)


@pytest.mark.parametrize(("honour", "match"), [
    (5, r"^honour: expected an HonourModel, the path of a YAML file of honour rates, or 'empirical', not 5$"),
    ("", r"^honour: the path is empty; give an HonourModel, the path"),
    (" ", r"^honour: the path is blank; give an HonourModel, the path"),
    (["h.yaml"], r"^honour: expected an HonourModel, the path .*, not a list$"),
])
def test_an_honour_model_of_the_wrong_type_or_an_empty_path_is_refused(honour: Any, match: str) -> None:
    _refused(match, "UKR", "RUS", "2025-01-15", **KURSK, draws=10, honour=honour)


@pytest.mark.parametrize(("model", "match"), [
    (5, r"^likely_model: expected a likelihood ModelFile, or the path of a file from `foedus likely fit`, not 5$"),
    ("", r"^likely_model: the path is empty; give a likelihood ModelFile"),
    ("\t", r"^likely_model: the path is blank; give a likelihood ModelFile"),
])
def test_a_likelihood_model_of_the_wrong_type_or_an_empty_path_is_refused(model: Any, match: str) -> None:
    _refused(match, "UKR", "RUS", "2025-01-15", **KURSK, likelihood=True, likely_model=model)


def test_a_likelihood_model_nothing_reads_is_refused_not_ignored() -> None:
    _refused(r"^likely_model is read only with likelihood=True or honour='empirical'", "UKR", "RUS", "2025-01-15",
             **KURSK, likely_model="nope.json")


@pytest.mark.parametrize("bad", [None, 5, ["russia_ukraine_2022"]])
def test_a_war_that_is_not_a_path_or_an_id_is_refused_in_one_line(bad: Any) -> None:
    with pytest.raises(WarDataError, match=r"^war: expected a war file's path or a bundled war's id \(bundled: .*\), "
                                           r"not "):
        foedus.replay_war(bad)


@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_until_is_refused_not_taken_for_no_date(empty: str) -> None:
    with pytest.raises(DateOutOfRangeError, match=f"^invalid date {empty!r}"):  # as given: ' ' is not ''
        foedus.replay_war("russia_ukraine_2022", until=empty)


@pytest.mark.parametrize(("bad", "said"), [(None, "nothing$"), (5, "5$"),
                                           (["a.yaml"], r"a list \(give the files as separate arguments")])
def test_a_treaty_file_that_is_not_a_path_is_refused_in_one_line(bad: Any, said: str) -> None:
    with pytest.raises(TreatyDataError, match=rf"^treaty file: expected a path \(str or pathlib\.Path\), not {said}"):
        foedus.load_world(bad)


@pytest.mark.parametrize(("extra", "word"), [([""], "empty"), ("", "empty"), ([" "], "blank")])  # Path("") is ".":
def test_an_empty_treaty_path_is_refused_not_read_as_the_current_folder(extra: Any, word: str) -> None:  # a folder
    with pytest.raises(TreatyDataError, match=rf"^treaty file: the path is {word}; give a treaty YAML file$"):
        foedus.World.load(extra)
    with pytest.raises(TreatyDataError, match=rf"^treaty file: the path is {word}"):
        foedus.load_world(*extra) if isinstance(extra, list) else foedus.load_world(extra)


def test_world_load_takes_strings_or_one_path_as_load_world_does(tmp_path: Path) -> None:
    from samples import GOOD_TREATY

    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY, encoding="utf-8")
    for extra in (str(path), [str(path)], path, (path,)):
        assert "my_pact" in foedus.World.load(extra, history=False).treaties
    assert "my_pact" in foedus.load_world(str(path)).treaties
    with pytest.raises(FileDataError, match=r"no_such\.yaml: cannot read treaty file"):
        foedus.World.load(["no_such.yaml"])


@pytest.mark.parametrize("name", ["bundled", "history"])
def test_world_load_switches_take_true_or_false(name: str) -> None:
    with pytest.raises(ScenarioError, match=rf"^{name} must be True or False, not 'no'$"):
        foedus.World.load(**{name: "no"})


@pytest.mark.parametrize("bad", [5, None, ["nato_1949"]])
def test_a_treaty_id_that_is_not_a_string_is_refused_in_one_line(bad: Any) -> None:
    with pytest.raises(UnknownTreatyError, match=r"^treaty id: expected a string such as 'nato_1949', not "):
        foedus.World.default().treaty(bad)


def test_a_treaty_id_in_the_wrong_case_is_offered_the_right_one() -> None:
    with pytest.raises(UnknownTreatyError, match=r"^unknown treaty 'NATO_1949'; did you mean nato_1949\b"):
        foedus.World.default().treaty("NATO_1949")
    _refused(r"^unknown treaty 'NATO_1949'; did you mean nato_1949\b", "RUS", "EST", "2025-06-01",
             drop_treaty=["NATO_1949"])


@pytest.mark.parametrize("named", ["PRK", "prk", "North Korea", 731, "731", np.int64(731)])
def test_a_joiner_is_found_by_any_name_the_scenario_takes(named: Any) -> None:
    result = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK)
    assert result.joiner(named) is result.joiner("PRK") is not None
    replay = foedus.replay_war("russia_ukraine_2022", until="2025-01-01")
    assert replay.first_bound(named) == replay.first_bound("PRK") is not None


def test_a_state_that_did_not_join_is_none_and_an_unknown_one_is_refused() -> None:
    result = foedus.cascade("UKR", "RUS", "2025-01-15", **KURSK)
    assert result.joiner("FRA") is None and result.joiner("france") is None
    with pytest.raises(UnknownStateError, match=r"^unknown state 'XXX'"):
        result.joiner("XXX")
    with pytest.raises(ScenarioError, match=r"^state: expected a state \(ISO3 code, COW number or name\), "
                                            r"not nothing$"):
        result.joiner(None)  # type: ignore[arg-type]
    replay = foedus.replay_war("russia_ukraine_2022", until="2025-01-01")
    with pytest.raises(UnknownStateError, match=r"^unknown state 'Rusia'"):
        replay.record("Rusia")


def test_a_war_status_is_looked_up_by_a_date_or_its_text() -> None:
    replay = foedus.replay_war("russia_ukraine_2022", until="2025-01-01")
    assert replay.status_on("2024-12-04") == replay.status_on(dt.date(2024, 12, 4))
    assert replay.status_on("2024-12-04")["PRK"] == "bound-attack"
    with pytest.raises(DateOutOfRangeError, match=r"^invalid date '2024-13-01'"):
        replay.status_on("2024-13-01")


def test_a_status_after_the_replays_last_day_is_refused_not_its_last_frame() -> None:
    """status_on read a day after the replay's last day as its last frame: a replay until 2023-01-01, asked about
    2025-01-01, said North Korea was not bound, where the replay to that day has it bound since 2024-12-04."""
    cut = foedus.replay_war("russia_ukraine_2022", until="2023-01-01")
    assert foedus.replay_war("russia_ukraine_2022", until="2025-01-01").status_on("2025-01-01")["PRK"] == "bound-attack"
    assert cut.status_on("2023-01-01")["RUS"] == "attack"  # its last day is read
    with pytest.raises(DateOutOfRangeError, match=r"^2025-01-01 is after the replay's last day \(2023-01-01\), of "
                                                  r"which it says nothing; replay with until=2025-01-01 or later"):
        cut.status_on("2025-01-01")
    ended = foedus.replay_war("europe_1939_1941")
    with pytest.raises(DateOutOfRangeError, match=r"after the replay's last day \(1941-12-11\), of which it says "
                                                  r"nothing \(the war ends on 1941-12-11\)$"):
        ended.status_on("1942-01-01")


@pytest.mark.parametrize("number", [20250115, 2025, 20250115.0, np.int64(20250115), True])
def test_a_number_where_a_date_belongs_is_refused_as_in_files(number: Any) -> None:
    _refused(r"^invalid date .*: expected a date as YYYY-MM-DD, not a number$", "UKR", "RUS", number, **KURSK)
    _refused(r"^--ongoing-since: invalid date .*: expected a date as YYYY-MM-DD, not a number$", "UKR", "RUS",
             "2025-01-15", **KURSK, ongoing_since=number)
    with pytest.raises(DateOutOfRangeError, match="not a number"):
        foedus.replay_war("russia_ukraine_2022", until=number)


def test_a_date_a_datetime_and_their_text_give_the_same_answer() -> None:
    text = foedus.cascade("CHN", "USA", "2025-06-01", place="alaska").to_dict()
    assert foedus.cascade("CHN", "USA", dt.date(2025, 6, 1), place="alaska").to_dict() == text
    assert foedus.cascade("CHN", "USA", dt.datetime(2025, 6, 1, 23, 59), place="alaska").to_dict() == text
    assert foedus.cascade("CHN", "USA", np.datetime64("2025-06-01"), place="alaska").to_dict() == text


@pytest.mark.parametrize("given", [np.datetime64("2025-06-01T23:59"), np.datetime64("2025-06-01T00:00:00.000000000"),
                                   np.datetime64("2025-06-01", "h")])
def test_a_time_of_day_is_dropped_from_numpys_date_as_from_a_datetime(given: Any) -> None:
    """numpy's datetime64 with a time ('2025-06-01T23:59', or any of nanoseconds, as pandas makes them) was refused
    ('expected YYYY-MM-DD') where a datetime (pandas' Timestamp is one) of that time was read as its day."""
    from foedus.engine.scenario import parse_date

    assert parse_date(given) == dt.date(2025, 6, 1)


@pytest.mark.parametrize("missing", [pd.NaT, np.datetime64("NaT"), np.datetime64("NaT", "ns")])
def test_a_missing_date_is_refused_in_one_line(missing: Any) -> None:
    """A missing date, as a table holds one (pandas' NaT, numpy's datetime64 NaT), is refused saying so: pandas'
    NaT (a datetime) crashed with a TypeError ('Cannot compare NaT with datetime.date object'), and numpy's was cut at
    its 'T' and refused as the date 'Na'."""
    with pytest.raises(DateOutOfRangeError, match=r"^invalid date: NaT \(a missing date, not a day\); expected"):
        foedus.cascade("CHN", "USA", missing)
    with pytest.raises(DateOutOfRangeError, match="NaT"):
        foedus.cascade("CHN", "USA", "2025-06-01", ongoing_since=missing)


def test_only_numpys_datetime64_has_its_time_of_day_cut() -> None:
    """Any type named datetime64 had its text cut at a 'T' and read as a day ('2025-01-01Tjunk' as 2025-01-01):
    numpy's alone is recognised, by its type; another is refused, named whole."""
    from foedus.engine.scenario import parse_date

    class datetime64:  # named as numpy's, to be told from it
        def __str__(self) -> str:
            return "2025-01-01Tjunk"

    with pytest.raises(DateOutOfRangeError, match=r"not .*datetime64 2025-01-01Tjunk$"):
        parse_date(datetime64())  # type: ignore[arg-type]
    assert parse_date(np.datetime64("2025-01-01T10:00")) == dt.date(2025, 1, 1)


def test_the_api_page_states_cascades_defaults_as_its_signature_has_them() -> None:
    """docs/api.md lists every declared option's default (`name=value`) as `inspect.signature` has it."""
    import ast
    import inspect
    import re

    from foedus.inputs import WHAT_IF

    page = (Path(__file__).parents[1] / "docs" / "api.md").read_text(encoding="utf-8").split("## Renderings")[0]
    stated = {n: ast.literal_eval(v) for n, v in re.findall(r"`(\w+)=(None|True|False|\"[\w-]+\")`", page)}
    parameters = inspect.signature(foedus.cascade).parameters
    unlisted = {"world", "what_if", "honour", "likely_model", *(i.name for i in WHAT_IF)}  # said in words
    declared = {n: p.default for n, p in parameters.items()
                if p.default is not inspect.Parameter.empty and n not in unlisted}
    assert stated == declared
    assert inspect.signature(foedus.cascade).return_annotation == "CascadeResult"


@pytest.mark.parametrize(("call", "said"), [
    (lambda: foedus.World.load(history=np.True_), "not numpy.bool True"),
    (lambda: foedus.World.default().treaty(Path("nato_1949")), f"not pathlib.{type(Path()).__name__} nato_1949"),
    (lambda: foedus.cascade("RUS", "EST", "2024-01-01", draws=decimal.Decimal(10)), "not decimal.Decimal 10"),
])
def test_a_value_of_another_type_is_named_with_its_type(call: Callable[[], object], said: str) -> None:
    """A value that prints like a valid one (a Path of a treaty id, numpy's True, a Decimal 10) names its type:
    without it the message would refuse 'nato_1949' for not being 'nato_1949'."""
    with pytest.raises(foedus.FoedusError) as caught:
        call()
    assert str(caught.value).endswith(said)


@pytest.mark.parametrize(("call", "said"), [
    (lambda: foedus.cascade(pd.Series(["UKR"]), "RUS", "2025-01-15"), "not pandas.Series 0 UKR dtype: "),
    (lambda: foedus.cascade("UKR", "RUS", "2025-01-15", draws=np.array([[1, 2], [3, 4]])),
     "not numpy.ndarray [[1 2] [3 4]]"),
    (lambda: foedus.World.load(history=pd.DataFrame({"a": [1]})), "not pandas.DataFrame a 0 1"),
])
def test_a_value_whose_text_has_several_lines_is_shown_on_one(call: Callable[[], object], said: str) -> None:
    """A pandas Series, a numpy matrix or a DataFrame prints on several lines: the message showed it so, two or three
    lines where every message is one."""
    with pytest.raises(foedus.FoedusError) as caught:
        call()
    assert "\n" not in str(caught.value) and said in str(caught.value)


LONG = "Q" * 100_000


@pytest.mark.parametrize(("call", "start", "end"), [
    (lambda: foedus.cascade(LONG, "RUS", "2025-01-15"), "unknown state 'QQQ", "…' (try `foedus states`)"),
    (lambda: foedus.cascade("UKR", "RUS", "2025-01-15").joiner(LONG), "unknown state 'QQQ", "…' (try `foedus states`)"),
    (lambda: foedus.cascade("UKR", "RUS", "2025-01-15", place=LONG), "unknown place 'QQQ", "…' (try `foedus places`)"),
    (lambda: foedus.World.default().treaty(LONG), "unknown treaty 'QQQ", "…' (try `foedus treaties list`)"),
    (lambda: foedus.cascade("UKR", "RUS", LONG), "invalid date 'QQQ", "…': expected YYYY-MM-DD"),
    (lambda: foedus.replay_war("july_crisis_1914", until="2" * 100_000), "invalid date '222",
     "…': expected YYYY-MM-DD"),
    (lambda: foedus.cascade("UKR", "RUS", "2025-01-15", reading=LONG), "unknown reading 'QQQ", "…': choose one of "
     "legal, escalatory"),
])
def test_a_long_value_is_shown_shortened_in_the_message(call: Callable[[], object], start: str, end: str) -> None:
    """A value a Python caller gave is shown as every message shows one (`shown`: 60 characters at most): a text of
    100,000 characters (a file's contents, given by mistake) made a message of 100,038."""
    with pytest.raises(foedus.FoedusError) as caught:
        call()
    said = str(caught.value)
    assert said.startswith(start) and said.endswith(end) and len(said) < 200, said[:300]
