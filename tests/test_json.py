"""JSON at the edge: every object survives the round trip, and bad input of any shape is refused.

DESIGN.md, "Nothing lost": every object survives a JSON round trip unchanged; bad input of
any shape raises the library's own error, never a stray ``KeyError`` or ``TypeError``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from accountability import (
    AccountabilityError,
    Agreement,
    Cadence,
    CheckIn,
    Completion,
    Contact,
    Direction,
    Due,
    Expectation,
    FollowUpSent,
    Goal,
    Journal,
    Miss,
    Reflection,
    ReflectionKind,
    Renegotiation,
    Setback,
    Severity,
    Win,
    WinSize,
    from_data,
    from_json,
    testing,
    to_data,
    to_json,
)
from accountability.convert import SUPPORTED
from accountability.exceptions import (
    InvalidValueError,
    SerializationError,
    UnsupportedVersionError,
)
from accountability.record import Event, FollowUpKind
from accountability.record.model import EVENT_TYPES

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

# --- A small journal to pin paths on -------------------------------------------------------


def _small_journal() -> Journal:
    """A Berlin client with one goal, one daily expectation, a check-in and a completion."""
    agreed = datetime(2026, 3, 1, 9, tzinfo=BERLIN)
    return Journal.start(Agreement(zone="Europe/Berlin", agreed_at=agreed)).add(
        Goal(id="run", title="Run a 10k", why="I want to keep up with my kids"),
        Expectation(
            id="morning-run",
            goal="run",
            action="run 5 km before work",
            done_when="logged in the app",
            agreed_at=agreed,
            schedule=Cadence.daily(start=date(2026, 3, 2), at=time(7)),
        ),
        CheckIn(id="c1", at=datetime(2026, 3, 2, 19, tzinfo=BERLIN), progress="Went well"),
        Completion(
            id="c2", at=datetime(2026, 3, 3, 7, 40, tzinfo=BERLIN), expectation="morning-run"
        ),
    )


def _document(obj: object) -> Any:
    """The parsed JSON document of *obj*, as a caller would hold it before reading it back."""
    return json.loads(to_json(obj))


def _refusal(document: Any, cls: type[Any] = Journal) -> SerializationError:
    """Read *document* through the JSON text and return the SerializationError it raises."""
    with pytest.raises(SerializationError) as caught:
        from_json(json.dumps(document), cls)
    return caught.value


def _fall_back_journal() -> Journal:
    """Events in the repeated hour of Berlin's 2026 autumn change: the offset decides the moment."""
    agreed = datetime(2026, 10, 20, 9, tzinfo=BERLIN)
    summer = datetime(2026, 10, 25, 0, 45, tzinfo=UTC).astimezone(BERLIN)  # 02:45 CEST
    winter = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(BERLIN)  # 02:30 CET
    return Journal.start(Agreement(zone="Europe/Berlin", agreed_at=agreed)).add(
        Contact(id="summer", at=summer), Contact(id="winter", at=winter)
    )


# --- Round trips ---------------------------------------------------------------------------


@given(testing.journals())
@example(Journal.start(Agreement(zone="UTC", agreed_at=datetime(2026, 1, 1, tzinfo=UTC))))
@example(_small_journal())
@example(_fall_back_journal())
def test_any_journal_survives_the_json_round_trip_unchanged(journal: Journal) -> None:
    text = to_json(journal)

    back = from_json(text, Journal)

    assert journal == back
    assert text == to_json(back)


ANY_EVENT: st.SearchStrategy[Event] = testing.events(
    testing.ids("v"), testing.aware_datetimes(), goal_ids=("g",), expectation_ids=("e",)
)

OBJECTS: dict[str, st.SearchStrategy[Any]] = {
    "Goal": testing.goals(),
    "Expectation": testing.expectations(),
    "Agreement": testing.agreements(),
    "Cadence": testing.cadences(),
    "Due": testing.dues(),
}


@pytest.mark.parametrize("name", sorted(OBJECTS))
@given(data=st.data())
def test_every_kind_of_object_survives_the_json_round_trip_unchanged(
    name: str, data: st.DataObject
) -> None:
    obj = data.draw(OBJECTS[name], label=name)
    text = to_json(obj)

    back = from_json(text, type(obj))

    assert obj == back
    assert text == to_json(back)


