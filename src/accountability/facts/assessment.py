"""Assess: the facts a coach would look at before writing to a client, at a given moment.

[`assess`][accountability.facts.assess] is a pure function of a journal, a moment
and a style. It never reads the clock, and the same input always gives the
same [`Assessment`][accountability.facts.Assessment]. Events after `now` are
ignored, so an assessment can be replayed at any past moment.

Facts are counted, never judged: occurrences are done, partly done, missed,
excused by a setback or still pending. A run of misses with no word from the
client in between is one lapse, not many, so a client back from a silent
week is not met with seven misses.

The cost follows `Style.history_days` (120 days by default), not the years
of history: streaks, momentum and realism look that far back.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from typing import Final

import attrs

from accountability import _validate as v
from accountability.exceptions import UnknownReferenceError
from accountability.record.journal import Journal
from accountability.record.model import (
    Agreement,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Event,
    Expectation,
    FollowUpSent,
    Goal,
    Miss,
    Party,
    Reflection,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
)
from accountability.record.schedule import Cadence, Due, Occurrence, days_after, localize
from accountability.style import Style

__all__ = [
    "CHECK_IN_ID",
    "Assessment",
    "ExpectationFacts",
    "OccurrenceFact",
    "OccurrenceStatus",
    "Realism",
    "RenegotiationFacts",
    "SetbackFacts",
    "WinFact",
    "WinSource",
    "assess",
]

_EPSILON: Final = 1e-9
_SETBACK_LOOKBACK: Final = timedelta(days=400)
_FOLLOW_UP_WEEK: Final = timedelta(days=7)
_SLUMP_PERIODS: Final = 3
_SLUMP_DAYS: Final = 5
_SEARCH_DOUBLINGS: Final = 8
"""How many times the search for a cadence's next due moment may double its window."""


class OccurrenceStatus(StrEnum):
    """What became of one occurrence of an expectation."""

    DONE = "done"
    """Fully done."""

    PARTLY = "partly"
    """Some of what was asked was done, and the period has closed or the client said
    it was missed."""

    MISSED = "missed"
    """Nothing was done, and the period has closed or the client said it was missed."""

    EXCUSED = "excused"
    """A setback covers it and it was not fully done: it never counts against the
    client."""

    PENDING = "pending"
    """Still open, and not reported missed."""


class WinSource(StrEnum):
    """Where a win comes from: the client's own report, or a pattern in the record."""

    REPORTED = "reported"
    """The client told us about it (a `Win` event)."""

    STREAK = "streak"
    """A streak reached one of the style's milestones."""

    COMEBACK = "comeback"
    """A first completion after a setback or a slump."""

    MOMENTUM = "momentum"
    """Momentum climbed back past the style's threshold."""

    OUTCOME = "outcome"
    """A reading of the goal's outcome measure moved toward its target."""


@attrs.frozen(kw_only=True)
class OccurrenceFact:
    """One occurrence and what became of it.

    Attributes:
        occurrence: The period and its due moment.
        status: Done, partly, missed, excused or pending. A period a setback
            covers is excused unless it was fully done; whatever was done in
            it still shows in ``amount``.
        amount: The share done, 0 to 1.
        reported: Whether the client told us it was missed (honest reporting).
        excused_by: The id of the setback that excuses it, if any.
    """

    occurrence: Occurrence
    status: OccurrenceStatus
    amount: float
    reported: bool = False
    excused_by: str | None = None


@attrs.frozen(kw_only=True)
class Realism:
    """What was asked against what this client has actually done so far.

    Attributes:
        asked: Completions asked per period.
        share: The mean share of what was asked that was done, 0 to 1, over
            the closed periods that were not excused.
        periods: How many periods that share is based on.
        realistic: Whether the share reaches the style's threshold; None
            while fewer than three periods have closed.
    """

    asked: int
    share: float
    periods: int
    realistic: bool | None


@attrs.frozen(kw_only=True)
class RenegotiationFacts:
    """An expectation's renegotiations as they stand at the moment of assessment.

    Attributes:
        applied: Renegotiations in force, in the order they took effect.
        pending: Easier changes still waiting for the horizon.
        effective: When each pending change will apply, in the same order.
    """

    applied: tuple[Renegotiation, ...] = ()
    pending: tuple[Renegotiation, ...] = ()
    effective: tuple[datetime, ...] = ()


@attrs.frozen(kw_only=True)
class ExpectationFacts:
    """What a coach would see about one expectation.

    Attributes:
        expectation: The expectation as in force at the moment of assessment,
            with applied renegotiations folded in.
        occurrences: Its occurrences from the history window to the current
            one, in time order.
        next_due: The next due moment not yet done, if any, however far
            ahead (a cadence can start on a later day).
        overdue: Whether an occurrence is past its due moment, not done,
            and not excused, right now.
        lapses: Consecutive unexcused lapses since the last completion. A
            run of misses with no word in between counts once.
        lapse_starts: The due moment each of those lapses began with.
        adherence: The mean share done over the window's closed periods that
            were not excused, 0 to 1; None when nothing was due.
        momentum: An exponentially smoothed completion share, 0 to 1.
            Excused periods leave it unchanged.
        momentum_week_ago: Momentum as it stood seven days earlier.
        streak: Consecutive fully done periods up to now.
        best_streak: The longest such run within the history window.
        period: The unit of a streak: ``"day"``, ``"week"``, ``"month"``,
            ``"year"``, or ``"time"`` for a one-off or a cadence due on
            several days of each week ("3 times in a row").
        realism: What was asked against what was done.
        renegotiations: Applied and pending renegotiations.
    """

    expectation: Expectation
    occurrences: tuple[OccurrenceFact, ...]
    next_due: datetime | None
    overdue: bool
    lapses: int
    lapse_starts: tuple[datetime, ...]
    adherence: float | None
    momentum: float
    momentum_week_ago: float
    streak: int
    best_streak: int
    period: str
    realism: Realism
    renegotiations: RenegotiationFacts


