"""Properties of the voice over generated journals and moves: kind words, literal client text.

Each follows from the issue: every built-in rendering passes the tone review
with no finding and the MI audit with nothing confronting and no advice
without permission; rendering never raises; client text is never read as a
template; the same inputs read the same; and a follow-up does not repeat a
sentence of the one before it while its moves have another wording left.

A sentence here is one of the voice's own: each move's values (the client's
quoted words, dates, counts) are masked before a text is split, so a quote
repeated on purpose (the client's why) is not counted as the voice repeating
itself.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import assume, example, given
from hypothesis import strategies as st

from accountability import Policy, Style, assess, phrase, suggest, testing
from accountability.language.mi import MiCode, audit
from accountability.language.tone import review
from accountability.policy import Move, MoveKind
from accountability.voice.english import (
    DEFAULT_VOICE,
    MEMORY_DAYS,
    VOICES,
    WORDINGS,
    EnglishVoice,
    seed_for,
)
from stories import Case, cases, story_cases
from strategies_policy import STYLES, policies

VOICE = DEFAULT_VOICE
MASK = "\u25a0"
TRICKY = ("{action}", "{0}", "{x.__class__}", "$HOME", "<b>bold</b>", "{said}", "{{", "}}", "{")
"""Client text that would do harm if it were ever read as a template or as markup."""

TOPICS = tuple(sorted({topic for _kind, topic in WORDINGS} | {"effort", "choice", "struggle"}))
"""The topics the built-in wordings know, and some that fall back to a kind's default."""


# --- Strategies -----------------------------------------------------------------------------


def client_text() -> st.SearchStrategy[str]:
    """What a client writes, often with braces, dollars and markup in it."""
    tricky = st.sampled_from(TRICKY)
    return st.one_of(
        testing.client_words(),
        tricky,
        st.tuples(testing.client_words(), tricky).map(" ".join),
    )


def moves() -> st.SearchStrategy[Move]:
    """Any move a policy (built-in or a coach's own rule) could hand the voice."""
    return testing.moves(topics=st.sampled_from(TOPICS) | st.text(max_size=12), words=client_text())


def zones() -> st.SearchStrategy[tzinfo]:
    return testing.zones().map(ZoneInfo)


# --- Helpers --------------------------------------------------------------------------------


def sentences(text: str, moves: Iterable[Move], zone: tzinfo) -> set[str]:
    """The voice's own sentences in *text*: every move's values masked, then split."""
    values = {value for move in moves for value in VOICE.values(move, zone).values() if value}
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    split = re.split(r"(?<=[.!?\u2026])\s+", text)
    return {s for s in split if any(c.isalpha() for c in s.replace(MASK, ""))}


def uncapitalised(text: str) -> str:
    return text[:1].lower() + text[1:]


def assert_no_sentence_repeats(
    earlier: str,
    earlier_moves: Sequence[Move],
    later_moves: Sequence[Move],
    zone: tzinfo,
    voice: EnglishVoice = VOICE,
) -> None:
    """No move of *later_moves* with a wording left repeats a sentence of *earlier*."""
    everything = (*earlier_moves, *later_moves)
    before = sentences(earlier, everything, zone)
    for move in later_moves:
        variants = voice.variants(move)
        used = sum(voice.variants(other) == variants for other in earlier_moves)
        if len(variants) > used:
            said = voice.say(move, zone, previous=earlier)
            assert set() == sentences(said, everything, zone) & before, (move, said)


# --- Every built-in rendering is kind ------------------------------------------------------


@given(cases(), policies(), st.sampled_from(STYLES))
def test_every_suggestion_passes_the_tone_review_and_the_audit(
    case: Case, policy: Policy | None, style: str | None
) -> None:
    journal, now = case

    text = suggest(journal, now, style, policy).text

    assert () == review(text).findings
    codes = [sentence.code for sentence in audit([text]).sentences]
    assert [] == [c for c in codes if c in (MiCode.CONFRONT, MiCode.ADVICE_WITHOUT_PERMISSION)]


@given(cases(), st.sampled_from(STYLES))
def test_no_sentence_of_the_voice_is_said_twice_in_one_message(
    case: Case, style: str | None
) -> None:
    journal, now = case

    follow_up = suggest(journal, now, style)

    # The voice's own sentences, with the client's quoted words taken out.
    ours = [
        sentence.strip()
        for sentence in re.split(
            r"(?<=[.!?])\s+", re.sub(r"\u201c[^\u201d]*\u201d", "", follow_up.text)
        )
        if sentence.strip()
    ]
    assert len(ours) == len(set(ours)), follow_up.text


