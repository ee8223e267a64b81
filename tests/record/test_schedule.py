"""Cadences in the client's local time: wall-clock times hold across DST, windows are exact."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from accountability import Cadence, Due, QuietHours, testing
from accountability.exceptions import InvalidScheduleError, InvalidValueError, NaiveDatetimeError
from accountability.record import Occurrence

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

DST_CHANGES_2026 = {
    "Europe/Berlin": (date(2026, 3, 29), date(2026, 10, 25)),
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
}
"""The days the clocks change in 2026: spring forward, then fall back."""


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


# --- Wall-clock time across daylight-saving changes ----------------------------------------


@given(
    zone=st.sampled_from(sorted(DST_CHANGES_2026)),
    day=st.dates(min_value=date(2026, 1, 2), max_value=date(2026, 12, 30)),
)
@example(zone="Europe/Berlin", day=date(2026, 3, 29))
@example(zone="Europe/Berlin", day=date(2026, 10, 25))
@example(zone="America/New_York", day=date(2026, 3, 8))
@example(zone="America/New_York", day=date(2026, 11, 1))
def test_a_daily_seven_oclock_cadence_stays_at_seven_local_across_dst_changes(
    zone: str, day: date
) -> None:
    tz = ZoneInfo(zone)
    daily = Cadence.daily(start=date(2026, 1, 1), at=time(7))

    (occurrence,) = daily.occurrences(tz, _midnight(day, tz), _midnight(day + timedelta(1), tz))

    local = occurrence.due.astimezone(tz)
    assert (day, time(7)) == (local.date(), local.time())
    assert tz.utcoffset(datetime.combine(day, time(7))) == local.utcoffset()
    assert _midnight(day, tz) == occurrence.opens
    assert _midnight(day + timedelta(1), tz) == occurrence.closes


@pytest.mark.parametrize(
    ("zone", "change", "hours"),
    [
        ("Europe/Berlin", 0, 23),
        ("Europe/Berlin", 1, 25),
        ("America/New_York", 0, 23),
        ("America/New_York", 1, 25),
    ],
    ids=["berlin-spring", "berlin-autumn", "new-york-spring", "new-york-autumn"],
)
def test_the_day_the_clocks_change_is_an_hour_shorter_or_longer_between_two_dues(
    zone: str, change: int, hours: int
) -> None:
    tz = ZoneInfo(zone)
    day = DST_CHANGES_2026[zone][change]
    daily = Cadence.daily(start=date(2026, 1, 1), at=time(7))

    before, after = daily.occurrences(
        tz, _midnight(day - timedelta(1), tz), _midnight(day + timedelta(1), tz)
    )

    # Subtract as moments: Python subtracts two datetimes of one zone on the wall clock.
    assert timedelta(hours=hours) == after.due.astimezone(UTC) - before.due.astimezone(UTC)


def test_a_due_time_in_the_spring_gap_moves_forward_by_the_gap() -> None:
    daily = Cadence.daily(start=date(2026, 3, 1), at=time(2, 30))
    day = date(2026, 3, 29)

    (occurrence,) = daily.occurrences(
        BERLIN, _midnight(day, BERLIN), _midnight(day + timedelta(1), BERLIN)
    )

    assert "2026-03-29T03:30:00+02:00" == occurrence.due.astimezone(BERLIN).isoformat()


def test_a_due_time_in_the_repeated_autumn_hour_takes_the_first_of_the_two() -> None:
    daily = Cadence.daily(start=date(2026, 10, 1), at=time(2, 30))
    day = date(2026, 10, 25)

    (occurrence,) = daily.occurrences(
        BERLIN, _midnight(day, BERLIN), _midnight(day + timedelta(1), BERLIN)
    )

    assert datetime(2026, 10, 25, 0, 30, tzinfo=UTC) == occurrence.due.astimezone(UTC)
    assert "2026-10-25T02:30:00+02:00" == occurrence.due.astimezone(BERLIN).isoformat()


WINDOW_ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])


@given(
    cadence=testing.cadences(start=st.dates(date(2026, 1, 1), date(2026, 12, 31))),
    zone=testing.zones(),
    after=st.datetimes(datetime(2026, 1, 1), datetime(2027, 6, 1), timezones=st.just(UTC)),
    hours=st.integers(0, 24 * 45),
    written_in=WINDOW_ZONES,
)
@example(
    cadence=Cadence.daily(start=date(2026, 10, 20), at=time(2, 30)),
    zone="Europe/Berlin",
    after=datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    hours=11,
    written_in="Europe/Berlin",
)
def test_a_window_holds_the_same_occurrences_whichever_zone_its_bounds_are_written_in(
    cadence: Cadence, zone: str, after: datetime, hours: int, written_in: str
) -> None:
    tz, other = ZoneInfo(zone), ZoneInfo(written_in)
    before = after + timedelta(hours=hours)

    in_utc = cadence.occurrences(tz, after, before)
    elsewhere = cadence.occurrences(tz, after.astimezone(other), before.astimezone(other))

    assert in_utc == elsewhere
    assert all(after <= o.due < before for o in in_utc)


# --- Windows: the skip-ahead never changes the result -----------------------------------


def _from_the_start(
    cadence: Cadence, zone: ZoneInfo, after: datetime, before: datetime
) -> tuple[Occurrence, ...]:
    """Brute force: every occurrence from the cadence's first day, then filtered by due."""
    first_day = _midnight(cadence.start - timedelta(days=2), zone)
    return tuple(o for o in cadence.occurrences(zone, first_day, before) if after <= o.due)


