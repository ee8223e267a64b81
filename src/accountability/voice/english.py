"""Phrase: a voice turns a follow-up's moves into words, quoting the client's own.

The default English voice, `EnglishVoice`, speaks in three registers, one
for each `Directness` a client can ask for: gentle (more validation, softer
asks), balanced, and direct (short and plain: the facts and the ask). With
no register of its own, as the default voice, it speaks in the register of
the client's agreement when `phrase` words a follow-up. The words
themselves are data, in `accountability.voice.wordings`: three to seven
variants for each kind of move and topic. Which one a move gets is decided
by the move itself (a stable checksum of its kind, topic and facts), so the
same follow-up always reads the same.

## Memory

`phrase` hands the voice the texts of the follow-ups sent to the client in
the last eight weeks, oldest first. While a move has a variant left, the
voice never repeats a sentence of the client's last five messages, whatever
its placeholders were filled with, nor a sentence of the same message; of
the variants left it takes the one used longest ago. A message that would
read exactly as one of those eight weeks is worded otherwise, while any
other wording is left.

The client's words (their why, their fears, their if-then plans, their
wins) are quoted verbatim between quotation marks: a voice never
paraphrases them into judgment. Client text is inserted literally, never
read as a template, so braces, dollar signs or markup in it are harmless.

## Natural English

A habit is referred to as a person would: by its short name
(`Expectation.name`) in the plural, "your morning walks"; without one, by
its action as a gerund, "walking for 30 minutes" (the participle is
inflect's); and quoted as agreed only when its first word is no verb one
can tell ("5 km run"). Spans of days read "a week", "ten days", "three
weeks", "over a month", "a long while"; counts read "once", "twice",
"three times".

## A coach's own wordings

A coach can replace any wording with one text or with several variants:
from a mapping of ``(MoveKind, topic)`` pairs (`EnglishVoice`), from plain
data shaped like JSON or TOML (`EnglishVoice.from_dict`), or from TOML or
JSON text (`EnglishVoice.from_toml`, `EnglishVoice.from_json`). Reading
that text from a file is the caller's job, as everywhere in the library;
the command line's ``--voice`` option does it. Data is keyed by the kind
of move (`MoveKind` values such as ``"acknowledge"``), then by topic, with
``"default"`` (or ``""``) for the wording used for any other topic. A
coach's wording is used in every register. A ``peer`` table replaces the
words of peer messages (`accountability.voice.peers.PEER_WORDINGS`), part
by part:

```toml
[acknowledge]
setback = [
    "Thank you for telling me: {said} I'm so sorry it's been this hard.",
    "I'm sorry to hear this: {said} Please take the time you need.",
]
default = "Thanks for letting me know."

[open_question]
what_got_in_the_way = "What made this week tricky?"

[peer.celebration]
opening = "Some good news from the group!"
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
| ``{habit}`` | The habit, named naturally: "your morning walks", "walking daily"; or "this". |
| ``{action}`` | The action agreed, quoted; "this" when the move names none. |
| ``{step}`` | The step offered or to recommit to, quoted; "a smaller version of it" if none. |
| ``{by}`` | The day asked for, on the client's calendar: "Friday 6 March". |
| ``{quote}`` | The client's words, quoted, without a closing full stop. |
| ``{said}`` | The client's words, quoted as a sentence. |
| ``{plan}`` | The client's if-then plan, quoted as one sentence. |
| ``{count}`` | The number the move speaks about (a streak's length, the days before a miss). |
| ``{days}`` | The move's count as a span of days: "a week", "three weeks", "a long while". |
| ``{times}`` | The move's count as how often: "once", "twice", "three times". |
| ``{since}`` | Since when: "since Tuesday", "since 3 March"; "lately" if unknown. |
| ``{unit}`` | A streak's unit, agreeing with the count: "days". |
| ``{check_ins}`` | The check-ins missed: "the last check-in", "the last three check-ins". |
| ``{after}`` | How long the client was away: "after two weeks away", "after the setback". |
| ``{what}`` | The win being celebrated, as recorded. |
| ``{praise}`` | Praise that fits the win's size: "That's a big deal. Well done!" |

When a wording opens with a placeholder that the voice fills with its own
words ("this", "your morning walks", "the last check-in"), the first letter
is capitalised; client words are never changed.
"""

from __future__ import annotations

import functools
import json
import re
import string
import sys
import warnings
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta, tzinfo
from types import MappingProxyType
from typing import Any, Final, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

import attrs

from accountability import _english as en
from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import Assessment
from accountability.language.tone import Finding, review
from accountability.policy.followup import FollowUp, Move, MoveKind
from accountability.record.model import Directness, WinSize
from accountability.voice.peers import PEER_WORDINGS
from accountability.voice.wordings import PRAISE, REGISTERS, WORDINGS

