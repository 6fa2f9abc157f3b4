"""Mediation's sealed records, registered with the ground (core/registry.py): mediators' phones
(`SealedRecords`) and the stored files of case attachments (`SealedFiles`). A desk from before
encryption kept both in clear until it is protected (lifecycle/protect.py)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.registry import PlainFile
from mediation_desk.mediation.models_case import Attachment
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.privacy.vault import Vault, place

log = logging.getLogger(__name__)
_TABLE = Mediator.__tablename__  # where a phone is sealed: bound to its table, column and row


class MediatorPhones:
    name = "mediators"

    @property
    def plain_columns(self) -> Mapping[str, tuple[str, ...]]:
        return {_TABLE: ("phone", "legacy_phone")}

    def legacy_left(self, session: Session) -> bool:
        return (
            session.scalars(select(Mediator.id).where(Mediator.legacy_phone.is_not(None)).limit(1)).first() is not None
        )

    def seal_legacy(self, session: Session, vault: Vault) -> int:
        mediators = session.scalars(
            select(Mediator).where(Mediator.legacy_phone.is_not(None)).order_by(Mediator.id)
        ).all()
        for m in mediators:
            phone = m.legacy_phone
            m.phone_enc = vault.seal_text(phone, place(_TABLE, "phone", m.id)) if phone else None
            m.legacy_phone = None
        session.flush()
        return len(mediators)

    def check_open(self, session: Session, vault: Vault) -> int:
        mediators = session.scalars(select(Mediator).where(Mediator.phone_enc.is_not(None))).all()
        for m in mediators:
            vault.open_text(m.phone_enc, place(_TABLE, "phone", m.id))
        return len(mediators)


class AttachmentFiles:
    name = "attachments"

    def plain_files(self, session: Session, folder: Path) -> list[PlainFile]:
        """Attachments whose stored file is still in clear (and still there)."""
        rows = session.execute(
            select(Attachment.id, Attachment.stored_name)
            .where(Attachment.encrypted.is_(False))
            .order_by(Attachment.created_at, Attachment.id)
        ).all()
        return [
            PlainFile(att_id, stored, place("attachment", "file", att_id))
            for att_id, stored in rows
            if (folder / stored).is_file()
        ]

    def switch_to_sealed(self, session: Session, record_id: str, sealed_name: str) -> bool:
        a = session.get(Attachment, record_id)
        if a is None:
            return False
        if not a.encrypted:
            a.stored_name, a.encrypted = sealed_name, True
        return True

    def sealed_names(self, session: Session, record_ids: Collection[str]) -> dict[str, str]:
        if not record_ids:
            return {}
        return dict(
            session.execute(
                select(Attachment.id, Attachment.stored_name).where(
                    Attachment.encrypted.is_(True), Attachment.id.in_(list(record_ids))
                )
            ).all()
        )

    def check_open(self, session: Session, vault: Vault, folder: Path) -> int:
        opened = 0
        for a in session.scalars(select(Attachment).where(Attachment.encrypted.is_(True))):
            path = folder / a.stored_name
            if path.is_file():
                content = vault.open_bytes(path.read_bytes(), place("attachment", "file", a.id))
                opened += 1
                if hashlib.sha256(content).hexdigest() != a.sha256:
                    log.warning("attachment %s does not match its recorded SHA-256", a.id)
        return opened


MEDIATOR_PHONES = MediatorPhones()
ATTACHMENT_FILES = AttachmentFiles()
