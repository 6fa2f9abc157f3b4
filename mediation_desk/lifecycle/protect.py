"""Protecting a desk upgraded from the unencrypted schema (before revision 0003).

Migration 0003 cannot encrypt (it has no key): it moves the plaintext aside into the legacy_*
columns. `protect_desk`, run by a 主任 with their password, then
1. creates the data key (wrapped under the recovery key and that 主任's password) and, in the same
   unit of work, encrypts every person's ID number, phone and address and every mediator's phone
   (with the keyed hashes that keep exact lookup working) and empties the legacy columns;
2. seals the attachments stored in clear, one by one, in a crash-safe order: the sealed file is
   written first, the row then points at it, the plain file is removed last — a crash leaves
   either the old plain file referenced or the new sealed one, never a row without its file;
3. rebuilds the database file (VACUUM, with secure_delete on) so no plaintext survives in free
   pages or the write-ahead log, and removes the database copies in the backups folder that
   still hold personal data in clear (the automatic copies made before the upgrade).

An interrupted run (a crash while sealing files) is finished by running it again. Other
operators of the old desk get their wrap of the data key at their next login (accounts.authenticate).
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import or_, select

from mediation_desk.administration import accounts
from mediation_desk.core.models import Committee
from mediation_desk.core.uow import Actor
from mediation_desk.errors import DeskError, PermissionDenied, ValidationError
from mediation_desk.mediation.models_case import Attachment
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.people.models import Person
from mediation_desk.people.identity import Secrets, seal_secrets, secrets_of
from mediation_desk.privacy import keys
from mediation_desk.privacy.vault import Vault, place
from mediation_desk.validation import normalize_phone

log = logging.getLogger(__name__)

_PERSON_LEGACY = (Person.legacy_id_number, Person.legacy_phone, Person.legacy_address)
# Columns that held personal data in clear, by table: in databases before revision 0003 under
# their own names, from 0003 on as legacy_* until the desk is protected.
_PLAIN_COLUMNS = {
    "person": ("id_number", "phone", "address", "legacy_id_number", "legacy_phone", "legacy_address"),
    "mediator": ("phone", "legacy_phone"),
}


# ---- what is left to do -----------------------------------------------------------------------

def _plain_attachments(desk: Any, session: Any) -> list[Attachment]:
    """Attachments whose stored file is still in clear (and still there)."""
    rows = session.scalars(select(Attachment).where(Attachment.encrypted.is_(False))
                           .order_by(Attachment.created_at, Attachment.id)).all()
    return [a for a in rows if (desk.paths.attachments / a.stored_name).is_file()]


def _stale_plain_files(desk: Any, session: Any) -> list[Path]:
    """Plain files left beside their sealed copy by a run interrupted after the row was switched
    over (before the plain file was removed): `<id>.*` other than the stored `<id>.sealed`."""
    folder = desk.paths.attachments
    if not folder.is_dir():
        return []
    by_id: dict[str, list[str]] = {}
    for p in folder.iterdir():
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".sealed"):
            by_id.setdefault(p.name.split(".", 1)[0], []).append(p.name)
    if not by_id:
        return []
    sealed = session.execute(select(Attachment.id, Attachment.stored_name).where(
        Attachment.encrypted.is_(True), Attachment.id.in_(list(by_id)))).all()
    return [folder / name for att_id, stored in sealed for name in by_id[att_id] if name != stored]


def _legacy_rows(session: Any) -> tuple[list[Person], list[Mediator]]:
    people = session.scalars(select(Person).where(or_(*(c.is_not(None) for c in _PERSON_LEGACY)))
                             .order_by(Person.id)).all()
    mediators = session.scalars(select(Mediator).where(Mediator.legacy_phone.is_not(None))
                                .order_by(Mediator.id)).all()
    return list(people), list(mediators)


def needs_protection(desk: Any) -> bool:
    """True for a desk upgraded from the unencrypted schema that is not (fully) protected yet:
    it has a committee but no data key, or personal data in clear remains (legacy columns,
    attachments stored in clear, a plain file an interrupted run left behind)."""
    with desk.read() as s:
        if s.scalars(select(Committee.id).limit(1)).first() is None:
            return False  # not set up: first-run setup creates the key, nothing to protect
        if not keys.keys_exist(s):
            return True
        legacy = (s.scalars(select(Person.id).where(or_(*(c.is_not(None) for c in _PERSON_LEGACY))).limit(1)).first()
                  or s.scalars(select(Mediator.id).where(Mediator.legacy_phone.is_not(None)).limit(1)).first())
        return bool(legacy or _plain_attachments(desk, s) or _stale_plain_files(desk, s))


# ---- protecting -------------------------------------------------------------------------------

def protect_desk(desk: Any, username: str, password: str, *, remember_key: bool = True,
                 keep_plain_backups: bool = False) -> str | None:
    """Encrypt an upgraded desk's personal data under a new data key; returns the recovery key
    text, to be printed once (None when this run only finished an interrupted one, whose
    recovery key was shown then).

    `username`/`password` must be an active 主任's; a wrong password is refused (and counted
    towards the login lockout like any failed login) and nothing else changes. A desk already
    protected is refused with DeskError. `keep_plain_backups` keeps the database copies in the
    backups folder that still hold personal data in clear (by default they are removed once
    everything is encrypted and checked)."""
    actor = accounts.authenticate(desk, username, password)  # PermissionDenied when wrong
    if actor.role != "admin":
        raise PermissionDenied("只有主任可以对本机数据进行加密保护")
    if not needs_protection(desk):
        raise DeskError("本机数据已加密保护，无需再次执行")
    with desk.read() as s:
        fresh = not keys.keys_exist(s)

    recovery: str | None = None
    if fresh:
        vault, recovery = _encrypt_records(desk, actor, password)
        desk.unlock(vault)
    else:
        # An earlier run created the key and encrypted the records, then stopped while sealing
        # files: the 主任's login above unlocked the desk with their wrap.
        vault = desk.require_vault()
        _encrypt_leftover_records(desk, actor, vault)

    sealed = _seal_attachments(desk, actor, vault)
    _remove_stale_plain_files(desk)
    _compact(desk)
    _check_everything_opens(desk, vault)
    if remember_key:
        keys.remember_in_keyring(desk.device_id, vault)
    removed = 0 if keep_plain_backups else _remove_plain_backups(desk)
    log.info("desk protected: %d attachment(s) sealed, %d plaintext backup(s) removed", sealed, removed)
    return recovery


def _encrypt_records(desk: Any, actor: Actor, password: str) -> tuple[Vault, str]:
    """One unit of work: the key, its check value, the 主任's wrap, every legacy value encrypted."""
    try:
        with desk.write(actor) as uow:
            s = uow.session
            if keys.keys_exist(s):  # another window protected the desk a moment ago
                raise DeskError("本机数据已由另一窗口加密保护，请重新登录")
            vault, recovery = keys.create_keys(s)
            keys.store_key_check(s, vault)
            assert actor.operator_id is not None
            keys.wrap_for_operator(s, vault, actor.operator_id, password)
            people, mediators = _seal_legacy_values(s, vault)
            plain_files = len(_plain_attachments(desk, s))
            uow.audit("desk.protect", "desk", None, people=people, mediators=mediators,
                      attachments=plain_files)
    except sa_exc.IntegrityError:
        # Two old records whose ID documents are the same once normalised (no personal data here).
        raise DeskError("加密保护未完成：有两条当事人记录的证件号码相同，请先合并重复的当事人后再试") from None
    return vault, recovery


