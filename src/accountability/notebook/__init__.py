"""Notebooks: rich displays, replays and a timeline plot.

The top layer, for exploring one client: `replay` runs the policy over a
span of time, `plot_timeline` draws it (with the ``notebook`` extra), and
`accountability.notebook._html` renders the ``_repr_html_`` displays, which
the record and the facts import only when a notebook asks.
"""

from __future__ import annotations

from accountability.notebook.history import (
    MAX_STEPS,
    Replay,
    ReplayStep,
    replay,
)
from accountability.notebook.plot import (
    plot_timeline,
)

__all__ = [
    "MAX_STEPS",
    "Replay",
    "ReplayStep",
    "plot_timeline",
    "replay",
]
