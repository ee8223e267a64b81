"""A bundled example: four weeks of one client's journal, for the tutorial and the CLI.

Maya wants to run a half marathon. She agreed to run three times a week and
to stretch every weekday morning. In week two she caught the flu, and she
asked to ease her running while she recovered. The story is small but has
most of what a coach sees: completions, an honest miss, a setback, a fear
in her own words, a win and a renegotiation.

>>> journal = example_journal()
>>> journal.goals[0].why
'I want to feel strong again after a hard year, and show my daughter you can start over.'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from accountability.record.journal import Journal
from accountability.record.model import (
    Agreement,
    Cause,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Event,
    Expectation,
    FollowUpKind,
    FollowUpSent,
    Goal,
    IfThen,
    Miss,
    Outcome,
    Party,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
)
from accountability.record.schedule import Cadence

__all__ = ["EXAMPLE_NOW", "example_journal"]

_BERLIN: Final = ZoneInfo("Europe/Berlin")
_MONDAY: Final = date(2026, 3, 2)

EXAMPLE_NOW: Final = datetime(2026, 3, 30, 18, 0, tzinfo=_BERLIN)
"""The moment the example is meant to be read at: the evening of day 29."""


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    """A local moment in Berlin, *day* days after Monday 2 March 2026."""
    return datetime.combine(_MONDAY + timedelta(days=day), time(hour, minute), _BERLIN)


def example_journal() -> Journal:
    """Four weeks of Maya's journal, from her first agreement to the end of March 2026."""
    agreed = _at(-1, 18)
    agreement = Agreement(zone="Europe/Berlin", agreed_at=agreed)
    goal = Goal(
        id="half-marathon",
        title="Run the Berlin half marathon in October",
        why="I want to feel strong again after a hard year, and show my daughter you can "
        "start over.",
        outcome=Outcome(measure="longest run", target=21.1, unit="km", baseline=3.0),
        target_date=date(2026, 10, 4),
    )
    run = Expectation(
        id="run",
        goal=goal.id,
        action="Run for 30 minutes",
        done_when="The run is logged in my running app",
        schedule=Cadence.times_per_week(3, start=_MONDAY),
        agreed_at=agreed,
        proposed_by=Party.CLIENT,
        plan=IfThen(obstacle="I work late", response="I run the next morning before work"),
    )
    stretch = Expectation(
        id="stretch",
        goal=goal.id,
        action="Stretch for 10 minutes",
        done_when="I tick it off on the fridge calendar",
        schedule=Cadence.weekdays(start=_MONDAY, at=time(7)),
        agreed_at=agreed,
        proposed_by=Party.COACH,
    )
    events: list[Event] = [
        Reflection(
            id="r1",
            at=_at(-1, 18, 30),
            kind=ReflectionKind.MOTIVATION,
            words="When I ran at university I felt like I could handle anything.",
            goal=goal.id,
        ),
        Reflection(
            id="r2",
            at=_at(-1, 18, 40),
            kind=ReflectionKind.FEAR,
            words="I'm scared I'll quit after two weeks, like last time.",
            goal=goal.id,
        ),
    ]
    # Week 1: a good start.
    for day, hour in ((0, 18), (2, 18), (5, 10)):
        events.append(Completion(id=f"run-w1-{day}", at=_at(day, hour), expectation="run"))
    for day in range(5):
        events.append(Completion(id=f"stretch-w1-{day}", at=_at(day, 7, 10), expectation="stretch"))
    events.append(
        CheckIn(id="c1", at=_at(6, 20), progress="Three runs! Legs are sore.", confidence=7)
    )
    events.append(
        FollowUpSent(
            id="f1",
            at=_at(7, 9),
            kind=FollowUpKind.CELEBRATE,
            firmness=0,
            text="Three runs and three mornings of stretching in a row: that is a real start.",
            goal=goal.id,
            celebrated=frozenset({"streak:stretch:3:2026-03-04"}),
        )
    )
    # Week 2: the flu.
    events.append(Completion(id="run-w2-7", at=_at(7, 18, 30), expectation="run"))
    events.append(Completion(id="stretch-w2-7", at=_at(7, 7, 5), expectation="stretch"))
    events.append(
        Setback(
            id="s1",
            at=_at(9, 8),
            what="Flu, fever since last night.",
            severity=Severity.MAJOR,
            cause=Cause.EXTERNAL,
            start=_at(8, 22),
            end=_at(14, 12),
        )
    )
    events.append(
        Renegotiation(
            id="n1",
            at=_at(9, 8, 15),
            expectation="run",
            direction=Direction.EASIER,
            reason="Getting back from the flu",
            proposed_by=Party.CLIENT,
            schedule=Cadence.times_per_week(2, start=_at(14, 0).date()),
        )
    )
    # Week 3: back, slowly; one honest miss.
    events.append(Contact(id="k1", at=_at(14, 19), channel="chat", note="Fever is gone."))
    events.append(Completion(id="run-w3-16", at=_at(16, 7), expectation="run", amount=0.5))
    for day in (15, 16, 18):
        events.append(Completion(id=f"stretch-w3-{day}", at=_at(day, 7, 20), expectation="stretch"))
    events.append(
        Miss(id="m1", at=_at(17, 21), expectation="stretch", reason="Overslept after a late shift")
    )
    events.append(Completion(id="run-w3-19", at=_at(19, 18), expectation="run"))
    # Week 4: a win.
    events.append(Completion(id="run-w4-21", at=_at(21, 18), expectation="run"))
    events.append(Completion(id="run-w4-23", at=_at(23, 18), expectation="run"))
    for day in (21, 22, 24, 25):
        events.append(Completion(id=f"stretch-w4-{day}", at=_at(day, 7, 15), expectation="stretch"))
    events.append(
        Win(
            id="w1",
            at=_at(26, 11),
            what="Ran 8 km without stopping, further than I have in ten years.",
            size=WinSize.BIG,
            goal=goal.id,
            expectation="run",
        )
    )
    events.append(
        CheckIn(
            id="c2",
            at=_at(27, 20),
            progress="Work was chaotic but I kept going.",
            confidence=6,
            goal=goal.id,
            measure=8.0,
        )
    )
    return Journal(
        agreement=agreement, goals=(goal,), expectations=(run, stretch), events=tuple(events)
    )
