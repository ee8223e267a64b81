"""Phrase: a voice turns a follow-up's moves into words, quoting the client's own.

The default English voice, `EnglishVoice`, has two to four wordings for
each kind of move and topic, all in the same plain, warm register. Which
one a move gets is decided by the move itself (a stable checksum of its
kind, topic and facts), so the same follow-up always reads the same. Given
the text of the last follow-up sent to the client, the voice passes over
any wording whose sentences that text already holds, whatever its
placeholders were filled with, so consecutive follow-ups do not repeat a
sentence.

The client's words (their why, their fears, their if-then plans, their
wins) are quoted verbatim between quotation marks: a voice never
paraphrases them into judgment. Client text is inserted literally, never
read as a template, so braces, dollar signs or markup in it are harmless.

## A coach's own wordings

A coach can replace any wording with one text or with several variants:
from a mapping of ``(MoveKind, topic)`` pairs (`EnglishVoice`), from plain
data shaped like JSON or TOML (`EnglishVoice.from_dict`), or from a
``.toml`` or ``.json`` file (`EnglishVoice.from_file`). Data is keyed by
the kind of move (`MoveKind` values such as ``"acknowledge"``), then by
topic, with ``"default"`` (or ``""``) for the wording used for any other
topic:

```toml
[acknowledge]
setback = [
    "Thank you for telling me: {said} I'm so sorry it's been this hard.",
    "I'm sorry to hear this: {said} Please take the time you need.",
]
default = "Thanks for letting me know."

[open_question]
what_got_in_the_way = "What made this week tricky?"
```

A wording may use only the placeholders below, each between braces;
``{{`` and ``}}`` are literal braces. Nothing else in a wording is read: no
attribute or index access (``{a.b}``, ``{a[0]}``), no conversion
(``{a!r}``), no format spec (``{a:>10}``), no positional field (``{}``,
``{0}``). A wording that reaches past its placeholders is refused when the
voice is made, never when a message is sent. Each wording is also filled
with neutral sample values and run through the tone review
(`accountability.language.tone.review`): what it finds is reported as a
`ToneWarning`, or refused with `strict=True`.

| placeholder | what it holds |
|---|---|
| ``{action}`` | The action agreed, quoted; "this" when the move names none. |
| ``{step}`` | The step offered or to recommit to, quoted; "a smaller version of it" if none. |
| ``{by}`` | The day asked for, on the client's calendar: "Friday 6 March". |
| ``{quote}`` | The client's words, quoted, without a closing full stop. |
| ``{said}`` | The client's words, quoted as a sentence. |
| ``{plan}`` | The client's if-then plan, quoted as one sentence. |
| ``{count}`` | The number the move speaks about (days of silence, a streak's length). |
| ``{unit}`` | A streak's unit, agreeing with the count: "days". |
| ``{check_ins}`` | The check-ins missed: "the last check-in", "the last 3 check-ins". |
| ``{after}`` | How long the client was away: "after 15 days away", "after the setback". |
| ``{what}`` | The win being celebrated, as recorded. |
| ``{praise}`` | Praise that fits the win's size: "That's a big deal. Well done!" |

When a wording opens with a placeholder that the voice fills with its own
words ("this", "the last check-in"), the first letter is capitalised;
client words are never changed.
"""

from __future__ import annotations

import json
import os
import re
import string
import tomllib
import warnings
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import Final, Protocol
from zoneinfo import ZoneInfo

import attrs

from accountability import _english as en
from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import Assessment
from accountability.language.tone import Finding, review
from accountability.policy.followup import FollowUp, Move, MoveKind
from accountability.record.model import WinSize

__all__ = [
    "DEFAULT_VOICE",
    "PLACEHOLDERS",
    "SAMPLE_VALUES",
    "WORDINGS",
    "EnglishVoice",
    "ToneWarning",
    "Voice",
    "phrase",
]


class Voice(Protocol):
    """Renders moves into the text of one message.

    A voice is deterministic: the same moves and the same previous text
    always read the same.
    """

    def render(self, moves: Sequence[Move], zone: tzinfo, previous: str = "") -> str:
        """The message for these moves, with dates read in the client's *zone*.

        Args:
            moves: The follow-up's moves, in order.
            zone: The client's time zone.
            previous: The text of the last follow-up sent to this client,
                empty if none; a voice avoids repeating its sentences.
        """


PLACEHOLDERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "action": 'The action agreed, quoted; "this" when the move names none.',
        "step": 'The step offered or to recommit to, quoted; "a smaller version of it" if none.',
        "by": 'The day asked for, on the client\'s calendar: "Friday 6 March".',
        "quote": "The client's words, quoted, without a closing full stop.",
        "said": "The client's words, quoted as a sentence.",
        "plan": "The client's if-then plan, quoted as one sentence.",
        "count": "The number the move speaks about (days of silence, a streak's length).",
        "unit": 'A streak\'s unit, agreeing with the count: "days".',
        "check_ins": 'The check-ins missed: "the last check-in", "the last 3 check-ins".',
        "after": 'How long the client was away: "after 15 days away", "after the setback".',
        "what": "The win being celebrated, as recorded.",
        "praise": "Praise that fits the win's size: \"That's a big deal. Well done!\"",
    }
)
"""The names a wording may use between braces, each with what it holds.

>>> sorted(PLACEHOLDERS)[:3]
['action', 'after', 'by']
"""

