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

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from accountability import (
    Agreement,
    Cadence,
    Completion,
    Directness,
    Expectation,
    Goal,
    IfThen,
    Journal,
    Miss,
    QuietHours,
    Setback,
    Severity,
    testing,
)
from accountability.circles import Circle
from accountability.record import Event
from stories import HABITS, extra_event, shifted

NAMES: Final = ("Amara", "Bodhi", "Cyrus", "Dalia", "Eshan", "Farah", "Gwen", "Hiro")
"""Display names, none part of another or of the circle's wordings."""

MARKER: Final = "Mk{:05d}q"
"""The shape of a marker: unique, and never part of another marker."""


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


# Strategies built once: building one anew on every draw costs more than the draw.
_WITHIN_5_DAYS: Final = st.integers(60, 5 * 24 * 60)
_ZONES: Final = testing.zones()
_QUIET: Final = testing.quiet_hours()
_DIRECTNESS: Final = st.sampled_from(Directness)
_CAPS: Final = st.sampled_from([3, 3, 3, 3, 0, 1, 2, 5])
_LIVELY_CAPS: Final = st.sampled_from([3, 5, 7])
_CONSENTS: Final = st.sampled_from([True, True, True, False])
_RARELY: Final = st.sampled_from([False] * 5 + [True])
_HABITS: Final = st.lists(st.sampled_from(HABITS), max_size=2, unique_by=lambda h: h[0])
_TIMES_OF_DAY: Final = st.integers(7 * 60, 23 * 60)


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
    wins: list[str] = []
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
        extra = extra_event(
            draw,
            extras[index],
            eid=f"x{index}",
            at=shifted(at, timedelta(minutes=17)),
            habits=expectations,
            zone=zone,
            wins=wins,
            words=plant,
            calm=lively,
        )
        if extra is not None:
            events.append(extra)
    if not lively and draw(_RARELY):
        at = (now - timedelta(minutes=draw(_WITHIN_5_DAYS))).astimezone(tz)
        crisis = Setback(
            id="crisis", at=at, what=plant("setback", "crisis"), severity=Severity.CRISIS
        )
        events.append(crisis)
    return Journal(
        agreement=agreement, goals=(goal,), expectations=expectations, events=tuple(events)
    )


# --- The circle -------------------------------------------------------------------------------


@st.composite
def scenes(
    draw: st.DrawFn, min_members: int = 2, max_members: int = 5, *, lively: bool = False
) -> Scene:
    """A circle of *min_members* to *max_members* members, their marked journals, and ``now``.

    The circle (who joined and left, consent, marks, pairs, messages sent) is
    drawn by `accountability.testing.circle_scenes`; the journals here.
    """
    planter = _Planter()
    scene = draw(
        testing.circle_scenes(
            min_members,
            max_members,
            lively=lively,
            names=NAMES,
            journals_for=lambda member, now: member_journals(member, now, planter, lively=lively),
        )
    )
    return Scene(
        circle=scene.circle, journals=scene.journals, now=scene.now, planted=planter.planted
    )


def circles(min_members: int = 2, max_members: int = 5) -> st.SearchStrategy[Scene]:
    """Scenes of any kind, and lively ones, where peer messages are the rule."""
    return st.one_of(
        scenes(min_members, max_members), scenes(min_members, max_members, lively=True)
    )
