"""Phrase: a voice turns a follow-up's moves into words, quoting the client's own.

The default English voice has its wordings here, one set per kind of move
and topic. The client's words (their why, their fears, their if-then plans,
their wins) are always quoted verbatim between quotation marks: a voice
never paraphrases them into judgment. Client text is inserted literally,
never read as a template, so braces, dollar signs or markup in it are
harmless.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Final, Protocol

from accountability.exceptions import InvalidValueError
from accountability.followup import Move, MoveKind
from accountability.record import WinSize

__all__ = ["DEFAULT_VOICE", "EnglishVoice", "Voice"]


class Voice(Protocol):
    """Renders moves into the text of one message.

    A voice is deterministic: the same moves always read the same.
    """

    def render(self, moves: Sequence[Move], zone: tzinfo) -> str:
        """The message for these moves, with dates read in the client's *zone*."""


def _quote(text: str | None) -> str:
    return "\u201c" + (text or "").strip() + "\u201d"


def _said(text: str | None) -> str:
    """The client's words as a quoted sentence, ending in a full stop if they had none."""
    words = (text or "").strip()
    if words and words[-1] not in ".!?…":
        words += "."
    return _quote(words)


def _strip_lead(text: str, *words: str) -> str:
    stripped = text.strip()
    for word in words:
        if stripped.lower().startswith(word + " "):
            return stripped[len(word) + 1 :]
    return stripped


_FORMATTER: Final = string.Formatter()

