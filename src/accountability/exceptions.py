"""The errors that `accountability` raises.

Every error the library raises on purpose is an `AccountabilityError`. Each
leaf also subclasses the builtin that fits it, so code that already catches
`ValueError` or `LookupError` keeps working. Every message names the
offending field and the value it was given.

```text
AccountabilityError
├── InvalidValueError (ValueError)         a field holds a value it cannot hold
│   ├── NaiveDatetimeError                 a datetime has no time zone
│   ├── UnknownZoneError                   a time zone name is not in the IANA database
│   └── InvalidScheduleError               a recurrence rule cannot be read or used
├── JournalError (ValueError)              an addition would break the journal
│   ├── DuplicateIdError                   an id is already taken
│   └── UnknownReferenceError (LookupError) an id names nothing in the journal
├── SerializationError (ValueError)        a JSON document cannot become an object
│   └── UnsupportedVersionError            the document's schema version is not one we read
├── MissingDependencyError (ImportError)   an optional package a helper needs is not installed
└── CircleError (ValueError)               a change would break one of a circle's rules
    ├── DuplicateMemberError               a member id is already in the circle
    └── UnknownMemberError (LookupError)   an id names no member of the circle (at that moment)
```
"""

from __future__ import annotations

__all__ = [
    "AccountabilityError",
    "CircleError",
    "DuplicateIdError",
    "DuplicateMemberError",
    "InvalidScheduleError",
    "InvalidValueError",
    "JournalError",
    "MissingDependencyError",
    "NaiveDatetimeError",
    "SerializationError",
    "UnknownMemberError",
    "UnknownReferenceError",
    "UnknownZoneError",
    "UnsupportedVersionError",
]


class AccountabilityError(Exception):
    """The root of every error that `accountability` raises on purpose.

    Catch this to handle any refusal from the library in one place.
    """


class InvalidValueError(AccountabilityError, ValueError):
    """A field was given a value it cannot hold.

    Attributes:
        field: The name of the field, such as ``"confidence"``.
        value: The value that was refused, exactly as it was given.
        reason: Why it was refused, in words.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}={value!r}: {reason}")

    def __reduce__(self) -> tuple[type[InvalidValueError], tuple[str, object, str]]:
        return (type(self), (self.field, self.value, self.reason))


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a time zone was given where a moment is needed.

    A naive datetime cannot be placed on the client's calendar, so it is
    refused rather than guessed. Attach a zone, for example
    ``datetime(2026, 3, 1, 7, tzinfo=ZoneInfo("Europe/Berlin"))``.
    """

    def __init__(self, field: str, value: object, reason: str = "") -> None:
        super().__init__(
            field,
            value,
            reason or "a naive datetime has no time zone; attach one with tzinfo=ZoneInfo(...)",
        )


class UnknownZoneError(InvalidValueError):
    """A time zone name is not in the IANA time zone database.

    Use a name such as ``"Europe/Berlin"`` or ``"America/New_York"``.
    """

    def __init__(self, field: str, value: object, reason: str = "") -> None:
        super().__init__(
            field, value, reason or "not an IANA time zone name, such as 'Europe/Berlin'"
        )


class InvalidScheduleError(InvalidValueError):
    """A recurrence rule cannot be read, or would never produce a due moment."""


class JournalError(AccountabilityError, ValueError):
    """An addition to a journal would break one of its rules."""


class DuplicateIdError(JournalError):
    """An id is already taken in the journal.

    Attributes:
        field: What kind of id it is, such as ``"event.id"``.
        value: The id that is taken.
    """

    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}={value!r}: this id is already in the journal")

    def __reduce__(self) -> tuple[type[DuplicateIdError], tuple[str, str]]:
        return (type(self), (self.field, self.value))


class UnknownReferenceError(JournalError, LookupError):
    """An id refers to a goal or an expectation that the journal does not hold.

    Attributes:
        field: The field that holds the reference, such as ``"expectation"``.
        value: The id that names nothing.
    """

    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}={value!r}: no such id in the journal")

    def __reduce__(self) -> tuple[type[UnknownReferenceError], tuple[str, str]]:
        return (type(self), (self.field, self.value))

    def __str__(self) -> str:
        # LookupError would quote the whole message again; keep it readable.
        return f"{self.field}={self.value!r}: no such id in the journal"


class SerializationError(AccountabilityError, ValueError):
    """A JSON document could not become a library object.

    Attributes:
        path: Where in the document the (first) problem is, such as
            ``"$.events[3].at"``; ``"$"`` is the whole document.
        reason: What is wrong there.
        problems: Every problem found, as ``(path, reason)`` pairs, the first
            one first.
    """

    def __init__(self, path: str, reason: str, problems: tuple[tuple[str, str], ...] = ()) -> None:
        self.path = path
        self.reason = reason
        self.problems = problems or ((path, reason),)
        super().__init__(f"{path}: {reason}")

    def __reduce__(
        self,
    ) -> tuple[type[SerializationError], tuple[str, str, tuple[tuple[str, str], ...]]]:
        return (type(self), (self.path, self.reason, self.problems))


class UnsupportedVersionError(SerializationError):
    """The document was written with a schema version this library does not read."""


class MissingDependencyError(AccountabilityError, ImportError):
    """An optional package that a helper needs is not installed.

    The core needs only attrs, cattrs and python-dateutil. The notebook
    helpers (a replay as a DataFrame, a timeline plot) need pandas or
    matplotlib, which come with an extra; the message says which one to
    install.

    Attributes:
        package: The missing package, such as ``"pandas"``.
        feature: What needs it, such as ``"Replay.to_pandas()"``.
        extra: The extra that installs it, such as ``"notebook"``.
    """

    def __init__(self, package: str, feature: str, extra: str) -> None:
        self.package = package
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {package}, which is not installed; "
            f'install it with: pip install "accountability[{extra}]"',
            name=package,
        )

    def __reduce__(self) -> tuple[type[MissingDependencyError], tuple[str, str, str]]:
        return (type(self), (self.package, self.feature, self.extra))


class CircleError(AccountabilityError, ValueError):
    """A change to a circle, or what is passed with it, would break one of its rules."""


class DuplicateMemberError(CircleError):
    """A member id is already taken in the circle.

    Attributes:
        field: Where the id was given, such as ``"Member.id"``.
        value: The id that is taken.
    """

    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}={value!r}: this member id is already in the circle")

    def __reduce__(self) -> tuple[type[DuplicateMemberError], tuple[str, str]]:
        return (type(self), (self.field, self.value))


class UnknownMemberError(CircleError, LookupError):
    """An id names no member of the circle, or no member at the moment it is used.

    Attributes:
        field: The field that holds the id, such as ``"ConsentChange.member"``.
        value: The id that names no member.
        reason: Why it names no member, in words.
    """

    def __init__(self, field: str, value: str, reason: str = "") -> None:
        self.field = field
        self.value = value
        self.reason = reason or "no member with this id in the circle"
        super().__init__(f"{field}={value!r}: {self.reason}")

    def __reduce__(self) -> tuple[type[UnknownMemberError], tuple[str, str, str]]:
        return (type(self), (self.field, self.value, self.reason))

    def __str__(self) -> str:
        # LookupError would quote the whole message again; keep it readable.
        return f"{self.field}={self.value!r}: {self.reason}"
