"""Tables of the desk itself: committee, operators, desk state, audit chain, sync outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Committee(Base):
    """人民调解委员会 — the committee this desk works for."""

    __tablename__ = "committee"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(128))
    code: Mapped[str] = mapped_column(String(32), unique=True)  # district-issued committee code
    town: Mapped[str] = mapped_column(String(64))
    village: Mapped[str | None] = mapped_column(String(64))
    case_word: Mapped[str] = mapped_column(String(16))  # 字号 in case numbers, e.g. "谢调字"
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Operator(Base):
    """A person who logs in at the desk. Roles: admin 主任, mediator 调解员, clerk 记录员."""

    __tablename__ = "operator"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediator.id"))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditRecord(Base):
    """One audited action. `seq` orders the chain; each record's hash covers the previous one,
    so editing, inserting or deleting a record breaks every later hash.

    `detail` never holds personal values, only ids and the names of fields that changed."""

    __tablename__ = "audit_record"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(UUID_LEN), unique=True, default=new_id)
    at: Mapped[dt.datetime]
    hlc: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    actor_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class OutboxOp(Base):
    """A change waiting to go to the district, written in the same transaction as the change.

    `seq` is push order; `op_id` is the idempotency key the server deduplicates on."""

    __tablename__ = "outbox_op"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(UUID_LEN), unique=True, default=new_id)
    hlc: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(UUID_LEN))
    kind: Mapped[str] = mapped_column(String(16))  # create | update | transition | append
    payload: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict[str, Any] | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
