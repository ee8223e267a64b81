"""Notebook displays and the timeline plot: a client's situation at a glance.

The HTML displays are read as a person would read them: the text they show
(parsed, with entities decoded) and the tags they use. Client text may hold
markup; it must show as the characters typed, never become HTML. The plot is
checked through the artists it creates, never through pixels.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from html.parser import HTMLParser

import attrs
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num as _date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from accountability import (
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Direction,
    Expectation,
    FollowUpSent,
    Goal,
    IfThen,
    Journal,
    Miss,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
    assess,
    suggest,
    testing,
)
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import InvalidValueError, MissingDependencyError
from accountability.notebook._html import (
    assessment_html,
    followup_html,
    journal_html,
    replay_html,
)
from accountability.notebook.history import replay
from accountability.notebook.plot import plot_timeline
from accountability.policy import Stance
from accountability.record import FIRMNESS_LADDER, FollowUpKind
from scenarios import MONDAY, at, crisis_mid_streak, journal, runs

matplotlib.use("Agg")  # draw without a display; tests read artists, never pixels

ALLOWED_TAGS = frozenset(
    {
        "div",
        "p",
        "strong",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "blockquote",
    }
)
"""The tags the displays use: any other tag in a display came from client text."""
MARKUP = "<script>alert('hi')</script>"


class Reading(HTMLParser):
    """What a person sees in an HTML fragment: its text, and which tags it used."""

    BREAKS = frozenset({"div", "p", "table", "tr", "th", "td", "ul", "ol", "li", "blockquote"})

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in self.BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def read(fragment: str) -> Reading:
    return Reading(fragment)


def words(text: str) -> str:
    return " ".join(text.split())


# A client whose every word holds markup, braces or dollars.
MARKED_UP = Journal(
    agreement=Agreement(zone="Europe/Berlin", agreed_at=at(-1, 18)),
    goals=(Goal(id="g", title="Save <b>money</b>", why=f"My kids {MARKUP} & more"),),
    expectations=(
        Expectation(
            id="save",
            goal="g",
            action="Put <i>$5</i> aside",
            done_when="It's in the <u>jar</u>",
            schedule=Cadence.daily(start=MONDAY, at=time(20)),
            agreed_at=at(-1, 18),
            plan=IfThen(obstacle="I'm <em>broke</em>", response="I put ${amount} aside"),
        ),
    ),
    events=(
        Reflection(id="r", at=at(-1, 19), kind=ReflectionKind.FEAR, words="<img src=x> {why}"),
        Completion(id="c0", at=at(0, 20, 5), expectation="save", note="<marquee>yay</marquee>"),
        Completion(id="c1", at=at(1, 20, 5), expectation="save"),
        Completion(id="c2", at=at(2, 20, 5), expectation="save"),
        CheckIn(id="k", at=at(2, 21), progress="<h1>Going</h1> well", confidence=7),
        Win(id="w", at=at(3, 9), what="<a href='x'>Paid</a> a bill", size=WinSize.BIG, goal="g"),
        Miss(id="m", at=at(3, 21), expectation="save", reason="<br>Rent was due"),
        Setback(id="s", at=at(4, 9), what="<table>Lost</table> my job", severity=Severity.MAJOR),
        Renegotiation(
            id="n",
            at=at(4, 10),
            expectation="save",
            direction=Direction.EASIER,
            reason="<b>Less</b> for now",
            action="Put <i>$2</i> aside",
        ),
    ),
)
MARKED_UP_TEXTS = (
    "Save <b>money</b>",
    f"My kids {MARKUP} & more",
    "Put <i>$5</i> aside",
    "It's in the <u>jar</u>",
    "I'm <em>broke</em>",
    "I put ${amount} aside",
    "<img src=x> {why}",
    "<marquee>yay</marquee>",
    "<h1>Going</h1> well",
    "<a href='x'>Paid</a> a bill",
    "<br>Rent was due",
    "<table>Lost</table> my job",
    "<b>Less</b> for now",
)


# --- Client text stays text --------------------------------------------------------------


def test_markup_in_the_clients_words_shows_as_typed_in_the_journal() -> None:
    shown = read(journal_html(MARKED_UP))

    assert shown.tags <= ALLOWED_TAGS
    for text in MARKED_UP_TEXTS:
        assert text in shown.text


def test_markup_in_the_clients_words_shows_as_typed_in_the_assessment_and_the_follow_up() -> None:
    now = at(4, 12)
    assessment = assess(MARKED_UP, now)
    follow_up = suggest(MARKED_UP, now)

    shown = read(assessment_html(assessment))
    said = read(followup_html(follow_up))

    assert shown.tags <= ALLOWED_TAGS
    assert "<table>Lost</table> my job" in shown.text
    assert "<a href='x'>Paid</a> a bill" in shown.text
    assert said.tags <= ALLOWED_TAGS
    assert "<table>Lost</table> my job" in follow_up.text
    assert words(follow_up.text) in said.text


def test_markup_in_follow_ups_already_sent_shows_as_typed_in_a_replay() -> None:
    history = replay(MARKED_UP, at(0, 12), at(6, 12))

    shown = read(replay_html(history))

    assert shown.tags <= ALLOWED_TAGS
    assert any("<" in event.text for event in history.sent)


@given(journal=testing.journals(max_events=15), hours=st.integers(0, 24 * 100))
def test_any_journal_its_assessment_and_its_follow_up_display_with_no_tag_of_the_clients(
    journal: Journal, hours: int
) -> None:
    now = journal.agreement.agreed_at + timedelta(hours=hours)
    follow_up = suggest(journal, now)

    shown = [
        read(journal_html(journal)),
        read(assessment_html(assess(journal, now))),
        read(followup_html(follow_up)),
    ]

    for reading in shown:
        assert reading.tags <= ALLOWED_TAGS
    for goal in journal.goals:
        assert words(goal.why) in shown[0].text
    for expectation in journal.expectations:
        assert words(expectation.action) in shown[0].text
    assert words(follow_up.text) in shown[2].text


# --- The journal -------------------------------------------------------------------------


def test_the_journal_shows_goals_in_their_words_expectations_with_cadences_and_the_agreement() -> (
    None
):
    maya = example_journal()

    shown = read(maya._repr_html_()).text

    assert "Journal of a client in Europe/Berlin" in shown
    assert "Run the Berlin half marathon in October" in shown
    assert f"\u201c{maya.goals[0].why}\u201d" in shown
    assert "longest run: 21.1 km, from 3 km" in shown
    assert "Run for 30 minutes The run is logged in my running app 3 times a week" in shown
    assert "Stretch for 10 minutes I tick it off on the fridge calendar every weekday at 07:00" in (
        shown
    )
    assert (
        "if \u201cI work late\u201d, then \u201cI run the next morning before work\u201d" in shown
    )
    assert "Quiet hours 21:00 to 08:00" in shown
    assert "Weekly cap 3 follow-ups" in shown
    assert "Grace major setback 7 days, crisis 14 days" in shown


def test_the_journal_shows_its_latest_events_newest_first() -> None:
    maya = example_journal()

    shown = read(journal_html(maya, recent=3)).text

    assert "Latest events, newest first" in shown
    newest = shown.index("Sun 29 Mar 2026, 20:00 CEST check-in")
    win = shown.index("Sat 28 Mar 2026, 11:00 CET big win")
    third = shown.index("Fri 27 Mar 2026, 07:15 CET done Stretch for 10 minutes")
    assert newest < win < third
    assert "Thu 26 Mar" not in shown
    assert "\u201cWork was chaotic but I kept going.\u201d; confidence 6/10; measure 8" in shown


def test_each_kind_of_event_is_told_in_plain_words() -> None:
    shown = read(journal_html(MARKED_UP, recent=20)).text

    assert "reflection: fear" in shown
    assert "done Put <i>$5</i> aside; \u201c<marquee>yay</marquee>\u201d" in shown
    assert "missed (told us) Put <i>$5</i> aside; \u201c<br>Rent was due\u201d" in shown
    assert "major setback (external, ongoing)" in shown
    assert "big win \u201c<a href='x'>Paid</a> a bill\u201d" in shown
    assert "asks to make it easier (client)" in shown
    assert "new action \u201cPut <i>$2</i> aside\u201d" in shown


def test_a_journal_without_events_says_so() -> None:
    empty = Journal.start(Agreement(zone="Asia/Tokyo", agreed_at=at(0)))

    shown = read(empty._repr_html_()).text

    assert "0 goals, 0 expectations, no events yet" in shown
    assert "Goals No goals yet." in shown
    assert "newest first" not in shown


# --- The assessment ----------------------------------------------------------------------


def test_the_assessment_shows_each_expectations_figures() -> None:
    assessment = assess(example_journal(), EXAMPLE_NOW)

    shown = read(assessment_html(assessment)).text

    assert "Assessment at Mon 30 Mar 2026, 18:00 CEST (Europe/Berlin)" in shown
    for facts in assessment.expectations:
        row = f"{facts.expectation.action} {facts.adherence:.0%} {facts.momentum:.0%} "
        assert row in shown
        assert f"({facts.momentum_week_ago:.0%} a week ago)" in shown
    assert "2 weeks (best 2)" in shown
    assert "2 days (best" in shown


def test_the_assessment_shows_setbacks_with_their_grace_windows_and_wins_to_celebrate() -> None:
    in_the_flu = assess(example_journal(), EXAMPLE_NOW - timedelta(days=17))
    now = assess(example_journal(), EXAMPLE_NOW)

    flu = read(assessment_html(in_the_flu)).text
    later = read(assessment_html(now)).text

    assert "Setbacks" in flu
    assert (
        "Wed 11 Mar 2026, 08:00 CET major (external) \u201cFlu, fever since last night.\u201d "
        "Wed 18 Mar 2026, 08:00 CET yes"
    ) in flu
    assert "Wed 18 Mar 2026, 08:00 CET no 6 misses" in later
    assert "Wins to celebrate" in later
    assert (
        "reported \u201cRan 8 km without stopping, further than I have in ten years.\u201d big"
        in (later)
    )
    assert "outcome \u201clongest run\u201d went from 3 km to 8 km small" in later


def test_the_assessment_shows_silence_confidence_and_the_last_follow_up() -> None:
    assessment = assess(example_journal(), EXAMPLE_NOW)

    shown = read(assessment_html(assessment)).text

    assert "Last heard from Sun 29 Mar 2026, 20:00 CEST (22 hours ago)" in shown
    assert "Confidence 6/10" in shown
    assert "Misses they told us about 1" in shown
    assert "Last follow-up celebrate, firmness 0 (open door), Mon 9 Mar 2026, 09:00 CET" in shown


def test_a_crisis_is_named_with_the_end_of_its_window() -> None:
    crisis_journal, now = crisis_mid_streak()

    shown = read(assessment_html(assess(crisis_journal, now))).text

    assert "Crisis: a grace window with no asks at all is open until Thu 26 Mar 2026" in shown


def test_lapses_and_an_overdue_occurrence_are_shown() -> None:
    quiet = journal(*runs(0, 1, 2, 3, 4, 5))

    shown = read(assessment_html(assess(quiet, at(9, 12)))).text

    assert "1 (since Sun 8 Mar) overdue" in shown
    assert "Last heard from Sat 7 Mar 2026, 07:00 CET (4 days ago)" in shown
    assert "Last follow-up none yet" in shown


# --- The follow-up -----------------------------------------------------------------------


def test_the_follow_up_shows_kind_send_time_stance_moves_reasons_and_its_words() -> None:
    follow_up = suggest(example_journal(), EXAMPLE_NOW)

    shown = read(follow_up._repr_html_()).text

    assert "Celebrate, to send Mon 30 Mar 2026, 18:00 CEST (Europe/Berlin)" in shown
    assert f"firmness 0 of 3, open door; empathy {follow_up.stance.empathy:.0%}" in shown
    moves = " ".join(
        m.kind.value.replace("_", " ") + (f" ({m.topic.replace('_', ' ')})" if m.topic else "")
        for m in follow_up.moves
    )
    assert f"Moves {moves}" in shown
    for reason in follow_up.reasons:
        assert words(reason) in shown
    assert "Serves (ICF) " + "; ".join(c.value for c in follow_up.competencies) in shown
    assert shown.endswith(words(follow_up.text))


@pytest.mark.parametrize(("firmness", "name"), list(enumerate(FIRMNESS_LADDER)))
def test_the_stance_names_the_step_of_the_firmness_ladder(firmness: int, name: str) -> None:
    follow_up = suggest(example_journal(), EXAMPLE_NOW)
    firmer = attrs.evolve(follow_up, stance=Stance(firmness=firmness, empathy=0.5))

    shown = read(followup_html(firmer)).text

    assert f"firmness {firmness} of 3, {name}; empathy 50%" in shown


def test_a_follow_up_that_waits_says_when_to_look_again() -> None:
    quiet = replay(journal(*runs(0, 1, 2, 3, 4, 5)), at(7, 12), at(9, 12), style="gentle")
    follow_up = quiet.steps[1].follow_up  # the day after a check-in about the lapse
    assert FollowUpKind.WAIT is follow_up.kind

    shown = read(followup_html(follow_up)).text

    local = follow_up.send_at
    assert shown.startswith(
        f"Nothing to send now. Look again {local:%a} {local.day} {local:%b %Y, %H:%M %Z} "
        "(Europe/Berlin)."
    )


# --- The replay --------------------------------------------------------------------------


def test_a_recorded_replay_lists_what_was_sent_and_how_firmly() -> None:
    history = replay(example_journal(), EXAMPLE_NOW - timedelta(days=28), EXAMPLE_NOW)

    shown = read(history._repr_html_()).text

    assert "Replay from Mon 2 Mar 2026, 18:00 CET to Mon 30 Mar 2026, 18:00 CEST" in shown
    assert f"{len(history)} steps" in shown
    assert f"{len(history.sent)} follow-ups sent" in shown
    for event in history.sent:
        assert words(event.text)[:60] in shown


def test_a_replay_without_recording_lists_each_new_suggestion_once() -> None:
    quiet = journal(*runs(0, 1, 2, 3, 4, 5))
    history = replay(quiet, at(7, 12), at(12, 12), record=False)

    shown = read(replay_html(history)).text

    texts = {step.follow_up.text for step in history}
    assert "Nothing recorded as sent" in shown
    assert 1 == len(texts)
    assert 1 == shown.count(words(texts.pop())[:80])


# --- The timeline plot -------------------------------------------------------------------


def axes() -> Axes:
    return Figure().add_subplot()


def twin_of(ax: Axes) -> Axes:
    (twin,) = (other for other in ax.figure.axes if other is not ax)
    return twin


def by_gid(ax: Axes, gid: str) -> list[Artist]:
    return [artist for artist in ax.get_children() if artist.get_gid() == gid]


def line(ax: Axes, gid: str) -> Line2D:
    (found,) = (candidate for candidate in ax.get_lines() if candidate.get_gid() == gid)
    return found


def date2num(moments: Iterable[datetime]) -> list[float]:
    """Moments as matplotlib's date numbers."""
    return [float(n) for n in _date2num(list(moments))]  # type: ignore[no-untyped-call]


