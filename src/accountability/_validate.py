"""Validators shared by the domain objects.

Each validator raises an `InvalidValueError` (or a leaf of it) that names the
class, the field and the value, so a bad input never surfaces as a stray
`TypeError` from deep inside the library.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from accountability.exceptions import InvalidValueError, NaiveDatetimeError, UnknownZoneError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """Return ``Class.field`` for an error message."""
    return f"{type(instance).__name__}.{attribute.name}"


def _type_name(value: object) -> str:
    return type(value).__name__


def check_aware(name: str, value: object) -> datetime:
    """Return *value* if it is a timezone-aware datetime, else raise."""
    if not isinstance(value, datetime):
        raise InvalidValueError(name, value, f"expected an aware datetime, got {_type_name(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(name, value)
    return value


def aware(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a timezone-aware datetime."""
    check_aware(field_name(instance, attribute), value)


def optional_aware(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but None or a timezone-aware datetime."""
    if value is not None:
        check_aware(field_name(instance, attribute), value)


def text(*, required: bool = True, max_length: int = 10_000) -> Validator:
    """Refuse non-strings, over-long strings and (when *required*) blank ones."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if not isinstance(value, str):
            raise InvalidValueError(name, value, f"expected text, got {_type_name(value)}")
        if required and not value.strip():
            raise InvalidValueError(name, value, "must not be empty")
        if len(value) > max_length:
            raise InvalidValueError(
                name, value[:40] + "...", f"longer than {max_length} characters"
            )

    return validate


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but None or non-blank text."""
    if value is not None:
        text()(instance, attribute, value)


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an id that is not a short non-blank string without surrounding spaces."""
    name = field_name(instance, attribute)
    if not isinstance(value, str):
        raise InvalidValueError(name, value, f"expected an id string, got {_type_name(value)}")
    if not value or value != value.strip():
        raise InvalidValueError(name, value, "an id must be non-empty with no surrounding spaces")
    if len(value) > 200:
        raise InvalidValueError(name, value[:40] + "...", "an id is at most 200 characters")


def optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but None or a valid id."""
    if value is not None:
        identifier(instance, attribute, value)


def identifiers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a frozenset of valid ids."""
    name = field_name(instance, attribute)
    if not isinstance(value, frozenset):
        raise InvalidValueError(
            name, value, f"expected a frozenset of ids, got {_type_name(value)}"
        )
    for item in value:
        identifier(instance, attribute, item)


def member_of(enum: type[Enum]) -> Validator:
    """Refuse anything that is not a member of *enum*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum):
            choices = ", ".join(repr(m.value) for m in enum)
            raise InvalidValueError(
                field_name(instance, attribute), value, f"expected one of {choices}"
            )

    return validate


def integer(low: int, high: int) -> Validator:
    """Refuse anything but an int (not a bool) in ``[low, high]``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValueError(
                name, value, f"expected a whole number, got {_type_name(value)}"
            )
        if not low <= value <= high:
            raise InvalidValueError(name, value, f"must be between {low} and {high}")

    return validate


def optional_integer(low: int, high: int) -> Validator:
    """Like `integer`, but None is allowed."""
    inner = integer(low, high)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return validate


def number(*, low: float = -math.inf, high: float = math.inf, low_open: bool = False) -> Validator:
    """Refuse anything but a finite int or float in the given range."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidValueError(name, value, f"expected a number, got {_type_name(value)}")
        if not math.isfinite(value):
            raise InvalidValueError(name, value, "must be a finite number")
        if value < low or (low_open and value == low) or value > high:
            lower = f"more than {low}" if low_open else f"at least {low}"
            bounds = [lower] if low > -math.inf else []
            if high < math.inf:
                bounds.append(f"at most {high}")
            raise InvalidValueError(name, value, "must be " + " and ".join(bounds))

    return validate


def optional_number() -> Validator:
    """Refuse anything but None or a finite number."""
    inner = number()

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return validate


def calendar_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a plain date (a datetime is not a date here)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidValueError(
            field_name(instance, attribute), value, f"expected a date, got {_type_name(value)}"
        )


def optional_calendar_date(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Refuse anything but None or a plain date."""
    if value is not None:
        calendar_date(instance, attribute, value)


def wall_time(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a local wall-clock time with no zone attached."""
    name = field_name(instance, attribute)
    if not isinstance(value, time):
        raise InvalidValueError(name, value, f"expected a time of day, got {_type_name(value)}")
    if value.tzinfo is not None:
        raise InvalidValueError(
            name, value, "a time of day is local to the client's zone; give it without tzinfo"
        )


def optional_wall_time(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but None or a local wall-clock time."""
    if value is not None:
        wall_time(instance, attribute, value)


def boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but True or False."""
    if not isinstance(value, bool):
        raise InvalidValueError(
            field_name(instance, attribute),
            value,
            f"expected True or False, got {_type_name(value)}",
        )


def instance_of(*types: type) -> Validator:
    """Refuse anything that is not an instance of one of *types*."""
    expected = " or ".join(t.__name__ for t in types)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types):
            raise InvalidValueError(
                field_name(instance, attribute),
                value,
                f"expected {expected}, got {_type_name(value)}",
            )

    return validate


def optional_instance_of(*types: type) -> Validator:
    """Like `instance_of`, but None is allowed."""
    inner = instance_of(*types)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return validate


def tuple_of(kind: type) -> Validator:
    """Refuse anything but a tuple whose items are all instances of *kind*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidValueError(
                name, value, f"expected a tuple of {kind.__name__}, got {_type_name(value)}"
            )
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidValueError(
                    f"{name}[{index}]", item, f"expected a {kind.__name__}, got {_type_name(item)}"
                )

    return validate


@lru_cache(maxsize=512)
def load_zone(name: str) -> ZoneInfo:
    """Return the `ZoneInfo` for an IANA name (cached, as zoneinfo caches too)."""
    return ZoneInfo(name)


def check_zone(field: str, value: object) -> ZoneInfo:
    """Return the zone named *value*, or raise `UnknownZoneError` naming *field*."""
    if not isinstance(value, str):
        raise UnknownZoneError(field, value, f"expected a zone name, got {_type_name(value)}")
    if not value or len(value) > 100 or "\x00" in value:
        raise UnknownZoneError(field, value)
    try:
        return load_zone(value)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise UnknownZoneError(field, value) from error


def zone_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a name that is not in the IANA time zone database."""
    check_zone(field_name(instance, attribute), value)
