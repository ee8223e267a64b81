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

import functools
import sys
import types
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Final

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "ago",
    "days_span",
    "duration",
    "ended",
    "gerund",
    "listed",
    "local",
    "long_day",
    "number",
    "ordinal",
    "plural",
    "plural_noun",
    "quoted",
    "relative_day",
    "said",
    "short_date",
    "short_day",
    "short_day_time",
    "stamp",
    "times",
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


_NUMBERS: Final = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def number(count: int) -> str:
    """A small count in words, as a person writes it: ``"three"``; from 13 on, in figures."""
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)


def times(count: int) -> str:
    """How often, in words: ``"once"``, ``"twice"``, ``"three times"``, ``"14 times"``."""
    if count == 1:
        return "once"
    if count == 2:
        return "twice"
    return f"{number(count)} times"


# Spans past these read as weeks, as a month and more, and as "a long while".
_WEEKS_FROM: Final = 14
_MONTH_FROM: Final = 35
_LONG_FROM: Final = 61


def days_span(days: int) -> str:
    """A number of days as a person says it: rounded where precision would sound like a meter.

    >>> [days_span(n) for n in (2, 7, 10, 21, 40, 3060)]
    ['two days', 'a week', 'ten days', 'three weeks', 'over a month', 'a long while']
    """
    if days <= 1:
        return "a day"
    if days == 7:
        return "a week"
    if days < _WEEKS_FROM:
        return f"{number(days)} days"
    if days < _MONTH_FROM:
        return f"{number(days // 7)} weeks"
    if days < _LONG_FROM:
        return "over a month"
    return "a long while"


# --- Inflection, by inflect, imported on first use ---------------------------------------------
#
# inflect (https://github.com/jaraco/inflect) conjugates and pluralises English far better than
# hand-written rules. But it decorates its engine with typeguard's @typechecked, and typeguard
# instruments the whole module as it is imported: ``import inflect`` takes about two seconds
# (jaraco/inflect issue #212, open). The library's import and every command line call must not
# pay that for a feature most messages never use, so inflect is imported only when a participle
# or a plural is first asked for, and while it is imported, a stand-in ``typeguard`` whose
# ``typechecked`` returns what it decorates is put in its place (and whatever was there before
# restored). If inflect is already imported, it is used as it is; if the stand-in does not
# work with the installed inflect, it is imported plainly, slow but right.


def _unchecked(target: Any = None, **_options: Any) -> Any:  # noqa: ANN401 - any decorated thing
    """A stand-in for ``typeguard.typechecked``: the function, unchanged."""
    if target is None:
        return _unchecked
    return target


def _import_without_typeguard() -> None:
    """Import inflect with a stand-in ``typeguard``, then put back what was there before."""
    stand_in = types.ModuleType("typeguard")
    stand_in.typechecked = _unchecked  # type: ignore[attr-defined]
    before = sys.modules.get("typeguard")
    sys.modules["typeguard"] = stand_in
    try:
        import inflect  # noqa: F401, PLC0415 - slow to import: see above
    finally:
        if before is None:
            del sys.modules["typeguard"]
        else:
            sys.modules["typeguard"] = before


@functools.cache
def _engine() -> Any:  # noqa: ANN401 - inflect ships no stubs here
    """The inflect engine, imported on first use without typeguard's import-time instrumentation."""
    if "inflect" not in sys.modules:
        try:
            _import_without_typeguard()
        except Exception:  # noqa: BLE001 - whatever went wrong, a plain import is still right
            sys.modules.pop("inflect", None)
    import inflect  # noqa: PLC0415 - imported above, or plainly (slowly) if that failed

    return inflect.engine()


def _inflected(method: str) -> Callable[[str], str]:
    def inflect(word: str) -> str:
        result: object = getattr(_engine(), method)(word)
        return result if isinstance(result, str) and result else word

    return inflect


# Activities counted as a whole, not one by one: "your yoga", not "your yogas".
_UNCOUNTED: Final = frozenset(
    [
        "yoga",
        "pilates",
        "meditation",
        "mindfulness",
        "exercise",
        "training",
        "cardio",
        "physio",
        "homework",
        "practice",
        "sleep",
        "stretching",
        "journaling",
        "reading",
        "writing",
        "running",
        "walking",
        "swimming",
        "cycling",
    ]
)


@functools.lru_cache(maxsize=4096)
def plural_noun(noun: str) -> str:
    """A noun phrase in the plural, by inflect: ``"morning walk"`` -> ``"morning walks"``.

    A phrase ending in an activity counted as a whole (``"yoga"``, a
    gerund such as ``"journaling"``) stays as it is.
    """
    stripped = noun.strip()
    last = stripped.rsplit(maxsplit=1)[-1].lower() if stripped else ""
    if not last.isalpha() or last in _UNCOUNTED or last.endswith("ing"):
        return stripped
    return _inflected("plural_noun")(stripped)


# Words that open an action but are no verb: the action is then quoted as agreed.
_NOT_VERBS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "our",
        "no",
        "not",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "every",
        "each",
        "daily",
        "weekly",
        "monthly",
        "only",
        "at",
        "in",
        "on",
        "before",
        "after",
        "by",
        "less",
        "more",
        "fewer",
        "some",
        "any",
        "all",
        "morning",
        "evening",
        "night",
        "lunch",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "i",
        "we",
        "you",
    ]
)
# Endings of nouns and adjectives that are no verb's ("Gratitude list", "Mindfulness practice").
_NOUN_ENDINGS: Final = ("tion", "sion", "ude", "ness", "ment", "ity", "ship", "ism", "ful", "ly")


@functools.lru_cache(maxsize=4096)
def gerund(action: str) -> str | None:
    """An action as a gerund phrase, lower-case first; None when it opens with no clear verb.

    ``"Walk for 30 minutes"`` reads ``"walking for 30 minutes"``.

    The participle is inflect's. An action that opens with a number, a
    determiner or a word shaped like a noun ("5 km run", "No phone after
    9pm", "Gratitude list") gets None, and the caller quotes it as agreed.

    >>> gerund("Meditate 10 min"), gerund("5 km run")
    ('meditating 10 min', None)
    """
    words = action.strip().split(maxsplit=1)
    if not words:
        return None
    first = words[0]
    lowered = first.lower()
    if (
        not first.isalpha()
        or not first.isascii()
        or lowered in _NOT_VERBS
        or lowered.endswith(_NOUN_ENDINGS)
        or (first.isupper() and len(first) > 1)  # an acronym
    ):
        return None
    if lowered.endswith("ing") and len(lowered) > 5:
        participle = lowered
    else:
        participle = _inflected("present_participle")(lowered)
        if participle == lowered:
            return None
    return " ".join([participle, *words[1:]])
