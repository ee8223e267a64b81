"""The follow-up and its parts: moves, stance, and the ICF competencies they serve.

These are the values that flow from **decide** to **phrase**: a
[`FollowUp`][accountability.policy.FollowUp] holds ordered
[`Move`][accountability.policy.Move]s, each carrying the facts it speaks about, so
a voice can render them and a person can check why each is there.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Final

import attrs

from accountability import _validate as v
from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import WinFact
from accountability.record.model import FollowUpKind, FollowUpSent, SentMove

__all__ = [
    "ASKS",
    "OPENERS",
    "QUESTIONS",
    "Competency",
    "FollowUp",
    "Move",
    "MoveKind",
    "Stance",
    "serves",
]


class MoveKind(StrEnum):
    """One thing a follow-up does, in the order a coach would usually do them."""

    AFFIRM = "affirm"
    """Affirms the client's effort, honesty or growth."""

    ACKNOWLEDGE = "acknowledge"
    """Acknowledges what happened or what the client said, without judgment."""

    HOLD_SPACE = "hold_space"
    """Holds space: the client comes first, and nothing is asked."""

    CELEBRATE = "celebrate"
    """Celebrates a win, reported or detected."""

    REMIND_WHY = "remind_why"
    """Quotes back, in the client's own words, why they started."""

    SURFACE_PLAN = "surface_plan"
    """Brings back the client's if-then plan when its obstacle shows up."""

    OPEN_QUESTION = "open_question"
    """Asks an open question, such as "What got in the way?"."""

    OFFER_SMALLER_STEP = "offer_smaller_step"
    """Offers a smaller step, for the client to take or leave."""

    ASK_RECOMMITMENT = "ask_recommitment"
    """Asks the client to recommit to a step by a date."""

    CHALLENGE = "challenge"
    """Challenges with care: one step toward the action, by a date."""

    INVITE_PEER = "invite_peer"
    """Suggests a check-in with the client's accountability buddy."""

    EMPHASISE_AUTONOMY = "emphasise_autonomy"
    """Names the client's autonomy: the choice is theirs."""


ASKS: Final = frozenset({MoveKind.ASK_RECOMMITMENT, MoveKind.CHALLENGE})
"""Moves that ask something of the client or challenge them."""

QUESTIONS: Final = frozenset(
    {
        MoveKind.OPEN_QUESTION,
        MoveKind.OFFER_SMALLER_STEP,
        MoveKind.ASK_RECOMMITMENT,
        MoveKind.CHALLENGE,
        MoveKind.INVITE_PEER,
    }
)
"""Moves a voice words as a question. A follow-up makes at most one of them:
one question per message."""

OPENERS: Final = frozenset({MoveKind.ACKNOWLEDGE, MoveKind.AFFIRM})
"""Moves a follow-up that asks or challenges must open with."""

ORDER: Final = {kind: rank for rank, kind in enumerate(MoveKind)}
"""Each move's rank in the canonical order of a follow-up."""


class Competency(StrEnum):
    """The ICF core competencies (2019) a follow-up can serve."""

    ETHICAL_PRACTICE = "Demonstrates Ethical Practice"
    """Knows and keeps to coaching ethics and standards."""

    COACHING_MINDSET = "Embodies a Coaching Mindset"
    """Stays open, curious and client-centred; the choices are the client's."""

    AGREEMENTS = "Establishes and Maintains Agreements"
    """Agrees with the client, clearly, what the work is and how it goes."""

    TRUST_AND_SAFETY = "Cultivates Trust and Safety"
    """Makes a safe, supportive space in which the client can speak freely."""

    PRESENCE = "Maintains Presence"
    """Is fully there with the client: focused, attentive, calm."""

    LISTENING = "Listens Actively"
    """Hears what the client says and leaves unsaid, in their context."""

    AWARENESS = "Evokes Awareness"
    """Helps the client to new insight, through questions above all."""

    GROWTH = "Facilitates Client Growth"
    """Helps the client turn insight into action, on their own terms."""


SERVES: Final[dict[MoveKind, tuple[Competency, ...]]] = {
    MoveKind.HOLD_SPACE: (Competency.PRESENCE, Competency.TRUST_AND_SAFETY),
    MoveKind.ACKNOWLEDGE: (Competency.LISTENING, Competency.TRUST_AND_SAFETY),
    MoveKind.AFFIRM: (Competency.TRUST_AND_SAFETY,),
    MoveKind.CELEBRATE: (Competency.GROWTH, Competency.TRUST_AND_SAFETY),
    MoveKind.REMIND_WHY: (Competency.LISTENING, Competency.AWARENESS),
    MoveKind.SURFACE_PLAN: (Competency.AGREEMENTS, Competency.GROWTH),
    MoveKind.OPEN_QUESTION: (Competency.AWARENESS,),
    MoveKind.OFFER_SMALLER_STEP: (Competency.AGREEMENTS, Competency.GROWTH),
    MoveKind.ASK_RECOMMITMENT: (Competency.AGREEMENTS,),
    MoveKind.CHALLENGE: (Competency.AWARENESS, Competency.GROWTH),
    MoveKind.INVITE_PEER: (Competency.GROWTH,),
    MoveKind.EMPHASISE_AUTONOMY: (Competency.COACHING_MINDSET, Competency.TRUST_AND_SAFETY),
}


