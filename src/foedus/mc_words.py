"""What a Monte Carlo answer says of its shares' intervals: `foedus cascade --draws`'s text under its table of
shares, and the web's probabilities panel under its table (web/src/mcsaid.ts `intervalNote`, a copy checked by
tests/test_mc_said_parity.py), so that the two say the same of what the brackets hold and what they leave out."""

from __future__ import annotations

from foedus.engine.mc_records import SHARE_CONFIDENCE
from foedus.wording import counted

__all__ = ["interval_note"]


def interval_note(draws: int) -> str:
    """The note under a table of shares with intervals in brackets, over `draws` draws: the interval is the Wilson
    interval of the simulation's error only, which more draws narrow, not the honour rates' uncertainty.

    >>> for part in interval_note(300).split(", "):
    ...     print(part)
    In brackets: each share's 95% Wilson interval over the 300 draws
    the simulation's error only
    not the honour rates' uncertainty.
    >>> interval_note(1).split(", ")[0][-15:], interval_note(1000).split(", ")[0][-20:]
    ('over the 1 draw', 'over the 1,000 draws')
    """
    return (f"In brackets: each share's {SHARE_CONFIDENCE:.0%} Wilson interval over the "
            f"{counted(draws, 'draw')}, the simulation's error only, not the honour rates' uncertainty.")
