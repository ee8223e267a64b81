"""Peer messages: buddy check-ins, celebrations, shared updates and the weekly summary.

[`suggest_for_circle`][accountability.circles.suggest_for_circle] suggests,
next to each member's own follow-up, the peer messages to them. It drafts
each from what `accountability.circles.privacy` says the circle may hear,
asks the voice (`accountability.voice.peers`) for the words, and finds each
a moment to go.

## What members hear

Each member gets at most one message of each kind per suggestion, each a
[`PeerMessage`][accountability.circles.PeerMessage] with its words, the
members it names, the consent each of them gave for it, its reasons and its
send time:

- a buddy check-in: their buddy has a check-in (or else a commitment) due in
  the next 36 hours; it goes at least an hour before;
- a celebration of the wins shared in the last three days, one line per
  member (their best news), naming up to four members;
- a shared update: up to three quotes their buddy marked shareable in the
  last three days (check-ins, reflections, setbacks, misses, notes);
- the weekly summary: the number of members and of wins shared, and, when
  at least two members share progress and it is good news, how much of what
  they planned the circle kept up and where momentum is going. A summary
  with no good news is not sent; `CircleSuggestion.summary` still holds the
  numbers for the coach.

Record what you send with ``circle.with_sent(message.sent(record_id))``: the
same news is then not suggested again, and the weekly cap counts it.

## Timing

Each peer message is scheduled like a follow-up, in the recipient's zone
(by `accountability.policy.timing.first_slot`): outside their quiet hours, at
least four hours from any other message to them, and within their weekly
cap, which peer messages share with the member's own follow-ups (a member's
own follow-up keeps its time and comes first; peer messages fill what the
cap leaves). A message that finds no such moment before it would be stale is
held back, and the suggestion's notes say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Final

import attrs

from accountability import _english as en
from accountability.circles.model import Circle, ConsentLevel, PeerKind, PeerSent
from accountability.circles.privacy import (
    MemberReading,
    SharedWin,
    chosen_style,
    kept_out,
    read_members,
)
from accountability.exceptions import InvalidValueError, UnknownMemberError
from accountability.pipeline import voice_for
from accountability.policy.followup import FollowUp
from accountability.policy.rules import Policy, decide
from accountability.policy.timing import WEEK, first_slot
from accountability.record.journal import Journal
from accountability.record.model import FollowUpKind, FollowUpSent, WinSize
from accountability.style import Style
from accountability.voice import peers
from accountability.voice.english import PeerVoice, Voice, phrase

__all__ = [
    "PEER_GAP",
    "CircleSuggestion",
    "CircleSummary",
    "MemberSuggestion",
    "PeerMessage",
    "suggest_for_circle",
]

PEER_GAP: Final = timedelta(hours=4)
"""The least time between two messages to the same member, peer or follow-up: no stacking."""

_BUDDY_HORIZON: Final = timedelta(hours=36)
"""How far ahead a buddy hears about a check-in or commitment coming up."""
_BUDDY_LEAD: Final = timedelta(hours=1)
"""A buddy prompt goes at least this long before the moment it speaks about."""
_FRESH: Final = timedelta(days=3)
"""How long a celebration or a shared update stays worth sending."""
_CELEBRATE_AT_MOST: Final = 4
"""How many members one celebration message names."""
_QUOTE_AT_MOST: Final = 3
"""How many of a buddy's shared words one update quotes."""
_TREND: Final = 0.05
"""A change in the circle's momentum over a week that counts as rising or dipping."""
_MIN_CONTRIBUTORS: Final = 2
"""How many members' numbers an aggregate needs before the circle hears it."""
_WELL_KEPT: Final = 0.5
"""The share kept up from which the weekly summary tells it."""

