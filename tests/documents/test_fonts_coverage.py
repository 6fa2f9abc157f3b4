"""Every ideograph of the URO and Ext A–F is printable from the bundled fonts (GB 18030-2022
implementation level 3), the coverage table the desk answers from agrees with the fonts
themselves, and an agreement for a name from any of those blocks prints it exactly, every font
embedded and subset."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from document_helpers import SUBSET_PREFIX, all_text, case_with, fonts_of, generate
from service_helpers import Env, party

from mediation_desk.documents import font_files, fonts

LEVEL_3 = {"基本区 URO", "扩展A", "扩展B", "扩展C", "扩展D", "扩展E", "扩展F"}
SEED = random.randrange(1 << 30)  # printed on failure: the draw can be repeated


def test_every_ideograph_of_the_URO_and_ext_A_to_F_is_printable() -> None:
    blocks = {b.block: b for b in fonts.coverage()}
    for name in LEVEL_3:
        b = blocks[name]
        assert b.bundled == b.assigned, f"{name}: {b.bundled} of {b.assigned}"
        text = "".join(chr(cp) for cp in range(b.first, b.last + 1))
        assert fonts.uncovered(text) == [], name
    for cp in (*range(0x9FEB, 0xA000), *range(0x4DB6, 0x4DC0)):  # the ones the issue found missing
        assert fonts.font_for(chr(cp)) is not None, f"U+{cp:04X}"
    # Beyond level 3: what BabelStone Han draws of Ext G and H is printable too.
    assert blocks["扩展G"].bundled > 3000 and blocks["扩展H"].bundled > 2000


def test_the_coverage_table_is_what_the_fonts_hold() -> None:
    table = json.loads(Path(fonts.font_path(fonts.COVERAGE_FILE)).read_text(encoding="utf-8"))["fonts"]
    for file_name, index in fonts.FILES.values():
        from_font = font_files.covered_ranges(Path(fonts.font_path(file_name)), index)
        assert [tuple(r) for r in table[file_name]] == from_font, file_name


def test_each_fallback_font_fits_truetype_and_carries_its_licence() -> None:
    for name in (fonts.RARE, fonts.SIP, fonts.BABELSTONE):
        file_name, _ = fonts.FILES[name]
        data = Path(fonts.font_path(file_name)).read_bytes()
        entry = data.index(b"maxp")  # the table directory's entry: tag, checksum, offset, length
        maxp = int.from_bytes(data[entry + 8 : entry + 12], "big")
        glyphs = int.from_bytes(data[maxp + 4 : maxp + 6], "big")
        assert 5_000 < glyphs <= 65_535, file_name
        licence = Path(fonts.font_path(file_name.replace(".ttf", ".LICENSE.txt"))).read_text(encoding="utf-8")
        assert "License" in licence or "LICENSE" in licence
    assert "ARPHIC PUBLIC LICENSE" in Path(fonts.font_path("desk-han-babelstone.LICENSE.txt")).read_text("utf-8")


@pytest.mark.parametrize("block", sorted(LEVEL_3))
def test_an_agreement_prints_a_name_drawn_from_each_block(env: Env, block: str) -> None:
    b = next(x for x in fonts.coverage() if x.block == block)
    draw = random.Random(f"{SEED}-{block}")
    name = "王" + "".join(chr(draw.randint(b.first, b.last)) for _ in range(2))
    case_id = case_with(env, [party(name, 41), party("陈建林", 42)])
    doc = generate(env, case_id, "agreement")
    assert name in all_text(doc.pdf), f"seed {SEED}: {name!r} ({', '.join(f'U+{ord(c):04X}' for c in name)})"
    used = fonts_of(doc.pdf)
    assert used and all(f["embedded"] and f["to_unicode"] and SUBSET_PREFIX.match(f["name"]) for f in used), used


def test_a_font_is_loaded_only_when_a_document_needs_it() -> None:
    """Asking whether text is printable opens no font; the 31 MB Ext B–F font is loaded the
    first time a document holds one of its characters."""
    fonts.uncovered("𠀾𪚥王")
    fonts.register()
    assert fonts.BODY in fonts._loaded
    fonts.markup("谢𠀾")
    assert fonts.SIP in fonts._loaded


def test_bad_text_is_answered_not_raised() -> None:
    assert fonts.uncovered("") == []
    assert fonts.uncovered("\n\t\r") == []
    assert fonts.uncovered("\u0378") == ["\u0378"]  # unassigned: no glyph anywhere, named, not printed
    assert fonts.uncovered("\ud800") == ["\ud800"]  # a lone surrogate (broken input)