@given(
    cadence=testing.cadences(start=st.dates(date(2024, 1, 1), date(2026, 12, 31))),
    zone=testing.zones(),
    offset_hours=st.integers(-48, 24 * 800),
    hours=st.integers(0, 24 * 60),
)
@example(
    cadence=Cadence.weekdays(start=date(2024, 8, 16)),
    zone="UTC",
    offset_hours=48,
    hours=25,
)
@example(
    cadence=Cadence.weekly(on=0, every=2, start=date(2025, 3, 5), at=time(7)),
    zone="Europe/Berlin",
    offset_hours=24 * 400,
    hours=24 * 30,
)
@example(
    cadence=Cadence.times_per_week(3, start=date(2024, 1, 3)),
    zone="America/New_York",
    offset_hours=24 * 700 + 5,
    hours=24 * 8,
)
def test_a_window_holds_exactly_the_occurrences_counted_from_the_cadences_start(
    cadence: Cadence, zone: str, offset_hours: int, hours: int
) -> None:
    tz = ZoneInfo(zone)
    after = _midnight(cadence.start, tz).astimezone(UTC) + timedelta(hours=offset_hours)
    before = after + timedelta(hours=hours)

    assert _from_the_start(cadence, tz, after, before) == cadence.occurrences(tz, after, before)


@given(cadence=testing.cadences(), zone=testing.zones(), days=st.integers(1, 60))
def test_occurrences_come_in_time_order_and_each_closes_where_the_next_opens(
    cadence: Cadence, zone: str, days: int
) -> None:
    tz = ZoneInfo(zone)
    after = _midnight(cadence.start, tz) + timedelta(days=days * 3)
    found = cadence.occurrences(tz, after, after + timedelta(days=days))

    assert all(o.opens <= o.due <= o.closes for o in found)
    assert all(o.times == cadence.times for o in found)
    for earlier, later in itertools.pairwise(found):
        assert earlier.due < later.due
        assert earlier.closes <= later.opens


# --- Named cadences -----------------------------------------------------------------------


def test_three_times_a_week_asks_for_three_in_each_week_long_period() -> None:
    monday = date(2026, 3, 2)
    cadence = Cadence.times_per_week(3, start=monday)

    found = cadence.occurrences(
        BERLIN, _midnight(monday, BERLIN), _midnight(monday + timedelta(weeks=3), BERLIN)
    )

    assert [3, 3] == [o.times for o in found]
    assert [_midnight(monday + timedelta(weeks=w), BERLIN) for w in (0, 1)] == [
        o.opens for o in found
    ]
    assert [o.closes for o in found] == [o.due for o in found]
    assert timedelta(weeks=1) == found[0].closes - found[0].opens
    assert "3 times a week" == cadence.describe()


