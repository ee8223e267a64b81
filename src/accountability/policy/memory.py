"""What the policy remembers: what it already said, and what the client said they would do.

A coach who listens keeps track of their own words as well as the client's:
they do not quote the client's why every week, they do not send the same
challenge for the third time, and when a client says "I'll walk tomorrow
morning" they ask about it the next day. The rules read all of that here,
from the assessment alone: the follow-ups sent (with the moves each made,
`FollowUpSent.moves`) and what the client said.

Journals written before follow-ups recorded their moves still work: the
why counts as quoted when a follow-up's text holds it.

>>> from accountability import assess
>>> from accountability.examples import EXAMPLE_NOW, example_journal
>>> last_why(assess(example_journal(), EXAMPLE_NOW)) is None
True
>>> stated_intention("Rough day. I'll walk tomorrow morning instead.")
"I'll walk tomorrow morning instead."
>>> doubts("Honestly not sure I can keep this up.")
True
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Final

from accountability.facts.assessment import Assessment
from accountability.record.model import FollowUpKind, FollowUpSent

__all__ = [
    "CHALLENGES_IN_A_ROW",
    "WHY_EVERY",
    "challenges_in_a_row",
    "doubts",
    "last_why",
    "made",
    "nudged",
    "nudges",
    "stated_intention",
]

WHY_EVERY: Final = timedelta(days=21)
"""The client's why is quoted back at most once in this long: more often, it nags."""

CHALLENGES_IN_A_ROW: Final = 2
"""How many challenges may go out in a row before the approach must change."""


def made(sent: FollowUpSent, kind: str, topic: str | None = None) -> bool:
    """Whether a follow-up that was sent made a move of *kind* (and *topic*, if given).

    >>> from datetime import datetime, timezone
    >>> from accountability.record import SentMove
    >>> sent = FollowUpSent(id="f", at=datetime(2026, 3, 2, tzinfo=timezone.utc),
    ...                     kind=FollowUpKind.REMIND, moves=(SentMove(kind="remind_why"),))
    >>> made(sent, "remind_why"), made(sent, "challenge")
    (True, False)
    """
    return any(m.kind == kind and (topic is None or m.topic == topic) for m in sent.moves)


_NUDGES: Final = frozenset({"ask_recommitment", "challenge", "offer_smaller_step", "remind_why"})
_REMINDING: Final = frozenset(
    {"lapse", "long_lapse", "not_started", "missed_check_ins", "sliding", "silence"}
)
_REPLIES: Final = frozenset(
    {FollowUpKind.CELEBRATE, FollowUpKind.SUPPORT_SETBACK, FollowUpKind.CHECK_IN}
)


def nudges(kind: str, topic: str = "") -> bool:
    """Whether a move of *kind* and *topic* reminds or asks (see `nudged`).

    >>> nudges("challenge"), nudges("acknowledge", "lapse"), nudges("acknowledge", "check_in")
    (True, True, False)
    """
    return kind in _NUDGES or (kind == "acknowledge" and topic in _REMINDING)


def nudged(sent: FollowUpSent) -> bool:
    """Whether a follow-up that was sent reminded or asked: what the weekly cap counts.

    A reply (a celebration, a word of support, an answer to a check-in) is not
    a nudge. A follow-up that recorded its moves nudged if it asked, offered a
    smaller step, quoted the why or named a lapse or a silence; an older one,
    unless its kind is a celebration, support or a check-in.

    >>> from datetime import datetime, timezone
    >>> from accountability.record import SentMove
    >>> at = datetime(2026, 3, 2, tzinfo=timezone.utc)
    >>> nudged(FollowUpSent(id="f", at=at, kind=FollowUpKind.CELEBRATE,
    ...                     moves=(SentMove(kind="celebrate"),)))
    False
    >>> nudged(FollowUpSent(id="f", at=at, kind=FollowUpKind.REMIND))
    True
    """
    if not sent.moves:
        return sent.kind not in _REPLIES
    return any(nudges(m.kind, m.topic) for m in sent.moves)


def last_why(assessment: Assessment) -> datetime | None:
    """When a follow-up last quoted the client's why back, within the history window.

    A follow-up that recorded its moves quoted it if it made a ``remind_why``
    move; an older one, if its text holds one of the goals' whys.
    """
    whys = [goal.why.strip() for goal in assessment.goals if goal.why.strip()]
    for sent in reversed(assessment.follow_ups):
        if made(sent, "remind_why") or (not sent.moves and any(why in sent.text for why in whys)):
            return sent.at.astimezone(UTC)
    return None


def challenges_in_a_row(assessment: Assessment) -> tuple[FollowUpSent, ...]:
    """The run of challenges at the end of the follow-ups sent, oldest first."""
    run: list[FollowUpSent] = []
    for sent in reversed(assessment.follow_ups):
        if sent.kind is not FollowUpKind.CHALLENGE:
            break
        run.append(sent)
    return tuple(reversed(run))


_SENTENCES: Final = re.compile(r"[^.!?\n]+[.!?]*")
_INTENTION: Final = re.compile(
    r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|i\s+am\s+going\s+to|i'?m\s+gonna|i\s+plan\s+to|"
    r"i'?m\s+planning\s+to)\b",
    re.IGNORECASE,
)
_SOON: Final = re.compile(
    r"\b(?:tomorrow|tonight|today|this\s+(?:morning|afternoon|evening)|in\s+the\s+morning|"
    r"after\s+work|later)\b",
    re.IGNORECASE,
)
_NOT_AN_INTENTION: Final = re.compile(
    r"\b(?:i'?ll\s+(?:try|see|think)|i\s+will\s+(?:try|see)|not|never|can'?t|won'?t)\b",
    re.IGNORECASE,
)


def stated_intention(text: str) -> str | None:
    """The sentence in *text* where the client says what they will do soon, if one.

    "I'll walk tomorrow morning" is an intention; "I'll try", "I'm not
    going to manage it" and "I'll catch up over spring break" are not: a
    coach follows up a plan for the next day or so, not a hope.

    >>> stated_intention("Missed it. I'm going to do it tonight!")
    "I'm going to do it tonight!"
    >>> stated_intention("I'll try, I guess.") is None
    True
    """
    for match in _SENTENCES.finditer(text):
        sentence = match.group().strip()
        if (
            _INTENTION.search(sentence)
            and _SOON.search(sentence)
            and not _NOT_AN_INTENTION.search(sentence)
        ):
            return sentence
    return None


_DOUBT: Final = re.compile(
    r"\b(?:not\s+sure\s+i\s+can|(?:don'?t|do\s+not)\s+(?:think|know\s+if)\s+i\s+can|"
    r"can'?t\s+(?:keep|do\s+this|manage|see\s+myself|get\s+(?:going|started)|seem\s+to)|cannot\s+(?:keep|do\s+this)|"
    r"giving\s+up|give\s+up|what'?s\s+the\s+point|pointless|hopeless|no\s+use|"
    r"(?:i'?m|i\s+am|feel\s+like)\s+(?:a\s+)?(?:failing|failure|useless|hopeless)|"
    r"too\s+hard|overwhelm\w*|doubt\w*|losing\s+(?:faith|hope|motivation))\b",
    re.IGNORECASE,
)


def doubts(text: str) -> bool:
    """Whether the client's words voice doubt that they can keep going.

    >>> doubts("Honestly not sure I can keep this up."), doubts("Good week, felt strong.")
    (True, False)
    """
    return bool(_DOUBT.search(text))
