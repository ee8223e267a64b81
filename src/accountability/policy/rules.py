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
    Competency,
    FollowUp,
    Move,
    MoveKind,
    Stance,
    serves,
)
from accountability.policy.timing import WEEK, first_slot
from accountability.record.model import (
    MAX_FIRMNESS,
    Agreement,
    CheckIn,
    Direction,
    Directness,
    Expectation,
    FollowUpKind,
    FollowUpSent,
    Goal,
    GoalStatus,
    Miss,
    Party,
    Reflection,
    ReflectionKind,
    Setback,
    Severity,
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
    "celebrate_rule",
    "crisis_rule",
    "decide",
    "fear_rule",
    "harder_rule",
    "honest_miss_rule",
    "lapse_rule",
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


def _offer_smaller_step(expectation: Expectation, topic: str) -> Move:
    """The move that offers a scaled-down version of *expectation*."""
    return Move(
        kind=MoveKind.OFFER_SMALLER_STEP,
        topic=topic,
        expectation=expectation.id,
        action=expectation.action,
        step=smaller_step(expectation),
    )


def smaller_step(expectation: Expectation) -> str:
    """A concrete, scaled-down version of an expectation, to offer a struggling client.

    An amount in the action is halved ("Run for 30 minutes" becomes "Run for
    15 minutes"); only a whole number followed by a unit of amount counts, so
    clock times, chapter numbers and single items are left alone. Otherwise a
    cadence asking for several times a period asks for one fewer; otherwise
    the step is the first five minutes of it.

    >>> from datetime import datetime, timezone
    >>> def step(action: str) -> str:
    ...     return smaller_step(Expectation(id="e", goal="g", action=action,
    ...                                     agreed_at=datetime(2026, 3, 1, tzinfo=timezone.utc)))
    >>> step("Run for 30 minutes"), step("Wake up at 6:30")
    ('Run for 15 minutes', 'Just the first five minutes of: Wake up at 6:30')
    """
    if not isinstance(expectation, Expectation):
        raise InvalidValueError("expectation", expectation, "expected an Expectation")
    action = expectation.action.strip()
    amount = _AMOUNT.search(action)
    if amount is not None and int(amount["number"]) >= 3:  # keeps the unit plural
        half = str((int(amount["number"]) + 1) // 2)
        return action[: amount.start("number")] + half + action[amount.end("number") :]
    schedule = expectation.schedule
    if isinstance(schedule, Cadence) and schedule.times > 1:
        return f"{action}, {schedule.times - 1} times a week instead of {schedule.times}"
    return f"Just the first five minutes of: {action}"


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
    new_lapse = focus is not None and any(
        since is None or start > since for start in focus.lapse_starts
    )
    if focus is not None and new_lapse and focus.lapses >= style.lapses_per_step:
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
    """Inside a crisis window: hold space and acknowledge; no ask or challenge in the window."""
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
    if not situation.is_news(crisis.setback.at):
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
            Move(kind=MoveKind.ACKNOWLEDGE, topic="setback", quote=crisis.setback.what),
            Move(kind=MoveKind.HOLD_SPACE, topic="crisis"),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="crisis"),
            reason=reason,
            kind=FollowUpKind.SUPPORT_SETBACK,
        ),
        no_asks=True,
        final=True,
    )


def celebrate_rule(situation: Situation, draft: Draft) -> Draft:
    """Celebrate wins nobody has celebrated yet, before anything is asked."""
    wins = list(situation.assessment.uncelebrated)
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
    )


def setback_rule(situation: Situation, draft: Draft) -> Draft:
    """A major setback, newly reported: acknowledge it and offer to adjust. No asks."""
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
    if affected:
        expectation = affected[0]
        moves.append(_offer_smaller_step(expectation, "setback"))
    moves.append(Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="setback"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"A major setback was reported on {en.short_day(setback.at, situation.zone)}: "
            "offer to adjust, "
            "ask nothing.",
            kind=FollowUpKind.SUPPORT_SETBACK,
        ),
        no_asks=True,
        final=True,
        expectation=draft.expectation or (affected[0].id if affected else None),
    )