__all__ = [
    "DEFAULT_VOICE",
    "MEMORY_DAYS",
    "PLACEHOLDERS",
    "RECENT_MESSAGES",
    "SAMPLE_VALUES",
    "VOICES",
    "WORDINGS",
    "EnglishVoice",
    "PeerVoice",
    "ToneWarning",
    "Voice",
    "phrase",
    "seed_for",
]

MEMORY_DAYS: Final = 56
"""How far back `phrase` hands the voice the follow-ups sent: eight weeks.

No message is worded exactly as one sent in that time, while the voice has
another wording left.
"""

RECENT_MESSAGES: Final = 5
"""How many of the latest messages `EnglishVoice` repeats no sentence of, while it can."""


class Voice(Protocol):
    """Renders moves into the text of one message.

    A voice is deterministic: the same moves and the same previous texts
    always read the same.
    """

    def render(
        self, moves: Sequence[Move], zone: tzinfo, previous: str | Sequence[str] = ""
    ) -> str:
        """The message for these moves, with dates read in the client's *zone*.

        Args:
            moves: The follow-up's moves, in order.
            zone: The client's time zone.
            previous: The texts of the follow-ups already sent to this
                client, oldest first (`phrase` gives those of the last
                `MEMORY_DAYS`), or the text of the last one alone; empty if
                none. A voice avoids repeating their sentences.
        """


@runtime_checkable
class PeerVoice(Protocol):
    """A voice that also words peer messages, as `EnglishVoice` does.

    `accountability.circles.suggest_for_circle` words its peer messages
    with the ``peer_table`` of the voice it is given, when the voice has
    one, and with `accountability.voice.peers.PEER_WORDINGS` otherwise.
    """

    @property
    def peer_table(self) -> Mapping[str, Mapping[str, str]]:
        """The peer wordings in force: for each kind of peer message, its parts by name."""


PLACEHOLDERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "habit": 'The habit, named naturally: "your morning walks", "walking daily"; or "this".',
        "action": 'The action agreed, quoted; "this" when the move names none.',
        "step": 'The step offered or to recommit to, quoted; "a smaller version of it" if none.',
        "by": 'The day asked for, on the client\'s calendar: "Friday 6 March".',
        "quote": "The client's words, quoted, without a closing full stop.",
        "said": "The client's words, quoted as a sentence.",
        "plan": "The client's if-then plan, quoted as one sentence.",
        "count": "The number the move speaks about (a streak's length, the days before a miss).",
        "days": 'The move\'s count as a span of days: "a week", "three weeks", "a long while".',
        "times": 'The move\'s count as how often: "once", "twice", "three times".',
        "since": 'Since when: "since Tuesday", "since 3 March"; "lately" if unknown.',
        "unit": 'A streak\'s unit, agreeing with the count: "days".',
        "check_ins": 'The check-ins missed: "the last check-in", "the last three check-ins".',
        "after": 'How long the client was away: "after two weeks away", "after the setback".',
        "what": "The win being celebrated, as recorded.",
        "praise": "Praise that fits the win's size: \"That's a big deal. Well done!\"",
    }
)
"""The names a wording may use between braces, each with what it holds.

>>> sorted(PLACEHOLDERS)[:4]
['action', 'after', 'by', 'check_ins']
"""

SAMPLE_VALUES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "habit": "your morning walks",
        "action": "\u201cWalk for 20 minutes\u201d",
        "step": "\u201cWalk for 10 minutes\u201d",
        "by": "Friday 6 March",
        "quote": "\u201ca busy week at work\u201d",
        "said": "\u201cIt was a busy week at work.\u201d",
        "plan": "\u201cIf I work late, then I walk the next morning.\u201d",
        "count": "3",
        "days": "three weeks",
        "times": "three times",
        "since": "since Tuesday",
        "unit": "days",
        "check_ins": "the last three check-ins",
        "after": "after two weeks away",
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


# --- Templates -----------------------------------------------------------------------------

_FORMATTER: Final = string.Formatter()

# A sentence ends at ., !, ? or an ellipsis followed by white space, inside the wording's own
# words; a placeholder's value never ends one.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?\u2026])\s+")

# A wording opening with one of these gets its first letter capitalised ("this" -> "This").
# The others hold the client's words, quoted, or (what) the win as recorded: left as written.
_VOICE_MADE: Final = frozenset(
    {
        "habit",
        "action",
        "step",
        "by",
        "count",
        "days",
        "times",
        "since",
        "unit",
        "check_ins",
        "after",
    }
)

# The placeholders that hold the client's words: a move that quotes nothing is worded, while
# it can be, with a variant that uses neither.
_QUOTING: Final = frozenset({"quote", "said"})


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

    @property
    def quotes(self) -> bool:
        """Whether it quotes the client's words."""
        return any(name in _QUOTING for _literal, name in self.parts)


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


_Table = Mapping[tuple[MoveKind, str], tuple[_Wording, ...]]


