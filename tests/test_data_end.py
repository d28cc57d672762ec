"""The day the bundled treaty set was reviewed to as a whole (`foedus.engine.outcome.DATA_END`, 2025-12-31) and
the one sentence said after it (`DATA_END_NOTE`). The note said the data was "current to" that day and that "later
changes are not encoded", but the bundled data encodes changes found after it (France-Greece's clause after its
five-year term, from 2026-10-07; Kensington's entry into force from March 2026), and a cascade on a later day reads
them. It now says so, and docs/certainty.md ("After the cut-off") lists every such change, as the note says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import foedus
from foedus.engine.outcome import DATA_END, DATA_END_NOTE
from foedus.sweeps.atlas import series_notes

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "foedus" / "data"
LATER = "2026-11-01"  # after France-Greece's first five-year term (to 2026-10-07), its renewal not verified


def _fra_grc(day: str | dt.date) -> tuple[Any, tuple[str, ...]]:
    r = foedus.cascade("TUR", "GRC", day, world=foedus.World.load(history=False))
    joiner = r.joiner("FRA")
    assert joiner is not None
    return next(o for o in (joiner.primary, *joiner.also) if o.treaty == "fra_grc_2021"), r.notes


def test_a_cascade_after_the_review_reads_a_later_change_and_does_not_say_none_is_encoded() -> None:
    """Turkey on Greece: on the review's day France's duty under the 2021 treaty rests on secondary facts; on
    2026-11-01 on its renewal after the five-year term, not verified (a change of 2026 the data encodes), and the
    note says later changes are encoded where found, not that none is."""
    before, notes_before = _fra_grc(DATA_END)
    after, notes_after = _fra_grc(LATER)
    assert DATA_END_NOTE not in notes_before and DATA_END_NOTE in notes_after
    assert not [n for n in notes_after if "not encoded" in n or "current to" in n], notes_after
    assert f"reviewed as a whole to {DATA_END}" in DATA_END_NOTE and "encoded only where found" in DATA_END_NOTE
    assert before.certainty != "unverified" and after.certainty == "unverified"
    assert any("applies from 2026-10-07" in x.fact for x in after.certainty_reasons)
    assert not any("2026-10-07" in x.fact for x in before.certainty_reasons)


def test_a_series_past_the_review_says_the_note_and_not_that_later_years_repeat_its_world() -> None:
    """An atlas series reaching 2026 said the treaty world of 2025 was repeated; 2026 reads the changes found."""
    notes = series_notes(DATA_END.year + 1)
    assert DATA_END_NOTE in notes and not [n for n in notes if "repeat" in n]
    assert DATA_END_NOTE not in series_notes(DATA_END.year)


def _dates(value: Any, key: object = None) -> Iterator[dt.date]:
    """Every date in a loaded YAML value (a review's own day, `checked`, is no change)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "checked":
                yield from _dates(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _dates(v, key)
    elif isinstance(value, dt.date):
        yield value


def _after_the_review() -> dict[str, set[dt.date]]:
    """Each treaty file (by id) and each correction that is not a check (by ATOP id) with its days after DATA_END."""
    found: dict[str, set[dt.date]] = {}
    for path in sorted((DATA / "treaties").glob("*.yaml")):
        days = {d for d in _dates(yaml.safe_load(path.read_text(encoding="utf-8"))) if d > DATA_END}
        if days:
            found.setdefault(path.stem, set()).update(days)
    for c in yaml.safe_load((DATA / "atop_corrections.yaml").read_text(encoding="utf-8")):
        days = {d for d in _dates(c) if d > DATA_END}
        if days and c.get("action") != "checked":  # a check's days are when the alliance was seen standing
            found.setdefault(f"ATOP {c['atopid']}", set()).update(days)
    return found


def test_certainty_md_lists_every_change_after_the_review_as_the_note_says() -> None:
    """The note sends the reader to docs/certainty.md for the changes encoded after the review: its section "After
    the cut-off" has a bullet for each treaty file (`id`) and correction (ATOP id) with a day after 2025-12-31,
    naming each such day."""
    text = (ROOT / "docs" / "certainty.md").read_text(encoding="utf-8")
    section = text.split("\n## After the cut-off\n", 1)[1].split("\n## ", 1)[0]
    bullets = section.split("\n* ")[1:]
    found = _after_the_review()
    assert found  # the data does encode changes after the review (else the note would overstate)
    for what, days in found.items():
        named = [b for b in bullets if b.startswith(f"`{what}`" if not what.startswith("ATOP") else what)]
        assert named, f"docs/certainty.md 'After the cut-off' does not list {what} ({sorted(days)})"
        missing = [d.isoformat() for d in sorted(days) if d.isoformat() not in named[0]]
        assert not missing, f"{what}: {missing} not in its bullet"
