"""replay(): what the policy would have suggested at each step of a period, and its DataFrame.

The examples replay the scenarios' client, Maya, whose daily run is due at
07:00 in Berlin; the clocks there go forward on Sunday 29 March 2026 (day
27). The properties replay generated coaching stories and check what must
hold over a whole period, not only of one follow-up: firmness climbs one
step at a time, and sends never overwhelm.
"""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountability import (
    Cadence,
    CheckIn,
    Completion,
    FollowUpSent,
    Journal,
    Miss,
    Policy,
    Style,
    suggest,
)
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import (
    InvalidValueError,
    MissingDependencyError,
    NaiveDatetimeError,
)
from accountability.notebook.history import Replay, replay
from accountability.policy.memory import nudged
from accountability.policy.rules import momentum_rule
from accountability.record import FollowUpKind
from scenarios import BERLIN, MONDAY, at, journal, runs
from stories import Story, stories
from strategies_policy import STYLES

# Maya runs for six days, then goes quiet: her run lapses from day 6 on.
QUIET_FROM_DAY_6 = journal(*runs(0, 1, 2, 3, 4, 5))


def known_at(history: Replay, moment: datetime, made_here: FollowUpSent | None) -> Journal:
    """The replayed journal as it stood at *moment*, without the send decided at that step."""
    events = tuple(
        e
        for e in history.journal.events
        if e.at.timestamp() <= moment.timestamp() and e != made_here
    )
    return Journal(
        agreement=history.journal.agreement,
        goals=history.journal.goals,
        expectations=history.journal.expectations,
        events=events,
    )


# --- What each step sees and suggests ----------------------------------------------------


def test_each_step_suggests_what_suggest_would_with_only_what_was_known_then() -> None:
    history = replay(QUIET_FROM_DAY_6, at(0, 12), at(14, 12), style="direct")

    for step in history:
        expected = suggest(known_at(history, step.at, step.sent), step.at, "direct")
        assert expected == step.follow_up


def test_events_recorded_at_the_very_moment_of_a_step_are_seen_by_it() -> None:
    done_at_noon = journal(Completion(id="c", at=at(0, 12), expectation="run"))

    history = replay(done_at_noon, at(0, 12), at(1, 12))

    assert 1 == history.steps[0].assessment.facts_for("run").streak


def test_a_suggestion_sent_before_the_next_step_is_recorded_and_seen_by_later_steps() -> None:
    history = replay(QUIET_FROM_DAY_6, at(5, 12), at(12, 12), style="direct")

    recorded = [step.sent for step in history if step.sent is not None]
    assert recorded
    assert tuple(recorded) == history.sent
    for step, following in pairwise(history.steps):
        if step.sent is not None:
            assert step.follow_up.send_at == step.sent.at
            assert step.sent.at < following.at
            assert step.sent == following.assessment.last_follow_up


def test_a_lapse_is_raised_once_when_follow_ups_are_recorded_and_at_every_step_when_not() -> None:
    recorded = replay(QUIET_FROM_DAY_6, at(7, 12), at(12, 12), style="gentle")
    unrecorded = replay(QUIET_FROM_DAY_6, at(7, 12), at(12, 12), style="gentle", record=False)

    assert [FollowUpKind.CHECK_IN] == [e.kind for e in recorded.sent]
    assert [FollowUpKind.WAIT] * 4 == [s.follow_up.kind for s in recorded.steps[1:]]
    assert all(step.follow_up.kind is FollowUpKind.CHECK_IN for step in unrecorded)
    assert all(step.sent is None for step in unrecorded)


def test_the_firmness_ladder_climbs_one_step_per_new_lapse_when_follow_ups_are_recorded() -> None:
    # Each evening Maya says she missed the run: every miss is a lapse of its own.
    said = [
        Miss(id=f"m{day}", at=at(day, 20), expectation="run", reason="Too tired")
        for day in range(6, 10)
    ]
    record = journal(*runs(0, 1, 2, 3, 4, 5), *said)
    # Each miss she tells of gets a reply: a daily agreement keeps the weekly cap out of it.
    record = record.with_agreement(attrs.evolve(record.agreement, weekly_cap=7))
    history = replay(record, at(7, 9), at(11, 9), style="direct")

    firmness = [event.firmness for event in history.sent]
    assert firmness == sorted(firmness)
    assert all(b - a <= 1 for a, b in pairwise(firmness))
    assert firmness[-1] >= 1


