"""Strategies for the property tests of the policy: coaching stories and the moments to decide in.

A story is a client's journal as a coach would see it: one or two habits
(daily at 07:00, daily at any time, weekdays at 07:30, three times a week, a
late-evening one inside the quiet hours) kept for 10 to 60 days in a zone
with daylight saving time, by a client who is steady, wobbly, struggling or
who drops off. Around the habit days come check-ins with a confidence,
setbacks of every severity, wins, reflections (fear included), easier and
harder renegotiations, contacts, and follow-ups already sent at every step of
the firmness ladder. Stories often straddle a daylight-saving change.

Moments are drawn as instants of real time: a local day of the story (or of
the month after it) and a minute after its midnight, often inside the quiet
hours. Timestamps are written on the client's clock or in UTC, as apps do
both; an equal instant must lead to the same decision either way.

Every duration here is measured in real time (through UTC): subtracting two
datetimes that share a zone measures wall-clock time instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final
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
    Direction,
    Directness,
    Expectation,
    FollowUpSent,
    Goal,
    Grace,
    IfThen,
    Journal,
    Miss,
    Party,
    Policy,
    QuietHours,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
    testing,
)
from accountability.policy import DEFAULT_RULES, Draft, Move, MoveKind, Rule, Situation
from accountability.record import Event, FollowUpKind

ZONES: Final = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe")
"""Zones that change their clocks: two in the north on different dates, one by half an hour."""

TRANSITIONS: Final = (
    ("Europe/Berlin", date(2026, 3, 29)),
    ("Europe/Berlin", date(2026, 10, 25)),
    ("America/New_York", date(2026, 3, 8)),
    ("America/New_York", date(2026, 11, 1)),
    ("Australia/Lord_Howe", date(2026, 4, 5)),
    ("Australia/Lord_Howe", date(2026, 10, 4)),
)
"""The local dates on which each zone changes its clocks in 2026."""

GOAL: Final = Goal(id="g-fit", title="Feel fit again", why="I want to keep up with my kids")
SECOND_GOAL: Final = Goal(id="g-calm", title="Sleep better", why="I want calmer evenings")
PLAN: Final = IfThen(obstacle="I work late", response="I walk the next morning")

Case = tuple[Journal, datetime]
"""A journal and the moment to decide at."""

STYLES: Final = (None, "gentle", "balanced", "direct")
"""The style arguments `suggest` takes: the agreement's own preset, or a named one."""


# --- Time, measured in real time ---------------------------------------------------------


def local(zone: str, day: date, hour: int = 0, minute: int = 0) -> datetime:
    """A wall time on the client's clock (a time in a DST gap moves forward)."""
    tz = ZoneInfo(zone)
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(UTC).astimezone(tz)


def shifted(moment: datetime, delta: timedelta) -> datetime:
    """The instant *delta* of real time after *moment*, read on *moment*'s clock."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def real(moment: datetime) -> datetime:
    """The same instant in UTC, so comparisons and differences are in real time."""
    return moment.astimezone(UTC)


def on_local_day(zone: str, day: date, minute: int) -> datetime:
    """*minute* minutes of real time after the local midnight starting *day*."""
    return shifted(local(zone, day), timedelta(minutes=minute))


def minutes_of_the_day() -> st.SearchStrategy[int]:
    """A minute of a local day: any, in the evening and night quiet hours, or around 02:00."""
    return st.one_of(
        st.integers(0, 1439),
        st.integers(21 * 60, 1439),
        st.integers(0, 8 * 60 - 1),
        st.integers(60, 3 * 60 + 59),
    )


def stamped(moment: datetime, utc: bool) -> datetime:
    """*moment* on the client's clock, or the same instant written in UTC."""
    return real(moment) if utc else moment


# --- Stories -----------------------------------------------------------------------------


@attrs.frozen
class Story:
    """A journal, its zone and first local day, and how many days its events fill."""

    journal: Journal
    zone: str
    first: date
    days: int
    utc: bool


Habit = tuple[str, Callable[[date], Cadence]]

