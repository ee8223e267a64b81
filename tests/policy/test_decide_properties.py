"""Properties of the policy over generated journals: what must always hold of a follow-up.

Each test is one row of "Behaviour that must always hold" in DESIGN.md.
Strategies live in `stories` (shared with the tests of `assess`) and
`strategies_policy`: realistic coaching stories in zones with daylight
saving time, plus any valid journal from `accountability.testing`. Moments
lie inside a story or after it, often in the quiet hours, and are written
on the client's clock, in UTC or in Tokyo.

Durations are measured between instants, in real time: the minimum gap in
hours, and the week of the weekly cap as seven times 24 hours, so a week
that holds a clock change is neither an hour short nor an hour long.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from accountability import (
    Agreement,
    Assessment,
    CheckIn,
    Completion,
    FollowUp,
    FollowUpSent,
    Journal,
    Policy,
    QuietHours,
    Setback,
    Style,
    Win,
    assess,
    from_json,
    suggest,
    to_json,
)
from accountability.facts import ExpectationFacts
from accountability.policy import Move, MoveKind
from accountability.policy.followup import ASKS, OPENERS
from accountability.policy.memory import nudged, nudges
from accountability.record import Event, FollowUpKind
from stories import (
    Case,
    Story,
    cases,
    crisis_cases,
    firm_cases,
    on_local_day,
    real,
    shifted,
    stories,
)
from strategies_policy import (
    STYLES,
    HouseRule,
    check_ins_only,
    crisis_reported,
    door_left_open_long_ago,
    good_news_cases,
    in_utc,
    late_walk_then_more,
    pinned,
    policies,
    the_client_says,
    written_in_utc,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")

styles = st.sampled_from(STYLES)

# --- Pinned moments ----------------------------------------------------------------------

BERLIN_SPRING_EVE = datetime(2026, 3, 28, 23, 30, tzinfo=BERLIN)
"""Saturday night before Berlin's clocks go forward (02:00 becomes 03:00)."""

BERLIN_AUTUMN_EVE = datetime(2026, 10, 24, 23, 30, tzinfo=BERLIN)
"""Saturday night before Berlin's clocks go back (03:00 becomes 02:00)."""

NEW_YORK_SPRING_EVE = datetime(2026, 3, 7, 23, 30, tzinfo=NEW_YORK)
"""Saturday night before New York's clocks go forward."""

BERLIN_SECOND_0215 = datetime(2026, 10, 25, 2, 15, tzinfo=BERLIN, fold=1)
"""02:15 CET, the second time 02:15 comes round on the night Berlin falls back."""

LORD_HOWE_AUTUMN_EVE = datetime(2026, 4, 4, 23, 30, tzinfo=ZoneInfo("Australia/Lord_Howe"))
"""Saturday night before Lord Howe's clocks go back half an hour (02:00 becomes 01:30)."""

EMPTY_JOURNAL = Journal.start(
    Agreement(zone="Europe/Berlin", agreed_at=datetime(2026, 3, 20, 9, tzinfo=BERLIN))
)
"""No goals, no expectations, no events."""

LAST_SENT_AT_14 = pinned("Europe/Berlin", BERLIN_SPRING_EVE, sent_hours_ago=(9.5,))
"""Sent at 14:00 on the Saturday: 20 hours later on the wall clock is only 19 real hours."""

NEW_YORK_LAST_SENT_AT_14 = pinned("America/New_York", NEW_YORK_SPRING_EVE, sent_hours_ago=(9.5,))
"""The same in New York, three weeks earlier."""

THREE_SENT_BEFORE_AUTUMN = pinned(
    "Europe/Berlin", BERLIN_AUTUMN_EVE, sent_hours_ago=(131.5, 107.5, 83.5), utc=True
)
"""Three follow-ups Mon to Wed at 12:00 CEST, recorded in UTC: the cap is reached for a week."""

THREE_SENT_BEFORE_SPRING = pinned(
    "Europe/Berlin", BERLIN_SPRING_EVE, sent_hours_ago=(131.5, 107.5, 83.5)
)
"""Three follow-ups Mon to Wed at 12:00 CET, before the clocks go forward."""

QUIET_UNTIL_0230 = pinned(
    "Europe/Berlin", BERLIN_SECOND_0215, quiet=QuietHours(start=time(21), end=time(2, 30))
)
"""Quiet hours that end at 02:30, decided at the second 02:15 of the autumn night."""


LATE_WALK_THEN_MORE = late_walk_then_more("Europe/Berlin", BERLIN_SPRING_EVE)
"""A clear ask at 12:00, the day's 07:00 walk done at 19:00 after it, then a request for more."""

