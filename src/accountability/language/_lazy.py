"""Regular expressions compiled on first use, so that importing the library stays fast.

The review and the audit hold a few hundred patterns between them. Compiled at
import, they would cost every command line call and every worker process, most
of which never review a word; a `LazyPattern` costs nothing until it is used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, Final

_METHODS: Final = ("findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn")


class LazyPattern:
    """A regular expression that is compiled the first time one of its methods is called.

    The first call compiles the pattern and puts the compiled pattern's own
    methods in place of the placeholders, so every later call costs what a
    call on a compiled pattern costs. Two threads that make the first call at
    once may both compile it; each gets an equal pattern, and either may stay.

    Attributes:
        pattern: The pattern's source, as `re.compile` takes it.
        flags: The flags to compile it with, such as `re.IGNORECASE`.

    >>> word = LazyPattern("[a-z]+")
    >>> word.search("  hello").group()
    'hello'
    """

    __slots__ = (
        "findall",
        "finditer",
        "flags",
        "fullmatch",
        "match",
        "pattern",
        "search",
        "split",
        "sub",
        "subn",
    )

    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[re.Match[str]]]
    fullmatch: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    split: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        for name in _METHODS:
            setattr(self, name, functools.partial(self._compile_and_call, name))

    def _compile_and_call(self, name: str, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"
