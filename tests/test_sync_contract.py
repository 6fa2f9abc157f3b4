"""The shared merge rules of the sync contract: both sides pick the same winner whatever the
order ops arrive in, and a transition from a state the server no longer holds is a conflict."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY, Registry
from mediation_desk.mediation import states


def _apply_all(updates: list[tuple[dict[str, int], str]]) -> tuple[dict[str, int], dict[str, str]]:
    values: dict[str, int] = {}
    clocks: dict[str, str] = {}
    for incoming, hlc in updates:
        merged = contract.merge_fields(values, clocks, incoming, hlc)
        values, clocks = merged.values, merged.clocks
    return values, clocks


def test_later_clock_wins_and_the_loser_is_kept():
    merged = contract.merge_fields({"amount_fen": 100}, {"amount_fen": "0002"}, {"amount_fen": 200}, "0003")
    assert merged.values == {"amount_fen": 200}
    assert merged.lost == {"amount_fen": (100, "0002")}
    assert merged.taken == {"amount_fen": 200}


def test_an_older_write_loses_and_is_kept_not_applied():
    merged = contract.merge_fields({"amount_fen": 100}, {"amount_fen": "0005"}, {"amount_fen": 200}, "0003")
    assert merged.values == {"amount_fen": 100}
    assert merged.lost == {"amount_fen": (200, "0003")}
    assert merged.taken == {}


def test_an_equal_value_is_no_loss():
    merged = contract.merge_fields({"a": 1}, {"a": "0005"}, {"a": 1}, "0003")
    assert merged.lost == {}


@given(
    st.lists(
        st.tuples(st.dictionaries(st.sampled_from("abc"), st.integers(0, 5), min_size=1), st.integers(1, 10_000)),
        max_size=6,
        unique_by=lambda u: u[1],
    )
)
def test_order_of_arrival_does_not_change_the_outcome(raw):
    updates = [(incoming, f"{clock:016d}-0000-node") for incoming, clock in raw]
    outcomes = {
        tuple(tuple(sorted(part.items())) for part in _apply_all(list(order)))
        for order in itertools.permutations(updates)
    }
    assert len(outcomes) <= 1


def test_transition_from_the_held_state_is_accepted():
    assert states.transition_conflict(states.ACCEPTED, states.ACCEPTED, states.ASSIGNED) is None


def test_the_same_move_arriving_twice_is_no_conflict():
    assert states.transition_conflict(states.ASSIGNED, states.ACCEPTED, states.ASSIGNED) is None


def test_a_move_from_a_state_the_server_left_is_a_conflict_in_words():
    reason = states.transition_conflict(states.CLOSED, states.IN_MEDIATION, states.AGREED)
    assert reason is not None and "已结案" in reason and "调解中" in reason


def test_a_move_the_machine_forbids_is_a_conflict():
    reason = states.transition_conflict(states.ACCEPTED, states.ACCEPTED, states.CLOSED)
    assert reason is not None and "不能从" in reason


def test_an_unknown_state_is_refused():
    assert "未知" in (states.transition_conflict(states.ACCEPTED, states.ACCEPTED, "vanished") or "")


def test_every_entity_the_desk_sends_is_registered_with_a_policy():
    entities = REGISTRY.entities
    assert {e.policy for e in entities.values()} <= set(contract.POLICIES)
    for entity in (
        "case",
        "mediator",
        "agreement",
        "case_assignment",
        "session_record",
        "follow_up",
        "attachment",
        "committee",
        contract.CASE_FILE,
    ):
        assert entity in entities
    assert entities["case"].transition_conflict is states.transition_conflict


def test_registering_an_entity_twice_differently_is_refused():
    registry = Registry()
    registry.add_entities(states.SYNCED_ENTITIES)
    registry.add_entities(states.SYNCED_ENTITIES)  # the same again: harmless
    clash = contract.SyncedEntity("case", contract.FIELDS, frozenset({"number"}))
    with pytest.raises(ValueError, match="registered twice"):
        registry.add_entities([clash])


def test_a_state_machine_entity_must_name_its_transition_check():
    with pytest.raises(ValueError, match="transition check"):
        contract.SyncedEntity("case", contract.STATE_MACHINE, frozenset())
