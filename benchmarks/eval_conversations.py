"""Replay eight-week client stories; write every conversation and its metrics for a reader.

Regenerate the committed results with one command, from the repository root::

    PYTHONPATH=src python benchmarks/eval_conversations.py

It reads every story in ``benchmarks/data/stories/`` (``--stories DIR``),
builds each client's journal with the public API, replays the eight weeks
with `accountability.notebook.replay` (hourly by default, ``--every HOURS``),
writes ``benchmarks/results/conversations.md`` (``--out FILE``) and prints
the summary table and the runtime. ``--check`` writes nothing and exits 1
when the file on disk differs from what the run would write, so a CI-like
run can tell the committed file is current. Everything in the file is
computed; nothing is hard-coded, so it changes when the policy or the voice
does.

Stories
-------

One TOML file per client, written as a coach would tell it: a narrative,
then the client, the goals, the commitments and what the client did and
said. Days are counted from ``client.start`` (day 0, local date); times are
local wall times ``"HH:MM"`` in the client's zone. A short example::

    title = "Ana walks before work"
    narrative = \"\"\"Ana, 41, a nurse in Lisbon. Strong first fortnight, then
    night shifts and a quiet week; she comes back on her own.\"\"\"

    [client]
    name = "Ana"
    zone = "Europe/Lisbon"
    start = 2026-03-02            # day 0
    directness = "balanced"       # gentle | balanced | direct
    quiet_hours = "21:00-08:00"   # optional (the default); "none" for none
    weekly_cap = 3                # optional
    check_in = "on sun at 19:00"  # optional, a cadence (see below)

    [[goal]]
    id = "energy"
    title = "Have energy for my kids after a shift"
    why = "I want to be the mum who says yes to the park."

    [[expectation]]
    id = "walk"
    goal = "energy"
    action = "Walk for 20 minutes before work"
    name = "morning walk"         # optional
    cadence = "weekdays at 07:00"
    if = "I'm on nights"          # optional if-then plan: both or neither
    then = "I walk after I wake up, before I eat"

    [[done]]                      # completions, by pattern
    expectation = "walk"
    days = "0-13 except 6, 13"
    at = "07:10"

    [[event]]
    type = "check-in"
    day = 6
    at = "19:00"
    words = "Good week. Legs feel it."
    confidence = 7

    [[silence]]                   # a span with nothing from the client (checked)
    from = 15
    to = 21
    note = "night shifts"

The ``done``, ``event`` and ``silence`` arrays may instead sit in a ``[log]``
table as arrays of inline tables, one line each, which reads like a diary::

    [log]
    done = [
      { expectation = "walk", days = "0-13 except 6, 13", at = "07:10" },
    ]
    event = [
      { day = 6, at = "19:00", type = "check-in", confidence = 7, words = "Good week." },
      { day = 9, at = "21:30", type = "miss", expectation = "walk", reason = "Ugh. Work." },
    ]

Cadences: ``daily``, ``weekdays``, ``on mon, wed, fri``, each optionally
``at HH:MM``; ``N times a week``; ``on sat every 2 weeks``. Day patterns:
numbers and ranges (``3``, ``1-20``, ``1 to 20``) joined by commas or
"and", optionally ``on mon, wed`` to keep only those weekdays and
``except ...`` to drop days: ``"every day from day 1 to 20 except days 6
and 13"`` reads as written.

Event types and their fields (``day`` and ``at`` for all; optional fields
in brackets):

- ``check-in``: [``words``], [``confidence`` 0-10], [``note``], [``goal``],
  [``measure``]
- ``miss``: ``expectation``, [``reason``]; ``days`` (a pattern) may
  replace ``day``
- ``reflection``: ``kind`` (motivation, fear, obstacle, insight),
  ``words``, [``goal``]
- ``setback``: ``what``, ``severity`` (minor, major, crisis), [``cause``
  internal or external], [``affects``, a list of expectation ids],
  [``start_day``, ``start_at``], [``end_day``, ``end_at``]
- ``win``: ``what``, [``size`` small, big, milestone], [``goal``],
  [``expectation``]
- ``renegotiation``: ``expectation``, ``direction`` (easier, harder),
  [``reason``], [``proposed_by`` client or coach], and at least one of
  [``action``], [``cadence``], [``done_when``]
- ``contact``: [``channel``], [``note``]

A malformed story is refused with a `StoryError` naming the file and the
field. Unknown keys are refused too, so a typo does not silently drop data.

Metrics
-------

Per story, over the messages sent in the eight weeks (the replay records a
follow-up at its send time when that falls before the next step):

- messages; distinct opening sentences (first sentences, compared exactly);
  repeated sentences (distinct sentences that appear in more than one
  message); identical messages (messages whose whole text was sent before);
  messages asking two or more questions;
- why quoted: messages that quote a goal's why (its text, case and spacing
  ignored, inside the message) or make a ``remind_why`` move;
- longest run of consecutive messages of kind ``challenge``;
- client talk: events in the eight weeks in which the client said
  something: check-ins with words or a confidence, reflections, setbacks,
  misses with a reason, renegotiations the client proposed and wins
  (contacts and completions are not talk here). A talk's clock starts when
  it was said or, when said inside the agreement's quiet hours, when those
  end. It is *unanswered* when no follow-up was sent between the moment it
  was said and 24 hours after its clock started; a talk whose 24 hours run
  past the end of the replay and that got no follow-up before the end is
  *pending* and counted as neither. Any follow-up counts as an answer: this
  measures whether the client heard back, not whether the message fits.
- median reply delay: from each talk's clock start to the first follow-up
  sent after it was said, in hours, over the talk that got one.

Importing this module has no side effects; the test suite loads every story
through `load_story` and checks the metric functions.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time as clock
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, tzinfo
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from accountability import (
    AccountabilityError,
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
    GoalStatus,
    IfThen,
    Journal,
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
from accountability.notebook import replay
from accountability.record import Event, firmness_name, localize

_T = TypeVar("_T")

HERE: Final = Path(__file__).resolve().parent
STORIES: Final = HERE / "data" / "stories"
RESULTS: Final = HERE / "results" / "conversations.md"
COMMAND: Final = "PYTHONPATH=src python benchmarks/eval_conversations.py"
WEEKS: Final = 8
ANSWER_WITHIN: Final = timedelta(hours=24)

_WEEKDAYS: Final = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday", "mondays"),
            ("tue", "tues", "tuesday", "tuesdays"),
            ("wed", "wednesday", "wednesdays"),
            ("thu", "thur", "thurs", "thursday", "thursdays"),
            ("fri", "friday", "fridays"),
            ("sat", "saturday", "saturdays"),
            ("sun", "sunday", "sundays"),
        )
    )
    for name in names
}


class StoryError(ValueError):
    """A story file cannot be read: the message names the file and the field."""

    def __init__(self, path: Path, field: str, reason: str) -> None:
        super().__init__(f"{path.name}: {field}: {reason}")
        self.path = path
        self.field = field
        self.reason = reason


# --- Small parsers --------------------------------------------------------------------------


def parse_time(text: str) -> time:
    """A local wall time written ``"HH:MM"``.

    >>> parse_time("07:30")
    datetime.time(7, 30)
    """
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"expected a time HH:MM, got {text!r}")
    return time(int(match[1]), int(match[2]))


def _numbers(text: str) -> set[int]:
    days: set[int] = set()
    for item in re.split(r"\s*(?:,|\band\b)\s*", text.strip()):
        if not item:
            continue
        span = re.fullmatch(r"(-?\d+)\s*(?:-|\bto\b)\s*(-?\d+)", item)
        if span:
            low, high = int(span[1]), int(span[2])
            if high < low:
                raise ValueError(f"range {item!r} runs backwards")
            days.update(range(low, high + 1))
        elif re.fullmatch(r"-?\d+", item):
            days.add(int(item))
        else:
            raise ValueError(f"cannot read {item!r} as a day or a range of days")
    return days


def _weekdays(text: str) -> set[int]:
    days: set[int] = set()
    for item in re.split(r"\s*(?:,|\band\b)\s*", text.strip()):
        if item not in _WEEKDAYS:
            raise ValueError(f"{item!r} is not a weekday (mon, tue, ...)")
        days.add(_WEEKDAYS[item])
    return days


def parse_days(text: str, start: date) -> list[int]:
    """The day numbers a pattern names, in order; *start* is day 0 (for ``on mon``).

    >>> parse_days("every day from day 1 to 6 except days 3 and 5", date(2026, 3, 2))
    [1, 2, 4, 6]
    >>> parse_days("0-13 on mon, thu", date(2026, 3, 2))
    [0, 3, 7, 10]
    """
    lowered = re.sub(r"\b(?:every day from|every|day|days|from)\b", " ", text.lower())
    kept, _, dropped = lowered.partition(" except ")
    kept, _, weekdays = kept.partition(" on ")
    chosen = _numbers(kept) - (_numbers(dropped) if dropped.strip() else set())
    if weekdays.strip():
        allowed = _weekdays(weekdays)
        chosen = {d for d in chosen if (start + timedelta(days=d)).weekday() in allowed}
    if not chosen:
        raise ValueError(f"the pattern {text!r} names no day")
    return sorted(chosen)


def parse_cadence(text: str, start: date) -> Cadence:
    """A cadence written in words, starting on local date *start*.

    >>> parse_cadence("weekdays at 07:30", date(2026, 3, 2)).describe()
    'every weekday at 07:30'
    >>> parse_cadence("3 times a week", date(2026, 3, 2)).describe()
    '3 times a week'
    >>> parse_cadence("on mon, thu at 18:00", date(2026, 3, 2)).describe()
    'every Monday and Thursday at 18:00'
    """
    lowered = " ".join(text.lower().split())
    at: time | None = None
    every = 1
    if match := re.search(r"\s*\bevery (\d+) weeks$", lowered):
        every = int(match[1])
        lowered = lowered[: match.start()]
    if match := re.search(r"\s*\bat (\d{1,2}:\d{2})$", lowered):
        at = parse_time(match[1])
        lowered = lowered[: match.start()]
    if lowered == "daily" and every == 1:
        return Cadence.daily(start=start, at=at)
    if lowered == "weekdays" and every == 1:
        return Cadence.weekdays(start=start, at=at)
    if (match := re.fullmatch(r"(\d+) times a week", lowered)) and at is None and every == 1:
        return Cadence.times_per_week(int(match[1]), start=start)
    if lowered.startswith("on "):
        return Cadence.weekly(
            on=tuple(sorted(_weekdays(lowered[3:]))), start=start, at=at, every=every
        )
    raise ValueError(
        f"cannot read the cadence {text!r}: try 'daily at 07:00', 'weekdays', "
        "'3 times a week' or 'on mon, wed at 18:00'"
    )


def _cadence_from(start: date, text: str) -> Cadence:
    return parse_cadence(text, start)


def parse_quiet_hours(text: str) -> QuietHours:
    """Quiet hours written ``"21:00-08:00"``, or ``"none"``."""
    if text.strip().lower() == "none":
        return QuietHours(start=time(0), end=time(0))
    start, sep, end = text.partition("-")
    if not sep:
        raise ValueError(f"expected quiet hours as 'HH:MM-HH:MM' or 'none', got {text!r}")
    return QuietHours(start=parse_time(start), end=parse_time(end))


# --- Stories ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Story:
    """One client's eight weeks, read from a story file.

    Attributes:
        path: The file it was read from.
        title: A one-line title.
        narrative: The coach's account of the eight weeks.
        name: The client's first name.
        start: Day 0, the local date the replay starts on.
        journal: The client's journal, built with the public API.
        silences: Spans of days with nothing from the client, with a note.
    """

    path: Path
    title: str
    narrative: str
    name: str
    start: date
    journal: Journal
    silences: tuple[tuple[int, int, str], ...] = ()

    @property
    def slug(self) -> str:
        """The file name without its extension."""
        return self.path.stem

    @property
    def zone(self) -> tzinfo:
        """The client's zone."""
        return self.journal.agreement.tz

    def moment(self, day: int, at: time = time(0)) -> datetime:
        """A local moment: *day* days after day 0 at wall time *at*."""
        return localize(datetime.combine(self.start + timedelta(days=day), at), self.zone)

    @property
    def begins(self) -> datetime:
        """The start of the replay: 00:00 local on day 0."""
        return self.moment(0)

    @property
    def ends(self) -> datetime:
        """The end of the replay (exclusive): 00:00 local after eight weeks."""
        return self.moment(7 * WEEKS)


