"""Generated mutations of every record type go through the real rules: never a 5xx, never a
stored value outside the protocol's own schema.

schemathesis (test_openapi_fuzz.py) sees ``fields`` only as "a JSON object", so it rarely gets
past "no such field". Here each field's values come from its own schema in
:data:`sync.protocol.RECORD_FIELD_MODELS` (dates, times at the calendar's edges with any UTC
offset, UUIDs of real demo records, enum codes, texts), mixed with values of the wrong kind, in
batches the demo officer pushes as creates, edits, voids and deletes of new and existing
records. Every answer must be 200 with a known outcome per mutation (a rejection with reasons in
both languages) or a 4xx problem for the whole batch; afterwards everything the officer pulls
still validates against the schema, conflicts included.
"""

from __future__ import annotations

import collections
import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.demo import demo_id, demo_records, demo_units
from sync.protocol import RECORD_FIELD_MODELS, FieldProblem, validate_fields
from sync.records import RecordType
from tests.server.conftest import Server
from tests.server.counts import report
from tests.server.helpers import LESHAN, MIANYANG

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
# Any offset a zone-aware time may carry, and the calendar's first and last days with it.
OFFSETS = st.integers(-14 * 60, 14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
TIMESTAMPS = st.one_of(
    st.datetimes(timezones=OFFSETS).map(dt.datetime.isoformat),
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)).map(
        dt.datetime.isoformat
    ),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2024-02-30"]),
)


def _known_ids() -> dict[str, list[str]]:
    """Ids of the demo records by type; 乐山 (the officer's unit) three times in four."""
    ids: dict[str, list[str]] = collections.defaultdict(list)
    for unit in demo_units():
        weight = 3 if demo_id(unit["key"]) == LESHAN else 1
        for record in demo_records(unit["key"]):
            ids[record.record_type].extend([record.record_id] * weight)
    return ids


KNOWN_IDS_BY_TYPE = _known_ids()
KNOWN_IDS = sorted(record_id for ids in KNOWN_IDS_BY_TYPE.values() for record_id in ids)
RECORD_IDS = st.one_of(st.sampled_from(KNOWN_IDS), st.uuids().map(str))


def _fitting(schema: dict[str, Any], definitions: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of the kind one field's schema describes (which the rules may still refuse)."""
    if "$ref" in schema:
        schema = definitions[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        return st.one_of([_fitting(option, definitions) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if schema.get("format") == "uuid":
        return RECORD_IDS
    if schema.get("format") == "date":
        return st.dates().map(dt.date.isoformat)
    if schema.get("format") == "date-time":
        return TIMESTAMPS
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True)
    kind = schema.get("type")
    if kind == "string":
        return st.text(min_size=schema.get("minLength", 0), max_size=40)
    if kind == "integer":
        return st.integers(-5, 2**54)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(JSON_VALUES, max_size=3)
    return st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3)


def _mutation(record_type: RecordType) -> st.SearchStrategy[dict[str, Any]]:
    """A create with every required field (some overridden), or an edit of a few fields."""
    schema = RECORD_FIELD_MODELS[record_type].model_json_schema()
    definitions = schema.get("$defs", {})
    properties = schema["properties"]
    # Most records name the officer's own unit, so they get past the scope check.
    unit = st.sampled_from([LESHAN, LESHAN, LESHAN, MIANYANG])
    required = {
        name: unit if name == "unit_id" else _fitting(properties[name], definitions)
        for name in schema.get("required", [])
    }
    changes = {
        name: st.one_of(*[_fitting(field_schema, definitions)] * 3, JSON_VALUES)
        for name, field_schema in properties.items()
    }
    some_changes = st.lists(st.sampled_from(sorted(changes)), max_size=3, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: changes[name] for name in names})
    )
    # Half the creates carry only their required fields, so enough of them get applied.
    overrides = st.one_of(st.just({}), some_changes)
    create = st.tuples(st.fixed_dictionaries(required), overrides).map(
        lambda parts: {**parts[0], **parts[1]}
    )
    return st.fixed_dictionaries(
        {
            "record_type": st.just(record_type.value),
            "record_id": st.one_of(
                st.sampled_from(KNOWN_IDS_BY_TYPE.get(record_type) or [str(uuid.uuid4())]),
                st.uuids().map(str),
            ),
            "operation": st.sampled_from(["upsert", "upsert", "upsert", "void", "delete"]),
            "base_version": st.one_of(st.none(), st.integers(1, 4)),
            "fields": st.one_of(create, create, some_changes),
        },
        optional={"base_fields": some_changes},
    )


MUTATIONS = st.sampled_from(list(RecordType)).flatmap(_mutation)
BATCHES = st.lists(MUTATIONS, min_size=1, max_size=4)
OUTCOMES = {"applied", "merged", "conflict", "rejected", "duplicate"}


def test_generated_mutations_of_every_type_never_break_the_server(
    server: Server, request: pytest.FixtureRequest
) -> None:
    officer = server.sign_in("demo-officer")
    outcomes: collections.Counter[str] = collections.Counter()
    codes: collections.Counter[str] = collections.Counter()

    @settings(
        max_examples=100,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(batch=BATCHES)
    def push(batch: list[dict[str, Any]]) -> None:
        numbered = []
        for mutation in batch:
            numbered.append({"mutation_id": officer.next_mutation_id, **mutation})
            officer.next_mutation_id += 1
        response = officer.push_raw(numbered)

        assert response.status_code < 500, response.text
        if response.status_code != 200:
            assert response.headers["content-type"] == "application/problem+json"
            outcomes[f"http {response.status_code}"] += 1
            return
        results = response.json()["results"]
        assert [result["mutation_id"] for result in results] == [
            mutation["mutation_id"] for mutation in numbered
        ]
        for result in results:
            outcomes[result["outcome"]] += 1
            codes[result["code"]] += 1
            assert result["outcome"] in OUTCOMES, result
            if result["outcome"] == "rejected":
                assert result["code"] and result["reason_zh"] and result["reason_en"], result

    push()
    report(
        request,
        f"[generated mutations] {outcomes.total()} mutations: {dict(sorted(outcomes.items()))}; "
        f"codes {dict(codes.most_common())}",
    )
    # The generation reached the rules, not only the validation.
    past_validation = outcomes["applied"] + outcomes["conflict"] + outcomes["duplicate"]
    assert outcomes["rejected"] and past_validation >= 5, outcomes

    changes, _, _ = officer.pull_all()
    assert {change["unit_id"] for change in changes} == {LESHAN}
    for change in changes:
        if change["deleted"]:
            continue
        try:
            validate_fields(RecordType(change["record_type"]), change["fields"], creating=True)
        except FieldProblem as problem:
            raise AssertionError(f"the server stored an invalid record: {change}") from problem


def test_times_at_the_calendar_edges_are_refused_not_a_crash(server: Server) -> None:
    officer = server.sign_in("demo-officer")
    hazard_id = demo_id("hazard/leshan-gondola-brake")

    for moment in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
        mutation = {
            "record_type": "hazard",
            "record_id": hazard_id,
            "operation": "upsert",
            "base_version": 1,
            "fields": {"closed_at": moment},
        }
        (result,) = officer.push(mutation)

        assert result["outcome"] == "rejected", result
        assert "closed_at" in result["reason_en"]
