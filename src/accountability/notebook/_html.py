"""Rich notebook displays: a journal, an assessment, a follow-up and a replay as compact HTML.

Jupyter shows an object through its ``_repr_html_`` method, and those
methods delegate here, so a person can take in a client's situation at a
glance. Every piece of client text is escaped with `html.escape`: markup a
client typed shows as the characters they typed, never as HTML.

Moments are shown on the client's wall clock, in the zone of their
agreement. This module imports neither pandas nor matplotlib, and nothing
from the pipeline at run time, so any module can delegate to it.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from accountability import _english as en
from accountability.record.model import (
    MAX_FIRMNESS,
    CheckIn,
    Completion,
    Contact,
    Event,
    FollowUpKind,
    FollowUpSent,
    Miss,
    Reflection,
    Renegotiation,
    Setback,
    Win,
    firmness_name,
)
from accountability.record.schedule import Cadence, Due, Schedule

if TYPE_CHECKING:
    from accountability.facts.assessment import Assessment, ExpectationFacts
    from accountability.notebook.history import Replay
    from accountability.policy.followup import FollowUp
    from accountability.record.journal import Journal

__all__ = [
    "assessment_html",
    "followup_html",
    "journal_html",
    "replay_html",
]

RECENT_EVENTS: Final = 10
"""How many of the latest events a journal shows."""

_CLIP: Final = 240
_MAX_ROWS: Final = 40
_CELL: Final = 'style="text-align:left;vertical-align:top"'
_DASH: Final = "\u2014"


# --- Small pieces ------------------------------------------------------------------------


def _e(text: object) -> str:
    """Escape anything for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def _clip(text: str, limit: int = _CLIP) -> str:
    """Shorten long text to *limit* characters, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _words(text: str, limit: int = _CLIP) -> str:
    """The client's words, shortened if long, in quotation marks, escaped."""
    return _e("\u201c" + _clip(text, limit) + "\u201d")


def _percent(share: float | None) -> str:
    return _DASH if share is None else f"{share:.0%}"


