"""The policy: from the facts to a follow-up, supportive but firm.

The third stage: a `Policy` of small rules reads an assessment (never the
journal behind it) and [`decide`][accountability.policy.decide] returns a
`FollowUp` without text: its kind, ordered moves, stance, send time and
reasons. `accountability.policy.timing` holds the send-time arithmetic (quiet
hours, weekly cap, spacing) that the circles share.
"""

from __future__ import annotations

from accountability.policy.followup import (
    ASKS,
    OPENERS,
    QUESTIONS,
    Competency,
    FollowUp,
    Move,
    MoveKind,
    Stance,
    serves,
)
from accountability.policy.rules import (
    DEFAULT_POLICY,
    DEFAULT_RULES,
    Draft,
    Policy,
    Rule,
    Situation,
    aftermath_rule,
    celebrate_rule,
    crisis_rule,
    decide,
    fear_rule,
    harder_rule,
    honest_miss_rule,
    intention_rule,
    lapse_rule,
    listen_rule,
    momentum_rule,
    plan_rule,
    renegotiation_rule,
    setback_rule,
    silence_rule,
    smaller_step,
)

__all__ = [
    "ASKS",
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "OPENERS",
    "QUESTIONS",
    "Competency",
    "Draft",
    "FollowUp",
    "Move",
    "MoveKind",
    "Policy",
    "Rule",
    "Situation",
    "Stance",
    "aftermath_rule",
    "celebrate_rule",
    "crisis_rule",
    "decide",
    "fear_rule",
    "harder_rule",
    "honest_miss_rule",
    "intention_rule",
    "lapse_rule",
    "listen_rule",
    "momentum_rule",
    "plan_rule",
    "renegotiation_rule",
    "serves",
    "setback_rule",
    "silence_rule",
    "smaller_step",
]
