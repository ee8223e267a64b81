"""The public strategies draw only valid values, and shrink towards the defaults.

`accountability.testing` is for people who embed the library: whatever a
strategy draws must construct through the public constructors, survive the
JSON round trip where its type has one, and be accepted by the functions
that take it. Each test here could fail: a strategy that drew an invalid
value, or an unreadable one, would break it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from accountability import (
    Circle,
    FollowUp,
    FollowUpSent,
    Grace,
    Journal,
    QuietHours,
    Setback,
    Severity,
    Style,
    Win,
    assess,
    from_json,
    propose_pairs,
    suggest,
    suggest_for_circle,
    testing,
    to_json,
)
from accountability.circles import ConsentLevel, PairingRound
from accountability.exceptions import InvalidValueError
from accountability.facts import WinFact
from accountability.policy import ASKS, OPENERS, Move, MoveKind, serves
from accountability.record import FollowUpKind

FEWER: Final = settings(max_examples=min(settings().max_examples, 20))
"""For strategies that draw whole journals or circles, or run the pipeline: fewer, costlier."""


def round_trips(value: Any) -> bool:
    """Whether *value* survives `to_json` and `from_json` unchanged, and writes the same text."""
    text = to_json(value)
    back = from_json(text, type(value))
    return bool(back == value and to_json(back) == text)


def reached(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    """A value *strategy* draws that meets *condition*, found without shrinking it (cheaper)."""
    found = settings(max_examples=1000, phases=[Phase.generate], database=None)
    return find(strategy, condition, settings=found)


def rebuilt(value: Any) -> Any:
    """*value* built again through its constructor, so every validator runs once more."""
    return attrs.evolve(value)


# --- Every strategy is exercised here ----------------------------------------------------


def test_every_public_strategy_has_a_test_of_the_values_it_draws() -> None:
    strategies = {name for name in testing.__all__ if inspect.isfunction(getattr(testing, name))}
    drawn_here = set(re.findall(r"\btesting\.([a-z_]+)\b", Path(__file__).read_text("utf-8")))

    assert set() == strategies - drawn_here


# --- The record --------------------------------------------------------------------------


@given(testing.zones(), testing.aware_datetimes(datetime(2026, 3, 1), datetime(2026, 11, 30)))
def test_zones_are_iana_names_and_datetimes_are_aware_real_and_inside_their_bounds(
    zone: str, moment: datetime
) -> None:
    assert zone == ZoneInfo(zone).key
    assert moment.tzinfo is not None
    assert moment.utcoffset() is not None
    assert datetime(2026, 3, 1) <= moment.replace(tzinfo=None) <= datetime(2026, 11, 30)
    # A wall time in a DST gap would come back an hour off from UTC.
    assert moment == moment.astimezone(UTC).astimezone(moment.tzinfo)


@given(st.data(), testing.aware_datetimes(), st.integers(-3 * 1440, 90 * 1440))
def test_instants_lie_between_their_ends_in_real_time_on_the_first_ends_clock(
    data: st.DataObject, start: datetime, minutes: int
) -> None:
    end = (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)

    moment = data.draw(testing.instants(start, end))

    assert moment.tzinfo is start.tzinfo
    assert 0 == (moment.astimezone(UTC) - start.astimezone(UTC)).total_seconds() % 60
    if minutes <= 0:
        assert moment == start
    else:
        assert start.astimezone(UTC) <= moment.astimezone(UTC) <= end.astimezone(UTC)


@given(testing.ids("e-"), testing.client_words(max_size=20))
def test_ids_and_client_words_are_what_the_record_accepts(event_id: str, words: str) -> None:
    assert event_id.startswith("e-")
    assert event_id == event_id.strip()
    assert words.strip()
    assert len(words) <= 20 + 17
    win = Win(id=event_id, at=datetime(2026, 3, 1, tzinfo=UTC), what=words)
    assert round_trips(win)


PARTS: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "cadences": testing.cadences,
    "dues": testing.dues,
    "schedules": testing.schedules,
    "outcomes": testing.outcomes,
    "goals": testing.goals,
    "if_thens": testing.if_thens,
    "expectations": testing.expectations,
    "quiet_hours": testing.quiet_hours,
    "graces": testing.graces,
    "agreements": testing.agreements,
    "members": testing.members,
    "consent_changes": testing.consent_changes,
    "share_marks": testing.share_marks,
    "pairing_rounds": testing.pairing_rounds,
    "peer_sents": testing.peer_sents,
}
"""Strategies for the record's parts and the circle's records: each has a JSON form."""


@pytest.mark.parametrize("name", sorted(PARTS))
@given(data=st.data())
def test_every_part_of_the_record_constructs_again_and_survives_the_json_round_trip(
    name: str, data: st.DataObject
) -> None:
    value = data.draw(PARTS[name](), label=name)

    assert value == rebuilt(value)
    assert round_trips(value)


@given(
    testing.events(
        testing.ids("v"),
        testing.instants(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)),
        goal_ids=("g",),
        expectation_ids=("e",),
    )
)
def test_events_refer_only_to_the_goals_and_expectations_they_are_given(event: Any) -> None:
    assert getattr(event, "goal", None) in (None, "g")
    assert getattr(event, "expectation", None) in (None, "e")
    assert set(getattr(event, "affects", ())) <= {"e"}
    assert datetime(2026, 3, 1, tzinfo=UTC) <= event.at <= datetime(2026, 4, 1, tzinfo=UTC)
    assert round_trips(event)


AGREED = datetime(2026, 3, 1, 9, tzinfo=ZoneInfo("Europe/Berlin"))


@FEWER
@given(testing.journals(max_events=8, days=20, agreed_at=st.just(AGREED)), st.data())
def test_journals_are_agreed_when_asked_and_are_read_at_the_moments_drawn_for_them(
    journal: Journal, data: st.DataObject
) -> None:
    now = data.draw(testing.moments_for(journal, days=30), label="now")

    assert AGREED == journal.agreement.agreed_at
    assert len(journal.events) <= 8
    assert now.tzinfo in (journal.agreement.tz, UTC)
    assert AGREED <= now <= AGREED.astimezone(UTC) + timedelta(days=30)
    assert now == assess(journal, now).now
    assert round_trips(journal)


@given(testing.graces(min_crisis_days=3, max_crisis_days=40, max_major_days=10))
def test_grace_windows_keep_to_the_lengths_asked_for(grace: Grace) -> None:
    assert 3 <= grace.crisis_days <= 40
    assert grace.major_days <= 10


def test_the_parts_of_an_agreement_shrink_to_their_defaults() -> None:
    assert QuietHours() == find(testing.quiet_hours(), lambda _: True)
    assert Grace() == find(testing.graces(), lambda _: True)
    # ...and reach far from them: any minute of the day, windows of up to a year on request.
    assert reached(testing.quiet_hours(), lambda q: q.end.minute % 15 != 0).end.minute % 15
    assert reached(testing.graces(max_crisis_days=365), lambda g: g.crisis_days > 300)


# --- Styles ------------------------------------------------------------------------------


@FEWER
@given(testing.styles(), testing.journals(max_events=10, days=30), st.data())
def test_every_style_constructs_again_and_suggest_takes_it(
    style: Style, journal: Journal, data: st.DataObject
) -> None:
    now = data.draw(testing.moments_for(journal, days=40), label="now")

    assert style == rebuilt(style)
    assert style.silence_reconnect_days <= style.silence_open_door_days
    assert style.window_days <= style.history_days
    assert style == assess(journal, now, style).style
    assert isinstance(suggest(journal, now, style=style), FollowUp)


def test_styles_shrink_to_the_balanced_preset_and_reach_every_preset_and_the_edges() -> None:
    assert Style.balanced() == find(testing.styles(), lambda _: True)
    for preset in (Style.gentle(), Style.direct()):
        assert preset == reached(testing.styles(), preset.__eq__)
    assert 366 < reached(testing.styles(), lambda s: s.history_days > 366).history_days <= 3660
    assert (
        0.2 > reached(testing.styles(), lambda s: s.struggling_momentum < 0.2).struggling_momentum
    )


# --- Moves and follow-ups ----------------------------------------------------------------


@given(testing.moves())
def test_every_move_constructs_again_and_serves_a_competency(move: Move) -> None:
    assert move == rebuilt(move)
    assert serves(move.kind)
    if move.win is not None:
        assert move.win == rebuilt(move.win)
    assert move.by is None or move.by.utcoffset() is not None


@given(testing.moves(kinds=st.sampled_from([MoveKind.CHALLENGE]), topics=st.just("lapse")))
def test_moves_keep_to_the_kinds_and_topics_asked_for(move: Move) -> None:
    assert (MoveKind.CHALLENGE, "lapse") == (move.kind, move.topic)


@given(testing.win_facts(words=st.just("Ran my first 5 km")))
def test_a_win_fact_constructs_again_in_the_words_it_was_given(win: WinFact) -> None:
    assert win == rebuilt(win)
    assert "Ran my first 5 km" == win.what
    assert win.action in (None, "Ran my first 5 km")
    assert win.at.utcoffset() is not None
    assert win.count is None or win.count >= 0


def is_kind(kind: MoveKind, move: Move) -> bool:
    return move.kind is kind


def test_moves_of_every_kind_are_drawn() -> None:
    for kind in MoveKind:
        assert kind == reached(testing.moves(), partial(is_kind, kind)).kind


@FEWER
@given(testing.follow_ups())
def test_a_follow_up_keeps_the_policys_invariants_and_its_record_survives_the_json_round_trip(
    follow_up: FollowUp,
) -> None:
    kinds = [move.kind for move in follow_up.moves]

    assert follow_up.send_at.utcoffset() is not None
    assert 0 <= follow_up.stance.firmness <= 3
    assert 0.0 <= follow_up.stance.empathy <= 1.0
    assert (follow_up.kind is FollowUpKind.WAIT) == (not kinds)
    assert (follow_up.kind is FollowUpKind.WAIT) == (not follow_up.text.strip())
    assert sum(kind in ASKS for kind in kinds) <= 1
    if follow_up.asks:
        assert kinds[0] in OPENERS
    assert set(follow_up.competencies) == {c for kind in kinds for c in serves(kind)}
    sent = follow_up.sent("f-sent")
    assert isinstance(sent, FollowUpSent)
    assert round_trips(sent)


# --- Circles -----------------------------------------------------------------------------


def test_consent_levels_shrink_to_sharing_nothing_and_reach_every_level() -> None:
    assert ConsentLevel.NOTHING == find(testing.consent_levels(), lambda _: True)
    for level in ConsentLevel:
        assert level == reached(testing.consent_levels(), level.__eq__)


@given(testing.pairing_rounds(("a", "b", "c", "d", "e")))
def test_a_round_of_pairs_puts_each_member_in_one_pair_at_most(pairing: PairingRound) -> None:
    paired = [member for pair in pairing.pairs for member in pair]

    assert len(paired) == len(set(paired))
    assert set(paired) <= {"a", "b", "c", "d", "e"}


@FEWER
@given(testing.circles())
def test_a_circle_constructs_again_from_its_records_and_survives_the_json_round_trip(
    circle: Circle,
) -> None:
    again = Circle(
        id=circle.id,
        name=circle.name,
        members=circle.members,
        consents=circle.consents,
        marks=circle.marks,
        pairings=circle.pairings,
        sent=circle.sent,
    )

    assert circle == again
    assert round_trips(circle)


@FEWER
@given(testing.circle_scenes(0, 4))
def test_a_circle_scene_is_what_suggest_for_circle_and_propose_pairs_take(
    scene: testing.CircleScene,
) -> None:
    circle, journals, now = scene
    for member in circle.active_members(now):
        marked = {m.event for m in circle.marks if m.member == member.id}
        assert marked <= {e.id for e in journals[member.id].events}
    assert all(c.at <= now for c in circle.consents)
    assert all(m.at <= now for m in circle.marks)

    suggestion = suggest_for_circle(*scene)
    proposal = propose_pairs(*scene)

    assert suggestion.now == now
    assert {m.id for m in circle.active_members(now)} == {e.member for e in suggestion.members}
    assert {m for pair in proposal.as_pairs for m in pair} <= {e.member for e in suggestion.members}


@FEWER
@given(testing.circle_scenes(2, 3, lively=True, names=("Ada", "Bea", "Cy")))
def test_in_a_lively_scene_everyone_belongs_shares_and_is_outside_any_crisis(
    scene: testing.CircleScene,
) -> None:
    circle, journals, now = scene

    assert [m.name for m in circle.members] == ["Ada", "Bea", "Cy"][: len(circle.members)]
    for member in circle.members:
        journal = journals[member.id]
        assert member.active_at(now)
        assert circle.consent_at(member.id, now).includes(ConsentLevel.WINS)
        assert journal.agreement.peer_consent
        assert journal.agreement.weekly_cap >= 3
        assert QuietHours() == journal.agreement.quiet_hours
        assert not [
            e for e in journal.events if isinstance(e, Setback) and e.severity is Severity.CRISIS
        ]


def test_a_scene_with_fewer_names_than_members_is_refused_naming_the_names() -> None:
    with pytest.raises(InvalidValueError, match="names"):
        reached(testing.circle_scenes(2, 3, names=("Ada", "Bea")), lambda _: True)
