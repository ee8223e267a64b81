"""Measure the MI audit against hand-coded coach messages: per-code precision and recall.

Run it with ``python benchmarks/eval_audit.py [--split dev|holdout|holdout2|all] [--errors]``.
It prints its figures and asserts nothing.

``benchmarks/data/mi_eval.jsonl`` holds one coach message a line, with the
code of each of its sentences in order, labelled by hand after the MITI 4
manual. The ``dev`` split was in view while the rules were written. The
``holdout`` split was written blind and measured (31 of 44 sentences coded
as labelled), then the rules were widened where it showed gaps, so it is no
longer blind. The ``holdout2`` split was written after that and never used
to tune anything: it is the fair figure. All are small and labelled by one
person: read them as a smoke test of the rules, not as a validation against
trained coders.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from accountability.language.mi import MiCode, audit

DATA = Path(__file__).resolve().parent / "data" / "mi_eval.jsonl"


def load(split: str) -> list[tuple[str, list[MiCode]]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if split in ("all", record["split"]):
            rows.append((record["message"], [MiCode(code) for code in record["codes"]]))
    return rows


def evaluate(rows: list[tuple[str, list[MiCode]]], *, show_errors: bool) -> None:
    true_positive: Counter[MiCode] = Counter()
    predicted: Counter[MiCode] = Counter()
    expected: Counter[MiCode] = Counter()
    split_errors = 0
    sentences = 0
    for message, codes in rows:
        found = audit([message]).sentences
        if len(found) != len(codes):
            split_errors += 1
            if show_errors:
                print(f"SPLIT  expected {len(codes)} sentences, got {len(found)}: {message!r}")
            continue
        for sentence, code in zip(found, codes, strict=True):
            sentences += 1
            expected[code] += 1
            predicted[sentence.code] += 1
            if sentence.code is code:
                true_positive[code] += 1
            elif show_errors:
                print(
                    f"CODE   expected {code.value}, got {sentence.code.value}"
                    f" ({sentence.cue!r}): {sentence.text!r}"
                )
    print(f"messages: {len(rows)}, split as labelled: {len(rows) - split_errors}")
    print(f"sentences compared: {sentences}, coded as labelled: {sum(true_positive.values())}")
    print(f"{'code':28}{'support':>8}{'precision':>11}{'recall':>8}")
    for code in MiCode:
        precision = true_positive[code] / predicted[code] if predicted[code] else float("nan")
        recall = true_positive[code] / expected[code] if expected[code] else float("nan")
        print(f"{code.value:28}{expected[code]:>8}{precision:>11.2f}{recall:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "holdout", "holdout2", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="print each disagreement")
    arguments = parser.parse_args()
    evaluate(load(arguments.split), show_errors=arguments.errors)


if __name__ == "__main__":
    main()
