"""The default voice and a coach's own: varied wordings, the client's words, safe templates."""

from __future__ import annotations

import itertools
import json
import os
import pickle
import re
import string
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

import scenarios
from accountability import CheckIn, FollowUp, assess, decide, phrase, suggest, testing
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import InvalidValueError
from accountability.facts import WinFact, WinSource
from accountability.language.mi import MiCode, audit
from accountability.language.tone import review
from accountability.policy import Move, MoveKind
from accountability.record import Directness
from accountability.voice import english as phrase_module
from accountability.voice.english import (
    DEFAULT_VOICE,
    PLACEHOLDERS,
    SAMPLE_VALUES,
    WORDINGS,
    EnglishVoice,
    ToneWarning,
)
from accountability.voice.wordings import REGISTERS
from scenarios import at, journal, runs

UTC_ZONE = ZoneInfo("UTC")
VOICE = EnglishVoice()
BLAMING = "You should have walked {step} by {by}. Why didn't you?"


def built_in_wordings() -> list[tuple[str, str]]:
    """Every built-in variant of every register, with an id such as ``direct:affirm.growth[1]``."""
    return [
        (f"{register.value}:{kind.value}.{topic or 'default'}[{index}]", text)
        for register, table in REGISTERS.items()
        for (kind, topic), variants in table.items()
        for index, text in enumerate(variants)
    ]


BUILT_IN = built_in_wordings()


def filled(template: str) -> str:
    return template.format_map(SAMPLE_VALUES)


def variant_of(move: Move, previous: str = "") -> int:
    """Which of its variants the default voice words *move* with, after *previous*."""
    said = VOICE.say(move, UTC_ZONE, previous)
    values = VOICE.values(move, UTC_ZONE)
    found = [i for i, t in enumerate(VOICE.variants(move)) if t.format_map(values) == said]
    assert 1 == len(found)
    return found[0]


def sentences(text: str, moves: Iterable[Move]) -> set[str]:
    """The voice's own sentences in *text*: each move's values masked as ■, then split."""
    values = {v for move in moves for v in VOICE.values(move, UTC_ZONE).values() if v}
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, "\u25a0")
    split = re.split(r"(?<=[.!?\u2026])\s+", text)
    return {s for s in split if any(c.isalpha() for c in s.replace("\u25a0", ""))}


def own_sentences(template: str) -> list[str]:
    """A wording's sentences with every placeholder as ■, dropping those with no words of ours."""
    masked = "".join(
        literal + ("\u25a0" if name is not None else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(template)
    )
    sentences = re.split(r"(?<=[.!?\u2026])\s+", masked)
    return [s for s in sentences if any(c.isalpha() for c in s.replace("\u25a0", ""))]


# --- The client's words ---------------------------------------------------------------------


@given(testing.client_words())
def test_the_clients_words_are_quoted_exactly_and_never_read_as_a_template(words: str) -> None:
    text = VOICE.render([Move(kind=MoveKind.REMIND_WHY, quote=words)], UTC_ZONE)

    assert f"\u201c{words.strip()}" in text


def test_braces_and_dollars_in_client_words_stay_literal() -> None:
    text = VOICE.render(
        [Move(kind=MoveKind.ACKNOWLEDGE, topic="fear", quote="{why} ${x}")], UTC_ZONE
    )

    assert "\u201c{why} ${x}.\u201d" in text


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "the last check-in we"),
        (3, "the last three check-ins we"),
        (14, "the last 14 check-ins we"),
    ],
)
def test_missed_check_ins_are_counted_in_plain_english(count: int, words: str) -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="missed_check_ins", count=count)

    assert words in VOICE.render([move], UTC_ZONE).lower()


def test_an_if_then_plan_reads_as_one_sentence_even_when_the_client_wrote_if_and_then() -> None:
    move = Move(kind=MoveKind.SURFACE_PLAN, quote="if I work late", response="then I run at 7.")

    text = VOICE.render([move], UTC_ZONE)

    assert "\u201cIf I work late, then I run at 7.\u201d" in text


def test_a_wording_that_opens_with_the_voices_own_words_starts_with_a_capital() -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="sliding")  # no action: "this"

    text = EnglishVoice({(MoveKind.ACKNOWLEDGE, "sliding"): "{action} got harder."}).render(
        [move], UTC_ZONE
    )

    assert "This got harder." == text


