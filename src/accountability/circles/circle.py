"""Circles: peer accountability among clients who consented, with nothing private shown.

A [`Circle`][accountability.circles.Circle] is a group of clients who keep each
other going. Buddies hear when their buddy has a check-in coming up, the circle
cheers the wins its members chose to share, and once a week everyone hears how
the circle is doing as a whole.
[`suggest_for_circle`][accountability.circles.suggest_for_circle] suggests those
peer messages next to each member's own follow-up, and
[`propose_pairs`][accountability.circles.propose_pairs] proposes buddy pairs.

Like a journal, a circle is an immutable, dated record: its members (who joined
and left when), each member's consent changes, the events each member marked
as shareable, the rounds of buddy pairs and the peer messages sent. Every
``with_...`` method returns a new circle. Records are kept in a canonical
order, so the order they were added in never matters.

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

## Shareable events

The journal is the client's record with their coach and has no shareable
flag. Instead the circle holds dated marks: ``circle.with_shareable(member,
event_id, at)`` marks one event of the member's journal as shareable from
``at``, and ``shareable=False`` unmarks it, which works like withdrawing
consent. Marks matter only at the ``everything`` level.

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

Each peer message is scheduled like a follow-up, in the recipient's zone:
outside their quiet hours, at least four hours from any other message to
them, and within their weekly cap, which peer messages share with the
member's own follow-ups (a member's own follow-up keeps its time and comes
first; peer messages fill what the cap leaves). A message that finds no such
moment before it would be stale is held back, and the suggestion's notes say
so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import cache, lru_cache
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

import attrs

from accountability import _english as en
from accountability import _validate as v
from accountability.exceptions import (
    DuplicateMemberError,
    InvalidValueError,
    UnknownMemberError,
    UnknownReferenceError,
)
from accountability.facts.assessment import Assessment, ExpectationFacts, WinFact, WinSource, assess
from accountability.policy.followup import FollowUp
from accountability.policy.rules import Policy, decide
from accountability.policy.timing import WEEK, first_slot
from accountability.record.journal import Journal
from accountability.record.model import (
    CheckIn,
    Completion,
    Contact,
    Event,
    FollowUpKind,
    FollowUpSent,
    Miss,
    QuietHours,
    Reflection,
    Setback,
    Severity,
    WinSize,
)
from accountability.style import Style
from accountability.voice.english import Voice, phrase

__all__ = [
    "PEER_GAP",
    "BuddyPair",
    "Circle",
    "CircleSuggestion",
    "CircleSummary",
    "ConsentChange",
    "ConsentLevel",
    "Member",
    "MemberSuggestion",
    "PairingProposal",
    "PairingRound",
    "PeerKind",
    "PeerMessage",
    "PeerSent",
    "ShareMark",
    "propose_pairs",
    "suggest_for_circle",
]

PEER_GAP: Final = timedelta(hours=4)
"""The least time between two messages to the same member, peer or follow-up: no stacking."""

_T = TypeVar("_T")
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


class ConsentLevel(StrEnum):
    """How much the circle may hear about a member. Each level includes the ones before it.

    >>> ConsentLevel.PROGRESS.includes(ConsentLevel.WINS)
    True
    >>> ConsentLevel.WINS.includes(ConsentLevel.PROGRESS)
    False
    """

    NOTHING = "nothing"
    """Nothing: not named to anyone else, not counted in any aggregate."""
    WINS = "wins"
    """Reported wins, in the member's words."""
    PROGRESS = "progress"
    """Also streaks, check-ins coming up (to their buddy) and adherence and momentum."""
    EVERYTHING = "everything"
    """Also the events the member marked shareable (to their buddy)."""

    def includes(self, other: ConsentLevel) -> bool:
        """Whether this level shares at least what *other* shares."""
        return _RANK[self] >= _RANK[other]


_RANK: Final = {level: rank for rank, level in enumerate(ConsentLevel)}


class PeerKind(StrEnum):
    """What a peer message does."""

    BUDDY_CHECK_IN = "buddy_check_in"
    """Tells a member their buddy has a check-in or commitment coming up."""
    CELEBRATION = "celebration"
    """Cheers the wins members of the circle chose to share."""
    SHARED_UPDATE = "shared_update"
    """Passes on to a member what their buddy marked shareable."""
    SUMMARY = "summary"
    """How the circle is doing as a whole, once a week: aggregates only."""


_KIND_ORDER: Final = {kind: rank for rank, kind in enumerate(PeerKind)}
_LABEL: Final = {
    PeerKind.BUDDY_CHECK_IN: "buddy check-in",
    PeerKind.CELEBRATION: "celebration",
    PeerKind.SHARED_UPDATE: "shared update",
    PeerKind.SUMMARY: "summary",
}


# --- Time -------------------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _ts(moment: datetime) -> float:
    return moment.timestamp()


# --- The record ---------------------------------------------------------------------------------


def _check_left(member: Member) -> None:
    if member.left_at is not None and member.left_at < member.joined_at:
        raise InvalidValueError(
            "Member.left_at",
            member.left_at,
            f"is before the member joined ({member.joined_at.isoformat()})",
        )


@attrs.frozen(kw_only=True)
class Member:
    """A member of a circle: who they are to the group, and when they belonged to it.

    Attributes:
        id: A stable id, unique in the circle. Use the client's id in your app.
        name: The name the member goes by in the circle; peers see it.
        joined_at: When they joined (aware).
        left_at: When they left (aware), or None while they belong.

    Raises:
        InvalidValueError: If they left before they joined.

    >>> from datetime import UTC, datetime
    >>> maya = Member(id="maya", name="Maya", joined_at=datetime(2026, 3, 1, tzinfo=UTC))
    >>> maya.active_at(datetime(2026, 3, 2, tzinfo=UTC))
    True
    """

    id: str = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text(max_length=100))
    joined_at: datetime = attrs.field(validator=v.aware)
    left_at: datetime | None = attrs.field(default=None, validator=v.optional_aware)

    def __attrs_post_init__(self) -> None:
        _check_left(self)

    def active_at(self, moment: datetime) -> bool:
        """Whether the member belongs to the circle at *moment*: joined, and not yet left.

        Raises:
            NaiveDatetimeError: If *moment* has no zone.
        """
        at = _ts(v.check_aware("moment", moment))
        return _ts(self.joined_at) <= at and (self.left_at is None or at < _ts(self.left_at))