class _Reader:
    """Reads fields of one table of a story file, naming the field in every error."""

    def __init__(
        self, path: Path, where: str, table: Mapping[str, Any], allowed: Iterable[str]
    ) -> None:
        self.path, self.where, self.table = path, where, table
        if not isinstance(table, Mapping):
            raise StoryError(path, where, "expected a table")
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise StoryError(path, f"{where}.{unknown[0]}", "unknown key (a typo?)")

    def error(self, key: str, reason: str) -> StoryError:
        return StoryError(self.path, f"{self.where}.{key}" if key else self.where, reason)

    def has(self, key: str) -> bool:
        return key in self.table

    def text(self, key: str, default: str | None = None) -> str:
        value = self.table.get(key, default)
        if value is None:
            raise self.error(key, "missing")
        if not isinstance(value, str):
            raise self.error(key, f"expected text, got {value!r}")
        return value

    def integer(self, key: str, default: int | None = None) -> int:
        value = self.table.get(key, default)
        if value is None:
            raise self.error(key, "missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"expected a whole number, got {value!r}")
        return value

    def number(self, key: str) -> float | None:
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"expected a number, got {value!r}")
        return float(value)

    def parsed(self, key: str, parse: Callable[[str], _T], default: str | None = None) -> _T:
        raw = self.text(key, default)
        try:
            return parse(raw)
        except (ValueError, KeyError) as error:
            raise self.error(key, str(error)) from None

    def choice(self, key: str, kind: Callable[[str], _T], default: str | None = None) -> _T:
        raw = self.text(key, default)
        try:
            return kind(raw.strip().lower())
        except ValueError:
            raise self.error(key, f"{raw!r} is not one of the allowed values") from None

    def ids(self, key: str) -> frozenset[str]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(key, f"expected a list of ids, got {value!r}")
        return frozenset(value)


