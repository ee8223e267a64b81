"""The public surface, listed: a name is added or removed on purpose, with its docs.

`PUBLIC` lists every module's ``__all__``. Adding a name means adding it
here too, and the test below then asks for what a user needs of it: a
docstring (as the reference shows it) and an entry in the API reference.
Removing one means removing it here and saying where it went in the
changelog. ``accountability`` itself keeps to the verbs and what users
construct; everything else is imported from its subpackage.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from typing import Final

import griffe
import pytest

import accountability
from conftest import Site
from test_docstrings import PACKAGE, undocumented

PUBLIC: Final[Mapping[str, tuple[str, ...]]] = {
    "accountability": (
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
    ),
    "accountability.circles": (
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
    ),
    "accountability.circles.messages": (
        "PEER_GAP",
        "CircleSuggestion",
        "CircleSummary",
        "MemberSuggestion",
        "PeerMessage",
        "suggest_for_circle",
    ),
    "accountability.circles.model": (
        "Circle",
        "ConsentChange",
        "ConsentLevel",
        "Member",
        "PairingRound",
        "PeerKind",
        "PeerSent",
        "ShareMark",
    ),
    "accountability.circles.pairing": (
        "BuddyPair",
        "PairingProposal",
        "propose_pairs",
    ),
    "accountability.circles.privacy": (
        "MemberReading",
        "SharedProgress",
        "SharedWin",
        "SharedWords",
        "chosen_style",
        "kept_out",
        "read_members",
    ),
    "accountability.cli": (
        "describe",
        "main",
        "summarize",
    ),
    "accountability.convert": (
        "FORMAT",
        "VERSION",
        "from_data",
        "from_json",
        "to_data",
        "to_json",
    ),
    "accountability.examples": (
        "EXAMPLE_NOW",
        "example_journal",
    ),
    "accountability.exceptions": (
        "AccountabilityError",
        "CircleError",
        "DuplicateIdError",
        "DuplicateMemberError",
        "InvalidScheduleError",
        "InvalidValueError",
        "JournalError",
        "MissingDependencyError",
        "NaiveDatetimeError",
        "SerializationError",
        "UnknownMemberError",
        "UnknownReferenceError",
        "UnknownZoneError",
        "UnsupportedVersionError",
    ),
    "accountability.facts": (
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
    ),
    "accountability.facts.assessment": (
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
    ),
    "accountability.language": (
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
    ),
    "accountability.language.mi": (
        "CUTOFFS",
        "Audit",
        "CodedSentence",
        "MiCode",
        "MitiLevel",
        "MitiThreshold",
        "audit",
    ),
    "accountability.language.tone": (
        "Finding",
        "Review",
        "ToneCategory",
        "review",
    ),
    "accountability.notebook": (
        "MAX_STEPS",
        "Replay",
        "ReplayStep",
        "plot_timeline",
        "replay",
    ),
    "accountability.notebook.history": (
        "MAX_STEPS",
        "Replay",
        "ReplayStep",
        "replay",
    ),
    "accountability.notebook.plot": ("plot_timeline",),
    "accountability.pipeline": (
        "style_for",
        "suggest",
    ),
    "accountability.policy": (
        "ASKS",
        "DEFAULT_POLICY",
        "DEFAULT_RULES",
        "OPENERS",
        "Competency",
        "Draft",
        "FollowUp",
        "Move",
        "MoveKind",
        "Policy",
        "Rule",
        "Situation",
        "Stance",
        "celebrate_rule",
        "crisis_rule",
        "decide",
        "fear_rule",
        "harder_rule",
        "honest_miss_rule",
        "lapse_rule",
        "momentum_rule",
        "plan_rule",
        "renegotiation_rule",
        "serves",
        "setback_rule",
        "silence_rule",
        "smaller_step",
    ),
    "accountability.policy.followup": (
        "ASKS",
        "OPENERS",
        "Competency",
        "FollowUp",
        "Move",
        "MoveKind",
        "Stance",
        "serves",
    ),
    "accountability.policy.rules": (
        "DEFAULT_POLICY",
        "DEFAULT_RULES",
        "Draft",
        "Policy",
        "Rule",
        "Situation",
        "celebrate_rule",
        "crisis_rule",
        "decide",
        "fear_rule",
        "harder_rule",
        "honest_miss_rule",
        "lapse_rule",
        "momentum_rule",
        "plan_rule",
        "renegotiation_rule",
        "setback_rule",
        "silence_rule",
        "smaller_step",
    ),
    "accountability.policy.timing": (
        "WEEK",
        "first_slot",
        "within_cap",
    ),
    "accountability.record": (
        "EVENT_TYPES",
        "FIRMNESS_LADDER",
        "MAX_FIRMNESS",
        "Agreement",
        "Cadence",
        "Cause",
        "CheckIn",
        "Completion",
        "Contact",
        "Direction",
        "Directness",
        "Due",
        "Event",
        "Expectation",
        "FollowUpKind",
        "FollowUpSent",
        "Goal",
        "GoalStatus",
        "Grace",
        "IfThen",
        "Journal",
        "Miss",
        "Occurrence",
        "Outcome",
        "Party",
        "QuietHours",
        "Reflection",
        "ReflectionKind",
        "Renegotiation",
        "Schedule",
        "Setback",
        "Severity",
        "SmartGap",
        "SmartGapKind",
        "Win",
        "WinSize",
        "days_after",
        "firmness_name",
        "local_moment",
        "localize",
        "smart_gaps",
    ),
    "accountability.record.journal": ("Journal",),
    "accountability.record.model": (
        "EVENT_TYPES",
        "FIRMNESS_LADDER",
        "MAX_FIRMNESS",
        "Agreement",
        "Cause",
        "CheckIn",
        "Completion",
        "Contact",
        "Direction",
        "Directness",
        "Event",
        "Expectation",
        "FollowUpKind",
        "FollowUpSent",
        "Goal",
        "GoalStatus",
        "Grace",
        "IfThen",
        "Miss",
        "Outcome",
        "Party",
        "QuietHours",
        "Reflection",
        "ReflectionKind",
        "Renegotiation",
        "Setback",
        "Severity",
        "SmartGap",
        "SmartGapKind",
        "Win",
        "WinSize",
        "firmness_name",
        "smart_gaps",
    ),
    "accountability.record.schedule": (
        "Cadence",
        "Due",
        "Occurrence",
        "Schedule",
        "days_after",
        "local_moment",
        "localize",
    ),
    "accountability.style": ("Style",),
    "accountability.testing": (
        "EARLIEST",
        "LATEST",
        "ZONES",
        "CircleScene",
        "JournalsFor",
        "agreements",
        "aware_datetimes",
        "cadences",
        "circle_scenes",
        "circles",
        "client_words",
        "consent_changes",
        "consent_levels",
        "dues",
        "events",
        "expectations",
        "follow_ups",
        "goals",
        "graces",
        "ids",
        "if_thens",
        "instants",
        "journals",
        "members",
        "moments_for",
        "moves",
        "outcomes",
        "pairing_rounds",
        "peer_sents",
        "quiet_hours",
        "schedules",
        "share_marks",
        "styles",
        "win_facts",
        "zones",
    ),
    "accountability.voice": (
        "DEFAULT_VOICE",
        "PLACEHOLDERS",
        "SAMPLE_VALUES",
        "WORDINGS",
        "EnglishVoice",
        "ToneWarning",
        "Voice",
        "phrase",
    ),
    "accountability.voice.english": (
        "DEFAULT_VOICE",
        "PLACEHOLDERS",
        "SAMPLE_VALUES",
        "WORDINGS",
        "EnglishVoice",
        "ToneWarning",
        "Voice",
        "phrase",
    ),
    "accountability.voice.peers": (
        "PEER_PLACEHOLDERS",
        "PEER_WORDINGS",
        "Trend",
        "Upcoming",
        "buddy_check_in",
        "celebration",
        "shared_update",
        "streak_line",
        "summary",
        "upcoming",
        "win_line",
    ),
    "accountability.voice.wordings": (
        "PRAISE",
        "WORDINGS",
    ),
}
"""Each public module's ``__all__``, in its own order."""

