"""Rebuild the fonts the documents embed, and their coverage table, from Debian's archive:

    python resources/fonts/build_fonts.py [--work DIR]

Needs `apt-get download` and `dpkg-deb` (any Debian or Ubuntu machine) and fontTools
(`pip install fonttools`; only this script needs it, the desk itself does not). Writes into
mediation_desk/resources/fonts/, where the installed package finds them:

- wqy-microhei.ttc — WenQuanYi Micro Hei, as Debian ships it (Apache-2.0): the body font;
- desk-rare-han.ttf — a subset of HanaMinA (花園明朝 A, GlyphWiki Project, Hanazono Font License):
  every ideograph of the BMP the body font lacks (Ext A, the unified block, compatibility
  ideographs and their supplement, radicals and strokes);
- desk-han-sip.ttf — a subset of HanaMinB (花園明朝 B, same licence): every ideograph of Ext B–F
  it has. A TrueType font holds at most 65,535 glyphs; Ext B–F alone are 60,331 characters, hence
  a font of their own;
- desk-han-babelstone.ttf — a subset of BabelStone Han (Andrew West, Arphic Public License):
  the ideographs neither HanaMin font has (those added in Unicode 13–15 to the unified block and
  Ext A–C, and what BabelStone draws of Ext G and H). Kept apart so the Arphic licence's terms
  stay with that one file;
- coverage.json — the code points each font covers, as ranges: the desk answers "can this name be
  printed" from it without opening a font.

Each font's licence file is written beside it. Run again after a Debian font update; the
versions used are recorded in the licence files."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "mediation_desk" / "resources" / "fonts"
PACKAGES = ("fonts-wqy-microhei", "fonts-hanazono", "fonts-babelstone-han")
MAX_GLYPHS = 65_535  # a TrueType font's glyph ids are 16 bits
BMP_IDEOGRAPHS = [
    (0x2E80, 0x2FDF),  # radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x31C0, 0x31EF),  # strokes
    (0x3400, 0x4DBF),  # Ext A
    (0x4E00, 0x9FFF),  # the unified block (URO)
    (0xF900, 0xFAFF),  # compatibility ideographs
]
COMPAT_SUPPLEMENT = (0x2F800, 0x2FA1F)
SIP_IDEOGRAPHS = (0x20000, 0x3FFFF)  # Ext B–F (plane 2) and G–H (plane 3)


def fetch(work: Path) -> dict[str, tuple[Path, str]]:
    """Download the packages and unpack each into its own folder: name -> (folder, version)."""
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=work, check=True)
    out = {}
    for deb in work.glob("*.deb"):
        name, version = deb.name.split("_")[:2]
        target = work / name
        subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
        out[name] = (target, version.replace("%3a", ":"))
    return out


def cmap_of(font: TTFont) -> set[int]:
    """The code points with a real glyph: a character mapped to .notdef would print a box."""
    return {cp for cp, glyph in font.getBestCmap().items() if glyph != ".notdef"}


def in_ranges(cmap: Iterable[int], ranges: Iterable[tuple[int, int]]) -> set[int]:
    spans = list(ranges)
    return {c for c in cmap if any(lo <= c <= hi for lo, hi in spans)}


def subset_font(path: Path, codepoints: set[int], out: Path) -> None:
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "BASE", "JSTF", "DSIG", "FFTM", "prop"]
    font = TTFont(path)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)
    if font["maxp"].numGlyphs > MAX_GLYPHS:
        raise SystemExit(f"{out.name}: {font['maxp'].numGlyphs} glyphs, more than a TrueType font holds")
    font.save(out)


def rename(path: Path, family: str, ps_name: str, origin: str) -> None:
    """A derivative gets a name of its own (the originals' names stay theirs), and says in the
    file how and when it was changed (the Arphic Public License asks for that notice)."""
    font = TTFont(path)
    notice = f"Modified {dt.date.today():%Y-%m-%d} by mediation-desk resources/fonts/build_fonts.py: {origin}"
    names = {
        1: family,
        2: "Regular",
        3: f"{ps_name};{origin}",
        4: f"{family} Regular",
        6: ps_name,
        10: notice,
        16: family,
        17: "Regular",
    }
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    font.save(path)


def ranges(codepoints: Iterable[int]) -> list[list[int]]:
    """Sorted code points as [first, last] runs."""
    out: list[list[int]] = []
    for cp in sorted(codepoints):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def write_licences(pkgs: dict[str, tuple[Path, str]]) -> None:
    wqy_dir, wqy_version = pkgs["fonts-wqy-microhei"]
    apache = Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8")
    (TARGET / "wqy-microhei.LICENSE.txt").write_text(
        f"WenQuanYi Micro Hei 文泉驿微米黑, Debian package fonts-wqy-microhei {wqy_version}, unmodified.\n"
        "Used under the Apache License, Version 2.0 (full text at the end of this file).\n\n"
        + (wqy_dir / "usr/share/doc/fonts-wqy-microhei/copyright").read_text(encoding="utf-8")
        + "\n\n"
        + apache,
        encoding="utf-8",
    )
    hana_dir, hana_version = pkgs["fonts-hanazono"]
    hana_doc = (hana_dir / "usr/share/doc/fonts-hanazono/copyright").read_text(encoding="utf-8")
    for file_name, family, source in (
        ("desk-rare-han", "Desk Rare Han (DeskRareHan-Regular)", "HanaMinA (花園明朝 A)"),
        ("desk-han-sip", "Desk Han SIP (DeskHanSIP-Regular)", "HanaMinB (花園明朝 B)"),
    ):
        (TARGET / f"{file_name}.LICENSE.txt").write_text(
            f"{family} is a subset of {source} of the GlyphWiki Project, Debian package fonts-hanazono "
            f"{hana_version}, renamed by resources/fonts/build_fonts.py of mediation-desk.\n"
            "It is used and redistributed under the Hanazono Font License (below), which permits "
            "modification; the original fonts are also offered under the SIL Open Font License 1.1.\n\n" + hana_doc,
            encoding="utf-8",
        )
    babel_dir, babel_version = pkgs["fonts-babelstone-han"]
    (TARGET / "desk-han-babelstone.LICENSE.txt").write_text(
        "Desk Han BabelStone (DeskHanBabelStone-Regular) is a subset of BabelStone Han by Andrew West "
        f"(glyphs derived from Arphic Technology's fonts), Debian package fonts-babelstone-han {babel_version}.\n"
        "Modification: only CJK unified ideographs were kept (no symbol glyphs, so none of the glyphs "
        "under CC-BY-SA), hinting and layout tables were dropped and the font renamed, by "
        "resources/fonts/build_fonts.py of mediation-desk — the notice is also in the font's name "
        "table (description). The script and the font are freely available with mediation-desk.\n"
        "Used and redistributed under the ARPHIC PUBLIC LICENSE, whose text follows unaltered.\n\n"
        + (babel_dir / "usr/share/doc/fonts-babelstone-han/copyright").read_text(encoding="utf-8"),
        encoding="utf-8",
    )


def build(work: Path) -> None:
    pkgs = fetch(work)
    wqy = pkgs["fonts-wqy-microhei"][0] / "usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    hana = pkgs["fonts-hanazono"][0] / "usr/share/fonts/truetype/hanazono"
    babel = pkgs["fonts-babelstone-han"][0] / "usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"
    body = cmap_of(TTCollection(str(wqy)).fonts[0])
    a_cmap = cmap_of(TTFont(hana / "HanaMinA.ttf", lazy=True))
    b_cmap = cmap_of(TTFont(hana / "HanaMinB.ttf", lazy=True))
    s_cmap = cmap_of(TTFont(babel, lazy=True))
    rare = in_ranges(a_cmap, [*BMP_IDEOGRAPHS, COMPAT_SUPPLEMENT]) - body
    sip = in_ranges(b_cmap, [SIP_IDEOGRAPHS]) - rare
    rest = in_ranges(s_cmap, [*BMP_IDEOGRAPHS, SIP_IDEOGRAPHS]) - body - rare - sip
    TARGET.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wqy, TARGET / "wqy-microhei.ttc")
    plan = [
        ("desk-rare-han.ttf", hana / "HanaMinA.ttf", rare, "Desk Rare Han", "DeskRareHan-Regular"),
        ("desk-han-sip.ttf", hana / "HanaMinB.ttf", sip, "Desk Han SIP", "DeskHanSIP-Regular"),
        ("desk-han-babelstone.ttf", babel, rest, "Desk Han BabelStone", "DeskHanBabelStone-Regular"),
    ]
    coverage: dict[str, list[list[int]]] = {"wqy-microhei.ttc": ranges(body)}
    for file_name, source, chars, family, ps_name in plan:
        out = TARGET / file_name
        subset_font(source, chars, out)
        rename(out, family, ps_name, f"subset of {source.stem}, {len(chars)} ideographs")
        coverage[file_name] = ranges(cmap_of(TTFont(out, lazy=True)))
        print(f"{file_name}: {len(chars)} characters, {out.stat().st_size / 1e6:.1f} MB")
    (TARGET / "coverage.json").write_text(
        json.dumps({"fonts": coverage}, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    write_licences(pkgs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder for the downloads (default: a temporary one)")
    args = parser.parse_args()
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        build(args.work)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))


if __name__ == "__main__":
    main()
