"""Decide: from an assessment to the next follow-up, supportive but firm.

A [`Policy`][accountability.policy.Policy] is an ordered composition of small rules.
Each rule is a plain function that reads a
[`Situation`][accountability.policy.Situation] (the assessment and the style) and
returns a [`Draft`][accountability.policy.Draft] with its contribution:
moves, reasons, a kind. The policy then finishes the draft into a
[`FollowUp`][accountability.policy.FollowUp], and that last step is where the
invariants live, so they hold for your own rules too:

- empathy before firmness: anything that asks or challenges opens with an
  acknowledgement or an affirmation;
- celebrate first: wins come before any ask;
- grace: inside a crisis window nothing asks or challenges;
- graduated firmness: one step up at most, and only on unexcused lapses;
- one ask at most, and a struggling client is offered a smaller step first;
- no overwhelm: the send time respects quiet hours, the weekly cap and a
  minimum gap, in the client's own zone.

The policy only suggests. It never changes the journal or a commitment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Final, Protocol
from zoneinfo import ZoneInfo

import attrs

from accountability import _english as en
from accountability.exceptions import InvalidValueError, UnknownReferenceError
from accountability.facts.assessment import (
    CHECK_IN_ID,
    Assessment,
    ExpectationFacts,
    OccurrenceStatus,
    WinFact,
    WinSource,
)
from accountability.policy.followup import (
    ASKS,
    OPENERS,
    ORDER,
    QUESTIONS,
    Competency,
    FollowUp,
    Move,
    MoveKind,
    Stance,
    serves,
)
from accountability.policy.memory import (
    CHALLENGES_IN_A_ROW,
    WHY_EVERY,
    challenges_in_a_row,
    doubts,
    last_why,
    made,
    nudged,
    nudges,
    stated_intention,
)
from accountability.policy.timing import WEEK, first_slot
from accountability.record.model import (
    MAX_FIRMNESS,
    Agreement,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Directness,
    Event,
    Expectation,
    FollowUpKind,
    FollowUpSent,
    Goal,
    GoalStatus,
    Miss,
    Party,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
)
from accountability.record.schedule import Cadence, days_after, localize
from accountability.style import Style

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "Draft",
    "Policy",
    "Rule",
    "Situation",
    "aftermath_rule",
    "celebrate_rule",
    "crisis_rule",
    "decide",
    "fear_rule",
    "harder_rule",
    "honest_miss_rule",
    "intention_rule",
    "lapse_rule",
    "listen_rule",
    "momentum_rule",
    "plan_rule",
    "renegotiation_rule",
    "setback_rule",
    "silence_rule",
    "smaller_step",
]


# --- What a rule sees and returns --------------------------------------------------------


@attrs.frozen(kw_only=True)
class Situation:
    """What a rule reads: the facts and the style.

    A rule reads the assessment, never the journal: whatever a rule needs to
    know about the record is a fact of the
    [`Assessment`][accountability.facts.Assessment] (the agreement, the goals,
    the commitments as agreed, what the client said recently, the follow-ups
    sent).

    Attributes:
        assessment: The facts at ``assessment.now``, without the commitments
            of goals that are paused, achieved or released: the policy
            follows up only active goals (their wins are still celebrated).
        style: The thresholds in use (with the agreement's directness applied).
        since: When the last follow-up was sent (in UTC), if any: news is
            what happened after it.
        firmness: The step of the firmness ladder this follow-up may take,
            already limited to one step above the last one.
        focus: The expectation with the most unexcused lapses, if any lapsed.
        struggling: Whether the client is struggling (low momentum,
            repeated lapses or low confidence).
        now: The moment of the decision, in UTC (so arithmetic and
            comparisons are by instant).
    """

    assessment: Assessment
    style: Style
    since: datetime | None
    firmness: int
    focus: ExpectationFacts | None
    struggling: bool
    now: datetime

    @property
    def zone(self) -> ZoneInfo:
        """The client's time zone, from their agreement."""
        return self.assessment.agreement.tz

    def is_news(self, moment: datetime) -> bool:
        """Whether something at *moment* happened after the last follow-up."""
        return self.since is None or moment > self.since

    def is_recent(self, moment: datetime) -> bool:
        """Whether *moment* is within the style's ``recent_days`` of now."""
        return self.now - moment <= timedelta(days=self.style.recent_days)

    def goal_of(self, expectation_id: str | None) -> Goal | None:
        """The goal an expectation serves, if it names one the journal holds."""
        for expectation in self.assessment.agreed_expectations:
            if expectation.id == expectation_id:
                return next((g for g in self.assessment.goals if g.id == expectation.goal), None)
        return None


@attrs.frozen(kw_only=True)
class Draft:
    """A follow-up in the making: what the rules so far have contributed.

    Attributes:
        kind: The kind chosen so far, if any.
        moves: Moves so far, in any order (the policy orders them).
        reasons: The facts behind them, in words.
        goal: The goal it is about.
        expectation: The expectation it is about.
        celebrates: The ids of the wins it celebrates.
        no_asks: Set by a rule to forbid asks and challenges (a setback).
        final: Set by a rule to stop the later rules.
        not_before: The earliest moment to send it.
        wait_until: For a rule that decides to wait: when to look again.
        firmness_cap: The highest step of the firmness ladder this follow-up
            may take, if a rule limits it (the first follow-up after a
            crisis starts again at 0).
        reply: Set by a rule that answers something the client said (a
            win, a check-in, a setback): a reply goes out within the day,
            outside quiet hours, whatever the weekly cap and the minimum
            gap; only reminders and asks wait for them.
    """

    kind: FollowUpKind | None = None
    moves: tuple[Move, ...] = ()
    reasons: tuple[str, ...] = ()
    goal: str | None = None
    expectation: str | None = None
    celebrates: frozenset[str] = frozenset()
    no_asks: bool = False
    final: bool = False
    not_before: datetime | None = None
    wait_until: datetime | None = None
    firmness_cap: int | None = None
    reply: bool = False

    def add(
        self, *moves: Move, reason: str | None = None, kind: FollowUpKind | None = None
    ) -> Draft:
        """Return a draft with moves and a reason added.

        The kind becomes *kind* when that says more than the kind so far: a
        follow-up that celebrates and then asks is an ask.
        """
        chosen = self.kind
        if kind is not None and (chosen is None or _PRECEDENCE[kind] > _PRECEDENCE[chosen]):
            chosen = kind
        return attrs.evolve(
            self,
            moves=self.moves + moves,
            reasons=self.reasons + ((reason,) if reason else ()),
            kind=chosen,
        )


_PRECEDENCE: Final = {
    kind: rank
    for rank, kind in enumerate(
        (
            FollowUpKind.WAIT,
            FollowUpKind.CELEBRATE,
            FollowUpKind.CHECK_IN,
            FollowUpKind.REMIND,
            FollowUpKind.RECONNECT,
            FollowUpKind.OPEN_DOOR,
            FollowUpKind.SUPPORT_SETBACK,
            FollowUpKind.OFFER_RENEGOTIATION,
            FollowUpKind.ASK_RECOMMITMENT,
            FollowUpKind.CHALLENGE,
        )
    )
}


class Rule(Protocol):
    """A rule of a policy: reads the situation, returns the draft with its contribution.

    A rule returns the draft unchanged when it has nothing to say. It never
    needs to enforce the invariants: the policy does that when it finishes.

    >>> def always_name_autonomy(situation: Situation, draft: Draft) -> Draft:
    ...     return draft.add(Move(kind=MoveKind.EMPHASISE_AUTONOMY), reason="House style")
    """

    def __call__(self, situation: Situation, draft: Draft, /) -> Draft:
        """Return *draft* with this rule's contribution."""


# --- Helpers -----------------------------------------------------------------------------

_WORDS: Final = re.compile(r"[a-z']+")
_STOP: Final = frozenset(
    [
        "i",
        "me",
        "my",
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "if",
        "at",
        "in",
        "on",
        "it",
        "is",
        "be",
        "am",
        "was",
        "so",
        "for",
        "with",
        "then",
        "when",
    ]
)
_TELLING_WORDS: Final = 3
"""A miss reason of fewer words ("Nope.", "Ugh. Work.") is not quoted back."""
_MOMENTUM_SETTLES: Final = 14
"""Closed periods after which momentum says something: before that it is still building."""
_MOMENTUM_PAUSE: Final = timedelta(days=7)
"""How long after any follow-up the momentum rule keeps quiet."""
_WEEK_AGO: Final = timedelta(days=7)
"""How far back ``ExpectationFacts.momentum_week_ago`` looks."""
_AMOUNT: Final = re.compile(
    r"(?<![\d:#.,])(?P<number>\d+)(?![\d:.,])\s*(?:-\s*)?"
    r"(?:minutes?|mins?|hours?|hrs?|h|km|kilomet(?:re|er)s?|miles?|m|meters?|metres?|pages?|"
    r"reps?|repetitions?|words?|steps?|laps?|sets?|push-?ups?|sit-?ups?|squats?|glasses|"
    r"cups?|times|chapters|lessons?|exercises?|questions?|emails?|calls?|euros?|eur|dollars?|"
    r"pounds?|kg|lbs?|grams?|g|calories|kcal)\b",
    re.IGNORECASE,
)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _mentions(text: str, obstacle: str) -> bool:
    """Whether *text* speaks of the obstacle: at least two thirds of its content words appear."""
    wanted = _content_words(obstacle)
    if not wanted:
        return False
    found = _content_words(text)
    stems = {w[:5] for w in found}
    hits = sum(1 for w in wanted if w in found or w[:5] in stems)
    return hits * 3 >= len(wanted) * 2 and hits > 0


def _offer_smaller_step(expectation: Expectation, topic: str) -> Move | None:
    """The move that offers a scaled-down version of *expectation*, if it has one."""
    step = smaller_step(expectation)
    if step is None:
        return None
    return Move(
        kind=MoveKind.OFFER_SMALLER_STEP,
        topic=topic,
        expectation=expectation.id,
        action=expectation.action,
        name=expectation.name or None,
        step=step,
    )


def smaller_step(expectation: Expectation) -> str | None:
    """A concrete, scaled-down version of an expectation, to offer a struggling client.

    An amount in the action is halved ("Run for 30 minutes" becomes "Run for
    15 minutes"; from 20 on, rounded down to a multiple of 5, so 45 minutes
    become 20); only a whole number of at least 3 followed by a unit of
    amount counts, so clock times, chapter numbers and single items are left
    alone. Otherwise a cadence asking for several times a period asks for
    one fewer. Otherwise there is no smaller step that makes sense ("Meditate
    for 1 minute" is as small as it gets; "Wake up at 6:30" has no half), and
    the result is None: the policy then asks what would help instead. The
    step is never larger than the action, and never the action itself.

    >>> from datetime import datetime, timezone
    >>> def step(action: str) -> str | None:
    ...     return smaller_step(Expectation(id="e", goal="g", action=action,
    ...                                     agreed_at=datetime(2026, 3, 1, tzinfo=timezone.utc)))
    >>> step("Run for 30 minutes"), step("Wake up at 6:30"), step("Meditate for 1 minute")
    ('Run for 15 minutes', None, None)

    Raises:
        InvalidValueError: If *expectation* is not an `Expectation`.
    """
    if not isinstance(expectation, Expectation):
        raise InvalidValueError("expectation", expectation, "expected an Expectation")
    action = expectation.action.strip()
    amount = _AMOUNT.search(action)
    if amount is not None and int(amount["number"]) >= 3:  # keeps the unit plural
        number = int(amount["number"])
        # Half, rounded down to a round number a person would say: 45 becomes 20, not 23.
        half = (number // 2) // 5 * 5 if number >= 20 else (number + 1) // 2
        return action[: amount.start("number")] + str(half) + action[amount.end("number") :]
    schedule = expectation.schedule
    if isinstance(schedule, Cadence) and schedule.times > 1:
        fewer, times = schedule.times - 1, schedule.times
        return f"{action}, {fewer} times a {schedule.period} instead of {times}"
    return None


def _firmness(
    assessment: Assessment, style: Style, focus: ExpectationFacts | None
) -> tuple[int, int]:
    """The ladder: (last firmness, this one). Up one step only on new unexcused lapses."""
    last = assessment.last_follow_up
    base = last.firmness if last is not None else 0
    since = last.at.astimezone(UTC) if last is not None else None
    cap = style.firmness_cap
    if assessment.agreement.directness is Directness.GENTLE:
        cap = min(cap, 2)
    new_lapse = focus is not None and _new_lapse(focus, since)
    # A single miss after a long run is a blip, and the first miss the client reported
    # with a reason is thanked: neither climbs the ladder.
    blip = focus is not None and _single_miss(focus)
    honest = (
        focus is not None
        and bool(focus.lapse_starts)
        and not any(s.at >= focus.lapse_starts[0] for s in assessment.follow_ups)
        and any(
            m.expectation == focus.expectation.id
            and m.reason.strip()
            and (since is None or m.at.astimezone(UTC) > since)
            for m in assessment.honest_misses
        )
    )
    # One lapse in a habit whose momentum holds (mostly on track) does not climb either.
    on_track = (
        focus is not None and focus.lapses == 1 and focus.momentum >= style.momentum_recovered
    )
    if (
        focus is not None
        and new_lapse
        and focus.lapses >= style.lapses_per_step
        and not blip
        and not honest
        and not on_track
    ):
        return base, min(base + 1, max(cap, 0), MAX_FIRMNESS)
    # Good news is anything done or won since the last follow-up, by when it happened
    # (a late completion of an old occurrence counts too).
    done_since = since is not None and bool(assessment.completions_since_last_follow_up)
    good_news = (
        (
            since is None
            and any(
                f.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY)
                for facts in assessment.expectations
                for f in facts.occurrences
            )
        )
        or done_since
        or any(since is None or w.at > since for w in assessment.wins)
    )
    if good_news:
        return base, max(0, min(base - 1, cap))
    return base, min(base, cap)


def _new_lapse(focus: ExpectationFacts, since: datetime | None) -> bool:
    """Whether a lapse became one after *since*: its period closed (a one-off: fell due) after it.

    A period due in the morning is missed only once it closes, so a follow-up
    sent that morning has not yet spoken of it.
    """
    if since is None:
        return bool(focus.lapse_starts)
    starts = {start.astimezone(UTC) for start in focus.lapse_starts}
    for fact in focus.occurrences:
        occurrence = fact.occurrence
        if occurrence.due.astimezone(UTC) in starts:
            one_off = occurrence.opens == occurrence.closes
            became = occurrence.due if one_off else occurrence.closes
            if became.astimezone(UTC) > since:
                return True
    return any(start.astimezone(UTC) > since for start in starts)


def _focus(assessment: Assessment) -> ExpectationFacts | None:
    candidates = [f for f in assessment.expectations if f.lapses > 0]
    if assessment.check_ins is not None and assessment.check_ins.lapses > 0:
        candidates.append(assessment.check_ins)
    if not candidates:
        return None
    return max(candidates, key=lambda f: (f.lapses, -candidates.index(f)))


def _struggling(assessment: Assessment, focus: ExpectationFacts | None, style: Style) -> bool:
    """Repeated lapses, low confidence, or momentum that stays low once it has had time to build."""
    if focus is None:
        return False
    low_confidence = (
        assessment.confidence is not None and assessment.confidence <= style.low_confidence
    )
    settled = focus.realism.periods >= _MOMENTUM_SETTLES
    low_momentum = settled and focus.momentum < style.struggling_momentum
    return focus.lapses >= 2 or low_confidence or low_momentum


def _sent_since(assessment: Assessment, start: datetime) -> tuple[FollowUpSent, ...]:
    """The follow-ups sent at or after *start* (within the history window)."""
    low = start.timestamp()
    return tuple(s for s in assessment.follow_ups if s.at.timestamp() >= low)


def _silent_for(last_spoke: datetime, days: int) -> datetime:
    """The moment a silence that began at *last_spoke* has lasted *days* days.

    Counted in real time, as ``Assessment.silence`` is: across a clock change the
    wall clock reads an hour more or less. The silence rule and the next look both
    use this moment, so a wait never looks again after a reconnect became due.
    """
    return last_spoke.astimezone(UTC) + timedelta(days=days)


def _by(situation: Situation, days: int = 3) -> datetime:
    """A concrete date a few days ahead, at the end of the client's day."""
    local = situation.now.astimezone(situation.zone)
    zone = situation.zone
    return localize(datetime.combine(local.date() + timedelta(days=days), time(20)), zone)


# --- The built-in rules --------------------------------------------------------------------


def crisis_rule(situation: Situation, draft: Draft) -> Draft:
    """Inside a crisis window: hold space and acknowledge; no ask or challenge in the window.

    The crisis is acknowledged without quoting the client's painful words
    back. Support goes out once: after it, the policy holds space quietly
    until the window closes.
    """
    assessment = situation.assessment
    if assessment.crisis_until is None:
        return draft
    crisis = max(
        (s for s in assessment.setbacks if s.in_grace and s.setback.severity is Severity.CRISIS),
        key=lambda s: s.setback.at.astimezone(UTC),
    )
    reason = (
        f"A crisis was reported on {en.short_day(crisis.setback.at, situation.zone)}: "
        f"no asks until {en.short_day(assessment.crisis_until, situation.zone)}."
    )
    reported = crisis.setback.at.astimezone(UTC)
    supported = any(
        s.at.astimezone(UTC) >= reported and s.kind is FollowUpKind.SUPPORT_SETBACK
        for s in assessment.follow_ups
    )
    if supported and assessment.unanswered:
        # The client spoke since: a short reply that holds space, asking nothing. What they
        # chose to write in a check-in is heard; the crisis itself is never quoted back.
        said = assessment.unanswered[-1]
        words = _words_of(said) if isinstance(said, CheckIn | Contact) else ""
        return attrs.evolve(
            draft.add(
                Move(
                    kind=MoveKind.ACKNOWLEDGE, topic="check_in", quote=words or None, since=said.at
                ),
                Move(kind=MoveKind.HOLD_SPACE, topic="crisis"),
                reason=reason + " The client spoke since the support was sent: reply, ask nothing.",
                kind=FollowUpKind.SUPPORT_SETBACK,
            ),
            no_asks=True,
            final=True,
            reply=True,
        )
    if supported:
        return attrs.evolve(
            draft,
            kind=FollowUpKind.WAIT,
            reasons=(*draft.reasons, reason, "Support was already sent; holding space quietly."),
            no_asks=True,
            final=True,
            wait_until=assessment.crisis_until,
        )
    return attrs.evolve(
        draft.add(
            Move(kind=MoveKind.ACKNOWLEDGE, topic="crisis", since=crisis.setback.at),
            Move(kind=MoveKind.HOLD_SPACE, topic="crisis"),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="crisis"),
            reason=reason,
            kind=FollowUpKind.SUPPORT_SETBACK,
        ),
        no_asks=True,
        final=True,
        reply=True,
    )


