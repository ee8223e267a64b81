"""Circles: peer accountability among clients who consented, with nothing private shown.

A [`Circle`][accountability.circles.Circle] is a group of clients who keep each
other going. Buddies hear when their buddy has a check-in coming up, the circle
cheers the wins its members chose to share, and once a week everyone hears how
the circle is doing as a whole.
[`suggest_for_circle`][accountability.circles.suggest_for_circle] suggests those
peer messages next to each member's own follow-up, and
[`propose_pairs`][accountability.circles.propose_pairs] proposes buddy pairs.

A layer on top of the pipeline, in one module per concern:

- `accountability.circles.model`: the circle as a dated, immutable record
  (members, consent changes, shareable marks, buddy rounds, messages sent);
- `accountability.circles.privacy`: what the circle may hear about each
  member, and the one place that reads what members said and did;
- `accountability.circles.messages`: the peer messages, drafted from what
  members share, worded by the voice (`accountability.voice.peers`) and timed
  like follow-ups;
- `accountability.circles.pairing`: buddy pairs that can meet and rotate.
"""

from __future__ import annotations

from accountability.circles.messages import (
    PEER_GAP,
    CircleSuggestion,
    CircleSummary,
    MemberSuggestion,
    PeerMessage,
    suggest_for_circle,
)
from accountability.circles.model import (
    Circle,
    ConsentChange,
    ConsentLevel,
    Member,
    PairingRound,
    PeerKind,
    PeerSent,
    ShareMark,
)
from accountability.circles.pairing import BuddyPair, PairingProposal, propose_pairs

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
