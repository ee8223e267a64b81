"""The journal: one client's append-only record, in time order whatever the order of arrival.

Moments are compared as instants (in UTC) throughout: Python compares two datetimes of
the same zone on the wall clock, which puts the repeated hour of an autumn DST change out
of order. The tests pin that hour on purpose.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from accountability import (
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Expectation,
    FollowUpSent,
    Goal,
    GoalStatus,
    Journal,
    Miss,
    Party,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    from_json,
    testing,
    to_json,
)
from accountability.exceptions import (
    DuplicateIdError,
    InvalidValueError,
    NaiveDatetimeError,
    UnknownReferenceError,
)
from accountability.record import Event, FollowUpKind
from accountability.record.model import EVENT_TYPES

BERLIN = ZoneInfo("Europe/Berlin")
AGREED = datetime(2026, 3, 1, 9, tzinfo=BERLIN)
EVER_BEFORE = datetime(1970, 1, 1, tzinfo=UTC)
EVER_AFTER = datetime(2100, 1, 1, tzinfo=UTC)


def _instant(event: Event) -> datetime:
    return event.at.astimezone(UTC)


def _in_time_order(events: Any) -> tuple[Event, ...]:
    """The events sorted by instant, ties broken by id: the order a journal promises."""
    return tuple(sorted(events, key=lambda event: (_instant(event), event.id)))


def _window(events: Any, start: datetime, end: datetime) -> tuple[Event, ...]:
    """Brute force: the events with start <= at < end, compared as instants, in time order."""
    low, high = start.astimezone(UTC), end.astimezone(UTC)
    return _in_time_order(e for e in events if low <= _instant(e) < high)


def _journal() -> Journal:
    """A Berlin client with one goal and one daily expectation, and no events yet."""
    return Journal.start(Agreement(zone="Europe/Berlin", agreed_at=AGREED)).add(
        Goal(id="run", title="Run a 10k", why="I want to keep up with my kids"),
        Expectation(
            id="morning-run",
            goal="run",
            action="run 5 km before work",
            done_when="logged in the app",
            agreed_at=AGREED,
            schedule=Cadence.daily(start=date(2026, 3, 2), at=time(7)),
        ),
    )


def _around_the_autumn_change() -> tuple[Contact, Contact, Contact]:
    """Three contacts in Berlin's repeated hour of 2026-10-25, in the order they happened.

    The first is at 02:45 summer time, the second at 01:00 UTC, the third at 02:30 winter
    time: later than the first, though its wall-clock time is earlier.
    """
    return (
        Contact(id="c", at=datetime(2026, 10, 25, 0, 45, tzinfo=UTC).astimezone(BERLIN)),
        Contact(id="b", at=datetime(2026, 10, 25, 1, 0, tzinfo=UTC)),
        Contact(id="a", at=datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(BERLIN)),
    )


# --- Order of arrival never matters ------------------------------------------------------


@given(journal=testing.journals(), data=st.data())
def test_appending_the_same_events_in_any_order_gives_equal_journals(
    journal: Journal, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(journal.events), label="order")
    empty = attrs.evolve(journal, events=())

    one_by_one = empty
    for event in shuffled:
        one_by_one = one_by_one.add(event)

    assert journal == one_by_one
    assert journal == empty.add(*shuffled)
    assert _in_time_order(journal.events) == journal.events


def test_the_same_events_around_a_dst_change_in_any_order_give_one_journal() -> None:
    events = _around_the_autumn_change()
    start = _journal()

    orders = {
        tuple(e.id for e in start.add(*order).events) for order in itertools.permutations(events)
    }

    assert {("c", "b", "a")} == orders


def test_events_in_the_repeated_autumn_hour_are_kept_in_the_order_they_happened() -> None:
    first, _, last = _around_the_autumn_change()

    journal = _journal().add(last, first)

    assert ["c", "a"] == [e.id for e in journal.events]


def test_a_back_filled_check_in_lands_in_its_place_in_time() -> None:
    monday = CheckIn(id="mon", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN))
    wednesday = CheckIn(id="wed", at=datetime(2026, 3, 4, 19, tzinfo=BERLIN))
    tuesday = Completion(
        id="tue", at=datetime(2026, 3, 3, 7, 30, tzinfo=BERLIN), expectation="morning-run"
    )

    journal = _journal().add(monday, wednesday).add(tuesday)

    assert ["mon", "tue", "wed"] == [e.id for e in journal.events]


def test_events_at_the_same_moment_are_ordered_by_id() -> None:
    moment = datetime(2026, 3, 2, 19, tzinfo=BERLIN)

    journal = _journal().add(
        Contact(id="zeta", at=moment), Contact(id="alpha", at=moment.astimezone(UTC))
    )

    assert ["alpha", "zeta"] == [e.id for e in journal.events]


def test_adding_returns_a_new_journal_and_leaves_the_old_one_as_it_was() -> None:
    before = _journal()

    after = before.add(CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN)))

    assert () == before.events
    assert ["c1"] == [e.id for e in after.events]


def test_adding_nothing_gives_the_same_journal() -> None:
    journal = _journal()

    assert journal is journal.add()


def test_an_expectation_and_the_events_naming_it_can_come_in_one_addition() -> None:
    expectation = Expectation(
        id="stretch", goal="run", action="stretch 10 minutes", agreed_at=AGREED
    )
    done = Completion(id="s1", at=AGREED + timedelta(days=1), expectation="stretch")

    journal = _journal().add(done, expectation)

    assert expectation == journal.expectation("stretch")
    assert (done,) == journal.events


# --- Refusals -----------------------------------------------------------------------------


def test_an_event_id_that_is_already_taken_is_refused() -> None:
    journal = _journal().add(CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN)))

    with pytest.raises(DuplicateIdError) as caught:
        journal.add(Contact(id="c1", at=datetime(2026, 3, 5, tzinfo=BERLIN)))

    assert ("event.id", "c1") == (caught.value.field, caught.value.value)
    assert "event.id='c1'" in str(caught.value)


def test_two_events_with_one_id_in_one_addition_are_refused() -> None:
    moment = datetime(2026, 3, 2, 19, tzinfo=BERLIN)

    with pytest.raises(DuplicateIdError) as caught:
        _journal().add(Contact(id="x", at=moment), CheckIn(id="x", at=moment))

    assert ("event.id", "x") == (caught.value.field, caught.value.value)


@pytest.mark.parametrize(
    ("item", "field"),
    [
        (Goal(id="run", title="Run a marathon", why="Why not"), "goal.id"),
        (
            Expectation(id="morning-run", goal="run", action="run 10 km", agreed_at=AGREED),
            "expectation.id",
        ),
    ],
    ids=["goal", "expectation"],
)
def test_a_goal_or_expectation_id_that_is_already_taken_is_refused(
    item: Goal | Expectation, field: str
) -> None:
    with pytest.raises(DuplicateIdError) as caught:
        _journal().add(item)

    assert (field, item.id) == (caught.value.field, caught.value.value)


MOMENT: Final = datetime(2026, 3, 2, 19, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("item", "field"),
    [
        (Completion(id="v", at=MOMENT, expectation="swim"), "Completion.expectation"),
        (Miss(id="v", at=MOMENT, expectation="swim"), "Miss.expectation"),
        (
            Renegotiation(
                id="v", at=MOMENT, expectation="swim", direction=Direction.EASIER, action="walk"
            ),
            "Renegotiation.expectation",
        ),
        (CheckIn(id="v", at=MOMENT, goal="swim"), "CheckIn.goal"),
        (
            Setback(
                id="v",
                at=MOMENT,
                what="flu",
                severity=Severity.MAJOR,
                affects=frozenset({"morning-run", "swim"}),
            ),
            "Setback.affects",
        ),
        (Win(id="v", at=MOMENT, what="I swam", goal="swim"), "Win.goal"),
        (Win(id="v", at=MOMENT, what="I swam", expectation="swim"), "Win.expectation"),
        (
            FollowUpSent(id="v", at=MOMENT, kind=FollowUpKind.REMIND, expectation="swim"),
            "FollowUpSent.expectation",
        ),
        (
            Reflection(id="v", at=MOMENT, kind=ReflectionKind.FEAR, words="water", goal="swim"),
            "Reflection.goal",
        ),
        (
            Expectation(id="laps", goal="swim", action="swim 20 laps", agreed_at=AGREED),
            "Expectation.goal",
        ),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else value,
)
def test_an_item_naming_an_unknown_id_is_refused_naming_field_and_id(
    item: Event | Expectation, field: str
) -> None:
    journal = _journal()

    with pytest.raises(UnknownReferenceError) as caught:
        journal.add(item)

    assert (field, "swim") == (caught.value.field, caught.value.value)
    assert isinstance(caught.value, LookupError)


def test_something_that_is_not_a_record_item_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        _journal().add("a check-in")  # type: ignore[arg-type]

    assert "add.items[0]" == caught.value.field


def test_a_journal_built_with_a_list_of_events_is_kept_as_a_tuple() -> None:
    moment = datetime(2026, 3, 2, 19, tzinfo=BERLIN)
    agreement = Agreement(zone="UTC", agreed_at=AGREED)

    journal = Journal(agreement=agreement, events=[Contact(id="x", at=moment)])

    assert (Contact(id="x", at=moment),) == journal.events


# --- Reading the journal ------------------------------------------------------------------


_WINDOW_EDGES = st.datetimes(
    datetime(2019, 12, 1), datetime(2036, 1, 1), timezones=testing.zones().map(ZoneInfo)
)


@st.composite
def journals_and_windows(draw: st.DrawFn) -> tuple[Journal, datetime, datetime]:
    """A journal and a window whose edges often sit exactly on one of its events."""
    journal = draw(testing.journals())
    edges = _WINDOW_EDGES
    if journal.events:
        on_an_event = st.sampled_from(journal.events).map(lambda e: e.at)
        in_another_zone = st.tuples(on_an_event, testing.zones()).map(
            lambda pair: pair[0].astimezone(ZoneInfo(pair[1]))
        )
        edges = on_an_event | in_another_zone | _WINDOW_EDGES
    start, end = draw(edges), draw(edges)
    return journal, start, end


def _fall_back_case() -> tuple[Journal, datetime, datetime]:
    first, _, last = _around_the_autumn_change()
    journal = _journal().add(first, last)
    return journal, datetime(2026, 10, 25, 1, 0, tzinfo=UTC), datetime(2026, 10, 25, 2, tzinfo=UTC)


@given(journals_and_windows())
@example(_fall_back_case())
def test_between_holds_exactly_the_events_inside_the_window(
    case: tuple[Journal, datetime, datetime],
) -> None:
    journal, start, end = case

    assert _window(journal.events, start, end) == journal.between(start, end)


@given(journals_and_windows(), st.sampled_from(EVENT_TYPES))
def test_between_of_one_kind_holds_exactly_the_events_of_that_kind(
    case: tuple[Journal, datetime, datetime], kind: type[Any]
) -> None:
    journal, start, end = case
    expected = tuple(e for e in _window(journal.events, start, end) if isinstance(e, kind))

    assert expected == journal.between(start, end, kind)


@given(journals_and_windows())
@example(_fall_back_case())
def test_before_keeps_exactly_the_events_before_the_moment(
    case: tuple[Journal, datetime, datetime],
) -> None:
    journal, moment, _ = case

    earlier = journal.before(moment)

    assert _window(journal.events, EVER_BEFORE, moment) == earlier.events
    assert (journal.agreement, journal.goals, journal.expectations) == (
        earlier.agreement,
        earlier.goals,
        earlier.expectations,
    )


def test_before_a_moment_after_every_event_is_the_same_journal() -> None:
    journal = _journal().add(CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN)))

    assert journal is journal.before(datetime(2026, 3, 3, tzinfo=BERLIN))


def test_before_the_moment_of_an_event_leaves_that_event_out() -> None:
    moment = datetime(2026, 3, 2, 19, tzinfo=BERLIN)
    journal = _journal().add(Contact(id="x", at=moment), Contact(id="y", at=moment - timedelta(1)))

    assert ["y"] == [e.id for e in journal.before(moment).events]


def test_a_window_with_a_naive_edge_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        _journal().between(datetime(2026, 3, 1), datetime(2026, 3, 2, tzinfo=BERLIN))

    assert "start" == caught.value.field


def test_before_a_naive_moment_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        _journal().before(datetime(2026, 3, 1))

    assert "moment" == caught.value.field


def test_with_goal_changes_the_goals_status_and_nothing_else() -> None:
    journal = _journal().add(
        Goal(id="read", title="Read more", why="I miss it"),
        CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN)),
    )
    paused = attrs.evolve(journal.goal("run"), status=GoalStatus.PAUSED)

    changed = journal.with_goal(paused)

    assert GoalStatus.PAUSED == changed.goal("run").status
    assert GoalStatus.ACTIVE == journal.goal("run").status
    assert ["run", "read"] == [g.id for g in changed.goals]
    assert journal.goal("read") == changed.goal("read")
    assert (journal.expectations, journal.events) == (changed.expectations, changed.events)


def test_with_goal_for_an_unknown_goal_is_refused() -> None:
    with pytest.raises(UnknownReferenceError) as caught:
        _journal().with_goal(Goal(id="swim", title="Swim", why="Water"))

    assert ("goal", "swim") == (caught.value.field, caught.value.value)


def test_looking_up_an_unknown_expectation_is_refused() -> None:
    with pytest.raises(UnknownReferenceError) as caught:
        _journal().expectation("swim")

    assert ("expectation", "swim") == (caught.value.field, caught.value.value)


def test_with_agreement_keeps_the_record_under_a_new_agreement() -> None:
    journal = _journal().add(CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN)))
    moved = Agreement(zone="America/New_York", agreed_at=datetime(2026, 4, 1, tzinfo=UTC))

    changed = journal.with_agreement(moved)

    assert moved == changed.agreement
    assert journal.events == changed.events
    assert "Europe/Berlin" == journal.agreement.zone


# --- The lifecycle of a journal, against a plain model ------------------------------------


def _fall_backs(zone: str, year: int = 2026) -> list[datetime]:
    """The instants (UTC) in *year* at which the clocks in *zone* go back."""
    tz, found = ZoneInfo(zone), []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(tz).utcoffset()
    while moment.year == year:
        step = moment + timedelta(minutes=30)
        new_offset = step.astimezone(tz).utcoffset()
        if offset is not None and new_offset is not None and new_offset < offset:
            found.append(step)
        moment, offset = step, new_offset
    return found


FALL_BACKS: Final = tuple((zone, at) for zone in testing.ZONES for at in _fall_backs(zone))
"""Where a DST change repeats an hour: (zone, instant) pairs from the zones the strategies use."""

MINUTES: Final = st.integers(0, 120) | st.integers(0, 3 * 24 * 60)
"""Steps of the clock: often a few minutes (so events crowd), sometimes days."""


class JournalMachine(RuleBasedStateMachine):
    """Append, back-fill and renegotiate, and check the journal against a plain model."""

    journal: Journal
    now: datetime
    focus: str
    goal_ids: tuple[str, ...]
    added: list[Event]
    serial: int
    expectations: dict[str, Expectation]
    renegotiations: dict[str, list[Renegotiation]]

    @initialize(
        agreement=testing.agreements(),
        goals=st.lists(testing.goals(), min_size=1, max_size=3, unique_by=lambda g: g.id),
    )
    def start(self, agreement: Agreement, goals: list[Goal]) -> None:
        self.journal = Journal.start(agreement).add(*goals)
        self.now = agreement.agreed_at.astimezone(UTC)
        self.focus = agreement.zone
        self.goal_ids = tuple(g.id for g in goals)
        self.added = []
        self.serial = 0
        self.expectations = {}
        self.renegotiations = {}

    # --- helpers ---

    def _new_id(self, data: st.DataObject, prefix: str) -> str:
        """A drawn id made unique by a serial number (a filter would make shrinking slow)."""
        self.serial += 1
        return f"{data.draw(testing.ids(prefix), label='id')}.{self.serial}"

    def _zone(self, data: st.DataObject) -> ZoneInfo:
        return ZoneInfo(data.draw(st.just(self.focus) | testing.zones(), label="zone"))

    def _add(self, event: Event) -> None:
        self.journal = self.journal.add(event)
        self.added.append(event)
        if isinstance(event, Renegotiation):
            self.renegotiations.setdefault(event.expectation, []).append(event)
        self.now = max(self.now, _instant(event))

    def _event_at(self, data: st.DataObject, moment: datetime) -> Event:
        return data.draw(
            testing.events(
                st.just(self._new_id(data, "v")),
                st.just(moment),
                goal_ids=self.goal_ids,
                expectation_ids=tuple(self.expectations),
            ),
            label="event",
        )

    # --- rules ---

    @rule(data=st.data(), minutes=MINUTES)
    def append_an_event(self, data: st.DataObject, minutes: int) -> None:
        moment = (self.now + timedelta(minutes=minutes)).astimezone(self._zone(data))
        self._add(self._event_at(data, moment))

    @rule(data=st.data(), minutes=st.integers(1, 120) | st.integers(1, 60 * 24 * 60))
    def back_fill_an_event(self, data: st.DataObject, minutes: int) -> None:
        moment = (self.now - timedelta(minutes=minutes)).astimezone(self._zone(data))
        self._add(self._event_at(data, moment))

    @precondition(lambda self: bool(self.added))
    @rule(data=st.data())
    def add_an_event_at_the_moment_of_another(self, data: st.DataObject) -> None:
        other = data.draw(st.sampled_from(self.added), label="same moment as")
        self._add(self._event_at(data, other.at.astimezone(self._zone(data))))

    @rule(data=st.data())
    def agree_on_an_expectation(self, data: st.DataObject) -> None:
        expectation = data.draw(
            testing.expectations(
                goal_ids=self.goal_ids, expectation_id=st.just(self._new_id(data, "e"))
            ),
            label="expectation",
        )
        self.journal = self.journal.add(expectation)
        self.expectations[expectation.id] = expectation

    @precondition(lambda self: bool(self.expectations))
    @rule(
        data=st.data(),
        minutes=st.integers(-60 * 24 * 30, 60 * 24 * 3),
        direction=st.sampled_from(Direction),
        proposed_by=st.sampled_from(Party),
    )
    def renegotiate_an_expectation(
        self, data: st.DataObject, minutes: int, direction: Direction, proposed_by: Party
    ) -> None:
        moment = (self.now + timedelta(minutes=minutes)).astimezone(self._zone(data))
        action = data.draw(st.none() | testing.client_words(), label="action")
        done_when = data.draw(st.none() | testing.client_words(), label="done_when")
        schedule = data.draw(
            st.none() | testing.cadences(start=st.just(moment.date())), label="schedule"
        )
        if (action, done_when, schedule) == (None, None, None):
            done_when = "noted in my diary"
        renegotiation = Renegotiation(
            id=self._new_id(data, "r"),
            at=moment,
            expectation=data.draw(st.sampled_from(sorted(self.expectations)), label="of"),
            direction=direction,
            proposed_by=proposed_by,
            reason=data.draw(st.just("") | testing.client_words(), label="reason"),
            action=action,
            done_when=done_when,
            schedule=schedule,
        )
        self._add(renegotiation)

    @rule(data=st.data(), fall_back=st.sampled_from(FALL_BACKS), minutes=st.integers(-90, 90))
    def add_an_event_around_an_hour_that_repeats(
        self, data: st.DataObject, fall_back: tuple[str, datetime], minutes: int
    ) -> None:
        zone, instant = fall_back
        self.focus = zone
        self._add(
            self._event_at(data, (instant + timedelta(minutes=minutes)).astimezone(ZoneInfo(zone)))
        )

    @precondition(lambda self: bool(self.added))
    @rule(data=st.data())
    def a_taken_event_id_is_refused(self, data: st.DataObject) -> None:
        taken = data.draw(st.sampled_from([e.id for e in self.added]), label="taken id")
        before = self.journal

        with pytest.raises(DuplicateIdError) as caught:
            self.journal.add(Contact(id=taken, at=self.now))

        assert ("event.id", taken) == (caught.value.field, caught.value.value)
        assert before == self.journal

    @rule(data=st.data())
    def an_unknown_expectation_is_refused(self, data: st.DataObject) -> None:
        unknown = self._new_id(data, "x")

        with pytest.raises(UnknownReferenceError) as caught:
            self.journal.add(
                Completion(id=self._new_id(data, "v"), at=self.now, expectation=unknown)
            )

        assert ("Completion.expectation", unknown) == (caught.value.field, caught.value.value)

    @rule(data=st.data())
    def a_window_holds_what_the_model_says(self, data: st.DataObject) -> None:
        moments = [e.at for e in self.added] or [self.now]
        edge = st.sampled_from(moments) | st.builds(
            lambda m, minutes: m + timedelta(minutes=minutes),
            st.sampled_from(moments),
            st.integers(-600, 600),
        )
        start, end = data.draw(edge, label="start"), data.draw(edge, label="end")

        assert _window(self.added, start, end) == self.journal.between(start, end)
        assert _window(self.added, EVER_BEFORE, start) == self.journal.before(start).events

    # --- invariants ---

    @invariant()
    def events_are_in_time_order_ties_broken_by_id(self) -> None:
        keys = [(_instant(e), e.id) for e in self.journal.events]
        assert sorted(keys) == keys

    @invariant()
    def the_journal_holds_exactly_the_events_added(self) -> None:
        assert Counter(e.id for e in self.added) == Counter(e.id for e in self.journal.events)
        assert {e.id: e for e in self.added} == {e.id: e for e in self.journal.events}

    @invariant()
    def between_all_time_agrees_with_the_model(self) -> None:
        expected = _in_time_order(self.added)
        assert expected == self.journal.between(EVER_BEFORE, EVER_AFTER)

    @invariant()
    def renegotiations_are_recorded_and_the_agreed_expectation_is_kept(self) -> None:
        found = self.journal.between(EVER_BEFORE, EVER_AFTER, Renegotiation)
        for expectation_id, proposals in self.renegotiations.items():
            assert _in_time_order(proposals) == tuple(
                r for r in found if r.expectation == expectation_id
            )
        assert tuple(self.expectations.values()) == self.journal.expectations

    @invariant()
    def the_journal_survives_the_json_round_trip(self) -> None:
        text = to_json(self.journal)
        back = from_json(text, Journal)
        assert self.journal == back
        assert text == to_json(back)


# Twenty steps reach every rule; one bug at a time keeps a failing run's shrinking short.
JournalMachine.TestCase.settings = settings(stateful_step_count=20, report_multiple_bugs=False)
TestJournalLifecycle = JournalMachine.TestCase
