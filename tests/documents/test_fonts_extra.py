"""This PC's extra font: named with `mediation-desk fonts --extra FILE`, checked before it is
taken, used after the bundled fonts for what they lack (the print check, the documents), and a
bad file refused with the field and the reason."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from document_helpers import all_text, case_with, fonts_of, generate
from service_helpers import Env, party

from mediation_desk.cli.app import main as cli_main
from mediation_desk.core.registry import REGISTRY
from mediation_desk.documents import fonts
from mediation_desk.errors import ValidationError

EXT_I = "\U0002ebf0"  # Ext I (Unicode 15.1): no bundled font has it


def font_with_ext_i(source: Path, target: Path) -> Path:
    """A real TrueType file whose last cmap group is moved to Ext I (standing in for a font a
    district hands out): the extra font then covers characters no bundled font has."""
    data = bytearray(source.read_bytes())
    (num,) = struct.unpack_from(">H", data, 4)
    tables = {
        bytes(data[12 + 16 * i : 16 + 16 * i]): struct.unpack_from(">I", data, 20 + 16 * i)[0] for i in range(num)
    }
    cmap = tables[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        at = cmap + offset
        if (platform, encoding) == (3, 10) and struct.unpack_from(">H", data, at)[0] == 12:
            (groups,) = struct.unpack_from(">I", data, at + 12)
            last = at + 16 + 12 * (groups - 1)
            start, end, glyph = struct.unpack_from(">III", data, last)
            struct.pack_into(">III", data, last, 0x2EBF0, 0x2EBF0 + min(end - start, 20), glyph)
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The platform's config folder in the test's own folder (where the setting is written)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    yield tmp_path / "config-home"
    fonts.set_extra_font(None)


@pytest.fixture
def ext_i_font(tmp_path: Path) -> Path:
    return font_with_ext_i(Path(fonts.font_path("desk-han-babelstone.ttf")), tmp_path / "区里字体.ttf")


def test_the_extra_font_prints_what_the_bundled_fonts_lack(config_home: Path, ext_i_font: Path, env: Env) -> None:
    assert REGISTRY.unprintable(f"王{EXT_I}") == [EXT_I]
    extra = fonts.set_extra_font(ext_i_font)
    assert extra is not None and extra.characters > 1000
    assert fonts.extra_font_setting() == ext_i_font.resolve()
    assert REGISTRY.unprintable(f"王{EXT_I}") == []  # the services' print check (signing) sees it
    assert fonts.font_for("𠀾") == fonts.SIP  # bundled fonts keep their place
    ext_i = next(b for b in fonts.coverage() if b.block == "扩展I")
    assert ext_i.bundled == 0 and ext_i.with_extra > 0

    name = f"王{EXT_I}"
    case_id = case_with(env, [party(name, 51), party("陈建林", 52)])
    doc = generate(env, case_id, "agreement")
    assert name in all_text(doc.pdf)
    assert any(f["embedded"] for f in fonts_of(doc.pdf) if "BabelStone" in f["name"])  # the extra file

    fonts.set_extra_font(None)
    assert fonts.extra_font_setting() is None and REGISTRY.unprintable(name) == [EXT_I]


def test_a_bad_font_file_is_refused_and_the_setting_kept(config_home: Path, ext_i_font: Path, tmp_path: Path) -> None:
    fonts.set_extra_font(ext_i_font)
    not_font = tmp_path / "说明.ttf"
    not_font.write_text("这不是字体", encoding="utf-8")
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(60))
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(ext_i_font.read_bytes()[:200])
    for path, rule, words in (
        (tmp_path / "没有.ttf", "font_file_missing", "不存在"),
        (not_font, "font_file_unusable", "不是 TrueType"),
        (cff, "font_file_unusable", "CFF"),
        (cut, "font_file_unusable", "损坏"),
    ):
        with pytest.raises(ValidationError) as refused:
            fonts.set_extra_font(path)
        problem = refused.value.problems[0]
        assert (problem.field, problem.rule) == ("extra_font", rule) and words in problem.message, path
    assert fonts.extra_font_setting() == ext_i_font.resolve()


def test_a_vanished_extra_font_is_not_used(config_home: Path, ext_i_font: Path) -> None:
    fonts.set_extra_font(ext_i_font)
    assert fonts.uncovered(EXT_I) == []
    ext_i_font.unlink()
    assert fonts.uncovered(EXT_I) == [EXT_I]  # refused, never printed as a box


def test_the_fonts_command(config_home: Path, ext_i_font: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["fonts"]) == 0
    shown = capsys.readouterr().out
    assert "扩展B" in shown and "42720" in shown and "额外字体：未设置" in shown
    assert cli_main(["fonts", "--extra", str(ext_i_font)]) == 0
    assert str(ext_i_font.resolve()) in capsys.readouterr().out
    assert cli_main(["fonts", "--check", f"王{EXT_I}\U0001f600"]) == 1
    assert "U+1F600" in capsys.readouterr().out
    assert cli_main(["fonts", "--json", "--check", "王𠀾"]) == 0
    assert '"unprintable": []' in capsys.readouterr().out
    assert cli_main(["fonts", "--clear-extra"]) == 0
    assert fonts.extra_font_setting() is None
    assert cli_main(["fonts", "--extra", str(config_home / "没有.ttf")]) == 2
    assert "extra_font" in capsys.readouterr().err


def test_the_cmap_reader_reads_a_collection_and_rejects_a_missing_face() -> None:
    from mediation_desk.documents.font_files import FontFileError, covered_ranges

    body = Path(fonts.font_path("wqy-microhei.ttc"))
    assert sum(hi - lo + 1 for lo, hi in covered_ranges(body, 0)) > 30_000
    with pytest.raises(FontFileError):
        covered_ranges(body, 9)
