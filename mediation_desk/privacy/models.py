"""Tables of personal-data protection: wraps of the data key, and consents."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class KeyWrap(Base):
    """The desk's data key, encrypted under one operator's password (kind "operator") or under
    the recovery key printed at setup (kind "recovery"). The data key itself is never stored."""

    __tablename__ = "key_wrap"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))
    operator_id: Mapped[str | None] = mapped_column(ForeignKey("operator.id"), unique=True)
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    kdf: Mapped[dict[str, Any]]
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Consent(Base):
    """Separate consent (PIPL art. 29) for a purpose beyond the mediation itself, and its
    withdrawal, after which the data processed for that purpose is erased."""

    __tablename__ = "consent"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    given_at: Mapped[dt.datetime]
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(64))
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