# (kind, topic) -> wording. "" is the fallback topic for a kind. Placeholders are plain
# names; values are inserted literally.
_WORDINGS: Final[dict[tuple[MoveKind, str], str]] = {
    (MoveKind.HOLD_SPACE, ""): (
        "Please put yourself and the people you love first right now. There is nothing you "
        "need to do for our work, and I'm here whenever you want to talk."
    ),
    (MoveKind.ACKNOWLEDGE, "setback"): (
        "Thank you for telling me what's going on: {said} That sounds really hard, and I'm "
        "sorry you're going through it."
    ),
    (MoveKind.ACKNOWLEDGE, "silence"): (
        "It's been {count} days since I last heard from you, and that's okay. Life gets full."
    ),
    (MoveKind.ACKNOWLEDGE, "lapse"): (
        "It looks like {action} slipped recently. That happens to everyone, and it doesn't "
        "erase what you've already built."
    ),
    (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
        "I haven't heard from you for {check_ins} we agreed on, and that's okay."
    ),
    (MoveKind.ACKNOWLEDGE, "not_started"): (
        "Getting {action} going hasn't happened yet, and that's okay. Starting is often the "
        "hardest part."
    ),
    (MoveKind.ACKNOWLEDGE, "reason"): "You mentioned {quote}, and that's a real obstacle.",
    (MoveKind.ACKNOWLEDGE, "fear"): (
        "You told me: {said} That fear makes sense, and it deserves to be taken seriously."
    ),
    (MoveKind.ACKNOWLEDGE, "sliding"): (
        "{action} has been a bit harder to keep up over the past couple of weeks."
    ),
    (MoveKind.ACKNOWLEDGE, ""): "I hear you.",
    (MoveKind.AFFIRM, "honesty"): (
        "Thank you for telling me honestly that {action} didn't happen. That kind of honesty "
        "is what makes this work."
    ),
    (MoveKind.AFFIRM, "candour"): "Thank you for being honest about what feels doable right now.",
    (MoveKind.AFFIRM, "growth"): (
        "You're asking for more ({action}), and that says a lot about how far you've come."
    ),
    (MoveKind.AFFIRM, ""): "I appreciate you staying in this with me.",
    (MoveKind.CELEBRATE, "reported"): "You said: {said} {praise}",
    (MoveKind.CELEBRATE, "streak"): (
        "Look at that: {action} {count} {unit} in a row. That consistency is something to "
        "be proud of."
    ),
    (MoveKind.CELEBRATE, "comeback"): (
        "You got back to {action} {after}. Coming back is often the hardest part, and you did it."
    ),
    (MoveKind.CELEBRATE, "momentum"): "Your momentum with {action} is building again. Nice work.",
    (MoveKind.CELEBRATE, "outcome"): "Your {what}. That's real progress!",
    (MoveKind.CELEBRATE, ""): "{what}. That's worth celebrating!",
    (MoveKind.REMIND_WHY, ""): "When you started, you told me why this matters to you: {said}",
    (MoveKind.SURFACE_PLAN, ""): (
        "You made a plan for exactly this: {plan} Would it help to lean on it this week?"
    ),
    (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): "What got in the way?",
    (MoveKind.OPEN_QUESTION, "what_would_help"): ("What would make it a little easier this week?"),
    (MoveKind.OPEN_QUESTION, "reconnect"): "How have things been for you lately?",
    (MoveKind.OPEN_QUESTION, "first_step"): (
        "What would a first step look like that feels small enough to actually try?"
    ),
    (MoveKind.OPEN_QUESTION, "make_it_workable"): (
        "What would make {step} workable for you this week?"
    ),
    (MoveKind.OPEN_QUESTION, "keep_it_up"): "What will help you keep this going?",
    (MoveKind.OPEN_QUESTION, ""): "What's on your mind about this?",
    (MoveKind.OFFER_SMALLER_STEP, "setback"): (
        "Would it help to scale things down while you recover, for example {step} instead "
        "of {action}?"
    ),
    (MoveKind.OFFER_SMALLER_STEP, "first_step"): (
        "What if the first step were tiny, like {step}? Or anything else small enough to "
        "actually try."
    ),
    (MoveKind.OFFER_SMALLER_STEP, ""): (
        "Would a smaller step help for now, for example {step} instead of {action}? We can "
        "build back up from there."
    ),
    (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
        "Let's hold steady at {step} rather than change it again. Are you willing to do it by {by}?"
    ),
    (MoveKind.ASK_RECOMMITMENT, "own_commitment"): (
        "{step} was the step you chose. Are you willing to commit to it again by {by}?"
    ),
    (MoveKind.ASK_RECOMMITMENT, "check_in"): (
        "Could you send me a quick check-in by {by}, even just a line?"
    ),
    (MoveKind.ASK_RECOMMITMENT, ""): "Are you willing to commit to {step} again by {by}?",
    (MoveKind.CHALLENGE, ""): (
        "I know this is hard, and I also know staying stuck isn't what you want. What's one "
        "step toward {action} you'll take by {by}?"
    ),
    (MoveKind.INVITE_PEER, ""): (
        "Would it help to check in with your accountability buddy this week?"
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "open_door"): (
        "No pressure at all. The door is open whenever you want to pick this up again, and "
        "I'll be glad to hear from you."
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "crisis"): (
        "Whenever you're ready, we can pick things up again at whatever pace feels right to you."
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "first_step"): "You get to decide the pace.",
    (MoveKind.EMPHASISE_AUTONOMY, "their_idea"): "This was your idea, and it's a good one.",
    (MoveKind.EMPHASISE_AUTONOMY, ""): "It's your call, and I'm with you either way.",
}

_PRAISE: Final = {
    WinSize.SMALL: "That's worth celebrating.",
    WinSize.BIG: "That's a big deal. Well done!",
    WinSize.MILESTONE: "What a milestone!",
}


PLACEHOLDERS: Final = frozenset(
    {
        "quote",
        "said",
        "after",
        "action",
        "step",
        "by",
        "count",
        "check_ins",
        "unit",
        "what",
        "praise",
        "plan",
    }
)
"""The names a wording may use, each between braces: ``{action}``, ``{by}``..."""


