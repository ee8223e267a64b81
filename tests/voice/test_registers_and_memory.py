"""Voices that differ and remember: three registers, eight weeks of memory, the new topics.

Gentle, balanced and direct word every move in words of their own; the
agreement's directness picks the register. Given the messages already
sent, the voice repeats no sentence of the last five and never sends a
message twice while it has another wording left. Each topic the policy can
emit reads as a coach would say it, in every register.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountability import Directness, assess, decide, phrase
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import InvalidValueError
from accountability.language.mi import MiCode, audit
from accountability.language.tone import review
from accountability.policy import Move, MoveKind
from accountability.record import FollowUpKind, FollowUpSent
from accountability.voice import (
    DEFAULT_VOICE,
    MEMORY_DAYS,
    RECENT_MESSAGES,
    VOICES,
    WORDINGS,
    EnglishVoice,
    seed_for,
)
from accountability.voice.wordings import PRAISE, REGISTERS

UTC_ZONE = ZoneInfo("UTC")
MASK = "\u25a0"
BY = datetime(2026, 3, 6, 18, tzinfo=UTC)
"""Friday 6 March 2026."""
SINCE = datetime(2026, 3, 3, 7, tzinfo=UTC)
"""Tuesday 3 March 2026."""
QUOTES = (
    "Honestly not sure I can keep this up.",
    "Huge deadline, 12-hour days all week.",
    "Mornings work better for me than evenings.",
    "I'll walk tomorrow morning",
)


# --- Helpers ------------------------------------------------------------------------------------


def sentences(text: str, moves: Iterable[Move], voice: EnglishVoice) -> set[str]:
    """The voice's own sentences in *text*: every value of *moves* and all praise masked."""
    values = {v for move in moves for v in voice.values(move, UTC_ZONE).values() if v}
    values |= {praise for praises in PRAISE.values() for praise in praises}
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    split = re.split(r"(?<=[.!?\u2026])\s+", text)
    return {s for s in split if any(c.isalpha() for c in s.replace(MASK, ""))}


def usable(voice: EnglishVoice, move: Move) -> int:
    """How many variants *move* may be worded with: those quoting nothing, if it quotes nothing."""
    variants = voice.variants(move)
    if (move.quote or "").strip():
        return len(variants)
    quoteless = [v for v in variants if "{quote}" not in v and "{said}" not in v]
    return len(quoteless) or len(variants)


# --- Strategies ---------------------------------------------------------------------------------


KEYS = sorted(WORDINGS, key=lambda key: (key[0].value, key[1]))


@st.composite
def built_in_moves(draw: st.DrawFn) -> Move:
    """A move of any built-in kind and topic, with facts the policy could give it."""
    kind, topic = draw(st.sampled_from(KEYS))
    count = draw(st.integers(1, 90))
    return Move(
        kind=kind,
        topic=topic,
        action=draw(st.sampled_from(["Walk for 30 minutes", "Meditate 10 min", "5 km run"])),
        name=draw(st.none() | st.sampled_from(["morning walk", "run"])),
        quote=draw(st.none() | st.sampled_from(QUOTES)),
        step=draw(st.none() | st.just("Walk for 10 minutes")),
        count=count,
        since=SINCE - timedelta(days=count),
        by=BY,
    )


# --- Three registers ------------------------------------------------------------------------------


def every_move() -> list[Move]:
    """One move for each built-in kind and topic, with facts to fill every placeholder."""
    return [
        Move(
            kind=kind,
            topic=topic,
            action="Walk for 30 minutes",
            name="morning walk",
            quote="Work has been intense this month.",
            step="Walk for 10 minutes",
            count=3,
            since=SINCE,
            by=BY,
        )
        for kind, topic in KEYS
    ]


def test_the_three_registers_word_every_move_differently() -> None:
    for move in every_move():
        worded = {register: VOICES[register].render([move], UTC_ZONE) for register in Directness}

        assert 3 == len(set(worded.values())), (move.kind, move.topic, worded)


def test_no_variant_is_shared_between_registers() -> None:
    for key in WORDINGS:
        gentle, balanced, direct = (set(REGISTERS[r][key]) for r in Directness)

        assert set() == (gentle & balanced) | (balanced & direct) | (gentle & direct), key