HABITS: Final[tuple[Habit, ...]] = (
    ("Walk for 20 minutes after lunch", lambda d: Cadence.daily(start=d, at=time(7))),
    ("Read 10 pages before bed", lambda d: Cadence.daily(start=d)),
    ("Meditate before work", lambda d: Cadence.weekdays(start=d, at=time(7, 30))),
    ("Go to the gym", lambda d: Cadence.times_per_week(3, start=d)),
    ("Take my evening stretch", lambda d: Cadence.daily(start=d, at=time(21, 30))),
    ("Journal for 5 minutes", lambda d: Cadence.daily(start=d, at=time(2, 30))),
)
"""Actions and cadences coaches agree on, plus two due inside the quiet hours or a DST gap."""


def quiet_hours() -> st.SearchStrategy[QuietHours]:
    """The default quiet hours, common variations, none at all, or any quarter-hour pair."""
    quarter = st.integers(0, 95).map(lambda q: time(q // 4, q % 4 * 15))
    return st.one_of(
        st.just(QuietHours()),
        st.sampled_from(
            [
                QuietHours(start=time(22), end=time(7)),
                QuietHours(start=time(23, 30), end=time(6, 30)),
                QuietHours(start=time(13), end=time(15)),
                QuietHours(start=time(20), end=time(20)),
                QuietHours(start=time(21), end=time(2, 30)),
            ]
        ),
        st.builds(QuietHours, start=quarter, end=quarter),
    )


def graces() -> st.SearchStrategy[Grace]:
    """The default grace windows, or others with a crisis window of at least a day."""
    return st.just(Grace()) | st.builds(
        Grace, major_days=st.integers(0, 14), crisis_days=st.integers(1, 30)
    )


def first_days(zones: tuple[str, ...]) -> st.SearchStrategy[tuple[str, date]]:
    """A zone and a first day: any, or up to 60 days before one of its clock changes."""
    anywhere = st.tuples(
        st.sampled_from(zones), st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 4, 30))
    )
    changes = [(zone, day) for zone, day in TRANSITIONS if zone in zones]
    near = st.tuples(st.sampled_from(changes), st.integers(0, 60)).map(
        lambda pair: (pair[0][0], pair[0][1] - timedelta(days=pair[1]))
    )
    return st.one_of(anywhere, near) if changes else anywhere


PROFILES: Final = {
    "steady": ("done",) * 17 + ("partly", "silent", "miss"),
    "wobbly": ("done",) * 10 + ("partly",) * 3 + ("silent",) * 4 + ("miss",) * 3,
    "struggling": ("done",) * 4 + ("partly",) * 2 + ("silent",) * 10 + ("miss",) * 4,
}
"""How a habit day goes for each kind of client, weighted by how often it happens."""

EXTRAS: Final = (
    ("nothing",) * 14
    + ("check_in",) * 5
    + ("follow_up",) * 3
    + ("setback", "win", "win", "reflection", "reflection", "renegotiation", "contact")
)
"""What else happened on a day, weighted likewise."""

DIRECTNESS: Final = (Directness.BALANCED, Directness.DIRECT, Directness.GENTLE)
"""Every directness, the everyday one first (hypothesis leans towards the first)."""

FOLLOW_UP_KINDS: Final = tuple(k for k in FollowUpKind if k is not FollowUpKind.WAIT)

MISS_REASONS: Final = ("", "Had to work late again", "My knee was sore", "Forgot")


_WAKING: Final = st.integers(0, 2 * 1440 - 1).map(
    lambda m: 7 * 60 + m % (16 * 60) if m < 1440 else m - 1440
)
"""A minute of the day: half the time between 07:00 and 23:00, otherwise any."""
_SHARES: Final = st.integers(1, 19).map(lambda k: k / 20)
_MISS_REASONS: Final = st.sampled_from(MISS_REASONS)
_HOURS_BEFORE: Final = st.integers(0, 48)
_LENGTHS: Final = st.none() | st.integers(1, 24 * 7)
_SEVERITIES: Final = st.sampled_from(Severity)
_CAUSES: Final = st.sampled_from(Cause)
_CONFIDENCES: Final = st.none() | st.integers(0, 10)
_FIRMNESS: Final = st.integers(0, 3)
_MINUTES: Final = st.integers(0, 59)
_RARELY: Final = st.sampled_from([False] * 7 + [True])


def _when(draw: st.DrawFn, zone: str, day: date, utc: bool) -> datetime:
    return stamped(on_local_day(zone, day, draw(_WAKING)), utc)


