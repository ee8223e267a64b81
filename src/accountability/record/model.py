"""The record: goals, expectations, the agreement and the events of a coaching relationship.

Everything here is a frozen, slotted attrs class. A change is a new value
(`attrs.evolve`); nothing is mutated. Every field is checked on
construction, and a refusal is an
[`InvalidValueError`][accountability.exceptions.InvalidValueError] naming the
field and the value.

Events are facts with an id and an aware timestamp. They carry no verdict on
the person: a [`Miss`][accountability.record.Miss] is something the client told us,
not a failure we detected.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo

import attrs

from accountability import _validate as v
from accountability.exceptions import InvalidValueError
from accountability.record.schedule import Cadence, Due, Schedule, localize

__all__ = [
    "EVENT_TYPES",
    "FIRMNESS_LADDER",
    "MAX_FIRMNESS",
    "Agreement",
    "Cause",
    "CheckIn",
    "Completion",
    "Contact",
    "Direction",
    "Directness",
    "Event",
    "Expectation",
    "FollowUpKind",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Miss",
    "Outcome",
    "Party",
    "QuietHours",
    "Reflection",
    "ReflectionKind",
    "Renegotiation",
    "SentMove",
    "Setback",
    "Severity",
    "SmartGap",
    "SmartGapKind",
    "Win",
    "WinSize",
    "firmness_name",
    "smart_gaps",
]

MAX_FIRMNESS: Final = 3
"""The top of the firmness ladder: 0 open door, 1 gentle reminder, 2 clear ask, 3 challenge."""

FIRMNESS_LADDER: Final = ("open door", "gentle reminder", "clear ask", "challenge with care")
"""The name of each step of the firmness ladder, from 0 to 3."""


def firmness_name(firmness: int) -> str:
    """The name of a step of the firmness ladder.

    >>> firmness_name(2)
    'clear ask'
    """
    return FIRMNESS_LADDER[max(0, min(firmness, len(FIRMNESS_LADDER) - 1))]


class GoalStatus(StrEnum):
    """Where a goal stands. Releasing a goal is a choice the client makes, not a failure."""

    ACTIVE = "active"
    """The client is working toward it."""

    PAUSED = "paused"
    """Set aside for now, by the client's choice."""

    ACHIEVED = "achieved"
    """Reached."""

    RELEASED = "released"
    """Let go, by the client's choice: a decision, not a failure."""


class Party(StrEnum):
    """Who proposed something: the client or the coach."""

    CLIENT = "client"
    """The client proposed it: a commitment of their own is quoted back as theirs."""

    COACH = "coach"
    """The coach proposed it."""


class Cause(StrEnum):
    """Whether a setback came from inside (energy, motivation) or outside (illness, family)."""

    INTERNAL = "internal"
    """From within: energy, motivation, mood."""

    EXTERNAL = "external"
    """From outside: illness, family, work."""


class Severity(StrEnum):
    """How hard a setback hit. It decides the grace window (see `Grace`)."""

    MINOR = "minor"
    """Excuses the misses it explains, and opens no grace window."""

    MAJOR = "major"
    """Excuses the misses it explains and opens a grace window (7 days by default) in
    which the follow-up offers to adjust rather than ask."""

    CRISIS = "crisis"
    """Opens a grace window (14 days by default) with no asks or challenges at all."""


class WinSize(StrEnum):
    """How big a win is. Small wins are celebrated too."""

    SMALL = "small"
    """An everyday win. Small wins are celebrated too."""

    BIG = "big"
    """A big step, such as the longest run so far."""

    MILESTONE = "milestone"
    """A milestone on the way to the goal."""


class Direction(StrEnum):
    """Whether a renegotiation makes an expectation easier or harder to meet."""

    EASIER = "easier"
    """Easier to meet: it takes effect after the renegotiation horizon (7 days by
    default), or at once when a setback justifies it."""

    HARDER = "harder"
    """Harder to meet: it takes effect at once."""


class ReflectionKind(StrEnum):
    """What a client's reflection speaks about."""

    MOTIVATION = "motivation"
    """What draws the client toward the goal."""

    FEAR = "fear"
    """What the client is afraid of, such as failing again."""

    OBSTACLE = "obstacle"
    """What stands in the way."""

    INSIGHT = "insight"
    """Something the client has come to see about themselves or the work."""


