"""Buddy pairs: who could keep whom going, proposed round after round.

[`propose_pairs`][accountability.circles.propose_pairs] proposes a round of
buddy pairs among the members who share at least their wins: members who are
awake at the same time for long enough, across their zones, and whose rhythms
fit. Pairs rotate over the rounds, and whoever was left out of the last round
goes first. A proposal is for the coach: its reasons name zones and rhythms,
nothing private. Apply it with
[`PairingProposal.applied_to`][accountability.circles.PairingProposal.applied_to].
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from typing import Final
from zoneinfo import ZoneInfo

import attrs

from accountability.circles.model import Circle, ConsentLevel
from accountability.circles.privacy import MemberReading, chosen_style, read_members
from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import Assessment
from accountability.record.journal import Journal
from accountability.record.model import QuietHours
from accountability.style import Style

__all__ = ["BuddyPair", "PairingProposal", "propose_pairs"]

_SLOT: Final = timedelta(minutes=15)
_SLOTS: Final = 7 * 24 * 4
_PERIOD_DAYS: Final = {"day": 1, "week": 7, "month": 30, "year": 365}
_RHYTHM_WORD: Final = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
_EXACT_UP_TO: Final = 16
"""Up to this many members are paired by an exact search; more, greedily."""
# Pair weights, compared as one number: more pairs first, then pairing those left out last
# round, then pairs not seen for the most rounds, then matching rhythms, then shared hours.
_PAIR: Final = 10**12
_FAIRNESS: Final = 10**9
_NOVELTY: Final = 10**7
_RHYTHM: Final = 10**5


@attrs.frozen(kw_only=True)
class BuddyPair:
    """A proposed pair of buddies, and why they fit.

    Attributes:
        members: The two member ids, sorted.
        overlap_hours: How many waking hours a day they share, on average
            over the coming week.
        reasons: Why they fit, for the coach (they name zones and rhythms,
            nothing private).
    """

    members: tuple[str, str]
    overlap_hours: float
    reasons: tuple[str, ...]


@attrs.frozen(kw_only=True)
class PairingProposal:
    """A proposed round of buddy pairs.

    Attributes:
        at: The moment it was proposed for.
        pairs: The pairs, sorted.
        unpaired: Members who belong but get no buddy this round, each with
            why: (member id, reason), sorted by id.
    """

    at: datetime
    pairs: tuple[BuddyPair, ...]
    unpaired: tuple[tuple[str, str], ...]

    @property
    def as_pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs as pairs of ids, for `Circle.with_pairs`."""
        return tuple(pair.members for pair in self.pairs)

    def applied_to(self, circle: Circle) -> Circle:
        """The circle with this round of pairs from ``at`` on."""
        return circle.with_pairs(self.at, self.as_pairs)


@lru_cache(maxsize=1024)
def _waking(zone: ZoneInfo, quiet: QuietHours, start: datetime) -> int:
    """The quarter hours of the week from *start* in which the member is awake, as bits."""
    bits = 0
    for slot in range(_SLOTS):
        if not quiet.contains((start + slot * _SLOT).astimezone(zone).time()):
            bits |= 1 << slot
    return bits


def _longest_run(bits: int) -> tuple[int, int]:
    """The start and length of the longest run of set bits."""
    best = (0, 0)
    start = length = 0
    for slot in range(_SLOTS):
        if bits >> slot & 1:
            if length == 0:
                start = slot
            length += 1
            if length > best[1]:
                best = (start, length)
        else:
            length = 0
    return best


def _rhythm(assessment: Assessment) -> str | None:
    """The member's shortest period among their check-ins and commitments, if any recurs."""
    facts = [*assessment.expectations]
    if assessment.check_ins is not None:
        facts.append(assessment.check_ins)
    periods = [f.period for f in facts if f.period in _PERIOD_DAYS]
    return min(periods, key=_PERIOD_DAYS.__getitem__) if periods else None