def test_a_win_as_the_client_recorded_it_is_never_recapitalised() -> None:
    win = WinFact(
        id="w", at=datetime(2026, 3, 6, tzinfo=UTC), source=WinSource.REPORTED, what="ran 5k"
    )
    move = Move(kind=MoveKind.CELEBRATE, topic="other", win=win)

    assert VOICE.render([move], UTC_ZONE).startswith("ran 5k.")


def test_a_date_reads_on_the_clients_calendar() -> None:
    by = datetime(2026, 3, 6, 23, 30, tzinfo=UTC)
    move = Move(kind=MoveKind.ASK_RECOMMITMENT, step="Walk for 10 minutes", by=by)

    text = VOICE.render([move], ZoneInfo("Asia/Tokyo"))

    assert "Saturday 7 March" in text


def test_a_date_at_the_end_of_the_calendar_still_reads() -> None:
    by = datetime.max.replace(tzinfo=UTC)
    move = Move(kind=MoveKind.ASK_RECOMMITMENT, step="Walk for 10 minutes", by=by)

    text = VOICE.render([move], ZoneInfo("Pacific/Kiritimati"))

    assert "Friday 31 December" in text


# --- Variants -------------------------------------------------------------------------------


def test_every_kind_of_move_has_a_wording() -> None:
    for kind in MoveKind:
        assert VOICE.render([Move(kind=kind)], UTC_ZONE).strip()


FREQUENT = (
    (MoveKind.ACKNOWLEDGE, "lapse"),
    (MoveKind.ACKNOWLEDGE, "check_in"),
    (MoveKind.ACKNOWLEDGE, "silence"),
    (MoveKind.ACKNOWLEDGE, ""),
    (MoveKind.AFFIRM, ""),
    (MoveKind.CELEBRATE, "reported"),
    (MoveKind.CELEBRATE, "streak"),
    (MoveKind.CELEBRATE, "comeback"),
    (MoveKind.CELEBRATE, "momentum"),
    (MoveKind.OPEN_QUESTION, ""),
    (MoveKind.OPEN_QUESTION, "what_got_in_the_way"),
    (MoveKind.OPEN_QUESTION, "what_would_help"),
    (MoveKind.OPEN_QUESTION, "reconnect"),
    (MoveKind.OPEN_QUESTION, "keep_it_up"),
    (MoveKind.EMPHASISE_AUTONOMY, ""),
)
"""The moves a client hears most: each has a variant for every one of the last five messages."""


@pytest.mark.parametrize("register", list(Directness))
def test_every_built_in_wording_has_three_to_seven_variants_and_the_voice_uses_them(
    register: Directness,
) -> None:
    voice = EnglishVoice(register=register)
    for (kind, topic), variants in REGISTERS[register].items():
        assert 3 <= len(variants) <= 7, (kind, topic)
        assert variants == voice.variants(Move(kind=kind, topic=topic))
    for key in FREQUENT:
        assert len(REGISTERS[register][key]) >= 5, key


def test_every_register_words_the_same_moves_and_topics() -> None:
    assert set(WORDINGS) == set(REGISTERS[Directness.GENTLE]) == set(REGISTERS[Directness.DIRECT])


@pytest.mark.parametrize(("where", "template"), BUILT_IN, ids=[where for where, _ in BUILT_IN])
def test_every_built_in_variant_passes_the_tone_review(where: str, template: str) -> None:
    assert () == review(filled(template)).findings


@pytest.mark.parametrize(("where", "template"), BUILT_IN, ids=[where for where, _ in BUILT_IN])
def test_every_built_in_variant_neither_confronts_nor_advises_without_permission(
    where: str, template: str
) -> None:
    codes = [sentence.code for sentence in audit([filled(template)]).sentences]

    assert [] == [c for c in codes if c in (MiCode.CONFRONT, MiCode.ADVICE_WITHOUT_PERMISSION)]


@pytest.mark.parametrize(("where", "template"), BUILT_IN, ids=[where for where, _ in BUILT_IN])
def test_every_built_in_variant_uses_only_known_placeholders(where: str, template: str) -> None:
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        assert name is None or (name in PLACEHOLDERS and not spec and not conversion)


@pytest.mark.parametrize("register", list(Directness))
def test_no_two_built_in_variants_of_a_register_share_a_sentence(register: Directness) -> None:
    seen: dict[str, str] = {}
    for where, template in BUILT_IN:
        if not where.startswith(register.value + ":"):
            continue
        for sentence in own_sentences(template):
            assert sentence not in seen, f"{where} repeats {seen.get(sentence)}: {sentence}"
            seen[sentence] = where


