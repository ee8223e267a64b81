"""The command line: the README's first command runs it on the bundled example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accountability import Journal, assess, decide, from_json, phrase, to_json
from accountability.cli import main, summarize
from accountability.examples import EXAMPLE_NOW, example_journal
from accountability.voice import DEFAULT_VOICE

ROOT = Path(__file__).resolve().parent.parent


def exit_status(args: list[str]) -> int | str | None:
    """What the program would exit with: main's return value, or argparse's exit code."""
    try:
        return main(args)
    except SystemExit as exit_:
        return exit_.code


def test_the_bundled_example_file_is_the_example_journal() -> None:
    text = (ROOT / "examples" / "journal.json").read_text(encoding="utf-8")

    assert example_journal() == from_json(text, Journal)
    assert to_json(example_journal(), indent=2) + "\n" == text


def test_the_summary_quotes_the_clients_why_and_commitments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["summary"])

    out = capsys.readouterr().out
    journal = example_journal()
    assert f'"{journal.goals[0].why}"' in out
    for expectation in journal.expectations:
        assert f'"{expectation.action}"' in out
    assert "3 times a week" in out
    assert "every weekday at 07:00" in out


def test_the_summary_counts_only_what_happened_before_the_moment_it_is_read_at() -> None:
    journal = example_journal()
    first_week_end = journal.events[0].at.replace(day=8, hour=23)

    text = summarize(journal, first_week_end)

    assert "1 win" not in text
    assert "1 setback" not in text
    assert "8 completions" in text


def test_a_journal_file_is_read_and_summarized(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "maya.json"
    path.write_text(to_json(example_journal()), encoding="utf-8")

    assert 0 == main(["summary", str(path), "--at", EXAMPLE_NOW.isoformat()])

    assert summarize(example_journal(), EXAMPLE_NOW) + "\n" == capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.json"], "cannot read"),
        (["--at", "2026-03-01T10:00"], "no UTC offset"),
        (["--at", "yesterday"], "not an ISO 8601 moment"),
    ],
)
def test_bad_input_gives_one_line_and_status_two(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 2 == exit_status(args)
    err = capsys.readouterr().err
    assert message in err
    assert 1 == len(err.strip().splitlines())


def test_a_malformed_journal_file_names_the_bad_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(to_json(example_journal()))
    document["data"]["events"][0]["at"] = "2026-03-02T09:30:00"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    assert 2 == main([str(path)])

    err = capsys.readouterr().err
    assert "$.data.events[0].at" in err
    assert "Traceback" not in err


def test_the_module_runs_as_a_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "accountability"], capture_output=True, text=True, check=False
    )

    assert 0 == done.returncode
    assert "Send Mon 30 Mar 2026, 18:00 CEST: celebrate" in done.stdout


# --- A coach's own voice --------------------------------------------------------------------

CELEBRATE = "You told me: {said} {praise}"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wordings.toml", f'[celebrate]\nreported = ["{CELEBRATE}"]\n'),
        ("wordings.json", json.dumps({"celebrate": {"reported": [CELEBRATE]}})),
        ("WORDINGS.TOML", f'[celebrate]\nreported = "{CELEBRATE}"\n'),
    ],
    ids=["toml", "json", "upper-case-suffix"],
)
def test_a_suggestion_is_worded_in_the_voice_read_from_a_wordings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    assert 0 == main(["--voice", str(path)])

    out, err = capsys.readouterr()
    assert "You told me: \u201cRan 8 km without stopping" in out
    assert "Here's what you shared:" not in out
    assert "" == err


def test_without_a_voice_file_the_suggestion_is_worded_in_the_built_in_voice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main([])

    journal = example_journal()
    assessment = assess(journal, EXAMPLE_NOW)
    expected = phrase(decide(assessment), assessment, DEFAULT_VOICE).text
    assert expected[:60] in capsys.readouterr().out


def test_a_flagged_wording_in_a_voice_file_is_reported_in_one_line_and_still_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wordings.toml"
    path.write_text(
        '[celebrate]\nreported = "{said} You should have done this sooner."\n'
        '[challenge]\ndefault = "Why didn\'t you do {action} by {by}?"\n',
        encoding="utf-8",
    )

    assert 0 == main(["--voice", str(path)])

    out, err = capsys.readouterr()
    warned = err.strip().splitlines()
    assert 2 == len(warned)
    assert all(line.startswith(f"warning: {path}: wordings.") for line in warned)
    assert "You should have done this sooner." in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.toml", None, "cannot read"),
        ("wordings.yaml", "celebrate: {}", "expected a .toml or .json file"),
        ("wordings.toml", "[celebrate\nreported = 'x'", "not valid TOML"),
        ("wordings.json", '{"celebrate": ', "not valid JSON"),
        ("wordings.toml", b"\xff\xfe[celebrate]", "not UTF-8 text"),
        ("wordings.toml", "# " + "x" * (1 << 20), "too large"),
        ("wordings.toml", '[celebrate]\nreported = "{said} {name}"', "wordings.celebrate.reported"),
        ("wordings.json", '{"celebrat": {"reported": "Yes!"}}', "not a kind of move"),
    ],
    ids=[
        "missing",
        "other-suffix",
        "bad-toml",
        "bad-json",
        "not-utf-8",
        "too-large",
        "unknown-placeholder",
        "unknown-move",
    ],
)
def test_a_voice_file_that_cannot_be_used_gives_one_line_and_status_two(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str | bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)

    assert 2 == exit_status(["--voice", str(path)])

    out, err = capsys.readouterr()
    assert "" == out
    assert err.startswith("error: ")
    assert message in err
    assert 1 == len(err.strip().splitlines())


def test_a_folder_given_as_a_voice_file_gives_one_line_and_status_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "wordings.toml"
    folder.mkdir()

    assert 2 == exit_status(["--voice", str(folder)])

    err = capsys.readouterr().err
    assert f"error: cannot read {str(folder)!r}" in err
    assert 1 == len(err.strip().splitlines())