@attrs.frozen(kw_only=True)
class WinFact:
    """A win, reported by the client or detected in the record.

    Attributes:
        id: A stable id: the event's id for a reported win, a derived one
            (such as ``"streak:run:7:2026-03-08"``) for a detected win. A
            `FollowUpSent` that lists it in ``celebrated`` marks it celebrated.
        at: When it happened.
        source: Reported, or which pattern detected it.
        what: The client's words for a reported win; a plain statement of
            the fact for a detected one.
        size: Small, big or a milestone.
        goal: The goal it is about, if known.
        expectation: The expectation it is about, if known.
        count: For a streak, its length.
        period: For a streak, the unit it is counted in (``"day"``, ``"week"``).
        action: The expectation's action as it stood when the win happened.
    """

    id: str
    at: datetime
    source: WinSource
    what: str
    size: WinSize = WinSize.SMALL
    goal: str | None = None
    expectation: str | None = None
    count: int | None = None
    period: str | None = None
    action: str | None = None


@attrs.frozen(kw_only=True)
class SetbackFacts:
    """A setback and the grace it opens.

    Attributes:
        setback: The setback as the client reported it.
        grace_until: The end of its grace window (equal to its report time
            for a minor setback, which opens none).
        in_grace: Whether the moment of assessment is inside the window.
        excused_until: Misses due before this (and after its start) are excused.
        excuses: The occurrences it excuses, as (expectation id, due moment)
            pairs in time order.
    """

    setback: Setback
    grace_until: datetime
    in_grace: bool
    excused_until: datetime
    excuses: tuple[tuple[str, datetime], ...] = ()


@attrs.frozen(kw_only=True)
class Assessment:
    """The facts at one moment: what a coach would look at before writing.

    Attributes:
        now: The moment of assessment.
        zone: The client's zone name.
        agreement: The agreement in force: the client's zone, quiet hours,
            weekly cap, preferred directness, peer consent and grace.
        goals: The client's goals with their status (active, paused,
            achieved or released), in the journal's order.
        agreed_expectations: Every expectation on its terms as first agreed,
            before any renegotiation, in the journal's order and whatever its
            goal's status. ``expectations`` holds what became of each, with
            the terms in force.
        expectations: Facts per expectation, in the journal's order.
        check_ins: The agreed check-in cadence assessed like an expectation
            (each `CheckIn` counts as done), if the agreement has one. Its
            expectation's id is ``"agreement:check-in"``.
        wins: Recent wins, reported and detected, in time order.
        uncelebrated: The wins worth celebrating that no follow-up has
            celebrated yet: reported wins within the window; detected wins
            within the style's ``recent_days``; for streaks, only the current
            run's highest milestone (a lower one is superseded, and a broken
            run's is stale).
        setbacks: Recent setbacks with their grace windows.
        crisis_until: The end of the latest crisis grace window, if one is open.
        last_spoke: When the client last said anything (a check-in, a
            completion, a reflection, a miss, a setback, a win, a contact or a
            renegotiation they proposed), if ever.
        silence: How long since then, if they ever spoke.
        honest_misses: Misses the client reported within the window.
        confidence: The latest confidence (0 to 10) from a check-in in the
            window, if any.
        reflections: Reflections within the history window, in time order.
        renegotiations_recent: How many renegotiations were proposed in the
            style's renegotiation window.
        easier_requests_recent: How many of those asked to make things easier.
        unanswered: What the client said that no follow-up has answered yet:
            their words since the last follow-up sent (within the style's
            ``recent_days``), in time order. Talk is a check-in with words
            or a confidence, a reflection, a setback, a miss, a win, a
            renegotiation they proposed, or a contact with a note; a bare
            completion is not talk.
        said_recently: What the client said within the style's
            ``recent_days``, in time order: the events ``last_spoke`` counts
            (check-ins, completions, reflections, misses, setbacks, wins,
            contacts, and renegotiations they proposed).
        follow_ups: The follow-ups sent within the history window, in time
            order.
        last_follow_up: The last follow-up sent within the history window, if any.
        follow_ups_last_week: How many follow-ups were sent in the last 7 days.
        completions_since_last_follow_up: The completions recorded after the
            last follow-up, in time order, whatever occurrence they are for (a
            late one for an old occurrence counts); every completion within the
            history window when no follow-up was sent in it.
        style: The style the assessment was made with.
    """

    now: datetime
    zone: str
    agreement: Agreement
    goals: tuple[Goal, ...]
    agreed_expectations: tuple[Expectation, ...]
    expectations: tuple[ExpectationFacts, ...]
    check_ins: ExpectationFacts | None
    wins: tuple[WinFact, ...]
    uncelebrated: tuple[WinFact, ...]
    setbacks: tuple[SetbackFacts, ...]
    crisis_until: datetime | None
    last_spoke: datetime | None
    silence: timedelta | None
    honest_misses: tuple[Miss, ...]
    confidence: int | None
    reflections: tuple[Reflection, ...]
    renegotiations_recent: int
    easier_requests_recent: int
    unanswered: tuple[Event, ...]
    said_recently: tuple[Event, ...]
    follow_ups: tuple[FollowUpSent, ...]
    last_follow_up: FollowUpSent | None
    follow_ups_last_week: int
    completions_since_last_follow_up: tuple[Completion, ...]
    style: Style

    def _repr_html_(self) -> str:
        # The notebook layer sits on top of the pipeline: imported only when a notebook asks.
        from accountability.notebook._html import assessment_html  # noqa: PLC0415

        return assessment_html(self)

    def facts_for(self, expectation_id: str) -> ExpectationFacts:
        """The facts for one expectation.

        Raises:
            UnknownReferenceError: If the journal has no such expectation.
        """
        for facts in self.expectations:
            if facts.expectation.id == expectation_id:
                return facts
        raise UnknownReferenceError("expectation", expectation_id)


