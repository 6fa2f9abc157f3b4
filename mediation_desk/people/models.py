"""The register of persons the desk knows, shared by every capability: parties to a dispute,
residents who earn green coins, bracelet wearers. Identity values are sealed (privacy/vault.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Person(Base):
    """A party to a dispute. `kind` is "natural" (自然人) or "legal" (法人/非法人组织)."""

    __tablename__ = "person"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(256), index=True)  # exactly as typed, any plane
    gender: Mapped[str | None] = mapped_column(String(8))
    ethnicity: Mapped[str | None] = mapped_column(String(16))  # 民族
    birth_date: Mapped[dt.date | None]
    id_type: Mapped[str | None] = mapped_column(String(24))
    # Sensitive values are stored encrypted (privacy/vault.py); *_idx are keyed hashes for
    # exact-match lookup. legacy_* hold plaintext from before encryption, until `protect`.
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_idx: Mapped[str | None] = mapped_column(String(64))
    occupation: Mapped[str | None] = mapped_column(String(64))  # 职业或职务
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_idx: Mapped[str | None] = mapped_column(String(64), index=True)
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # 单位或住址
    legacy_id_number: Mapped[str | None] = mapped_column(String(32))
    legacy_phone: Mapped[str | None] = mapped_column(String(32))
    legacy_address: Mapped[str | None] = mapped_column(String(256))
    purged_at: Mapped[dt.datetime | None]  # personal data erased (retention or consent withdrawn)
    uscc: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码 (legal persons)
    representative: Mapped[str | None] = mapped_column(String(64))  # 法定代表人/负责人
    representative_title: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # One record per identity document; NULLs (unknown numbers) may repeat.
        Index(
            "uq_person_id_doc", "id_type", "id_number_idx", unique=True, sqlite_where=text("id_number_idx IS NOT NULL")
        ),
        Index("uq_person_uscc", "uscc", unique=True, sqlite_where=text("uscc IS NOT NULL")),
    )
