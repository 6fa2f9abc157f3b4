"""The server's sealing keys (AES-256-GCM), kept in a file outside the database.

The key file is JSON, `{"current": "<key id>", "keys": {"<key id>": "<base64 of 32 bytes>"}}`,
readable by its owner only. Each sealed value names the key that sealed it, so rotation adds a new
current key (the old ones stay: rows and backups still need them). A sealed value is one format
byte, a random 96-bit nonce and the AES-GCM ciphertext; the row's id is its associated data, so a
sealed value copied to another row does not open.

Where the file is: `--key-file` (or MEDIATION_DESK_DISTRICT_KEY_FILE); for a SQLite database by
default `<database file>.key` beside it, made on first start. PostgreSQL needs one given: several
instances serve one database and must all hold the same keys, so none may invent its own."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import os
import re
import secrets
import stat
import threading
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.engine import make_url

from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.models import CaseFile

log = logging.getLogger(__name__)

KEY_BYTES, NONCE_BYTES, TAG_BYTES = 32, 12, 16
FORMAT_V1 = b"\x01"
KEY_FILE_SUFFIX = ".key"
_KEY_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
HOW_TO_MAKE = "mediation-desk-district key generate --key-file 文件 --database-url …"


class KeyFileError(AdminError):
    """The key file is missing, unreadable, too open or not a key file (the server will not start)."""


class SealError(Exception):
    """A sealed case file that does not open: its key is unknown here, or the row was changed."""


def _private(path: Path) -> bool:
    return os.name != "posix" or not stat.S_IMODE(path.stat().st_mode) & 0o077


def _parse(path: Path) -> tuple[str, dict[str, bytes]]:
    bad = f"服务器密钥文件 {path} 不是有效的密钥文件（须是 {HOW_TO_MAKE} 生成的 JSON）"
    try:
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise KeyFileError(f"服务器密钥文件 {path} 不存在；新装的服务器请先运行 {HOW_TO_MAKE}") from None
    except (OSError, ValueError):
        raise KeyFileError(bad) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("keys"), dict) or doc.get("current") not in doc["keys"]:
        raise KeyFileError(bad)
    keys: dict[str, bytes] = {}
    for key_id, encoded in doc["keys"].items():
        try:
            material = base64.b64decode(str(encoded), validate=True)
        except (binascii.Error, ValueError):
            raise KeyFileError(bad) from None
        if not _KEY_ID.fullmatch(key_id) or len(material) != KEY_BYTES:
            raise KeyFileError(bad)
        keys[key_id] = material
    return str(doc["current"]), keys


def read_key_file(path: Path) -> tuple[str, dict[str, bytes]]:
    """The current key id and every key of the file; refuses a file others may read."""
    if path.exists() and not path.is_file():
        raise KeyFileError(f"服务器密钥文件 {path} 不是普通文件")
    if path.exists() and not _private(path):
        raise KeyFileError(f"服务器密钥文件 {path} 可被其他用户读取：请运行 chmod 600 {path}（仅服务器账户可读）")
    return _parse(path)


def _document(current: str, keys: dict[str, bytes]) -> bytes:
    doc = {"current": current, "keys": {k: base64.b64encode(v).decode("ascii") for k, v in keys.items()}}
    return json.dumps(doc, indent=1).encode("utf-8") + b"\n"


def _sync_dir(folder: Path) -> None:
    if os.name == "posix":  # the new name survives a power cut only once its directory is synced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_private(path: Path, data: bytes, *, replace: bool) -> None:
    """Write `data` to `path`, owner-only from its first byte. `replace=False` refuses an existing
    file; `replace=True` swaps the whole file in at once (a crash leaves the old or the new one)."""
    target = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp") if replace else path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise KeyFileError(f"服务器密钥文件 {path} 已存在，不会覆盖（已加密的卷宗要靠它解密）") from None
    except OSError as exc:
        raise KeyFileError(f"无法写入服务器密钥文件 {path}：{exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if replace:
            os.replace(target, path)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written key file is ever left to be read
        raise
    _sync_dir(path.parent)


def new_key_id() -> str:
    return f"{dt.datetime.now(dt.UTC):%Y%m%d}-{secrets.token_hex(4)}"


def write_new_key_file(path: Path) -> str:
    """A key file with one fresh key; refuses to overwrite. Returns the key id."""
    key_id = new_key_id()
    _write_private(path, _document(key_id, {key_id: AESGCM.generate_key(bit_length=256)}), replace=False)
    return key_id


def add_current_key(path: Path) -> tuple[str, str]:
    """A new current key in the file, the old ones kept; returns (previous id, new id)."""
    previous, keys = read_key_file(path)
    key_id = new_key_id()
    while key_id in keys:
        key_id = new_key_id()
    keys[key_id] = AESGCM.generate_key(bit_length=256)
    _write_private(path, _document(key_id, keys), replace=True)
    return previous, key_id


class ServerKeys:
    """The server's keys: seal with the current one, open with whichever sealed the row. The file
    is read again when it changes (a rotation by the admin command reaches running servers)."""

    def __init__(self, path: Path | None, current: str, keys: dict[str, bytes]) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp = self._stat()
        self._set(current, keys)

    @classmethod
    def from_file(cls, path: Path) -> ServerKeys:
        current, keys = read_key_file(path)
        return cls(path, current, keys)

    def _set(self, current: str, keys: dict[str, bytes]) -> None:
        # One value swapped at once: a thread sealing meanwhile sees the old ring or the new one.
        self._ring = (current, {k: AESGCM(v) for k, v in keys.items()})

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path) if self.path else None
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino) if st else None

    def refresh(self) -> None:
        """Take up the file again if it changed; a bad new version is logged and the keys held kept."""
        stamp = self._stat()
        if self.path is None or stamp is None or stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            try:
                current, keys = read_key_file(self.path)
            except KeyFileError:
                log.error("key file %s changed but cannot be read; keeping the keys already loaded", self.path)
                return
            self._stamp = stamp
            self._set(current, keys)
            log.info("key file %s reloaded, current key %s", self.path, current)

    @property
    def current(self) -> str:
        return self._ring[0]

    def knows(self, key_id: str) -> bool:
        return key_id in self._ring[1]

    def key_ids(self) -> list[str]:
        return list(self._ring[1])

    def seal(self, data: bytes, aad: str) -> tuple[str, bytes]:
        """(key id, sealed bytes) of `data`, bound to the row `aad` names (the case file's id)."""
        self.refresh()
        key_id, ring = self._ring
        aead = ring[key_id]
        nonce = os.urandom(NONCE_BYTES)
        return key_id, FORMAT_V1 + nonce + aead.encrypt(nonce, data, aad.encode("utf-8"))

    def open(self, key_id: str, sealed: bytes, aad: str) -> bytes:
        if not self.knows(key_id):
            self.refresh()
        aead = self._ring[1].get(key_id)
        if aead is None:
            where = f"密钥文件 {self.path}" if self.path else "服务器的密钥"
            raise SealError(f"卷宗 {aad} 所用的密钥 {key_id} 不在{where}中（同一数据库的每个实例须用同一个密钥文件）")
        if len(sealed) < 1 + NONCE_BYTES + TAG_BYTES or sealed[:1] != FORMAT_V1:
            raise SealError(f"卷宗 {aad} 的加密内容格式不对")
        try:
            return aead.decrypt(sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :], aad.encode("utf-8"))
        except InvalidTag:
            raise SealError(f"卷宗 {aad} 无法解密：内容被改动过，或不属于这条记录") from None

    def seal_json(self, value: Any, aad: str) -> tuple[str, bytes, int]:
        """(key id, sealed bytes, size of the JSON before sealing)."""
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        key_id, sealed = self.seal(data, aad)
        return key_id, sealed, len(data)

    def open_json(self, key_id: str, sealed: bytes, aad: str) -> Any:
        return json.loads(self.open(key_id, sealed, aad))