# --- Helpers ---------------------------------------------------------------------------


def _spoke(event: Event) -> bool:
    """Whether an event is the client speaking (as opposed to the coach)."""
    if isinstance(event, FollowUpSent):
        return False
    if isinstance(event, Renegotiation):
        return event.proposed_by is Party.CLIENT
    return isinstance(event, CheckIn | Completion | Contact | Reflection | Miss | Setback | Win)


def _renegotiations_before(journal: Journal, end: int) -> dict[str, list[Renegotiation]]:
    """The renegotiations among the journal's first *end* events, by expectation.

    The terms in force are read from the whole record: a renegotiation agreed
    before the history window still holds.
    """
    earlier: dict[str, list[Renegotiation]] = {}
    for event in journal.events[:end]:
        if isinstance(event, Renegotiation):
            earlier.setdefault(event.expectation, []).append(event)
    return earlier


def _talk(event: Event) -> bool:
    """Whether an event is the client saying something a coach would answer.

    A bare completion is a record, not talk; a check-in says something when it
    has words or a confidence, a contact when it has a note.
    """
    match event:
        case CheckIn():
            return bool(event.progress.strip() or event.note.strip()) or (
                event.confidence is not None
            )
        case Contact():
            return bool(event.note.strip())
        case Renegotiation():
            return event.proposed_by is Party.CLIENT
        case Reflection() | Setback() | Miss() | Win():
            return True
        case _:
            return False


def _grace_days(journal: Journal, severity: Severity) -> int:
    grace = journal.agreement.grace
    return {
        Severity.MINOR: 0,
        Severity.MAJOR: grace.major_days,
        Severity.CRISIS: grace.crisis_days,
    }[severity]


def _setback_facts(journal: Journal, setback: Setback, now: datetime) -> SetbackFacts:
    zone = journal.agreement.tz
    grace_until = days_after(setback.at, _grace_days(journal, setback.severity), zone)
    reported_end = setback.end if setback.end is not None else days_after(setback.at, 1, zone)
    excused_until = max(reported_end, grace_until)
    if setback.end is not None and setback.severity is Severity.MINOR:
        excused_until = setback.end
    return SetbackFacts(
        setback=setback,
        grace_until=grace_until,
        in_grace=setback.at <= now < grace_until,
        excused_until=excused_until,
    )


@attrs.frozen
class _Excuse:
    """A setback's excusing span in UTC, for cheap comparisons with occurrences."""

    setback_id: str
    affects: frozenset[str]
    start: datetime
    until: datetime

    @classmethod
    def of(cls, facts: SetbackFacts) -> _Excuse:
        return cls(
            facts.setback.id,
            facts.setback.affects,
            facts.setback.start.astimezone(UTC),
            facts.excused_until.astimezone(UTC),
        )

    def covers(self, expectation_id: str, occurrence: Occurrence) -> bool:
        if self.affects and expectation_id not in self.affects:
            return False
        if occurrence.opens == occurrence.closes:  # a one-off: its due moment
            return self.start <= occurrence.due < self.until
        return occurrence.opens < self.until and occurrence.closes > self.start


def _versions(
    *,
    expectation: Expectation,
    renegotiations: Sequence[Renegotiation],
    setbacks: Sequence[SetbackFacts],
    now: datetime,
    style: Style,
    zone: tzinfo,
) -> tuple[list[tuple[datetime, Expectation]], RenegotiationFacts]:
    """The expectation's versions in force over time, and its renegotiation facts."""
    timed: list[tuple[datetime, str, Renegotiation]] = []
    for change in renegotiations:
        effective = change.at
        if change.direction is Direction.EASIER:
            justified = any(
                (not s.setback.affects or expectation.id in s.setback.affects)
                and s.setback.start <= change.at < max(s.excused_until, s.grace_until)
                for s in setbacks
            )
            if not justified:
                effective = days_after(change.at, style.renegotiation_horizon_days, zone)
        timed.append((effective, change.id, change))
    timed.sort(key=lambda item: (item[0].astimezone(UTC), item[1]))
    versions = [(expectation.agreed_at, expectation)]
    applied: list[Renegotiation] = []
    pending: list[Renegotiation] = []
    effective_times: list[datetime] = []
    current = expectation
    for effective, _, change in timed:
        if effective <= now:
            current = attrs.evolve(
                current,
                action=change.action if change.action is not None else current.action,
                done_when=change.done_when if change.done_when is not None else current.done_when,
                schedule=change.schedule if change.schedule is not None else current.schedule,
            )
            versions.append((effective, current))
            applied.append(change)
        else:
            pending.append(change)
            effective_times.append(effective)
    facts = RenegotiationFacts(
        applied=tuple(applied), pending=tuple(pending), effective=tuple(effective_times)
    )
    return versions, facts


def _upcoming_due(
    cadence: Cadence, zone: tzinfo, now: datetime, *, since: datetime
) -> datetime | None:
    """The first due moment of the cadence after *now*, for a version in force from *since*.

    It may lie far ahead: the version or the cadence may start later, and a
    period can span a weekend or more. The search widens until it finds one,
    at least two years ahead.
    """
    first_day = localize(datetime.combine(cadence.start, time(0)), zone)
    begins = max(now, _instant(since), _instant(first_day))
    low, high = begins, begins + cadence.step * 2 + timedelta(days=1)
    for _ in range(_SEARCH_DOUBLINGS):
        due = next((o.due for o in cadence.occurrences(zone, low, high) if o.due > now), None)
        if due is not None:
            return due
        low, high = high, high + (high - begins)
    return None


