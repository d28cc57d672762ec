"""A member row, or a window of it, or a clause's scope, that no day could ever read, or an invocation no party could
make: refused where a treaty file is checked (`foedus.model.treaty_checks`), not read as written, unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.loader import load_treaties
from foedus.model.world import World
from samples import GOOD_TREATY

ARG = "{state: ARG}"


@pytest.mark.parametrize(("edits", "field", "problem"), [
    # each passed `treaties validate`, the row never a party, or the window never read, unsaid
    ([("in_force: 2020-02-01\n", ""), (ARG, "{state: ARG, left: 2019-01-01}")], "members[1].left",
     "2019-01-01 is on or before the day ARG became a party (2020-01-01), so it never was one"),
    ([(ARG, "{state: ARG, joined: 2021-01-01, left: 2021-01-01}")], "members[1].left",
     "2021-01-01 is on or before the day ARG became a party (2021-01-01)"),
    ([("in_force: 2020-02-01", "in_force: 2020-02-01\nterminated: 2021-01-01\ntype: multilateral"),  # 3 states
      (ARG, "{state: PER}, {state: ARG, joined: 2022-01-01}")],
     "members[2].joined", "2022-01-01 is on or after the treaty's termination (2021-01-01), so ARG would never be"),
    ([(ARG, "{state: ARG, left: 2021-01-01, suspended: [{start: 2022-01-01}]}")], "members[1].suspended[0].start",
     "2022-01-01 is on or after ARG left (2021-01-01), so it would never be read"),
    ([(ARG, "{state: ARG, left: 2021-01-01, frozen: [{start: 2021-01-01}]}")], "members[1].frozen[0].start",
     "on or after ARG left"),
    ([(ARG, "{state: ARG, joined: 2023-01-01, suspended: [{start: 2021-01-01, end: 2022-01-01}]}")],
     "members[1].suspended[0].end", "2022-01-01 is on or before ARG became a party (2023-01-01)"),
    ([("strength: S2}", "strength: S2, valid: {start: 2022-01-01, end: 2022-01-01}}")], "provisions[0].valid.end",
     "2022-01-01 is the day the window opens, so it holds no day (end is its first day out)"),
    ([(ARG, "{state: ARG, suspended: [{start: 2022-01-01, end: 2022-01-01}]}")], "members[1].suspended[0].end",
     "holds no day"),
    ([("strength: S2}", "strength: S2, when_partner_attacks: true}")], "provisions[0].when_partner_attacks",
     "is read only on a neutrality clause (whether it binds when the partner attacks too), never on a defense one"),
    # an invocation no party could make, shown as written by `treaties show` and the web map
    ([("strength: S2}\n", 'strength: S2}\ninvocations: [{date: 2021-01-01, article: "1", requester: [FRA], '
                          'outcome: x}]\n')],
     "invocations[0].requester[0]", "FRA is not a party on 2021-01-01 (never a member), so it could not invoke"),
    ([(ARG, "{state: ARG, left: 2020-06-01}"), ("strength: S2}\n", 'strength: S2}\ninvocations: [{date: 2022-01-01, '
                                                'article: "1", requester: [ARG], outcome: x}]\n')],
     "invocations[0].requester[0]", "ARG is not a party on 2022-01-01 (from 2020-01-01 to 2020-06-01)"),
    ([("in_force: 2020-02-01", "in_force: 2020-02-01\nterminated: 2021-01-01"),
      ("strength: S2}\n", 'strength: S2}\ninvocations: [{date: 2022-01-01, article: "1", requester: [ARG], '
                          'outcome: x}]\n')],
     "invocations[0].date", "2022-01-01 is on or after the treaty's termination (2021-01-01)"),
    ([("strength: S2}", "strength: S2, scope: {territory: [], forces: []}}")], "provisions[0].scope",
     "territory and forces are both empty, so no attack is covered and the defense clause would never bind"),
    # two windows of one member (or leg) that overlap: the war timeline said ARG restored while it was still
    # suspended, and said nothing on the day it was (session 54's sweep)
    ([(ARG, "{state: ARG, suspended: [{start: 2022-01-01, end: 2023-01-01}, {start: 2021-01-01, end: 2022-06-01}]}")],
     "members[1].suspended[0]", "the window from 2022-01-01 overlaps members[1].suspended[1] (from 2021-01-01 to "
     "2022-06-01): one window would end while the other still holds; make them one window"),
    ([(ARG, "{state: ARG, frozen: [{start: 2021-01-01}, {start: 2023-01-01, end: 2024-01-01}]}")],
     "members[1].frozen[1]", "overlaps members[1].frozen[0] (from 2021-01-01, not ended)"),
    ([("strength: S2}", "strength: S2, suspensions: [{obligor: CHL, beneficiary: ARG, span: {start: 2021-01-01}}, "
                        "{obligor: CHL, beneficiary: ARG, span: {start: 2021-01-01, end: 2022-01-01}}]}")],
     "provisions[0].suspensions[1]", "the window from 2021-01-01 overlaps provisions[0].suspensions[0]"),
])
def test_a_row_or_window_no_day_reads_is_refused(world: World, tmp_path: Path, edits: list[tuple[str, str]],
                                                 field: str, problem: str) -> None:
    text = GOOD_TREATY
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    pact = tmp_path / "pact.yaml"
    pact.write_text(text, encoding="utf-8")
    with pytest.raises(TreatyDataError) as info:
        load_treaties([pact], world.states, world.places)
    assert str(info.value).startswith(f"{pact}: {field}: ") and problem in str(info.value)


@pytest.mark.parametrize(("old", "new"), [
    ("{state: ARG}", "{state: ARG, left: 2020-02-01}"),  # a party from its signature to the entry into force
    ("kind: defense, article: \"1\", strength: S2}",  # a non-aggression clause follows the attacker, scope unread
     "kind: nonaggression, article: \"1\", strength: S2, scope: {territory: [], forces: []}}"),
    ("kind: defense, article: \"1\", strength: S2}",
     "kind: neutrality, article: \"1\", strength: S2, when_partner_attacks: true}"),
    # windows one after the other (the first's end the second's start), and one leg's beside another's
    ("{state: ARG}", "{state: ARG, suspended: [{start: 2022-01-01}, {start: 2021-01-01, end: 2022-01-01}], "
                     "frozen: [{start: 2021-06-01}]}"),
    ("strength: S2}", "strength: S2, suspensions: [{obligor: CHL, beneficiary: ARG, span: {start: 2021-01-01}}, "
                      "{obligor: ARG, beneficiary: CHL, span: {start: 2021-01-01}}]}"),
])
def test_rows_some_day_reads_still_load(world: World, tmp_path: Path, old: str, new: str) -> None:
    assert old in GOOD_TREATY
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace(old, new), encoding="utf-8")
    assert load_treaties([pact], world.states, world.places)