def _crisis_started(assessment: Assessment) -> datetime | None:
    """When the latest crisis the assessment knows of began, if any."""
    starts = [
        s.setback.start.astimezone(UTC)
        for s in assessment.setbacks
        if s.setback.severity is Severity.CRISIS
    ]
    return max(starts) if starts else None


def _began(assessment: Assessment, win: WinFact) -> datetime:
    """When a win's story began: a streak's first period done, else the win itself.

    An excused period does not break a streak, so a streak reached after a
    crisis may have begun before it.
    """
    at = win.at.astimezone(UTC)
    if win.source is not WinSource.STREAK or not win.count:
        return at
    facts = next((f for f in assessment.expectations if f.expectation.id == win.expectation), None)
    if facts is None:
        return at
    done = [
        f.occurrence.due.astimezone(UTC)
        for f in facts.occurrences
        if f.status is OccurrenceStatus.DONE and f.occurrence.due.astimezone(UTC) <= at
    ]
    return done[-win.count] if len(done) >= win.count else at


def _celebrated_streaks(assessment: Assessment) -> dict[str, int]:
    """The longest streak celebrated per expectation, within the window: not worth again."""
    longest: dict[str, int] = {}
    start = assessment.now.astimezone(UTC) - timedelta(days=assessment.style.window_days)
    for sent in assessment.follow_ups:
        if sent.at.astimezone(UTC) < start:
            continue
        for win_id in sent.celebrated:
            parts = win_id.split(":")
            if parts[0] == "streak" and len(parts) >= 4 and parts[-2].isdigit():
                expectation = ":".join(parts[1:-2])
                longest[expectation] = max(longest.get(expectation, 0), int(parts[-2]))
    return longest


