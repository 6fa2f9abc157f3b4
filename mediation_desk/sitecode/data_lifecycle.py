"""What the site codes tell the data lifecycle (lifecycle/: protect, retention, consent).

Retention: a place's responsible person (name, sealed phone) is kept while the place is on the
village's list, whatever happens to the cases that person was party to: the committee needs them
to reach the place about its inspections and hazards. Places, inspections and hazards have no
retention period and nothing in them expires: they are the record the codes and the district's
escalations were judged on, and a place that closes is made inactive, not erased. Keeping the
list is the committee's own task, so no separate consent is asked, and there is none to withdraw.

Files: the photos of an inspection, of a hazard found and of its rectification are stored sealed
from the first version of the site codes, so protecting a desk finds nothing in clear; the protect
check opens every one of them (a hazard's two photos are bound to their use, so each kind is
registered on its own)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from mediation_desk.core.registry import Erased, Expired, PlainFile, Registry, RetentionPeriod
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.privacy.vault import Vault
from mediation_desk.sitecode.hazards import photo_place
from mediation_desk.sitecode.models import Hazard, Inspection, Place
from mediation_desk.storage import files

log = logging.getLogger(__name__)


class ResponsibleRetention:
    """The retention rule of the places' responsible persons (core/registry.py `RetentionRule`)."""

    name = "sitecode_places"
    entity = "sitecode_place"
    periods: tuple[RetentionPeriod, ...] = ()  # nothing expires (module docstring)

    def expired(self, session: Session, years: Mapping[str, int], today: dt.date) -> list[Expired]:
        return []

    def erase(self, uow: UnitOfWork, item: Expired, years: Mapping[str, int], today: dt.date) -> Erased | None:
        return None

    def keeps(self, session: Session, person_id: str, purging: Collection[str] = ()) -> bool:
        """A place's responsible person stays when the cases they were party to are purged (an
        inactive place's too: its history still names who answered for it)."""
        return bool(session.scalar(select(exists().where(Place.person_id == person_id))))

    def erased_files(self, session: Session) -> list[str]:
        return []

    def compact(self, uow: UnitOfWork) -> None:
        return None


class PhotoFiles:
    """One kind of the site codes' photos (core/registry.py `SealedFiles`), sealed from the start."""

    def __init__(
        self,
        name: str,
        which: str,
        model: type[Inspection] | type[Hazard],
        stored: InstrumentedAttribute[str | None],
        sha256: InstrumentedAttribute[str | None],
    ) -> None:
        self.name = name
        self.which = which  # inspection | hazard | rectification (what the photo is bound to)
        self._model = model
        self._stored = stored
        self._sha256 = sha256

    def plain_files(self, session: Session, folder: Path) -> list[PlainFile]:
        return []

    def switch_to_sealed(self, session: Session, record_id: str, sealed_name: str) -> bool:
        return session.get(self._model, record_id) is not None

    def sealed_names(self, session: Session, record_ids: Collection[str]) -> dict[str, str]:
        if not record_ids:
            return {}
        rows = session.execute(
            select(self._model.id, self._stored).where(self._model.id.in_(list(record_ids)), self._stored.is_not(None))
        ).all()
        return {record_id: stored for record_id, stored in rows if stored is not None}

    def check_open(self, session: Session, vault: Vault, folder: Path) -> int:
        """Open every photo of this kind still there (raises on one that does not open)."""
        opened = 0
        rows = session.execute(
            select(self._model.id, self._stored, self._sha256).where(self._stored.is_not(None))
        ).all()
        for record_id, stored, sha256 in rows:
            path = folder / (stored or "")
            if stored and path.is_file():
                content = vault.open_bytes(path.read_bytes(), photo_place(self.which, record_id))
                opened += 1
                if not files.sha256_matches(content, sha256 or ""):
                    log.warning("%s photo of %s does not match its recorded SHA-256", self.which, record_id)
        return opened


RESPONSIBLE = ResponsibleRetention()
INSPECTION_PHOTOS = PhotoFiles(
    "sitecode_inspection_photos", "inspection", Inspection, Inspection.evidence_stored, Inspection.evidence_sha256
)
HAZARD_PHOTOS = PhotoFiles("sitecode_hazard_photos", "hazard", Hazard, Hazard.evidence_stored, Hazard.evidence_sha256)
RECTIFICATION_PHOTOS = PhotoFiles(
    "sitecode_rectification_photos",
    "rectification",
    Hazard,
    Hazard.rectification_stored,
    Hazard.rectification_sha256,
)
PHOTO_FILES = (INSPECTION_PHOTOS, HAZARD_PHOTOS, RECTIFICATION_PHOTOS)


def register_lifecycle(registry: Registry) -> None:
    registry.add_retention_rule(RESPONSIBLE)
    for photos in PHOTO_FILES:
        registry.add_sealed_files(photos)
