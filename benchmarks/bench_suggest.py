"""Benchmark suggest() over a synthetic cohort, split into its stages: assess, decide, phrase.

Run it with ``python benchmarks/bench_suggest.py [--clients N] [--distinct K]``.
It prints its figures and asserts nothing. Each client has one year of daily
history for three expectations. Building ten thousand one-year journals
would take longer than suggesting for them, so ``--distinct`` journals (200
by default, each from its own random seed) stand for the cohort, and each
client is one of them read at its own moment: the work per suggestion is the
same as for distinct clients. Target: at least 5,000 suggestions per second
on one core.
"""

from __future__ import annotations

import argparse
import sys
import time as clock
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import make_events, make_journal

from accountability import assess, phrase
from accountability.policy.rules import Policy


def main() -> None:
    """Print suggestions per second and where the time goes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--distinct", type=int, default=200)
    args = parser.parse_args()
    journals = [make_journal(make_events(1, seed=seed)) for seed in range(args.distinct)]
    policy = Policy()
    spent = {"assess": 0.0, "decide": 0.0, "phrase": 0.0}
    kinds: dict[str, int] = {}
    began = clock.perf_counter()
    for client in range(args.clients):
        journal = journals[client % len(journals)]
        now = journal.events[-1].at + timedelta(hours=1 + client // len(journals))
        t0 = clock.perf_counter()
        assessment = assess(journal, now)
        t1 = clock.perf_counter()
        follow_up = policy.decide(assessment)
        t2 = clock.perf_counter()
        phrase(follow_up, assessment)
        t3 = clock.perf_counter()
        spent["assess"] += t1 - t0
        spent["decide"] += t2 - t1  # decide() returns the follow-up without words
        spent["phrase"] += t3 - t2
        kinds[follow_up.kind.value] = kinds.get(follow_up.kind.value, 0) + 1
    total = clock.perf_counter() - began
    work = sum(spent.values())
    print(f"clients: {args.clients} (one year of history each, {len(journals)} distinct journals)")
    print(f"suggestions per second, one core: {args.clients / work:,.0f} (target >= 5,000)")
    for stage, seconds in spent.items():
        share = seconds / work
        print(f"  {stage:<7} {seconds / args.clients * 1e6:8.1f} us per client  ({share:.0%})")
    print(f"wall time of the loop: {total:.1f} s")
    print("kinds:", ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))


if __name__ == "__main__":
    main()
