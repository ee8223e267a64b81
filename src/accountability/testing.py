"""Hypothesis strategies for every domain object, for property-testing code that embeds us.

Use them to test your own app against any valid record the library
accepts, not only the ones you thought of:

```python
from hypothesis import given
from accountability import testing

@given(testing.journals())
def test_my_dashboard_renders_any_journal(journal):
    render_dashboard(journal)
```

Every strategy draws only valid values: anything it produces constructs
without error. Text strategies include braces, dollar signs and markup, so
client words that look like templates are exercised too. Moments are aware,
in a mix of zones with and without daylight saving time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from accountability.record.journal import Journal
from accountability.record.model import (
    Agreement,
    Cause,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Directness,
    Event,
    Expectation,
    FollowUpKind,
    FollowUpSent,
    Goal,
    GoalStatus,
    Grace,
    IfThen,
    Miss,
    Outcome,
    Party,
    QuietHours,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
)
from accountability.record.schedule import Cadence, Due, Schedule

__all__ = [
    "ZONES",
    "agreements",
    "aware_datetimes",
    "cadences",
    "client_words",
    "dues",
    "events",
    "expectations",
    "goals",
    "ids",
    "journals",
    "schedules",
    "zones",
]

ZONES: Final = (
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
)
"""Zones the strategies draw from: with and without DST, odd offsets, both hemispheres."""

EARLIEST: Final = datetime(2020, 1, 1)
LATEST: Final = datetime(2035, 12, 31)


def zones() -> st.SearchStrategy[str]:
    """IANA zone names from `ZONES`."""
    return st.sampled_from(ZONES)


def aware_datetimes(
    min_value: datetime = EARLIEST, max_value: datetime = LATEST, zone: str | None = None
) -> st.SearchStrategy[datetime]:
    """Aware datetimes between two naive bounds, in *zone* or in any of `ZONES`.

    Times that do not exist on the wall clock (in a DST gap) are never drawn.
    """
    chosen = st.just(ZoneInfo(zone)) if zone is not None else zones().map(ZoneInfo)
    return st.datetimes(
        min_value=min_value, max_value=max_value, timezones=chosen, allow_imaginary=False
    )


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Short ids such as ``"e-3f"``."""
    return st.text(alphabet="abcdef0123456789-_", min_size=1, max_size=8).map(
        lambda s: f"{prefix}{s}"
    )


def client_words(max_size: int = 60) -> st.SearchStrategy[str]:
    """What a client might write: non-blank text, braces, dollars and markup included."""
    tricky = st.sampled_from(
        ["{why}", "${name}", "{0}", "<b>bold</b>", "100%", "{x.__class__}", "I'll try", "😅"]
    )
    plain = st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=max_size,
    )
    return st.one_of(plain, tricky, st.tuples(plain, tricky).map(" ".join)).filter(
        lambda s: bool(s.strip())
    )


def _local_dates() -> st.SearchStrategy[date]:
    return st.dates(min_value=EARLIEST.date(), max_value=date(2030, 12, 31))


def _wall_times() -> st.SearchStrategy[time]:
    return st.times().map(lambda t: t.replace(microsecond=0))


def cadences(start: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Cadence]:
    """Cadences built by every named constructor and by hand-written rules."""
    starts = start if start is not None else _local_dates()
    at = st.none() | _wall_times()
    return st.one_of(
        st.builds(Cadence.daily, start=starts, at=at),
        st.builds(Cadence.weekdays, start=starts, at=at),
        st.builds(
            Cadence.weekly,
            on=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(tuple),
            start=starts,
            at=at,
            every=st.integers(1, 4),
        ),
        st.builds(Cadence.times_per_week, st.integers(1, 7), start=starts),
        st.builds(
            Cadence.from_rrule,
            st.sampled_from(
                [
                    "FREQ=MONTHLY;BYMONTHDAY=1",
                    "FREQ=MONTHLY;BYDAY=1MO",
                    "FREQ=DAILY;INTERVAL=3",
                    "FREQ=DAILY;BYMONTHDAY=1,15",
                    "FREQ=WEEKLY;BYDAY=MO;BYMONTH=1,7",
                ]
            ),
            start=starts,
            at=at,
        ),
    )