@attrs.frozen(kw_only=True)
class ConsentChange:
    """A member set how much the circle may hear about them, from a moment on.

    Attributes:
        member: The member's id.
        level: The level from ``at`` on.
        at: When they set it (aware). It cannot be later than the moment a
            circle is read at: a member sets consent when they decide.
    """

    member: str = attrs.field(validator=v.identifier)
    level: ConsentLevel = attrs.field(validator=v.member_of(ConsentLevel))
    at: datetime = attrs.field(validator=v.aware)


@attrs.frozen(kw_only=True)
class ShareMark:
    """A member marked one event of their journal as shareable, or unmarked it.

    Attributes:
        member: The member's id.
        event: The id of the event in the member's journal.
        at: When they marked or unmarked it (aware); like a consent change,
            never later than the moment the circle is read at.
        shareable: True to mark it shareable, False to take that back.
    """

    member: str = attrs.field(validator=v.identifier)
    event: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    shareable: bool = attrs.field(default=True, validator=v.boolean)


def _canonical_pairs(pairs: object) -> tuple[tuple[str, str], ...]:
    """Pairs as sorted tuples of two distinct ids, in sorted order; refuse anything else."""
    if not isinstance(pairs, tuple | list):
        raise InvalidValueError(
            "PairingRound.pairs", pairs, f"expected a tuple of pairs, got {type(pairs).__name__}"
        )
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, pair in enumerate(pairs):
        field = f"PairingRound.pairs[{index}]"
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidValueError(field, pair, "expected a pair of two member ids")
        first, second = pair
        if not isinstance(first, str) or not isinstance(second, str) or not first or not second:
            raise InvalidValueError(field, pair, "expected a pair of two member ids")
        if first == second:
            raise InvalidValueError(field, pair, "a member cannot be their own buddy")
        for member in (first, second):
            if member in seen:
                raise InvalidValueError(field, pair, f"{member!r} is in two pairs of one round")
            seen.add(member)
        result.append((first, second) if first < second else (second, first))
    return tuple(sorted(result))


@attrs.frozen(kw_only=True)
class PairingRound:
    """The buddy pairs from a moment on, until the next round.

    Attributes:
        at: When the pairs take effect (aware).
        pairs: The pairs of member ids. Each member is in at most one pair;
            each pair is kept sorted, and so are the pairs.
    """

    at: datetime = attrs.field(validator=v.aware)
    pairs: tuple[tuple[str, str], ...] = attrs.field(converter=_canonical_pairs)


@attrs.frozen(kw_only=True)
class PeerSent:
    """A peer message that was sent: record it with `Circle.with_sent`.

    Attributes:
        id: A stable id, unique among the circle's sent messages.
        at: When it was sent (aware).
        recipient: The member it went to.
        kind: What it did.
        about: The members it named.
        topics: What it covered (wins, shared events, a check-in coming up),
            so the same news is not sent twice.
    """

    id: str = attrs.field(validator=v.identifier)
    at: datetime = attrs.field(validator=v.aware)
    recipient: str = attrs.field(validator=v.identifier)
    kind: PeerKind = attrs.field(validator=v.member_of(PeerKind))
    about: frozenset[str] = attrs.field(default=frozenset(), validator=v.identifiers)
    topics: frozenset[str] = attrs.field(default=frozenset(), validator=v.identifiers)


def _checked(items: object, kind: type[_T], field: str) -> list[_T]:
    """The items, if *items* is a tuple (or list) of *kind*; else an error naming *field*."""
    if not isinstance(items, tuple | list):
        raise InvalidValueError(
            f"Circle.{field}", items, f"expected a tuple, got {type(items).__name__}"
        )
    checked: list[_T] = []
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidValueError(f"Circle.{field}[{index}]", item, f"expected a {kind.__name__}")
        checked.append(item)
    return checked


def _members(items: object) -> tuple[Member, ...]:
    return tuple(sorted(_checked(items, Member, "members"), key=lambda m: m.id))


def _consents(items: object) -> tuple[ConsentChange, ...]:
    # Two changes by one member at one instant: the more private one counts (it comes last).
    return tuple(
        sorted(
            _checked(items, ConsentChange, "consents"),
            key=lambda c: (_ts(c.at), c.member, -_RANK[c.level]),
        )
    )


def _marks(items: object) -> tuple[ShareMark, ...]:
    # Marked and unmarked at one instant: unmarked counts (it comes last).
    return tuple(
        sorted(
            _checked(items, ShareMark, "marks"),
            key=lambda m: (_ts(m.at), m.member, m.event, not m.shareable),
        )
    )


def _pairings(items: object) -> tuple[PairingRound, ...]:
    return tuple(sorted(_checked(items, PairingRound, "pairings"), key=lambda r: _ts(r.at)))


def _sent(items: object) -> tuple[PeerSent, ...]:
    return tuple(sorted(_checked(items, PeerSent, "sent"), key=lambda s: (_ts(s.at), s.id)))