def xs(drawn: Line2D) -> list[float]:
    return [float(x) for x in np.asarray(drawn.get_xdata(), dtype=float)]


def ys(drawn: Line2D) -> list[float]:
    return [float(y) for y in np.asarray(drawn.get_ydata(), dtype=float)]


MAYA_MONTH = replay(example_journal(), EXAMPLE_NOW - timedelta(days=28), EXAMPLE_NOW)


def test_the_timeline_draws_a_momentum_line_per_expectation_labelled_with_its_action() -> None:
    ax = plot_timeline(MAYA_MONTH, ax=axes())

    for expectation in MAYA_MONTH.journal.expectations:
        momentum = line(ax, f"momentum:{expectation.id}")
        assert f"momentum: {expectation.action}" == momentum.get_label()
        expected = [s.assessment.facts_for(expectation.id).momentum for s in MAYA_MONTH]
        assert expected == ys(momentum)
        assert date2num(s.at for s in MAYA_MONTH) == xs(momentum)


def test_lapses_are_marked_on_the_momentum_line_where_they_began() -> None:
    quiet = replay(journal(*runs(0, 1, 2, 3, 4, 5)), at(0, 12), at(14, 12), record=False)

    ax = plot_timeline(quiet, ax=axes())

    marks = line(ax, "lapses:run")
    starts = {s for step in quiet for s in step.assessment.facts_for("run").lapse_starts}
    assert date2num(sorted(starts)) == xs(marks)
    assert "where a lapse began" == marks.get_label()
    momentum = line(ax, "momentum:run")
    assert ys(marks) == list(np.interp(xs(marks), xs(momentum), ys(momentum)))


