"""Every public name says what it is: the API reference is complete.

The check reads the source with Griffe, the same way the documentation site
does, so it sees what the reference will show: docstrings of classes,
functions, methods and properties, the docstrings written under module
constants and enum members, and the ``Attributes:`` section of a class,
which documents its fields (an attrs field has no docstring of its own).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import griffe
import pytest

import accountability

SOURCE = Path(accountability.__file__).resolve().parents[1]
"""Where the imported package lives, so Griffe reads the same files Python imported."""


def _load() -> griffe.Module:
    package = griffe.load("accountability", search_paths=[str(SOURCE)])
    assert isinstance(package, griffe.Module)
    return package


PACKAGE = _load()


def public_modules() -> list[str]:
    """Every public module and subpackage (no part with a leading underscore), dotted below
    the package, such as ``facts`` and ``facts.assessment``; and ``__main__``."""
    names = [
        info.name.removeprefix("accountability.")
        for info in pkgutil.walk_packages(accountability.__path__, "accountability.")
    ]
    public = [name for name in names if not any(p.startswith("_") for p in name.split("."))]
    return [*sorted(public), "__main__"]


def documented_attributes(cls: griffe.Class) -> set[str]:
    """The names a class's docstring describes in its ``Attributes:`` section."""
    if cls.docstring is None:
        return set()
    return {
        attribute.name
        for section in cls.docstring.parse(griffe.Parser.google)
        if isinstance(section, griffe.DocstringSectionAttributes)
        for attribute in section.value
    }


def _has_docstring(obj: griffe.Object) -> bool:
    return obj.docstring is not None and bool(obj.docstring.value.strip())


def undocumented(obj: griffe.Object) -> Iterator[str]:
    """The paths of *obj* and its public members that say nothing about themselves.

    A class's attribute (an attrs field, an enum member, an attribute set in
    ``__init__``) counts as documented when the class's ``Attributes:``
    section names it. Methods and properties need their own docstring.
    """
    if not _has_docstring(obj):
        yield obj.path
    if not isinstance(obj, griffe.Class):
        return
    described = documented_attributes(obj)
    for name, member in obj.members.items():
        if name.startswith("_") or isinstance(member, griffe.Alias):
            continue
        if isinstance(member, griffe.Attribute) and "property" not in member.labels:
            if name not in described and not _has_docstring(member):
                yield member.path
            continue
        yield from undocumented(member)


def _exported(module: ModuleType, loaded: griffe.Module) -> list[str]:
    """What a module offers: its ``__all__``, or else its own public names."""
    exported = getattr(module, "__all__", None)
    if exported is not None:
        return list(exported)
    return [
        name
        for name, member in loaded.members.items()
        if not name.startswith("_") and not isinstance(member, griffe.Alias)
    ]


@pytest.mark.parametrize("name", public_modules())
def test_every_public_name_in_the_module_says_what_it_is(name: str) -> None:
    module = importlib.import_module(f"accountability.{name}")
    loaded = PACKAGE[name]
    assert isinstance(loaded, griffe.Module)
    missing = [] if _has_docstring(loaded) else [loaded.path]
    for exported in _exported(module, loaded):
        member = loaded.members.get(exported)
        if member is None:
            missing.append(f"{loaded.path}.{exported} (in __all__ but not found)")
        elif not isinstance(member, griffe.Alias):
            missing.extend(undocumented(member))

    assert [] == missing


def _defined_at(name: str) -> griffe.Object:
    """The object the package exports as *name*, where it is defined.

    Classes and functions say where they live; for other values Griffe follows
    the import. (Griffe alone would take the function ``assess`` for the module.)
    """
    value = getattr(accountability, name)
    if inspect.isclass(value) or inspect.isfunction(value):
        path = f"{value.__module__}.{value.__qualname__}".removeprefix("accountability.")
        found = PACKAGE[path]
    else:
        found = PACKAGE.members[name]
    target = found.final_target if isinstance(found, griffe.Alias) else found
    assert isinstance(target, griffe.Object)
    return target


def test_every_name_the_package_exports_says_what_it_is() -> None:
    missing = [path for name in accountability.__all__ for path in undocumented(_defined_at(name))]

    assert [] == missing


def test_the_package_itself_says_what_it_is() -> None:
    assert _has_docstring(PACKAGE)


def test_the_check_finds_a_method_an_enum_member_and_a_field_left_unsaid() -> None:
    code = '''
"""A module."""
import enum
import attrs

class Colour(enum.Enum):
    """Colours."""

    RED = "red"
    """Like a tomato."""
    GREEN = "green"

@attrs.frozen
class Point:
    """A point.

    Attributes:
        x: Across.
    """

    x: int
    y: int

    def norm(self) -> float:
        return 0.0

    @property
    def flipped(self) -> "Point":
        """The point mirrored."""
        return self
'''
    with griffe.temporary_visited_module(code) as module:
        found = [
            path
            for member in module.members.values()
            if not isinstance(member, griffe.Alias)
            for path in undocumented(member)
        ]

    assert ["module.Colour.GREEN", "module.Point.y", "module.Point.norm"] == found
