"""Attachments (evidence, signed scans): copied into the data dir with their SHA-256.

The file is copied to a temporary name first and renamed only once the database row
commits, so a crash leaves neither an orphan row nor a half-written file under a real name."""

from __future__ import annotations

import hashlib
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.mediation.models_case import Attachment
from mediation_desk.privacy.crypto import DecryptError
from mediation_desk.privacy.vault import place
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_text

KINDS = {"evidence": "证据", "signed_scan": "签字扫描件", "id_copy": "身份证明", "other": "其他"}
ALLOWED_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/bmp",
    "image/webp",
    "audio/mpeg",
    "audio/x-wav",
    "audio/wav",
    "audio/mp4",
    "video/mp4",
    "text/plain",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Signatures of the common types: a renamed .exe must not pass as a .jpg.
_MAGIC = {
    "application/pdf": [b"%PDF"],
    "image/jpeg": [b"\xff\xd8\xff"],
    "image/png": [b"\x89PNG"],
    "image/tiff": [b"II*\x00", b"MM\x00*"],
    "image/bmp": [b"BM"],
}
MAX_BYTES = 50 * 1024 * 1024


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
    src = Path(source)
    if kind not in KINDS:
        raise ValidationError.single("kind", "attachment_kind", f"附件类别须为：{'、'.join(KINDS.values())}")
    if not src.is_file():
        raise ValidationError.single("file", "file_missing", f"找不到文件：{src.name}")
    size = src.stat().st_size
    if size == 0:
        raise ValidationError.single("file", "file_empty", "文件是空的")
    if size > MAX_BYTES:
        raise ValidationError.single("file", "file_too_large", f"文件超过 {MAX_BYTES // 1024 // 1024} MB 上限")
    media_type = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    if media_type not in ALLOWED_TYPES:
        raise ValidationError.single(
            "file", "file_type", f"不支持的文件类型（{src.suffix or '无扩展名'}）：请用 PDF、图片、音视频或文档"
        )
    with src.open("rb") as f:
        head = f.read(8)
    if media_type in _MAGIC and not any(head.startswith(m) for m in _MAGIC[media_type]):
        raise ValidationError.single("file", "file_content_mismatch", "文件内容与扩展名不符，可能已损坏或被改名")
    note = clean_text(note, "note", "说明", required=False, max_chars=500)
    vault = desk.require_vault()
    folder = desk.paths.attachments
    folder.mkdir(parents=True, exist_ok=True)
    att_id = new_id()
    # The stored name says nothing about the content (no original extension); the content is
    # sealed with the data key: a copied attachments folder shows no evidence or ID scans.
    stored = f"{att_id}.sealed"
    tmp = folder / f".{stored}.part"
    content = src.read_bytes()
    digest = hashlib.sha256(content)
    with tmp.open("wb") as fout:
        fout.write(vault.seal_bytes(content, place("attachment", "file", att_id)))
        fout.flush()
        os.fsync(fout.fileno())
    try:
        with desk.write(actor) as uow:
            case = load_case(uow.session, case_key)
            authorize(uow.session, actor, "attachment.add", case.id)
            row = Attachment(
                id=att_id,
                case_id=case.id,
                kind=kind,
                original_name=src.name[:256],
                stored_name=stored,
                media_type=media_type,
                size=size,
                sha256=digest.hexdigest(),
                note=note,
                created_at=uow.now,
                created_by=actor.username,
            )
            uow.session.add(row)
            uow.audit("attachment.add", "case", case.id, attachment_id=att_id, kind=kind, size=size)
            uow.outbox(
                "attachment", att_id, "append", {"case_id": case.id, "kind": kind, "sha256": row.sha256, "size": size}
            )
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, folder / stored)
    return AttachmentView(att_id, kind, row.original_name, media_type, size, row.sha256, note)


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
    if not path.is_file():
        return None
    data = path.read_bytes()
    if not a.encrypted:  # stored before the desk was protected
        return data
    try:
        return desk.require_vault().open_bytes(data, place("attachment", "file", a.id))
    except DecryptError:
        return None


def verify_attachment(desk: Desk, attachment_id: str) -> bool:
    """True when the stored file still opens and has the SHA-256 recorded at attach time."""
    with desk.read() as s:
        a = s.get(Attachment, attachment_id)
        content = None if a is None else _content(desk, a)
        return content is not None and hashlib.sha256(content).hexdigest() == a.sha256


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