def _period_name(schedule: Cadence | Due | None) -> str:
    """The unit a streak counts in: the cadence's period, or "time" when a period holds several.

    "Mondays, Wednesdays and Fridays" repeats weekly but is due three times a
    week: three done in a row is "3 times in a row", not "3 weeks".
    """
    if not isinstance(schedule, Cadence):
        return "time"
    if schedule.period == "week" and _SEVERAL_DAYS.search(schedule.rule):
        return "time"
    return schedule.period


_SEVERAL_DAYS: Final = re.compile(r"(?:^|;)BYDAY=[^;]*,")


def _occurrences(
    versions: Sequence[tuple[datetime, Expectation]],
    zone: tzinfo,
    start: datetime,
    now: datetime,
) -> list[Occurrence]:
    """Occurrences of every version in force, from *start* to the one open at *now*."""
    found: list[Occurrence] = []
    for index, (since, version) in enumerate(versions):
        until = versions[index + 1][0] if index + 1 < len(versions) else None
        schedule = version.schedule
        low = max(start, since)
        if until is not None and until <= low:
            continue
        if isinstance(schedule, Due):
            if schedule.at >= low and (until is None or schedule.at < until):
                found.extend(schedule.occurrences(zone, schedule.at, schedule.at + timedelta(1)))
        elif isinstance(schedule, Cadence):
            high = now + schedule.step + timedelta(days=1)
            if until is not None:
                high = min(high, until)
            found.extend(o for o in schedule.occurrences(zone, low, high) if o.opens <= now)
    found.sort(key=lambda o: o.due)
    return found


class _Matcher:
    """Finds the occurrence an event belongs to: by its named due moment, else by time."""

    def __init__(self, occurrences: Sequence[Occurrence]) -> None:
        self.by_due: dict[datetime, int] = {}
        self.periods: list[int] = []
        self.opens: list[float] = []  # timestamps: cheap to compare, same order as instants
        self.closes: list[float] = []
        self.one_off: int | None = None
        for index, occurrence in enumerate(occurrences):
            self.by_due.setdefault(occurrence.due, index)
            if occurrence.opens == occurrence.closes:
                if self.one_off is None:
                    self.one_off = index
            else:
                self.periods.append(index)
                self.opens.append(occurrence.opens.timestamp())
                self.closes.append(occurrence.closes.timestamp())

    def __call__(self, moment: datetime, due: datetime | None) -> int | None:
        if due is not None:
            named = self.by_due.get(due)
            if named is not None:
                return named
        if self.one_off is not None:
            return self.one_off  # a one-off takes anything done for it, early or late
        stamp = moment.timestamp()
        position = bisect_right(self.opens, stamp) - 1
        if position < 0 or stamp >= self.closes[position]:
            return None
        return self.periods[position]


def _status(
    occurrence: Occurrence,
    amount: float,
    reported: bool,
    excuse: str | None,
    now: datetime,
) -> OccurrenceStatus:
    if amount >= 1 - _EPSILON:
        return OccurrenceStatus.DONE
    if excuse is not None:
        # Excused, whatever was done: an excused period leaves momentum unchanged, so
        # a little progress in a hard week can never count against the client.
        return OccurrenceStatus.EXCUSED
    closed = (
        occurrence.closes <= now if occurrence.opens != occurrence.closes else occurrence.due <= now
    )
    if reported or closed:
        return OccurrenceStatus.MISSED if amount <= 0 else OccurrenceStatus.PARTLY
    return OccurrenceStatus.PENDING


def _closed(fact: OccurrenceFact, now: datetime, at: datetime | None = None) -> bool:
    """Whether an occurrence counts as settled at moment *at* (default: *now*).

    A period is settled once it closes; one fully done early is settled at
    the moment of assessment. At an earlier moment (a week ago), only periods
    that had closed by then count, since later completions were not known.
    """
    at = now if at is None else at
    occurrence = fact.occurrence
    ended = (
        occurrence.due <= at if occurrence.opens == occurrence.closes else occurrence.closes <= at
    )
    return ended or (at >= now and fact.status is OccurrenceStatus.DONE)


def _momentum_series(
    facts: Iterable[OccurrenceFact], half_life_days: float, now: datetime, earlier: datetime
) -> tuple[list[tuple[OccurrenceFact, float]], float]:
    """Blend each closed period's share into the score, period by period.

    Still-open periods are skipped. Excused periods leave the score unchanged,
    except that progress made in one still counts when it helps: an excused
    period is blended in only if that raises the score, so a hard week can
    never count against the client. Sparser habits decay more slowly: the
    half-life is divided by the square root of the completions asked per day.

    Returns the series up to *now*, and the score as it stood at *earlier*,
    blended alongside from the periods settled by then (see `_closed`).
    """
    score = then = 0.0
    series: list[tuple[OccurrenceFact, float]] = []
    for fact in facts:
        if fact.status is OccurrenceStatus.PENDING or not _closed(fact, now):
            continue
        occurrence = fact.occurrence
        decay = _decay(occurrence.closes - occurrence.opens, occurrence.times, half_life_days)
        excused = fact.status is OccurrenceStatus.EXCUSED
        if _closed(fact, now, earlier):
            blended = min(1.0, max(0.0, then * decay + fact.amount * (1 - decay)))
            if not (excused and blended <= then):
                then = blended
        blended = min(1.0, max(0.0, score * decay + fact.amount * (1 - decay)))
        if excused and blended <= score:
            continue
        score = blended
        series.append((fact, score))
    return series, then


@lru_cache(maxsize=256)
def _decay(length: timedelta, times: int, half_life_days: float) -> float:
    """How much of the score survives one period of this length asking *times* completions."""
    days = max(length.total_seconds() / 86400, 1.0)
    half_life = half_life_days / math.sqrt(times / days)
    return float(0.5 ** (days / half_life))