@functools.cache
def _built_in(register: Directness) -> _Table:
    """A register's built-in wordings, read on first use."""
    return {
        key: tuple(_compiled(text) for text in texts) for key, texts in REGISTERS[register].items()
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


def _checked_wording(
    field: str, text: str, known: Mapping[str, str] | frozenset[str] = PLACEHOLDERS
) -> _Wording:
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
        if name not in known or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise InvalidValueError(
                field,
                text,
                f"{{{shown}}} is not a placeholder here; use "
                + (", ".join(f"{{{p}}}" for p in sorted(known)) + ", or " if known else "")
                + "{{ and }} for literal braces",
            )
    return _compiled(text)


_Entry = tuple[str, tuple[MoveKind, str], object]
_Custom = dict[tuple[MoveKind, str], tuple[_Wording, ...]]


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


def _pairs(data: object) -> dict[tuple[MoveKind, str], Any]:
    """Plain data, as read from TOML or JSON, keyed by ``(MoveKind, topic)`` as the voice takes it.

    The wordings themselves are left as they were given: the voice checks them.
    """
    if not isinstance(data, Mapping):
        raise InvalidValueError(
            "wordings", data, "expected a table of moves, such as {'affirm': {'default': '...'}}"
        )
    kinds = ", ".join(repr(kind.value) for kind in MoveKind)
    pairs: dict[tuple[MoveKind, str], Any] = {}
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
            pairs[(kind, "" if topic in _DEFAULT_TOPICS else topic)] = given
    return pairs


def _outside_this_module() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside this module.

    A voice is made by its constructor, `EnglishVoice.from_dict`, `EnglishVoice.from_toml`
    or `EnglishVoice.from_json`, each a different number of calls away from the
    warning; the line to point at is the caller's, whichever way it came.
    """
    frame = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
        level += 1
    return level


def _reviewed(where: str, text: str, filled: str, *, strict: bool) -> None:
    """Run a wording, filled with sample values, through the tone review: warn or refuse."""
    findings = review(filled).findings
    if not findings:
        return
    if strict:
        raise InvalidValueError(where, text, f"the tone review flags it: {_described(findings)}")
    warnings.warn(ToneWarning(where, text, findings), stacklevel=_outside_this_module())


def _checked(entries: Iterator[_Entry], *, strict: bool) -> _Custom:
    """A coach's wordings, each read and run through the tone review.

    Raises:
        InvalidValueError: If a wording is not one the voice can use, or, with
            *strict*, if the tone review flags it.

    Warns:
        ToneWarning: Without *strict*, for each wording the tone review flags.
    """
    custom: _Custom = {}
    for field, key, given in entries:
        variants = tuple(_texts(field, given))
        custom[key] = tuple(_checked_wording(where, text) for where, text in variants)
        for (where, text), wording in zip(variants, custom[key], strict=True):
            _reviewed(where, text, wording.fill(SAMPLE_VALUES), strict=strict)
    return custom


# Neutral values a coach's peer wording is filled with for the tone review.
_PEER_SAMPLES: Final = MappingProxyType(
    {
        "name": "Leo",
        "upcoming": "a check-in",
        "when": "tomorrow",
        "win": "\u201cRan my first 5k!\u201d",
        "streak": "7 days",
        "quotes": "\u201cMornings are hard.\u201d",
        "members": "3 members",
        "wins": "1 win",
        "kept": "87%",
        "window": "28 days",
    }
)


@functools.cache
def _peer_placeholders(kind: str, part: str) -> frozenset[str]:
    """The placeholders the built-in wording of a peer message's part fills: all a coach may use."""
    return frozenset(
        name for _literal, name, _spec, _conv in _FORMATTER.parse(PEER_WORDINGS[kind][part]) if name
    )


def _checked_peer(data: object, *, strict: bool) -> dict[str, dict[str, str]]:
    """A coach's peer wordings, by kind of peer message and part, checked like any wording.

    Raises:
        InvalidValueError: If the data is not a table of kinds, each a table of parts to
            wordings, names a kind or a part that does not exist, or a wording is not text,
            is empty, or uses a placeholder its part does not fill; with *strict*, if the
            tone review flags a wording.
    """
    if not isinstance(data, Mapping):
        raise InvalidValueError(
            "peer", data, "expected a table of peer messages, such as {'celebration': {...}}"
        )
    kinds = ", ".join(repr(kind) for kind in PEER_WORDINGS)
    checked: dict[str, dict[str, str]] = {}
    for kind, parts in data.items():
        if not isinstance(kind, str) or kind not in PEER_WORDINGS:
            raise InvalidValueError(
                f"peer.{kind}", kind, f"not a kind of peer message; use {kinds}"
            )
        if not isinstance(parts, Mapping):
            raise InvalidValueError(f"peer.{kind}", parts, "expected a table of parts to wordings")
        for part, text in parts.items():
            field = f"peer.{kind}.{part}"
            if not isinstance(part, str) or part not in PEER_WORDINGS[kind]:
                names = ", ".join(repr(name) for name in PEER_WORDINGS[kind])
                raise InvalidValueError(field, part, f"not a part of {kind}; use {names}")
            if not isinstance(text, str):
                raise InvalidValueError(field, text, "expected a wording (text)")
            wording = _checked_wording(field, text, _peer_placeholders(kind, part))
            _reviewed(field, text, wording.fill(_PEER_SAMPLES), strict=strict)
            checked.setdefault(kind, {})[part] = text
    return checked


def _as_items(
    wordings: Mapping[tuple[MoveKind, str], tuple[str, ...]],
) -> frozenset[tuple[tuple[MoveKind, str], tuple[str, ...]]]:
    """What two voices compare and hash by: the same wordings for the same moves, in any order."""
    return frozenset(wordings.items())


def _as_peer_items(
    wordings: Mapping[str, Mapping[str, str]],
) -> frozenset[tuple[str, str, str]]:
    """What two voices compare and hash their peer wordings by, in any order."""
    return frozenset(
        (kind, part, text) for kind, parts in wordings.items() for part, text in parts.items()
    )


# --- The voice -----------------------------------------------------------------------------


def _strip_lead(text: str, *words: str) -> str:
    stripped = text.strip()
    for word in words:
        if stripped.lower().startswith(word + " "):
            return stripped[len(word) + 1 :]
    return stripped


def _start(move: Move, variants: int, seed: str = "") -> int:
    """Where a move starts among its variants: a stable checksum of what it says.

    Its dates are part of it, and the *seed* `render` is given, so two
    clients in the same situation, or one client on two days, are not worded
    alike.
    """
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
        move.name or "",
        "" if move.by is None else str(move.by.timestamp()),
        "" if move.since is None else str(move.since.timestamp()),
        seed,
    )
    return zlib.crc32("\x1f".join(facts).encode("utf-8", "surrogatepass")) % variants


