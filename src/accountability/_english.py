"""English for people: dates, counts, lists and quotations, the same on every machine.

One place for the small pieces of English that the policy's reasons, the
voice, the circles, the notebook views and the command line all write.
Nothing here reads the process locale or uses a platform-specific
``strftime`` directive (``%-d`` exists only with glibc; ``%A`` and ``%B``
follow the locale), so a message reads the same on Linux, macOS and
Windows, whatever ``LC_TIME`` says.

It imports nothing from the rest of the library, so every layer may use it.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> moment = datetime(2026, 3, 5, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))
>>> short_day(moment, moment.tzinfo), long_day(moment, moment.tzinfo)
('Thu 5 Mar', 'Thursday 5 March')
>>> plural(3, "day"), listed(["Ana", "Ben", "Maya"]), quoted(" Ran 5 km ")
('3 days', 'Ana, Ben and Maya', '“Ran 5 km”')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Final

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "ago",
    "duration",
    "ended",
    "listed",
    "local",
    "long_day",
    "ordinal",
    "plural",
    "quoted",
    "relative_day",
    "said",
    "short_date",
    "short_day",
    "short_day_time",
    "stamp",
    "weekday",
]

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The days of the week, Monday first (as `date.weekday` counts them)."""

MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months of the year, January first."""

_SENTENCE_END: Final = (".", "!", "?", "\u2026")


def local(moment: datetime, zone: tzinfo) -> datetime:
    """*moment* on the wall clock of *zone*; at the very ends of the calendar, as it is."""
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        return moment


def weekday(day: date, *, short: bool = False) -> str:
    """The day of the week: ``"Thursday"``, or ``"Thu"`` when *short*."""
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def _month(day: date, *, short: bool = False) -> str:
    name = MONTHS[day.month - 1]
    return name[:3] if short else name


def short_day(moment: datetime, zone: tzinfo) -> str:
    """A moment's day on the calendar of *zone*, for reasons people read: ``"Thu 5 Mar"``."""
    day = local(moment, zone)
    return f"{weekday(day, short=True)} {day.day} {_month(day, short=True)}"


def short_date(day: date, *, with_weekday: bool = True) -> str:
    """A calendar date with its year: ``"Thu 5 Mar 2026"``, or ``"5 Mar 2026"``."""
    text = f"{day.day} {_month(day, short=True)} {day.year}"
    return f"{weekday(day, short=True)} {text}" if with_weekday else text


def short_day_time(moment: datetime, zone: tzinfo) -> str:
    """A moment on the wall clock of *zone*: ``"Thu 5 Mar, 07:00"``."""
    day = local(moment, zone)
    return f"{short_day(day, zone)}, {day.hour:02d}:{day.minute:02d}"


def long_day(moment: datetime, zone: tzinfo) -> str:
    """A date as a person writes it in a message: ``"Thursday 5 March"``."""
    day = local(moment, zone)
    return f"{weekday(day)} {day.day} {_month(day)}"


def stamp(moment: datetime, zone: tzinfo, *, zone_name: bool = True) -> str:
    """A moment with its year, for tables and logs: ``"Thu 5 Mar 2026, 07:00 CET"``."""
    day = local(moment, zone)
    text = f"{short_day(day, zone)} {day.year}, {day.hour:02d}:{day.minute:02d}"
    name = day.tzname() if zone_name else None
    return f"{text} {name}" if name else text


def relative_day(moment: datetime, reader_now: datetime, zone: tzinfo) -> str:
    """When *moment* is, read at *reader_now*: ``"later today"``, ``"tomorrow"``, ``"on Friday"``.

    >>> from datetime import datetime, UTC
    >>> relative_day(datetime(2026, 3, 6, 9, tzinfo=UTC), datetime(2026, 3, 4, 9, tzinfo=UTC), UTC)
    'on Friday'
    """
    days = (local(moment, zone).date() - local(reader_now, zone).date()).days
    if days <= 0:
        return "later today"
    if days == 1:
        return "tomorrow"
    return "on " + weekday(local(moment, zone))


def plural(count: int, unit: str, units: str | None = None) -> str:
    """A count with its unit: ``"1 day"``, ``"3 days"`` (give *units* when it is not unit + s)."""
    return f"{count} {unit if count == 1 else units or unit + 's'}"


def listed(items: Sequence[str]) -> str:
    """Items joined as a person lists them: ``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ordinal(n: int) -> str:
    """An ordinal in words where it reads better: ``"first"``, ``"6th"``, ``"second to last"``."""
    if n < 0:
        return "last" if n == -1 else f"{ordinal(-n)} to last"
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def quoted(text: str | None) -> str:
    """Someone's words in curly quotation marks, without surrounding space."""
    return "\u201c" + (text or "").strip() + "\u201d"


def said(text: str | None) -> str:
    """Someone's words quoted as a sentence: a full stop added if they ended without one."""
    words = (text or "").strip()
    if words and not words.endswith(_SENTENCE_END):
        words += "."
    return quoted(words)


def ended(quote: str) -> str:
    """A sentence that ends in a quotation: a full stop after it unless the quote ends one."""
    return quote if quote[:-1].rstrip().endswith(_SENTENCE_END) else quote + "."


def duration(delta: timedelta) -> str:
    """A length of time in its largest whole unit: ``"3 days"``, ``"5 hours"``, ``"20 minutes"``."""
    if delta.days >= 1:
        return plural(delta.days, "day")
    hours = int(delta.total_seconds() // 3600)
    if hours >= 1:
        return plural(hours, "hour")
    return plural(int(delta.total_seconds() // 60), "minute")


def ago(delta: timedelta) -> str:
    """How long ago, in days or hours: ``"3 days ago"``, ``"1 hour ago"``, ``"just now"``."""
    if delta.days >= 1:
        return plural(delta.days, "day") + " ago"
    hours = delta.seconds // 3600
    return plural(hours, "hour") + " ago" if hours else "just now"