_KIND_ORDER: Final = {kind: rank for rank, kind in enumerate(PeerKind)}
_LABEL: Final = {
    PeerKind.BUDDY_CHECK_IN: "buddy check-in",
    PeerKind.CELEBRATION: "celebration",
    PeerKind.SHARED_UPDATE: "shared update",
    PeerKind.SUMMARY: "summary",
}
_SIZE_RANK: Final = {WinSize.MILESTONE: 0, WinSize.BIG: 1, WinSize.SMALL: 2}


# --- What the suggestion holds ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PeerMessage:
    """A message to one member of a circle, about the circle or other members.

    Attributes:
        recipient: The member it goes to.
        kind: What it does.
        about: The members it names, in the order it names them; empty for a summary.
        needs: Each member it names, with the consent level it relies on.
            Before sending late, check each still holds (or suggest again).
        topics: What it covers; record them with `sent` so the news is not
            sent twice.
        reasons: Why it is suggested, in words a person can read. They hold
            nothing private either.
        send_at: When to send it, in the recipient's zone.
        expires: When it stops being worth sending.
        text: The message, in plain, warm words.
    """

    recipient: str
    kind: PeerKind
    about: tuple[str, ...]
    needs: tuple[tuple[str, ConsentLevel], ...]
    topics: frozenset[str]
    reasons: tuple[str, ...]
    send_at: datetime
    expires: datetime
    text: str

    def sent(self, event_id: str, at: datetime | None = None) -> PeerSent:
        """The record to add with `Circle.with_sent` once this message is sent.

        Args:
            event_id: A fresh id for the record.
            at: When it was sent; ``send_at`` by default.
        """
        return PeerSent(
            id=event_id,
            at=self.send_at if at is None else at,
            recipient=self.recipient,
            kind=self.kind,
            about=frozenset(self.about),
            topics=self.topics,
        )


@attrs.frozen(kw_only=True)
class CircleSummary:
    """How the circle is doing as a whole: aggregates and counts, nobody's own numbers.

    Attributes:
        members: How many members belong now.
        contributors: How many members' numbers the aggregates fold in: those
            who share progress and are not inside a crisis window. For the
            coach; peer messages never say it, and tell aggregates only when
            at least two members contribute.
        adherence: The contributors' mean adherence over their window, 0 to 1,
            or None when none has any.
        momentum: The contributors' mean momentum, 0 to 1, or None.
        momentum_week_ago: The same mean a week ago, or None.
        wins: How many shared wins (reported wins of members who share wins,
            streak milestones of members who share progress) happened in the
            last seven days.
    """

    members: int
    contributors: int
    adherence: float | None
    momentum: float | None
    momentum_week_ago: float | None
    wins: int


@attrs.frozen(kw_only=True)
class MemberSuggestion:
    """What one member gets: their own follow-up, and the peer messages to them.

    Attributes:
        member: The member's id.
        follow_up: Their own follow-up, exactly as `suggest` gives it for
            their journal alone: being in a circle changes nothing in it.
        messages: The peer messages to them, in time order.
    """

    member: str
    follow_up: FollowUp
    messages: tuple[PeerMessage, ...]


@attrs.frozen(kw_only=True)
class CircleSuggestion:
    """Everything suggested for a circle at one moment.

    Attributes:
        now: The moment of the suggestion.
        members: One entry per member who belongs at ``now``, sorted by id.
        summary: The circle's aggregates, or None when fewer than two belong.
        notes: For the coach, never for members: who is kept out of the
            circle's view, and which messages were held back.
    """

    now: datetime
    members: tuple[MemberSuggestion, ...]
    summary: CircleSummary | None
    notes: tuple[str, ...]

    @property
    def messages(self) -> tuple[PeerMessage, ...]:
        """Every peer message, in time order (ties by recipient, then kind)."""
        every = [m for entry in self.members for m in entry.messages]
        return tuple(sorted(every, key=_message_order))

    def for_member(self, member_id: str) -> MemberSuggestion:
        """The suggestion for one member.

        Raises:
            UnknownMemberError: If the member does not belong at ``now``.
        """
        for entry in self.members:
            if entry.member == member_id:
                return entry
        raise UnknownMemberError("member", member_id, "not a member of the circle at this moment")


