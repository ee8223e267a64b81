"""The documentation runs as written, builds, and documents every public name and error.

Every ``pycon`` block on a page is a doctest and every ``python`` block is
executed, in page order and in one namespace per page, so a page reads (and
runs) from top to bottom like a notebook. The site itself is built once with
``mkdocs build --strict``; its object inventory says which names the reference
documents.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import griffe
import pytest

import accountability
from accountability import exceptions
from conftest import Site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])

RUNNABLE = frozenset({"pycon", "python"})
"""Languages whose blocks run in the test suite."""

SHOWN = frozenset({"bash", "console", "json", "text", "toml", "yaml"})
"""Languages of blocks that are shown, not run: shell commands, data and plain text."""

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)[ \t]*(?P<info>[^`\s]*)")
_OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@attrs.frozen
class Block:
    """A fenced code block of a page: its language, its first line of code, and its code."""

    language: str
    line: int
    code: str


def blocks(text: str) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, in order, with their code dedented."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        body: list[str] = []
        index += 1
        first = index + 1  # lines count from 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index].removeprefix(indent))
            index += 1
        yield Block(opening["info"].lower(), first, "\n".join(body))
        index += 1


def console_session(code: str) -> str:
    """A ``pycon`` block as doctest reads it: a blank line inside output is output.

    In a fenced block the fence, not a blank line, ends the last output, so a
    blank line followed by more output stands for an empty line of output
    (doctest's ``<BLANKLINE>``); a blank line before a prompt, or at the end,
    ends the output before it, as in doctest.
    """
    lines = code.split("\n")
    for index, line in enumerate(lines):
        following = next((later for later in lines[index + 1 :] if later.strip()), None)
        if not line.strip() and following is not None and not following.startswith(">>>"):
            lines[index] = "<BLANKLINE>"
    return "\n".join(lines)


def _page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _runnable_pages() -> list[Path]:
    return [
        page
        for page in PAGES
        if any(block.language in RUNNABLE for block in blocks(page.read_text("utf-8")))
    ]


@pytest.mark.parametrize("page", _runnable_pages(), ids=_page_id)
def test_the_examples_on_the_page_run_as_written(page: Path) -> None:
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    parser = doctest.DocTestParser()
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=_OPTIONS, verbose=False)
    attempted = 0
    for block in blocks(page.read_text("utf-8")):
        where = f"{_page_id(page)}, the {block.language} block at line {block.line}"
        if block.language == "python":
            exec(compile(block.code, where, "exec"), namespace)
            attempted += 1
        elif block.language == "pycon":
            session = console_session(block.code)
            test = parser.get_doctest(session, namespace, where, str(page), block.line - 1)
            test.globs = namespace  # DocTest works on a copy; the page shares one namespace
            result = runner.run(test, out=report.append, clear_globs=False)
            attempted += result.attempted

    assert attempted > 0
    assert "" == "".join(report)


def test_every_code_block_on_the_site_says_whether_it_runs() -> None:
    unknown = [
        f"{_page_id(page)}:{block.line} ```{block.language}"
        for page in PAGES
        for block in blocks(page.read_text("utf-8"))
        if block.language not in RUNNABLE | SHOWN
    ]

    assert [] == unknown


def test_a_page_is_split_into_its_code_blocks_in_order() -> None:
    text = "Intro\n\n```pycon\n>>> 1 + 1\n2\n```\n\n!!! note\n    ```python\n    x = 1\n    ```\n"

    assert [
        Block("pycon", 4, ">>> 1 + 1\n2"),
        Block("python", 10, "x = 1"),
    ] == list(blocks(text))


_TEST_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def test_every_test_a_page_names_exists() -> None:
    named = [
        (page, match[1], match[2])
        for page in PAGES
        for match in _TEST_REFERENCE.finditer(page.read_text("utf-8"))
    ]
    missing = [
        f"{_page_id(page)}: {path}::{name}"
        for page, path, name in named
        if not (ROOT / path).is_file()
        or not re.search(
            rf"^(?:def {name}\(|class {name}\b|{name} = )", (ROOT / path).read_text("utf-8"), re.M
        )
    ]

    assert len(named) > 0
    assert [] == missing


def test_a_blank_line_between_lines_of_output_is_output() -> None:
    assert ">>> print('a\\n\\nb')\na\n<BLANKLINE>\nb\n\n>>> 1\n1\n" == console_session(
        ">>> print('a\\n\\nb')\na\n\nb\n\n>>> 1\n1\n"
    )


# --- The site -----------------------------------------------------------------------------


_PACKAGE = griffe.load(
    "accountability", search_paths=[str(Path(accountability.__file__).parents[1])]
)


def _canonical(name: str) -> str:
    """Where a name the package exports is defined: ``accountability.record.journal.Journal``.

    Classes and functions say so themselves. For other values, Griffe follows the
    import; the runtime cannot, and Griffe alone cannot tell the function
    ``assess`` from the module of the same name.
    """
    value = getattr(accountability, name)
    if inspect.isclass(value) or inspect.isfunction(value):
        return f"{value.__module__}.{value.__qualname__}"
    member = _PACKAGE.members[name]
    return member.target_path if isinstance(member, griffe.Alias) else member.path


def _public_modules() -> list[str]:
    """Every public module and subpackage, such as ``facts`` and ``facts.assessment``."""
    return sorted(
        info.name.removeprefix("accountability.")
        for info in pkgutil.walk_packages(accountability.__path__, "accountability.")
        if not any(part.startswith("_") for part in info.name.split("."))
    )


def test_every_name_the_package_exports_has_a_place_in_the_reference(site: Site) -> None:
    missing = [name for name in accountability.__all__ if _canonical(name) not in site.inventory]

    assert [] == missing


@pytest.mark.parametrize("module", _public_modules())
def test_every_public_name_of_a_module_has_a_place_in_the_reference(
    site: Site, module: str
) -> None:
    loaded: ModuleType = importlib.import_module(f"accountability.{module}")
    missing = [
        name
        for name in getattr(loaded, "__all__", ())
        if f"accountability.{module}.{name}" not in site.inventory
    ]

    assert f"accountability.{module}" in site.inventory
    assert [] == missing


def _error_classes() -> list[str]:
    return sorted(
        name
        for name, value in vars(exceptions).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == exceptions.__name__
    )


def test_every_error_has_its_own_heading_and_a_stable_anchor_on_the_errors_page(
    site: Site,
) -> None:
    page = site.page("reference/errors")
    headings = set(re.findall(r'<h2 id="([^"]+)"', page))

    assert [] == sorted(set(_error_classes()) - headings)


# --- The Griffe extension that fences doctests ---------------------------------------------


def _extension() -> ModuleType:
    spec = importlib.util.spec_from_file_location("griffe_doctests", DOCS / "griffe_doctests.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_doctest_in_a_docstring_is_shown_as_console_code() -> None:
    text = "Read it:\n\n    >>> print('a')  # doctest: +SKIP\n    a\n    <BLANKLINE>\n\nEnd."

    assert (
        "Read it:\n\n    ```pycon\n    >>> print('a')\n    a\n    \n    ```\n\nEnd."
        == _extension().fence_doctests(text)
    )


def test_a_doctest_already_in_a_fence_and_text_without_one_stay_as_they_are() -> None:
    text = "Example:\n\n```pycon\n>>> 1 + 1\n2\n```\n\nNo prompt here."

    assert text == _extension().fence_doctests(text)


def test_a_doctest_at_the_very_end_of_a_docstring_is_closed() -> None:
    assert "```pycon\n>>> x = 1\n```" == _extension().fence_doctests(">>> x = 1")
