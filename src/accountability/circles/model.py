"""The circle as a record: who belongs when, their consent and marks, buddies, messages sent.

Like a journal, a [`Circle`][accountability.circles.Circle] is an immutable,
dated record: its members (who joined and left when), each member's consent
changes, the events each member marked as shareable, the rounds of buddy
pairs and the peer messages sent. Every ``with_...`` method returns a new
circle. Records are kept in a canonical order, so the order they were added
in never matters.

Each member sets, and can change at any moment, how much the circle may hear
about them: a [`ConsentLevel`][accountability.circles.ConsentLevel]. The level
in force at a moment is the last change at or before it (``nothing`` before
the first); what each level shares is in `accountability.circles.privacy`.

## Shareable events

The journal is the client's record with their coach and has no shareable
flag. Instead the circle holds dated marks: ``circle.with_shareable(member,
event_id, at)`` marks one event of the member's journal as shareable from
``at``, and ``shareable=False`` unmarks it, which works like withdrawing
consent. Marks matter only at the ``everything`` level.

Record what you send with ``circle.with_sent(message.sent(record_id))``: the
same news is then not suggested again, and the weekly cap counts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Final, TypeVar

import attrs

from accountability import _validate as v
from accountability.exceptions import (
    DuplicateMemberError,
    InvalidValueError,
    UnknownMemberError,
)

__all__ = [
    "Circle",
    "ConsentChange",
    "ConsentLevel",
    "Member",
    "PairingRound",
    "PeerKind",
    "PeerSent",
    "ShareMark",
]

_T = TypeVar("_T")


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
    """What a peer message does: the kind of a `PeerMessage` and of its `PeerSent` record.

    Its words are in `accountability.voice.peers`, one table per kind.
    """

    BUDDY_CHECK_IN = "buddy_check_in"
    """Tells a member their buddy has a check-in or commitment coming up."""
    CELEBRATION = "celebration"
    """Cheers the wins members of the circle chose to share."""
    SHARED_UPDATE = "shared_update"
    """Passes on to a member what their buddy marked shareable."""
    SUMMARY = "summary"
    """How the circle is doing as a whole, once a week: aggregates only."""


# --- Members and what they set ------------------------------------------------------------------


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
        at = v.check_aware("moment", moment).timestamp()
        return self.joined_at.timestamp() <= at and (
            self.left_at is None or at < self.left_at.timestamp()
        )


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
            key=lambda c: (c.at.timestamp(), c.member, -_RANK[c.level]),
        )
    )


def _marks(items: object) -> tuple[ShareMark, ...]:
    # Marked and unmarked at one instant: unmarked counts (it comes last).
    return tuple(
        sorted(
            _checked(items, ShareMark, "marks"),
            key=lambda m: (m.at.timestamp(), m.member, m.event, not m.shareable),
        )
    )


def _pairings(items: object) -> tuple[PairingRound, ...]:
    return tuple(sorted(_checked(items, PairingRound, "pairings"), key=lambda r: r.at.timestamp()))


def _sent(items: object) -> tuple[PeerSent, ...]:
    return tuple(sorted(_checked(items, PeerSent, "sent"), key=lambda s: (s.at.timestamp(), s.id)))


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
            if previous is not None and previous.at.timestamp() == pairing.at.timestamp():
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
        moment = v.check_aware("at", at).timestamp()
        level = ConsentLevel.NOTHING
        for change in self.consents:
            if change.at.timestamp() > moment:
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
        moment = v.check_aware("at", at).timestamp()
        marked: dict[str, bool] = {}
        for mark in self.marks:
            if mark.at.timestamp() > moment:
                break
            if mark.member == member_id:
                marked[mark.event] = mark.shareable
        return frozenset(event for event, shareable in marked.items() if shareable)

    def pairs_at(self, at: datetime) -> tuple[tuple[str, str], ...]:
        """The buddy pairs in force at *at*: the latest round's pairs whose members both belong."""
        moment = v.check_aware("at", at).timestamp()
        current = None
        for pairing in self.pairings:
            if pairing.at.timestamp() > moment:
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
        at = v.check_aware("moment", moment).timestamp()
        return attrs.evolve(
            self,
            consents=tuple(c for c in self.consents if c.at.timestamp() <= at),
            marks=tuple(m for m in self.marks if m.at.timestamp() <= at),
            pairings=tuple(p for p in self.pairings if p.at.timestamp() <= at),
            sent=tuple(s for s in self.sent if s.at.timestamp() <= at),
        )


def _known(known: Mapping[str, Member], field: str, member_id: str) -> Member:
    if member_id not in known:
        raise UnknownMemberError(field, member_id)
    return known[member_id]