def _message_order(message: PeerMessage) -> tuple[float, str, int]:
    return (message.send_at.timestamp(), message.recipient, _KIND_ORDER[message.kind])


# --- What the circle hears as a whole -------------------------------------------------------------


def _summary(read: Mapping[str, MemberReading], now: datetime) -> CircleSummary:
    shared = [p for p in (r.shared_progress() for r in read.values()) if p is not None]

    def mean(values: Sequence[float | None]) -> float | None:
        known = [value for value in values if value is not None]
        return sum(known) / len(known) if known else None

    return CircleSummary(
        members=len(read),
        contributors=len(shared),
        adherence=mean([p.adherence for p in shared]),
        momentum=mean([p.momentum for p in shared]),
        momentum_week_ago=mean([p.momentum_week_ago for p in shared]),
        wins=sum(len(r.shared_wins(now, WEEK)) for r in read.values()),
    )


def _summary_text(
    summary: CircleSummary, window_days: int, wordings: peers.PeerWordings
) -> str | None:
    """The weekly summary's words, or None when it has no good news to tell.

    Aggregates need two contributors: one member's numbers are not the
    circle's. The share kept up is told when it is good news (half or more);
    a lower one is left to the coach, as a bare low number to a group reads
    as pressure, not support.
    """
    aggregate = summary.contributors >= _MIN_CONTRIBUTORS and summary.adherence is not None
    change = 0.0
    if aggregate and summary.momentum is not None and summary.momentum_week_ago is not None:
        change = summary.momentum - summary.momentum_week_ago
    trend: peers.Trend = (
        "rising" if change >= _TREND else "dipped" if change <= -_TREND else "steady"
    )
    kept = summary.adherence if aggregate else None
    if kept is not None and kept < _WELL_KEPT:
        kept = None
    if kept is None and trend != "rising" and not summary.wins:
        return None
    return peers.summary(
        members=summary.members,
        wins=summary.wins,
        kept=kept,
        window_days=window_days,
        trend=trend,
        wordings=wordings,
    )


# --- Drafting -------------------------------------------------------------------------------------


@attrs.frozen
class _Draft:
    """A peer message before it has a send time (its words may depend on it)."""

    kind: PeerKind
    about: tuple[str, ...]
    needs: tuple[tuple[str, ConsentLevel], ...]
    topics: frozenset[str]
    reasons: tuple[str, ...]
    expires: datetime
    render: Callable[[datetime], str]


@attrs.frozen
class _Context:
    circle: Circle
    read: Mapping[str, MemberReading]
    now: datetime
    summary: CircleSummary
    window_days: int
    wordings: peers.PeerWordings


def _sent_to(circle: Circle, recipient: str, now: datetime) -> tuple[PeerSent, ...]:
    end = now.timestamp()
    return tuple(s for s in circle.sent if s.recipient == recipient and s.at.timestamp() <= end)


def _buddy(context: _Context, recipient: MemberReading) -> MemberReading | None:
    buddy_id = context.circle.buddy_of(recipient.member.id, context.now)
    return context.read.get(buddy_id) if buddy_id is not None else None


def _buddy_draft(
    context: _Context, recipient: MemberReading, covered: frozenset[str]
) -> _Draft | None:
    buddy = _buddy(context, recipient)
    if buddy is None:
        return None
    coming = buddy.coming_up(context.now, _BUDDY_HORIZON)
    if coming is None:
        return None
    what, due = coming
    topic = f"due:{buddy.member.id}:{due.astimezone(UTC).isoformat()}"
    if topic in covered:
        return None
    name, zone, wordings = buddy.member.name, recipient.zone, context.wordings
    return _Draft(
        kind=PeerKind.BUDDY_CHECK_IN,
        about=(buddy.member.id,),
        needs=((buddy.member.id, ConsentLevel.PROGRESS),),
        topics=frozenset({topic}),
        reasons=(
            f"{recipient.member.name} and {name} are buddies.",
            f"{name} shares progress with the circle, "
            f"and has {peers.upcoming(what)} due {en.short_day_time(due, zone)}.",
            "A word from a peer before a check-in helps it happen; it is an offer, not a duty.",
        ),
        expires=due.astimezone(UTC) - _BUDDY_LEAD,
        render=lambda send_at: peers.buddy_check_in(
            name, what, due, send_at, zone, wordings=wordings
        ),
    )


