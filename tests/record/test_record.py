"""The record's domain objects: what they refuse, what they warn about, and that they never change.

Every refusal is an ``AccountabilityError`` that also is the fitting builtin, and its message
names the field and the value it was given.
"""

from __future__ import annotations

import math
import pickle
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountability import (
    AccountabilityError,
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Direction,
    Due,
    Expectation,
    Goal,
    GoalStatus,
    Journal,
    QuietHours,
    Renegotiation,
    Setback,
    Severity,
    testing,
)
from accountability.exceptions import (
    DuplicateIdError,
    InvalidScheduleError,
    InvalidValueError,
    JournalError,
    NaiveDatetimeError,
    SerializationError,
    UnknownReferenceError,
    UnknownZoneError,
    UnsupportedVersionError,
)
from accountability.record import SmartGapKind, smart_gaps

BERLIN = ZoneInfo("Europe/Berlin")
AGREED = datetime(2026, 3, 1, 9, tzinfo=BERLIN)


def _refusal(build: Any, **fields: Any) -> InvalidValueError:
    """Build an object from *fields* and return the InvalidValueError it raises."""
    with pytest.raises(InvalidValueError) as caught:
        build(**fields)
    return caught.value


def _expectation(**changes: Any) -> Expectation:
    fields: dict[str, Any] = {
        "id": "morning-run",
        "goal": "run",
        "action": "run 5 km before work",
        "agreed_at": AGREED,
    }
    return Expectation(**(fields | changes))


# --- Refusals name the field and the value -------------------------------------------------


def test_a_naive_datetime_is_refused_naming_the_field_and_the_value() -> None:
    naive = datetime(2026, 3, 2, 19)

    error = _refusal(CheckIn, id="c1", at=naive)

    assert isinstance(error, NaiveDatetimeError)
    assert "CheckIn.at" == error.field
    assert naive == error.value
    assert "CheckIn.at" in str(error)
    assert repr(naive) in str(error)


NAIVE = datetime(2026, 3, 9)


@pytest.mark.parametrize(
    ("build", "fields", "field"),
    [
        (CheckIn, {"id": "c", "at": NAIVE}, "CheckIn.at"),
        (Completion, {"id": "c", "at": AGREED, "expectation": "e", "due": NAIVE}, "Completion.due"),
        (
            Setback,
            {"id": "s", "at": AGREED, "what": "flu", "severity": Severity.MAJOR, "end": NAIVE},
            "Setback.end",
        ),
        (Agreement, {"zone": "UTC", "agreed_at": NAIVE}, "Agreement.agreed_at"),
        (Due, {"at": NAIVE}, "Due.at"),
    ],
    ids=["check-in", "completion-due", "setback-end", "agreement", "due"],
)
def test_every_moment_of_the_record_refuses_a_naive_datetime(
    build: Any, fields: dict[str, Any], field: str
) -> None:
    error = _refusal(build, **fields)

    assert isinstance(error, NaiveDatetimeError)
    assert field == error.field


def test_a_confidence_of_eleven_is_refused() -> None:
    error = _refusal(CheckIn, id="c1", at=AGREED, confidence=11)

    assert "CheckIn.confidence" == error.field
    assert 11 == error.value
    assert "CheckIn.confidence=11" in str(error)


@pytest.mark.parametrize("confidence", [0, 10])
def test_a_confidence_at_either_end_of_the_scale_is_kept(confidence: int) -> None:
    assert confidence == CheckIn(id="c1", at=AGREED, confidence=confidence).confidence


def test_a_confidence_given_as_true_is_refused_not_read_as_one() -> None:
    error = _refusal(CheckIn, id="c1", at=AGREED, confidence=True)

    assert "CheckIn.confidence" == error.field


@pytest.mark.parametrize("amount", [-0.5, 0, 1.01, math.nan, math.inf])
def test_a_completion_amount_outside_zero_to_one_is_refused(amount: float) -> None:
    error = _refusal(Completion, id="c", at=AGREED, expectation="e", amount=amount)

    assert "Completion.amount" == error.field
    assert "Completion.amount=" in str(error)
    assert isinstance(error.value, float | int)
    assert (math.isnan(amount) and math.isnan(error.value)) or amount == error.value


@given(st.floats(min_value=0, max_value=1, exclude_min=True))
def test_any_share_of_a_completion_above_zero_up_to_one_is_kept(amount: float) -> None:
    assert amount == Completion(id="c", at=AGREED, expectation="e", amount=amount).amount


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_an_empty_goal_title_is_refused(title: str) -> None:
    error = _refusal(Goal, id="run", title=title, why="I want to keep up with my kids")

    assert "Goal.title" == error.field
    assert title == error.value
    assert "empty" in error.reason