def test_a_period_that_spans_a_dst_change_still_closes_at_local_midnight() -> None:
    sunday = date(2026, 3, 29)
    cadence = Cadence.times_per_week(2, start=sunday)

    found = cadence.occurrences(
        BERLIN, _midnight(sunday, BERLIN), _midnight(sunday + timedelta(weeks=1, days=1), BERLIN)
    )

    (week,) = found
    assert _midnight(date(2026, 4, 5), BERLIN) == week.closes
    assert timedelta(days=7, hours=-1) == week.closes.astimezone(UTC) - week.opens.astimezone(UTC)


def test_every_other_monday_skips_the_mondays_between() -> None:
    cadence = Cadence.weekly(on=0, every=2, start=date(2026, 3, 2), at=time(7))

    found = cadence.occurrences(
        BERLIN, _midnight(date(2026, 3, 1), BERLIN), _midnight(date(2026, 4, 27), BERLIN)
    )

    local = [o.due.astimezone(BERLIN) for o in found]
    assert [date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 30), date(2026, 4, 13)] == [
        d.date() for d in local
    ]
    assert {time(7)} == {d.time() for d in local}
    assert "every other Monday at 07:00" == cadence.describe()


def test_every_weekday_skips_the_weekend() -> None:
    cadence = Cadence.weekdays(start=date(2026, 3, 2), at=time(7))

    found = cadence.occurrences(
        BERLIN, _midnight(date(2026, 3, 2), BERLIN), _midnight(date(2026, 3, 16), BERLIN)
    )

    assert 10 == len(found)
    assert {0, 1, 2, 3, 4} == {o.due.weekday() for o in found}
    assert "every weekday at 07:00" == cadence.describe()


def test_a_window_that_ends_before_it_starts_is_empty() -> None:
    cadence = Cadence.daily(start=date(2026, 3, 2), at=time(7))
    moment = datetime(2026, 3, 10, tzinfo=BERLIN)

    assert () == cadence.occurrences(BERLIN, moment, moment - timedelta(days=3))


def test_a_window_before_the_cadence_starts_is_empty() -> None:
    cadence = Cadence.daily(start=date(2026, 3, 2), at=time(7))

    assert () == cadence.occurrences(
        BERLIN, _midnight(date(2026, 2, 1), BERLIN), _midnight(date(2026, 3, 2), BERLIN)
    )


def test_a_window_with_a_naive_bound_is_refused() -> None:
    cadence = Cadence.daily(start=date(2026, 3, 2))

    with pytest.raises(NaiveDatetimeError) as caught:
        cadence.occurrences(BERLIN, datetime(2026, 3, 2), datetime(2026, 3, 3, tzinfo=BERLIN))

    assert "after" == caught.value.field


def test_a_one_off_due_falls_in_a_window_that_holds_its_moment() -> None:
    due = Due(at=datetime(2026, 3, 6, 17, tzinfo=BERLIN))

    (inside,) = due.occurrences(NEW_YORK, due.at, due.at + timedelta(seconds=1))

    assert due.at == inside.due
    assert () == due.occurrences(NEW_YORK, due.at - timedelta(days=1), due.at)


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        (Cadence.from_rrule("FREQ=WEEKLY", start=date(2026, 3, 2), at=time(7)), "Monday"),
        (Cadence.times_per_week(1, start=date(2026, 3, 4)), "Wednesday"),
        (Cadence.from_rrule("FREQ=MONTHLY", start=date(2026, 3, 15)), "15"),
    ],
    ids=["weekly-from-a-monday", "once-a-week-from-a-wednesday", "monthly-from-the-15th"],
)
def test_a_cadence_describes_the_day_it_actually_falls_on(cadence: Cadence, words: str) -> None:
    start = _midnight(cadence.start, BERLIN)
    (first, *_) = cadence.occurrences(BERLIN, start, start + timedelta(days=40))

    assert cadence.start == first.opens.astimezone(BERLIN).date()
    assert words in cadence.describe()