# -- where the file is, and the checks at start --------------------------------------------------
def default_key_file(database_url: str) -> Path | None:
    """`<database file>.key` for a SQLite database; None for PostgreSQL (it must be given)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database + KEY_FILE_SUFFIX)


def key_file_for(database_url: str, key_file: Path | None) -> Path:
    path = key_file or default_key_file(database_url)
    if path is None:
        raise KeyFileError(
            "PostgreSQL 数据库须指定服务器密钥文件 --key-file（卷宗在数据库里加密保存，密钥放在数据库之外）："
            f"先运行 {HOW_TO_MAKE}，再用 serve --key-file 文件（或环境变量 MEDIATION_DESK_DISTRICT_KEY_FILE）启动；"
            "同一数据库的每个实例须用同一个密钥文件"
        )
    return path


def a_sealed_key_id(db: Database) -> str | None:
    """The key of one sealed case file, if any (cheap: one row)."""
    try:
        with db.read() as s:
            return s.scalar(select(CaseFile.key_id).where(CaseFile.sealed.is_not(None)).limit(1))
    except sa_exc.DBAPIError:  # no schema yet, or one from before sealing: nothing sealed
        return None


def server_keys(db: Database, key_file: Path | None) -> ServerKeys:
    """The keys a server starts with. A SQLite database's default file is made on first start;
    a database whose sealed files need a key the file lacks refuses to start (wrong or lost file)."""
    path = key_file_for(db.url, key_file)
    if key_file is None and not path.exists():
        if a_sealed_key_id(db) is not None:
            raise KeyFileError(f"数据库里已有加密的卷宗，但密钥文件 {path} 不见了：请从备份找回它再启动")
        try:
            log.info("server key file %s created (key %s)", path, write_new_key_file(path))
        except KeyFileError:
            if not path.exists():
                raise
            # made meanwhile by another process: use it
    keys = ServerKeys.from_file(path)
    in_use = a_sealed_key_id(db)
    if in_use is not None and not keys.knows(in_use):
        raise KeyFileError(
            f"数据库里的卷宗用密钥 {in_use} 加密，密钥文件 {path} 里没有它：同一数据库的每个实例须用同一个密钥文件"
        )
    return keys
