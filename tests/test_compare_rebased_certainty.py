"""A state `foedus compare` finds still bound under another treaty (`rebased`) is tagged, as a gained one is, when the
obligation it now rests on is not verified: with the CSTO dropped, Kazakhstan's line read "now under rus_kaz_1992 art.
unknown (article unverified) (was csto_1992 art. 4)", as sure as before but for the article, where the cascade says
the treaty itself is unverified too, and Belarus's carried-forward ATOP alliance read as sure as the CSTO."""

from __future__ import annotations

import json

from samples import cli_line

DROP = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2024-12-10", "--place", "kursk-oblast", "--drop-treaty",
        "csto_1992"]


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def test_a_rebased_state_is_tagged_by_the_obligation_it_now_rests_on() -> None:
    lines = _ok(DROP).splitlines()
    assert ("= Kazakhstan (KAZ) is still bound to join the defense side, now under rus_kaz_1992 art. unknown "
            "(unverified: treaty, article) (was csto_1992 art. 4)") in lines
    assert ("= Belarus (BLR) is still bound to join the defense side, now under atop_4865_p2 ATOP defense code "
            "(carried-forward: treaty) (was csto_1992 art. 4)") in lines


def test_the_json_entry_carries_that_obligations_certainty() -> None:
    diff = json.loads(_ok([*DROP, "--json"]))
    kaz = next(x for x in diff["rebased"] if x["state"] == "KAZ")
    assert (kaz["certainty"], kaz["doubted"]) == ("unverified", ["treaty", "article"])
    joiner = next(j for j in diff["other"]["joiners"] if j["state"] == "KAZ")
    assert joiner["certainty"] == kaz["certainty"]  # the cascade's own word for the same obligation