SAMPLE_VALUES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "action": "\u201cWalk for 20 minutes\u201d",
        "step": "\u201cWalk for 10 minutes\u201d",
        "by": "Friday 6 March",
        "quote": "\u201ca busy week at work\u201d",
        "said": "\u201cIt was a busy week at work.\u201d",
        "plan": "\u201cIf I work late, then I walk the next morning.\u201d",
        "count": "3",
        "unit": "days",
        "check_ins": "the last 3 check-ins",
        "after": "after 5 days away",
        "what": "Walked 5 km",
        "praise": "That's worth celebrating.",
    }
)
"""Neutral values a coach's wording is filled with for the tone review at load time."""


class ToneWarning(UserWarning):
    """A coach's wording that the tone review flags, reported when the voice is made.

    The voice is still made and uses the wording; pass ``strict=True`` to
    refuse it instead. Turn the warning into an error for a whole run with
    ``warnings.simplefilter("error", ToneWarning)``.

    Attributes:
        field: Where the wording is, such as ``"wordings.acknowledge.setback[1]"``.
        wording: The wording, as given.
        findings: What the tone review found in it, filled with `SAMPLE_VALUES`.
    """

    def __init__(self, field: str, wording: str, findings: tuple[Finding, ...]) -> None:
        self.field = field
        self.wording = wording
        self.findings = findings
        super().__init__(f"{field}={wording!r}: {_described(findings)}")

    def __reduce__(self) -> tuple[type[ToneWarning], tuple[str, str, tuple[Finding, ...]]]:
        return (type(self), (self.field, self.wording, self.findings))


def _described(findings: Sequence[Finding]) -> str:
    return "; ".join(
        f"{finding.category.value} in \u201c{finding.matched}\u201d "
        f"(try: \u201c{finding.reframe}\u201d)"
        for finding in findings
    )


# --- The default wordings ------------------------------------------------------------------