def silence_rule(situation: Situation, draft: Draft) -> Draft:
    """Silence: reconnect with curiosity after a week; after three, leave an open door."""
    assessment = situation.assessment
    style = situation.style
    if assessment.silence is None or assessment.last_spoke is None:
        return draft
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
    """A miss the client reported: affirm the honesty first, then ask what got in the way."""
    misses = [
        m
        for m in situation.assessment.honest_misses
        if situation.is_news(m.at) and situation.is_recent(m.at)
    ]
    if not misses:
        return draft
    miss = misses[-1]
    expectation = _agreed(situation, miss.expectation)
    moves = [
        Move(
            kind=MoveKind.AFFIRM,
            topic="honesty",
            expectation=expectation.id,
            action=expectation.action,
        )
    ]
    if miss.reason.strip():
        moves.append(Move(kind=MoveKind.ACKNOWLEDGE, topic="reason", quote=miss.reason))
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
                    ),
                    reason=f"The obstacle of the if-then plan showed up: '{plan.obstacle}'.",
                    kind=FollowUpKind.CHECK_IN,
                ),
                expectation=draft.expectation or expectation.id,
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
    low = (
        assessment.confidence is not None
        and assessment.confidence <= situation.style.low_confidence
    )
    fear = fears[-1]
    if started and not low:
        return draft
    if not (situation.is_news(fear.at) or situation.since is None):
        return draft
    agreed = assessment.agreed_expectations
    expectation = agreed[0] if agreed else None
    moves = [Move(kind=MoveKind.ACKNOWLEDGE, topic="fear", quote=fear.words)]
    if expectation is not None:
        moves.append(_offer_smaller_step(expectation, "first_step"))
    else:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="first_step"))
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
    )


