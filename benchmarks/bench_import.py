"""Benchmark ``import accountability``: Python's own import timing, in fresh processes.

Run it with ``python benchmarks/bench_import.py [--runs N]``. Each run starts a
new interpreter with ``python -X importtime -c "import accountability"``, so
nothing is imported or compiled beforehand, and reads the cumulative time
Python reports for the package. It prints the median and the best of the
runs, their ratio to the target, the ten modules with the longest cumulative
time (with what they take themselves) and the ten that take longest
themselves. It asserts nothing: machines here are shared and noisy, and the
best run says most about the code. Target: under 0.3 s, paid by every
command line call and every worker process.

An installed package imports from cached bytecode, so the runs do too: a
first, uncounted run compiles the sources into a temporary cache
(``PYTHONPYCACHEPREFIX``, so nothing is written next to the sources, even
where ``PYTHONDONTWRITEBYTECODE`` is set), and its time is printed apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

TARGET_SECONDS = 0.3
PACKAGE = "accountability"
PROGRAM = f"import {PACKAGE}; print({PACKAGE}.__file__)"

Times = dict[str, tuple[int, int]]
"""For each module imported, its own and its cumulative import time in microseconds."""


def import_times(cache: str) -> tuple[str, Times]:
    """One fresh import: where the package was found, and each module's times.

    A module reported twice (``from package.module import name`` imports the
    package first, which may import the module itself) counts its own times
    added up and the larger cumulative time.

    Args:
        cache: The folder to read cached bytecode from and write it to.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", PROGRAM],
        capture_output=True,
        text=True,
        check=True,
        env={**environment, "PYTHONPYCACHEPREFIX": cache},
    )
    times: Times = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        if not own.strip().isdigit():
            continue  # the header line
        before = times.get(name.strip(), (0, 0))
        times[name.strip()] = (before[0] + int(own), max(before[1], int(cumulative)))
    return done.stdout.strip(), times


def main() -> None:
    """Print the package's import time and where it goes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh processes to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as cache:
        where, first = import_times(cache)
        runs = [import_times(cache)[1] for _ in range(max(1, args.runs))]
    totals = sorted(times[PACKAGE][1] / 1e6 for times in runs)
    median, best = statistics.median(totals), totals[0]
    typical = {
        name: (
            statistics.median(times[name][0] for times in runs if name in times),
            statistics.median(times[name][1] for times in runs if name in times),
        )
        for name in {name for times in runs for name in times}
    }
    print(f"package: {where}")
    print(f"runs: {len(runs)} fresh interpreters, python -X importtime -c 'import {PACKAGE}'")
    print(f"first import, compiling the sources: {first[PACKAGE][1] / 1e6:.3f} s (not counted)")
    print(f"import {PACKAGE}, cumulative: median {median:.3f} s, best {best:.3f} s")
    print(f"median / target ({TARGET_SECONDS} s): {median / TARGET_SECONDS:.2f}")
    print(f"best / target ({TARGET_SECONDS} s):   {best / TARGET_SECONDS:.2f}")
    print("the 10 slowest modules (median of the runs; cumulative includes what they import):")
    print(f"  {'cumulative':>10}  {'own':>8}  module")
    slowest = sorted(typical.items(), key=lambda item: item[1][1], reverse=True)[:10]
    for name, (own, cumulative) in slowest:
        print(f"  {cumulative / 1e3:8.1f}ms  {own / 1e3:6.1f}ms  {name}")
    print("the 10 modules that take longest themselves (median of the runs):")
    heaviest = sorted(typical.items(), key=lambda item: item[1][0], reverse=True)[:10]
    for name, (own, _cumulative) in heaviest:
        print(f"  {own / 1e3:8.1f}ms  {name}")


if __name__ == "__main__":
    main()