# (kind, topic) -> variants, in rotation order. "" is the fallback topic for a
# kind. Within the voice, no two variants share a sentence, so a sentence seen in the previous
# follow-up points at exactly one wording.
_WORDINGS: Final[dict[tuple[MoveKind, str], tuple[str, ...]]] = {
    (MoveKind.HOLD_SPACE, ""): (
        "You and the people you love come first right now. There is nothing you need to do "
        "for our work, and I'm here whenever you want to talk.",
        "Right now, looking after yourself and the people close to you matters most. Our work "
        "can wait, and I'm here if you'd like to talk.",
        "I'm thinking of you. Our plans will keep for as long as you need, and you can reach "
        "me whenever it would help.",
    ),
    (MoveKind.ACKNOWLEDGE, "setback"): (
        "Thank you for telling me what's going on: {said} That sounds really hard, and I'm "
        "sorry you're going through it.",
        "I'm sorry to hear this: {said} That's a lot to carry, and I'm glad you let me know.",
        "Thank you for sharing this with me: {said} I'm sorry things are so hard right now.",
    ),
    (MoveKind.ACKNOWLEDGE, "silence"): (
        "It's been {count} days since I last heard from you, and that's okay. Life gets full.",
        "I haven't heard from you in {count} days, and that's fine. I know things get busy.",
        "We haven't been in touch for {count} days. I hope you're doing alright.",
    ),
    (MoveKind.ACKNOWLEDGE, "silence_in_grace"): (
        "It's been {count} days since we last spoke, and I know you've had a lot to carry.",
        "We haven't talked in {count} days. With everything you're carrying, that makes sense.",
        "It's been {count} days since we spoke. I imagine your hands have been full, and "
        "that's okay.",
    ),
    (MoveKind.ACKNOWLEDGE, "lapse"): (
        "It looks like {action} slipped recently. That happens to everyone, and it doesn't "
        "erase what you've already built.",
        "{action} has slipped a little lately. That's part of building any habit, and the "
        "progress you've made still counts.",
        "It seems {action} has been hard to fit in lately. Slips like this are normal, and "
        "they don't undo the work you've put in.",
    ),
    (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
        "I haven't heard from you for {check_ins} we agreed on, and that's okay.",
        "We haven't connected for {check_ins} we planned, and that's alright.",
        "{check_ins} we agreed on went by quietly, and that's fine too.",
    ),
    (MoveKind.ACKNOWLEDGE, "not_started"): (
        "Getting {action} going hasn't happened yet, and that's okay. Starting is often the "
        "hardest part.",
        "{action} hasn't got off the ground yet, and that's alright. First steps are often "
        "the trickiest.",
        "It's okay that {action} hasn't started yet. Beginnings can take a little time.",
    ),
    (MoveKind.ACKNOWLEDGE, "reason"): (
        "You mentioned {quote}, and that's a real obstacle.",
        "You told me about {quote}. That's a genuine obstacle, and it makes sense that it got "
        "in the way.",
        "You told me: {said} That's understandable, and I'm glad you said so.",
    ),
    (MoveKind.ACKNOWLEDGE, "fear"): (
        "You told me: {said} That fear makes sense, and it deserves to be taken seriously.",
        "You shared this with me: {said} It makes sense to feel that way, and I take it seriously.",
        "I remember you saying: {said} That worry is understandable, and you don't have to "
        "face it alone.",
    ),
    (MoveKind.ACKNOWLEDGE, "sliding"): (
        "{action} has been a bit harder to keep up over the past couple of weeks.",
        "Keeping {action} going seems to have taken more effort these past two weeks.",
        "It looks like the last couple of weeks have made {action} tougher to keep up.",
    ),
    (MoveKind.ACKNOWLEDGE, ""): (
        "I hear you.",
        "Thank you for letting me know.",
        "I'm listening, and I'm glad you told me.",
    ),
    (MoveKind.AFFIRM, "honesty"): (
        "Thank you for telling me honestly that {action} didn't happen. That kind of honesty "
        "is what makes this work.",
        "I appreciate you letting me know that {action} didn't happen. Being open like that "
        "helps us both.",
        "Thanks for being straight with me about {action}. Honest updates are what keep this "
        "working.",
    ),
    (MoveKind.AFFIRM, "candour"): (
        "Thank you for being honest about what feels doable right now.",
        "I appreciate you telling me plainly what feels manageable at the moment.",
        "It helps a lot to know what feels realistic for you right now, so thank you.",
    ),
    (MoveKind.AFFIRM, "growth"): (
        "You're asking for more ({action}), and that says a lot about how far you've come.",
        "Wanting to step up to {action} shows how much you've grown.",
        "You're ready to stretch to {action}, and that's a sign of real progress.",
    ),
    (MoveKind.AFFIRM, ""): (
        "I appreciate you staying in this with me.",
        "Thank you for sticking with this.",
        "I'm glad we're still working on this together.",
    ),
    (MoveKind.CELEBRATE, "reported"): (
        "You said: {said} {praise}",
        "In your words: {said} {praise}",
        "Here's what you shared: {said} {praise}",
    ),
    (MoveKind.CELEBRATE, "streak"): (
        "Look at that: {action} {count} {unit} in a row. That consistency is something to "
        "be proud of.",
        "That's {count} {unit} in a row for {action}. Keeping that up takes real commitment.",
        "You've kept up {action} for {count} {unit} straight. That kind of steadiness adds up.",
    ),
    (MoveKind.CELEBRATE, "comeback"): (
        "You got back to {action} {after}. Coming back is often the hardest part, and you did it.",
        "You picked {action} up again {after}. Returning takes courage, and you showed it.",
        "Welcome back to {action} {after}! Restarting is no small thing.",
    ),
    (MoveKind.CELEBRATE, "momentum"): (
        "Your momentum with {action} is building again. Nice work.",
        "{action} is gathering pace again. Well done.",
        "You're finding your rhythm with {action} again, and it shows.",
    ),
    (MoveKind.CELEBRATE, "outcome"): (
        "Your {what}. That's real progress!",
        "Look at this: your {what}. That's a real step forward!",
        "Your {what}, and that shows how far you've come!",
    ),
    (MoveKind.CELEBRATE, ""): (
        "{what}. That's worth celebrating!",
        "{what}. Well done, that's something to be glad about!",
        "{what}. I'm really happy for you!",
    ),
    (MoveKind.REMIND_WHY, ""): (
        "When you started, you told me why this matters to you: {said}",
        "It's worth remembering what you told me at the start: {said}",
        "In your own words, this is why it matters: {said}",
    ),
    (MoveKind.SURFACE_PLAN, ""): (
        "You made a plan for exactly this: {plan} Would it help to lean on it this week?",
        "You already have a plan for this moment: {plan} Would it be useful to put it to work "
        "this week?",
        "This is the situation you planned for: {plan} How would it feel to try it this week?",
    ),
    (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): (
        "What got in the way?",
        "What made it hard this time?",
        "What came up that made it tricky?",
    ),
    (MoveKind.OPEN_QUESTION, "what_would_help"): (
        "What would make it a little easier this week?",
        "What could make this week a bit smoother for you?",
        "What would help most right now?",
    ),
    (MoveKind.OPEN_QUESTION, "reconnect"): (
        "How have things been for you lately?",
        "How are you doing these days?",
        "What's been going on for you lately?",
    ),
    (MoveKind.OPEN_QUESTION, "first_step"): (
        "What would a first step look like that feels small enough to actually try?",
        "What's the smallest first step you could see yourself taking?",
        "Where would you like to begin, in a way that feels easy to try?",
    ),
    (MoveKind.OPEN_QUESTION, "make_it_workable"): (
        "What would make {step} workable for you this week?",
        "What would help {step} fit into your week?",
        "How could we shape {step} so it works for you this week?",
    ),
    (MoveKind.OPEN_QUESTION, "keep_it_up"): (
        "What will help you keep this going?",
        "What's working for you that you'd like to hold on to?",
        "How would you like to build on this?",
    ),
    (MoveKind.OPEN_QUESTION, ""): (
        "What's on your mind about this?",
        "What are your thoughts on this?",
        "How are you feeling about this?",
    ),
    (MoveKind.OFFER_SMALLER_STEP, "setback"): (
        "Would it help to scale things down while you recover, for example {step} instead "
        "of {action}?",
        "While you get back on your feet, would {step} feel more manageable than {action}?",
        "Would easing off for now help, with {step} in place of {action}?",
    ),
    (MoveKind.OFFER_SMALLER_STEP, "first_step"): (
        "What if the first step were tiny, like {step}? Or anything else small enough to "
        "actually try.",
        "Would a very small start help, such as {step}? Anything that feels easy to try counts.",
        "Would starting tiny feel better, say with {step}? Whatever feels doable is a good "
        "beginning.",
    ),
    (MoveKind.OFFER_SMALLER_STEP, ""): (
        "Would a smaller step help for now, for example {step} instead of {action}? We can "
        "build back up from there.",
        "Would it feel better to scale back to {step} for a while, instead of {action}? "
        "There's room to build up again later.",
        "What would you think of {step} instead of {action} for now? We can grow it again once "
        "it feels steady.",
    ),
    (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
        "If it fits, one option is to hold steady at {step} rather than change it again. Are "
        "you willing to do it by {by}?",
        "Could we keep {step} as it is for now, rather than change it again? Would you be up "
        "for doing it by {by}?",
        "Rather than change {step} again, would you like to keep it steady? Are you up for "
        "doing it by {by}?",
    ),
    (MoveKind.ASK_RECOMMITMENT, "own_commitment"): (
        "{step} was the step you chose. Are you willing to commit to it again by {by}?",
        "You picked {step} yourself. Would you like to recommit to it by {by}?",
        "{step} is the step you set for yourself. Are you up for giving it another go by {by}?",
    ),
    (MoveKind.ASK_RECOMMITMENT, "check_in"): (
        "Could you send me a quick check-in by {by}, even just a line?",
        "Would you be up for a short check-in by {by}? A line or two is plenty.",
        "Could we catch up with a quick check-in by {by}? A few words would be great.",
    ),
    (MoveKind.ASK_RECOMMITMENT, ""): (
        "Are you willing to commit to {step} again by {by}?",
        "Would you like to recommit to {step} by {by}?",
        "Are you up for {step} again by {by}?",
    ),
    (MoveKind.CHALLENGE, ""): (
        "I know this is hard, and I also know staying stuck isn't what you want. What's one "
        "step toward {action} you'll take by {by}?",
        "This has been a tough stretch, and I believe you can move it forward. What's one "
        "small thing you'll do toward {action} by {by}?",
        "It's been hard going, and I know you want more than standing still. Which step "
        "toward {action} are you willing to take by {by}?",
    ),
    (MoveKind.INVITE_PEER, ""): (
        "Would it help to check in with your accountability buddy this week?",
        "How would it feel to loop in your accountability buddy this week?",
        "Would a check-in with your buddy be useful this week?",
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "open_door"): (
        "No pressure at all. The door is open whenever you want to pick this up again, and "
        "I'll be glad to hear from you.",
        "There's no rush. Whenever you feel like picking this back up, I'm here and happy to "
        "hear from you.",
        "Take the time you need. If and when you want to come back to this, send me a line "
        "and we'll go from there.",
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "crisis"): (
        "Whenever you're ready, we can pick things up again at whatever pace feels right to you.",
        "When the time feels right, we can start again at a pace that suits you.",
        "There's no timetable here; we'll pick things back up when you're ready, at your pace.",
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "first_step"): (
        "You get to decide the pace.",
        "The pace is yours to set.",
        "How quickly to go is up to you.",
    ),
    (MoveKind.EMPHASISE_AUTONOMY, "their_idea"): (
        "This was your idea, and it's a good one.",
        "You came up with this yourself, and I think it's a strong plan.",
        "It's your plan, and I like it.",
    ),
    (MoveKind.EMPHASISE_AUTONOMY, ""): (
        "It's your call, and I'm with you either way.",
        "You decide what's right here, and I'll support you whichever way you go.",
        "The choice is yours, and I'm in your corner.",
    ),
}

