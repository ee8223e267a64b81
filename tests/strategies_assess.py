"""Strategies for the property tests of `assess`: coaching stories and the moments to read them.

A story is a journal as a coach would see it: one or two habits (daily at 07:00,
daily at any time, weekdays at 07:30, three times a week) kept for 10 to 60
days in a zone with daylight saving time, with the everyday mix of
completions, partial completions, late completions naming the due they
fulfil, silent days, reported misses, setbacks, check-ins, wins, reflections,
contacts and follow-ups. Moments are drawn as instants of real time and read
on the client's clock, so the repeated hour of an autumn night comes with the
right ``fold``.

Every duration here is measured in real time (through UTC): subtracting two
datetimes that share a zone measures wall-clock time instead, which is off by
an hour across a change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from accountability import (
    Agreement,
    Cadence,
    Cause,
    CheckIn,
    Completion,
    Contact,
    Expectation,
    FollowUpSent,
    Goal,
    Grace,
    Journal,
    Miss,
    Reflection,
    ReflectionKind,
    Setback,
    Severity,
    Win,
    WinSize,
    assess,
    testing,
)
from accountability.facts import OccurrenceStatus
from accountability.record import Event, FollowUpKind, Occurrence

DST_ZONES: Final = ("Europe/Berlin", "America/New_York")
"""The zones the brief names: both change their clocks, on different dates."""

STORY_ZONES: Final = (*DST_ZONES, "Australia/Lord_Howe", "UTC")
"""Zones for stories: the two above, a half-hour change in the south, and none at all."""

TRANSITIONS_2026: Final = (
    ("Europe/Berlin", date(2026, 3, 29)),
    ("Europe/Berlin", date(2026, 10, 25)),
    ("America/New_York", date(2026, 3, 8)),
    ("America/New_York", date(2026, 11, 1)),
)
"""The local dates on which each DST zone changes its clocks in 2026."""

GOAL: Final = Goal(id="g-fit", title="Feel fit again", why="I want to keep up with my kids")
ACTIONS: Final = ("Walk for 20 minutes after lunch", "Read 10 pages before bed")

Case = tuple[Journal, datetime]
"""A journal and the moment to assess it at."""


# --- Time, measured in real time ---------------------------------------------------------


def local(zone: str, day: date, hour: int = 0, minute: int = 0) -> datetime:
    """A wall time on the client's clock. Midnight and 04:00 onwards exist in every zone used."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def shifted(moment: datetime, delta: timedelta) -> datetime:
    """The instant *delta* of real time after *moment*, read on *moment*'s clock."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes of real time from *start* to *end*."""
    return int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60)