def celebrate_rule(situation: Situation, draft: Draft) -> Draft:
    """Celebrate wins nobody has celebrated yet, before anything is asked.

    A celebration is a reply, not a nudge: it goes out within the day,
    whatever the weekly cap. Nothing from before a crisis is celebrated
    after it, and a streak no longer than one celebrated within the window
    (a run that broke and reached the same length again) is not celebrated
    twice.
    """
    crisis = _crisis_started(situation.assessment)
    streaks = _celebrated_streaks(situation.assessment)
    wins = [
        w
        for w in situation.assessment.uncelebrated
        if (crisis is None or _began(situation.assessment, w) >= crisis)
        and not (
            w.source is WinSource.STREAK
            and w.count is not None
            and w.count <= streaks.get(w.expectation or "", 0)
        )
    ]
    if not wins:
        return draft
    rank = {WinSize.MILESTONE: 0, WinSize.BIG: 1, WinSize.SMALL: 2}
    ordered = sorted(
        wins, key=lambda w: (w.source is not WinSource.REPORTED, rank[w.size], -w.at.timestamp())
    )
    # Two comebacks to the same habit (after a slump and after a setback) are one story:
    # celebrate it once, and count both as celebrated.
    chosen: list[WinFact] = []
    merged: list[WinFact] = []
    for win in ordered:
        if win.source is WinSource.COMEBACK and any(
            c.source is WinSource.COMEBACK and c.expectation in (None, win.expectation)
            for c in chosen
        ):
            merged.append(win)
        elif any(c.what.strip().casefold() == win.what.strip().casefold() for c in chosen):
            merged.append(win)  # the same news told twice is celebrated once
        elif len(chosen) < situation.style.celebrate_at_most:
            chosen.append(win)
    moves = tuple(
        Move(
            kind=MoveKind.CELEBRATE,
            topic=win.source.value,
            win=win,
            expectation=win.expectation,
            goal=win.goal,
            action=win.action or _action(situation, win.expectation),
            name=_name(situation, win.expectation),
            quote=win.what if win.source is WinSource.REPORTED else None,
        )
        for win in chosen
    )
    described = "; ".join(f"'{w.what}'" for w in chosen)
    result = draft.add(
        *moves, reason=f"Not celebrated yet: {described}.", kind=FollowUpKind.CELEBRATE
    )
    return attrs.evolve(
        result,
        celebrates=draft.celebrates | {w.id for w in (*chosen, *merged)},
        goal=draft.goal or chosen[0].goal,
        expectation=draft.expectation or chosen[0].expectation,
        reply=True,
    )


def _crisis_just_over(situation: Situation) -> datetime | None:
    """When the latest crisis was reported, if its window has closed and nothing was sent since."""
    assessment = situation.assessment
    if assessment.crisis_until is not None:
        return None
    over = [
        s
        for s in assessment.setbacks
        if s.setback.severity is Severity.CRISIS and s.grace_until.astimezone(UTC) <= situation.now
    ]
    if not over:
        return None
    latest = max(over, key=lambda s: s.grace_until.astimezone(UTC))
    closed = latest.grace_until.astimezone(UTC)
    if any(s.at.astimezone(UTC) >= closed for s in assessment.follow_ups):
        return None
    return latest.setback.at


def aftermath_rule(situation: Situation, draft: Draft) -> Draft:
    """After a crisis window closes: ask how the client is, and nothing else.

    A crisis does not end with its grace window. The first follow-up after it
    names that something hard happened without quoting it back, asks only how
    the client is, quotes no why and asks for nothing; firmness starts again
    at 0. A win the client reported since the crisis is still celebrated
    (`celebrate_rule` runs first); nothing from before it is.
    """
    reported = _crisis_just_over(situation)
    if reported is None:
        return draft
    days = (situation.now - reported.astimezone(UTC)).days
    return attrs.evolve(
        draft.add(
            Move(kind=MoveKind.ACKNOWLEDGE, topic="after_crisis", since=reported, count=days),
            Move(kind=MoveKind.OPEN_QUESTION, topic="how_are_you"),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="crisis"),
            reason=f"The crisis of {en.short_day(reported, situation.zone)} is past its grace "
            "window: ask how the client is before anything else.",
            kind=FollowUpKind.CHECK_IN,
        ),
        no_asks=True,
        final=True,
        firmness_cap=0,
        reply=True,
    )


def _resting(situation: Situation, setback: Setback) -> bool:
    """Whether a setback stops the activity until a date still ahead (an injury, an illness)."""
    return setback.end is not None and setback.end.astimezone(UTC) > situation.now


def _rest_moves(situation: Situation, setback: Setback, expectation: Expectation) -> list[Move]:
    """Rest until the setback's end, and, if the client wants, another way to serve the goal.

    Never a shorter version of the same activity: the cause is what stops it.
    """
    current = _current(situation, expectation.id)
    return [
        Move(
            kind=MoveKind.ACKNOWLEDGE,
            topic="rest",
            expectation=expectation.id,
            action=current.action,
            name=current.name or None,
            by=setback.end,
        ),
        Move(kind=MoveKind.OPEN_QUESTION, topic="another_way", goal=expectation.goal),
    ]


def setback_rule(situation: Situation, draft: Draft) -> Draft:
    """A major setback, newly reported: acknowledge it and offer to adjust. No asks.

    When the setback stops an activity until a date (an injury: "no walking
    for two weeks"), that commitment rests until then: the answer is rest,
    and if the client wants, another way to serve the goal, never a smaller
    version of the same activity. Otherwise a smaller step is offered, when
    the commitment has one that makes sense.
    """
    fresh = [
        s
        for s in situation.assessment.setbacks
        if s.in_grace and s.setback.severity is Severity.MAJOR and situation.is_news(s.setback.at)
    ]
    if not fresh:
        return draft
    setback = max(fresh, key=lambda s: s.setback.at.astimezone(UTC)).setback
    affected = [
        e
        for e in situation.assessment.agreed_expectations
        if not setback.affects or e.id in setback.affects
    ]
    moves = [Move(kind=MoveKind.ACKNOWLEDGE, topic="setback", quote=setback.what)]
    resting = bool(affected) and _resting(situation, setback)
    if resting:
        moves += _rest_moves(situation, setback, affected[0])
    elif affected:
        step = _offer_smaller_step(_current(situation, affected[0].id), "setback")
        if step is not None:
            moves.append(step)
    moves.append(Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="setback"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"A major setback was reported on {en.short_day(setback.at, situation.zone)}: "
            + (
                f"rest until {en.short_day(setback.end, situation.zone)}, ask nothing."
                if resting and setback.end is not None
                else "offer to adjust, ask nothing."
            ),
            kind=FollowUpKind.SUPPORT_SETBACK,
        ),
        no_asks=True,
        final=True,
        reply=True,
        expectation=draft.expectation or (affected[0].id if affected else None),
    )


def silence_rule(situation: Situation, draft: Draft) -> Draft:
    """Silence: reconnect with curiosity after a week; after three, leave an open door."""
    assessment = situation.assessment
    style = situation.style
    if assessment.silence is None or assessment.last_spoke is None or assessment.unanswered:
        return draft  # what they said last is answered first (`listen_rule`)
    days = assessment.silence.days
    last_spoke = assessment.last_spoke
    if days >= style.silence_open_door_days:
        zone = situation.zone
        door_from = _silent_for(last_spoke, style.silence_open_door_days)
        last = assessment.last_follow_up
        again = days_after(last.at, style.open_door_every_days, zone) if last else None
        if (
            last is not None
            and again is not None
            and last.kind is FollowUpKind.OPEN_DOOR
            and last.at >= door_from
            and situation.now < again
        ):
            return attrs.evolve(
                draft,
                kind=FollowUpKind.WAIT,
                reasons=(*draft.reasons, f"Silent for {days} days; the door was left open."),
                final=True,
                wait_until=again,
            )
        return attrs.evolve(
            draft.add(
                Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=days),
                Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="open_door"),
                reason=f"Silent for {days} days: leave an open door rather than chase.",
                kind=FollowUpKind.OPEN_DOOR,
            ),
            no_asks=True,
            final=True,
        )
    if days >= style.silence_reconnect_days:
        reconnect_from = _silent_for(last_spoke, style.silence_reconnect_days)
        if not situation.is_news(reconnect_from):
            return draft
        goal = situation.goal_of(situation.focus.expectation.id if situation.focus else None)
        goal = goal or next((g for g in assessment.goals), None)
        # Inside a setback's grace window, the why would read as pressure: just reconnect,
        # and say we know why it has been quiet.
        in_grace = any(s.in_grace for s in assessment.setbacks)
        moves = [
            Move(
                kind=MoveKind.ACKNOWLEDGE,
                topic="silence_in_grace" if in_grace else "silence",
                count=days,
            ),
            Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect"),
        ]
        if goal is not None and not in_grace:
            moves.append(Move(kind=MoveKind.REMIND_WHY, goal=goal.id, quote=goal.why))
        return attrs.evolve(
            draft.add(
                *moves,
                reason=f"Silent for {days} days: reconnect with curiosity, not with a list of "
                "misses"
                + (
                    ", and without pressing while a setback's grace window is open."
                    if in_grace
                    else "."
                ),
                kind=FollowUpKind.RECONNECT,
            ),
            no_asks=True,
            final=True,
        )
    return draft


def honest_miss_rule(situation: Situation, draft: Draft) -> Draft:
    """A miss the client reported: thank them for the honesty, then ask what would help.

    When they gave a reason, it is acknowledged and not asked for again. It
    is a reply: it goes out within the day. The first honest miss does not
    raise firmness.
    """
    misses = [
        m
        for m in situation.assessment.honest_misses
        if situation.is_news(m.at) and situation.is_recent(m.at)
    ]
    if not misses:
        return draft
    miss = misses[-1]
    expectation = _current(situation, miss.expectation)
    moves = [
        Move(
            kind=MoveKind.AFFIRM,
            topic="honesty",
            expectation=expectation.id,
            action=expectation.action,
            name=expectation.name or None,
        )
    ]
    if len(_WORDS.findall(miss.reason.lower())) >= _TELLING_WORDS:
        moves.append(Move(kind=MoveKind.ACKNOWLEDGE, topic="reason", quote=miss.reason))
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_would_help"))
    elif miss.reason.strip():
        # "Ugh. Work." says enough not to be asked again, too little to quote back.
        moves.append(Move(kind=MoveKind.ACKNOWLEDGE, topic="brief_reason"))
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_would_help"))
    else:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_got_in_the_way"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"The client reported a miss of '{expectation.action}' honestly"
            + (f": '{miss.reason}'." if miss.reason.strip() else "."),
            kind=FollowUpKind.CHECK_IN,
        ),
        expectation=draft.expectation or expectation.id,
        goal=draft.goal or expectation.goal,
        reply=True,
    )