def _win_order(win: SharedWin) -> tuple[int, bool, float, str]:
    """Best news first: the biggest, a reported win before a streak, the latest."""
    return (_SIZE_RANK[win.size], win.streak is not None, -win.at.timestamp(), win.id)


def _win_line(name: str, win: SharedWin, wordings: peers.PeerWordings) -> str:
    if win.streak is None:
        return peers.win_line(name, win.words or "", wordings=wordings)
    return peers.streak_line(name, win.streak, win.period, wordings=wordings)


def _celebration_draft(
    context: _Context, recipient: MemberReading, covered: frozenset[str]
) -> _Draft | None:
    found: list[tuple[MemberReading, list[SharedWin]]] = []
    for member_id, other in context.read.items():
        if member_id == recipient.member.id:
            continue
        wins = sorted(
            (
                w
                for w in other.shared_wins(context.now, _FRESH)
                if f"win:{member_id}:{w.id}" not in covered
            ),
            key=_win_order,
        )
        if wins:
            found.append((other, wins))
    if not found:
        return None
    found.sort(key=lambda pair: (_win_order(pair[1][0]), pair[0].member.id))
    chosen = found[:_CELEBRATE_AT_MOST]
    needs = tuple(
        (
            other.member.id,
            ConsentLevel.PROGRESS
            if any(w.level is ConsentLevel.PROGRESS for w in wins)
            else ConsentLevel.WINS,
        )
        for other, wins in chosen
    )
    reasons = tuple(
        f"{other.member.name} shares "
        + ("wins" if level is ConsentLevel.WINS else "progress")
        + f" with the circle; news from {en.short_day_time(wins[0].at, other.zone)} that "
        f"{recipient.member.name} has not heard yet."
        for (other, wins), (_, level) in zip(chosen, needs, strict=True)
    )
    text = peers.celebration(
        [_win_line(other.member.name, wins[0], context.wordings) for other, wins in chosen],
        [other.member.name for other, _ in chosen],
        wordings=context.wordings,
    )
    return _Draft(
        kind=PeerKind.CELEBRATION,
        about=tuple(other.member.id for other, _ in chosen),
        needs=needs,
        topics=frozenset(f"win:{other.member.id}:{w.id}" for other, wins in chosen for w in wins),
        reasons=reasons,
        expires=context.now.astimezone(UTC) + _FRESH,
        render=lambda _send_at: text,
    )


def _update_draft(
    context: _Context, recipient: MemberReading, covered: frozenset[str]
) -> _Draft | None:
    buddy = _buddy(context, recipient)
    if buddy is None:
        return None
    shared = [
        words
        for words in buddy.shared_words(context.circle, context.now, _FRESH)
        if f"shared:{buddy.member.id}:{words.event}" not in covered
    ]
    if not shared:
        return None
    quotes = [quote for words in shared for quote in words.words][:_QUOTE_AT_MOST]
    name = buddy.member.name
    text = peers.shared_update(name, quotes, wordings=context.wordings)
    return _Draft(
        kind=PeerKind.SHARED_UPDATE,
        about=(buddy.member.id,),
        needs=((buddy.member.id, ConsentLevel.EVERYTHING),),
        topics=frozenset(f"shared:{buddy.member.id}:{words.event}" for words in shared),
        reasons=(
            f"{recipient.member.name} and {name} are buddies.",
            f"{name} shares what they mark as shareable, and marked "
            f"{en.plural(len(shared), 'recent update')} to share.",
        ),
        expires=context.now.astimezone(UTC) + _FRESH,
        render=lambda _send_at: text,
    )