def _habit_day(
    draw: st.DrawFn, how: str, expectation: Expectation, index: int, day: tuple[str, date, bool]
) -> list[Event]:
    """What the client logged for one habit on one day: (zone, local date, stamped in UTC)."""
    eid = expectation.id
    if how == "silent":
        return []
    at = _when(draw, *day)
    if how == "done":
        return [Completion(id=f"c-{eid}-{index}", at=at, expectation=eid)]
    if how == "partly":
        share = draw(_SHARES)
        return [Completion(id=f"c-{eid}-{index}", at=at, expectation=eid, amount=share)]
    if how == "miss":
        reason = draw(_MISS_REASONS)
        return [Miss(id=f"m-{eid}-{index}", at=at, expectation=eid, reason=reason)]
    return []


def _setback(
    draw: st.DrawFn,
    sid: str,
    at: datetime,
    expectation_ids: tuple[str, ...],
    severity: Severity | None = None,
) -> Setback:
    start = shifted(at, -timedelta(hours=draw(_HOURS_BEFORE)))
    length = draw(_LENGTHS)
    return Setback(
        id=sid,
        at=at,
        what=draw(st.sampled_from(["My knee started hurting again", "My mum is in hospital"])),
        severity=severity if severity is not None else draw(_SEVERITIES),
        cause=draw(_CAUSES),
        affects=draw(st.sampled_from([frozenset(), *(frozenset({e}) for e in expectation_ids)])),
        start=start,
        end=None if length is None else shifted(start, timedelta(hours=length)),
    )


def _renegotiation(
    draw: st.DrawFn, rid: str, at: datetime, expectation: Expectation, zone: str
) -> Renegotiation:
    direction = draw(st.sampled_from(Direction))
    easier = direction is Direction.EASIER
    change = draw(st.sampled_from(["action", "schedule"]))
    action = None
    schedule = None
    if change == "action":
        action = "Walk for 10 minutes" if easier else "Walk for 40 minutes"
    else:
        day = at.astimezone(ZoneInfo(zone)).date()
        schedule = Cadence.times_per_week(2 if easier else 5, start=day)
    return Renegotiation(
        id=rid,
        at=at,
        expectation=expectation.id,
        direction=direction,
        reason="It's too much right now" if easier else "I'm ready for more",
        proposed_by=draw(st.sampled_from(Party)),
        action=action,
        schedule=schedule,
    )


def _extra(  # noqa: PLR0911 - one return per kind of event
    draw: st.DrawFn,
    what: str,
    *,
    index: int,
    at: datetime,
    habits: tuple[Expectation, ...],
    zone: str,
    wins: list[str],
) -> Event | None:
    ids = tuple(h.id for h in habits)
    match what:
        case "check_in":
            return CheckIn(
                id=f"k-{index}",
                at=at,
                progress=draw(st.sampled_from(["Slowly", "Had to work late again", "Good week"])),
                confidence=draw(_CONFIDENCES),
            )
        case "setback":
            return _setback(draw, f"s-{index}", at, ids)
        case "win":
            wins.append(f"w-{index}")
            return Win(
                id=f"w-{index}",
                at=at,
                what="I took the stairs",
                size=draw(st.sampled_from(WinSize)),
                goal=draw(st.sampled_from([None, GOAL.id])),
                expectation=draw(st.sampled_from([None, *ids])),
            )
        case "reflection":
            return Reflection(
                id=f"r-{index}",
                at=at,
                kind=draw(st.sampled_from(ReflectionKind)),
                words=draw(st.sampled_from(["I'm scared I'll fail again", "Mornings are hard"])),
            )
        case "renegotiation" if habits:
            return _renegotiation(draw, f"n-{index}", at, draw(st.sampled_from(habits)), zone)
        case "contact":
            return Contact(id=f"t-{index}", at=at, channel="chat", note="Quick hello")
        case "follow_up":
            celebrated = (
                frozenset(draw(st.lists(st.sampled_from(wins), max_size=2))) if wins else None
            )
            return FollowUpSent(
                id=f"f-{index}",
                at=at,
                kind=draw(st.sampled_from(FOLLOW_UP_KINDS)),
                firmness=draw(_FIRMNESS),
                text="How is it going this week?",
                celebrated=celebrated or frozenset(),
            )
        case _:
            return None


