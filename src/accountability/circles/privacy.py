"""Consent and privacy: what the circle may hear about each member, and nothing more.

This is the one module of the circles that reads what members said and did:
their journals' events, their wins and their numbers. It reads each member
once ([`read_members`][accountability.circles.privacy.read_members]) and hands
on only what the member shares: the wins the circle may cheer
([`SharedWin`][accountability.circles.privacy.SharedWin]), the words their
buddy may read ([`SharedWords`][accountability.circles.privacy.SharedWords]),
a check-in coming up, and their numbers for the circle's aggregates
([`SharedProgress`][accountability.circles.privacy.SharedProgress]). The
messages (`accountability.circles.messages`) are drafted from those alone;
they read a member's journal only for that member's own follow-up and for
when to reach them (their zone, quiet hours and weekly cap). Buddy pairing
(`accountability.circles.pairing`) reads zones, quiet hours and rhythms, for
the coach.

## What peers may hear

Each member sets, and can change at any moment, how much the circle may hear
about them: a [`ConsentLevel`][accountability.circles.ConsentLevel]. The level
in force at a moment is the last change at or before it (``nothing`` before
the first). Levels build on each other:

- ``nothing``: nothing. The member is named in no message to anyone else,
  and counts in no aggregate except the number of members.
- ``wins``: their reported wins, in their own words, celebrated with the
  circle.
- ``progress``: also their streak milestones (the length only), that a
  check-in or commitment of theirs is coming up (told to their buddy only),
  and their adherence and momentum, folded into the circle's weekly
  aggregates.
- ``everything``: also the events they marked shareable, quoted to their
  buddy.

Whatever the level, the circle never hears what a commitment is, a goal's
title or why, an if-then plan, the coach's messages, a renegotiation, or any
setback, reflection, miss or note the member did not mark shareable. A crisis
is never shared, even when marked. Peer messages name members by the display
name they gave the circle, never by anything from their journal.

Three rules come before any level:

- The agreement with the coach comes first: a member whose journal's agreement
  has ``peer_consent=False`` is treated as sharing ``nothing``, whatever the
  circle records.
- A member inside a crisis window is not put in front of the group: they are
  named in no message and count in no aggregate until the window ends, and
  they receive no peer messages either, since nothing should ask anything of
  them then. The group is never told why.
- A member who left receives nothing and is named in nothing from the moment
  they leave.

Consent is read at ``now``: a change takes effect for every message suggested
from that moment on. A message suggested earlier and not yet sent does not
know about a later change, so suggest again just before sending (it is cheap)
and send only what is still suggested.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

from accountability import _validate as v
from accountability.circles.model import Circle, ConsentLevel, Member
from accountability.exceptions import InvalidValueError, UnknownMemberError, UnknownReferenceError
from accountability.facts.assessment import Assessment, ExpectationFacts, WinSource, assess
from accountability.record.journal import Journal
from accountability.record.model import (
    CheckIn,
    Completion,
    Contact,
    Event,
    Miss,
    Reflection,
    Setback,
    Severity,
    WinSize,
)
from accountability.style import Style
from accountability.voice.peers import Upcoming

__all__ = [
    "MemberReading",
    "SharedProgress",
    "SharedWin",
    "SharedWords",
    "chosen_style",
    "kept_out",
    "read_members",
]


@attrs.frozen(kw_only=True)
class SharedWin:
    """A win the circle may hear of, holding only what may be told about it.

    Attributes:
        id: The win's id: the event's for a reported win, a derived one for a streak.
        at: When it happened.
        size: Small, big or a milestone.
        level: The consent it relies on: ``wins`` for a reported win,
            ``progress`` for a streak.
        words: The member's own words, for a reported win; None for a streak.
        streak: The streak's length, for a streak; None for a reported win.
        period: The unit the streak is counted in (``"day"``), if known.
    """

    id: str
    at: datetime
    size: WinSize
    level: ConsentLevel
    words: str | None = None
    streak: int | None = None
    period: str | None = None


@attrs.frozen(kw_only=True)
class SharedWords:
    """An event a member marked shareable, with the words of it their buddy may read.

    Attributes:
        event: The event's id.
        words: Its words to quote, none of them empty.
    """

    event: str
    words: tuple[str, ...]


@attrs.frozen(kw_only=True)
class SharedProgress:
    """A member's numbers, for the circle's aggregates only: means over their commitments.

    Attributes:
        adherence: Their mean adherence, 0 to 1, or None when none has any.
        momentum: Their mean momentum, 0 to 1, or None when they have no commitments.
        momentum_week_ago: The same a week ago, or None.
    """

    adherence: float | None
    momentum: float | None
    momentum_week_ago: float | None


@attrs.frozen(kw_only=True)
class MemberReading:
    """A member who belongs at a moment, read once: their journal, their facts, their consent.

    Attributes:
        member: The member.
        journal: Their journal.
        assessment: Their journal assessed at the moment.
        level: The consent in force: the circle's record, or ``nothing`` when
            their agreement leaves out peer accountability.
        in_crisis: Whether they are inside a crisis window.
    """

    member: Member
    journal: Journal
    assessment: Assessment
    level: ConsentLevel
    in_crisis: bool

    @property
    def zone(self) -> ZoneInfo:
        """The member's own zone."""
        return self.journal.agreement.tz

    @property
    def visible(self) -> bool:
        """Whether the circle may hear anything about them now."""
        return not self.in_crisis and self.level is not ConsentLevel.NOTHING

    def shares(self, level: ConsentLevel) -> bool:
        """Whether the circle may hear now what *level* shares."""
        return self.visible and self.level.includes(level)

    def _since(self, now: datetime, span: timedelta) -> float:
        """The start of a look-back span, never before the member joined."""
        return max((now - span).timestamp(), self.member.joined_at.timestamp())

    def shared_wins(self, now: datetime, span: timedelta) -> tuple[SharedWin, ...]:
        """The member's wins the circle may hear of, within *span* before *now*.

        Reported wins at ``wins``; at ``progress``, also the current streak's
        best milestone for each commitment (its length only), while the run
        lasts. Comebacks (they tell of a setback), momentum (it tells of a
        dip) and outcomes (they quote the goal's measure) are never shared.
        """
        if not self.shares(ConsentLevel.WINS):
            return ()
        start, end = self._since(now, span), now.timestamp()
        wins = [
            SharedWin(id=w.id, at=w.at, size=w.size, level=ConsentLevel.WINS, words=w.what)
            for w in self.assessment.wins
            if w.source is WinSource.REPORTED and start <= w.at.timestamp() <= end
        ]
        if not self.shares(ConsentLevel.PROGRESS):
            return tuple(wins)
        best: dict[str, SharedWin] = {}
        for win in self.assessment.wins:
            if win.source is not WinSource.STREAK or win.expectation is None or win.count is None:
                continue
            if not start <= win.at.timestamp() <= end:
                continue
            if _streak(self.assessment, win.expectation) < win.count:
                continue  # the run broke since: old news
            kept = best.get(win.expectation)
            if kept is None or (kept.streak or 0) < win.count:
                best[win.expectation] = SharedWin(
                    id=win.id,
                    at=win.at,
                    size=win.size,
                    level=ConsentLevel.PROGRESS,
                    streak=win.count,
                    period=win.period,
                )
        return (*wins, *(best[key] for key in sorted(best)))

    def shared_words(
        self, circle: Circle, now: datetime, span: timedelta
    ) -> tuple[SharedWords, ...]:
        """The member's marked events with words to quote, within *span* before *now*, latest first.

        Only at ``everything``, and never a crisis, even when marked.
        """
        if not self.shares(ConsentLevel.EVERYTHING):
            return ()
        marked = circle.shareable_at(self.member.id, now)
        if not marked:
            return ()
        start = datetime.fromtimestamp(self._since(now, span), UTC)
        found = [
            event
            for event in self.journal.between(start, now + timedelta(microseconds=1))
            if event.id in marked and _quotable(event)
        ]
        found.sort(key=lambda event: (-event.at.timestamp(), event.id))
        return tuple(SharedWords(event=event.id, words=_quotable(event)) for event in found)

    def coming_up(self, now: datetime, horizon: timedelta) -> tuple[Upcoming, datetime] | None:
        """The member's next check-in (else commitment) due within *horizon* after *now*.

        Only at ``progress``: what is due is never told, only that something is.
        """
        if not self.shares(ConsentLevel.PROGRESS):
            return None
        start, end = now.timestamp(), (now + horizon).timestamp()

        def soon(facts: ExpectationFacts | None) -> datetime | None:
            if facts is None or facts.next_due is None:
                return None
            return facts.next_due if start < facts.next_due.timestamp() <= end else None

        check_in = soon(self.assessment.check_ins)
        if check_in is not None:
            return ("check_in", check_in)
        dues = [d for d in (soon(f) for f in self.assessment.expectations) if d is not None]
        if dues:
            return ("commitment", min(dues, key=datetime.timestamp))
        return None

    def shared_progress(self) -> SharedProgress | None:
        """The member's numbers for the circle's aggregates; None unless they share progress."""
        if not self.shares(ConsentLevel.PROGRESS):
            return None
        facts = [*self.assessment.expectations]
        if self.assessment.check_ins is not None:
            facts.append(self.assessment.check_ins)
        own = [f.adherence for f in facts if f.adherence is not None]
        return SharedProgress(
            adherence=sum(own) / len(own) if own else None,
            momentum=sum(f.momentum for f in facts) / len(facts) if facts else None,
            momentum_week_ago=sum(f.momentum_week_ago for f in facts) / len(facts)
            if facts
            else None,
        )


