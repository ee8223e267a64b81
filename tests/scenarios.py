"""The coaching situations of the policy's scenarios, as journals at a moment.

Each function returns ``(journal, now)``. The same scenarios drive the example
tests and can be printed to read the suggested words out loud:
``python tests/scenarios.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from accountability import (
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Direction,
    Expectation,
    FollowUpSent,
    Goal,
    IfThen,
    Journal,
    Miss,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
)
from accountability.record import Event, FollowUpKind, Schedule

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 3, 2)
DAILY = Cadence.daily(start=MONDAY, at=time(7))
WHY = "I want to keep up with my kids without getting out of breath."

Scenario = tuple[Journal, datetime]


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A Berlin wall-clock moment, *day* days after Monday 2 March 2026."""
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute), BERLIN)


def journal(
    *events: Event,
    schedule: Schedule = DAILY,
    check_in: Cadence | None = None,
    plan: IfThen | None = None,
    action: str = "Run for 20 minutes",
    goal: Goal | None = None,
) -> Journal:
    """Maya's journal: one goal, one expectation, and the given events."""
    agreed = at(-1, 18)
    return Journal(
        agreement=Agreement(zone="Europe/Berlin", agreed_at=agreed, check_in=check_in),
        goals=(goal or Goal(id="g", title="Run a 10k", why=WHY),),
        expectations=(
            Expectation(
                id="run",
                goal="g",
                action=action,
                done_when="Logged in the app",
                schedule=schedule,
                agreed_at=agreed,
                plan=plan,
            ),
        ),
        events=events,
    )


def runs(*days: int, hour: int = 7) -> tuple[Event, ...]:
    """Runs on the given days."""
    return tuple(Completion(id=f"c{day}", at=at(day, hour), expectation="run") for day in days)


def sent(day: int, kind: FollowUpKind, firmness: int = 0, hour: int = 12) -> FollowUpSent:
    """A follow-up sent on *day*."""
    return FollowUpSent(id=f"f{day}", at=at(day, hour), kind=kind, firmness=firmness, text="...")


def afraid_and_not_started() -> Scenario:
    """1. A client afraid of failing who has not started yet."""
    fear = Reflection(
        id="r", at=at(0, 9), kind=ReflectionKind.FEAR, words="I'm scared I'll fail again."
    )
    return journal(fear, CheckIn(id="k", at=at(1, 20), progress="Not yet", confidence=3)), at(2, 10)


def three_missed_check_ins() -> Scenario:
    """2. Three missed check-ins in a row with no word."""
    evenings = Cadence.daily(start=MONDAY, at=time(20))
    events = (
        *runs(0, 1, 2, 3, 4),
        *(CheckIn(id=f"k{day}", at=at(day, 20, 15), progress="Done today") for day in range(5)),
        sent(4, FollowUpKind.CELEBRATE, hour=21),
    )
    return journal(*events, check_in=evenings), at(8, 10)


def crisis_mid_streak() -> Scenario:
    """3. A family crisis reported in the middle of a streak."""
    crisis = Setback(id="s", at=at(10, 9), what="My mum is in hospital.", severity=Severity.CRISIS)
    return journal(*runs(*range(10)), sent(7, FollowUpKind.CELEBRATE), crisis), at(10, 12)


def first_win_after_a_slump() -> Scenario:
    """4. A first win after a two-week slump."""
    events = (*runs(*range(7)), sent(6, FollowUpKind.CELEBRATE, hour=20), *runs(21))
    return journal(*events), at(21, 12)


def lowering_the_bar_twice() -> Scenario:
    """5. A client who asks to lower the bar twice in one week."""
    easier = [
        Renegotiation(
            id=f"n{day}",
            at=at(day, 20),
            expectation="run",
            direction=Direction.EASIER,
            reason="It's too much right now",
            action=action,
        )
        for day, action in ((8, "Run for 15 minutes"), (11, "Run for 10 minutes"))
    ]
    events = (*runs(0, 1, 2, 3, 4, 5, 6, 7), sent(7, FollowUpKind.CELEBRATE, hour=20), *easier)
    return journal(*events), at(12, 10)


