"""Measure how varied the follow-ups are across many clients: distinct messages and openings.

Run it with ``python benchmarks/eval_variety.py`` (``--clients N``, 300 by
default; ``--seed S``). It prints the figures and asserts nothing.

The clients are the coaching stories the property tests draw
(``tests/stories.py``: one or two habits kept for 10 to 60 days by a steady,
wobbly, struggling or silent client, with check-ins, setbacks, wins,
reflections and renegotiations), each started on any day from 2024 to 2027
and read at one moment. Hypothesis explores around the stories it draws, so
several draws can be the same client at the same moment; only the first of
those counts, and drawing goes on until N clients at N different moments
have something to say (a wait says nothing).

Figures: the share of distinct messages, the number of distinct opening
sentences, and the number of messages asking more than one question
(questions inside the client's quoted words are not counted). Targets, from
issue 11: at least 90 % distinct and at least 60 distinct openings over 300
clients; none asking two questions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the stories the property tests draw

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from accountability import suggest  # noqa: E402
from accountability.record import FollowUpKind  # noqa: E402
from stories import ZONES, Case, moments, real, stories  # noqa: E402

_QUOTED: Final = re.compile(r"\u201c[^\u201d]*\u201d")
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+")
_ANY_DAY: Final = st.tuples(
    st.sampled_from(ZONES), st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
)


@st.composite
def clients(draw: st.DrawFn) -> Case:
    """A client's journal, started on any day from 2024 to 2027, and a moment to read it."""
    story = draw(stories(starts=_ANY_DAY))
    return story.journal, draw(moments(story))


def questions(text: str) -> int:
    """The questions a message asks, not counting any in the client's words it quotes."""
    return _QUOTED.sub("", text).count("?")


def opening(text: str) -> str:
    """A message's first sentence."""
    return _SENTENCE.split(text.strip(), maxsplit=1)[0]


def messages(count: int, chosen_seed: int) -> list[str]:
    """The messages to *count* clients at different moments (fewer if the draws run out)."""
    by_moment: dict[str, str] = {}

    @seed(chosen_seed)
    @settings(
        max_examples=count * 8,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=clients())
    def collect(case: Case) -> None:
        if len(by_moment) >= count:
            return
        journal, now = case
        follow_up = suggest(journal, now)
        if follow_up.kind is not FollowUpKind.WAIT:
            by_moment.setdefault(real(now).isoformat(), follow_up.text)

    collect()
    return list(by_moment.values())[:count]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the variety figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300, help="how many clients (300)")
    parser.add_argument("--seed", type=int, default=2026, help="the seed of the draws (2026)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    texts = messages(args.clients, args.seed)
    took = time.perf_counter() - started
    distinct = len(set(texts))
    print(f"clients with a message: {len(texts)} (seed {args.seed}, {took:.1f} s)")
    print(f"distinct messages: {distinct} ({distinct / max(len(texts), 1):.0%}; target 90%)")
    print(f"distinct openings: {len({opening(t) for t in texts})} (target 60)")
    print(f"messages asking two questions or more: {sum(questions(t) > 1 for t in texts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