def _adherence(facts: Sequence[OccurrenceFact], now: datetime) -> float | None:
    """The mean share done over closed periods; excused ones count only when they help.

    Periods a setback excuses are left out, unless counting them raises the
    mean: effort in a hard week never counts against the client. The excused
    periods are added best first while each lifts the mean, which gives the
    highest mean any choice of them could, so a new setback can never lower it.
    """
    closed = [f for f in facts if f.status is not OccurrenceStatus.PENDING and _closed(f, now)]
    counted = [f.amount for f in closed if f.status is not OccurrenceStatus.EXCUSED]
    if not counted:
        return None
    total, count = sum(counted), len(counted)
    excused = (f.amount for f in closed if f.status is OccurrenceStatus.EXCUSED)
    for amount in sorted(excused, reverse=True):
        if amount * count <= total:
            break
        total, count = total + amount, count + 1
    return total / count


def _streaks(
    facts: Sequence[OccurrenceFact], now: datetime
) -> tuple[int, int, list[tuple[int, OccurrenceFact]], int]:
    """Current and best streak, each period where a run grew, and where the current run starts.

    The last value is an index into the list of periods where a run grew.
    """
    run = best = 0
    grew: list[tuple[int, OccurrenceFact]] = []
    current_from = 0
    for fact in facts:
        if fact.status is OccurrenceStatus.DONE:
            run += 1
            best = max(best, run)
            grew.append((run, fact))
        elif fact.status in (OccurrenceStatus.EXCUSED, OccurrenceStatus.PENDING):
            continue
        elif _closed(fact, now) or fact.reported:
            run = 0
            current_from = len(grew)
    return run, best, grew, current_from


def _action_at(versions: Sequence[tuple[datetime, Expectation]], moment: datetime) -> str:
    """The action of the expectation's version in force at *moment*."""
    action = versions[0][1].action
    for since, version in versions:
        if since <= moment:
            action = version.action
    return action


def _local_date(moment: datetime, zone: tzinfo) -> str:
    """The client's local date of a moment, as ISO text (for the ids of detected wins)."""
    return moment.astimezone(zone).date().isoformat()


def _slump_comebacks(
    facts: Sequence[OccurrenceFact],
    expectation: Expectation,
    versions: Sequence[tuple[datetime, Expectation]],
    now: datetime,
    zone: tzinfo,
) -> list[WinFact]:
    """The first completion after a slump: three or more missed periods over five days or more."""
    wins: list[WinFact] = []
    missed = 0
    last_done: datetime | None = None
    for fact in facts:
        if fact.status is OccurrenceStatus.MISSED and fact.excused_by is None:
            missed += 1
        elif fact.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY):
            due = min(fact.occurrence.due, now)
            away = (due - last_done).days if last_done is not None else 0
            if missed >= _SLUMP_PERIODS and away >= _SLUMP_DAYS:
                wins.append(
                    WinFact(
                        id=f"comeback:{expectation.id}:{_local_date(fact.occurrence.due, zone)}",
                        at=due,
                        source=WinSource.COMEBACK,
                        what=f"Back to {_action_at(versions, due)} after {away} days away",
                        action=_action_at(versions, due),
                        goal=expectation.goal,
                        expectation=expectation.id,
                        count=away,
                        period="day",
                    )
                )
            missed = 0
            last_done = due
    return wins


def _lapses(facts: Sequence[OccurrenceFact], spoke: Sequence[float]) -> list[datetime]:
    """Where each run of unexcused misses since the last completion began.

    Words from the client between two misses split a run; a miss the client
    reported is a lapse of its own.
    """
    starts: list[datetime] = []
    previous: datetime | None = None
    for fact in facts:
        if fact.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY):
            starts, previous = [], None
        elif fact.status is OccurrenceStatus.MISSED:
            due = fact.occurrence.due
            if previous is None or _spoke_between(spoke, previous, due) or fact.reported:
                starts.append(due)
            previous = due
    return starts


def _spoke_between(spoke: Sequence[float], start: datetime, end: datetime) -> bool:
    """Whether the client said anything in ``[start, end)`` (*spoke*: sorted timestamps)."""
    index = bisect_left(spoke, start.timestamp())
    return index < len(spoke) and spoke[index] < end.timestamp()


def _occurrence_facts(
    occurrences: Sequence[Occurrence],
    own: Sequence[Event],
    setbacks: Sequence[SetbackFacts],
    expectation_id: str,
    now: datetime,
) -> list[OccurrenceFact]:
    """What became of each occurrence, from the expectation's own completions and misses."""
    amounts = [0.0] * len(occurrences)
    reported = [False] * len(occurrences)
    match = _Matcher(occurrences)
    for event in own:
        if isinstance(event, Completion):
            index = match(event.at, event.due)
            if index is not None:
                amounts[index] += event.amount / occurrences[index].times
        elif isinstance(event, Miss):
            index = match(event.at, event.due)
            if index is not None:
                reported[index] = True
    excuses = [e for e in map(_Excuse.of, setbacks) if not e.affects or expectation_id in e.affects]
    # Most occurrences lie outside every excusing span: two comparisons rule them out.
    earliest = min((e.start for e in excuses), default=None)
    latest = max((e.until for e in excuses), default=None)
    facts: list[OccurrenceFact] = []
    for index, occurrence in enumerate(occurrences):
        excuse = (
            next((e.setback_id for e in excuses if e.covers(expectation_id, occurrence)), None)
            if earliest is not None
            and latest is not None
            and occurrence.closes >= earliest
            and occurrence.opens < latest
            else None
        )
        amount = min(1.0, amounts[index])
        status = _status(occurrence, amount, reported[index], excuse, now)
        facts.append(
            OccurrenceFact(
                occurrence=occurrence,
                status=status,
                amount=amount,
                reported=reported[index],
                excused_by=excuse if status is OccurrenceStatus.EXCUSED else None,
            )
        )
    return facts


