"""The default voice: the client's words quoted as written, and never read as a template."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given

from accountability import Move, MoveKind, testing
from accountability.exceptions import InvalidValueError
from accountability.phrase import EnglishVoice

UTC = ZoneInfo("UTC")
VOICE = EnglishVoice()


@given(testing.client_words())
def test_the_clients_words_are_quoted_exactly_and_never_read_as_a_template(words: str) -> None:
    text = VOICE.render([Move(kind=MoveKind.REMIND_WHY, quote=words)], UTC)

    assert f"\u201c{words.strip()}" in text


def test_braces_and_dollars_in_client_words_stay_literal() -> None:
    text = VOICE.render([Move(kind=MoveKind.ACKNOWLEDGE, topic="fear", quote="{why} ${x}")], UTC)

    assert "\u201c{why} ${x}.\u201d" in text


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "the last check-in we"), (3, "the last 3 check-ins we")],
)
def test_missed_check_ins_are_counted_in_plain_english(count: int, words: str) -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="missed_check_ins", count=count)

    assert words in VOICE.render([move], UTC)


def test_an_if_then_plan_reads_as_one_sentence_even_when_the_client_wrote_if_and_then() -> None:
    move = Move(kind=MoveKind.SURFACE_PLAN, quote="if I work late", response="then I run at 7.")

    text = VOICE.render([move], UTC)

    assert "\u201cIf I work late, then I run at 7.\u201d" in text


def test_every_kind_of_move_has_a_wording() -> None:
    for kind in MoveKind:
        assert VOICE.render([Move(kind=kind)], UTC).strip()


def test_a_coach_can_replace_one_wording_and_keep_the_rest() -> None:
    voice = EnglishVoice({(MoveKind.OPEN_QUESTION, "reconnect"): "So, how are things?"})

    text = voice.render(
        [
            Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=9),
            Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect"),
        ],
        UTC,
    )

    assert text.endswith("So, how are things?")
    assert text.startswith("It's been 9 days since I last heard from you")


@pytest.mark.parametrize(
    "wordings",
    [
        {(MoveKind.AFFIRM, ""): "Nice, {client.__class__}"},
        {(MoveKind.AFFIRM, ""): "Nice, {name}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action!r}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action:>10}"},
        {("affirm", ""): "Nice"},
        {(MoveKind.AFFIRM, ""): ""},
        [1, 2],
    ],
    ids=["attribute", "unknown", "conversion", "format-spec", "bad-key", "empty", "not-a-map"],
)
def test_a_template_that_reaches_past_its_placeholders_is_refused_when_the_voice_is_made(
    wordings: object,
) -> None:
    with pytest.raises(InvalidValueError, match="wordings"):
        EnglishVoice(wordings)  # type: ignore[arg-type]
