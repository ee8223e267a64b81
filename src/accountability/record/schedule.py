"""When an expectation is due: one moment, or a cadence in the client's local time.

A [`Cadence`][accountability.record.Cadence] is an RFC 5545 recurrence rule read by
`dateutil.rrule`, anchored on a local start date. It carries no zone of its
own: it is always read in the client's zone from the
[`Agreement`][accountability.record.Agreement], so "every weekday at 07:00" stays at
07:00 on the client's wall clock across daylight-saving changes.

Each occurrence of the rule opens one period that lasts until the next
occurrence. Within a period the client is asked for `times` completions: a
daily run is one per day, "3 times a week" is a weekly rule with `times=3`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from accountability import _english as en
from accountability import _validate as v
from accountability.exceptions import InvalidScheduleError, InvalidValueError

__all__ = ["Cadence", "Due", "Occurrence", "Schedule", "days_after", "local_moment", "localize"]

_WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FREQ_STEP: Final = {
    DAILY: relativedelta(days=1),
    WEEKLY: relativedelta(weeks=1),
    MONTHLY: relativedelta(months=1),
    YEARLY: relativedelta(years=1),
}
_PERIOD_NAMES: Final = {YEARLY: "year", MONTHLY: "month", WEEKLY: "week", DAILY: "day"}
_FORBIDDEN_PARTS: Final = ("DTSTART", "BYHOUR", "BYMINUTE", "BYSECOND")


def _check_zone(zone: object) -> None:
    if not isinstance(zone, tzinfo):
        raise InvalidValueError(
            "zone", zone, "expected a tzinfo such as ZoneInfo('Europe/Berlin'), not a name"
        )


def days_after(moment: datetime, days: int, zone: tzinfo) -> datetime:
    """The same wall time *days* days later on the client's calendar in *zone*.

    Grace windows, horizons and silences count the client's days, so the
    result does not depend on the zone *moment* happens to be written in,
    and a week across a DST change is still a week on the client's clock.
    """
    return moment.astimezone(zone) + timedelta(days=days)


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """Place a naive local wall time in *zone*, moving times in a DST gap forward.

    An ambiguous time (the repeated hour in autumn) takes its first, earlier
    instant. The result's tzinfo is *zone*.
    """
    local = wall.replace(tzinfo=zone)
    if local.utcoffset() == local.replace(fold=1).utcoffset():
        return local  # an ordinary wall time: nothing to resolve
    return local.astimezone(UTC).astimezone(zone)


@lru_cache(maxsize=65536)
def _steady_offset(zone: tzinfo, day: date) -> timedelta | None:
    """The zone's UTC offset on *day* if it holds all day (no DST change), else None."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    offset = start.utcoffset()
    if offset != start.replace(fold=1).utcoffset():
        return None
    following = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return offset if following.utcoffset() == offset else None


def local_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """The instant a local date and wall time name in *zone*, in UTC.

    Same as ``localize(datetime.combine(day, at), zone).astimezone(UTC)``, but
    on the many days without a DST change it is one cached lookup, one
    combine and one subtraction.
    """
    offset = _steady_offset(zone, day)
    if offset is not None:
        return datetime.combine(day, at, tzinfo=UTC) - offset
    return localize(datetime.combine(day, at), zone).astimezone(UTC)


@attrs.frozen(kw_only=True)
class Occurrence:
    """One period of a schedule: when it opens, when it is due, and when it closes.

    Its moments are instants in UTC, so they compare correctly even in the
    repeated autumn hour and cheaply; read them on the client's wall clock
    with ``.astimezone(zone)``.

    Attributes:
        opens: The start of the period, at 00:00 local time on its first day.
        due: The moment the action is due: the cadence's time of day on the
            first day when it has one, otherwise the end of the period.
        closes: The start of the next period (exclusive end of this one).
        times: How many completions the period asks for.
    """

    opens: datetime
    due: datetime
    closes: datetime
    times: int = 1


@attrs.frozen
class _Parts:
    """The parts of a parsed rule that dateutil keeps in private attributes."""

    freq: int
    interval: int
    count: int | None
    byweekday: tuple[int, ...]
    bynweekday: tuple[tuple[int, int], ...]
    bymonthday: tuple[int, ...]
    simple: bool
    """Whether the rule is daily or weekly with at most BYDAY and INTERVAL: then its
    dates follow by plain arithmetic, without iterating the rule."""


_SIMPLE_KEYS: Final = frozenset({"FREQ", "INTERVAL", "BYDAY"})
_LONGEST_GAP_DAYS: Final = 366