def test_at_the_weekly_cap_a_reply_still_goes_out_within_the_day_but_without_its_ask() -> None:
    reminders = [
        FollowUpSent(id=f"f{day}", at=at(day, 12), kind=FollowUpKind.REMIND, firmness=day - 6)
        for day in (7, 8, 9)
    ]
    told = Miss(id="m9", at=at(9, 20), expectation="run", reason="Too tired to do anything")
    record = journal(*runs(0, 1, 2, 3, 4, 5), *reminders, told)

    follow_up = suggest(record, at(10, 9))

    assert follow_up.reply
    assert at(10, 9) == follow_up.send_at  # three reminders this week: the cap is full
    assert not follow_up.asks
    assert "At the weekly cap: the reply goes without its ask." in follow_up.reasons


def test_recording_sets_aside_the_journals_own_follow_ups_within_the_period_only() -> None:
    maya = example_journal()  # her coach sent "f1" on day 7, Monday 9 March
    own = next(e for e in maya.events if isinstance(e, FollowUpSent))

    within = replay(maya, own.at - timedelta(days=3), own.at + timedelta(days=3))
    after = replay(maya, own.at + timedelta(hours=1), own.at + timedelta(days=3))
    as_it_is = replay(maya, own.at - timedelta(days=3), own.at + timedelta(days=3), record=False)

    assert own not in within.journal.events
    assert own in after.journal.events
    assert after.steps[0].assessment.last_follow_up == own
    assert maya is as_it_is.journal
    assert (own,) == as_it_is.sent


def test_replaying_never_changes_the_journal_and_gives_the_same_replay_every_time() -> None:
    maya = example_journal()
    before = example_journal()

    first = replay(maya, EXAMPLE_NOW - timedelta(days=20), EXAMPLE_NOW, style="gentle")
    second = replay(maya, EXAMPLE_NOW - timedelta(days=20), EXAMPLE_NOW, style="gentle")

    assert before == maya
    assert first == second


def test_a_custom_policy_and_style_are_used_at_every_step() -> None:
    quieter = Policy().without(momentum_rule)
    style = Style(min_gap_hours=48)

    history = replay(QUIET_FROM_DAY_6, at(0, 12), at(10, 12), style=style, policy=quieter)

    assert style == history.style
    for step in history:
        assert style == step.assessment.style
        expected = suggest(known_at(history, step.at, step.sent), step.at, style, policy=quieter)
        assert expected == step.follow_up


def test_without_a_style_the_replay_uses_the_preset_matching_the_clients_directness() -> None:
    history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=2), EXAMPLE_NOW)

    assert Style.balanced() == history.style


# --- Steps -------------------------------------------------------------------------------


def test_daily_steps_stay_at_the_same_local_time_across_the_spring_clock_change() -> None:
    history = replay(QUIET_FROM_DAY_6, at(25, 9), at(30, 9))

    assert [(date(2026, 3, 27 + n), time(9)) for n in range(5)] == [
        (s.at.date(), s.at.time()) for s in history
    ]
    assert ["+01:00", "+01:00", "+02:00", "+02:00", "+02:00"] == [
        s.at.isoformat()[-6:] for s in history
    ]


def test_a_daily_step_in_the_missing_hour_moves_forward_to_the_first_valid_time() -> None:
    history = replay(QUIET_FROM_DAY_6, at(26, 2, 30), at(29, 2))

    assert [time(2, 30), time(3, 30), time(2, 30)] == [s.at.time() for s in history]


def test_steps_shorter_than_a_day_are_the_same_length_in_real_time_across_a_clock_change() -> None:
    history = replay(QUIET_FROM_DAY_6, at(26, 12), at(28, 12), every=timedelta(hours=6))

    gaps = {b.at.timestamp() - a.at.timestamp() for a, b in pairwise(history.steps)}
    assert {6 * 3600.0} == gaps
    assert 8 == len(history)