def _one_event_of_each_kind() -> list[Event]:
    at = datetime(2026, 3, 29, 7, 30, tzinfo=BERLIN)
    return [
        CheckIn(id="v1", at=at, progress="ok", confidence=7, goal="g", measure=4.5),
        Completion(id="v2", at=at, expectation="e", amount=0.5, due=at, note="half"),
        Miss(id="v3", at=at, expectation="e", due=at, reason="the kids were ill"),
        Setback(
            id="v4",
            at=at,
            what="flu",
            severity=Severity.MAJOR,
            affects=frozenset({"e"}),
            start=at - timedelta(days=2),
            end=at,
        ),
        Win(id="v5", at=at, what="first 5 km", size=WinSize.MILESTONE, goal="g", expectation="e"),
        Renegotiation(
            id="v6",
            at=at,
            expectation="e",
            direction=Direction.EASIER,
            schedule=Cadence.weekly(on=(0, 3), start=date(2026, 3, 30), at=time(7)),
        ),
        Reflection(id="v7", at=at, kind=ReflectionKind.FEAR, words="I {always} give up", goal="g"),
        FollowUpSent(
            id="v8",
            at=at,
            kind=FollowUpKind.CELEBRATE,
            firmness=1,
            text="Well done",
            celebrated=frozenset({"v5", "w2"}),
        ),
        Contact(id="v9", at=datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(BERLIN)),
    ]


@given(st.lists(ANY_EVENT, min_size=1, max_size=12))
@example(_one_event_of_each_kind())
def test_every_kind_of_event_survives_the_json_round_trip_unchanged(events: list[Event]) -> None:
    for event in events:
        text = to_json(event)

        back = from_json(text, type(event))

        assert event == back
        assert text == to_json(back)


def test_the_pinned_events_cover_every_kind_of_event() -> None:
    assert set(EVENT_TYPES) == {type(event) for event in _one_event_of_each_kind()}


def test_every_serializable_type_has_a_round_trip_strategy() -> None:
    nested_only = {"Journal", "Outcome", "IfThen", "QuietHours", "Grace"}
    event_types = {cls.__name__ for cls in EVENT_TYPES}
    # A circle and its parts round-trip in tests/circles/test_circle.py, over generated circles.
    circle_types = {"Circle", "Member", "ConsentChange", "ShareMark", "PairingRound", "PeerSent"}

    assert set(SUPPORTED) - nested_only - event_types - circle_types == set(OBJECTS)


def test_a_zone_aware_datetime_keeps_its_iana_zone_through_the_round_trip() -> None:
    checked_in = CheckIn(id="c", at=datetime(2026, 3, 29, 7, tzinfo=NEW_YORK))

    back = from_json(to_json(checked_in), CheckIn)

    assert isinstance(back.at.tzinfo, ZoneInfo)
    assert "America/New_York" == back.at.tzinfo.key
    assert checked_in.at.utcoffset() == back.at.utcoffset()


def test_a_moment_in_a_fixed_offset_keeps_that_offset_through_the_round_trip() -> None:
    fixed = datetime.fromisoformat("2026-03-01T14:30:00+05:30")
    contact = Contact(id="c", at=fixed)

    back = from_json(to_json(contact), Contact)

    assert "2026-03-01T14:30:00+05:30" == back.at.isoformat()


def test_the_repeated_hour_of_a_dst_change_keeps_its_offset_through_the_round_trip() -> None:
    journal = _fall_back_journal()

    back = from_json(to_json(journal), Journal)

    assert [e.at.isoformat() for e in journal.events] == [e.at.isoformat() for e in back.events]


# --- Mutated documents: anything wrong is the library's own error --------------------------

