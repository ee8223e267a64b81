"""Benchmark assess() on 1 and 5 years of daily history for 3 expectations.

Run it with ``python benchmarks/bench_assess.py``. It prints its figures and
asserts nothing. Target: the 5-year / 1-year ratio at most 1.2, since the
cost follows the style's history window, not the length of the history.
"""

from __future__ import annotations

import sys
import time as clock
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import make_events, make_journal

from accountability import Journal, assess


def interleaved_microseconds(
    journals: list[Journal], rounds: int = 15, repeat: int = 20
) -> list[float]:
    """Median microseconds per assess() for each journal, measured in alternation.

    Taking turns spreads the noise of a shared machine evenly over the
    journals, so their ratio is fair even when the absolute figures are not.
    """
    samples: list[list[float]] = [[] for _ in journals]
    moments = [journal.events[-1].at + timedelta(hours=1) for journal in journals]
    for _ in range(rounds):
        for index, journal in enumerate(journals):
            began = clock.perf_counter()
            for _ in range(repeat):
                assess(journal, moments[index])
            samples[index].append((clock.perf_counter() - began) / repeat * 1e6)
    return [sorted(taken)[len(taken) // 2] for taken in samples]


def main() -> None:
    """Print the figures."""
    one = make_journal(make_events(1))
    five = make_journal(make_events(5))
    one_us, five_us = interleaved_microseconds([one, five])
    print(f"assess(), 1 year of history:  {one_us:9.1f} us")
    print(f"assess(), 5 years of history: {five_us:9.1f} us")
    print(f"ratio 5y/1y: {five_us / one_us:.2f} (target <= 1.2)")
    print(f"assessments per second (5 years, one core): {1e6 / five_us:,.0f}")


if __name__ == "__main__":
    main()