def test_direct_is_shorter_than_balanced_and_gentle_on_average() -> None:
    def mean_words(register: Directness) -> float:
        return statistics.mean(
            len(VOICES[register].render([move], UTC_ZONE).split()) for move in every_move()
        )

    assert mean_words(Directness.DIRECT) < 0.75 * mean_words(Directness.BALANCED)
    assert mean_words(Directness.DIRECT) < 0.75 * mean_words(Directness.GENTLE)


def test_direct_names_the_facts_and_the_ask() -> None:
    moves = [
        Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", name="walk", count=3, since=SINCE),
        Move(kind=MoveKind.ASK_RECOMMITMENT, step="Walk for 10 minutes", by=BY),
    ]

    text = VOICES[Directness.DIRECT].render(moves, UTC_ZONE)

    assert "your walks" in text
    assert "since Tuesday 3 March" in text
    assert "by Friday 6 March" in text
    assert len(text.split()) <= 25


@pytest.mark.parametrize("register", list(Directness))
@given(st.lists(built_in_moves(), max_size=6))
def test_every_register_renders_kindly_and_asks_at_most_one_question_per_asking_move(
    register: Directness, moves: list[Move]
) -> None:
    text = VOICES[register].render(moves, UTC_ZONE)

    assert () == review(text).findings
    codes = [sentence.code for sentence in audit([text]).sentences]
    assert [] == [c for c in codes if c in (MiCode.CONFRONT, MiCode.ADVICE_WITHOUT_PERMISSION)]
    asking = sum(move.kind in _ASKING for move in moves)
    own = re.sub(r"\u201c[^\u201d]*\u201d", "", text)
    assert asking == own.count("?")


_ASKING = frozenset(
    {
        MoveKind.OPEN_QUESTION,
        MoveKind.OFFER_SMALLER_STEP,
        MoveKind.ASK_RECOMMITMENT,
        MoveKind.CHALLENGE,
        MoveKind.INVITE_PEER,
    }
)


def test_a_coachs_wording_is_used_in_every_register() -> None:
    wordings = {(MoveKind.AFFIRM, ""): "Thanks for staying with this."}

    for register in Directness:
        voice = EnglishVoice(wordings, register=register)
        assert "Thanks for staying with this." == voice.render(
            [Move(kind=MoveKind.AFFIRM)], UTC_ZONE
        )


def test_a_voice_in_another_register_is_another_voice() -> None:
    assert EnglishVoice(register=Directness.DIRECT) != EnglishVoice()
    assert EnglishVoice(register=Directness.DIRECT) == VOICES[Directness.DIRECT]
    assert "EnglishVoice(register='direct')" == repr(VOICES[Directness.DIRECT])


def test_a_register_that_is_not_a_directness_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="register"):
        EnglishVoice(register="direct")  # type: ignore[arg-type]


def test_a_voice_with_its_own_register_keeps_it_whatever_the_client_asked_for() -> None:
    gentle = VOICES[Directness.GENTLE]

    assert gentle is gentle.speaking(Directness.DIRECT)
    assert Directness.DIRECT == DEFAULT_VOICE.speaking(Directness.DIRECT).register


@pytest.mark.parametrize("register", list(Directness))
def test_phrase_speaks_in_the_register_the_client_asked_for(register: Directness) -> None:
    journal = example_journal()
    agreement = attrs.evolve(journal.agreement, directness=register)
    assessment = assess(journal.with_agreement(agreement), EXAMPLE_NOW)
    follow_up = decide(assessment)

    text = phrase(follow_up, assessment).text

    seed = seed_for(follow_up, assessment)
    assert VOICES[register].render(follow_up.moves, ZoneInfo(assessment.zone), seed=seed) == text


# --- Memory -------------------------------------------------------------------------------------


