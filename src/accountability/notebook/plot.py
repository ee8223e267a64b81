"""Plot a client's timeline: momentum, lapses, setbacks, wins and the firmness of follow-ups.

[`plot_timeline`][accountability.notebook.plot_timeline] draws one picture of a
period: a momentum line per expectation, a marker where each lapse began,
the grace window of each setback shaded, the wins as stars, and on a
second axis the firmness of each follow-up sent, as a step on the ladder
(open door, gentle reminder, clear ask, challenge with care).

matplotlib is an optional extra (``pip install "accountability[notebook]"``);
it is imported only when a plot is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

from accountability import _english as en
from accountability.exceptions import InvalidValueError, MissingDependencyError
from accountability.facts.assessment import SetbackFacts, WinFact, WinSource
from accountability.notebook.history import Replay, replay
from accountability.record.journal import Journal
from accountability.record.model import FIRMNESS_LADDER, Severity

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_timeline"]

_GRACE_COLOURS: Final = {
    Severity.MINOR: "tab:gray",
    Severity.MAJOR: "tab:orange",
    Severity.CRISIS: "tab:red",
}
_WIN_COLOUR: Final = "goldenrod"
_FIRMNESS_COLOUR: Final = "tab:purple"
_WIN_HEIGHT: Final = 1.06


def _label(text: str) -> str:
    """Text for a matplotlib label: a dollar sign would start mathematical notation."""
    return text.replace("$", r"\$")


def _x(moments: Sequence[datetime]) -> list[float]:
    """Moments as matplotlib date numbers (instants, so a zone never shifts them)."""
    from matplotlib.dates import date2num  # noqa: PLC0415 - an optional extra

    return [float(number) for number in date2num(list(moments))]  # type: ignore[no-untyped-call]


def _whole_span(journal: Journal) -> Replay:
    """A daily replay of a journal's whole span, reading its own follow-ups as they were."""
    start = journal.agreement.agreed_at
    last = journal.events[-1].at if journal.events else start
    return replay(
        journal, start, max(last, start, key=datetime.timestamp) + timedelta(days=1), record=False
    )


def _momentum(ax: Axes, history: Replay) -> None:
    """A momentum line per expectation, with a marker on it where each lapse began."""
    import numpy as np  # noqa: PLC0415 - comes with matplotlib, an optional extra
    from matplotlib import rcParams  # noqa: PLC0415

    steps = history.steps
    if not steps:
        return
    x = _x([step.at for step in steps])
    colours: list[str] = rcParams["axes.prop_cycle"].by_key()["color"]
    lapse_label = "where a lapse began"
    for index, expectation in enumerate(history.journal.expectations):
        colour = colours[index % len(colours)]
        momentum = [step.assessment.facts_for(expectation.id).momentum for step in steps]
        ax.plot(
            x,
            momentum,
            color=colour,
            label=_label(f"momentum: {expectation.action}"),
            gid=f"momentum:{expectation.id}",
        )
        starts = {
            start
            for step in steps
            for start in step.assessment.facts_for(expectation.id).lapse_starts
            if history.start <= start < history.end
        }
        if starts:
            lapses = _x(sorted(starts, key=datetime.timestamp))
            ax.plot(
                lapses,
                [float(y) for y in np.interp(lapses, x, momentum)],
                linestyle="none",
                marker="v",
                markersize=8,
                color=colour,
                label=lapse_label,
                gid=f"lapses:{expectation.id}",
            )
            lapse_label = "_" + lapse_label  # one legend entry for all lapses


def _setbacks(ax: Axes, history: Replay) -> None:
    """A dotted line where each setback was reported, its grace window shaded."""
    setbacks: dict[str, SetbackFacts] = {}
    for step in history.steps:
        setbacks.update((s.setback.id, s) for s in step.assessment.setbacks)
    shaded: set[Severity] = set()
    for facts in sorted(setbacks.values(), key=lambda s: s.setback.at.timestamp()):
        setback = facts.setback
        if not history.start <= setback.at < history.end:
            continue
        colour = _GRACE_COLOURS[setback.severity]
        reported, until = _x([setback.at, min(facts.grace_until, history.end)])
        ax.axvline(reported, color=colour, linestyle=":", gid=f"setback:{setback.id}")
        if until > reported:
            first = setback.severity not in shaded
            shaded.add(setback.severity)
            ax.axvspan(
                reported,
                until,
                color=colour,
                alpha=0.15,
                label=f"grace window ({setback.severity.value} setback)" if first else None,
                gid=f"grace:{setback.id}",
            )


def _wins(ax: Axes, history: Replay) -> None:
    """Stars above the lines: filled for wins the client told us, hollow for detected ones."""
    wins: dict[str, WinFact] = {}
    for step in history.steps:
        wins.update((w.id, w) for w in step.assessment.wins)
    shown = [w for w in wins.values() if history.start <= w.at < history.end]
    for source, label, face in (
        ("reported", "win they told us about", _WIN_COLOUR),
        ("detected", "win in the record", "none"),
    ):
        moments = [
            w.at for w in shown if (w.source is WinSource.REPORTED) == (source == "reported")
        ]
        if moments:
            ax.plot(
                _x(sorted(moments, key=datetime.timestamp)),
                [_WIN_HEIGHT] * len(moments),
                linestyle="none",
                marker="*",
                markersize=13,
                color=_WIN_COLOUR,
                markerfacecolor=face,
                label=label,
                gid=f"wins:{source}",
            )


