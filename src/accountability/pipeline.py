"""The whole pipeline in one call: record, assess, decide, phrase.

Data flows one way. `suggest` composes the stages that each subpackage
provides, so an application that wants the stages separately (to store the
assessment, to use its own voice, to review a coach's edit) calls them
itself:

- [`assess`][accountability.facts.assess] reads the journal at ``now``
  (`accountability.facts`);
- [`decide`][accountability.policy.decide] turns the facts into a follow-up
  without text (`accountability.policy`);
- [`phrase`][accountability.voice.phrase] puts its moves into words
  (`accountability.voice`).
"""

from __future__ import annotations

from datetime import datetime

from accountability.exceptions import InvalidValueError
from accountability.facts.assessment import assess
from accountability.policy.followup import FollowUp
from accountability.policy.rules import DEFAULT_POLICY, Policy
from accountability.record.journal import Journal
from accountability.record.model import Directness
from accountability.style import Style
from accountability.voice.english import VOICES, Voice, phrase

__all__ = ["style_for", "suggest", "voice_for"]


def style_for(journal: Journal, style: Style | str | None = None) -> Style:
    """The style `suggest` reads *journal* with.

    That is *style* itself, a preset by name, or by default the preset that
    matches the agreement's preferred directness.

    Args:
        journal: The client's journal.
        style: A `Style`, a preset name (``"gentle"``, ``"balanced"``,
            ``"direct"``), or None.

    Raises:
        InvalidValueError: If *style* is none of these, or names no preset.

    >>> from accountability.examples import example_journal
    >>> style_for(example_journal()) == Style.named("balanced")
    True
    """
    if not isinstance(journal, Journal):
        raise InvalidValueError("journal", journal, "expected a Journal")
    if style is None:
        return Style.named(journal.agreement.directness.value)
    if isinstance(style, str):
        return Style.named(style)
    if isinstance(style, Policy):
        raise InvalidValueError("style", style, "expected a Style; did you mean policy=?")
    if not isinstance(style, Style):
        raise InvalidValueError(
            "style", style, "expected a Style or a preset name such as 'gentle'"
        )
    return style


def suggest(
    journal: Journal,
    now: datetime,
    style: Style | str | None = None,
    policy: Policy | None = None,
    voice: Voice | None = None,
) -> FollowUp:
    """Suggest the next follow-up for a client: what to send, why, and when.

    A pure function of its arguments: it never reads the clock and never
    changes the journal. It is ``phrase(decide(assess(journal, now, style),
    policy), assessment, voice)``.

    Args:
        journal: The client's journal.
        now: The moment of decision (aware).
        style: A `Style`, a preset name (``"gentle"``, ``"balanced"``,
            ``"direct"``), or None for the preset matching the agreement's
            preferred directness.
        policy: The rules to use; the built-in ones by default.
        voice: The voice that words it. By default the built-in English
            voice in the register of the preset named by *style*, or else of
            the agreement's preferred directness.

    Returns:
        The follow-up with its text, possibly "wait until T".

    Raises:
        NaiveDatetimeError: If *now* has no zone.
        InvalidValueError: If *style* names no preset, or an argument is of
            the wrong type.

    >>> from accountability.examples import EXAMPLE_NOW, example_journal
    >>> follow_up = suggest(example_journal(), EXAMPLE_NOW)
    >>> follow_up.kind.value, follow_up.stance.firmness
    ('celebrate', 0)
    """
    if not isinstance(journal, Journal):
        raise InvalidValueError("journal", journal, "expected a Journal")
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "expected a Policy")
    assessment = assess(journal, now, style_for(journal, style))
    follow_up = (policy or DEFAULT_POLICY).decide(assessment)
    return phrase(follow_up, assessment, voice_for(style, voice))


def voice_for(style: Style | str | None = None, voice: Voice | None = None) -> Voice | None:
    """The voice `suggest` words with, given its *style* and *voice* arguments.

    *voice* itself when given. Otherwise a preset named by *style* speaks in
    its own register (``"direct"`` in the direct voice), and with no name the
    voice is None: `phrase` then speaks in the register of the agreement's
    preferred directness.

    Raises:
        InvalidValueError: If *style* is a name that is no preset.

    >>> voice_for("direct").register.value
    'direct'
    >>> voice_for(None) is None
    True
    """
    if voice is not None or not isinstance(style, str):
        return voice
    try:
        return VOICES[Directness(style)]
    except ValueError:
        raise InvalidValueError(
            "style", style, "expected a preset name: 'gentle', 'balanced' or 'direct'"
        ) from None