@lru_cache(maxsize=1024)
def _parts(rule: str) -> _Parts:
    parsed = _parse(rule, datetime(2000, 1, 1))
    keys = {part.split("=", 1)[0].strip().upper() for part in rule.split(";")}
    # dateutil exposes no public accessors for these; read them in this one place. It also
    # fills BYDAY and BYMONTHDAY from the start when a rule has none: keep only what the
    # rule itself says, since the start here is a placeholder.
    return _Parts(
        freq=getattr(parsed, "_freq"),  # noqa: B009
        interval=getattr(parsed, "_interval"),  # noqa: B009
        count=getattr(parsed, "_count"),  # noqa: B009
        byweekday=tuple(sorted(getattr(parsed, "_byweekday") or ()))  # noqa: B009
        if "BYDAY" in keys
        else (),
        bynweekday=tuple(sorted(getattr(parsed, "_bynweekday") or ())),  # noqa: B009
        bymonthday=tuple(sorted(getattr(parsed, "_bymonthday") or ()))  # noqa: B009
        if "BYMONTHDAY" in keys
        else (),
        simple=(
            getattr(parsed, "_freq") in (DAILY, WEEKLY)  # noqa: B009
            and keys <= _SIMPLE_KEYS
            and not getattr(parsed, "_bynweekday")  # noqa: B009
        ),
    )


@lru_cache(maxsize=1024)
def _parse(rule: str, dtstart: datetime) -> rrule:
    parsed = rrulestr(rule, dtstart=dtstart)
    if not isinstance(parsed, rrule):
        raise TypeError("a set of rules")  # turned into InvalidScheduleError by the validator
    return parsed


def _validate_rule(instance: Cadence, attribute: attrs.Attribute[str], value: str) -> None:
    name = v.field_name(instance, attribute)
    v.text()(instance, attribute, value)
    upper = value.upper()
    for part in _FORBIDDEN_PARTS:
        if part in upper:
            raise InvalidScheduleError(
                name,
                value,
                f"{part} is not allowed: the start date and the time of day are fields of "
                "the cadence",
            )
    try:
        freq = _parts(value).freq
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise InvalidScheduleError(
            name, value, f"not a single recurrence rule ({error})"
        ) from error
    if _parts(value).interval < 1:
        raise InvalidScheduleError(name, value, "INTERVAL must be a whole number of at least 1")
    if freq not in _FREQ_STEP:
        raise InvalidScheduleError(
            name,
            value,
            "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: coaching cadences are at most daily",
        )


def _check_rule_yields(cadence: Cadence) -> None:
    if cadence._rule().after(cadence._anchor(), inc=True) is None:
        raise InvalidScheduleError(
            "Cadence.rule", cadence.rule, f"produces no due moment on or after {cadence.start}"
        )


