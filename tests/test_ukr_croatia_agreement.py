"""Croatia's agreement with Ukraine (Dubrovnik, 9 Oct 2024) owed the 24-hour consultation and wartime support of
`ukr_bilateral_2024` on no source. RTL (net.hr, 9 Oct 2024) reported that, unlike the others, it holds no security
guarantees, and the Deputy Head of the President's Office, Zhovkva, said that day that it is not counted among the
security agreements under the G7 Joint Declaration, which Croatia had not joined (European Pravda, as my.ua republishes
it). So its row owes neither; it keeps the peacetime help its reports name, unverified."""

from __future__ import annotations

import foedus

CURATED = foedus.World.load(history=False)
PACT = CURATED.treaty("ukr_bilateral_2024")
ZHOVKVA = ("https://my.ua/news/cluster/2024-10-09-v-opu-poiasnili-chomu-ne-zarakhovuiut-dogovir-z-khorvatiieiu-do-"
           "bezpekovikh-ugod/ec0aea71-4d20-b5e9-db4a-bd1897d2ff12")


def test_croatia_owes_no_consultation_on_a_russian_attack() -> None:
    r = foedus.cascade("RUS", "UKR", "2025-01-15", world=CURATED)
    owed = {c.state for c in r.consultations if c.treaty == "ukr_bilateral_2024"}
    assert "HRV" not in owed and {"GRC", "IRL", "LTU"} <= owed  # the partners signed before and after it still owe


def test_croatia_gives_no_wartime_support_but_its_reported_peacetime_help() -> None:
    forms = PACT.assistance.forms if PACT.assistance else []
    wartime = [f for f in forms if f.when == "wartime"]
    assert wartime and all("HRV" not in (f.by or []) for f in wartime)
    assert any("HRV" in (f.by or []) for f in forms if f.when == "peacetime")
    r = foedus.cascade("RUS", "UKR", "2025-01-15", world=CURATED)
    assert {s.when for s in r.supporters if s.state == "HRV"} == {"peacetime"}


def test_croatias_row_says_why_and_cites_the_offices_word() -> None:
    (row,) = [m for m in PACT.members if m.state == "HRV"]
    note = row.note or ""
    assert row.certainty == "unverified" and "Zhovkva" in note and "G7 Joint Declaration" in note
    assert any(s.url == ZHOVKVA and "(secondary)" in (s.title or "") for s in PACT.sources)