def _checked(wordings: object) -> dict[tuple[MoveKind, str], str]:
    """Check a coach's wordings when the voice is made, not when a message is sent."""
    if not isinstance(wordings, Mapping):
        raise InvalidValueError("wordings", wordings, "expected a mapping of (move, topic) to text")
    checked: dict[tuple[MoveKind, str], str] = {}
    for key, wording in wordings.items():
        if (
            not isinstance(key, tuple)
            or len(key) != 2  # a (move, topic) pair
            or not isinstance(key[0], MoveKind)
            or not isinstance(key[1], str)
        ):
            raise InvalidValueError("wordings", key, "a key is a (MoveKind, topic) pair")
        if not isinstance(wording, str) or not wording.strip():
            raise InvalidValueError(f"wordings[{key!r}]", wording, "expected non-empty text")
        try:
            fields = list(_FORMATTER.parse(wording))
        except ValueError as error:
            raise InvalidValueError(f"wordings[{key!r}]", wording, str(error)) from error
        for _literal, name, spec, conversion in fields:
            if name is not None and (name not in PLACEHOLDERS or spec or conversion):
                raise InvalidValueError(
                    f"wordings[{key!r}]",
                    wording,
                    f"{{{name}}} is not a placeholder; use one of "
                    + ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS)),
                )
        checked[key] = wording
    return checked


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Fill plain named placeholders; values are inserted as they are, never re-read."""
    parts: list[str] = []
    for literal, name, _spec, _conversion in _FORMATTER.parse(template):
        parts.append(literal)
        if name is not None:
            parts.append(values.get(name, ""))
    return "".join(parts)


class EnglishVoice:
    """The default voice: plain, warm English that quotes the client's own words.

    >>> from zoneinfo import ZoneInfo
    >>> EnglishVoice().render([Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")],
    ...                       ZoneInfo("UTC"))
    'How have things been for you lately?'
    """

    def __init__(self, wordings: Mapping[tuple[MoveKind, str], str] | None = None) -> None:
        self._wordings = {**_WORDINGS, **_checked(wordings or {})}

    def _wording(self, move: Move) -> str:
        return self._wordings.get((move.kind, move.topic)) or self._wordings[(move.kind, "")]

    def values(self, move: Move, zone: tzinfo) -> dict[str, str]:
        """The placeholder values for a move: quoted client words, dates in the client's zone."""
        win = move.win
        plan = ""
        if move.kind is MoveKind.SURFACE_PLAN and move.quote:
            obstacle = _strip_lead(move.quote, "if").rstrip(",. ")
            response = _strip_lead(move.response or "", "then").rstrip(". ")
            plan = _quote(f"If {obstacle}, then {response}.")
        count = move.count if move.count is not None else (win.count if win else None)
        unit = ""
        if win is not None and win.period:
            unit = win.period if count == 1 else f"{win.period}s"
        return {
            "quote": _quote((move.quote or "").strip().rstrip(".")),
            "said": _said(move.quote),
            "after": (
                f"after {win.count} days away"
                if win is not None and win.count and win.period == "day"
                else "after the setback"
            ),
            "action": _quote(move.action) if move.action else "this",
            "step": _quote(move.step) if move.step else "a smaller version of it",
            "by": move.by.astimezone(zone).strftime("%A %-d %B")
            if move.by
            else "the end of the week",
            "count": str(count) if count is not None else "a few",
            "check_ins": "the last check-in"
            if count == 1
            else f"the last {count if count is not None else 'few'} check-ins",
            "unit": unit,
            "what": win.what if win is not None else "",
            "praise": _PRAISE[win.size] if win is not None else _PRAISE[WinSize.SMALL],
            "plan": plan,
        }

    def render(self, moves: Sequence[Move], zone: tzinfo) -> str:
        """The message: each move's wording, in order, as one paragraph."""
        sentences = [_fill(self._wording(move), self.values(move, zone)) for move in moves]
        return " ".join(s for s in sentences if s)

    def __repr__(self) -> str:
        return "EnglishVoice()"


DEFAULT_VOICE: Final = EnglishVoice()
"""The voice `suggest` uses unless told otherwise."""