@attrs.frozen(kw_only=True)
class Circle:
    """A group of clients who keep each other going, as a dated, immutable record.

    Build one with [`start`][accountability.circles.Circle.start] and the
    ``with_...`` methods, each of which returns a new circle:

    >>> from datetime import UTC, datetime
    >>> march = datetime(2026, 3, 1, 9, tzinfo=UTC)
    >>> circle = Circle.start("runners", "Spring runners", (
    ...     Member(id="maya", name="Maya", joined_at=march),
    ...     Member(id="leo", name="Leo", joined_at=march),
    ... ))
    >>> circle = circle.with_consent("maya", ConsentLevel.WINS, march)
    >>> circle = circle.with_pairs(march, [("maya", "leo")])
    >>> circle.consent_at("maya", march).value, circle.consent_at("leo", march).value
    ('wins', 'nothing')
    >>> circle.buddy_of("maya", march)
    'leo'

    Attributes:
        id: A stable id for the circle.
        name: What the circle is called.
        members: Everyone who ever belonged, sorted by id.
        consents: Every consent change, in time order.
        marks: Every shareable mark and unmark, in time order.
        pairings: Every round of buddy pairs, in time order.
        sent: Every peer message sent, in time order.

    Raises:
        DuplicateMemberError: If two members share an id.
        UnknownMemberError: If a record names an id that is not a member, or
            pairs someone who is not a member at the round's moment.
        InvalidValueError: If two rounds of pairs share a moment, or two sent
            messages share an id.
    """

    id: str = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text(max_length=200))
    members: tuple[Member, ...] = attrs.field(default=(), converter=_members)
    consents: tuple[ConsentChange, ...] = attrs.field(default=(), converter=_consents)
    marks: tuple[ShareMark, ...] = attrs.field(default=(), converter=_marks)
    pairings: tuple[PairingRound, ...] = attrs.field(default=(), converter=_pairings)
    sent: tuple[PeerSent, ...] = attrs.field(default=(), converter=_sent)

    def __attrs_post_init__(self) -> None:
        known: dict[str, Member] = {}
        for member in self.members:
            if member.id in known:
                raise DuplicateMemberError("Member.id", member.id)
            known[member.id] = member
        self._check_records(known)
        self._check_pairings(known)

    def _check_records(self, known: Mapping[str, Member]) -> None:
        for change in self.consents:
            _known(known, "ConsentChange.member", change.member)
        for mark in self.marks:
            _known(known, "ShareMark.member", mark.member)
        for message in self.sent:
            _known(known, "PeerSent.recipient", message.recipient)
            for member_id in sorted(message.about):
                _known(known, "PeerSent.about", member_id)
        sent_ids: set[str] = set()
        for message in self.sent:
            if message.id in sent_ids:
                raise InvalidValueError(
                    "PeerSent.id", message.id, "this id is already in the circle"
                )
            sent_ids.add(message.id)

    def _check_pairings(self, known: Mapping[str, Member]) -> None:
        previous: PairingRound | None = None
        for pairing in self.pairings:
            if previous is not None and _ts(previous.at) == _ts(pairing.at):
                raise InvalidValueError(
                    "PairingRound.at", pairing.at, "another round of pairs starts at this moment"
                )
            previous = pairing
            for pair in pairing.pairs:
                for member_id in pair:
                    if not _known(known, "PairingRound.pairs", member_id).active_at(pairing.at):
                        raise UnknownMemberError(
                            "PairingRound.pairs",
                            member_id,
                            f"not a member of the circle at {pairing.at.isoformat()}",
                        )

    @classmethod
    def start(cls, circle_id: str, name: str, members: Iterable[Member] = ()) -> Circle:
        """A new circle, with its first members.

        Raises:
            DuplicateMemberError: If two members share an id.
        """
        given: object = members
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise InvalidValueError("members", given, "expected members, such as a list")
        return cls(id=circle_id, name=name, members=tuple(members))

    def with_member(self, member: Member) -> Circle:
        """Return a circle with a new member.

        Raises:
            DuplicateMemberError: If the id is taken, even by someone who left.
        """
        if not isinstance(member, Member):
            raise InvalidValueError("member", member, "expected a Member")
        return attrs.evolve(self, members=(*self.members, member))

    def with_departure(self, member_id: str, at: datetime) -> Circle:
        """Return a circle in which the member left at *at*.

        Raises:
            UnknownMemberError: If no member has this id.
            InvalidValueError: If *at* is before they joined.
        """
        member = self.member(member_id)
        left = attrs.evolve(member, left_at=at)
        return attrs.evolve(
            self, members=tuple(left if m.id == member_id else m for m in self.members)
        )

    def with_consent(self, member_id: str, level: ConsentLevel, at: datetime) -> Circle:
        """Return a circle in which the member shares *level* from *at* on.

        Raises:
            UnknownMemberError: If no member has this id.
        """
        change = ConsentChange(member=member_id, level=level, at=at)
        return attrs.evolve(self, consents=(*self.consents, change))

    def with_shareable(
        self, member_id: str, event_id: str, at: datetime, *, shareable: bool = True
    ) -> Circle:
        """Return a circle in which the member marked one of their events shareable (or not).

        Raises:
            UnknownMemberError: If no member has this id.
        """
        mark = ShareMark(member=member_id, event=event_id, at=at, shareable=shareable)
        return attrs.evolve(self, marks=(*self.marks, mark))

    def with_pairs(self, at: datetime, pairs: Iterable[tuple[str, str]]) -> Circle:
        """Return a circle with a new round of buddy pairs from *at* on.

        Members left out of the round have no buddy until the next one.

        Raises:
            UnknownMemberError: If a pair names someone who is not a member at *at*.
            InvalidValueError: If a member is in two pairs, or paired with themselves.
        """
        given: object = pairs
        if isinstance(given, str) or not isinstance(given, Iterable):
            raise InvalidValueError("pairs", given, "expected pairs of member ids")
        return attrs.evolve(
            self, pairings=(*self.pairings, PairingRound(at=at, pairs=tuple(pairs)))
        )

    def with_sent(self, *sent: PeerSent) -> Circle:
        """Return a circle that records peer messages as sent.

        Raises:
            UnknownMemberError: If a message names someone who is not a member.
            InvalidValueError: If an id is taken.
        """
        return attrs.evolve(self, sent=(*self.sent, *sent))

    def member(self, member_id: str) -> Member:
        """The member with this id, whether or not they still belong.

        Raises:
            UnknownMemberError: If there is none.
        """
        for member in self.members:
            if member.id == member_id:
                return member
        raise UnknownMemberError("member", member_id)

    def active_members(self, at: datetime) -> tuple[Member, ...]:
        """The members who belong at *at*, sorted by id."""
        return tuple(m for m in self.members if m.active_at(at))

    def consent_at(self, member_id: str, at: datetime) -> ConsentLevel:
        """The level the member set last at or before *at*; `ConsentLevel.NOTHING` before any.

        This is the circle's record only; `suggest_for_circle` also reads the
        member's agreement (``peer_consent=False`` means nothing is shared).

        Raises:
            UnknownMemberError: If no member has this id.
        """
        self.member(member_id)
        moment = _ts(v.check_aware("at", at))
        level = ConsentLevel.NOTHING
        for change in self.consents:
            if _ts(change.at) > moment:
                break
            if change.member == member_id:
                level = change.level
        return level

    def shareable_at(self, member_id: str, at: datetime) -> frozenset[str]:
        """The ids of the member's events marked shareable at *at*.

        Raises:
            UnknownMemberError: If no member has this id.
        """
        self.member(member_id)
        moment = _ts(v.check_aware("at", at))
        marked: dict[str, bool] = {}
        for mark in self.marks:
            if _ts(mark.at) > moment:
                break
            if mark.member == member_id:
                marked[mark.event] = mark.shareable
        return frozenset(event for event, shareable in marked.items() if shareable)

    def pairs_at(self, at: datetime) -> tuple[tuple[str, str], ...]:
        """The buddy pairs in force at *at*: the latest round's pairs whose members both belong."""
        moment = _ts(v.check_aware("at", at))
        current = None
        for pairing in self.pairings:
            if _ts(pairing.at) > moment:
                break
            current = pairing
        if current is None:
            return ()
        active = {m.id for m in self.active_members(at)}
        return tuple(p for p in current.pairs if p[0] in active and p[1] in active)

    def buddy_of(self, member_id: str, at: datetime) -> str | None:
        """The member's buddy at *at*, if they have one.

        Raises:
            UnknownMemberError: If no member has this id.
        """
        self.member(member_id)
        for first, second in self.pairs_at(at):
            if member_id in (first, second):
                return second if member_id == first else first
        return None

    def as_of(self, moment: datetime) -> Circle:
        """The circle as recorded at *moment*: changes, marks, rounds and messages up to it.

        Use it to replay a past moment: a circle read at a moment must not
        hold consent changes or marks dated after it. Members are kept
        (their join and leave moments already say when they belonged).
        """
        at = _ts(v.check_aware("moment", moment))
        return attrs.evolve(
            self,
            consents=tuple(c for c in self.consents if _ts(c.at) <= at),
            marks=tuple(m for m in self.marks if _ts(m.at) <= at),
            pairings=tuple(p for p in self.pairings if _ts(p.at) <= at),
            sent=tuple(s for s in self.sent if _ts(s.at) <= at),
        )