def _summary_draft(context: _Context, recipient: MemberReading) -> _Draft | None:
    text = _summary_text(context.summary, context.window_days, context.wordings)
    if context.summary.members < 2 or text is None:
        return None
    week_ago = (context.now - WEEK).timestamp()
    if any(
        s.kind is PeerKind.SUMMARY and s.at.timestamp() > week_ago
        for s in _sent_to(context.circle, recipient.member.id, context.now)
    ):
        return None
    return _Draft(
        kind=PeerKind.SUMMARY,
        about=(),
        needs=(),
        topics=frozenset(),
        reasons=(
            "Once a week each member hears how the circle is doing as a whole.",
            "Aggregates and counts only: nobody's own numbers, and only from members who share "
            "their progress.",
        ),
        expires=context.now.astimezone(UTC) + WEEK,
        render=lambda _send_at: text,
    )


# --- Scheduling -----------------------------------------------------------------------------------


def _slot(
    recipient: MemberReading, earliest: datetime, expires: datetime, sends: Sequence[datetime]
) -> datetime | None:
    """The first moment a message can go to *recipient*, or None if not before it expires."""
    agreement = recipient.journal.agreement
    return first_slot(
        earliest,
        zone=agreement.tz,
        quiet=agreement.quiet_hours,
        cap=agreement.weekly_cap,
        sends=sends,
        gap=PEER_GAP,
        expires=expires,
    )


def _sends(context: _Context, recipient: MemberReading, follow_up: FollowUp) -> list[datetime]:
    """Everything sent to the member in the last seven days, and their own follow-up to come."""
    now = context.now.astimezone(UTC)
    journal = recipient.journal
    past = [
        e.at.astimezone(UTC)
        for e in journal.between(now - WEEK, now + timedelta(microseconds=1), FollowUpSent)
    ]
    week_ago = (now - WEEK).timestamp()
    past += [
        s.at.astimezone(UTC)
        for s in _sent_to(context.circle, recipient.member.id, context.now)
        if s.at.timestamp() >= week_ago
    ]
    if follow_up.kind is not FollowUpKind.WAIT:
        past.append(follow_up.send_at.astimezone(UTC))
    return sorted(past)


def _messages_to(
    context: _Context, recipient: MemberReading, follow_up: FollowUp, notes: list[str]
) -> tuple[PeerMessage, ...]:
    if recipient.in_crisis or recipient.journal.agreement.weekly_cap == 0:
        return ()
    covered = frozenset(
        topic
        for s in _sent_to(context.circle, recipient.member.id, context.now)
        for topic in s.topics
    )
    drafts = [
        _buddy_draft(context, recipient, covered),
        _celebration_draft(context, recipient, covered),
        _update_draft(context, recipient, covered),
        _summary_draft(context, recipient),
    ]
    sends = _sends(context, recipient, follow_up)
    messages: list[PeerMessage] = []
    for draft in drafts:
        if draft is None:
            continue
        moment = _slot(recipient, context.now.astimezone(UTC), draft.expires, sends)
        if moment is None:
            notes.append(
                f"Held back a {_LABEL[draft.kind]} message to "
                f"{recipient.member.name}: no free moment before it goes stale (quiet hours, "
                "weekly cap, spacing)."
            )
            continue
        sends = sorted([*sends, moment])
        send_at = moment.astimezone(recipient.zone)
        messages.append(
            PeerMessage(
                recipient=recipient.member.id,
                kind=draft.kind,
                about=draft.about,
                needs=draft.needs,
                topics=draft.topics,
                reasons=draft.reasons,
                send_at=send_at,
                expires=draft.expires.astimezone(recipient.zone),
                text=draft.render(send_at),
            )
        )
    return tuple(sorted(messages, key=_message_order))