ASKING = frozenset(
    {
        MoveKind.OPEN_QUESTION,
        MoveKind.OFFER_SMALLER_STEP,
        MoveKind.ASK_RECOMMITMENT,
        MoveKind.CHALLENGE,
        MoveKind.INVITE_PEER,
    }
)
"""The moves that carry a question: the policy keeps at most one of them per follow-up."""


@pytest.mark.parametrize(("where", "template"), BUILT_IN, ids=[where for where, _ in BUILT_IN])
def test_a_wording_that_asks_holds_one_question_and_any_other_none(
    where: str, template: str
) -> None:
    kind = MoveKind(where.split(":")[1].split(".", maxsplit=1)[0])
    own_words = "".join(literal for literal, *_ in string.Formatter().parse(template))

    assert (1 if kind in ASKING else 0) == own_words.count("?")


def test_the_same_move_always_reads_the_same() -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", action="Run for 20 minutes")

    assert EnglishVoice().render([move], UTC_ZONE) == VOICE.render([move], UTC_ZONE)


def test_different_facts_reach_every_variant() -> None:
    moves = [
        Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", action=f"Walk for {n} minutes")
        for n in range(10, 40)
    ]

    reached = {variant_of(move) for move in moves}

    assert set(range(len(VOICE.variants(moves[0])))) == reached


RENDER_MANY = """
from zoneinfo import ZoneInfo
from accountability.policy import Move, MoveKind
from accountability.voice.english import DEFAULT_VOICE
for n in range(40):
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", action=f"Walk for {n} minutes")
    print(DEFAULT_VOICE.render([move], ZoneInfo("UTC")))
"""


def test_the_choice_of_wording_is_the_same_in_every_process() -> None:
    outputs = [
        subprocess.run(
            [sys.executable, "-c", RENDER_MANY],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]

    assert outputs[0] == outputs[1]
    assert len(set(outputs[0].splitlines())) > 3


def test_a_move_worded_in_the_previous_follow_up_is_worded_differently_now() -> None:
    move = Move(kind=MoveKind.OPEN_QUESTION, topic="what_got_in_the_way")
    first = VOICE.render([move], UTC_ZONE)

    second = VOICE.render([move], UTC_ZONE, previous=first)

    assert first != second
    assert second in VOICE.variants(move)


def test_a_sentence_is_recognised_whatever_its_placeholders_were_filled_with() -> None:
    silences = [Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=n) for n in range(7, 40)]
    first = silences[0]
    same_start = [m for m in silences[1:] if variant_of(m) == variant_of(first)]

    after = [variant_of(m, previous=VOICE.say(first, UTC_ZONE)) for m in same_start]

    assert same_start
    assert variant_of(first) not in after


def test_when_the_previous_follow_up_used_every_variant_the_moves_own_start_is_kept() -> None:
    move = Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")
    everything = " ".join(VOICE.variants(move))

    assert VOICE.render([move], UTC_ZONE) == VOICE.render([move], UTC_ZONE, previous=everything)


def test_consecutive_follow_ups_to_one_client_do_not_repeat_a_sentence() -> None:
    record = journal(
        *runs(0, 1, 2, 3, 4),
        *(CheckIn(id=f"k{day}", at=at(day, 21), progress="Busy day") for day in range(5, 14)),
    )
    sent: list[FollowUp] = []
    for day in range(6, 14, 2):
        follow_up = suggest(record, at(day, 10))
        sent.append(follow_up)
        record = record.add(follow_up.sent(f"f{day}"))

    assert 4 == sum(bool(follow_up.moves) for follow_up in sent)
    for earlier, later in itertools.pairwise(sent):
        moves = (*earlier.moves, *later.moves)
        repeated = sentences(later.text, moves) & sentences(earlier.text, moves)
        assert set() == repeated


# --- A coach's own wordings -----------------------------------------------------------------


