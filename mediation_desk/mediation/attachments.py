"""Attachments (evidence, signed scans): copied into the data dir with their SHA-256.

The file is copied to a temporary name first and renamed only once the database row
commits, so a crash leaves neither an orphan row nor a half-written file under a real name."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.mediation.models_case import Attachment
from mediation_desk.privacy.vault import place
from mediation_desk.storage import files
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_text

KINDS = {"evidence": "证据", "signed_scan": "签字扫描件", "id_copy": "身份证明", "other": "其他"}
# The checks and the sealed storing are the ground's (storage/files.py), shared with every
# capability that keeps files; the names stay here for the callers that read them.
ALLOWED_TYPES = files.ALLOWED_TYPES
MAX_BYTES = files.MAX_BYTES


@dataclass(frozen=True)
class AttachmentView:
    id: str
    kind: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    note: str | None


def attach_file(
    desk: Desk,
    actor: Actor,
    case_key: str,
    source: str | os.PathLike[str],
    *,
    kind: str = "evidence",
    note: str | None = None,
) -> AttachmentView:
    if kind not in KINDS:
        raise ValidationError.single("kind", "attachment_kind", f"附件类别须为：{'、'.join(KINDS.values())}")
    checked = files.check_file(source)
    note = clean_text(note, "note", "说明", required=False, max_chars=500)
    vault = desk.require_vault()
    att_id = new_id()
    # The stored name says nothing about the content (no original extension); the content is
    # sealed with the data key: a copied attachments folder shows no evidence or ID scans.
    with (
        files.sealed_until_commit(
            desk.paths.attachments,
            vault,
            checked,
            stored_name=f"{att_id}.sealed",
            place=place("attachment", "file", att_id),
        ) as staged,
        desk.write(actor) as uow,
    ):
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "attachment.add", case.id)
        row = Attachment(
            id=att_id,
            case_id=case.id,
            kind=kind,
            original_name=checked.name,
            stored_name=staged.stored_name,
            media_type=checked.media_type,
            size=checked.size,
            sha256=staged.sha256,
            note=note,
            created_at=uow.now,
            created_by=actor.username,
        )
        uow.session.add(row)
        uow.audit("attachment.add", "case", case.id, attachment_id=att_id, kind=kind, size=checked.size)
        uow.outbox(
            "attachment",
            att_id,
            "append",
            {"case_id": case.id, "kind": kind, "sha256": row.sha256, "size": checked.size},
        )
    return AttachmentView(att_id, kind, row.original_name, checked.media_type, checked.size, row.sha256, note)


def attachment_view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.kind, a.original_name, a.media_type, a.size, a.sha256, a.note)


def list_attachments(desk: Desk, case_key: str, *, actor: Actor | None = None) -> list[AttachmentView]:
    """The attachments of a case (not their content); with `actor`, only if that actor may see the case."""
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        if actor is not None:
            authorize(s, actor, "case.view", case.id)
        return attachment_views(s, case.id)


def attachment_views(s: Session, case_id: str) -> list[AttachmentView]:
    """The attachments of one case, read in the caller's unit of work (access already decided)."""
    return [
        attachment_view(a)
        for a in s.scalars(select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.created_at))
    ]


def _content(desk: Desk, a: Attachment) -> bytes | None:
    """The original bytes (decrypted), or None when the stored file is missing or altered."""
    path = desk.paths.attachments / a.stored_name
    if not a.encrypted:  # stored before the desk was protected
        return path.read_bytes() if path.is_file() else None
    return files.open_sealed(path, desk.require_vault(), place("attachment", "file", a.id))


def verify_attachment(desk: Desk, attachment_id: str) -> bool:
    """True when the stored file still opens and has the SHA-256 recorded at attach time."""
    with desk.read() as s:
        a = s.get(Attachment, attachment_id)
        return a is not None and files.sha256_matches(_content(desk, a), a.sha256)


def read_attachment(desk: Desk, actor: Actor, attachment_id: str, reason: str | None = None) -> bytes:
    """The original file, for viewing or printing; opening it is audited."""
    with desk.write(actor) as uow:
        a = uow.session.get(Attachment, attachment_id)
        if a is None:
            raise NotFound("附件", attachment_id)
        authorize(uow.session, actor, "attachment.open", a.case_id)
        content = _content(desk, a)
        if content is None or hashlib.sha256(content).hexdigest() != a.sha256:
            raise DeskError("附件文件缺失或已被改动（与登记时的 SHA-256 不符）")
        uow.audit("attachment.open", "case", a.case_id, attachment_id=a.id, reason=reason)
        return content