def instants(start: datetime, end: datetime) -> st.SearchStrategy[datetime]:
    """Instants from *start* to *end* (both included, to the minute), on *start*'s clock.

    A day and a minute of it are drawn apart: hypothesis draws from a wide
    range of integers with a strong lean to small ones, which would keep most
    moments within hours of *start*.
    """
    total = max(0, minutes_between(start, end))
    return st.builds(
        lambda day, minute: shifted(start, timedelta(minutes=min(total, day * 1440 + minute))),
        st.integers(0, total // 1440),
        st.integers(0, 1439),
    )


def moments_in_or_after(start: datetime, end: datetime) -> st.SearchStrategy[datetime]:
    """A moment of assessment inside a story's span or up to two weeks after it."""
    return instants(start, shifted(end, timedelta(days=14)))


# --- Stories -----------------------------------------------------------------------------


@attrs.frozen
class Story:
    """A journal and the span its events fill: from the agreement to the end of the last day."""

    journal: Journal
    start: datetime
    end: datetime


def habit_schedules(start: date) -> st.SearchStrategy[Cadence]:
    """The cadences coaches agree on most: daily, weekdays, three times a week."""
    return st.sampled_from(
        [
            Cadence.daily(start=start, at=time(7)),
            Cadence.daily(start=start),
            Cadence.weekdays(start=start, at=time(7, 30)),
            Cadence.times_per_week(3, start=start),
        ]
    )


def graces() -> st.SearchStrategy[Grace]:
    """The default grace windows, or other ones with a crisis window of at least a day."""
    return st.just(Grace()) | st.builds(
        Grace, major_days=st.integers(0, 14), crisis_days=st.integers(1, 30)
    )


_HABIT_DAYS: Final = (
    ("done",) * 10 + ("silent",) * 4 + ("partly",) * 2 + ("miss",) * 2 + ("late", "named_miss")
)
"""How a day goes for one habit, weighted by how often it happens."""

_DAY_EXTRAS: Final = (
    ("nothing",) * 12 + ("check_in",) * 4 + ("setback", "win", "reflection", "contact", "follow_up")
)
"""What else the client (or the coach) did that day, weighted likewise."""


def _waking(draw: st.DrawFn, zone: str, day: date) -> datetime:
    minute = draw(st.integers(9 * 60, 21 * 60 - 1))
    return local(zone, day, minute // 60, minute % 60)


def _period_of(expectation: Expectation, zone: str, day: date) -> Occurrence | None:
    """The occurrence of *expectation* that opens on *day*, if one does."""
    schedule = expectation.schedule
    assert isinstance(schedule, Cadence)
    opens = local(zone, day)
    found = schedule.occurrences(ZoneInfo(zone), opens, local(zone, day + timedelta(days=8)))
    return next((o for o in found if o.opens == opens), None)


def _habit_day(
    draw: st.DrawFn, expectation: Expectation, index: int, day: date, zone: str
) -> list[Event]:
    how = draw(st.sampled_from(_HABIT_DAYS))
    eid, cid, mid = expectation.id, f"c-{expectation.id}-{index}", f"m-{expectation.id}-{index}"
    events: list[Event] = []
    if how == "done":
        events.append(Completion(id=cid, at=_waking(draw, zone, day), expectation=eid))
    elif how == "partly":
        share = draw(st.integers(1, 19)) / 20
        at = _waking(draw, zone, day)
        events.append(Completion(id=cid, at=at, expectation=eid, amount=share))
    elif how == "miss":
        at = _waking(draw, zone, day)
        events.append(Miss(id=mid, at=at, expectation=eid, reason="Work ran late"))
    elif how != "silent":  # a late completion, or a miss reported the next day, naming the due
        period = _period_of(expectation, zone, day)
        if period is not None:
            at = _waking(draw, zone, day + timedelta(days=1))
            kind = Completion if how == "late" else Miss
            events.append(kind(id=cid, at=at, expectation=eid, due=period.due))
    return events


def _setback(draw: st.DrawFn, sid: str, at: datetime, expectation_ids: tuple[str, ...]) -> Setback:
    start = shifted(at, -timedelta(hours=draw(st.integers(0, 48))))
    length = draw(st.none() | st.integers(1, 24 * 7))
    return Setback(
        id=sid,
        at=at,
        what="My knee started hurting again",
        severity=draw(st.sampled_from(Severity)),
        cause=draw(st.sampled_from(Cause)),
        affects=draw(st.sampled_from([frozenset(), *(frozenset({e}) for e in expectation_ids)])),
        start=start,
        end=None if length is None else shifted(start, timedelta(hours=length)),
    )


def _day_extra(
    draw: st.DrawFn, index: int, day: date, zone: str, expectation_ids: tuple[str, ...]
) -> list[Event]:
    what = draw(st.sampled_from(_DAY_EXTRAS))
    if what == "nothing":
        return []
    at = _waking(draw, zone, day)
    event: Event
    if what == "check_in":
        confidence = draw(st.none() | st.integers(0, 10))
        event = CheckIn(id=f"k-{index}", at=at, progress="Slowly", confidence=confidence)
    elif what == "setback":
        event = _setback(draw, f"s-{index}", at, expectation_ids)
    elif what == "win":
        size = draw(st.sampled_from(WinSize))
        event = Win(id=f"w-{index}", at=at, what="I took the stairs", size=size, goal=GOAL.id)
    elif what == "reflection":
        kind = draw(st.sampled_from(ReflectionKind))
        event = Reflection(id=f"r-{index}", at=at, kind=kind, words="Mornings are hard for me")
    elif what == "contact":
        event = Contact(id=f"t-{index}", at=at, channel="chat", note="Quick hello")
    else:
        event = FollowUpSent(
            id=f"f-{index}",
            at=at,
            kind=FollowUpKind.CHECK_IN,
            firmness=draw(st.integers(0, 3)),
            text="How is it going this week?",
        )
    return [event]


@st.composite
def stories(
    draw: st.DrawFn,
    zones: tuple[str, ...] = STORY_ZONES,
    min_days: int = 10,
    max_days: int = 60,
) -> Story:
    """A journal of one or two habits kept for *min_days* to *max_days* days."""
    zone = draw(st.sampled_from(zones))
    first = draw(st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 4, 30)))
    days = draw(st.integers(min_days, max_days))
    agreed = local(zone, first, 6)
    schedules = draw(st.lists(habit_schedules(first), min_size=1, max_size=len(ACTIONS)))
    habits = tuple(
        Expectation(
            id=f"e-{n}",
            goal=GOAL.id,
            action=ACTIONS[n],
            done_when="Logged in the app",
            agreed_at=agreed,
            schedule=schedule,
        )
        for n, schedule in enumerate(schedules)
    )
    agreement = Agreement(
        zone=zone,
        agreed_at=agreed,
        check_in=draw(st.none() | st.just(Cadence.weekly(on=6, start=first, at=time(18)))),
        grace=draw(graces()),
    )
    ids = tuple(h.id for h in habits)
    events: list[Event] = []
    for index in range(days):
        day = first + timedelta(days=index)
        for habit in habits:
            events.extend(_habit_day(draw, habit, index, day, zone))
        events.extend(_day_extra(draw, index, day, zone, ids))
    journal = Journal(agreement=agreement, goals=(GOAL,), expectations=habits, events=tuple(events))
    return Story(journal=journal, start=agreed, end=local(zone, first + timedelta(days=days)))


