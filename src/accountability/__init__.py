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
from accountability.audit import Audit, CodedSentence, MiCode, MitiLevel, MitiThreshold, audit
from accountability.convert import from_data, from_json, to_data, to_json
from accountability.decide import DEFAULT_RULES, Draft, Policy, Rule, Situation, decide, suggest
from accountability.exceptions import AccountabilityError
from accountability.followup import Competency, FollowUp, Move, MoveKind, Stance
from accountability.journal import Journal
from accountability.phrase import DEFAULT_VOICE, EnglishVoice, ToneWarning, Voice
from accountability.plot import plot_timeline
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
from accountability.replay import Replay, ReplayStep, replay
from accountability.review import Finding, Review, ToneCategory, review
from accountability.schedule import Cadence, Due, Occurrence, Schedule
from accountability.style import Style

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULES",
    "DEFAULT_VOICE",
    "AccountabilityError",
    "Agreement",
    "Assessment",
    "Audit",
    "Cadence",
    "Cause",
    "CheckIn",
    "CodedSentence",
    "Competency",
    "Completion",
    "Contact",
    "Direction",
    "Directness",
    "Draft",
    "Due",
    "EnglishVoice",
    "Event",
    "Expectation",
    "ExpectationFacts",
    "Finding",
    "FollowUp",
    "FollowUpKind",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Journal",
    "MiCode",
    "Miss",
    "MitiLevel",
    "MitiThreshold",
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
    "Replay",
    "ReplayStep",
    "Review",
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
    "ToneCategory",
    "ToneWarning",
    "Voice",
    "Win",
    "WinFact",
    "WinSize",
    "WinSource",
    "assess",
    "audit",
    "decide",
    "from_data",
    "from_json",
    "plot_timeline",
    "replay",
    "review",
    "smart_gaps",
    "suggest",
    "to_data",
    "to_json",
]
