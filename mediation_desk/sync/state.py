"""The desk's sync settings and progress, kept as rows of `desk_state`.

Written at enrollment (server, scope) and by each sync round (cursor, last success). The device
token is not here: it lives in the OS keyring (`sync/credentials.py`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.storage.state import DeskState

PREFIX = "sync."
SERVER_URL = "sync.server_url"
CA_BUNDLE = "sync.ca_bundle"
SCOPE = "sync.scope"  # committee | town
COMMITTEE_CODE = "sync.committee_code"
TOWN = "sync.town"
SERVER_DEVICE_ID = "sync.server_device_id"
ENROLLED_AT = "sync.enrolled_at"
REFUSED = "sync.refused"  # why the server refused the token (revoked, unknown); cleared at enrollment
CURSOR = "sync.cursor"
LAST_SUCCESS = "sync.last_success"
LAST_ATTEMPT = "sync.last_attempt"
LAST_ERROR = "sync.last_error"
ENROLLMENT_KEYS = (SERVER_URL, CA_BUNDLE, SCOPE, COMMITTEE_CODE, TOWN, SERVER_DEVICE_ID, ENROLLED_AT)


@dataclass(frozen=True)
class SyncSettings:
    server_url: str | None
    ca_bundle: str | None
    scope: str | None
    committee_code: str | None
    town: str | None
    server_device_id: str | None
    enrolled_at: dt.datetime | None
    refused: str | None
    cursor: int
    last_success: dt.datetime | None
    last_attempt: dt.datetime | None
    last_error: str | None

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.server_device_id)


def get(session: Session, key: str) -> str | None:
    row = session.get(DeskState, key)
    return row.value if row is not None else None


def put(session: Session, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one setting inside the caller's transaction."""
    row = session.get(DeskState, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(DeskState(key=key, value=value))
    else:
        row.value = value


def put_time(session: Session, key: str, when: dt.datetime) -> None:
    put(session, key, when.astimezone(dt.UTC).isoformat())


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def cursor(session: Session) -> int:
    return int(get(session, CURSOR) or 0)


def load(session: Session) -> SyncSettings:
    rows = {r.key: r.value for r in session.scalars(select(DeskState).where(DeskState.key.like(f"{PREFIX}%")))}
    return SyncSettings(
        server_url=rows.get(SERVER_URL),
        ca_bundle=rows.get(CA_BUNDLE),
        scope=rows.get(SCOPE),
        committee_code=rows.get(COMMITTEE_CODE),
        town=rows.get(TOWN),
        server_device_id=rows.get(SERVER_DEVICE_ID),
        enrolled_at=_time(rows.get(ENROLLED_AT)),
        refused=rows.get(REFUSED),
        cursor=int(rows.get(CURSOR) or 0),
        last_success=_time(rows.get(LAST_SUCCESS)),
        last_attempt=_time(rows.get(LAST_ATTEMPT)),
        last_error=rows.get(LAST_ERROR),
    )


def rows(session: Session, *keys: str) -> dict[str, DeskState]:
    """The rows of these settings (those set), read in one query, for a caller that writes some of
    them back in the same transaction: keep the answer while it lasts (the session forgets an
    unchanged row nothing refers to, and would read it again at the next `get`)."""
    return {r.key: r for r in session.scalars(select(DeskState).where(DeskState.key.in_(keys)))}