class Directness(StrEnum):
    """How plainly the client has asked to be spoken to."""

    GENTLE = "gentle"
    """Softly: follow-ups never climb past a clear ask (firmness 2)."""

    BALANCED = "balanced"
    """The defaults coaches start from."""

    DIRECT = "direct"
    """Plainly: reconnect sooner after a silence (5 days by default)."""


class FollowUpKind(StrEnum):
    """What a follow-up does, as a coach would name it."""

    CELEBRATE = "celebrate"
    """Celebrates a win before anything else."""

    CHECK_IN = "check_in"
    """Checks in: acknowledges, and asks an open question rather than a commitment."""

    RECONNECT = "reconnect"
    """Reconnects with curiosity after a silence (7 days by default)."""

    REMIND = "remind"
    """A gentle reminder after a lapse, often with why the client started."""

    ASK_RECOMMITMENT = "ask_recommitment"
    """Asks the client to recommit to a step by a date."""

    OFFER_RENEGOTIATION = "offer_renegotiation"
    """Offers a smaller step, or to adjust the commitment."""

    SUPPORT_SETBACK = "support_setback"
    """Stands by the client through a setback, asking nothing."""

    CHALLENGE = "challenge"
    """Challenges with care: empathy first, then one step by a date, the choice
    left to the client."""

    OPEN_DOOR = "open_door"
    """Leaves the door open after a long silence (21 days by default) and slows
    down rather than chase."""

    WAIT = "wait"
    """Nothing to send now."""


# --- Goals and expectations -------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Outcome:
    """A measurable outcome for a goal: "run 10 km", "save 3000 EUR".

    Attributes:
        measure: What is measured, in words ("distance of my long run").
        target: The value that means the goal is reached.
        unit: The unit of the measure ("km"), or empty.
        baseline: Where the client started, if known.
    """

    measure: str = attrs.field(validator=v.text(max_length=500))
    target: float = attrs.field(validator=v.number())
    unit: str = attrs.field(default="", validator=v.text(required=False, max_length=50))
    baseline: float | None = attrs.field(default=None, validator=v.optional_number())


@attrs.frozen(kw_only=True)
class Goal:
    """Something the client wants, and why, in their own words.

    Attributes:
        id: A stable id, unique among the journal's goals.
        title: A short name for the goal.
        why: Why the client wants it, in their own words. Follow-ups quote it
            back when momentum drops, so keep it verbatim.
        outcome: An optional measurable outcome.
        target_date: An optional local date to reach it by.
        status: Where the goal stands.

    >>> Goal(id="run", title="Run a 10k", why="I want to keep up with my kids").status
    <GoalStatus.ACTIVE: 'active'>
    """

    id: str = attrs.field(validator=v.identifier)
    title: str = attrs.field(validator=v.text(max_length=500))
    why: str = attrs.field(validator=v.text())
    outcome: Outcome | None = attrs.field(default=None, validator=v.optional_instance_of(Outcome))
    target_date: date | None = attrs.field(default=None, validator=v.optional_calendar_date)
    status: GoalStatus = attrs.field(default=GoalStatus.ACTIVE, validator=v.member_of(GoalStatus))


@attrs.frozen(kw_only=True)
class IfThen:
    """An implementation intention: when the obstacle shows up, the client does the response.

    Attributes:
        obstacle: The situation, in the client's words ("I work late").
        response: What they will do then ("I run the next morning").
    """

    obstacle: str = attrs.field(validator=v.text(max_length=1000))
    response: str = attrs.field(validator=v.text(max_length=1000))


def _check_due_after_agreement(expectation: Expectation) -> None:
    schedule = expectation.schedule
    if isinstance(schedule, Due) and schedule.at < expectation.agreed_at:
        raise InvalidValueError(
            "Expectation.schedule.at",
            schedule.at,
            f"is before the moment it was agreed ({expectation.agreed_at.isoformat()})",
        )