def _encrypt_leftover_records(desk: Any, actor: Actor, vault: Vault) -> None:
    """Finishing an interrupted run: whatever is still in clear, recorded like the first run."""
    with desk.write(actor) as uow:
        people, mediators = _seal_legacy_values(uow.session, vault)
        plain_files = len(_plain_attachments(desk, uow.session))
        uow.audit("desk.protect", "desk", None, people=people, mediators=mediators, attachments=plain_files,
                  resumed=True)


def _seal_legacy_values(session: Any, vault: Vault) -> tuple[int, int]:
    people, mediators = _legacy_rows(session)
    for person in people:
        secrets = Secrets(person.legacy_id_number, person.legacy_phone, person.legacy_address)
        seal_secrets(person, vault, secrets)  # also empties the legacy columns
        # The keyed hashes must match what lookups compute from a typed query: the old desk's
        # spelling is kept in the sealed value, the hash is taken over the normal form.
        person.id_number_idx = vault.index(_normal_id_number(secrets.id_number))
        person.phone_idx = vault.index(_normal_phone(secrets.phone))
    for m in mediators:
        phone = m.legacy_phone
        m.phone_enc = vault.seal_text(phone, place("mediator", "phone", m.id)) if phone else None
        m.legacy_phone = None
    session.flush()
    return len(people), len(mediators)