WORDINGS: Final[Mapping[tuple[MoveKind, str], tuple[str, ...]]] = MappingProxyType(_WORDINGS)
"""The default voice's wordings: for each ``(MoveKind, topic)``, its variants in rotation order.

Topic ``""`` is the wording for a topic without its own. Read them out loud,
or start a coach's own file from them.

>>> WORDINGS[(MoveKind.OPEN_QUESTION, "what_got_in_the_way")][0]
'What got in the way?'
"""

_PRAISE: Final = {
    WinSize.SMALL: (
        "That's worth celebrating.",
        "Small steps like that add up.",
        "That counts, and it's worth noticing.",
    ),
    WinSize.BIG: (
        "That's a big deal. Well done!",
        "That's a real achievement.",
        "That's huge, and you made it happen.",
    ),
    WinSize.MILESTONE: (
        "What a milestone!",
        "That's a milestone worth marking.",
        "Look how far you've come.",
    ),
}
"""Praise by the size of a win, in rotation order: a message never praises twice alike."""


# --- Templates -----------------------------------------------------------------------------

_FORMATTER: Final = string.Formatter()

# A sentence ends at ., !, ? or an ellipsis followed by white space, inside the wording's own
# words; a placeholder's value never ends one.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?\u2026])\s+")

# A wording opening with one of these gets its first letter capitalised ("this" -> "This").
# The others hold the client's words, quoted, or (what) the win as recorded: left as written.
_VOICE_MADE: Final = frozenset({"action", "step", "by", "count", "unit", "check_ins", "after"})