def test_a_setbacks_grace_window_is_shaded_from_its_report_to_its_end() -> None:
    ax = plot_timeline(MAYA_MONTH, ax=axes())

    (flu,) = by_gid(ax, "grace:s1")
    reported = line(ax, "setback:s1")
    facts = next(s for step in MAYA_MONTH for s in step.assessment.setbacks)
    assert isinstance(flu, Rectangle)
    left, _, width, _ = flu.get_bbox().bounds
    at_report, at_end = date2num([facts.setback.at, facts.grace_until])
    assert pytest.approx(at_report) == left
    assert pytest.approx(at_end) == left + width
    assert "grace window (major setback)" == flu.get_label()
    assert [at_report] * 2 == xs(reported)


def test_a_minor_setback_is_marked_but_opens_no_window() -> None:
    minor = Setback(id="cold", at=at(3, 9), what="A cold", severity=Severity.MINOR)
    history = replay(journal(*runs(0, 1, 2), minor), at(0, 12), at(6, 12))

    ax = plot_timeline(history, ax=axes())

    assert by_gid(ax, "setback:cold")
    assert not by_gid(ax, "grace:cold")


def test_wins_they_reported_and_wins_found_in_the_record_are_starred_apart() -> None:
    ax = plot_timeline(MAYA_MONTH, ax=axes())

    reported, detected = line(ax, "wins:reported"), line(ax, "wins:detected")
    told = [e.at for e in MAYA_MONTH.journal.events if isinstance(e, Win)]
    assert date2num(told) == xs(reported)
    assert xs(detected)
    assert "none" == detected.get_markerfacecolor()


