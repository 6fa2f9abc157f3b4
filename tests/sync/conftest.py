"""Fixtures of the desk-side sync tests: the real district server (tests/district_server.py)
with its towns and committees, and desks with data folders of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from district_server import DistrictServer
from service_helpers import Env
from sync_helpers import make_desk, prepare_district


@pytest.fixture
def district(district_server: DistrictServer) -> DistrictServer:
    """The running server with two towns and three committees (sync_helpers.COMMITTEES)."""
    return prepare_district(district_server)


@pytest.fixture
def desk_a(tmp_path) -> Iterator[Env]:
    """Seat 1 of 谢家塘村 (XT-001)."""
    env = make_desk(tmp_path / "a")
    try:
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def desk_b(tmp_path) -> Iterator[Env]:
    """Seat 2 of the same committee, on another PC."""
    env = make_desk(tmp_path / "b", "XT-001", seat=2)
    try:
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def desk_other(tmp_path) -> Iterator[Env]:
    """A desk of another committee in another town (FH-001)."""
    env = make_desk(tmp_path / "c", "FH-001")
    try:
        yield env
    finally:
        env.desk.close()