@attrs.frozen(kw_only=True)
class Expectation:
    """A commitment: a specific action, how to tell it is done, and when.

    SMART gaps (no done-when, no schedule, a vague action) are allowed:
    [`smart_gaps`][accountability.record.smart_gaps] reports them as warnings
    rather than refusing them.

    Attributes:
        id: A stable id, unique among the journal's expectations.
        goal: The id of the goal it serves.
        action: What the client will do ("run 5 km").
        done_when: How anyone can tell it is done ("logged in the app").
        schedule: One due moment, a recurring cadence, or None.
        agreed_at: When it was agreed (aware).
        proposed_by: Who proposed it. Client-proposed commitments are quoted
            as the client's own.
        plan: An optional if-then plan for the obstacle most likely to get in
            the way.
        name: A short name for the habit, as the client would say it
            ("morning walk"), or empty. Follow-ups then speak of "your
            morning walks" instead of quoting the action.

    Raises:
        InvalidValueError: If a one-off due moment is before ``agreed_at``.
    """

    id: str = attrs.field(validator=v.identifier)
    goal: str = attrs.field(validator=v.identifier)
    action: str = attrs.field(validator=v.text(max_length=1000))
    agreed_at: datetime = attrs.field(validator=v.aware)
    done_when: str = attrs.field(default="", validator=v.text(required=False, max_length=1000))
    schedule: Schedule | None = attrs.field(
        default=None, validator=v.optional_instance_of(Due, Cadence)
    )
    proposed_by: Party = attrs.field(default=Party.CLIENT, validator=v.member_of(Party))
    plan: IfThen | None = attrs.field(default=None, validator=v.optional_instance_of(IfThen))
    name: str = attrs.field(default="", validator=v.text(required=False, max_length=100))

    def __attrs_post_init__(self) -> None:
        _check_due_after_agreement(self)


class SmartGapKind(StrEnum):
    """Which SMART quality an expectation lacks."""

    SPECIFIC = "specific"
    """The action could name a more concrete act."""

    MEASURABLE = "measurable"
    """There is no done-when criterion."""

    TIME_BOUND = "time_bound"
    """There is no due moment or cadence."""


@attrs.frozen(kw_only=True)
class SmartGap:
    """A warning that an expectation could be clearer. Never a refusal.

    Attributes:
        kind: The SMART quality that is missing.
        field: The expectation's field the warning is about.
        message: A suggestion in plain words, for the coach.
    """

    kind: SmartGapKind
    field: str
    message: str


_VAGUE: Final = re.compile(
    r"\b(more|less|better|healthier|try|trying|some|somehow|work on|focus on|improve|"
    r"be (?:more|less)|get (?:better|fit|healthy|organi[sz]ed)|a bit|as much as|when i can|"
    r"sometimes|often|regularly)\b",
    re.IGNORECASE,
)
_HAS_NUMBER: Final = re.compile(r"\d|\b(one|two|three|four|five|ten|twenty|thirty|once|twice)\b")


def smart_gaps(expectation: Expectation) -> tuple[SmartGap, ...]:
    """Report what would make an expectation clearer, as warnings.

    An expectation is specific when its action names a concrete act,
    measurable when it has a done-when criterion, and time-bound when it
    has a schedule. Realism is judged later, against the client's history.

    Args:
        expectation: The expectation to look at.

    Returns:
        The gaps found, possibly none.

    >>> from datetime import datetime, timezone
    >>> loose = Expectation(id="e", goal="g", action="exercise more",
    ...                     agreed_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    >>> [gap.kind.value for gap in smart_gaps(loose)]
    ['specific', 'measurable', 'time_bound']
    """
    if not isinstance(expectation, Expectation):
        raise InvalidValueError("expectation", expectation, "expected an Expectation")
    gaps: list[SmartGap] = []
    action = expectation.action.strip()
    vague = _VAGUE.search(action)
    if vague or (len(action.split()) < 2 and not _HAS_NUMBER.search(action)):
        hint = f" ('{vague.group(0)}' leaves it open)" if vague else ""
        gaps.append(
            SmartGap(
                kind=SmartGapKind.SPECIFIC,
                field="action",
                message=(
                    f"The action '{action}' could be more concrete{hint}. A specific act, "
                    "such as 'walk for 20 minutes after lunch', is easier to start and to "
                    "recognise as done."
                ),
            )
        )
    if not expectation.done_when.strip():
        gaps.append(
            SmartGap(
                kind=SmartGapKind.MEASURABLE,
                field="done_when",
                message=(
                    "There is no done-when criterion. Agreeing together how you will both "
                    "know it is done avoids guessing later."
                ),
            )
        )
    if expectation.schedule is None:
        gaps.append(
            SmartGap(
                kind=SmartGapKind.TIME_BOUND,
                field="schedule",
                message=(
                    "There is no due moment or cadence. A time bound, such as 'by Friday' "
                    "or 'every weekday at 07:00', gives the commitment a shape."
                ),
            )
        )
    return tuple(gaps)