def test_the_firmness_of_each_follow_up_sent_is_a_step_on_a_second_axis_named_by_the_ladder() -> (
    None
):
    said = [Miss(id=f"m{d}", at=at(d, 20), expectation="run", reason="Tired") for d in range(6, 10)]
    record = journal(*runs(0, 1, 2, 3, 4, 5), *said)
    record = record.with_agreement(attrs.evolve(record.agreement, weekly_cap=7))
    history = replay(record, at(7, 9), at(11, 9), style="direct")

    ax = plot_timeline(history, ax=axes())

    twin = twin_of(ax)
    assert list(FIRMNESS_LADDER) == [label.get_text() for label in twin.get_yticklabels()]
    steps = line(twin, "firmness")
    firmness = [e.firmness for e in history.sent]
    assert [0, *firmness, firmness[-1]] == ys(steps)
    assert max(firmness) >= 1
    assert "steps-post" == steps.get_drawstyle()
    assert date2num(e.at for e in history.sent) == xs(line(twin, "follow-ups"))


def test_one_legend_names_every_kind_of_mark_on_both_axes() -> None:
    ax = plot_timeline(MAYA_MONTH, ax=axes())

    legend = ax.get_legend()
    assert legend is not None
    labels = [text.get_text() for text in legend.get_texts()]
    assert [
        "momentum: Run for 30 minutes",
        "momentum: Stretch for 10 minutes",
        "grace window (major setback)",
        "win they told us about",
        "win in the record",
        "firmness of follow-ups",
    ] == labels


