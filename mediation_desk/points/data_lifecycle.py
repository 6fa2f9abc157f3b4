"""What the green coins tell the data lifecycle (lifecycle/: protect, retention, consent).

Retention: a resident's person (name, sealed phone) is kept while the resident is registered,
whatever happens to the cases that person was party to. The scheme has no retention period and
nothing in it expires: the ledger is the record of coins the village owes a resident (they keep
their value until spent, and the month-end tables that were posted name them), and a resident who
leaves is made inactive, not erased. Registering is the committee's own task under the scheme, so
no separate consent is asked, and there is none to withdraw.

Files: a declaration's evidence is stored sealed from the first version of the scheme, so
protecting a desk finds nothing in clear; the protect check opens every evidence file."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from mediation_desk.core.registry import Erased, Expired, PlainFile, Registry, RetentionPeriod
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.points.declarations import evidence_place
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage import files

log = logging.getLogger(__name__)


class ResidentRetention:
    """The retention rule of the scheme's residents (core/registry.py `RetentionRule`)."""

    name = "points_residents"
    entity = "points_resident"
    periods: tuple[RetentionPeriod, ...] = ()  # nothing expires (module docstring)

    def expired(self, session: Session, years: Mapping[str, int], today: dt.date) -> list[Expired]:
        return []

    def erase(self, uow: UnitOfWork, item: Expired, years: Mapping[str, int], today: dt.date) -> Erased | None:
        return None

    def keeps(self, session: Session, person_id: str, purging: Collection[str] = ()) -> bool:
        """A registered resident's person stays when the cases they were party to are purged."""
        return bool(session.scalar(select(exists().where(Resident.person_id == person_id))))

    def erased_files(self, session: Session) -> list[str]:
        return []

    def compact(self, uow: UnitOfWork) -> None:
        return None


class EvidenceFiles:
    """Declarations' evidence files (core/registry.py `SealedFiles`), sealed from the start."""

    name = "points_evidence"

    def plain_files(self, session: Session, folder: Path) -> list[PlainFile]:
        return []

    def switch_to_sealed(self, session: Session, record_id: str, sealed_name: str) -> bool:
        return session.get(Declaration, record_id) is not None

    def sealed_names(self, session: Session, record_ids: Collection[str]) -> dict[str, str]:
        if not record_ids:
            return {}
        rows = session.execute(
            select(Declaration.id, Declaration.evidence_stored).where(
                Declaration.id.in_(list(record_ids)), Declaration.evidence_stored.is_not(None)
            )
        ).all()
        return {declaration_id: stored for declaration_id, stored in rows if stored is not None}

    def check_open(self, session: Session, vault: Vault, folder: Path) -> int:
        """Open every evidence file still there (raises on one that does not open)."""
        opened = 0
        rows = session.execute(
            select(Declaration.id, Declaration.evidence_stored, Declaration.evidence_sha256).where(
                Declaration.evidence_stored.is_not(None)
            )
        ).all()
        for declaration_id, stored, sha256 in rows:
            path = folder / (stored or "")
            if stored and path.is_file():
                content = vault.open_bytes(path.read_bytes(), evidence_place(declaration_id))
                opened += 1
                if not files.sha256_matches(content, sha256 or ""):
                    log.warning("evidence of declaration %s does not match its recorded SHA-256", declaration_id)
        return opened


RESIDENTS = ResidentRetention()
EVIDENCE_FILES = EvidenceFiles()


def register_lifecycle(registry: Registry) -> None:
    registry.add_retention_rule(RESIDENTS)
    registry.add_sealed_files(EVIDENCE_FILES)