@st.composite
def stories(
    draw: st.DrawFn,
    zones: tuple[str, ...] = ZONES,
    min_days: int = 10,
    max_days: int = 60,
    starts: st.SearchStrategy[tuple[str, date]] | None = None,
) -> Story:
    """A client's journal of one or two habits kept for *min_days* to *max_days* days.

    Now and then the agreement has check-ins and no habit has been agreed yet.
    *starts* draws the zone and the first day; by default, `first_days`.
    """
    zone, first = draw(starts if starts is not None else first_days(zones))
    days = draw(st.integers(min_days, max_days))
    utc = draw(st.sampled_from([False, False, False, True]))
    agreed = local(zone, first, 6)
    check_in = draw(
        st.sampled_from(
            [
                None,
                None,
                Cadence.weekly(on=6, start=first, at=time(18)),
                Cadence.daily(start=first, at=time(20)),
            ]
        )
    )
    chosen = draw(
        st.lists(
            st.sampled_from(HABITS),
            min_size=0 if check_in is not None and draw(_RARELY) else 1,
            max_size=2,
            unique_by=lambda h: h[0],
        )
    )
    goals = (GOAL, SECOND_GOAL) if draw(st.booleans()) else (GOAL,)
    habits = tuple(
        Expectation(
            id=f"e-{n}",
            goal=draw(st.sampled_from([g.id for g in goals])),
            action=action,
            done_when="Logged in the app",
            agreed_at=stamped(agreed, utc),
            schedule=cadence(first),
            plan=draw(st.none() | st.just(PLAN)),
        )
        for n, (action, cadence) in enumerate(chosen)
    )
    agreement = Agreement(
        zone=zone,
        agreed_at=stamped(agreed, utc),
        check_in=check_in,
        quiet_hours=draw(quiet_hours()),
        weekly_cap=draw(st.sampled_from([3, 3, 3, 3, 3, 0, 1, 2, 5, 7])),
        directness=draw(st.sampled_from(DIRECTNESS)),
        peer_consent=draw(st.booleans()),
        grace=draw(graces()),
    )
    profile = st.sampled_from(PROFILES[draw(st.sampled_from(sorted(PROFILES)))])
    # One client in four drops off after some day and says nothing more.
    stop = draw(st.one_of(st.none(), st.none(), st.none(), st.integers(3, days)))
    busy = draw(st.booleans())  # many follow-ups already sent: the weekly cap bites
    extras = st.sampled_from(EXTRAS + ("follow_up",) * 12 if busy else EXTRAS)
    events: list[Event] = []
    wins: list[str] = []
    for index in range(days):
        day = (zone, first + timedelta(days=index), utc)
        silent = stop is not None and index >= stop
        for habit in habits:
            how = "silent" if silent else draw(profile)
            events.extend(_habit_day(draw, how, habit, index, day))
        what = draw(extras)
        if what == "nothing" or (silent and what != "follow_up"):
            continue
        event = _extra(
            draw, what, index=index, at=_when(draw, *day), habits=habits, zone=zone, wins=wins
        )
        if event is not None:
            events.append(event)
    journal = Journal(agreement=agreement, goals=goals, expectations=habits, events=tuple(events))
    return Story(journal=journal, zone=zone, first=first, days=days, utc=utc)


@st.composite
def moments(draw: st.DrawFn, story: Story, after_days: int = 35) -> datetime:
    """A moment inside the story or up to *after_days* days after it, on any clock."""
    last = story.days + 2
    inside = st.integers(0, last).map(lambda back: last - back)  # from the end: history first
    day = story.first + timedelta(
        days=draw(inside | inside | st.integers(0, story.days + after_days))
    )
    moment = on_local_day(story.zone, day, draw(minutes_of_the_day()))
    clock = draw(st.sampled_from(["client", "client", "utc", "Asia/Tokyo"]))
    if clock == "utc":
        return real(moment)
    if clock == "Asia/Tokyo":
        return moment.astimezone(ZoneInfo("Asia/Tokyo"))
    return moment


@st.composite
def story_cases(draw: st.DrawFn) -> Case:
    """A story and a moment to decide at."""
    story = draw(stories())
    return story.journal, draw(moments(story))


@st.composite
def any_journal_cases(draw: st.DrawFn) -> Case:
    """Any valid journal from `accountability.testing`, and a moment in or after its 90 days."""
    journal = draw(testing.journals(max_events=30, days=90))
    start = journal.agreement.agreed_at
    minutes = draw(st.integers(0, 120 * 1440))
    return journal, shifted(start, timedelta(minutes=minutes))


