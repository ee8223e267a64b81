"""suggest(): the next follow-up in the situations coaches describe.

Each test reads the suggestion the way a coach would: what kind of message,
which moves in which order, what it quotes, and when it goes out. Print the
words of every scenario with ``python tests/scenarios.py`` to read them out loud.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import scenarios
from accountability import (
    Agreement,
    Cadence,
    Cause,
    CheckIn,
    Due,
    Expectation,
    Goal,
    GoalStatus,
    Journal,
    Policy,
    QuietHours,
    Setback,
    Severity,
    Style,
    Win,
    WinSize,
    assess,
    decide,
    phrase,
    suggest,
)
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import InvalidValueError
from accountability.policy import Draft, FollowUp, Move, MoveKind, Situation
from accountability.policy.rules import celebrate_rule, momentum_rule, smaller_step
from accountability.record import FollowUpKind
from accountability.voice import DEFAULT_VOICE
from scenarios import WHY, at, journal, runs, sent


def kinds(moves: tuple[Move, ...]) -> list[MoveKind]:
    return [move.kind for move in moves]


def test_a_client_afraid_of_failing_hears_their_fear_back_and_is_offered_a_tiny_first_step() -> (
    None
):
    record, now = scenarios.afraid_and_not_started()

    follow_up = suggest(record, now)

    assert FollowUpKind.CHECK_IN == follow_up.kind
    assert MoveKind.ACKNOWLEDGE == follow_up.moves[0].kind
    assert "\u201cI'm scared I'll fail again.\u201d" in follow_up.text
    assert MoveKind.OFFER_SMALLER_STEP in kinds(follow_up.moves)
    assert not follow_up.asks
    assert "Run for 10 minutes" in follow_up.text


def test_three_missed_check_ins_with_no_word_get_one_gentle_reminder_not_three() -> None:
    record, now = scenarios.three_missed_check_ins()

    follow_up = suggest(record, now)

    assert FollowUpKind.REMIND == follow_up.kind
    assert 1 == follow_up.stance.firmness
    assert [MoveKind.ACKNOWLEDGE, MoveKind.REMIND_WHY, MoveKind.OPEN_QUESTION] == kinds(
        follow_up.moves
    )
    assert WHY in follow_up.text
    assert not follow_up.asks


def test_a_family_crisis_mid_streak_gets_space_and_no_ask() -> None:
    record, now = scenarios.crisis_mid_streak()

    follow_up = suggest(record, now)

    assert FollowUpKind.SUPPORT_SETBACK == follow_up.kind
    assert [MoveKind.ACKNOWLEDGE, MoveKind.HOLD_SPACE, MoveKind.EMPHASISE_AUTONOMY] == kinds(
        follow_up.moves
    )
    assert 0 == follow_up.stance.firmness
    assert "My mum is in hospital" not in follow_up.text  # painful words are not quoted back


def test_once_support_is_sent_the_crisis_window_is_held_quietly_until_it_ends() -> None:
    record, now = scenarios.crisis_mid_streak()
    first = suggest(record, now)
    record = record.add(first.sent("f-support"))

    later = suggest(record, now + timedelta(days=3))

    assert FollowUpKind.WAIT == later.kind
    assert at(24, 9) <= later.send_at


def test_a_first_win_after_a_two_week_slump_is_celebrated_as_a_comeback() -> None:
    record, now = scenarios.first_win_after_a_slump()

    follow_up = suggest(record, now)

    assert FollowUpKind.CELEBRATE == follow_up.kind
    assert [MoveKind.CELEBRATE] == kinds(follow_up.moves)
    assert "after two weeks away" in follow_up.text
    assert {"comeback:run:2026-03-23"} == follow_up.celebrates


def test_asking_twice_in_a_week_to_lower_the_bar_is_explored_before_lowering_it_again() -> None:
    record, now = scenarios.lowering_the_bar_twice()

    follow_up = suggest(record, now)

    assert FollowUpKind.CHECK_IN == follow_up.kind
    assert [
        MoveKind.AFFIRM,
        MoveKind.OPEN_QUESTION,
        MoveKind.EMPHASISE_AUTONOMY,
    ] == kinds(follow_up.moves)
    question = follow_up.moves[1]
    assert "what_changed" == question.topic
    assert "Run for 10 minutes" == question.step
    assert not follow_up.asks
    assert follow_up.reply
    assert MoveKind.OFFER_SMALLER_STEP not in kinds(follow_up.moves)


def test_ten_days_of_silence_reconnects_with_curiosity_and_twenty_five_leaves_an_open_door() -> (
    None
):
    ten = suggest(*scenarios.silent(10))
    twenty_five = suggest(*scenarios.silent(25))

    assert FollowUpKind.RECONNECT == ten.kind
    assert MoveKind.OPEN_QUESTION in kinds(ten.moves)
    assert "ten days" in ten.text
    assert FollowUpKind.OPEN_DOOR == twenty_five.kind
    assert 0 == twenty_five.stance.firmness
    assert [MoveKind.ACKNOWLEDGE, MoveKind.EMPHASISE_AUTONOMY] == kinds(twenty_five.moves)
    assert not ten.asks
    assert not twenty_five.asks


def test_after_an_open_door_the_policy_slows_down_rather_than_chase() -> None:
    record, now = scenarios.silent(25)
    record = record.add(suggest(record, now).sent("f-door"))

    follow_up = suggest(record, now + timedelta(days=3))

    assert FollowUpKind.WAIT == follow_up.kind
    assert now + timedelta(days=14) <= follow_up.send_at


def test_a_client_doing_well_who_asks_for_more_is_affirmed_and_asked_what_will_help() -> None:
    record, now = scenarios.doing_well_asks_for_more()

    follow_up = suggest(record, now)

    assert MoveKind.AFFIRM == follow_up.moves[0].kind
    assert "\u201cRun for 30 minutes\u201d" in follow_up.text
    assert MoveKind.CELEBRATE in kinds(follow_up.moves)
    their_idea = DEFAULT_VOICE.variants(Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="their_idea"))
    assert any(wording in follow_up.text for wording in their_idea)


def test_an_honest_miss_is_affirmed_for_honesty_before_anything_else() -> None:
    record, now = scenarios.honest_miss_with_obstacle()

    follow_up = suggest(record, now)

    assert (MoveKind.AFFIRM, "honesty") == (follow_up.moves[0].kind, follow_up.moves[0].topic)
    assert "\u201cMy knee was sore" in follow_up.text
    assert "What got in the way?" not in follow_up.text


def test_an_if_then_plan_is_surfaced_when_its_obstacle_shows_up() -> None:
    record, now = scenarios.if_then_obstacle_shows_up()

    follow_up = suggest(record, now)

    plan = next(m for m in follow_up.moves if m.kind is MoveKind.SURFACE_PLAN)
    assert ("I work late", "I run the next morning") == (plan.quote, plan.response)
    assert "\u201cIf I work late, then I run the next morning.\u201d" in follow_up.text


def test_one_of_three_done_with_two_days_left_waits_rather_than_nags() -> None:
    record, now = scenarios.thrice_weekly_one_done_two_days_left()

    follow_up = suggest(record, now)

    assert FollowUpKind.WAIT == follow_up.kind
    assert () == follow_up.moves
    assert any("1 of 3 done this week, 2 days left" in reason for reason in follow_up.reasons)
    assert at(14, 0) <= follow_up.send_at


def test_a_follow_up_decided_at_half_past_eleven_goes_out_when_quiet_hours_end() -> None:
    record, now = scenarios.decided_late_at_night()

    follow_up = suggest(record, now)

    assert FollowUpKind.WAIT != follow_up.kind
    assert at(6, 8) == follow_up.send_at


def test_momentum_sliding_a_little_is_named_without_quoting_the_why() -> None:
    record, now = scenarios.sliding_slowly()

    follow_up = suggest(record, now)

    assert FollowUpKind.REMIND == follow_up.kind
    assert MoveKind.REMIND_WHY not in kinds(follow_up.moves)
    assert WHY not in follow_up.text
    assert "Left out the client's why: momentum has not really dropped." in follow_up.reasons
    assert not follow_up.asks


def test_the_why_comes_back_when_momentum_really_drops_and_not_again_within_three_weeks() -> None:
    record = journal(*runs(*range(10)), *busy_evenings(*range(10, 24)))
    quoted = []
    for day in range(12, 40, 2):
        follow_up = suggest(record, at(day, 10))
        if follow_up.kind is FollowUpKind.WAIT:
            continue
        if MoveKind.REMIND_WHY in kinds(follow_up.moves):
            quoted.append(day)
        record = record.add(follow_up.sent(f"f{day}", at=max(follow_up.send_at, at(day, 10))))

    assert quoted  # momentum fell well below half: the why is worth bringing back
    assert all(later - earlier >= 21 for earlier, later in itertools.pairwise(quoted))


def busy_evenings(*days: int) -> tuple[CheckIn, ...]:
    """The client checks in each evening but does not run: each miss is a lapse of its own."""
    return tuple(CheckIn(id=f"k{day}", at=at(day, 21), progress="Busy day") for day in days)


def test_firmness_climbs_one_step_per_follow_up_while_new_lapses_come() -> None:
    record = journal(*runs(0, 1, 2, 3, 4), *busy_evenings(*range(5, 14)))
    # Each check-in gets a reply; a daily agreement keeps the weekly cap out of the ladder.
    record = record.with_agreement(attrs.evolve(record.agreement, weekly_cap=7))
    steps = []
    for day in range(6, 14, 2):
        follow_up = suggest(record, at(day, 10))
        steps.append(follow_up.stance.firmness)
        record = record.add(follow_up.sent(f"f{day}"))

    assert [1, 2, 3, 3] == steps


def test_a_long_silent_run_of_misses_is_one_lapse_and_gets_one_reminder() -> None:
    record = journal(*runs(0, 1, 2, 3, 4))
    first = suggest(record, at(6, 10))
    record = record.add(first.sent("f6"))

    second = suggest(record, at(8, 10))

    assert 1 == first.stance.firmness
    assert FollowUpKind.WAIT == second.kind


@pytest.mark.parametrize("status", [GoalStatus.PAUSED, GoalStatus.ACHIEVED, GoalStatus.RELEASED])
def test_a_goal_the_client_set_aside_is_not_chased(status: GoalStatus) -> None:
    set_aside = Goal(id="g", title="Run a 10k", why=WHY, status=status)
    record = journal(*runs(0, 1, 2, 3, 4), goal=set_aside)

    follow_up = suggest(record, at(8, 10))

    assert FollowUpKind.REMIND == suggest(journal(*runs(0, 1, 2, 3, 4)), at(8, 10)).kind
    assert FollowUpKind.WAIT == follow_up.kind
    assert "Run for 20 minutes" not in follow_up.text


def test_a_wait_looks_again_when_the_next_occurrence_is_due() -> None:
    # Done today; tomorrow's run is not in the assessment until it opens. The wait must
    # still look again by then, or a miss tomorrow would go unnoticed for days.
    record = journal(*runs(0, 1, 2))
    record = record.add(suggest(record, at(2, 12)).sent("f2"))

    follow_up = suggest(record, at(2, 13))

    assert FollowUpKind.WAIT == follow_up.kind
    assert at(3, 8) == follow_up.send_at


def following_the_waits(record: Journal, now: datetime) -> tuple[list[datetime], FollowUp]:
    """Look again only when each wait says, as an app would: the looks, and what came of it."""
    looks = [now]
    follow_up = suggest(record, now)
    while follow_up.kind is FollowUpKind.WAIT and len(looks) < 10:
        looks.append(follow_up.send_at)
        follow_up = suggest(record, follow_up.send_at)
    return looks, follow_up


def test_a_week_of_silence_across_the_spring_clock_change_is_met_when_the_week_is_up() -> None:
    # Maya last logged a run on Monday 23 March at noon; she was reminded of the slip on
    # Wednesday. Berlin's clocks go forward on Sunday 29 March, so her week of silence is
    # up on Monday 30 March at 13:00, an hour after noon on the wall clock. An app that
    # looks again only when a wait says so must reconnect then, not the next morning.
    record = journal(*runs(*range(21)), *runs(21, hour=12), sent(23, FollowUpKind.REMIND, 1))

    looks, follow_up = following_the_waits(record, at(27, 12))

    assert FollowUpKind.RECONNECT == follow_up.kind
    assert at(28, 13) == follow_up.send_at
    assert at(28, 13) == looks[-1]


def test_a_week_of_silence_across_the_autumn_clock_change_is_met_with_one_reconnect() -> None:
    # Berlin's clocks go back on Sunday 25 October. A client last heard from at noon on the
    # 20th has been silent a week at 11:00 on the 27th. The reconnect goes out then, once:
    # the same silence is not met again the next morning.
    agreed = datetime(2026, 10, 1, 9, tzinfo=scenarios.BERLIN)
    record = Journal(
        agreement=Agreement(zone="Europe/Berlin", agreed_at=agreed),
        goals=(Goal(id="g", title="Run a 10k", why=WHY),),
        events=(CheckIn(id="k", at=datetime(2026, 10, 20, 12, tzinfo=scenarios.BERLIN)),),
    )

    _, reconnect = following_the_waits(record, datetime(2026, 10, 27, 10, tzinfo=scenarios.BERLIN))
    record = record.add(reconnect.sent("f-reconnect"))
    _, after = following_the_waits(record, reconnect.send_at + timedelta(hours=1))

    assert FollowUpKind.RECONNECT == reconnect.kind
    assert datetime(2026, 10, 27, 11, tzinfo=scenarios.BERLIN) == reconnect.send_at
    assert FollowUpKind.OPEN_DOOR == after.kind
    assert datetime(2026, 11, 10, 11, tzinfo=scenarios.BERLIN) == after.send_at


def test_sliding_momentum_is_raised_as_soon_as_a_week_has_passed_since_the_last_message() -> None:
    # Maya stopped running after ten days; she was reminded, then reconnected with on
    # Wednesday 18 March at noon. The momentum rule keeps quiet for a week after any
    # message, so her sliding momentum is raised on Wednesday 25 March at noon, not the
    # morning after because the app was told to look again only then.
    record = journal(
        *runs(*range(10)), sent(11, FollowUpKind.REMIND, 1), sent(16, FollowUpKind.RECONNECT, 1)
    )

    looks, follow_up = following_the_waits(record, at(22, 12))

    assert FollowUpKind.REMIND == follow_up.kind
    assert any(reason.startswith("Momentum on") for reason in follow_up.reasons)
    assert at(23, 12) == follow_up.send_at
    assert at(23, 12) == looks[-1]


def test_a_habit_that_starts_in_two_weeks_is_watched_from_its_first_run() -> None:
    # Maya agreed to run every day from Monday 16 March, and to sign up for the spring 10k
    # by the end of May. Nothing is due before the 16th, but the wait must not sleep until
    # May: her first missed run is noticed the next morning.
    agreed = at(-1, 18)
    record = Journal(
        agreement=Agreement(zone="Europe/Berlin", agreed_at=agreed),
        goals=(Goal(id="g", title="Run a 10k", why=WHY),),
        expectations=(
            Expectation(
                id="run",
                goal="g",
                action="Run for 20 minutes",
                agreed_at=agreed,
                schedule=Cadence.daily(start=date(2026, 3, 16), at=time(7)),
            ),
            Expectation(
                id="race",
                goal="g",
                action="Sign up for the spring 10k",
                agreed_at=agreed,
                schedule=Due(at=datetime(2026, 5, 31, 20, tzinfo=scenarios.BERLIN)),
            ),
        ),
    )

    looks, follow_up = following_the_waits(record, at(1, 10))

    assert at(14, 8) == looks[1]
    assert FollowUpKind.REMIND == follow_up.kind
    assert at(15, 8) == follow_up.send_at


def test_a_challenge_with_care_opens_with_empathy_and_names_autonomy() -> None:
    record = journal(*runs(0, 1, 2, 3, 4), *busy_evenings(*range(5, 11)))
    for day in (6, 8):
        record = record.add(suggest(record, at(day, 10)).sent(f"f{day}"))

    follow_up = suggest(record, at(10, 10))

    assert FollowUpKind.CHALLENGE == follow_up.kind
    assert follow_up.moves[0].kind in (MoveKind.ACKNOWLEDGE, MoveKind.AFFIRM)
    assert MoveKind.EMPHASISE_AUTONOMY == follow_up.moves[-1].kind
    challenge = next(m for m in follow_up.moves if m.kind is MoveKind.CHALLENGE)
    assert any(
        wording.split("?")[0].split(". ")[0] in follow_up.text
        for wording in DEFAULT_VOICE.variants(challenge)
    )


def test_a_completion_steps_firmness_down() -> None:
    record = journal(*runs(0, 1, 2, 3, 4), sent(7, FollowUpKind.ASK_RECOMMITMENT, firmness=2))
    record = record.add(*runs(8, 9))

    follow_up = suggest(record, at(9, 12))

    assert follow_up.stance.firmness <= 1


def test_a_client_who_doubts_gets_affirmation_an_open_question_and_no_ask() -> None:
    record = journal(*runs(0, 1), sent(3, FollowUpKind.REMIND, firmness=1))
    record = record.add(
        CheckIn(id="k-low", at=at(3, 20), progress="I can't get going", confidence=2)
    )

    follow_up = suggest(record, at(6, 10))

    assert FollowUpKind.CHECK_IN == follow_up.kind
    assert not follow_up.asks
    assert follow_up.reply
    topics = {(m.kind, m.topic) for m in follow_up.moves}
    assert (MoveKind.ACKNOWLEDGE, "doubt") in topics
    assert (MoveKind.AFFIRM, "showing_up") in topics
    assert (MoveKind.OPEN_QUESTION, "doubt") in topics
    assert "I can't get going" == next(m.quote for m in follow_up.moves if m.topic == "doubt")


def test_a_struggling_client_is_offered_a_smaller_step_before_any_challenge() -> None:
    record = journal(*runs(0, 1))
    record = record.add(
        CheckIn(id="k-low", at=at(3, 7), progress="I can't get going", confidence=2),
        sent(3, FollowUpKind.REMIND, firmness=1),
    )

    follow_up = suggest(record, at(6, 10))

    assert FollowUpKind.OFFER_RENEGOTIATION == follow_up.kind
    assert MoveKind.OFFER_SMALLER_STEP in kinds(follow_up.moves)
    assert MoveKind.CHALLENGE not in kinds(follow_up.moves)


def test_a_challenge_the_policy_holds_back_is_named_in_the_reasons_not_sent() -> None:
    def always_challenge(situation: Situation, draft: Draft) -> Draft:
        return draft.add(
            Move(kind=MoveKind.CHALLENGE, expectation="run", action="Run for 20 minutes"),
            reason="House rule: challenge at every lapse.",
            kind=FollowUpKind.CHALLENGE,
        )

    record = journal(*runs(0, 1))  # one fresh lapse: the ladder is only at 1
    follow_up = suggest(record, at(4, 10), policy=Policy().with_rule(always_challenge))

    assert MoveKind.CHALLENGE not in kinds(follow_up.moves)
    assert FollowUpKind.CHALLENGE != follow_up.kind
    assert "House rule: challenge at every lapse." in follow_up.reasons
    assert (
        "Held back a challenge: firmness is 1, and it rises one step at a time."
        in follow_up.reasons
    )


def test_the_gentle_style_never_climbs_past_a_clear_ask() -> None:
    record = journal(*runs(0, 1, 2, 3, 4), *busy_evenings(*range(5, 20)))
    steps = []
    for day in range(6, 20, 2):
        follow_up = suggest(record, at(day, 10), style="gentle")
        steps.append(follow_up.stance.firmness)
        record = record.add(follow_up.sent(f"f{day}"))

    assert max(steps) == 2


def test_quiet_hours_are_read_in_the_clients_zone_across_a_dst_change() -> None:
    record = journal(*runs(0, 1, 2))
    berlin_spring = at(26, 23, 30)  # Saturday 28 March; clocks go forward that night

    follow_up = suggest(record, berlin_spring)

    local = follow_up.send_at.astimezone(record.agreement.tz)
    assert (local.date().day, local.time()) == (29, time(8))
    assert "CEST" == local.tzname()


def test_the_weekly_cap_holds_a_reminder_until_the_oldest_of_the_week_drops_out() -> None:
    three = [sent(day, FollowUpKind.REMIND) for day in (0, 1, 2)]  # three reminders this week
    record = journal(*runs(0, 1, 2), *three)

    follow_up = suggest(record, at(5, 13))

    assert FollowUpKind.WAIT != follow_up.kind
    assert not follow_up.reply
    assert at(7, 12) == follow_up.send_at


def test_a_win_is_celebrated_within_the_day_even_at_the_weekly_cap() -> None:
    three = [sent(day, FollowUpKind.CHECK_IN) for day in (5, 6, 7)]
    news = Win(id="w", at=at(8, 9), what="Signed up for the race!")
    record = journal(*runs(0, 1, 2), *three, news)

    follow_up = suggest(record, at(8, 13))

    assert FollowUpKind.CELEBRATE == follow_up.kind
    assert follow_up.reply
    assert at(8, 13) == follow_up.send_at
    assert not follow_up.asks


def test_no_follow_up_is_stacked_on_the_last_one() -> None:
    record = journal(*runs(0, 1, 2), sent(4, FollowUpKind.CHECK_IN, hour=9))

    follow_up = suggest(record, at(4, 15))

    assert at(4, 9) + timedelta(hours=20) <= follow_up.send_at


def test_an_agreement_that_allows_no_follow_ups_gets_none() -> None:
    record = journal(*runs(0, 1, 2))
    record = record.with_agreement(attrs.evolve(record.agreement, weekly_cap=0))

    assert FollowUpKind.WAIT == suggest(record, at(6, 10)).kind


def test_every_follow_up_has_a_reason_and_names_the_competencies_it_serves() -> None:
    for build in scenarios.SCENARIOS.values():
        follow_up = suggest(*build())
        assert follow_up.reasons
        if follow_up.moves:
            assert follow_up.competencies


def test_the_policy_never_changes_the_journal() -> None:
    record, now = scenarios.lowering_the_bar_twice()
    before = record

    suggest(record, now)

    assert before == record
    assert "Run for 20 minutes" == record.expectations[0].action


def test_your_own_rule_can_add_moves_and_the_invariants_still_hold() -> None:
    def always_challenge(situation: Situation, draft: Draft) -> Draft:
        return draft.add(
            Move(kind=MoveKind.CHALLENGE, action="Run for 20 minutes"),
            reason="House rule: always push",
            kind=FollowUpKind.CHALLENGE,
        )

    record, now = scenarios.crisis_mid_streak()
    pushy = Policy().with_rule(always_challenge, before=celebrate_rule)

    follow_up = suggest(record, now, policy=pushy)

    assert not follow_up.asks


def test_a_rule_can_be_removed_from_the_policy() -> None:
    record, now = scenarios.sliding_slowly()

    follow_up = suggest(record, now, policy=Policy().without(momentum_rule))

    assert FollowUpKind.WAIT == follow_up.kind


def test_a_rule_that_returns_something_else_is_refused_by_name() -> None:
    def broken(situation: Situation, draft: Draft) -> Draft:
        return None  # type: ignore[return-value]

    record, now = scenarios.silent(10)

    with pytest.raises(InvalidValueError, match="broken"):
        suggest(record, now, policy=Policy([broken]))


def test_an_unknown_style_name_is_refused() -> None:
    record, now = scenarios.silent(10)

    with pytest.raises(InvalidValueError, match="'brutal'"):
        suggest(record, now, style="brutal")


@pytest.mark.parametrize(
    ("action", "step"),
    [
        ("Run for 30 minutes", "Run for 15 minutes"),
        ("Walk 5 km", "Walk 3 km"),
        ("Wake up at 6:30", None),
        ("Finish chapter 2", None),
        ("Read 1 book", None),
        ("Meditate", None),
        ("Meditate for 1 minute", None),
        ("Do 2 push-ups", None),
    ],
)
def test_a_smaller_step_is_a_concrete_scaled_down_version_or_none(
    action: str, step: str | None
) -> None:
    expectation = journal(action=action).expectations[0]

    assert step == smaller_step(expectation)


def test_quiet_hours_that_do_not_wrap_midnight_also_hold() -> None:
    record = journal(*runs(0, 1, 2))
    siesta = attrs.evolve(record.agreement, quiet_hours=QuietHours(start=time(13), end=time(15)))
    record = Journal(
        agreement=Agreement(
            zone=siesta.zone, agreed_at=siesta.agreed_at, quiet_hours=siesta.quiet_hours
        ),
        goals=record.goals,
        expectations=record.expectations,
        events=record.events,
    )

    follow_up = suggest(record, at(6, 13, 30))

    assert at(6, 15) == follow_up.send_at


def test_one_miss_in_a_habit_that_holds_does_not_climb_the_ladder() -> None:
    done = [day for day in range(23) if day != 21]
    record = journal(*runs(*done), sent(22, FollowUpKind.REMIND, firmness=1))

    follow_up = suggest(record, at(24, 10))

    assert follow_up.stance.firmness <= 1
    assert not follow_up.asks


def test_a_commitment_the_client_proposed_is_quoted_as_theirs_when_asked_to_recommit() -> None:
    done = [day for day in range(23) if day % 3 == 0]  # a habit that has not taken hold yet
    # A smaller step was already offered when this lapse began: now the ask.
    record = journal(*runs(*done), sent(22, FollowUpKind.OFFER_RENEGOTIATION, firmness=1))

    follow_up = suggest(record, at(24, 10))

    assert FollowUpKind.ASK_RECOMMITMENT == follow_up.kind
    assert 2 == follow_up.stance.firmness
    ask = next(m for m in follow_up.moves if m.kind is MoveKind.ASK_RECOMMITMENT)
    assert "own_commitment" == ask.topic  # worded as the step the client chose
    assert "\u201cRun for 20 minutes\u201d" in follow_up.text


@pytest.mark.parametrize(
    "call",
    [
        lambda: suggest(None, at(1)),  # type: ignore[arg-type]
        lambda: Policy(5),
        lambda: Policy().decide("x"),  # type: ignore[arg-type]
        lambda: decide(assess(example_journal(), EXAMPLE_NOW), "x"),  # type: ignore[arg-type]
        lambda: Policy().without(_a_rule_of_my_own),
        lambda: Policy().with_rule("x"),  # type: ignore[arg-type]
    ],
    ids=[
        "no-journal",
        "rules-not-a-sequence",
        "no-assessment",
        "policy-not-a-policy",
        "without-a-rule-it-lacks",
        "a-rule-that-cannot-be-called",
    ],
)
def test_wrong_types_at_the_policys_door_get_the_librarys_own_error(call: Any) -> None:
    with pytest.raises(InvalidValueError):
        call()


def _a_rule_of_my_own(situation: Situation, draft: Draft) -> Draft:
    return draft


def test_a_follow_up_straight_from_decide_cannot_be_recorded_as_sent_before_it_has_words() -> None:
    record = example_journal()
    assessment = assess(record, EXAMPLE_NOW)
    decided = decide(assessment)
    assert decided.moves

    with pytest.raises(InvalidValueError, match="phrase"):
        decided.sent("f-unworded")
    worded = phrase(decided, assessment).sent("f-worded")

    assert worded.text.strip()


def test_good_news_is_celebrated_before_a_slip_is_mentioned() -> None:
    # Maya ran 8 km, and her stretching slipped: a coach opens with the run.
    now = datetime(2026, 3, 31, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))

    follow_up = suggest(example_journal(), now, Style.direct())

    order = kinds(follow_up.moves)
    slip = next(
        i
        for i, m in enumerate(follow_up.moves)
        if m.kind is MoveKind.ACKNOWLEDGE and m.topic == "lapse"
    )
    assert MoveKind.CELEBRATE == order[0]
    assert order.index(MoveKind.CELEBRATE) < slip
    assert follow_up.text.index("Ran 8 km without stopping") < follow_up.text.index("stretching")


def test_a_hard_thing_the_client_told_us_is_still_acknowledged_before_good_news() -> None:
    record = journal(
        *runs(0, 1, 2, 3, 4, 5, 6),
        Setback(
            id="s",
            at=at(7, 9),
            what="My father is in hospital",
            severity=Severity.MAJOR,
            cause=Cause.EXTERNAL,
        ),
    )

    follow_up = suggest(record, at(7, 12))

    assert MoveKind.CELEBRATE in kinds(follow_up.moves)  # the week-long streak
    assert MoveKind.ACKNOWLEDGE == follow_up.moves[0].kind
    assert "setback" == follow_up.moves[0].topic


def test_a_silence_inside_a_setbacks_grace_window_is_met_without_pressure() -> None:
    record = journal(
        *runs(0, 1, 2),
        Setback(
            id="s",
            at=at(3, 9),
            what="My father had a fall",
            severity=Severity.MAJOR,
            cause=Cause.EXTERNAL,
        ),
    )
    record = record.add(suggest(record, at(3, 12)).sent("f3"))

    follow_up = suggest(record, at(8, 12), Style.direct())  # silent 5 days, grace open

    assert FollowUpKind.RECONNECT == follow_up.kind
    assert "silence_in_grace" == follow_up.moves[0].topic
    assert MoveKind.REMIND_WHY not in kinds(follow_up.moves)
    assert WHY not in follow_up.text


def test_two_wins_of_one_size_are_praised_in_different_words() -> None:
    record = journal(
        Win(id="w1", at=at(3, 9), what="I ran 5 km", size=WinSize.BIG),
        Win(id="w2", at=at(4, 9), what="I signed up for the race", size=WinSize.BIG),
    )

    follow_up = suggest(record, at(4, 12))

    assert 1 == follow_up.text.count("That's a big deal. Well done!")
    assert {"w1", "w2"} == follow_up.celebrates


def test_the_same_news_told_twice_is_celebrated_once() -> None:
    record = journal(
        Win(id="w1", at=at(3, 9), what="I took the stairs", size=WinSize.MILESTONE),
        Win(id="w2", at=at(4, 9), what="I took the stairs", size=WinSize.MILESTONE),
    )

    follow_up = suggest(record, at(4, 12))

    assert 1 == follow_up.text.count("I took the stairs")
    assert {"w1", "w2"} == follow_up.celebrates
