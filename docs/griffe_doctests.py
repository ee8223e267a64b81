"""A Griffe extension that shows the doctests in docstrings as Python console code.

The library's docstrings carry runnable examples (``>>>`` lines, run by
pytest) in their text rather than in an ``Examples:`` section. Markdown would
read ``>>>`` as three nested quotes, so this extension wraps each run of
doctest lines in a fenced ``pycon`` block before mkdocstrings renders it.
The source stays as it is; only the documentation site sees the fences.

mkdocs.yml loads it with ``extensions: [docs/griffe_doctests.py]``.
"""

from __future__ import annotations

import re
from typing import Final

import griffe

__all__ = ["DoctestFences", "fence_doctests"]

_FENCE: Final = re.compile(r"^\s*(```|~~~)")
_DOCTEST_FLAGS: Final = re.compile(r"\s*#\s*doctest:.*$")


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines in a ``pycon`` fence.

    A run starts at a ``>>>`` line outside any fenced block and ends at the
    next blank line, as doctest itself reads it. Doctest directives
    (``# doctest: +ELLIPSIS``) are dropped from the shown code, and
    ``<BLANKLINE>`` shows as the empty line it stands for.

    Args:
        text: A docstring's text.

    Returns:
        The text with its doctests fenced; text without doctests is returned unchanged.
    """
    lines: list[str] = []
    in_fence = False
    indent: str | None = None  # the example's indentation while inside one
    for line in text.split("\n"):
        stripped = line.lstrip()
        if indent is not None:
            if stripped:
                lines.append(_DOCTEST_FLAGS.sub("", line).replace("<BLANKLINE>", ""))
                continue
            lines.append(f"{indent}```")
            indent = None
        elif _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            lines.append(f"{indent}```pycon")
            lines.append(_DOCTEST_FLAGS.sub("", line))
            continue
        lines.append(line)
    if indent is not None:
        lines.append(f"{indent}```")
    return "\n".join(lines)


class DoctestFences(griffe.Extension):
    """Fence the doctests of every docstring once Griffe has loaded the package."""

    def on_object(
        self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: object
    ) -> None:
        """Rewrite *obj*'s docstring, if it has one, with its doctests fenced."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
