"""The facts at a moment: what a coach would look at before writing.

The second stage: [`assess`][accountability.facts.assess] reads a journal at
``now`` and returns an `Assessment` (occurrences, lapses, adherence,
momentum, streaks, wins, setbacks and grace windows, silence). It reads the
record and nothing above it.
"""

from __future__ import annotations

from accountability.facts.assessment import (
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

__all__ = [
    "Assessment",
    "ExpectationFacts",
    "OccurrenceFact",
    "OccurrenceStatus",
    "Realism",
    "RenegotiationFacts",
    "SetbackFacts",
    "WinFact",
    "WinSource",
    "assess",
]