def plan_rule(situation: Situation, draft: Draft) -> Draft:
    """Surface a stored if-then plan when its obstacle shows up in the client's words."""
    agreed = situation.assessment.agreed_expectations
    if not any(e.plan is not None for e in agreed):
        return draft
    start = situation.now - timedelta(days=situation.style.recent_days)
    if situation.since is not None and situation.since > start:
        start = situation.since + timedelta(microseconds=1)
    low = start.timestamp()
    said: list[tuple[str, str | None]] = []
    for event in situation.assessment.said_recently:
        if event.at.timestamp() < low:
            continue
        match event:
            case Miss():
                said.append((event.reason, event.expectation))
            case CheckIn():
                said.append((f"{event.progress} {event.note}", None))
            case Reflection(kind=ReflectionKind.OBSTACLE):
                said.append((event.words, None))
            case Setback(severity=Severity.MINOR):
                said.append((event.what, None))
            case _:
                pass
    for expectation in agreed:
        plan = expectation.plan
        if plan is None:
            continue
        if any(
            (about is None or about == expectation.id) and _mentions(text, plan.obstacle)
            for text, about in said
        ):
            return attrs.evolve(
                draft.add(
                    Move(
                        kind=MoveKind.SURFACE_PLAN,
                        expectation=expectation.id,
                        quote=plan.obstacle,
                        response=plan.response,
                        action=expectation.action,
                        name=_name(situation, expectation.id),
                    ),
                    reason=f"The obstacle of the if-then plan showed up: '{plan.obstacle}'.",
                    kind=FollowUpKind.CHECK_IN,
                ),
                expectation=draft.expectation or expectation.id,
                reply=True,
            )
    return draft


def fear_rule(situation: Situation, draft: Draft) -> Draft:
    """A client afraid to start: name the fear in their words, offer a tiny first step."""
    assessment = situation.assessment
    fears = [r for r in assessment.reflections if r.kind is ReflectionKind.FEAR]
    if not fears:
        return draft
    started = any(
        f.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY)
        for facts in assessment.expectations
        for f in facts.occurrences
    )
    fear = fears[-1]
    if started:
        return draft  # a fear voiced along the way is heard by `listen_rule`
    if not (situation.is_news(fear.at) or situation.since is None):
        return draft
    agreed = assessment.agreed_expectations
    expectation = _current(situation, agreed[0].id) if agreed else None
    moves = [Move(kind=MoveKind.ACKNOWLEDGE, topic="fear", quote=fear.words)]
    # Before anything was due, the fear is heard and the pace left to them; a first step
    # is offered once a start has been missed.
    due_passed = any(
        f.status is OccurrenceStatus.MISSED
        for facts in assessment.expectations
        for f in facts.occurrences
    )
    if due_passed:
        offer = _offer_smaller_step(expectation, "first_step") if expectation else None
        moves.append(offer or Move(kind=MoveKind.OPEN_QUESTION, topic="first_step"))
    moves.append(Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="first_step"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"The client named a fear ('{fear.words}') and has not started yet"
            + (
                f"; confidence {assessment.confidence}/10."
                if assessment.confidence is not None
                else "."
            ),
            kind=FollowUpKind.CHECK_IN,
        ),
        expectation=draft.expectation or (expectation.id if expectation else None),
        final=True,
        reply=True,
    )


def renegotiation_rule(situation: Situation, draft: Draft) -> Draft:
    """A second request to lower the bar soon after the first: explore before lowering it again.

    The client's candour is affirmed, and the follow-up asks what has
    changed, rather than agreeing or asking for a recommitment.
    """
    assessment = situation.assessment
    if assessment.easier_requests_recent < 2:
        return draft
    latest = None
    for facts in assessment.expectations:
        for change in (*facts.renegotiations.applied, *facts.renegotiations.pending):
            if change.direction is Direction.EASIER and (
                latest is None or change.at > latest[1].at
            ):
                latest = (facts, change)
    if latest is None or not situation.is_news(latest[1].at):
        return draft
    facts, change = latest
    step = change.action or facts.expectation.action
    moves = [
        Move(kind=MoveKind.AFFIRM, topic="candour", expectation=facts.expectation.id),
        Move(
            kind=MoveKind.OPEN_QUESTION,
            topic="what_changed",
            expectation=facts.expectation.id,
            action=facts.expectation.action,
            name=facts.expectation.name or None,
            step=step,
        ),
        Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
    ]
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"{assessment.easier_requests_recent} requests to make things easier within "
            f"{situation.style.renegotiation_window_days} days: explore what changed before "
            "lowering the bar again.",
            kind=FollowUpKind.CHECK_IN,
        ),
        expectation=draft.expectation or facts.expectation.id,
        no_asks=True,
        final=True,
        reply=True,
    )


def _words_of(event: Event) -> str:  # noqa: PLR0911 - one return per kind of event
    """What the client said in an event, in their words (empty when they said nothing)."""
    match event:
        case CheckIn():
            return " ".join(part for part in (event.progress.strip(), event.note.strip()) if part)
        case Contact():
            return event.note.strip()
        case Miss():
            return event.reason.strip()
        case Reflection():
            return event.words.strip()
        case Setback():
            return event.what.strip()
        case Win():
            return event.what.strip()
        case Renegotiation():
            return event.reason.strip()
        case _:
            return ""


_DOUBTFUL_CONFIDENCE: Final = 3
"""A confidence this low is doubt, whatever the words with it."""


def _doubtful(situation: Situation, event: Event) -> bool:
    """Whether the client voiced doubt: words of doubt, or a low confidence.

    A confidence at or below 3 is doubt; one at or below the style's
    ``low_confidence`` is doubt when the client said nothing else ("Better
    week." at 5 is not).
    """
    if isinstance(event, CheckIn) and event.confidence is not None:
        if event.confidence <= _DOUBTFUL_CONFIDENCE:
            return True
        if event.confidence <= situation.style.low_confidence and not _words_of(event):
            return True
    if isinstance(event, Reflection) and event.kind is ReflectionKind.FEAR:
        return True
    return isinstance(event, CheckIn | Contact | Reflection) and doubts(_words_of(event))


def _planned_for(situation: Situation, text: str) -> bool:
    """Whether an if-then plan's obstacle shows up in *text* (`plan_rule` surfaces it)."""
    return any(
        e.plan is not None and _mentions(text, e.plan.obstacle)
        for e in situation.assessment.agreed_expectations
    )


def _heard(situation: Situation, event: Event) -> int:  # noqa: PLR0911 - one per kind
    """How urgently `listen_rule` answers an event, 0 first (see `_ANSWERED_ELSEWHERE`)."""
    match event:
        case _ if _doubtful(situation, event):
            return 0
        case Setback(severity=Severity.MINOR):
            return 1
        case Reflection(kind=ReflectionKind.OBSTACLE):
            return _ANSWERED_ELSEWHERE if _planned_for(situation, event.words) else 2
        case Reflection():
            return 3
        case Renegotiation(direction=Direction.EASIER):
            first = situation.assessment.easier_requests_recent < 2
            return 4 if first else _ANSWERED_ELSEWHERE
        case CheckIn() | Contact():
            return 5
        case _:
            return _ANSWERED_ELSEWHERE


_AFTER_CRISIS: Final = timedelta(days=28)
"""How long after a crisis began a reply does not quote the client's words back."""
_ANSWERED_ELSEWHERE: Final = 6
"""The rank of talk another rule answers (a win, a miss, a major setback, an ask for more):
`listen_rule` replies to it itself only when no rule did."""


def _new_terms(situation: Situation, change: Renegotiation) -> tuple[str, datetime]:
    """The terms an easier renegotiation asks for, and when they apply."""
    current = _current(situation, change.expectation)
    terms = change.action or current.action
    if change.action is None and isinstance(change.schedule, Cadence):
        cadence = change.schedule
        terms = f"{terms}, {en.plural(cadence.times, 'time')} a {cadence.period}"
    for facts in situation.assessment.expectations:
        pending = facts.renegotiations.pending
        if change in pending:
            return terms, facts.renegotiations.effective[pending.index(change)]
    return terms, change.at


def _listen_moves(  # noqa: PLR0911 - one answer per kind of talk
    situation: Situation, event: Event
) -> tuple[list[Move], str]:
    """The moves that answer one thing the client said, and the reason."""
    words = _words_of(event) or None
    day = en.short_day(event.at, situation.zone)
    if _doubtful(situation, event):
        # Words of doubt are reflected back; other words with a low confidence are not.
        voiced = words if words and (doubts(words) or isinstance(event, Reflection)) else None
        return [
            Move(kind=MoveKind.ACKNOWLEDGE, topic="doubt", quote=voiced, since=event.at),
            Move(kind=MoveKind.AFFIRM, topic="showing_up"),
            Move(kind=MoveKind.OPEN_QUESTION, topic="doubt"),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
        ], f"The client voiced doubt on {day}: affirm, ask what would help, ask nothing of them."
    match event:
        case Setback():
            affected = [
                e
                for e in situation.assessment.agreed_expectations
                if not event.affects or e.id in event.affects
            ]
            if affected and _resting(situation, event):
                return [
                    Move(kind=MoveKind.ACKNOWLEDGE, topic="busy", quote=words, since=event.at),
                    *_rest_moves(situation, event, affected[0]),
                ], f"A setback on {day} stops an activity for a while: rest, ask nothing."
            offer = (
                _offer_smaller_step(_current(situation, affected[0].id), "adjust_week")
                if affected
                else None
            ) or Move(kind=MoveKind.OFFER_SMALLER_STEP, topic="adjust_week")
            return [
                Move(kind=MoveKind.ACKNOWLEDGE, topic="busy", quote=words, since=event.at),
                offer,
                Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
            ], f"A minor setback on {day}: acknowledge it and lighten the week."
        case Reflection(kind=ReflectionKind.OBSTACLE):
            return [
                Move(kind=MoveKind.ACKNOWLEDGE, topic="obstacle", quote=words, since=event.at),
                Move(kind=MoveKind.OPEN_QUESTION, topic="build_plan"),
            ], f"The client named an obstacle on {day}: build an if-then plan together."
        case Reflection(kind=ReflectionKind.INSIGHT):
            return [
                Move(kind=MoveKind.ACKNOWLEDGE, topic="insight", quote=words, since=event.at),
                Move(kind=MoveKind.OPEN_QUESTION, topic="insight"),
            ], f"The client shared an insight on {day}: reflect it back."
        case Reflection():
            return [
                Move(kind=MoveKind.ACKNOWLEDGE, topic="motivation", quote=words, since=event.at),
            ], f"The client said what moves them on {day}: reflect it back."
        case Renegotiation():
            terms, effective = _new_terms(situation, event)
            current = _current(situation, event.expectation)
            return [
                Move(kind=MoveKind.AFFIRM, topic="candour", expectation=current.id),
                Move(
                    kind=MoveKind.ACKNOWLEDGE,
                    topic="renegotiation",
                    expectation=current.id,
                    action=current.action,
                    name=current.name or None,
                    step=terms,
                    by=effective,
                ),
            ], (
                f"The client asked on {day} to make '{current.action}' easier: say plainly "
                f"when the new terms apply ({en.short_day(effective, situation.zone)})."
            )
        case CheckIn() | Contact():
            # In the weeks after a crisis, what they write may be about it: heard, not quoted.
            crisis = _crisis_started(situation.assessment)
            raw = crisis is not None and situation.now - crisis < _AFTER_CRISIS
            return [
                Move(
                    kind=MoveKind.ACKNOWLEDGE,
                    topic="check_in",
                    quote=None if raw else words,
                    since=event.at,
                ),
            ], f"The client checked in on {day}: reply."
        case _:  # talk no other rule answered: thank them, without quoting it back
            return [
                Move(kind=MoveKind.ACKNOWLEDGE, topic="check_in", since=event.at),
            ], f"The client got in touch on {day}: reply."