def serves(kind: MoveKind) -> tuple[Competency, ...]:
    """The ICF competencies a kind of move serves."""
    return SERVES[kind]


@attrs.frozen(kw_only=True)
class Move:
    """One move of a follow-up, with the facts it speaks about.

    A voice turns a move into words. Fields that hold the client's words
    (``quote``) are quoted verbatim, never paraphrased.

    Attributes:
        kind: What the move does.
        topic: What it is about, for the voice to pick its words: for
            example ``"setback"``, ``"lapse"``, ``"silence"``, ``"fear"``,
            ``"honesty"``, ``"effort"``, ``"obstacle"``.
        expectation: The expectation it speaks about, if one.
        goal: The goal it speaks about, if one.
        action: The expectation's action, in the words agreed.
        quote: The client's own words it quotes back, if any.
        response: The "then" of an if-then plan, when surfacing one.
        win: The win it celebrates, if it celebrates one.
        step: A smaller step it offers, or the step it asks to recommit to.
        by: The date a recommitment or a challenge is asked for.
        count: A number the move speaks about (days of silence, lapses).
        name: The habit's short name (`Expectation.name`), if it has one.
        since: When what the move speaks about began: the last time the
            habit was done, the start of a silence, a setback.
    """

    kind: MoveKind = attrs.field(validator=v.member_of(MoveKind))
    topic: str = ""
    expectation: str | None = None
    goal: str | None = None
    action: str | None = None
    quote: str | None = None
    response: str | None = None
    win: WinFact | None = None
    step: str | None = None
    by: datetime | None = None
    count: int | None = None
    name: str | None = None
    since: datetime | None = None

    def remembered(self) -> SentMove:
        """The move as the journal remembers it once sent (see `FollowUpSent.moves`)."""
        return SentMove(
            kind=self.kind.value,
            topic=self.topic,
            quote=self.quote.strip() or None if self.quote else None,
            expectation=self.expectation,
            goal=self.goal,
        )


@attrs.frozen(kw_only=True)
class Stance:
    """How a follow-up stands: its warmth and its step on the firmness ladder.

    Attributes:
        firmness: 0 open door, 1 gentle reminder, 2 clear ask, 3 challenge with care.
        empathy: The share of its moves that acknowledge, affirm, celebrate,
            hold space or name the client's autonomy, 0 to 1.
    """

    firmness: int
    empathy: float


@attrs.frozen(kw_only=True)
class FollowUp:
    """The suggested next follow-up: what to send, why, and when.

    Attributes:
        kind: What it does, as a coach would name it; ``WAIT`` means
            nothing to send until ``send_at``.
        moves: Its moves, in order.
        stance: Its empathy and firmness.
        send_at: When to send it (or, for ``WAIT``, when to look again), in
            the client's zone.
        goal: The goal it is about, if one.
        expectation: The expectation it is about, if one.
        reasons: The facts that triggered it, in words a person can read.
        competencies: The ICF competencies it serves.
        celebrates: The ids of the wins it celebrates; record them in
            `FollowUpSent.celebrated` when you send it.
        text: The message. Empty as `decide` returns it: a voice fills it in
            (`accountability.voice.phrase`), as `accountability.suggest` does.
        reply: Whether it answers something the client said (a win, a
            check-in, a setback). A reply goes out within the day, outside
            quiet hours, whatever the weekly cap and the minimum gap: the cap
            limits reminders and asks, and at the cap a reply carries none.
    """

    kind: FollowUpKind
    moves: tuple[Move, ...]
    stance: Stance
    send_at: datetime
    goal: str | None
    expectation: str | None
    reasons: tuple[str, ...]
    competencies: tuple[Competency, ...]
    celebrates: frozenset[str]
    text: str = ""
    reply: bool = False

    @property
    def asks(self) -> bool:
        """Whether it asks something of the client or challenges them."""
        return any(move.kind in ASKS for move in self.moves)

    def sent(self, event_id: str, at: datetime | None = None) -> FollowUpSent:
        """The event to add to the journal once this follow-up is sent.

        Args:
            event_id: A fresh id for the event.
            at: When it was sent; ``send_at`` by default.

        Raises:
            InvalidValueError: If it has moves but no text yet: a follow-up
                straight from `decide` has not been worded. Word it with
                `accountability.phrase` (as `suggest` does) first, so the
                journal keeps what the client actually read.
        """
        if self.moves and not self.text.strip():
            raise InvalidValueError(
                "text",
                self.text,
                "this follow-up has moves but no words yet: phrase() it before sending",
            )
        return FollowUpSent(
            id=event_id,
            at=self.send_at if at is None else at,
            kind=self.kind,
            firmness=self.stance.firmness,
            text=self.text,
            goal=self.goal,
            expectation=self.expectation,
            celebrated=self.celebrates,
            moves=tuple(move.remembered() for move in self.moves),
        )

    def _repr_html_(self) -> str:
        # The notebook layer sits on top of the pipeline: imported only when a notebook asks.
        from accountability.notebook._html import followup_html  # noqa: PLC0415

        return followup_html(self)
