"""Files the desk takes in (evidence, signed scans, photos of an activity): checked, hashed and
stored sealed with the data key in the attachments folder.

Every capability that keeps a file goes through here, so the checks are the same everywhere: a
known type by extension whose first bytes match it (a renamed .exe does not pass as a .jpg), not
empty, at most 50 MB. The sealed bytes are written to a temporary name first and renamed only after
the database row has committed (`sealed_until_commit`): a crash or a refused row leaves neither a
row without its file nor a file without its row under a real name."""

from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mediation_desk.errors import DeskError, ValidationError

ALLOWED_TYPES = frozenset(
    {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/tiff",
        "image/bmp",
        "image/webp",
        "audio/mpeg",
        "audio/x-wav",
        "audio/wav",
        "audio/mp4",
        "video/mp4",
        "text/plain",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
)
# Signatures of the common types: a renamed .exe must not pass as a .jpg.
MAGIC = {
    "application/pdf": (b"%PDF",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "image/bmp": (b"BM",),
}
MAX_BYTES = 50 * 1024 * 1024
MAX_NAME_CHARS = 256


class Sealer(Protocol):
    """The data key (privacy/vault.py `Vault`), as far as files need it. Named by its methods so
    that storage, below privacy, does not import it."""

    def seal_bytes(self, data: bytes, place: str) -> bytes: ...

    def open_bytes(self, blob: bytes, place: str) -> bytes: ...


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: where it is, the name to record, its type and size."""

    path: Path
    name: str
    media_type: str
    size: int


def check_file(source: str | os.PathLike[str], *, field: str = "file", label: str = "文件") -> CheckedFile:
    """The checks every kept file passes; a ValidationError names `field` and the rule broken."""
    src = Path(source)
    if not src.is_file():
        raise ValidationError.single(field, "file_missing", f"找不到{label}：{src.name}")
    size = src.stat().st_size
    if size == 0:
        raise ValidationError.single(field, "file_empty", f"{label}是空的")
    if size > MAX_BYTES:
        raise ValidationError.single(field, "file_too_large", f"{label}超过 {MAX_BYTES // 1024 // 1024} MB 上限")
    media_type = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    if media_type not in ALLOWED_TYPES:
        raise ValidationError.single(
            field, "file_type", f"不支持的{label}类型（{src.suffix or '无扩展名'}）：请用 PDF、图片、音视频或文档"
        )
    with src.open("rb") as f:
        head = f.read(8)
    if media_type in MAGIC and not any(head.startswith(m) for m in MAGIC[media_type]):
        raise ValidationError.single(field, "file_content_mismatch", f"{label}内容与扩展名不符，可能已损坏或被改名")
    return CheckedFile(src, src.name[:MAX_NAME_CHARS], media_type, size)


@dataclass
class StagedFile:
    """A checked file sealed under a temporary name, waiting for its row to commit."""

    checked: CheckedFile
    stored_name: str
    sha256: str
    temporary: Path
    final: Path

    @property
    def size(self) -> int:
        return self.checked.size

    def keep(self) -> None:
        os.replace(self.temporary, self.final)

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)


def stage_sealed(folder: Path, vault: Sealer, checked: CheckedFile, *, stored_name: str, place: str) -> StagedFile:
    """Seal the file's bytes with the data key (bound to `place`, so a sealed file cannot be passed
    off as another record's) into `folder`/.`stored_name`.part, flushed to disk."""
    folder.mkdir(parents=True, exist_ok=True)
    content = checked.path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    temporary = folder / f".{stored_name}.part"
    with temporary.open("wb") as fout:
        fout.write(vault.seal_bytes(content, place))
        fout.flush()
        os.fsync(fout.fileno())
    return StagedFile(checked, stored_name, digest, temporary, folder / stored_name)


@contextmanager
def sealed_until_commit(
    folder: Path, vault: Sealer, checked: CheckedFile, *, stored_name: str, place: str
) -> Iterator[StagedFile]:
    """Around a unit of work that records the file: the sealed file takes its real name once the
    block ends without error (the unit of work inside it has committed), and is removed otherwise."""
    staged = stage_sealed(folder, vault, checked, stored_name=stored_name, place=place)
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise
    staged.keep()


def open_sealed(path: Path, vault: Sealer, place: str) -> bytes | None:
    """The original bytes of a sealed file, or None when it is missing or does not open (altered,
    or sealed for another record)."""
    if not path.is_file():
        return None
    try:
        return vault.open_bytes(path.read_bytes(), place)
    except DeskError:  # privacy's DecryptError: wrong key, wrong place, or tampered with
        return None


def sha256_matches(content: bytes | None, sha256: str) -> bool:
    return content is not None and hashlib.sha256(content).hexdigest() == sha256
