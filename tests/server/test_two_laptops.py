"""Two laptops edit one hazard in random order: no edit is ever dropped without a trace.

Hypothesis plays a history of steps on two signed-in devices of the 乐山 unit (安全员 and
安全总监), over the live server: edit a field locally, push the pending edits (with the base
version and base values the laptop last saw), or pull the server's copy when nothing is pending.
After every push the answer must account for every pushed field:

- rejected: nothing changed on the server, and the reason reads in Chinese and English;
- otherwise each pushed field either holds the laptop's value on the server, or is named in a
  conflict whose conflict record (client value, server value) the *other* laptop pulls too.

Throughout, the record's version moves only when its content does, a closed hazard stays
closed, and at the end a pull from cursor 0 ends on the server's copy and a digest that matches
the records pulled.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import scope_digest
from sync.records import HazardGrade, HazardStatus
from tests.server.conftest import Client, Server
from tests.server.counts import report
from tests.server.helpers import hazard, new_id, upsert

# Few values per field, so the two laptops often collide on one.
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "description": st.sampled_from(["站台护栏松动", "护栏螺栓缺失", "护栏已紧固"]),
    "owner": st.sampled_from(["张伟", "李娜", "王强"]),
    "rectification": st.sampled_from(["", "更换螺栓", "重新焊接"]),
    "grade": st.sampled_from([grade.value for grade in HazardGrade]),
    "status": st.sampled_from([status.value for status in HazardStatus]),
    "stop_use": st.booleans(),
}

# One round: both laptops edit some fields, then push one after the other, so the second push
# is stale; a laptop that skips its pull before the round is staler still.
EDITS = st.fixed_dictionaries({}, optional=FIELD_VALUES)
ROUND = st.fixed_dictionaries(
    {
        "edits": st.tuples(EDITS, EDITS),
        "first": st.integers(0, 1),
        "pulls": st.tuples(st.booleans(), st.booleans()),
    }
)
ROUNDS = st.lists(ROUND, min_size=1, max_size=4)


@dataclass
class Laptop:
    """What one device knows of the hazard: the server's copy it last saw, and its own edits."""

    client: Client
    puller: Puller
    version: int
    base: dict[str, Any]
    pending: dict[str, Any] = field(default_factory=dict)


@dataclass
class History:
    """What the server did to the hazard so far, as the laptops observed it."""

    hazard_id: str
    version: int
    fields: dict[str, Any]
    outcomes: collections.Counter[str]
    conflict_ids: set[str] = field(default_factory=set)


class Puller:
    """A device's pulled view: the latest change of every record, kept up from its cursor."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.cursor = 0
        self.latest: dict[str, dict[str, Any]] = {}
        self.digest: dict[str, Any] | None = None

    def refresh(self) -> None:
        changes, self.cursor, self.digest = self.client.pull_all(self.cursor)
        for change in changes:
            self.latest[change["record_id"]] = change


def _latest(puller: Puller, record_id: str) -> dict[str, Any]:
    puller.refresh()
    change = puller.latest[record_id]
    assert not change["deleted"]
    return change


def _check_push(laptop: Laptop, other: Laptop, history: History, result: dict[str, Any]) -> None:
    # A field set back to the value it had at the base is no edit (the outbox coalesces so).
    pushed = {name: value for name, value in laptop.pending.items() if laptop.base[name] != value}
    outcome = result["outcome"]
    assert outcome in {"applied", "merged", "conflict", "rejected", "duplicate"}, result
    history.outcomes[outcome] += 1

    if outcome == "rejected":
        assert result["code"] and result["reason_zh"] and result["reason_en"], result
        now = _latest(laptop.puller, history.hazard_id)
        assert now["version"] == history.version and now["fields"] == history.fields
        return

    record = result["record"]
    conflicts = {conflict["field"]: conflict for conflict in result["conflicts"]}
    for name, value in pushed.items():
        if record[name] == value:
            continue
        assert name in conflicts, f"{name}={value!r} was dropped without a conflict: {result}"
        conflict = conflicts[name]
        assert conflict["client_value"] == value and conflict["server_value"] == record[name]
        history.conflict_ids.add(conflict["conflict_id"])
    assert outcome == "conflict" if conflicts else outcome != "conflict", result

    changed = record != history.fields
    assert result["version"] == (history.version + 1 if changed else history.version), result
    if history.fields["status"] == HazardStatus.CLOSED:
        assert record["status"] == HazardStatus.CLOSED, "a closed hazard was reopened"
    history.version, history.fields = result["version"], record

    # Every conflict is a record both laptops pull, naming the hazard and both values.
    if conflicts:
        other.puller.refresh()
        for conflict in conflicts.values():
            pulled = other.puller.latest[conflict["conflict_id"]]["fields"]
            assert pulled["record_id"] == history.hazard_id
            assert pulled["client_value"] == conflict["client_value"]


def _push(laptop: Laptop, other: Laptop, history: History) -> None:
    if not laptop.pending:
        return
    mutation = upsert(
        "hazard",
        history.hazard_id,
        dict(laptop.pending),
        base_version=laptop.version,
        base_fields={name: laptop.base[name] for name in laptop.pending},
    )
    (result,) = laptop.client.push(mutation)
    _check_push(laptop, other, history, result)
    # As the sync engine does: the answer becomes the laptop's new base.
    laptop.pending.clear()
    laptop.version, laptop.base = history.version, dict(history.fields)


def _play(laptops: list[Laptop], history: History, rounds: list[dict[str, Any]]) -> None:
    for round_ in rounds:
        for laptop, pulls, edits in zip(laptops, round_["pulls"], round_["edits"], strict=True):
            if pulls:
                change = _latest(laptop.puller, history.hazard_id)
                laptop.version, laptop.base = change["version"], change["fields"]
            laptop.pending.update(edits)
        first = laptops[round_["first"]]
        second = laptops[1 - round_["first"]]
        _push(first, second, history)
        _push(second, first, history)


def test_two_laptops_never_lose_an_edit_silently(
    server: Server, request: pytest.FixtureRequest
) -> None:
    officer = server.sign_in("demo-officer")
    director = server.sign_in("demo-director")
    pullers = [Puller(officer), Puller(director)]
    outcomes: collections.Counter[str] = collections.Counter()

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(rounds=ROUNDS)
    def play(rounds: list[dict[str, Any]]) -> None:
        hazard_id = new_id()
        (created,) = officer.push(upsert("hazard", hazard_id, hazard()))
        assert created["outcome"] == "applied", created
        history = History(hazard_id, created["version"], created["record"], outcomes)
        laptops = [
            Laptop(puller.client, puller, history.version, dict(history.fields))
            for puller in pullers
        ]

        _play(laptops, history, rounds)

        change = _latest(pullers[1], hazard_id)
        assert (change["version"], change["fields"]) == (history.version, history.fields)

    play()
    report(request, f"[two laptops] pushes answered: {dict(sorted(outcomes.items()))}")
    # The histories reached stale pushes (merged or in conflict), so the checks above were
    # exercised, not only fresh edits.
    assert outcomes["conflict"] and outcomes["merged"] + outcomes["conflict"] >= 5, outcomes

    # After all the histories, the pulled view agrees with the digest, and so does a pull
    # from cursor 0 (paged as the server pages it).
    fresh = Puller(officer)
    for puller in (pullers[0], fresh):
        puller.refresh()
        live = [
            (change["record_type"], record_id, change["version"])
            for record_id, change in puller.latest.items()
            if not change["deleted"] and change["record_type"] != "conflict"
        ]
        assert puller.digest == scope_digest(live).model_dump()
    assert fresh.latest == pullers[0].latest