@st.composite
def firm_cases(draw: st.DrawFn) -> Case:
    """A story and a moment soon after a clear ask or a challenge was sent.

    Often the client stalled a few days before it: no habit done since, yet
    a check-in every evening, so each missed day is a lapse of its own and the
    ladder climbs to a challenge. Sometimes a smaller step was offered after
    the stall began, and check-ins come with low confidence.
    """
    story = draw(stories())
    day = story.first + timedelta(days=story.days - draw(st.integers(0, 7)))
    now = on_local_day(story.zone, day, draw(minutes_of_the_day()))
    sent_at = shifted(now, -timedelta(minutes=draw(st.integers(36 * 60, 4 * 1440))))
    stall_from = shifted(sent_at, -timedelta(minutes=draw(st.integers(2 * 1440, 7 * 1440))))
    journal = story.journal
    added: list[Event] = []
    if draw(st.sampled_from([True, True, True, False])):  # stalled, but a word every evening
        journal = attrs.evolve(
            journal,
            events=tuple(
                e
                for e in journal.events
                if not (isinstance(e, Completion) and real(e.at) > real(stall_from))
            ),
        )
        evenings = int((real(now) - real(stall_from)).total_seconds() // 86400)
        added.extend(
            CheckIn(
                id=f"k-stall-{n}",
                at=stamped(shifted(stall_from, timedelta(days=n, hours=1)), story.utc),
                progress="Busy day",
                confidence=draw(_CONFIDENCES),
            )
            for n in range(evenings)
        )
    added.append(
        FollowUpSent(
            id="f-firm",
            at=stamped(sent_at, story.utc),
            kind=draw(st.sampled_from([FollowUpKind.ASK_RECOMMITMENT, FollowUpKind.CHALLENGE])),
            firmness=draw(st.sampled_from([3, 2, 3])),
            text="Can you commit to it again by Friday?",
        )
    )
    if draw(st.sampled_from([True, False, False, False])):
        offered = shifted(sent_at, -timedelta(minutes=draw(st.integers(1, 20 * 60))))
        added.append(
            FollowUpSent(
                id="f-offer",
                at=stamped(offered, story.utc),
                kind=FollowUpKind.OFFER_RENEGOTIATION,
                firmness=draw(st.integers(1, 3)),
                text="Would a smaller step help for now?",
            )
        )
    return journal.add(*added), now


@st.composite
def dst_eve_cases(draw: st.DrawFn) -> Case:
    """A story around a clock change, decided the evening or night before it.

    Follow-ups went out in the hours and days before, and a win has just come
    in, so there is news to send and the minimum gap and the weekly cap bite
    across the change.
    """
    zone, change = draw(st.sampled_from(TRANSITIONS))
    lead = draw(st.integers(3, 30))
    story = draw(
        stories(
            min_days=lead + 1, max_days=lead + 10, starts=st.just((zone, change - timedelta(lead)))
        )
    )
    eve = change - timedelta(days=1)
    now = on_local_day(zone, eve, draw(st.integers(12 * 60, 27 * 60)))
    hours = draw(
        st.lists(st.integers(1, 30) | st.integers(1, 160), min_size=1, max_size=3, unique=True)
    )
    sent = [
        FollowUpSent(
            id=f"f-eve-{n}",
            at=stamped(shifted(now, -timedelta(hours=h, minutes=draw(_MINUTES))), story.utc),
            kind=FollowUpKind.CHECK_IN,
            firmness=draw(_FIRMNESS),
            text="How is it going?",
        )
        for n, h in enumerate(hours)
    ]
    win = Win(
        id="w-eve",
        at=stamped(shifted(now, -timedelta(minutes=draw(_MINUTES))), story.utc),
        what="Signed up for the race",
    )
    journal = story.journal.before(now).add(*sent, win)
    return journal, draw(st.sampled_from([now, now, real(now)]))


@st.composite
def gone_quiet_cases(draw: st.DrawFn) -> Case:
    """A client who went quiet: an open door was left after three weeks, looked at weeks later."""
    story = draw(stories())
    cut = on_local_day(
        story.zone, story.first + timedelta(days=draw(st.integers(1, story.days))), 0
    )
    journal = story.journal.before(cut)
    spoke = [real(e.at) for e in journal.events if not isinstance(e, FollowUpSent)]
    last_spoke = max(spoke, default=real(journal.agreement.agreed_at))
    door_at = shifted(
        last_spoke.astimezone(journal.agreement.tz),
        timedelta(days=21, minutes=draw(st.integers(0, 10 * 1440))),
    )
    door = FollowUpSent(
        id="f-door",
        at=stamped(door_at, story.utc),
        kind=FollowUpKind.OPEN_DOOR,
        text="The door is open whenever you want.",
    )
    later = st.integers(1, 40 * 1440) | st.integers(14 * 1440, 30 * 1440)
    now = shifted(door_at, timedelta(minutes=draw(later)))
    return journal.add(door), draw(st.sampled_from([now, now, real(now)]))


def cases() -> st.SearchStrategy[Case]:
    """Realistic stories, mostly in the situations that test the policy, and any valid journal.

    Plain stories; stories just after a firm follow-up; the eve of a clock
    change with follow-ups just sent; a client gone quiet after an open door;
    and any journal `accountability.testing` can build.
    """
    return st.one_of(
        story_cases(),
        story_cases(),
        firm_cases(),
        dst_eve_cases(),
        gone_quiet_cases(),
        any_journal_cases(),
    )


@st.composite
def crisis_cases(draw: st.DrawFn) -> tuple[Journal, datetime, Setback]:
    """A story with a crisis reported at *t* inside it, and a moment in [t, t + crisis_days)."""
    story = draw(stories())
    journal = story.journal
    crisis_days = journal.agreement.grace.crisis_days
    day = story.first + timedelta(days=draw(st.integers(0, story.days)))
    t = stamped(on_local_day(story.zone, day, draw(st.integers(0, 1439))), story.utc)
    ids = tuple(e.id for e in journal.expectations)
    crisis = _setback(draw, "s-crisis", t, ids, Severity.CRISIS)
    # The window is crisis_days long, read as calendar days or as 24-hour days: where a
    # clock change makes the two differ by an hour, only the shorter window is drawn from.
    end = min(real(t + timedelta(days=crisis_days)), real(t) + timedelta(days=crisis_days))
    span = int((end - real(t)).total_seconds() // 60) - 1
    minutes = draw(st.integers(0, span))
    now = shifted(t, timedelta(minutes=minutes))
    journal = journal.add(crisis)
    if minutes > 1 and draw(st.booleans()):  # support already sent
        support = shifted(t, timedelta(minutes=draw(st.integers(1, minutes - 1))))
        journal = journal.add(
            FollowUpSent(
                id="f-support",
                at=stamped(support, story.utc),
                kind=FollowUpKind.SUPPORT_SETBACK,
                text="Please put yourself first right now.",
            )
        )
    return journal, now, crisis


# --- Pinned journals ---------------------------------------------------------------------


def daily_walk(first: date, agreed: datetime) -> Expectation:
    """The pinned cases' habit: a walk every day at 07:00 from *first*, agreed at *agreed*."""
    return Expectation(
        id="e-walk",
        goal=GOAL.id,
        action=HABITS[0][0],
        done_when="Logged in the app",
        agreed_at=agreed,
        schedule=Cadence.daily(start=first, at=time(7)),
    )


def walks_done(zone: str, first: date, days: int) -> list[Event]:
    """The walk done at 08:00 local on each of the *days* days from *first*."""
    return [
        Completion(id=f"c-{n}", at=local(zone, first + timedelta(days=n), 8), expectation="e-walk")
        for n in range(days)
    ]


def pinned(
    zone: str,
    now: datetime,
    sent_hours_ago: tuple[float, ...] = (),
    utc: bool = False,
    quiet: QuietHours | None = None,
) -> Case:
    """A week of daily walks, follow-ups sent the given real hours before *now*, a win at *now*.

    The win is news, so the policy has something to send, and the follow-ups
    make the weekly cap and the minimum gap bite.
    """
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=8)
    agreed = local(zone, first, 6)
    walk = daily_walk(first, agreed)
    walks = [
        Completion(
            id=f"c-{n}",
            at=stamped(local(zone, first + timedelta(days=n), 8), utc),
            expectation="e-walk",
        )
        for n in range(8)
    ]
    sent = [
        FollowUpSent(
            id=f"f-{n}",
            at=stamped(shifted(now, -timedelta(hours=hours)), utc),
            kind=FollowUpKind.CHECK_IN,
            text="How is it going?",
        )
        for n, hours in enumerate(sent_hours_ago)
    ]
    win = Win(id="w-race", at=stamped(shifted(now, -timedelta(minutes=30)), utc), what="Signed up")
    journal = Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed, quiet_hours=quiet or QuietHours()),
        goals=(GOAL,),
        expectations=(walk,),
        events=(*walks, *sent, win),
    )
    return journal, now