def suggest_for_circle(
    circle: Circle,
    journals: Mapping[str, Journal],
    now: datetime,
    *,
    style: Style | str | None = None,
    policy: Policy | None = None,
    voice: Voice | None = None,
) -> CircleSuggestion:
    """Suggest each member's own follow-up and the peer messages for a circle at *now*.

    A pure function: it never reads the clock, and the same circle, journals
    and moment give the same suggestion, whatever order the members were
    added or the journals are given in. Each member's own follow-up is
    exactly ``suggest(journal, now, style, policy, voice)``. Peer messages (a
    buddy's check-in coming up, the circle's wins, a buddy's shared words, a
    weekly summary) share only what each member consented to share (see
    `accountability.circles.privacy`), each with its reasons and a send time
    that respects the recipient's quiet hours, weekly cap and spacing.

    Args:
        circle: The circle.
        journals: Each member's journal, by member id: every member who
            belongs at *now* needs one; those who left may be left out.
        now: The moment of the suggestion (aware).
        style: A `Style` or preset name for every member, or None for each
            member's own preset.
        policy: The rules for the members' own follow-ups; the built-in ones
            by default.
        voice: The voice for the members' own follow-ups, each in the
            register of the member's agreement unless it has its own, and
            for the peer messages when it carries peer wordings (a
            `PeerVoice`, such as an `EnglishVoice` with a ``peer`` table);
            the default English voice by default.

    Returns:
        The suggestion.

    Raises:
        NaiveDatetimeError: If *now* has no zone.
        UnknownMemberError: If a journal is given for someone not in the circle.
        InvalidValueError: If a member who belongs has no journal, or a
            consent change or a shareable mark is dated after *now*.
        UnknownReferenceError: If a member marked an event their journal
            does not hold.

    >>> import attrs
    >>> from accountability.circles import Circle, ConsentLevel, Member
    >>> from datetime import timedelta
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> journal = example_journal()
    >>> journal = journal.with_agreement(attrs.evolve(journal.agreement, peer_consent=True))
    >>> joined = EXAMPLE_NOW - timedelta(days=30)
    >>> circle = Circle.start("c", "Runners", (Member(id="maya", name="Maya", joined_at=joined),
    ...                                        Member(id="ana", name="Ana", joined_at=joined)))
    >>> circle = circle.with_consent("maya", ConsentLevel.WINS, joined)
    >>> suggestion = suggest_for_circle(circle, {"maya": journal, "ana": journal}, EXAMPLE_NOW)
    >>> to_ana = suggestion.for_member("ana").messages
    >>> [m.kind.value for m in to_ana]
    ['celebration', 'summary']
    >>> print(to_ana[0].text)  # doctest: +NORMALIZE_WHITESPACE
    Good news from your circle! Maya shared a win: “Ran 8 km without stopping, further than
    I have in ten years.” Would you like to send Maya a cheer? A quick word can mean a lot.
    >>> [m.kind.value for m in suggestion.for_member("maya").messages]  # Ana shares nothing
    ['summary']
    """
    chosen = chosen_style(style)
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "expected a Policy or None")
    read = read_members(circle, journals, now, chosen)
    context = _Context(
        circle=circle,
        read=read,
        now=now,
        summary=_summary(read, now),
        window_days=(chosen or Style()).window_days,
        wordings=voice.peer_table if isinstance(voice, PeerVoice) else peers.PEER_WORDINGS,
    )
    notes = kept_out(circle, read, now)
    spoken = voice_for(style, voice)  # as `suggest` words them
    entries: list[MemberSuggestion] = []
    for member_id, member in read.items():
        follow_up = phrase(decide(member.assessment, policy), member.assessment, spoken)
        entries.append(
            MemberSuggestion(
                member=member_id,
                follow_up=follow_up,
                messages=_messages_to(context, member, follow_up, notes),
            )
        )
    return CircleSuggestion(
        now=now,
        members=tuple(entries),
        summary=context.summary if len(read) >= 2 else None,
        notes=tuple(notes),
    )
