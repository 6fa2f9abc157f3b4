"""Protecting a desk upgraded from the unencrypted schema (before revision 0003).

Migration 0003 cannot encrypt (it has no key): it moves the plaintext aside into the legacy_*
columns. `protect_desk`, run by a 主任 who has just logged in with their password, then
1. creates the data key (wrapped under the recovery key and that 主任's password) and, in the same
   unit of work, encrypts every value the registered sealed records left in clear (persons' ID
   numbers, phones and addresses, mediators' phones: core/registry.py `SealedRecords`, with the
   keyed hashes that keep exact lookup working) and empties the legacy columns;
2. seals the stored files left in clear (`SealedFiles`: case attachments), one by one, in a
   crash-safe order: the sealed file is written first, the record then points at it, the plain
   file is removed last — a crash leaves either the old plain file referenced or the new sealed
   one, never a record without its file;
3. rebuilds the database file (VACUUM, with secure_delete on) so no plaintext survives in free
   pages or the write-ahead log, and removes the database copies in the backups folder that
   still hold personal data in clear (the automatic copies made before the upgrade).

An interrupted run (a crash while sealing files) is finished by running it again. Other
operators of the old desk get their wrap of the data key at their next login.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.models import Committee
from mediation_desk.core.registry import REGISTRY, PlainFile, Registry
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.privacy import keys, roles
from mediation_desk.privacy.vault import Vault

log = logging.getLogger(__name__)
SEALED_SUFFIX = ".sealed"


# ---- what is left to do -----------------------------------------------------------------------


def _plain_files(desk: Desk, session: Session, registry: Registry) -> list[tuple[str, PlainFile]]:
    """(kind of files, file) of every stored file still in clear (and still there)."""
    folder = desk.paths.attachments
    return [(name, f) for name, files in registry.sealed_files.items() for f in files.plain_files(session, folder)]


def _stale_plain_files(desk: Desk, session: Session, registry: Registry) -> list[Path]:
    """Plain files left beside their sealed copy by a run interrupted after the record was switched
    over (before the plain file was removed): `<id>.*` other than the stored `<id>.sealed`."""
    folder = desk.paths.attachments
    if not folder.is_dir():
        return []
    by_id: dict[str, list[str]] = {}
    for p in folder.iterdir():
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(SEALED_SUFFIX):
            by_id.setdefault(p.name.split(".", 1)[0], []).append(p.name)
    if not by_id:
        return []
    return [
        folder / name
        for files in registry.sealed_files.values()
        for record_id, stored in files.sealed_names(session, list(by_id)).items()
        for name in by_id[record_id]
        if name != stored
    ]


def needs_protection(desk: Desk, registry: Registry = REGISTRY) -> bool:
    """True for a desk upgraded from the unencrypted schema that is not (fully) protected yet:
    it has a committee but no data key, or personal data in clear remains (legacy columns,
    files stored in clear, a plain file an interrupted run left behind)."""
    with desk.read() as s:
        if s.scalars(select(Committee.id).limit(1)).first() is None:
            return False  # not set up: first-run setup creates the key, nothing to protect
        if not keys.keys_exist(s):
            return True
        return (
            any(records.legacy_left(s) for records in registry.sealed.values())
            or bool(_plain_files(desk, s, registry))
            or bool(_stale_plain_files(desk, s, registry))
        )


# ---- protecting -------------------------------------------------------------------------------


def protect_desk(
    desk: Desk,
    actor: Actor,
    password: str,
    *,
    remember_key: bool = True,
    keep_plain_backups: bool = False,
    registry: Registry = REGISTRY,
) -> str | None:
    """Encrypt an upgraded desk's personal data under a new data key; returns the recovery key
    text, to be printed once (None when this run only finished an interrupted one, whose
    recovery key was shown then).

    `actor` is the operator who has just logged in (`administration.accounts.authenticate`: a
    wrong password is refused there and counts towards the lockout) and `password` the one they
    logged in with: the data key is wrapped under it. The role table decides who may
    (`desk.protect`); a refusal is audited and changes nothing. A desk already protected is
    refused with DeskError. `keep_plain_backups` keeps the database copies in the backups folder
    that still hold personal data in clear (by default they are removed once everything is
    encrypted and checked)."""
    with desk.read(actor) as s:
        roles.authorize(actor, "desk.protect")  # refused: audited as access.denied (Desk.read)
    if not needs_protection(desk, registry):
        raise DeskError("本机数据已加密保护，无需再次执行")
    with desk.read() as s:
        fresh = not keys.keys_exist(s)

    recovery: str | None = None
    if fresh:
        vault, recovery = _encrypt_records(desk, actor, password, registry)
        desk.unlock(vault)
    else:
        # An earlier run created the key and encrypted the records, then stopped while sealing
        # files: the operator's login unlocked the desk with their wrap.
        vault = desk.require_vault()
        _encrypt_leftover_records(desk, actor, vault, registry)

    sealed = _seal_files(desk, actor, vault, registry)
    _remove_stale_plain_files(desk, registry)
    _compact(desk)
    _check_everything_opens(desk, vault, registry)
    if remember_key:
        keys.remember_in_keyring(desk.device_id, vault)
    removed = 0 if keep_plain_backups else _remove_plain_backups(desk, registry)
    log.info("desk protected: %d file(s) sealed, %d plaintext backup(s) removed", sealed, removed)
    return recovery


def _seal_values(desk: Desk, session: Session, vault: Vault, registry: Registry) -> dict[str, int]:
    """Every value left in clear encrypted; how many records of each kind, and how many stored
    files are still to be sealed (the protect audit record's counts)."""
    counts = {name: records.seal_legacy(session, vault) for name, records in registry.sealed.items()}
    folder = desk.paths.attachments
    return counts | {name: len(files.plain_files(session, folder)) for name, files in registry.sealed_files.items()}


def _encrypt_records(desk: Desk, actor: Actor, password: str, registry: Registry) -> tuple[Vault, str]:
    """One unit of work: the key, its check value, the operator's wrap, every legacy value encrypted."""
    if not actor.operator_id:
        raise DeskError("加密保护须由已登录的主任本人执行")
    try:
        with desk.write(actor) as uow:
            s = uow.session
            if keys.keys_exist(s):  # another window protected the desk a moment ago
                raise DeskError("本机数据已由另一窗口加密保护，请重新登录")
            vault, recovery = keys.create_keys(s)
            keys.store_key_check(s, vault)
            keys.wrap_for_operator(s, vault, actor.operator_id, password)
            uow.audit("desk.protect", "desk", None, **_seal_values(desk, s, vault, registry))
    except sa_exc.IntegrityError:
        # Two old records whose ID documents are the same once normalised (no personal data here).
        raise DeskError("加密保护未完成：有两条当事人记录的证件号码相同，请先合并重复的当事人后再试") from None
    return vault, recovery


def _encrypt_leftover_records(desk: Desk, actor: Actor, vault: Vault, registry: Registry) -> None:
    """Finishing an interrupted run: whatever is still in clear, recorded like the first run."""
    with desk.write(actor) as uow:
        uow.audit("desk.protect", "desk", None, **_seal_values(desk, uow.session, vault, registry), resumed=True)


def _seal_files(desk: Desk, actor: Actor, vault: Vault, registry: Registry) -> int:
    """Seal each stored file left in clear. Per file: sealed copy written and synced, then the
    record switched over, then the plain file removed."""
    folder = desk.paths.attachments
    with desk.read() as s:
        todo = _plain_files(desk, s, registry)
    for name, f in todo:
        plain = folder / f.stored_name
        sealed_name = f"{f.record_id}{SEALED_SUFFIX}"
        tmp = folder / f".{sealed_name}.part"
        with tmp.open("wb") as out:
            out.write(vault.seal_bytes(plain.read_bytes(), f.place))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / sealed_name)
        _sync_dir(folder)
        with desk.write(actor) as uow:
            still_there = registry.sealed_files[name].switch_to_sealed(uow.session, f.record_id, sealed_name)
        if not still_there:  # deleted meanwhile: its sealed copy must not linger either
            (folder / sealed_name).unlink(missing_ok=True)
        plain.unlink(missing_ok=True)
    return len(todo)