def _streak(assessment: Assessment, expectation_id: str) -> int:
    for facts in assessment.expectations:
        if facts.expectation.id == expectation_id:
            return facts.streak
    return 0


def _quotable(event: Event) -> tuple[str, ...]:
    """The words of a marked event that may be quoted; none for kinds never shared."""
    match event:
        case CheckIn():
            texts: tuple[str, ...] = (event.progress, event.note)
        case Reflection():
            texts = (event.words,)
        case Setback() if event.severity is not Severity.CRISIS:
            texts = (event.what,)
        case Miss():
            texts = (event.reason,)
        case Completion() | Contact():
            texts = (event.note,)
        case _:
            texts = ()
    return tuple(t.strip() for t in texts if t.strip())


# --- Reading the members ------------------------------------------------------------------------


def chosen_style(style: Style | str | None) -> Style | None:
    """The style to assess every member with: a `Style`, a preset by name, or None for their own.

    Raises:
        InvalidValueError: If *style* is none of these.
    """
    if style is None or isinstance(style, Style):
        return style
    if isinstance(style, str):
        return Style.named(style)
    raise InvalidValueError("style", style, "expected a Style, a preset name or None")


def _check_journals(circle: Circle, journals: object) -> Mapping[str, Journal]:
    if not isinstance(journals, Mapping):
        raise InvalidValueError(
            "journals", journals, "expected a mapping from member id to Journal"
        )
    known = {m.id for m in circle.members}
    for member_id in sorted(journals, key=str):
        if not isinstance(member_id, str) or member_id not in known:
            raise UnknownMemberError(
                "journals", str(member_id), "a journal for someone who is not in the circle"
            )
        if not isinstance(journals[member_id], Journal):
            raise InvalidValueError(
                f"journals[{member_id!r}]", journals[member_id], "expected a Journal"
            )
    return journals