def test_a_dollar_sign_in_an_action_is_shown_as_written_not_as_mathematics() -> None:
    history = replay(MARKED_UP, at(0, 12), at(6, 12))
    figure = Figure()
    FigureCanvasAgg(figure)

    ax = plot_timeline(history, ax=figure.add_subplot(), title="Saving $5, then $2")

    assert r"momentum: Put <i>\$5</i> aside" == line(ax, "momentum:save").get_label()
    assert r"Saving \$5, then \$2" == ax.get_title()
    figure.canvas.draw()


def test_a_journal_is_plotted_over_its_whole_span_with_its_own_follow_ups() -> None:
    maya = example_journal()

    ax = plot_timeline(maya, ax=axes())

    start, end = ax.get_xlim()
    agreed, after_the_last = date2num([maya.agreement.agreed_at, maya.events[-1].at])
    assert pytest.approx(agreed) == start
    assert pytest.approx(after_the_last + 1) == end
    own = [e.at for e in maya.events if isinstance(e, FollowUpSent)]
    assert date2num(own) == xs(line(twin_of(ax), "follow-ups"))


def test_a_replay_without_steps_draws_empty_axes() -> None:
    later = Cadence.weekly(on=0, at=time(9), start=MONDAY + timedelta(days=70))
    empty = replay(journal(), at(0, 12), at(7, 12), every=later)

    ax = plot_timeline(empty, ax=axes())

    assert [] == ax.get_lines()
    assert [] == twin_of(ax).get_lines()


def test_without_axes_the_timeline_draws_a_new_figure() -> None:
    before = set(plt.get_fignums())

    ax = plot_timeline(MAYA_MONTH)

    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    try:
        assert {figure.number} == set(plt.get_fignums()) - before
        assert 2 == len(figure.axes)
    finally:
        plt.close(figure)


def test_without_matplotlib_the_plot_asks_for_the_notebook_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)

    with pytest.raises(MissingDependencyError) as missing:
        plot_timeline(MAYA_MONTH)

    assert "matplotlib" == missing.value.package
    assert 'pip install "accountability[notebook]"' in str(missing.value)


def test_anything_but_a_replay_or_a_journal_is_refused() -> None:
    with pytest.raises(InvalidValueError) as refused:
        plot_timeline("a journal", ax=axes())  # type: ignore[arg-type]

    assert "history" == refused.value.field


@pytest.mark.parametrize(("field", "given"), [("ax", {"ax": 1}), ("title", {"title": 1})])
def test_a_timeline_refuses_an_axes_or_a_title_of_the_wrong_kind(
    field: str, given: dict[str, object]
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        plot_timeline(MAYA_MONTH, **given)  # type: ignore[arg-type]

    assert field == raised.value.field