def test_a_cadence_sets_the_steps_at_its_due_moments() -> None:
    mondays = Cadence.weekly(on=0, at=time(9), start=MONDAY)

    history = replay(QUIET_FROM_DAY_6, at(0, 8), at(28, 8), every=mondays)

    assert [at(day, 9) for day in (0, 7, 14, 21)] == [s.at for s in history]


def test_the_period_includes_its_start_and_excludes_its_end() -> None:
    history = replay(QUIET_FROM_DAY_6, at(0, 12), at(3, 12))

    assert [at(0, 12), at(1, 12), at(2, 12)] == [s.at for s in history]


def test_steps_are_read_on_the_clients_clock_whatever_zone_start_is_written_in() -> None:
    start = at(0, 12).astimezone(ZoneInfo("Asia/Tokyo"))

    history = replay(QUIET_FROM_DAY_6, start, at(2, 12))

    assert [at(0, 12), at(1, 12)] == [s.at for s in history]
    assert [BERLIN, BERLIN] == [s.at.tzinfo for s in history]
    assert BERLIN == history.start.tzinfo


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"journal": "a journal"}, "journal"),
        ({"start": datetime(2026, 3, 2, 12)}, "start"),
        ({"end": datetime(2026, 3, 9, 12)}, "end"),
        ({"start": "2026-03-02"}, "start"),
        ({"end": at(0, 12)}, "end"),
        ({"end": at(0, 11)}, "end"),
        ({"every": timedelta(0)}, "every"),
        ({"every": timedelta(hours=-1)}, "every"),
        ({"every": 1}, "every"),
        ({"every": "daily"}, "every"),
        ({"style": "brisk"}, "style"),
        ({"style": 3}, "style"),
        ({"policy": "strict"}, "policy"),
        ({"record": "yes"}, "record"),
    ],
)
def test_bad_arguments_are_refused_with_an_error_naming_the_argument(
    arguments: dict[str, object], field: str
) -> None:
    given_arguments: dict[str, object] = {
        "journal": QUIET_FROM_DAY_6,
        "start": at(0, 12),
        "end": at(7, 12),
        **arguments,
    }

    with pytest.raises(InvalidValueError) as refused:
        replay(**given_arguments)  # type: ignore[arg-type]

    assert field == refused.value.field


def test_a_naive_start_is_refused_as_a_naive_datetime() -> None:
    with pytest.raises(NaiveDatetimeError):
        replay(QUIET_FROM_DAY_6, datetime(2026, 3, 2, 12), at(7, 12))


# --- The DataFrame -----------------------------------------------------------------------


def test_the_dataframe_has_one_typed_row_per_step() -> None:
    history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=28), EXAMPLE_NOW)

    frame = history.to_pandas()

    assert len(history) == len(frame)
    assert "step" == frame.index.name
    for column in ("at", "send_at"):
        dtype = frame[column].dtype
        assert isinstance(dtype, pd.DatetimeTZDtype)
        assert "Europe/Berlin" == str(dtype.tz)
    assert [s.at for s in history] == list(frame["at"])
    assert [s.follow_up.send_at for s in history] == list(frame["send_at"])
    assert [k.value for k in FollowUpKind] == list(frame["kind"].cat.categories)
    assert [s.follow_up.kind.value for s in history] == list(frame["kind"])
    expected_types = {
        "sent": "bool",
        "firmness": "int64",
        "empathy": "float64",
        "asks": "bool",
        "expectation": "string",
        "moves": "string",
        "reasons": "string",
        "text": "string",
        "silence_days": "float64",
        "confidence": "Int64",
        "in_grace": "bool",
        "crisis": "bool",
        "uncelebrated": "int64",
        "follow_ups_last_week": "int64",
        "momentum_run": "float64",
        "adherence_run": "float64",
        "streak_run": "int64",
        "lapses_run": "int64",
        "overdue_stretch": "bool",
    }
    assert expected_types == {name: str(frame[name].dtype) for name in expected_types}
    assert [s.sent is not None for s in history] == list(frame["sent"])