_EVENT_KEYS: Final = {
    "check-in": {"words", "confidence", "note", "goal", "measure"},
    "miss": {"expectation", "reason", "days"},
    "reflection": {"kind", "words", "goal"},
    "setback": {
        "what",
        "severity",
        "cause",
        "affects",
        "start_day",
        "start_at",
        "end_day",
        "end_at",
    },
    "win": {"what", "size", "goal", "expectation"},
    "renegotiation": {
        "expectation",
        "direction",
        "reason",
        "proposed_by",
        "action",
        "cadence",
        "done_when",
    },
    "contact": {"channel", "note"},
}
_LOG_KEYS: Final = {"done", "event", "silence"}
_TOP_KEYS: Final = {
    "log",
    "title",
    "narrative",
    "client",
    "goal",
    "expectation",
    "done",
    "event",
    "silence",
}


def _table_list(path: Path, data: Mapping[str, Any], key: str) -> list[Any]:
    """The tables under *key*, at the top level or in the ``[log]`` table (both may hold some)."""
    found: list[Any] = []
    log = data.get("log", {})
    for where, table in ((key, data), (f"log.{key}", log)):
        value = table.get(key, []) if isinstance(table, Mapping) else []
        if not isinstance(value, list):
            raise StoryError(
                path, where, f"expected an array of tables ([[{key}]] or {key} = [...])"
            )
        found += value
    return found


@contextmanager
def _refusals(path: Path, where: str) -> Iterator[None]:
    """Turn the library's refusal of a value into a `StoryError` naming the file and field."""
    try:
        yield
    except AccountabilityError as error:
        raise StoryError(path, where, str(error)) from None


_CLIENT_KEYS: Final = {
    "name",
    "zone",
    "start",
    "directness",
    "quiet_hours",
    "weekly_cap",
    "check_in",
    "agreed_day",
    "agreed_at",
}
_EXPECTATION_KEYS: Final = {
    "id",
    "goal",
    "action",
    "name",
    "done_when",
    "cadence",
    "from_day",
    "proposed_by",
    "if",
    "then",
}


@attrs.frozen
class _Calendar:
    """A story's day 0 and zone: turns (day, wall time) into an aware moment."""

    start: date
    zone: ZoneInfo

    def at(self, day: int, wall: time) -> datetime:
        return localize(datetime.combine(self.start + timedelta(days=day), wall), self.zone)


def _client(path: Path, data: Mapping[str, Any]) -> tuple[_Reader, _Calendar, Agreement]:
    client = _Reader(path, "client", data.get("client", {}), _CLIENT_KEYS)
    start = client.table.get("start")
    if not isinstance(start, date) or isinstance(start, datetime):
        raise client.error("start", f"expected a local date such as 2026-03-02, got {start!r}")
    zone_name = client.text("zone")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise client.error("zone", f"{zone_name!r} is not an IANA time zone") from None
    calendar = _Calendar(start, zone)
    agreed = calendar.at(
        client.integer("agreed_day", -1), client.parsed("agreed_at", parse_time, "18:00")
    )
    check_in = (
        client.parsed("check_in", lambda text: parse_cadence(text, start))
        if client.has("check_in")
        else None
    )
    quiet = client.parsed("quiet_hours", parse_quiet_hours, "21:00-08:00")
    with _refusals(path, "client"):
        agreement = Agreement(
            zone=zone_name,
            agreed_at=agreed,
            check_in=check_in,
            quiet_hours=quiet,
            weekly_cap=client.integer("weekly_cap", 3),
            directness=client.choice("directness", Directness, "balanced"),
        )
    return client, calendar, agreement


