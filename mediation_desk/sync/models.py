"""Tables of the desk's side of district sync (revision 0004).

The pull cursor, the server's address and this device's scope live in `desk_state` (see
`sync/state.py`); the device token lives in the OS keyring only (`sync/credentials.py`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.core.models import OutboxOp
from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow

# The pull looks up the desk's own ops on the rows it updates (their clocks, sync/apply.py).
Index("ix_outbox_op_entity", OutboxOp.entity_id, OutboxOp.state)


class SyncIssue(Base):
    """同步问题: an outbox op the district rejected, or found in conflict with its own state.

    One per op, kept after it is resolved (who chose what, and why) so nothing the desk did is
    ever dropped without a person deciding so."""

    __tablename__ = "sync_issue"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    op_id: Mapped[str] = mapped_column(String(UUID_LEN), unique=True)
    op_seq: Mapped[int]
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # the op's kind: create | update | transition | append
    status: Mapped[str] = mapped_column(String(16))  # rejected | conflict
    reason: Mapped[str | None] = mapped_column(Text)
    server_state: Mapped[dict[str, Any] | None]
    payload: Mapped[dict[str, Any]]  # what the desk sent (never personal values: see push.py)
    raised_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[str | None] = mapped_column(String(16))  # keep_server | reapply | dismiss
    note: Mapped[str | None] = mapped_column(Text)
    reapplied_op_id: Mapped[str | None] = mapped_column(String(UUID_LEN))


class DistrictRecord(Base):
    """The district's state of one entity as last pulled: the desk's mirror of the change feed.

    Rows born on this desk (`own`) are also in the desk's own tables, which the pull updates;
    the others (cases of the committee's other desks, …) are a read-only district view."""

    __tablename__ = "district_record"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    committee_code: Mapped[str] = mapped_column(String(32))
    origin_device: Mapped[str | None] = mapped_column(String(64))
    own: Mapped[bool] = mapped_column(default=False)
    hlc: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    pulled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_district_record_view", "entity", "own", "committee_code"),)


class FieldHistory(Base):
    """A value that lost a last-writer-wins merge (design §4: the losing value is kept)."""

    __tablename__ = "field_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    hlc: Mapped[str] = mapped_column(String(64))  # the losing value's clock ("" when unknown)
    lost_to_hlc: Mapped[str] = mapped_column(String(64))
    side: Mapped[str] = mapped_column(String(16))  # desk | district: whose value lost
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_field_history_entity", "entity", "entity_id"),)


class ReferenceData(Base):
    """Reference data handed down by the district (`/api/v1/reference`): dispute types, settings."""

    __tablename__ = "reference_data"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int]
    data: Mapped[Any] = mapped_column(JSON, nullable=True)
    fetched_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