def late_walk_then_more(zone: str, now: datetime) -> Case:
    """Walks for five days, two missed, a clear ask at 12:00, the day's walk done at 19:00 after
    it, and a request for more at 20:00; decided later that evening (*now*).
    """
    day = now.astimezone(ZoneInfo(zone)).date()
    first = day - timedelta(days=7)
    agreed = local(zone, first, 6)
    walk = daily_walk(first, agreed)
    events: list[Event] = walks_done(zone, first, 5)
    events += [
        FollowUpSent(
            id="f-ask",
            at=local(zone, day, 12),
            kind=FollowUpKind.ASK_RECOMMITMENT,
            firmness=2,
            text="Are you willing to commit to it again by Friday?",
        ),
        Completion(id="c-late", at=local(zone, day, 19), expectation="e-walk"),
        Renegotiation(
            id="n-more",
            at=local(zone, day, 20),
            expectation="e-walk",
            direction=Direction.HARDER,
            reason="I'm ready for more",
            action="Walk for 40 minutes",
        ),
    ]
    journal = Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed),
        goals=(GOAL,),
        expectations=(walk,),
        events=tuple(events),
    )
    return journal, now


def check_ins_only(zone: str, now: datetime) -> Case:
    """Daily check-ins agreed and no expectation: one low check-in, a clear ask, then nothing.

    The lapses on the check-ins climb the ladder to a challenge, with no
    expectation to offer a smaller step of.
    """
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=5)
    agreement = Agreement(
        zone=zone,
        agreed_at=local(zone, first, 6),
        check_in=Cadence.daily(start=first, at=time(20)),
    )
    events = (
        CheckIn(id="k-0", at=local(zone, first, 20, 5), progress="Meh", confidence=2),
        Contact(id="t-0", at=local(zone, first + timedelta(days=2), 9), note="Busy week"),
        FollowUpSent(
            id="f-ask",
            at=local(zone, first + timedelta(days=1), 12),
            kind=FollowUpKind.ASK_RECOMMITMENT,
            firmness=2,
            text="Can you check in again by Friday?",
        ),
    )
    return Journal(agreement=agreement, events=events), now


