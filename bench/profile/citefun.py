"""The opcodes run inside `_Run.cite`, by function, over every 10th of bench_speed's 1,000 dyads (the rest
untraced between), after ceiling_cite.py's line for the same run; with the calls of `cite` and the obligations it
cites per cascade, counted over all the cascades run.

Run: python bench/profile/citefun.py DAY [free|records]   (the ceilings of ceiling_cite.py)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from types import FrameType
from typing import Any

from cascades import DYADS, arg
from ceiling_cite import ceiling

from foedus.engine import cascade

# Module-level, as in session 23's script, so that counted_cite runs the same opcodes (a closure adds two a call).
inside, calls, obligations = [0], [0], [0]
functions: Counter[tuple[str, str]] = Counter()
real_cite: Callable[..., tuple[Any, ...]] = cascade._Run.cite


def counted_cite(self: Any, found: list[Any]) -> tuple[Any, ...]:
    inside[0] += 1
    calls[0] += 1
    obligations[0] += len(found)
    try:
        return real_cite(self, found)
    finally:
        inside[0] -= 1


def count_cites() -> None:
    global real_cite
    real_cite = cascade._Run.cite  # the free one under 'free'
    cascade._Run.cite = counted_cite  # type: ignore[method-assign]


def each(frame: FrameType) -> None:
    if inside[0]:
        functions[(frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name)] += 1


def main() -> None:
    per = ceiling(arg(2, "real"), count_cites, each)
    n = len(per)
    print("per cascade: cite calls", calls[0] / DYADS, "obligations", obligations[0] / DYADS,
          "opcodes inside cite (traced)", sum(functions.values()) // n)
    for k, v in functions.most_common(25):
        print(f"  {v // n:7d} {k}")


if __name__ == "__main__":
    main()
