"""Hybrid logical clock: never backwards, follows remote time, survives a stuck clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.core import hlc
from mediation_desk.core.hlc import MAX_COUNTER, ZERO, Timestamp, receive, tick

NODE = "a1b2c3d4e5f6"
OTHER = "ffeeddccbbaa"

walls = st.integers(min_value=0, max_value=10**16 - 2)
counters = st.integers(min_value=0, max_value=MAX_COUNTER)
nodes = st.text(alphabet="0123456789abcdef", min_size=1, max_size=12)
stamps = st.builds(Timestamp, walls, counters, nodes)


def test_tick_follows_wall_clock_when_it_moves_forward():
    t1 = tick(ZERO, 1_000, NODE)
    t2 = tick(t1, 2_000, NODE)
    assert (t1.wall_ms, t1.counter) == (1_000, 0)
    assert (t2.wall_ms, t2.counter) == (2_000, 0)


def test_monotonic_when_the_clock_goes_backwards():
    t = tick(ZERO, 1_700_000_000_000, NODE)
    seen = [t]
    # Someone sets the PC clock back a year, then it crawls forward again.
    for now in [1_668_000_000_000, 1_668_000_000_001, 1_668_000_000_001, 1_600_000_000_000]:
        t = tick(t, now, NODE)
        seen.append(t)
    assert seen == sorted(seen)
    assert len(set(seen)) == len(seen)
    assert all(s.wall_ms == 1_700_000_000_000 for s in seen)
    assert [s.counter for s in seen] == [0, 1, 2, 3, 4]
    encoded = [s.encode() for s in seen]
    assert encoded == sorted(encoded)


@given(st.lists(st.integers(min_value=0, max_value=10**15), min_size=1, max_size=200))
def test_tick_is_strictly_increasing_for_any_clock(readings):
    t = ZERO
    for now in readings:
        nxt = tick(t, now, NODE)
        assert nxt > t
        assert nxt.encode() > t.encode()
        assert nxt.wall_ms >= now
        t = nxt


def test_receive_after_remote_far_future_time():
    local = tick(ZERO, 1_700_000_000_000, NODE)
    remote = Timestamp(4_000_000_000_000, 7, OTHER)  # a desk whose clock says year 2096
    after = receive(local, remote, 1_700_000_000_500, NODE)
    assert after > remote and after > local
    assert (after.wall_ms, after.counter, after.node) == (remote.wall_ms, 8, NODE)
    # Local events keep ordering after the remote one although the wall clock is far behind.
    nxt = tick(after, 1_700_000_001_000, NODE)
    assert nxt > after
    assert nxt.wall_ms == remote.wall_ms


def test_receive_uses_wall_clock_when_it_is_ahead_of_both():
    local = Timestamp(1_000, 5, NODE)
    remote = Timestamp(2_000, 9, OTHER)
    assert receive(local, remote, 3_000, NODE) == Timestamp(3_000, 0, NODE)


def test_receive_same_wall_takes_larger_counter():
    local = Timestamp(5_000, 3, NODE)
    remote = Timestamp(5_000, 8, OTHER)
    assert receive(local, remote, 4_000, NODE) == Timestamp(5_000, 9, NODE)
    assert receive(remote, local, 4_000, OTHER) == Timestamp(5_000, 9, OTHER)


def test_receive_local_ahead_of_remote():
    local = Timestamp(9_000, 2, NODE)
    remote = Timestamp(5_000, 8, OTHER)
    assert receive(local, remote, 4_000, NODE) == Timestamp(9_000, 3, NODE)


@given(stamps, stamps, walls)
def test_receive_is_after_both(local, remote, now):
    after = receive(local, remote, now, NODE)
    assert (after.wall_ms, after.counter) > (local.wall_ms, local.counter)
    assert (after.wall_ms, after.counter) > (remote.wall_ms, remote.counter)
    assert after.wall_ms >= now


def test_counter_overflow_borrows_a_millisecond():
    stuck = Timestamp(1_000, MAX_COUNTER - 1, NODE)
    last = tick(stuck, 1_000, NODE)
    assert last == Timestamp(1_000, MAX_COUNTER, NODE)
    overflow = tick(last, 1_000, NODE)
    assert overflow == Timestamp(1_001, 0, NODE)
    assert overflow > last and overflow.encode() > last.encode()
    # A real clock reading at the borrowed millisecond still moves on.
    assert tick(overflow, 1_001, NODE) == Timestamp(1_001, 1, NODE)
    # And the encoding keeps its fixed width.
    assert len(overflow.encode()) == len(last.encode())


def test_receive_counter_overflow():
    remote = Timestamp(1_000, MAX_COUNTER, OTHER)
    assert receive(Timestamp(1_000, 3, NODE), remote, 500, NODE) == Timestamp(1_001, 0, NODE)


@given(stamps)
def test_encode_decode_round_trip(t):
    assert Timestamp.decode(t.encode()) == t


@given(st.builds(Timestamp, walls, counters, st.just(NODE)), st.builds(Timestamp, walls, counters, st.just(NODE)))
def test_string_order_is_time_order(a, b):
    assert (a.encode() < b.encode()) == (a < b)
    assert (a.encode() == b.encode()) == (a == b)


@given(walls, counters, nodes, nodes)
def test_string_order_puts_time_before_node(wall, counter, node_a, node_b):
    earlier = Timestamp(wall, counter, node_a)
    later = Timestamp(wall, counter + 1, node_b) if counter < MAX_COUNTER else Timestamp(wall + 1, 0, node_b)
    assert earlier.encode() < later.encode()


@pytest.mark.parametrize("bad", ["", "123", "0001-0000-n", "0000000000001000-00-node", "0000000000001000-0000-"])
def test_decode_rejects_malformed(bad):
    with pytest.raises(ValueError):
        hlc.Timestamp.decode(bad)
