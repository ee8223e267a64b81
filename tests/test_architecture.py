"""The shape of the package: one-way layers, verbs that hide no module, portable English.

The layers themselves are checked by ``lint-imports`` in the test command (the
contracts are in ``pyproject.toml``); these tests show that the contract bites
and guard the rules the contract cannot express.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import accountability
from test_docs import blocks

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(accountability.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(accountability.__path__, "accountability.")
    )


def _lint_imports(source_root: Path) -> subprocess.CompletedProcess[str]:
    """Run the project's import contracts against the package found under *source_root*."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=source_root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(source_root)},
        check=False,
    )


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("record/model.py", "accountability.voice"),
        ("facts/assessment.py", "accountability.policy"),
        ("language/tone.py", "accountability.record"),
        ("policy/rules.py", "accountability.circles"),
    ],
    ids=["record-imports-voice", "facts-import-policy", "language-imports-record", "policy-up"],
)
def test_an_import_against_the_flow_of_the_pipeline_breaks_the_contract(
    tmp_path: Path, importer: str, imported: str
) -> None:
    copy = tmp_path / "accountability"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / importer).open("a", encoding="utf-8") as module:
        module.write(f"\nimport {imported}  # an upward import\n")

    broken = _lint_imports(tmp_path)

    assert 0 != broken.returncode, broken.stdout
    assert f"is not allowed to import {imported}" in broken.stdout


def test_the_package_as_it_is_keeps_the_contract() -> None:
    intact = _lint_imports(SOURCE.parent)

    assert 0 == intact.returncode, intact.stdout[-2000:]


def test_no_module_is_hidden_by_a_function_of_the_same_name() -> None:
    hidden = []
    for name in _modules():
        module = importlib.import_module(name)
        parent, _, leaf = name.rpartition(".")
        value = getattr(importlib.import_module(parent), leaf, None)
        if value is module:
            continue
        if not inspect.ismodule(value):
            hidden.append(f"{name} is hidden by {value!r}")

    assert [] == hidden


def test_every_name_a_module_lists_in_all_imports_as_written() -> None:
    missing = [
        f"{name}.{exported}"
        for name in ["accountability", *_modules()]
        for exported in getattr(importlib.import_module(name), "__all__", ())
        if not hasattr(importlib.import_module(name), exported)
    ]

    assert [] == missing


# strftime directives that read the process locale (%a %A %b %B %c %p %x %X) or exist only
# with glibc (%-d, %-m, ...): a message must read the same on every machine.
_NOT_PORTABLE = re.compile(r"%-[a-zA-Z]|%[aAbBcpxX]")


def _format_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """The strftime patterns and f-string format specs of a module, with their lines."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"strftime", "format"}:
            found.extend(
                (node.lineno, arg.value)
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            found.extend(
                (node.lineno, part.value)
                for part in node.format_spec.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _string_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string in a module's code, docstrings aside, and the format specs of f-strings."""
    docstrings = _docstrings(tree)
    return [
        *(
            (node.lineno, node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ),
        *_format_strings(tree),
    ]


def _example_code() -> list[tuple[str, str]]:
    """The code of the docs' examples and of the example notebooks, by where it is."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    code = [
        (f"{page.relative_to(ROOT)}:{block.line}", block.code)
        for page in pages
        for block in blocks(page.read_text("utf-8"))
        if block.language in {"pycon", "python"}
    ]
    for notebook in sorted((ROOT / "examples").glob("*.ipynb")):
        cells = json.loads(notebook.read_text("utf-8"))["cells"]
        code.extend(
            (f"{notebook.relative_to(ROOT)}[{index}]", "".join(cell["source"]))
            for index, cell in enumerate(cells)
            if cell["cell_type"] == "code"
        )
    return code


def test_no_date_is_written_with_a_locale_dependent_or_glibc_only_directive() -> None:
    offending = [
        f"{path.relative_to(SOURCE)}:{line}: {text!r}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, text in _string_literals(ast.parse(path.read_text("utf-8")))
        if _NOT_PORTABLE.search(text)
    ]

    assert [] == offending


def test_no_example_in_the_docs_writes_a_date_with_such_a_directive() -> None:
    offending = [
        f"{where}: {match.group()!r}"
        for where, code in _example_code()
        for match in _NOT_PORTABLE.finditer(code)
    ]

    assert len(_example_code()) > 20
    assert [] == offending


def test_the_portability_check_finds_the_directives_it_forbids() -> None:
    code = (
        'f"{day:%a %d}"\nday.strftime("%-d %b")\nday.strftime("%H:%M")\n'
        'PATTERN = "%A"\nformat(day, "%B")\n'
        'def f():\n    """Not %-d: a docstring may name what it avoids."""\n'
    )

    tree = ast.parse(code)
    found = [text for _, text in _string_literals(tree) if _NOT_PORTABLE.search(text)]

    assert ["%-d %b", "%A", "%B", "%a %d"] == sorted(set(found))


def _contract_exceptions() -> list[tuple[str, str]]:
    """The imports the layer contract ignores, as (importer, imported) module names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    ignored = config["tool"]["importlinter"]["contracts"][0]["ignore_imports"]
    return [tuple(part.strip() for part in line.split("->")) for line in ignored]


def _import_sites(path: Path, imported: str) -> list[str]:
    """Where a module imports *imported*: the name of the enclosing function, or the module."""
    sites: list[str] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            inside = child.name if isinstance(child, ast.FunctionDef) else where
            names = (
                [child.module]
                if isinstance(child, ast.ImportFrom)
                else [alias.name for alias in child.names]
                if isinstance(child, ast.Import)
                else []
            )
            if imported in names:
                sites.append(where)
            visit(child, inside)

    visit(ast.parse(path.read_text("utf-8")), "<module>")
    return sites


@pytest.mark.parametrize(("importer", "imported"), _contract_exceptions())
def test_an_import_the_contract_ignores_happens_only_when_a_notebook_asks(
    importer: str, imported: str
) -> None:
    path = SOURCE.parent / (importer.replace(".", "/") + ".py")

    assert ["_repr_html_"] == _import_sites(path, imported)


def test_importing_the_library_loads_no_notebook_view() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, accountability; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert "accountability.notebook._html" not in loaded
    assert "accountability.facts" in loaded
