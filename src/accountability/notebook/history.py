"""Replay: what the policy would have suggested at each step of a period.

[`replay`][accountability.notebook.replay] walks through a client's history at
regular steps (every day by default) and, at each step, asks
[`suggest`][accountability.pipeline.suggest] for the next follow-up as if that step
were now: it sees only the events recorded at or before the step. A coach
can compare styles on a real history, and a researcher can try a custom
rule on synthetic ones, without sending anything.

Suggested follow-ups are recorded as sent by default. A follow-up whose send
time falls before the next step is added to the journal the later steps see,
as a [`FollowUpSent`][accountability.record.FollowUpSent] at its send time. That is
what happens in real life when the suggestion is followed, so the firmness
ladder climbs one step at a time, the weekly cap and the minimum gap hold,
and a celebrated win is not celebrated twice. Without recording, every step
would repeat the same ask. To make room, the journal's own follow-ups from
the start of the period to its end are set aside (those before the period
stay as its history). With ``record=False`` the journal is read as it is,
its own follow-ups included, and nothing is added.

The result is a frozen [`Replay`][accountability.notebook.Replay]; iterate over
its steps, or turn it into a pandas DataFrame with
[`Replay.to_pandas`][accountability.notebook.Replay.to_pandas] (pandas comes
with the ``notebook`` extra). Replaying never changes the journal and is
deterministic: the same input gives the same replay.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Final

import attrs

from accountability import _validate as v
from accountability.exceptions import InvalidValueError, MissingDependencyError
from accountability.facts.assessment import Assessment, assess
from accountability.pipeline import style_for, voice_for
from accountability.policy.followup import FollowUp
from accountability.policy.rules import Policy
from accountability.record.journal import Journal
from accountability.record.model import FollowUpKind, FollowUpSent
from accountability.record.schedule import Cadence, localize
from accountability.style import Style
from accountability.voice.english import Voice, phrase

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_STEPS", "Replay", "ReplayStep", "replay"]

_ONE_DAY: Final = timedelta(days=1)


@attrs.frozen(kw_only=True)
class ReplayStep:
    """One step of a replay: the moment, the facts then, and the follow-up suggested.

    Attributes:
        at: The moment of the step, in the client's zone.
        assessment: The facts as they stood at that moment, assessed with
            the replay's style from the events recorded until then.
        follow_up: What the policy suggested at that moment; ``WAIT`` when
            there was nothing to send yet.
        sent: The event recorded for it, when the replay records follow-ups
            and its send time fell before the next step; otherwise None.
    """

    at: datetime
    assessment: Assessment
    follow_up: FollowUp
    sent: FollowUpSent | None = None


@attrs.frozen(kw_only=True)
class Replay:
    """What the policy would have suggested at each step of a period.

    Iterate over it for its steps, in time order.

    Attributes:
        journal: The journal as replayed: the input journal, and when
            follow-ups were recorded, the suggested ones in place of its own
            between ``start`` and ``end``.
        start: The start of the period (inclusive), in the client's zone.
        end: The end of the period (exclusive), in the client's zone.
        style: The style every step was assessed and decided with.
        recorded: Whether suggested follow-ups were recorded as sent.
        steps: The steps, in time order.
    """

    journal: Journal
    start: datetime
    end: datetime
    style: Style
    recorded: bool
    steps: tuple[ReplayStep, ...]

    def __iter__(self) -> Iterator[ReplayStep]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def sent(self) -> tuple[FollowUpSent, ...]:
        """The follow-ups sent within the period, in time order.

        The suggested ones when they were recorded; the journal's own otherwise.
        """
        return self.journal.between(self.start, self.end, FollowUpSent)

    def to_pandas(self) -> pd.DataFrame:
        """One row per step, with typed columns, for comparing and plotting.

        Columns:

        - ``at``, ``send_at``: the step and the suggested send time, as
          timezone-aware datetimes in the client's zone;
        - ``kind``: the follow-up's kind, a categorical over every kind;
        - ``sent`` (bool): whether it was recorded as sent;
        - ``firmness`` (int, 0 to 3), ``empathy`` (float, 0 to 1),
          ``asks`` (bool);
        - ``expectation`` (string, missing when about none), ``moves``
          (their kinds, comma-separated), ``reasons`` (one per line),
          ``text`` (strings);
        - ``silence_days`` (float, missing before the client first spoke),
          ``confidence`` (nullable int), ``in_grace``, ``crisis`` (bool),
          ``uncelebrated``, ``follow_ups_last_week`` (int);
        - for each expectation, by its id: ``momentum_<id>`` and
          ``adherence_<id>`` (float, adherence missing when nothing was
          due), ``streak_<id>``, ``lapses_<id>`` (int), ``overdue_<id>`` (bool).

        Returns:
            A pandas DataFrame, its index the step number.

        Raises:
            MissingDependencyError: If pandas is not installed
                (``pip install "accountability[notebook]"``).
        """
        try:
            import pandas as pd  # noqa: PLC0415 - an optional extra, imported when needed
        except ImportError as error:
            raise MissingDependencyError("pandas", "Replay.to_pandas()", "notebook") from error
        zone = self.journal.agreement.zone
        steps = self.steps

        def moments(values: list[datetime]) -> pd.Series[pd.Timestamp]:
            instants = pd.to_datetime([value.astimezone(UTC) for value in values], utc=True)
            return pd.Series(instants.tz_convert(zone).as_unit("us"))

        def column(values: list[object], dtype: str) -> pd.Series[Any]:
            return pd.Series(values, dtype=dtype)

        follow_ups = [step.follow_up for step in steps]
        data: dict[str, pd.Series[Any] | pd.Series[pd.Timestamp]] = {
            "at": moments([step.at for step in steps]),
            "kind": pd.Series(
                pd.Categorical(
                    [f.kind.value for f in follow_ups], categories=[k.value for k in FollowUpKind]
                )
            ),
            "sent": column([step.sent is not None for step in steps], "bool"),
            "send_at": moments([f.send_at for f in follow_ups]),
            "firmness": column([f.stance.firmness for f in follow_ups], "int64"),
            "empathy": column([f.stance.empathy for f in follow_ups], "float64"),
            "asks": column([f.asks for f in follow_ups], "bool"),
            "expectation": column([f.expectation for f in follow_ups], "string"),
            "moves": column(
                [", ".join(m.kind.value for m in f.moves) for f in follow_ups], "string"
            ),
            "reasons": column(["\n".join(f.reasons) for f in follow_ups], "string"),
            "text": column([f.text for f in follow_ups], "string"),
        }
        assessments = [step.assessment for step in steps]
        data["silence_days"] = column(
            [None if a.silence is None else a.silence / _ONE_DAY for a in assessments], "float64"
        )
        data["confidence"] = column([a.confidence for a in assessments], "Int64")
        data["in_grace"] = column(
            [any(s.in_grace for s in a.setbacks) for a in assessments], "bool"
        )
        data["crisis"] = column([a.crisis_until is not None for a in assessments], "bool")
        data["uncelebrated"] = column([len(a.uncelebrated) for a in assessments], "int64")
        data["follow_ups_last_week"] = column(
            [a.follow_ups_last_week for a in assessments], "int64"
        )
        for expectation in self.journal.expectations:
            facts = [a.facts_for(expectation.id) for a in assessments]
            data[f"momentum_{expectation.id}"] = column([f.momentum for f in facts], "float64")
            data[f"adherence_{expectation.id}"] = column([f.adherence for f in facts], "float64")
            data[f"streak_{expectation.id}"] = column([f.streak for f in facts], "int64")
            data[f"lapses_{expectation.id}"] = column([f.lapses for f in facts], "int64")
            data[f"overdue_{expectation.id}"] = column([f.overdue for f in facts], "bool")
        frame = pd.DataFrame(data)
        frame.index.name = "step"
        return frame

    def _repr_html_(self) -> str:
        # The HTML views load when a notebook first shows something, not at import.
        from accountability.notebook._html import replay_html  # noqa: PLC0415

        return replay_html(self)


MAX_STEPS: Final = 100_000
"""The most steps one replay takes: about 270 years of days, or ten weeks of minutes."""


def _moments(
    start: datetime, end: datetime, every: timedelta | Cadence, zone: tzinfo
) -> list[datetime]:
    """The step moments in ``[start, end)``, in the client's zone."""
    if isinstance(every, timedelta) and (end - start) / every > MAX_STEPS:
        raise InvalidValueError(
            "every",
            every,
            f"takes more than {MAX_STEPS:,} steps from start to end; step less often",
        )
    try:
        return _stepped(start, end, every, zone)
    except OverflowError as error:
        raise InvalidValueError(
            "start", start, "a step falls outside the dates Python can represent"
        ) from error


