"""JSON at the edge: every public object to a JSON document and back, losslessly.

The domain objects know nothing about JSON; this module holds the one
`cattrs` converter that does. A document looks like this:

```json
{"format": "accountability", "version": 1, "type": "Journal", "data": {...}}
```

Reading is strict. A wrong type is never coerced (``"5"`` is not 5, 1 is
not True), an unknown field is refused rather than dropped, and every
problem becomes a [`SerializationError`][accountability.exceptions.SerializationError]
whose ``path`` points at the bad field, such as ``$.data.events[3].at``.

Datetimes are written in ISO 8601 with their UTC offset, followed by the
IANA zone name in brackets when they carry a `zoneinfo.ZoneInfo`
(RFC 9557: ``2026-03-29T07:00:00+02:00[Europe/Berlin]``), so the zone
survives the round trip too.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs

from accountability import _validate as v
from accountability.circles.model import (
    Circle,
    ConsentChange,
    ConsentLevel,
    Member,
    PairingRound,
    PeerKind,
    PeerSent,
    ShareMark,
)
from accountability.exceptions import (
    AccountabilityError,
    InvalidValueError,
    NaiveDatetimeError,
    SerializationError,
    UnsupportedVersionError,
)
from accountability.record.journal import Journal
from accountability.record.model import (
    EVENT_TYPES,
    Agreement,
    Cause,
    Direction,
    Directness,
    Event,
    Expectation,
    FollowUpKind,
    Goal,
    GoalStatus,
    Grace,
    IfThen,
    Outcome,
    Party,
    QuietHours,
    ReflectionKind,
    Severity,
    WinSize,
)
from accountability.record.schedule import Cadence, Due, Schedule

if TYPE_CHECKING:
    import cattrs

__all__ = ["FORMAT", "VERSION", "from_data", "from_json", "to_data", "to_json"]

TAG: Final = "type"
"""The key that says which kind of event or schedule an object is, e.g. ``"check_in"``."""

FORMAT: Final = "accountability"
"""The value of a document's ``format`` key."""

VERSION: Final = 1
"""The schema version this library writes and reads."""

MAX_DOCUMENT_BYTES: Final = 64 * 1024 * 1024
"""The largest document `from_json` reads (64 MiB)."""

T = TypeVar("T")

_ENUMS: Final[tuple[type[Enum], ...]] = (
    Cause,
    ConsentLevel,
    PeerKind,
    Direction,
    Directness,
    FollowUpKind,
    GoalStatus,
    Party,
    ReflectionKind,
    Severity,
    WinSize,
)

