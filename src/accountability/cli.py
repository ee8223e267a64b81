"""The command line: ``python -m accountability``.

This is the edge of the library: it reads files and, when no moment is
given for your own journal, the clock. The core never does either.

Usage::

    python -m accountability [suggest] [JOURNAL.json] [--at ISO-8601] [--style NAME]
                             [--voice WORDINGS.toml]
    python -m accountability summary [JOURNAL.json] [--at ISO-8601]

With no journal it reads the bundled example (Maya's first four weeks)
at the moment the example was written for. ``--voice`` words the
suggestion with a coach's own wordings, from a ``.toml`` or ``.json``
file (`accountability.voice.EnglishVoice.from_toml`). Bad input prints
one line on standard error and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Final, NoReturn

from accountability import _english as en
from accountability import suggest
from accountability.convert import from_json
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.exceptions import AccountabilityError, InvalidValueError
from accountability.facts.assessment import Assessment, ExpectationFacts, assess
from accountability.policy.followup import FollowUp
from accountability.record.journal import Journal
from accountability.record.model import (
    CheckIn,
    Completion,
    Contact,
    Event,
    Expectation,
    Miss,
    Party,
    Reflection,
    smart_gaps,
)
from accountability.voice.english import EnglishVoice, ToneWarning

__all__ = ["describe", "main", "summarize"]

_SPOKE = (CheckIn, Completion, Contact, Reflection, Miss)
_VOICE_SUFFIXES: Final = (".toml", ".json")
# A voice's wordings fill a page or two; a file far larger than that is a mistake.
_MAX_VOICE_BYTES: Final = 1024 * 1024
_WINDOW_DAYS = 28
_LABELS = {
    "CheckIn": ("check-in", "check-ins"),
    "Completion": ("completion", "completions"),
    "Miss": ("miss reported", "misses reported"),
    "Setback": ("setback", "setbacks"),
    "Win": ("win", "wins"),
    "Renegotiation": ("renegotiation", "renegotiations"),
    "Reflection": ("reflection", "reflections"),
    "FollowUpSent": ("follow-up sent", "follow-ups sent"),
    "Contact": ("contact", "contacts"),
}


def _describe_expectation(expectation: Expectation) -> list[str]:
    schedule = expectation.schedule.describe() if expectation.schedule else "no time bound yet"
    whose = "their own proposal" if expectation.proposed_by is Party.CLIENT else "coach's proposal"
    lines = [f'  - "{expectation.action}", {schedule} ({whose})']
    if expectation.done_when:
        lines.append(f'    done when: "{expectation.done_when}"')
    if expectation.plan:
        lines.append(
            f'    if-then plan: if "{expectation.plan.obstacle}", then '
            f'"{expectation.plan.response}"'
        )
    lines.extend(f"    note for the coach: {gap.message}" for gap in smart_gaps(expectation))
    return lines


def _due(moment: datetime, journal: Journal) -> str:
    local = moment.astimezone(journal.agreement.tz)
    if local.time() == time(0):  # due by the end of a period: name its last day
        return f"by the end of {en.short_day(local - timedelta(days=1), local.tzinfo or UTC)}"
    return en.stamp(moment, journal.agreement.tz)


def _percent(value: float | None) -> str:
    return "nothing due yet" if value is None else f"{value:.0%}"


def _facts_line(facts: ExpectationFacts, journal: Journal) -> list[str]:
    expectation = facts.expectation
    schedule = f", {expectation.schedule.describe()}" if expectation.schedule else ""
    action = f"{expectation.action}{schedule}"
    unit = facts.period
    streak = f"{en.plural(facts.streak, unit)} in a row"
    if facts.best_streak > facts.streak:
        streak += f" (best {facts.best_streak})"
    trend = facts.momentum - facts.momentum_week_ago
    direction = "rising" if trend > 0.02 else "falling" if trend < -0.02 else "steady"
    lines = [
        f"  - {action}: {streak}; done {_percent(facts.adherence)} of the time lately; "
        f"momentum {facts.momentum:.2f}, {direction}"
    ]
    notes = []
    if facts.overdue:
        notes.append("one is overdue now")
    elif facts.next_due is not None:
        notes.append(f"next due {_due(facts.next_due, journal)}")
    if facts.lapses:
        notes.append(f"{en.plural(facts.lapses, 'lapse')} since the last one done")
    if facts.renegotiations.pending:
        notes.append(f"{len(facts.renegotiations.pending)} easier change(s) waiting")
    if facts.realism.realistic is False:
        notes.append(f"done {facts.realism.share:.0%} of what was asked: worth a smaller step")
    if notes:
        lines.append("    " + "; ".join(notes))
    return lines


def _facts_section(result: Assessment, journal: Journal) -> list[str]:
    lines = ["What a coach would see:"]
    for facts in result.expectations:
        lines.extend(_facts_line(facts, journal))
    if result.check_ins is not None:
        lines.extend(_facts_line(result.check_ins, journal))
    for setback in result.setbacks:
        if setback.in_grace:
            lines.append(
                f"  - in a grace window after a {setback.setback.severity.value} setback, "
                f"until {en.stamp(setback.grace_until, journal.agreement.tz)}"
            )
    if result.uncelebrated:
        lines.append("  - not celebrated yet:")
        lines.extend(f"      {win.what}" for win in result.uncelebrated)
    return lines


def summarize(journal: Journal, now: datetime) -> str:
    """A plain-text summary of a journal as it stood at *now*, for people to read.

    Args:
        journal: The client's journal.
        now: The moment to read it at (aware). Events after it are ignored.

    Returns:
        Several lines of text: goals in the client's words, commitments,
        and what happened in the last four weeks.

    Raises:
        NaiveDatetimeError: If *now* has no zone.
    """
    seen = journal.before(now)
    result = assess(journal, now)
    lines = [
        f"A client in {journal.agreement.zone}, read at {en.stamp(now, journal.agreement.tz)}",
        "",
    ]
    for goal in journal.goals:
        target = (
            f", by {en.short_date(goal.target_date, with_weekday=False)}"
            if goal.target_date
            else ""
        )
        lines.append(f"Goal: {goal.title} ({goal.status.value}{target})")
        lines.append(f'  why, in their words: "{goal.why}"')
        for expectation in journal.expectations:
            if expectation.goal == goal.id:
                lines.extend(_describe_expectation(expectation))
        lines.append("")
    recent: Sequence[Event] = seen.between(now - timedelta(days=_WINDOW_DAYS), now)
    counts = Counter(type(event).__name__ for event in recent)
    if counts:
        parts = [
            f"{counts[name]} {_LABELS[name][counts[name] != 1]}" for name in _LABELS if counts[name]
        ]
        lines.append(f"Last {_WINDOW_DAYS} days: " + ", ".join(parts) + ".")
    else:
        lines.append(f"Nothing recorded in the last {_WINDOW_DAYS} days.")
    spoke = [event for event in seen.events if isinstance(event, _SPOKE)]
    if spoke:
        last = spoke[-1].at
        lines.append(
            f"Last heard from: {en.stamp(last, journal.agreement.tz)} ({en.ago(now - last)})."
        )
    else:
        lines.append("Not heard from yet.")
    lines.append("")
    lines.extend(_facts_section(result, journal))
    return "\n".join(lines)


def describe(follow_up: FollowUp, journal: Journal) -> str:
    """A follow-up in plain text for people to read: when, the message, and why.

    Args:
        follow_up: The suggested follow-up.
        journal: The journal it was suggested for (for the client's zone).
    """
    when = en.stamp(follow_up.send_at, journal.agreement.tz)
    if follow_up.moves:
        head = f"Send {when}: {follow_up.kind.value.replace('_', ' ')}"
    else:
        head = f"Nothing to send now. Look again {when}."
    lines = [head]
    if follow_up.text:
        lines += ["", f"  {follow_up.text}", ""]
    if follow_up.moves:
        lines.append("Moves: " + ", ".join(m.kind.value.replace("_", " ") for m in follow_up.moves))
        stance = follow_up.stance
        ladder = ("open door", "gentle reminder", "clear ask", "challenge with care")
        lines.append(
            f"Stance: firmness {stance.firmness} ({ladder[stance.firmness]}), "
            f"empathy {stance.empathy:.0%}"
        )
    lines.append("Why:")
    lines.extend(f"  - {reason}" for reason in follow_up.reasons)
    if follow_up.competencies:
        lines.append("Serves: " + "; ".join(c.value for c in follow_up.competencies))
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 moment: {text!r}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset; write it like 2026-03-30T18:00+02:00"
        )
    return moment


COMMANDS = ("suggest", "summary")


def _parser(command: str) -> argparse.ArgumentParser:
    descriptions = {
        "suggest": "Suggest the next follow-up for a client: when, the message, and why.",
        "summary": "Summarize a client's journal: what a coach would look at first.",
    }
    parser = _Parser(
        prog=f"python -m accountability {command}",
        description=f"{descriptions[command]} Commands: {', '.join(COMMANDS)} "
        "(suggest is the default).",
    )
    parser.add_argument(
        "journal",
        nargs="?",
        type=Path,
        help="a journal written by accountability.to_json (default: the bundled example)",
    )
    parser.add_argument(
        "--at",
        type=_moment,
        help="the moment to read it at, ISO 8601 with an offset (default: now; for the "
        "example, the evening it was written for)",
    )
    if command == "suggest":
        parser.add_argument(
            "--style",
            choices=("gentle", "balanced", "direct"),
            help="the coaching style (default: the one matching the client's preferred directness)",
        )
        parser.add_argument(
            "--voice",
            type=Path,
            metavar="WORDINGS",
            help="a coach's own wordings, a .toml or .json file of at most 1 MiB "
            "(default: the built-in English voice)",
        )
    return parser


class _UnusableFileError(Exception):
    """A file the command line cannot use; the message says why, in one line."""


def _voice_text(path: Path) -> str:
    """The text of a wordings file: UTF-8, and no larger than a voice needs."""
    if path.suffix.lower() not in _VOICE_SUFFIXES:
        raise _UnusableFileError(f"{path}: expected a .toml or .json file of wordings")
    try:
        with path.open("rb") as file:
            data = file.read(_MAX_VOICE_BYTES + 1)
    except OSError as error:
        raise _UnusableFileError(f"cannot read {str(path)!r}: {error.strerror or error}") from None
    if len(data) > _MAX_VOICE_BYTES:
        raise _UnusableFileError(
            f"{path}: larger than {_MAX_VOICE_BYTES} bytes, too large for a file of wordings"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _UnusableFileError(
            f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None


def _read_voice(path: Path) -> EnglishVoice:
    """The voice in a wordings file, TOML or JSON by its suffix.

    A wording that the tone review flags is still used; each one is reported
    on standard error, one line apiece.

    Raises:
        _UnusableFileError: If the file cannot be read or its wordings cannot make a voice.
    """
    text = _voice_text(path)
    read = EnglishVoice.from_toml if path.suffix.lower() == ".toml" else EnglishVoice.from_json
    with warnings.catch_warnings(record=True) as flagged:
        warnings.simplefilter("always", ToneWarning)
        try:
            voice = read(text)
        except InvalidValueError as error:
            # A document that does not parse has no field worth quoting: say what is wrong.
            reason = error.reason if error.field == "text" else str(error)
            raise _UnusableFileError(f"{path}: {reason}") from None
    for warning in flagged:
        print(f"warning: {path}: {warning.message}", file=sys.stderr)
    return voice


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0, or 2 on bad input)."""
    words = list(sys.argv[1:] if argv is None else argv)
    command = words.pop(0) if words and words[0] in COMMANDS else "suggest"
    args = _parser(command).parse_args(words)
    voice = None
    if getattr(args, "voice", None) is not None:
        try:
            voice = _read_voice(args.voice)
        except _UnusableFileError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    if args.journal is None:
        journal = example_journal()
        now = args.at or EXAMPLE_NOW
    else:
        try:
            text = args.journal.read_bytes()
        except OSError as error:
            print(f"error: cannot read {str(args.journal)!r}: {error.strerror}", file=sys.stderr)
            return 2
        try:
            journal = from_json(text, Journal)
        except AccountabilityError as error:
            print(f"error: {args.journal}: {error}", file=sys.stderr)
            return 2
        now = args.at or datetime.now(UTC)
    if command == "summary":
        print(summarize(journal, now))
    else:
        print(describe(suggest(journal, now, args.style, voice=voice), journal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
