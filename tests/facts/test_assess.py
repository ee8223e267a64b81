"""assess(): the facts a coach would look at, in situations coaches describe."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from accountability import (
    Cadence,
    CheckIn,
    Direction,
    FollowUpSent,
    Goal,
    Miss,
    Outcome,
    Renegotiation,
    Setback,
    Severity,
    Style,
    assess,
)
from accountability.exceptions import InvalidValueError, NaiveDatetimeError
from accountability.facts import OccurrenceStatus, WinSource
from accountability.record import FollowUpKind
from scenarios import BERLIN, MONDAY, at, journal, runs


def test_a_crisis_setback_mid_streak_excuses_the_misses_and_suspends_for_fourteen_days() -> None:
    crisis = Setback(
        id="s", at=at(10, 9), what="My father is in hospital", severity=Severity.CRISIS
    )
    before = assess(journal(*runs(*range(10))), at(10, 8))
    during = assess(journal(*runs(*range(10)), crisis), at(15, 12))

    facts = during.expectations[0]
    statuses = {o.occurrence.due.astimezone(BERLIN).date(): o.status for o in facts.occurrences}
    assert all(
        statuses[MONDAY + timedelta(days=d)] is OccurrenceStatus.EXCUSED for d in range(11, 16)
    )
    assert 0 == facts.lapses
    assert 10 == facts.streak
    assert before.expectations[0].momentum == pytest.approx(facts.momentum)
    assert crisis.at + timedelta(days=14) == during.crisis_until
    assert during.setbacks[0].in_grace


def test_three_missed_check_ins_with_no_word_count_as_one_lapse() -> None:
    weekly = Cadence.weekly(on=0, at=time(18), start=MONDAY)
    check_ins = (
        CheckIn(id="k0", at=at(0, 18, 30), progress="Good start"),
        CheckIn(id="k7", at=at(7, 18, 30), progress="Busy week"),
    )

    facts = assess(journal(*check_ins, check_in=weekly), at(35, 12)).check_ins

    assert facts is not None
    missed = [o for o in facts.occurrences if o.status is OccurrenceStatus.MISSED]
    assert [at(14, 18), at(21, 18), at(28, 18)] == [o.occurrence.due for o in missed]
    assert 1 == facts.lapses


def test_a_word_from_the_client_between_misses_starts_a_new_lapse() -> None:
    spoke = CheckIn(id="k", at=at(4, 20), progress="Rough week, sorry")

    facts = assess(journal(*runs(0, 1), spoke), at(7, 12)).expectations[0]

    assert 2 == facts.lapses


def test_a_completion_right_after_a_setback_is_a_comeback_win() -> None:
    flu = Setback(
        id="flu", at=at(3, 8), what="Flu", severity=Severity.MAJOR, start=at(3, 0), end=at(5, 20)
    )

    result = assess(journal(*runs(0, 1, 2), flu, *runs(6)), at(6, 12))

    comeback = [w for w in result.uncelebrated if w.source is WinSource.COMEBACK]
    assert ["comeback:flu"] == [w.id for w in comeback]
    assert at(6, 7) == comeback[0].at


def test_two_requests_in_a_week_to_lower_the_bar_are_counted_and_wait_for_the_horizon() -> None:
    easier = [
        Renegotiation(
            id=f"n{day}",
            at=at(day, 20),
            expectation="run",
            direction=Direction.EASIER,
            reason="Too much right now",
            action="Run for 10 minutes",
        )
        for day in (10, 13)
    ]

    result = assess(journal(*runs(*range(10)), *easier), at(14, 12))

    facts = result.expectations[0]
    assert 2 == result.easier_requests_recent
    assert ("n10", "n13") == tuple(r.id for r in facts.renegotiations.pending)
    assert (at(17, 20), at(20, 20)) == facts.renegotiations.effective
    assert "Run for 20 minutes" == facts.expectation.action


def test_an_easier_change_applies_after_the_horizon() -> None:
    easier = Renegotiation(
        id="n", at=at(3, 20), expectation="run", direction=Direction.EASIER, action="Walk"
    )

    facts = assess(journal(easier), at(11, 12)).expectations[0]

    assert "Walk" == facts.expectation.action
    assert ("n",) == tuple(r.id for r in facts.renegotiations.applied)


def test_an_easier_change_justified_by_a_setback_applies_at_once() -> None:
    knee = Setback(id="s", at=at(3, 9), what="Knee hurts", severity=Severity.MAJOR)
    easier = Renegotiation(
        id="n", at=at(3, 10), expectation="run", direction=Direction.EASIER, action="Walk"
    )

    facts = assess(journal(knee, easier), at(3, 12)).expectations[0]

    assert "Walk" == facts.expectation.action


def test_a_harder_change_applies_at_once() -> None:
    harder = Renegotiation(
        id="n",
        at=at(3, 10),
        expectation="run",
        direction=Direction.HARDER,
        action="Run for 40 minutes",
    )

    facts = assess(journal(harder), at(3, 12)).expectations[0]

    assert "Run for 40 minutes" == facts.expectation.action


def test_a_week_of_silence_is_measured_from_the_clients_last_word() -> None:
    sent = FollowUpSent(id="f", at=at(6, 9), kind=FollowUpKind.CHECK_IN, text="How is it going?")

    result = assess(journal(CheckIn(id="k", at=at(3, 20), progress="ok"), sent), at(10, 20))

    assert at(3, 20) == result.last_spoke
    assert timedelta(days=7) == result.silence


def test_a_three_times_a_week_habit_done_monday_tuesday_and_sunday_fills_its_week() -> None:
    thrice = Cadence.times_per_week(3, start=MONDAY)

    facts = assess(journal(*runs(0, 1, 6, hour=19), schedule=thrice), at(7, 12)).expectations[0]

    assert "week" == facts.period
    first = facts.occurrences[0]
    assert (at(0, 0), at(7, 0)) == (first.occurrence.opens, first.occurrence.closes)
    assert OccurrenceStatus.DONE == first.status
    assert 1 == facts.streak
    assert 1.0 == facts.adherence


def test_one_of_three_runs_with_two_days_left_is_pending_not_missed() -> None:
    thrice = Cadence.times_per_week(3, start=MONDAY)

    facts = assess(journal(*runs(0, hour=19), schedule=thrice), at(4, 12)).expectations[0]

    assert OccurrenceStatus.PENDING == facts.occurrences[0].status
    assert pytest.approx(1 / 3) == facts.occurrences[0].amount
    assert not facts.overdue
    assert 0 == facts.lapses


def test_a_miss_the_client_reports_is_marked_as_honest_reporting() -> None:
    miss = Miss(id="m", at=at(2, 21), expectation="run", reason="Worked late")

    result = assess(journal(*runs(0, 1), miss), at(2, 22))

    third = result.expectations[0].occurrences[2]
    assert (OccurrenceStatus.MISSED, True) == (third.status, third.reported)
    assert (miss,) == result.honest_misses


def test_an_occurrence_is_overdue_only_after_its_local_due_time() -> None:
    early = assess(journal(), at(2, 6, 30)).expectations[0]
    late = assess(journal(), at(2, 7, 30)).expectations[0]

    assert (False, True) == (early.overdue, late.overdue)
    assert at(2, 7) == early.next_due
    assert at(3, 7) == late.next_due


def test_a_habit_that_starts_in_two_weeks_is_next_due_on_its_first_day() -> None:
    later = Cadence.daily(start=MONDAY + timedelta(days=14), at=time(7))

    facts = assess(journal(schedule=later), at(1, 10)).expectations[0]

    assert () == facts.occurrences
    assert at(14, 7) == facts.next_due


def test_a_weekday_habit_that_starts_on_a_friday_is_next_due_when_its_first_period_ends() -> None:
    # Without a time of day, a period is due when it closes: Friday's runs to Monday 00:00.
    weekdays = Cadence.weekdays(start=MONDAY + timedelta(days=11))

    facts = assess(journal(schedule=weekdays), at(1, 10)).expectations[0]

    assert at(14, 0) == facts.next_due


def test_seven_days_in_a_row_is_a_streak_milestone_win() -> None:
    result = assess(journal(*runs(*range(7))), at(6, 12))

    assert ["streak:run:7:2026-03-08"] == [w.id for w in result.uncelebrated]
    assert {"streak:run:3:2026-03-04", "streak:run:7:2026-03-08"} <= {w.id for w in result.wins}


def test_a_broken_streaks_milestone_is_no_longer_waiting_to_be_celebrated() -> None:
    result = assess(journal(*runs(*range(7)), *runs(9)), at(9, 12))

    assert "streak:run:7:2026-03-08" not in {w.id for w in result.uncelebrated}


def test_the_first_completion_after_a_two_week_slump_is_a_comeback() -> None:
    result = assess(journal(*runs(*range(7)), *runs(21)), at(21, 12))

    comebacks = [w for w in result.uncelebrated if w.source is WinSource.COMEBACK]
    assert [("comeback:run:2026-03-23", 15)] == [(w.id, w.count) for w in comebacks]


def test_a_celebrated_win_is_no_longer_waiting_to_be_celebrated() -> None:
    sent = FollowUpSent(
        id="f",
        at=at(6, 12),
        kind=FollowUpKind.CELEBRATE,
        text="A whole week!",
        celebrated=frozenset({"streak:run:7:2026-03-08", "streak:run:3:2026-03-04"}),
    )

    result = assess(journal(*runs(*range(7)), sent), at(6, 13))

    assert "streak:run:7:2026-03-08" in {w.id for w in result.wins}
    assert () == result.uncelebrated


def test_an_outcome_measure_moving_toward_its_target_is_a_win() -> None:
    goal = Goal(
        id="g",
        title="Run a 10k",
        why="For my kids",
        outcome=Outcome(measure="longest run", target=10, unit="km", baseline=2),
    )
    check_in = CheckIn(id="k", at=at(5, 20), progress="Longest run yet", goal="g", measure=4.5)

    result = assess(journal(check_in, goal=goal), at(6, 12))

    assert ["\u201clongest run\u201d went from 2 km to 4.5 km"] == [
        w.what for w in result.uncelebrated if w.source is WinSource.OUTCOME
    ]


def test_momentum_climbing_back_past_the_threshold_is_a_win() -> None:
    days = [*range(25), *range(40, 70)]

    record = journal(*runs(*days))
    win = next(w for w in assess(record, at(69, 12)).wins if w.source is WinSource.MOMENTUM)

    fresh = assess(record, win.at + timedelta(hours=1))
    stale = assess(record, win.at + timedelta(days=10))

    assert win.id in {w.id for w in fresh.uncelebrated}
    assert win.id not in {w.id for w in stale.uncelebrated}


def test_realism_compares_what_was_asked_with_what_was_done() -> None:
    thrice = Cadence.times_per_week(3, start=MONDAY)

    facts = assess(journal(*runs(0, 7, 14, 21), schedule=thrice), at(28, 12)).expectations[0]

    assert 3 == facts.realism.asked
    assert pytest.approx(1 / 3) == facts.realism.share
    assert facts.realism.realistic is False


def test_a_style_that_opens_the_door_before_reconnecting_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="silence_open_door_days"):
        Style(silence_reconnect_days=10, silence_open_door_days=5)


def test_assessing_at_a_naive_moment_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="now"):
        assess(journal(), datetime(2026, 3, 10, 12))