@attrs.frozen(init=False, repr=False)
class EnglishVoice:
    """The default voice: plain, warm English that quotes the client's own words.

    It speaks in one of three registers (`Directness`): gentle, balanced or
    direct, each with words of its own (`accountability.voice.wordings`).
    A coach's own wordings replace the built-in ones in every register.

    A voice is a frozen value. Two voices with the same wordings and
    register are equal (and hash alike), a voice pickles with its wordings
    already checked, and `attrs.evolve` makes a voice with other wordings,
    checked like any new one.

    Args:
        wordings: A coach's own wordings, each replacing the built-in
            variants for its ``(MoveKind, topic)``: one text, or a list or
            tuple of variants. Topic ``""`` is the wording for any topic
            without its own.
        strict: Refuse a wording that the tone review flags, rather than
            warn about it.
        register: The register to speak in. None (the default) speaks in
            the register of the client's agreement when `phrase` words a
            follow-up, and in the balanced register when `render` is called
            directly.
        peer_wordings: A coach's own words for peer messages, by kind of
            peer message and part, each replacing the built-in one in
            `accountability.voice.peers.PEER_WORDINGS` and using only the
            placeholders that part's built-in wording uses.

    Attributes:
        wordings: The coach's own wordings, read-only: for each
            ``(MoveKind, topic)`` they replace, the variants in rotation
            order. Empty for the built-in voice; every move they do not
            cover is worded as in the register's built-in table.
        register: The register it speaks in, or None for the client's own.
        peer_wordings: The coach's own peer wordings, read-only; empty for
            the built-in voice. `peer_table` holds the ones in force.

    Raises:
        InvalidValueError: If a key is not a ``(MoveKind, topic)`` pair, a
            wording is not text or is empty, or it uses anything but the
            documented placeholders (``field`` names it, such as
            ``"wordings.affirm.growth[1]"`` or
            ``"peer.celebration.opening"``); if *register* is not a
            `Directness`; with *strict*, if the tone review flags a wording.

    Warns:
        ToneWarning: For each wording that the tone review flags, with what
            it found and a reframe.

    >>> from zoneinfo import ZoneInfo
    >>> EnglishVoice().render([Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")],
    ...                       ZoneInfo("UTC"))
    "What's the latest with you?"
    >>> lapse = Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", name="morning walk", count=3)
    >>> EnglishVoice(register=Directness.DIRECT).render([lapse], ZoneInfo("UTC"))
    "It's been a patchy stretch for your morning walks lately."
    >>> voice = EnglishVoice({(MoveKind.AFFIRM, ""): ["Thanks for staying with this."]})
    >>> voice.render([Move(kind=MoveKind.AFFIRM)], ZoneInfo("UTC"))
    'Thanks for staying with this.'
    >>> voice.wordings[(MoveKind.AFFIRM, "")]
    ('Thanks for staying with this.',)
    >>> voice == EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks for staying with this."})
    True
    """

    wordings: Mapping[tuple[MoveKind, str], tuple[str, ...]] = attrs.field(eq=_as_items)
    register: Directness | None
    peer_wordings: Mapping[str, Mapping[str, str]] = attrs.field(eq=_as_peer_items)
    _custom: _Custom = attrs.field(init=False, eq=False)

    def __init__(
        self,
        wordings: Mapping[tuple[MoveKind, str], str | Sequence[str]] | None = None,
        *,
        strict: bool = False,
        register: Directness | None = None,
        peer_wordings: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        if not isinstance(strict, bool):
            raise InvalidValueError("strict", strict, "expected True or False")
        if register is not None and not isinstance(register, Directness):
            raise InvalidValueError(
                "register", register, "expected a Directness, such as Directness.DIRECT, or None"
            )
        custom = _checked(_from_pairs({} if wordings is None else wordings), strict=strict)
        peer = _checked_peer({} if peer_wordings is None else peer_wordings, strict=strict)
        texts = {key: tuple(wording.text for wording in found) for key, found in custom.items()}
        self.__attrs_init__(
            MappingProxyType(texts),
            register,
            MappingProxyType({kind: MappingProxyType(parts) for kind, parts in peer.items()}),
        )
        object.__setattr__(self, "_custom", custom)  # what the wordings read as, checked

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, object],
        *,
        strict: bool = False,
        register: Directness | None = None,
    ) -> EnglishVoice:
        """A voice with a coach's wordings from plain data, as read from JSON or TOML.

        Args:
            data: Wordings by kind of move (a `MoveKind` value such as
                ``"acknowledge"``), then by topic, with ``"default"`` or
                ``""`` for any other topic. A wording is one text or a list
                of variants. A ``"peer"`` table holds peer wordings by kind
                of peer message, then by part (see `EnglishVoice`).
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.
            register: The register to speak in, as for `EnglishVoice`.

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
        ...     {"open_question": {"reconnect": ["How's your week going?", "What's new?"]},
        ...      "peer": {"celebration": {"opening": "News from the group!"}}}
        ... )
        >>> voice.variants(Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect"))
        ("How's your week going?", "What's new?")
        >>> voice.peer_table["celebration"]["opening"]
        'News from the group!'
        """
        peer: object = None
        if isinstance(data, Mapping) and "peer" in data:
            peer = data["peer"]
            data = {name: topics for name, topics in data.items() if name != "peer"}
        return cls(
            _pairs(data),
            strict=strict,
            register=register,
            peer_wordings=peer,  # type: ignore[arg-type] # checked by the voice
        )

    @classmethod
    def from_toml(
        cls, text: str, *, strict: bool = False, register: Directness | None = None
    ) -> EnglishVoice:
        """A voice with a coach's wordings from TOML text, such as a file's contents.

        The text holds the data `from_dict` takes: a table for each kind of
        move, and in it a wording or a list of variants for each topic.
        Reading the text from a file is the caller's job: the library does
        no I/O, and the command line's ``--voice`` option reads one.

        Args:
            text: The TOML document.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.
            register: The register to speak in, as for `EnglishVoice`.

        Raises:
            InvalidValueError: If *text* is not a string or not valid TOML
                (``field="text"``), or for anything `from_dict` refuses.

        Warns:
            ToneWarning: For each wording that the tone review flags.

        >>> voice = EnglishVoice.from_toml('''
        ... [open_question]
        ... reconnect = ["How's your week going?", "What's new?"]
        ... default = "What's on your mind?"
        ... ''')
        >>> voice.variants(Move(kind=MoveKind.OPEN_QUESTION))
        ("What's on your mind?",)
        """
        import tomllib  # noqa: PLC0415 - only a voice read from TOML needs it

        if not isinstance(text, str):
            raise InvalidValueError("text", text, "expected TOML text (a str)")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InvalidValueError("text", text, f"not valid TOML: {error}") from None
        except RecursionError:
            raise InvalidValueError("text", text, "not valid TOML: nested too deeply") from None
        return cls.from_dict(data, strict=strict, register=register)

    @classmethod
    def from_json(
        cls, text: str, *, strict: bool = False, register: Directness | None = None
    ) -> EnglishVoice:
        """A voice with a coach's wordings from JSON text, such as a file's contents.

        The text holds the data `from_dict` takes, as a JSON object. Reading
        it from a file is the caller's job, as for `from_toml`.

        Args:
            text: The JSON document.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.
            register: The register to speak in, as for `EnglishVoice`.

        Raises:
            InvalidValueError: If *text* is not a string or not valid JSON
                (``field="text"``), or for anything `from_dict` refuses.

        Warns:
            ToneWarning: For each wording that the tone review flags.

        >>> EnglishVoice.from_json('{"affirm": {"default": "Thank you."}}').wordings
        mappingproxy({(<MoveKind.AFFIRM: 'affirm'>, ''): ('Thank you.',)})
        """
        if not isinstance(text, str):
            raise InvalidValueError("text", text, "expected JSON text (a str)")
        try:
            data = json.loads(text)
        except ValueError as error:  # JSONDecodeError
            raise InvalidValueError("text", text, f"not valid JSON: {error}") from None
        except RecursionError:
            raise InvalidValueError("text", text, "not valid JSON: nested too deeply") from None
        return cls.from_dict(data, strict=strict, register=register)

    def __getstate__(self) -> dict[str, object]:
        # A mappingproxy does not pickle: the wordings travel as dicts, already checked.
        return {
            "wordings": dict(self.wordings),
            "register": self.register,
            "peer": {kind: dict(parts) for kind, parts in self.peer_wordings.items()},
            "custom": self._custom,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        peer = {kind: MappingProxyType(parts) for kind, parts in state["peer"].items()}
        object.__setattr__(self, "wordings", MappingProxyType(state["wordings"]))
        object.__setattr__(self, "register", state["register"])
        object.__setattr__(self, "peer_wordings", MappingProxyType(peer))
        object.__setattr__(self, "_custom", state["custom"])

    @property
    def peer_table(self) -> Mapping[str, Mapping[str, str]]:
        """The peer wordings in force: the built-in ones, with the coach's own in their place.

        >>> DEFAULT_VOICE.peer_table["celebration"]["opening"]
        'Good news from your circle!'
        """
        if not self.peer_wordings:
            return PEER_WORDINGS
        return MappingProxyType(
            {
                kind: MappingProxyType({**parts, **self.peer_wordings.get(kind, {})})
                for kind, parts in PEER_WORDINGS.items()
            }
        )

    def speaking(self, register: Directness) -> EnglishVoice:
        """This voice in *register*, unless it has a register of its own.

        `phrase` words each follow-up with ``voice.speaking(directness)`` of
        the client's agreement. The coach's wordings are not checked again.

        >>> DEFAULT_VOICE.speaking(Directness.DIRECT).register
        <Directness.DIRECT: 'direct'>
        """
        if self.register is not None:
            return self
        if not isinstance(register, Directness):
            raise InvalidValueError("register", register, "expected a Directness")
        voice = object.__new__(EnglishVoice)
        voice.__setstate__({**self.__getstate__(), "register": register})
        return voice

    def _table(self) -> _Table:
        return _built_in(self.register or Directness.BALANCED)

    def _variants(self, move: Move) -> tuple[_Wording, ...]:
        key, fallback = (move.kind, move.topic), (move.kind, "")
        custom, built_in = self._custom, self._table()
        return custom.get(key) or built_in.get(key) or custom.get(fallback) or built_in[fallback]

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
            "habit": _habit(move),
            "quote": en.quoted((move.quote or "").strip().rstrip(".")),
            "said": en.said(move.quote),
            "after": (
                f"after {en.days_span(win.count)} away"
                if win is not None and win.count and win.period == "day"
                else "after the setback"
            ),
            "action": en.quoted(move.action) if move.action else "this",
            "step": en.quoted(move.step) if move.step else "a smaller version of it",
            "by": en.long_day(move.by, zone) if move.by else "the end of the week",
            "count": str(count) if count is not None else "a few",
            "days": en.days_span(count) if count is not None else "a while",
            "times": en.times(count) if count is not None and count > 0 else "a few times",
            "since": _since(move, zone),
            "check_ins": "the last check-in"
            if count == 1
            else f"the last {en.number(count) if count is not None else 'few'} check-ins",
            "unit": unit,
            "what": win.what if win is not None else "",
            "praise": PRAISE[win.size if win is not None else WinSize.SMALL][0],
            "plan": plan,
        }

    def say(
        self, move: Move, zone: tzinfo, previous: str | Sequence[str] = "", *, seed: str = ""
    ) -> str:
        """One move in words, with the variant `render` would give it after *previous*.

        Of the move's variants, the first from the move's own start that no
        text of *previous* holds a sentence of; when each is held, the one
        held longest ago.
        """
        history = _history(previous)
        return self._choices(move, zone, history, "", seed)[0][1]

    def _choices(
        self, move: Move, zone: tzinfo, history: Sequence[str], said: str, seed: str = ""
    ) -> list[tuple[_Wording, str]]:
        """The move's variants, best first, each with its words after *history* and *said*.

        A move that quotes nothing is not worded with a variant that quotes, while one is
        left. A variant is better when *said* (the message so far) holds none of its
        sentences, and when the last text of *history* holding one of them is older;
        otherwise the move's own rotation order decides.
        """
        variants = self._variants(move)
        start = _start(move, len(variants), seed)
        usable: Sequence[int] = range(len(variants))
        if not (move.quote or "").strip():
            # Nothing to quote: no variant that would show empty quotation marks, if any is left.
            usable = [i for i in usable if not variants[i].quotes] or usable

        def last_seen(wording: _Wording) -> int:
            return next(
                (i for i in range(len(history) - 1, -1, -1) if wording.seen_in(history[i])), -1
            )

        ranked = sorted(
            usable,
            key=lambda i: (
                bool(said) and variants[i].seen_in(said),
                last_seen(variants[i]) if history else -1,
                (i - start) % len(variants),
            ),
        )
        values = self.values(move, zone)
        if move.win is not None:
            values["praise"] = _praise(move.win.size, history, said)
        return [(variants[i], variants[i].fill(values)) for i in ranked]

    def _compose(
        self,
        moves: Sequence[Move],
        zone: tzinfo,
        history: Sequence[str],
        forced: tuple[int, int] | None = None,
        seed: str = "",
    ) -> tuple[str, list[int]]:
        """The message, and how many choices each move had; *forced* picks (move, choice)."""
        recent = history[-RECENT_MESSAGES:]
        said: list[str] = []
        counts: list[int] = []
        for index, move in enumerate(moves):
            choices = self._choices(move, zone, recent, " ".join(said), seed)
            counts.append(len(choices))
            pick = forced[1] if forced is not None and forced[0] == index else 0
            words = choices[min(pick, len(choices) - 1)][1]
            if words:
                said.append(words)
        return " ".join(said), counts

    def render(
        self,
        moves: Sequence[Move],
        zone: tzinfo,
        previous: str | Sequence[str] = "",
        *,
        seed: str = "",
    ) -> str:
        """The message: each move in words, in order, as one paragraph.

        Args:
            moves: The moves, in order.
            zone: The client's time zone, to read dates in.
            previous: The texts of the follow-ups already sent to this
                client, oldest first, or the text of the last one alone;
                empty if none. While a move has a variant left, no sentence
                of the last `RECENT_MESSAGES` texts nor of the moves before
                it in this message is said again, and the message is never
                worded exactly as any text given.
            seed: Any text that varies which wording each move starts from,
                so that clients in the same situation are not all worded
                alike; `phrase` gives the moment of the follow-up and when
                the client last spoke. The same moves, history and seed
                always read the same.

        Raises:
            InvalidValueError: If *moves* holds something other than moves,
                *zone* is not a `tzinfo` or *previous* is not text or a
                sequence of texts.
        """
        given: object = moves
        if isinstance(given, str | bytes) or not isinstance(given, Sequence):
            raise InvalidValueError("moves", given, "expected a sequence of moves")
        for index, move in enumerate(given):
            if not isinstance(move, Move):
                raise InvalidValueError(f"moves[{index}]", move, "expected a Move")
        if not isinstance(zone, tzinfo):
            raise InvalidValueError("zone", zone, "expected a tzinfo, such as ZoneInfo('UTC')")
        history = _history(previous)
        if not isinstance(seed, str):
            raise InvalidValueError("seed", seed, "expected text")
        text, counts = self._compose(moves, zone, history, seed=seed)
        if text and text in history:
            # Worded exactly as a message already sent: take another wording, last moves first.
            for index in range(len(moves) - 1, -1, -1):
                for choice in range(1, counts[index]):
                    other, _ = self._compose(moves, zone, history, (index, choice), seed)
                    if other not in history:
                        return other
        return text

    def __repr__(self) -> str:
        shown = []
        count = len(self.wordings) + sum(len(parts) for parts in self.peer_wordings.values())
        if count:
            shown.append(f"{count} custom wordings")
        if self.register is not None:
            shown.append(f"register={self.register.value!r}")
        return f"EnglishVoice({', '.join(shown)})"