def _goals(path: Path, data: Mapping[str, Any], calendar: _Calendar) -> list[Goal]:
    goals: list[Goal] = []
    for index, raw in enumerate(_table_list(path, data, "goal")):
        where = f"goal[{index}]"
        goal = _Reader(path, where, raw, {"id", "title", "why", "status", "outcome", "target_day"})
        outcome: Outcome | None = None
        if goal.has("outcome"):
            keys = {"measure", "target", "unit", "baseline"}
            out = _Reader(path, f"{where}.outcome", raw["outcome"], keys)
            target = out.number("target")
            if target is None:
                raise out.error("target", "missing")
            with _refusals(path, f"{where}.outcome"):
                outcome = Outcome(
                    measure=out.text("measure"),
                    target=target,
                    unit=out.text("unit", ""),
                    baseline=out.number("baseline"),
                )
        target_date = (
            calendar.start + timedelta(days=goal.integer("target_day"))
            if goal.has("target_day")
            else None
        )
        with _refusals(path, where):
            goals.append(
                Goal(
                    id=goal.text("id"),
                    title=goal.text("title"),
                    why=goal.text("why"),
                    outcome=outcome,
                    target_date=target_date,
                    status=goal.choice("status", GoalStatus, "active"),
                )
            )
    if not goals:
        raise StoryError(path, "goal", "a story needs at least one [[goal]]")
    return goals


def _expectations(
    path: Path, data: Mapping[str, Any], calendar: _Calendar, agreed: datetime
) -> list[Expectation]:
    expectations: list[Expectation] = []
    for index, raw in enumerate(_table_list(path, data, "expectation")):
        where = f"expectation[{index}]"
        exp = _Reader(path, where, raw, _EXPECTATION_KEYS)
        begins = calendar.start + timedelta(days=exp.integer("from_day", 0))
        schedule = exp.parsed("cadence", partial(_cadence_from, begins))
        if exp.has("if") != exp.has("then"):
            raise exp.error("then" if exp.has("if") else "if", "an if-then plan needs both")
        plan: IfThen | None = None
        if exp.has("if"):
            with _refusals(path, f"{where}.if"):
                plan = IfThen(obstacle=exp.text("if"), response=exp.text("then"))
        with _refusals(path, where):
            expectations.append(
                Expectation(
                    id=exp.text("id"),
                    goal=exp.text("goal"),
                    action=exp.text("action"),
                    name=exp.text("name", ""),
                    done_when=exp.text("done_when", ""),
                    schedule=schedule,
                    agreed_at=agreed,
                    proposed_by=exp.choice("proposed_by", Party, "client"),
                    plan=plan,
                )
            )
    if not expectations:
        raise StoryError(path, "expectation", "a story needs at least one [[expectation]]")
    return expectations


def _completions(path: Path, data: Mapping[str, Any], calendar: _Calendar) -> list[Event]:
    events: list[Event] = []
    for index, raw in enumerate(_table_list(path, data, "done")):
        where = f"done[{index}]"
        done = _Reader(path, where, raw, {"expectation", "days", "at", "amount", "note"})
        expectation = done.text("expectation")
        wall = done.parsed("at", parse_time, "12:00")
        amount = done.number("amount")
        note = done.text("note", "")
        for day in done.parsed("days", lambda text: parse_days(text, calendar.start)):
            with _refusals(path, where):
                events.append(
                    Completion(
                        id=f"done-{expectation}-{day}-{index}",
                        at=calendar.at(day, wall),
                        expectation=expectation,
                        amount=1.0 if amount is None else amount,
                        note=note,
                    )
                )
    return events


def _said(path: Path, data: Mapping[str, Any], calendar: _Calendar) -> list[Event]:
    events: list[Event] = []
    for index, raw in enumerate(_table_list(path, data, "event")):
        where = f"event[{index}]"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("type"), str):
            raise StoryError(path, f"{where}.type", f"expected one of {sorted(_EVENT_KEYS)}")
        kind = raw["type"]
        if kind not in _EVENT_KEYS:
            raise StoryError(path, f"{where}.type", f"{kind!r} is not one of {sorted(_EVENT_KEYS)}")
        event = _Reader(path, where, raw, {"type", "day", "at"} | _EVENT_KEYS[kind])
        wall = event.parsed("at", parse_time, "12:00")
        if kind == "miss" and event.has("days"):
            days = event.parsed("days", lambda text: parse_days(text, calendar.start))
        else:
            days = [event.integer("day")]
        for day in days:
            with _refusals(path, where):
                events.append(
                    _event(kind, event, f"{kind}-{index}-{day}", calendar.at(day, wall), calendar)
                )
    return events


def _silences(
    path: Path, data: Mapping[str, Any], calendar: _Calendar, events: Sequence[Event]
) -> list[tuple[int, int, str]]:
    silences: list[tuple[int, int, str]] = []
    for index, raw in enumerate(_table_list(path, data, "silence")):
        quiet = _Reader(path, f"silence[{index}]", raw, {"from", "to", "note"})
        low, high = quiet.integer("from"), quiet.integer("to")
        if high < low:
            raise quiet.error("to", f"ends before it starts (day {low})")
        begins, ends = calendar.at(low, time(0)), calendar.at(high + 1, time(0))
        for item in events:
            if begins.timestamp() <= item.at.timestamp() < ends.timestamp():
                raise quiet.error(
                    "", f"the client is silent on days {low}-{high}, but {item.id} is on one"
                )
        silences.append((low, high, quiet.text("note", "")))
    return silences


