"""The voice: moves into words.

The fourth stage: a `Voice` renders a follow-up's moves as one message,
quoting the client's own words; [`phrase`][accountability.voice.phrase] fills in
a follow-up's text. `EnglishVoice` is the built-in voice; coaches load their
own wordings into it safely.
"""

from __future__ import annotations

from accountability.voice.english import (
    DEFAULT_VOICE,
    PLACEHOLDERS,
    SAMPLE_VALUES,
    WORDINGS,
    EnglishVoice,
    ToneWarning,
    Voice,
    phrase,
)

__all__ = [
    "DEFAULT_VOICE",
    "PLACEHOLDERS",
    "SAMPLE_VALUES",
    "WORDINGS",
    "EnglishVoice",
    "ToneWarning",
    "Voice",
    "phrase",
]
