"""The voice: moves into words.

The fourth stage: a `Voice` renders a follow-up's moves as one message,
quoting the client's own words; [`phrase`][accountability.voice.phrase] fills in
a follow-up's text. `EnglishVoice` is the built-in voice, in three registers
(gentle, balanced, direct) chosen by the client's agreement; coaches load their
own wordings into it safely, peer messages' words included.
"""

from __future__ import annotations

from accountability.voice.english import (
    DEFAULT_VOICE,
    MEMORY_DAYS,
    PLACEHOLDERS,
    RECENT_MESSAGES,
    SAMPLE_VALUES,
    VOICES,
    WORDINGS,
    EnglishVoice,
    PeerVoice,
    ToneWarning,
    Voice,
    phrase,
    seed_for,
)

__all__ = [
    "DEFAULT_VOICE",
    "MEMORY_DAYS",
    "PLACEHOLDERS",
    "RECENT_MESSAGES",
    "SAMPLE_VALUES",
    "VOICES",
    "WORDINGS",
    "EnglishVoice",
    "PeerVoice",
    "ToneWarning",
    "Voice",
    "phrase",
    "seed_for",
]