def _compatible(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    days = sorted((_PERIOD_DAYS[first], _PERIOD_DAYS[second]))
    return days[1] <= 7 * days[0]


@attrs.frozen
class _Candidate:
    reading: MemberReading
    bits: int
    rhythm: str | None
    waited: bool  # left out of the last round


def _rounds_ago(circle: Circle, now: datetime) -> dict[frozenset[str], int]:
    """For each pair seen before, how many rounds ago it was last paired (1: the current round)."""
    end = now.timestamp()
    rounds = [p for p in circle.pairings if p.at.timestamp() <= end]
    ago: dict[frozenset[str], int] = {}
    for index, pairing in enumerate(reversed(rounds), start=1):
        for pair in pairing.pairs:
            ago.setdefault(frozenset(pair), index)
    return ago


def _edge(first: _Candidate, second: _Candidate, ago: int | None, min_minutes: float) -> int | None:
    if first.reading.in_crisis and second.reading.in_crisis:
        return None
    if not _compatible(first.rhythm, second.rhythm):
        return None
    minutes = (first.bits & second.bits).bit_count() * 15 / 7
    if minutes < min_minutes:
        return None
    return (
        _PAIR
        + _FAIRNESS * (first.waited + second.waited)
        + _NOVELTY * min(ago if ago is not None else 4, 4)
        + _RHYTHM * (2 if first.rhythm == second.rhythm else 1)
        + round(minutes)
    )


def _match(count: int, weights: Mapping[tuple[int, int], int]) -> tuple[tuple[int, int], ...]:
    """The pairs of highest total weight: an exact search for a small circle, else greedy."""
    if count > _EXACT_UP_TO:
        taken: set[int] = set()
        chosen: list[tuple[int, int]] = []
        for (i, j), _ in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
            if i not in taken and j not in taken:
                chosen.append((i, j))
                taken |= {i, j}
        return tuple(sorted(chosen))
    full = (1 << count) - 1

    @cache
    def best(used: int) -> tuple[int, tuple[tuple[int, int], ...]]:
        if used == full:
            return (0, ())
        first = (~used & (used + 1)).bit_length() - 1  # the lowest member not yet placed
        rest = used | 1 << first
        score, pairs = best(rest)  # first stays unpaired
        for second in range(first + 1, count):
            weight = weights.get((first, second))
            if weight is None or used >> second & 1:
                continue
            more, others = best(rest | 1 << second)
            if more + weight > score:
                score, pairs = more + weight, ((first, second), *others)
        return (score, pairs)

    return tuple(sorted(best(0)[1]))


def _rhythm_reason(a: str, first: str | None, b: str, second: str | None) -> str:
    """Why two members' rhythms fit: *first* is *a*'s period, *second* is *b*'s."""
    if first is None:
        if second is None:
            return "Neither has a fixed rhythm yet, so they can agree their own."
        return f"{a} has no fixed rhythm, so {b}'s {_RHYTHM_WORD[second]} one can set the pace."
    if second is None:
        return f"{b} has no fixed rhythm, so {a}'s {_RHYTHM_WORD[first]} one can set the pace."
    if first == second:
        return f"Both keep a {_RHYTHM_WORD[first]} rhythm."
    return (
        f"{a} keeps a {_RHYTHM_WORD[first]} rhythm and {b} a {_RHYTHM_WORD[second]} one: "
        "close enough to keep pace."
    )


def _pair_reasons(
    first: _Candidate, second: _Candidate, ago: int | None, start: datetime
) -> tuple[str, ...]:
    a, b = first.reading, second.reading
    shared = first.bits & second.bits
    hours = round(shared.bit_count() * 15 / 7 / 60 * 2) / 2
    run_start, _ = _longest_run(shared)
    moment = start + run_start * _SLOT
    reasons = [
        f"Awake at the same time about {hours:g} hours a day: from "
        f"{moment.astimezone(a.zone):%H:%M} for {a.member.name} ({a.journal.agreement.zone}), "
        f"{moment.astimezone(b.zone):%H:%M} for {b.member.name} ({b.journal.agreement.zone})."
    ]
    reasons.append(_rhythm_reason(a.member.name, first.rhythm, b.member.name, second.rhythm))
    if ago is None:
        reasons.append("They have not been buddies before.")
    elif ago == 1:
        reasons.append("They stay buddies: no fresher match fits as well.")
    else:
        reasons.append(f"They were buddies {ago} rounds ago; no fresher match fits as well.")
    reasons.extend(
        f"{c.reading.member.name} had no buddy last round, so goes first this time."
        for c in (first, second)
        if c.waited
    )
    return tuple(reasons)


def propose_pairs(
    circle: Circle,
    journals: Mapping[str, Journal],
    now: datetime,
    *,
    min_overlap_hours: float = 2.0,
    style: Style | str | None = None,
) -> PairingProposal:
    """Propose a new round of buddy pairs that can actually meet, rotating over time.

    Members who belong at *now* and share at least their wins are paired.
    Two members can be buddies when they are awake (outside their quiet
    hours) at the same time for at least *min_overlap_hours* a day on
    average over the coming week, across their zones, and their rhythms
    are compatible (the shorter of their check-in and commitment periods are
    at most a factor of seven apart: daily with weekly, not daily with
    monthly). Two members who are both inside a crisis window are never
    paired.

    Among the possible rounds it picks the one with the most pairs; then
    the one that pairs those left out last round; then the one with pairs
    not seen for the most rounds (so pairs rotate); then matching rhythms;
    then the most shared waking hours. Ties go by member id, so the
    proposal is deterministic.

    Args:
        circle: The circle.
        journals: Each member's journal, by id, as for `suggest_for_circle`.
        now: The moment to propose for (aware).
        min_overlap_hours: The least shared waking time a day, in hours.
        style: The style to assess members with, as for `suggest_for_circle`.

    Returns:
        The proposal; apply it with `PairingProposal.applied_to`.

    Raises:
        InvalidValueError: If *min_overlap_hours* is not between 0 and 24,
            or the input is invalid as for `suggest_for_circle`.
    """
    if isinstance(min_overlap_hours, bool) or not isinstance(min_overlap_hours, int | float):
        raise InvalidValueError("min_overlap_hours", min_overlap_hours, "expected a number")
    if not 0 <= min_overlap_hours <= 24:
        raise InvalidValueError("min_overlap_hours", min_overlap_hours, "must be 0 to 24 hours")
    read = read_members(circle, journals, now, chosen_style(style))
    start = datetime.fromtimestamp(now.timestamp() // 900 * 900, UTC)  # on a quarter hour
    last = _rounds_ago(circle, now)
    latest = [p for p in circle.pairings if p.at.timestamp() <= now.timestamp()]
    paired_last = {m for pair in latest[-1].pairs for m in pair} if latest else None
    candidates: list[_Candidate] = []
    unpaired: list[tuple[str, str]] = []
    for member_id, member in read.items():
        if member.level is ConsentLevel.NOTHING:
            unpaired.append((member_id, "Shares nothing with the circle, so has no buddy."))
            continue
        agreement = member.journal.agreement
        candidates.append(
            _Candidate(
                reading=member,
                bits=_waking(agreement.tz, agreement.quiet_hours, start),
                rhythm=_rhythm(member.assessment),
                waited=paired_last is not None and member_id not in paired_last,
            )
        )
    weights: dict[tuple[int, int], int] = {}
    for i, first in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            second = candidates[j]
            key = frozenset((first.reading.member.id, second.reading.member.id))
            weight = _edge(first, second, last.get(key), min_overlap_hours * 60)
            if weight is not None:
                weights[(i, j)] = weight
    chosen = _match(len(candidates), weights)
    pairs = tuple(
        BuddyPair(
            members=(candidates[i].reading.member.id, candidates[j].reading.member.id),
            overlap_hours=round(
                (candidates[i].bits & candidates[j].bits).bit_count() * 15 / 7 / 60, 2
            ),
            reasons=_pair_reasons(
                candidates[i],
                candidates[j],
                last.get(
                    frozenset((candidates[i].reading.member.id, candidates[j].reading.member.id))
                ),
                start,
            ),
        )
        for i, j in chosen
    )
    placed = {index for pair in chosen for index in pair}
    for index, candidate in enumerate(candidates):
        if index in placed:
            continue
        could = any(index in key for key in weights)
        unpaired.append(
            (
                candidate.reading.member.id,
                "Everyone who fits is paired already; first in line next round."
                if could
                else f"No one else shares at least {min_overlap_hours:g} waking hours a day "
                "and a compatible rhythm.",
            )
        )
    return PairingProposal(at=now, pairs=pairs, unpaired=tuple(sorted(unpaired)))
