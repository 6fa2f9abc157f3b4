"""Case files sealed at rest with the server's keys (server_key.py): files received before sealing
existed are sealed when the server starts, and a key rotation re-seals every file in batches,
resumable if interrupted."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import null, or_, select, text

from mediation_desk.district import admin_audit
from mediation_desk.district.db import Database
from mediation_desk.district.models import CaseFile
from mediation_desk.district.server_key import (
    KeyFileError,
    SealError,
    ServerKeys,
    a_sealed_key_id,
    add_current_key,
    write_new_key_file,
)

log = logging.getLogger(__name__)

RESEAL_BATCH = 16  # case files re-sealed per transaction (each up to MAX_CASE_FILE_BYTES)


# -- sealing what is stored: old plain rows, and re-sealing after a rotation ----------------------
def _prepare(s: Any, db: Database) -> None:
    if db.dialect == "sqlite":  # space freed by a cleared row is zeroed, not left readable in the file
        s.execute(text("PRAGMA secure_delete=ON"))


def _truncate_wal(db: Database) -> None:
    """Fold the WAL into the database and empty it: its old frames still hold the plain rows."""
    if db.dialect != "sqlite":
        return
    raw = db.write_engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def seal_legacy(db: Database, keys: ServerKeys, batch: int = RESEAL_BATCH) -> int:
    """Seal case files stored in plain JSON before sealing existed and clear their content; each
    batch is audited (actor "server") in its own transaction. Returns how many were sealed."""
    done, after = 0, ""
    while True:
        with db.write() as s:
            _prepare(s, db)
            rows = list(
                s.scalars(
                    select(CaseFile)
                    .where(CaseFile.sealed.is_(None), CaseFile.id > after)
                    .order_by(CaseFile.id)
                    .limit(batch)
                )
            )
            if not rows:
                break
            after = rows[-1].id
            sealed_ids = []
            for row in rows:
                if row.content is None:
                    continue
                row.key_id, row.sealed, row.size_bytes = keys.seal_json(row.content, row.id)
                row.content = null()  # SQL NULL, not the JSON text "null"
                sealed_ids.append(row.id)
            if sealed_ids:
                admin_audit.record(
                    s,
                    actor=admin_audit.SERVER,
                    action="case_file.seal",
                    target=f"{len(sealed_ids)} case files",
                    reason="卷宗原以明文保存，启动时加密",
                    detail={"key_id": keys.current, "case_file_ids": sealed_ids},
                )
            done += len(sealed_ids)
    if done:
        _truncate_wal(db)
        log.info("sealed %d case files stored in plain JSON", done)
    return done


@dataclass(frozen=True)
class Rotation:
    key_id: str
    previous: str | None  # None: an unfinished rotation to this key was resumed
    resealed: int
    failed: list[str]


def _pending(db: Database, keys: ServerKeys) -> bool:
    """Whether files remain under an older key of the file (ones under a key it lacks cannot be
    re-sealed by any run, so they do not hold up the next rotation)."""
    older = [k for k in keys.key_ids() if k != keys.current]
    with db.read() as s:
        return s.scalar(select(CaseFile.id).where(CaseFile.key_id.in_(older)).limit(1)) is not None


def reseal(db: Database, keys: ServerKeys, batch: int = RESEAL_BATCH) -> tuple[int, list[str]]:
    """Re-seal every case file not under the current key, a batch per transaction (an interrupted
    run leaves each row under one key or the other). Returns (re-sealed, ids that did not open)."""
    done, failed, after = 0, [], ""
    while True:
        with db.write() as s:
            _prepare(s, db)
            stale = or_(CaseFile.key_id.is_(None), CaseFile.key_id != keys.current)
            rows = list(
                s.scalars(
                    select(CaseFile)
                    .where(CaseFile.sealed.is_not(None), stale, CaseFile.id > after)
                    .order_by(CaseFile.id)
                    .limit(batch)
                )
            )
            if not rows:
                break
            after = rows[-1].id
            for row in rows:
                assert row.sealed is not None
                try:
                    data = keys.open(row.key_id or "", row.sealed, row.id)
                except SealError:
                    failed.append(row.id)
                    continue
                row.key_id, row.sealed = keys.seal(data, row.id)
                done += 1
    _truncate_wal(db)
    return done, failed


def rotate(db: Database, path: Path, *, actor: str, reason: str, batch: int = RESEAL_BATCH) -> Rotation:
    """A new current key, then every case file re-sealed under it. A rotation left unfinished
    (files still under an older key) is resumed instead of adding yet another key."""
    keys = ServerKeys.from_file(path)
    previous: str | None = None
    with db.write() as s:
        resuming = _pending(db, keys)
        if not resuming:
            previous, _new = add_current_key(path)
            keys.refresh()
        admin_audit.record(
            s,
            actor=actor,
            action="key.rotate",
            target=keys.current,
            reason=reason,
            detail={"previous_key_id": previous, "resumed": resuming, "key_file": str(path)},
        )
    done, failed = reseal(db, keys, batch)
    log.info("re-sealed %d case files under key %s (%d did not open)", done, keys.current, len(failed))
    return Rotation(keys.current, previous, done, failed)


def generate(db: Database, path: Path, *, actor: str, reason: str) -> str:
    """A new key file for a database that has no sealed case files yet (audited); its key id."""
    in_use = a_sealed_key_id(db)
    if in_use is not None:
        raise KeyFileError(
            f"数据库里已有用密钥 {in_use} 加密的卷宗：不能换用新的密钥文件，请把原密钥文件复制到 {path}"
            "（同一数据库的每个实例须用同一个密钥文件）"
        )
    with db.write() as s:
        key_id = write_new_key_file(path)
        admin_audit.record(
            s, actor=actor, action="key.generate", target=key_id, reason=reason, detail={"key_file": str(path)}
        )
    return key_id