def listen_rule(situation: Situation, draft: Draft) -> Draft:
    """Answer what the client said that no follow-up has answered yet, in a way that fits it.

    Doubt or a low confidence gets affirmation, an open question and their
    autonomy, and never an ask; a minor setback is acknowledged and the week
    lightened (rest, when it stops the activity until a date), without asking
    what they just told us; an obstacle with no plan for it builds an
    if-then plan; an insight or a motivation is reflected back; a request to
    make things easier is answered with when the new terms apply; an ordinary
    check-in gets a short reply. Wins, misses, major setbacks, crises, fears
    before starting, plans and requests for more have their own rules; when
    none of them replied, this rule does. The answer is a reply: it goes out
    within the day, outside quiet hours.
    """
    heard = [
        (rank, index, event)
        for index, event in enumerate(situation.assessment.unanswered)
        if (rank := _heard(situation, event)) < _ANSWERED_ELSEWHERE or not draft.reply
    ]
    if not heard:
        return draft
    rank, _, event = min(heard, key=lambda item: (item[0], -item[1]))
    moves, reason = _listen_moves(situation, event)
    expectation = getattr(event, "expectation", None)
    doubt = _doubtful(situation, event)
    # Good news with a word about the week is still a celebration; something hard is not.
    light = rank >= 3 and draft.kind is FollowUpKind.CELEBRATE
    return attrs.evolve(
        draft.add(*moves, reason=reason, kind=None if light else FollowUpKind.CHECK_IN),
        expectation=draft.expectation or expectation,
        no_asks=draft.no_asks or doubt or isinstance(event, Setback),
        reply=True,
    )


def _intention(situation: Situation) -> tuple[Event, str, datetime] | None:
    """The latest intention the client stated, with the moment to ask how it went.

    That moment is noon of the client's next day. None when there is none,
    when the client has recorded a completion since, or when it was asked about.
    """
    assessment = situation.assessment
    for event in reversed(assessment.said_recently):
        if not isinstance(event, CheckIn | Contact | Miss):
            continue
        sentence = stated_intention(_words_of(event))
        if sentence is None:
            continue
        said = event.at.astimezone(UTC)
        local = event.at.astimezone(situation.zone).date()
        ask = localize(datetime.combine(local + timedelta(days=1), time(12)), situation.zone)
        done = any(
            isinstance(e, Completion) and e.at.astimezone(UTC) > said
            for e in assessment.said_recently
        )
        asked = any(
            s.at.astimezone(UTC) > said and made(s, "open_question", "intention")
            for s in assessment.follow_ups
        )
        if done or asked:
            return None
        return event, sentence, ask
    return None


def intention_rule(situation: Situation, draft: Draft) -> Draft:
    """The day after the client said what they would do, ask how it went.

    "I'll walk tomorrow morning" is followed up at noon of the client's next
    day, unless they have recorded a completion since; a day later it is no
    longer asked.
    """
    found = _intention(situation)
    if found is None:
        return draft
    event, sentence, ask = found
    if not ask <= situation.now < ask + timedelta(days=1):
        return draft
    return draft.add(
        Move(
            kind=MoveKind.OPEN_QUESTION,
            topic="intention",
            quote=sentence,
            expectation=getattr(event, "expectation", None),
        ),
        reason=f"On {en.short_day(event.at, situation.zone)} the client said what they "
        "would do: ask how it went.",
        kind=FollowUpKind.CHECK_IN,
    )


_LONG_LAPSE_DAYS: Final = 14
"""Days without the habit after which a lapse is named plainly, with no reassurance."""
_WEEK_DAYS: Final = 7
"""A week: once the ladder asks, a week without the habit is named plainly."""
_LONG_STREAK: Final = 7
"""A run at least this long makes a single miss after it a blip, met lightly."""


def _last_done(facts: ExpectationFacts) -> datetime | None:
    """When the last period done (fully or in part) opened, if any: the day it was done."""
    for fact in reversed(facts.occurrences):
        if fact.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY):
            return fact.occurrence.opens
    return None


def _streak_before(facts: ExpectationFacts) -> int:
    """How many periods in a row were fully done just before the current lapse began."""
    if not facts.lapse_starts:
        return 0
    began = facts.lapse_starts[0]
    run = 0
    for fact in reversed(facts.occurrences):
        if fact.occurrence.due >= began or fact.status is OccurrenceStatus.EXCUSED:
            continue
        if fact.status is not OccurrenceStatus.DONE:
            break
        run += 1
    return run


def _told_why(situation: Situation, focus: ExpectationFacts) -> bool:
    """Whether the client told us why this lapse happened: a miss with a reason during it."""
    if not focus.lapse_starts:
        return False
    began = focus.lapse_starts[0].astimezone(UTC) - timedelta(days=1)
    return any(
        m.expectation == focus.expectation.id and m.reason.strip() and m.at.astimezone(UTC) >= began
        for m in situation.assessment.honest_misses
    )


def _single_miss(focus: ExpectationFacts) -> bool:
    """Whether the lapse is one missed period after a long run: a blip, met lightly."""
    if focus.expectation.id == CHECK_IN_ID or focus.lapses != 1:
        return False
    began = focus.lapse_starts[0]
    missed = sum(
        f.status is OccurrenceStatus.MISSED and f.excused_by is None and f.occurrence.due >= began
        for f in focus.occurrences
    )
    return missed == 1 and _streak_before(focus) >= _LONG_STREAK


def _stepped_back(situation: Situation, focus: ExpectationFacts) -> FollowUpSent | None:
    """The follow-up that asked about the goal itself during this lapse, if one did."""
    if not focus.lapse_starts:
        return None
    began = focus.lapse_starts[0].astimezone(UTC)
    for sent in reversed(situation.assessment.follow_ups):
        if sent.at.astimezone(UTC) < began:
            return None
        if made(sent, "open_question", "goal_itself"):
            return sent
    return None


_RESTART: Final = timedelta(days=2)
"""After a setback's window closes, the client has this long to start again unasked."""


def _restarting(situation: Situation, focus: ExpectationFacts) -> bool:
    """Whether the lapse began within `_RESTART` of the end of a setback's window.

    A window is a grace window or a reported end; a minor setback without an
    end excuses the misses it explains and opens none.
    """
    if not focus.lapse_starts:
        return False
    began = focus.lapse_starts[0].astimezone(UTC)
    return any(
        (not s.setback.affects or focus.expectation.id in s.setback.affects)
        and (s.setback.end is not None or s.setback.severity is not Severity.MINOR)
        and s.excused_until.astimezone(UTC) <= began < s.excused_until.astimezone(UTC) + _RESTART
        for s in situation.assessment.setbacks
    )


def _lapse_ack(situation: Situation, focus: ExpectationFacts, new: int) -> Move:
    """The acknowledgement of a lapse, in words that track the facts honestly."""
    expectation = focus.expectation
    if expectation.id == CHECK_IN_ID:
        return Move(kind=MoveKind.ACKNOWLEDGE, topic="missed_check_ins", count=max(new, 1))
    last = _last_done(focus)
    days = (situation.now - last.astimezone(UTC)).days if last is not None else None
    if last is None:
        topic, count = "not_started", focus.lapses
    elif _single_miss(focus):
        topic, count = "single_miss", _streak_before(focus)
    elif days is not None and (
        days >= _LONG_LAPSE_DAYS or (days >= _WEEK_DAYS and situation.firmness >= 2)
    ):
        # Weeks without the habit, or a week of it once the ladder asks: named plainly,
        # without reassurance.
        topic, count = "long_lapse", days
    else:
        topic, count = "lapse", focus.lapses
    return Move(
        kind=MoveKind.ACKNOWLEDGE,
        topic=topic,
        expectation=expectation.id,
        action=expectation.action,
        name=expectation.name or None,
        count=count,
        since=last,
    )


def _another_approach(
    situation: Situation, draft: Draft, focus: ExpectationFacts, moves: list[Move], reason: str
) -> Draft | None:
    """When challenges stop working: step back to the goal itself, then slow down.

    None while the ladder still applies: fewer than two challenges in a row
    went unanswered (nothing done since the first).
    """
    expectation = focus.expectation
    goal = situation.goal_of(expectation.id)
    last = _last_done(focus)
    stepped = _stepped_back(situation, focus)
    if stepped is not None and (last is None or last.astimezone(UTC) < stepped.at):
        # The goal itself was asked about, and nothing changed: slow down, leave the door open.
        if draft.reply:
            return draft  # a reply to what they said goes now, without the lapse
        previous = situation.assessment.last_follow_up
        after = previous.at if previous is not None else stepped.at
        return attrs.evolve(
            draft.add(
                *moves,
                Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="open_door"),
                reason=reason + " The goal itself was asked about and nothing has changed: "
                "slow down to an open door.",
                kind=FollowUpKind.CHECK_IN,
            ),
            no_asks=True,
            firmness_cap=0,
            not_before=days_after(after, situation.style.open_door_every_days, situation.zone),
        )
    run = challenges_in_a_row(situation.assessment)
    if len(run) < CHALLENGES_IN_A_ROW or (
        last is not None and last.astimezone(UTC) >= run[0].at.astimezone(UTC)
    ):
        return None
    return attrs.evolve(
        draft.add(
            *moves,
            Move(
                kind=MoveKind.OPEN_QUESTION,
                topic="goal_itself",
                goal=goal.id if goal else None,
                expectation=expectation.id,
            ),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
            reason=reason + f" {en.plural(len(run), 'challenge')} in a row went unanswered: "
            "step back and ask about the goal itself.",
            kind=FollowUpKind.CHECK_IN,
        ),
        no_asks=True,
        firmness_cap=1,
    )