def test_a_coach_can_replace_one_wording_and_keep_the_rest() -> None:
    voice = EnglishVoice({(MoveKind.OPEN_QUESTION, "reconnect"): "So, how are things?"})
    silence = Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=9)

    text = voice.render([silence, Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")], UTC_ZONE)

    assert f"{DEFAULT_VOICE.say(silence, UTC_ZONE)} So, how are things?" == text


def test_a_policy_speaks_in_the_coachs_own_voice() -> None:
    voice = EnglishVoice.from_dict({"open_question": {"reconnect": "So, how are things?"}})
    record, now = scenarios.silent(10)

    follow_up = suggest(record, now, voice=voice)

    assert follow_up.text.endswith("So, how are things?")


def test_a_coach_can_give_several_variants_and_they_take_turns() -> None:
    voice = EnglishVoice({(MoveKind.OPEN_QUESTION, ""): ["How's it going?", "What's new?"]})
    move = Move(kind=MoveKind.OPEN_QUESTION, topic="anything")

    first = voice.render([move], UTC_ZONE)
    second = voice.render([move], UTC_ZONE, previous=first)

    assert {"How's it going?", "What's new?"} == {first, second}


def test_double_braces_in_a_wording_are_literal_braces() -> None:
    voice = EnglishVoice({(MoveKind.AFFIRM, ""): "Nice {{work}} on {action}."})

    text = voice.render([Move(kind=MoveKind.AFFIRM, action="{step}")], UTC_ZONE)

    assert "Nice {work} on \u201c{step}\u201d." == text


@pytest.mark.parametrize(
    "wordings",
    [
        {(MoveKind.AFFIRM, ""): "Nice, {client.__class__}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action.__class__}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action[0]}"},
        {(MoveKind.AFFIRM, ""): "Nice, {name}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action!r}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action:>10}"},
        {(MoveKind.AFFIRM, ""): "Nice, {}"},
        {(MoveKind.AFFIRM, ""): "Nice, {0}"},
        {(MoveKind.AFFIRM, ""): "Nice, {action"},
        {(MoveKind.AFFIRM, ""): "Nice, }"},
        {("affirm", ""): "Nice"},
        {(MoveKind.AFFIRM, ""): ""},
        {(MoveKind.AFFIRM, ""): []},
        {(MoveKind.AFFIRM, ""): ["Nice", 3]},
        {(MoveKind.AFFIRM, ""): {"Nice"}},
        [1, 2],
    ],
    ids=[
        "attribute",
        "placeholder-attribute",
        "index",
        "unknown",
        "conversion",
        "format-spec",
        "positional",
        "numbered",
        "unclosed",
        "lone-brace",
        "bad-key",
        "empty",
        "no-variants",
        "variant-not-text",
        "a-set",
        "not-a-map",
    ],
)
def test_a_template_that_reaches_past_its_placeholders_is_refused_when_the_voice_is_made(
    wordings: object,
) -> None:
    with pytest.raises(InvalidValueError, match="wordings"):
        EnglishVoice(wordings)  # type: ignore[arg-type]


def test_a_refusal_names_the_variant_and_the_placeholders_to_use() -> None:
    with pytest.raises(InvalidValueError) as refused:
        EnglishVoice({(MoveKind.AFFIRM, "growth"): ["Great, {action}!", "Great, {name}!"]})

    assert "wordings.affirm.growth[1]" == refused.value.field
    assert "Great, {name}!" == refused.value.value
    assert "{action}" in refused.value.reason


def test_a_voice_from_plain_data_takes_default_and_blank_as_the_fallback_topic() -> None:
    voice = EnglishVoice.from_dict(
        {
            "affirm": {"default": "Thanks for staying with it."},
            "open_question": {"": ["What's new?", "How's it going?"], "reconnect": "Hi again!"},
        }
    )

    assert ("Thanks for staying with it.",) == voice.variants(Move(kind=MoveKind.AFFIRM))
    assert ("What's new?", "How's it going?") == voice.variants(
        Move(kind=MoveKind.OPEN_QUESTION, topic="a_coachs_own_topic")
    )
    assert "Hi again!" == voice.render(
        [Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")], UTC_ZONE
    )
    assert VOICE.variants(Move(kind=MoveKind.CHALLENGE)) == voice.variants(
        Move(kind=MoveKind.CHALLENGE)
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"acknowledgee": {"setback": "Sorry."}}, "wordings.acknowledgee"),
        (
            {"acknowledge": {"setback": ["Sorry.", "Sorry, {who}."]}},
            "wordings.acknowledge.setback[1]",
        ),
        ({"acknowledge": {"setback": ["Sorry.", 7]}}, "wordings.acknowledge.setback[1]"),
        ({"acknowledge": {"setback": {"text": "Sorry."}}}, "wordings.acknowledge.setback"),
        ({"acknowledge": {"setback": []}}, "wordings.acknowledge.setback"),
        ({"acknowledge": {"setback": "  "}}, "wordings.acknowledge.setback"),
        ({"acknowledge": "Sorry."}, "wordings.acknowledge"),
        ({"acknowledge": {"": "Sorry.", "default": "Sorry!"}}, "wordings.acknowledge.default"),
        ({"acknowledge": {3: "Sorry."}}, "wordings.acknowledge"),
        (["acknowledge"], "wordings"),
    ],
    ids=[
        "unknown-move",
        "unknown-placeholder",
        "not-text",
        "a-table",
        "no-variants",
        "blank",
        "not-a-table-of-topics",
        "two-defaults",
        "topic-not-text",
        "not-a-table",
    ],
)
def test_plain_data_that_cannot_be_a_voice_is_refused_naming_its_key_path(
    data: object, field: str
) -> None:
    with pytest.raises(InvalidValueError) as refused:
        EnglishVoice.from_dict(data)  # type: ignore[arg-type]

    assert field == refused.value.field


