"""The words of peer messages: kind, exact, and literal with members' words.

The circles work out the facts; `accountability.voice.peers` words them.
These pin each wording, check that every wording is kind (tone review, MI
audit) and uses only the placeholders it documents, and that a member's
words are never read as a template. The messages as members receive them
are pinned in `test_circle.py`.
"""

from __future__ import annotations

import itertools
import pickle
import re
import string
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given

from accountability import suggest_for_circle, testing
from accountability.circles import PeerKind, PeerMessage
from accountability.exceptions import InvalidValueError
from accountability.language.mi import MiCode, audit
from accountability.language.tone import review
from accountability.voice import DEFAULT_VOICE, EnglishVoice, ToneWarning, peers
from strategies_circle import MARKER, Scene, circles

MARKERS = re.compile(MARKER.replace("{:05d}", r"\d{5}"))
"""The markers planted in members' private and shared words."""

BERLIN = ZoneInfo("Europe/Berlin")
SEND = datetime(2026, 3, 10, 9, tzinfo=BERLIN)
"""A Tuesday morning in Berlin."""

WORDINGS = [
    (f"{kind}.{part}", template)
    for kind, parts in peers.PEER_WORDINGS.items()
    for part, template in parts.items()
]


def every_summary() -> list[str]:
    """The summary in each of its shapes: with and without wins, each kind of news or none."""
    kept: list[float | None] = [None, 0.87]
    trends: list[peers.Trend] = ["rising", "steady", "dipped"]
    return [
        peers.summary(members=3, wins=wins, kept=share, window_days=28, trend=trend)
        for wins, share, trend in itertools.product([0, 1, 4], kept, trends)
    ]


def every_message() -> list[str]:
    """Every peer message the voice can write, with plain facts filled in."""
    due = SEND + timedelta(days=1)
    lines = [peers.win_line("Leo", "Ran my first 5k!"), peers.streak_line("Ana", 7, "day")]
    return [
        peers.buddy_check_in("Leo", "check_in", due, SEND, BERLIN),
        peers.buddy_check_in("Leo", "commitment", due, SEND, BERLIN),
        peers.celebration(lines[:1], ["Leo"]),
        peers.celebration(lines, ["Leo", "Ana"]),
        peers.shared_update("Leo", ["My knee hurts again", "Mornings are hard for me."]),
        *every_summary(),
    ]


# --- The wordings as data -----------------------------------------------------------------------


def test_there_is_one_table_of_wordings_for_each_kind_of_peer_message() -> None:
    assert {kind.value for kind in PeerKind} == set(peers.PEER_WORDINGS)


@pytest.mark.parametrize(("where", "template"), WORDINGS, ids=[where for where, _ in WORDINGS])
def test_every_wording_uses_only_the_placeholders_it_documents(where: str, template: str) -> None:
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        assert name is None or (name in peers.PEER_PLACEHOLDERS and not spec and not conversion)


def test_every_documented_placeholder_is_used_by_some_wording() -> None:
    used = {
        name
        for _where, template in WORDINGS
        for _literal, name, _spec, _conversion in string.Formatter().parse(template)
        if name is not None
    }

    assert set(peers.PEER_PLACEHOLDERS) == used


@pytest.mark.parametrize("text", every_message())
def test_every_peer_message_the_voice_writes_passes_the_tone_review(text: str) -> None:
    assert () == review(text).findings


@pytest.mark.parametrize("text", every_message())
def test_every_peer_message_the_voice_writes_offers_rather_than_advises(text: str) -> None:
    codes = [sentence.code for sentence in audit([text]).sentences]

    assert [] == [c for c in codes if c in (MiCode.CONFRONT, MiCode.ADVICE_WITHOUT_PERMISSION)]


# --- Pinned words -------------------------------------------------------------------------------


def test_a_buddy_hears_of_a_commitment_later_this_week_by_its_weekday() -> None:
    due = SEND + timedelta(days=3)

    assert (
        "Your buddy Leo has a commitment coming up on Friday. Would you like to send them a word "
        "of encouragement? Only if it feels right."
    ) == peers.buddy_check_in("Leo", "commitment", due, SEND, BERLIN)


def test_what_is_coming_up_has_words_of_its_own_for_the_coachs_reasons() -> None:
    assert ("a check-in", "a commitment") == (
        peers.upcoming("check_in"),
        peers.upcoming("commitment"),
    )


def test_a_streak_of_unknown_unit_is_counted_in_times() -> None:
    assert "Ana has a streak going: 3 times in a row." == peers.streak_line("Ana", 3, None)


def test_the_summary_tells_a_dip_in_momentum_as_part_of_any_rhythm() -> None:
    assert (
        "Your circle this week: 2 members. Together you kept up 50% of what you planned over the "
        "last 7 days, and momentum dipped a little, which is part of any rhythm. Thank you for "
        "showing up for each other."
    ) == peers.summary(members=2, wins=0, kept=0.5, window_days=7, trend="dipped")


def test_the_summary_tells_rising_momentum_without_the_share_kept_up() -> None:
    assert (
        "Your circle this week: 3 members, 4 wins shared. Momentum is rising across the circle. "
        "Thank you for showing up for each other."
    ) == peers.summary(members=3, wins=4, kept=None, window_days=28, trend="rising")


def test_the_summary_leaves_out_momentum_that_is_not_rising_when_the_share_is_not_told() -> None:
    assert (
        "Your circle this week: 3 members, 1 win shared. Thank you for showing up for each other."
    ) == peers.summary(members=3, wins=1, kept=None, window_days=28, trend="dipped")