def lapse_rule(situation: Situation, draft: Draft) -> Draft:
    """Unexcused lapses: climb the ladder one step, offering a smaller step before any challenge.

    The words track the facts: a single miss after a long run is met
    lightly, a few misses are named with light reassurance, weeks without
    the habit are named plainly. When two challenges in a row have gone
    unanswered (nothing done since), the approach changes: the follow-up
    steps back and asks about the goal itself (still important, pause,
    change it, talk it through); if that goes unanswered too, it slows down
    to an open door every `Style.open_door_every_days`. It never loops.
    """
    focus = situation.focus
    if focus is None:
        return draft
    since = situation.since
    if (
        not _new_lapse(focus, since)
        or _restarting(situation, focus)
        or (_single_miss(focus) and _told_why(situation, focus))
    ):
        # The same run of misses as last time (one lapse, not N reminders); the first days
        # after a setback's window, which are for starting again; or one miss in a long
        # run that the client told us about themselves (`honest_miss_rule` answers it).
        return draft
    new = [
        f
        for f in focus.occurrences
        if f.status is OccurrenceStatus.MISSED
        and f.excused_by is None
        and (since is None or f.occurrence.due > since)
    ]
    expectation = focus.expectation
    is_check_in = expectation.id == CHECK_IN_ID
    if is_check_in and draft.reply:
        return draft  # the client is talking to us: missed check-ins can wait
    goal = situation.goal_of(expectation.id)
    firmness = situation.firmness
    action = expectation.action
    reason = (
        f"{en.plural(focus.lapses, 'unexcused lapse')} on '{action}' since "
        f"it was last done; firmness {firmness}."
    )
    told_us = any(
        m.kind is MoveKind.AFFIRM and m.topic == "honesty" and m.expectation == expectation.id
        for m in draft.moves
    )
    ack = _lapse_ack(situation, focus, len(new))
    moves = [] if told_us else [ack]  # the client already said so: affirm that instead
    about = draft.expectation or (None if is_check_in else expectation.id)
    about_goal = draft.goal or (goal.id if goal else None)
    if ack.topic == "single_miss":
        return attrs.evolve(
            draft.add(
                *moves,
                reason=f"One miss after {en.plural(ack.count or 0, focus.period)} in a row: "
                "met lightly.",
                kind=FollowUpKind.CHECK_IN,
            ),
            expectation=about,
            goal=about_goal,
        )
    changed = None if is_check_in else _another_approach(situation, draft, focus, moves, reason)
    if changed is not None:
        return attrs.evolve(changed, expectation=about, goal=about_goal)
    kind = FollowUpKind.CHECK_IN
    offered = _offered_smaller_step(situation)
    # An if-then plan comes back when its obstacle shows up in the client's words
    # (`plan_rule`), not on every lapse.
    offer = (
        _offer_smaller_step(expectation, "struggle")
        if situation.struggling and not offered and firmness >= 1 and not is_check_in
        else None
    )
    if offer is not None:
        moves += [offer, Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice")]
        kind = FollowUpKind.OFFER_RENEGOTIATION
        reason += " The client is struggling: a smaller step comes before anything firmer."
    elif firmness <= 1:
        # What got in the way is not asked of a client who already said.
        asked = "what_would_help" if _told_why(situation, focus) else "what_got_in_the_way"
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic=asked))
        if firmness == 1 and goal is not None:
            moves.append(Move(kind=MoveKind.REMIND_WHY, goal=goal.id, quote=goal.why))
            kind = FollowUpKind.REMIND
    elif firmness == 2 or is_check_in:  # a missed check-in never calls for a challenge
        moves += [
            Move(
                kind=MoveKind.ASK_RECOMMITMENT,
                topic="check_in"
                if is_check_in
                else "own_commitment"
                if _clients_own(situation, expectation.id)
                else "lapse",
                expectation=None if is_check_in else expectation.id,
                action=None if is_check_in else action,
                name=None if is_check_in else expectation.name or None,
                step=None if is_check_in else action,
                by=_by(situation),
            ),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
        ]
        kind = FollowUpKind.ASK_RECOMMITMENT
    else:
        if goal is not None:
            moves.append(Move(kind=MoveKind.REMIND_WHY, goal=goal.id, quote=goal.why))
        moves += [
            Move(
                kind=MoveKind.CHALLENGE,
                expectation=expectation.id,
                action=action,
                name=expectation.name or None,
                by=_by(situation),
            ),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
        ]
        kind = FollowUpKind.CHALLENGE
    if situation.assessment.agreement.peer_consent and firmness >= 2:
        moves.append(Move(kind=MoveKind.INVITE_PEER, expectation=expectation.id))
    return attrs.evolve(
        draft.add(*moves, reason=reason, kind=kind), expectation=about, goal=about_goal
    )


def harder_rule(situation: Situation, draft: Draft) -> Draft:
    """A client asking for more challenge: affirm the growth and agree what it looks like."""
    changes = [
        change
        for facts in situation.assessment.expectations
        for change in facts.renegotiations.applied
        if change.direction is Direction.HARDER
        and change.proposed_by is Party.CLIENT
        and situation.is_news(change.at)
    ]
    if not changes:
        return draft
    change = changes[-1]
    expectation = _current(situation, change.expectation)
    new_action, _ = _new_terms(situation, change)
    return attrs.evolve(
        draft.add(
            Move(
                kind=MoveKind.AFFIRM,
                topic="growth",
                expectation=expectation.id,
                action=new_action,
            ),
            Move(kind=MoveKind.OPEN_QUESTION, topic="keep_it_up", step=new_action),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="their_idea"),
            reason=f"The client asked for more: '{new_action}' applies from now.",
            kind=FollowUpKind.CHECK_IN,
        ),
        expectation=draft.expectation or expectation.id,
        reply=True,
    )


def momentum_rule(situation: Situation, draft: Draft) -> Draft:
    """Momentum sliding: remind them why they started, in their own words."""
    falling = _falling(situation)
    if not falling or any(m.kind is MoveKind.REMIND_WHY for m in draft.moves):
        return draft
    last = situation.assessment.last_follow_up
    if last is not None and situation.now - last.at < _MOMENTUM_PAUSE:
        return draft
    facts = max(falling, key=lambda f: f.momentum_week_ago - f.momentum)
    goal = situation.goal_of(facts.expectation.id)
    if goal is None:
        return draft
    moves: list[Move] = []
    if not draft.moves:
        moves.append(
            Move(
                kind=MoveKind.ACKNOWLEDGE,
                topic="sliding",
                expectation=facts.expectation.id,
                action=facts.expectation.action,
                name=facts.expectation.name or None,
            )
        )
    moves.append(Move(kind=MoveKind.REMIND_WHY, goal=goal.id, quote=goal.why))
    if not draft.moves:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_would_help"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"Momentum on '{facts.expectation.action}' fell from "
            f"{facts.momentum_week_ago:.2f} to {facts.momentum:.2f} in a week.",
            kind=FollowUpKind.REMIND,
        ),
        expectation=draft.expectation or facts.expectation.id,
        goal=draft.goal or goal.id,
    )


def _falling(situation: Situation) -> list[ExpectationFacts]:
    """The expectations whose momentum fell by the style's threshold within a week."""
    threshold = situation.style.momentum_falling
    return [
        f
        for f in situation.assessment.expectations
        if f.momentum_week_ago - f.momentum >= threshold
    ]


def _action(situation: Situation, expectation_id: str | None) -> str | None:
    """The expectation's action as in force now, with renegotiations folded in."""
    for facts in situation.assessment.expectations:
        if facts.expectation.id == expectation_id:
            return facts.expectation.action
    return None


def _name(situation: Situation, expectation_id: str | None) -> str | None:
    """The habit's short name, if the expectation has one."""
    for facts in situation.assessment.expectations:
        if facts.expectation.id == expectation_id:
            return facts.expectation.name or None
    return None


def _current(situation: Situation, expectation_id: str) -> Expectation:
    """The expectation on the terms in force now, renegotiations folded in."""
    for facts in situation.assessment.expectations:
        if facts.expectation.id == expectation_id:
            return facts.expectation
    return _agreed(situation, expectation_id)


def _agreed(situation: Situation, expectation_id: str) -> Expectation:
    """The expectation on its terms as first agreed."""
    for expectation in situation.assessment.agreed_expectations:
        if expectation.id == expectation_id:
            return expectation
    raise UnknownReferenceError("expectation", expectation_id)


DEFAULT_RULES: Final[tuple[Rule, ...]] = (
    crisis_rule,
    celebrate_rule,
    aftermath_rule,
    setback_rule,
    silence_rule,
    renegotiation_rule,
    honest_miss_rule,
    fear_rule,
    plan_rule,
    harder_rule,
    listen_rule,
    lapse_rule,
    intention_rule,
    momentum_rule,
)
"""The built-in rules, in the order the default policy consults them."""


# --- The policy ----------------------------------------------------------------------------


def _situation(assessment: Assessment, style: Style) -> Situation:
    # A paused, achieved or released goal is the client's choice: its commitments are
    # not followed up (their wins are still celebrated).
    active = {g.id for g in assessment.goals if g.status is GoalStatus.ACTIVE}
    if any(f.expectation.goal not in active for f in assessment.expectations):
        assessment = attrs.evolve(
            assessment,
            expectations=tuple(f for f in assessment.expectations if f.expectation.goal in active),
        )
    focus = _focus(assessment)
    _, firmness = _firmness(assessment, style, focus)
    last = assessment.last_follow_up
    return Situation(
        assessment=assessment,
        style=style,
        since=last.at.astimezone(UTC) if last is not None else None,
        firmness=firmness,
        focus=focus,
        struggling=_struggling(assessment, focus, style),
        now=assessment.now.astimezone(UTC),
    )


def _outside_quiet_hours(moment: datetime, agreement: Agreement) -> datetime:
    """The first moment at or after *moment* outside the client's local quiet hours."""
    return agreement.quiet_hours.first_moment_outside(moment, agreement.tz)


def _send_time(situation: Situation, earliest: datetime) -> datetime:
    """When to send: outside quiet hours and within the weekly cap.

    The minimum gap since the last follow-up is already in *earliest*.
    """
    agreement = situation.assessment.agreement
    # The cap counts reminders and asks; replies to the client are not held by it.
    sent = [e.at for e in _sent_since(situation.assessment, situation.now - WEEK) if nudged(e)]
    slot = first_slot(
        earliest,
        zone=agreement.tz,
        quiet=agreement.quiet_hours,
        cap=agreement.weekly_cap,
        sends=sent,
    )
    # The policy waits instead of sending when the cap is 0, so a slot is always found here.
    return (slot if slot is not None else earliest).astimezone(agreement.tz)