def _known(known: Mapping[str, Member], field: str, member_id: str) -> Member:
    if member_id not in known:
        raise UnknownMemberError(field, member_id)
    return known[member_id]


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
    return (_ts(message.send_at), message.recipient, _KIND_ORDER[message.kind])


# --- Reading the members ------------------------------------------------------------------------


@attrs.frozen
class _Seen:
    """A member who belongs at the moment, read once: their journal, facts and consent."""

    member: Member
    journal: Journal
    assessment: Assessment
    level: ConsentLevel
    in_crisis: bool

    @property
    def zone(self) -> ZoneInfo:
        return self.journal.agreement.tz

    @property
    def visible(self) -> bool:
        """Whether the circle may hear anything about them now."""
        return not self.in_crisis and self.level is not ConsentLevel.NOTHING

    def shares(self, level: ConsentLevel) -> bool:
        return self.visible and self.level.includes(level)


def _chosen_style(style: Style | str | None) -> Style | None:
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
    moment = _ts(now)
    for change in circle.consents:
        if _ts(change.at) > moment:
            raise InvalidValueError(
                "ConsentChange.at",
                change.at,
                f"{change.member!r} changes consent after now ({now.isoformat()}); a member "
                "sets consent when they decide (to replay a past moment, use circle.as_of(now))",
            )
    for mark in circle.marks:
        if _ts(mark.at) > moment:
            raise InvalidValueError(
                "ShareMark.at",
                mark.at,
                f"{mark.member!r} marks an event after now ({now.isoformat()}); to replay a "
                "past moment, use circle.as_of(now)",
            )


def _read(circle: Circle, journals: object, now: datetime, style: Style | None) -> dict[str, _Seen]:
    """Check the input and read every member who belongs at *now*, in id order."""
    v.check_aware("now", now)
    if not isinstance(circle, Circle):
        raise InvalidValueError("circle", circle, "expected a Circle")
    checked = _check_journals(circle, journals)
    _check_not_after(circle, now)
    seen: dict[str, _Seen] = {}
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
        seen[member.id] = _Seen(
            member=member,
            journal=journal,
            assessment=assessment,
            level=level,
            in_crisis=assessment.crisis_until is not None,
        )
    return seen


# --- What may be shared -------------------------------------------------------------------------

_SIZE_RANK: Final = {WinSize.MILESTONE: 0, WinSize.BIG: 1, WinSize.SMALL: 2}


def _since(seen: _Seen, now: datetime, span: timedelta) -> float:
    """The start of a look-back span, never before the member joined."""
    return max(_ts(now - span), _ts(seen.member.joined_at))


def _shared_wins(seen: _Seen, now: datetime, span: timedelta) -> list[WinFact]:
    """The member's wins the circle may hear of, within *span* before now, best first.

    Reported wins at ``wins``; the current streak's milestones at ``progress``.
    Comebacks (they tell of a setback), momentum (it tells of a dip) and
    outcomes (they quote the goal's measure) are never shared.
    """
    if not seen.shares(ConsentLevel.WINS):
        return []
    start = _since(seen, now, span)
    end = _ts(now)
    wins = [
        w
        for w in seen.assessment.wins
        if w.source is WinSource.REPORTED and start <= _ts(w.at) <= end
    ]
    if seen.shares(ConsentLevel.PROGRESS):
        best: dict[str, WinFact] = {}
        for win in seen.assessment.wins:
            if win.source is not WinSource.STREAK or win.expectation is None or win.count is None:
                continue
            if not start <= _ts(win.at) <= end:
                continue
            if _streak(seen.assessment, win.expectation) < win.count:
                continue  # the run broke since: old news
            kept = best.get(win.expectation)
            if kept is None or (kept.count or 0) < win.count:
                best[win.expectation] = win
        wins.extend(best[key] for key in sorted(best))
    return sorted(wins, key=_win_order)


def _streak(assessment: Assessment, expectation_id: str) -> int:
    for facts in assessment.expectations:
        if facts.expectation.id == expectation_id:
            return facts.streak
    return 0