def test_a_goal_without_a_why_is_refused() -> None:
    error = _refusal(Goal, id="run", title="Run a 10k", why="")

    assert "Goal.why" == error.field


@pytest.mark.parametrize(
    "fields",
    [
        {"title": 5},
        {"id": 7},
        {"id": " run"},
        {"why": None},
        {"status": "active"},
        {"target_date": datetime(2026, 6, 1, tzinfo=UTC)},
    ],
    ids=["number-title", "number-id", "padded-id", "no-why", "text-status", "datetime-for-a-date"],
)
def test_a_goal_field_of_the_wrong_type_is_refused_naming_field_and_value(
    fields: dict[str, Any],
) -> None:
    base: dict[str, Any] = {"id": "run", "title": "Run a 10k", "why": "For my kids"}
    ((name, value),) = fields.items()

    error = _refusal(Goal, **(base | fields))

    assert f"Goal.{name}" == error.field
    assert value == error.value
    assert f"Goal.{name}={value!r}" in str(error)


def test_a_one_off_due_before_the_moment_it_was_agreed_is_refused() -> None:
    early = Due(at=AGREED - timedelta(minutes=1))

    error = _refusal(_expectation, schedule=early)

    assert "Expectation.schedule.at" == error.field
    assert early.at == error.value
    assert AGREED.isoformat() in error.reason


def test_a_one_off_due_at_the_moment_it_was_agreed_is_kept() -> None:
    due = Due(at=AGREED)

    assert due == _expectation(schedule=due).schedule


def test_a_one_off_due_before_agreement_in_another_zone_is_compared_as_a_moment() -> None:
    # 08:30 in London is 09:30 in Berlin: after the 09:00 agreement, so it is kept.
    due = Due(at=datetime(2026, 3, 1, 8, 30, tzinfo=ZoneInfo("Europe/London")))

    assert due == _expectation(schedule=due).schedule


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "europe/berlin ", "../etc/passwd", "UTC\x00"])
def test_an_unknown_zone_is_refused_naming_the_zone(zone: str) -> None:
    error = _refusal(Agreement, zone=zone, agreed_at=AGREED)

    assert isinstance(error, UnknownZoneError)
    assert "Agreement.zone" == error.field
    assert zone == error.value


def test_a_zone_that_is_not_text_is_refused_as_an_unknown_zone() -> None:
    error = _refusal(Agreement, zone=BERLIN, agreed_at=AGREED)

    assert isinstance(error, UnknownZoneError)
    assert BERLIN == error.value


def test_a_known_zone_is_read_as_a_zoneinfo() -> None:
    agreement = Agreement(zone="America/Sao_Paulo", agreed_at=AGREED)

    assert ZoneInfo("America/Sao_Paulo") == agreement.tz


def test_a_weekly_cap_of_more_than_three_a_day_is_refused() -> None:
    error = _refusal(Agreement, zone="UTC", agreed_at=AGREED, weekly_cap=22)

    assert "Agreement.weekly_cap" == error.field


def test_quiet_hours_with_a_zone_attached_are_refused() -> None:
    error = _refusal(QuietHours, start=time(21, tzinfo=UTC))

    assert "QuietHours.start" == error.field