def renegotiation_rule(situation: Situation, draft: Draft) -> Draft:
    """Repeated requests to lower the bar: hold firm at the smallest step, not lower again."""
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
    ]
    if situation.firmness >= 1:
        moves.append(
            Move(
                kind=MoveKind.ASK_RECOMMITMENT,
                topic="smallest_step",
                expectation=facts.expectation.id,
                action=facts.expectation.action,
                step=step,
                by=_by(situation),
            )
        )
    else:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="make_it_workable", step=step))
    moves.append(Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"))
    return attrs.evolve(
        draft.add(
            *moves,
            reason=f"{assessment.easier_requests_recent} requests to make things easier within "
            f"{situation.style.renegotiation_window_days} days: hold firm at the smallest step.",
            kind=FollowUpKind.ASK_RECOMMITMENT,
        ),
        expectation=draft.expectation or facts.expectation.id,
        final=True,
    )


def lapse_rule(situation: Situation, draft: Draft) -> Draft:
    """Unexcused lapses: climb the ladder one step, offering a smaller step before any challenge."""
    focus = situation.focus
    if focus is None:
        return draft
    since = situation.since
    if not any(since is None or start > since for start in focus.lapse_starts):
        return draft  # the same run of misses as last time: one lapse, not N reminders
    new = [
        f
        for f in focus.occurrences
        if f.status is OccurrenceStatus.MISSED
        and f.excused_by is None
        and (since is None or f.occurrence.due > since)
    ]
    expectation = focus.expectation
    is_check_in = expectation.id == CHECK_IN_ID
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
    started = any(
        f.status in (OccurrenceStatus.DONE, OccurrenceStatus.PARTLY) for f in focus.occurrences
    )
    moves = []
    if not told_us:  # the client already said so: affirm that, don't restate the miss
        moves.append(
            Move(
                kind=MoveKind.ACKNOWLEDGE,
                topic="missed_check_ins" if is_check_in else "lapse" if started else "not_started",
                expectation=None if is_check_in else expectation.id,
                action=None if is_check_in else action,
                count=len(new) if is_check_in else focus.lapses,
            )
        )
    kind = FollowUpKind.CHECK_IN
    offered = _offered_smaller_step(situation)
    plan = None if is_check_in else expectation.plan
    if plan is not None:
        moves.append(
            Move(
                kind=MoveKind.SURFACE_PLAN,
                expectation=expectation.id,
                quote=plan.obstacle,
                response=plan.response,
                action=action,
            )
        )
    if situation.struggling and not offered and firmness >= 1 and not is_check_in:
        moves += [
            _offer_smaller_step(expectation, "struggle"),
            Move(kind=MoveKind.OPEN_QUESTION, topic="what_would_help"),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
        ]
        kind = FollowUpKind.OFFER_RENEGOTIATION
        reason += " The client is struggling: a smaller step comes before anything firmer."
    elif firmness <= 1:
        moves.append(Move(kind=MoveKind.OPEN_QUESTION, topic="what_got_in_the_way"))
        if firmness == 1 and goal is not None:
            moves.append(Move(kind=MoveKind.REMIND_WHY, goal=goal.id, quote=goal.why))
            kind = FollowUpKind.REMIND
    elif firmness == 2 or is_check_in:  # a missed check-in never calls for a challenge
        moves += [
            Move(kind=MoveKind.OPEN_QUESTION, topic="what_got_in_the_way"),
            Move(
                kind=MoveKind.ASK_RECOMMITMENT,
                topic="check_in"
                if is_check_in
                else "own_commitment"
                if _clients_own(situation, expectation.id)
                else "lapse",
                expectation=None if is_check_in else expectation.id,
                action=None if is_check_in else action,
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
                by=_by(situation),
            ),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="choice"),
        ]
        kind = FollowUpKind.CHALLENGE
    if situation.assessment.agreement.peer_consent and firmness >= 2:
        moves.append(Move(kind=MoveKind.INVITE_PEER, expectation=expectation.id))
    return attrs.evolve(
        draft.add(*moves, reason=reason, kind=kind),
        expectation=draft.expectation or (None if is_check_in else expectation.id),
        goal=draft.goal or (goal.id if goal else None),
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
    expectation = _agreed(situation, change.expectation)
    new_action = change.action or expectation.action
    return attrs.evolve(
        draft.add(
            Move(
                kind=MoveKind.AFFIRM, topic="growth", expectation=expectation.id, action=new_action
            ),
            Move(kind=MoveKind.OPEN_QUESTION, topic="keep_it_up", step=new_action),
            Move(kind=MoveKind.EMPHASISE_AUTONOMY, topic="their_idea"),
            reason=f"The client asked for more: '{new_action}' applies from now.",
            kind=FollowUpKind.CHECK_IN,
        ),
        expectation=draft.expectation or expectation.id,
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


def _agreed(situation: Situation, expectation_id: str) -> Expectation:
    """The expectation on its terms as first agreed."""
    for expectation in situation.assessment.agreed_expectations:
        if expectation.id == expectation_id:
            return expectation
    raise UnknownReferenceError("expectation", expectation_id)


DEFAULT_RULES: Final[tuple[Rule, ...]] = (
    crisis_rule,
    celebrate_rule,
    setback_rule,
    silence_rule,
    renegotiation_rule,
    honest_miss_rule,
    fear_rule,
    lapse_rule,
    plan_rule,
    harder_rule,
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
    sent = [e.at for e in _sent_since(situation.assessment, situation.now - WEEK)]
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
    if assessment.crisis_until is not None:
        candidates.append(assessment.crisis_until)
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
    if proposed is FollowUpKind.CELEBRATE and MoveKind.CELEBRATE not in kinds:
        proposed = FollowUpKind.CHECK_IN
    return proposed


_AFTER_GOOD_NEWS: Final = frozenset({"lapse", "sliding", "missed_check_ins", "not_started"})
"""Topics of an acknowledgement that wait until good news in the same message is celebrated.

A coach opens with the 8 km run, then mentions the stretching that slipped. A hard
thing the client told us (a setback, a fear, an obstacle) is still acknowledged first.
"""


def _rank(move: Move, celebrating: bool) -> float:
    """A move's place in a follow-up: the canonical order, with slips after good news."""
    if celebrating and move.kind is MoveKind.ACKNOWLEDGE and move.topic in _AFTER_GOOD_NEWS:
        return ORDER[MoveKind.CELEBRATE] + 0.5
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
        m.kind is MoveKind.SURFACE_PLAN or (m.kind is MoveKind.ACKNOWLEDGE and m.topic == "reason")
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


def _enforce(situation: Situation, draft: Draft) -> tuple[tuple[Move, ...], int, tuple[str, ...]]:
    """Apply the invariants to the draft's moves.

    Returns the moves, the firmness, and a reason for each ask or challenge the
    invariants held back, so the reasons never speak of a move that was dropped.
    """
    firmness = situation.firmness
    crisis = situation.assessment.crisis_until is not None
    if draft.no_asks or crisis or draft.kind in (FollowUpKind.OPEN_DOOR, FollowUpKind.RECONNECT):
        firmness = 0 if crisis or draft.kind is FollowUpKind.OPEN_DOOR else min(firmness, 1)
    allowed = {MoveKind.ASK_RECOMMITMENT: 1, MoveKind.CHALLENGE: MAX_FIRMNESS}
    moves: list[Move] = []
    notes: list[str] = []
    asked = False
    for move in _deduplicated(draft.moves):
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
    challenge = next((m for m in moves if m.kind is MoveKind.CHALLENGE), None)
    if challenge is not None and situation.struggling and not _offered_smaller_step(situation):
        # A struggling client is offered a smaller step before being challenged.
        about = next(
            (e for e in situation.assessment.agreed_expectations if e.id == challenge.expectation),
            None,
        )
        moves.remove(challenge)
        notes.append("Held back a challenge: the client is struggling, so a smaller step first.")
        if about is not None and not any(m.kind is MoveKind.OFFER_SMALLER_STEP for m in moves):
            moves.append(_offer_smaller_step(about, "struggle"))
            moves = _in_order(moves)
        asked = any(m.kind in ASKS for m in moves)
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
        if last is not None:
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
            send_at=_send_time(situation, earliest),
            goal=draft.goal or _goal_id(situation, draft.expectation),
            expectation=draft.expectation,
            reasons=(*draft.reasons, *notes),
            competencies=tuple(competencies),
            celebrates=draft.celebrates
            if MoveKind.CELEBRATE in {m.kind for m in moves}
            else frozenset(),
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
