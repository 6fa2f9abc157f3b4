"""The bundled fonts: shipped as package data with their licences, TrueType outlines, the coverage
of rare characters, per-run font switching and the refusal of a character no font has."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from mediation_desk.documents import fonts
from mediation_desk.documents.blocks import F, Writer, chinese_number
from mediation_desk.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
FONT_DIR = ROOT / "mediation_desk" / "resources" / "fonts"


def test_fonts_ship_with_their_licences_as_package_data() -> None:
    for file_name, _ in fonts.FILES.values():
        path = Path(fonts.font_path(file_name))
        assert path.parent == FONT_DIR and path.is_file()
        # Ext B–F's 60,331 ideographs are one font of ~31 MB; the others a few MB.
        assert 1_000_000 < path.stat().st_size < 35_000_000
        licence = path.with_name(path.name.rsplit(".", 1)[0] + ".LICENSE.txt")
        assert licence.is_file() and "License" in licence.read_text(encoding="utf-8")
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["mediation_desk"]
    assert "resources/**/*" in package_data
    assert (ROOT / "resources" / "fonts" / "README.md").is_file()  # how the fonts are made


def test_fonts_are_truetype_outlines() -> None:
    fonts.register()
    for file_name, index in fonts.FILES.values():
        data = Path(fonts.font_path(file_name)).read_bytes()
        assert data[:4] in (b"ttcf", b"\x00\x01\x00\x00"), "TrueType or a collection of TrueType faces"
        assert b"glyf" in data[:4096] and b"CFF " not in data[:4096]


def test_common_and_rare_characters_find_their_font() -> None:
    for ch in "王永年陈建林谢家塘村，。、（）；：0123456789ABCxyz—…·×㎡①堃昇喆":
        assert fonts.font_for(ch) == fonts.BODY, ch
    for ch in "䶮㛃\u4db6\u9feb":  # Ext A, and the newest of Ext A and the unified block
        assert fonts.font_for(ch) in (fonts.RARE, fonts.BABELSTONE), ch
    for ch in "𠀾𡎚𠳐𠮷𪚥":  # Ext B
        assert fonts.font_for(ch) == fonts.SIP, ch
    assert fonts.font_for("\U0002ebf0") is None and fonts.font_for("\U0001f600") is None


def test_runs_switch_font_only_for_rare_characters() -> None:
    assert fonts.runs("刘䶮与王㛃𠀾签字") == [
        (fonts.BODY, "刘"),
        (fonts.RARE, "䶮"),
        (fonts.BODY, "与王"),
        (fonts.RARE, "㛃"),
        (fonts.SIP, "𠀾"),
        (fonts.BODY, "签字"),
    ]
    markup = fonts.markup("A<B>&C\n刘䶮")
    assert markup == f'A&lt;B&gt;&amp;C<br/>刘<font face="{fonts.RARE}">䶮</font>'


def test_uncovered_characters_are_listed_once_in_order() -> None:
    assert fonts.uncovered("𮯰田𮯰\U0001f600王𮯰𠮷\n") == ["𮯰", "\U0001f600"]
    assert fonts.uncovered("普通的文字\t与换行\n") == []


def test_glyph_check_names_the_field_the_character_and_its_code() -> None:
    w = Writer()
    w.text("申请人：", F("parties[0].name", "申请人姓名", "𮯰田"))
    w.text(F("parties[0].name", "申请人姓名", "𮯰田"))  # the same field again: reported once
    w.text(F("facts", "主要事实", "一只🐄走失"))
    problems = w.check.problems
    assert [(p.field, p.rule) for p in problems] == [("parties[0].name", "glyph_missing"), ("facts", "glyph_missing")]
    assert "申请人姓名" in problems[0].message and "「𮯰」" in problems[0].message
    assert "U+2EBF0" in problems[0].message and "U+1F404" in problems[1].message
    with pytest.raises(ValidationError):
        w.check.raise_if_any()


def test_supplementary_characters_extract_back_from_the_pdf() -> None:
    """The ToUnicode map gives UTF-16 surrogate pairs, so 𠀾 can be searched and copied."""
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.BODY)
    fonts.draw(canvas, 72, 700, "谢𠀾与刘䶮", 14)
    canvas.save()
    text = pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "谢𠀾与刘䶮" in "".join(text.split())


@pytest.mark.parametrize(
    "n, words",
    [(1, "一"), (3, "三"), (10, "十"), (11, "十一"), (20, "二十"), (26, "二十六"), (51, "五十一"), (99, "九十九")],
)
def test_chinese_numbers(n: int, words: str) -> None:
    assert chinese_number(n) == words


def test_registering_twice_is_harmless() -> None:
    fonts.register()
    fonts.register()
    assert fonts.font_for("王") == fonts.BODY