SUPPORTED: Final[dict[str, type[Any]]] = {
    cls.__name__: cls
    for cls in (
        Journal,
        Agreement,
        Goal,
        Expectation,
        Outcome,
        IfThen,
        QuietHours,
        Grace,
        Cadence,
        Due,
        *EVENT_TYPES,
        Circle,
        Member,
        ConsentChange,
        ShareMark,
        PairingRound,
        PeerSent,
    )
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


class _WrongTypeError(TypeError):
    """A JSON value has the wrong type; turned into a SerializationError with its path."""


def _expect(value: object, kind: type | tuple[type, ...], what: str) -> None:
    if isinstance(value, bool) and kind is not bool:
        raise _WrongTypeError(f"expected {what}, got a boolean")
    if not isinstance(value, kind):
        raise _WrongTypeError(f"expected {what}, got {_type_name(value)}")


# --- Scalars -----------------------------------------------------------------------------

_BRACKETED_ZONE: Final = re.compile(r"^(?P<moment>[^\[\]]+)\[(?P<zone>[^\[\]]{1,100})\]$")


def _unstructure_datetime(value: datetime) -> str:
    text = value.isoformat()
    if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key:
        text += f"[{value.tzinfo.key}]"
    return text


def _structure_datetime(value: object, _: type) -> datetime:
    _expect(value, str, "an ISO 8601 datetime string")
    assert isinstance(value, str)
    zone: ZoneInfo | None = None
    match = _BRACKETED_ZONE.match(value)
    moment_text = value
    if match:
        moment_text = match["moment"]
        zone = v.check_zone("zone", match["zone"])
    try:
        moment = datetime.fromisoformat(moment_text)
    except ValueError as error:
        raise SerializationError("$", f"not an ISO 8601 datetime: {value!r}") from error
    if moment.tzinfo is None:
        raise NaiveDatetimeError("datetime", value, "has no UTC offset")
    if zone is None:
        return moment
    # The same wall time in the zone, with the fold that gives the written offset: this
    # keeps times in the repeated autumn hour and even times in a spring gap (which Python
    # allows) exactly as they were written. An offset the zone never had reads as the
    # same instant in the zone.
    wall = moment.replace(tzinfo=None)
    for fold in (0, 1):
        candidate = wall.replace(tzinfo=zone, fold=fold)
        if candidate.utcoffset() == moment.utcoffset():
            return candidate
    return moment.astimezone(zone)


def _structure_date(value: object, _: type) -> date:
    _expect(value, str, "an ISO 8601 date string")
    assert isinstance(value, str)
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise SerializationError("$", f"not an ISO 8601 date: {value!r}") from error


def _structure_time(value: object, _: type) -> time:
    _expect(value, str, "an ISO 8601 time string such as '07:00'")
    assert isinstance(value, str)
    try:
        return time.fromisoformat(value)
    except ValueError as error:
        raise SerializationError("$", f"not an ISO 8601 time: {value!r}") from error


def _structure_str(value: object, _: type) -> str:
    _expect(value, str, "a string")
    assert isinstance(value, str)
    return value


def _structure_int(value: object, _: type) -> int:
    _expect(value, int, "a whole number")
    assert isinstance(value, int)
    return value


def _structure_float(value: object, _: type) -> float:
    _expect(value, (int, float), "a number")
    assert isinstance(value, int | float)
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    _expect(value, bool, "true or false")
    assert isinstance(value, bool)
    return value


def _enum_hook(enum: type[Enum]) -> Callable[[object, type], Enum]:
    choices = ", ".join(repr(m.value) for m in enum)

    def structure(value: object, _: type) -> Enum:
        _expect(value, str, f"one of {choices}")
        try:
            return enum(value)
        except ValueError:
            raise _WrongTypeError(f"expected one of {choices}, got {value!r}") from None

    return structure


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter, made on first use: cattrs and the hooks it builds cost the import time."""
    import cattrs  # noqa: PLC0415 - imported when first needed, not with the library
    from cattrs.strategies import configure_tagged_union  # noqa: PLC0415

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_unstructure_hook(datetime, _unstructure_datetime)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(time, _unstructure_time)
    converter.register_structure_hook(time, _structure_time)
    # Strict scalars: "5" is not 5 and 1 is not True. Each enum gets its own hook too, since a
    # StrEnum is a str subclass and would otherwise reach the str hook.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    for enum in _ENUMS:
        converter.register_structure_hook(enum, _enum_hook(enum))
    converter.register_unstructure_hook_factory(
        _is_frozenset, lambda _: lambda items: sorted(converter.unstructure(i) for i in items)
    )
    # Objects come as JSON objects and collections as JSON arrays, nothing else:
    # a string is not a list of characters, and a list is not an object.
    converter.register_structure_hook_factory(attrs.has, lambda cls: _object_hook(converter, cls))
    converter.register_structure_hook_factory(_is_array, lambda t: _array_hook(converter, t))
    for union in (Schedule, Event):
        configure_tagged_union(union, converter, tag_name=TAG, tag_generator=_tag)
        structure = _union_hook(converter, union)
        unstructure = converter.get_unstructure_hook(union)
        converter.register_structure_hook(union, structure)
        # An optional union is a different type to cattrs: route it to the tagged hooks.
        converter.register_structure_hook(
            union | None,
            lambda value, typ, _s=structure, _u=union: None if value is None else _s(value, _u),
        )
        converter.register_unstructure_hook(
            union | None, lambda value, _u=unstructure: None if value is None else _u(value)
        )
    return converter


def _is_array(typ: Any) -> bool:
    return get_origin(typ) in (tuple, frozenset)


def _is_frozenset(typ: Any) -> bool:
    return typ is frozenset or get_origin(typ) is frozenset


def _tag(cls: type) -> str:
    return _snake(cls.__name__)


def _unstructure_time(value: time) -> str:
    if value.second or value.microsecond:
        return value.isoformat()
    return value.isoformat(timespec="minutes")


def _object_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, type], Any]:
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415 - only once cattrs is in use

    base: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)

    def structure(value: object, typ: type) -> Any:
        _expect(value, dict, "an object")
        assert isinstance(value, dict)
        return base(value, typ)

    return structure


def _union_hook(converter: cattrs.Converter, union: Any) -> Callable[[object, type], Any]:
    tagged = converter.get_structure_hook(union)
    kinds = sorted(_tag(c) for c in get_args(union))

    def structure(value: object, typ: type) -> Any:
        _expect(value, dict, f"an object with a {TAG!r}")
        assert isinstance(value, dict)
        kind = value.get(TAG)
        if kind not in kinds:
            problem = f"no {TAG!r} field" if kind is None else f"unknown {TAG} {kind!r}"
            raise _WrongTypeError(f"{problem}; expected one of {', '.join(kinds)}")
        return tagged(value, typ)

    return structure


def _array_hook(converter: cattrs.Converter, cls: Any) -> Callable[[object, type], Any]:
    (item_type, *_) = get_args(cls)
    container: Callable[[list[Any]], Any] = frozenset if get_origin(cls) is frozenset else tuple

    def structure(value: object, _: type) -> Any:
        _expect(value, list, "an array")
        assert isinstance(value, list)
        item_hook = converter.get_structure_hook(item_type)
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:  # noqa: BLE001 - collected and re-raised with the index
                error.add_note(f"@index {index}")
                errors.append(error)
        if errors:
            raise _ItemsError(errors)
        result = container(items)
        if container is frozenset and len(result) != len(items):
            raise _WrongTypeError("expected distinct items, got duplicates")
        return result

    return structure


class _ItemsError(Exception):
    """Errors in the items of an array, each carrying its index in a note."""

    def __init__(self, errors: list[Exception]) -> None:
        super().__init__(errors)
        self.errors = errors


# --- Errors ------------------------------------------------------------------------------


def _describe(error: BaseException) -> str:
    from cattrs.errors import ForbiddenExtraKeysError  # noqa: PLC0415 - only once cattrs is in use

    if isinstance(error, AccountabilityError | _WrongTypeError):
        if isinstance(error, SerializationError):
            return error.reason
        return str(error)
    if isinstance(error, ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(error.extra_fields))}"
    if isinstance(error, KeyError):
        return "a required field is missing"
    return f"{type(error).__name__}: {error}"


def _flatten(error: BaseException, path: str) -> list[tuple[str, str]]:
    """Walk cattrs' exception groups and our item errors into (path, reason) pairs."""
    from cattrs.errors import BaseValidationError  # noqa: PLC0415 - only once cattrs is in use

    if isinstance(error, _ItemsError):
        found: list[tuple[str, str]] = []
        for item in error.errors:
            notes = [n for n in getattr(item, "__notes__", []) if n.startswith("@index ")]
            index = notes[-1].removeprefix("@index ") if notes else "?"
            found.extend(_flatten(item, f"{path}[{index}]"))
        return found
    if isinstance(error, BaseValidationError):
        found = []
        for inner in error.exceptions:
            note = next((n for n in getattr(inner, "__notes__", []) if hasattr(n, "name")), None)
            if note is not None:
                found.extend(_flatten(inner, f"{path}.{note.name}"))
            else:
                found.extend(_flatten(inner, path))
        return found
    if isinstance(error, SerializationError) and error.path not in ("$", ""):
        return [(path + error.path.removeprefix("$"), error.reason)]
    if isinstance(error, InvalidValueError) and "." in error.field:
        # Raised by a class's own validator, as "Class.field": point at the field.
        return [(f"{path}.{error.field.split('.', 1)[1]}", f"{error.reason} (got {error.value!r})")]
    return [(path, _describe(error))]


def _serialization_error(error: BaseException, path: str) -> SerializationError:
    problems = _flatten(error, path)
    first_path, first_reason = problems[0]
    return SerializationError(first_path, first_reason, tuple(problems))


# --- Public functions ----------------------------------------------------------------------


def _check_supported(cls: type[Any]) -> str:
    name = getattr(cls, "__name__", None)
    if not isinstance(name, str) or SUPPORTED.get(name) is not cls:
        raise InvalidValueError(
            "cls", cls, f"not a serializable type; expected one of {', '.join(sorted(SUPPORTED))}"
        )
    return name


def to_data(obj: object) -> dict[str, Any]:
    """Turn a library object into a JSON-ready document (plain dicts and lists).

    Args:
        obj: A journal, agreement, goal, expectation, schedule or event.

    Returns:
        The document, with its format, version and type.

    Raises:
        InvalidValueError: If *obj* is not a serializable library object.
    """
    name = _check_supported(type(obj))
    data = _converter().unstructure(obj)
    if name in {c.__name__ for c in get_args(Event)} | {"Cadence", "Due"}:
        data = {TAG: _snake(name), **data}
    return {"format": FORMAT, "version": VERSION, "type": name, "data": data}


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Write a library object as a JSON document.

    Args:
        obj: A journal, agreement, goal, expectation, schedule or event.
        indent: Indentation for people to read; None writes one line.

    Returns:
        The JSON text.

    Raises:
        InvalidValueError: If *obj* is not a serializable library object.

    >>> from accountability import Goal
    >>> print(to_json(Goal(id="run", title="Run a 10k", why="For my kids")))
    {"format": "accountability", "version": 1, "type": "Goal", "data": {"id": "run", ...
    """
    return json.dumps(to_data(obj), indent=indent, ensure_ascii=False, allow_nan=False)


def _check_envelope(document: object, name: str) -> Any:
    if not isinstance(document, dict):
        raise SerializationError("$", f"expected a JSON object, got {_type_name(document)}")
    extra = set(document) - {"format", "version", "type", "data"}
    if extra:
        raise SerializationError("$", f"unknown field(s): {', '.join(sorted(map(str, extra)))}")
    if document.get("format") != FORMAT:
        raise SerializationError("$.format", f"expected {FORMAT!r}, got {document.get('format')!r}")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SerializationError("$.version", f"expected a whole number, got {version!r}")
    if version != VERSION:
        raise UnsupportedVersionError(
            "$.version", f"version {version} is not supported; this library reads {VERSION}"
        )
    if document.get("type") != name:
        raise SerializationError("$.type", f"expected {name!r}, got {document.get('type')!r}")
    if "data" not in document:
        raise SerializationError("$.data", "a required field is missing")
    return document["data"]


def from_data(document: object, cls: type[T]) -> T:
    """Read a document made by `to_data` (or parsed from `to_json`'s output).

    Args:
        document: The parsed document.
        cls: The type to read, such as `Journal`.

    Returns:
        The object.

    Raises:
        SerializationError: If the document is malformed; its ``path`` names
            the bad field.
        UnsupportedVersionError: If the document's version is not one this
            library reads.
        InvalidValueError: If *cls* is not a serializable library type.
    """
    name = _check_supported(cls)
    data = _check_envelope(document, name)
    if name in {"Cadence", "Due"} or cls in EVENT_TYPES:
        target: Any = Schedule if name in {"Cadence", "Due"} else Event
        _expect_kind(data, name)
    else:
        target = cls
    try:
        result = _converter().structure(data, target)
    except (RecursionError, MemoryError) as error:
        raise SerializationError("$.data", "the document is nested too deeply") from error
    except Exception as error:
        raise _serialization_error(error, "$.data") from error
    if not isinstance(result, cls):
        raise SerializationError(f"$.data.{TAG}", f"expected {_snake(name)!r}")
    return result


def _expect_kind(data: object, name: str) -> None:
    if not isinstance(data, dict):
        raise SerializationError("$.data", f"expected an object, got {_type_name(data)}")
    if data.get(TAG) != _snake(name):
        raise SerializationError(
            f"$.data.{TAG}", f"expected {_snake(name)!r}, got {data.get(TAG)!r}"
        )


def _refuse_constant(name: str) -> None:
    raise SerializationError("$", f"{name} is not a JSON number")


def from_json(text: str | bytes | bytearray, cls: type[T]) -> T:
    """Read a JSON document written by `to_json`.

    Args:
        text: The JSON text, as a string or as UTF-8 bytes.
        cls: The type to read, such as `Journal`.

    Returns:
        The object, equal to the one that was written.

    Raises:
        SerializationError: If the text is not JSON or the document is
            malformed; its ``path`` names the bad field.
        UnsupportedVersionError: If the document's version is not one this
            library reads.
        InvalidValueError: If *cls* is not a serializable library type.

    >>> from accountability import Goal
    >>> goal = Goal(id="run", title="Run a 10k", why="For my kids")
    >>> from_json(to_json(goal), Goal) == goal
    True
    """
    _check_supported(cls)
    if not isinstance(text, str | bytes | bytearray):
        raise SerializationError("$", f"expected JSON text, got {_type_name(text)}")
    if len(text) > MAX_DOCUMENT_BYTES:
        raise SerializationError("$", f"the document is larger than {MAX_DOCUMENT_BYTES} bytes")
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except SerializationError:
        raise
    except RecursionError as error:
        raise SerializationError("$", "the document is nested too deeply") from error
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise SerializationError("$", f"not valid JSON ({error})") from error
    return from_data(document, cls)
