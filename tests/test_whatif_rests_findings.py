"""Every finding of a what-if run that rests on one of its changes says so, not a joiner's primary obligation alone
(`foedus.whatif_rests.rests_on_changes`): a joiner's other obligation resting on a change had the `what-if` reason in
its JSON but nothing on the CLI's line, and a neutrality duty, consultation, violation or withheld leg under a changed
article had neither."""

from __future__ import annotations

import foedus
from foedus.render import explain_lines
from samples import cli_line

EU_S3 = "set_strength eu_teu_42_7:42(7)=S3"


def test_a_joiners_other_obligation_resting_on_a_change_says_so_on_its_line() -> None:
    """Germany joins under NATO Art. 5 as encoded; its other obligation, EU Art. 42(7), whose strength the change sets,
    is tagged hypothetical on the line, as the primary's is."""
    ran = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--set-strength", "eu_teu_42_7:42(7)=S3"])
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())
    assert (f"because Russia (RUS) attacked Estonia (EST); also eu_teu_42_7 art. 42(7) (hypothetical: rests "
            f"on the what-if change {EU_S3})") in text


def test_the_other_findings_under_a_changed_article_rest_on_the_change() -> None:
    """A consultation, a violation and a neutrality duty under an article whose scope a change sets carry the
    `what-if` reason and say it on their lines; the others do not."""
    changes = {"ukr_bilateral_2024": "future-attack clause (numbering varies by agreement)",
               "atop_3755": "ATOP nonaggression", "atop_4241": "ATOP neutrality"}
    scopes = [f"{t}:{a}=territory:ukraine;forces:ukraine" for t, a in changes.items()]
    r = foedus.cascade("RUS", "UKR", "2025-06-01", set_scope=scopes)
    said = {f"set_scope {s}" for s in scopes}
    for found in (r.consultations, r.violations, r.neutral):
        for f in found:
            rests = {x.fact.removeprefix("rests on the what-if change ") for x in f.certainty_reasons
                     if x.kind == "what-if"}
            changed = changes.get(f.treaty) == f.article
            assert rests == ({f"set_scope {f.treaty}:{f.article}=territory:ukraine;forces:ukraine"} if changed
                             else set()), f
    assert {(f.treaty, f.article) for f in (*r.consultations, *r.violations, *r.neutral)} >= set(changes.items())
    lines = explain_lines(r)
    est = next(x for x in lines if x.startswith("Neutral: Estonia (EST)"))
    assert est.endswith("atop_4241 ATOP neutrality code — carried-forward facts; hypothetical: rests on the what-if "
                        "change set_scope atop_4241:ATOP neutrality=territory:ukraine;forces:ukraine")
    assert sum("hypothetical: rests on" in x for x in lines if x.startswith(("Consultation", "Violation"))) == len(
        [f for f in (*r.consultations, *r.violations) if changes.get(f.treaty) == f.article])
    assert said == set(r.what_if)


def test_a_withheld_leg_under_a_changed_article_rests_on_the_change() -> None:
    """Syria's suspension withholds Iraq's Arab League Art. 2 duty in 2013: with that article's strength changed, the
    withheld leg would bind by the change, and says so."""
    r = foedus.cascade("ISR", "SYR", "2013-06-01", set_strength="arab_jdec_1950:2=S3")
    irq = next(w for w in r.withheld if w.state == "IRQ")
    assert [(x.kind, x.certainty) for x in irq.certainty_reasons][-1] == ("what-if", "hypothetical")
    assert irq.certainty == "unverified"  # the encoded facts' tag, as a joiner's
    line = next(x for x in explain_lines(r) if x.startswith("Withheld: Iraq"))
    assert line.endswith("— unverified facts; hypothetical: rests on the what-if change set_strength "
                         "arab_jdec_1950:2=S3")