CRISIS_JUST_AFTER_MIDNIGHT = crisis_reported(
    "Europe/Berlin", datetime(2026, 3, 28, 0, 30, tzinfo=BERLIN), BERLIN_SPRING_EVE
)
"""A crisis reported at 00:30 local time: the day before in UTC."""

CRISIS_ACROSS_SPRING = crisis_reported(
    "Europe/Berlin",
    datetime(2026, 3, 20, 12, tzinfo=BERLIN),
    datetime(2026, 3, 25, 12, tzinfo=BERLIN),
    support_at=datetime(2026, 3, 21, 9, tzinfo=BERLIN),
)
"""A crisis on 20 March, support sent: its 14-day window holds the spring change."""

ONLY_ASKS = Policy().with_rule(
    HouseRule(moves=(Move(kind=MoveKind.ASK_RECOMMITMENT),), kind=FollowUpKind.ASK_RECOMMITMENT)
)
"""A house rule that asks for a recommitment every time, with nothing else to say."""

DOOR_LOOKED_AT = datetime(2026, 5, 4, 12, tzinfo=BERLIN)
"""Midday on a Monday: 40 days of silence, the door left open 18 days ago."""


# --- Helpers -----------------------------------------------------------------------------


def style_of(journal: Journal, style: str | None) -> Style:
    """The style `suggest` uses: the named preset, or the agreement's own."""
    return Style.named(style if style is not None else journal.agreement.directness.value)


def every_facts(assessment: Assessment) -> list[ExpectationFacts]:
    """The facts of every expectation, and of the agreed check-ins when there are some."""
    extra = [assessment.check_ins] if assessment.check_ins is not None else []
    return [*assessment.expectations, *extra]


def lapses_became(assessment: Assessment) -> list[datetime]:
    """When each lapse became one: its period closed (a one-off: it fell due)."""
    return [
        fact.occurrence.due
        if fact.occurrence.opens == fact.occurrence.closes
        else fact.occurrence.closes
        for f in every_facts(assessment)
        for fact in f.occurrences
        if fact.occurrence.due in f.lapse_starts
    ]


def facts_about(assessment: Assessment, expectation_id: str | None) -> ExpectationFacts | None:
    return next((f for f in every_facts(assessment) if f.expectation.id == expectation_id), None)


def sent_by(journal: Journal, now: datetime) -> list[FollowUpSent]:
    """The follow-ups sent at or before *now*, in real-time order."""
    sent = [e for e in journal.events if isinstance(e, FollowUpSent) and real(e.at) <= real(now)]
    return sorted(sent, key=lambda e: real(e.at))


def kinds(follow_up: FollowUp) -> list[MoveKind]:
    return [move.kind for move in follow_up.moves]


def first_index(follow_up: FollowUp, wanted: frozenset[MoveKind]) -> int | None:
    return next((i for i, m in enumerate(follow_up.moves) if m.kind in wanted), None)


# --- 1. Total and deterministic ----------------------------------------------------------


@given(case=cases(), style=styles, policy=policies())
@example(case=(EMPTY_JOURNAL, BERLIN_SPRING_EVE), style=None, policy=None)
@example(case=LAST_SENT_AT_14, style=None, policy=None)
@example(case=QUIET_UNTIL_0230, style="direct", policy=None)
@example(case=check_ins_only("Europe/Berlin", BERLIN_SPRING_EVE), style=None, policy=None)
def test_any_journal_at_any_moment_gets_a_follow_up_and_the_same_one_every_time(
    case: Case, style: str | None, policy: Policy | None
) -> None:
    journal, now = case
    rebuilt = from_json(to_json(journal), Journal)

    follow_up = suggest(journal, now, style, policy)

    event(f"kind: {follow_up.kind.value}")
    assert isinstance(follow_up, FollowUp)
    assert follow_up == suggest(journal, now, style, policy)
    assert follow_up == suggest(rebuilt, now, style, policy)


@given(case=st.one_of(firm_cases(), crisis_cases().map(lambda c: c[:2]), cases()))
@example(case=LAST_SENT_AT_14)
@example(case=CRISIS_JUST_AFTER_MIDNIGHT)
@example(case=CRISIS_ACROSS_SPRING)
def test_the_same_moments_written_on_another_clock_get_the_same_follow_up(case: Case) -> None:
    journal, now = case
    zone = journal.agreement.tz

    on_the_clients_clock = in_utc(suggest(journal, now.astimezone(zone)))

    assert on_the_clients_clock == in_utc(suggest(journal, now.astimezone(UTC)))
    assert on_the_clients_clock == in_utc(suggest(journal, now.astimezone(TOKYO)))
    assert on_the_clients_clock == in_utc(suggest(written_in_utc(journal), now.astimezone(UTC)))