@pytest.mark.parametrize(
    "error",
    [
        InvalidValueError("Goal.title", "", "must not be empty"),
        NaiveDatetimeError("CheckIn.at", datetime(2026, 3, 2)),
        UnknownZoneError("Agreement.zone", "Mars/Olympus"),
        InvalidScheduleError("Cadence.rule", "FREQ=HOURLY", "at most daily"),
        DuplicateIdError("event.id", "c1"),
        UnknownReferenceError("Completion.expectation", "nope"),
        SerializationError("$.data.events[0].at", "has no UTC offset"),
        UnsupportedVersionError("$.version", "version 2 is not supported"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_error_is_an_accountability_error_and_the_fitting_builtin(
    error: AccountabilityError,
) -> None:
    assert isinstance(error, AccountabilityError)
    assert isinstance(error, ValueError)


def test_an_unknown_reference_is_also_a_lookup_error() -> None:
    journal = Journal.start(Agreement(zone="UTC", agreed_at=AGREED))

    with pytest.raises(LookupError) as caught:
        journal.add(Completion(id="c", at=AGREED, expectation="nope"))

    assert isinstance(caught.value, UnknownReferenceError)
    assert isinstance(caught.value, JournalError)
    assert "Completion.expectation" == caught.value.field
    assert "nope" == caught.value.value
    assert "Completion.expectation='nope': no such id in the journal" == str(caught.value)


@pytest.mark.parametrize(
    "error",
    [
        InvalidValueError("Goal.title", "", "must not be empty"),
        NaiveDatetimeError("CheckIn.at", datetime(2026, 3, 2)),
        UnknownZoneError("Agreement.zone", "Mars/Olympus"),
        InvalidScheduleError("Cadence.rule", "FREQ=HOURLY", "at most daily"),
        JournalError("a journal rule is broken"),
        DuplicateIdError("event.id", "c1"),
        UnknownReferenceError("Completion.expectation", "nope"),
        SerializationError("$.data.events[0].at", "has no UTC offset"),
        UnsupportedVersionError("$.version", "version 2 is not supported"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_an_error_survives_pickling_with_its_message(error: AccountabilityError) -> None:
    back = pickle.loads(pickle.dumps(error))

    assert type(error) is type(back)
    assert str(error) == str(back)
    assert vars(error) == vars(back)


def test_an_error_raised_by_a_validator_survives_pickling() -> None:
    error = _refusal(CheckIn, id="c1", at=AGREED, confidence=11)

    back = pickle.loads(pickle.dumps(error))

    assert str(error) == str(back)
    assert ("CheckIn.confidence", 11) == (back.field, back.value)


# --- SMART gaps are warnings ------------------------------------------------------------


def test_a_vague_action_is_reported_as_not_specific() -> None:
    gaps = smart_gaps(
        _expectation(
            action="exercise more",
            done_when="logged in the app",
            schedule=Cadence.daily(start=date(2026, 3, 2), at=time(7)),
        )
    )

    assert [SmartGapKind.SPECIFIC] == [gap.kind for gap in gaps]
    assert "action" == gaps[0].field
    assert "'more'" in gaps[0].message


def test_a_one_word_action_without_a_number_is_reported_as_not_specific() -> None:
    gaps = smart_gaps(_expectation(action="exercise", done_when="logged"))

    assert SmartGapKind.SPECIFIC in {gap.kind for gap in gaps}


def test_an_expectation_without_a_done_when_is_reported_as_not_measurable() -> None:
    gaps = smart_gaps(_expectation(schedule=Due(at=AGREED + timedelta(days=5))))

    assert [("done_when", SmartGapKind.MEASURABLE)] == [(gap.field, gap.kind) for gap in gaps]


def test_an_expectation_without_a_schedule_is_reported_as_not_time_bound() -> None:
    gaps = smart_gaps(_expectation(done_when="logged in the app"))

    assert [("schedule", SmartGapKind.TIME_BOUND)] == [(gap.field, gap.kind) for gap in gaps]


def test_a_clear_expectation_has_no_smart_gaps() -> None:
    clear = _expectation(
        action="walk for 20 minutes after lunch",
        done_when="the step counter shows the walk",
        schedule=Cadence.weekdays(start=date(2026, 3, 2), at=time(13)),
    )

    assert () == smart_gaps(clear)


def test_a_loose_expectation_is_kept_and_only_warned_about() -> None:
    loose = _expectation(action="try to do better")

    assert "try to do better" == loose.action
    assert [SmartGapKind.SPECIFIC, SmartGapKind.MEASURABLE, SmartGapKind.TIME_BOUND] == [
        gap.kind for gap in smart_gaps(loose)
    ]


@given(testing.expectations())
def test_smart_gaps_name_only_fields_the_expectation_lacks_or_could_sharpen(
    expectation: Expectation,
) -> None:
    gaps = smart_gaps(expectation)

    assert len(gaps) == len({gap.kind for gap in gaps})
    assert (expectation.schedule is None) == (SmartGapKind.TIME_BOUND in {g.kind for g in gaps})
    assert (not expectation.done_when.strip()) == (
        SmartGapKind.MEASURABLE in {g.kind for g in gaps}
    )


# --- Renegotiations and setbacks ---------------------------------------------------------


def test_a_renegotiation_that_changes_nothing_is_refused() -> None:
    error = _refusal(Renegotiation, id="r", at=AGREED, expectation="e", direction=Direction.EASIER)

    assert "Renegotiation.action" == error.field
    assert error.value is None
    assert "changes at least one" in error.reason


@pytest.mark.parametrize(
    "change",
    [
        {"action": "walk 2 km"},
        {"done_when": "noted in my diary"},
        {"schedule": Cadence.times_per_week(2, start=date(2026, 3, 2))},
    ],
    ids=["action", "done-when", "schedule"],
)
def test_a_renegotiation_that_changes_one_thing_is_kept(change: dict[str, Any]) -> None:
    renegotiation = Renegotiation(
        id="r", at=AGREED, expectation="e", direction=Direction.EASIER, **change
    )

    assert Direction.EASIER == renegotiation.direction


def test_a_renegotiation_to_a_blank_action_is_refused() -> None:
    error = _refusal(
        Renegotiation, id="r", at=AGREED, expectation="e", direction=Direction.HARDER, action=" "
    )

    assert "Renegotiation.action" == error.field


def test_a_setback_ending_before_it_starts_is_refused() -> None:
    start = datetime(2026, 3, 10, tzinfo=BERLIN)
    end = start - timedelta(seconds=1)

    error = _refusal(
        Setback, id="s", at=AGREED, what="flu", severity=Severity.MAJOR, start=start, end=end
    )

    assert "Setback.end" == error.field
    assert end == error.value


def test_a_setback_that_ends_as_it_starts_is_kept() -> None:
    start = datetime(2026, 3, 10, tzinfo=BERLIN)

    setback = Setback(
        id="s", at=AGREED, what="flu", severity=Severity.MINOR, start=start, end=start
    )

    assert setback.start == setback.end


def test_a_setback_starts_when_it_was_told_unless_told_otherwise() -> None:
    setback = Setback(id="s", at=AGREED, what="flu", severity=Severity.CRISIS)

    assert AGREED == setback.start
    assert setback.end is None


def test_a_setback_affecting_a_list_of_expectations_is_refused() -> None:
    error = _refusal(Setback, id="s", at=AGREED, what="flu", severity=Severity.MAJOR, affects=["e"])

    assert "Setback.affects" == error.field


# --- Values never change -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "field", "value"),
    [
        (Goal(id="run", title="Run a 10k", why="For my kids"), "title", "Run a marathon"),
        (_expectation(), "action", "run 10 km"),
        (CheckIn(id="c1", at=AGREED), "confidence", 3),
        (Agreement(zone="UTC", agreed_at=AGREED), "weekly_cap", 7),
        (Cadence.daily(start=date(2026, 3, 2)), "at", time(7)),
    ],
    ids=["goal", "expectation", "check-in", "agreement", "cadence"],
)
def test_a_domain_object_is_frozen(obj: Any, field: str, value: Any) -> None:
    before = getattr(obj, field)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field, value)

    assert before == getattr(obj, field)


def test_evolve_returns_a_new_goal_and_leaves_the_old_one_as_it_was() -> None:
    goal = Goal(id="run", title="Run a 10k", why="For my kids")

    achieved = attrs.evolve(goal, status=GoalStatus.ACHIEVED)

    assert GoalStatus.ACTIVE == goal.status
    assert GoalStatus.ACHIEVED == achieved.status
    assert goal != achieved
    assert goal.id == achieved.id


def test_evolve_checks_the_new_value_too() -> None:
    goal = Goal(id="run", title="Run a 10k", why="For my kids")

    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(goal, title="")

    assert "Goal.title" == caught.value.field


def test_evolve_checks_the_rules_that_span_fields() -> None:
    setback = Setback(id="s", at=AGREED, what="flu", severity=Severity.MAJOR)

    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(setback, end=AGREED - timedelta(days=1))

    assert "Setback.end" == caught.value.field


@given(testing.goals())
def test_equal_goals_are_equal_values_and_hash_alike(goal: Goal) -> None:
    twin = attrs.evolve(goal)

    assert goal == twin
    assert hash(goal) == hash(twin)
    assert goal is not twin


def test_quiet_hours_end_at_their_first_reading_after_the_moment_across_the_autumn_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    quiet = QuietHours(start=time(1), end=time(2, 30))  # 02:30 happens twice on 25 Oct 2026
    first_one_am = datetime(2026, 10, 25, 1, 0, tzinfo=berlin)
    second_two_am = datetime(2026, 10, 25, 1, 0, tzinfo=UTC).astimezone(berlin)  # 02:00 CET

    assert "02:30 CEST" == quiet.first_moment_outside(first_one_am, berlin).strftime("%H:%M %Z")
    assert "02:30 CET" == quiet.first_moment_outside(second_two_am, berlin).strftime("%H:%M %Z")


def test_a_moment_outside_the_quiet_hours_is_its_own_first_moment_outside() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    noon = datetime(2026, 3, 6, 12, tzinfo=UTC)

    assert noon == QuietHours().first_moment_outside(noon, berlin)
    assert berlin == QuietHours().first_moment_outside(noon, berlin).tzinfo


def test_quiet_hours_refuse_a_moment_without_a_zone() -> None:
    with pytest.raises(NaiveDatetimeError):
        QuietHours().first_moment_outside(datetime(2026, 3, 6, 23), ZoneInfo("UTC"))