def _check_not_after(circle: Circle, now: datetime) -> None:
    moment = now.timestamp()
    for change in circle.consents:
        if change.at.timestamp() > moment:
            raise InvalidValueError(
                "ConsentChange.at",
                change.at,
                f"{change.member!r} changes consent after now ({now.isoformat()}); a member "
                "sets consent when they decide (to replay a past moment, use circle.as_of(now))",
            )
    for mark in circle.marks:
        if mark.at.timestamp() > moment:
            raise InvalidValueError(
                "ShareMark.at",
                mark.at,
                f"{mark.member!r} marks an event after now ({now.isoformat()}); to replay a "
                "past moment, use circle.as_of(now)",
            )


def read_members(
    circle: Circle, journals: object, now: datetime, style: Style | None
) -> dict[str, MemberReading]:
    """Check the input and read every member who belongs at *now*, in id order.

    Args:
        circle: The circle.
        journals: Each member's journal, by member id.
        now: The moment (aware).
        style: The style to assess every member with, or None for each
            member's own preset.

    Raises:
        NaiveDatetimeError: If *now* has no zone.
        UnknownMemberError: If a journal is given for someone not in the circle.
        InvalidValueError: If a member who belongs has no journal, or a
            consent change or a shareable mark is dated after *now*.
        UnknownReferenceError: If a member marked an event their journal
            does not hold.
    """
    v.check_aware("now", now)
    if not isinstance(circle, Circle):
        raise InvalidValueError("circle", circle, "expected a Circle")
    checked = _check_journals(circle, journals)
    _check_not_after(circle, now)
    read: dict[str, MemberReading] = {}
    for member in circle.active_members(now):
        journal = checked.get(member.id)
        if journal is None:
            raise InvalidValueError(
                "journals", member.id, "no journal for this member, who belongs to the circle now"
            )
        marked = {m.event for m in circle.marks if m.member == member.id}
        missing = sorted(marked - {e.id for e in journal.events}) if marked else []
        if missing:
            raise UnknownReferenceError("ShareMark.event", missing[0])
        assessment = assess(journal, now, style or Style.named(journal.agreement.directness.value))
        level = circle.consent_at(member.id, now)
        if not journal.agreement.peer_consent:
            level = ConsentLevel.NOTHING
        read[member.id] = MemberReading(
            member=member,
            journal=journal,
            assessment=assessment,
            level=level,
            in_crisis=assessment.crisis_until is not None,
        )
    return read


def kept_out(circle: Circle, read: Mapping[str, MemberReading], now: datetime) -> list[str]:
    """For the coach, never for members: who the circle hears nothing about, and why."""
    notes: list[str] = []
    for member_id, reading in read.items():
        name = reading.member.name
        if reading.in_crisis:
            notes.append(
                f"{name} is inside a crisis window: the circle hears nothing about them and "
                "they get no peer messages until it ends. The circle is not told why."
            )
        if (
            not reading.journal.agreement.peer_consent
            and circle.consent_at(member_id, now) is not ConsentLevel.NOTHING
        ):
            notes.append(
                f"{name}'s agreement does not include peer accountability, so the circle "
                "treats them as sharing nothing."
            )
    return notes