def load_story(path: Path) -> Story:
    """Read and check one story file, and build the client's journal.

    Raises:
        StoryError: If the file cannot be read, a field is missing or
            malformed, or the library refuses a value; the message names the
            file and the field.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise StoryError(path, "(file)", str(error)) from None
    top = _Reader(path, "story", data, _TOP_KEYS)
    _Reader(path, "log", data.get("log", {}), _LOG_KEYS)
    title, narrative = top.text("title"), top.text("narrative").strip()
    client, calendar, agreement = _client(path, data)
    goals = _goals(path, data, calendar)
    expectations = _expectations(path, data, calendar, agreement.agreed_at)
    events = _completions(path, data, calendar) + _said(path, data, calendar)
    silences = _silences(path, data, calendar, events)
    with _refusals(path, "story"):
        journal = Journal(
            agreement=agreement,
            goals=tuple(goals),
            expectations=tuple(expectations),
            events=tuple(events),
        )
    return Story(
        path=path,
        title=title,
        narrative=narrative,
        name=client.text("name"),
        start=calendar.start,
        journal=journal,
        silences=tuple(silences),
    )


def _event(  # noqa: PLR0911 - one return per kind of event
    kind: str, e: _Reader, ident: str, moment: datetime, calendar: _Calendar
) -> Event:
    """One event of a story, built with the public API (errors surface as the library's)."""
    if kind == "check-in":
        confidence = e.integer("confidence") if e.has("confidence") else None
        return CheckIn(
            id=ident,
            at=moment,
            progress=e.text("words", ""),
            confidence=confidence,
            note=e.text("note", ""),
            goal=e.text("goal") if e.has("goal") else None,
            measure=e.number("measure"),
        )
    if kind == "miss":
        return Miss(
            id=ident, at=moment, expectation=e.text("expectation"), reason=e.text("reason", "")
        )
    if kind == "reflection":
        return Reflection(
            id=ident,
            at=moment,
            kind=e.choice("kind", ReflectionKind),
            words=e.text("words"),
            goal=e.text("goal") if e.has("goal") else None,
        )
    if kind == "setback":
        begins = (
            calendar.at(e.integer("start_day"), e.parsed("start_at", parse_time, "00:00"))
            if e.has("start_day")
            else moment
        )
        ends = (
            calendar.at(e.integer("end_day"), e.parsed("end_at", parse_time, "00:00"))
            if e.has("end_day")
            else None
        )
        return Setback(
            id=ident,
            at=moment,
            what=e.text("what"),
            severity=e.choice("severity", Severity),
            cause=e.choice("cause", Cause, "external"),
            affects=e.ids("affects"),
            start=begins,
            end=ends,
        )
    if kind == "win":
        return Win(
            id=ident,
            at=moment,
            what=e.text("what"),
            size=e.choice("size", WinSize, "small"),
            goal=e.text("goal") if e.has("goal") else None,
            expectation=e.text("expectation") if e.has("expectation") else None,
        )
    if kind == "renegotiation":
        day = moment.date()
        return Renegotiation(
            id=ident,
            at=moment,
            expectation=e.text("expectation"),
            direction=e.choice("direction", Direction),
            reason=e.text("reason", ""),
            proposed_by=e.choice("proposed_by", Party, "client"),
            action=e.text("action") if e.has("action") else None,
            done_when=e.text("done_when") if e.has("done_when") else None,
            schedule=(
                e.parsed("cadence", lambda text: parse_cadence(text, day))
                if e.has("cadence")
                else None
            ),
        )
    return Contact(id=ident, at=moment, channel=e.text("channel", ""), note=e.text("note", ""))


def load_stories(folder: Path = STORIES) -> list[Story]:
    """Every story in *folder* (``*.toml``), in file-name order."""
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise StoryError(folder, "(folder)", "no *.toml story found")
    return [load_story(path) for path in paths]


# --- Metrics ----------------------------------------------------------------------------------

_CLOSERS: Final = "\"')]\u201d\u2019"
_SENTENCE_END: Final = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(?=\s|$)")


def sentences(text: str) -> list[str]:
    """The sentences of a message, split after ``.``, ``!`` or ``?`` (and closing quotes).

    >>> sentences("You said: “Ran 8 km.” That's big! Well done.")
    ['You said: “Ran 8 km.”', "That's big!", 'Well done.']
    """
    found: list[str] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        piece = " ".join(text[begin : match.end()].split())
        if piece:
            found.append(piece)
        begin = match.end()
    rest = " ".join(text[begin:].split())
    if rest:
        found.append(rest)
    return found


def distinct_openings(texts: Sequence[str]) -> int:
    """How many different first sentences the messages open with."""
    return len({parts[0] for parts in map(sentences, texts) if parts})


def repeated_sentences(texts: Sequence[str]) -> list[str]:
    """The distinct sentences that appear in more than one message, in order of first use."""
    seen_in: dict[str, int] = {}
    for text in texts:
        for sentence in set(sentences(text)):
            seen_in[sentence] = seen_in.get(sentence, 0) + 1
    order = [s for text in texts for s in sentences(text)]
    return list(dict.fromkeys(s for s in order if seen_in[s] > 1))


def identical_messages(texts: Sequence[str]) -> int:
    """How many messages repeat, word for word, a message sent before them."""
    return len(texts) - len(set(texts))


def multi_question(texts: Sequence[str]) -> int:
    """How many messages ask two or more questions (sentences ending in ``?``)."""
    return sum(
        1
        for text in texts
        if sum(1 for s in sentences(text) if s.rstrip(_CLOSERS).endswith("?")) >= 2
    )


def _folded(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .!?,;:")


def quotes_why(message: FollowUpSent, whys: Iterable[str]) -> bool:
    """Whether a message quotes a goal's why: its text, or a ``remind_why`` move."""
    if any(move.kind == "remind_why" for move in message.moves):
        return True
    text = _folded(message.text)
    return any(_folded(why) and _folded(why) in text for why in whys)


def longest_run(kinds: Sequence[str], kind: str = "challenge") -> int:
    """The longest run of consecutive messages of *kind*."""
    best = run = 0
    for each in kinds:
        run = run + 1 if each == kind else 0
        best = max(best, run)
    return best


@attrs.frozen(kw_only=True)
class Talk:
    """Something the client said: an event with their words.

    Attributes:
        at: When they said it.
        kind: What kind of event ("check-in", "setback", ...).
        words: What they said (or the confidence, for a bare check-in).
    """

    at: datetime
    kind: str
    words: str


def client_talk(events: Iterable[Event]) -> list[Talk]:
    """The client's talk among *events*: the events with their words (see the module docs)."""
    talk: list[Talk] = []
    for event in events:
        match event:
            case CheckIn() if event.progress or event.note or event.confidence is not None:
                said = " ".join(filter(None, (event.progress, event.note)))
                sure = f"confidence {event.confidence}" if event.confidence is not None else ""
                talk.append(Talk(at=event.at, kind="check-in", words=_join(said, sure)))
            case Reflection():
                talk.append(
                    Talk(at=event.at, kind=f"reflection ({event.kind.value})", words=event.words)
                )
            case Setback():
                talk.append(
                    Talk(at=event.at, kind=f"setback ({event.severity.value})", words=event.what)
                )
            case Miss() if event.reason:
                talk.append(Talk(at=event.at, kind="miss", words=event.reason))
            case Renegotiation() if event.proposed_by is Party.CLIENT:
                talk.append(
                    Talk(
                        at=event.at,
                        kind=f"renegotiation ({event.direction.value})",
                        words=event.reason,
                    )
                )
            case Win():
                talk.append(Talk(at=event.at, kind=f"win ({event.size.value})", words=event.what))
            case _:
                pass
    return talk


def _join(words: str, extra: str) -> str:
    return f"{words} ({extra})" if words and extra else words or extra


def clock_start(moment: datetime, quiet: QuietHours, zone: tzinfo) -> datetime:
    """When the client can expect an answer to start: *moment*, or the end of quiet hours."""
    return quiet.first_moment_outside(moment, zone)


@attrs.frozen(kw_only=True)
class Reply:
    """How one talk was answered.

    Attributes:
        talk: What the client said.
        clock: When the 24 hours started (the end of quiet hours, if said in them).
        answered_at: When the first follow-up after it was sent, or None.
        status: ``"answered"`` within 24 hours, ``"unanswered"``, or ``"pending"``
            (no follow-up yet, and the 24 hours run past the end of the replay).
    """

    talk: Talk
    clock: datetime
    answered_at: datetime | None
    status: str

    @property
    def delay_hours(self) -> float | None:
        """Hours from the clock's start to the first follow-up after the talk, if any."""
        if self.answered_at is None:
            return None
        return (self.answered_at.timestamp() - self.clock.timestamp()) / 3600


def replies(
    talk: Sequence[Talk],
    sent_at: Sequence[datetime],
    quiet: QuietHours,
    zone: tzinfo,
    end: datetime,
) -> list[Reply]:
    """How each talk was answered by follow-ups sent at *sent_at*, in a replay ending at *end*.

    The first follow-up at or after the talk answers it; it counts when it
    comes at most `ANSWER_WITHIN` after the clock started (see `clock_start`).
    """
    stamps = sorted(moment.timestamp() for moment in sent_at)
    result: list[Reply] = []
    for said in talk:
        started = clock_start(said.at, quiet, zone)
        first = next((s for s in stamps if s >= said.at.timestamp()), None)
        answered = None if first is None else datetime.fromtimestamp(first, zone)
        deadline = started.timestamp() + ANSWER_WITHIN.total_seconds()
        if first is not None and first <= deadline:
            status = "answered"
        elif (first is None or first > end.timestamp()) and deadline > end.timestamp():
            status = "pending"
        else:
            status = "unanswered"
        result.append(Reply(talk=said, clock=started, answered_at=answered, status=status))
    return result


def median_delay(answers: Sequence[Reply]) -> float | None:
    """The median reply delay in hours over the talk that got a follow-up, or None."""
    delays = [d for d in (a.delay_hours for a in answers) if d is not None]
    return statistics.median(delays) if delays else None


@attrs.frozen(kw_only=True)
class Metrics:
    """One story's figures (see the module docs for how each is counted)."""

    messages: int
    distinct_openings: int
    repeated_sentences: int
    identical_messages: int
    multi_question: int
    why_quoted: int
    longest_challenge_run: int
    talk: int
    unanswered: int
    pending: int
    median_delay: float | None


def measure(
    messages: Sequence[FollowUpSent], whys: Sequence[str], answers: Sequence[Reply]
) -> Metrics:
    """The figures for one story's messages and replies."""
    texts = [m.text for m in messages]
    return Metrics(
        messages=len(messages),
        distinct_openings=distinct_openings(texts),
        repeated_sentences=len(repeated_sentences(texts)),
        identical_messages=identical_messages(texts),
        multi_question=multi_question(texts),
        why_quoted=sum(1 for m in messages if quotes_why(m, whys)),
        longest_challenge_run=longest_run([m.kind.value for m in messages]),
        talk=len(answers),
        unanswered=sum(1 for a in answers if a.status == "unanswered"),
        pending=sum(1 for a in answers if a.status == "pending"),
        median_delay=median_delay(answers),
    )


# --- The run and the report -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Replayed:
    """A replayed story: its messages, the replies to each talk, and its figures."""

    story: Story
    messages: tuple[FollowUpSent, ...]
    answers: tuple[Reply, ...]
    metrics: Metrics


def evaluate(story: Story, every: timedelta) -> Replayed:
    """Replay one story over its eight weeks and measure it."""
    history = replay(story.journal, story.begins, story.ends, every=every)
    messages = history.sent
    talk = client_talk(story.journal.between(story.begins, story.ends))
    agreement = story.journal.agreement
    answers = replies(talk, [m.at for m in messages], agreement.quiet_hours, story.zone, story.ends)
    whys = [goal.why for goal in story.journal.goals]
    return Replayed(
        story=story,
        messages=messages,
        answers=tuple(answers),
        metrics=measure(messages, whys, answers),
    )


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


SUMMARY_HEADER: Final = (
    "| story | voice | msgs | distinct openings | repeated sentences | identical msgs "
    "| msgs with 2+ questions | why quoted | longest challenge run | talk | unanswered "
    "| median reply (h) |"
)


def summary_rows(outcomes: Sequence[Replayed]) -> list[str]:
    """The summary table over all stories, with a totals row."""
    rows = [SUMMARY_HEADER, "|" + "---|" * 12]
    for out in outcomes:
        m = out.metrics
        directness = out.story.journal.agreement.directness.value
        rows.append(
            f"| [{out.story.slug}](#{out.story.slug}) | {directness} | {m.messages} "
            f"| {m.distinct_openings} | {m.repeated_sentences} | {m.identical_messages} "
            f"| {m.multi_question} | {m.why_quoted} | {m.longest_challenge_run} | {m.talk} "
            f"| {m.unanswered} | {_hours(m.median_delay)} |"
        )
    every = [a for out in outcomes for a in out.answers]
    texts = [m.text for out in outcomes for m in out.messages]
    ms = [out.metrics for out in outcomes]
    rows.append(
        f"| **all {len(outcomes)} stories** | | {sum(m.messages for m in ms)} "
        f"| {distinct_openings(texts)} | {sum(m.repeated_sentences for m in ms)} "
        f"| {sum(m.identical_messages for m in ms)} | {sum(m.multi_question for m in ms)} "
        f"| {sum(m.why_quoted for m in ms)} "
        f"| {max((m.longest_challenge_run for m in ms), default=0)} "
        f"| {sum(m.talk for m in ms)} | {sum(m.unanswered for m in ms)} "
        f"| {_hours(median_delay(every))} |"
    )
    return rows


def _stamp(moment: datetime, story: Story) -> str:
    local = moment.astimezone(story.zone)
    day = (local.date() - story.start).days
    return f"d{day} {local:%a} {local.day} {local:%b %H:%M}"


def _quote(words: str) -> str:
    return f"“{words}”" if words else ""


def _client_line(event: Event, story: Story) -> str | None:  # noqa: PLR0911 - one per kind
    names = {e.id: e.name or e.action for e in story.journal.expectations}
    match event:
        case CheckIn():
            sure = f" (confidence {event.confidence})" if event.confidence is not None else ""
            said = " ".join(filter(None, (event.progress, event.note)))
            measured = f" [measure {event.measure:g}]" if event.measure is not None else ""
            return f"check-in{sure}{measured}: {_quote(said)}"
        case Miss():
            why = f": {_quote(event.reason)}" if event.reason else " (no reason given)"
            return f"miss, {names.get(event.expectation, event.expectation)}{why}"
        case Reflection():
            return f"reflection ({event.kind.value}): {_quote(event.words)}"
        case Setback():
            span = ""
            if event.end is not None or event.start != event.at:
                until = _stamp(event.end, story) if event.end is not None else "open"
                span = f", {_stamp(event.start, story)} to {until}"
            affects = f", affects {', '.join(sorted(event.affects))}" if event.affects else ""
            return (
                f"setback ({event.severity.value}, {event.cause.value}{affects}{span}): "
                f"{_quote(event.what)}"
            )
        case Win():
            return f"win ({event.size.value}): {_quote(event.what)}"
        case Renegotiation():
            changes = [
                f"action → {_quote(event.action)}" if event.action else "",
                f"cadence → {event.schedule.describe()}"
                if isinstance(event.schedule, Cadence)
                else "",
                f"done when → {_quote(event.done_when)}" if event.done_when else "",
            ]
            change = "; ".join(filter(None, changes))
            who = "asks" if event.proposed_by is Party.CLIENT else "coach proposes"
            habit = names.get(event.expectation, event.expectation)
            return f"{who} {event.direction.value} for {habit} ({change}): {_quote(event.reason)}"
        case Contact():
            return f"contact ({event.channel or 'no channel'}): {_quote(event.note)}"
        case _:
            return None


def _ranges(days: Sequence[int]) -> str:
    parts: list[str] = []
    run: list[int] = []
    for day in days:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [day]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def conversation(out: Replayed) -> list[str]:
    """The story's eight weeks as lines: the client's words and completions, and every message."""
    story = out.story
    names = {e.id: e.name or e.action for e in story.journal.expectations}
    status = {(a.talk.at, a.talk.kind, a.talk.words): a for a in out.answers}
    timeline: list[tuple[float, int, Event]] = [
        (e.at.timestamp(), 0, e)
        for e in story.journal.between(story.begins, story.ends)
        if not isinstance(e, FollowUpSent)
    ]
    timeline += [(m.at.timestamp(), 1, m) for m in out.messages]
    timeline.sort(key=lambda item: (item[0], item[1]))
    lines: list[str] = []
    done: dict[str, list[int]] = {}

    def flush() -> None:
        if done:
            parts = [
                f"{names[key]} on day{'s' if len(days) > 1 else ''} {_ranges(days)}"
                for key, days in done.items()
            ]
            lines.append(f"- ✓ done: {'; '.join(parts)}")
            done.clear()

    for _, _, event in timeline:
        if isinstance(event, Completion):
            day = (event.at.astimezone(story.zone).date() - story.start).days
            done.setdefault(event.expectation, []).append(day)
            continue
        flush()
        if isinstance(event, FollowUpSent):
            lines.append(
                f"- **{_stamp(event.at, story)} → {event.kind.value}, firmness {event.firmness} "
                f"({firmness_name(event.firmness)})**: {event.text}"
            )
            continue
        line = _client_line(event, story)
        if line is None:
            continue
        note = ""
        for said in client_talk([event]):
            reply = status.get((said.at, said.kind, said.words))
            if reply is not None and reply.status == "unanswered":
                note = " ⚠ *no follow-up within 24 h*"
            elif reply is not None and reply.status == "pending":
                note = " *(24 h run past the end)*"
        lines.append(f"- {_stamp(event.at, story)} · {story.name}: {line}{note}")
    flush()
    return lines


def _story_section(out: Replayed) -> list[str]:
    story, journal, m = out.story, out.story.journal, out.metrics
    agreement = journal.agreement
    quiet = agreement.quiet_hours
    hours = "none" if quiet.start == quiet.end else f"{quiet.start:%H:%M}-{quiet.end:%H:%M}"
    check_in = agreement.check_in.describe() if agreement.check_in else "none agreed"
    lines = [
        f"## {story.slug}",
        "",
        f"**{story.title}**. {story.name}, {agreement.zone}, {agreement.directness.value}; "
        f"quiet hours {hours}, weekly cap {agreement.weekly_cap}, check-ins {check_in}; "
        f"day 0 is {story.start:%a %d %b %Y}.",
        "",
        story.narrative,
        "",
    ]
    for goal in journal.goals:
        lines.append(f"- Goal *{goal.title}*; why: {_quote(goal.why)}")
    for exp in journal.expectations:
        schedule = exp.schedule.describe() if exp.schedule is not None else "no schedule"
        named = f" (“{exp.name}”)" if exp.name else ""
        plan = (
            f"; if {_quote(exp.plan.obstacle)} then {_quote(exp.plan.response)}" if exp.plan else ""
        )
        lines.append(f"- Commitment `{exp.id}`: {exp.action}{named}, {schedule}{plan}")
    for low, high, note in story.silences:
        lines.append(f"- Silent on days {low}-{high}" + (f": {note}" if note else ""))
    lines += ["", "### Conversation", "", *conversation(out), "", "### Metrics", ""]
    lines += [
        f"messages {m.messages}; distinct openings {m.distinct_openings}; repeated sentences "
        f"{m.repeated_sentences}; identical messages {m.identical_messages}; messages with 2+ "
        f"questions {m.multi_question}; why quoted {m.why_quoted}; longest challenge run "
        f"{m.longest_challenge_run}; talk {m.talk}, unanswered {m.unanswered}, pending "
        f"{m.pending}; median reply delay {_hours(m.median_delay)} h.",
        "",
    ]
    repeats = repeated_sentences([msg.text for msg in out.messages])
    if repeats:
        lines.append(
            "Repeated sentences: "
            + " · ".join(f"`{s}`" for s in repeats[:12])
            + (" …" if len(repeats) > 12 else "")
        )
        lines.append("")
    return lines


def render(outcomes: Sequence[Replayed], every: timedelta) -> str:
    """The whole results file."""
    hours = every / timedelta(hours=1)
    lines = [
        "# Conversations: eight-week client stories, replayed",
        "",
        "<!-- Generated by benchmarks/eval_conversations.py: do not edit by hand. -->",
        "",
        f"Regenerate with `{COMMAND}` (add `--check` to verify this file is current).",
        "Each story in `benchmarks/data/stories/` is replayed with "
        f"`accountability.notebook.replay` over {WEEKS} weeks from 00:00 local on day 0, "
        f"one step every {hours:g} h, with the "
        "style matching the client's directness; a follow-up is recorded as sent at its send "
        "time. Times are the client's local times; `dN` is the day of the story.",
        "",
        "How the figures are counted:",
        "",
        "- **distinct openings**: different first sentences. **repeated sentences**: distinct "
        "sentences found in more than one message to the client. **identical msgs**: messages "
        "repeating an earlier one word for word. **msgs with 2+ questions**: messages with two "
        "or more sentences ending in a question mark.",
        "- **why quoted**: messages containing a goal's why (case and spacing ignored) or "
        "making a `remind_why` move.",
        "- **longest challenge run**: most consecutive messages of kind `challenge`.",
        "- **talk**: events in the eight weeks in which the client said something: check-ins "
        "with words or a confidence, reflections, setbacks, misses with a reason, renegotiations "
        "the client asked for, wins (contacts and completions are not counted). Each talk's "
        "clock starts when it was said, or at the end of the quiet hours if said inside them. "
        "**unanswered**: no follow-up of any kind sent between the talk and 24 h after its clock "
        "started (talk whose 24 h run past the end of the replay without a follow-up is left "
        "out as pending). Any follow-up counts as an answer: this says whether the client heard "
        "back, not whether the reply fits; read the conversation for that.",
        "- **median reply (h)**: median over the talk that got any follow-up afterwards, from "
        "the talk's clock start to the first follow-up sent after it.",
        "- Totals: sums, except distinct openings (distinct over all messages), the longest "
        "challenge run (the maximum) and the median reply (over all talk).",
        "",
        "## Summary",
        "",
        *summary_rows(outcomes),
        "",
    ]
    for out in outcomes:
        lines += _story_section(out)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Replay every story, write the results file (or check it), print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=STORIES, help="folder of *.toml stories")
    parser.add_argument("--out", type=Path, default=RESULTS, help="the Markdown file to write")
    parser.add_argument("--every", type=float, default=1.0, help="hours between replay steps")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if --out is not current"
    )
    args = parser.parse_args(argv)
    if args.every <= 0:
        parser.error("--every must be a positive number of hours")
    every = timedelta(hours=args.every)
    began = clock.perf_counter()
    try:
        stories = load_stories(args.stories)
    except StoryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    outcomes = [evaluate(story, every) for story in stories]
    text = render(outcomes, every)
    spent = clock.perf_counter() - began
    print("\n".join(summary_rows(outcomes)))
    steps = len(stories) * 7 * WEEKS * 24 / args.every
    print(f"\n{len(stories)} stories, about {steps:,.0f} replay steps, {spent:.1f} s")
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is not current: run {COMMAND}", file=sys.stderr)
            return 1
        print(f"{args.out} is current")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
