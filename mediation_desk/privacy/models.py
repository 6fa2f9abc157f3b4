"""Tables of the data key: its wraps under passwords and under the recovery key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String
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