def _win_order(win: WinFact) -> tuple[int, int, float, str]:
    reported = 0 if win.source is WinSource.REPORTED else 1
    return (_SIZE_RANK[win.size], reported, -_ts(win.at), win.id)


def _shared_texts(event: Event) -> tuple[str, ...]:
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


def _shared_events(
    seen: _Seen, circle: Circle, now: datetime
) -> list[tuple[Event, tuple[str, ...]]]:
    """The member's marked events with words to quote, from the last few days, latest first."""
    if not seen.shares(ConsentLevel.EVERYTHING):
        return []
    marked = circle.shareable_at(seen.member.id, now)
    if not marked:
        return []
    start = _since(seen, now, _FRESH)
    found = [
        (event, _shared_texts(event))
        for event in seen.journal.between(
            datetime.fromtimestamp(start, UTC), now + timedelta(microseconds=1)
        )
        if event.id in marked
    ]
    return sorted(((e, t) for e, t in found if t), key=lambda pair: (-_ts(pair[0].at), pair[0].id))


def _coming_up(seen: _Seen, now: datetime) -> tuple[str, datetime] | None:
    """The member's next check-in (else commitment) due within the horizon: (what, when)."""
    if not seen.shares(ConsentLevel.PROGRESS):
        return None
    start, end = _ts(now), _ts(now + _BUDDY_HORIZON)

    def soon(facts: ExpectationFacts | None) -> datetime | None:
        if facts is None or facts.next_due is None:
            return None
        return facts.next_due if start < _ts(facts.next_due) <= end else None

    check_in = soon(seen.assessment.check_ins)
    if check_in is not None:
        return ("a check-in", check_in)
    dues = [d for d in (soon(f) for f in seen.assessment.expectations) if d is not None]
    if dues:
        return ("a commitment", min(dues, key=_ts))
    return None


def _summary(seen: Mapping[str, _Seen], now: datetime) -> CircleSummary:
    contributors = [s for s in seen.values() if s.shares(ConsentLevel.PROGRESS)]

    def mean(values: Sequence[float]) -> float | None:
        return sum(values) / len(values) if values else None

    adherence: list[float] = []
    momentum: list[float] = []
    before: list[float] = []
    for member in contributors:
        facts = [*member.assessment.expectations]
        if member.assessment.check_ins is not None:
            facts.append(member.assessment.check_ins)
        own = [f.adherence for f in facts if f.adherence is not None]
        if own:
            adherence.append(sum(own) / len(own))
        if facts:
            momentum.append(sum(f.momentum for f in facts) / len(facts))
            before.append(sum(f.momentum_week_ago for f in facts) / len(facts))
    wins = sum(len(_shared_wins(s, now, WEEK)) for s in seen.values())
    return CircleSummary(
        members=len(seen),
        contributors=len(contributors),
        adherence=mean(adherence),
        momentum=mean(momentum),
        momentum_week_ago=mean(before),
        wins=wins,
    )


# --- The words ----------------------------------------------------------------------------------


def _buddy_text(name: str, what: str, due: datetime, send_at: datetime, zone: ZoneInfo) -> str:
    return (
        f"Your buddy {name} has {what} coming up {en.relative_day(due, send_at, zone)}. "
        "Would you like to send them a word of encouragement? Only if it feels right."
    )


def _win_line(name: str, win: WinFact) -> str:
    if win.source is WinSource.REPORTED:
        return f"{name} shared a win: {en.ended(en.quoted(win.what))}"
    return f"{name} has a streak going: {en.plural(win.count or 0, win.period or 'time')} in a row."


def _celebration_text(lines: Sequence[str], names: Sequence[str]) -> str:
    whom = names[0] if len(names) == 1 else "them"
    closing = f"Would you like to send {whom} a cheer? A quick word can mean a lot."
    return " ".join(("Good news from your circle!", *lines, closing))


def _update_text(name: str, quotes: Sequence[str]) -> str:
    return (
        f"Your buddy {name} shared this with you: "
        f"{en.ended(en.listed([en.quoted(q) for q in quotes]))} "
        "If you like, send them a word back."
    )


def _momentum_change(summary: CircleSummary) -> float:
    if summary.momentum is None or summary.momentum_week_ago is None:
        return 0.0
    return summary.momentum - summary.momentum_week_ago


def _summary_text(summary: CircleSummary, window_days: int) -> str | None:
    """The weekly summary's words, or None when it has no good news to tell.

    Aggregates need two contributors: one member's numbers are not the
    circle's. The share kept up is told when it is good news (half or more);
    a lower one is left to the coach, as a bare low number to a group reads
    as pressure, not support.
    """
    aggregate = summary.contributors >= _MIN_CONTRIBUTORS and summary.adherence is not None
    change = _momentum_change(summary) if aggregate else 0.0
    news = ""
    if aggregate and summary.adherence is not None and summary.adherence >= _WELL_KEPT:
        news = (
            f"Together you kept up {round(summary.adherence * 100)}% of what you planned over "
            f"the last {window_days} days"
        )
        if change >= _TREND:
            news += ", and momentum is rising."
        elif change <= -_TREND:
            news += ", and momentum dipped a little, which is part of any rhythm."
        else:
            news += ", and momentum is holding steady."
    elif change >= _TREND:
        news = "Momentum is rising across the circle."
    if not news and not summary.wins:
        return None
    counts = en.plural(summary.members, "member")
    if summary.wins:
        counts += f", {en.plural(summary.wins, 'win')} shared"
    parts = [f"Your circle this week: {counts}.", news, "Thank you for showing up for each other."]
    return " ".join(part for part in parts if part)


# --- Drafting and scheduling ------------------------------------------------------------------


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
    seen: Mapping[str, _Seen]
    now: datetime
    summary: CircleSummary
    window_days: int


def _sent_to(circle: Circle, recipient: str, now: datetime) -> tuple[PeerSent, ...]:
    end = _ts(now)
    return tuple(s for s in circle.sent if s.recipient == recipient and _ts(s.at) <= end)


