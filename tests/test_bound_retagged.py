"""A what-if that changes only how sure the provision binding a still-bound state is (its certainty, the facts not
verified), the state bound in both worlds on the same side since the same day under the same provision, was said
nowhere by `foedus compare --ongoing-since`: neither moved, switched, bound nor unbound. It is now one change,
`OngoingChanges.retagged`, said once with the base world's certainty after "was" (as `lapsed_retagged` says a lapse)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

import foedus
from foedus.war.ongoing_changes import OngoingChanges, ongoing_changes, ongoing_lines, ongoing_said
from samples import cli_line
from test_contract import _check

BLR = {"side": "defense", "since": "2024-08-06", "treaty": "csto_1992", "article": "4", "instrument": "treaty"}
KURSK = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--ongoing-since",
         "2024-08-06"]
PACT = Path(foedus.__file__).parent / "data" / "treaties" / "rus_prk_2024.yaml"


def _summary(**bound: dict[str, Any]) -> dict[str, Any]:
    return {"since": "2024-08-06", "until": "2025-04-15", "bound_since": bound, "lapsed": []}


def test_a_binding_tagged_otherwise_is_one_change() -> None:
    """Belarus bound since the same day under CSTO art. 4 in both worlds, verified in the base world and secondary in
    the other: one retagged record with both worlds' tags, said once; the comparison differs and names the treaty."""
    base = _summary(BLR={**BLR, "certainty": "verified", "doubted": []})
    other = _summary(BLR={**BLR, "certainty": "secondary", "doubted": ["article"]})
    changes = ongoing_changes(base, other)
    assert (changes.moved, changes.bound, changes.unbound, changes.switched) == ((), (), (), ())
    assert [x.to_dict() for x in changes.retagged] == [{
        "state": "BLR", **BLR, "certainty": "secondary", "doubted": ["article"], "certainty_before": "verified",
        "doubted_before": [], "levels": {"article": "secondary"}, "levels_before": {}}]
    assert changes and changes.treaties() == {"csto_1992"}
    assert ongoing_lines(changes.to_dict(), {"BLR": "Belarus"}) == [
        "ongoing: Belarus (BLR) bound since 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)), was verified"]
    back = ongoing_changes(other, base).to_dict()
    assert ongoing_said(back) == [("", "BLR", "bound since 2024-08-06 (defense, csto_1992 art. 4), was secondary: "
                                              "article")]
    assert not ongoing_changes(base, base)


def test_a_binding_moved_or_switched_is_not_retagged() -> None:
    """Another day or another side is moved or switched, as before, whatever the tags: never retagged as well."""
    base = _summary(BLR={**BLR, "certainty": "verified", "doubted": []})
    for changed, kind in (({"since": "2024-09-01"}, "moved"), ({"side": "attack"}, "switched")):
        changes = ongoing_changes(base, _summary(BLR={**BLR, **changed, "certainty": "secondary",
                                                      "doubted": ["article"]}))
        assert (len(getattr(changes, kind)), changes.retagged) == (1, ())


def test_the_cli_says_north_korea_bound_under_a_treaty_less_sure(tmp_path: Path) -> None:
    """The Russia–DPRK treaty given again as secondary (`--drop-treaty`, `--add-treaty`): North Korea bound since
    2024-12-04 under it in both worlds; the text says the change once (no "no change from" it), its JSON the record,
    as the contract gives it."""
    treaty = yaml.safe_load(PACT.read_text(encoding="utf-8"))
    treaty.pop("invocations", None)
    pact = tmp_path / "pact.yaml"
    pact.write_text(yaml.safe_dump({**treaty, "certainty": "secondary"}, allow_unicode=True), encoding="utf-8")
    args = [*KURSK, "--drop-treaty", "rus_prk_2024", "--add-treaty", str(pact)]
    code, out, err = cli_line(args)
    assert code == 0, err
    lines = out.splitlines()
    assert ("ongoing: North Korea (PRK) bound since 2024-12-04 (defense, rus_prk_2024 art. 4 (secondary: treaty)), "
            "was verified") in lines, lines
    assert not [line for line in lines if line.startswith("no change from")], lines
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    ongoing = json.loads(out)["ongoing"]
    assert ongoing["retagged"] == [{"state": "PRK", "side": "defense", "since": "2024-12-04", "treaty": "rus_prk_2024",
                                    "article": "4", "instrument": "treaty", "certainty": "secondary",
                                    "doubted": ["treaty"], "certainty_before": "verified", "doubted_before": [],
                                    "levels": {"treaty": "secondary"}, "levels_before": {}}]
    assert not (ongoing["moved"] or ongoing["bound"] or ongoing["unbound"] or ongoing["switched"])
    _check(ongoing, OngoingChanges)