def _assess_expectation(
    *,
    journal: Journal,
    expectation: Expectation,
    recent: Sequence[Event],
    setbacks: Sequence[SetbackFacts],
    spoke: Sequence[float],
    now: datetime,
    style: Style,
    own: Sequence[Event] | None = None,
    earlier: Sequence[Renegotiation] = (),
) -> tuple[ExpectationFacts, list[WinFact], set[str]]:
    zone = journal.agreement.tz
    history_start = now - timedelta(days=style.history_days)
    window_start = now - timedelta(days=style.window_days)
    if own is None:
        own = [e for e in recent if getattr(e, "expectation", None) == expectation.id]
    # A renegotiation agreed before the history window still holds: the terms in force
    # are read from the whole record, whatever the window.
    renegotiations = [*earlier, *(e for e in own if isinstance(e, Renegotiation))]
    versions, renegotiation_facts = _versions(
        expectation=expectation,
        renegotiations=renegotiations,
        setbacks=setbacks,
        now=now,
        style=style,
        zone=zone,
    )
    current = versions[-1][1]
    occurrences = _occurrences(versions, zone, history_start, now)
    facts = _occurrence_facts(occurrences, own, setbacks, expectation.id, now)
    adherence = _adherence([f for f in facts if f.occurrence.due >= window_start], now)
    series, momentum_week_ago = _momentum_series(
        facts, style.half_life_days, now, now - timedelta(days=7)
    )
    momentum = series[-1][1] if series else 0.0
    streak, best, grew, current_from = _streaks(facts, now)
    lapse_starts = _lapses(facts, spoke)
    closed = [
        f
        for f in facts
        if f.status not in (OccurrenceStatus.EXCUSED, OccurrenceStatus.PENDING) and _closed(f, now)
    ]
    asked = current.schedule.times if isinstance(current.schedule, Cadence) else 1
    share = sum(f.amount for f in closed) / len(closed) if closed else 0.0
    realism = Realism(
        asked=asked,
        share=share,
        periods=len(closed),
        realistic=None if len(closed) < 3 else share >= style.realism_threshold,
    )
    overdue = any(
        f.status in (OccurrenceStatus.PENDING, OccurrenceStatus.MISSED, OccurrenceStatus.PARTLY)
        and f.amount < 1 - _EPSILON
        and f.occurrence.due <= now
        and (now < f.occurrence.closes or f.occurrence.opens == f.occurrence.closes)
        for f in facts
    )
    next_due = next(
        (
            f.occurrence.due
            for f in facts
            if f.status is OccurrenceStatus.PENDING and f.occurrence.due > now
        ),
        None,
    )
    if next_due is None and isinstance(current.schedule, Cadence):
        next_due = _upcoming_due(current.schedule, zone, now, since=versions[-1][0])
    period = _period_name(current.schedule)
    wins: list[WinFact] = []
    current_milestone: WinFact | None = None
    milestones = set(style.streak_milestones)
    for index, (length, fact) in enumerate(grew):
        if length in milestones and fact.occurrence.due >= window_start:
            then = _action_at(versions, fact.occurrence.due)
            wins.append(
                WinFact(
                    id=f"streak:{expectation.id}:{length}:{_local_date(fact.occurrence.due, zone)}",
                    at=min(fact.occurrence.due, now),
                    source=WinSource.STREAK,
                    what=f"{then}: {length} {period}s in a row",
                    action=then,
                    count=length,
                    period=period,
                    size=WinSize.MILESTONE
                    if length >= 30
                    else WinSize.BIG
                    if length >= 7
                    else WinSize.SMALL,
                    goal=expectation.goal,
                    expectation=expectation.id,
                )
            )
            if index >= current_from:
                current_milestone = wins[-1]
    wins.extend(
        w for w in _slump_comebacks(facts, expectation, versions, now, zone) if w.at >= window_start
    )
    wins.extend(
        _momentum_wins(
            zone=zone,
            series=series,
            expectation=expectation,
            current=current,
            window_start=window_start,
            now=now,
            style=style,
        )
    )
    return (
        ExpectationFacts(
            expectation=current,
            occurrences=tuple(facts),
            next_due=next_due,
            overdue=overdue,
            lapses=len(lapse_starts),
            lapse_starts=tuple(lapse_starts),
            adherence=adherence,
            momentum=momentum,
            momentum_week_ago=momentum_week_ago,
            streak=streak,
            best_streak=best,
            period=period,
            realism=realism,
            renegotiations=renegotiation_facts,
        ),
        wins,
        _worth_celebrating(wins, current_milestone, now, style),
    )


def _worth_celebrating(
    wins: Sequence[WinFact], milestone: WinFact | None, now: datetime, style: Style
) -> set[str]:
    """The detected wins still worth celebrating.

    Fresh ones, and of streaks only the current run's highest milestone: a
    lower one is superseded, and a broken run's is stale.
    """
    recent = now - timedelta(days=style.recent_days)
    worth = {w.id for w in wins if w.source is not WinSource.STREAK and w.at >= recent}
    if milestone is not None:
        worth.add(milestone.id)
    return worth