_PLAUSIBLE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "2026-03-01T09:00:00",
        "2026-03-01T09:00:00+01:00[Europe/Berlin]",
        "2026-03-01T09:00:00+01:00[Mars/Olympus]",
        "2026-03-01",
        "07:00",
        "Europe/Berlin",
        "check_in",
        "cadence",
        "due",
        "FREQ=DAILY",
        "FREQ=HOURLY",
        "active",
        "g",
        "e",
        "accountability",
        "Journal",
    ]
)

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | _PLAUSIBLE_TEXT,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8) | _PLAUSIBLE_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value, leaves biased towards text the library would almost accept."""

JsonPath = tuple[str | int, ...]


def _paths(value: Any, prefix: JsonPath = ()) -> list[JsonPath]:
    """Every path into a JSON value, the root (the empty path) first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found.extend(_paths(inner, (*prefix, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.extend(_paths(inner, (*prefix, index)))
    return found


def _at(document: Any, path: JsonPath) -> Any:
    for step in path:
        document = document[step]
    return document


def _read(read: Callable[[], object]) -> object:
    """What reading gives: the object, or the library's own error. Any other error escapes."""
    try:
        return read()
    except AccountabilityError as error:
        return error


MUTATIONS = ("delete", "replace", "add_key", "retag", "wrap")


@st.composite
def mutated_documents(
    draw: st.DrawFn, objects: st.SearchStrategy[Any]
) -> tuple[Any, type[Any], str, JsonPath]:
    """A valid document with one mutation at one path: (document, its type, mutation, path)."""
    obj = draw(objects)
    document = _document(obj)
    mutation = draw(st.sampled_from(MUTATIONS), label="mutation")
    paths = _paths(document)
    if mutation == "delete":
        path = draw(st.sampled_from([p for p in paths if p and isinstance(p[-1], str)]))
        del _at(document, path[:-1])[path[-1]]
    elif mutation == "add_key":
        path = draw(st.sampled_from([p for p in paths if isinstance(_at(document, p), dict)]))
        target = _at(document, path)
        key = draw(st.text(max_size=8).filter(lambda k: k not in target), label="key")
        target[key] = draw(JSON_VALUES, label="value")
    elif mutation == "retag":
        path = draw(st.sampled_from([p for p in paths if p and p[-1] == "type"]))
        junk = draw(st.text(max_size=12) | _PLAUSIBLE_TEXT, label="tag")
        _at(document, path[:-1])["type"] = junk
    else:
        path = draw(st.sampled_from(paths))
        old = _at(document, path)
        new = draw(JSON_VALUES, label="value") if mutation == "replace" else [old]
        if not path:
            document = new
        else:
            _at(document, path[:-1])[path[-1]] = new
    return document, type(obj), mutation, path


_ANY_OBJECT: st.SearchStrategy[Any] = st.one_of(
    testing.journals(max_events=8),
    testing.goals(),
    testing.expectations(),
    testing.agreements(),
    testing.schedules(),
    testing.events(testing.ids("v"), testing.aware_datetimes(), ("g",), ("e",)),
)


@given(mutated_documents(_ANY_OBJECT))
def test_a_mutated_document_is_read_or_refused_with_the_librarys_own_error(
    case: tuple[Any, type[Any], str, JsonPath],
) -> None:
    document, cls, _, _ = case

    outcome = _read(lambda: from_json(json.dumps(document), cls))

    assert isinstance(outcome, cls | SerializationError)
    if isinstance(outcome, SerializationError):
        assert outcome.path.startswith("$")
        assert outcome.reason


@given(mutated_documents(testing.journals(max_events=8)))
def test_a_mutated_journal_that_is_read_writes_back_as_it_was_read(
    case: tuple[Any, type[Any], str, JsonPath],
) -> None:
    document, _, _, _ = case
    try:
        journal = from_data(document, Journal)
    except AccountabilityError:
        return
    text = to_json(journal)

    back = from_json(text, Journal)

    assert journal == back
    assert text == to_json(back)


@pytest.mark.parametrize("name", sorted(SUPPORTED))
@given(value=JSON_VALUES)
def test_any_json_value_is_read_or_refused_with_the_librarys_own_error(
    name: str, value: Any
) -> None:
    cls = SUPPORTED[name]

    from_document = _read(lambda: from_data(value, cls))
    from_text = _read(lambda: from_json(json.dumps(value), cls))

    assert isinstance(from_document, cls | AccountabilityError)
    assert isinstance(from_text, cls | AccountabilityError)


@given(value=JSON_VALUES)
def test_any_json_value_in_a_well_formed_envelope_is_refused_with_the_librarys_own_error(
    value: Any,
) -> None:
    document = {"format": "accountability", "version": 1, "type": "Journal", "data": value}

    with pytest.raises(AccountabilityError):
        from_data(document, Journal)


@given(raw=st.binary(max_size=200))
@example(raw=b"\xff\xfe\x00")
@example(raw=b'{"format": "accountability", "version": 1, "type": "Goal", "data": "\xff"}')
def test_any_bytes_are_refused_with_a_serialization_error(raw: bytes) -> None:
    with pytest.raises(SerializationError):
        from_json(raw, Goal)


# --- Pinned refusals ----------------------------------------------------------------------


def test_a_naive_datetime_in_a_document_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["events"][0]["at"] = "2026-03-02T19:00:00"

    error = _refusal(document)

    assert "$.data.events[0].at" == error.path
    assert "2026-03-02T19:00:00" in str(error)


def test_a_naive_datetime_with_a_zone_name_is_still_refused() -> None:
    document = _document(_small_journal())
    document["data"]["agreement"]["agreed_at"] = "2026-03-01T09:00:00[Europe/Berlin]"

    error = _refusal(document)

    assert "$.data.agreement.agreed_at" == error.path


def test_an_unknown_zone_in_an_agreement_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["agreement"]["zone"] = "Mars/Olympus"

    error = _refusal(document)

    assert "$.data.agreement.zone" == error.path
    assert "Mars/Olympus" in str(error)


def test_an_unknown_zone_in_a_datetime_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["events"][1]["at"] = "2026-03-03T07:40:00+01:00[Mars/Olympus]"

    error = _refusal(document)

    assert "$.data.events[1].at" == error.path
    assert "Mars/Olympus" in str(error)


def test_an_unknown_event_type_is_refused_naming_the_event() -> None:
    document = _document(_small_journal())
    document["data"]["events"][0]["type"] = "gossip"

    error = _refusal(document)

    assert "$.data.events[0]" == error.path
    assert "gossip" in str(error)


def test_an_event_document_of_another_kind_is_refused_naming_its_tag() -> None:
    document = _document(Contact(id="c", at=datetime(2026, 3, 1, 9, tzinfo=BERLIN)))
    document["type"] = "Miss"

    error = _refusal(document, Miss)

    assert "$.data.type" == error.path


def test_an_unsupported_version_is_refused_with_its_own_error() -> None:
    document = _document(_small_journal())
    document["version"] = 2

    with pytest.raises(UnsupportedVersionError) as caught:
        from_json(json.dumps(document), Journal)

    assert "$.version" == caught.value.path
    assert isinstance(caught.value, SerializationError)


def test_a_document_for_another_type_is_refused_at_its_type() -> None:
    document = _document(Goal(id="g", title="Run", why="For my kids"))

    error = _refusal(document, Journal)

    assert "$.type" == error.path


def test_a_deeply_nested_document_is_refused_without_a_recursion_error() -> None:
    with pytest.raises(SerializationError) as caught:
        from_json("[" * 100_000, Journal)

    assert "$" == caught.value.path


def test_a_deeply_nested_value_inside_the_data_is_refused_without_a_recursion_error() -> None:
    nested = '{"a": ' * 800 + "1" + "}" * 800
    text = f'{{"format": "accountability", "version": 1, "type": "Journal", "data": {nested}}}'

    with pytest.raises(SerializationError):
        from_json(text, Journal)


def test_non_utf8_bytes_are_refused_as_a_serialization_error() -> None:
    text = to_json(Goal(id="g", title="Run", why="For my kids")).encode()
    broken = text.replace(b"For my kids", b"For my \xff kids")

    with pytest.raises(SerializationError) as caught:
        from_json(broken, Goal)

    assert "$" == caught.value.path


def test_utf8_bytes_are_read_like_text() -> None:
    goal = Goal(id="g", title="Laufen 🏃", why="Für meine Kinder")

    assert goal == from_json(to_json(goal).encode(), Goal)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_number_that_is_not_a_json_number_is_refused(constant: str) -> None:
    text = to_json(_small_journal()).replace('"weekly_cap": 3', f'"weekly_cap": {constant}')

    with pytest.raises(SerializationError) as caught:
        from_json(text, Journal)

    assert constant in str(caught.value)


def test_a_nan_amount_read_from_data_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["events"][1]["amount"] = float("nan")

    with pytest.raises(SerializationError) as caught:
        from_data(document, Journal)

    assert "$.data.events[1].amount" == caught.value.path


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("agreement", "weekly_cap"), "5"),
        (("agreement", "weekly_cap"), 5.0),
        (("agreement", "weekly_cap"), True),
        (("agreement", "peer_consent"), 1),
        (("agreement", "peer_consent"), "false"),
        (("goals", 0, "title"), 5),
        (("events", 0, "id"), 7),
        (("events", 1, "amount"), "1.0"),
        (("events", 1, "amount"), True),
        (("goals", 0, "status"), 1),
    ],
    ids=[
        "text-five-for-a-whole-number",
        "a-float-for-a-whole-number",
        "true-for-a-whole-number",
        "one-for-a-boolean",
        "text-false-for-a-boolean",
        "a-number-for-text",
        "a-number-for-an-id",
        "text-for-a-number",
        "true-for-a-number",
        "a-number-for-a-status",
    ],
)
def test_a_value_of_the_wrong_json_type_is_refused_not_coerced(
    where: tuple[str | int, ...], value: Any
) -> None:
    document = _document(_small_journal())
    _at(document["data"], where[:-1])[where[-1]] = value

    expected = "$.data" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in where)

    error = _refusal(document)

    assert expected == error.path


