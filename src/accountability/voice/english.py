"""Phrase: a voice turns a follow-up's moves into words, quoting the client's own.

The default English voice, `EnglishVoice`, has two to four wordings for
each kind of move and topic, all in the same plain, warm register; the
words themselves are data, in `accountability.voice.wordings`. Which
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
data shaped like JSON or TOML (`EnglishVoice.from_dict`), or from TOML or
JSON text (`EnglishVoice.from_toml`, `EnglishVoice.from_json`). Reading
that text from a file is the caller's job, as everywhere in the library;
the command line's ``--voice`` option does it. Data is keyed by the kind
of move (`MoveKind` values such as ``"acknowledge"``), then by topic, with
``"default"`` (or ``""``) for the wording used for any other topic:

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
import re
import string
import sys
import warnings
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import tzinfo
from types import MappingProxyType
from typing import Any, Final, Protocol
from zoneinfo import ZoneInfo

import attrs

from accountability import _english as en
from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import Assessment
from accountability.language.tone import Finding, review
from accountability.policy.followup import FollowUp, Move, MoveKind
from accountability.record.model import WinSize
from accountability.voice.wordings import PRAISE, WORDINGS

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
    key: tuple(_compiled(text) for text in texts) for key, texts in WORDINGS.items()
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


def _tone_findings(wording: _Wording) -> tuple[Finding, ...]:
    return review(wording.fill(SAMPLE_VALUES)).findings


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
            findings = _tone_findings(wording)
            if not findings:
                continue
            if strict:
                raise InvalidValueError(
                    where, text, f"the tone review flags it: {_described(findings)}"
                )
            warnings.warn(ToneWarning(where, text, findings), stacklevel=_outside_this_module())
    return custom


def _as_items(
    wordings: Mapping[tuple[MoveKind, str], tuple[str, ...]],
) -> frozenset[tuple[tuple[MoveKind, str], tuple[str, ...]]]:
    """What two voices compare and hash by: the same wordings for the same moves, in any order."""
    return frozenset(wordings.items())


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


@attrs.frozen(init=False, repr=False)
class EnglishVoice:
    """The default voice: plain, warm English that quotes the client's own words.

    A voice is a frozen value. Two voices with the same wordings are equal
    (and hash alike), a voice pickles with its wordings already checked, and
    `attrs.evolve` makes a voice with other wordings, checked like any new
    one.

    Args:
        wordings: A coach's own wordings, each replacing the built-in
            variants for its ``(MoveKind, topic)``: one text, or a list or
            tuple of variants. Topic ``""`` is the wording for any topic
            without its own.
        strict: Refuse a wording that the tone review flags, rather than
            warn about it.

    Attributes:
        wordings: The coach's own wordings, read-only: for each
            ``(MoveKind, topic)`` they replace, the variants in rotation
            order. Empty for the built-in voice; every move they do not
            cover is worded as in `WORDINGS`.

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
    >>> voice.wordings[(MoveKind.AFFIRM, "")]
    ('Thanks for staying with this.',)
    >>> voice == EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks for staying with this."})
    True
    """

    wordings: Mapping[tuple[MoveKind, str], tuple[str, ...]] = attrs.field(eq=_as_items)
    _custom: _Custom = attrs.field(init=False, eq=False)

    def __init__(
        self,
        wordings: Mapping[tuple[MoveKind, str], str | Sequence[str]] | None = None,
        *,
        strict: bool = False,
    ) -> None:
        if not isinstance(strict, bool):
            raise InvalidValueError("strict", strict, "expected True or False")
        custom = _checked(_from_pairs({} if wordings is None else wordings), strict=strict)
        texts = {key: tuple(wording.text for wording in found) for key, found in custom.items()}
        self.__attrs_init__(MappingProxyType(texts))
        object.__setattr__(self, "_custom", custom)  # what the wordings read as, checked

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
        return cls(_pairs(data), strict=strict)

    @classmethod
    def from_toml(cls, text: str, *, strict: bool = False) -> EnglishVoice:
        """A voice with a coach's wordings from TOML text, such as a file's contents.

        The text holds the data `from_dict` takes: a table for each kind of
        move, and in it a wording or a list of variants for each topic.
        Reading the text from a file is the caller's job: the library does
        no I/O, and the command line's ``--voice`` option reads one.

        Args:
            text: The TOML document.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.

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
        return cls.from_dict(data, strict=strict)

    @classmethod
    def from_json(cls, text: str, *, strict: bool = False) -> EnglishVoice:
        """A voice with a coach's wordings from JSON text, such as a file's contents.

        The text holds the data `from_dict` takes, as a JSON object. Reading
        it from a file is the caller's job, as for `from_toml`.

        Args:
            text: The JSON document.
            strict: Refuse a wording that the tone review flags, rather
                than warn about it.

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
        return cls.from_dict(data, strict=strict)

    def __getstate__(self) -> dict[str, object]:
        # A mappingproxy does not pickle: the wordings travel as a dict, already checked.
        return {"wordings": dict(self.wordings), "custom": self._custom}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "wordings", MappingProxyType(state["wordings"]))
        object.__setattr__(self, "_custom", state["custom"])

    def _variants(self, move: Move) -> tuple[_Wording, ...]:
        key, fallback = (move.kind, move.topic), (move.kind, "")
        custom = self._custom
        return custom.get(key) or _BUILT_IN.get(key) or custom.get(fallback) or _BUILT_IN[fallback]

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
            "praise": PRAISE[win.size if win is not None else WinSize.SMALL][0],
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
            praises = PRAISE[move.win.size]
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
        count = len(self.wordings)
        return f"EnglishVoice({count} custom wordings)" if count else "EnglishVoice()"


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
    if isinstance(chosen, type) or not callable(getattr(chosen, "render", None)):
        raise InvalidValueError("voice", chosen, "expected a Voice (an object with render())")
    last = assessment.last_follow_up
    text: object = chosen.render(
        follow_up.moves, ZoneInfo(assessment.zone), previous=last.text if last is not None else ""
    )
    if not isinstance(text, str):
        raise InvalidValueError("voice", chosen, f"render() returned {text!r}, expected text")
    return attrs.evolve(follow_up, text=text)