@given(
    st.lists(st.lists(built_in_moves(), min_size=1, max_size=4), min_size=2, max_size=14),
    st.sampled_from(list(Directness)),
)
def test_no_sentence_of_the_last_five_messages_is_said_again_while_a_wording_is_left(
    messages: list[list[Move]], register: Directness
) -> None:
    voice = VOICES[register]
    texts: list[str] = []
    sent: list[list[Move]] = []
    for moves in messages:
        text = voice.render(moves, UTC_ZONE, previous=texts)

        recent = sent[-RECENT_MESSAGES:]
        involved = [*(m for earlier in recent for m in earlier), *moves]
        before: set[str] = set()
        for earlier in texts[-RECENT_MESSAGES:]:
            before |= sentences(earlier, involved, voice)
        worded = [voice.variants(m) for m in involved]
        spare = all(
            usable(voice, move)
            > worded[: len(involved) - len(moves) + index].count(voice.variants(move))
            for index, move in enumerate(moves)
        )
        if spare:
            assert set() == sentences(text, involved, voice) & before, (text, texts[-5:])
            own = re.split(r"(?<=[.!?])\s+", re.sub(r"\u201c[^\u201d]*\u201d", MASK, text))
            assert len(own) == len(set(own)), text
        if len(texts) < max(usable(voice, move) for move in moves):
            assert text not in texts
        texts.append(text)
        sent.append(moves)


def test_the_same_moves_sent_week_after_week_never_read_the_same_twice_in_eight_weeks() -> None:
    moves = [
        Move(kind=MoveKind.ACKNOWLEDGE, topic="check_in"),
        Move(kind=MoveKind.OPEN_QUESTION, topic="keep_it_up"),
    ]
    for register in Directness:
        texts: list[str] = []
        for _week in range(8):
            texts.append(VOICES[register].render(moves, UTC_ZONE, previous=texts))

        assert len(texts) == len(set(texts)), register


def test_one_previous_text_still_reads_as_the_last_message() -> None:
    move = Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")
    first = DEFAULT_VOICE.render([move], UTC_ZONE)

    assert DEFAULT_VOICE.render([move], UTC_ZONE, first) == DEFAULT_VOICE.render(
        [move], UTC_ZONE, [first]
    )


def test_of_the_wordings_left_the_one_used_longest_ago_is_taken() -> None:
    move = Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")
    variants = DEFAULT_VOICE.variants(move)
    history = [variants[4], variants[2], variants[0], variants[1], variants[3]]

    assert variants[4] == DEFAULT_VOICE.render([move], UTC_ZONE, history)


@pytest.mark.parametrize(
    ("previous", "field"),
    [(b"bytes", "previous"), (["fine", 3], r"previous\[1\]"), (7, "previous")],
    ids=["bytes", "not-text", "a-number"],
)
def test_previous_texts_that_are_not_texts_are_refused_naming_which(
    previous: object, field: str
) -> None:
    with pytest.raises(InvalidValueError, match=field):
        DEFAULT_VOICE.render([Move(kind=MoveKind.AFFIRM)], UTC_ZONE, previous)  # type: ignore[arg-type]


def _sent(text: str, days_ago: float) -> FollowUpSent:
    return FollowUpSent(
        id=f"f-{days_ago}",
        at=EXAMPLE_NOW - timedelta(days=days_ago),
        kind=FollowUpKind.CHECK_IN,
        text=text,
    )


def test_phrase_hands_the_voice_the_messages_of_the_last_eight_weeks() -> None:
    journal = example_journal()
    assessment = assess(journal, EXAMPLE_NOW)
    follow_up = decide(assessment)
    seen: list[object] = []

    class Listening:
        def render(self, moves: Sequence[Move], zone: object, previous: object = "") -> str:
            seen.append(previous)
            return "ok"

    old = _sent("Sent long ago.", MEMORY_DAYS + 1)
    recent = [_sent("Sent a month ago.", 30), _sent("Sent last week.", 7)]
    assessment = attrs.evolve(assessment, follow_ups=(old, *recent))

    phrase(follow_up, assessment, Listening())

    assert [["Sent a month ago.", "Sent last week."]] == seen


# --- The new topics -------------------------------------------------------------------------------


def _say(register: Directness, **fields: object) -> list[str]:
    """Every variant of a move in *register*, filled in."""
    voice = VOICES[register]
    move = Move(**fields)  # type: ignore[arg-type]
    values = voice.values(move, UTC_ZONE)
    return [text.format_map(values) for text in voice.variants(move)]


@pytest.mark.parametrize("register", list(Directness))
def test_a_crisis_is_acknowledged_without_quoting_the_painful_words(register: Directness) -> None:
    for topic in ("crisis", "after_crisis"):
        for text in _say(
            register,
            kind=MoveKind.ACKNOWLEDGE,
            topic=topic,
            quote="My mum passed away last night.",
            since=SINCE,
            count=15,
        ):
            assert "mum" not in text
            assert "\u201c" not in text
            assert "?" not in text


