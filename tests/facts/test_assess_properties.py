"""Properties of `assess` over generated journals: the facts a coach reads are sound.

Strategies live in `stories` (shared with the policy's tests) and
`strategies_assess`: realistic coaching stories in zones with daylight
saving time, plus any valid journal from `accountability.testing`. Each
`now` lies inside a journal's span or after it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from accountability import (
    Agreement,
    Assessment,
    Cadence,
    CheckIn,
    Completion,
    FollowUpSent,
    Journal,
    Miss,
    Setback,
    Severity,
    assess,
    from_json,
    to_json,
)
from accountability.facts import ExpectationFacts, OccurrenceStatus
from accountability.record import Event, FollowUpKind
from accountability.testing import instants
from stories import GOAL, Case, cases, crisis_cases, daily_journal, habit_journal, local, shifted
from strategies_assess import (
    TRANSITIONS_2026,
    added_completions,
    cases_with_later_events,
    covering_setbacks,
    silent_gaps,
    unexcused_misses,
)

BERLIN = "Europe/Berlin"

# --- Pinned journals ---------------------------------------------------------------------

EMPTY_JOURNAL = Journal.start(
    Agreement(zone=BERLIN, agreed_at=datetime(2026, 3, 28, 9, tzinfo=ZoneInfo(BERLIN)))
)
"""No goals, no expectations, no events."""

WEEK_OF_WALKS = daily_journal(
    BERLIN,
    date(2026, 10, 20),
    time(7),
    tuple(
        Completion(id=f"c-{n}", at=local(BERLIN, date(2026, 10, 20 + n), 18), expectation="e-walk")
        for n in range(5)
    ),
)
"""A daily 07:00 walk done every evening from 20 to 24 October 2026, in Berlin."""

FIRST_245 = datetime(2026, 10, 25, 2, 45, tzinfo=ZoneInfo(BERLIN))
"""02:45 CEST on the night Berlin falls back: 00:45 UTC, the first time 02:45 comes round."""

SECOND_215 = datetime(2026, 10, 25, 2, 15, tzinfo=ZoneInfo(BERLIN), fold=1)
"""02:15 CET the same night: 01:15 UTC, half an hour *after* `FIRST_245`."""

CRISIS_AT_245 = Setback(
    id="s-crisis", at=FIRST_245, what="My partner left tonight", severity=Severity.CRISIS
)

FLU_WEEK = daily_journal(
    BERLIN,
    date(2026, 3, 1),
    None,
    (
        *(
            Completion(id=f"c-{n}", at=local(BERLIN, date(2026, 3, 1 + n), 9), expectation="e-walk")
            for n in range(5)
        ),
        Setback(
            id="s-flu",
            at=local(BERLIN, date(2026, 3, 6), 9),
            what="I have the flu",
            severity=Severity.MINOR,
            start=local(BERLIN, date(2026, 3, 6)),
            end=local(BERLIN, date(2026, 3, 6), 23),
        ),
    ),
)
"""Five walks, then a flu day (6 March 2026) excused by a minor setback."""

THREE_WALKS_A_WEEK = habit_journal(
    BERLIN,
    date(2026, 3, 2),
    Cadence.times_per_week(3, start=date(2026, 3, 2)),
    (
        *(
            Completion(
                id=f"c-{week}-{n}",
                at=local(BERLIN, date(2026, 3, 2 + 7 * week + 2 * n), 18),
                expectation="e-walk",
            )
            for week in range(3)
            for n in range(3)
        ),
        Setback(
            id="s-hospital",
            at=local(BERLIN, date(2026, 3, 23), 9),
            what="My father was taken to hospital",
            severity=Severity.MAJOR,
            start=local(BERLIN, date(2026, 3, 23)),
        ),
    ),
)
"""Three walks a week for three weeks, then a week (from 23 March 2026) excused by a setback."""

SLOW_MARCH = daily_journal(
    BERLIN,
    date(2026, 3, 1),
    None,
    (
        Setback(
            id="s-cold",
            at=local(BERLIN, date(2026, 3, 3), 9),
            what="A heavy cold",
            severity=Severity.MINOR,
            start=local(BERLIN, date(2026, 3, 3)),
            end=local(BERLIN, date(2026, 3, 4), 23),
        ),
        *(
            Completion(
                id=f"c-{day}",
                at=local(BERLIN, date(2026, 3, day), 18),
                expectation="e-walk",
                amount=amount,
            )
            for day, amount in ((3, 0.1), (4, 0.1), (6, 0.75), (7, 0.5))
        ),
    ),
)
"""A walk any time each day from 1 March 2026: two silent days, a little on two days excused
by a cold, then a silent day (5 March) and two days partly done."""

MOVING_OUT = Setback(
    id="s-move",
    at=local(BERLIN, date(2026, 3, 7), 20),
    what="We had to move out of the flat",
    severity=Severity.MINOR,
    start=local(BERLIN, date(2026, 3, 5)),
    end=local(BERLIN, date(2026, 3, 7), 23),
)
"""A setback covering 5 to 7 March 2026 in `SLOW_MARCH`: one missed day, two partly done."""


# --- Helpers -----------------------------------------------------------------------------


def every_facts(assessment: Assessment) -> list[ExpectationFacts]:
    """The facts of every expectation, and of the agreed check-ins when there are some."""
    extra = [assessment.check_ins] if assessment.check_ins is not None else []
    return [*assessment.expectations, *extra]


def affected(assessment: Assessment, setback: Setback) -> list[ExpectationFacts]:
    return [
        facts
        for facts in assessment.expectations
        if not setback.affects or facts.expectation.id in setback.affects
    ]


# --- 1. Total and deterministic ----------------------------------------------------------


@given(case=cases())
@example(case=(EMPTY_JOURNAL, datetime(2026, 3, 29, 2, 30, tzinfo=UTC)))
@example(case=(WEEK_OF_WALKS, SECOND_215))
def test_the_same_journal_and_moment_always_give_the_same_assessment(case: Case) -> None:
    journal, now = case
    rebuilt = from_json(to_json(journal), Journal)

    assert journal == rebuilt
    assert assess(journal, now) == assess(journal, now)
    assert assess(journal, now) == assess(rebuilt, now)


# --- 2. Shares are shares ----------------------------------------------------------------


@given(case=cases())
@example(case=(EMPTY_JOURNAL, datetime(2026, 3, 29, 2, 30, tzinfo=UTC)))
def test_adherence_and_momentum_always_lie_between_nothing_and_everything(case: Case) -> None:
    journal, now = case

    for facts in every_facts(assess(journal, now)):
        assert facts.adherence is None or 0.0 <= facts.adherence <= 1.0
        assert 0.0 <= facts.momentum <= 1.0
        assert 0.0 <= facts.momentum_week_ago <= 1.0


# --- 3. Excused periods never count against the client -----------------------------------


@given(case=covering_setbacks())
@example(case=(SLOW_MARCH, local(BERLIN, date(2026, 3, 8), 12), MOVING_OUT))
def test_a_setback_that_excuses_missed_periods_never_lowers_momentum_or_adherence(
    case: tuple[Journal, datetime, Setback],
) -> None:
    journal, now, setback = case
    before = assess(journal, now)
    after = assess(journal.add(setback), now)

    assert setback.id in {f.excused_by for facts in after.expectations for f in facts.occurrences}
    for old, new in zip(affected(before, setback), affected(after, setback), strict=True):
        assert old.momentum <= new.momentum
        if new.adherence is not None:
            assert old.adherence is not None
            assert old.adherence <= new.adherence


# --- 4. Doing something never counts against the client ----------------------------------


@given(case=added_completions())
@example(
    case=(
        FLU_WEEK,
        local(BERLIN, date(2026, 3, 7), 12),
        Completion(
            id="c-bit",
            at=local(BERLIN, date(2026, 3, 6), 20),
            expectation="e-walk",
            amount=0.1,
        ),
    )
)
@example(  # one walk, fully done, in the excused week of a three-times-a-week habit
    case=(
        THREE_WALKS_A_WEEK,
        local(BERLIN, date(2026, 4, 1), 12),
        Completion(id="c-one", at=local(BERLIN, date(2026, 3, 25), 18), expectation="e-walk"),
    )
)
def test_a_completion_never_lowers_adherence_or_momentum(
    case: tuple[Journal, datetime, Completion],
) -> None:
    journal, now, completion = case
    before = assess(journal, now).facts_for(completion.expectation)
    after = assess(journal.add(completion), now).facts_for(completion.expectation)

    assert before.momentum <= after.momentum
    if before.adherence is not None:
        assert after.adherence is not None
        assert before.adherence <= after.adherence


# --- 5. Owning up to a miss never earns credit -------------------------------------------


@given(case=unexcused_misses())
def test_an_honestly_reported_miss_never_raises_adherence_or_momentum(
    case: tuple[Journal, datetime, Miss],
) -> None:
    journal, now, miss = case
    before = assess(journal, now).facts_for(miss.expectation)
    after = assess(journal.add(miss), now).facts_for(miss.expectation)

    assert after.momentum <= before.momentum
    if before.adherence is not None and after.adherence is not None:
        assert after.adherence <= before.adherence


# --- 6. A long absence is one lapse, not N -----------------------------------------------


@given(case=silent_gaps(check_in=False))
def test_a_run_of_silent_days_counts_as_one_lapse_however_long_it_is(
    case: tuple[Journal, datetime, int],
) -> None:
    journal, now, silent_days = case
    facts = assess(journal, now).facts_for("e-walk")

    assert silent_days == sum(f.status is OccurrenceStatus.MISSED for f in facts.occurrences)
    assert 1 == facts.lapses


@given(case=silent_gaps(check_in=True))
def test_a_check_in_in_the_middle_of_a_silent_run_splits_it_into_two_lapses(
    case: tuple[Journal, datetime, int],
) -> None:
    journal, now, silent_days = case
    facts = assess(journal, now).facts_for("e-walk")

    assert silent_days == sum(f.status is OccurrenceStatus.MISSED for f in facts.occurrences)
    assert 2 == facts.lapses


# --- 7. The future does not leak into the present ----------------------------------------


@given(case=cases_with_later_events())
@example(  # Berlin repeats 02:00-03:00 on 25 October 2026: 02:15 CET is after 02:45 CEST
    case=(
        WEEK_OF_WALKS,
        FIRST_245,
        (CheckIn(id="k-later", at=SECOND_215, progress="Awake, can't sleep"),),
    )
)
def test_events_after_the_moment_of_assessment_change_nothing(
    case: tuple[Journal, datetime, tuple[Event, ...]],
) -> None:
    journal, now, later = case
    assert all(event.at.astimezone(UTC) > now.astimezone(UTC) for event in later)

    assert assess(journal, now) == assess(journal.add(*later), now)


# --- 8. Each local day once, across daylight-saving changes -------------------------------


@given(
    transition=st.sampled_from(TRANSITIONS_2026),
    days_before=st.integers(1, 40),
    days_after=st.integers(0, 40),
    minute=st.integers(0, 24 * 60 - 1),
)
@example(transition=TRANSITIONS_2026[0], days_before=3, days_after=3, minute=12 * 60)
@example(transition=TRANSITIONS_2026[1], days_before=3, days_after=3, minute=12 * 60)
@example(transition=TRANSITIONS_2026[2], days_before=3, days_after=3, minute=12 * 60)
@example(transition=TRANSITIONS_2026[3], days_before=3, days_after=3, minute=12 * 60)
@example(transition=TRANSITIONS_2026[0], days_before=1, days_after=0, minute=2 * 60 + 30)
@example(transition=TRANSITIONS_2026[1], days_before=1, days_after=0, minute=2 * 60 + 30)
@example(transition=TRANSITIONS_2026[2], days_before=1, days_after=0, minute=7 * 60)
@example(transition=TRANSITIONS_2026[3], days_before=1, days_after=0, minute=7 * 60)
def test_a_daily_habit_counts_each_local_day_once_across_a_daylight_saving_change(
    transition: tuple[str, date], days_before: int, days_after: int, minute: int
) -> None:
    zone, change = transition
    first = change - timedelta(days=days_before)
    # *minute* is real time after local midnight: on the day of a change it skips or repeats.
    now = shifted(local(zone, change + timedelta(days=days_after)), timedelta(minutes=minute))
    facts = assess(daily_journal(zone, first, time(7)), now).facts_for("e-walk")

    dues = [f.occurrence.due.astimezone(ZoneInfo(zone)) for f in facts.occurrences]
    days = [due.date() for due in dues]
    last = now.astimezone(ZoneInfo(zone)).date()
    assert [first + timedelta(days=n) for n in range((last - first).days + 1)] == days
    assert all(time(7) == due.time() for due in dues)
    periods = [f.occurrence for f in facts.occurrences]
    assert all(a.closes == b.opens for a, b in pairwise(periods))


# --- 9. A crisis opens a window of grace ---------------------------------------------------


@given(case=crisis_cases())
@example(  # a crisis reported at 02:45 CEST, assessed half an hour later at 02:15 CET
    case=(
        WEEK_OF_WALKS.add(CRISIS_AT_245),
        SECOND_215,
        CRISIS_AT_245,
    )
)
def test_inside_a_crisis_window_the_assessment_says_until_when(
    case: tuple[Journal, datetime, Setback],
) -> None:
    journal, now, _ = case
    crisis_until = assess(journal, now).crisis_until

    assert crisis_until is not None
    assert crisis_until > now


# --- 10. Streaks, lapses and celebrations add up -------------------------------------------


@given(case=cases())
def test_a_streak_never_exceeds_the_best_streak_and_lapses_are_never_negative(
    case: Case,
) -> None:
    journal, now = case

    for facts in every_facts(assess(journal, now)):
        assert facts.streak <= facts.best_streak
        assert facts.lapses >= 0


@given(case=cases(), data=st.data())
def test_a_celebrated_win_is_never_uncelebrated_again(case: Case, data: st.DataObject) -> None:
    journal, now = case
    # A celebration sent at or before now (a case may read the journal before it begins).
    start = min(journal.agreement.agreed_at, now, key=lambda moment: moment.astimezone(UTC))
    then = data.draw(instants(start, now), "then")
    seen = sorted({win.id for win in assess(journal, then).wins})
    chosen = data.draw(st.sets(st.sampled_from(seen)) if seen else st.just(set()), "chosen")
    celebration = FollowUpSent(
        id="f-celebrate",
        at=then,
        kind=FollowUpKind.CELEBRATE,
        goal=GOAL.id if GOAL in journal.goals else None,
        celebrated=frozenset(chosen),
    )
    journal = journal.add(celebration)
    assessment = assess(journal, now)

    assert set(assessment.uncelebrated) <= set(assessment.wins)
    uncelebrated = {win.id for win in assessment.uncelebrated}
    sent = [
        event
        for event in journal.events
        if isinstance(event, FollowUpSent) and event.at.astimezone(UTC) <= now.astimezone(UTC)
    ]
    assert celebration in sent
    for event in sent:
        assert not event.celebrated & uncelebrated