@st.composite
def story_cases(draw: st.DrawFn) -> Case:
    """A story and a moment inside its span or after it."""
    story = draw(stories())
    return story.journal, draw(moments_in_or_after(story.start, story.end))


@st.composite
def any_journal_cases(draw: st.DrawFn) -> Case:
    """Any valid journal from `accountability.testing`, and a moment in or after its 90 days."""
    journal = draw(testing.journals(max_events=30, days=90))
    start = journal.agreement.agreed_at
    return journal, draw(moments_in_or_after(start, shifted(start, timedelta(days=90))))


def cases() -> st.SearchStrategy[Case]:
    """Realistic stories and arbitrary valid journals, each with a moment of assessment."""
    return st.one_of(story_cases(), any_journal_cases())


# --- Cases with one event added ----------------------------------------------------------


@st.composite
def covering_setbacks(draw: st.DrawFn) -> tuple[Journal, datetime, Setback]:
    """A story, a moment, and a setback reported by then that covers a missed period."""
    journal, now = draw(story_cases())
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


def habit_journal(
    zone: str, first: date, schedule: Cadence, events: tuple[Event, ...] = ()
) -> Journal:
    """One habit, ``e-walk``, agreed at 06:00 local on *first*, and the given events."""
    agreed = local(zone, first, 6)
    habit = Expectation(
        id="e-walk",
        goal=GOAL.id,
        action=ACTIONS[0],
        done_when="Logged in the app",
        agreed_at=agreed,
        schedule=schedule,
    )
    return Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed),
        goals=(GOAL,),
        expectations=(habit,),
        events=events,
    )


def daily_journal(
    zone: str, first: date, at: time | None, events: tuple[Event, ...] = ()
) -> Journal:
    """A daily habit, ``e-walk``, due at *at* (or any time that day) from *first*."""
    return habit_journal(zone, first, Cadence.daily(start=first, at=at), events)


@st.composite
def silent_gaps(draw: st.DrawFn, *, check_in: bool) -> tuple[Journal, datetime, int]:
    """A daily habit done for some days, then *k* days with no word, assessed the day after.

    With *check_in*, the client checks in at 04:00 on one of the silent days
    after the first, between two missed due moments. Returns the journal, the
    moment and *k*.
    """
    zone = draw(st.sampled_from(STORY_ZONES))
    first = draw(st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 4, 30)))
    at = draw(st.sampled_from([time(7), None]))
    done_days = draw(st.integers(1, 10))
    k = draw(st.integers(2 if check_in else 1, 20))
    events: list[Event] = [
        Completion(
            id=f"c-{n}", at=_waking(draw, zone, first + timedelta(days=n)), expectation="e-walk"
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


@st.composite
def crisis_cases(draw: st.DrawFn) -> tuple[Journal, datetime, Setback]:
    """A story with a crisis reported at *t* inside it, assessed in [t, t + crisis_days)."""
    story = draw(stories())
    crisis_days = story.journal.agreement.grace.crisis_days
    t = draw(instants(story.start, story.end))
    ids = tuple(e.id for e in story.journal.expectations)
    crisis = attrs.evolve(_setback(draw, "s-crisis", t, ids), severity=Severity.CRISIS)
    window_end = t + timedelta(days=crisis_days)  # days as the client counts them
    now = draw(instants(t, shifted(window_end, -timedelta(minutes=1))))
    return story.journal.add(crisis), now, crisis
