"""Small key/value facts of this installation (device id, seat number, last HLC, settings)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import Base


class DeskState(Base):
    """Small key/value facts of this installation: device id, seat number, last HLC."""

    __tablename__ = "desk_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