def _history(previous: object) -> tuple[str, ...]:
    """The texts already sent, oldest first, from one text or a sequence of them."""
    if isinstance(previous, str):
        return (previous,) if previous else ()
    if isinstance(previous, bytes) or not isinstance(previous, Sequence):
        raise InvalidValueError(
            "previous", previous, "expected the text of a follow-up or a sequence of texts"
        )
    for index, text in enumerate(previous):
        if not isinstance(text, str):
            raise InvalidValueError(f"previous[{index}]", text, "expected the text of a follow-up")
    return tuple(text for text in previous if text)


def _praise(size: WinSize, history: Sequence[str], said: str) -> str:
    """Praise for a win of *size* that the message so far and, while it can, history lack."""
    praises = PRAISE[size]

    def last_seen(praise: str) -> int:
        return next((i for i in range(len(history) - 1, -1, -1) if praise in history[i]), -1)

    return min(praises, key=lambda p: (p in said, last_seen(p), praises.index(p)))


_OWNED: Final = ("my ", "your ", "the ")


def _habit(move: Move) -> str:
    """The habit as a person refers to it: "your morning walks", "walking for 30 minutes"."""
    name = (move.name or "").strip()
    if name:
        for lead in _OWNED:
            if name.lower().startswith(lead):
                name = name[len(lead) :].strip()
        return "your " + en.plural_noun(name)
    action = (move.action or "").strip()
    if action:
        return en.gerund(action) or en.quoted(action)
    return "this"


