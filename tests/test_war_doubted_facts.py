"""`foedus war`'s text names the facts a tagged finding rests on that are not verified, by the rule of `foedus war
--state --json`'s `facts` (`foedus.war.why_record.rests_on`): after a table row's tag ("(secondary: article)") and
after each other duty's, alike ("(unverified: date)"); a verified row or duty says nothing more."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from foedus.api import cascade, replay_war
from foedus.cited import cited
from foedus.engine.records import CertaintyReason
from foedus.engine.result import Joiner
from foedus.model.world import World
from foedus.war.result import WarReplay

WARS = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "wars"
KINDS = ("treaty", "article", "validity", "membership", "date")


@pytest.fixture(scope="module")
def kursk() -> WarReplay:
    return replay_war(WARS / "russia_ukraine_2022.yaml", until="2025-04-26")  # the incursion's last day


def _text(result: WarReplay, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    from foedus.war.render import print_replay

    monkeypatch.setenv("COLUMNS", "250")  # one line a row
    print_replay(result, timeline=False)
    return str(capsys.readouterr().out)


def _row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"│ {name} "))


def test_a_tagged_row_names_the_facts_that_the_state_json_says_are_not_verified(
        kursk: WarReplay, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row bound on facts not all verified says, after its tag, the facts `--state --json` on its first bound
    day gives as not verified (Belarus's CSTO art. 4, an article known from secondary quotes; Uzbekistan's ATOP
    alliance, a treaty carried past 2018); a verified row (North Korea's 2024 treaty) has no tag."""
    from foedus.war.why import why_record

    text, world = _text(kursk, capsys, monkeypatch), World.default()
    tagged = 0
    for rec in kursk.ordered():
        b = rec.first_bound
        if b is None:
            continue
        row = _row(text, kursk.names_on(kursk.row_day(rec))[rec.state] + f" ({rec.state})")
        why = why_record(kursk, world, rec.state, b.date)
        assert (why.treaty, why.article, why.certainty) == (b.treaty, b.article, b.certainty)
        doubted = [f.kind for f in why.facts if not f.verified]
        cell = row.split("│")[3].strip()  # state, fighting, first bound to join
        assert b.kind == "defense" and {b.because.attacked, b.because.by} == {"RUS", "UKR"}  # Kursk's war: its duty
        duty = {"RUS": "to defend Russia (RUS) against Ukraine (UKR)",
                "UKR": "to defend Ukraine (UKR) against Russia (RUS)"}[b.because.attacked]  # whom it defends
        said = f"{b.date}, {duty}: {cited(b.treaty, b.article)}"
        if b.certainty == "verified":
            assert cell == said, row
        else:
            tagged += 1
            assert doubted, rec.state  # a tag always names a fact here
            assert cell == f"{said} ({b.certainty}: {', '.join(doubted)})", row
    assert tagged >= 5
    assert "csto_1992 art. 4 (secondary: article)" in _row(text, "Belarus (BLR)")
    assert "atop_4245 ATOP defense code (carried-forward: treaty)" in _row(text, "Uzbekistan (UZB)")
    assert re.search(r"rus_prk_2024 art\. 4 +│", _row(text, "North Korea (PRK)"))


def _named(reasons: Iterable[CertaintyReason], level: str | None = None) -> str:
    """The kinds of fact among `reasons` tagged below verified (those whose weakest tag is `level`, when given), in
    the order the JSON's `facts` lists them."""
    order = ("verified", "secondary", "carried-forward", "unverified", "conflicting")
    tags = {k: [order.index(r.certainty) for r in reasons if r.kind == k and r.certainty != "verified"] for k in KINDS}
    return ", ".join(k for k in KINDS if tags[k] and (level is None or order[max(tags[k])] == level))


def _levels_said(certainty: str, reasons: Iterable[CertaintyReason]) -> str:
    """A tag's facts, each under the weakest tag of its reasons, the weakest level first ("unverified: validity;
    secondary: article"); the obligation's certainty heads them."""
    reasons = list(reasons)
    said = [f"{level}: {kinds}" for level in ("conflicting", "unverified", "carried-forward", "secondary")
            if (kinds := _named(reasons, level))]
    return "; ".join(said if said and said[0].startswith(f"{certainty}:") else [certainty, *said])


