"""Natural English: habits named as people name them, human spans and counts, cheap imports.

The voice refers to a habit by its short name in the plural ("your morning
walks") or by its action as a gerund ("walking for 30 minutes"), with
participles and plurals from inflect; spans of days and counts read as a
person says them; and inflect, slow to import, is imported only when a
participle or a plural is first needed.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accountability import _english as en
from accountability.policy import Move, MoveKind
from accountability.record import Directness
from accountability.voice import EnglishVoice

UTC_ZONE = ZoneInfo("UTC")
VOICE = EnglishVoice()
TUESDAY = datetime(2026, 3, 3, 7, tzinfo=UTC)
"""Tuesday 3 March 2026."""


def habit(**fields: object) -> str:
    return VOICE.values(Move(kind=MoveKind.ACKNOWLEDGE, **fields), UTC_ZONE)["habit"]  # type: ignore[arg-type]


# --- {habit} ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("morning walk", "your morning walks"),
        ("run", "your runs"),
        ("journal entry", "your journal entries"),
        ("yoga", "your yoga"),
        ("journaling", "your journaling"),
        ("my evening stretch", "your evening stretches"),
    ],
)
def test_a_habit_with_a_short_name_is_its_plural_with_your(name: str, expected: str) -> None:
    assert expected == habit(name=name, action="Walk for 30 minutes")


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Walk for 30 minutes", "walking for 30 minutes"),
        ("Meditate 10 min", "meditating 10 min"),
        ("Run 5k before work", "running 5k before work"),
        ("Swim twice a week", "swimming twice a week"),
        ("Stretch", "stretching"),
    ],
)
def test_a_habit_without_a_name_is_its_action_as_a_gerund(action: str, expected: str) -> None:
    assert expected == habit(action=action)


@pytest.mark.parametrize(
    "action", ["5 km run", "No phone after 9pm", "Gratitude list", "Morning pages", "10k steps"]
)
def test_an_action_that_opens_with_no_verb_is_quoted_as_agreed(action: str) -> None:
    assert f"\u201c{action}\u201d" == habit(action=action)


def test_a_move_that_names_no_habit_says_this() -> None:
    assert "this" == habit(name="  ")


def test_a_wording_that_opens_with_the_habit_starts_with_a_capital() -> None:
    voice = EnglishVoice({(MoveKind.ACKNOWLEDGE, "lapse"): "{habit} can wait."})

    text = voice.render([Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", name="run")], UTC_ZONE)

    assert "Your runs can wait." == text


def test_built_in_wordings_no_longer_quote_the_action_where_the_habit_reads_naturally() -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="lapse", action="Walk for 30 minutes", count=3)

    texts = [VOICE.render([move], UTC_ZONE, previous=seen) for seen in ([], ["x"])]

    assert all("walking for 30 minutes" in text for text in texts)
    assert not any("\u201cWalk for 30 minutes\u201d" in text for text in texts)


# --- {days}, {times}, {since} -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "a day"),
        (2, "two days"),
        (7, "a week"),
        (10, "ten days"),
        (14, "two weeks"),
        (21, "three weeks"),
        (40, "over a month"),
        (3060, "a long while"),
    ],
)
def test_a_span_of_days_reads_as_a_person_says_it(days: int, words: str) -> None:
    assert words == en.days_span(days)


def test_a_long_silence_is_a_long_while_never_thousands_of_days() -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=3060)

    text = VOICE.render([move], UTC_ZONE)

    assert "a long while" in text
    assert "3060" not in text


@pytest.mark.parametrize(("count", "words"), [(1, "once"), (2, "twice"), (3, "three times")])
def test_a_count_reads_as_how_often(count: int, words: str) -> None:
    assert words == VOICE.values(Move(kind=MoveKind.ACKNOWLEDGE, count=count), UTC_ZONE)["times"]


@pytest.mark.parametrize(
    ("topic", "count", "words"),
    [
        ("silence", 4, "since Tuesday"),
        ("long_lapse", 21, "since 3 March"),
        ("lapse", 3, "since Tuesday 3 March"),
        ("lapse", 9, "since 3 March"),
        ("lapse", None, "since Tuesday 3 March"),
    ],
)
def test_since_is_a_weekday_when_the_days_say_it_is_near_and_a_date_otherwise(
    topic: str, count: int | None, words: str
) -> None:
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic=topic, count=count, since=TUESDAY)

    assert words == VOICE.values(move, UTC_ZONE)["since"]


def test_since_reads_on_the_clients_calendar() -> None:
    late_monday = TUESDAY - timedelta(hours=9)  # 22:00 UTC Monday, Tuesday in Tokyo
    move = Move(kind=MoveKind.ACKNOWLEDGE, topic="silence", count=3, since=late_monday)

    assert "since Tuesday" == VOICE.values(move, ZoneInfo("Asia/Tokyo"))["since"]


def test_since_unknown_reads_lately() -> None:
    assert "lately" == VOICE.values(Move(kind=MoveKind.ACKNOWLEDGE), UTC_ZONE)["since"]


@pytest.mark.parametrize("register", list(Directness))
def test_the_silence_wording_speaks_of_hearing_from_the_client_not_of_being_in_touch(
    register: Directness,
) -> None:
    voice = EnglishVoice(register=register)
    for text in voice.variants(Move(kind=MoveKind.ACKNOWLEDGE, topic="silence")):
        assert "in touch" not in text
        assert "we haven't" not in text.lower()


# --- inflect, imported on first use -------------------------------------------------------------


IMPORT_ONLY = """
import sys
import accountability
from accountability import voice, circles, cli
print("inflect" in sys.modules, "typeguard" in sys.modules)
"""

FIRST_USE = """
import sys, time
from accountability import _english as en
start = time.perf_counter()
words = en.gerund("Walk for 30 minutes"), en.plural_noun("morning walk")
print(words, round(time.perf_counter() - start, 3), "typeguard" in sys.modules)
"""


def test_importing_the_library_does_not_import_inflect() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", IMPORT_ONLY], capture_output=True, text=True, check=True
    ).stdout

    assert "False False" == shown.strip()


def test_inflect_is_imported_on_first_use_quickly_and_leaves_no_stand_in_behind() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", FIRST_USE], capture_output=True, text=True, check=True
    ).stdout.split()

    assert ["('walking", "for", "30", "minutes',", "'morning", "walks')"] == shown[:6]
    assert float(shown[6]) < 1.0  # a plain import takes about two seconds
    assert "False" == shown[7]


def test_an_inflect_already_imported_is_used_as_it_is() -> None:
    import inflect  # noqa: PLC0415 - this test imports it on purpose

    assert "sitting" == en.gerund("Sit")
    assert inflect.engine().present_participle("sit") == en.gerund("Sit")