# --- 2. Empathy before firmness ----------------------------------------------------------


@given(case=st.one_of(firm_cases(), firm_cases(), cases()), style=styles, policy=policies())
def test_a_follow_up_that_asks_or_challenges_opens_with_acknowledgement_or_affirmation(
    case: Case, style: str | None, policy: Policy | None
) -> None:
    journal, now = case

    follow_up = suggest(journal, now, style, policy)

    event(f"asks: {follow_up.asks}")
    if follow_up.asks:
        assert follow_up.moves[0].kind in OPENERS


# --- 3. Graduated firmness, over a lifecycle ---------------------------------------------


class FollowUpsOverTime(RuleBasedStateMachine):
    """A client's journal over weeks: time passes, the client acts, the coach sends follow-ups.

    The coach asks the policy now and then and sends what it suggests at its
    send time. Each follow-up sent may climb the firmness ladder one step at
    most, and only on an unexcused lapse that began after the previous one; a
    completion or a win since the previous one, with no new lapse, steps it down.
    """

    def __init__(self) -> None:
        super().__init__()
        self.journal = EMPTY_JOURNAL
        self.now = BERLIN_SPRING_EVE
        self.style: str | None = None
        self.upcoming: list[Event] = []
        self.ids = 0

    @initialize(story=stories(max_days=30), start=st.integers(0, 30), style=styles)
    def a_story_up_to_some_moment(self, story: Story, start: int, style: str | None) -> None:
        day = story.first + timedelta(days=min(start, story.days))
        self.now = on_local_day(story.zone, day, 12 * 60)
        self.style = style
        self.journal = story.journal.before(self.now)
        self.upcoming = [
            e
            for e in story.journal.events
            if real(e.at) >= real(self.now) and not isinstance(e, FollowUpSent)
        ]

    def _live_until(self, moment: datetime) -> None:
        """Move the clock to *moment*, adding what the client did in the meantime."""
        self.now = moment
        arrived = [e for e in self.upcoming if real(e.at) <= real(moment)]
        self.upcoming = [e for e in self.upcoming if real(e.at) > real(moment)]
        self.journal = self.journal.add(*arrived)

    @rule(minutes=st.integers(60, 3 * 1440))
    def time_passes(self, minutes: int) -> None:
        self._live_until(shifted(self.now, timedelta(minutes=minutes)))

    @rule(days=st.integers(5, 25))
    def the_client_goes_quiet(self, days: int) -> None:
        self.upcoming = []
        self._live_until(shifted(self.now, timedelta(days=days)))

    @rule(days=st.integers(1, 7))
    def the_client_stalls_but_checks_in_every_evening(self, days: int) -> None:
        self.upcoming = [e for e in self.upcoming if not isinstance(e, Completion)]
        for _ in range(days):
            self._live_until(shifted(self.now, timedelta(days=1)))
            self.ids += 1
            self.journal = self.journal.add(
                CheckIn(id=f"k-live-{self.ids}", at=self.now, progress="Busy day")
            )

    @precondition(lambda self: bool(self.journal.expectations))
    @rule(data=st.data())
    def the_client_says_something(self, data: st.DataObject) -> None:
        self.ids += 1
        said = data.draw(the_client_says(self.journal, f"live-{self.ids}", self.now))
        self.journal = self.journal.add(said)

    @rule()
    def the_coach_sends_what_the_policy_suggests(self) -> None:
        follow_up = suggest(self.journal, self.now, self.style)
        if follow_up.kind is FollowUpKind.WAIT:
            return
        previous = sent_by(self.journal, self.now)
        last = previous[-1] if previous else None
        base = last.firmness if last is not None else 0
        firmness = follow_up.stance.firmness
        assessment = assess(self.journal, self.now, style_of(self.journal, self.style))
        new_lapse = any(last is None or real(s) > real(last.at) for s in lapses_became(assessment))
        good_news = last is not None and any(
            isinstance(e, Completion | Win) and real(last.at) < real(e.at) <= real(self.now)
            for e in self.journal.events
        )

        event(f"lifecycle firmness: {base} -> {firmness}")
        assert 0 <= firmness <= 3
        assert firmness <= base + 1
        if firmness > base:
            assert new_lapse
        if good_news and not new_lapse:
            assert firmness <= max(base - 1, 0)

        self.ids += 1
        self.journal = self.journal.add(follow_up.sent(f"sent-{self.ids}"))
        self._live_until(max(self.now, shifted(follow_up.send_at, timedelta(minutes=1)), key=real))


