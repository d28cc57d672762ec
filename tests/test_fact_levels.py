"""A tag says which doubted fact is how sure: "rus_uzb_2005 art. 2 (unverified: treaty, article)" put every doubted
fact under the obligation's weakest level, though the treaty's standing is secondary and only its article
unverified; it now reads "(unverified: article; secondary: treaty)" (`foedus.engine.doubted_facts.doubt_levels`, a
record's `levels` beside its `doubted`, `foedus.cited.bound_tag` grouping them, the weakest first). The web says the
same (web/src/citesaid.ts `boundTag`, `doubtLevels`), and its treaty-ties table, which tagged no row, tags each by
the same rule."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import foedus
from foedus.cited import bound_tag, tagged_article, tagged_cited
from foedus.engine.doubted_facts import doubt_levels, doubted
from foedus.engine.records import CertaintyReason
from foedus.render import explain_lines
from foedus.war.result import Also
from foedus.war.words import also_said
from samples import cli_line
from ts_said import run_ts

UZB_ALSO = "also rus_uzb_2005 art. 2 (unverified: article; secondary: treaty)"
TAGS = [("verified", [], {}), ("secondary", ["article"], {"article": "secondary"}),
        ("unverified", ["treaty", "article"], {"treaty": "secondary", "article": "unverified"}),
        ("unverified", ["treaty", "article"], {}), ("unverified", ["article"], {"article": "secondary"}),
        ("carried-forward", ["treaty", "membership"], {"treaty": "carried-forward", "membership": "secondary"}),
        ("conflicting", ["treaty", "validity", "date"], {"treaty": "secondary", "validity": "conflicting"}),
        ("carried-forward", [], {})]


@pytest.fixture(scope="module")
def kursk() -> Any:
    return foedus.cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast")


def _reason(kind: str, certainty: str) -> CertaintyReason:
    return CertaintyReason(kind, f"a {kind} fact", certainty, "a source")


def test_each_doubted_fact_has_its_weakest_level() -> None:
    """A fact's level is the weakest tag of its reasons; a verified reason (a date known to its window) and a kind
    that is no fact (a place) give none."""
    reasons = [_reason("treaty", "secondary"), _reason("article", "secondary"), _reason("article", "unverified"),
               _reason("date", "verified"), _reason("place", "unverified")]
    assert doubt_levels(reasons) == {"treaty": "secondary", "article": "unverified"}
    assert tuple(doubt_levels(reasons)) == doubted(reasons)


def test_a_war_record_derives_its_doubted_facts_from_its_levels() -> None:
    """A war's `Also` and `Bound` keep an obligation's levels alone and derive its doubted facts from them, so the two
    keys their JSON gives cannot disagree; `doubt_levels` keys them in `FACT_KINDS` order whatever the reasons'."""
    levels = doubt_levels([_reason("date", "unverified"), _reason("treaty", "secondary")])
    assert list(levels) == ["treaty", "date"]
    also = Also("rus_uzb_2005", "2", "unverified", levels)
    assert also.doubted == ("treaty", "date")
    assert (also.to_dict()["doubted"], also.to_dict()["levels"]) == (["treaty", "date"], levels)
    assert Also("nato_1949", "5").doubted == ()


def test_a_tag_says_each_fact_at_its_level_the_weakest_first() -> None:
    said = [bound_tag(c, d, levels) for c, d, levels in TAGS]
    assert said == ["", " (secondary: article)", " (unverified: article; secondary: treaty)",
                    " (unverified: treaty, article)", " (unverified; secondary: article)",
                    " (carried-forward: treaty; secondary: membership)",
                    " (conflicting: validity, date; secondary: treaty)", " (carried-forward)"]
    assert tagged_cited("rus_uzb_2005", "2", "unverified", ["treaty", "article"],
                        {"treaty": "secondary", "article": "unverified"}) == UZB_ALSO[len("also "):]


def test_the_cascades_explanation_says_each_fact_at_its_level(kursk: Any) -> None:
    """Uzbekistan's other obligation under its 2005 treaty with Russia: the treaty's standing secondary, its
    article unverified."""
    line = next(x for x in explain_lines(kursk) if "Uzbekistan (UZB) is bound" in x)
    assert line.endswith(f"; {UZB_ALSO}"), line


