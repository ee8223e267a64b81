"""When a message may go out: outside quiet hours, spaced out, within the weekly cap.

One algorithm serves the client's own follow-ups (`accountability.policy`)
and the peer messages of a circle (`accountability.circles`), so the two
never disagree about what "at most three a week" or "not at night" means.

All arithmetic is by instant (UTC); quiet hours are read on the client's
own wall clock, so they hold across daylight-saving changes.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> from accountability.record import QuietHours
>>> berlin = ZoneInfo("Europe/Berlin")
>>> late = datetime(2026, 3, 6, 23, 30, tzinfo=berlin)
>>> print(first_slot(late, zone=berlin, quiet=QuietHours(), cap=3).astimezone(berlin))
2026-03-07 08:00:00+01:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Final

from accountability import _validate as v
from accountability.exceptions import InvalidValueError
from accountability.record.model import QuietHours

__all__ = ["WEEK", "first_slot", "within_cap"]

WEEK: Final = timedelta(days=7)
"""The span the weekly cap counts over: any seven consecutive days (168 hours)."""


def within_cap(moment: datetime, sends: Sequence[datetime], cap: int) -> bool:
    """Whether one more message at *moment* keeps every seven days at or under *cap*.

    Every seven-day window that holds *moment* is checked, including those
    that end at a message already planned after it.

    >>> from datetime import datetime, timedelta, UTC
    >>> monday = datetime(2026, 3, 2, 9, tzinfo=UTC)
    >>> sent = [monday, monday + timedelta(days=1), monday + timedelta(days=2)]
    >>> within_cap(monday + timedelta(days=3), sent, cap=3)
    False
    >>> within_cap(monday + timedelta(days=7), sent, cap=3)
    True

    Raises:
        NaiveDatetimeError: If *moment* or one of *sends* has no zone.
    """
    v.check_aware("moment", moment)
    for index, sent in enumerate(sends):
        v.check_aware(f"sends[{index}]", sent)
    ends = [moment, *(s for s in sends if moment < s < moment + WEEK)]
    return all(1 + sum(1 for s in sends if end - WEEK < s <= end) <= cap for end in ends)


def first_slot(
    earliest: datetime,
    *,
    zone: tzinfo,
    quiet: QuietHours,
    cap: int,
    sends: Sequence[datetime] = (),
    gap: timedelta = timedelta(0),
    expires: datetime | None = None,
) -> datetime | None:
    """The first moment at or after *earliest* that a message may go out.

    That is a moment outside the quiet hours on the client's wall clock, at
    least *gap* away from every other message (*sends*, before or after),
    and one that keeps every seven days at or under *cap* messages.

    Args:
        earliest: The earliest moment to consider (aware).
        zone: The client's time zone, where quiet hours are read.
        quiet: The client's quiet hours.
        cap: At most this many messages in any seven days (0: none at all).
        sends: The moments of the client's other messages, sent or planned.
        gap: The least time between two messages.
        expires: If given, a message that cannot go out before it is not sent.

    Returns:
        The moment, in UTC; None when *cap* is 0 or the slot would fall at or
        after *expires*.

    Raises:
        NaiveDatetimeError: If *earliest*, *expires* or one of *sends* has no zone.
        InvalidValueError: If another argument is of the wrong type.
    """
    v.check_aware("earliest", earliest)
    if expires is not None:
        v.check_aware("expires", expires)
    for index, sent in enumerate(sends):
        v.check_aware(f"sends[{index}]", sent)
    if not isinstance(zone, tzinfo):
        raise InvalidValueError(
            "zone", zone, "expected a tzinfo, such as ZoneInfo('Europe/Berlin')"
        )
    if not isinstance(quiet, QuietHours):
        raise InvalidValueError("quiet", quiet, "expected QuietHours")
    if isinstance(cap, bool) or not isinstance(cap, int):
        raise InvalidValueError("cap", cap, "expected a whole number")
    if not isinstance(gap, timedelta) or gap < timedelta(0):
        raise InvalidValueError("gap", gap, "expected a timedelta of zero or more")
    if cap <= 0:
        return None
    others = sorted(s.astimezone(UTC) for s in sends)
    moment = earliest.astimezone(UTC)
    for _ in range(4 * len(others) + 8):
        moment = quiet.first_moment_outside(moment, zone).astimezone(UTC)
        if expires is not None and moment >= expires:
            return None
        clash = [s for s in others if abs(s - moment) < gap]
        if clash:
            moment = max(clash) + gap
            continue
        if within_cap(moment, others, cap):
            return moment
        moment = min(s for s in others if s + WEEK > moment) + WEEK
    # Past every other message by a week and the gap, nothing clashes and no window is full.
    fallback = max(moment, others[-1] + WEEK + gap if others else moment)
    moment = quiet.first_moment_outside(fallback, zone).astimezone(UTC)
    return None if expires is not None and moment >= expires else moment