def _remove_stale_plain_files(desk: Desk, registry: Registry) -> None:
    with desk.read() as s:
        stale = _stale_plain_files(desk, s, registry)
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


def _compact(desk: Desk) -> None:
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


def _check_everything_opens(desk: Desk, vault: Vault, registry: Registry) -> None:
    """Before anything irreversible (removing old backups): every sealed value opens."""
    with desk.read() as s:
        for records in registry.sealed.values():
            records.check_open(s, vault)
        for files in registry.sealed_files.values():
            files.check_open(s, vault, desk.paths.attachments)


# ---- backups that still hold plaintext --------------------------------------------------------


def plain_backups(desk: Desk, registry: Registry = REGISTRY) -> list[Path]:
    """Database copies in the backups folder holding personal data in clear (made before the
    desk was protected, e.g. the automatic copy taken before the schema upgrade)."""
    folder = desk.paths.backups
    if not folder.is_dir():
        return []
    columns: dict[str, tuple[str, ...]] = {}
    for records in registry.sealed.values():
        for table, names in records.plain_columns.items():
            columns[table] = columns.get(table, ()) + tuple(names)
    return [p for p in sorted(folder.glob("*.sqlite3")) if p.is_file() and _holds_plaintext(p, columns)]


def _holds_plaintext(path: Path, plain_columns: dict[str, tuple[str, ...]]) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        for table, columns in plain_columns.items():
            present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            cols = [c for c in columns if c in present]
            if (
                cols
                and conn.execute(
                    f"SELECT 1 FROM {table} WHERE " + " OR ".join(f"{c} IS NOT NULL" for c in cols) + " LIMIT 1"
                ).fetchone()
            ):
                return True
        return False
    except sqlite3.Error:
        return False  # not a desk database we can read: leave it alone
    finally:
        conn.close()


def _remove_plain_backups(desk: Desk, registry: Registry) -> int:
    found = plain_backups(desk, registry)
    for path in found:
        path.unlink(missing_ok=True)
        for side in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + side).unlink(missing_ok=True)
    return len(found)


__all__ = ["needs_protection", "plain_backups", "protect_desk"]