def test_a_string_where_a_list_belongs_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["events"] = "c1,c2"

    error = _refusal(document)

    assert "$.data.events" == error.path
    assert "array" in error.reason


def test_an_object_where_a_list_belongs_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["goals"] = {"0": document["data"]["goals"][0]}

    error = _refusal(document)

    assert "$.data.goals" == error.path


def test_an_unknown_field_is_refused_not_dropped() -> None:
    document = _document(_small_journal())
    document["data"]["goals"][0]["colour"] = "red"

    error = _refusal(document)

    assert "$.data.goals[0]" == error.path
    assert "colour" in error.reason


def test_an_unknown_field_in_the_envelope_is_refused() -> None:
    document = _document(_small_journal())
    document["signature"] = "abc"

    error = _refusal(document)

    assert "signature" in error.reason


def test_a_missing_field_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    del document["data"]["events"][1]["expectation"]

    error = _refusal(document)

    assert "$.data.events[1].expectation" == error.path


def test_a_field_the_objects_own_rules_refuse_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["events"][0]["confidence"] = 11

    error = _refusal(document)

    assert "$.data.events[0].confidence" == error.path
    assert "11" in error.reason


def test_an_event_naming_an_unknown_expectation_is_refused() -> None:
    document = _document(_small_journal())
    document["data"]["events"][1]["expectation"] = "evening-run"

    error = _refusal(document)

    assert "$.data" == error.path
    assert "Completion.expectation='evening-run'" in error.reason