FollowUpsOverTime.TestCase.settings = settings(stateful_step_count=25)
TestFirmnessClimbsOneStepPerFollowUpAndOnlyOnNewUnexcusedLapses = FollowUpsOverTime.TestCase


@given(case=good_news_cases(), style=styles)
@example(case=LATE_WALK_THEN_MORE, style=None)
def test_a_completion_since_the_last_follow_up_steps_firmness_down(
    case: Case, style: str | None
) -> None:
    journal, now = case
    last = sent_by(journal, now)[-1]
    assessment = assess(journal, now, style_of(journal, style))
    new_lapse = any(real(became) > real(last.at) for became in lapses_became(assessment))

    follow_up = suggest(journal, now, style)

    event(f"firmness: {last.firmness} -> {follow_up.stance.firmness}, new lapse: {new_lapse}")
    if follow_up.kind is not FollowUpKind.WAIT and not new_lapse:
        assert follow_up.stance.firmness <= max(last.firmness - 1, 0)


# --- 4. Grace ----------------------------------------------------------------------------


@given(case=crisis_cases(), style=styles, policy=policies())
def test_inside_a_crisis_window_no_follow_up_asks_or_challenges(
    case: tuple[Journal, datetime, Setback], style: str | None, policy: Policy | None
) -> None:
    journal, now, crisis = case

    follow_up = suggest(journal, now, style, policy)

    event(f"kind in a crisis: {follow_up.kind.value}")
    days = timedelta(days=journal.agreement.grace.crisis_days)
    assert real(crisis.at) <= real(now) < min(real(crisis.at + days), real(crisis.at) + days)
    assert not follow_up.asks
    assert follow_up.kind not in (FollowUpKind.ASK_RECOMMITMENT, FollowUpKind.CHALLENGE)


# --- 5. Celebrate first ------------------------------------------------------------------


@given(case=cases(), style=styles)
def test_an_uncelebrated_win_is_celebrated_before_anything_is_asked(
    case: Case, style: str | None
) -> None:
    journal, now = case
    assessment = assess(journal, now, style_of(journal, style))

    follow_up = suggest(journal, now, style)

    celebrate = first_index(follow_up, frozenset({MoveKind.CELEBRATE}))
    ask = first_index(follow_up, ASKS)
    event(f"uncelebrated: {bool(assessment.uncelebrated)}, asks: {follow_up.asks}")
    if assessment.uncelebrated and ask is not None:
        assert celebrate is not None
        assert celebrate < ask
    if (
        assessment.uncelebrated
        and assessment.crisis_until is None
        and follow_up.kind is not FollowUpKind.WAIT
    ):
        assert celebrate is not None


# --- 6. Autonomy -------------------------------------------------------------------------


@given(case=cases(), style=styles)
def test_the_policy_never_changes_the_journal_or_a_commitment(
    case: Case, style: str | None
) -> None:
    journal, now = case
    before = to_json(journal)
    copy = from_json(before, Journal)

    suggest(journal, now, style)

    assert copy == journal
    assert before == to_json(journal)


@given(case=st.one_of(firm_cases(), firm_cases(), firm_cases(), cases()), style=styles)
@example(case=check_ins_only("Europe/Berlin", BERLIN_SPRING_EVE), style=None)
def test_a_struggling_client_is_offered_a_smaller_step_before_any_challenge(
    case: Case, style: str | None
) -> None:
    journal, now = case
    chosen = style_of(journal, style)
    assessment = assess(journal, now, chosen)

    follow_up = suggest(journal, now, style)

    challenge = first_index(follow_up, frozenset({MoveKind.CHALLENGE}))
    event(f"challenges: {challenge is not None}")
    if challenge is None:
        return
    facts = facts_about(assessment, follow_up.moves[challenge].expectation)
    assert facts is not None
    low_confidence = (
        assessment.confidence is not None and assessment.confidence <= chosen.low_confidence
    )
    if facts.lapses < 2 and not low_confidence:
        return
    offer = first_index(follow_up, frozenset({MoveKind.OFFER_SMALLER_STEP}))
    since = facts.lapse_starts[0] if facts.lapse_starts else now
    offered_before = any(
        e.kind is FollowUpKind.OFFER_RENEGOTIATION and real(e.at) >= real(since)
        for e in sent_by(journal, now)
    )
    event(f"smaller step offered: now={offer is not None}, before={offered_before}")
    assert (offer is not None and offer < challenge) or offered_before


