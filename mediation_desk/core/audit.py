"""Hash-chained audit log.

Each record's hash covers its own content and the previous record's hash, and `seq` runs
1, 2, 3 … without gaps: editing, inserting or deleting any record breaks the chain at that
point. Records are written inside the caller's unit of work (same transaction as the change),
which holds SQLite's write lock, so two processes can never fork the chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.models import AuditRecord

GENESIS = "0" * 64


def record_hash(
    *,
    seq: int,
    id: str,
    at: dt.datetime,
    hlc: str,
    actor_id: str | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: dict[str, Any],
    prev_hash: str,
) -> str:
    body = {
        "seq": seq,
        "id": id,
        "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "hlc": hlc,
        "actor_id": actor_id,
        "actor_name": actor_name,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": detail,
        "prev": prev_hash,
    }
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    at: dt.datetime,
    hlc: str,
    actor_id: str | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: dict[str, Any],
    record_id: str,
) -> AuditRecord:
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    # JSON round trip so the hash is computed over exactly what the database will return.
    detail = json.loads(json.dumps(detail, ensure_ascii=False, default=str))
    rec = AuditRecord(
        seq=seq,
        id=record_id,
        at=at,
        hlc=hlc,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
        prev_hash=prev,
    )
    rec.hash = record_hash(
        seq=seq,
        id=record_id,
        at=at,
        hlc=hlc,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
        prev_hash=prev,
    )
    session.add(rec)
    session.flush()  # take the seq now: a second append in this unit of work must see it
    return rec


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    records: int
    first_bad_seq: int | None = None
    problem: str | None = None


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    expected_seq, prev, count, last_seq = 1, GENESIS, 0, 0
    while True:
        rows = session.scalars(
            select(AuditRecord).where(AuditRecord.seq > last_seq).order_by(AuditRecord.seq).limit(batch)
        ).all()
        if not rows:
            return ChainReport(True, count)
        for r in rows:
            if r.seq != expected_seq:
                return ChainReport(False, count, expected_seq, f"审计记录缺失：第 {expected_seq} 条不存在")
            if r.prev_hash != prev:
                return ChainReport(False, count, r.seq, f"第 {r.seq} 条审计记录的前序哈希不符（链被改动）")
            want = record_hash(
                seq=r.seq,
                id=r.id,
                at=r.at,
                hlc=r.hlc,
                actor_id=r.actor_id,
                actor_name=r.actor_name,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                detail=r.detail,
                prev_hash=r.prev_hash,
            )
            if want != r.hash:
                return ChainReport(False, count, r.seq, f"第 {r.seq} 条审计记录内容与哈希不符（记录被篡改）")
            prev, expected_seq, count, last_seq = r.hash, r.seq + 1, count + 1, r.seq
        session.expunge_all()
