"""Benchmark the journal: window queries on 1 and 5 years of history, and memory per event.

Run it with ``python benchmarks/bench_journal.py``. It prints its figures and
asserts nothing: machines here are shared and noisy, so compare the ratios
printed in one run rather than absolute times across runs.

Targets: the 5-year / 1-year ratio of a 28-day window query at most 1.2
(the cost follows the window, not the history), and at most 200 bytes per
stored event.
"""

from __future__ import annotations

import gc
import random
import time as clock
import tracemalloc
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from accountability import (
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Expectation,
    Goal,
    Journal,
    Miss,
    Reflection,
    ReflectionKind,
    Setback,
    Severity,
    Win,
)
from accountability.record import Event

ZONE = ZoneInfo("Europe/Berlin")
START = datetime(2020, 1, 6, 9, tzinfo=ZONE)
EXPECTATIONS = ("run", "stretch", "read")


def make_events(years: int, seed: int = 7) -> list[Event]:
    """A realistic mix: mostly completions, some misses, weekly check-ins, rare setbacks."""
    rng = random.Random(seed)
    events: list[Event] = []
    for day in range(365 * years):
        base = START + timedelta(days=day)
        for index, expectation in enumerate(EXPECTATIONS):
            roll = rng.random()
            at = base + timedelta(hours=index, minutes=rng.randrange(60))
            if roll < 0.8:
                events.append(Completion(id=f"c{day}-{index}", at=at, expectation=expectation))
            elif roll < 0.85:
                events.append(Miss(id=f"m{day}-{index}", at=at, expectation=expectation))
        if day % 7 == 6:
            events.append(CheckIn(id=f"k{day}", at=base + timedelta(hours=11), confidence=7))
        if day % 30 == 15:
            events.append(
                Reflection(
                    id=f"r{day}", at=base, kind=ReflectionKind.INSIGHT, words="Mornings work."
                )
            )
        if day % 90 == 45:
            events.append(Setback(id=f"s{day}", at=base, what="A cold", severity=Severity.MINOR))
        if day % 21 == 20:
            events.append(Win(id=f"w{day}", at=base, what="A good week"))
    return events


def make_journal(events: list[Event]) -> Journal:
    """A journal with one goal, three daily expectations and the given events."""
    goal = Goal(id="g", title="Get fit", why="I want energy for my family")
    expectations = tuple(
        Expectation(
            id=name,
            goal="g",
            action=f"{name} for 20 minutes",
            agreed_at=START,
            schedule=Cadence.daily(start=date(2020, 1, 6), at=time(7)),
        )
        for name in EXPECTATIONS
    )
    agreement = Agreement(zone="Europe/Berlin", agreed_at=START)
    return Journal(
        agreement=agreement, goals=(goal,), expectations=expectations, events=tuple(events)
    )


def interleaved_query_microseconds(
    journals: list[Journal], rounds: int = 15, repeat: int = 2_000
) -> list[float]:
    """Median microseconds per 28-day window query near the end of each history.

    The journals take turns, so the noise of a shared machine falls evenly on
    them and their ratio is fair.
    """
    samples: list[list[float]] = [[] for _ in journals]
    windows = [(j.events[-1].at - timedelta(days=28), j.events[-1].at) for j in journals]
    for _ in range(rounds):
        for index, journal in enumerate(journals):
            start, end = windows[index]
            began = clock.perf_counter()
            for _ in range(repeat):
                journal.between(start, end)
            samples[index].append((clock.perf_counter() - began) / repeat * 1e6)
    return [sorted(taken)[len(taken) // 2] for taken in samples]


def bytes_per_event(years: int) -> tuple[int, float]:
    """Bytes allocated per stored event, measured with tracemalloc while building the journal."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    events = make_events(years)
    journal = make_journal(events)
    del events
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return len(journal.events), (after - before) / len(journal.events)


def main() -> None:
    """Print the figures."""
    one = make_journal(make_events(1))
    five = make_journal(make_events(5))
    one_us, five_us = interleaved_query_microseconds([one, five])
    print(f"events: 1 year {len(one.events)}, 5 years {len(five.events)}")
    print(f"28-day window query, 1 year:  {one_us:8.2f} us")
    print(f"28-day window query, 5 years: {five_us:8.2f} us")
    print(f"ratio 5y/1y: {five_us / one_us:.2f} (target <= 1.2)")
    count, per_event = bytes_per_event(5)
    print(f"memory: {per_event:.0f} bytes per stored event over {count} events (target <= 200)")


if __name__ == "__main__":
    main()
