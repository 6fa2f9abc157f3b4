"""The open desk: paths, the migrated database, this installation's identity and the session's
secrets (`core/session.py`: the data key and the device token, wiped together on lock and close).

Built once by the entry point (command line or window) and handed to every service."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.models import Committee
from mediation_desk.core.session import DeskSession
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.errors import DeskError
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import keys
from mediation_desk.privacy.roles import ActionDenied
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage import migrate
from mediation_desk.storage.engine import Database
from mediation_desk.storage.state import DeskState

DEVICE_KEY = "device_id"
SEAT_KEY = "seat"


class Desk:
    def __init__(self, paths: AppPaths, db: Database) -> None:
        self.paths = paths
        self.db = db
        self.device_id = self._ensure_device_id()
        self.node = self.device_id.replace("-", "")[:12]  # HLC node id
        self.session = DeskSession()  # the data key and the device token, in memory only

    @classmethod
    def open(cls, paths: AppPaths) -> Desk:
        paths.ensure()
        migrate.upgrade(paths.database, paths.backups)
        return cls(paths, Database(paths.database))

    def close(self) -> None:
        self.lock()
        self.db.dispose()

    # ---- the data key (privacy/keys.py) and the session ------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The data key while someone is logged in, else None."""
        return self.session.vault

    def unlock(self, vault: Vault) -> None:
        self.session.unlock(vault)

    def lock(self) -> None:
        """Forget the data key and the device token (both stay wherever else they are kept: the
        key wrapped in the database, the token in the OS keyring)."""
        self.session.wipe()

    def require_vault(self) -> Vault:
        return self.session.require_vault()

    def unlock_from_keyring(self) -> bool:
        """Unlock with the data key held in the OS keyring, if this desk put one there."""
        with self.read() as s:
            vault = keys.vault_from_keyring(self.device_id, s)
        if vault is not None:
            self.unlock(vault)
        return vault is not None

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self, actor: Actor) -> Iterator[UnitOfWork]:
        """One unit of work: commits on success, rolls everything back on any error."""
        try:
            with self.db.writer.begin() as session:
                uow = UnitOfWork(session, actor, self.node)
                yield uow
                uow.save_clock()
        except ActionDenied as denied:
            self._audit_refusal(actor, denied)
            raise

    @contextmanager
    def read(self, actor: Actor | None = None) -> Iterator[Session]:
        try:
            with self.db.reader() as session, session.begin():
                yield session
        except ActionDenied as denied:
            if actor is not None:
                self._audit_refusal(actor, denied)
            raise

    def _audit_refusal(self, actor: Actor, denied: ActionDenied) -> None:
        """A refused attempt is itself audited (the refused unit of work was rolled back)."""
        with self.db.writer.begin() as session:
            uow = UnitOfWork(session, actor, self.node)
            uow.audit(
                "access.denied",
                "case" if denied.case_id else "desk",
                denied.case_id,
                refused_action=denied.action,
                role=denied.role,
            )
            uow.save_clock()

    def _ensure_device_id(self) -> str:
        with self.db.writer.begin() as s:
            row = s.get(DeskState, DEVICE_KEY)
            if row is None:
                row = DeskState(key=DEVICE_KEY, value=str(uuid.uuid4()))
                s.add(row)
            return row.value

    @property
    def seat(self) -> int:
        with self.read() as s:
            row = s.get(DeskState, SEAT_KEY)
            return int(row.value) if row else 1

    def committee(self, session: Session) -> Committee:
        committee = session.scalars(select(Committee).order_by(Committee.created_at).limit(1)).first()
        if committee is None:
            raise DeskError("本机尚未设置调解委员会，请先运行 `mediation-desk setup`")
        return committee

    def is_set_up(self) -> bool:
        with self.read() as s:
            return s.scalars(select(Committee.id).limit(1)).first() is not None
