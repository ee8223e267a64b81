"""The record: goals, expectations, events, the agreement, cadences and the journal.

The first stage of the pipeline and the bottom layer: it imports nothing else
from the library but its errors. Everything here is a frozen value; a
`Journal` is append-only.
"""

from __future__ import annotations

from accountability.record.journal import (
    Journal,
)
from accountability.record.model import (
    FIRMNESS_LADDER,
    MAX_FIRMNESS,
    Agreement,
    Cause,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Directness,
    Event,
    Expectation,
    FollowUpKind,
    FollowUpSent,
    Goal,
    GoalStatus,
    Grace,
    IfThen,
    Miss,
    Outcome,
    Party,
    QuietHours,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    SmartGap,
    SmartGapKind,
    Win,
    WinSize,
    firmness_name,
    smart_gaps,
)
from accountability.record.schedule import (
    Cadence,
    Due,
    Occurrence,
    Schedule,
)

__all__ = [
    "FIRMNESS_LADDER",
    "MAX_FIRMNESS",
    "Agreement",
    "Cadence",
    "Cause",
    "CheckIn",
    "Completion",
    "Contact",
    "Direction",
    "Directness",
    "Due",
    "Event",
    "Expectation",
    "FollowUpKind",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Journal",
    "Miss",
    "Occurrence",
    "Outcome",
    "Party",
    "QuietHours",
    "Reflection",
    "ReflectionKind",
    "Renegotiation",
    "Schedule",
    "Setback",
    "Severity",
    "SmartGap",
    "SmartGapKind",
    "Win",
    "WinSize",
    "firmness_name",
    "smart_gaps",
]