def _next_look(situation: Situation) -> datetime:
    """The next moment worth looking again, when there is nothing to send now.

    That is the first moment at which a fact the rules read can change with
    nothing new recorded: an occurrence falling due or closing, a renegotiation
    taking effect, a silence reaching a threshold, a grace window ending, the
    momentum rule's pause ending or its week-ago reading moving on, or the last
    follow-up leaving the history window. Looking again then never misses a
    follow-up that became due in between.
    """
    assessment = situation.assessment
    now = situation.now
    style = situation.style
    candidates: list[datetime] = []
    for facts in (*assessment.expectations, assessment.check_ins):
        if facts is not None:
            candidates.extend(_occurrence_moments(facts, now))
    for facts in assessment.expectations:
        # The momentum rule compares with momentum a week ago, which takes in each
        # period a week after it settled.
        candidates.extend(settled + _WEEK_AGO for settled in _settled(facts))
    if assessment.last_spoke is not None:
        for days in (style.silence_reconnect_days, style.silence_open_door_days):
            candidates.append(_silent_for(assessment.last_spoke, days))
    last = assessment.last_follow_up
    if last is not None:
        sent = last.at.astimezone(UTC)
        if _falling(situation):
            candidates.append(sent + _MOMENTUM_PAUSE)
        # Once the last follow-up leaves the history window, everything is news again.
        candidates.append(sent + timedelta(days=style.history_days, microseconds=1))
    candidates.extend(s.grace_until for s in assessment.setbacks)
    candidates.extend(s.excused_until + _RESTART for s in assessment.setbacks)
    if assessment.crisis_until is not None:
        candidates.append(assessment.crisis_until)
    intention = _intention(situation)
    if intention is not None:
        candidates.append(intention[2])
    later = [c.astimezone(UTC) for c in candidates if c > now]
    return min(later) if later else now + timedelta(days=1)


def _occurrence_moments(facts: ExpectationFacts, now: datetime) -> Iterator[datetime]:
    """When the expectation's occurrences fall due or close, and its renegotiations apply."""
    for fact in facts.occurrences:
        closes = fact.occurrence.closes
        if fact.status is OccurrenceStatus.PENDING:
            yield closes if closes > now else fact.occurrence.due
        else:
            # A period reported missed or done early still settles when it closes: then
            # momentum takes it in.
            yield closes
    yield from facts.renegotiations.effective
    if facts.next_due is not None:
        # The next occurrence is not in the assessment until it opens; look again when it
        # is due, and then at its close, where a miss would become a lapse.
        yield facts.next_due


def _settled(facts: ExpectationFacts) -> Iterator[datetime]:
    """When each occurrence that is no longer pending settled: its close (a one-off: its due)."""
    for fact in facts.occurrences:
        if fact.status is not OccurrenceStatus.PENDING:
            occurrence = fact.occurrence
            one_off = occurrence.opens == occurrence.closes
            yield (occurrence.due if one_off else occurrence.closes).astimezone(UTC)


def _wait_reasons(situation: Situation) -> tuple[str, ...]:
    """Why there is nothing to send: nothing new, and where each commitment stands."""
    assessment = situation.assessment
    reasons = [
        "Nothing new that needs a word since the last follow-up."
        if assessment.last_follow_up is not None
        else "Nothing that needs a word yet."
    ]
    for facts in assessment.expectations:
        pending = next((f for f in facts.occurrences if f.status is OccurrenceStatus.PENDING), None)
        if pending is None or pending.occurrence.times <= 1:
            continue
        done = round(pending.amount * pending.occurrence.times)
        zone = situation.zone
        closes = pending.occurrence.closes.astimezone(zone).date()
        left = (closes - assessment.now.astimezone(zone).date()).days
        needed = pending.occurrence.times - done
        reach = "still in reach" if needed <= left else "more than the days left allow"
        reasons.append(
            f"'{facts.expectation.action}': {done} of {pending.occurrence.times} done this "
            f"{facts.period}, {en.plural(left, 'day')} left; {reach}."
        )
    return tuple(reasons)


def _kind(moves: Sequence[Move], proposed: FollowUpKind) -> FollowUpKind:
    kinds = {m.kind for m in moves}
    if proposed is FollowUpKind.CHALLENGE and MoveKind.CHALLENGE not in kinds:
        proposed = FollowUpKind.ASK_RECOMMITMENT
    if proposed is FollowUpKind.ASK_RECOMMITMENT and MoveKind.ASK_RECOMMITMENT not in kinds:
        # Name what is left: an offer to adjust, a reminder, or a plain check-in.
        if MoveKind.OFFER_SMALLER_STEP in kinds:
            proposed = FollowUpKind.OFFER_RENEGOTIATION
        elif kinds & {MoveKind.REMIND_WHY, MoveKind.SURFACE_PLAN}:
            proposed = FollowUpKind.REMIND
        else:
            proposed = FollowUpKind.CHECK_IN
    if proposed is FollowUpKind.OFFER_RENEGOTIATION and MoveKind.OFFER_SMALLER_STEP not in kinds:
        proposed = FollowUpKind.CHECK_IN  # one question per message: another one was kept
    if proposed is FollowUpKind.CELEBRATE and MoveKind.CELEBRATE not in kinds:
        proposed = FollowUpKind.CHECK_IN
    return proposed


_AFTER_GOOD_NEWS: Final = frozenset(
    {
        "lapse",
        "long_lapse",
        "single_miss",
        "sliding",
        "missed_check_ins",
        "not_started",
        "check_in",
        "insight",
        "motivation",
        "renegotiation",
    }
)
"""Topics of an acknowledgement that wait until good news in the same message is celebrated.

A coach opens with the 8 km run, then mentions the stretching that slipped. A hard
thing the client told us (a setback, a fear, an obstacle) is still acknowledged first.
"""


_REMINDERS: Final = frozenset(
    {"lapse", "long_lapse", "not_started", "missed_check_ins", "sliding", "single_miss"}
)
"""Topics of an acknowledgement that make a follow-up a reminder, a step on the ladder."""


def _rank(move: Move, celebrating: bool) -> float:
    """A move's place in a follow-up: the canonical order, with slips after good news.

    Affirming that the client keeps showing up comes after hearing what they said.
    """
    if celebrating and move.kind is MoveKind.ACKNOWLEDGE and move.topic in _AFTER_GOOD_NEWS:
        return ORDER[MoveKind.CELEBRATE] + 0.5
    if move.kind is MoveKind.AFFIRM and move.topic == "showing_up":
        return ORDER[MoveKind.ACKNOWLEDGE] + 0.5
    return ORDER[move.kind]


def _in_order(moves: Iterable[Move]) -> list[Move]:
    """The moves in the order a follow-up says them."""
    moves = list(moves)
    celebrating = any(m.kind is MoveKind.CELEBRATE for m in moves)
    return sorted(moves, key=lambda m: _rank(m, celebrating))


def _deduplicated(moves: Sequence[Move]) -> list[Move]:
    """One move of each kind, in the order a follow-up says them (see `_rank`).

    Several celebrations and up to two acknowledgements of different things
    may stay. A question the client has already answered (what got in the
    way, when they named it or a plan covers it) goes.
    """
    answered = any(
        m.kind is MoveKind.SURFACE_PLAN or (m.kind is MoveKind.ACKNOWLEDGE and bool(m.quote))
        for m in moves
    )
    kept: list[Move] = []
    topics: dict[MoveKind, list[str]] = {}
    for move in _in_order(dict.fromkeys(moves)):
        seen = topics.setdefault(move.kind, [])
        if move.kind is MoveKind.OPEN_QUESTION and answered and move.topic == "what_got_in_the_way":
            continue
        if move.kind is MoveKind.CELEBRATE:
            pass
        elif move.kind is MoveKind.ACKNOWLEDGE:
            if move.topic in seen or len(seen) >= 2:
                continue
        elif seen:
            continue
        seen.append(move.topic)
        kept.append(move)
    if not any(m.kind is MoveKind.AFFIRM and m.topic == "growth" for m in kept):
        # "This was your idea" speaks of the step-up the growth affirmation names; without
        # it (an honest miss took the affirmation's place), say the plain autonomy line.
        kept = [
            attrs.evolve(m, topic="")
            if m.kind is MoveKind.EMPHASISE_AUTONOMY and m.topic == "their_idea"
            else m
            for m in kept
        ]
    return kept


def _clients_own(situation: Situation, expectation_id: str) -> bool:
    """Whether the client proposed this commitment themselves: then it is quoted as theirs."""
    return any(
        e.id == expectation_id and e.proposed_by is Party.CLIENT
        for e in situation.assessment.agreed_expectations
    )


def _offered_smaller_step(situation: Situation) -> bool:
    """Whether a smaller step was offered since the focus's lapses began."""
    focus = situation.focus
    if focus is None or not focus.lapse_starts:
        return False
    return any(
        s.kind is FollowUpKind.OFFER_RENEGOTIATION
        for s in _sent_since(situation.assessment, focus.lapse_starts[0])
    )


def _why_fits(situation: Situation, move: Move) -> str | None:
    """Why a move quoting the client's why is left out, or None when it fits.

    The why is quoted at most once in `WHY_EVERY`, and only when momentum on
    the goal has really dropped (below the style's ``momentum_recovered``).
    """
    last = last_why(situation.assessment)
    if last is not None and situation.now - last < WHY_EVERY:
        return (
            f"Left out the client's why: it was quoted on "
            f"{en.short_day(last, situation.zone)}, less than {WHY_EVERY.days} days ago."
        )
    dropped = any(
        f.momentum < situation.style.momentum_recovered
        for f in situation.assessment.expectations
        if move.goal is None or f.expectation.goal == move.goal
    )
    if not dropped:
        return "Left out the client's why: momentum has not really dropped."
    return None


def _one_question(draft: Draft, moves: list[Move]) -> list[Move]:
    """At most one question per message.

    The ask if there is one; else a smaller step on offer, unless a rule asked
    for no asks (a reply to doubt or a setback: its own question comes first);
    else the first question the rules asked.
    """
    questions = [m for m in moves if m.kind in QUESTIONS]
    if len(questions) <= 1:
        return moves
    keep = next((m for m in questions if m.kind in ASKS), None)
    if keep is None and not draft.no_asks:
        keep = next((m for m in questions if m.kind is MoveKind.OFFER_SMALLER_STEP), None)
    if keep is None:
        order = {move: index for index, move in reversed(list(enumerate(draft.moves)))}
        keep = min(questions, key=lambda m: order.get(m, len(order)))
    return [m for m in moves if m.kind not in QUESTIONS or m is keep]


def _smaller_step_first(situation: Situation, moves: list[Move], notes: list[str]) -> list[Move]:
    """A struggling client is offered a smaller step, or asked what helps, before a challenge."""
    challenge = next((m for m in moves if m.kind is MoveKind.CHALLENGE), None)
    if challenge is None or not situation.struggling or _offered_smaller_step(situation):
        return moves
    about = next(
        (
            _current(situation, e.id)
            for e in situation.assessment.agreed_expectations
            if e.id == challenge.expectation
        ),
        None,
    )
    moves.remove(challenge)
    notes.append("Held back a challenge: the client is struggling, so a smaller step first.")
    offer = _offer_smaller_step(about, "struggle") if about is not None else None
    if offer is not None and not any(m.kind is MoveKind.OFFER_SMALLER_STEP for m in moves):
        moves.append(offer)
        moves = _in_order(moves)
    else:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_would_help"))
        moves = _in_order(moves)
    return moves


