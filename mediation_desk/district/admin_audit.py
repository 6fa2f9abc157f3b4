"""The district's admin audit: who did what to the district, when and why.

Every admin command (towns, committees, enrollment codes, devices, settings, keys, backups) and
every revocation writes one row in the same transaction as its effect, so a change without its
record cannot exist. Reasons are free text typed by an administrator: kept, never logged."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.district.db import Database
from mediation_desk.district.models import AdminAudit
from mediation_desk.storage.base import utcnow

SERVER = "server"  # the actor of what the server does by itself (e.g. sealing old case files)
MAX_ACTOR, MAX_TARGET, MAX_REASON = 100, 200, 2000


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    target: str
    reason: str
    detail: dict[str, Any]


def os_user() -> str:
    """Who runs an admin command when no `--by` is given: the operating-system account."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return "unknown"


def record(
    s: Session, *, actor: str, action: str, target: str = "", reason: str = "", detail: dict[str, Any] | None = None
) -> None:
    s.add(
        AdminAudit(
            at=utcnow(),
            actor=actor.strip()[:MAX_ACTOR] or "unknown",
            action=action,
            target=target[:MAX_TARGET],
            reason=reason.strip()[:MAX_REASON],
            detail=detail or {},
        )
    )


def entries(db: Database, *, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    """The newest entries first."""
    query = select(AdminAudit).order_by(AdminAudit.at.desc(), AdminAudit.id.desc()).limit(limit)
    if action:
        query = query.where(AdminAudit.action == action)
    with db.read() as s:
        return [AuditEntry(a.at, a.actor, a.action, a.target, a.reason, dict(a.detail)) for a in s.scalars(query)]