def test_the_war_json_carries_each_facts_level() -> None:
    """`foedus war --json`: a frame's binding and its other obligations carry `levels` beside `doubted`, and the text
    reads them."""
    from foedus.api import replay_war

    war = replay_war(foedus.__path__[0] + "/data/wars/russia_ukraine_2022.yaml", until="2024-08-06")
    bound = war.to_dict()["frames"][-1]["bound"]["UZB"]
    also = next(o for o in bound["also"] if o["treaty"] == "rus_uzb_2005")
    assert also["doubted"] == ["treaty", "article"]
    assert also["levels"] == {"treaty": "secondary", "article": "unverified"}
    assert set(bound["levels"]) == set(bound["doubted"])
    assert UZB_ALSO in also_said([also])


def test_a_states_bound_since_derives_its_doubted_facts_from_its_levels() -> None:
    """`foedus war --state --json`'s `bound_since` copied its span's `doubted` alone, the one war record without the
    `levels` its tag reads; it now keeps the span's levels and derives `doubted` from them, as `Bound` does."""
    from foedus.api import replay_war
    from foedus.engine.contract import keys_of
    from foedus.war.why_record import WarBoundSince

    levels = doubt_levels([_reason("date", "unverified"), _reason("treaty", "secondary")])
    since = WarBoundSince("2024-08-06", "csto_1992", "4", "treaty", "unverified", levels)
    assert since.doubted == ("treaty", "date")
    assert list(since.to_dict()) == [k.name for k in keys_of(WarBoundSince)]
    assert (since.to_dict()["doubted"], since.to_dict()["levels"]) == (["treaty", "date"], levels)
    code, out, err = cli_line(["war", "russia_ukraine_2022", "--until", "2024-08-06", "--state", "BLR", "--json"])
    assert code == 0, err
    span = replay_war("russia_ukraine_2022", until="2024-08-06").states["BLR"].bound_spans[-1]
    assert json.loads(out)["bound_since"] == {"since": "2024-08-06", "treaty": "csto_1992", "article": "4",
                                              "instrument": "treaty", "certainty": "secondary",
                                              "doubted": ["article"], "levels": {"article": "secondary"}}
    assert span["levels"] == {"article": "secondary"}  # the span's own


def test_the_ongoing_summary_and_a_comparison_carry_levels(capsys: pytest.CaptureFixture[str]) -> None:
    """A cascade's `ongoing` (its bindings) and a comparison's gained states carry each doubted fact's level."""
    r = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    blr = r.to_dict()["ongoing"]["bound_since"]["BLR"]
    assert (blr["doubted"], blr["levels"], blr["now"]["levels"]) == (["article"], {"article": "secondary"},
                                                                     {"article": "secondary"})
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    assert run_cli(app, ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast",
                         "--add-member", "csto_1992:IRN", "--json"]) == 0
    gained = json.loads(capsys.readouterr().out)["gained"]
    assert [(g["state"], g["doubted"], g["levels"]) for g in gained] == [("IRN", ["article"], {"article": "secondary"})]


def test_the_web_tags_alike() -> None:
    """boundTag is bound_tag on every case; alsoSaid reads `levels` as also_said does."""
    also = [{"treaty": "rus_uzb_2005", "article": "2", "certainty": "unverified", "doubted": ["treaty", "article"],
             "levels": {"treaty": "secondary", "article": "unverified"}},
            {"treaty": "csto_1992", "article": "4", "certainty": "secondary", "doubted": ["article"]}]
    said = run_ts([("said", "boundTag", [c, d, levels]) for c, d, levels in TAGS] + [("said", "alsoSaid", [also])])
    assert said == [bound_tag(c, d, levels) for c, d, levels in TAGS] + [also_said(also)]
    assert said[-1][0] == UZB_ALSO


