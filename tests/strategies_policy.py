"""Strategies for the property tests of the policy: pinned journals, a coach's own rules, replies.

The stories and cases they build on, and the time helpers, live in
`stories`, shared with the tests of `assess`. Here are the policy's own:
journals pinned around a moment (a week of walks with follow-ups just sent,
a crisis, a client gone quiet), what a client says next, house rules a
coach adds to the policy, and the same journal written in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from accountability import (
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Contact,
    Direction,
    FollowUpSent,
    Journal,
    Policy,
    QuietHours,
    Renegotiation,
    Setback,
    Severity,
    Win,
)
from accountability.policy import DEFAULT_RULES, Draft, Move, MoveKind, Rule, Situation
from accountability.record import Event, FollowUpKind
from stories import (
    FOLLOW_UP_KINDS,
    Case,
    daily_journal,
    extra_event,
    firm_cases,
    habit_day,
    local,
    real,
    shifted,
    stamped,
    story_words,
)

STYLES: Final = (None, "gentle", "balanced", "direct")
"""The style arguments `suggest` takes: the agreement's own preset, or a named one."""


# --- Pinned journals ---------------------------------------------------------------------


def walks_done(zone: str, first: date, days: int, utc: bool = False) -> list[Event]:
    """The walk done at 08:00 local on each of the *days* days from *first*."""
    return [
        Completion(
            id=f"c-{n}",
            at=stamped(local(zone, first + timedelta(days=n), 8), utc),
            expectation="e-walk",
        )
        for n in range(days)
    ]


def pinned(
    zone: str,
    now: datetime,
    sent_hours_ago: tuple[float, ...] = (),
    utc: bool = False,
    quiet: QuietHours | None = None,
) -> Case:
    """A week of daily walks, follow-ups sent the given real hours before *now*, a win at *now*.

    The win is news, so the policy has something to send, and the follow-ups
    make the weekly cap and the minimum gap bite.
    """
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=8)
    walks = walks_done(zone, first, 8, utc)
    sent = [
        FollowUpSent(
            id=f"f-{n}",
            at=stamped(shifted(now, -timedelta(hours=hours)), utc),
            kind=FollowUpKind.CHECK_IN,
            text="How is it going?",
        )
        for n, hours in enumerate(sent_hours_ago)
    ]
    win = Win(id="w-race", at=stamped(shifted(now, -timedelta(minutes=30)), utc), what="Signed up")
    return daily_journal(zone, first, time(7), (*walks, *sent, win), quiet=quiet), now


def late_walk_then_more(zone: str, now: datetime) -> Case:
    """Walks for five days, two missed, a clear ask at 12:00, the day's walk done at 19:00 after
    it, and a request for more at 20:00; decided later that evening (*now*).
    """
    day = now.astimezone(ZoneInfo(zone)).date()
    first = day - timedelta(days=7)
    events: list[Event] = walks_done(zone, first, 5)
    events += [
        FollowUpSent(
            id="f-ask",
            at=local(zone, day, 12),
            kind=FollowUpKind.ASK_RECOMMITMENT,
            firmness=2,
            text="Are you willing to commit to it again by Friday?",
        ),
        Completion(id="c-late", at=local(zone, day, 19), expectation="e-walk"),
        Renegotiation(
            id="n-more",
            at=local(zone, day, 20),
            expectation="e-walk",
            direction=Direction.HARDER,
            reason="I'm ready for more",
            action="Walk for 40 minutes",
        ),
    ]
    return daily_journal(zone, first, time(7), tuple(events)), now


def check_ins_only(zone: str, now: datetime) -> Case:
    """Daily check-ins agreed and no expectation: one low check-in, a clear ask, then nothing.

    The lapses on the check-ins climb the ladder to a challenge, with no
    expectation to offer a smaller step of.
    """
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=5)
    agreement = Agreement(
        zone=zone,
        agreed_at=local(zone, first, 6),
        check_in=Cadence.daily(start=first, at=time(20)),
    )
    events = (
        CheckIn(id="k-0", at=local(zone, first, 20, 5), progress="Meh", confidence=2),
        Contact(id="t-0", at=local(zone, first + timedelta(days=2), 9), note="Busy week"),
        FollowUpSent(
            id="f-ask",
            at=local(zone, first + timedelta(days=1), 12),
            kind=FollowUpKind.ASK_RECOMMITMENT,
            firmness=2,
            text="Can you check in again by Friday?",
        ),
    )
    return Journal(agreement=agreement, events=events), now


def door_left_open_long_ago(zone: str, now: datetime) -> Case:
    """A client silent for 40 days, an open door left 18 days ago, decided at *now*."""
    first = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=41)
    events = (
        Completion(id="c-0", at=local(zone, first, 8), expectation="e-walk"),
        FollowUpSent(
            id="f-door",
            at=shifted(now, -timedelta(days=18)),
            kind=FollowUpKind.OPEN_DOOR,
            text="The door is open whenever you want.",
        ),
    )
    return daily_journal(zone, first, time(7), events), now


