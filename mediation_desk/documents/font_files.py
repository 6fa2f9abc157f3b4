"""What a font file covers, read straight from its `cmap` table (no font library, no glyph
parsing): the configured extra font can be a 20–40 MB file, and asking whether a name is
printable must not load it. Only TrueType outlines are accepted: reportlab embeds only those."""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

Ranges = list[tuple[int, int]]


class FontFileError(ValueError):
    """The file is not a font the documents can embed; the message says why, in Chinese."""


def _tables(data: bytes, face: int) -> dict[bytes, tuple[int, int]]:
    """tag -> (offset, length) of one face (face 0 of a collection unless told)."""
    base = 0
    if data[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", data, 8)
        if face >= count:
            raise FontFileError(f"字体集合中只有 {count} 个字体")
        (base,) = struct.unpack_from(">I", data, 12 + 4 * face)
    version = data[base : base + 4]
    if version == b"OTTO":
        raise FontFileError("这是 CFF（PostScript）轮廓的 OpenType 字体，文书只能嵌入 TrueType 轮廓字体（.ttf/.ttc）")
    if version not in (b"\x00\x01\x00\x00", b"true"):
        raise FontFileError("不是 TrueType 字体文件（.ttf/.ttc）")
    (num,) = struct.unpack_from(">H", data, base + 4)
    out = {}
    for i in range(num):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        out[tag] = (offset, length)
    return out


def _format12(data: bytes, at: int) -> Ranges:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    out: Ranges = []
    for g in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
        if glyph == 0:  # the first code of the group maps to the missing-glyph box
            start += 1
        if start <= end:
            out.append((start, end))
    return merge_ranges(out)


def _format4(data: bytes, at: int) -> Ranges:
    (seg_x2,) = struct.unpack_from(">H", data, at + 6)
    n = seg_x2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + seg_x2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg_x2)
    offsets_at = at + 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{n}H", data, offsets_at)
    covered: list[int] = []
    for i in range(n):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = offsets_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                (glyph,) = struct.unpack_from(">H", data, where)
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                covered.append(code)
    return merge_ranges((c, c) for c in covered)


def merge_ranges(spans: Iterable[tuple[int, int]]) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def covered_ranges(path: Path, face: int = 0) -> Ranges:
    """The code points `path` has glyphs for, as sorted (first, last) ranges."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FontFileError(f"无法读取字体文件：{e.strerror or e}") from e
    try:
        tables = _tables(data, face)
        if b"glyf" not in tables:
            raise FontFileError("字体没有 TrueType 轮廓（glyf 表），文书无法嵌入")
        if b"cmap" not in tables:
            raise FontFileError("字体没有字符映射表（cmap），无法判断它包含哪些字")
        cmap, _ = tables[b"cmap"]
        (count,) = struct.unpack_from(">H", data, cmap + 2)
        found: dict[tuple[int, int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
            (fmt,) = struct.unpack_from(">H", data, cmap + offset)
            found[(platform, encoding, fmt)] = cmap + offset
        # Full Unicode first (the supplementary planes are the point of an extra font).
        for key in ((3, 10, 12), (0, 4, 12), (0, 6, 12), (0, 3, 12)):
            if key in found:
                return _format12(data, found[key])
        for key in ((3, 1, 4), (0, 3, 4), (0, 1, 4), (0, 0, 4)):
            if key in found:
                return _format4(data, found[key])
    except struct.error as e:
        raise FontFileError("字体文件已损坏或不完整") from e
    raise FontFileError("字体没有 Unicode 字符映射表")