def _name(value: str) -> str:
    """An enum value as words: "ask_recommitment" becomes "ask recommitment"."""
    return value.replace("_", " ")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A compact table; *head* and the cells are HTML already (escaped by the caller)."""
    header = "".join(f"<th {_CELL}>{cell}</th>" for cell in head)
    body = "".join(
        "<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    """A two-column table of labelled facts; the values are HTML already."""
    body = "".join(
        f"<tr><th {_CELL}>{_e(label)}</th><td {_CELL}>{value}</td></tr>" for label, value in rows
    )
    return f"<table><tbody>{body}</tbody></table>"


def _heading(text: str) -> str:
    return f'<p style="margin:0.8em 0 0.2em"><strong>{_e(text)}</strong></p>'


def _box(kind: str, parts: Sequence[str]) -> str:
    return f'<div class="accountability {kind}">' + "".join(parts) + "</div>"


def _list(items: Sequence[str], ordered: bool = False) -> str:
    """A list of items that are HTML already."""
    if not items:
        return _DASH
    tag = "ol" if ordered else "ul"
    inner = "".join(f"<li>{item}</li>" for item in items)
    return f'<{tag} style="margin:0;padding-left:1.4em">{inner}</{tag}>'


def _zone_label(zone: tzinfo) -> str:
    return zone.key if isinstance(zone, ZoneInfo) else str(zone)


# --- The journal -------------------------------------------------------------------------


def _schedule(schedule: Schedule | None, zone: tzinfo) -> str:
    if isinstance(schedule, Cadence):
        return schedule.describe()
    if isinstance(schedule, Due):
        return "by " + en.stamp(schedule.at, zone)
    return "no schedule yet"


def _action(journal: Journal, expectation_id: str | None) -> str:
    """The action agreed for an expectation, escaped, or its id if the journal has none."""
    if expectation_id is None:
        return ""
    for expectation in journal.expectations:
        if expectation.id == expectation_id:
            return _e(expectation.action)
    return _e(expectation_id)


def _joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def _event_row(event: Event, journal: Journal) -> tuple[str, str]:  # noqa: PLR0911 - one per kind
    """What an event is, and its details, as two escaped cells."""
    match event:
        case CheckIn():
            confidence = f"confidence {event.confidence}/10" if event.confidence is not None else ""
            measure = f"measure {event.measure:g}" if event.measure is not None else ""
            words = _words(event.progress) if event.progress.strip() else ""
            note = _words(event.note) if event.note.strip() else ""
            return "check-in", _joined(words, note, _e(confidence), _e(measure))
        case Completion():
            what = "done" if event.amount >= 1 else f"partly done ({event.amount:.0%})"
            note = _words(event.note) if event.note.strip() else ""
            return what, _joined(_action(journal, event.expectation), note)
        case Miss():
            reason = _words(event.reason) if event.reason.strip() else ""
            return "missed (told us)", _joined(_action(journal, event.expectation), reason)
        case Setback():
            span = (
                f"until {en.short_day(event.end, journal.agreement.tz)}" if event.end else "ongoing"
            )
            head = f"{event.severity.value} setback ({event.cause.value}, {span})"
            return _e(head), _words(event.what)
        case Win():
            return _e(f"{event.size.value} win"), _words(event.what)
        case Renegotiation():
            changes = _joined(
                f"new action {_words(event.action)}" if event.action else "",
                f"new done-when {_words(event.done_when)}" if event.done_when else "",
                "new schedule " + _e(_schedule(event.schedule, journal.agreement.tz))
                if event.schedule
                else "",
            )
            reason = _words(event.reason) if event.reason.strip() else ""
            head = f"asks to make it {event.direction.value} ({event.proposed_by.value})"
            return _e(head), _joined(_action(journal, event.expectation), changes, reason)
        case Reflection():
            return _e(f"reflection: {event.kind.value}"), _words(event.words)
        case FollowUpSent():
            head = (
                f"follow-up sent: {_name(event.kind.value)} "
                f"(firmness {event.firmness}, {firmness_name(event.firmness)})"
            )
            return _e(head), _words(event.text, 160) if event.text.strip() else ""
        case Contact():
            channel = f" ({event.channel})" if event.channel.strip() else ""
            return _e(f"got in touch{channel}"), _words(event.note) if event.note.strip() else ""


def journal_html(journal: Journal, recent: int = RECENT_EVENTS) -> str:
    """A journal at a glance: goals, expectations, the agreement and the latest events.

    Args:
        journal: The client's journal.
        recent: How many of the latest events to show, newest first.

    Returns:
        An HTML fragment; all client text in it is escaped.
    """
    agreement = journal.agreement
    zone = agreement.tz
    events = journal.events
    span = (
        f"{en.plural(len(events), 'event')} from {en.short_day(events[0].at, zone)} "
        f"to {en.stamp(events[-1].at, zone)}"
        if events
        else "no events yet"
    )
    parts = [
        f"<p><strong>Journal</strong> of a client in {_e(agreement.zone)}: "
        f"{_e(en.plural(len(journal.goals), 'goal'))}, "
        f"{_e(en.plural(len(journal.expectations), 'expectation'))}, {_e(span)}.</p>"
    ]
    titles = {goal.id: goal.title for goal in journal.goals}
    goal_rows = []
    for goal in journal.goals:
        target = []
        if goal.outcome is not None:
            outcome = goal.outcome
            unit = f" {outcome.unit}" if outcome.unit else ""
            start = f", from {outcome.baseline:g}{unit}" if outcome.baseline is not None else ""
            target.append(f"{outcome.measure}: {outcome.target:g}{unit}{start}")
        if goal.target_date is not None:
            target.append(f"by {en.short_date(goal.target_date)}")
        goal_rows.append(
            [_e(goal.title), _words(goal.why, 400), _e(goal.status.value), _e("; ".join(target))]
        )
    parts += [
        _heading("Goals"),
        _table(["Goal", "Why, in their words", "Status", "Target"], goal_rows)
        if goal_rows
        else "<p>No goals yet.</p>",
    ]
    if journal.expectations:
        rows = []
        for expectation in journal.expectations:
            plan = expectation.plan
            rows.append(
                [
                    _e(expectation.action),
                    _e(expectation.done_when) if expectation.done_when.strip() else _DASH,
                    _e(_schedule(expectation.schedule, zone)),
                    _e(titles.get(expectation.goal, expectation.goal)),
                    _e(expectation.proposed_by.value),
                    f"if {_words(plan.obstacle)}, then {_words(plan.response)}" if plan else _DASH,
                ]
            )
        parts += [
            _heading("Expectations"),
            _table(["Action", "Done when", "When", "Goal", "Proposed by", "If-then plan"], rows),
        ]
    quiet = agreement.quiet_hours
    parts += [
        _heading("Agreement"),
        _facts(
            [
                ("Agreed", _e(en.stamp(agreement.agreed_at, zone))),
                (
                    "Check-ins",
                    _e(agreement.check_in.describe()) if agreement.check_in else "none agreed",
                ),
                ("Quiet hours", _e(f"{quiet.start:%H:%M} to {quiet.end:%H:%M}")),
                ("Weekly cap", _e(en.plural(agreement.weekly_cap, "follow-up"))),
                ("Directness", _e(agreement.directness.value)),
                ("Peer accountability", "agreed" if agreement.peer_consent else "not agreed"),
                (
                    "Grace",
                    _e(
                        f"major setback {en.plural(agreement.grace.major_days, 'day')}, "
                        f"crisis {en.plural(agreement.grace.crisis_days, 'day')}"
                    ),
                ),
            ]
        ),
    ]
    if events and recent > 0:
        latest = events[-recent:][::-1]
        rows = [[_e(en.stamp(event.at, zone)), *_event_row(event, journal)] for event in latest]
        title = "Latest events" if len(events) > len(latest) else "Events"
        parts += [_heading(f"{title}, newest first"), _table(["When", "What", "Details"], rows)]
    return _box("journal", parts)


# --- The assessment ----------------------------------------------------------------------


def _expectation_row(facts: ExpectationFacts, zone: tzinfo, label: str | None = None) -> list[str]:
    period = facts.period
    change = facts.momentum - facts.momentum_week_ago
    arrow = "\u2191" if change > 0.005 else "\u2193" if change < -0.005 else "\u2192"
    lapses = str(facts.lapses)
    if facts.lapse_starts:
        lapses += f" (since {en.short_day(facts.lapse_starts[0], zone)})"
    return [
        _e(label or facts.expectation.action),
        _percent(facts.adherence),
        _e(f"{facts.momentum:.0%} {arrow} ({facts.momentum_week_ago:.0%} a week ago)"),
        _e(f"{en.plural(facts.streak, period)} (best {facts.best_streak})"),
        _e(lapses),
        "<strong>overdue</strong>" if facts.overdue else "no",
        _e(en.stamp(facts.next_due, zone)) if facts.next_due else _DASH,
    ]


def assessment_html(assessment: Assessment) -> str:
    """An assessment at a glance: each commitment's figures, setbacks, silence and wins.

    Args:
        assessment: The facts at one moment.

    Returns:
        An HTML fragment; all client text in it is escaped.
    """
    zone = ZoneInfo(assessment.zone)
    parts = [
        f"<p><strong>Assessment</strong> at {_e(en.stamp(assessment.now, zone))} "
        f"({_e(assessment.zone)})</p>"
    ]
    rows = [_expectation_row(facts, zone) for facts in assessment.expectations]
    if assessment.check_ins is not None:
        rows.append(_expectation_row(assessment.check_ins, zone, "Check in (as agreed)"))
    if rows:
        parts.append(
            _table(
                ["Expectation", "Adherence", "Momentum", "Streak", "Lapses", "Overdue", "Next due"],
                rows,
            )
        )
    else:
        parts.append("<p>No expectations yet.</p>")
    pending = [
        (facts.expectation.action, change, effective)
        for facts in assessment.expectations
        for change, effective in zip(
            facts.renegotiations.pending, facts.renegotiations.effective, strict=True
        )
    ]
    if pending:
        parts.append(
            _list(
                [
                    f"{_e(action)}: the {_e(change.direction.value)} change asked on "
                    f"{_e(en.short_day(change.at, zone))} "
                    f"applies from {_e(en.stamp(effective, zone))}"
                    for action, change, effective in pending
                ]
            )
        )
    if assessment.crisis_until is not None:
        parts.append(
            "<p><strong>Crisis:</strong> a grace window with no asks at all is open until "
            f"{_e(en.stamp(assessment.crisis_until, zone))}.</p>"
        )
    if assessment.setbacks:
        setback_rows = [
            [
                _e(en.stamp(facts.setback.at, zone)),
                _e(f"{facts.setback.severity.value} ({facts.setback.cause.value})"),
                _words(facts.setback.what),
                _e(en.stamp(facts.grace_until, zone))
                if facts.grace_until > facts.setback.at
                else "no window",
                "<strong>yes</strong>" if facts.in_grace else "no",
                _e(en.plural(len(facts.excuses), "miss", "misses")),
            ]
            for facts in assessment.setbacks
        ]
        parts += [
            _heading("Setbacks"),
            _table(
                ["Reported", "Severity", "What", "Grace until", "In grace", "Excuses"], setback_rows
            ),
        ]
    if assessment.uncelebrated:
        win_rows = [
            [
                _e(en.stamp(win.at, zone)),
                _e(win.source.value),
                # Only a reported win is the client's own words; a detected one is our fact.
                # (WinSource is a StrEnum; assess imports this module, so compare its value.)
                _words(win.what) if win.source == "reported" else _e(_clip(win.what)),
                _e(win.size.value),
            ]
            for win in assessment.uncelebrated
        ]
        parts += [
            _heading("Wins to celebrate"),
            _table(["When", "Source", "What", "Size"], win_rows),
        ]
    else:
        parts += [
            _heading("Wins to celebrate"),
            "<p>None waiting.</p>",
        ]
    if assessment.last_spoke is not None and assessment.silence is not None:
        heard = f"{en.stamp(assessment.last_spoke, zone)} ({en.duration(assessment.silence)} ago)"
    else:
        heard = "not yet"
    last = assessment.last_follow_up
    facts_rows = [
        ("Last heard from", _e(heard)),
        (
            "Confidence",
            _e(f"{assessment.confidence}/10") if assessment.confidence is not None else _DASH,
        ),
        ("Misses they told us about", str(len(assessment.honest_misses))),
        (
            "Renegotiations",
            _e(
                f"{assessment.renegotiations_recent} recent, "
                f"{assessment.easier_requests_recent} asking for easier"
            ),
        ),
        ("Follow-ups in the last 7 days", str(assessment.follow_ups_last_week)),
        (
            "Last follow-up",
            _e(
                f"{_name(last.kind.value)}, firmness {last.firmness} "
                f"({firmness_name(last.firmness)}), {en.stamp(last.at, zone)}"
            )
            if last is not None
            else "none yet",
        ),
    ]
    parts += [_heading("Facts"), _facts(facts_rows)]
    return _box("assessment", parts)


# --- The follow-up -----------------------------------------------------------------------


def followup_html(follow_up: FollowUp) -> str:
    """A follow-up at a glance: kind, send time, stance, moves, reasons and the text.

    Args:
        follow_up: The suggested follow-up. Its send time is already in the
            client's zone.

    Returns:
        An HTML fragment; the text and all client words in it are escaped.
    """
    zone = follow_up.send_at.tzinfo or ZoneInfo("UTC")
    when = f"{en.stamp(follow_up.send_at, zone)} ({_zone_label(zone)})"
    if follow_up.kind is FollowUpKind.WAIT:
        head = f"<p><strong>Nothing to send now.</strong> Look again {_e(when)}.</p>"
    else:
        kind = _name(follow_up.kind.value).capitalize()
        head = f"<p><strong>{_e(kind)}</strong>, to send {_e(when)}</p>"
    stance = follow_up.stance
    moves = [
        _e(_name(move.kind.value) + (f" ({_name(move.topic)})" if move.topic else ""))
        for move in follow_up.moves
    ]
    about = _joined(
        f"goal {_e(follow_up.goal)}" if follow_up.goal else "",
        f"expectation {_e(follow_up.expectation)}" if follow_up.expectation else "",
    )
    rows = [
        (
            "Stance",
            _e(
                f"firmness {stance.firmness} of {MAX_FIRMNESS}, {firmness_name(stance.firmness)}; "
                f"empathy {stance.empathy:.0%}"
            ),
        ),
        ("About", about or _DASH),
        ("Moves", _list(moves, ordered=True)),
        ("Why", _list([_e(reason) for reason in follow_up.reasons])),
    ]
    if follow_up.competencies:
        rows.append(("Serves (ICF)", _e("; ".join(c.value for c in follow_up.competencies))))
    if follow_up.celebrates:
        rows.append(("Celebrates", _e(", ".join(sorted(follow_up.celebrates)))))
    parts = [head, _facts(rows)]
    if follow_up.text:
        parts.append(
            '<blockquote style="white-space:pre-wrap;margin:0.6em 0;padding-left:0.8em;'
            f'border-left:3px solid #999">{_e(follow_up.text)}</blockquote>'
        )
    return _box("follow-up", parts)


# --- The replay --------------------------------------------------------------------------


def replay_html(replay: Replay) -> str:
    """A replay at a glance: its period, what was sent (or suggested), and how firmly.

    Args:
        replay: The replay to show.

    Returns:
        An HTML fragment; every text in it is escaped.
    """
    zone = replay.journal.agreement.tz
    steps = replay.steps
    parts = [
        f"<p><strong>Replay</strong> from {_e(en.stamp(replay.start, zone))} to "
        f"{_e(en.stamp(replay.end, zone))} ({_e(replay.journal.agreement.zone)}): "
        f"{_e(en.plural(len(steps), 'step'))}.</p>"
    ]
    if replay.recorded:
        sent = replay.sent
        kinds = Counter(_name(event.kind.value) for event in sent)
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        highest = max((event.firmness for event in sent), default=0)
        parts.append(
            f"<p>{_e(en.plural(len(sent), 'follow-up'))} sent"
            + (f": {_e(summary)}; firmest: {_e(firmness_name(highest))}" if sent else "")
            + ".</p>"
        )
        rows = [
            [
                _e(en.stamp(event.at, zone)),
                _e(_name(event.kind.value)),
                _e(f"{event.firmness} ({firmness_name(event.firmness)})"),
                _e(_clip(event.text, 200)),
            ]
            for event in sent
        ]
        head = ["Sent", "Kind", "Firmness", "Text"]
    else:
        parts.append(
            "<p>Nothing recorded as sent: each step saw only the journal's own history.</p>"
        )
        rows = []
        previous: tuple[object, ...] | None = None
        for step in steps:
            follow_up = step.follow_up
            key = (follow_up.kind, follow_up.stance.firmness, follow_up.text)
            if follow_up.kind is FollowUpKind.WAIT or key == previous:
                previous = key
                continue
            previous = key
            rows.append(
                [
                    _e(en.stamp(step.at, zone)),
                    _e(en.stamp(follow_up.send_at, zone)),
                    _e(_name(follow_up.kind.value)),
                    _e(f"{follow_up.stance.firmness} ({firmness_name(follow_up.stance.firmness)})"),
                    _e(_clip(follow_up.text, 200)),
                ]
            )
        head = ["Step", "Send at", "Kind", "Firmness", "Text"]
    if rows:
        shown = rows[:_MAX_ROWS]
        parts.append(_table(head, shown))
        if len(rows) > len(shown):
            parts.append(f"<p>\u2026 and {len(rows) - len(shown)} more.</p>")
    return _box("replay", parts)