TOML_WORDINGS = (
    '[open_question]\nreconnect = ["How are you?", "What\'s new?"]\n"" = "Tell me more?"\n'
)


def test_a_voice_reads_toml_text() -> None:
    voice = EnglishVoice.from_toml(TOML_WORDINGS)

    assert ("How are you?", "What's new?") == voice.variants(
        Move(kind=MoveKind.OPEN_QUESTION, topic="reconnect")
    )
    assert ("Tell me more?",) == voice.variants(Move(kind=MoveKind.OPEN_QUESTION))


def test_a_voice_reads_json_text() -> None:
    voice = EnglishVoice.from_json(json.dumps({"affirm": {"default": ["Thank you."]}}))

    assert "Thank you." == voice.render([Move(kind=MoveKind.AFFIRM)], UTC_ZONE)


def test_toml_json_and_plain_data_with_the_same_wordings_make_the_same_voice() -> None:
    data = {"open_question": {"reconnect": ["How are you?", "What's new?"], "": "Tell me more?"}}

    assert EnglishVoice.from_dict(data) == EnglishVoice.from_toml(TOML_WORDINGS)
    assert EnglishVoice.from_dict(data) == EnglishVoice.from_json(json.dumps(data))


@pytest.mark.parametrize(
    ("read", "text", "reason"),
    [
        (EnglishVoice.from_toml, "[affirm\ndefault = 'x'", "not valid TOML"),
        (EnglishVoice.from_toml, "a = " + "[" * 100_000, "not valid TOML"),
        (EnglishVoice.from_json, '{"affirm": ', "not valid JSON"),
        (EnglishVoice.from_json, "[" * 100_000, "not valid JSON"),
        (EnglishVoice.from_toml, b"[affirm]\ndefault = 'x'", "expected TOML text"),
        (EnglishVoice.from_json, b'{"affirm": {}}', "expected JSON text"),
        (EnglishVoice.from_toml, None, "expected TOML text"),
    ],
    ids=["bad-toml", "deep-toml", "bad-json", "deep-json", "toml-bytes", "json-bytes", "none"],
)
def test_text_that_cannot_be_read_is_refused_naming_the_text(
    read: Callable[[object], EnglishVoice], text: object, reason: str
) -> None:
    with pytest.raises(InvalidValueError, match=reason) as refused:
        read(text)

    assert ("text", text) == (refused.value.field, refused.value.value)


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (EnglishVoice.from_toml, '[affirm]\ngrowth = ["Great!", "Great, {x.__class__}!"]\n'),
        (EnglishVoice.from_json, '{"affirm": {"growth": ["Great!", "Great, {x.__class__}!"]}}'),
    ],
    ids=["toml", "json"],
)
def test_text_with_an_unknown_placeholder_is_refused_naming_the_key_path(
    read: Callable[[str], EnglishVoice], text: str
) -> None:
    with pytest.raises(InvalidValueError) as refused:
        read(text)

    assert "wordings.affirm.growth[1]" == refused.value.field


def test_json_that_is_not_a_table_of_moves_is_refused_naming_the_wordings() -> None:
    with pytest.raises(InvalidValueError) as refused:
        EnglishVoice.from_json('["affirm"]')

    assert "wordings" == refused.value.field


