"""`mediation-desk check`: is the database file sound, are its references whole, is the audit
chain unbroken? Read-only; safe to run while the desk is in use."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from mediation_desk.core.audit import ChainReport, verify_chain
from mediation_desk.desk import Desk

_MAX_MESSAGES = 20


@dataclass(frozen=True)
class IntegrityReport:
    sqlite_ok: bool
    sqlite_messages: list[str] = field(default_factory=list)
    foreign_key_problems: int = 0
    audit: ChainReport = field(default_factory=lambda: ChainReport(True, 0))

    @property
    def ok(self) -> bool:
        return self.sqlite_ok and self.foreign_key_problems == 0 and self.audit.ok


def check_database(desk: Desk) -> IntegrityReport:
    with desk.read() as session:
        messages = [str(row[0]) for row in session.execute(text(f"PRAGMA integrity_check({_MAX_MESSAGES})"))]
        sqlite_ok = messages == ["ok"]
        fk_problems = len(session.execute(text("PRAGMA foreign_key_check")).all())
        chain = verify_chain(session)
    return IntegrityReport(
        sqlite_ok=sqlite_ok,
        sqlite_messages=messages,
        foreign_key_problems=fk_problems,
        audit=chain,
    )