@attrs.frozen
class _Wording:
    """A wording, read once when the voice is made.

    Attributes:
        text: The wording as written.
        parts: Its literal text and placeholders, in order: (literal, name or None).
        sentences: For each of its sentences that has words of its own, those words
            (the literal stretches between placeholders), to spot it in an earlier text
            whatever its placeholders were filled with.
    """

    text: str
    parts: tuple[tuple[str, str | None], ...]
    sentences: tuple[tuple[str, ...], ...]

    def fill(self, values: Mapping[str, str]) -> str:
        """The wording with each placeholder replaced by its value, inserted as it is."""
        pieces: list[str] = []
        for literal, name in self.parts:
            pieces.append(literal)
            if name is not None:
                value = values.get(name, "")
                if not pieces[0] and len(pieces) == 1 and name in _VOICE_MADE:
                    value = value[:1].upper() + value[1:]
                pieces.append(value)
        return "".join(pieces)

    def seen_in(self, text: str) -> bool:
        """Whether *text* already holds one of this wording's sentences."""
        return any(all(words in text for words in sentence) for sentence in self.sentences)


def _words(chunks: Sequence[str]) -> tuple[str, ...]:
    stripped = (chunk.strip() for chunk in chunks)
    return tuple(chunk for chunk in stripped if any(c.isalpha() for c in chunk))


def _compiled(text: str) -> _Wording:
    """Read a checked wording into its parts and its sentences."""
    parts = tuple((literal, name) for literal, name, _spec, _conv in _FORMATTER.parse(text))
    sentences: list[tuple[str, ...]] = []
    chunks: list[str] = []
    chunk = ""
    for literal, name in parts:
        first, *rest = _SENTENCE_END.split(literal)
        chunk += first
        for piece in rest:
            words = _words([*chunks, chunk])
            if words:
                sentences.append(words)
            chunks, chunk = [], piece
        if name is not None:
            chunks.append(chunk)
            chunk = ""
    words = _words([*chunks, chunk])
    if words:
        sentences.append(words)
    # A sentence of one word of ours ("Your {what}.") would be spotted in almost any text; it
    # is left out when the wording has a sentence that says more.
    telling = [s for s in sentences if sum(len(words.split()) for words in s) > 1]
    return _Wording(text=text, parts=parts, sentences=tuple(telling or sentences))


_BUILT_IN: Final[Mapping[tuple[MoveKind, str], tuple[_Wording, ...]]] = {
    key: tuple(_compiled(text) for text in texts) for key, texts in _WORDINGS.items()
}


# --- Checking a coach's wordings -----------------------------------------------------------

_DEFAULT_TOPICS: Final = ("", "default")
_KINDS: Final = frozenset(kind.value for kind in MoveKind)


def _field(kind: MoveKind, topic: str) -> str:
    """A wording's place, as a coach would find it in their file: ``wordings.affirm.growth``."""
    shown = topic or "default"
    if not shown.isidentifier():
        shown = json.dumps(topic, ensure_ascii=False)
    return f"wordings.{kind.value}." + shown


def _texts(field: str, given: object) -> Iterator[tuple[str, str]]:
    """Each variant of a wording with its field, or the library's error naming the bad one."""
    if isinstance(given, str):
        yield field, given
        return
    if not isinstance(given, list | tuple):
        raise InvalidValueError(field, given, "expected a wording (text) or a list of wordings")
    if not given:
        raise InvalidValueError(field, given, "expected at least one wording")
    for index, item in enumerate(given):
        if not isinstance(item, str):
            raise InvalidValueError(f"{field}[{index}]", item, "expected a wording (text)")
        yield f"{field}[{index}]", item


