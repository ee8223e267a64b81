"""Benchmark the tone review: sentences per second over the labelled set, repeated.

Run it with ``python benchmarks/bench_review.py [--repeat N]``. It prints its
figures and asserts nothing: machines here are shared and noisy, so the best
of a few rounds is reported. Target: at least 20,000 sentences per second on
one core.
"""

from __future__ import annotations

import argparse
import json
import time as clock
from pathlib import Path

from accountability.language.tone import review

DATA = Path(__file__).resolve().parent / "data" / "tone_eval.jsonl"


def sentences() -> list[str]:
    """Every sentence of the labelled set, judgmental and acceptable alike."""
    with DATA.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def main() -> None:
    """Print sentences per second, and how many findings a pass produced."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=40, help="copies of the set per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = sentences() * args.repeat
    best = float("inf")
    findings = 0
    for _ in range(args.rounds):
        began = clock.perf_counter()
        findings = sum(len(review(text).findings) for text in texts)
        best = min(best, clock.perf_counter() - began)
    print(f"sentences per round: {len(texts):,} ({len(texts) // args.repeat} distinct)")
    print(f"findings per round:  {findings:,}")
    print(f"review throughput, one core: {len(texts) / best:,.0f} sentences/s (target >= 20,000)")
    print(f"mean time per sentence:      {best / len(texts) * 1e6:.1f} us")


if __name__ == "__main__":
    main()
