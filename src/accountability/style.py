"""The numbers a coaching style is made of, with the defaults from practice.

Every threshold the library uses lives in a [`Style`][accountability.style.Style],
so an app can tune them without touching a rule. Styles change thresholds,
never the invariants: a gentler style waits longer before asking, but no
style asks inside a crisis window.
"""

from __future__ import annotations

import attrs

from accountability import _validate as v
from accountability.exceptions import InvalidValueError

__all__ = ["Style"]


def _milestones(
    instance: object, attribute: attrs.Attribute[tuple[int, ...]], value: object
) -> None:
    name = v.field_name(instance, attribute)
    if not isinstance(value, tuple) or not value:
        raise InvalidValueError(name, value, "expected a non-empty tuple of whole numbers")
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 2 for n in value):
        raise InvalidValueError(name, value, "each milestone is a whole number of at least 2")
    if list(value) != sorted(set(value)):
        raise InvalidValueError(name, value, "milestones are increasing and distinct")


@attrs.frozen(kw_only=True)
class Style:
    """Thresholds for assessing a journal and deciding a follow-up.

    Attributes:
        window_days: The window for adherence and for "recent" facts.
        half_life_days: Momentum's half-life for a daily habit; sparser
            habits get a longer one (divided by the square root of the
            completions asked per day).
        momentum_recovered: Momentum crossing this upward counts as a win.
        streak_milestones: Streak lengths (in periods) that count as wins.
        renegotiation_horizon_days: How long an easier change waits before it
            applies, unless a setback justifies it at once.
        renegotiation_window_days: The window for counting renegotiations.
        silence_reconnect_days: Silence after which to reconnect with curiosity.
        silence_open_door_days: Silence after which to leave an open door and
            slow down rather than chase.
        realism_threshold: The share of what was asked that the client
            actually did, below which an expectation looks unrealistic.
        history_days: How far back streaks and momentum look. The cost of an
            assessment follows this, not the length of the history.
        firmness_cap: The highest step of the firmness ladder this style
            climbs to (0 open door, 1 gentle reminder, 2 clear ask,
            3 challenge with care).
        lapses_per_step: How many unexcused lapses it takes to climb one step.
        min_gap_hours: The least time between two follow-ups: never stack
            one on the last.
        open_door_every_days: After leaving an open door, how long to wait
            before the next word: slow down rather than chase.
        struggling_momentum: Momentum below which a client with lapses is
            struggling, and is offered a smaller step before any challenge.
        low_confidence: A check-in confidence at or below this counts as
            struggling too.
        momentum_falling: A drop in momentum over a week of at least this
            much means it is time to remind them why they started.
        recent_days: How old a reported miss or a named obstacle may be and
            still be answered; older news is left alone.
        celebrate_at_most: How many wins one follow-up celebrates.
    """

    window_days: int = attrs.field(default=28, validator=v.integer(1, 366))
    half_life_days: float = attrs.field(default=13.0, validator=v.number(low=1, high=365))
    momentum_recovered: float = attrs.field(
        default=0.5, validator=v.number(low=0, high=1, low_open=True)
    )
    streak_milestones: tuple[int, ...] = attrs.field(
        default=(3, 7, 14, 21, 30, 50, 75, 100, 150, 200, 365), validator=_milestones
    )
    renegotiation_horizon_days: int = attrs.field(default=7, validator=v.integer(0, 90))
    renegotiation_window_days: int = attrs.field(default=30, validator=v.integer(1, 366))
    silence_reconnect_days: int = attrs.field(default=7, validator=v.integer(1, 365))
    silence_open_door_days: int = attrs.field(default=21, validator=v.integer(1, 365))
    realism_threshold: float = attrs.field(default=0.6, validator=v.number(low=0, high=1))
    history_days: int = attrs.field(default=120, validator=v.integer(7, 3660))
    firmness_cap: int = attrs.field(default=3, validator=v.integer(0, 3))
    lapses_per_step: int = attrs.field(default=1, validator=v.integer(1, 10))
    min_gap_hours: int = attrs.field(default=20, validator=v.integer(0, 24 * 14))
    open_door_every_days: int = attrs.field(default=14, validator=v.integer(1, 90))
    struggling_momentum: float = attrs.field(default=0.35, validator=v.number(low=0, high=1))
    low_confidence: int = attrs.field(default=4, validator=v.integer(0, 10))
    momentum_falling: float = attrs.field(
        default=0.05, validator=v.number(low=0, high=1, low_open=True)
    )
    recent_days: int = attrs.field(default=7, validator=v.integer(1, 90))
    celebrate_at_most: int = attrs.field(default=2, validator=v.integer(1, 5))

    @classmethod
    def gentle(cls) -> Style:
        """Patient: waits longer, climbs the ladder slowly and never past a clear ask."""
        return cls(
            firmness_cap=2,
            lapses_per_step=2,
            silence_reconnect_days=10,
            silence_open_door_days=28,
            min_gap_hours=36,
            struggling_momentum=0.45,
            low_confidence=5,
        )

    @classmethod
    def balanced(cls) -> Style:
        """The defaults: the numbers coaches start from."""
        return cls()

    @classmethod
    def direct(cls) -> Style:
        """Plain-spoken: reconnects sooner and climbs the ladder at the first lapse."""
        return cls(
            firmness_cap=3,
            lapses_per_step=1,
            silence_reconnect_days=5,
            silence_open_door_days=21,
            min_gap_hours=20,
            struggling_momentum=0.25,
            low_confidence=3,
        )

    @classmethod
    def named(cls, name: str) -> Style:
        """The preset called ``"gentle"``, ``"balanced"`` or ``"direct"``.

        Raises:
            InvalidValueError: If there is no preset of that name.
        """
        presets = {"gentle": cls.gentle, "balanced": cls.balanced, "direct": cls.direct}
        if name not in presets:
            raise InvalidValueError("style", name, "expected 'gentle', 'balanced' or 'direct'")
        return presets[name]()

    def __attrs_post_init__(self) -> None:
        if self.silence_open_door_days < self.silence_reconnect_days:
            raise InvalidValueError(
                "Style.silence_open_door_days",
                self.silence_open_door_days,
                f"must be at least silence_reconnect_days ({self.silence_reconnect_days})",
            )
        if self.history_days < self.window_days:
            raise InvalidValueError(
                "Style.history_days",
                self.history_days,
                f"must be at least window_days ({self.window_days})",
            )
