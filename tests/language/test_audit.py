"""The MI audit: each sentence of a coach's messages coded as an MI coder would, and scored."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from accountability import testing
from accountability.exceptions import InvalidValueError
from accountability.language import review
from accountability.language.mi import (
    CUTOFFS,
    Audit,
    CodedSentence,
    MiCode,
    MitiLevel,
    MitiThreshold,
    audit,
)


def codes(message: str) -> list[MiCode]:
    return [sentence.code for sentence in audit([message]).sentences]


def texts(message: str) -> list[str]:
    return [sentence.text for sentence in audit([message]).sentences]


# --- Every code, by example -----------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "What got in the way?",
        "How did the first week feel?",
        "Looking back, what helped the most?",
        "Tell me about your week.",
        "Can you tell me more about Tuesday?",
        "I'm curious what made Sunday work so well.",
        "What would make it easier, do you think?",
    ],
)
def test_wh_questions_and_requests_to_tell_more_are_open_questions(message: str) -> None:
    assert [MiCode.OPEN_QUESTION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "Did you go for the walk?",
        "Can you make Friday?",
        "Would it help to check in with your buddy this week?",
        "How many days did you run?",
        "What you want is to rest, right?",
        "How confident are you, from 0 to 10, that you'll do it?",
        "When you think about it, does it still matter to you?",
    ],
)
def test_yes_no_and_how_many_questions_are_closed_questions(message: str) -> None:
    assert [MiCode.CLOSED_QUESTION] == codes(message)


def test_quoting_the_clients_words_back_is_a_simple_reflection() -> None:
    assert [MiCode.SIMPLE_REFLECTION] == codes(
        "You said \u201cI want to be there for my kids.\u201d"
    )


@pytest.mark.parametrize(
    "message",
    [
        "It sounds like the evenings are busy.",
        "So you ran twice and walked once.",
        "You told me: \u201cI'm scared I'll fail again.\u201d",
        "Your plan was \u201cIf I work late, then I walk at lunch.\u201d",
    ],
)
def test_repeating_or_lightly_rephrasing_is_a_simple_reflection(message: str) -> None:
    assert [MiCode.SIMPLE_REFLECTION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "On one hand you love the mornings, and on the other you're exhausted.",
        "Part of you wants to rest, and part of you feels guilty about resting.",
        "It sounds like what matters most is being there for your kids.",
        "That sounds exhausting.",
        "You must be worn out.",
        "I wonder if the goal feels bigger than it did in January.",
        "That fear makes sense.",
    ],
)
def test_a_reflection_that_adds_meaning_feeling_or_two_sides_is_complex(message: str) -> None:
    assert [MiCode.COMPLEX_REFLECTION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "You showed up even on a hard week.",
        "That took courage.",
        "You've come a long way since January.",
        "Thank you for being honest with me.",
        "Well done!",
        "I appreciate you staying in this with me.",
    ],
)
def test_genuine_praise_of_effort_or_strength_is_an_affirmation(message: str) -> None:
    assert [MiCode.AFFIRMATION] == codes(message)


def test_advice_after_asking_permission_in_the_same_message_is_with_permission() -> None:
    message = "Would it help if I shared an idea? You could set an alarm."

    assert [MiCode.CLOSED_QUESTION, MiCode.ADVICE_WITH_PERMISSION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "If you're open to it, one option is to walk after lunch.",
        "One option, if it fits, is a shorter walk.",
        "It's your call, but you could try a shorter walk.",
        "Here's a thought, take it or leave it: a ten-minute version on busy days.",
    ],
)
def test_advice_offered_as_the_clients_choice_is_with_permission(message: str) -> None:
    assert [MiCode.ADVICE_WITH_PERMISSION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "You should set an alarm.",
        "Try going to bed earlier.",
        "I suggest a smaller goal.",
        "I recommend cutting it in half.",
        "You could walk at lunch.",
        "Consider a shorter route.",
        "Set an alarm.",
        "Please put your phone in the kitchen.",
        "How about a walk at lunch?",
        "Let's aim for three sessions.",
        "Don't skip breakfast on training days.",
    ],
)
def test_advice_given_without_asking_first_is_without_permission(message: str) -> None:
    assert [MiCode.ADVICE_WITHOUT_PERMISSION] == codes(message)


def test_permission_asked_in_one_message_does_not_carry_to_the_next() -> None:
    report = audit(["Would it help if I shared an idea?", "You could set an alarm."])

    assert MiCode.ADVICE_WITHOUT_PERMISSION is report.sentences[1].code


def test_permission_asked_after_the_advice_comes_too_late() -> None:
    message = "You could set an alarm. Would that help?"

    assert [MiCode.ADVICE_WITHOUT_PERMISSION, MiCode.CLOSED_QUESTION] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "It's your call.",
        "You decide.",
        "It's entirely up to you.",
        "You know best what works for you.",
        "Whenever you're ready, we can look at it again.",
        "No pressure at all.",
        "You don't have to decide today.",
        "Take your time.",
    ],
)
def test_naming_the_clients_choice_emphasises_autonomy(message: str) -> None:
    assert [MiCode.EMPHASISE_AUTONOMY] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "You need to stop.",
        "That's not true.",
        "You're making excuses.",
        "You have to commit.",
        "Why didn't you tell me?",
        "You should have planned for this.",
        "I'm disappointed.",
        "Honestly, you're just being lazy.",
        "If you don't start now, you'll never get there.",
    ],
)
def test_arguing_criticising_shaming_and_warning_confront(message: str) -> None:
    assert [MiCode.CONFRONT] == codes(message)


def test_guessing_a_feeling_with_you_must_be_is_a_reflection_not_a_confrontation() -> None:
    assert [MiCode.COMPLEX_REFLECTION] == codes("You must be exhausted.")


def test_releasing_the_client_from_a_duty_is_not_a_confrontation() -> None:
    message = (
        "There is nothing you need to do for our work, and I'm here whenever you want to talk."
    )

    assert [MiCode.EMPHASISE_AUTONOMY] == codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "Talk soon.",
        "Our call is at 6 p.m. tomorrow.",
        "Take care!",
        "Keep going.",
        "Rest is important.",
        "Let me know how it goes.",
        "I hear you.",
    ],
)
def test_small_talk_scheduling_and_sign_offs_are_other(message: str) -> None:
    assert [MiCode.OTHER] == codes(message)


def test_a_question_in_the_clients_quoted_words_is_coded_by_the_coachs_frame() -> None:
    assert [MiCode.SIMPLE_REFLECTION] == codes("You said \u201cWhy do I even try?\u201d")


def test_advice_in_the_clients_quoted_words_is_not_the_coachs_advice() -> None:
    assert [MiCode.SIMPLE_REFLECTION] == codes('You told me: "I should just quit."')


def test_a_client_quoting_someone_else_stays_quoted() -> None:
    message = "You said: \u201cMy doctor said \u201cyou need to stop\u201d and I froze.\u201d"

    assert [MiCode.SIMPLE_REFLECTION] == codes(message)


def test_each_sentence_names_the_words_that_decided_its_code() -> None:
    report = audit(["It sounds like the week was long. You should rest. Talk soon."])

    assert ["it sounds like", "you should", ""] == [s.cue for s in report.sentences]


# --- Splitting a message into sentences -----------------------------------------------------


def test_abbreviations_decimals_and_times_do_not_end_a_sentence() -> None:
    message = "Try a short walk, e.g. 2.5 km at 7 a.m. every day, with Dr. Lee's plan."

    assert [message] == texts(message)


def test_a_quoted_sentence_ends_where_its_quotation_closes() -> None:
    message = (
        "You told me: \u201cI'm scared.\u201d That makes sense. \u201cWhy bother?\u201d you asked."
    )

    assert [
        "You told me: \u201cI'm scared.\u201d",
        "That makes sense.",
        "\u201cWhy bother?\u201d you asked.",
    ] == texts(message)


def test_an_ellipsis_ends_a_sentence_only_before_a_capital() -> None:
    message = "I wonder... maybe not. Hmm... What now?"

    assert ["I wonder... maybe not.", "Hmm...", "What now?"] == texts(message)


def test_list_items_are_sentences_without_their_bullets() -> None:
    message = "A few ideas:\n- set an alarm\n- lay out your clothes\n1. Sleep by ten"

    assert ["A few ideas:", "set an alarm", "lay out your clothes", "Sleep by ten"] == texts(
        message
    )


def test_a_hard_wrapped_line_does_not_end_a_sentence() -> None:
    message = "It sounds like the evenings\nare when it falls apart."

    assert [message] == texts(message)


def test_emoji_stay_with_the_sentence_they_follow() -> None:
    assert ["Great job! \U0001f389", "What's next?"] == texts("Great job! \U0001f389 What's next?")


def test_each_sentence_knows_its_message_and_where_it_lies_in_it() -> None:
    messages = ["Hi Sam!  How was it?", "You went. Nice work."]

    report = audit(messages)

    assert [(0, (0, 7)), (0, (9, 20)), (1, (0, 9)), (1, (10, 20))] == [
        (s.message, s.span) for s in report.sentences
    ]


# --- MITI 4 scores --------------------------------------------------------------------------

CONVERSATION = [
    # other, simple reflection, open question
    "Hi Sam. It sounds like the week got away from you. What happened on Tuesday?",
    # simple reflection, complex reflection
    "You said \u201cI just can't get up when it's dark.\u201d Part of you wants the mornings, "
    "and part of you wants to sleep in.",
    # closed question (asking permission), advice with permission, autonomy
    "Would it help if I shared an idea? Some people put a lamp on a timer. It's your call.",
    # affirmation, affirmation
    "You showed up twice anyway. That took grit.",
]


def test_a_hand_coded_conversation_gets_its_counts_and_miti_scores() -> None:
    report = audit(CONVERSATION)

    assert {
        MiCode.OPEN_QUESTION: 1,
        MiCode.CLOSED_QUESTION: 1,
        MiCode.SIMPLE_REFLECTION: 2,
        MiCode.COMPLEX_REFLECTION: 1,
        MiCode.AFFIRMATION: 2,
        MiCode.ADVICE_WITH_PERMISSION: 1,
        MiCode.ADVICE_WITHOUT_PERMISSION: 0,
        MiCode.EMPHASISE_AUTONOMY: 1,
        MiCode.CONFRONT: 0,
        MiCode.OTHER: 1,
    } == dict(report.counts)
    assert 1.5 == report.reflections_per_question
    assert pytest.approx(1 / 3) == report.complex_reflection_share
    assert {
        MitiThreshold.REFLECTIONS_PER_QUESTION: MitiLevel.FAIR,
        MitiThreshold.COMPLEX_REFLECTIONS: MitiLevel.BELOW_FAIR,
        MitiThreshold.NO_CONFRONTING: MitiLevel.GOOD,
        MitiThreshold.ADVICE_WITH_PERMISSION: MitiLevel.GOOD,
    } == dict(report.verdicts)


def test_ratios_without_a_question_or_a_reflection_are_undefined() -> None:
    report = audit(["Talk soon."])

    assert (None, None) == (report.reflections_per_question, report.complex_reflection_share)
    assert None is report.verdicts[MitiThreshold.REFLECTIONS_PER_QUESTION]
    assert None is report.verdicts[MitiThreshold.COMPLEX_REFLECTIONS]
    assert MitiLevel.GOOD is report.verdicts[MitiThreshold.NO_CONFRONTING]
    assert MitiLevel.GOOD is report.verdicts[MitiThreshold.ADVICE_WITH_PERMISSION]


def coded(*sequence: MiCode) -> Audit:
    return Audit(
        sentences=tuple(
            CodedSentence(message=0, span=(i, i + 1), text="x", code=code)
            for i, code in enumerate(sequence)
        )
    )


@pytest.mark.parametrize(
    ("reflections", "questions", "level"),
    [
        (1, 2, MitiLevel.BELOW_FAIR),
        (1, 1, MitiLevel.FAIR),
        (3, 2, MitiLevel.FAIR),
        (2, 1, MitiLevel.GOOD),
    ],
)
def test_reflections_per_question_are_fair_from_one_and_good_from_two(
    reflections: int, questions: int, level: MitiLevel
) -> None:
    report = coded(*[MiCode.SIMPLE_REFLECTION] * reflections, *[MiCode.OPEN_QUESTION] * questions)

    assert level is report.verdicts[MitiThreshold.REFLECTIONS_PER_QUESTION]


@pytest.mark.parametrize(
    ("complex_ones", "simple_ones", "level"),
    [
        (1, 2, MitiLevel.BELOW_FAIR),
        (2, 3, MitiLevel.FAIR),
        (1, 1, MitiLevel.GOOD),
        (3, 0, MitiLevel.GOOD),
    ],
)
def test_complex_reflections_are_fair_from_forty_and_good_from_fifty_percent(
    complex_ones: int, simple_ones: int, level: MitiLevel
) -> None:
    report = coded(
        *[MiCode.COMPLEX_REFLECTION] * complex_ones, *[MiCode.SIMPLE_REFLECTION] * simple_ones
    )

    assert level is report.verdicts[MitiThreshold.COMPLEX_REFLECTIONS]


def test_the_cut_offs_are_those_of_miti_4() -> None:
    assert {
        MitiThreshold.REFLECTIONS_PER_QUESTION: (1.0, 2.0),
        MitiThreshold.COMPLEX_REFLECTIONS: (0.4, 0.5),
    } == dict(CUTOFFS)


def test_one_confrontation_or_one_piece_of_unasked_advice_falls_below_fair() -> None:
    report = audit(["You're making excuses. Set an alarm."])

    assert (1, 1) == (report.confronting, report.advice_without_permission)
    assert MitiLevel.BELOW_FAIR is report.verdicts[MitiThreshold.NO_CONFRONTING]
    assert MitiLevel.BELOW_FAIR is report.verdicts[MitiThreshold.ADVICE_WITH_PERMISSION]


# --- Input ----------------------------------------------------------------------------------


def test_a_single_string_is_audited_as_one_message() -> None:
    assert audit(["Did you go? Well done."]) == audit("Did you go? Well done.")


def test_an_empty_list_or_a_blank_message_has_no_sentences() -> None:
    assert () == audit([]).sentences
    assert () == audit(["", "  \n "]).sentences


def test_a_message_that_is_not_text_is_refused_naming_its_index() -> None:
    with pytest.raises(InvalidValueError) as raised:
        audit(["Did you go?", 3])  # type: ignore[list-item]

    assert ("texts[1]", 3) == (raised.value.field, raised.value.value)


@pytest.mark.parametrize("texts_given", [42, None, b"Did you go?"])
def test_something_that_is_not_messages_is_refused(texts_given: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        audit(texts_given)  # type: ignore[arg-type]

    assert "texts" == raised.value.field


# --- Properties -----------------------------------------------------------------------------

COACH_SENTENCES = (
    "What got in the way?",
    "Did you go?",
    "It sounds like the week was long.",
    "On one hand you want it, and on the other you're tired.",
    "That took courage.",
    "Would it help if I shared an idea?",
    "You could set an alarm.",
    "It's your call.",
    "You need to stop.",
    "Talk soon.",
    "e.g. a walk at 7 a.m.",
    "Wait...",
    "\u201cunclosed",
    '"',
    "- ",
    "\U0001f389",
)


def messages() -> st.SearchStrategy[str]:
    """Coach messages: coaching sentences, quoted client words and any text, run together."""
    piece = st.one_of(
        st.sampled_from(COACH_SENTENCES),
        testing.client_words(),
        testing.client_words().map(lambda words: f"You said \u201c{words}\u201d"),
        st.text(max_size=20),
    )
    joiner = st.sampled_from(["", " ", "  ", "\n", "\n\n", " - "])
    return st.lists(st.tuples(piece, joiner), max_size=6).map(
        lambda parts: "".join(text + glue for text, glue in parts)
    )


@given(st.lists(messages(), max_size=4))
@example(["", "?", "...", "\u201c\u201d", "\u2018", '"a" "b', "1. 2. 3.", "\n\n\n"])
def test_any_messages_are_audited_and_their_counts_add_up_to_their_sentences(
    given_messages: list[str],
) -> None:
    report = audit(given_messages)

    assert len(report.sentences) == sum(report.counts.values())
    assert report.questions + report.reflections <= len(report.sentences)


@given(st.lists(messages(), max_size=4))
def test_the_same_messages_always_audit_the_same(given_messages: list[str]) -> None:
    assert audit(given_messages) == audit(list(given_messages))


@given(st.lists(messages(), max_size=3), st.lists(messages(), max_size=3))
def test_auditing_two_lists_joined_adds_their_counts(first: list[str], second: list[str]) -> None:
    joined = audit(first + second).counts

    assert Counter(audit(first).counts) + Counter(audit(second).counts) == Counter(joined)


@given(st.lists(messages(), max_size=4))
def test_every_sentence_is_a_trimmed_slice_of_its_message_in_order(
    given_messages: list[str],
) -> None:
    report = audit(given_messages)

    last = (-1, 0)
    for sentence in report.sentences:
        start, end = sentence.span
        assert given_messages[sentence.message][start:end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert last <= (sentence.message, start)
        last = (sentence.message, end)


@pytest.mark.parametrize("unordered", [{"What got in the way?"}, {"What got in the way?": 1}])
def test_messages_without_an_order_are_refused(unordered: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        audit(unordered)  # type: ignore[arg-type]

    assert "texts" == raised.value.field


# --- The review and the audit agree -------------------------------------------------------------

_LABELLED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "tone_eval.jsonl"


@pytest.mark.parametrize(
    "message",
    [
        "You failed again.",
        "You never follow through",
        "You should have done it by now.",
        "Why didn't you just do it?",
        "I'm disappointed.",
    ],
)
def test_a_sentence_the_review_flags_is_coded_a_confront(message: str) -> None:
    assert review(message).findings

    assert [MiCode.CONFRONT] == codes(message)


def test_every_sentence_of_the_labelled_set_the_review_flags_is_a_confront_in_the_audit() -> None:
    rows = [json.loads(line) for line in _LABELLED.read_text("utf-8").splitlines() if line]
    flagged = [row["text"] for row in rows if review(row["text"]).findings]
    single = [text for text in flagged if len(texts(text)) == 1]

    assert len(single) > 100  # the set holds plenty of judgment, one sentence at a time
    assert [] == [text for text in single if codes(text) != [MiCode.CONFRONT]]