@attrs.frozen(kw_only=True)
class Cadence:
    """A recurring schedule in the client's local time, built on `dateutil.rrule`.

    Prefer the named constructors, which write the rule for you:

    >>> from datetime import date, time
    >>> Cadence.weekdays(at=time(7), start=date(2026, 3, 2)).rule
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR'
    >>> Cadence.times_per_week(3, start=date(2026, 3, 2)).times
    3

    Attributes:
        rule: An RFC 5545 ``RRULE`` body without ``DTSTART``, such as
            ``"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"``. ``FREQ`` is ``DAILY``,
            ``WEEKLY``, ``MONTHLY`` or ``YEARLY``.
        start: The local date the cadence starts on.
        at: The local time of day the action is due, or None when it is due
            any time before the period ends.
        times: How many completions each period asks for (1 to 50).
    """

    rule: str = attrs.field(validator=_validate_rule)
    start: date = attrs.field(validator=v.calendar_date)
    at: time | None = attrs.field(default=None, validator=v.optional_wall_time)
    times: int = attrs.field(default=1, validator=v.integer(1, 50))

    def __attrs_post_init__(self) -> None:
        _check_rule_yields(self)

    @classmethod
    def daily(cls, *, start: date, at: time | None = None) -> Cadence:
        """Every day, optionally at a local time of day."""
        return cls(rule="FREQ=DAILY", start=start, at=at)

    @classmethod
    def weekdays(cls, *, start: date, at: time | None = None) -> Cadence:
        """Every Monday to Friday, optionally at a local time of day."""
        return cls(rule="FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", start=start, at=at)

    @classmethod
    def weekly(
        cls, *, on: tuple[int, ...] | int, start: date, at: time | None = None, every: int = 1
    ) -> Cadence:
        """On the given weekdays (0 is Monday) every *every* weeks.

        >>> from datetime import date, time
        >>> Cadence.weekly(on=0, every=2, at=time(7), start=date(2026, 3, 2)).rule
        'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'
        """
        days = (on,) if isinstance(on, int) else on
        if not days or any(
            isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in days
        ):
            raise InvalidScheduleError("Cadence.weekly.on", on, "weekdays are 0 (Monday) to 6")
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise InvalidScheduleError("Cadence.weekly.every", every, "must be a whole number >= 1")
        interval = f";INTERVAL={every}" if every > 1 else ""
        byday = ",".join(_WEEKDAYS[d] for d in sorted(set(days)))
        return cls(rule=f"FREQ=WEEKLY{interval};BYDAY={byday}", start=start, at=at)

    @classmethod
    def times_per_week(cls, times: int, *, start: date) -> Cadence:
        """Any *times* days a week; weeks begin on the weekday of *start*."""
        return cls(rule="FREQ=WEEKLY", start=start, times=times)

    @classmethod
    def from_rrule(
        cls, rule: str, *, start: date, at: time | None = None, times: int = 1
    ) -> Cadence:
        """Build a cadence from an RFC 5545 ``RRULE`` body you wrote yourself."""
        if not isinstance(rule, str):
            raise InvalidScheduleError("Cadence.rule", rule, "expected an RRULE as text")
        return cls(rule=rule.removeprefix("RRULE:"), start=start, at=at, times=times)

    @property
    def step(self) -> relativedelta:
        """The length of one period: the rule's frequency times its interval.

        >>> Cadence.weekly(on=0, every=2, start=date(2026, 3, 2)).step
        relativedelta(days=+14)
        """
        parts = _parts(self.rule)
        return _FREQ_STEP[parts.freq] * parts.interval

    @property
    def period(self) -> str:
        """The unit the rule repeats in: ``"day"``, ``"week"``, ``"month"`` or ``"year"``.

        >>> Cadence.weekly(on=(0, 3), start=date(2026, 3, 2)).period
        'week'
        """
        return _PERIOD_NAMES[_parts(self.rule).freq]

    def describe(self) -> str:
        """The cadence in plain words, such as "every weekday at 07:00".

        >>> from datetime import date, time
        >>> Cadence.weekly(on=0, every=2, at=time(7), start=date(2026, 3, 2)).describe()
        'every other Monday at 07:00'
        >>> Cadence.times_per_week(3, start=date(2026, 3, 2)).describe()
        '3 times a week'
        """
        parts = _parts(self.rule)
        freq, interval = parts.freq, parts.interval
        unit = {DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year"}[freq]
        period = {1: unit, 2: f"other {unit}"}.get(interval, f"{interval} {unit}s")
        days, nth, monthdays = list(parts.byweekday), parts.bynweekday, parts.bymonthday
        if freq == WEEKLY and not days:
            days = [self.start.weekday()]
        if freq == MONTHLY and not nth and not monthdays:
            monthdays = (self.start.day,)
        if self.times > 1:
            text = f"{self.times} times " + (f"a {unit}" if interval == 1 else f"every {period}")
        elif days and freq in (DAILY, WEEKLY):
            if days == [0, 1, 2, 3, 4] and interval == 1:
                text = "every weekday"
            elif days == list(range(7)) and interval == 1:
                text = "every day"
            else:
                every = {1: "every", 2: "every other"}.get(interval, f"every {interval} weeks on")
                text = f"{every} {en.listed([_DAY_NAMES[d] for d in days])}"
        elif nth:
            on = en.listed([f"{en.ordinal(n)} {_DAY_NAMES[d]}" for d, n in nth])
            text = f"every {period} on the {on}"
        elif monthdays and freq == MONTHLY:
            text = f"every {period} on day {en.listed([str(d) for d in monthdays])}"
        else:
            text = f"every {period}"
        if self.at is not None and self.times == 1:
            text += f" at {self.at.strftime('%H:%M')}"
        return text

    def _anchor(self) -> datetime:
        return datetime.combine(self.start, self.at or time(0))

    def _rule(self, dtstart: datetime | None = None) -> rrule:
        anchor = self._anchor()
        parsed = _parse(self.rule, anchor)
        if dtstart is None or dtstart == anchor:
            return parsed
        return parsed.replace(dtstart=dtstart)

    def _skip_ahead(self, local_day: date) -> datetime:
        """A dtstart close before *local_day* that yields the same occurrences after it.

        Daily and weekly rules without COUNT repeat with a fixed step, so
        moving the start by whole steps keeps every later occurrence. That
        keeps a window query's cost proportional to the window, not to the
        years since the cadence started. (Rules with only FREQ, INTERVAL and
        BYDAY never get here: their dates follow by arithmetic.) The start
        moves to at least a year and a step before *local_day*: a rule
        filtered by month or day of the month can leave that long a gap, and
        the period open when the window starts began at the occurrence before.
        """
        anchor = self._anchor()
        parts = _parts(self.rule)
        step_days = {DAILY: 1, WEEKLY: 7}.get(parts.freq)
        if parts.count is not None or step_days is None:
            return anchor
        step = step_days * parts.interval
        steps = (local_day - self.start).days // step - (_LONGEST_GAP_DAYS // step + 2)
        if steps <= 0:
            return anchor
        return anchor + timedelta(days=steps * step)

    def _local_starts(self, zone: tzinfo, after: datetime) -> Iterator[datetime]:
        local_day = after.astimezone(zone).date()
        parts = _parts(self.rule)
        if parts.simple:
            yield from self._simple_starts(parts, local_day)
        else:
            yield from self._rule(self._skip_ahead(local_day))

    def _simple_starts(self, parts: _Parts, local_day: date) -> Iterator[datetime]:
        """The rule's local start times by date arithmetic (same as rrule's, much faster).

        Daily rules step by INTERVAL days from the start; weekly rules take the
        listed weekdays of every INTERVAL-th week, weeks beginning on Monday.
        """
        at = self.at or time(0)
        if parts.byweekday:
            days = frozenset(parts.byweekday)
        else:
            days = frozenset({self.start.weekday()} if parts.freq == WEEKLY else range(7))
        first = max(self.start, local_day - timedelta(days=7 * parts.interval + 7))
        if parts.freq == DAILY:
            offset = (first - self.start).days % parts.interval
            day = first + timedelta(days=(parts.interval - offset) % parts.interval)
            step = timedelta(days=parts.interval)
            while True:
                if day.weekday() in days:
                    yield datetime.combine(day, at)
                day += step
        week_zero = self.start - timedelta(days=self.start.weekday())
        day = first
        one = timedelta(days=1)
        while True:
            week = (day - week_zero).days // 7
            if week % parts.interval == 0 and day.weekday() in days:
                yield datetime.combine(day, at)
            day += one

    def occurrences(
        self, zone: tzinfo, after: datetime, before: datetime
    ) -> tuple[Occurrence, ...]:
        """The periods whose due moment falls in ``[after, before)``.

        Args:
            zone: The client's zone; wall times are read in it.
            after: The start of the window (aware, inclusive).
            before: The end of the window (aware, exclusive).

        Returns:
            The occurrences in time order.

        Raises:
            NaiveDatetimeError: If *after* or *before* has no zone.

        >>> from datetime import date, datetime, time
        >>> from zoneinfo import ZoneInfo
        >>> berlin = ZoneInfo("Europe/Berlin")
        >>> daily = Cadence.daily(at=time(7), start=date(2026, 3, 27))
        >>> [o.due.astimezone(berlin).strftime("%d %H:%M %Z") for o in daily.occurrences(
        ...     berlin, datetime(2026, 3, 28, tzinfo=berlin), datetime(2026, 3, 31, tzinfo=berlin))]
        ['28 07:00 CET', '29 07:00 CEST', '30 07:00 CEST']
        """
        _check_zone(zone)
        v.check_aware("after", after)
        v.check_aware("before", before)
        after, before = after.astimezone(UTC), before.astimezone(UTC)
        if before <= after:
            return ()
        found: list[Occurrence] = []
        starts = self._local_starts(zone, after)
        current = next(starts, None)
        parts = _parts(self.rule)
        step = _FREQ_STEP[parts.freq] * parts.interval
        midnight = time(0)
        opens = local_moment(current.date(), midnight, zone) if current else None
        timed = self.at is not None and self.times == 1
        while current is not None and opens is not None:
            if opens >= before:
                break
            following = next(starts, None)
            close_day = following.date() if following is not None else current.date() + step
            closes = local_moment(close_day, midnight, zone)
            due = local_moment(current.date(), current.time(), zone) if timed else closes
            if after <= due < before:
                found.append(Occurrence(opens=opens, due=due, closes=closes, times=self.times))
            current, opens = following, closes
        return tuple(found)


@attrs.frozen(kw_only=True)
class Due:
    """A single due moment: "send the proposal by Friday 17:00".

    Attributes:
        at: The aware moment the action is due.
    """

    at: datetime = attrs.field(validator=v.aware)

    def describe(self) -> str:
        """The due moment in plain words, in the moment's own zone: "by Fri 6 Mar, 17:00"."""
        return f"by {en.stamp(self.at, self.at.tzinfo or UTC, zone_name=False)}"

    def occurrences(
        self, zone: tzinfo, after: datetime, before: datetime
    ) -> tuple[Occurrence, ...]:
        """The one occurrence, if its due moment falls in ``[after, before)``.

        A one-off has no period of its own: it opens, is due and closes at
        the same moment, and a completion at any time before it counts.
        """
        _check_zone(zone)
        v.check_aware("after", after)
        v.check_aware("before", before)
        if after.astimezone(UTC) <= self.at < before.astimezone(UTC):
            moment = self.at.astimezone(UTC)
            return (Occurrence(opens=moment, due=moment, closes=moment),)
        return ()


Schedule = Due | Cadence
"""Either one due moment or a recurring cadence."""