def test_every_treaty_tie_is_tagged_as_the_text_tags_it(kursk: Any) -> None:
    """The treaty-ties table's rows (ties.ts tiesOf) each carry their provision's tag, by each record's reasons
    (doubtLevels is doubt_levels): the CSTO's art. 4 reads "(secondary: article)", no longer as a verified tie."""
    records = [*(o for j in kursk.joiners for o in (j.primary, *j.also)), *kursk.consultations, *kursk.neutral,
               *(o for c in kursk.conflicts for o in c.obligations), *kursk.violations]
    reasons = [[{"kind": r.kind, "certainty": r.certainty} for r in o.certainty_reasons] for o in records]
    levels = run_ts([("said", "doubtLevels", [r]) for r in reasons])
    assert levels == [doubt_levels(o.certainty_reasons) for o in records]
    ties = run_ts([("ties", "tiesOf", [kursk.to_dict()])])[0]
    labels = {re.sub(r"^(also |conflict: |neutral: |consult: |violates \w+: )", "", t["label"]) for t in ties}
    for o in records:
        tag = bound_tag(o.certainty, doubted(o.certainty_reasons), doubt_levels(o.certainty_reasons))
        article = tagged_article(o.article, o.certainty, doubted(o.certainty_reasons))
        assert any(x.startswith(f"{o.treaty} ") and tag in x and (article or "") in x for x in labels), (o, tag)
    assert "csto_1992 art. 4 (S2) (secondary: article)" in {t["label"] for t in ties if t["from"] == "BLR"}
    assert "also rus_uzb_2005 art. 2 (S2) (unverified: article; secondary: treaty)" in {t["label"] for t in ties}


def test_a_comparisons_lines_say_each_fact_at_its_level_alike() -> None:
    """`foedus compare`'s change lines (change_words) and its `--ongoing-since` lines (ongoing_said: a binding, a
    lapse tagged otherwise in each world, the base world's tag after "was") read `levels`, and the compare view's
    (said.ts changeWords, ongoingSaid) say the same."""
    from foedus.sweeps.compare_words import change_words
    from foedus.war.ongoing_changes import BoundSince, OngoingChanges, RetaggedLapse, RetaggedSince, ongoing_said

    uzb = {"certainty": "unverified", "doubted": ["treaty", "article"],
           "levels": {"treaty": "secondary", "article": "unverified"}}
    cases = [("gained", {"state": "UZB", "side": "defense", "why": "rus_uzb_2005 art. 2", "strength": "S2", **uzb}),
             ("lost", {"state": "UZB", "side": "defense", "why_before": "rus_uzb_2005 art. 2", **uzb}),
             ("rebased", {"state": "UZB", "side": "defense", "why": "rus_uzb_2005 art. 2", "why_before": "x art. 1",
                          "added": [], "dropped": [], **uzb})]
    tag = "(unverified: article; secondary: treaty)"
    said = [change_words(kind, x) for kind, x in cases]
    assert said[0] == f"is bound to join the defense side (rus_uzb_2005 art. 2, S2) {tag}"
    changes = OngoingChanges(
        since="2024-08-06", moved=(), unbound=(), switched=(), lapsed_added=(), lapsed_removed=(),
        bound=(BoundSince("UZB", "defense", "2024-08-06", "rus_uzb_2005", "2", "treaty", "unverified",
                          levels={"treaty": "secondary", "article": "unverified"}),),
        retagged=(RetaggedSince("KAZ", "defense", "2024-08-06", "csto_1992", "4", "treaty", "secondary", "unverified",
                                levels={"article": "secondary"},
                                levels_before={"treaty": "secondary", "article": "unverified"}),),
        lapsed_retagged=(RetaggedLapse("TJK", "defense", "2024-08-06", "2025-01-01", "csto_1992", "4", "treaty",
                                       "verified", "conflicting", levels={},
                                       levels_before={"validity": "conflicting", "date": "secondary"}),)).to_dict()
    lines = ongoing_said(changes)
    assert lines == [("+", "UZB", f"bound since 2024-08-06 (defense, rus_uzb_2005 art. 2 {tag})"),
                     ("", "KAZ", "bound since 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)), was "
                      "unverified: article; secondary: treaty"),
                     ("", "TJK", "bound 2024-08-06 to 2025-01-01 (defense, csto_1992 art. 4), no longer by the date "
                      "(was conflicting: validity; secondary: date)")]
    web = run_ts([("said", "changeWords", [kind, x]) for kind, x in cases] + [("said", "ongoingSaid", [changes])])
    assert web[:-1] == said and [tuple(x) for x in web[-1]] == lines
