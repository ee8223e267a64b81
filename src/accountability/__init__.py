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
from accountability.decide import DEFAULT_RULES, Draft, Policy, Rule, Situation, decide, suggest
from accountability.exceptions import AccountabilityError
from accountability.followup import Competency, FollowUp, Move, MoveKind, Stance
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
    "DEFAULT_RULES",
    "AccountabilityError",
    "Agreement",
    "Assessment",
    "Cadence",
    "Cause",
    "CheckIn",
    "Competency",
    "Completion",
    "Contact",
    "Direction",
    "Directness",
    "Draft",
    "Due",
    "Event",
    "Expectation",
    "ExpectationFacts",
    "FollowUp",
    "FollowUpKind",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Journal",
    "Miss",
    "Move",
    "MoveKind",
    "Occurrence",
    "OccurrenceFact",
    "OccurrenceStatus",
    "Outcome",
    "Party",
    "Policy",
    "QuietHours",
    "Realism",
    "Reflection",
    "ReflectionKind",
    "Renegotiation",
    "RenegotiationFacts",
    "Rule",
    "Schedule",
    "Setback",
    "SetbackFacts",
    "Severity",
    "Situation",
    "SmartGap",
    "SmartGapKind",
    "Stance",
    "Style",
    "Win",
    "WinFact",
    "WinSize",
    "WinSource",
    "assess",
    "decide",
    "from_data",
    "from_json",
    "smart_gaps",
    "suggest",
    "to_data",
    "to_json",
]
