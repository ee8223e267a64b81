"""Circles: peer accountability with consent and privacy.

A layer on top of the pipeline: a `Circle` of clients who consented,
buddy check-ins, shared celebrations and a weekly summary, with nothing
private ever shown to peers.
"""

from __future__ import annotations

from accountability.circles.circle import (
    PEER_GAP,
    BuddyPair,
    Circle,
    CircleSuggestion,
    CircleSummary,
    ConsentChange,
    ConsentLevel,
    Member,
    MemberSuggestion,
    PairingProposal,
    PairingRound,
    PeerKind,
    PeerMessage,
    PeerSent,
    ShareMark,
    propose_pairs,
    suggest_for_circle,
)

__all__ = [
    "PEER_GAP",
    "BuddyPair",
    "Circle",
    "CircleSuggestion",
    "CircleSummary",
    "ConsentChange",
    "ConsentLevel",
    "Member",
    "MemberSuggestion",
    "PairingProposal",
    "PairingRound",
    "PeerKind",
    "PeerMessage",
    "PeerSent",
    "ShareMark",
    "propose_pairs",
    "suggest_for_circle",
]