@pytest.mark.parametrize("register", list(Directness))
def test_the_first_message_after_a_crisis_says_when_it_began(register: Directness) -> None:
    texts = _say(register, kind=MoveKind.ACKNOWLEDGE, topic="after_crisis", since=SINCE, count=15)

    assert all("since 3 March" in text or "two weeks" in text for text in texts)


@pytest.mark.parametrize("register", list(Directness))
def test_rest_is_the_answer_until_the_end_date_and_no_shorter_version_is_offered(
    register: Directness,
) -> None:
    for text in _say(register, kind=MoveKind.ACKNOWLEDGE, topic="rest", name="walk", by=BY):
        assert "Friday 6 March" in text
        assert "rest" in text.lower() or "heal" in text.lower()
        assert not re.search(r"\b(shorter|smaller|minutes)\b", text)


@pytest.mark.parametrize("register", list(Directness))
def test_a_renegotiation_says_its_horizon_and_its_new_terms_plainly(register: Directness) -> None:
    monday = datetime(2026, 3, 9, 8, tzinfo=UTC)
    for text in _say(
        register,
        kind=MoveKind.ACKNOWLEDGE,
        topic="renegotiation",
        step="Walk 10 minutes",
        by=monday,
    ):
        assert "Monday 9 March" in text
        assert "\u201cWalk 10 minutes\u201d" in text


@pytest.mark.parametrize("register", list(Directness))
def test_a_long_lapse_is_told_plainly_without_reassurance(register: Directness) -> None:
    for text in _say(
        register, kind=MoveKind.ACKNOWLEDGE, topic="long_lapse", name="walk", count=21
    ):
        assert "three weeks" in text
        assert "your walks" in text
        for soft in ("erase", "slipped a little", "still counts", "normal"):
            assert soft not in text


@pytest.mark.parametrize("register", list(Directness))
def test_doubt_is_reflected_and_validated_without_a_but(register: Directness) -> None:
    for text in _say(
        register,
        kind=MoveKind.ACKNOWLEDGE,
        topic="doubt",
        quote="Honestly not sure I can keep this up.",
    ):
        assert "\u201cHonestly not sure I can keep this up" in text
        assert not re.search(r"\bbut\b", text.lower())


@pytest.mark.parametrize("register", list(Directness))
def test_a_busy_week_is_acknowledged_and_never_asked_about(register: Directness) -> None:
    for text in _say(
        register,
        kind=MoveKind.ACKNOWLEDGE,
        topic="busy",
        quote="Huge deadline, 12-hour days all week.",
    ):
        assert "?" not in text
        assert "got in the way" not in text


@pytest.mark.parametrize("register", list(Directness))
def test_a_check_in_without_words_gets_a_reply_without_empty_quotes(register: Directness) -> None:
    voice = VOICES[register]
    moves = [Move(kind=MoveKind.ACKNOWLEDGE, topic="check_in", count=n) for n in range(40)]
    texts = [voice.render([move], UTC_ZONE) for move in moves]

    assert all("\u201c\u201d" not in text for text in texts)
    assert len(set(texts)) >= 4


@pytest.mark.parametrize("register", list(Directness))
def test_a_stated_intention_is_followed_up_by_asking_how_it_went(register: Directness) -> None:
    for text in _say(
        register, kind=MoveKind.OPEN_QUESTION, topic="intention", quote="I'll walk tomorrow morning"
    ):
        assert "\u201cI'll walk tomorrow morning\u201d" in text
        assert 1 == text.count("?")


@pytest.mark.parametrize("register", list(Directness))
def test_the_goal_itself_is_asked_about_in_one_question(register: Directness) -> None:
    for text in _say(register, kind=MoveKind.OPEN_QUESTION, topic="goal_itself"):
        assert 1 == text.count("?")
        assert "paus" in text
        assert "call" in text


@pytest.mark.parametrize("register", list(Directness))
def test_a_surfaced_plan_is_a_statement_not_a_question(register: Directness) -> None:
    for text in _say(
        register, kind=MoveKind.SURFACE_PLAN, quote="If I work late", response="I walk at 7"
    ):
        assert "?" not in text
        assert "\u201cIf I work late, then I walk at 7.\u201d" in text