# --- A voice is a value ---------------------------------------------------------------------


def test_the_built_in_voice_has_no_wordings_of_its_own_and_equals_a_new_one() -> None:
    assert {} == dict(DEFAULT_VOICE.wordings)
    assert EnglishVoice() == DEFAULT_VOICE
    assert hash(EnglishVoice()) == hash(DEFAULT_VOICE)


def test_a_voice_keeps_its_wordings_as_variants_in_rotation_order() -> None:
    voice = EnglishVoice(
        {(MoveKind.AFFIRM, ""): "Thanks.", (MoveKind.OPEN_QUESTION, "x"): ["How?", "What?"]}
    )

    assert {
        (MoveKind.AFFIRM, ""): ("Thanks.",),
        (MoveKind.OPEN_QUESTION, "x"): ("How?", "What?"),
    } == dict(voice.wordings)


def test_voices_with_the_same_wordings_are_equal_and_hash_alike_in_any_order() -> None:
    first = EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks.", (MoveKind.CHALLENGE, ""): "By {by}?"})
    second = EnglishVoice.from_dict(
        {"challenge": {"": ["By {by}?"]}, "affirm": {"default": "Thanks."}}
    )

    assert first == second
    assert hash(first) == hash(second)
    assert 1 == len({first, second})


def test_voices_with_other_wordings_or_variants_in_another_order_differ() -> None:
    voice = EnglishVoice({(MoveKind.OPEN_QUESTION, ""): ["How?", "What?"]})

    assert voice != EnglishVoice({(MoveKind.OPEN_QUESTION, ""): ["What?", "How?"]})
    assert voice != EnglishVoice({(MoveKind.OPEN_QUESTION, "x"): ["How?", "What?"]})
    assert voice != DEFAULT_VOICE


def test_a_voice_and_its_wordings_cannot_be_changed() -> None:
    voice = EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks."})

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        voice.wordings = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        voice.wordings[(MoveKind.AFFIRM, "")] = ("Why didn't you?",)  # type: ignore[index]
    assert "Thanks." == voice.render([Move(kind=MoveKind.AFFIRM)], UTC_ZONE)


def test_evolving_a_voice_gives_one_with_the_new_wordings_checked_like_any_voice() -> None:
    voice = EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks."})

    other = attrs.evolve(voice, wordings={(MoveKind.AFFIRM, ""): ["Thank you.", "Cheers."]})

    assert voice == attrs.evolve(voice)
    assert ("Thank you.", "Cheers.") == other.variants(Move(kind=MoveKind.AFFIRM))
    assert ("Thanks.",) == voice.variants(Move(kind=MoveKind.AFFIRM))
    with pytest.raises(InvalidValueError) as refused:
        attrs.evolve(voice, wordings={(MoveKind.AFFIRM, ""): "Hi {name}"})
    assert "wordings.affirm.default" == refused.value.field
    with pytest.warns(ToneWarning):
        attrs.evolve(voice, wordings={(MoveKind.CHALLENGE, ""): BLAMING})


def test_a_voice_survives_pickling_and_speaks_as_before_without_being_checked_again() -> None:
    with pytest.warns(ToneWarning):
        voice = EnglishVoice({(MoveKind.CHALLENGE, ""): BLAMING, (MoveKind.AFFIRM, ""): "Thanks."})
    moves = [Move(kind=MoveKind.AFFIRM), Move(kind=MoveKind.CHALLENGE, step="Walk")]

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back: EnglishVoice = pickle.loads(pickle.dumps(voice))

    assert voice == back
    assert voice.render(moves, UTC_ZONE) == back.render(moves, UTC_ZONE)
    assert DEFAULT_VOICE == pickle.loads(pickle.dumps(DEFAULT_VOICE))
    with pytest.raises(TypeError):
        back.wordings[(MoveKind.AFFIRM, "")] = ()  # type: ignore[index]


# --- The tone review at load time ------------------------------------------------------------


def test_a_wording_that_fails_the_tone_review_is_reported_when_the_voice_is_made() -> None:
    with pytest.warns(ToneWarning) as reported:
        voice = EnglishVoice({(MoveKind.CHALLENGE, ""): ["What's one step by {by}?", BLAMING]})

    warning = reported[0].message
    assert isinstance(warning, ToneWarning)
    assert ("wordings.challenge.default[1]", BLAMING) == (warning.field, warning.wording)
    assert warning.findings
    assert all(finding.reframe in str(warning) for finding in warning.findings)
    assert __file__ == reported[0].filename
    assert BLAMING in voice.variants(Move(kind=MoveKind.CHALLENGE))


