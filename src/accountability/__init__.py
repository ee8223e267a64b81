"""Hold coaching clients accountable while keeping empathy.

`accountability` models a client's goals, commitments, check-ins, setbacks
and wins as pure, frozen values, and reads that record at a moment you pass
in. It does no I/O and never reads the clock.

>>> import accountability
>>> accountability.Severity.CRISIS.value
'crisis'
"""

from accountability.assess import (
    Assessment,
    ExpectationFacts,
    OccurrenceFact,
    OccurrenceStatus,
    Realism,
    RenegotiationFacts,
    SetbackFacts,
    WinFact,
    WinSource,
    assess,
)
from accountability.convert import from_data, from_json, to_data, to_json
from accountability.exceptions import AccountabilityError
from accountability.journal import Journal
from accountability.record import (
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
    smart_gaps,
)
from accountability.schedule import Cadence, Due, Occurrence, Schedule
from accountability.style import Style

__version__ = "0.1.0"

__all__ = [
    "AccountabilityError",
    "Agreement",
    "Assessment",
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
    "ExpectationFacts",
    "FollowUpKind",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Journal",
    "Miss",
    "Occurrence",
    "OccurrenceFact",
    "OccurrenceStatus",
    "Outcome",
    "Party",
    "QuietHours",
    "Realism",
    "Reflection",
    "ReflectionKind",
    "Renegotiation",
    "RenegotiationFacts",
    "Schedule",
    "Setback",
    "SetbackFacts",
    "Severity",
    "SmartGap",
    "SmartGapKind",
    "Style",
    "Win",
    "WinFact",
    "WinSize",
    "WinSource",
    "assess",
    "from_data",
    "from_json",
    "smart_gaps",
    "to_data",
    "to_json",
]
