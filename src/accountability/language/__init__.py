"""The language checks: the tone review and the MI audit, for any text.

The review stage, and a layer of its own: it depends on nothing else in the
library, so it checks a coach's own drafts or text from anywhere.
[`review`][accountability.language.review] flags judgment and proposes a reframe
(`accountability.language.tone`); [`audit`][accountability.language.audit] codes
sentences and scores them against MITI 4 (`accountability.language.mi`).
"""

from __future__ import annotations

from accountability.language.mi import (
    CUTOFFS,
    Audit,
    CodedSentence,
    MiCode,
    MitiLevel,
    MitiThreshold,
    audit,
)
from accountability.language.tone import (
    Finding,
    Review,
    ToneCategory,
    review,
)

__all__ = [
    "CUTOFFS",
    "Audit",
    "CodedSentence",
    "Finding",
    "MiCode",
    "MitiLevel",
    "MitiThreshold",
    "Review",
    "ToneCategory",
    "audit",
    "review",
]
