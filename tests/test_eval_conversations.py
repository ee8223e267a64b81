"""The conversation evaluation: every story loads, and each metric counts what it says.

The script lives in ``benchmarks/`` and is loaded by path. Replaying the
stories takes half a minute, so it is not done here; the metric functions
are checked on small hand-made inputs whose answers are known.
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountability import FollowUpSent, QuietHours
from accountability.record import FollowUpKind, SentMove

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_conversations", BENCHMARKS / "eval_conversations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs resolves the module's annotations through it
    spec.loader.exec_module(module)
    return module


EVAL = _load_script()
STORY_FILES = sorted(EVAL.STORIES.glob("*.toml"))
BERLIN = ZoneInfo("Europe/Berlin")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 2 + day, hour, minute, tzinfo=BERLIN)


def _sent(text: str, kind: FollowUpKind = FollowUpKind.CHECK_IN, *moves: str) -> FollowUpSent:
    return FollowUpSent(
        id="f", at=_at(0, 9), kind=kind, text=text, moves=tuple(SentMove(kind=m) for m in moves)
    )


# --- The stories ----------------------------------------------------------------------------


def test_there_are_at_least_thirty_stories() -> None:
    assert len(STORY_FILES) >= 30


@pytest.mark.parametrize("path", STORY_FILES, ids=[path.stem for path in STORY_FILES])
def test_every_story_loads_into_a_journal_with_talk_in_its_eight_weeks(path: Path) -> None:
    story = EVAL.load_story(path)

    assert story.narrative
    assert story.journal.goals
    assert story.journal.expectations
    assert EVAL.client_talk(story.journal.between(story.begins, story.ends))


def test_a_malformed_story_names_the_file_and_the_field(tmp_path: Path) -> None:
    text = (STORY_FILES[0]).read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('directness = "', 'directness = "very ', 1), encoding="utf-8")

    with pytest.raises(EVAL.StoryError, match=r"^broken\.toml: client\.directness: "):
        EVAL.load_story(broken)


def test_a_typo_in_a_key_is_refused_rather_than_dropped(tmp_path: Path) -> None:
    story = tmp_path / "typo.toml"
    story.write_text(
        'title = "t"\nnarrative = "n"\n[client]\nname = "A"\nzone = "UTC"\nstart = 2026-03-02\n'
        '[[goal]]\nid = "g"\ntitle = "G"\nwhy = "w"\n'
        '[[expectation]]\nid = "e"\ngoal = "g"\naction = "Walk"\ncadence = "daily"\n'
        '[[event]]\ntype = "check-in"\nday = 1\nconfidnce = 3\n',
        encoding="utf-8",
    )

    with pytest.raises(EVAL.StoryError, match=r"typo\.toml: event\[0\]\.confidnce: unknown key"):
        EVAL.load_story(story)


def test_the_library_refusing_a_value_is_reported_with_the_field(tmp_path: Path) -> None:
    story = tmp_path / "bad.toml"
    story.write_text(
        'title = "t"\nnarrative = "n"\n[client]\nname = "A"\nzone = "UTC"\nstart = 2026-03-02\n'
        '[[goal]]\nid = "g"\ntitle = "G"\nwhy = "w"\n'
        '[[expectation]]\nid = "e"\ngoal = "g"\naction = "Walk"\ncadence = "daily"\n'
        '[[event]]\ntype = "check-in"\nday = 1\nconfidence = 11\n',
        encoding="utf-8",
    )

    with pytest.raises(EVAL.StoryError, match=r"bad\.toml: event\[0\]: .*confidence"):
        EVAL.load_story(story)


def test_a_silence_that_holds_an_event_is_refused(tmp_path: Path) -> None:
    story = tmp_path / "noisy.toml"
    story.write_text(
        'title = "t"\nnarrative = "n"\n[client]\nname = "A"\nzone = "UTC"\nstart = 2026-03-02\n'
        '[[goal]]\nid = "g"\ntitle = "G"\nwhy = "w"\n'
        '[[expectation]]\nid = "e"\ngoal = "g"\naction = "Walk"\ncadence = "daily"\n'
        '[log]\ndone = [{ expectation = "e", days = "0-9" }]\n'
        "silence = [{ from = 5, to = 12 }]\n",
        encoding="utf-8",
    )

    with pytest.raises(EVAL.StoryError, match=r"noisy\.toml: silence\[0\]: .*days 5-12"):
        EVAL.load_story(story)


def test_the_scripts_examples_hold() -> None:
    assert doctest.testmod(EVAL, optionflags=doctest.ELLIPSIS).failed == 0


# --- Patterns -------------------------------------------------------------------------------


def test_a_day_pattern_reads_as_a_coach_writes_it() -> None:
    monday = date(2026, 3, 2)

    assert EVAL.parse_days("every day from day 1 to 20 except days 6 and 13", monday) == [
        d for d in range(1, 21) if d not in (6, 13)
    ]
    assert EVAL.parse_days("0-13 on sat, sun", monday) == [5, 6, 12, 13]
    with pytest.raises(ValueError, match="names no day"):
        EVAL.parse_days("3 except 3", monday)


def test_a_cadence_in_words_becomes_a_cadence() -> None:
    monday = date(2026, 3, 2)

    assert EVAL.parse_cadence("daily at 07:00", monday).at == time(7)
    assert EVAL.parse_cadence("4 times a week", monday).times == 4
    assert EVAL.parse_cadence("on sat every 2 weeks", monday).describe() == "every other Saturday"
    with pytest.raises(ValueError, match="cannot read the cadence"):
        EVAL.parse_cadence("now and then", monday)


# --- Metrics --------------------------------------------------------------------------------


def test_two_messages_sharing_a_sentence_give_one_repeated_sentence() -> None:
    texts = ["Well done. What helped?", "Nice week! Well done."]

    assert EVAL.repeated_sentences(texts) == ["Well done."]


def test_a_sentence_twice_in_one_message_is_not_repeated_across_messages() -> None:
    assert EVAL.repeated_sentences(["Well done. Well done.", "Other."]) == []


def test_openings_are_counted_once_each() -> None:
    texts = ["Hi there. One.", "Hi there. Two.", "Hello. Three."]

    assert EVAL.distinct_openings(texts) == 2


def test_a_quoted_sentence_ends_after_its_closing_quote() -> None:
    assert EVAL.sentences("You said: “I ran.” Great! Really?") == [
        "You said: “I ran.”",
        "Great!",
        "Really?",
    ]


def test_identical_messages_count_the_repeats_only() -> None:
    assert EVAL.identical_messages(["a", "b", "a", "a"]) == 2


def test_a_message_with_two_questions_is_counted() -> None:
    assert EVAL.multi_question(["What helped? And next week?", "What helped?", "Fine."]) == 1


def test_the_why_counts_when_quoted_or_when_a_remind_why_move_was_made() -> None:
    why = "I want to keep up with my kids."

    assert EVAL.quotes_why(_sent("Remember: “i want to keep  up with my kids”."), [why])
    assert EVAL.quotes_why(_sent("Back to basics.", FollowUpKind.REMIND, "remind_why"), [why])
    assert not EVAL.quotes_why(_sent("How are the kids?"), [why])


def test_the_longest_run_of_challenges() -> None:
    kinds = ["challenge", "challenge", "remind", "challenge", "challenge", "challenge", "wait"]

    assert EVAL.longest_run(kinds) == 3
    assert EVAL.longest_run([]) == 0


def _talk(at: datetime) -> Any:
    return EVAL.Talk(at=at, kind="check-in", words="Tough day.")


def test_talk_in_quiet_hours_is_timed_from_their_end() -> None:
    quiet = QuietHours(start=time(22), end=time(7))
    talk = _talk(_at(0, 23, 30))

    (reply,) = EVAL.replies([talk], [_at(1, 8)], quiet, BERLIN, _at(10, 0))

    assert reply.clock == _at(1, 7)
    assert reply.delay_hours == 1.0
    assert reply.status == "answered"


def test_talk_answered_after_a_day_is_unanswered_but_still_has_a_delay() -> None:
    quiet = QuietHours(start=time(22), end=time(7))

    (reply,) = EVAL.replies([_talk(_at(0, 12))], [_at(1, 13)], quiet, BERLIN, _at(10, 0))

    assert reply.status == "unanswered"
    assert reply.delay_hours == 25.0


def test_a_follow_up_before_the_talk_does_not_answer_it() -> None:
    quiet = QuietHours()

    (reply,) = EVAL.replies([_talk(_at(0, 12))], [_at(0, 11)], quiet, BERLIN, _at(10, 0))

    assert reply.status == "unanswered"
    assert reply.answered_at is None


def test_talk_near_the_end_without_a_reply_is_pending() -> None:
    end = _at(5, 0)

    (reply,) = EVAL.replies([_talk(_at(4, 12))], [], QuietHours(), BERLIN, end)

    assert reply.status == "pending"


def test_the_median_delay_is_over_the_talk_that_got_a_follow_up() -> None:
    quiet = QuietHours(start=time(0), end=time(0))
    talk = [_talk(_at(0, 10)), _talk(_at(0, 12)), _talk(_at(3, 10))]

    answers = EVAL.replies(talk, [_at(0, 13)], quiet, BERLIN, _at(10, 0))

    assert [a.delay_hours for a in answers] == [3.0, 1.0, None]
    assert EVAL.median_delay(answers) == 2.0


def test_talk_is_what_the_client_said_not_what_they_did() -> None:
    story = EVAL.load_story(EVAL.STORIES / "quinn-ugh-work.toml")
    kinds = {talk.kind for talk in EVAL.client_talk(story.journal.events)}

    assert {"miss", "check-in", "reflection (insight)", "win (small)"} <= kinds
    assert all(not kind.startswith("done") for kind in kinds)


def test_measure_adds_the_figures_up() -> None:
    messages = [
        _sent("Hi. Well done.", FollowUpKind.CHALLENGE),
        _sent("Hi. Why?", FollowUpKind.CHALLENGE, "remind_why"),
        _sent("Hello. Well done.", FollowUpKind.CELEBRATE),
    ]
    answers = EVAL.replies(
        [_talk(_at(0, 10))], [_at(0, 11)], QuietHours(), BERLIN, _at(0, 10) + timedelta(days=9)
    )

    metrics = EVAL.measure(messages, ["walk"], answers)

    assert (metrics.messages, metrics.distinct_openings, metrics.repeated_sentences) == (3, 2, 2)
    assert (metrics.why_quoted, metrics.longest_challenge_run) == (1, 2)
    assert (metrics.talk, metrics.unanswered, metrics.median_delay) == (1, 0, 1.0)
