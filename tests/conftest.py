"""Shared test settings: hypothesis profiles for a quick local run and a thorough CI run,
and the documentation site, built once for every test that reads it."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "dev",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# CI explores the same 250 examples per property on every run (derandomize): a landing is
# judged on the code, never on the luck of a seed, and a failure in CI reproduces locally
# with HYPOTHESIS_PROFILE=ci. The dev profile draws fresh examples on every run, to explore.
settings.register_profile(
    "ci",
    max_examples=250,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@attrs.frozen
class Site:
    """A built copy of the documentation site."""

    path: Path
    inventory: frozenset[str]

    def page(self, name: str) -> str:
        """The HTML of a page, such as ``"reference/errors"``."""
        return (self.path / name / "index.html").read_text("utf-8")


def _inventory(path: Path) -> frozenset[str]:
    """The object names in a Sphinx inventory (``objects.inv``) written by mkdocstrings."""
    header, body = path.read_bytes().split(b"zlib.\n", 1)
    assert header.startswith(b"# Sphinx inventory version 2")
    return frozenset(line.split(" ", 1)[0] for line in zlib.decompress(body).decode().splitlines())


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert 0 == build.returncode, build.stderr[-3000:]
    return Site(path=target, inventory=_inventory(target / "objects.inv"))
