"""Audit: code a coach's sentences as a motivational-interviewing coder would, and score them.

`audit` reads a coach's messages in order, splits each into sentences and
gives every sentence one behaviour `MiCode`: an open or closed question, a
simple or complex reflection, an affirmation, advice with or without
permission, emphasising autonomy, confronting, or other. It then reports
the counts and the MITI 4 summary scores (an `Audit`) with a verdict for
each threshold:

| threshold | fair | good |
|---|---|---|
| reflections per question | at least 1 | at least 2 |
| complex reflections among reflections | at least 40 % | at least 50 % |
| confronting sentences | none | none |
| advice given without permission | none | none |

>>> report = audit(["It sounds like part of you wants to rest. What would help this week?"])
>>> [s.code.value for s in report.sentences]
['complex_reflection', 'open_question']
>>> report.reflections_per_question
1.0
>>> report.verdicts[MitiThreshold.REFLECTIONS_PER_QUESTION].value
'fair'

## How a message is split into sentences

A sentence ends at ``?``, ``!``, a full stop or an ellipsis followed by a
space, at a blank line, and at a line break that starts a list item or a
capitalised line. A full stop after an abbreviation (``e.g.``, ``i.e.``,
``Dr.``, ``vs.``) or a list number (``1.``) ends nothing; after ``etc.``,
``a.m.``, ``p.m.`` or ``min.``, and after an ellipsis, a sentence ends only
if the next word is capitalised. Emoji and closing brackets after the
punctuation stay with their sentence, and a fragment with no letters or
digits joins the sentence before it.

Text between paired quotation marks (straight ``"..."``, curly
``\u201c...\u201d`` and ``\u2018...\u2019``, ``\u201e...\u201c`` and ``\u00ab...\u00bb``) is the
client's own words being quoted back; curly quotations nest, so a client
who quotes someone else stays quoted. A quotation never ends a sentence
unless it closes on ``.``, ``!``, ``?`` or an ellipsis and a capitalised
word follows, and it is masked before coding, so a sentence is coded by its
frame: "You said
\u201cWhy do I even try?\u201d" is a reflection, not a question, and "You told me:
\u201cI should quit.\u201d" is not advice. Straight single quotes are read as
apostrophes, never as quotation marks.

## How a sentence is coded

The rules read the structure of the frame, in lower case with plain
apostrophes, in this order; the first that fits decides, and
`CodedSentence.cue` names the words that decided it.

1. **Confront**: disagreeing ("that's not true"), arguing, criticising
   ("you should have", "why didn't you"), labelling or shaming ("you're
   lazy", "you're making excuses", "I'm disappointed"), moralising or
   warning: a clause that opens with "you need to", "you have to", "you
   must" or "you've got to", "or else", "if you don't ..., you'll never ...".
   "You must be exhausted" guesses a feeling and is not a confrontation.
2. **Questions** (the frame ends in ``?``): a suggestion put as a question
   ("how about ...", "why don't you ...", "what if you tried ...") is advice.
   Otherwise the main clause decides, read from the last clause back and
   skipping tags such as "do you think": one that opens with an auxiliary
   ("did", "can", "would", "are" ...) is closed, unless it asks the client
   to tell or describe ("Can you tell me about ...") which is open; one with
   a wh-word or "how" is open, except those after a count, a time or a
   length ("how many", "how often", "what time"), and tag questions
   ("..., right?") which are closed. Anything else is closed.
3. **Open question without a question mark**: "tell me about ...", "say
   more", "walk me through ...", "I'm curious what ...", "I wonder how ...".
4. **Advice**: "you should", "you could", "you might want to", "I suggest",
   "I recommend", "my advice", "one option is", "one thing that might
   help", "some people find", "it might help to", "make sure", "let's", and
   an imperative: a clause that opens with a verb of
   action from a fixed list ("set", "try", "consider", "write", "put" ...),
   with "please", or with "don't" and a verb. Sign-offs and
   encouragement ("take care", "keep going", "don't worry", "take your
   time") are not advice.
5. **Emphasising autonomy**: "it's your call", "up to you", "you decide",
   "you know best what works for you", "whenever you're ready", "no
   pressure", "you don't have to", "the door is open".
6. **Reflection** from a reflective stem: "it sounds like", "it seems",
   "it looks like", "you said", "you told me", "you mentioned", "you're
   saying", "what I'm hearing", "you're feeling", "you feel", "you want",
   "part of you", "on one hand", "I imagine", "I wonder if", "you must be".
   Validation of a named feeling ("that fear makes sense") is a complex
   reflection.
7. **Affirmation**: genuine praise of the client's effort, strengths or
   values: "that took courage", "you showed up even on a hard week", "you've
   come a long way", "that's real progress", "well done", "thank you for
   being honest", "I appreciate you ...".
8. **Reflection** without a stem: a "that sounds ..." evaluation; a
   statement about the client that ends on their quoted words ("You made a
   plan for this: \u201c...\u201d") or that is only their quoted words; "as you
   said", "in your words"; a summary of what the client did ("So you ran
   twice.", "You went on Monday."); or of what they want or value ("...
   what you want", "... matters to you").
9. **Other**: everything else (information, scheduling, small talk).

A reflection is **complex** when it adds meaning, feeling or a double-sided
view: "on one hand ... on the other", "part of you", "even though", "what
matters most", "important to you", "because", a metaphor ("as if"), a guess
("maybe", "I imagine", "you must be"), an added interpretation (", and
that's ..."), or (except after "you said" and its kin, which report the
client's words) a feeling the client's quoted words do not carry ("that
sounds hard"). Otherwise it is **simple**.

## Permission

Advice is **with permission** when its own sentence asks for permission or
offers it as the client's choice ("if you're open to it, one option is
...", "one option, if it fits, ...", "it's your call, but you could ..."),
or when an earlier sentence of the **same message** asked ("Would it help
if I shared an idea?", "Can I offer a suggestion?") or named the client's
autonomy. Permission never carries from one message to the next: the
client's answer is not among the texts, so audit an exchange in which
permission was asked and granted as one message if you want it to count.
Because of this, messages are coded independently: auditing two lists one
after the other gives the same counts as auditing them joined.

## Limits

This is a transparent, rule-based coder for English, built for checking a
coach's own wording and for spotting trends; it is not a trained MITI
coder. It gives one code per sentence where a human coder may give two (a
reflection that also affirms), it cannot see what the client said so it
judges "simple" from the wording alone, and irony escapes it. Its lists
lean towards missing a behaviour rather than inventing one: a sentence it
cannot place is `MiCode.OTHER`, and confronting and unasked advice are only
coded on explicit wording. A sentence the tone review
(`accountability.language.tone.review`) flags is always a confront, so the
two checks never disagree about a sentence that judges the client.
``benchmarks/eval_audit.py`` measures it against hand-coded messages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from enum import StrEnum
from types import MappingProxyType
from typing import Final

import attrs

from accountability.exceptions import InvalidValueError
from accountability.language._lazy import LazyPattern
from accountability.language.tone import review

__all__ = ["CUTOFFS", "Audit", "CodedSentence", "MiCode", "MitiLevel", "MitiThreshold", "audit"]


class MiCode(StrEnum):
    """The behaviour a sentence performs, after the MITI 4 coding manual."""

    OPEN_QUESTION = "open_question"
    """A question that leaves the client room to answer in their own way.

    "What got in the way?", "How would you like this week to go?", and
    requests such as "Tell me about your week."
    """

    CLOSED_QUESTION = "closed_question"
    """A question answered with yes, no or a specific fact.

    "Did you go for the walk?", "Would it help to check in on Friday?",
    "How many days did you run?"
    """

    SIMPLE_REFLECTION = "simple_reflection"
    """A statement that repeats or lightly rephrases what the client said.

    "You said \u201cI want to be there for my kids.\u201d", "It sounds like the week
    was busy."
    """

    COMPLEX_REFLECTION = "complex_reflection"
    """A reflection that adds meaning, feeling or a double-sided view.

    "On one hand you love the mornings, and on the other you're exhausted.",
    "It sounds like what matters most is being there for your kids."
    """

    AFFIRMATION = "affirmation"
    """Genuine praise of the client's effort, strengths or values.

    "You showed up even on a hard week.", "That took courage."
    """

    ADVICE_WITH_PERMISSION = "advice_with_permission"
    """Advice or a suggestion given after asking, or offered as the client's choice.

    "Would it help if I shared an idea? You could set an alarm.", "If you're
    open to it, one option is a shorter walk."
    """

    ADVICE_WITHOUT_PERMISSION = "advice_without_permission"
    """Advice, a suggestion or an instruction given without asking first.

    "You should set an alarm.", "Try going to bed earlier.", "Set an alarm."
    """

    EMPHASISE_AUTONOMY = "emphasise_autonomy"
    """A statement that the client chooses and is in charge.

    "It's your call.", "You know best what works for you.", "No pressure."
    """

    CONFRONT = "confront"
    """Disagreeing, arguing, criticising, shaming, labelling, moralising or warning.

    "That's not true.", "You're making excuses.", "You need to stop."
    """

    OTHER = "other"
    """Anything else: information, scheduling, small talk, acknowledgement.

    "It's been 9 days since I last heard from you.", "Talk soon."
    """

    @property
    def is_question(self) -> bool:
        """Whether this code is a question, open or closed.

        >>> MiCode.OPEN_QUESTION.is_question
        True
        """
        return self in (MiCode.OPEN_QUESTION, MiCode.CLOSED_QUESTION)

    @property
    def is_reflection(self) -> bool:
        """Whether this code is a reflection, simple or complex.

        >>> MiCode.COMPLEX_REFLECTION.is_reflection
        True
        """
        return self in (MiCode.SIMPLE_REFLECTION, MiCode.COMPLEX_REFLECTION)


class MitiLevel(StrEnum):
    """Where a score stands against a MITI 4 threshold."""

    BELOW_FAIR = "below_fair"
    """Short of the threshold for fair practice."""

    FAIR = "fair"
    """At or above the threshold for fair practice, below good."""

    GOOD = "good"
    """At or above the threshold for good practice."""


class MitiThreshold(StrEnum):
    """A MITI 4 threshold that an audit is judged against."""

    REFLECTIONS_PER_QUESTION = "reflections_per_question"
    """Reflections per question: fair at 1, good at 2."""

    COMPLEX_REFLECTIONS = "complex_reflections"
    """The share of reflections that are complex: fair at 40 %, good at 50 %."""

    NO_CONFRONTING = "no_confronting"
    """No confronting at all: good with none, below fair with any."""

    ADVICE_WITH_PERMISSION = "advice_with_permission"
    """Advice only after permission: good with no advice given without it, below fair otherwise."""


CUTOFFS: Final[Mapping[MitiThreshold, tuple[float, float]]] = MappingProxyType(
    {
        MitiThreshold.REFLECTIONS_PER_QUESTION: (1.0, 2.0),
        MitiThreshold.COMPLEX_REFLECTIONS: (0.4, 0.5),
    }
)
"""The (fair, good) cut-offs of the MITI 4 ratio thresholds; a ratio at a cut-off reaches it."""


@attrs.frozen(kw_only=True)
class CodedSentence:
    """One sentence of a coach's message and the behaviour it was coded as.

    Attributes:
        message: The index of the message it comes from, in the order given.
        span: Where it lies in that message, as ``(start, end)`` offsets:
            ``texts[message][start:end] == text``.
        text: The sentence as written, quotation marks and all.
        code: What it does.
        cue: The words of the frame that decided the code, in lower case
            (``"it sounds like"``, ``"you should"``); empty for
            `MiCode.OTHER`. Quoted client words are shown as ``\u201c\u201d``.
    """

    message: int
    span: tuple[int, int]
    text: str
    code: MiCode
    cue: str = ""


def _level(value: float, fair: float, good: float) -> MitiLevel:
    if value >= good:
        return MitiLevel.GOOD
    return MitiLevel.FAIR if value >= fair else MitiLevel.BELOW_FAIR


@attrs.frozen(kw_only=True)
class Audit:
    """Every sentence of a coach's messages, coded, and the MITI 4 scores they add up to.

    Every score is computed from `sentences`, so an audit cannot disagree
    with itself.

    Attributes:
        sentences: Each sentence of each message, in order.

    >>> report = audit(["You said you're tired. Did you sleep?", "You should rest."])
    >>> report.counts[MiCode.SIMPLE_REFLECTION], report.counts[MiCode.CLOSED_QUESTION]
    (1, 1)
    >>> report.advice_without_permission
    1
    >>> report.verdicts[MitiThreshold.ADVICE_WITH_PERMISSION].value
    'below_fair'
    """

    sentences: tuple[CodedSentence, ...]

    @property
    def counts(self) -> Mapping[MiCode, int]:
        """How many sentences have each code; every code is present, zero or not."""
        found = Counter(sentence.code for sentence in self.sentences)
        return MappingProxyType({code: found[code] for code in MiCode})

    @property
    def questions(self) -> int:
        """How many questions, open and closed."""
        return sum(1 for sentence in self.sentences if sentence.code.is_question)

    @property
    def reflections(self) -> int:
        """How many reflections, simple and complex."""
        return sum(1 for sentence in self.sentences if sentence.code.is_reflection)

    @property
    def reflections_per_question(self) -> float | None:
        """Reflections divided by questions; None when there is no question."""
        questions = self.questions
        return self.reflections / questions if questions else None

    @property
    def complex_reflection_share(self) -> float | None:
        """Complex reflections as a share of all reflections, 0 to 1; None without any."""
        reflections = self.reflections
        if not reflections:
            return None
        complex_ones = sum(1 for s in self.sentences if s.code is MiCode.COMPLEX_REFLECTION)
        return complex_ones / reflections

    @property
    def confronting(self) -> int:
        """How many sentences confront the client."""
        return sum(1 for sentence in self.sentences if sentence.code is MiCode.CONFRONT)

    @property
    def advice_without_permission(self) -> int:
        """How many sentences give advice without permission."""
        return sum(
            1 for sentence in self.sentences if sentence.code is MiCode.ADVICE_WITHOUT_PERMISSION
        )

    @property
    def verdicts(self) -> Mapping[MitiThreshold, MitiLevel | None]:
        """Where each MITI 4 threshold stands; None where its ratio is undefined.

        The ratios use `CUTOFFS`. Confronting and advice without permission
        are good at zero and below fair otherwise; with no advice at all,
        advice was never given without permission, so that one is good.
        """
        verdicts: dict[MitiThreshold, MitiLevel | None] = {}
        for threshold, ratio in (
            (MitiThreshold.REFLECTIONS_PER_QUESTION, self.reflections_per_question),
            (MitiThreshold.COMPLEX_REFLECTIONS, self.complex_reflection_share),
        ):
            fair, good = CUTOFFS[threshold]
            verdicts[threshold] = None if ratio is None else _level(ratio, fair, good)
        verdicts[MitiThreshold.NO_CONFRONTING] = (
            MitiLevel.GOOD if not self.confronting else MitiLevel.BELOW_FAIR
        )
        verdicts[MitiThreshold.ADVICE_WITH_PERMISSION] = (
            MitiLevel.GOOD if not self.advice_without_permission else MitiLevel.BELOW_FAIR
        )
        return MappingProxyType(verdicts)


# --- Splitting ------------------------------------------------------------------------------

# Opening quotation mark -> the marks that close it.
_QUOTES: Final = {
    '"': '"',
    "\u201c": "\u201d",
    "\u201e": "\u201c\u201d",
    "\u00ab": "\u00bb",
    "\u2018": "\u2019",
}
_TERMINATORS: Final = ".!?\u2026"
_NOT_TRAILING: Final = ",;:-\u2013\u2014([{"
# A full stop after these never ends a sentence.
_ABBREVIATIONS: Final = frozenset(
    {"e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "mr", "mrs", "ms", "dr", "prof", "st", "jr"}
    | {"sr", "approx", "incl", "esp", "fig", "ca", "resp"}
)
# A full stop after these ends a sentence only if a capitalised word follows.
_MAYBE_ABBREVIATIONS: Final = frozenset({"etc", "a.m", "p.m", "min", "mins", "hr", "hrs"})
_LIST_MARKER: Final = LazyPattern(r"(?:[-*\u2022\u00b7]|\d{1,3}[.)])\s+")


def _closing(text: str, start: int, opener: str, closers: str) -> int | None:
    """Where the quotation opened just before *start* closes, or None if nothing closes it.

    Curly quotations nest, so a client who quotes someone inside their own
    words stays quoted. If the marks inside are unbalanced, the last closing
    mark is taken.
    """
    depth = 1
    last = None
    for j in range(start, len(text)):
        char = text[j]
        if char == opener and opener not in closers:
            depth += 1
        elif char in closers:
            if char == "\u2019" and j + 1 < len(text) and text[j + 1].isalnum():
                continue  # an apostrophe inside the quotation, as in don't
            depth -= 1
            last = j
            if depth == 0:
                return j
    return last


def _quotations(text: str) -> dict[int, int]:
    """The paired quotations of *text*: opening offset -> offset just past the closing mark.

    An opening mark that is never closed is read as a plain character.
    """
    spans: dict[int, int] = {}
    unclosed: set[str] = set()  # once a kind finds no closer, no later one will either
    i = 0
    while i < len(text):
        closers = _QUOTES.get(text[i])
        opens = closers is not None and closers not in unclosed
        if text[i] == "\u2018" and i > 0 and text[i - 1].isalnum():
            opens = False  # a letter then a turned comma is a typographic quirk, not a quote
        if closers is not None and opens:
            end = _closing(text, i + 1, text[i], closers)
            if end is not None:
                spans[i] = end + 1
                i = end + 1
                continue
            unclosed.add(closers)
        i += 1
    return spans


def _next_word_starts_sentence(text: str, at: int) -> bool:
    """Whether the text after *at* is empty or opens with a capital, a digit or a quotation."""
    while at < len(text) and text[at].isspace():
        at += 1
    if at == len(text):
        return True
    first = text[at]
    return first.isupper() or first.isdigit() or first in _QUOTES or first in "([\u00bf\u00a1"


def _full_stop_ends(text: str, start: int, at: int, after: int) -> bool:
    """Whether the single full stop at *at* ends the sentence that began at *start*."""
    begin = at
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:at].lstrip("([{\"'\u201c\u2018").lower()
    if token in _MAYBE_ABBREVIATIONS:
        return _next_word_starts_sentence(text, after)
    if token in _ABBREVIATIONS or "." in token:
        return False
    first = start
    while first < at and text[first].isspace():
        first += 1
    return not (token.isdigit() and begin == first)  # "1." opening a list item


def _newline_ends(text: str, at: int) -> bool:
    """Whether the line break at *at* ends a sentence: a blank line, a list item or a capital."""
    at += 1
    while at < len(text) and text[at] in " \t":
        at += 1
    if at == len(text) or text[at] in "\r\n":
        return True
    return bool(_LIST_MARKER.match(text, at)) or _next_word_starts_sentence(text, at)


def _is_symbol(text: str, at: int, quotations: Mapping[int, int]) -> bool:
    """Whether the character at *at* may trail a sentence: an emoji, a bracket, a stray mark."""
    char = text[at]
    return (
        not char.isalnum()
        and not char.isspace()
        and char not in _NOT_TRAILING
        and at not in quotations
    )


def _past_symbols(text: str, at: int, quotations: Mapping[int, int]) -> int:
    """Past any words made only of symbols (emoji) after *at*: they trail the sentence."""
    while True:
        begin = at
        while begin < len(text) and text[begin] in " \t":
            begin += 1
        end = begin
        while end < len(text) and _is_symbol(text, end, quotations) and text[end] not in _QUOTES:
            end += 1
        if end == begin or (end < len(text) and not text[end].isspace()):
            return at
        at = end


def _sentence_end(
    text: str, start: int, at: int, quotations: Mapping[int, int]
) -> tuple[int, bool]:
    """Past the run of end marks at *at*, and whether it ends the sentence begun at *start*."""
    n = len(text)
    run_end = at
    while run_end < n and text[run_end] in _TERMINATORS:
        run_end += 1
    after = run_end
    while after < n and _is_symbol(text, after, quotations):
        after += 1  # closing brackets, emoji, a stray closing quote
    if after < n and not text[after].isspace():
        return max(after, at + 1), False  # 3.5, e.g.,, ...and
    after = _past_symbols(text, after, quotations)
    run = text[at:run_end]
    if "?" in run or "!" in run:
        return after, True
    if "\u2026" in run or len(run) > 1:
        return after, _next_word_starts_sentence(text, after)
    return after, _full_stop_ends(text, start, at, after)


def _cuts(text: str, quotations: Mapping[int, int]) -> list[int]:
    """The offsets at which sentences end."""
    cuts: list[int] = []
    start = 0
    i = 0
    while i < len(text):
        ends = False
        if i in quotations:
            end = quotations[i]
            inner = text[i + 1 : end - 1].rstrip()
            ends = bool(inner) and inner[-1] in _TERMINATORS
            i = end
            ends = ends and _next_word_starts_sentence(text, i)
        elif text[i] == "\n":
            ends = _newline_ends(text, i)
            i += 1
            if ends:
                i -= 1  # the sentence ends before the line break
        elif text[i] in _TERMINATORS:
            i, ends = _sentence_end(text, start, i, quotations)
        else:
            i += 1
            continue
        if ends:
            cuts.append(i)
            start = i
            if text[i : i + 1] == "\n":
                i += 1
    return cuts


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _split(text: str, quotations: Mapping[int, int]) -> list[tuple[int, int]]:
    """The sentences of *text* as (start, end) offsets, without surrounding blanks or list marks.

    >>> text = "Nice work! You said \u201cI'm tired.\u201d Rest, e.g. a nap... or not?"
    >>> [text[a:b] for a, b in _split(text, _quotations(text))]
    ['Nice work!', "You said \u201cI'm tired.\u201d", 'Rest, e.g. a nap... or not?']
    """
    spans: list[list[int]] = []
    start = 0
    for cut in [*_cuts(text, quotations), len(text)]:
        begin, end = start, cut
        start = cut
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        marker = _LIST_MARKER.match(text, begin, end)
        if marker is not None and marker.end() < end:
            begin = marker.end()
        if begin >= end:
            continue
        if spans and (not _has_word(text[begin:end]) or not _has_word(text[slice(*spans[-1])])):
            spans[-1][1] = end  # a fragment without words joins its neighbour
        else:
            spans.append([begin, end])
    return [(begin, end) for begin, end in spans]


# --- Coding ---------------------------------------------------------------------------------

_MASK: Final = "\u201c\u201d"

_CONTRACTIONS: Final = (
    (LazyPattern(r"\byou are\b"), "you're"),
    (LazyPattern(r"\bit is\b"), "it's"),
    (LazyPattern(r"\bthat is\b"), "that's"),
    (LazyPattern(r"\bwhat is\b"), "what's"),
    (LazyPattern(r"\bthere is\b"), "there's"),
    (LazyPattern(r"\bi am\b"), "i'm"),
    (LazyPattern(r"\bi would\b"), "i'd"),
    (LazyPattern(r"\byou would\b"), "you'd"),
    (LazyPattern(r"\byou will\b"), "you'll"),
    (LazyPattern(r"\byou have (?=been|done|come|made|shown|put|worked|kept|built|got)"), "you've "),
    (LazyPattern(r"\blet us\b"), "let's"),
    (LazyPattern(r"\bcannot\b"), "can't"),
    (LazyPattern(r"\bwill not\b"), "won't"),
    (LazyPattern(r"\b(do|does|did|is|are|was|were|have|has|could|would|should) not\b"), r"\1n't"),
)

_MARKERS: Final = LazyPattern(
    r"^(?:(?:and|but|so|or|then|now|also|honestly|really|just|plus|maybe|perhaps|please"
    r"|first|next|finally|today|tonight|tomorrow|this week|i think|i really think|i feel like"
    r"|i believe|to be honest|frankly|instead)\b\s*)+"
)
_CLAUSE_BREAK: Final = LazyPattern(r"\s*(?:[,;:()\[\]{}\u2013\u2014]|\s-\s|\.\.\.|\u2026)\s*")


def _normal(frame: str) -> str:
    """The frame in lower case with plain apostrophes, single spaces and common contractions."""
    text = frame.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()
    text = re.sub(r"\s+", " ", text).strip()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _clauses(norm: str) -> list[str]:
    """The clauses of a normalised frame, each without its leading discourse markers."""
    clauses = []
    for part in _CLAUSE_BREAK.split(norm):
        clause = _MARKERS.sub("", part.strip(" \"'.!?*_~")).strip()
        if clause:
            clauses.append(clause)
    return clauses


def _rx(*alternatives: str) -> LazyPattern:
    return LazyPattern("|".join(f"(?:{a})" for a in alternatives))


_FEELINGS: Final = (
    r"hard|difficult|frustrat\w*|painful|scary|scared|afraid|fear\w*|worr\w*|anxi\w*"
    r"|overwhelm\w*|lonely|discourag\w*|exhaust\w*|stress\w*|disappoint\w*|guilt\w*|asham\w*"
    r"|embarrass\w*|sad|angry|upset|hopeless|hopeful|proud|reliev\w*|relief|excit\w*|stuck"
    r"|nervous|tough|heavy|draining|drained|brutal|defeated|doubt\w*|hurt\w*|uncertain|torn"
)

_CONFRONT_ANYWHERE: Final = _rx(
    r"\bthat's (?:just |simply |really )?(?:not true|not right|wrong|an excuse|no excuse"
    r"|a cop-?out|ridiculous|nonsense|not good enough|unacceptable|not how (?:it|this) works)\b",
    r"\b(?:that|this|it)'s on you\b(?! to)",
    r"\b(?:that|this) isn't (?:true|right|good enough|acceptable)\b",
    r"\byou're (?:wrong|lying|kidding yourself|fooling yourself|(?:just )?making excuses"
    r"|in denial|not (?:really |even |)trying|not taking (?:this|it) seriously|not serious"
    r"|being (?:lazy|childish|ridiculous|unreasonable|defensive|dramatic|silly|difficult"
    r"|stubborn|irresponsible))\b",
    r"\byou're (?:(?:just|so|too|really|such|being|a bit|kind of|pretty) )*(?:lazy|weak"
    r"|undisciplined|irresponsible|hopeless|pathetic|unreliable|flaky|a failure|a mess|a quitter"
    r"|a disappointment)\b",
    r"\b(?:no|stop making|quit making|enough) excuses\b",
    r"\bmaking excuses\b",
    r"\byou (?:always|never) (?:have|find|come up with|make) (?:a|an|some|another)"
    r" (?:reason|excuse)",
    r"\b(?:just |)(?:an|another) excuse\b",
    r"\bi'm (?:so |really |very |quite |a (?:little|bit) |)(?:disappointed|let down|fed up"
    r"|sick of|tired of (?:your|this|the|hearing))\b",
    r"\byou(?:'ve|) let (?:me|us|yourself|everyone|them|your \w+) down\b",
    r"\bshame on you\b",
    r"\byou should be ashamed\b",
    r"\bwhat's wrong with you\b",
    r"\bwhat were you thinking\b",
    r"\bhow many times (?:do|have|must|did) i (?:have to |need to |)(?:tell|remind|say|ask)\b",
    r"\bcome on\b",
    r"\b(?:be|get) (?:honest|real|serious) with yourself\b",
    r"\blet's be (?:honest|real)\b",
    r"\bi don't believe (?:you|that|it)\b",
    r"\byou (?:should|shouldn't|ought to)(?: have|'ve)\b",
    r"\byou could(?: have|'ve) (?:at least |just |)(?:told|called|done|tried|asked|said"
    r"|let me know)\b",
    r"\byour (?:own |)fault\b",
    r"\byourself to blame\b",
    r"\bwhy (?:didn't|haven't|hasn't|can't|couldn't|won't|wouldn't|aren't|weren't|isn't"
    r"|wasn't) you\b",
    r"\bwhy don't you (?:ever|even|just stop)\b",
    r"\bwhy do you (?:always|keep|never|even bother)\b",
    r"\bwhy would you\b(?! (?:want|like|choose|care|consider|say|think))",
    r"\bshouldn't you\b",
    r"\bisn't it time\b",
    r"\b(?:or else|last chance|before it's too late)\b",
    r"\botherwise you(?:'ll| won't| will never)\b",
    r"\byou'll (?:regret|be sorry)\b",
    r"\byou're going to (?:fail|regret|lose|end up|be sorry)\b",
    r"\bstop (?:making excuses|complaining|whining|wasting|procrastinating|avoiding)\b",
    r"\b(?:the|your) problem is (?:that )?you\b",
    r"\byou just (?:don't|won't|can't) (?:want|try|commit|care)\b",
    r"^(?:really|seriously|are you serious|you're kidding)\W*$",
)
# A warning: a condition on what the client fails to do, then a bleak consequence.
_WARNING_IF: Final = LazyPattern(
    r"\bif you (?:don't|can't|won't|keep|continue|carry on|go on|skip|miss|stop)\b"
)
_WARNING_THEN: Final = LazyPattern(
    r"\b(?:you won't|you'll never|you're never going to)\b|\b(?:you'll|you're going to)\b"
)
_WARNING_BLEAK: Final = LazyPattern(
    r"\b(?:fail|lose|regret|end up|slip|struggle|give up|waste|ruin|undo|sorry|worse|stuck"
    r"|too late|square one)\b"
)
_CONFRONT_CLAUSE: Final = _rx(
    r"^you (?:need to|have to|'ve got to|have got to|gotta|had better|'d better|better)\b"
    r"(?! be proud| admit| hand it to yourself)",
    r"^you must\b(?! be\b| have been\b| have felt\b| feel\b|'ve been\b)",
)

_QUESTION_ADVICE: Final = _rx(
    r"\bhow about\b",
    r"\bwhat about (?:\w+ing|a|an|some)\b",
    r"\bwhy (?:don't|not) you\b",
    r"^why not\b",
    r"\bwhat if you (?:\w+ed|tried|set|put|made|took|gave|did|wrote|kept|cut|moved|chose"
    r"|picked|ran|went|began|got|let|sent|told|asked|said|swapped)\b",
    r"\bdon't you think\b",
    r"\bwouldn't it be (?:better|easier|smarter|good)\b",
)
_STATEMENT_ADVICE: Final = _rx(
    r"\byou (?:should|ought to|oughta)\b(?! have\b|'ve\b| be proud| feel proud"
    r"| feel (?:really |so |very |)good| know\b| see\b)",
    r"\byou (?:could|might|may) (?:want to|wish to|like to|try|consider|think about|start"
    r"|begin|experiment|look into|find it helpful)\b",
    r"\byou could\b(?! have\b|'ve\b|n't\b| not\b| see\b| tell\b| hear\b| be\b)",
    r"\byou'll want to\b",
    r"\b(?:i|i'd|we|we'd) (?:strongly |really |would |)(?:suggest|recommend|advise|propose"
    r"|urge|encourage you)\b",
    r"\bmy (?:advice|suggestion|recommendation|tip|two cents)\b",
    r"\b(?:one|another|a|the) thing (?:that |which |)(?:might|could|may|would|can|often|tends to)"
    r" (?:help|work)\b",
    r"\bsomething that (?:might|could|may|can|often) (?:help|work)s?\b",
    r"^\w+ing\b[^.?!]* (?:can|could|might|may|will|would|often|tends to) (?:help|make it|work)\b",
    r"\b(?:some|many|most|other|a lot of) (?:people|clients|folks|others)(?: i've worked with"
    r"| i know| i work with|) (?:find|have found|like|put|use|try|swear by|get|start|set|keep)\b",
    r"\b(?:one|another|an|the best|a good|a great|a simple|a useful|one more|a small)"
    r" (?:option|idea|suggestion|approach|strategy|tactic|trick|tip|thing to try|way forward"
    r"|experiment)(?: here| for you| to try|)(?: might be| could be| would be| is|:| -|,)",
    r"\bit (?:might|may|could|would|'d|can) (?:help|be (?:helpful|useful|worth|a good idea"
    r"|smart|wise)) (?:to|if you)\b",
    r"\bit helps to\b",
    r"\bit's (?:worth|a good idea|best|helpful|important) (?:to|trying|considering|that you)\b",
    r"\bthe (?:key|trick|secret|answer|solution) is (?:to|that you)\b",
    r"\b(?:make sure|remember to|don't forget to|be sure to)\b",
    _QUESTION_ADVICE.pattern,
)


# Verbs of action that open an imperative. Words that are also common nouns at the start of
# a statement ("rest is important") are caught by _NOUN_FOLLOWS.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_IMPERATIVE_VERBS: Final = _word_set(
    "set put try consider start begin stop make take write go do keep schedule plan pick"
    " choose use get give call text add remove block book prepare lay leave drink eat walk"
    " run sleep wake track log list jot note remember focus aim commit break cut limit reduce"
    " avoid replace swap pair stack reward ask tell be stay hold move find check review"
    " practice practise prioritise prioritize protect buy join sign turn switch open clear"
    " bring pack unplug charge mute delete install read listen meditate breathe stretch rest"
    " drop skip shift batch delegate say learn follow reach talk speak visit treat allow"
    " forgive accept ignore quit cancel reschedule repeat return lower raise pause wait park"
    " hide place store fill prep cook order measure weigh count share slow build create"
    " draft outline organise organize tidy clean email message invite pull push cap trim"
    " aim decide"
)
_NOUN_FOLLOWS: Final = _word_set(
    "is was are were 's has had can could will would should may might must does did doesn't"
    " isn't matters helps seems sounds looks feels makes counts works goes comes gets takes"
    " keeps"
)
_NOT_ADVICE_IMPERATIVE: Final = _rx(
    r"^keep (?:it up|going|up the good work|at it|this going)\b",
    r"^hang in there\b",
    r"^take care\b",
    r"^look after yourself\b",
    r"^have an? (?:good|great|nice|lovely|restful|wonderful|relaxing|peaceful) \w+",
    r"^good luck\b",
    r"^see you\b",
    r"^talk (?:soon|later|tomorrow)\b",
    r"^enjoy\b",
    r"^(?:rest|sleep) well\b",
    r"^(?:be|stay) (?:well|safe)\b",
    r"^don't (?:worry|hesitate|be shy)\b",
    r"^let me know\b",
    r"^know that\b",
    r"^take (?:all )?(?:your|the) time\b",
    r"^go at your own pace\b",
    r"^feel free\b",
    r"^do what(?:ever)? (?:feels right|works (?:best )?for you|you think is best)\b",
    r"^give yourself (?:some |a lot of |)credit\b",
    r"^remember (?:that )?you(?:'re|'ve| have| did| are)\b",
    r"^decide (?:for yourself|what|whether|when|how)\b",
    r"^(?:tell|show|send|give|text|email|message|call) me\b",
    r"^be proud\b",
)
_OPEN_REQUEST: Final = _rx(
    r"^(?:tell me|say) (?:more|about|a (?:bit|little) (?:more|about))\b",
    r"^tell me (?:what|how|why|when|where|who|which)\b",
    r"^(?:help me understand|walk me through|talk me through|describe)\b",
    r"^share (?:more|with me|what|how|a bit|a little)\b",
    r"^i'd (?:love|like) to (?:hear|know|understand|learn) (?:more|about|what|how|why|where"
    r"|when|who|which)\b",
    r"^i'm (?:curious|wondering) (?:about|what|how|why|where|when|who|which)\b",
    r"^i wonder (?:what|how|why|where|when|who|which)\b",
)

_PERMISSION: Final = _rx(
    r"\b(?:can|could|may|might) i (?:share|offer|suggest|give you|make a suggestion|add|throw"
    r" (?:out|in)|mention|tell you|pass on|float|run)\b",
    r"\bwould (?:it|that) (?:help|be (?:ok|okay|alright|all right|useful|helpful|welcome))"
    r"(?: with you| for you|)(?: if| for) (?:i|me)\b",
    r"\b(?:would you|do you|are you|would you be) (?:like|want|open to|interested in|welcome)"
    r" (?:to hear |hearing |)(?:some |a |an |my |one |a few |a couple of |any |other |more |)"
    r"(?:ideas?|suggestions?|thoughts?|options?|tips?|advice|input|feedback|perspective"
    r"|strateg(?:y|ies)|what (?:has|have) (?:worked|helped))\b",
    r"\bwould it help to hear\b",
    r"\bis it (?:ok|okay|alright|all right) (?:if|for me to|with you if) i\b",
    r"\b(?:do|would) you mind if i\b",
    r"\bwith your permission\b",
    r"\bif i may\b",
    r"\bif (?:you're|you'd be) (?:open|interested|up for|willing|curious)\b",
    r"\bif you(?:'d|) (?:like|want|wish|prefer)\b(?! to\b)",
    r"\bif (?:it|that|this|any of (?:this|that|these|them)|one of (?:these|them))"
    r" (?:fits|helps|appeals|works for you|feels right|sounds (?:useful|helpful|good|ok|okay"
    r"|right|doable)|resonates|is useful|'s useful|is helpful|'s helpful|would help|might help"
    r"|suits you|speaks to you)\b",
    r"\bonly if\b",
    r"\btake it or leave it\b",
    r"\bfeel free to (?:ignore|skip|disregard|pass|set aside|drop)\b",
    r"\bmay or may not (?:fit|apply|work|help|suit)\b",
    r"\bsee (?:what|if (?:it|that|any)|whether (?:it|any)) (?:fits|works for you|resonates"
    r"|helps)\b",
)
_AUTONOMY: Final = _rx(
    r"\b(?:it's|that's|this is|it was|this was|the (?:choice|decision) is|it remains)"
    r" (?:entirely |completely |totally |really |always |all |still |ultimately |)"
    r"(?:your (?:call|choice|decision|life|goal|plan|journey|idea|process|pace)|up to you"
    r"|yours to (?:decide|choose|make))\b",
    r"\bup to you\b",
    r"\b(?:choice|decision|pace|call) is (?:entirely |all |completely |)yours\b",
    r"\byours to (?:decide|choose|set|make|call)\b",
    r"\ba pace that (?:suits|works for|feels right (?:to|for)) you\b",
    r"\bwhen(?:ever|) (?:the time|it) feels right\b",
    r"\bif and when you\b",
    r"\byour (?:call|choice)\b(?! of)",
    r"\byou (?:decide|choose|get to (?:decide|choose|pick|set|call)|can (?:decide|choose)"
    r"|call the shots|set the pace|know (?:yourself |your life |)best"
    r"|know what works (?:best |)for you|know what's (?:best|right) for you)\b",
    r"\byou're (?:in charge|in control|the expert|the best judge|the one who (?:decides|knows"
    r"|gets to)|in the driver's seat|free to)\b",
    r"\bwhatever you (?:decide|choose|think is best|feel is right|prefer|want)\b",
    r"\b(?:at your own|at whatever|whatever) pace\b",
    r"\bwhen(?:ever|) you(?:'re| feel) ready\b",
    r"\bwhenever you (?:want|like|wish|feel like|choose)\b",
    r"\bno (?:pressure|obligation|rush)\b",
    r"\byou don't have to\b",
    r"\bthere's nothing you (?:need|have) to do\b",
    r"\bthe door (?:is|'s|stays|remains|will be) (?:always |still |)open\b",
    r"\bonly you (?:can|know)\b",
    r"\btak(?:e|ing) (?:all )?(?:your|the) time\b",
    r"\bgo at your own pace\b",
    r"\bfeel free\b",
    r"\bdo what(?:ever)? (?:feels right|works (?:best )?for you|you think is best)\b",
    r"\bif you'd rather not\b",
    r"\bas (?:slowly|fast|quickly|much|little|often|gently) as you"
    r" (?:like|want|need|choose|wish)\b",
    r"\b(?:totally |completely |perfectly |absolutely |)(?:fine|okay|ok) if (?:not|you don't"
    r"|you'd rather not)\b",
    r"\bit's (?:completely |totally |perfectly |absolutely |)(?:fine|okay|ok) (?:to say no"
    r"|if you (?:don't|decide|choose|'d rather))\b",
)

# Stems that report what the client said: a feeling among their words is theirs, not added.
_REPORT_STEM: Final = _rx(
    r"^you(?:'ve|) (?:said|told me|mentioned|shared|wrote|described|explained|noted"
    r"|pointed out|admitted|brought up|let me know)\b",
    r"^you're (?:saying|telling me)\b",
    r"^(?:what |)i'm hearing\b",
    r"^i hear (?:that|you saying|how|what|a lot of|some)\b",
)
_REFLECTION_STEM: Final = _rx(
    r"^(?:it |)(?:sounds|seems|looks|feels) (?:like|as if|as though|that)\b",
    r"^(?:it |)seems\b",
    r"^(?:this|it) must (?:be|have been|feel)\b",
    r"^it's (?:almost |a bit |kind of |)(?:as if|as though)\b",
    r"^you(?:'re| feel| felt|'ve been| were) (?:feeling|worried|frustrated|afraid|scared"
    r"|anxious|concerned|tired|exhausted|stuck|torn|unsure|overwhelmed|discouraged"
    r"|disappointed|proud|excited|hopeful|nervous|stressed|angry|upset|sad|lonely|ready"
    r"|wondering|hoping|struggling|not sure|not ready|not convinced|ambivalent|conflicted"
    r"|relieved|guilty|ashamed|embarrassed|curious|determined|motivated|unmotivated|bored"
    r"|fed up|worn out|drained|pulled|caught)\b",
    r"^you (?:feel|felt)\b",
    r"^you must (?:be|have been|feel|have felt)\b",
    r"^(?:on |)(?:the |)one hand\b",
    r"^on the other(?: hand|)\b",
    r"^(?:there's |)(?:a |some |another |the other |)part of you\b",
    r"^i (?:imagine|sense|get the (?:sense|feeling|impression)|'m guessing|guess|suspect"
    r"|can (?:hear|see|tell|imagine)) (?:that |how |)(?:you|it|this|that|there)\b",
    r"^i wonder (?:if|whether)\b",
    r"^what (?:really |)(?:matters|'s important|counts) (?:most |)(?:to|for) you\b",
    r"^you (?:want|wish|hope|value|care|'d like|would like|don't want|worry|wonder|believe"
    r"|think|really want|really care|'re hoping|'re wondering|'re looking|need)\b",
)
_VALIDATION: Final = _rx(
    r"^(?:that|this|your|the) (?:fear|worry|feeling|frustration|concern|doubt|reaction"
    r"|hesitation|anger|sadness|exhaustion|tiredness|guilt|disappointment|stress|anxiety"
    r"|resistance|ambivalence)s? (?:makes (?:total |complete |a lot of |)sense"
    r"|is (?:understandable|real|valid|normal|natural))\b",
    r"^it makes (?:total |complete |)sense (?:that|you|why)\b",
    r"^(?:no wonder|of course) you\b",
    r"^anyone would (?:feel|be)\b",
)
_EVALUATIVE_REFLECTION: Final = _rx(r"^that (?:sounds|seems|must(?:'ve| have|) (?:be|been|feel))\b")
_AFFIRMATION_CLAUSE: Final = _rx(
    r"^(?:well done|great (?:job|work|effort|going)|good (?:job|work|effort|going|for you)"
    r"|nice (?:job|work|going|one)|nicely done|way to go|bravo|kudos|congrat(?:s|ulations)"
    r"|hats off|amazing (?:job|work|effort)|awesome (?:job|work)|excellent (?:job|work)"
    r"|fantastic (?:job|work)|brilliant (?:job|work)|impressive|you did it)\b",
)
_AFFIRMATION: Final = _rx(
    r"\b(?:(?:that|this|it|which) (?:says|said) |took |takes |shows |showed |speaks to |reflects"
    r" |demonstrates |is a sign of )(?:a lot of |real |some |so much"
    r" |serious |genuine |great |)(?:courage|guts|strength|commitment|determination|effort"
    r"|discipline|honesty|grit|resilience|persistence|work|heart|character|dedication"
    r"|self-awareness|maturity|bravery|care)\b",
    r"\bsays a lot about\b",
    r"\bspeaks (?:volumes|to your)\b",
    r"\bhow far you've come\b",
    r"\bshows (?:how much you|that you|your)\b",
    r"\byou (?:really |clearly |actually |still |even |)(?:showed up|kept going|kept at it"
    r"|stuck with|stuck to|came back|got back|bounced back|followed through|did it"
    r"|pulled it off|made it|pushed through|worked (?:so |really |)hard|put in|didn't give up"
    r"|never gave up|managed (?:to|two|three|\d+|it|this|that|every)|persevered|persisted"
    r"|stepped up|took (?:a|the|that)"
    r" (?:first |big |brave |hard |)step|figured (?:it |that |this |)out|found a way|handled"
    r"|kept your (?:word|promise)|stayed with|did (?:great|well|amazing|brilliant|so well"
    r"|really well)|nailed|crushed|reached out|asked for help|were honest"
    r"|showed (?:real |great |a lot of |)(?:courage|strength|commitment|determination|grit"
    r"|resilience))\b",
    r"\byou're (?:clearly |really |so |very |truly |such |obviously |)(?:committed|determined"
    r"|resourceful|persistent|brave|strong|courageous|capable|dedicated|resilient|thoughtful"
    r"|creative|disciplined|someone who|the kind of person who|a person who|good at|great at"
    r"|making (?:real |great |good |steady |)progress|doing (?:great|well|so well|a great job"
    r"|really well|amazing|brilliant|everything you can)|on (?:the right )?track|a natural)\b",
    r"\byou've (?:really |clearly |already |)(?:come a long way|made (?:real |great |good"
    r" |so much |a lot of |steady |)progress|worked (?:so |really |)hard|shown|put in"
    r"|done (?:it|so well|great|a great job|the hard part|well)|been (?:working (?:so |really"
    r" |)hard|consistent|showing up|so consistent|persistent|committed|so committed"
    r"|doing (?:great|well|so well))|kept (?:going|at it|it up|up|your word)|stuck with|built"
    r"|achieved|accomplished|grown|learned|proven|proved)\b",
    r"\bis (?:a |an |)(?:real |huge |great |genuine |significant |impressive |solid |major |)"
    r"(?:achievement|accomplishment|milestone|breakthrough|success|step forward)\b",
    r"\b(?:that's|this is|what a|such a|it's) (?:a |an |)(?:real |huge |big |great |genuine"
    r" |significant |serious |impressive |solid |fantastic |wonderful |amazing |major"
    r" |important |)(?:progress|achievement|accomplishment|win|milestone|step forward"
    r"|breakthrough|success|big deal)\b",
    r"\b(?:worth celebrating|something to (?:be proud of|celebrate)|proud of (?:you|yourself"
    r"|that|this|what you)|be proud)\b",
    r"\bi (?:really |truly |so |genuinely |)(?:appreciate|admire|respect|love how|love that"
    r"|value|applaud) (?:you|your|how you|that you|the way you|what you)\b",
    r"\bthank(?:s| you) (?:so much |)for (?:being (?:so |)(?:honest|open|candid|real|brave"
    r"|upfront|straight with me)|telling me|sharing|your (?:honesty|openness|candou?r|trust"
    r"|effort|work|patience)|trusting|letting me know|opening up|checking in|showing up"
    r"|coming back|reaching out|being here|sticking with|staying with|hanging in)",
    r"\b(?:your|that|this) (?:kind of |level of |)(?:honesty|courage|persistence|consistency"
    r"|commitment|effort|determination|dedication|resilience|openness|self-awareness"
    r"|creativity|hard work|grit|discipline|follow-through|progress|candou?r|bravery|focus"
    r"|patience) (?:is|was|shows|showed|says|really|speaks|matters|makes|counts|deserves"
    r"|paid off|is paying off|impresses)\b",
    r"\b(?:that's|what a|such a|it's|that was|it was) (?:a |an |)(?:really |very |)(?:good"
    r"|great|smart|excellent|brilliant|wise|clever|thoughtful|creative|honest|brave|strong|solid"
    r"|courageous) (?:idea|plan|thinking|call|choice|insight|move|catch|point|one|step"
    r"|decision|question|realisation|realization)\b",
    r"\bgive yourself (?:some |a lot of |)credit\b",
    r"\bkeep up the (?:good|great) work\b",
)
_WEAK_REFLECTION: Final = _rx(
    r"^so you\b",
    r"\b(?:as|what) you (?:said|told me|shared|wrote|mentioned|put it)\b",
    r"\bin your (?:own |)words\b",
    r"\bi remember you (?:saying|telling me|mentioning|writing)\b",
    r"^you (?:\w+ed|went|ran|got|did|had|made|said|took|kept|came|felt|found|left|saw|thought"
    r"|wrote|were|was|slept|ate|drank|sat|began|bought|spent|lost|woke|swam|rode|chose|knew|gave"
    r"|met|told)\b",
    r"\b(?:what|how much) you (?:really |truly |)(?:want|care about|value|need|hope for)\b",
    r"\b(?:matters|is important|means (?:a lot|so much|everything)) to you\b",
)
_COMPLEX_MARKERS: Final = _rx(
    r"\bon (?:the |)one hand\b",
    r"\bon the other\b",
    r"\bpart of you\b",
    r"\bat the same time\b",
    r"\band yet\b",
    r"\beven though\b",
    r"\balthough\b",
    r"\bboth\b",
    r"\bconflicted\b",
    r"\bambivalen",
    r"\bwhat (?:really |)(?:matters|counts)\b",
    r"\bmatters (?:most |so much |a lot |deeply |)to you\b",
    r"\bimportant to you\b",
    r"\bmeans (?:a lot|so much|everything) to you\b",
    r"\byou (?:value|care (?:deeply |so much |a lot |)about)\b",
    r"\bdeep down\b",
    r"\bunderneath\b",
    r"\bmore than\b",
    r"\bnot (?:just|only|simply)\b",
    r"\bthe real\b",
    r"\bwhat's really\b",
    r"\bas if\b",
    r"\bas though\b",
    r"\blike a\b",
    r"\bbecause\b",
    r"\bso that\b",
    r"\bwhich (?:is why|means|makes|says)\b",
    r"\bmaybe\b",
    r"\bperhaps\b",
    r"\bi (?:wonder|imagine|sense|guess|suspect)\b",
    r"\bi'm guessing\b",
    r"\bprobably\b",
    r"\bmust (?:be|have been|feel|'ve been)\b",
    r", and (?:that|this|it)(?:'s| is| makes| sounds| must| feels| matters| means)\b",
)
_FEELING: Final = LazyPattern(rf"\b(?:{_FEELINGS})\b")

_AUXILIARIES: Final = _word_set(
    "do does did is are was were have has had can could would will shall should may might"
    " must am don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't can't"
    " couldn't wouldn't won't shouldn't any anything anyone"
)
_WH: Final = LazyPattern(r"\b(?:what|what's|how|how's|why|when|where|who|whom|whose|which)\b")
_CLOSED_WH: Final = LazyPattern(
    r"\b(?:how (?:many|much|often|long|old|far)|what (?:time|day|date)|which day)\b"
    r"|\b(?:on a scale|from [01] to 10|out of (?:10|ten))\b"
)
_OPEN_AUXILIARY: Final = LazyPattern(
    r"^(?:can|could|would|will) you (?:tell|say|describe|share|walk me|talk me"
    r"|help me understand|explain)\b|^would you be willing to (?:say|tell|share|describe)\b"
)
_NEUTRAL_TAG: Final = LazyPattern(
    r"^(?:do you think|you think|would you say|do you reckon|i wonder|if you had to guess"
    r"|in your view|for you|honestly|really|so far|this week|today|again|though)$"
)
_CLOSED_TAG: Final = LazyPattern(
    r"^(?:right|yes|no|yeah|ok|okay|correct|true|fair|isn't it|aren't you|don't you|didn't you"
    r"|wasn't it|is that right|is that fair|am i right|or not)$"
)


def _search(pattern: LazyPattern, text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0).strip() if found is not None else None


def _in_clauses(pattern: LazyPattern, clauses: list[str]) -> str | None:
    for clause in clauses:
        cue = _search(pattern, clause)
        if cue is not None:
            return cue
    return None


def _warning(norm: str) -> str | None:
    """The words of a warning such as "if you don't start now, you'll never get there"."""
    condition = _WARNING_IF.search(norm)
    if condition is None:
        return None
    consequence = _WARNING_THEN.search(norm, condition.end())
    if consequence is None:
        return None
    if consequence.group(0) in ("you'll", "you're going to"):
        bleak = _WARNING_BLEAK.search(norm, consequence.end())
        if bleak is None:
            return None
        return f"{condition.group(0)} \u2026 {consequence.group(0)} \u2026 {bleak.group(0)}"
    return f"{condition.group(0)} \u2026 {consequence.group(0)}"


_PLEASE: Final = LazyPattern(r"please (?!let me know|know\b|don't (?:worry|hesitate))[\w']+")


def _imperative(clauses: list[str], norm: str) -> str | None:
    """The opening of a clause that gives an instruction, if one does."""
    please = _PLEASE.match(norm)
    if please is not None:
        return please.group(0)
    for clause in clauses:
        if _NOT_ADVICE_IMPERATIVE.search(clause):
            continue
        if clause.startswith("let's "):
            return "let's"
        words = clause.split()
        if words[0] in ("don't", "never") and len(words) > 1 and words[1] in _IMPERATIVE_VERBS:
            return f"{words[0]} {words[1]}"
        if words[0] in _IMPERATIVE_VERBS and (len(words) == 1 or words[1] not in _NOUN_FOLLOWS):
            return words[0]
    return None


def _question_code(clauses: list[str]) -> tuple[MiCode, str]:
    """Open or closed, read from the main clause: the last one that is not a tag."""
    for index in range(len(clauses) - 1, -1, -1):
        clause = clauses[index].rstrip("?!. ")
        if _CLOSED_TAG.match(clause):
            return MiCode.CLOSED_QUESTION, clause
        if _NEUTRAL_TAG.match(clause) or not clause:
            continue
        telling = _OPEN_AUXILIARY.match(clause)
        if telling is not None:
            return MiCode.OPEN_QUESTION, telling.group(0)
        opening = clause.split()[0]
        if opening in _AUXILIARIES:
            return MiCode.CLOSED_QUESTION, opening
        closed = _CLOSED_WH.search(clause)
        if closed is not None:
            return MiCode.CLOSED_QUESTION, closed.group(0)
        wh = _WH.search(clause)
        if wh is not None:
            return MiCode.OPEN_QUESTION, wh.group(0)
    return MiCode.CLOSED_QUESTION, "?"


def _reflection(norm: str, cue: str, *, report: bool) -> tuple[MiCode, str]:
    """Simple or complex: complex when the frame adds meaning, feeling or two sides."""
    marker = _search(_COMPLEX_MARKERS, norm)
    if marker is None and not report:
        marker = _search(_FEELING, norm)
    if marker is not None:
        return MiCode.COMPLEX_REFLECTION, cue if marker in cue else f"{cue} \u2026 {marker}"
    return MiCode.SIMPLE_REFLECTION, cue


def _quotes_back(norm: str) -> bool:
    """Whether a statement about the client delivers their quoted words: "You wrote: “...”"."""
    delivered = norm.rstrip(" .!?\u2026\"')]*_~")
    if delivered == _MASK:
        return True
    return delivered.endswith(_MASK) and re.match(r"^(?:so |)(?:you|your)\b", norm) is not None


@attrs.frozen
class _Coded:
    code: MiCode
    cue: str
    grants: bool  # asks for permission or names autonomy, for the rest of the message


def _judged(frame: str) -> str | None:
    """What the tone review flags in a sentence, if anything: a confront in MI terms.

    Every finding of the review is also a confront in the audit, so the two
    checks never disagree about a sentence that judges the client.
    """
    findings = review(frame).findings
    return findings[0].matched if findings else None


def _code(frame: str, *, permitted: bool) -> _Coded:  # noqa: PLR0911, PLR0912 - one rule a branch
    """Code one sentence, given whether permission was already asked earlier in the message."""
    norm = _normal(frame)
    grants = _PERMISSION.search(norm) is not None or _AUTONOMY.search(norm) is not None
    words = norm.replace(_MASK, " ")
    tail = len(norm)
    while tail > 0 and not norm[tail - 1].isalnum():
        tail -= 1
    is_question = "?" in norm[tail:]
    if not any(char.isalpha() for char in words):
        if _MASK in norm:
            code = MiCode.CLOSED_QUESTION if is_question else MiCode.SIMPLE_REFLECTION
            return _Coded(code, _MASK, grants)
        return _Coded(MiCode.OTHER, "", grants)
    clauses = _clauses(norm) or [norm]

    def advice(cue: str) -> _Coded:
        allowed = permitted or grants
        code = MiCode.ADVICE_WITH_PERMISSION if allowed else MiCode.ADVICE_WITHOUT_PERMISSION
        return _Coded(code, cue, grants)

    cue = (
        _search(_CONFRONT_ANYWHERE, norm)
        or _warning(norm)
        or _in_clauses(_CONFRONT_CLAUSE, clauses)
        or _judged(frame)
    )
    if cue is not None:
        return _Coded(MiCode.CONFRONT, cue, grants)
    if is_question:
        cue = _search(_QUESTION_ADVICE, norm)
        if cue is not None:
            return advice(cue)
        code, cue = _question_code(clauses)
        return _Coded(code, cue, grants)
    cue = _in_clauses(_OPEN_REQUEST, clauses)
    if cue is not None:
        return _Coded(MiCode.OPEN_QUESTION, cue, grants)
    cue = _search(_STATEMENT_ADVICE, norm) or _imperative(clauses, norm)
    if cue is not None:
        return advice(cue)
    cue = _search(_AUTONOMY, norm)
    if cue is not None:
        return _Coded(MiCode.EMPHASISE_AUTONOMY, cue, grants)
    cue = _in_clauses(_REPORT_STEM, clauses)
    if cue is not None:
        return _Coded(*_reflection(norm, cue, report=True), grants)
    cue = _in_clauses(_REFLECTION_STEM, clauses)
    if cue is not None:
        return _Coded(*_reflection(norm, cue, report=False), grants)
    cue = _in_clauses(_VALIDATION, clauses)
    if cue is not None:
        return _Coded(MiCode.COMPLEX_REFLECTION, cue, grants)
    cue = _in_clauses(_AFFIRMATION_CLAUSE, clauses) or _search(_AFFIRMATION, norm)
    if cue is not None:
        return _Coded(MiCode.AFFIRMATION, cue, grants)
    cue = _in_clauses(_EVALUATIVE_REFLECTION, clauses)
    if cue is not None:
        return _Coded(*_reflection(norm, cue, report=False), grants)
    cue = _search(_WEAK_REFLECTION, norm) or (_MASK if _quotes_back(norm) else None)
    if cue is not None:
        return _Coded(*_reflection(norm, cue, report=True), grants)
    return _Coded(MiCode.OTHER, "", grants)


def _frame(text: str, begin: int, end: int, quotations: Mapping[int, int]) -> str:
    """The sentence with every quotation of the client's words masked as an empty pair."""
    parts: list[str] = []
    i = begin
    while i < end:
        close = quotations.get(i)
        if close is not None and close <= end:
            parts.append(_MASK)
            i = close
        else:
            parts.append(text[i])
            i += 1
    return "".join(parts)


