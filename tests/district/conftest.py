"""Fixtures of the district server's tests: a running server with two towns and three
committees, and the server's database opened in-process for inspection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from district_helpers import setup_district
from district_server import DistrictServer

from mediation_desk.district.db import Database


@pytest.fixture
def district_db(district_server: DistrictServer) -> Iterator[Database]:
    db = Database(district_server.database_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def district(district_server: DistrictServer, district_db: Database) -> DistrictServer:
    """The running server, its towns and committees in place (see district_helpers.COMMITTEES)."""
    setup_district(district_db)
    return district_server