# --- The agreement ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class QuietHours:
    """Local hours in which no follow-up is sent. They may wrap midnight.

    Attributes:
        start: When the quiet hours begin (local wall time).
        end: When they end (local wall time). Equal to ``start`` means none.

    >>> from datetime import time
    >>> QuietHours().contains(time(23, 30)), QuietHours().contains(time(12))
    (True, False)
    """

    start: time = attrs.field(default=time(21), validator=v.wall_time)
    end: time = attrs.field(default=time(8), validator=v.wall_time)

    def contains(self, moment: time) -> bool:
        """Whether a local wall time falls inside the quiet hours."""
        if not isinstance(moment, time):
            raise InvalidValueError("moment", moment, "expected a local time of day")
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def first_moment_outside(self, moment: datetime, zone: tzinfo) -> datetime:
        """The first moment at or after *moment* outside the quiet hours, on *zone*'s clock.

        The result is in *zone*. When the quiet hours end on a wall time
        repeated in autumn, the earlier reading that is still later than
        *moment* is taken; instants are compared, never wall times.

        Raises:
            NaiveDatetimeError: If *moment* has no zone.

        >>> from zoneinfo import ZoneInfo
        >>> berlin = ZoneInfo("Europe/Berlin")
        >>> late = datetime(2026, 3, 6, 23, 30, tzinfo=berlin)
        >>> print(QuietHours().first_moment_outside(late, berlin))
        2026-03-07 08:00:00+01:00
        """
        v.check_aware("moment", moment)
        local = moment.astimezone(zone)
        if not self.contains(local.time()):
            return local
        instant = moment.astimezone(UTC)
        for day in (local.date(), local.date() + timedelta(days=1)):
            wall = datetime.combine(day, self.end)
            # Both readings of a wall time repeated in autumn, earlier first.
            for end in (localize(wall, zone), wall.replace(tzinfo=zone, fold=1)):
                if end.astimezone(UTC) > instant:
                    return end
        return local  # unreachable: the end of the quiet hours comes within a day


@attrs.frozen(kw_only=True)
class Grace:
    """How long a setback suspends firmness, in days.

    A minor setback excuses the misses it explains but opens no window. A
    major one opens a window in which the follow-up offers to adjust. A
    crisis opens a window with no asks at all.

    Attributes:
        major_days: The grace window after a major setback.
        crisis_days: The grace window after a crisis.
    """

    major_days: int = attrs.field(default=7, validator=v.integer(0, 365))
    crisis_days: int = attrs.field(default=14, validator=v.integer(0, 365))


@attrs.frozen(kw_only=True)
class Agreement:
    """What coach and client agreed about how they work together.

    Attributes:
        zone: The client's IANA time zone name, such as ``"Europe/Berlin"``.
        agreed_at: When the agreement was made (aware).
        check_in: How often the client checks in, if agreed.
        quiet_hours: Local hours in which nothing is sent.
        weekly_cap: The most follow-ups in any seven days (0 to 21).
        directness: How plainly the client asked to be spoken to.
        peer_consent: Whether the client agreed to peer accountability.
        grace: The grace windows for setbacks.

    Raises:
        UnknownZoneError: If ``zone`` is not an IANA zone name.
    """

    zone: str = attrs.field(validator=v.zone_name)
    agreed_at: datetime = attrs.field(validator=v.aware)
    check_in: Cadence | None = attrs.field(default=None, validator=v.optional_instance_of(Cadence))
    quiet_hours: QuietHours = attrs.field(factory=QuietHours, validator=v.instance_of(QuietHours))
    weekly_cap: int = attrs.field(default=3, validator=v.integer(0, 21))
    directness: Directness = attrs.field(
        default=Directness.BALANCED, validator=v.member_of(Directness)
    )
    peer_consent: bool = attrs.field(default=False, validator=v.boolean)
    grace: Grace = attrs.field(factory=Grace, validator=v.instance_of(Grace))

    @property
    def tz(self) -> ZoneInfo:
        """The client's zone as a `zoneinfo.ZoneInfo`."""
        return v.load_zone(self.zone)


# --- Events -----------------------------------------------------------------------------
# Events are slotted without a weakref slot: a journal holds many of them.


