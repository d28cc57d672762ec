"""CPU time (time.process_time) by phase over the first N of bench_speed's dyads, all untraced, first pass: the p50
per cascade, and each phase's share of the median band's time (the volleys and the rounds' loop are the rest).

Run: python bench/profile/phcpu.py DAY N"""

from __future__ import annotations

import time

from phases import timed_run

if __name__ == "__main__":
    timed_run(time.process_time)
