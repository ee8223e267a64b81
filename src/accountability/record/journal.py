"""The journal: one client's append-only record.

A [`Journal`][accountability.record.Journal] holds the agreement, the goals, the
expectations and the events of one client, the events in time order.
Adding returns a new journal; the old one is unchanged. An event added late
(back-filled) lands in its place in time. Window queries use binary search,
so their cost follows the window, not the years of history.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TypeVar, overload

import attrs

from accountability import _validate as v
from accountability.exceptions import DuplicateIdError, InvalidValueError, UnknownReferenceError
from accountability.record.model import (
    EVENT_TYPES,
    Agreement,
    CheckIn,
    Completion,
    Event,
    Expectation,
    FollowUpSent,
    Goal,
    Miss,
    Renegotiation,
    Setback,
    Win,
)

__all__ = ["Journal"]

_E = TypeVar("_E", bound=Event)


def _instant(event: Event) -> float:
    return event.at.timestamp()


def _id(event: Event) -> str:
    return event.id


def _in_time_order(events: Iterable[Event]) -> tuple[Event, ...]:
    """Sort events by moment, ties broken by id, so order of arrival never matters."""
    if not isinstance(events, tuple | list):
        raise InvalidValueError(
            "Journal.events", events, f"expected a tuple of events, got {type(events).__name__}"
        )
    for index, event in enumerate(events):
        if not isinstance(event, EVENT_TYPES):
            raise InvalidValueError(
                f"Journal.events[{index}]", event, "expected an event such as CheckIn or Win"
            )
    # By instant, ties by id (a stable sort by instant of events sorted by id). Instants as
    # POSIX timestamps: Python compares two datetimes sharing a ZoneInfo by wall time, which
    # puts the repeated autumn hour out of order, while timestamps always compare right.
    return tuple(sorted(sorted(events, key=_id), key=_instant))


def _check_unique(kind: str, ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DuplicateIdError(f"{kind}.id", item)
        seen.add(item)
    return seen


def _references(event: Event) -> Iterator[tuple[str, str, str]]:
    """Yield (field, kind, id) for every id an event refers to."""
    name = type(event).__name__
    match event:
        case Completion() | Miss() | Renegotiation():
            yield f"{name}.expectation", "expectation", event.expectation
        case CheckIn():
            if event.goal is not None:
                yield f"{name}.goal", "goal", event.goal
        case Setback():
            for expectation in sorted(event.affects):
                yield f"{name}.affects", "expectation", expectation
        case Win() | FollowUpSent():
            if event.goal is not None:
                yield f"{name}.goal", "goal", event.goal
            if event.expectation is not None:
                yield f"{name}.expectation", "expectation", event.expectation
        case _:
            goal = getattr(event, "goal", None)
            if goal is not None:
                yield f"{name}.goal", "goal", goal


@attrs.frozen(kw_only=True)
class Journal:
    """One client's append-only record of goals, expectations, agreement and events.

    Build one with [`Journal.start`][accountability.record.Journal.start] and
    [`add`][accountability.record.Journal.add]:

    >>> from datetime import UTC, datetime
    >>> from zoneinfo import ZoneInfo
    >>> from accountability import Agreement, CheckIn, Goal
    >>> berlin = ZoneInfo("Europe/Berlin")
    >>> journal = Journal.start(Agreement(zone="Europe/Berlin",
    ...                                   agreed_at=datetime(2026, 3, 1, 9, tzinfo=berlin)))
    >>> journal = journal.add(
    ...     Goal(id="run", title="Run a 10k", why="I want to keep up with my kids"),
    ...     CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=berlin), progress="Went well"),
    ... )
    >>> len(journal.events)
    1

    Attributes:
        agreement: How coach and client agreed to work together.
        goals: The client's goals, in the order they were added.
        expectations: The commitments, in the order they were added.
        events: Every event, in time order (ties broken by id).

    Raises:
        DuplicateIdError: If two goals, two expectations or two events share an id.
        UnknownReferenceError: If an expectation or event names an id the
            journal does not hold.
    """

    agreement: Agreement = attrs.field(validator=v.instance_of(Agreement))
    goals: tuple[Goal, ...] = attrs.field(default=(), validator=v.instance_of(tuple))
    expectations: tuple[Expectation, ...] = attrs.field(default=(), validator=v.instance_of(tuple))
    events: tuple[Event, ...] = attrs.field(default=(), converter=_in_time_order)

    def __attrs_post_init__(self) -> None:
        for index, goal in enumerate(self.goals):
            if not isinstance(goal, Goal):
                raise InvalidValueError(f"Journal.goals[{index}]", goal, "expected a Goal")
        for index, expectation in enumerate(self.expectations):
            if not isinstance(expectation, Expectation):
                raise InvalidValueError(
                    f"Journal.expectations[{index}]", expectation, "expected an Expectation"
                )
        goal_ids = _check_unique("goal", (g.id for g in self.goals))
        expectation_ids = _check_unique("expectation", (e.id for e in self.expectations))
        _check_unique("event", (e.id for e in self.events))
        for expectation in self.expectations:
            if expectation.goal not in goal_ids:
                raise UnknownReferenceError("Expectation.goal", expectation.goal)
        known = {"goal": goal_ids, "expectation": expectation_ids}
        for event in self.events:
            for field, kind, ref in _references(event):
                if ref not in known[kind]:
                    raise UnknownReferenceError(field, ref)

    @classmethod
    def start(cls, agreement: Agreement) -> Journal:
        """An empty journal for a client who has just made an agreement."""
        return cls(agreement=agreement)

    def add(self, *items: Goal | Expectation | Event) -> Journal:
        """Return a new journal with goals, expectations and events added.

        Items may come in any mix; a goal must be added no later than the
        expectations that serve it, an expectation no later than the events
        that name it (in the same call is fine). Events land in time order
        wherever they belong, so back-filling is just adding.

        Raises:
            DuplicateIdError: If an id is already taken.
            UnknownReferenceError: If an item names an id the journal does not hold.
            InvalidValueError: If an item is not a goal, an expectation or an event.
        """
        goals: list[Goal] = []
        expectations: list[Expectation] = []
        events: list[Event] = []
        for index, item in enumerate(items):
            if isinstance(item, Goal):
                goals.append(item)
            elif isinstance(item, Expectation):
                expectations.append(item)
            elif isinstance(item, EVENT_TYPES):
                events.append(item)
            else:
                raise InvalidValueError(
                    f"add.items[{index}]", item, "expected a Goal, an Expectation or an event"
                )
        if not items:
            return self
        return attrs.evolve(
            self,
            goals=self.goals + tuple(goals),
            expectations=self.expectations + tuple(expectations),
            events=self.events + tuple(events),
        )

    def with_agreement(self, agreement: Agreement) -> Journal:
        """Return a new journal under a changed agreement (a move, new quiet hours)."""
        return attrs.evolve(self, agreement=agreement)

    def with_goal(self, goal: Goal) -> Journal:
        """Return a new journal where the goal with ``goal.id`` is replaced by *goal*.

        Use it to change a goal's status: paused, achieved or released.

        Raises:
            UnknownReferenceError: If no goal has that id.
        """
        self.goal(goal.id)
        return attrs.evolve(self, goals=tuple(goal if g.id == goal.id else g for g in self.goals))

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id.

        Raises:
            UnknownReferenceError: If there is none.
        """
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise UnknownReferenceError("goal", goal_id)

    def expectation(self, expectation_id: str) -> Expectation:
        """The expectation with this id.

        Raises:
            UnknownReferenceError: If there is none.
        """
        for expectation in self.expectations:
            if expectation.id == expectation_id:
                return expectation
        raise UnknownReferenceError("expectation", expectation_id)

    @overload
    def between(self, start: datetime, end: datetime) -> tuple[Event, ...]: ...

    @overload
    def between(self, start: datetime, end: datetime, kind: type[_E]) -> tuple[_E, ...]: ...

    def between(
        self, start: datetime, end: datetime, kind: type | None = None
    ) -> tuple[Event, ...]:
        """The events with ``start <= at < end``, in time order, optionally of one kind.

        Binary search finds the window, so the cost follows the window's
        size, not the length of the history.

        Raises:
            NaiveDatetimeError: If *start* or *end* has no zone.
        """
        v.check_aware("start", start)
        v.check_aware("end", end)
        if kind is not None and kind not in EVENT_TYPES:
            raise InvalidValueError("kind", kind, "expected an event type such as CheckIn")
        low = bisect_left(self.events, start.timestamp(), key=_instant)
        high = bisect_left(self.events, end.timestamp(), lo=low, key=_instant)
        window = self.events[low:high]
        if kind is None:
            return window
        return tuple(event for event in window if isinstance(event, kind))

    def before(self, moment: datetime) -> Journal:
        """The journal as it stood just before *moment*: events with ``at < moment``.

        Raises:
            NaiveDatetimeError: If *moment* has no zone.
        """
        v.check_aware("moment", moment)
        cut = bisect_left(self.events, moment.timestamp(), key=_instant)
        if cut == len(self.events):
            return self
        return attrs.evolve(self, events=self.events[:cut])

    def _repr_html_(self) -> str:
        # The notebook layer sits on top of the pipeline: imported only when a notebook asks.
        from accountability.notebook._html import journal_html  # noqa: PLC0415

        return journal_html(self)
