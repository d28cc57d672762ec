"""`foedus compare --format csv|table` and `--out`: a scenario comparison's changes as rows (`foedus.sweeps
.compare_table`), printed as every listing's rows are (`foedus.cli.listing.emit`) or written as a table through the
shared writer (`foedus.cli.writing.save_table`: atomic, with its sidecar and each column's description)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from foedus.engine.result import CascadeResult

__all__ = ["COMPARE_OUT_HELP", "check_compare_out", "compare_head", "compare_label", "reading_said", "review_note",
           "titled", "titled_label", "write_compare"]

COMPARE_OUT_HELP = ("Write the comparison's changes, one row per state gained, lost, switched or rebased, and one per "
                    "state newly bound both ways or no longer so, to a .parquet, .csv or .dta (Stata) file instead of "
                    "printing them; refuses an existing file unless --force.")


def check_compare_out(out: Path | None, force: bool, shape: str | None, atlas: bool, read: dict[str, list[Path]],
                      as_json: bool = False) -> None:
    """Refuse, before any work, a table format or `--out` that would go unread (the atlas comparison has no rows;
    `--out` writes the rows in its file's format, so `--json` or `--format table` beside it is unread), `--force`
    without `--out`, a taken `--out`, and an `--out` that is a file the command reads (`read`: option -> paths);
    `as_json`: `--json` was given (named so in the message).

    Raises:
        FoedusError, OutputError: naming the option and why.
    """
    from foedus.cli.helpers import refuse_unused
    from foedus.cli.writing import check_table
    from foedus.outputs.own_inputs import refuse_input

    refuse_unused(f"--format {shape}", atlas and shape in ("csv", "table"),
                  "with --atlas (its rows are a scenario's changed states: --json gives the atlas comparison)")
    refuse_unused("--out", atlas and out is not None, "with --atlas (it writes a scenario's changed states)")
    refuse_unused("--force", force and out is None, "without --out")
    if out is None:
        return
    refuse_unused("--json" if as_json else f"--format {shape}", shape in ("json", "table"),
                  "with --out (it writes the changed states, in the format of the file's suffix)")
    check_table(out, force)
    for option, paths in read.items():
        for path in paths:
            refuse_input(option, path, out, "the table would replace the file it reads")


def write_compare(diff: dict[str, Any], base: CascadeResult, other: CascadeResult, shape: str | None,
                  out: Path | None, force: bool) -> None:
    """The comparison's rows: to `out` (`save_table`, titled with the dates and changes compared, the result's datasets
    cited; a CSV's text cells guarded against a spreadsheet's formulas, as `--format csv`'s are) or as `shape` (csv,
    table) on stdout."""
    from foedus.sweeps.compare_table import COMPARE_COLUMNS, compare_columns, compare_frame, compare_rows

    rows = compare_rows(diff, base, other)
    if out is not None:
        from foedus.cli.listing import spreadsheet_safe
        from foedus.cli.writing import save_table

        if out.suffix.lower() == ".csv":  # its text cells guarded as `--format csv` prints them
            rows = [{k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]

        reading = base.scenario.reading
        title = compare_head(diff, reading, title=True)  # as the first line says them
        datasets = list(dict.fromkeys([*base.datasets, *other.datasets]))
        frame = compare_frame(rows, bool(other.what_if), bool(diff.get("switches_said")))
        save_table(frame, out, force=force, datasets=datasets, title=title, label=compare_label(diff, reading),
                   notes=[*diff["notes"], *review_note(base, other)], codebook=COMPARE_COLUMNS)  # the note it marks
        return
    from foedus.cli.listing import emit

    columns = [(c, c) for c in compare_columns(bool(other.what_if), bool(diff.get("switches_said")))]
    emit(rows, str(shape), columns)


def compare_head(diff: Mapping[str, Any], reading: str | None, *, title: bool = False) -> str:
    """A scenario comparison's first line ("base: 2026-03-01; other: 2026-06-01 ...") or, `title`, its `--out` table's
    title ("foedus compare 2026-03-01 vs 2026-06-01 ..."), by one rule (`titled`): the two days (`diff`:
    `compare_results`'), marked once for the pair where one is after the treaty set's review day
    (`past_review_pair`), the what-if changes, the reading where it is not the default (legal), as a war replay's
    header says it ("escalatory reading"; a cascade's names it in its bracket; None: the atlas comparison's, of both
    readings), then the switches not at their defaults (`switches_said`). A what-if comparison of one day says the
    day once, marked alone (`past_review`): "base: 2026-06-01 as encoded; other: the same day with ...", titled
    "foedus compare 2026-06-01 as encoded and with ..." (both said "2026-06-01 vs 2026-06-01", as if two days were
    compared)."""
    return titled(_head(diff, title), diff["what_if"], _tails(diff, reading))


def _head(diff: Mapping[str, Any], title: bool) -> str:
    """What `compare_head` says before the changes: the days, marked; one day once, as encoded and with them."""
    from foedus.review_words import past_review, past_review_pair

    base, other = diff["base_date"], diff["other_date"]
    if base == other and diff["what_if"]:
        day = f"{base}{past_review(base)} as encoded"
        return f"foedus compare {day} and" if title else f"base: {day}; other: the same day"
    return (f"foedus compare {base} vs {other}" if title else f"base: {base}; other: {other}") + past_review_pair(
        base, other)


def _tails(diff: Mapping[str, Any], reading: str | None) -> list[str]:
    """What `compare_head` says after the changes: the reading where not the default, then the switches."""
    return [f"; {words}" for words in [*reading_said(reading), *diff.get("switches_said", ())]]


def titled(head: str, changes: Sequence[str], tails: Sequence[str] = ()) -> str:
    """An output's title (or first line) by one rule, a comparison's (`compare_head`) and an atlas's: `head`, what ran
    on which day(s), marked after the review day; " with " and the what-if `changes` as the rows' `what_if` cell lists
    them (`what_if_cell`), so that a what-if output's title does not read as the treaties as encoded; then `tails`
    (draws, the reading, the switches), each as written.

    >>> titled("foedus atlas 1950-01-01", ["add_member nato_1949:UKR"], [", 1,000 draws", "; escalatory reading"])
    'foedus atlas 1950-01-01 with add_member nato_1949:UKR, 1,000 draws; escalatory reading'
    >>> titled("foedus atlas 1950-01-01", [], [", 1,000 draws"])
    'foedus atlas 1950-01-01, 1,000 draws'
    """
    from foedus.whatif_words import what_if_cell

    changed = what_if_cell(changes)
    return head + (f" with {changed}" if changed else "") + "".join(tails)


def titled_label(head: str, changes: Sequence[str], tails: Sequence[str] = (), title: str | None = None
                 ) -> str | None:
    """A what-if output's Stata data label where its `title` (default: `titled`'s) does not fit the 80 characters even
    with the review day's mark in short words: `head`, then its changes, all, else the first "and N more", else "N
    what-if changes", then as many of `tails` as fit, " …" where one does not; the whole title is the file's first
    note. None where the title fits or has no changes: `foedus.outputs.stata.stata_label` labels it (which cut the
    changes at their first word, "… with add_member …", and the draws, reading and switches after them)."""
    from foedus.outputs.stata import STATA_LABEL_MAX
    from foedus.review_words import short_review
    from foedus.whatif_words import what_if_cell

    changes = list(changes)
    title = titled(head, changes, tails) if title is None else title
    if not changes or len(short_review(title)) <= STATA_LABEL_MAX:
        return None
    more = [f"{changes[0]} and {len(changes) - 1} more"] if len(changes) > 1 else []
    for what in [what_if_cell(changes), *more, f"{len(changes)} what-if change{'s' if len(changes) > 1 else ''}"]:
        for kept in range(len(tails), -1, -1):
            label = short_review(f"{head} with {what}{''.join(tails[:kept])}") + (" …" if kept < len(tails) else "")
            if len(label) <= STATA_LABEL_MAX:
                return label
    return None


def compare_label(diff: Mapping[str, Any], reading: str) -> str | None:
    """A what-if comparison's Stata data label where its title (`compare_head`) does not fit the 80 characters
    (`titled_label`): a what-if of one day says it once, marked "(past review)" after the review day, without the
    title's "as encoded and" ("foedus compare 2025-06-01 with add_member nato_1949:UKR and 2 more …": those 15
    characters cut the changes to "3 what-if changes"), then its changes as many as fit, then the reading and the
    switches as fit. None where the title fits."""
    from foedus.review_words import past_review

    base = diff["base_date"]
    head = f"foedus compare {base}{past_review(base)}" if base == diff["other_date"] else _head(diff, title=True)
    return titled_label(head, diff["what_if"], _tails(diff, reading), compare_head(diff, reading, title=True))


def reading_said(reading: str | None) -> list[str]:
    """The one reading an output ran in as words ("escalatory reading") where it is not the default (legal), else
    none: said after the day in `foedus compare`'s first line and title and in an atlas's title, so that a table of
    the escalatory reading does not read as one of the legal (`None`: both readings, or the default)."""
    from foedus.inputs import SWITCH

    return [f"{reading} reading"] if reading is not None and reading != SWITCH["reading"].default else []


def review_note(*results: Any) -> list[str]:
    """The note a cascade after the treaty set's review day gives (`DATA_END_NOTE`), once, for the text comparison
    whose header marks such a day (`past_review`), and its `--out` table's title: the comparison's notes held none, so
    its "see the note" would find none. The JSON keeps it in each world's result's notes."""
    from foedus.engine.outcome import DATA_END_NOTE

    return [DATA_END_NOTE] if any(DATA_END_NOTE in r.notes for r in results) else []
