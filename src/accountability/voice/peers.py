"""The words of peer messages: what a circle's members hear about each other.

The circles (`accountability.circles`) work out the facts of a peer message:
who it names, the wins they chose to share, the words they marked
shareable, when a buddy's check-in is due, the circle's counts and trends.
This module puts those facts into words. Its wordings are data,
`PEER_WORDINGS`, one table per kind of peer message
([`PeerKind`][accountability.circles.PeerKind] values), each wording with
named placeholders (`PEER_PLACEHOLDERS`); a function per message fills them
in. Nothing here decides what may be shared: it words only what it is given.
Each function takes the table to word with as ``wordings``: a coach's voice
carries its own (`accountability.voice.EnglishVoice.peer_table`), and
`accountability.circles.suggest_for_circle` words peer messages with the
table of the voice it is given.

Members' own words are quoted verbatim between quotation marks, and inserted
literally, never read as a template. Dates, counts and lists are written by
`accountability._english`, the same on every machine.

>>> print(celebration([win_line("Leo", "Ran my first 5k!"), streak_line("Ana", 7, "day")],
...                   ["Leo", "Ana"]))  # doctest: +NORMALIZE_WHITESPACE
Good news from your circle! Leo shared a win: “Ran my first 5k!” Ana has a streak going:
7 days in a row. Would you like to send them a cheer? A quick word can mean a lot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

from accountability import _english as en

__all__ = [
    "PEER_PLACEHOLDERS",
    "PEER_WORDINGS",
    "PeerWordings",
    "Trend",
    "Upcoming",
    "buddy_check_in",
    "celebration",
    "shared_update",
    "streak_line",
    "summary",
    "upcoming",
    "win_line",
]

Upcoming: TypeAlias = Literal["check_in", "commitment"]
"""What a buddy has coming up: a check-in, or else a commitment."""

Trend: TypeAlias = Literal["rising", "steady", "dipped"]
"""Where the circle's momentum is going over the last week."""

PEER_WORDINGS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "buddy_check_in": MappingProxyType(
            {
                "message": "Your buddy {name} has {upcoming} coming up {when}. Would you like to "
                "send them a word of encouragement? Only if it feels right.",
                "check_in": "a check-in",
                "commitment": "a commitment",
            }
        ),
        "celebration": MappingProxyType(
            {
                "opening": "Good news from your circle!",
                "win": "{name} shared a win: {win}",
                "streak": "{name} has a streak going: {streak} in a row.",
                "closing_one": "Would you like to send {name} a cheer? "
                "A quick word can mean a lot.",
                "closing_many": "Would you like to send them a cheer? A quick word can mean a lot.",
            }
        ),
        "shared_update": MappingProxyType(
            {
                "message": "Your buddy {name} shared this with you: {quotes} If you like, send "
                "them a word back.",
            }
        ),
        "summary": MappingProxyType(
            {
                "counts": "Your circle this week: {members}.",
                "counts_and_wins": "Your circle this week: {members}, {wins} shared.",
                "kept_rising": "Together you kept up {kept} of what you planned over the last "
                "{window}, and momentum is rising.",
                "kept_steady": "Together you kept up {kept} of what you planned over the last "
                "{window}, and momentum is holding steady.",
                "kept_dipped": "Together you kept up {kept} of what you planned over the last "
                "{window}, and momentum dipped a little, which is part of any rhythm.",
                "rising": "Momentum is rising across the circle.",
                "closing": "Thank you for showing up for each other.",
            }
        ),
    }
)
"""The wordings of peer messages: for each kind of message, its parts by name.

- ``buddy_check_in``: the ``message``, and the words for what is coming up
  (``check_in``, ``commitment``).
- ``celebration``: an ``opening``, one line per member (``win`` for a win
  they reported, ``streak`` for a streak milestone), and a closing that
  names the one member cheered (``closing_one``) or speaks of several
  (``closing_many``).
- ``shared_update``: the ``message``.
- ``summary``: the counts (``counts``, or ``counts_and_wins`` when wins were
  shared), the news (the share kept up with where momentum is going,
  ``kept_rising``, ``kept_steady`` or ``kept_dipped``; or ``rising`` alone),
  and a ``closing``.
"""

PEER_PLACEHOLDERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "name": 'The name a member goes by in the circle: "Leo".',
        "upcoming": 'What a buddy has coming up: "a check-in", "a commitment".',
        "when": 'When it is due, read on the recipient\'s calendar: "tomorrow", "on Friday".',
        "win": "A member's win, in their words, quoted as a sentence.",
        "streak": 'A streak\'s length with its unit: "7 days".',
        "quotes": "A buddy's shared words, quoted and listed as one sentence.",
        "members": 'How many members belong: "3 members".',
        "wins": 'How many wins were shared: "1 win".',
        "kept": 'The share of what the circle planned that it kept up: "87%".',
        "window": 'The span that share is counted over: "28 days".',
    }
)
"""What each placeholder of `PEER_WORDINGS` holds."""


PeerWordings: TypeAlias = Mapping[str, Mapping[str, str]]
"""Peer wordings shaped like `PEER_WORDINGS`: for each kind of peer message, its parts by name.

Each function here takes such a table as ``wordings``, `PEER_WORDINGS` by
default; a voice carries its own (`accountability.voice.EnglishVoice.peer_table`).
"""