# Topics whose count is a number of days, so "since" can be told as a weekday when it is
# under a week ago. Other counts (missed periods, streaks) say nothing of the calendar.
_COUNTS_DAYS: Final = frozenset({"silence", "silence_in_grace", "long_lapse", "after_crisis"})
_WEEK: Final = 7


def _since(move: Move, zone: tzinfo) -> str:
    """Since when, as a person says it: "since Tuesday", "since 3 March", "lately".

    The voice has no clock: the move's count tells how far back *since* is, when the
    topic counts days. Under a week back the weekday is enough; otherwise the date is
    said, with its weekday when the distance is unknown but may be short.
    """
    if move.since is None:
        return "lately"
    day = en.local(move.since, zone)
    dated = f"since {day.day} {en.MONTHS[day.month - 1]}"
    count = move.count
    if move.topic in _COUNTS_DAYS and count is not None:
        return f"since {en.weekday(day)}" if count < _WEEK else dated
    if count is not None and count >= _WEEK:
        return dated
    return f"since {en.weekday(day)} {day.day} {en.MONTHS[day.month - 1]}"


DEFAULT_VOICE: Final = EnglishVoice()
"""The voice `suggest` uses unless told otherwise: the built-in words, in each client's register."""

VOICES: Final[Mapping[Directness, EnglishVoice]] = MappingProxyType(
    {register: EnglishVoice(register=register) for register in Directness}
)
"""The built-in voice in each register, by the directness an agreement asks for."""

