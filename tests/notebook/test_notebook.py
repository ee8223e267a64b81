"""The example notebooks run from top to bottom, and are kept without outputs.

Each notebook under ``examples/`` is executed with nbclient in a ``python3``
kernel. The kernel must be the interpreter running the tests (so it imports
this checkout of the library): an extra last cell checks that. A notebook is
committed without outputs, so its diffs stay readable and the docs show
outputs made by the library as it is.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat import NotebookNode

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
CELL_TIMEOUT_SECONDS = 120


def read(path: Path) -> NotebookNode:
    notebook: NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    return notebook


@cache
def executed(path: Path) -> NotebookNode:
    """The notebook after running every cell, plus one that prints the kernel's interpreter.

    Run once per notebook and shared by the tests, which only read it.
    """
    notebook = read(path)
    last = nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")  # type: ignore[no-untyped-call]
    notebook.cells.append(last)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_SECONDS,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError if any cell fails
    return notebook


def outputs_of(notebook: NotebookNode) -> list[NotebookNode]:
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]


def test_the_eight_week_story_is_among_the_examples() -> None:
    assert EXAMPLES / "eight_weeks.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_notebook_runs_from_top_to_bottom_in_this_python(path: Path) -> None:
    notebook = executed(path)

    outputs = outputs_of(notebook)
    assert [] == [output for output in outputs if output.output_type == "error"]
    last = notebook.cells[-1].outputs
    assert str(Path(sys.executable).resolve()) == str(Path(last[0].text.strip()).resolve())


def test_the_eight_week_story_shows_the_journal_the_replays_and_the_timeline() -> None:
    notebook = executed(EXAMPLES / "eight_weeks.ipynb")

    data = [output.get("data", {}) for output in outputs_of(notebook)]
    html = "".join(item.get("text/html", "") for item in data)
    printed = "".join(output.get("text", "") for output in outputs_of(notebook))
    assert '<div class="accountability journal">' in html
    assert '<div class="accountability follow-up">' in html
    assert '<div class="accountability replay">' in html
    assert "gentle" in html
    assert "direct" in html
    assert any("image/png" in item for item in data)
    assert "  gentle, " in printed
    assert "  direct, " in printed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_notebook_is_kept_without_outputs(path: Path) -> None:
    notebook = read(path)

    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert [] == [cell for cell in code if cell.outputs or cell.execution_count is not None]
    nbformat.validate(notebook)