# --- 7. No overwhelm ---------------------------------------------------------------------


@given(case=cases(), style=styles)
@example(case=LAST_SENT_AT_14, style=None)
@example(case=NEW_YORK_LAST_SENT_AT_14, style=None)
@example(case=THREE_SENT_BEFORE_SPRING, style=None)
@example(case=THREE_SENT_BEFORE_AUTUMN, style=None)
@example(case=QUIET_UNTIL_0230, style=None)
@example(case=pinned("Australia/Lord_Howe", LORD_HOWE_AUTUMN_EVE, (9.5,)), style=None)
def test_follow_ups_respect_quiet_hours_the_weekly_cap_and_the_minimum_gap(
    case: Case, style: str | None
) -> None:
    journal, now = case
    agreement = journal.agreement

    follow_up = suggest(journal, now, style)

    if follow_up.kind is FollowUpKind.WAIT:
        return
    send_at = real(follow_up.send_at)
    wall = follow_up.send_at.astimezone(agreement.tz)
    week_start = send_at - timedelta(days=7)
    earlier = sent_by(journal, now)
    in_week = [e for e in earlier if week_start < real(e.at) <= send_at]
    event(f"sent earlier in its week: {len(in_week)} of {agreement.weekly_cap}")
    assert real(now) <= send_at
    assert not agreement.quiet_hours.contains(wall.time())
    if follow_up.reply:
        # A reply answers the client within the day, whatever the cap and the gap; at the
        # cap it carries no ask and no reminder of the why.
        assert send_at <= real(now) + timedelta(days=1)
        this_week = [e for e in earlier if real(now) - timedelta(days=7) <= real(e.at)]
        if sum(nudged(e) for e in this_week) >= agreement.weekly_cap:
            assert not any(nudges(m.kind.value, m.topic) for m in follow_up.moves)
        return
    # The cap counts reminders and asks; the gap runs from any follow-up.
    assert sum(nudged(e) for e in in_week) + 1 <= agreement.weekly_cap
    if earlier:
        gap = timedelta(hours=style_of(journal, style).min_gap_hours)
        assert real(earlier[-1].at) + gap <= send_at


# --- 8. Reasons, words, competencies, one ask --------------------------------------------


@given(case=st.one_of(firm_cases(), cases()), style=styles, policy=policies())
@example(case=(EMPTY_JOURNAL, BERLIN_SPRING_EVE), style=None, policy=ONLY_ASKS)
def test_every_follow_up_gives_its_reasons_names_its_competencies_and_asks_one_thing_at_most(
    case: Case, style: str | None, policy: Policy | None
) -> None:
    journal, now = case

    follow_up = suggest(journal, now, style, policy)

    assert follow_up.reasons
    assert all(reason.strip() for reason in follow_up.reasons)
    assert sum(kind in ASKS for kind in kinds(follow_up)) <= 1
    if follow_up.kind is not FollowUpKind.WAIT:
        assert follow_up.moves
        assert follow_up.text.strip()
        assert follow_up.competencies


# --- 9. Waiting means later --------------------------------------------------------------


@given(case=cases(), style=styles)
@example(case=door_left_open_long_ago("Europe/Berlin", DOOR_LOOKED_AT), style=None)
def test_a_follow_up_that_waits_looks_again_strictly_later(case: Case, style: str | None) -> None:
    journal, now = case

    follow_up = suggest(journal, now, style)

    if follow_up.kind is FollowUpKind.WAIT:
        assert real(now) < real(follow_up.send_at)


@given(case=cases(), style=styles, share=st.floats(min_value=0.0, max_value=1.0))
def test_nothing_would_be_sent_before_a_wait_says_to_look_again(
    case: Case, style: str | None, share: float
) -> None:
    # An app that trusts a wait and looks again only at its moment must miss nothing: at
    # any moment in between, with nothing new in the journal, the policy sends nothing
    # earlier than that. The app follows the advice for a few steps (sending what is
    # suggested, looking again when told), which is where waits come from.
    journal, now = case
    journal = journal.before(now + timedelta(microseconds=1))  # nothing new from here
    for step in range(4):
        follow_up = suggest(journal, now, style)
        if follow_up.kind is FollowUpKind.WAIT:
            between = now + (real(follow_up.send_at) - real(now)) * share
            later = suggest(journal, between, style)
            assert later.kind is FollowUpKind.WAIT or real(follow_up.send_at) <= real(later.send_at)
        else:
            journal = journal.add(follow_up.sent(f"test-sent-{step}"))
        now = follow_up.send_at