# --- Rules that cannot be used -------------------------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=MINUTELY;INTERVAL=30",
        "garbage",
        "FREQ=DAILY;BYDAY=XX",
        "DTSTART:20260301T070000\nRRULE:FREQ=DAILY",
        "FREQ=DAILY;DTSTART=20260301T070000",
        "FREQ=DAILY;BYHOUR=7",
        "FREQ=DAILY\nRRULE:FREQ=WEEKLY",
        "FREQ=DAILY;UNTIL=20200101",
        "FREQ=DAILY;COUNT=0",
    ],
    ids=[
        "hourly",
        "every-thirty-minutes",
        "garbage",
        "unknown-weekday",
        "dtstart-line",
        "dtstart-part",
        "time-of-day-in-the-rule",
        "a-set-of-rules",
        "ends-before-it-starts",
        "zero-occurrences",
    ],
)
def test_a_rule_that_cannot_be_used_is_refused_as_an_invalid_schedule(rule: str) -> None:
    with pytest.raises(InvalidScheduleError) as caught:
        Cadence.from_rrule(rule, start=date(2026, 3, 2))

    assert "Cadence.rule" == caught.value.field
    assert rule.removeprefix("RRULE:") == caught.value.value


@pytest.mark.parametrize("interval", [0, -1])
def test_a_rule_that_repeats_every_zero_or_fewer_weeks_is_refused(interval: int) -> None:
    with pytest.raises(InvalidScheduleError) as caught:
        Cadence.from_rrule(f"FREQ=WEEKLY;INTERVAL={interval}", start=date(2026, 3, 2))

    assert "Cadence.rule" == caught.value.field


def test_a_rule_is_text() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Cadence(rule=5, start=date(2026, 3, 2))  # type: ignore[arg-type]

    assert "Cadence.rule" == caught.value.field


def test_a_cadence_starting_on_a_datetime_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Cadence.daily(start=datetime(2026, 3, 2, tzinfo=BERLIN))

    assert "Cadence.start" == caught.value.field


@pytest.mark.parametrize(("on", "every"), [(7, 1), ((), 1), (-1, 1), (0, 0), (True, 1)])
def test_a_weekly_cadence_on_a_day_that_is_not_a_weekday_is_refused(
    on: int | tuple[int, ...], every: int
) -> None:
    with pytest.raises(InvalidScheduleError):
        Cadence.weekly(on=on, every=every, start=date(2026, 3, 2))


@pytest.mark.parametrize("times", [0, 51])
def test_a_period_asking_for_no_or_too_many_completions_is_refused(times: int) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Cadence.times_per_week(times, start=date(2026, 3, 2))

    assert "Cadence.times" == caught.value.field


# --- Quiet hours --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        (time(21), True),
        (time(23, 30), True),
        (time(0), True),
        (time(7, 59, 59), True),
        (time(8), False),
        (time(12), False),
        (time(20, 59, 59), False),
    ],
)
def test_default_quiet_hours_wrap_midnight(moment: time, quiet: bool) -> None:
    assert quiet == QuietHours().contains(moment)


def test_quiet_hours_within_one_day_hold_only_that_stretch() -> None:
    lunch = QuietHours(start=time(12), end=time(13))

    assert [False, True, True, False] == [
        lunch.contains(t) for t in (time(11, 59), time(12), time(12, 59), time(13))
    ]


@given(st.times())
def test_quiet_hours_that_start_and_end_together_hold_no_time_at_all(moment: time) -> None:
    assert not QuietHours(start=time(22), end=time(22)).contains(moment)


@given(start=st.times(), end=st.times(), moment=st.times())
def test_quiet_hours_and_their_reverse_split_the_day_between_them(
    start: time, end: time, moment: time
) -> None:
    assume(start != end)
    quiet = QuietHours(start=start, end=end)
    reverse = QuietHours(start=end, end=start)

    assert quiet.contains(moment) != reverse.contains(moment)