def test_a_renegotiation_that_changes_nothing_is_refused_when_read() -> None:
    renegotiation = Renegotiation(
        id="r",
        at=datetime(2026, 3, 1, 9, tzinfo=BERLIN),
        expectation="e",
        direction=Direction.EASIER,
        action="walk 2 km",
    )
    document = _document(renegotiation)
    document["data"]["action"] = None

    error = _refusal(document, Renegotiation)

    assert "$.data.action" == error.path
    assert "changes at least one" in error.reason


def test_a_schedule_of_the_wrong_kind_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["expectations"][0]["schedule"]["type"] = "due"

    error = _refusal(document)

    assert error.path.startswith("$.data.expectations[0].schedule")


def test_an_hourly_rule_in_a_document_is_refused_naming_its_path() -> None:
    document = _document(_small_journal())
    document["data"]["expectations"][0]["schedule"]["rule"] = "FREQ=HOURLY"

    error = _refusal(document)

    assert "$.data.expectations[0].schedule.rule" == error.path


def test_json_text_that_is_not_a_document_object_is_refused() -> None:
    with pytest.raises(SerializationError) as caught:
        from_json("[1, 2, 3]", Journal)

    assert "$" == caught.value.path


def test_something_that_is_not_json_text_is_refused() -> None:
    with pytest.raises(SerializationError):
        from_json(12345, Journal)  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", [dict, str, Exception, SerializationError, type(None)])
def test_asking_for_a_class_the_library_does_not_serialize_is_refused(cls: type[Any]) -> None:
    with pytest.raises(InvalidValueError) as caught:
        from_json(to_json(Goal(id="g", title="Run", why="For my kids")), cls)

    assert "cls" == caught.value.field


def test_writing_an_object_the_library_does_not_serialize_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_json({"id": "g"})

    assert "cls" == caught.value.field


def test_a_document_says_its_format_version_and_type() -> None:
    document = to_data(Due(at=datetime(2026, 3, 6, 17, tzinfo=BERLIN)))

    assert {"format": "accountability", "version": 1, "type": "Due"} == {
        k: document[k] for k in ("format", "version", "type")
    }
    assert "due" == document["data"]["type"]