def test_the_dataframe_holds_the_figures_of_each_steps_assessment() -> None:
    history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=28), EXAMPLE_NOW)

    frame = history.to_pandas()

    for index, step in enumerate(history):
        row = frame.iloc[index]
        facts = step.assessment.facts_for("run")
        assert facts.momentum == row["momentum_run"]
        assert facts.streak == row["streak_run"]
        assert facts.lapses == row["lapses_run"]
        if facts.adherence is None:
            assert math.isnan(row["adherence_run"])
        else:
            assert facts.adherence == row["adherence_run"]
        confidence = step.assessment.confidence
        assert (confidence is None and pd.isna(row["confidence"])) or confidence == row[
            "confidence"
        ]
        assert any(s.in_grace for s in step.assessment.setbacks) == row["in_grace"]
        assert "\n".join(step.follow_up.reasons) == row["reasons"]
    assert frame["in_grace"].any()
    assert frame["adherence_run"].isna().any()
    assert frame["confidence"].isna().any()


def test_a_follow_up_about_no_expectation_shows_a_missing_value_in_the_dataframe() -> None:
    history = replay(QUIET_FROM_DAY_6, at(20, 12), at(24, 12), style="direct")

    frame = history.to_pandas()

    assert [s.follow_up.expectation is None for s in history] == list(frame["expectation"].isna())
    assert frame["expectation"].isna().any()


def test_a_replay_without_steps_gives_an_empty_dataframe_with_the_same_columns() -> None:
    later = Cadence.weekly(on=0, at=time(9), start=MONDAY + timedelta(days=70))
    full = replay(QUIET_FROM_DAY_6, at(0, 12), at(2, 12)).to_pandas()

    empty = replay(QUIET_FROM_DAY_6, at(0, 12), at(14, 12), every=later)

    frame = empty.to_pandas()
    assert 0 == len(empty)
    assert 0 == len(frame)
    assert dict(full.dtypes.astype(str)) == dict(frame.dtypes.astype(str))


def test_without_pandas_the_dataframe_asks_for_the_notebook_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    history = replay(QUIET_FROM_DAY_6, at(0, 12), at(2, 12))
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(MissingDependencyError) as missing:
        history.to_pandas()

    assert "pandas" == missing.value.package
    assert "notebook" == missing.value.extra
    assert 'pip install "accountability[notebook]"' in str(missing.value)
    assert isinstance(missing.value, ImportError)


def test_the_library_imports_and_replays_without_pandas_or_matplotlib() -> None:
    program = """
import sys
sys.modules["pandas"] = None
sys.modules["matplotlib"] = None
from datetime import timedelta
import accountability
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.notebook.plot import plot_timeline
from accountability.notebook.history import replay
history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=3), EXAMPLE_NOW)
print(len(history), history._repr_html_()[:40])
for attempt in (history.to_pandas, lambda: plot_timeline(history)):
    try:
        attempt()
    except ImportError as error:
        print(type(error).__name__, error)
"""

    finished = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False, timeout=120
    )

    assert 0 == finished.returncode, finished.stderr
    lines = finished.stdout.splitlines()
    assert lines[0].startswith('3 <div class="accountability replay">')
    assert lines[1].startswith("MissingDependencyError Replay.to_pandas() needs pandas")
    assert lines[2].startswith("MissingDependencyError plot_timeline() needs matplotlib")
    assert all('pip install "accountability[notebook]"' in line for line in lines[1:])


# --- Properties over a period ------------------------------------------------------------