def _enforce(situation: Situation, draft: Draft) -> tuple[tuple[Move, ...], int, tuple[str, ...]]:
    """Apply the invariants to the draft's moves.

    Returns the moves, the firmness, and a reason for each ask or challenge the
    invariants held back, so the reasons never speak of a move that was dropped.
    """
    firmness = situation.firmness
    crisis = situation.assessment.crisis_until is not None
    if draft.no_asks or crisis or draft.kind in (FollowUpKind.OPEN_DOOR, FollowUpKind.RECONNECT):
        firmness = 0 if crisis or draft.kind is FollowUpKind.OPEN_DOOR else min(firmness, 1)
    if draft.firmness_cap is not None:
        firmness = max(0, min(firmness, draft.firmness_cap))
    allowed = {MoveKind.ASK_RECOMMITMENT: 1, MoveKind.CHALLENGE: MAX_FIRMNESS}
    moves: list[Move] = []
    notes: list[str] = []
    asked = False
    for move in _deduplicated(draft.moves):
        if move.kind is MoveKind.REMIND_WHY:
            unfit = _why_fits(situation, move)
            if unfit is not None:
                notes.append(unfit)
                continue
        if move.kind in ASKS:
            if draft.no_asks or crisis or asked:
                continue
            if firmness < allowed[move.kind]:
                held = "a challenge" if move.kind is MoveKind.CHALLENGE else "an ask"
                notes.append(
                    f"Held back {held}: firmness is {firmness}, and it rises one step at a time."
                )
                continue
            asked = True
        moves.append(move)
    moves = _smaller_step_first(situation, moves, notes)
    moves = _one_question(draft, moves)
    asked = any(m.kind in ASKS for m in moves)
    if not asked and not any(m.kind is MoveKind.OFFER_SMALLER_STEP for m in moves):
        last = situation.assessment.last_follow_up
        reminds = any(m.kind is MoveKind.ACKNOWLEDGE and m.topic in _REMINDERS for m in moves)
        if draft.reply and not reminds:
            # A reply is not a step on the ladder: it keeps the step the last one took.
            firmness = min(firmness, last.firmness if last is not None else 0)
        else:
            firmness = min(firmness, 1)  # asking nothing, a reminder is gentle at most
    if asked and moves[0].kind not in OPENERS:
        moves.insert(0, Move(kind=MoveKind.AFFIRM, topic="effort"))
    return tuple(moves), firmness, tuple(notes)


def _as_rules(given: object) -> tuple[Rule, ...]:
    """The rules of a policy as a tuple, each checked to be callable."""
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise InvalidValueError("Policy.rules", given, "expected a sequence of rules")
    rules = tuple(given)
    for index, rule in enumerate(rules):
        if not callable(rule):
            raise InvalidValueError(f"Policy.rules[{index}]", rule, "a rule must be callable")
    return rules


@attrs.frozen(repr=False)
class Policy:
    """An ordered composition of rules that decides the next follow-up.

    Rules are consulted in order, each adding to a draft, until one marks
    the draft final. The policy then enforces the invariants and schedules
    the send time. It returns a follow-up without text: putting moves into
    words is the voice's job (`accountability.voice.phrase`), and
    `accountability.suggest` runs the whole pipeline.

    A policy is a frozen value: `without` and `with_rule` return new ones.

    >>> from accountability import assess
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> Policy().decide(assess(example_journal(), EXAMPLE_NOW)).kind.value
    'celebrate'
    >>> quieter = Policy().without(momentum_rule).with_rule(fear_rule, before=celebrate_rule)
    >>> len(quieter.rules) == len(DEFAULT_RULES) - 1
    True

    Attributes:
        rules: The rules, in the order they are consulted; the built-in
            ones by default.
    """

    rules: tuple[Rule, ...] = attrs.field(default=DEFAULT_RULES, converter=_as_rules)

    def __repr__(self) -> str:
        names = ", ".join(getattr(r, "__name__", repr(r)) for r in self.rules)
        return f"Policy(rules=({names}))"

    def without(self, *rules: Rule) -> Policy:
        """A policy without the given rules.

        Raises:
            InvalidValueError: If one of *rules* is not a rule of this policy.
        """
        for rule in rules:
            if rule not in self.rules:
                raise InvalidValueError("rules", rule, "is not a rule of this policy")
        return Policy(tuple(r for r in self.rules if r not in rules))

    def with_rule(self, rule: Rule, *, before: Rule | None = None) -> Policy:
        """A policy with *rule* added, before another rule or at the end.

        Raises:
            InvalidValueError: If *rule* is not callable, or *before* is not
                one of this policy's rules.
        """
        if not callable(rule):
            raise InvalidValueError("rule", rule, "a rule must be callable")
        rules = [r for r in self.rules if r is not rule]
        if before is None:
            rules.append(rule)
        elif before not in rules:
            raise InvalidValueError("before", before, "is not a rule of this policy")
        else:
            rules.insert(rules.index(before), rule)
        return Policy(tuple(rules))

    def decide(self, assessment: Assessment) -> FollowUp:
        """The follow-up for an assessment.

        The rules read the assessment only, never the journal it was made from.

        Args:
            assessment: The facts at ``assessment.now``. The commitments of a
                goal that is paused, achieved or released are not followed
                up (its wins are still celebrated).

        Raises:
            InvalidValueError: If *assessment* is not an `Assessment`, or a
                rule returns something other than a `Draft`.
        """
        if not isinstance(assessment, Assessment):
            raise InvalidValueError("assessment", assessment, "expected an Assessment")
        style = _with_directness(assessment.style, assessment.agreement)
        situation = _situation(assessment, style)
        draft = Draft()
        for rule in self.rules:
            draft = rule(situation, draft)
            if not isinstance(draft, Draft):
                raise InvalidValueError(
                    "rule", rule, f"returned {type(draft).__name__}, expected a Draft"
                )
            if draft.final:
                break
        return self._finish(situation, draft)

    def _finish(self, situation: Situation, draft: Draft) -> FollowUp:
        agreement = situation.assessment.agreement
        zone = agreement.tz
        last = situation.assessment.last_follow_up
        capped = False
        if draft.reply and draft.not_before is None:
            # A reply goes out within the day, whatever the cap; at the cap, it goes without
            # the reminders and asks that the cap holds back.
            sent = _sent_since(situation.assessment, situation.now - WEEK)
            capped = sum(nudged(e) for e in sent) >= agreement.weekly_cap
            if capped and any(nudges(m.kind.value, m.topic) for m in draft.moves):
                # At the cap, the reply goes without what the cap holds back: asks, offers,
                # the why and the naming of a lapse.
                draft = attrs.evolve(
                    draft,
                    moves=tuple(m for m in draft.moves if not nudges(m.kind.value, m.topic)),
                    no_asks=True,
                    reasons=(*draft.reasons, "At the weekly cap: the reply goes without its ask."),
                )
        moves, firmness, notes = _enforce(situation, draft)
        if (
            draft.kind is None
            or draft.kind is FollowUpKind.WAIT
            or agreement.weekly_cap == 0
            or not moves
        ):
            wait_until = draft.wait_until
            if wait_until is None or wait_until <= situation.now:
                wait_until = _next_look(situation)
            reasons = draft.reasons or _wait_reasons(situation)
            if agreement.weekly_cap == 0:
                reasons = ("The agreement allows no follow-ups.",)
                wait_until = situation.now + timedelta(days=7)
            elif not moves and draft.kind not in (None, FollowUpKind.WAIT):
                reasons = (*reasons, "Nothing is left to send that the client's situation allows.")
            return FollowUp(
                kind=FollowUpKind.WAIT,
                moves=(),
                stance=Stance(
                    firmness=min(situation.firmness, last.firmness if last else 0), empathy=1.0
                ),
                send_at=_outside_quiet_hours(
                    max(wait_until.astimezone(UTC), situation.now), agreement
                ),
                goal=draft.goal,
                expectation=draft.expectation,
                reasons=reasons,
                competencies=(),
                celebrates=frozenset(),
            )
        gap = timedelta(hours=situation.style.min_gap_hours)
        earliest = situation.now
        if draft.not_before is not None:
            earliest = max(earliest, draft.not_before.astimezone(UTC))
        reply_at = None
        if draft.reply and draft.not_before is None:
            reply_at = _outside_quiet_hours(earliest, agreement)
        if last is not None:
            # Never stacked: a reminder or an ask keeps the gap from any follow-up, a reply
            # included (a reply itself does not wait).
            earliest = max(earliest, last.at.astimezone(UTC) + gap)
        if draft.kind is FollowUpKind.OPEN_DOOR and last is not None:
            door = days_after(last.at, situation.style.open_door_every_days, zone)
            earliest = max(earliest, door)
        empathic = {
            MoveKind.ACKNOWLEDGE,
            MoveKind.AFFIRM,
            MoveKind.CELEBRATE,
            MoveKind.HOLD_SPACE,
            MoveKind.EMPHASISE_AUTONOMY,
        }
        competencies = sorted(
            {c for move in moves for c in serves(move.kind)}, key=list(Competency).index
        )
        return FollowUp(
            kind=_kind(moves, draft.kind),
            moves=moves,
            stance=Stance(
                firmness=firmness,
                empathy=sum(m.kind in empathic for m in moves) / len(moves) if moves else 1.0,
            ),
            send_at=reply_at.astimezone(zone)
            if reply_at is not None
            else _send_time(situation, earliest),
            goal=draft.goal or _goal_id(situation, draft.expectation),
            expectation=draft.expectation,
            reasons=(*draft.reasons, *notes),
            competencies=tuple(competencies),
            celebrates=draft.celebrates
            if MoveKind.CELEBRATE in {m.kind for m in moves}
            else frozenset(),
            reply=reply_at is not None,
        )


def _goal_id(situation: Situation, expectation_id: str | None) -> str | None:
    goal = situation.goal_of(expectation_id)
    return goal.id if goal is not None else None


def _with_directness(style: Style, agreement: Agreement) -> Style:
    """The client's preferred directness can only soften a style, never harden it."""
    if agreement.directness is Directness.GENTLE and style.firmness_cap > 2:
        return attrs.evolve(style, firmness_cap=2)
    return style


DEFAULT_POLICY: Final = Policy()
"""The policy with the built-in rules, used unless another is given."""


def decide(assessment: Assessment, policy: Policy | None = None) -> FollowUp:
    """Decide the follow-up for an assessment, with the default policy unless given one.

    The policy reads the facts only: everything it needs from the journal is
    in the assessment.

    Args:
        assessment: The facts at the moment of decision.
        policy: The rules to use; the built-in ones by default.

    Raises:
        InvalidValueError: If *assessment* is not an `Assessment` or *policy*
            is not a `Policy`.

    >>> from accountability import assess
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> decide(assess(example_journal(), EXAMPLE_NOW)).kind.value
    'celebrate'
    """
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "expected a Policy")
    return (policy or DEFAULT_POLICY).decide(assessment)