def silent(days: int) -> Scenario:
    """6. A client silent for *days* days."""
    return journal(*runs(0, 1, 2, 3), sent(3, FollowUpKind.CELEBRATE, hour=20)), at(3 + days, 10)


def doing_well_asks_for_more() -> Scenario:
    """7. A client doing well who asks for more challenge."""
    harder = Renegotiation(
        id="n",
        at=at(14, 20),
        expectation="run",
        direction=Direction.HARDER,
        reason="I'm ready for more",
        action="Run for 30 minutes",
    )
    events = (*runs(*range(15)), sent(13, FollowUpKind.CELEBRATE, hour=20), harder)
    return journal(*events), at(15, 10)


def honest_miss_with_obstacle() -> Scenario:
    """8. A client who honestly reports a miss and names the obstacle."""
    miss = Miss(id="m", at=at(5, 21), expectation="run", reason="My knee was sore")
    events = (*runs(0, 1, 2, 3, 4), sent(4, FollowUpKind.CELEBRATE, hour=20), miss)
    return journal(*events), at(5, 21, 30)


def if_then_obstacle_shows_up() -> Scenario:
    """9. A client whose stored if-then obstacle shows up."""
    plan = IfThen(obstacle="I work late", response="I run the next morning")
    said = CheckIn(id="k", at=at(5, 22), progress="Had to work late again tonight.", confidence=6)
    events = (*runs(0, 1, 2, 3, 4), sent(4, FollowUpKind.CELEBRATE, hour=20), said)
    return journal(*events, plan=plan), at(6, 9)


def thrice_weekly_one_done_two_days_left() -> Scenario:
    """10. A 3-times-a-week habit with one done and two days left in the week."""
    thrice = Cadence.times_per_week(3, start=MONDAY)
    events = (*runs(0, 2, 4, hour=19), sent(6, FollowUpKind.CELEBRATE, hour=19), *runs(8, hour=19))
    return journal(*events, schedule=thrice), at(12, 10)


def decided_late_at_night() -> Scenario:
    """11. A follow-up decided at 23:30 local time."""
    events = (*runs(0, 1, 2), sent(2, FollowUpKind.CELEBRATE, hour=8))
    return journal(*events), at(5, 23, 30)


def sliding_slowly() -> Scenario:
    """12. A client whose momentum is sliding slowly without any single dramatic miss."""
    half_done = [
        Completion(id=f"p{day}", at=at(day, 7), expectation="run", amount=0.5)
        for day in range(56, 70)
        if day % 3
    ]
    events = (
        *runs(*range(56)),
        *runs(*(day for day in range(56, 70) if day % 3 == 0)),
        *half_done,
        sent(55, FollowUpKind.CELEBRATE),
    )
    return journal(*events), at(69, 10)


SCENARIOS: dict[str, Callable[[], Scenario]] = {
    "afraid and not started": afraid_and_not_started,
    "three missed check-ins": three_missed_check_ins,
    "crisis mid-streak": crisis_mid_streak,
    "first win after a slump": first_win_after_a_slump,
    "lowering the bar twice": lowering_the_bar_twice,
    "silent for 10 days": lambda: silent(10),
    "silent for 25 days": lambda: silent(25),
    "doing well, asks for more": doing_well_asks_for_more,
    "honest miss with obstacle": honest_miss_with_obstacle,
    "if-then obstacle shows up": if_then_obstacle_shows_up,
    "3 a week, 1 done, 2 days left": thrice_weekly_one_done_two_days_left,
    "decided at 23:30": decided_late_at_night,
    "sliding slowly": sliding_slowly,
}


if __name__ == "__main__":
    from accountability import suggest
    from accountability.cli import describe

    for name, build in SCENARIOS.items():
        journal_, now = build()
        print(f"=== {name} (decided {now:%a %d %b %H:%M})")
        print(describe(suggest(journal_, now), journal_))
        print()