def _buddy_draft(context: _Context, recipient: _Seen, covered: frozenset[str]) -> _Draft | None:
    buddy_id = context.circle.buddy_of(recipient.member.id, context.now)
    buddy = context.seen.get(buddy_id) if buddy_id is not None else None
    if buddy is None:
        return None
    coming = _coming_up(buddy, context.now)
    if coming is None:
        return None
    what, due = coming
    topic = f"due:{buddy.member.id}:{_utc(due).isoformat()}"
    if topic in covered:
        return None
    name, zone = buddy.member.name, recipient.zone
    return _Draft(
        kind=PeerKind.BUDDY_CHECK_IN,
        about=(buddy.member.id,),
        needs=((buddy.member.id, ConsentLevel.PROGRESS),),
        topics=frozenset({topic}),
        reasons=(
            f"{recipient.member.name} and {name} are buddies.",
            f"{name} shares progress with the circle, "
            f"and has {what} due {en.short_day_time(due, zone)}.",
            "A word from a peer before a check-in helps it happen; it is an offer, not a duty.",
        ),
        expires=_utc(due) - _BUDDY_LEAD,
        render=lambda send_at: _buddy_text(name, what, due, send_at, zone),
    )


def _celebration_draft(
    context: _Context, recipient: _Seen, covered: frozenset[str]
) -> _Draft | None:
    found: list[tuple[_Seen, list[WinFact]]] = []
    for member_id, other in context.seen.items():
        if member_id == recipient.member.id:
            continue
        wins = [
            w
            for w in _shared_wins(other, context.now, _FRESH)
            if f"win:{member_id}:{w.id}" not in covered
        ]
        if wins:
            found.append((other, wins))
    if not found:
        return None
    found.sort(key=lambda pair: (_win_order(pair[1][0]), pair[0].member.id))
    chosen = found[:_CELEBRATE_AT_MOST]
    lines = [_win_line(other.member.name, wins[0]) for other, wins in chosen]
    names = [other.member.name for other, _ in chosen]
    needs = tuple(
        (
            other.member.id,
            ConsentLevel.PROGRESS
            if any(w.source is WinSource.STREAK for w in wins)
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
    text = _celebration_text(lines, names)
    return _Draft(
        kind=PeerKind.CELEBRATION,
        about=tuple(other.member.id for other, _ in chosen),
        needs=needs,
        topics=frozenset(f"win:{other.member.id}:{w.id}" for other, wins in chosen for w in wins),
        reasons=reasons,
        expires=_utc(context.now) + _FRESH,
        render=lambda _send_at: text,
    )


def _update_draft(context: _Context, recipient: _Seen, covered: frozenset[str]) -> _Draft | None:
    buddy_id = context.circle.buddy_of(recipient.member.id, context.now)
    buddy = context.seen.get(buddy_id) if buddy_id is not None else None
    if buddy is None:
        return None
    events = [
        (event, texts)
        for event, texts in _shared_events(buddy, context.circle, context.now)
        if f"shared:{buddy.member.id}:{event.id}" not in covered
    ]
    if not events:
        return None
    quotes = [text for _, texts in events for text in texts][:_QUOTE_AT_MOST]
    name = buddy.member.name
    text = _update_text(name, quotes)
    return _Draft(
        kind=PeerKind.SHARED_UPDATE,
        about=(buddy.member.id,),
        needs=((buddy.member.id, ConsentLevel.EVERYTHING),),
        topics=frozenset(f"shared:{buddy.member.id}:{event.id}" for event, _ in events),
        reasons=(
            f"{recipient.member.name} and {name} are buddies.",
            f"{name} shares what they mark as shareable, and marked "
            f"{en.plural(len(events), 'recent update')} to share.",
        ),
        expires=_utc(context.now) + _FRESH,
        render=lambda _send_at: text,
    )


def _summary_draft(context: _Context, recipient: _Seen) -> _Draft | None:
    text = _summary_text(context.summary, context.window_days)
    if context.summary.members < 2 or text is None:
        return None
    week_ago = _ts(context.now - WEEK)
    if any(
        s.kind is PeerKind.SUMMARY and _ts(s.at) > week_ago
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
        expires=_utc(context.now) + WEEK,
        render=lambda _send_at: text,
    )


def _slot(
    recipient: _Seen, earliest: datetime, expires: datetime, sends: Sequence[datetime]
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


def _sends(context: _Context, recipient: _Seen, follow_up: FollowUp) -> list[datetime]:
    """Everything sent to the member in the last seven days, and their own follow-up to come."""
    now = _utc(context.now)
    journal = recipient.journal
    past = [
        _utc(e.at)
        for e in journal.between(now - WEEK, now + timedelta(microseconds=1), FollowUpSent)
    ]
    week_ago = _ts(now - WEEK)
    past += [
        _utc(s.at)
        for s in _sent_to(context.circle, recipient.member.id, context.now)
        if _ts(s.at) >= week_ago
    ]
    if follow_up.kind is not FollowUpKind.WAIT:
        past.append(_utc(follow_up.send_at))
    return sorted(past)


def _messages_to(
    context: _Context, recipient: _Seen, follow_up: FollowUp, notes: list[str]
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
        moment = _slot(recipient, _utc(context.now), draft.expires, sends)
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


def _notes(circle: Circle, seen: Mapping[str, _Seen], now: datetime) -> list[str]:
    notes: list[str] = []
    for member_id, member in seen.items():
        name = member.member.name
        if member.in_crisis:
            notes.append(
                f"{name} is inside a crisis window: the circle hears nothing about them and "
                "they get no peer messages until it ends. The circle is not told why."
            )
        if (
            not member.journal.agreement.peer_consent
            and circle.consent_at(member_id, now) is not ConsentLevel.NOTHING
        ):
            notes.append(
                f"{name}'s agreement does not include peer accountability, so the circle "
                "treats them as sharing nothing."
            )
    return notes


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
    weekly summary) share only what each member consented to share (see the
    module's documentation), each with its reasons and a send time that
    respects the recipient's quiet hours, weekly cap and spacing.

    Args:
        circle: The circle.
        journals: Each member's journal, by member id: every member who
            belongs at *now* needs one; those who left may be left out.
        now: The moment of the suggestion (aware).
        style: A `Style` or preset name for every member, or None for each
            member's own preset.
        policy: The rules for the members' own follow-ups; the built-in ones
            by default.
        voice: The voice for the members' own follow-ups; the default
            English voice by default.

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
    chosen = _chosen_style(style)
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "expected a Policy or None")
    seen = _read(circle, journals, now, chosen)
    context = _Context(
        circle=circle,
        seen=seen,
        now=now,
        summary=_summary(seen, now),
        window_days=(chosen or Style()).window_days,
    )
    notes = _notes(circle, seen, now)
    entries: list[MemberSuggestion] = []
    for member_id, member in seen.items():
        follow_up = phrase(decide(member.assessment, policy), member.assessment, voice)
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
        summary=context.summary if len(seen) >= 2 else None,
        notes=tuple(notes),
    )


# --- Buddy pairs --------------------------------------------------------------------------------

_SLOT: Final = timedelta(minutes=15)
_SLOTS: Final = 7 * 24 * 4
_PERIOD_DAYS: Final = {"day": 1, "week": 7, "month": 30, "year": 365}
_RHYTHM_WORD: Final = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
_EXACT_UP_TO: Final = 16
"""Up to this many members are paired by an exact search; more, greedily."""
# Pair weights, compared as one number: more pairs first, then pairing those left out last
# round, then pairs not seen for the most rounds, then matching rhythms, then shared hours.
_PAIR: Final = 10**12
_FAIRNESS: Final = 10**9
_NOVELTY: Final = 10**7
_RHYTHM: Final = 10**5


@attrs.frozen(kw_only=True)
class BuddyPair:
    """A proposed pair of buddies, and why they fit.

    Attributes:
        members: The two member ids, sorted.
        overlap_hours: How many waking hours a day they share, on average
            over the coming week.
        reasons: Why they fit, for the coach (they name zones and rhythms,
            nothing private).
    """

    members: tuple[str, str]
    overlap_hours: float
    reasons: tuple[str, ...]


@attrs.frozen(kw_only=True)
class PairingProposal:
    """A proposed round of buddy pairs.

    Attributes:
        at: The moment it was proposed for.
        pairs: The pairs, sorted.
        unpaired: Members who belong but get no buddy this round, each with
            why: (member id, reason), sorted by id.
    """

    at: datetime
    pairs: tuple[BuddyPair, ...]
    unpaired: tuple[tuple[str, str], ...]

    @property
    def as_pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs as pairs of ids, for `Circle.with_pairs`."""
        return tuple(pair.members for pair in self.pairs)

    def applied_to(self, circle: Circle) -> Circle:
        """The circle with this round of pairs from ``at`` on."""
        return circle.with_pairs(self.at, self.as_pairs)


@lru_cache(maxsize=1024)
def _waking(zone: ZoneInfo, quiet: QuietHours, start: datetime) -> int:
    """The quarter hours of the week from *start* in which the member is awake, as bits."""
    bits = 0
    for slot in range(_SLOTS):
        if not quiet.contains((start + slot * _SLOT).astimezone(zone).time()):
            bits |= 1 << slot
    return bits


def _longest_run(bits: int) -> tuple[int, int]:
    """The start and length of the longest run of set bits."""
    best = (0, 0)
    start = length = 0
    for slot in range(_SLOTS):
        if bits >> slot & 1:
            if length == 0:
                start = slot
            length += 1
            if length > best[1]:
                best = (start, length)
        else:
            length = 0
    return best


def _rhythm(assessment: Assessment) -> str | None:
    """The member's shortest period among their check-ins and commitments, if any recurs."""
    facts = [*assessment.expectations]
    if assessment.check_ins is not None:
        facts.append(assessment.check_ins)
    periods = [f.period for f in facts if f.period in _PERIOD_DAYS]
    return min(periods, key=_PERIOD_DAYS.__getitem__) if periods else None


def _compatible(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    days = sorted((_PERIOD_DAYS[first], _PERIOD_DAYS[second]))
    return days[1] <= 7 * days[0]


@attrs.frozen
class _Candidate:
    seen: _Seen
    bits: int
    rhythm: str | None
    waited: bool  # left out of the last round


def _rounds_ago(circle: Circle, now: datetime) -> dict[frozenset[str], int]:
    """For each pair seen before, how many rounds ago it was last paired (1: the current round)."""
    end = _ts(now)
    rounds = [p for p in circle.pairings if _ts(p.at) <= end]
    ago: dict[frozenset[str], int] = {}
    for index, pairing in enumerate(reversed(rounds), start=1):
        for pair in pairing.pairs:
            ago.setdefault(frozenset(pair), index)
    return ago


def _edge(first: _Candidate, second: _Candidate, ago: int | None, min_minutes: float) -> int | None:
    if first.seen.in_crisis and second.seen.in_crisis:
        return None
    if not _compatible(first.rhythm, second.rhythm):
        return None
    minutes = (first.bits & second.bits).bit_count() * 15 / 7
    if minutes < min_minutes:
        return None
    return (
        _PAIR
        + _FAIRNESS * (first.waited + second.waited)
        + _NOVELTY * min(ago if ago is not None else 4, 4)
        + _RHYTHM * (2 if first.rhythm == second.rhythm else 1)
        + round(minutes)
    )


def _match(count: int, weights: Mapping[tuple[int, int], int]) -> tuple[tuple[int, int], ...]:
    """The pairs of highest total weight: an exact search for a small circle, else greedy."""
    if count > _EXACT_UP_TO:
        taken: set[int] = set()
        chosen: list[tuple[int, int]] = []
        for (i, j), _ in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
            if i not in taken and j not in taken:
                chosen.append((i, j))
                taken |= {i, j}
        return tuple(sorted(chosen))
    full = (1 << count) - 1

    @cache
    def best(used: int) -> tuple[int, tuple[tuple[int, int], ...]]:
        if used == full:
            return (0, ())
        first = (~used & (used + 1)).bit_length() - 1  # the lowest member not yet placed
        rest = used | 1 << first
        score, pairs = best(rest)  # first stays unpaired
        for second in range(first + 1, count):
            weight = weights.get((first, second))
            if weight is None or used >> second & 1:
                continue
            more, others = best(rest | 1 << second)
            if more + weight > score:
                score, pairs = more + weight, ((first, second), *others)
        return (score, pairs)

    return tuple(sorted(best(0)[1]))


def _rhythm_reason(a: str, first: str | None, b: str, second: str | None) -> str:
    """Why two members' rhythms fit: *first* is *a*'s period, *second* is *b*'s."""
    if first is None:
        if second is None:
            return "Neither has a fixed rhythm yet, so they can agree their own."
        return f"{a} has no fixed rhythm, so {b}'s {_RHYTHM_WORD[second]} one can set the pace."
    if second is None:
        return f"{b} has no fixed rhythm, so {a}'s {_RHYTHM_WORD[first]} one can set the pace."
    if first == second:
        return f"Both keep a {_RHYTHM_WORD[first]} rhythm."
    return (
        f"{a} keeps a {_RHYTHM_WORD[first]} rhythm and {b} a {_RHYTHM_WORD[second]} one: "
        "close enough to keep pace."
    )


def _pair_reasons(
    first: _Candidate, second: _Candidate, ago: int | None, start: datetime
) -> tuple[str, ...]:
    a, b = first.seen, second.seen
    shared = first.bits & second.bits
    hours = round(shared.bit_count() * 15 / 7 / 60 * 2) / 2
    run_start, _ = _longest_run(shared)
    moment = start + run_start * _SLOT
    reasons = [
        f"Awake at the same time about {hours:g} hours a day: from "
        f"{moment.astimezone(a.zone):%H:%M} for {a.member.name} ({a.journal.agreement.zone}), "
        f"{moment.astimezone(b.zone):%H:%M} for {b.member.name} ({b.journal.agreement.zone})."
    ]
    reasons.append(_rhythm_reason(a.member.name, first.rhythm, b.member.name, second.rhythm))
    if ago is None:
        reasons.append("They have not been buddies before.")
    elif ago == 1:
        reasons.append("They stay buddies: no fresher match fits as well.")
    else:
        reasons.append(f"They were buddies {ago} rounds ago; no fresher match fits as well.")
    reasons.extend(
        f"{c.seen.member.name} had no buddy last round, so goes first this time."
        for c in (first, second)
        if c.waited
    )
    return tuple(reasons)


def propose_pairs(
    circle: Circle,
    journals: Mapping[str, Journal],
    now: datetime,
    *,
    min_overlap_hours: float = 2.0,
    style: Style | str | None = None,
) -> PairingProposal:
    """Propose a new round of buddy pairs that can actually meet, rotating over time.

    Members who belong at *now* and share at least their wins are paired.
    Two members can be buddies when they are awake (outside their quiet
    hours) at the same time for at least *min_overlap_hours* a day on
    average over the coming week, across their zones, and their rhythms
    are compatible (the shorter of their check-in and commitment periods are
    at most a factor of seven apart: daily with weekly, not daily with
    monthly). Two members who are both inside a crisis window are never
    paired.

    Among the possible rounds it picks the one with the most pairs; then
    the one that pairs those left out last round; then the one with pairs
    not seen for the most rounds (so pairs rotate); then matching rhythms;
    then the most shared waking hours. Ties go by member id, so the
    proposal is deterministic.

    Args:
        circle: The circle.
        journals: Each member's journal, by id, as for `suggest_for_circle`.
        now: The moment to propose for (aware).
        min_overlap_hours: The least shared waking time a day, in hours.
        style: The style to assess members with, as for `suggest_for_circle`.

    Returns:
        The proposal; apply it with `PairingProposal.applied_to`.

    Raises:
        InvalidValueError: If *min_overlap_hours* is not between 0 and 24,
            or the input is invalid as for `suggest_for_circle`.
    """
    if isinstance(min_overlap_hours, bool) or not isinstance(min_overlap_hours, int | float):
        raise InvalidValueError("min_overlap_hours", min_overlap_hours, "expected a number")
    if not 0 <= min_overlap_hours <= 24:
        raise InvalidValueError("min_overlap_hours", min_overlap_hours, "must be 0 to 24 hours")
    seen = _read(circle, journals, now, _chosen_style(style))
    start = datetime.fromtimestamp(_ts(now) // 900 * 900, UTC)  # on a quarter hour
    last = _rounds_ago(circle, now)
    latest = [p for p in circle.pairings if _ts(p.at) <= _ts(now)]
    paired_last = {m for pair in latest[-1].pairs for m in pair} if latest else None
    candidates: list[_Candidate] = []
    unpaired: list[tuple[str, str]] = []
    for member_id, member in seen.items():
        if member.level is ConsentLevel.NOTHING:
            unpaired.append((member_id, "Shares nothing with the circle, so has no buddy."))
            continue
        agreement = member.journal.agreement
        candidates.append(
            _Candidate(
                seen=member,
                bits=_waking(agreement.tz, agreement.quiet_hours, start),
                rhythm=_rhythm(member.assessment),
                waited=paired_last is not None and member_id not in paired_last,
            )
        )
    weights: dict[tuple[int, int], int] = {}
    for i, first in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            second = candidates[j]
            key = frozenset((first.seen.member.id, second.seen.member.id))
            weight = _edge(first, second, last.get(key), min_overlap_hours * 60)
            if weight is not None:
                weights[(i, j)] = weight
    chosen = _match(len(candidates), weights)
    pairs = tuple(
        BuddyPair(
            members=(candidates[i].seen.member.id, candidates[j].seen.member.id),
            overlap_hours=round(
                (candidates[i].bits & candidates[j].bits).bit_count() * 15 / 7 / 60, 2
            ),
            reasons=_pair_reasons(
                candidates[i],
                candidates[j],
                last.get(frozenset((candidates[i].seen.member.id, candidates[j].seen.member.id))),
                start,
            ),
        )
        for i, j in chosen
    )
    placed = {index for pair in chosen for index in pair}
    for index, candidate in enumerate(candidates):
        if index in placed:
            continue
        could = any(index in key for key in weights)
        unpaired.append(
            (
                candidate.seen.member.id,
                "Everyone who fits is paired already; first in line next round."
                if could
                else f"No one else shares at least {min_overlap_hours:g} waking hours a day "
                "and a compatible rhythm.",
            )
        )
    return PairingProposal(at=now, pairs=pairs, unpaired=tuple(sorted(unpaired)))
