"""How a result run in a what-if world says it is one (`what_if_world`): without it the text, the JSON and the web's
export of such a run read as the treaties as encoded, every finding resting on an added member "verified". A word
module beside `foedus.wording`, as `foedus.support_words` is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from foedus.wording import and_listed

if TYPE_CHECKING:
    from foedus.engine.records import CertaintyReason

NONE_APPLIED = "none (no change applies this year: the treaties as encoded)"
"""The `what_if` cell of a what-if series' year in which no change applies (`foedus.sweeps.atlas_years`; the notes
say why)."""

__all__ = ["NONE_APPLIED", "RESTING", "RESTS_ON", "change_reason", "finding_tag", "hypothetical_said",
           "hypothetical_tag", "read_apart", "rested", "resting_note", "what_if_cell",
           "what_if_series", "what_if_world", "year_spans"]

RESTS_ON = "rests on the what-if change "
"""What a `what-if` certainty reason's fact says before the change (`change_reason`); web/src/whatifwords.ts
`RESTS_ON`."""

RESTING = {"joiner": "bound under", "conflict": "bound both ways, one duty under", "neutral": "bound to stay out under",
           "consultation": "bound to consult under", "violation": "in breach of", "withheld": "withheld under",
           "support": "bound to support under"}
"""What a `resting on` note says of the states of each kind of finding that rests on a change, before the provision
(`resting_note`), in the order the note lists them: the joiners first, as the note said them alone until 2026-12-07."""


def resting_note(words: str, found: dict[str, dict[str, list[str]]]) -> str | None:
    """The note naming the findings that rest on the change `words` (`found`: by kind of `RESTING`, by provision
    cited, the states named): "resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United States (USA),
    bound under usa_phl_1951 art. IV (hypothetical)"; None where none rests on it."""
    parts = [f"{and_listed(states)}, {RESTING[kind]} {where}" for kind in RESTING
             for where, states in found.get(kind, {}).items() if states]
    return f"resting on {words}: {'; '.join(parts)} (hypothetical)" if parts else None


def read_apart(name: str, read: dict[str, list[int]]) -> str:
    """The refusal of `--save-overlay` of a yearly atlas whose change names a state `name` that the series reads as
    several (`read`: each id, the years it is read in): an overlay file holds one state per change."""
    said = " and ".join(f"{state} in {year_spans(years)}" for state, years in read.items())
    return (f"--save-overlay: {name!r} names {said} (each year reads the names of its 1 July): an overlay file holds "
            f"one state per change; give its code, or one change per state; nothing was written")


_OPENS = "what-if world: the treaties as encoded, changed by "
_CLOSES = "; a finding that rests on a change is hypothetical, and its certainty rates only the encoded facts beside it"


def what_if_world(changes: Sequence[str]) -> str:
    """The note of a result run in a what-if world, naming its changes (`CascadeResult.what_if`: `overlay_set.summary`'s
    words, alike however they were given: an option, a keyword, an overlay file); the web's PNG caption makes it so
    too (web/src/whatifwords.ts `whatIfWorld`).

    >>> what_if_world(["add_member nato_1949:UKR"])
    'what-if world: the treaties as encoded, changed by add_member nato_1949:UKR; a finding that rests on a change \
is hypothetical, and its certainty rates only the encoded facts beside it'
    """
    return f"{_OPENS}{and_listed(list(changes))}{_CLOSES}"


def what_if_cell(changes: Sequence[str]) -> str | None:
    """A what-if run's changes (`CascadeResult.what_if`) as a table's `what_if` cell says them, on every row, where its
    rows would otherwise read as the treaties as encoded (`foedus cascade --format csv|table`, `foedus compare
    --format csv`; the web's CSV and compare view: whatifwords.ts `whatIfOf`, tests/test_what_if_exports.py): listed
    as the note lists them; None for a run on the treaties as encoded.

    >>> what_if_cell(["add_member nato_1949:UKR", "drop_treaty rus_prk_2024"])
    'add_member nato_1949:UKR and drop_treaty rus_prk_2024'
    >>> what_if_cell([]) is None
    True
    """
    return and_listed(list(changes)) if changes else None


