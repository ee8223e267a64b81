"""Strategies for the property tests of `assess`: stories with one event added, and silent runs.

The stories, the moments to read them at and the time helpers they share
with the policy's tests live in `stories`; these are the cases only the
facts need. Every duration is measured in real time (through UTC).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from accountability import (
    CheckIn,
    Completion,
    Direction,
    Journal,
    Miss,
    Renegotiation,
    Setback,
    Severity,
    assess,
    testing,
)
from accountability.facts import OccurrenceStatus
from accountability.record import Event
from accountability.testing import instants
from stories import (
    TRANSITIONS,
    ZONES,
    cases,
    daily_journal,
    local,
    minutes_between,
    shifted,
    story_cases,
)

DST_ZONES: Final = ("Europe/Berlin", "America/New_York")
"""The zones the brief names: both change their clocks, on different dates."""

TRANSITIONS_2026: Final = tuple((zone, day) for zone, day in TRANSITIONS if zone in DST_ZONES)
"""The local dates on which each of `DST_ZONES` changes its clocks in 2026."""


# --- Cases with one event added ----------------------------------------------------------


@st.composite
def covering_setbacks(draw: st.DrawFn) -> tuple[Journal, datetime, Setback]:
    """A story, a moment, and a setback reported by then that covers a missed period.

    The client asked for nothing easier: a setback makes an easier change
    apply at once, which changes the periods themselves, not only which are
    excused.
    """
    journal, now = draw(story_cases())
    journal = attrs.evolve(
        journal,
        events=tuple(
            e
            for e in journal.events
            if not (isinstance(e, Renegotiation) and e.direction is Direction.EASIER)
        ),
    )
    missed = [
        (facts.expectation.id, fact.occurrence)
        for facts in assess(journal, now).expectations
        for fact in facts.occurrences
        if fact.status is OccurrenceStatus.MISSED
    ]
    assume(missed)
    expectation_id, period = draw(st.sampled_from(missed))
    start = shifted(period.opens, -timedelta(hours=draw(st.integers(0, 48))))
    length = draw(st.none() | st.integers(1, 72))
    others = frozenset(e.id for e in journal.expectations)
    setback = Setback(
        id="s-added",
        at=draw(instants(period.opens, now)),
        what="My father was taken to hospital",
        severity=draw(st.sampled_from(Severity)),
        affects=draw(st.sampled_from([frozenset(), frozenset({expectation_id}), others])),
        start=start,
        end=None if length is None else shifted(period.opens, timedelta(hours=length)),
    )
    return journal, now, setback


@st.composite
def added_completions(draw: st.DrawFn) -> tuple[Journal, datetime, Completion]:
    """A story, a moment, and a completion of one of its habits done by then.

    The completion lands at any moment up to now, or inside one of the habit's
    periods (done, missed, excused or still open), naming its due or not.
    """
    journal, now = draw(story_cases())
    assume(journal.expectations)  # now and then a story has check-ins and no habit yet
    expectation = draw(st.sampled_from(journal.expectations))
    facts = assess(journal, now).facts_for(expectation.id).occurrences
    due = None
    if draw(st.booleans()) and facts:
        status = draw(st.sampled_from(sorted({f.status for f in facts})))  # each kind as often
        period = draw(st.sampled_from([f.occurrence for f in facts if f.status is status]))
        inside = min(
            minutes_between(period.opens, period.closes) - 1,
            minutes_between(period.opens, now),
        )
        at = draw(instants(period.opens, shifted(period.opens, timedelta(minutes=inside))))
        due = draw(st.none() | st.just(period.due))
    else:
        at = draw(instants(journal.agreement.agreed_at, now))
    completion = Completion(
        id="c-added",
        at=at,
        expectation=expectation.id,
        amount=draw(st.just(1.0) | st.integers(1, 19).map(lambda k: k / 20)),
        due=due,
    )
    return journal, now, completion


@st.composite
def unexcused_misses(draw: st.DrawFn) -> tuple[Journal, datetime, Miss]:
    """A story, a moment, and a miss reported by then for a period no setback excuses."""
    journal, now = draw(story_cases())
    open_to_blame = [
        (facts.expectation.id, fact.occurrence)
        for facts in assess(journal, now).expectations
        for fact in facts.occurrences
        if fact.status is not OccurrenceStatus.EXCUSED
    ]
    assume(open_to_blame)
    expectation_id, period = draw(st.sampled_from(open_to_blame))
    if draw(st.booleans()):  # named: reported any time after the period opened
        at, due = draw(instants(period.opens, now)), period.due
    else:  # unnamed: reported inside the period, so it is matched to it by time
        inside = min(
            minutes_between(period.opens, period.closes) - 1, minutes_between(period.opens, now)
        )
        at, due = (
            draw(instants(period.opens, shifted(period.opens, timedelta(minutes=inside)))),
            None,
        )
    miss = Miss(id="m-added", at=at, expectation=expectation_id, due=due, reason="Forgot")
    return journal, now, miss


@st.composite
def cases_with_later_events(draw: st.DrawFn) -> tuple[Journal, datetime, tuple[Event, ...]]:
    """A case and one to five events of any kind, each strictly after its moment in real time."""
    journal, now = draw(cases())
    after = instants(shifted(now, timedelta(minutes=1)), shifted(now, timedelta(days=30)))
    goal_ids = tuple(g.id for g in journal.goals)
    expectation_ids = tuple(e.id for e in journal.expectations)
    later = tuple(
        draw(testing.events(st.just(f"later-{n}"), after, goal_ids, expectation_ids))
        for n in range(draw(st.integers(1, 5)))
    )
    return journal, now, later


# --- Stories built for one fact ----------------------------------------------------------


@st.composite
def silent_gaps(draw: st.DrawFn, *, check_in: bool) -> tuple[Journal, datetime, int]:
    """A daily habit done for some days, then *k* days with no word, assessed the day after.

    With *check_in*, the client checks in at 04:00 on one of the silent days
    after the first, between two missed due moments. Returns the journal, the
    moment and *k*.
    """
    zone = draw(st.sampled_from(ZONES))
    first = draw(st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 4, 30)))
    at = draw(st.sampled_from([time(7), None]))
    done_days = draw(st.integers(1, 10))
    k = draw(st.integers(2 if check_in else 1, 20))
    waking = st.integers(9 * 60, 21 * 60 - 1)  # minutes of wall time, 09:00 to 21:00
    events: list[Event] = [
        Completion(
            id=f"c-{n}",
            at=local(zone, first + timedelta(days=n), *divmod(draw(waking), 60)),
            expectation="e-walk",
        )
        for n in range(done_days)
    ]
    if check_in:
        day = first + timedelta(days=done_days + draw(st.integers(1, k - 1)))
        events.append(CheckIn(id="k-gap", at=local(zone, day, 4), progress="Still here"))
    back = first + timedelta(days=done_days + k)
    day_start = local(zone, back)
    day_end = local(zone, back + timedelta(days=1))
    now = draw(instants(day_start, shifted(day_end, -timedelta(minutes=1))))
    return daily_journal(zone, first, at, tuple(events)), now, k
