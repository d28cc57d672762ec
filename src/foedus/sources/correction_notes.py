"""The carry-forward sentence a treaty carried past its source's coverage has in its note: written by
`foedus.sources.history.carry_forward` (or by a correction that ends it after some carried days), and taken out by a
correction that stops the carry (`foedus.sources.corrections`)."""

from __future__ import annotations

import datetime as dt

from foedus.model.treaty import Treaty

__all__ = ["carry_note", "without_carry_note"]


def carry_note(coverage_end: dt.date, terminated: dt.date | None, ends: str = "its fixed term ends") -> str:
    """What the note of an alliance carried past ATOP's coverage says about it (`foedus.sources.history.
    carry_forward`, or a correction ending it after some carried days); a correction that stops the carry takes it
    out again (`without_carry_note`)."""
    until = f", until {ends} on {terminated}" if terminated is not None else ""
    return f"carried forward: ATOP codes it in force on {coverage_end}, its last day of coverage{until}"


def without_carry_note(t: Treaty) -> str | None:
    """`t`'s note without the carry-forward sentence `carry_forward` added: the correction stops the carry."""
    if t.carried_from is None:  # `apply_corrections` asks only of a carried alliance
        raise RuntimeError(f"{t.id} is not carried forward: it has no carry note to take out")
    carried = carry_note(t.carried_from, t.terminated)
    parts = [p for p in (t.note or "").split("; ") if p != carried]
    return "; ".join(parts) or None
