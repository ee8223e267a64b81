"""Evaluate the tone review on the labelled set: precision and recall per category.

Run it with ``python benchmarks/eval_review.py``. It prints dev, test and
overall figures and asserts nothing. Add ``--errors dev`` (or ``test``, or
``all``) to list the sentences it gets wrong.

The set, ``benchmarks/data/tone_eval.jsonl``, holds one object per line:
``{"text": ..., "labels": [category, ...], "split": "dev" | "test", "kind": ...}``,
with an empty list for an acceptable sentence. The rules were tuned on the
dev rows only; the test rows are held out.

Scores are micro-averaged over (sentence, category) pairs: a sentence counts
as right for a category when the review flags that category anywhere in it.
Targets: overall precision at least 0.9 and recall at least 0.85.

Importing this module has no side effects; the test suite calls `evaluate`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from accountability.language.tone import ToneCategory, review

DATA: Final = Path(__file__).resolve().parent / "data" / "tone_eval.jsonl"
SPLITS: Final = ("dev", "test")


@attrs.frozen
class Row:
    """One labelled sentence."""

    text: str
    labels: frozenset[ToneCategory]
    split: str
    kind: str


@attrs.frozen
class Counts:
    """True positives, false positives and false negatives for one category or overall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of flags that were right; 1.0 when nothing was flagged."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of labels that were flagged; 1.0 when there was nothing to flag."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@attrs.frozen
class Scores:
    """Counts per category, and their sum."""

    per_category: dict[ToneCategory, Counts]
    errors: tuple[tuple[Row, frozenset[ToneCategory]], ...]

    @property
    def overall(self) -> Counts:
        """The micro-average: every category's counts added up."""
        total = Counts()
        for counts in self.per_category.values():
            total = total + counts
        return total


def load(path: Path = DATA) -> list[Row]:
    """Read the labelled set."""
    rows: list[Row] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                rows.append(
                    Row(
                        text=item["text"],
                        labels=frozenset(ToneCategory(label) for label in item["labels"]),
                        split=item["split"],
                        kind=item.get("kind", ""),
                    )
                )
    return rows


def evaluate(
    rows: Iterable[Row], reviewer: Callable[[str], Iterable[ToneCategory]] | None = None
) -> Scores:
    """Score a reviewer (by default `review`) on *rows*."""
    flag = reviewer or (lambda text: review(text).categories)
    counts = {category: Counts() for category in ToneCategory}
    errors: list[tuple[Row, frozenset[ToneCategory]]] = []
    for row in rows:
        found = frozenset(flag(row.text))
        for category in ToneCategory:
            gold, guess = category in row.labels, category in found
            counts[category] = counts[category] + Counts(
                tp=int(gold and guess), fp=int(guess and not gold), fn=int(gold and not guess)
            )
        if found != row.labels:
            errors.append((row, found))
    return Scores(per_category=counts, errors=tuple(errors))


def report(title: str, scores: Scores) -> list[str]:
    """The figures for one part of the set, as printable lines."""
    lines = [
        f"{title}",
        f"  {'category':<22}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>4}{'fn':>4}",
    ]
    for category, counts in [*scores.per_category.items(), (None, scores.overall)]:
        name = category.value if category is not None else "OVERALL (micro)"
        lines.append(
            f"  {name:<22}{counts.precision:>10.3f}{counts.recall:>8.3f}"
            f"{counts.tp:>5}{counts.fp:>4}{counts.fn:>4}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    """Print dev, test and overall figures, and optionally the errors of one split."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", choices=[*SPLITS, "all"], default=None)
    args = parser.parse_args(argv)
    rows = load()
    acceptable = sum(1 for row in rows if not row.labels)
    print(f"{len(rows)} sentences ({acceptable} acceptable), {DATA.name}")
    for split in (*SPLITS, "all"):
        part = [row for row in rows if split in ("all", row.split)]
        print("\n".join(report(f"\n{split} ({len(part)} sentences)", evaluate(part))))
    if args.errors:
        part = [row for row in rows if args.errors in ("all", row.split)]
        print(f"\nerrors ({args.errors}):")
        for row, found in evaluate(part).errors:
            gold = ",".join(sorted(c.value for c in row.labels)) or "-"
            got = ",".join(sorted(c.value for c in found)) or "-"
            print(f"  [{row.kind}] gold={gold} got={got}: {row.text}")


if __name__ == "__main__":
    main()