def _normal_id_number(value: str | None) -> str | None:
    return None if value is None else value.strip().upper()


def _normal_phone(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_phone(value)
    except ValidationError:
        return value.strip()


def _seal_attachments(desk: Any, actor: Actor, vault: Vault) -> int:
    """Seal each attachment stored in clear. Per file: sealed copy written and synced, then the
    row switched over, then the plain file removed."""
    folder = desk.paths.attachments
    with desk.read() as s:
        todo = [(a.id, a.stored_name) for a in _plain_attachments(desk, s)]
    for att_id, plain_name in todo:
        plain = folder / plain_name
        sealed_name = f"{att_id}.sealed"
        tmp = folder / f".{sealed_name}.part"
        with tmp.open("wb") as f:
            f.write(vault.seal_bytes(plain.read_bytes(), place("attachment", "file", att_id)))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, folder / sealed_name)
        _sync_dir(folder)
        with desk.write(actor) as uow:
            a = uow.session.get(Attachment, att_id)
            if a is not None and not a.encrypted:
                a.stored_name, a.encrypted = sealed_name, True
        if a is None:  # deleted meanwhile: its sealed copy must not linger either
            (folder / sealed_name).unlink(missing_ok=True)
        plain.unlink(missing_ok=True)
    return len(todo)


def _remove_stale_plain_files(desk: Any) -> None:
    with desk.read() as s:
        stale = _stale_plain_files(desk, s)
    for path in stale:
        path.unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _compact(desk: Any) -> None:
    """Rebuild the database file: the pages that held plaintext (freed by the migration's table
    copies and by emptying the legacy columns) are gone, and the write-ahead log is emptied."""
    conn = desk.db.write_engine.raw_connection()
    try:
        cur = conn.cursor()
        cur.execute("PRAGMA secure_delete=ON")
        cur.execute("VACUUM")
        busy = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cur.close()
    finally:
        conn.close()
    if busy and busy[0]:
        log.warning("write-ahead log not yet emptied: another program has the desk open")


def _check_everything_opens(desk: Any, vault: Vault) -> None:
    """Before anything irreversible (removing old backups): every sealed value opens."""
    with desk.read() as s:
        for person in s.scalars(select(Person)):
            secrets_of(person, vault)
        for m in s.scalars(select(Mediator).where(Mediator.phone_enc.is_not(None))):
            vault.open_text(m.phone_enc, place("mediator", "phone", m.id))
    with desk.read() as s:
        for a in s.scalars(select(Attachment).where(Attachment.encrypted.is_(True))):
            path = desk.paths.attachments / a.stored_name
            if path.is_file():
                content = vault.open_bytes(path.read_bytes(), place("attachment", "file", a.id))
                if hashlib.sha256(content).hexdigest() != a.sha256:
                    log.warning("attachment %s does not match its recorded SHA-256", a.id)


# ---- backups that still hold plaintext --------------------------------------------------------

def plain_backups(desk: Any) -> list[Path]:
    """Database copies in the backups folder holding personal data in clear (made before the
    desk was protected, e.g. the automatic copy taken before the schema upgrade)."""
    folder = desk.paths.backups
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob("*.sqlite3")) if p.is_file() and _holds_plaintext(p)]


def _holds_plaintext(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        for table, columns in _PLAIN_COLUMNS.items():
            present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            cols = [c for c in columns if c in present]
            if cols and conn.execute(f"SELECT 1 FROM {table} WHERE "
                                     + " OR ".join(f"{c} IS NOT NULL" for c in cols)
                                     + " LIMIT 1").fetchone():
                return True
        return False
    except sqlite3.Error:
        return False  # not a desk database we can read: leave it alone
    finally:
        conn.close()


def _remove_plain_backups(desk: Any) -> int:
    found = plain_backups(desk)
    for path in found:
        path.unlink(missing_ok=True)
        for side in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + side).unlink(missing_ok=True)
    return len(found)


__all__ = ["needs_protection", "plain_backups", "protect_desk"]