_SAYS: Final = st.sampled_from(
    ["done", "done", "partly", "miss", "check_in", "setback", "win", "reflection", "renegotiation"]
)


@st.composite
def the_client_says(draw: st.DrawFn, journal: Journal, event_id: str, now: datetime) -> Event:
    """One thing the client does or says at *now*: a completion, a miss, a check-in, and so on."""
    what = draw(_SAYS)
    zone = journal.agreement.zone
    if what in ("done", "partly", "miss"):
        habit = draw(st.sampled_from(journal.expectations))
        events = habit_day(draw, what, habit, 0, (zone, now.date(), False))
        return attrs.evolve(events[0], id=event_id, at=now)
    said = extra_event(
        draw,
        what,
        eid=event_id,
        at=now,
        habits=journal.expectations,
        zone=zone,
        wins=[],
        words=story_words(draw),
    )
    assert said is not None
    return said


# --- A coach's own rules -----------------------------------------------------------------


@attrs.frozen
class HouseRule:
    """A coach's own rule: it adds the same moves, and maybe a kind, to every draft.

    The policy enforces its invariants when it finishes a draft, so they must
    hold whatever a house rule adds: an ask with no opener, a challenge in a
    crisis, two asks at once.
    """

    moves: tuple[Move, ...]
    kind: FollowUpKind | None

    def __call__(self, situation: Situation, draft: Draft, /) -> Draft:
        return draft.add(*self.moves, reason="House rule", kind=self.kind)


def _house_move(kind: MoveKind) -> Move:
    return Move(kind=kind, action="Walk for 20 minutes", step="Walk for 10 minutes")


def house_rules() -> st.SearchStrategy[HouseRule]:
    """House rules adding one to four moves of any kind, often asks and challenges."""
    asks = [MoveKind.ASK_RECOMMITMENT, MoveKind.CHALLENGE] * 4
    kinds = st.sampled_from([*asks, *MoveKind])  # an ask first: what the invariants must tame
    return st.builds(
        HouseRule,
        moves=st.lists(kinds.map(_house_move), min_size=1, max_size=4).map(tuple),
        kind=st.sampled_from([None, *FOLLOW_UP_KINDS]),
    )


def policies() -> st.SearchStrategy[Policy | None]:
    """The default policy (None), or one with a house rule at any place among the built-in ones."""
    before: st.SearchStrategy[Rule | None] = st.none() | st.sampled_from(DEFAULT_RULES)
    return (
        st.builds(lambda rule, place: Policy().with_rule(rule, before=place), house_rules(), before)
        | st.none()
    )


@st.composite
def good_news_cases(draw: st.DrawFn) -> Case:
    """A case soon after a firm follow-up, with a completion logged since and a request for more.

    The request for more (a harder renegotiation) gives the policy something
    to say, so its firmness shows.
    """
    journal, now = draw(firm_cases())
    sent = [e for e in journal.events if isinstance(e, FollowUpSent) and real(e.at) <= real(now)]
    assume(sent and journal.expectations)
    last = max(sent, key=lambda e: real(e.at))
    since = int((real(now) - real(last.at)).total_seconds() // 60)
    assume(since > 60)
    habit = draw(st.sampled_from(journal.expectations))
    done = Completion(
        id="c-since",
        at=shifted(last.at, timedelta(minutes=draw(st.integers(1, since - 31)))),
        expectation=habit.id,
    )
    more = Renegotiation(
        id="n-more",
        at=shifted(now, -timedelta(minutes=30)),
        expectation=habit.id,
        direction=Direction.HARDER,
        reason="I'm ready for more",
        action="Walk for 40 minutes",
    )
    return journal.add(done, more), now


# --- The same instants, written in UTC ---------------------------------------------------


def in_utc(value: Any) -> Any:
    """*value* with every datetime in it, however deep, written in UTC.

    Compare through it to compare instants: Python never finds a time in the
    repeated hour of an autumn night equal to the same instant in another zone.
    """
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, tuple):
        return tuple(in_utc(item) for item in value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return attrs.evolve(value, **{f.name: in_utc(getattr(value, f.name)) for f in fields})
    return value


def written_in_utc(journal: Journal) -> Journal:
    """The same journal with every moment in it (events, agreement, schedules) written in UTC."""
    written = in_utc(journal)
    assert isinstance(written, Journal)
    return written


def crisis_reported(
    zone: str, crisis_at: datetime, now: datetime, support_at: datetime | None = None
) -> Case:
    """Five days of walks, a crisis reported at *crisis_at*, and support sent at *support_at*."""
    day = crisis_at.astimezone(ZoneInfo(zone)).date()
    first = day - timedelta(days=5)
    events: list[Event] = walks_done(zone, first, 5)
    events.append(
        Setback(id="s-crisis", at=crisis_at, what="My mum is in hospital", severity=Severity.CRISIS)
    )
    if support_at is not None:
        events.append(
            FollowUpSent(
                id="f-support",
                at=support_at,
                kind=FollowUpKind.SUPPORT_SETBACK,
                text="Please put yourself first right now.",
            )
        )
    return daily_journal(zone, first, time(7), tuple(events)), now