def dues(after: datetime = EARLIEST) -> st.SearchStrategy[Due]:
    """One-off due moments after *after* (naive bound, compared on the wall clock)."""
    return st.builds(Due, at=aware_datetimes(min_value=after.replace(tzinfo=None)))


def schedules() -> st.SearchStrategy[Schedule]:
    """Either kind of schedule."""
    return st.one_of(cadences(), dues(LATEST - timedelta(days=365)))


def outcomes() -> st.SearchStrategy[Outcome]:
    """Measurable outcomes with finite numbers."""
    finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
    return st.builds(
        Outcome,
        measure=client_words(),
        target=finite,
        unit=st.sampled_from(["", "km", "EUR", "pages"]),
        baseline=st.none() | finite,
    )


def goals(goal_id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Goal]:
    """Goals with the client's own words as their why."""
    return st.builds(
        Goal,
        id=goal_id if goal_id is not None else ids("g"),
        title=client_words(),
        why=client_words(),
        outcome=st.none() | outcomes(),
        target_date=st.none() | _local_dates(),
        status=st.sampled_from(GoalStatus),
    )


def if_thens() -> st.SearchStrategy[IfThen]:
    """If-then plans."""
    return st.builds(IfThen, obstacle=client_words(), response=client_words())


@st.composite
def expectations(
    draw: st.DrawFn,
    goal_ids: tuple[str, ...] = ("g",),
    expectation_id: st.SearchStrategy[str] | None = None,
    agreed_after: datetime = EARLIEST,
) -> Expectation:
    """Expectations serving one of *goal_ids*, agreed after *agreed_after* (naive)."""
    agreed_at = draw(aware_datetimes(min_value=agreed_after, max_value=datetime(2030, 1, 1)))
    schedule = draw(
        st.none()
        | cadences(start=st.just(agreed_at.date()))
        | st.builds(
            Due, at=st.integers(0, 60 * 24 * 90).map(lambda m: agreed_at + timedelta(minutes=m))
        )
    )
    return Expectation(
        id=draw(expectation_id if expectation_id is not None else ids("e")),
        goal=draw(st.sampled_from(goal_ids)),
        action=draw(client_words()),
        agreed_at=agreed_at,
        done_when=draw(st.just("") | client_words()),
        schedule=schedule,
        proposed_by=draw(st.sampled_from(Party)),
        plan=draw(st.none() | if_thens()),
    )


def quiet_hours() -> st.SearchStrategy[QuietHours]:
    """Quiet hours on the hour, wrapping midnight or not."""
    hours = st.integers(0, 23).map(time)
    return st.builds(QuietHours, start=hours, end=hours)


def agreements(zone: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Agreement]:
    """Agreements in any zone of `ZONES`."""
    return st.builds(
        Agreement,
        zone=zone if zone is not None else zones(),
        agreed_at=aware_datetimes(max_value=datetime(2029, 1, 1)),
        check_in=st.none() | cadences(),
        quiet_hours=quiet_hours(),
        weekly_cap=st.integers(0, 7),
        directness=st.sampled_from(Directness),
        peer_consent=st.booleans(),
        grace=st.builds(Grace, major_days=st.integers(0, 30), crisis_days=st.integers(0, 60)),
    )


