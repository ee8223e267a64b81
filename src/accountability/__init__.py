"""Hold coaching clients accountable while keeping empathy.

`accountability` models a client's goals, commitments, check-ins, setbacks
and wins as pure, frozen values, and reads that record at a moment you pass
in. It does no I/O and never reads the clock.

Data flows one way, and the subpackages are its stages::

    record  ->  facts  ->  policy  ->  voice  ->  language
    (journal)   (assess)   (decide)    (phrase)   (review, audit)

This top level holds the verbs and what users construct. Everything else
is reachable from its subpackage: `accountability.record`,
`accountability.facts`, `accountability.policy`, `accountability.voice`,
`accountability.language`, `accountability.circles` and
`accountability.notebook`.

>>> import accountability
>>> accountability.Severity.CRISIS.value
'crisis'
"""

from accountability.circles.messages import suggest_for_circle
from accountability.circles.model import Circle, Member
from accountability.circles.pairing import propose_pairs
from accountability.convert import from_data, from_json, to_data, to_json
from accountability.exceptions import AccountabilityError
from accountability.facts.assessment import Assessment, assess
from accountability.language.mi import audit
from accountability.language.tone import review
from accountability.notebook.history import replay
from accountability.pipeline import suggest
from accountability.policy.followup import FollowUp
from accountability.policy.rules import Policy, decide
from accountability.record.journal import Journal
from accountability.record.model import (
    Agreement,
    Cause,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Directness,
    Expectation,
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
    Win,
    WinSize,
)
from accountability.record.schedule import Cadence, Due
from accountability.style import Style
from accountability.voice.english import EnglishVoice, phrase

__version__ = "0.1.0"

__all__ = [
    "AccountabilityError",
    "Agreement",
    "Assessment",
    "Cadence",
    "Cause",
    "CheckIn",
    "Circle",
    "Completion",
    "Contact",
    "Direction",
    "Directness",
    "Due",
    "EnglishVoice",
    "Expectation",
    "FollowUp",
    "FollowUpSent",
    "Goal",
    "GoalStatus",
    "Grace",
    "IfThen",
    "Journal",
    "Member",
    "Miss",
    "Outcome",
    "Party",
    "Policy",
    "QuietHours",
    "Reflection",
    "ReflectionKind",
    "Renegotiation",
    "Setback",
    "Severity",
    "Style",
    "Win",
    "WinSize",
    "assess",
    "audit",
    "decide",
    "from_data",
    "from_json",
    "phrase",
    "propose_pairs",
    "replay",
    "review",
    "suggest",
    "suggest_for_circle",
    "to_data",
    "to_json",
]
