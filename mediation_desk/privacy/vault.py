"""The unlocked data key, held in memory only while an operator is logged in.

Every personal value the desk stores encrypted passes through here. The associated data
binds a ciphertext to its place (e.g. ``person.phone:<row id>``)."""

from __future__ import annotations

from mediation_desk.errors import DeskError
from mediation_desk.privacy import crypto


class Locked(DeskError):
    """The desk is locked: personal data can be neither read nor written until someone logs in."""

    def __init__(self, message: str = "工作台已锁定，请先登录（个人信息已加密保存）") -> None:
        super().__init__(message)


class Vault:
    def __init__(self, master: bytes) -> None:
        if len(master) != crypto.KEY_BYTES:
            raise ValueError("data key has the wrong length")
        self._master: bytes | None = master
        self._enc, self._idx = crypto.subkeys(master)

    @property
    def master(self) -> bytes:
        if self._master is None:
            raise Locked()
        return self._master

    def seal_text(self, value: str | None, place: str) -> bytes | None:
        if value is None:
            return None
        return crypto.seal(self._enc, value.encode("utf-8"), place.encode("utf-8"))

    def open_text(self, blob: bytes | None, place: str) -> str | None:
        if blob is None:
            return None
        return crypto.open_sealed(self._enc, blob, place.encode("utf-8")).decode("utf-8")

    def seal_bytes(self, data: bytes, place: str) -> bytes:
        return crypto.seal(self._enc, data, place.encode("utf-8"))

    def open_bytes(self, blob: bytes, place: str) -> bytes:
        return crypto.open_sealed(self._enc, blob, place.encode("utf-8"))

    def index(self, value: str | None) -> str | None:
        """Keyed hash for exact-match lookup (same value → same index, not reversible)."""
        return None if value is None else crypto.blind_index(self._idx, value)

    def wipe(self) -> None:
        # Python cannot scrub memory; dropping the references is what we can do.
        self._master = None
        self._enc = self._idx = b""


def place(table: str, column: str, row_id: str) -> str:
    return f"{table}.{column}:{row_id}"