@pytest.mark.parametrize(
    "make",
    [
        lambda: EnglishVoice.from_dict({"challenge": {"": BLAMING}}),
        lambda: EnglishVoice.from_json(json.dumps({"challenge": {"": BLAMING}})),
        lambda: EnglishVoice.from_toml(f"[challenge]\ndefault = {json.dumps(BLAMING)}\n"),
    ],
    ids=["data", "json", "toml"],
)
def test_a_wording_that_fails_the_tone_review_is_reported_at_the_line_that_read_it(
    make: Callable[[], EnglishVoice],
) -> None:
    with pytest.warns(ToneWarning, match="wordings.challenge") as reported:
        make()

    assert __file__ == reported[0].filename


def test_a_strict_voice_refuses_a_wording_that_fails_the_tone_review() -> None:
    with pytest.raises(InvalidValueError, match="tone review") as refused:
        EnglishVoice.from_dict({"challenge": {"default": BLAMING}}, strict=True)

    assert "wordings.challenge.default" == refused.value.field


def test_a_kind_wording_raises_no_tone_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        EnglishVoice({(MoveKind.CHALLENGE, ""): "What's one step you'd like to take by {by}?"})


def test_a_tone_warning_survives_pickling() -> None:
    with pytest.warns(ToneWarning) as reported:
        EnglishVoice({(MoveKind.CHALLENGE, ""): BLAMING})
    warning = reported[0].message
    assert isinstance(warning, ToneWarning)

    back = pickle.loads(pickle.dumps(warning))

    assert (warning.field, warning.wording, warning.findings) == (
        back.field,
        back.wording,
        back.findings,
    )


# --- The door -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: VOICE.render("hello", UTC_ZONE), "moves"),  # type: ignore[arg-type]
        (lambda: VOICE.render([None], UTC_ZONE), "moves[0]"),  # type: ignore[list-item]
        (lambda: VOICE.render([], "UTC"), "zone"),  # type: ignore[arg-type]
        (lambda: VOICE.render([], UTC_ZONE, previous=None), "previous"),  # type: ignore[arg-type]
        (lambda: EnglishVoice(strict="yes"), "strict"),  # type: ignore[arg-type]
        (lambda: EnglishVoice.from_toml(3), "text"),  # type: ignore[arg-type]
        (lambda: EnglishVoice.from_json(3), "text"),  # type: ignore[arg-type]
        (lambda: EnglishVoice.from_dict({}, strict=1), "strict"),  # type: ignore[arg-type]
    ],
    ids=[
        "moves-text",
        "not-a-move",
        "zone-name",
        "previous-none",
        "strict-text",
        "toml-number",
        "json-number",
        "strict-number",
    ],
)
def test_wrong_types_at_the_voices_door_get_the_librarys_own_error(
    call: Callable[[], object], field: str
) -> None:
    with pytest.raises(InvalidValueError) as refused:
        call()

    assert field == refused.value.field


def test_the_placeholder_table_in_the_docs_says_what_placeholders_says() -> None:
    doc = phrase_module.__doc__ or ""

    table = dict(re.findall(r"^\| ``\{(\w+)\}`` \| (.+) \|$", doc, flags=re.MULTILINE))

    assert dict(PLACEHOLDERS) == table


def test_a_voice_says_how_many_wordings_are_its_own() -> None:
    voice = EnglishVoice({(MoveKind.AFFIRM, ""): "Thanks."})

    assert ("EnglishVoice()", "EnglishVoice(1 custom wordings)") == (repr(VOICE), repr(voice))


class _SilentVoice:
    """A voice that forgets to return its words."""

    def render(self, moves: object, zone: object, previous: str = "") -> object:
        return None


@pytest.mark.parametrize(
    "voice", [EnglishVoice, _SilentVoice(), "warm"], ids=["a-class", "no-words", "a-name"]
)
def test_phrase_refuses_a_voice_that_cannot_word_the_follow_up(voice: object) -> None:
    journal = example_journal()
    assessment = assess(journal, EXAMPLE_NOW)

    with pytest.raises(InvalidValueError, match="voice"):
        phrase(decide(assessment), assessment, voice)  # type: ignore[arg-type]
