"""The facts at a moment: what a coach would look at before writing.

The second stage: [`assess`][accountability.facts.assess] reads a journal at
``now`` and returns an `Assessment` (the agreement and goals, occurrences,
lapses, adherence, momentum, streaks, wins, setbacks and grace windows,
silence, what the client said recently, the follow-ups sent). It reads the
record and nothing above it, and it holds everything the policy needs: the
rules never go back to the journal.
"""

from __future__ import annotations

from accountability.facts.assessment import (
    CHECK_IN_ID,
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
    "CHECK_IN_ID",
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
