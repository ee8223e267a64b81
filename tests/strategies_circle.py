"""Strategies for the circle's property tests: circles of clients whose every word is marked.

A scene is a circle of two to five members at a moment ``now``, each with a
journal of the last two weeks in their own zone: one or two habits kept
steadily or not, check-ins, setbacks of every severity (a crisis in the last
few days for one member in six), wins, reflections, contacts and follow-ups
already sent. Members joined a month ago, yesterday or not yet; some left;
each set consent zero to three times, marked some events shareable (and
unmarked some), and was paired in zero to two rounds of buddies. Some peer
messages were sent already, some of them covering wins.

Every piece of text a client or coach wrote (a goal's title and why, an
action, a done-when, an if-then plan, a setback, a reflection, a miss's
reason, a check-in, a note, a win, a coach's message) holds a unique marker
such as ``Mk00042q``, recorded with whose it is, what kind of text it is and
which event holds it. A test can then tell exactly which private words, if
any, reached someone they were not meant for.

Names are chosen so none is part of another, or of any wording the circle
uses, so a name found in a text means that member is named.

A lively scene is one where every member belongs, agreed to peer
accountability, shares at least their wins, is outside any crisis and keeps
the default quiet hours and a weekly cap of three or more: there, peer
messages are the rule rather than the exception. `circles` draws both kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, time, timedelta
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
    Directness,
    Expectation,
    FollowUpSent,
    Goal,
    IfThen,
    Journal,
    Miss,
    QuietHours,
    Reflection,
    ReflectionKind,
    Setback,
    Severity,
    Win,
    WinSize,
)
from accountability.circles.model import Circle, ConsentLevel, Member, PeerKind, PeerSent
from accountability.record import Event, FollowUpKind
from strategies_policy import HABITS, quiet_hours

ZONES: Final = (
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "UTC",
)
"""Zones across the day: with and without daylight saving, half-hour offsets, both hemispheres."""

NAMES: Final = ("Amara", "Bodhi", "Cyrus", "Dalia", "Eshan", "Farah", "Gwen", "Hiro")
"""Display names, none part of another or of the circle's wordings."""

MARKER: Final = "Mk{:05d}q"
"""The shape of a marker: unique, and never part of another marker."""

NOW_FROM: Final = datetime(2026, 2, 1, tzinfo=UTC)
NOW_DAYS: Final = 300
"""``now`` lies within this many days of `NOW_FROM`: both clock changes of every zone."""


@attrs.frozen
class Planted:
    """Where a marker was planted: whose text it is, what kind, in which event (if any)."""

    member: str
    kind: str
    event: str | None = None


@attrs.frozen
class Scene:
    """A circle, its members' journals and the moment to suggest at, with every marker planted."""

    circle: Circle
    journals: Mapping[str, Journal]
    now: datetime
    planted: Mapping[str, Planted]

    def name(self, member_id: str) -> str:
        """The member's display name."""
        return self.circle.member(member_id).name


class _Planter:
    """Hands out unique markers and remembers where each went."""

    def __init__(self) -> None:
        self.planted: dict[str, Planted] = {}

    def __call__(self, member: str, kind: str, event: str | None = None) -> str:
        marker = MARKER.format(len(self.planted))
        self.planted[marker] = Planted(member=member, kind=kind, event=event)
        return marker


# --- Time, in real time ----------------------------------------------------------------------


def shifted(moment: datetime, delta: timedelta) -> datetime:
    """The instant *delta* of real time after *moment*, read on *moment*'s clock."""
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def nows() -> st.SearchStrategy[datetime]:
    """A moment within `NOW_DAYS` days of `NOW_FROM`, to the minute, in UTC."""
    return st.integers(0, NOW_DAYS * 1440).map(lambda m: NOW_FROM + timedelta(minutes=m))


def _minutes(low_hours: int, high_hours: int) -> st.SearchStrategy[int]:
    return st.integers(low_hours * 60, high_hours * 60)


def _before(draw: st.DrawFn, now: datetime, minutes: st.SearchStrategy[int]) -> datetime:
    return now - timedelta(minutes=draw(minutes))