TOP_LEVEL_AT_MOST: Final = 50
"""The package's own names stay few: the verbs and what users construct."""


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_a_module_offers_exactly_the_names_listed(module: str) -> None:
    assert list(PUBLIC[module]) == list(importlib.import_module(module).__all__)


def test_every_public_module_is_listed_and_says_what_it_offers_in_all() -> None:
    modules = {
        info.name
        for info in pkgutil.walk_packages(accountability.__path__, "accountability.")
        if not any(part.startswith("_") for part in info.name.split("."))
    }

    without_all = sorted(m for m in modules if not hasattr(importlib.import_module(m), "__all__"))

    assert [] == without_all
    assert sorted(modules | {"accountability"}) == sorted(PUBLIC)


def test_the_package_itself_offers_the_verbs_and_what_users_construct_and_little_else() -> None:
    assert len(PUBLIC["accountability"]) <= TOP_LEVEL_AT_MOST


def _object(module: str, name: str) -> griffe.Object:
    found = PACKAGE[f"{module}.{name}".removeprefix("accountability").lstrip(".")]
    target = found.final_target if isinstance(found, griffe.Alias) else found
    assert isinstance(target, griffe.Object)
    return target


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_every_listed_name_says_what_it_is_and_has_a_reference_entry(
    module: str, site: Site
) -> None:
    undocumented_names = [
        path for name in PUBLIC[module] for path in undocumented(_object(module, name))
    ]
    unreferenced = [
        name
        for name in PUBLIC[module]
        if f"{module}.{name}" not in site.inventory
        and _object(module, name).path not in site.inventory
    ]

    assert [] == undocumented_names
    assert [] == unreferenced
