"""Hypothesis strategies for every domain object, for property-testing code that embeds us.

Use them to test your own app against any valid value the library accepts
or returns, not only the ones you thought of:

```python
from hypothesis import given
from accountability import testing

@given(testing.journals())
def test_my_dashboard_renders_any_journal(journal):
    render_dashboard(journal)

@given(testing.follow_ups())
def test_my_outbox_stores_and_sends_any_follow_up(follow_up):
    outbox.store(follow_up)
```

Every strategy draws only valid values: whatever it produces was built
through the public constructors, so it constructs without error, and the
types that have a JSON form survive `accountability.to_json` and back.
Text strategies include braces, dollar signs and markup, so client words
that look like templates are exercised too. Moments are aware, in a mix of
zones with and without daylight saving time. Strategies shrink towards the
defaults: the balanced style, the default quiet hours and grace, a small
journal.

The strategies are built from each other, and most take the strategy or the
values for their parts, so you can narrow them to what your code handles:
``testing.events(testing.ids("v"), testing.instants(start, end))``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Final, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from accountability.circles import (
    Circle,
    ConsentChange,
    ConsentLevel,
    Member,
    PairingRound,
    PeerKind,
    PeerSent,
    ShareMark,
)
from accountability.exceptions import InvalidValueError
from accountability.facts import WinFact, WinSource
from accountability.pipeline import suggest
from accountability.policy import FollowUp, Move, MoveKind
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
from accountability.style import Style
from accountability.voice import WORDINGS

__all__ = [
    "EARLIEST",
    "LATEST",
    "ZONES",
    "CircleScene",
    "JournalsFor",
    "agreements",
    "aware_datetimes",
    "cadences",
    "circle_scenes",
    "circles",
    "client_words",
    "consent_changes",
    "consent_levels",
    "dues",
    "events",
    "expectations",
    "follow_ups",
    "goals",
    "graces",
    "ids",
    "if_thens",
    "instants",
    "journals",
    "members",
    "moments_for",
    "moves",
    "outcomes",
    "pairing_rounds",
    "peer_sents",
    "quiet_hours",
    "schedules",
    "share_marks",
    "styles",
    "win_facts",
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
"""The earliest wall time the strategies draw moments from (naive: read in each zone)."""

LATEST: Final = datetime(2035, 12, 31)
"""The latest wall time the strategies draw moments from (naive: read in each zone)."""

_T = TypeVar("_T")


# --- Building blocks -------------------------------------------------------------------------


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


def _shifted(moment: datetime, delta: timedelta) -> datetime:
    """The instant *delta* of real time after *moment*, read on *moment*'s clock."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def instants(start: datetime, end: datetime) -> st.SearchStrategy[datetime]:
    """Instants of real time from *start* to *end* (both aware, both included), to the minute.

    They are read on *start*'s clock, so the repeated hour of an autumn night
    comes with the right ``fold``. A day and a minute of it are drawn apart:
    hypothesis leans to small integers, and drawing the minutes as one number
    would keep most instants within hours of *start*. An *end* before *start*
    gives *start*.

    Two days of real time after noon on the Saturday Berlin's clocks go
    forward is 13:00 on the Monday:

    >>> from zoneinfo import ZoneInfo
    >>> from hypothesis import find
    >>> start = datetime(2026, 3, 28, 12, tzinfo=ZoneInfo("Europe/Berlin"))
    >>> find(instants(start, start + timedelta(days=3)), lambda m: m.day == 30).isoformat()
    '2026-03-30T13:00:00+02:00'
    """
    seconds = (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()
    total = max(0, int(seconds // 60))
    return st.builds(
        lambda day, minute: _shifted(start, timedelta(minutes=min(total, day * 1440 + minute))),
        st.integers(0, total // 1440),
        st.integers(0, 1439),
    )


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Short ids such as ``"e-3f"``."""
    return st.text(alphabet="abcdef0123456789-_", min_size=1, max_size=8).map(
        lambda s: f"{prefix}{s}"
    )


def client_words(max_size: int = 60) -> st.SearchStrategy[str]:
    """What a client might write: non-blank text, braces, dollars and markup included.

    A text is at most *max_size* characters, or a few more when a tricky
    piece (at most 16 characters) is added to it.
    """
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


# --- The record ------------------------------------------------------------------------------


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
    """If-then plans: an obstacle in the client's words, and their response to it."""
    return st.builds(IfThen, obstacle=client_words(), response=client_words())


def expectations(
    goal_ids: tuple[str, ...] = ("g",),
    expectation_id: st.SearchStrategy[str] | None = None,
    agreed_after: datetime = EARLIEST,
) -> st.SearchStrategy[Expectation]:
    """Expectations serving one of *goal_ids*, agreed after *agreed_after* (naive)."""

    @st.composite
    def strategy(draw: st.DrawFn) -> Expectation:
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

    return strategy()


_COMMON_QUIET: Final = (
    QuietHours(start=time(22), end=time(7)),
    QuietHours(start=time(23, 30), end=time(6, 30)),
    QuietHours(start=time(13), end=time(15)),
    QuietHours(start=time(20), end=time(20)),
    QuietHours(start=time(21), end=time(2, 30)),
)
"""Quiet hours people pick: shorter nights, a siesta, none at all, ending in a DST gap."""

_MINUTES_OF_A_DAY: Final = st.integers(0, 1439).map(lambda m: time(m // 60, m % 60))


def quiet_hours() -> st.SearchStrategy[QuietHours]:
    """Quiet hours: the default, common variations, none at all, or any two minutes of a day.

    They may wrap midnight, and may end at a wall time a DST change skips
    (02:30). They shrink towards the default, 21:00 to 08:00.
    """
    return st.one_of(
        st.just(QuietHours()),
        st.sampled_from(_COMMON_QUIET),
        st.builds(QuietHours, start=_MINUTES_OF_A_DAY, end=_MINUTES_OF_A_DAY),
    )


def graces(
    min_crisis_days: int = 0, max_crisis_days: int = 60, max_major_days: int = 30
) -> st.SearchStrategy[Grace]:
    """Grace windows: the default ones, or others of the lengths coaches give.

    A `Grace` accepts windows of up to 365 days; raise the bounds to draw
    them. (A crisis window longer than a style's ``history_days`` outlasts
    the record of the support already sent, so it is drawn only on request.)

    Args:
        min_crisis_days: The shortest crisis window to draw; 1 or more when
            a test needs a crisis to open a window at all.
        max_crisis_days: The longest crisis window to draw, up to 365.
        max_major_days: The longest window after a major setback, up to 365.

    >>> from hypothesis import find
    >>> find(graces(min_crisis_days=1), lambda grace: grace.crisis_days > 30).crisis_days
    31
    """
    return st.just(Grace()) | st.builds(
        Grace,
        major_days=st.integers(0, max_major_days),
        crisis_days=st.integers(min_crisis_days, max_crisis_days),
    )


def agreements(
    zone: st.SearchStrategy[str] | None = None,
    agreed_at: st.SearchStrategy[datetime] | None = None,
) -> st.SearchStrategy[Agreement]:
    """Agreements in any zone of `ZONES` (or of *zone*), made at any moment (or *agreed_at*)."""
    return st.builds(
        Agreement,
        zone=zone if zone is not None else zones(),
        agreed_at=agreed_at
        if agreed_at is not None
        else aware_datetimes(max_value=datetime(2029, 1, 1)),
        check_in=st.none() | cadences(),
        quiet_hours=quiet_hours(),
        weekly_cap=st.integers(0, 7),
        directness=st.sampled_from(Directness),
        peer_consent=st.booleans(),
        grace=graces(),
    )


def events(
    event_id: st.SearchStrategy[str],
    moments: st.SearchStrategy[datetime],
    goal_ids: tuple[str, ...] = (),
    expectation_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[Event]:
    """One event of any kind, referring only to the given goal and expectation ids."""

    @st.composite
    def strategy(draw: st.DrawFn) -> Event:  # noqa: PLR0911 - one return per kind of event
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

    return strategy()


def journals(
    max_events: int = 30,
    days: int = 90,
    agreed_at: st.SearchStrategy[datetime] | None = None,
) -> st.SearchStrategy[Journal]:
    """Whole valid journals: an agreement, goals, expectations and events over *days* days.

    Ids are unique and every reference points at something the journal holds.

    Args:
        max_events: The most events a journal holds.
        days: How many days after the agreement the events spread over.
        agreed_at: When the agreement was made; any moment by default.
    """

    @st.composite
    def strategy(draw: st.DrawFn) -> Journal:
        agreement = draw(agreements(agreed_at=agreed_at))
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

    return strategy()


def moments_for(journal: Journal, days: int = 120) -> st.SearchStrategy[datetime]:
    """A moment to read *journal* at: from its agreement to *days* days after it.

    The moment is on the client's clock or in UTC: an app may store either,
    and the same instant must read the same. Use it for the ``now`` that
    `accountability.assess` and `accountability.suggest` take.
    """

    @st.composite
    def strategy(draw: st.DrawFn) -> datetime:
        start = journal.agreement.agreed_at
        moment = draw(instants(start, _shifted(start, timedelta(days=days))))
        return moment.astimezone(draw(st.sampled_from((journal.agreement.tz, UTC))))

    return strategy()


# --- Styles ----------------------------------------------------------------------------------

_PRESETS: Final = ("balanced", "gentle", "direct")


def _or_default(default: _T, values: st.SearchStrategy[_T]) -> st.SearchStrategy[_T]:
    """The default, or any of *values*: it shrinks towards the default."""
    return st.just(default) | values


def _unit(*, low_open: bool = False) -> st.SearchStrategy[float]:
    return st.floats(0, 1, exclude_min=low_open, allow_nan=False)


@st.composite
def _custom_styles(draw: st.DrawFn) -> Style:
    """Styles with each number at its default or anywhere in its valid range."""
    base = Style()
    window = draw(_or_default(base.window_days, st.integers(1, 366)))
    reconnect = draw(_or_default(base.silence_reconnect_days, st.integers(1, 365)))
    return Style(
        window_days=window,
        half_life_days=draw(_or_default(base.half_life_days, st.floats(1, 365, allow_nan=False))),
        momentum_recovered=draw(_or_default(base.momentum_recovered, _unit(low_open=True))),
        streak_milestones=draw(
            _or_default(
                base.streak_milestones,
                st.lists(st.integers(2, 1000), min_size=1, max_size=12, unique=True).map(
                    lambda days: tuple(sorted(days))
                ),
            )
        ),
        renegotiation_horizon_days=draw(
            _or_default(base.renegotiation_horizon_days, st.integers(0, 90))
        ),
        renegotiation_window_days=draw(
            _or_default(base.renegotiation_window_days, st.integers(1, 366))
        ),
        silence_reconnect_days=reconnect,
        silence_open_door_days=draw(
            _or_default(max(base.silence_open_door_days, reconnect), st.integers(reconnect, 365))
        ),
        realism_threshold=draw(_or_default(base.realism_threshold, _unit())),
        history_days=draw(
            _or_default(max(base.history_days, window), st.integers(max(7, window), 3660))
        ),
        firmness_cap=draw(_or_default(base.firmness_cap, st.integers(0, 3))),
        lapses_per_step=draw(_or_default(base.lapses_per_step, st.integers(1, 10))),
        min_gap_hours=draw(_or_default(base.min_gap_hours, st.integers(0, 24 * 14))),
        open_door_every_days=draw(_or_default(base.open_door_every_days, st.integers(1, 90))),
        struggling_momentum=draw(_or_default(base.struggling_momentum, _unit())),
        low_confidence=draw(_or_default(base.low_confidence, st.integers(0, 10))),
        momentum_falling=draw(_or_default(base.momentum_falling, _unit(low_open=True))),
        recent_days=draw(_or_default(base.recent_days, st.integers(1, 90))),
        celebrate_at_most=draw(_or_default(base.celebrate_at_most, st.integers(1, 5))),
    )


def styles() -> st.SearchStrategy[Style]:
    """Coaching styles: the three presets, or any thresholds a `Style` accepts.

    A custom style keeps each number at its default or draws it anywhere in
    its valid range, keeping the rules between them (the open door comes no
    sooner than reconnecting; the history is at least the window). Styles
    shrink towards the balanced preset.

    >>> from hypothesis import find
    >>> from accountability import Style
    >>> find(styles(), lambda style: True) == Style.balanced()
    True
    >>> find(styles(), lambda style: style.firmness_cap < 2).firmness_cap
    0
    """
    return st.sampled_from(_PRESETS).map(Style.named) | _custom_styles()


# --- Moves and follow-ups --------------------------------------------------------------------

_TOPICS: Final = tuple(sorted({topic for _kind, topic in WORDINGS if topic}))
"""The topics the built-in voice has words for; a move may name any other."""


def win_facts(words: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[WinFact]:
    """Wins as an assessment reports them: reported by the client or detected in the record.

    Args:
        words: The client's words for a reported win, and an action's words;
            `client_words` by default.
    """
    text = words if words is not None else client_words()
    return st.builds(
        WinFact,
        id=ids("w-"),
        at=aware_datetimes(),
        source=st.sampled_from(WinSource),
        what=text,
        size=st.sampled_from(WinSize),
        goal=st.none() | ids("g-"),
        expectation=st.none() | ids("e-"),
        count=st.none() | st.integers(0, 400),
        period=st.sampled_from([None, "day", "week"]),
        action=st.none() | text,
    )


def moves(
    kinds: st.SearchStrategy[MoveKind] | None = None,
    topics: st.SearchStrategy[str] | None = None,
    words: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Move]:
    """Moves of any kind and topic, as a policy (built-in or a coach's own rules) hands them on.

    A move carries facts, not checked ones: a coach's own rule may add any
    move, so a voice (or whatever stores moves) must take each of these.
    Counts run from a few below zero, dates from any zone.

    Args:
        kinds: The kinds to draw; every `MoveKind` by default.
        topics: The topics to draw; by default those the built-in voice
            has words for, or any short text.
        words: The client's words a move quotes (its action, quote,
            response and step); `client_words` by default.

    >>> from hypothesis import find
    >>> from accountability.policy import MoveKind
    >>> find(moves(kinds=st.just(MoveKind.CHALLENGE)), lambda move: True).kind.value
    'challenge'
    """
    text = words if words is not None else client_words()
    maybe_text = st.none() | text
    return st.builds(
        Move,
        kind=kinds if kinds is not None else st.sampled_from(MoveKind),
        topic=topics if topics is not None else st.sampled_from(_TOPICS) | st.text(max_size=12),
        expectation=st.none() | ids("e-"),
        goal=st.none() | ids("g-"),
        action=maybe_text,
        quote=maybe_text,
        response=maybe_text,
        win=st.none() | win_facts(text),
        step=maybe_text,
        by=st.none() | aware_datetimes(),
        count=st.none() | st.integers(-3, 10_000),
    )


def follow_ups(max_events: int = 15, days: int = 60) -> st.SearchStrategy[FollowUp]:
    """Follow-ups as `accountability.suggest` gives them, text included, waits included.

    Each comes from a generated journal of up to *max_events* events over
    *days* days, read at a moment in or after them, in any style: so it
    holds every invariant the policy keeps (an ask opens with an
    acknowledgement, firmness climbs one step at a time, nothing is sent in
    the quiet hours). Drawing one runs the whole pipeline, so it costs more
    than the record's strategies, and it shrinks through its journal.

    Record one as sent with `FollowUp.sent`, which gives the `FollowUpSent`
    event to add to the journal.
    """

    @st.composite
    def strategy(draw: st.DrawFn) -> FollowUp:
        journal = draw(journals(max_events=max_events, days=days))
        now = draw(moments_for(journal, days=days + 30))
        return suggest(journal, now, style=draw(styles()))

    return strategy()


# --- Circles ---------------------------------------------------------------------------------


def consent_levels() -> st.SearchStrategy[ConsentLevel]:
    """How much a member lets the circle hear: any `ConsentLevel`, shrinking to nothing."""
    return st.sampled_from(ConsentLevel)


def members(member_id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Member]:
    """Members of a circle: a name peers see, when they joined, and maybe when they left."""

    @st.composite
    def strategy(draw: st.DrawFn) -> Member:
        joined = draw(aware_datetimes())
        left = draw(
            st.none()
            | st.integers(0, 400 * 1440).map(lambda m: _shifted(joined, timedelta(minutes=m)))
        )
        return Member(
            id=draw(member_id if member_id is not None else ids("m")),
            name=draw(client_words()),
            joined_at=joined,
            left_at=left,
        )

    return strategy()


def consent_changes(member_ids: Sequence[str] = ("m",)) -> st.SearchStrategy[ConsentChange]:
    """Consent changes by one of *member_ids*, to any level, at any moment."""
    return st.builds(
        ConsentChange,
        member=st.sampled_from(member_ids),
        level=consent_levels(),
        at=aware_datetimes(),
    )


def share_marks(
    member_ids: Sequence[str] = ("m",), event_ids: Sequence[str] = ("v",)
) -> st.SearchStrategy[ShareMark]:
    """Marks (and unmarks) by one of *member_ids* on one of *event_ids*, at any moment."""
    return st.builds(
        ShareMark,
        member=st.sampled_from(member_ids),
        event=st.sampled_from(event_ids),
        at=aware_datetimes(),
        shareable=st.booleans(),
    )


def pairing_rounds(
    member_ids: Sequence[str] = ("m0", "m1", "m2", "m3"),
) -> st.SearchStrategy[PairingRound]:
    """Rounds of buddy pairs among *member_ids*: each in one pair at most, some left out."""

    @st.composite
    def strategy(draw: st.DrawFn) -> PairingRound:
        order = draw(st.permutations(member_ids))
        pairs = [(order[i], order[i + 1]) for i in range(0, len(order) - 1, 2)]
        kept = draw(st.integers(0, len(pairs)))
        return PairingRound(at=draw(aware_datetimes()), pairs=tuple(pairs[:kept]))

    return strategy()


def peer_sents(
    member_ids: Sequence[str] = ("m",), topics: Sequence[str] = ()
) -> st.SearchStrategy[PeerSent]:
    """Records of peer messages sent to one of *member_ids*, naming some of them.

    Args:
        member_ids: The members a message may go to or name.
        topics: The topics a message may cover; short ids by default.
    """
    topic = st.sampled_from(topics) if topics else ids("t")
    return st.builds(
        PeerSent,
        id=ids("p"),
        at=aware_datetimes(),
        recipient=st.sampled_from(member_ids),
        kind=st.sampled_from(PeerKind),
        about=st.frozensets(st.sampled_from(member_ids), max_size=3),
        topics=st.frozensets(topic, max_size=3),
    )


class CircleScene(NamedTuple):
    """A circle, its members' journals and a moment: what `suggest_for_circle` takes.

    Unpack it into the call: ``suggest_for_circle(*scene)``, or
    ``propose_pairs(*scene)``.

    Attributes:
        circle: The circle, with every consent change and mark dated at or
            before ``now``.
        journals: A journal for every member who belongs at ``now`` (and for
            some who left), by member id; every event a member marked is in it.
        now: The moment to read the circle at.
    """

    circle: Circle
    journals: Mapping[str, Journal]
    now: datetime


JournalsFor = Callable[[str, datetime], st.SearchStrategy[Journal]]
"""Given a member's id and the scene's ``now``, a strategy for that member's journal."""

_CIRCLE_FROM: Final = datetime(2026, 2, 1, tzinfo=UTC)
_CIRCLE_DAYS: Final = 300
"""A scene's ``now`` lies within this many days of `_CIRCLE_FROM`: every zone's clock changes."""

# Built once: building a strategy anew on every draw costs more than the draw.
_NOWS: Final = st.integers(0, _CIRCLE_DAYS * 1440).map(
    lambda m: _CIRCLE_FROM + timedelta(minutes=m)
)
_LEVELS: Final = st.sampled_from(
    (
        ConsentLevel.EVERYTHING,
        ConsentLevel.PROGRESS,
        ConsentLevel.WINS,
        ConsentLevel.NOTHING,
        ConsentLevel.EVERYTHING,
    )
)
"""Levels a member sets, weighted towards sharing so that there is something to share."""
_SHARING: Final = st.sampled_from(
    (ConsentLevel.EVERYTHING, ConsentLevel.PROGRESS, ConsentLevel.WINS)
)
_RARELY: Final = st.sampled_from([False] * 5 + [True])
_MARKED: Final = st.sampled_from([True, True, True, False])
_CHANGES: Final = st.sampled_from([1, 1, 2, 3, 0])
_ROUNDS: Final = st.sampled_from([1, 1, 2, 0])
_SENT_COUNT: Final = st.integers(0, 4)
_PEER_KINDS: Final = st.sampled_from(PeerKind)
_WITHIN_4_DAYS: Final = st.integers(0, 4 * 24 * 60)
_WITHIN_10_DAYS: Final = st.integers(0, 10 * 24 * 60)
_WITHIN_20_DAYS: Final = st.integers(0, 20 * 24 * 60)
_WITHIN_35_DAYS: Final = st.integers(0, 35 * 24 * 60)
_LIVELY_CAPS: Final = st.sampled_from([3, 5, 7])


def _before(draw: st.DrawFn, now: datetime, minutes: st.SearchStrategy[int]) -> datetime:
    return now - timedelta(minutes=draw(minutes))


def _lively(journal: Journal, cap: int) -> Journal:
    """The journal of a member who agreed to peer accountability, outside any crisis."""
    agreement = journal.agreement
    return Journal(
        agreement=Agreement(
            zone=agreement.zone,
            agreed_at=agreement.agreed_at,
            check_in=agreement.check_in,
            weekly_cap=cap,
            directness=agreement.directness,
            peer_consent=True,
            grace=agreement.grace,
        ),
        goals=journal.goals,
        expectations=journal.expectations,
        events=tuple(
            e
            for e in journal.events
            if not (isinstance(e, Setback) and e.severity is Severity.CRISIS)
        ),
    )


def _member_journals(
    now: datetime, *, lively: bool, max_events: int = 12
) -> st.SearchStrategy[Journal]:
    """A member's journal agreed a month to a day before *now*, its events around then."""
    agreed = instants(now - timedelta(days=30), now - timedelta(days=1))
    drawn = journals(max_events=max_events, days=30, agreed_at=agreed)
    if not lively:
        return drawn
    return st.builds(_lively, drawn, _LIVELY_CAPS)


def _circle_members(
    draw: st.DrawFn, ids_: Sequence[str], names: Sequence[str], now: datetime, *, lively: bool
) -> list[Member]:
    """Members who joined a month ago, or yesterday, or not yet; some of them left."""
    joined_at = st.sampled_from(
        [now - timedelta(days=30)] * 4 + [now - timedelta(hours=20), now + timedelta(days=1)]
    )
    chosen = []
    for member_id, name in zip(ids_, names, strict=True):
        joined = now - timedelta(days=30) if lively else draw(joined_at)
        left = None
        if not lively and joined < now and draw(_RARELY):
            span = int((now - joined).total_seconds() // 60)
            left = joined + timedelta(minutes=draw(st.integers(0, span)))
        chosen.append(Member(id=member_id, name=name, joined_at=joined, left_at=left))
    return chosen


def _round(draw: st.DrawFn, circle: Circle, at: datetime) -> Circle:
    """A round of buddy pairs at *at*: everyone who belongs, or some of them."""
    active = [m.id for m in circle.active_members(at)]
    order = draw(st.permutations(active))
    pairs = [(order[i], order[i + 1]) for i in range(0, len(order) - 1, 2)]
    kept = draw(st.sampled_from([len(pairs), len(pairs), 0, max(len(pairs) - 1, 0)]))
    return circle.with_pairs(at, pairs[:kept])


def _marked(
    draw: st.DrawFn, circle: Circle, member_id: str, journal: Journal, now: datetime
) -> Circle:
    """Events the member marked shareable (and some unmarked), mostly from the last few days."""
    recent = [e.id for e in journal.between(now - timedelta(days=4), now)]
    older = [e.id for e in journal.between(now - timedelta(days=30), now - timedelta(days=4))]
    chosen = draw(st.lists(st.sampled_from(recent), min_size=1, max_size=4)) if recent else []
    chosen += draw(st.lists(st.sampled_from(older), max_size=1)) if older else []
    for event_id in chosen:
        at = _before(draw, now, _WITHIN_4_DAYS)
        circle = circle.with_shareable(member_id, event_id, at, shareable=draw(_MARKED))
    return circle


def _with_sent(
    draw: st.DrawFn, circle: Circle, journals: Mapping[str, Journal], now: datetime
) -> Circle:
    """Peer messages already sent in the last ten days, some covering members' wins."""
    member_ids = [m.id for m in circle.members]
    if not member_ids:
        return circle
    topics = [
        f"win:{member_id}:{e.id}"
        for member_id in member_ids
        for e in journals[member_id].events
        if isinstance(e, Win)
    ]
    sent = [
        PeerSent(
            id=f"p{n}",
            at=_before(draw, now, _WITHIN_10_DAYS),
            recipient=draw(st.sampled_from(member_ids)),
            kind=draw(_PEER_KINDS),
            topics=frozenset(draw(st.lists(st.sampled_from(topics), max_size=3)))
            if topics
            else frozenset(),
        )
        for n in range(draw(_SENT_COUNT))
    ]
    return circle.with_sent(*sent)


def circle_scenes(
    min_members: int = 2,
    max_members: int = 5,
    *,
    lively: bool = False,
    names: Sequence[str] | None = None,
    journals_for: JournalsFor | None = None,
) -> st.SearchStrategy[CircleScene]:
    """Whole circles with a journal for each member and a moment to suggest at.

    A scene holds *min_members* to *max_members* members (ids ``m0``,
    ``m1``, ...) who joined a month ago, yesterday or not yet (some left),
    each with a journal in their own zone. Each member set consent zero to
    three times and marked some of their events shareable (and unmarked
    some); the circle was paired in zero to two rounds of buddies, and some
    peer messages were already sent, some covering members' wins. ``now``
    lies within 300 days of February 2026, across every zone's clock changes.

    A *lively* scene is one where peer messages are the rule: every member
    belongs, shares at least their wins and agreed to peer accountability in
    a journal with no crisis, the default quiet hours and a weekly cap of
    three or more (with *journals_for*, the journals are yours to make so).

    Args:
        min_members: The fewest members, 0 or more.
        max_members: The most members.
        lively: Whether to draw a lively scene.
        names: The members' display names, in order (at least *max_members*
            of them); client words by default.
        journals_for: Given a member's id and ``now``, the strategy for their
            journal; by default `journals` agreed a month to a day before ``now``.

    Raises:
        InvalidValueError: If fewer than *max_members* names are given.
    """

    @st.composite
    def strategy(draw: st.DrawFn) -> CircleScene:
        if names is not None and len(names) < max_members:
            raise InvalidValueError("names", names, f"expected at least {max_members} names")
        now = draw(_NOWS)
        count = draw(st.integers(min_members, max_members))
        member_ids = [f"m{n}" for n in range(count)]
        chosen_names = (
            list(names[:count])
            if names is not None
            else draw(st.lists(client_words(max_size=30), min_size=count, max_size=count))
        )
        circle = Circle.start(
            draw(ids("c")),
            draw(client_words()),
            _circle_members(draw, member_ids, chosen_names, now, lively=lively),
        )
        journal_for = journals_for or (
            lambda _member, moment: _member_journals(moment, lively=lively)
        )
        member_journals = {m: draw(journal_for(m, now)) for m in member_ids}
        for member in circle.members:
            if lively:
                circle = circle.with_consent(member.id, draw(_SHARING), member.joined_at)
            for _ in range(0 if lively else draw(_CHANGES)):
                circle = circle.with_consent(
                    member.id, draw(_LEVELS), _before(draw, now, _WITHIN_35_DAYS)
                )
            circle = _marked(draw, circle, member.id, member_journals[member.id], now)
        for _ in range(draw(_ROUNDS)):
            at = _before(draw, now, _WITHIN_20_DAYS)
            if all(p.at != at for p in circle.pairings):
                circle = _round(draw, circle, at)
        circle = _with_sent(draw, circle, member_journals, now)
        if draw(st.booleans()):  # a journal for someone who left is allowed, not needed
            member_journals = {
                m.id: member_journals[m.id]
                for m in circle.members
                if m.left_at is None or m.left_at > now
            }
        return CircleScene(circle=circle, journals=member_journals, now=now)

    return strategy()


def circles(min_members: int = 0, max_members: int = 5) -> st.SearchStrategy[Circle]:
    """Whole circles, as an app stores them: members, consent, marks, pairs and messages sent.

    Each is the circle of a `circle_scenes` scene (its members' journals
    kept small, as only the circle is kept), so its marks name events its
    members recorded and it reads at a moment after every consent change.
    """

    def small(_member: str, now: datetime) -> st.SearchStrategy[Journal]:
        return _member_journals(now, lively=False, max_events=4)

    return circle_scenes(min_members, max_members, journals_for=small).map(
        lambda scene: scene.circle
    )