# Strategies built once: building one anew on every draw costs more than the draw.
_WITHIN_5_DAYS: Final = _minutes(1, 5 * 24)
_WITHIN_4_DAYS: Final = _minutes(0, 4 * 24)
_WITHIN_10_DAYS: Final = _minutes(0, 10 * 24)
_WITHIN_20_DAYS: Final = _minutes(0, 20 * 24)
_WITHIN_35_DAYS: Final = _minutes(0, 35 * 24)
_CONFIDENCES: Final = st.none() | st.integers(0, 10)
_SEVERITIES: Final = st.sampled_from(
    (Severity.MINOR, Severity.MAJOR, Severity.MINOR, Severity.MAJOR, Severity.CRISIS)
)
_CALM: Final = st.sampled_from((Severity.MINOR, Severity.MAJOR))
_CAUSES: Final = st.sampled_from(Cause)
_SIZES: Final = st.sampled_from(WinSize)
_REFLECTIONS: Final = st.sampled_from(ReflectionKind)
_SENT_KINDS: Final = st.sampled_from([k for k in FollowUpKind if k is not FollowUpKind.WAIT])
_FIRMNESS: Final = st.integers(0, 3)
_ZONES: Final = st.sampled_from(ZONES)
_QUIET: Final = quiet_hours()
_DIRECTNESS: Final = st.sampled_from(Directness)
_CAPS: Final = st.sampled_from([3, 3, 3, 3, 0, 1, 2, 5])
_LIVELY_CAPS: Final = st.sampled_from([3, 5, 7])
_CONSENTS: Final = st.sampled_from([True, True, True, False])
_RARELY: Final = st.sampled_from([False] * 5 + [True])
_HABITS: Final = st.lists(st.sampled_from(HABITS), max_size=2, unique_by=lambda h: h[0])
_TIMES_OF_DAY: Final = st.integers(7 * 60, 23 * 60)
_MARKED: Final = st.sampled_from([True, True, True, False])
_CHANGES: Final = st.sampled_from([1, 1, 2, 3, 0])
_ROUNDS: Final = st.sampled_from([1, 1, 2, 0])
_PEER_KINDS: Final = st.sampled_from(PeerKind)
_SENT_COUNT: Final = st.integers(0, 4)


# --- One member's journal ----------------------------------------------------------------------

_CHECK_INS: Final = st.sampled_from(
    (
        None,
        lambda d: Cadence.daily(start=d, at=time(20)),
        lambda d: Cadence.daily(start=d, at=time(20)),
        lambda d: Cadence.weekly(on=6, start=d, at=time(18)),
        lambda d: Cadence.from_rrule("FREQ=MONTHLY;BYMONTHDAY=1", start=d, at=time(9)),
    )
)
_DAY: Final = st.sampled_from(("done",) * 5 + ("partly", "silent", "silent", "miss"))
_EXTRAS: Final = st.sampled_from(
    ("nothing",) * 6
    + ("check_in", "check_in", "setback", "win", "win", "reflection", "contact", "follow_up")
)


def _extra(  # noqa: PLR0911 - one return per kind of event
    draw: st.DrawFn, what: str, *, eid: str, at: datetime, plant: Callable[..., str], calm: bool
) -> Event | None:
    match what:
        case "check_in":
            return CheckIn(
                id=eid,
                at=at,
                progress=plant("check_in", eid),
                note=plant("check_in", eid) if draw(st.booleans()) else "",
                confidence=draw(_CONFIDENCES),
            )
        case "setback":
            return Setback(
                id=eid,
                at=at,
                what=plant("setback", eid),
                severity=draw(_CALM if calm else _SEVERITIES),
                cause=draw(_CAUSES),
            )
        case "win":
            return Win(id=eid, at=at, what=plant("win", eid), size=draw(_SIZES))
        case "reflection":
            return Reflection(
                id=eid, at=at, kind=draw(_REFLECTIONS), words=plant("reflection", eid)
            )
        case "contact":
            return Contact(id=eid, at=at, channel="chat", note=plant("contact", eid))
        case "follow_up":
            return FollowUpSent(
                id=eid,
                at=at,
                kind=draw(_SENT_KINDS),
                firmness=draw(_FIRMNESS),
                text=plant("coach", eid),
            )
        case _:
            return None


