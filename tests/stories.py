"""Coaching stories for the property tests: journals as a coach sees them, and moments to read.

One home for what the tests of `assess`, the policy, the voice, replays and
circles share. Strategies of public use (any valid journal, quiet hours,
grace, instants) live in `accountability.testing`; these are the project's
own.

A story is a client's journal: one or two habits (daily at 07:00, daily at
any time, weekdays at 07:30, three times a week, a late-evening one inside
the quiet hours, one due in a DST gap) kept for 10 to 60 days in a zone with
daylight saving time (or in UTC), by a client who is steady, wobbly,
struggling or who drops off. Days bring completions, partial completions,
late completions naming the due they fulfil, silent days, reported misses
(some the next day, naming the due), and around them check-ins with a
confidence, setbacks of every severity, wins, reflections (fear included),
easier and harder renegotiations, contacts, and follow-ups already sent at
every step of the firmness ladder. Stories often straddle a daylight-saving
change.

Moments are drawn as instants of real time: a local day of the story (or of
the month after it) and a minute after its midnight, often inside the quiet
hours. Timestamps are written on the client's clock or in UTC, as apps do
both; an equal instant must lead to the same result either way.

Every duration here is measured in real time (through UTC): subtracting two
datetimes that share a zone measures wall-clock time instead, which is off by
an hour across a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import attrs
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
    IfThen,
    Journal,
    Miss,
    Party,
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
from accountability.record import Event, FollowUpKind, Occurrence

ZONES: Final = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC")
"""Story zones: two in the north changing clocks on different dates, one by half an hour, none."""

TRANSITIONS: Final = (
    ("Europe/Berlin", date(2026, 3, 29)),
    ("Europe/Berlin", date(2026, 10, 25)),
    ("America/New_York", date(2026, 3, 8)),
    ("America/New_York", date(2026, 11, 1)),
    ("Australia/Lord_Howe", date(2026, 4, 5)),
    ("Australia/Lord_Howe", date(2026, 10, 4)),
)
"""The local dates on which each zone that changes its clocks changes them in 2026."""

GOAL: Final = Goal(id="g-fit", title="Feel fit again", why="I want to keep up with my kids")
SECOND_GOAL: Final = Goal(id="g-calm", title="Sleep better", why="I want calmer evenings")
PLAN: Final = IfThen(obstacle="I work late", response="I walk the next morning")

Case = tuple[Journal, datetime]
"""A journal and the moment to read it at."""


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


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes of real time from *start* to *end*."""
    return int((real(end) - real(start)).total_seconds() // 60)


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


# --- One-habit journals ------------------------------------------------------------------


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


def habit_journal(
    zone: str,
    first: date,
    schedule: Cadence,
    events: tuple[Event, ...] = (),
    *,
    quiet: QuietHours | None = None,
) -> Journal:
    """One habit, ``e-walk``, agreed at 06:00 local on *first*, and the given events."""
    agreed = local(zone, first, 6)
    habit = Expectation(
        id="e-walk",
        goal=GOAL.id,
        action=HABITS[0][0],
        done_when="Logged in the app",
        agreed_at=agreed,
        schedule=schedule,
    )
    return Journal(
        agreement=Agreement(zone=zone, agreed_at=agreed, quiet_hours=quiet or QuietHours()),
        goals=(GOAL,),
        expectations=(habit,),
        events=events,
    )


def daily_journal(
    zone: str,
    first: date,
    at: time | None,
    events: tuple[Event, ...] = (),
    *,
    quiet: QuietHours | None = None,
) -> Journal:
    """A daily habit, ``e-walk``, due at *at* (or any time that day) from *first*."""
    return habit_journal(zone, first, Cadence.daily(start=first, at=at), events, quiet=quiet)


# --- What happens on a day ---------------------------------------------------------------

PROFILES: Final = {
    "steady": ("done",) * 17 + ("partly", "silent", "miss", "late", "named_miss"),
    "wobbly": ("done",) * 10
    + ("partly",) * 3
    + ("silent",) * 4
    + ("miss",) * 3
    + ("late", "named_miss"),
    "struggling": ("done",) * 4
    + ("partly",) * 2
    + ("silent",) * 10
    + ("miss",) * 4
    + ("late", "named_miss"),
}
"""How a habit day goes for each kind of client, weighted by how often it happens.

``late`` is a completion logged the next day naming the due it fulfils;
``named_miss`` a miss reported the next day, naming its due.
"""

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

Words = Callable[[str, str], str]
"""The words of an event's text, given what kind of text it is and the event's id."""

_STORY_WORDS: Final = {
    "check_in": st.sampled_from(["Slowly", "Had to work late again", "Good week"]),
    "setback": st.sampled_from(["My knee started hurting again", "My mum is in hospital"]),
    "win": st.just("I took the stairs"),
    "reflection": st.sampled_from(["I'm scared I'll fail again", "Mornings are hard"]),
    "contact": st.just("Quick hello"),
    "coach": st.just("How is it going this week?"),
}
_PREFIXES: Final = {
    "check_in": "k",
    "setback": "s",
    "win": "w",
    "reflection": "r",
    "renegotiation": "n",
    "contact": "t",
    "follow_up": "f",
}
"""Each extra event's id starts with its own letter, so one of each a day never clash."""

_WAKING: Final = st.integers(0, 2 * 1440 - 1).map(
    lambda m: 7 * 60 + m % (16 * 60) if m < 1440 else m - 1440
)
"""A minute of the day: half the time between 07:00 and 23:00, otherwise any."""
_SHARES: Final = st.integers(1, 19).map(lambda k: k / 20)
_MISS_REASONS: Final = st.sampled_from(MISS_REASONS)
_HOURS_BEFORE: Final = st.integers(0, 48)
_LENGTHS: Final = st.none() | st.integers(1, 24 * 7)
_SEVERITIES: Final = st.sampled_from(
    (Severity.MINOR, Severity.MAJOR, Severity.MINOR, Severity.MAJOR, Severity.CRISIS)
)
"""Setbacks of every severity, a crisis one time in five."""
_CALM: Final = st.sampled_from((Severity.MINOR, Severity.MAJOR))
_CAUSES: Final = st.sampled_from(Cause)
_CONFIDENCES: Final = st.none() | st.integers(0, 10)
_FIRMNESS: Final = st.integers(0, 3)
_MINUTES: Final = st.integers(0, 59)
_RARELY: Final = st.sampled_from([False] * 7 + [True])
_SIZES: Final = st.sampled_from(WinSize)
_REFLECTIONS: Final = st.sampled_from(ReflectionKind)
_SENT_KINDS: Final = st.sampled_from(FOLLOW_UP_KINDS)


def story_words(draw: st.DrawFn) -> Words:
    """The words of a story: a few everyday sentences of each kind."""

    def words(kind: str, _event: str) -> str:
        return draw(_STORY_WORDS[kind])

    return words


def _when(draw: st.DrawFn, zone: str, day: date, utc: bool) -> datetime:
    return stamped(on_local_day(zone, day, draw(_WAKING)), utc)


def _period_of(expectation: Expectation, zone: str, day: date) -> Occurrence | None:
    """The occurrence of *expectation* that opens on *day*, if one does."""
    schedule = expectation.schedule
    assert isinstance(schedule, Cadence)
    opens = local(zone, day)
    found = schedule.occurrences(ZoneInfo(zone), opens, local(zone, day + timedelta(days=8)))
    return next((o for o in found if o.opens == opens), None)


def habit_day(  # noqa: PLR0911 - one return per way a day goes
    draw: st.DrawFn, how: str, expectation: Expectation, index: int, day: tuple[str, date, bool]
) -> list[Event]:
    """What the client logged for one habit on one day: (zone, local date, stamped in UTC)."""
    zone, local_day, utc = day
    eid, cid, mid = expectation.id, f"c-{expectation.id}-{index}", f"m-{expectation.id}-{index}"
    if how == "silent":
        return []
    if how in ("late", "named_miss"):  # logged the next day, naming the due
        period = _period_of(expectation, zone, local_day)
        if period is None:
            return []
        at = _when(draw, zone, local_day + timedelta(days=1), utc)
        if how == "late":
            return [Completion(id=cid, at=at, expectation=eid, due=period.due)]
        return [Miss(id=mid, at=at, expectation=eid, due=period.due, reason=draw(_MISS_REASONS))]
    at = _when(draw, *day)
    if how == "done":
        return [Completion(id=cid, at=at, expectation=eid)]
    if how == "partly":
        return [Completion(id=cid, at=at, expectation=eid, amount=draw(_SHARES))]
    return [Miss(id=mid, at=at, expectation=eid, reason=draw(_MISS_REASONS))]


def setback(
    draw: st.DrawFn,
    sid: str,
    at: datetime,
    expectation_ids: tuple[str, ...],
    *,
    what: str,
    severity: Severity | None = None,
    calm: bool = False,
) -> Setback:
    """A setback reported at *at*, begun up to two days before, over or still going.

    Of any severity (a crisis one time in five), only minor or major when
    *calm*, or of *severity*; it affects nothing or one of *expectation_ids*.
    """
    start = shifted(at, -timedelta(hours=draw(_HOURS_BEFORE)))
    length = draw(_LENGTHS)
    return Setback(
        id=sid,
        at=at,
        what=what,
        severity=severity if severity is not None else draw(_CALM if calm else _SEVERITIES),
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


def extra_event(  # noqa: PLR0911 - one return per kind of event
    draw: st.DrawFn,
    what: str,
    *,
    eid: str,
    at: datetime,
    habits: tuple[Expectation, ...],
    zone: str,
    wins: list[str],
    words: Words,
    calm: bool = False,
) -> Event | None:
    """One more thing that happened on a day, besides the habits: *what* names its kind.

    A check-in, a setback (only minor or major when *calm*), a win (its id
    added to *wins*), a reflection, a renegotiation of one of *habits*, a
    contact, or a follow-up already sent (celebrating some of *wins*); None
    for anything else. Its texts come from *words*.
    """
    ids = tuple(h.id for h in habits)
    match what:
        case "check_in":
            return CheckIn(
                id=eid,
                at=at,
                progress=words("check_in", eid),
                note=words("check_in", eid) if draw(st.booleans()) else "",
                confidence=draw(_CONFIDENCES),
            )
        case "setback":
            return setback(draw, eid, at, ids, what=words("setback", eid), calm=calm)
        case "win":
            wins.append(eid)
            return Win(
                id=eid,
                at=at,
                what=words("win", eid),
                size=draw(_SIZES),
                goal=draw(st.sampled_from([None, *sorted({h.goal for h in habits})])),
                expectation=draw(st.sampled_from([None, *ids])),
            )
        case "reflection":
            return Reflection(
                id=eid, at=at, kind=draw(_REFLECTIONS), words=words("reflection", eid)
            )
        case "renegotiation" if habits:
            return _renegotiation(draw, eid, at, draw(st.sampled_from(habits)), zone)
        case "contact":
            return Contact(id=eid, at=at, channel="chat", note=words("contact", eid))
        case "follow_up":
            celebrated = (
                frozenset(draw(st.lists(st.sampled_from(wins), max_size=2))) if wins else None
            )
            return FollowUpSent(
                id=eid,
                at=at,
                kind=draw(_SENT_KINDS),
                firmness=draw(_FIRMNESS),
                text=words("coach", eid),
                celebrated=celebrated or frozenset(),
            )
        case _:
            return None


# --- Stories -----------------------------------------------------------------------------


@attrs.frozen
class Story:
    """A journal, its zone and first local day, how many days its events fill, and its clock."""

    journal: Journal
    zone: str
    first: date
    days: int
    utc: bool


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
        quiet_hours=draw(testing.quiet_hours()),
        weekly_cap=draw(st.sampled_from([3, 3, 3, 3, 3, 0, 1, 2, 5, 7])),
        directness=draw(st.sampled_from(DIRECTNESS)),
        peer_consent=draw(st.booleans()),
        grace=draw(testing.graces(min_crisis_days=1)),
    )
    profile = st.sampled_from(PROFILES[draw(st.sampled_from(sorted(PROFILES)))])
    # One client in four drops off after some day and says nothing more.
    stop = draw(st.one_of(st.none(), st.none(), st.none(), st.integers(3, days)))
    busy = draw(st.booleans())  # many follow-ups already sent: the weekly cap bites
    extras = st.sampled_from(EXTRAS + ("follow_up",) * 12 if busy else EXTRAS)
    words = story_words(draw)
    events: list[Event] = []
    wins: list[str] = []
    for index in range(days):
        day = (zone, first + timedelta(days=index), utc)
        silent = stop is not None and index >= stop
        for habit in habits:
            how = "silent" if silent else draw(profile)
            events.extend(habit_day(draw, how, habit, index, day))
        what = draw(extras)
        if what == "nothing" or (silent and what != "follow_up"):
            continue
        event = extra_event(
            draw,
            what,
            eid=f"{_PREFIXES[what]}-{index}",
            at=_when(draw, *day),
            habits=habits,
            zone=zone,
            wins=wins,
            words=words,
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
    """A story and a moment to read it at."""
    story = draw(stories())
    return story.journal, draw(moments(story))


@st.composite
def any_journal_cases(draw: st.DrawFn) -> Case:
    """Any valid journal from `accountability.testing`, and a moment in or after its 90 days."""
    journal = draw(testing.journals(max_events=30, days=90))
    return journal, draw(testing.moments_for(journal, days=120))


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
    """A story around a clock change, read the evening or night before it.

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
    crisis = setback(
        draw, "s-crisis", t, ids, what="My mum is in hospital", severity=Severity.CRISIS
    )
    # The window is crisis_days long, read as calendar days or as 24-hour days: where a
    # clock change makes the two differ by an hour, only the shorter window is drawn from.
    on_their_clock = t.astimezone(journal.agreement.tz)
    end = min(
        real(on_their_clock + timedelta(days=crisis_days)), real(t) + timedelta(days=crisis_days)
    )
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