def _momentum_wins(
    *,
    zone: tzinfo,
    series: Sequence[tuple[OccurrenceFact, float]],
    expectation: Expectation,
    current: Expectation,
    window_start: datetime,
    now: datetime,
    style: Style,
) -> list[WinFact]:
    """A win each time momentum climbs back past the threshold after falling below it."""
    wins: list[WinFact] = []
    threshold = style.momentum_recovered
    been_above = dipped = False
    for fact, score in series:
        if score >= threshold:
            if dipped and fact.occurrence.due >= window_start:
                wins.append(
                    WinFact(
                        id=f"momentum:{expectation.id}:{_local_date(fact.occurrence.due, zone)}",
                        at=min(fact.occurrence.due, now),
                        source=WinSource.MOMENTUM,
                        what=f"Momentum is back above {threshold:.0%}: {current.action}",
                        action=current.action,
                        goal=expectation.goal,
                        expectation=expectation.id,
                    )
                )
            been_above, dipped = True, False
        elif been_above:
            dipped = True
    return wins


def _instant(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _events_before(journal: Journal, moment: datetime) -> int:
    """How many events happened at or before *moment* (an index into the events)."""
    return bisect_left(journal.events, moment.timestamp() + 1e-6, key=_at)


def _at(event: Event) -> float:
    return event.at.timestamp()


def _last_spoke(journal: Journal, end: int) -> datetime | None:
    for index in range(end - 1, -1, -1):
        event = journal.events[index]
        if _spoke(event):
            return event.at
    return None


def _comeback_wins(
    setbacks: Sequence[SetbackFacts], recent: Sequence[Event], window_start: datetime
) -> list[WinFact]:
    wins: list[WinFact] = []
    for facts in setbacks:
        after = facts.setback.end if facts.setback.end is not None else facts.setback.at
        first = next((e for e in recent if isinstance(e, Completion) and e.at > after), None)
        if first is not None and first.at >= window_start:
            wins.append(
                WinFact(
                    id=f"comeback:{facts.setback.id}",
                    at=first.at,
                    source=WinSource.COMEBACK,
                    what="The first completion after a setback",
                    expectation=first.expectation,
                )
            )
    return wins


def _outcome_wins(
    journal: Journal, recent: Sequence[Event], window_start: datetime
) -> list[WinFact]:
    wins: list[WinFact] = []
    last: dict[str, float] = {}
    for goal in journal.goals:
        if goal.outcome is not None and goal.outcome.baseline is not None:
            last[goal.id] = goal.outcome.baseline
    for event in recent:
        if not isinstance(event, CheckIn) or event.measure is None or event.goal is None:
            continue
        outcome = journal.goal(event.goal).outcome
        if outcome is None:
            continue
        previous = last.get(event.goal)
        last[event.goal] = event.measure
        if previous is None or event.at < window_start:
            continue
        if abs(outcome.target - event.measure) < abs(outcome.target - previous):
            unit = f" {outcome.unit}" if outcome.unit else ""
            wins.append(
                WinFact(
                    id=f"outcome:{event.id}",
                    at=event.at,
                    source=WinSource.OUTCOME,
                    what=f"\u201c{outcome.measure}\u201d went from {previous:g}{unit} to "
                    f"{event.measure:g}{unit}",
                    goal=event.goal,
                )
            )
    return wins


def _with_excuses(
    setbacks: tuple[SetbackFacts, ...], facts: Sequence[ExpectationFacts]
) -> tuple[SetbackFacts, ...]:
    excused: dict[str, list[tuple[str, datetime]]] = {s.setback.id: [] for s in setbacks}
    for expectation in facts:
        for fact in expectation.occurrences:
            if fact.excused_by is not None:
                excused[fact.excused_by].append((expectation.expectation.id, fact.occurrence.due))
    return tuple(
        attrs.evolve(s, excuses=tuple(sorted(excused[s.setback.id], key=lambda p: (p[1], p[0]))))
        for s in setbacks
    )


CHECK_IN_ID: Final = "agreement:check-in"
"""The id of the pseudo-expectation that stands for the agreed check-in cadence."""


def _check_in_facts(  # noqa: PLR0917 - a private helper of assess(), called once
    journal: Journal,
    recent: Sequence[Event],
    setbacks: Sequence[SetbackFacts],
    spoke: Sequence[float],
    now: datetime,
    style: Style,
) -> ExpectationFacts | None:
    agreement = journal.agreement
    if agreement.check_in is None:
        return None
    expectation = Expectation(
        id=CHECK_IN_ID,
        goal=CHECK_IN_ID,
        action="Check in",
        done_when="A check-in is recorded",
        schedule=agreement.check_in,
        agreed_at=agreement.agreed_at,
        proposed_by=Party.CLIENT,
    )
    own = [
        Completion(id=e.id, at=e.at, expectation=CHECK_IN_ID)
        for e in recent
        if isinstance(e, CheckIn)
    ]
    facts, _, _ = _assess_expectation(
        journal=journal,
        expectation=expectation,
        recent=recent,
        setbacks=setbacks,
        spoke=spoke,
        now=now,
        style=style,
        own=own,
    )
    return facts


def assess(journal: Journal, now: datetime, style: Style | None = None) -> Assessment:
    """Derive the facts a coach would look at, from a journal at a moment.

    A pure function: it never reads the clock, and the same journal, moment
    and style always give the same assessment. Events after *now* are
    ignored.

    Args:
        journal: The client's journal.
        now: The moment of assessment (aware).
        style: The thresholds to use; the defaults when None.

    Returns:
        The assessment.

    Raises:
        NaiveDatetimeError: If *now* has no zone.
        InvalidValueError: If *journal* or *style* is not what it should be.

    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> facts = assess(example_journal(), EXAMPLE_NOW)
    >>> [(f.expectation.id, f.streak, f.period) for f in facts.expectations]
    [('run', 2, 'week'), ('stretch', 2, 'day')]
    >>> [win.source.value for win in facts.uncelebrated]
    ['reported', 'outcome']
    """
    v.check_aware("now", now)
    if not isinstance(journal, Journal):
        raise v.InvalidValueError("journal", journal, "expected a Journal")
    style = style if style is not None else Style()
    if not isinstance(style, Style):
        raise v.InvalidValueError("style", style, "expected a Style")
    given = now
    # Work in UTC: two datetimes sharing a ZoneInfo compare by wall time, which misorders
    # the repeated autumn hour. Everything below compares instants.
    now = now.astimezone(UTC)
    end = _events_before(journal, now)
    history_start = now - timedelta(days=style.history_days)
    window_start = now - timedelta(days=style.window_days)
    low = bisect_left(journal.events, history_start.timestamp(), hi=end, key=_at)
    recent = journal.events[low:end]
    grace = journal.agreement.grace
    setback_start = history_start - timedelta(days=max(grace.major_days, grace.crisis_days) + 1)
    setback_low = bisect_left(journal.events, setback_start.timestamp(), hi=end, key=_at)
    setbacks = tuple(
        _setback_facts(journal, e, now)
        for e in journal.events[setback_low:end]
        if isinstance(e, Setback)
    )
    spoke = [e.at.timestamp() for e in recent if _spoke(e)]
    own: dict[str | None, list[Event]] = {}
    for event in recent:
        own.setdefault(getattr(event, "expectation", None), []).append(event)
    earlier = _renegotiations_before(journal, low)
    expectation_facts: list[ExpectationFacts] = []
    wins: list[WinFact] = []
    worth: set[str] = set()
    for expectation in journal.expectations:
        facts, detected, fresh = _assess_expectation(
            journal=journal,
            expectation=expectation,
            recent=recent,
            setbacks=setbacks,
            spoke=spoke,
            now=now,
            style=style,
            own=own.get(expectation.id, []),
            earlier=earlier.get(expectation.id, ()),
        )
        expectation_facts.append(facts)
        wins.extend(detected)
        worth |= fresh
    check_ins = _check_in_facts(journal, recent, setbacks, spoke, now, style)
    setbacks = _with_excuses(setbacks, [*expectation_facts, *([check_ins] if check_ins else [])])
    # Slices by binary search: comparing datetimes in different zones is slow.
    in_window = recent[bisect_left(recent, window_start.timestamp(), key=_at) :]
    wins.extend(
        WinFact(
            id=e.id,
            at=e.at,
            source=WinSource.REPORTED,
            what=e.what,
            size=e.size,
            goal=e.goal,
            expectation=e.expectation,
        )
        for e in in_window
        if isinstance(e, Win)
    )
    recent_start = now - timedelta(days=style.recent_days)
    for detected in (
        _comeback_wins(setbacks, recent, window_start),
        _outcome_wins(journal, recent, window_start),
    ):
        wins.extend(detected)
        worth.update(w.id for w in detected if w.at >= recent_start)
    wins.sort(key=lambda w: (w.at.astimezone(UTC), w.id))
    celebrated = {win_id for e in recent if isinstance(e, FollowUpSent) for win_id in e.celebrated}
    crisis = [
        s.grace_until for s in setbacks if s.in_grace and s.setback.severity is Severity.CRISIS
    ]
    last_spoke = _last_spoke(journal, end)
    renegotiation_start = now - timedelta(days=style.renegotiation_window_days)
    renegotiations = [
        e
        for e in recent[bisect_left(recent, renegotiation_start.timestamp(), key=_at) :]
        if isinstance(e, Renegotiation)
    ]
    confidence = next(
        (
            e.confidence
            for e in reversed(in_window)
            if isinstance(e, CheckIn) and e.confidence is not None
        ),
        None,
    )
    week_start = now - _FOLLOW_UP_WEEK
    follow_ups = tuple(e for e in recent if isinstance(e, FollowUpSent))
    last_follow_up = follow_ups[-1] if follow_ups else None
    done_from = (
        bisect_right(recent, last_follow_up.at.timestamp(), key=_at)
        if last_follow_up is not None
        else 0
    )
    last_follow_up_at = last_follow_up.at.timestamp() if last_follow_up is not None else 0.0
    # What the client said recently may reach past the history window: recent_days is
    # not bounded by history_days.
    said_low = bisect_left(
        journal.events, (now - timedelta(days=style.recent_days)).timestamp(), hi=end, key=_at
    )
    return Assessment(
        now=given,
        zone=journal.agreement.zone,
        agreement=journal.agreement,
        goals=journal.goals,
        agreed_expectations=journal.expectations,
        expectations=tuple(expectation_facts),
        check_ins=check_ins,
        wins=tuple(wins),
        uncelebrated=tuple(
            w
            for w in wins
            if w.id not in celebrated and (w.source is WinSource.REPORTED or w.id in worth)
        ),
        setbacks=setbacks,
        crisis_until=max(crisis, key=_instant) if crisis else None,
        last_spoke=last_spoke,
        silence=now - last_spoke if last_spoke is not None else None,
        honest_misses=tuple(e for e in in_window if isinstance(e, Miss)),
        confidence=confidence,
        reflections=tuple(e for e in recent if isinstance(e, Reflection)),
        renegotiations_recent=len(renegotiations),
        easier_requests_recent=sum(r.direction is Direction.EASIER for r in renegotiations),
        unanswered=tuple(
            e
            for e in journal.events[said_low:end]
            if _talk(e) and (last_follow_up is None or e.at.timestamp() > last_follow_up_at)
        ),
        said_recently=tuple(e for e in journal.events[said_low:end] if _spoke(e)),
        follow_ups=follow_ups,
        last_follow_up=last_follow_up,
        follow_ups_last_week=sum(
            isinstance(e, FollowUpSent)
            for e in recent[bisect_left(recent, week_start.timestamp(), key=_at) :]
        ),
        completions_since_last_follow_up=tuple(
            e for e in recent[done_from:] if isinstance(e, Completion)
        ),
        style=style,
    )