def in_real_time(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def style_of(story: Story, style: str | None) -> Style:
    return Style.named(style or story.journal.agreement.directness.value)


@given(
    story=stories(max_days=30),
    style=st.sampled_from(STYLES),
    offset=st.integers(0, 20),
    days=st.integers(3, 21),
)
def test_over_a_replayed_period_firmness_climbs_one_step_at_a_time_and_sends_never_overwhelm(
    story: Story, style: str | None, offset: int, days: int
) -> None:
    agreement = story.journal.agreement
    start = agreement.agreed_at + timedelta(days=offset, hours=2)

    history = replay(story.journal, start, start + timedelta(days=days), style=style)

    earlier = [e for e in story.journal.events if isinstance(e, FollowUpSent) and e.at < start]
    gap = timedelta(hours=style_of(story, style).min_gap_hours)
    sends = [*earlier, *history.sent]
    # A reply to something the client said is not held by the cap or the gap: only
    # reminders and asks are (the gap from any follow-up, the cap counting reminders and
    # asks), and a reply at the cap carries none.
    replies = {step.sent.id for step in history if step.sent is not None and step.follow_up.reply}
    for before, event in pairwise(sends):
        if event in history.sent:
            assert event.firmness <= before.firmness + 1
            if event.id not in replies:
                assert in_real_time(before.at) + gap <= in_real_time(event.at)
    for event in history.sent:
        sent_at = in_real_time(event.at)
        week = [e for e in sends if sent_at - timedelta(days=7) < in_real_time(e.at) <= sent_at]
        if event.id not in replies:
            assert sum(nudged(e) for e in week) <= agreement.weekly_cap
        assert not agreement.quiet_hours.contains(event.at.astimezone(agreement.tz).time())
    assert len(history.sent) == sum(step.sent is not None for step in history)


@given(story=stories(max_days=20), style=st.sampled_from(STYLES), record=st.booleans())
def test_a_replay_of_any_story_is_the_same_every_time_and_keeps_every_event_of_the_client(
    story: Story, style: str | None, record: bool
) -> None:
    start = story.journal.agreement.agreed_at
    end = start.astimezone(story.journal.agreement.tz) + timedelta(days=7)  # a week on their clock

    first = replay(story.journal, start, end, style=style, record=record)
    second = replay(story.journal, start, end, style=style, record=record)

    assert first == second
    assert 7 == len(first)
    clients = [e for e in story.journal.events if not isinstance(e, FollowUpSent)]
    assert clients == [e for e in first.journal.events if not isinstance(e, FollowUpSent)]
    for step, following in pairwise(first.steps):
        assert in_real_time(step.at) < in_real_time(following.at)
        assert step.follow_up.send_at.timestamp() >= step.at.timestamp()


@given(story=stories(max_days=20))
def test_the_dataframe_of_any_replay_has_a_row_per_step_and_a_column_set_per_expectation(
    story: Story,
) -> None:
    start = story.journal.agreement.agreed_at
    history = replay(story.journal, start, start + timedelta(days=5))

    frame = history.to_pandas()

    assert len(history) == len(frame)
    for expectation in story.journal.expectations:
        for figure in ("momentum", "adherence", "streak", "lapses", "overdue"):
            assert f"{figure}_{expectation.id}" in frame.columns
    assert frame["firmness"].between(0, 3).all()
    assert frame["at"].is_monotonic_increasing


def test_a_check_in_between_steps_is_seen_by_the_next_step_only() -> None:
    said = CheckIn(id="k", at=at(1, 15), progress="All good", confidence=9)

    history = replay(journal(*runs(0, 1), said), at(1, 12), at(3, 12))

    assert [None, 9] == [s.assessment.confidence for s in history][:2]


def test_a_replay_is_a_frozen_value() -> None:
    history = replay(QUIET_FROM_DAY_6, at(0, 12), at(2, 12))

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        history.steps = ()  # type: ignore[misc]


def test_a_replay_that_would_take_too_many_steps_is_refused_naming_every() -> None:
    journal = example_journal()
    start = EXAMPLE_NOW - timedelta(days=28)

    with pytest.raises(InvalidValueError) as raised:
        replay(journal, start, EXAMPLE_NOW, every=timedelta(seconds=1))

    assert "every" == raised.value.field


def test_a_replay_reaching_past_the_dates_python_can_represent_is_refused() -> None:
    with pytest.raises(InvalidValueError) as raised:
        replay(
            example_journal(),
            EXAMPLE_NOW,
            datetime(9999, 12, 31, tzinfo=UTC),
            every=timedelta(days=365_000),
        )

    assert "start" == raised.value.field