def _fill(wordings: PeerWordings, kind: str, part: str, **values: str) -> str:
    """The wording *part* of *kind*, its placeholders filled with *values* taken literally."""
    return wordings[kind][part].format_map(values)


def upcoming(what: Upcoming, *, wordings: PeerWordings = PEER_WORDINGS) -> str:
    """What a buddy has coming up, in words: ``"a check-in"`` or ``"a commitment"``."""
    return wordings["buddy_check_in"][what]


def buddy_check_in(
    name: str,
    what: Upcoming,
    due: datetime,
    send_at: datetime,
    zone: tzinfo,
    *,
    wordings: PeerWordings = PEER_WORDINGS,
) -> str:
    """Tell a member their buddy has a check-in (or a commitment) coming up.

    Args:
        name: The buddy's name in the circle.
        what: What is coming up.
        due: When it is due.
        send_at: When the message is sent: "tomorrow" is read from then.
        zone: The recipient's zone, whose calendar the day is read on.
        wordings: The peer wordings to use.

    >>> from datetime import UTC, datetime
    >>> print(buddy_check_in("Leo", "check_in", datetime(2026, 3, 11, 18, tzinfo=UTC),
    ...                      datetime(2026, 3, 10, 8, tzinfo=UTC), UTC))
    ... # doctest: +NORMALIZE_WHITESPACE
    Your buddy Leo has a check-in coming up tomorrow. Would you like to send them a word of
    encouragement? Only if it feels right.
    """
    return _fill(
        wordings,
        "buddy_check_in",
        "message",
        name=name,
        upcoming=upcoming(what, wordings=wordings),
        when=en.relative_day(due, send_at, zone),
    )


def win_line(name: str, words: str, *, wordings: PeerWordings = PEER_WORDINGS) -> str:
    """One line of a celebration: a win a member reported, in their own words."""
    return _fill(wordings, "celebration", "win", name=name, win=en.ended(en.quoted(words)))


def streak_line(
    name: str, count: int, period: str | None, *, wordings: PeerWordings = PEER_WORDINGS
) -> str:
    """One line of a celebration: a member's streak, by its length alone.

    Args:
        name: The member's name in the circle.
        count: How many periods in a row.
        period: The unit it is counted in (``"day"``, ``"week"``), if known.
        wordings: The peer wordings to use.
    """
    streak = en.plural(count, period or "time")
    return _fill(wordings, "celebration", "streak", name=name, streak=streak)


def celebration(
    lines: Sequence[str], names: Sequence[str], *, wordings: PeerWordings = PEER_WORDINGS
) -> str:
    """Cheer the wins of the circle, one line per member, and invite a cheer back.

    Args:
        lines: One line per member cheered, from `win_line` or `streak_line`.
        names: The names of the members cheered, in the same order.
        wordings: The peer wordings to use.
    """
    closing = (
        _fill(wordings, "celebration", "closing_one", name=names[0])
        if len(names) == 1
        else _fill(wordings, "celebration", "closing_many")
    )
    return " ".join((_fill(wordings, "celebration", "opening"), *lines, closing))


def shared_update(
    name: str, quotes: Sequence[str], *, wordings: PeerWordings = PEER_WORDINGS
) -> str:
    """Pass on to a member the words their buddy marked shareable.

    >>> print(shared_update("Leo", ["My knee hurts again", "Mornings are hard."]))
    ... # doctest: +NORMALIZE_WHITESPACE
    Your buddy Leo shared this with you: “My knee hurts again” and “Mornings are hard.”
    If you like, send them a word back.
    """
    quoted = en.ended(en.listed([en.quoted(quote) for quote in quotes]))
    return _fill(wordings, "shared_update", "message", name=name, quotes=quoted)


def summary(
    *,
    members: int,
    wins: int,
    kept: float | None,
    window_days: int,
    trend: Trend,
    wordings: PeerWordings = PEER_WORDINGS,
) -> str:
    """How the circle is doing as a whole, in aggregates only.

    Args:
        members: How many members belong.
        wins: How many wins were shared in the last week.
        kept: The share the circle kept up of what it planned, 0 to 1, when
            it is news to tell; None to leave it out.
        window_days: How many days that share is counted over.
        trend: Where momentum is going. Told with the share kept up; without
            it, only when it is rising.
        wordings: The peer wordings to use.

    >>> print(summary(members=3, wins=1, kept=0.87, window_days=28, trend="steady"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Your circle this week: 3 members, 1 win shared. Together you kept up 87% of what you
    planned over the last 28 days, and momentum is holding steady. Thank you for showing up
    for each other.
    """
    counted = en.plural(members, "member")
    parts = [
        _fill(wordings, "summary", "counts_and_wins", members=counted, wins=en.plural(wins, "win"))
        if wins
        else _fill(wordings, "summary", "counts", members=counted)
    ]
    if kept is not None:
        share = f"{round(kept * 100)}%"
        window = en.plural(window_days, "day")
        parts.append(_fill(wordings, "summary", f"kept_{trend}", kept=share, window=window))
    elif trend == "rising":
        parts.append(_fill(wordings, "summary", "rising"))
    parts.append(_fill(wordings, "summary", "closing"))
    return " ".join(parts)
