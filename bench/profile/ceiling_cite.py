"""Ceilings (wrong output): opcodes per cascade when a part of the result's records costs nothing, against the
real run; every 10th of bench_speed's 1,000 dyads traced, the rest run untraced between.

Each cascade's joiners are read (traced with the cascade): where they are cited when first read (session 53 on),
the citing runs then, and is counted as it was when the run cited them.

Run: python bench/profile/ceiling_cite.py DAY [free|records]
  free: the citing (`citing.citations`, or `_Run.cite` before session 53) hands back one obligation, made once, as
  many times as there are finds;
  records: the other findings' records (consultations, violations, neutrality duties, withheld legs) made once each."""

from __future__ import annotations

from collections.abc import Callable
from types import FrameType
from typing import Any

from cascades import arg, scenarios, traced_call

from foedus.engine import cascade, citing, held_toward, outcome
from foedus.engine.cascade import run_cascade


def free_cite() -> None:
    one: list[Any] = []
    if hasattr(citing, "citations"):  # where each module looks it up: the run's (conflicts) and the joiners'
        real_citations = citing.citations

        def citations(found: list[Any], *stores: Any) -> tuple[Any, ...]:
            if not one:
                one.append(real_citations(found[:1], *stores)[0])
            return tuple(one * len(found))

        cascade.citations = outcome.citations = citations  # type: ignore[attr-defined]
        return
    real = cascade._Run.cite

    def cite(self: Any, found: list[Any]) -> tuple[Any, ...]:
        if not one:
            one.append(real(self, found[:1])[0])
        return tuple(one * len(found))

    cascade._Run.cite = cite  # type: ignore[method-assign]


def free_records() -> None:
    made: dict[Any, Any] = {}

    def first_each(fn: Callable[..., Any]) -> Callable[..., Any]:
        def once(finds: list[Any], sure: Any, store: Any) -> list[Any]:
            if not finds:
                return []
            if fn not in made:
                made[fn] = fn(finds[:1], sure, store)[0]
            return [made[fn]] * len(finds)
        return once

    outcome.consultations_of = first_each(outcome.consultations_of)
    outcome.violations_of = first_each(outcome.violations_of)
    held_toward.withheld_all = first_each(held_toward.withheld_all)
    real_neutral = outcome.neutral_records

    def neutral(finds: list[Any], sure: Any, ordered: bool = False, store: Any = None) -> list[Any]:
        if not finds:
            return []
        if "n" not in made:
            made["n"] = real_neutral(finds[:1], sure, ordered, store)[0]
        return [made["n"]] * len(finds)

    outcome.neutral_records = neutral


def ceiling(mode: str, also: Callable[[], None] | None = None,
            each: Callable[[FrameType], None] | None = None) -> list[int]:
    """Set up the ceiling `mode` ('free', 'records' or anything else for the real run), then `also` (more wrappers),
    run the dyads, print the traced ones' p50 and median-band mean and return their opcodes (sorted); `each` is
    called on every traced opcode."""
    day = arg(1)
    world, scen = scenarios(day)
    if mode == "free":
        free_cite()
    elif mode == "records":
        free_records()
    if also is not None:
        also()
    count = [0]

    def hit(frame: FrameType) -> None:
        count[0] += 1
        if each is not None:
            each(frame)

    per = []
    for j, s in enumerate(scen):
        if j % 10:
            len(run_cascade(world, s).joiners)
            continue
        count[0] = 0
        traced_call(lambda s=s: len(run_cascade(world, s).joiners), hit)
        per.append(count[0])
    per.sort()
    mid = per[35:65]
    print(day, "free cite" if mode == "free" else "free records" if mode == "records" else "real", "p50", per[50],
          "median band mean", sum(mid) // len(mid))
    return per


if __name__ == "__main__":
    ceiling(arg(2, "real"))