def door_left_open_long_ago(zone: str, now: datetime) -> Case:
    """A client silent for 40 days, an open door left 18 days ago, decided at *now*."""
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=41)
    agreed = local(zone, first, 6)
    walk = daily_walk(first, agreed)
    events = (
        Completion(id="c-0", at=local(zone, first, 8), expectation="e-walk"),
        FollowUpSent(
            id="f-door",
            at=shifted(now, -timedelta(days=18)),
            kind=FollowUpKind.OPEN_DOOR,
            text="The door is open whenever you want.",
        ),
    )
    journal = Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed),
        goals=(GOAL,),
        expectations=(walk,),
        events=events,
    )
    return journal, now


_SAYS: Final = st.sampled_from(
    ["done", "done", "partly", "miss", "check_in", "setback", "win", "reflection", "renegotiation"]
)


@st.composite
def the_client_says(draw: st.DrawFn, journal: Journal, event_id: str, now: datetime) -> Event:
    """One thing the client does or says at *now*: a completion, a miss, a check-in, and so on."""
    what = draw(_SAYS)
    zone = journal.agreement.zone
    if what in ("done", "partly", "miss"):
        habit = draw(st.sampled_from(journal.expectations))
        events = _habit_day(draw, what, habit, 0, (zone, now.date(), False))
        return attrs.evolve(events[0], id=event_id, at=now)
    wins: list[str] = []
    said = _extra(draw, what, index=0, at=now, habits=journal.expectations, zone=zone, wins=wins)
    assert said is not None
    return attrs.evolve(said, id=event_id)


# --- A coach's own rules -----------------------------------------------------------------


