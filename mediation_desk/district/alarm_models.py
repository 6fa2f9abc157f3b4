"""The district's bracelet-alarm tables (平安手环, revision 0005).

An alarm and a device task are records like every synced one (the `record` table, the change
feed): desks pull them and move them by ops. The rows here are what the district itself reads
often — routing a bracelet to its wearer and committee, the escalation scan, the offline check,
the monthly figures — kept in columns and written in the same transaction as the record.

A bracelet's last position is kept only while its wearer's location consent is in force; an alarm
from a bracelet no wearer has is kept apart (`alarm_unrouted`), never dropped. Vendor platforms
post alarms with a key of which only the SHA-256 is kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.district.models import ID_LEN, Base, Json
from mediation_desk.storage.base import utcnow

DEVICE_ID_LEN = 32  # a bracelet's id as its frames carry it (10 to 15 digits as a rule)


class AlarmDevice(Base):
    """A bracelet and whom it is worn by, made from the wearer's ops (alarm_apply.py)."""

    __tablename__ = "alarm_device"

    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LEN), primary_key=True)
    wearer_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    location_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # offline is counted from here if never seen
    last_seen_at: Mapped[dt.datetime | None]
    last_battery: Mapped[int | None] = mapped_column(Integer)
    last_latitude: Mapped[float | None] = mapped_column(Float)
    last_longitude: Mapped[float | None] = mapped_column(Float)
    last_fix_at: Mapped[dt.datetime | None]

    __table_args__ = (Index("ix_alarm_device_seen", "active", "last_seen_at"),)


class AlarmEvent(Base):
    """An alarm's projection (its record holds the rest): the escalation scan and the figures."""

    __tablename__ = "alarm_event"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LEN))
    wearer_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    status: Mapped[str] = mapped_column(String(16))
    kinds: Mapped[list[str]] = mapped_column(Json)
    source: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    acknowledged_at: Mapped[dt.datetime | None]
    dispatched_at: Mapped[dt.datetime | None]
    resolved_at: Mapped[dt.datetime | None]
    escalated_at: Mapped[dt.datetime | None]

    __table_args__ = (
        # The escalation scan: alarms still new, oldest first.
        Index("ix_alarm_event_status", "status", "received_at"),
        Index("ix_alarm_event_committee", "committee_id", "raised_at"),
        Index("ix_alarm_event_town", "town_id", "raised_at"),
    )


class AlarmTask(Base):
    """A device task's projection: whether a bracelet already has an open task of a kind."""

    __tablename__ = "alarm_task"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)  # rules.task_id
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LEN))
    wearer_id: Mapped[str] = mapped_column(String(ID_LEN))
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]

    __table_args__ = (Index("ix_alarm_task_device", "device_id", "kind", "status"),)


class AlarmUnrouted(Base):
    """An alarm from a bracelet no wearer has: kept for an administrator (`alarms unrouted`).
    No position: nobody's consent covers it."""

    __tablename__ = "alarm_unrouted"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LEN))
    vendor: Mapped[str] = mapped_column(String(64))
    kinds: Mapped[list[str]] = mapped_column(Json)
    source: Mapped[str] = mapped_column(String(16))
    battery: Mapped[int | None] = mapped_column(Integer)
    raised_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class AlarmVendorKey(Base):
    """A vendor platform allowed to post alarms; only its key's SHA-256 is kept."""

    __tablename__ = "alarm_vendor_key"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(100))