def _checked_wording(field: str, text: str) -> _Wording:
    if not text.strip():
        raise InvalidValueError(field, text, "expected a non-empty wording")
    try:
        fields = list(_FORMATTER.parse(text))
    except ValueError as error:
        raise InvalidValueError(
            field, text, f"{error}; write {{{{ and }}}} for literal braces"
        ) from error
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise InvalidValueError(
                field,
                text,
                f"{{{shown}}} is not a placeholder; use one of "
                + ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS))
                + ", or {{ and }} for literal braces",
            )
    return _compiled(text)


_Entry = tuple[str, tuple[MoveKind, str], object]


def _from_pairs(wordings: object) -> Iterator[_Entry]:
    if not isinstance(wordings, Mapping):
        raise InvalidValueError(
            "wordings", wordings, "expected a mapping of (MoveKind, topic) to wordings"
        )
    for key, given in wordings.items():
        if (
            not isinstance(key, tuple)
            or len(key) != 2  # a (move, topic) pair
            or not isinstance(key[0], MoveKind)
            or not isinstance(key[1], str)
        ):
            raise InvalidValueError(
                "wordings", key, "a key is a (MoveKind, topic) pair, such as (MoveKind.AFFIRM, '')"
            )
        kind, topic = key
        yield _field(kind, topic), (kind, topic), given


def _from_data(data: object) -> Iterator[_Entry]:
    if not isinstance(data, Mapping):
        raise InvalidValueError(
            "wordings", data, "expected a table of moves, such as {'affirm': {'default': '...'}}"
        )
    kinds = ", ".join(repr(kind.value) for kind in MoveKind)
    for name, topics in data.items():
        if not isinstance(name, str) or name not in _KINDS:
            raise InvalidValueError(f"wordings.{name}", name, f"not a kind of move; use {kinds}")
        kind = MoveKind(name)
        if not isinstance(topics, Mapping):
            raise InvalidValueError(
                f"wordings.{name}", topics, "expected a table of topics to wordings"
            )
        if all(default in topics for default in _DEFAULT_TOPICS):
            raise InvalidValueError(
                f"wordings.{name}.default",
                topics["default"],
                'the default wording is given twice, as "" and as "default"',
            )
        for topic, given in topics.items():
            if not isinstance(topic, str):
                raise InvalidValueError(f"wordings.{name}", topic, "a topic is text")
            key = (kind, "" if topic in _DEFAULT_TOPICS else topic)
            yield _field(kind, topic), key, given


def _read(path: str | os.PathLike[str]) -> object:
    """The plain data in a TOML or JSON file, or the library's error saying what is wrong."""
    given: object = path
    if not isinstance(given, str | os.PathLike):
        raise InvalidValueError("path", given, "expected a file path")
    where = Path(path)
    suffix = where.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise InvalidValueError("path", str(where), "expected a .toml or .json file")
    try:
        text = where.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidValueError("path", str(where), "no such file") from None
    except UnicodeDecodeError as error:
        raise InvalidValueError("path", str(where), f"not UTF-8 text: {error}") from None
    except OSError as error:
        raise InvalidValueError(
            "path", str(where), f"cannot be read: {error.strerror or error}"
        ) from None
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except ValueError as error:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        kind = "TOML" if suffix == ".toml" else "JSON"
        raise InvalidValueError("path", str(where), f"not valid {kind}: {error}") from None


def _tone_findings(wording: _Wording) -> tuple[Finding, ...]:
    return review(wording.fill(SAMPLE_VALUES)).findings


# --- The voice -----------------------------------------------------------------------------


def _strip_lead(text: str, *words: str) -> str:
    stripped = text.strip()
    for word in words:
        if stripped.lower().startswith(word + " "):
            return stripped[len(word) + 1 :]
    return stripped


def _start(move: Move, variants: int) -> int:
    """Where a move starts among its variants: a stable checksum of what it says."""
    if variants == 1:
        return 0
    win = move.win
    facts = (
        move.kind.value,
        move.topic,
        move.expectation or "",
        move.goal or "",
        move.action or "",
        move.quote or "",
        move.response or "",
        move.step or "",
        "" if move.count is None else str(move.count),
        win.id if win is not None else "",
    )
    return zlib.crc32("\x1f".join(facts).encode("utf-8", "surrogatepass")) % variants