def test_a_window_of_one_day_is_counted_in_the_singular() -> None:
    assert "over the last 1 day," in peers.summary(
        members=2, wins=0, kept=0.9, window_days=1, trend="steady"
    )


# --- Members' words -----------------------------------------------------------------------------


@given(testing.client_words())
def test_a_members_words_are_quoted_as_they_are_and_never_read_as_a_template(words: str) -> None:
    cheer = peers.celebration([peers.win_line("Leo", words)], ["Leo"])
    update = peers.shared_update("Leo", [words])

    assert words.strip() in cheer
    assert words.strip() in update


# --- A coach's own peer wordings, carried by the voice ------------------------------------------

COACH_PEER = {
    "buddy_check_in": {
        "message": "{name}, your buddy, has {upcoming} {when}. A word of encouragement is "
        "welcome, if it feels right.",
    },
    "celebration": {
        "opening": "News from the group!",
        "win": "{name} told the circle: {win}",
        "streak": "{name}: {streak} in a row.",
        "closing_one": "A word to {name} would be welcome, if you like.",
        "closing_many": "A word back would be welcome, if you like.",
    },
    "shared_update": {"message": "From your buddy {name}: {quotes} A word back is welcome."},
    "summary": {"closing": "Thanks for being there for each other."},
}
"""Peer wordings a coach might write, each using every placeholder its part fills."""

COACH_VOICE = EnglishVoice(peer_wordings=COACH_PEER)


def test_a_voice_carries_the_peer_wordings_in_force_with_the_coachs_in_their_place() -> None:
    table = COACH_VOICE.peer_table

    assert "News from the group!" == table["celebration"]["opening"]
    assert peers.PEER_WORDINGS["summary"]["counts"] == table["summary"]["counts"]
    assert peers.PEER_WORDINGS is DEFAULT_VOICE.peer_table


def test_peer_wordings_read_from_toml_make_the_same_voice_as_from_the_constructor() -> None:
    text = """
[peer.celebration]
opening = "News from the group!"
"""

    voice = EnglishVoice.from_toml(text)

    assert EnglishVoice(peer_wordings={"celebration": {"opening": "News from the group!"}}) == voice
    assert voice != DEFAULT_VOICE
    assert "EnglishVoice(1 custom wordings)" == repr(voice)


def test_a_voice_with_peer_wordings_survives_pickling() -> None:
    assert COACH_VOICE == pickle.loads(pickle.dumps(COACH_VOICE))
    assert COACH_VOICE.peer_table == pickle.loads(pickle.dumps(COACH_VOICE)).peer_table


def test_the_peer_functions_word_with_the_table_they_are_given() -> None:
    text = peers.celebration(
        [peers.win_line("Leo", "Ran my first 5k!", wordings=COACH_VOICE.peer_table)],
        ["Leo"],
        wordings=COACH_VOICE.peer_table,
    )

    assert (
        "News from the group! Leo told the circle: \u201cRan my first 5k!\u201d A word to Leo "
        "would be welcome, if you like."
    ) == text


@pytest.mark.parametrize(
    ("peer", "field"),
    [
        ("warm", "peer"),
        ({"cheers": {"opening": "Hi!"}}, "peer.cheers"),
        ({"celebration": "Hi!"}, "peer.celebration"),
        ({"celebration": {"hello": "Hi!"}}, "peer.celebration.hello"),
        ({"celebration": {"opening": 3}}, "peer.celebration.opening"),
        ({"celebration": {"opening": " "}}, "peer.celebration.opening"),
        ({"celebration": {"opening": "News about {name}!"}}, "peer.celebration.opening"),
        ({"summary": {"counts": "{members.__class__}"}}, "peer.summary.counts"),
    ],
    ids=[
        "not-a-table",
        "unknown-kind",
        "kind-not-a-table",
        "unknown-part",
        "not-text",
        "empty",
        "placeholder-the-part-does-not-fill",
        "attribute-access",
    ],
)
def test_peer_wordings_that_cannot_be_used_are_refused_naming_where(
    peer: object, field: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        EnglishVoice(peer_wordings=peer)  # type: ignore[arg-type]

    assert field == raised.value.field


def test_a_peer_wording_that_fails_the_tone_review_warns_or_is_refused_when_strict() -> None:
    unkind = {"summary": {"closing": "You should have done more for each other."}}

    with pytest.warns(ToneWarning, match=r"peer\.summary\.closing"):
        EnglishVoice(peer_wordings=unkind)
    with pytest.raises(InvalidValueError, match="tone review"):
        EnglishVoice(peer_wordings=unkind, strict=True)


def _shape(message: PeerMessage) -> tuple[object, ...]:
    return (
        message.recipient,
        message.kind,
        message.about,
        message.needs,
        message.topics,
        message.send_at,
    )


@given(circles())
def test_a_coachs_peer_words_change_the_words_and_nothing_a_member_shares(scene: Scene) -> None:
    built_in = suggest_for_circle(scene.circle, scene.journals, scene.now)
    coached = suggest_for_circle(scene.circle, scene.journals, scene.now, voice=COACH_VOICE)

    assert [_shape(m) for m in built_in.messages] == [_shape(m) for m in coached.messages]
    for ours, theirs in zip(built_in.messages, coached.messages, strict=True):
        assert sorted(MARKERS.findall(ours.text)) == sorted(MARKERS.findall(theirs.text))
        assert ours.text != theirs.text
