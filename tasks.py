"""Set up and run the project with nothing but Python 3.11+ installed.

    python3 tasks.py demo    # install into .venv and suggest for the bundled example
    python3 tasks.py check   # install with test tools and run every check, docs build included

Each command creates (or reuses) a virtual environment in ``.venv`` and
installs the project into it, so nothing needs to be installed beforehand.
Any failing step stops the run with a non-zero exit status; a pytest run
that collects no test (exit status 5) counts as a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PYTEST_NO_TESTS = 5


def _run(*command: str | Path) -> None:
    print("$", " ".join(str(part) for part in command), flush=True)
    status = subprocess.call([str(part) for part in command], cwd=ROOT)
    if status == PYTEST_NO_TESTS and "pytest" in map(str, command):
        sys.exit("pytest collected no tests: that is a failure, not a pass")
    if status != 0:
        sys.exit(status)


def _environment(extras: str) -> None:
    if not PYTHON.exists():
        print(f"creating a virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", target)


def demo() -> None:
    """Install the library and run its main job on the bundled example journal."""
    _environment("")
    _run(PYTHON, "-m", "accountability")


def check() -> None:
    """Install the library with its test tools; run tests, lint, type check and the docs build."""
    _environment("dev")
    _run(PYTHON, "-m", "pytest", "-n", "auto")  # one worker per core (pytest-xdist)
    _run(PYTHON, "-m", "ruff", "check", ".")
    _run(PYTHON, "-m", "ruff", "format", "--check", ".")
    _run(PYTHON, "-m", "mypy")
    _run(BIN / "lint-imports", "--no-logo", "--no-cache")
    _run(PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", ROOT / "site")
    print("all checks passed", flush=True)


COMMANDS = {"demo": demo, "check": check}


def main() -> None:
    """Run the command named on the command line."""
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()


if __name__ == "__main__":
    main()