@attrs.frozen
class HouseRule:
    """A coach's own rule: it adds the same moves, and maybe a kind, to every draft.

    The policy enforces its invariants when it finishes a draft, so they must
    hold whatever a house rule adds: an ask with no opener, a challenge in a
    crisis, two asks at once.
    """

    moves: tuple[Move, ...]
    kind: FollowUpKind | None

    def __call__(self, situation: Situation, draft: Draft, /) -> Draft:
        return draft.add(*self.moves, reason="House rule", kind=self.kind)


def _house_move(kind: MoveKind) -> Move:
    return Move(kind=kind, action="Walk for 20 minutes", step="Walk for 10 minutes")


def house_rules() -> st.SearchStrategy[HouseRule]:
    """House rules adding one to four moves of any kind, often asks and challenges."""
    asks = [MoveKind.ASK_RECOMMITMENT, MoveKind.CHALLENGE] * 4
    kinds = st.sampled_from([*asks, *MoveKind])  # an ask first: what the invariants must tame
    return st.builds(
        HouseRule,
        moves=st.lists(kinds.map(_house_move), min_size=1, max_size=4).map(tuple),
        kind=st.sampled_from([None, *FOLLOW_UP_KINDS]),
    )


def policies() -> st.SearchStrategy[Policy | None]:
    """The default policy (None), or one with a house rule at any place among the built-in ones."""
    before: st.SearchStrategy[Rule | None] = st.none() | st.sampled_from(DEFAULT_RULES)
    return (
        st.builds(lambda rule, place: Policy().with_rule(rule, before=place), house_rules(), before)
        | st.none()
    )


@st.composite
def good_news_cases(draw: st.DrawFn) -> Case:
    """A case soon after a firm follow-up, with a completion logged since and a request for more.

    The request for more (a harder renegotiation) gives the policy something
    to say, so its firmness shows.
    """
    journal, now = draw(firm_cases())
    sent = [e for e in journal.events if isinstance(e, FollowUpSent) and real(e.at) <= real(now)]
    assume(sent and journal.expectations)
    last = max(sent, key=lambda e: real(e.at))
    since = int((real(now) - real(last.at)).total_seconds() // 60)
    assume(since > 60)
    habit = draw(st.sampled_from(journal.expectations))
    done = Completion(
        id="c-since",
        at=shifted(last.at, timedelta(minutes=draw(st.integers(1, since - 31)))),
        expectation=habit.id,
    )
    more = Renegotiation(
        id="n-more",
        at=shifted(now, -timedelta(minutes=30)),
        expectation=habit.id,
        direction=Direction.HARDER,
        reason="I'm ready for more",
        action="Walk for 40 minutes",
    )
    return journal.add(done, more), now


# --- The same instants, written in UTC ---------------------------------------------------


def in_utc(value: Any) -> Any:
    """*value* with every datetime in it, however deep, written in UTC.

    Compare through it to compare instants: Python never finds a time in the
    repeated hour of an autumn night equal to the same instant in another zone.
    """
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, tuple):
        return tuple(in_utc(item) for item in value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return attrs.evolve(value, **{f.name: in_utc(getattr(value, f.name)) for f in fields})
    return value


def written_in_utc(journal: Journal) -> Journal:
    """The same journal with every moment in it (events, agreement, schedules) written in UTC."""
    written = in_utc(journal)
    assert isinstance(written, Journal)
    return written


def crisis_reported(
    zone: str, crisis_at: datetime, now: datetime, support_at: datetime | None = None
) -> Case:
    """Five days of walks, a crisis reported at *crisis_at*, and support sent at *support_at*."""
    day = crisis_at.astimezone(ZoneInfo(zone)).date()
    first = day - timedelta(days=5)
    agreed = local(zone, first, 6)
    walk = daily_walk(first, agreed)
    events: list[Event] = walks_done(zone, first, 5)
    events.append(
        Setback(id="s-crisis", at=crisis_at, what="My mum is in hospital", severity=Severity.CRISIS)
    )
    if support_at is not None:
        events.append(
            FollowUpSent(
                id="f-support",
                at=support_at,
                kind=FollowUpKind.SUPPORT_SETBACK,
                text="Please put yourself first right now.",
            )
        )
    journal = Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed),
        goals=(GOAL,),
        expectations=(walk,),
        events=tuple(events),
    )
    return journal, now
