"""The ToUnicode map of an embedded font subset: which character each code of the subset prints,
so that text can be searched and copied from the PDF."""

from __future__ import annotations


class _Utf16Hex(dict[int, str]):
    """Code point → its UTF-16BE in hex digits, worked out the first time it is asked for."""

    def __missing__(self, cp: int) -> str:
        text = self[cp] = chr(cp).encode("utf-16-be").hex().upper()
        return text


_utf16 = _Utf16Hex()
_SUBSET_CODES = [f"<{i:02X}> <" for i in range(256)]  # a reportlab subset holds 256 characters


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map writes a code point above U+FFFF as five hex digits, which
    readers reject: a name with 𠀾 could then not be searched or copied from the PDF. The map
    must give UTF-16BE, a surrogate pair for those. (Each code and character is written once per
    process: every document embeds a map of up to 256 characters per subset.)"""
    pairs = [f"{_SUBSET_CODES[i]}{_utf16[cp]}>" for i, cp in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