def _stepped(
    start: datetime, end: datetime, every: timedelta | Cadence, zone: tzinfo
) -> list[datetime]:
    if isinstance(every, Cadence):
        return [o.due.astimezone(zone) for o in every.occurrences(zone, start, end)]
    first = start.astimezone(zone)
    limit = end.timestamp()
    moments: list[datetime] = []
    if every % _ONE_DAY:
        # Less than whole days: step by elapsed time, so every step is the same length.
        origin = start.astimezone(UTC)
        step = 0
        while (moment := origin + every * step).timestamp() < limit:
            moments.append(moment.astimezone(zone))
            step += 1
        return moments
    # Whole days: step on the client's calendar, so 09:00 stays 09:00 across DST changes.
    wall = first.replace(tzinfo=None)
    moment, step = first, 0
    while moment.timestamp() < limit:
        moments.append(moment)
        step += 1
        moment = localize(wall + every * step, zone)
    return moments


def _fresh_id(index: int, taken: set[str]) -> str:
    candidate = f"replay-{index}"
    suffix = 0
    while candidate in taken:
        suffix += 1
        candidate = f"replay-{index}-{suffix}"
    return candidate


def replay(
    journal: Journal,
    start: datetime,
    end: datetime,
    *,
    every: timedelta | Cadence = _ONE_DAY,
    style: Style | str | None = None,
    policy: Policy | None = None,
    voice: Voice | None = None,
    record: bool = True,
) -> Replay:
    """Replay a period of a client's history: what the policy would have suggested at each step.

    At each step, the journal is cut to the events recorded at or before it
    (and the follow-ups recorded by earlier steps), assessed with *style*,
    decided by *policy* and worded by *voice*, exactly as
    ``suggest(journal_so_far, step, style, policy, voice)`` would. With
    *record* (the default), a suggestion whose send time falls before the
    next step (or before *end*, for the last step) is recorded as a
    `FollowUpSent` at that time, so later steps see it, as they would in
    real life. See the module's description for why.

    Args:
        journal: The client's journal. It is not changed.
        start: The first step (aware, inclusive).
        end: The end of the period (aware, exclusive).
        every: The interval between steps: a positive `timedelta` (one day
            by default), or a `Cadence` whose due moments are the steps. A
            whole number of days steps on the client's calendar, so a step at
            09:00 stays at 09:00 local across daylight-saving changes; a
            shorter interval steps by elapsed time.
        style: A `Style`, a preset name (``"gentle"``, ``"balanced"``,
            ``"direct"``), or None for the preset matching the agreement's
            preferred directness, as in `suggest`.
        policy: The rules to use; the built-in ones by default.
        voice: The voice that words each follow-up; the default English voice by default.
        record: Whether to record suggested follow-ups as sent.

    Returns:
        The replay, one step per moment.

    Raises:
        NaiveDatetimeError: If *start* or *end* has no zone.
        InvalidValueError: If *start* is not before *end*, *every* is not a
            positive interval or would take more than `MAX_STEPS` steps, a
            step falls outside the dates Python can represent, or another
            argument is not what it should be.

    >>> from datetime import timedelta
    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=28), EXAMPLE_NOW,
    ...                  style="direct")
    >>> len(history), history.steps[0].at.isoformat()
    (28, '2026-03-02T18:00:00+01:00')
    >>> [event.kind.value for event in history.sent][:3]
    ['check_in', 'celebrate', 'check_in']
    """
    if not isinstance(journal, Journal):
        raise InvalidValueError("journal", journal, "expected a Journal")
    v.check_aware("start", start)
    v.check_aware("end", end)
    if start.timestamp() >= end.timestamp():
        raise InvalidValueError("end", end, f"must be after start ({start.isoformat()})")
    if not isinstance(every, timedelta | Cadence):
        raise InvalidValueError("every", every, "expected a timedelta or a Cadence")
    if isinstance(every, timedelta) and every <= timedelta(0):
        raise InvalidValueError("every", every, "the interval between steps must be positive")
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "expected a Policy")
    if not isinstance(record, bool):
        raise InvalidValueError("record", record, "expected True or False")
    chosen = style_for(journal, style)
    spoken = voice_for(style, voice)
    rules = policy if policy is not None else Policy()
    zone = journal.agreement.tz
    moments = _moments(start, end, every, zone)
    own = journal.events
    if record:
        low, high = start.timestamp(), end.timestamp()
        own = tuple(
            e for e in own if not (isinstance(e, FollowUpSent) and low <= e.at.timestamp() < high)
        )
    stamps = [event.at.timestamp() for event in own]
    taken = {event.id for event in journal.events}
    sent: list[FollowUpSent] = []
    steps: list[ReplayStep] = []
    for index, moment in enumerate(moments):
        cut = bisect_right(stamps, moment.timestamp())  # at or before the step
        seen = attrs.evolve(journal, events=own[:cut] + tuple(sent))
        assessment = assess(seen, moment, chosen)
        follow_up = phrase(rules.decide(assessment), assessment, spoken)
        event: FollowUpSent | None = None
        following = moments[index + 1] if index + 1 < len(moments) else end
        if (
            record
            and follow_up.kind is not FollowUpKind.WAIT
            and follow_up.send_at.timestamp() < following.timestamp()
        ):
            event = follow_up.sent(_fresh_id(index, taken))
            taken.add(event.id)
            sent.append(event)
        steps.append(ReplayStep(at=moment, assessment=assessment, follow_up=follow_up, sent=event))
    return Replay(
        journal=attrs.evolve(journal, events=own + tuple(sent)) if record else journal,
        start=start.astimezone(zone),
        end=end.astimezone(zone),
        style=chosen,
        recorded=record,
        steps=tuple(steps),
    )