@st.composite
def member_journals(
    draw: st.DrawFn,
    member: str,
    now: datetime,
    planter: _Planter,
    days: int = 14,
    *,
    lively: bool = False,
) -> Journal:
    """A member's journal of the last *days* days before *now* (and a day after), all marked."""

    def plant(kind: str, event: str | None = None) -> str:
        return planter(member, kind, event)

    zone = draw(_ZONES)
    tz = ZoneInfo(zone)
    agreed = shifted(now, -timedelta(days=days + 2)).astimezone(tz)
    first = agreed.date()
    check_in = draw(_CHECK_INS)
    agreement = Agreement(
        zone=zone,
        agreed_at=agreed,
        check_in=check_in(first) if check_in is not None else None,
        quiet_hours=QuietHours() if lively else draw(_QUIET),
        weekly_cap=draw(_LIVELY_CAPS if lively else _CAPS),
        directness=draw(_DIRECTNESS),
        peer_consent=True if lively else draw(_CONSENTS),
    )
    goal = Goal(id="g", title=plant("goal"), why=plant("goal"))
    expectations = tuple(
        Expectation(
            id=f"e{n}",
            goal="g",
            action=f"{action} {plant('action')}",
            done_when=plant("action"),
            agreed_at=agreed,
            schedule=cadence(first),
            plan=IfThen(obstacle=plant("plan"), response=plant("plan"))
            if draw(st.booleans())
            else None,
        )
        for n, (action, cadence) in enumerate(draw(_HABITS))
    )
    count = days + 2
    # Whole runs drawn at once: far fewer draws than day by day, and they shrink as well.
    hows = {e.id: draw(st.lists(_DAY, min_size=count, max_size=count)) for e in expectations}
    noted = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    extras = draw(st.lists(_EXTRAS, min_size=count, max_size=count))
    minutes = draw(st.lists(_TIMES_OF_DAY, min_size=count, max_size=count))
    events: list[Event] = []
    for index in range(count):
        midnight = datetime.combine(first + timedelta(days=index), time(0), tzinfo=tz)
        at = shifted(midnight, timedelta(minutes=minutes[index]))
        for habit in expectations:
            how = hows[habit.id][index]
            eid = f"h{index}-{habit.id}"
            if how in ("done", "partly"):
                note = plant("note", eid) if noted[index] else ""
                amount = 1.0 if how == "done" else 0.5
                events.append(
                    Completion(id=eid, at=at, expectation=habit.id, amount=amount, note=note)
                )
            elif how == "miss":
                reason = plant("miss", eid) if noted[index] else ""
                events.append(Miss(id=eid, at=at, expectation=habit.id, reason=reason))
        later = shifted(at, timedelta(minutes=17))
        extra = _extra(draw, extras[index], eid=f"x{index}", at=later, plant=plant, calm=lively)
        if extra is not None:
            events.append(extra)
    if not lively and draw(_RARELY):
        at = _before(draw, now, _WITHIN_5_DAYS).astimezone(tz)
        crisis = Setback(
            id="crisis", at=at, what=plant("setback", "crisis"), severity=Severity.CRISIS
        )
        events.append(crisis)
    return Journal(
        agreement=agreement, goals=(goal,), expectations=expectations, events=tuple(events)
    )


# --- The circle -------------------------------------------------------------------------------

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


def _members(draw: st.DrawFn, ids: list[str], now: datetime, *, lively: bool) -> list[Member]:
    """Members who joined a month ago, or yesterday, or not yet; some of them left."""
    joined_at = st.sampled_from(
        [now - timedelta(days=30)] * 4 + [now - timedelta(hours=20), now + timedelta(days=1)]
    )
    members = []
    for index, member_id in enumerate(ids):
        joined = now - timedelta(days=30) if lively else draw(joined_at)
        left = None
        if not lively and joined < now and draw(_RARELY):
            span = int((now - joined).total_seconds() // 60)
            left = joined + timedelta(minutes=draw(st.integers(0, span)))
        members.append(Member(id=member_id, name=NAMES[index], joined_at=joined, left_at=left))
    return members


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
    ids = [m.id for m in circle.members]
    topics = [
        f"win:{member_id}:{e.id}"
        for member_id in ids
        for e in journals[member_id].events
        if isinstance(e, Win)
    ]
    sent = [
        PeerSent(
            id=f"p{n}",
            at=_before(draw, now, _WITHIN_10_DAYS),
            recipient=draw(st.sampled_from(ids)),
            kind=draw(_PEER_KINDS),
            topics=frozenset(draw(st.lists(st.sampled_from(topics), max_size=3)))
            if topics
            else frozenset(),
        )
        for n in range(draw(_SENT_COUNT))
    ]
    return circle.with_sent(*sent)


@st.composite
def scenes(
    draw: st.DrawFn, min_members: int = 2, max_members: int = 5, *, lively: bool = False
) -> Scene:
    """A circle of *min_members* to *max_members* members, their marked journals, and ``now``."""
    now = draw(nows())
    planter = _Planter()
    ids = [f"m{n}" for n in range(draw(st.integers(min_members, max_members)))]
    circle = Circle.start("circle", "The circle", _members(draw, ids, now, lively=lively))
    journals = {m: draw(member_journals(m, now, planter, lively=lively)) for m in ids}
    for member in circle.members:
        if lively:
            circle = circle.with_consent(member.id, draw(_SHARING), member.joined_at)
        for _ in range(0 if lively else draw(_CHANGES)):
            circle = circle.with_consent(
                member.id, draw(_LEVELS), _before(draw, now, _WITHIN_35_DAYS)
            )
        circle = _marked(draw, circle, member.id, journals[member.id], now)
    for _ in range(draw(_ROUNDS)):
        at = _before(draw, now, _WITHIN_20_DAYS)
        if all(p.at != at for p in circle.pairings):
            circle = _round(draw, circle, at)
    circle = _with_sent(draw, circle, journals, now)
    if draw(st.booleans()):  # a journal for someone who left is allowed, not needed
        journals = {
            m.id: journals[m.id] for m in circle.members if m.left_at is None or m.left_at > now
        }
    return Scene(circle=circle, journals=journals, now=now, planted=planter.planted)


def circles(min_members: int = 2, max_members: int = 5) -> st.SearchStrategy[Scene]:
    """Scenes of any kind, and lively ones, where peer messages are the rule."""
    return st.one_of(
        scenes(min_members, max_members), scenes(min_members, max_members, lively=True)
    )