def what_if_series(cells: Sequence[tuple[int, str]]) -> str:
    """The note of a what-if yearly atlas drawn by `foedus atlas-plot`, from its rows' `what_if` cells (year, cell):
    the changes, each set with the years it applies in, and the years in which none does (`NONE_APPLIED`), so that
    the plot of an invented world does not read as the treaties as encoded, as the web's PNG caption says so.

    >>> what_if_series([(1990, NONE_APPLIED), (1991, NONE_APPLIED), (1992, "add_member nato_1949:UKR")])
    'what-if world: the treaties as encoded, changed by add_member nato_1949:UKR in 1992; no change applies in \
1990–1991 (those years as encoded); a finding that rests on a change is hypothetical, and its certainty rates only the \
encoded facts beside it'
    """
    years: dict[str, list[int]] = {}
    for year, cell in sorted(cells):
        years.setdefault(cell, []).append(year)
    changed = [f"{cell} in {year_spans(ys)}" for cell, ys in years.items() if cell != NONE_APPLIED]
    none = f"no change applies in {year_spans(years[NONE_APPLIED])}" if NONE_APPLIED in years else ""
    if not changed:
        return f"what-if world: {none}, so the series is the treaties as encoded"
    return f"{_OPENS}{'; '.join(changed)}{'; ' + none + ' (those years as encoded)' if none else ''}{_CLOSES}"


def year_spans(years: list[int]) -> str:
    """Years (ascending) as runs: `1900–1948 and 1950`; the notes' and `foedus atlas-plot`'s caption's words."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return and_listed([f"{a}" if a == b else f"{a}–{b}" for a, b in runs])


def change_reason(words: str) -> CertaintyReason:
    """The certainty reason of a duty resting on the what-if change `words`: listed beneath the joiner's line and in
    the web's Why? headed 'hypothetical', as the encoded facts' tag (`certainty`) cannot say it."""
    from foedus.engine.records import HYPOTHETICAL, CertaintyReason

    return CertaintyReason("what-if", f"{RESTS_ON}{words}", HYPOTHETICAL,
                           "the what-if change given to this run, not the treaties as encoded")


def hypothetical_tag(reasons: Sequence[CertaintyReason], level: str) -> str:
    """What a joiner's line says after its certainty (`level`, the encoded facts' tag) of the what-if changes its duty
    rests on: " — verified facts; hypothetical: rests on the what-if change add_member usa_phl_1951:TWN" (the tag
    itself said here where verified, as the line says none then), nothing where it rests on none."""
    from foedus.engine.records import HYPOTHETICAL
    from foedus.model.vocab import Certainty

    facts = [r.fact for r in reasons if r.certainty == HYPOTHETICAL]
    if not facts:
        return ""
    return f"{' — verified facts' if level == Certainty.VERIFIED.value else ''}; hypothetical: {'; '.join(facts)}"



def rested(reasons: Sequence[CertaintyReason]) -> list[str]:
    """The what-if changes a finding with certainty `reasons` rests on, each in `CascadeResult.what_if`'s words (its
    `what-if` reasons' facts, less `RESTS_ON`): the cascade CSV's `rests_on_what_if` cell lists them
    (`what_if_cell`), and `foedus compare` gives a rebased state's."""
    from foedus.engine.records import HYPOTHETICAL

    return [r.fact.removeprefix(RESTS_ON) for r in reasons if r.certainty == HYPOTHETICAL]


def hypothetical_said(changes: Sequence[str]) -> str:
    """What a duty resting on the what-if `changes` says after its citation where no certainty is said before it (a
    joiner's other obligations, `foedus compare`'s still-bound line; web/src/whatifwords.ts `hypotheticalSaid`);
    nothing where it rests on none.

    >>> hypothetical_said(["set_strength usa_kor_1953:III=S1"])
    ' (hypothetical: rests on the what-if change set_strength usa_kor_1953:III=S1)'
    >>> hypothetical_said([])
    ''
    """
    return f" (hypothetical: {'; '.join(RESTS_ON + c for c in changes)})" if changes else ""


def finding_tag(level: str, reasons: Sequence[CertaintyReason]) -> str:
    """A neutrality duty's, consultation's, violation's or withheld leg's certainty after its line (`level`, the encoded
    facts' tag; `window_facts`, of its reasons other than a what-if change's), then the what-if changes it rests on, as
    a joiner's line says them (`hypothetical_tag`): " — verified facts; hypothetical: rests on the what-if change
    ...". The web page's copy: web/src/said.ts `findingTag`."""
    from foedus.engine.certainty_words import window_facts
    from foedus.engine.records import HYPOTHETICAL

    tag = window_facts(level, [r.fact for r in reasons if r.certainty != HYPOTHETICAL])
    facts = [r.fact for r in reasons if r.certainty == HYPOTHETICAL]
    return f"{tag or ' — verified facts'}; hypothetical: {'; '.join(facts)}" if facts else tag