def _messages(texts: object) -> list[str]:
    if isinstance(texts, str):
        return [texts]
    if isinstance(texts, bytes | bytearray | memoryview):
        raise InvalidValueError("texts", texts, "expected text, not bytes; decode it first")
    if not isinstance(texts, Iterable):
        raise InvalidValueError(
            "texts", texts, "expected a message or an iterable of messages (text)"
        )
    if isinstance(texts, Set | Mapping):
        # Messages are read in order (permission asked earlier counts, indices name them).
        raise InvalidValueError("texts", texts, "expected messages in order, such as a list")
    messages: list[str] = []
    for index, item in enumerate(texts):
        if not isinstance(item, str):
            raise InvalidValueError(
                f"texts[{index}]", item, f"expected a message (text), got {type(item).__name__}"
            )
        messages.append(item)
    return messages


def audit(texts: Iterable[str] | str) -> Audit:
    """Code every sentence of a coach's messages and score them against MITI 4.

    Args:
        texts: The coach's messages, in order. A single string is audited as
            one message (it is not read as a sequence of characters).

    Returns:
        The coded sentences and the scores they add up to. Messages are
        coded independently: permission asked in one message does not carry
        to the next.

    Raises:
        InvalidValueError: *texts* is not text or an ordered iterable of texts
            (a set or a mapping is refused: ``field="texts"``), or one of its
            items is not text
            (``field="texts[i]"`` for the *i*-th item).

    >>> report = audit([
    ...     "Would it help if I shared an idea? You could set an alarm.",
    ...     "Set an alarm. That's not true.",
    ... ])
    >>> [(s.message, s.code.value) for s in report.sentences]  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'closed_question'), (0, 'advice_with_permission'),
     (1, 'advice_without_permission'), (1, 'confront')]
    """
    sentences: list[CodedSentence] = []
    for index, text in enumerate(_messages(texts)):
        quotations = _quotations(text)
        permitted = False
        for begin, end in _split(text, quotations):
            coded = _code(_frame(text, begin, end, quotations), permitted=permitted)
            permitted = permitted or coded.grants
            sentences.append(
                CodedSentence(
                    message=index,
                    span=(begin, end),
                    text=text[begin:end],
                    code=coded.code,
                    cue=coded.cue,
                )
            )
    return Audit(sentences=tuple(sentences))