@st.composite
def events(  # noqa: PLR0911 - one return per kind of event
    draw: st.DrawFn,
    event_id: st.SearchStrategy[str],
    moments: st.SearchStrategy[datetime],
    goal_ids: tuple[str, ...] = (),
    expectation_ids: tuple[str, ...] = (),
) -> Event:
    """One event of any kind, referring only to the given goal and expectation ids."""
    eid = draw(event_id)
    at = draw(moments)
    goal = st.none() | st.sampled_from(goal_ids) if goal_ids else st.none()
    kinds = ["check_in", "setback", "win", "reflection", "follow_up", "contact"]
    if expectation_ids:
        kinds += ["completion", "miss", "renegotiation"]
    kind = draw(st.sampled_from(kinds))
    expectation = st.sampled_from(expectation_ids) if expectation_ids else st.nothing()
    optional_expectation = st.none() | expectation if expectation_ids else st.none()
    match kind:
        case "check_in":
            return CheckIn(
                id=eid,
                at=at,
                progress=draw(st.just("") | client_words()),
                confidence=draw(st.none() | st.integers(0, 10)),
                note=draw(st.just("") | client_words()),
                goal=draw(goal),
                measure=draw(st.none() | st.floats(-1e6, 1e6, allow_nan=False)),
            )
        case "completion":
            return Completion(
                id=eid,
                at=at,
                expectation=draw(expectation),
                amount=draw(st.just(1.0) | st.floats(0.05, 1.0)),
                due=draw(st.none() | st.just(at)),
                note=draw(st.just("") | client_words()),
            )
        case "miss":
            return Miss(
                id=eid,
                at=at,
                expectation=draw(expectation),
                due=draw(st.none() | st.just(at)),
                reason=draw(st.just("") | client_words()),
            )
        case "setback":
            start = at - timedelta(hours=draw(st.integers(0, 72)))
            length = draw(st.none() | st.integers(0, 24 * 30))
            return Setback(
                id=eid,
                at=at,
                what=draw(client_words()),
                severity=draw(st.sampled_from(Severity)),
                cause=draw(st.sampled_from(Cause)),
                affects=draw(st.frozensets(expectation, max_size=3))
                if expectation_ids
                else frozenset(),
                start=start,
                end=None if length is None else start + timedelta(hours=length),
            )
        case "win":
            return Win(
                id=eid,
                at=at,
                what=draw(client_words()),
                size=draw(st.sampled_from(WinSize)),
                goal=draw(goal),
                expectation=draw(optional_expectation),
            )
        case "renegotiation":
            action = draw(st.none() | client_words())
            return Renegotiation(
                id=eid,
                at=at,
                expectation=draw(expectation),
                direction=draw(st.sampled_from(Direction)),
                reason=draw(st.just("") | client_words()),
                proposed_by=draw(st.sampled_from(Party)),
                action=action,
                done_when=draw(st.none() | client_words()) if action is not None else "done",
                schedule=draw(st.none() | cadences(start=st.just(at.date()))),
            )
        case "reflection":
            return Reflection(
                id=eid,
                at=at,
                kind=draw(st.sampled_from(ReflectionKind)),
                words=draw(client_words()),
                goal=draw(goal),
            )
        case "follow_up":
            return FollowUpSent(
                id=eid,
                at=at,
                kind=draw(st.sampled_from(FollowUpKind)),
                firmness=draw(st.integers(0, 3)),
                text=draw(client_words()),
                goal=draw(goal),
                expectation=draw(optional_expectation),
                celebrated=draw(st.frozensets(ids("w"), max_size=2)),
            )
        case _:
            return Contact(
                id=eid,
                at=at,
                channel=draw(st.sampled_from(["", "chat", "call"])),
                note=draw(st.just("") | client_words()),
            )


@st.composite
def journals(draw: st.DrawFn, max_events: int = 30, days: int = 90) -> Journal:
    """Whole valid journals: an agreement, goals, expectations and events over *days* days.

    Ids are unique and every reference points at something the journal holds.
    """
    agreement = draw(agreements())
    goal_ids = tuple(draw(st.lists(ids("g"), min_size=1, max_size=3, unique=True)))
    goal_list = [draw(goals(goal_id=st.just(gid))) for gid in goal_ids]
    start = agreement.agreed_at
    naive_start = start.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    expectation_ids = tuple(draw(st.lists(ids("e"), max_size=3, unique=True)))
    expectation_list = [
        draw(
            expectations(
                goal_ids=goal_ids,
                expectation_id=st.just(eid),
                agreed_after=naive_start,
            )
        )
        for eid in expectation_ids
    ]
    moments = st.integers(0, days * 24 * 60).map(
        lambda minutes: (start + timedelta(minutes=minutes)).astimezone(agreement.tz)
    )
    event_ids = draw(st.lists(ids("v"), max_size=max_events, unique=True))
    event_list = [
        draw(events(st.just(eid), moments, goal_ids, expectation_ids)) for eid in event_ids
    ]
    return Journal(
        agreement=agreement,
        goals=tuple(goal_list),
        expectations=tuple(expectation_list),
        events=tuple(event_list),
    )
