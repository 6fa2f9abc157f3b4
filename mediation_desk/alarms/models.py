"""The bracelet tables of the desk (revision 0007).

A wearer is a person of the ground's register (name, ID number and phone sealed there). What is
sensitive beyond that — the home address, health notes, contacts' phone numbers — is sealed here
with the desk's vault (`*_enc`); a contact's phone also has a keyed hash for look-up. Alarms and
device tasks are born at the district and arrive by the alarm stream or a pull; the desk keeps
them by the district's id and moves an alarm along its life (acknowledge, dispatch, resolve).

Moments are stored in UTC. `received_at` is when this desk first saw the alarm; `late` marks one
that reached it after the stream was down or later than the threshold (rules.is_late)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Float, ForeignKey, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Wearer(Base):
    """一位佩戴平安手环的老人."""

    __tablename__ = "alarm_wearer"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    device_id: Mapped[str | None] = mapped_column(String(32))  # the bracelet's id (IMEI-like digits)
    living_alone: Mapped[bool] = mapped_column(default=False)
    exception_reason: Mapped[str | None] = mapped_column(String(200))  # why one under 80 wears one
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # 住址 (the district gets it too)
    health_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # 健康信息: only with its own consent
    consent_by: Mapped[str | None] = mapped_column(String(64))  # the guardian who consented, if not the wearer
    active: Mapped[bool] = mapped_column(default=True)
    enrolled_on: Mapped[dt.date]
    ended_on: Mapped[dt.date | None]  # the bracelet taken back (moved away, died, declined)
    ended_reason: Mapped[str | None] = mapped_column(String(200))  # kept here, never in the audit
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # One active wearer per bracelet: an alarm must route to exactly one person.
        Index(
            "uq_alarm_wearer_device",
            "device_id",
            unique=True,
            sqlite_where=text("active = 1 AND device_id IS NOT NULL"),
        ),
    )


class WearerContact(Base):
    """紧急联系人, called in `position` order (relatives first, then the village doctor, the grid worker)."""

    __tablename__ = "alarm_contact"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    wearer_id: Mapped[str] = mapped_column(ForeignKey("alarm_wearer.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))  # rules.CONTACT_KINDS
    name: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str | None] = mapped_column(String(32))  # 儿子、女儿、侄子…
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_idx: Mapped[str | None] = mapped_column(String(64))


class Alarm(Base):
    """One alarm as the district raised it, and how this village followed it."""

    __tablename__ = "alarm_event"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)  # the district's id
    wearer_id: Mapped[str | None] = mapped_column(String(UUID_LEN), index=True)
    # The name as the district holds it: this desk may not be where the wearer was enrolled.
    wearer_name: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(32))
    kinds: Mapped[list[str]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[dt.datetime] = mapped_column(index=True)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # first seen at this desk
    late: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)  # only while location consent is in force
    longitude: Mapped[float | None] = mapped_column(Float)
    has_fix: Mapped[bool] = mapped_column(default=False)
    battery: Mapped[int | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
    acknowledged_at: Mapped[dt.datetime | None]
    dispatched_to: Mapped[str | None] = mapped_column(String(64))
    dispatched_by: Mapped[str | None] = mapped_column(String(64))
    dispatched_at: Mapped[dt.datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(200))
    escalated_at: Mapped[dt.datetime | None]
    committee_code: Mapped[str | None] = mapped_column(String(32))  # a town desk sees several villages
    hlc: Mapped[str] = mapped_column(String(64))  # the district's clock of the state held

    __table_args__ = (Index("ix_alarm_event_open", "status", "raised_at"),)


class DeviceTask(Base):
    """A bracelet that needs a visit: offline (missed heartbeats), low battery, taken off."""

    __tablename__ = "alarm_task"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)  # the district's id
    wearer_id: Mapped[str | None] = mapped_column(String(UUID_LEN), index=True)
    device_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8), index=True)
    opened_at: Mapped[dt.datetime]
    reason: Mapped[str | None] = mapped_column(String(200))
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(200))
    committee_code: Mapped[str | None] = mapped_column(String(32))
    hlc: Mapped[str] = mapped_column(String(64))