class EnglishVoice:
    """The default voice: plain, warm English that quotes the client's own words.

    Args:
        wordings: A coach's own wordings, each replacing the built-in
            variants for its ``(MoveKind, topic)``: one text, or a list or
            tuple of variants. Topic ``""`` is the wording for any topic
            without its own.
        strict: Refuse a wording that the tone review flags, rather than
            warn about it.

    Raises:
        InvalidValueError: If a key is not a ``(MoveKind, topic)`` pair, a
            wording is not text or is empty, or it uses anything but the
            documented placeholders (``field`` names it, such as
            ``"wordings.affirm.growth[1]"``); with *strict*, if the tone
            review flags a wording.

    Warns:
        ToneWarning: For each wording that the tone review flags, with what
            it found and a reframe.

    >>> from zoneinfo import ZoneInfo
    >>> EnglishVoice().render([Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")],
    ...                       ZoneInfo("UTC"))
    "What's been going on for you lately?"
    >>> voice = EnglishVoice({(MoveKind.AFFIRM, ""): ["Thanks for staying with this."]})
    >>> voice.render([Move(kind=MoveKind.AFFIRM)], ZoneInfo("UTC"))
    'Thanks for staying with this.'
    """

    def __init__(
        self,
        wordings: Mapping[tuple[MoveKind, str], str | Sequence[str]] | None = None,
        *,
        strict: bool = False,
    ) -> None:
        self._load(_from_pairs({} if wordings is None else wordings), strict=strict)

    @classmethod
    def from_dict(cls, data: Mapping[str, object], *, strict: bool = False) -> EnglishVoice:
        """A voice with a coach's wordings from plain data, as read from JSON or TOML.

        Args:
            data: Wordings by kind of move (a `MoveKind` value such as
                ``"acknowledge"``), then by topic, with ``"default"`` or
                ``""`` for any other topic. A wording is one text or a list
                of variants.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.

        Raises:
            InvalidValueError: If the data is not shaped like that, names
                a kind of move that does not exist, or a wording is not
                text, is empty or uses anything but the documented
                placeholders; ``field`` is the wording's key path, such as
                ``"wordings.acknowledge.setback[1]"``. With *strict*, also
                if the tone review flags a wording.

        Warns:
            ToneWarning: For each wording that the tone review flags.

        >>> voice = EnglishVoice.from_dict(
        ...     {"open_question": {"reconnect": ["How's your week going?", "What's new?"]}}
        ... )
        >>> voice.variants(Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect"))
        ("How's your week going?", "What's new?")
        """
        voice = cls.__new__(cls)
        voice._load(_from_data(data), strict=strict)
        return voice

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, strict: bool = False) -> EnglishVoice:
        """A voice with a coach's wordings from a ``.toml`` or ``.json`` file.

        The file holds the data `from_dict` takes; its suffix says how to
        read it. Reading a file is the caller's choice: the rest of the
        library does no I/O.

        Args:
            path: The file.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.

        Raises:
            InvalidValueError: If the file is missing or unreadable, is not
                ``.toml`` or ``.json``, or is not valid TOML or JSON
                (``field="path"``); or for any problem `from_dict` refuses.

        Warns:
            ToneWarning: For each wording that the tone review flags.
        """
        voice = cls.__new__(cls)
        voice._load(_from_data(_read(path)), strict=strict)
        return voice

    def _load(self, entries: Iterator[_Entry], *, strict: bool) -> None:
        if not isinstance(strict, bool):
            raise InvalidValueError("strict", strict, "expected True or False")
        custom: dict[tuple[MoveKind, str], tuple[_Wording, ...]] = {}
        for field, key, given in entries:
            variants = tuple(_texts(field, given))
            custom[key] = tuple(_checked_wording(where, text) for where, text in variants)
            for (where, text), wording in zip(variants, custom[key], strict=True):
                findings = _tone_findings(wording)
                if not findings:
                    continue
                if strict:
                    raise InvalidValueError(
                        where, text, f"the tone review flags it: {_described(findings)}"
                    )
                # 3: past _load and the constructor, to the line that made the voice.
                warnings.warn(ToneWarning(where, text, findings), stacklevel=3)
        self._custom = len(custom)
        self._wordings = {**_BUILT_IN, **custom}

    def _variants(self, move: Move) -> tuple[_Wording, ...]:
        return self._wordings.get((move.kind, move.topic)) or self._wordings[(move.kind, "")]

    def variants(self, move: Move) -> tuple[str, ...]:
        """The wordings this voice may render *move* with, as written, in rotation order.

        >>> len(DEFAULT_VOICE.variants(Move(kind=MoveKind.OPEN_QUESTION))) > 1
        True
        """
        return tuple(wording.text for wording in self._variants(move))

    def values(self, move: Move, zone: tzinfo) -> dict[str, str]:
        """The placeholder values for a move: quoted client words, dates in the client's zone."""
        win = move.win
        plan = ""
        if move.kind is MoveKind.SURFACE_PLAN and move.quote:
            obstacle = _strip_lead(move.quote, "if").rstrip(",. ")
            response = _strip_lead(move.response or "", "then").rstrip(". ")
            plan = en.quoted(f"If {obstacle}, then {response}.")
        count = move.count if move.count is not None else (win.count if win else None)
        unit = ""
        if win is not None and win.period:
            unit = win.period if count == 1 else f"{win.period}s"
        return {
            "quote": en.quoted((move.quote or "").strip().rstrip(".")),
            "said": en.said(move.quote),
            "after": (
                f"after {win.count} days away"
                if win is not None and win.count and win.period == "day"
                else "after the setback"
            ),
            "action": en.quoted(move.action) if move.action else "this",
            "step": en.quoted(move.step) if move.step else "a smaller version of it",
            "by": en.long_day(move.by, zone) if move.by else "the end of the week",
            "count": str(count) if count is not None else "a few",
            "check_ins": "the last check-in"
            if count == 1
            else f"the last {count if count is not None else 'few'} check-ins",
            "unit": unit,
            "what": win.what if win is not None else "",
            "praise": _PRAISE[win.size if win is not None else WinSize.SMALL][0],
            "plan": plan,
        }

    def say(self, move: Move, zone: tzinfo, previous: str = "") -> str:
        """One move in words: the first variant, from the move's own start, not seen in *previous*.

        If *previous* holds a sentence of every variant, the move's start variant is used.
        """
        variants = self._variants(move)
        start = _start(move, len(variants))
        chosen = variants[start]
        if previous and len(variants) > 1:
            for offset in range(len(variants)):
                candidate = variants[(start + offset) % len(variants)]
                if not candidate.seen_in(previous):
                    chosen = candidate
                    break
        values = self.values(move, zone)
        if previous and move.win is not None:
            # Two wins of one size in one message: praise each in its own words.
            praises = _PRAISE[move.win.size]
            values["praise"] = next((p for p in praises if p not in previous), praises[0])
        return chosen.fill(values)

    def render(self, moves: Sequence[Move], zone: tzinfo, previous: str = "") -> str:
        """The message: each move in words, in order, as one paragraph.

        Args:
            moves: The moves, in order.
            zone: The client's time zone, to read dates in.
            previous: The text of the last follow-up sent to this client,
                empty if none. No move is worded with a variant whose
                sentences it, or the moves before in this message, already
                hold, while another variant is left.

        Raises:
            InvalidValueError: If *moves* holds something other than moves,
                *zone* is not a `tzinfo` or *previous* is not text.
        """
        given: object = moves
        if isinstance(given, str | bytes) or not isinstance(given, Sequence):
            raise InvalidValueError("moves", given, "expected a sequence of moves")
        for index, move in enumerate(given):
            if not isinstance(move, Move):
                raise InvalidValueError(f"moves[{index}]", move, "expected a Move")
        if not isinstance(zone, tzinfo):
            raise InvalidValueError("zone", zone, "expected a tzinfo, such as ZoneInfo('UTC')")
        if not isinstance(previous, str):
            raise InvalidValueError("previous", previous, "expected the text of a follow-up")
        # Each move avoids the sentences of the last follow-up and of the moves before it.
        said: list[str] = []
        for move in moves:
            sentence = self.say(move, zone, " ".join([previous, *said]) if said else previous)
            if sentence:
                said.append(sentence)
        return " ".join(said)

    def __repr__(self) -> str:
        return f"EnglishVoice({self._custom} custom wordings)" if self._custom else "EnglishVoice()"