_MEMORY: Final = timedelta(days=MEMORY_DAYS)


def phrase(follow_up: FollowUp, assessment: Assessment, voice: Voice | None = None) -> FollowUp:
    """The follow-up with its text: the voice renders its moves.

    The last stage but one of the pipeline: `decide` chooses the moves and
    `phrase` puts them into words, reading dates in the client's zone. It
    hands the voice the texts of the follow-ups sent in the last
    `MEMORY_DAYS` (`Assessment.follow_ups`), so it can avoid repeating
    itself. An `EnglishVoice` without a register of its own, such as the
    default one, speaks in the register of the client's agreement
    (``assessment.agreement.directness``).

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
    >>> print(phrase(decide(assessment), assessment).text[:38])
    In your words: “Ran 8 km without stopp
    """
    if not isinstance(follow_up, FollowUp):
        raise InvalidValueError("follow_up", follow_up, "expected a FollowUp")
    if not isinstance(assessment, Assessment):
        raise InvalidValueError("assessment", assessment, "expected an Assessment")
    chosen = DEFAULT_VOICE if voice is None else voice
    if isinstance(chosen, type) or not callable(getattr(chosen, "render", None)):
        raise InvalidValueError("voice", chosen, "expected a Voice (an object with render())")
    if isinstance(chosen, EnglishVoice):
        chosen = chosen.speaking(assessment.agreement.directness)
    since = assessment.now - _MEMORY
    history = [sent.text for sent in assessment.follow_ups if sent.at >= since and sent.text]
    zone = ZoneInfo(assessment.zone)
    if isinstance(chosen, EnglishVoice):
        # Clients in the same situation at other moments are worded differently.
        seed = seed_for(follow_up, assessment)
        text: object = chosen.render(follow_up.moves, zone, previous=history, seed=seed)
    else:
        text = chosen.render(follow_up.moves, zone, previous=history)
    if not isinstance(text, str):
        raise InvalidValueError("voice", chosen, f"render() returned {text!r}, expected text")
    return attrs.evolve(follow_up, text=text)


def seed_for(follow_up: FollowUp, assessment: Assessment) -> str:
    """The seed `phrase` gives an `EnglishVoice`: when the client last spoke and was written to.

    Two clients in the same situation are then worded differently, while the
    same suggestion reads the same from one moment to the next until
    something new is recorded. Instants are used, not how they were written,
    so the same moment on another clock reads alike. *follow_up* is what is
    being worded; its moves already vary the words by what they say.

    >>> from accountability import assess, decide
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> assessment = assess(example_journal(), EXAMPLE_NOW)
    >>> seed_for(decide(assessment), assessment)
    '1774807200.0|1773043200.0'
    """
    if not isinstance(follow_up, FollowUp):
        raise InvalidValueError("follow_up", follow_up, "expected a FollowUp")
    spoke = assessment.last_spoke.timestamp() if assessment.last_spoke is not None else 0.0
    last = assessment.last_follow_up
    return f"{spoke}|{last.at.timestamp() if last is not None else 0.0}"