@given(st.lists(moves(), max_size=6), zones())
def test_every_rendering_of_built_in_moves_passes_the_tone_review(
    given_moves: list[Move], zone: tzinfo
) -> None:
    text = VOICE.render(given_moves, zone)

    assert () == review(text).findings


# --- Rendering is total and literal ---------------------------------------------------------


@given(st.lists(moves(), max_size=8), zones(), st.text() | client_text())
def test_rendering_any_moves_never_raises(
    given_moves: list[Move], zone: tzinfo, previous: str
) -> None:
    text = VOICE.render(given_moves, zone, previous=previous)

    assert isinstance(text, str)


@given(moves(), zones(), st.text(max_size=200))
@example(
    Move(kind=MoveKind.OFFER_SMALLER_STEP, action="{x.__class__}", step="{0} $HOME <b>"),
    ZoneInfo("UTC"),
    "",
)
def test_a_move_reads_as_one_of_its_wordings_with_the_values_inserted_as_they_are(
    move: Move, zone: tzinfo, previous: str
) -> None:
    values = VOICE.values(move, zone)
    # str.format_map inserts each value as it is and never reads it again.
    wordings = {uncapitalised(w.format_map(values)) for w in VOICE.variants(move)}

    said = VOICE.say(move, zone, previous=previous)

    assert uncapitalised(said) in wordings


@given(st.sampled_from(TRICKY), st.sampled_from(TRICKY), client_text(), zones())
def test_client_text_that_looks_like_a_template_appears_literally(
    action: str, step: str, why: str, zone: tzinfo
) -> None:
    moves_ = [
        Move(kind=MoveKind.REMIND_WHY, quote=why),
        Move(kind=MoveKind.OFFER_SMALLER_STEP, action=action, step=step),
        Move(kind=MoveKind.CHALLENGE, action=action),
    ]

    text = VOICE.render(moves_, zone)

    assert f"\u201c{why.strip()}" in text
    assert f"\u201c{action}\u201d" in text
    assert f"\u201c{step}\u201d" in text
    braces = sum(w.count("{") for w in (why.strip(), action, step, action))
    assert braces == text.count("{")


# --- Deterministic, and not repetitive ------------------------------------------------------


@given(st.lists(moves(), max_size=6), zones(), st.text(max_size=200))
def test_the_same_moves_and_previous_text_always_read_the_same(
    given_moves: list[Move], zone: tzinfo, previous: str
) -> None:
    first = VOICE.render(given_moves, zone, previous=previous)

    assert first == EnglishVoice().render(tuple(given_moves), zone, previous=previous)
    assert first == VOICE.render(given_moves, zone, previous=previous)


@given(
    st.lists(moves(), min_size=1, max_size=5),
    st.lists(moves(), max_size=3),
    zones(),
    st.randoms(use_true_random=False),
)
def test_a_follow_up_does_not_repeat_a_sentence_of_the_one_before(
    earlier: list[Move], more: list[Move], zone: tzinfo, order: random.Random
) -> None:
    later = [*earlier, *more]
    order.shuffle(later)
    text = VOICE.render(earlier, zone)

    assert_no_sentence_repeats(text, earlier, later, zone)


@given(story_cases(), st.integers(1, 6 * 24))
def test_the_policy_words_the_next_follow_up_after_the_last_one_sent(
    case: Case, hours: int
) -> None:
    journal, now = case
    first = suggest(journal, now)
    assume(first.moves)
    journal = journal.add(first.sent("f-next"))
    style = Style.named(journal.agreement.directness.value)
    assessment = assess(journal, first.send_at + timedelta(hours=hours), style)
    last = assessment.last_follow_up

    second = phrase(Policy().decide(assessment), assessment)

    zone = journal.agreement.tz
    since = assessment.now - timedelta(days=MEMORY_DAYS)
    history = [sent.text for sent in assessment.follow_ups if sent.at >= since and sent.text]
    voice = VOICES[journal.agreement.directness]
    seed = seed_for(second, assessment)
    assert voice.render(second.moves, zone, previous=history, seed=seed) == second.text
    if last is not None and "f-next" == last.id:
        # With nothing new to say yet, the same moves worded after the first must still differ.
        assert_no_sentence_repeats(
            first.text, first.moves, second.moves or first.moves, zone, voice
        )