@attrs.frozen(kw_only=True, weakref_slot=False)
class CheckIn:
    """The client checked in: how it is going, in their words.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When (aware).
        progress: How it is going, in the client's words.
        confidence: How confident they feel, 0 to 10, if asked.
        note: Anything else they said.
        goal: The goal it is about, if one.
        measure: A reading of the goal's outcome measure, if given.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    progress: str = attrs.field(default="", validator=v.text(required=False))
    confidence: int | None = attrs.field(default=None, validator=v.optional_integer(0, 10))
    note: str = attrs.field(default="", validator=v.text(required=False))
    goal: str | None = attrs.field(default=None, validator=v.optional_identifier)
    measure: float | None = attrs.field(default=None, validator=v.optional_number())


@attrs.frozen(kw_only=True, weakref_slot=False)
class Completion:
    """An occurrence of an expectation was done, fully or in part.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When it was done (aware).
        expectation: The id of the expectation.
        amount: The share done, more than 0 and at most 1 (1 is fully done).
        due: The due moment it fulfils, if the client named one.
        note: The client's words about it.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    expectation: str = attrs.field(validator=v.identifier)
    amount: float = attrs.field(default=1.0, validator=v.number(low=0, high=1, low_open=True))
    due: datetime | None = attrs.field(default=None, validator=v.optional_aware)
    note: str = attrs.field(default="", validator=v.text(required=False))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Miss:
    """The client told us an occurrence was not done. Honest reporting, not a verdict.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When the client said so (aware).
        expectation: The id of the expectation.
        due: The due moment that was missed, if named.
        reason: What got in the way, in the client's words.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    expectation: str = attrs.field(validator=v.identifier)
    due: datetime | None = attrs.field(default=None, validator=v.optional_aware)
    reason: str = attrs.field(default="", validator=v.text(required=False))


def _check_span(setback: Setback) -> None:
    if setback.end is not None and setback.end < setback.start:
        raise InvalidValueError(
            "Setback.end", setback.end, f"is before its start ({setback.start.isoformat()})"
        )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Setback:
    """Something got in the way. The client is believed by default.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When the client told us (aware).
        what: What happened, in the client's words. Private: never shown to
            peers without consent.
        severity: Minor, major or crisis; it decides the grace window.
        cause: Internal or external.
        affects: The ids of the expectations it affects; empty means all.
        start: When it began; defaults to ``at``.
        end: When it ended, or None while it goes on.

    Raises:
        InvalidValueError: If ``end`` is before ``start``.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    what: str = attrs.field(validator=v.text())
    severity: Severity = attrs.field(validator=v.member_of(Severity))
    cause: Cause = attrs.field(default=Cause.EXTERNAL, validator=v.member_of(Cause))
    affects: frozenset[str] = attrs.field(default=frozenset(), validator=v.identifiers)
    start: datetime = attrs.field(
        default=attrs.Factory(lambda self: self.at, takes_self=True), validator=v.aware
    )
    end: datetime | None = attrs.field(default=None, validator=v.optional_aware)

    def __attrs_post_init__(self) -> None:
        _check_span(self)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Win:
    """Something went well, as the client told it.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When (aware).
        what: The win, in the client's words.
        size: Small, big or a milestone. Small wins count.
        goal: The goal it is about, if one.
        expectation: The expectation it is about, if one.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    what: str = attrs.field(validator=v.text())
    size: WinSize = attrs.field(default=WinSize.SMALL, validator=v.member_of(WinSize))
    goal: str | None = attrs.field(default=None, validator=v.optional_identifier)
    expectation: str | None = attrs.field(default=None, validator=v.optional_identifier)


def _check_changes_something(renegotiation: Renegotiation) -> None:
    if (renegotiation.action, renegotiation.done_when, renegotiation.schedule) == (None,) * 3:
        raise InvalidValueError(
            "Renegotiation.action",
            None,
            "a renegotiation changes at least one of action, done_when or schedule",
        )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Renegotiation:
    """A change to an expectation, proposed by the client or the coach.

    The journal records the proposal; when it takes effect (an easier change
    after a horizon, a harder one at once) is decided when the journal is
    assessed. Fields left as None stay as they were.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When it was proposed (aware).
        expectation: The id of the expectation it changes.
        direction: Easier or harder.
        reason: Why, in the proposer's words.
        proposed_by: Who proposed it.
        action: The new action, or None to keep it.
        done_when: The new done-when criterion, or None to keep it.
        schedule: The new schedule, or None to keep it.

    Raises:
        InvalidValueError: If it changes nothing.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    expectation: str = attrs.field(validator=v.identifier)
    direction: Direction = attrs.field(validator=v.member_of(Direction))
    reason: str = attrs.field(default="", validator=v.text(required=False))
    proposed_by: Party = attrs.field(default=Party.CLIENT, validator=v.member_of(Party))
    action: str | None = attrs.field(default=None, validator=v.optional_text)
    done_when: str | None = attrs.field(default=None, validator=v.optional_text)
    schedule: Schedule | None = attrs.field(
        default=None, validator=v.optional_instance_of(Due, Cadence)
    )

    def __attrs_post_init__(self) -> None:
        _check_changes_something(self)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Reflection:
    """The client's own words about what moves them, scares them or stands in the way.

    Follow-ups quote reflections back verbatim; they never paraphrase them
    into judgment. Private: never shown to peers without consent.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When (aware).
        kind: Motivation, fear, obstacle or insight.
        words: The client's words, verbatim.
        goal: The goal it is about, if one.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    kind: ReflectionKind = attrs.field(validator=v.member_of(ReflectionKind))
    words: str = attrs.field(validator=v.text())
    goal: str | None = attrs.field(default=None, validator=v.optional_identifier)


@attrs.frozen(kw_only=True, weakref_slot=False)
class SentMove:
    """One move of a follow-up that was sent, as the journal remembers it.

    The policy reads these to know what it already said: when it last
    quoted the client's why, how many challenges went unanswered.

    Attributes:
        kind: The kind of move, a `MoveKind` value such as ``"remind_why"``.
        topic: What it was about, such as ``"lapse"``, or empty.
        quote: The client's words it quoted back, if any.
        expectation: The expectation it spoke about, if one.
        goal: The goal it spoke about, if one.
    """

    kind: str = attrs.field(validator=v.text(max_length=100))
    topic: str = attrs.field(default="", validator=v.text(required=False, max_length=100))
    quote: str | None = attrs.field(default=None, validator=v.optional_text)
    expectation: str | None = attrs.field(default=None, validator=v.optional_identifier)
    goal: str | None = attrs.field(default=None, validator=v.optional_identifier)


@attrs.frozen(kw_only=True, weakref_slot=False)
class FollowUpSent:
    """A follow-up that was sent to the client.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When it was sent (aware).
        kind: What kind of follow-up it was.
        firmness: Its step on the firmness ladder, 0 to 3.
        text: What was sent.
        goal: The goal it was about, if one.
        expectation: The expectation it was about, if one.
        celebrated: The ids of the wins it celebrated.
        moves: The moves it made, with what they quoted, in order. Journals
            written before moves were recorded load with none; the policy
            then reads what it can from ``text``.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    kind: FollowUpKind = attrs.field(validator=v.member_of(FollowUpKind))
    firmness: int = attrs.field(default=0, validator=v.integer(0, MAX_FIRMNESS))
    text: str = attrs.field(default="", validator=v.text(required=False, max_length=20_000))
    goal: str | None = attrs.field(default=None, validator=v.optional_identifier)
    expectation: str | None = attrs.field(default=None, validator=v.optional_identifier)
    celebrated: frozenset[str] = attrs.field(default=frozenset(), validator=v.identifiers)
    moves: tuple[SentMove, ...] = attrs.field(default=(), validator=v.tuple_of(SentMove))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Contact:
    """The client got in touch, about anything. It ends a silence.

    Attributes:
        id: A stable id, unique among the journal's events.
        at: When (aware).
        channel: How ("chat", "call"), or empty.
        note: What was said, or empty.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    channel: str = attrs.field(default="", validator=v.text(required=False, max_length=100))
    note: str = attrs.field(default="", validator=v.text(required=False))


Event = (
    CheckIn
    | Completion
    | Miss
    | Setback
    | Win
    | Renegotiation
    | Reflection
    | FollowUpSent
    | Contact
)
"""Any event in a journal."""

EVENT_TYPES: Final[tuple[type[Event], ...]] = (
    CheckIn,
    Completion,
    Miss,
    Setback,
    Win,
    Renegotiation,
    Reflection,
    FollowUpSent,
    Contact,
)
"""Every kind of event, in the order `Event` lists them (for ``isinstance`` checks and JSON)."""