DEFAULT_VOICE: Final = EnglishVoice()
"""The voice `suggest` uses unless told otherwise."""


def phrase(follow_up: FollowUp, assessment: Assessment, voice: Voice | None = None) -> FollowUp:
    """The follow-up with its text: the voice renders its moves.

    The last stage but one of the pipeline: `decide` chooses the moves and
    `phrase` puts them into words, reading dates in the client's zone and
    avoiding the sentences of the last follow-up sent.

    Args:
        follow_up: A follow-up as `decide` returns it.
        assessment: The assessment it was decided from.
        voice: The voice to render with; the default English voice by default.

    Returns:
        The same follow-up with ``text`` filled in (empty for a wait).

    Raises:
        InvalidValueError: If an argument is of the wrong type.

    >>> from accountability import assess, decide
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> journal = example_journal()
    >>> assessment = assess(journal, EXAMPLE_NOW)
    >>> print(phrase(decide(assessment), assessment).text[:30])
    You said: “Ran 8 km without st
    """
    if not isinstance(follow_up, FollowUp):
        raise InvalidValueError("follow_up", follow_up, "expected a FollowUp")
    if not isinstance(assessment, Assessment):
        raise InvalidValueError("assessment", assessment, "expected an Assessment")
    chosen = DEFAULT_VOICE if voice is None else voice
    if not callable(getattr(chosen, "render", None)):
        raise InvalidValueError("voice", chosen, "expected a Voice (an object with render())")
    last = assessment.last_follow_up
    text = chosen.render(
        follow_up.moves, ZoneInfo(assessment.zone), previous=last.text if last is not None else ""
    )
    return attrs.evolve(follow_up, text=text)