def _firmness(twin: Axes, history: Replay) -> None:
    """The firmness of each follow-up sent, held until the next one, on the ladder's steps."""
    sent = history.sent
    if history.steps:
        last = history.steps[0].assessment.last_follow_up
        firmness = [last.firmness if last is not None else 0, *(e.firmness for e in sent)]
        twin.step(
            _x([history.start, *(event.at for event in sent), history.end]),
            [*firmness, firmness[-1]],
            where="post",
            color=_FIRMNESS_COLOUR,
            alpha=0.8,
            label="firmness of follow-ups",
            gid="firmness",
        )
    if sent:
        twin.plot(
            _x([event.at for event in sent]),
            [event.firmness for event in sent],
            linestyle="none",
            marker="o",
            markersize=5,
            color=_FIRMNESS_COLOUR,
            gid="follow-ups",
        )
    twin.set_ylim(-0.15, 3.4)
    twin.set_yticks(range(len(FIRMNESS_LADDER)), list(FIRMNESS_LADDER))
    twin.set_ylabel("firmness of follow-ups")


def _dress(ax: Axes, twin: Axes, history: Replay, title: str | None) -> None:
    """Axes, dates on the client's clock, a title and one legend for both axes."""
    import matplotlib.dates as mdates  # noqa: PLC0415 - an optional extra
    from matplotlib.ticker import PercentFormatter  # noqa: PLC0415

    journal = history.journal
    zone = journal.agreement.tz
    ax.set_ylim(0, 1.14)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel("momentum")
    ax.set_xlim(*_x([history.start, history.end]))
    locator = mdates.AutoDateLocator(tz=zone)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator, tz=zone)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(formatter)
    start, end = history.start.astimezone(zone), history.end.astimezone(zone)
    ax.set_title(
        _label(title)
        if title is not None
        else f"{en.short_date(start)} to {en.short_date(end)} ({journal.agreement.zone})"
    )
    handles, labels = ax.get_legend_handles_labels()
    more_handles, more_labels = twin.get_legend_handles_labels()
    ax.legend(
        handles + more_handles,
        labels + more_labels,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=3,
        fontsize="small",
        frameon=False,
    )


def plot_timeline(
    history: Replay | Journal, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Plot a client's timeline: momentum, lapses, setbacks, wins and firmness.

    Given a journal, it is replayed day by day over its whole span, reading
    its own follow-ups as they were sent (``record=False``); replay it
    yourself for another period, step or style.

    Args:
        history: A replay, or a journal to replay over its whole span.
        ax: The axes to draw on; a new figure (through pyplot, so a
            notebook shows it) when None.
        title: A title for the plot; the period and the zone when None.

    Returns:
        The axes with the momentum lines. The firmness is on a twin axis
        that shares its x axis (the other axes in ``ax.figure.axes``).
        Artists carry a gid: ``"momentum:<id>"`` and ``"lapses:<id>"`` per
        expectation, ``"setback:<id>"`` and ``"grace:<id>"`` per setback,
        ``"wins:reported"``, ``"wins:detected"``, ``"firmness"`` and
        ``"follow-ups"``.

    Raises:
        MissingDependencyError: If matplotlib is not installed
            (``pip install "accountability[notebook]"``).
        InvalidValueError: If *history* is neither a replay nor a journal,
            *ax* is not a matplotlib Axes, or *title* is not text.

    >>> from matplotlib.figure import Figure
    >>> from accountability.examples import example_journal
    >>> ax = plot_timeline(example_journal(), ax=Figure().add_subplot())
    >>> [line.get_label() for line in ax.get_lines() if line.get_gid().startswith("momentum")]
    ['momentum: Run for 30 minutes', 'momentum: Stretch for 10 minutes']
    """
    try:
        import matplotlib  # noqa: PLC0415, F401 - an optional extra
    except ImportError as error:
        raise MissingDependencyError("matplotlib", "plot_timeline()", "notebook") from error
    if isinstance(history, Journal):
        history = _whole_span(history)
    if not isinstance(history, Replay):
        raise InvalidValueError("history", history, "expected a Replay or a Journal")
    if title is not None and not isinstance(title, str):
        raise InvalidValueError("title", title, "expected text or None")
    if ax is not None and not callable(getattr(ax, "twinx", None)):
        raise InvalidValueError("ax", ax, "expected a matplotlib Axes or None")
    if ax is None:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - only when asked for a new figure

        _, ax = plt.subplots(figsize=(10, 4.8), layout="constrained")
    _momentum(ax, history)
    _setbacks(ax, history)
    _wins(ax, history)
    twin = ax.twinx()
    _firmness(twin, history)
    _dress(ax, twin, history, title)
    return ax