def test_a_tagged_duty_names_its_facts_not_verified(kursk: WarReplay, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Each other duty's tag is followed by the facts its cascade's reasons say are not verified: the UK's and
    Canada's duties to consult Ukraine rest on agreements whose entry into force on signature is not verified (a
    date); Armenia's CSTO duties on a membership known from secondary reports from June 2024 (to 24 Nov 2025); the
    US's, verified, has no tag."""
    text = _text(kursk, capsys, monkeypatch)
    lines = text.splitlines()
    days = (cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast"), cascade("RUS", "UKR", "2024-07-01"))
    checked = 0
    for c in (c for day in days for c in day.consultations):
        if c.state not in ("GBR", "CAN", "ARM", "USA") or c.with_ not in ("UKR", "RUS"):
            continue
        line = next(x for x in lines if f"({c.state}): consult" in x and f"({c.treaty} " in x)
        if c.certainty == "verified":
            assert line.endswith(f"({cited(c.treaty, c.article)})"), line
        else:
            assert line.endswith(f") ({_levels_said(c.certainty, c.certainty_reasons)})"), line
            checked += 1
    assert checked >= 4
    assert next(x for x in lines if "(GBR): consult Ukraine" in x).endswith(") (unverified: date)")
    assert next(x for x in lines if "(ARM): consult Russia" in x and "csto_1992" in x).endswith(
        ") (secondary: membership)")
    assert next(x for x in lines if "(USA): consult Ukraine" in x).endswith("agreement))")
    # each fact at its own level: rus_arm_1997's clause read from secondary reports, its term presumed extended
    assert next(x for x in lines if "(ARM): consult Russia" in x and "rus_arm_1997" in x).endswith(
        "(rus_arm_1997 art. 2) (unverified: validity; secondary: article)")
    # a casus foederis and a duty to stay out alike
    assert ("Kazakhstan (KAZ): casus foederis 2024-08-06 toward Russia (RUS), rus_kaz_1992 art. unknown "
            "(a defence clause) (unverified: treaty, article)") in text
    assert next(x for x in lines if "(TKM): must not join" in x).endswith(") (carried-forward: treaty)")


def test_the_json_records_carry_what_the_text_names(kursk: WarReplay) -> None:
    """`foedus war --json`: each first binding and duty carries `doubted`, the facts the text names (none when
    verified)."""
    states = {r["state"]: r for r in kursk.to_dict()["states"]}
    assert states["BLR"]["first_bound"]["doubted"] == ["article"]
    assert states["PRK"]["first_bound"]["doubted"] == []
    assert [c["doubted"] for c in states["GBR"]["consultations"]] == [["date"]]
    assert [c["levels"] for c in states["ARM"]["consultations"] if c["treaty"] == "rus_arm_1997"] == [
        {"article": "secondary", "validity": "unverified"}]  # each doubted fact with its own level
    for rec in states.values():
        for duty in (*rec["triggered"], *rec["consultations"], *rec["neutral"]):
            assert (duty["certainty"] == "verified") == (duty["doubted"] == []), duty


def test_a_date_known_to_a_verified_window_is_a_verified_fact(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The treaty's dates are a fact of their own (`--state --json`'s `date`), not verified when a date reason tags
    them below verified; the Shusha Declaration's entry into force, about 14 Feb 2022 with the week verified [V], is
    a date reason tagged verified (not to the day): Turkey's duty under it stays verified, its date fact verified,
    its row untagged, its record doubting nothing."""
    from foedus.war.why import why_record

    path = tmp_path / "war.yaml"
    path.write_text("id: shusha_week\nname: Test\nevents:\n"
                    "  - {type: attack, date: 2022-02-14, attacker: ARM, victim: AZE}\n", encoding="utf-8")
    result = replay_war(path, until="2022-02-14")
    why = why_record(result, World.default(), "TUR")
    assert (why.treaty, why.certainty) == ("tur_aze_shusha_2021", "verified")
    assert [(r.kind, r.certainty) for r in why.certainty_reasons] == [("date", "verified")]
    assert [(f.kind, f.value, f.verified) for f in why.facts] == [
        ("treaty", "tur_aze_shusha_2021", True), ("article", why.article, True), ("validity", why.article, True),
        ("membership", "TUR", True), ("date", "tur_aze_shusha_2021", True)]
    b = result.first_bound("TUR")
    assert b is not None and (b.treaty, b.certainty, b.doubted) == ("tur_aze_shusha_2021", "verified", ())
    row = _row(_text(result, capsys, monkeypatch), "Turkey (TUR)")
    defends = "to defend Azerbaijan (AZE) against Armenia (ARM)"  # the duty, whom it defends (was "the side of" it)
    assert row.split("│")[3].strip() == f"2022-02-14, {defends}: {cited(b.treaty, b.article)}"


KAZ_ALSO = {"treaty": "rus_kaz_1992", "article": "unknown (article unverified)", "instrument": "treaty",
            "certainty": "unverified", "doubted": ["treaty", "article"],
            "levels": {"treaty": "unverified", "article": "unverified"}, "conditions": [], "unresolved": []}


def _cell(text: str, name: str) -> list[str]:
    """The lines of a table row's "first bound to join" cell: the row's first line's, then each following line's
    while the row goes on (its state cell blank)."""
    lines = text.splitlines()
    at = lines.index(_row(text, name))
    out = [lines[at].split("│")[3].strip()]
    for line in lines[at + 1:]:
        cells = line.split("│")
        if len(cells) < 5 or cells[1].strip():
            break
        out.append(cells[3].strip())
    return [c for c in out if c]


def _unverified(reasons: Iterable[CertaintyReason]) -> list[str]:
    """The kinds of fact among `reasons` tagged below verified, in the order the JSON's `facts` lists them."""
    return [k for k in KINDS if any(r.kind == k and r.certainty != "verified" for r in reasons)]


def _also(joiner: Joiner) -> list[dict[str, object]]:
    """A cascade joiner's other obligations, each with its instrument, its certainty, the facts its reasons do not
    verify, and the conditions it assumes and the ATOP conditions it rests on, as the cascade's record states them."""
    return [{"treaty": o.treaty, "article": o.article, "instrument": o.instrument, "certainty": o.certainty,
             "doubted": _unverified(o.certainty_reasons), "levels": _levels(o.certainty_reasons),
             "conditions": list(o.conditions), "unresolved": list(o.unresolved)} for o in joiner.also]


def _levels(reasons: Iterable[CertaintyReason]) -> dict[str, str]:
    """Each kind of fact among `reasons` tagged below verified, with its weakest tag."""
    reasons = list(reasons)
    return {k: level for level in ("secondary", "carried-forward", "unverified", "conflicting") for k in KINDS
            if k in _named(reasons, level).split(", ")}


def test_each_other_obligation_of_a_binding_carries_its_certainty_and_doubted_facts(
        kursk: WarReplay, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A binding's other obligations that day (`also`) carried only their treaty and article, so Kazakhstan's 1992
    treaty with Russia, whose article is not known (unverified: treaty, article), read as verified beside its CSTO
    art. 4 (secondary: article): each now carries its certainty and the facts not verified, in the JSON's
    `first_bound.also`, in each frame's `bound` (with the primary's), and on a line of its own under the table's
    row, said as the primary is."""
    states = {r["state"]: r for r in kursk.to_dict()["states"]}
    days = {e.date: e for e in kursk.evaluations}
    others = 0
    for rec in kursk.ordered():
        if rec.first_bound is None:
            continue
        also = states[rec.state]["first_bound"]["also"]
        assert also == _also(days[rec.first_bound.date].bound[rec.state]), rec.state
        assert all((o["certainty"] == "verified") == (o["doubted"] == []) for o in also), also
        others += len(also)
    assert others >= 3
    assert states["KAZ"]["first_bound"]["also"] == [KAZ_ALSO]
    for f in kursk.frames:
        for state, bound in f.to_dict()["bound"].items():
            j = days[f.date].bound[state]
            assert bound["certainty"] == j.primary.certainty
            assert bound["doubted"] == _unverified(j.primary.certainty_reasons)
            assert bound["also"] == _also(j), (f.date, state)
    kaz = next(f for f in kursk.frames if "KAZ" in f.bound).bound["KAZ"]
    assert (kaz["certainty"], kaz["doubted"], kaz["also"]) == ("secondary", ["article"], [KAZ_ALSO])
    text = _text(kursk, capsys, monkeypatch)
    kaz_cell = _cell(text, "Kazakhstan (KAZ)")  # the condition the cascade states, wrapped, between the two
    assert [kaz_cell[0], kaz_cell[-1]] == [
        "2024-08-06, to defend Russia (RUS) against Ukraine (UKR): csto_1992 art. 4 (secondary: article)",
        "also rus_kaz_1992 art. unknown (unverified: treaty, article)"]  # the doubt said once
    assert " ".join(kaz_cell[1:-1]).startswith("condition: request-gated: assumes Russia (RUS) asks for help")
    # nowhere in the table or the duties is an article's own note of its doubt followed by a tag that says it again
    assert not re.search(r"(article|number) unverified\)+ \((unverified|secondary): [a-z, ]*article", text), text
    assert " ".join(_cell(text, "North Korea (PRK)")) == (  # verified, alone, with the condition the cascade states
        "2024-12-04, to defend Russia (RUS) against Ukraine (UKR): rus_prk_2024 art. 4 condition: assumes the attack "
        "puts Russia (RUS) in a state of war")
