"""What the data lifecycle keeps: separate consents (PIPL art. 29) and their withdrawal."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id


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
