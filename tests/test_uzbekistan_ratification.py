"""Russia-Uzbekistan 2005 (§2.8, 'ratified 2006 [U]'): the treaty's entry into force is still not found, but it
cannot be its signature day. The State Duma was to ratify on 21 Apr 2006 (RIA Novosti, secondary) and Putin said on
12 May 2006 that he had just signed the ratification law (Kremlin transcript, official), so the treaty is recorded
in force from that day, the true day unknown but not before the Duma's vote: Russia is not bound to Uzbekistan by
the treaty in the months after the signature (14 Nov 2005), nor said perhaps to be before that vote."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus

CURATED = foedus.World.load(history=False)


def test_the_entry_into_force_is_russias_ratification_not_the_signature() -> None:
    treaty = CURATED.treaty("rus_uzb_2005")
    assert (treaty.signed, treaty.in_force) == (dt.date(2005, 11, 14), dt.date(2006, 5, 12))
    window = treaty.in_force_certainty
    assert window is not None and (window.within, window.since, window.until) == (
        "unknown", dt.date(2006, 4, 21), dt.date(2007, 5, 12))
    assert any(s.url.startswith("http://en.special.kremlin.ru/") and "(12 May 2006)" in (s.title or "")
               for s in treaty.sources)


@pytest.mark.parametrize(("day", "bound", "doubted"), [("2006-01-15", False, False), ("2006-04-25", False, True),
                                                     ("2006-05-12", True, False)])
def test_russia_is_bound_to_uzbekistan_only_from_its_ratification(day: str, bound: bool, doubted: bool) -> None:
    result = foedus.cascade("AFG", "UZB", day, world=CURATED)  # Uzbekistan is outside the CSTO until mid-2006
    rus = result.joiner("RUS")
    obligations = [] if rus is None else [o for o in [rus.primary, *rus.also] if o.treaty == "rus_uzb_2005"]
    assert bool(obligations) is bound
    # before the Duma's vote (21 Apr 2006) the treaty was surely not in force; after it, it may have been
    assert any(d.treaty == "rus_uzb_2005" for d in result.doubts) is doubted
