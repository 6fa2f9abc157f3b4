"""Rebuild the fonts the documents embed, from Debian's archive:

    python resources/fonts/build_fonts.py [--work DIR]

Needs `apt-get download` and `dpkg-deb` (any Debian or Ubuntu machine) and fontTools
(`pip install fonttools`; only this script needs it, the desk itself does not). Writes into
mediation_desk/resources/fonts/, where the installed package finds them:

- wqy-microhei.ttc — WenQuanYi Micro Hei, as Debian ships it (Apache-2.0): the body font;
- desk-rare-han.ttf — the fallback for rare characters (生僻字) in names and places: a subset of
  HanaMinA and HanaMinB (花園明朝, GlyphWiki Project, Hanazono Font License), holding
  * every CJK ideograph of the BMP (Ext A, the unified block, compatibility ideographs, radicals
    and strokes) that the body font lacks, and
  * from the supplementary planes (Ext B–F): the 通用规范汉字表 characters (Unihan kTGH, the
    GB 18030-2022 level-2 set), the Unihan core set (kUnihanCore2020) and every character with a
    mainland source (kIRG_GSource) other than the historical dictionaries and corpora (康熙字典,
    汉语大字典, 古壮字, 金文) — the characters of mainland names, places and modern texts.
  The whole of Ext B alone would be ~21 MB; this selection is ~6 MB.

Each font's licence file is written beside it. Run again after a Debian font update; the
versions used are recorded in the licence files."""

from __future__ import annotations

import argparse
import bz2
import collections
import glob
import shutil
import subprocess
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "mediation_desk" / "resources" / "fonts"
PACKAGES = ("fonts-wqy-microhei", "fonts-hanazono", "unicode-data")
RARE_FAMILY = "Desk Rare Han"
RARE_PS_NAME = "DeskRareHan-Regular"
# Dictionaries and corpora of historical or special scripts: their characters are not in names.
HISTORICAL_SOURCES = {"GKX", "GHZ", "GHZR", "GZ", "GZJW", "GZFY"}
BMP_RANGES = [
    (0x2E80, 0x2FDF),
    (0x2FF0, 0x2FFF),
    (0x31C0, 0x31EF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
]


def fetch(work: Path) -> dict[str, Path]:
    """Download the packages and unpack each into its own folder."""
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=work, check=True)
    out = {}
    for deb in work.glob("*.deb"):
        name = deb.name.split("_")[0]
        target = work / name
        subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
        out[name] = target
        out[name + ".version"] = Path(deb.name.split("_")[1].replace("%3a", ":"))
    return out


def unihan(folder: Path) -> dict[int, dict[str, str]]:
    data: dict[int, dict[str, str]] = collections.defaultdict(dict)
    for f in glob.glob(str(folder / "usr/share/unicode/Unihan_*.txt.bz2")):
        for line in bz2.open(f, "rt", encoding="utf-8"):
            if line.startswith("U+"):
                cp, key, value = line.rstrip("\n").split("\t", 2)
                data[int(cp[2:], 16)][key] = value
    return data


def supplementary_selection(props: dict[int, dict[str, str]]) -> set[int]:
    chosen = set()
    for cp, v in props.items():
        if cp < 0x20000:
            continue
        source = v.get("kIRG_GSource", "").split("-")[0]
        if "kTGH" in v or "kUnihanCore2020" in v or (source and source not in HISTORICAL_SOURCES):
            chosen.add(cp)
    return chosen


def subset_font(path: Path, codepoints: set[int], out: Path) -> None:
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "BASE", "JSTF", "DSIG", "FFTM"]
    font = TTFont(path)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)
    font.save(out)


def rename(font: TTFont) -> None:
    """A derivative gets a name of its own (the originals' names stay theirs)."""
    names = {
        1: RARE_FAMILY,
        2: "Regular",
        3: f"{RARE_PS_NAME};subset of HanaMinA/HanaMinB",
        4: f"{RARE_FAMILY} Regular",
        6: RARE_PS_NAME,
        16: RARE_FAMILY,
        17: "Regular",
    }
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)


def build(work: Path) -> None:
    pkgs = fetch(work)
    wqy = pkgs["fonts-wqy-microhei"] / "usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    hana = pkgs["fonts-hanazono"] / "usr/share/fonts/truetype/hanazono"
    body = TTCollection(str(wqy)).fonts[0].getBestCmap()
    a_cmap = TTFont(hana / "HanaMinA.ttf").getBestCmap()
    b_cmap = TTFont(hana / "HanaMinB.ttf").getBestCmap()
    wanted = supplementary_selection(unihan(pkgs["unicode-data"]))
    from_a = {c for lo, hi in BMP_RANGES for c in range(lo, hi + 1) if c in a_cmap and c not in body}
    from_b = {c for c in wanted if c in b_cmap}
    from_a |= {c for c in wanted if c not in b_cmap and c in a_cmap}
    subset_font(hana / "HanaMinA.ttf", from_a, work / "a.ttf")
    subset_font(hana / "HanaMinB.ttf", from_b, work / "b.ttf")
    merged = Merger().merge([str(work / "a.ttf"), str(work / "b.ttf")])
    rename(merged)
    TARGET.mkdir(parents=True, exist_ok=True)
    merged.save(TARGET / "desk-rare-han.ttf")
    shutil.copyfile(wqy, TARGET / "wqy-microhei.ttc")
    apache = Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8")
    wqy_doc = pkgs["fonts-wqy-microhei"] / "usr/share/doc/fonts-wqy-microhei/copyright"
    (TARGET / "wqy-microhei.LICENSE.txt").write_text(
        f"WenQuanYi Micro Hei 文泉驿微米黑, Debian package fonts-wqy-microhei "
        f"{pkgs['fonts-wqy-microhei.version']}, unmodified.\n"
        "Used under the Apache License, Version 2.0 (full text at the end of this file).\n\n"
        + wqy_doc.read_text(encoding="utf-8")
        + "\n\n"
        + apache,
        encoding="utf-8",
    )
    hana_doc = pkgs["fonts-hanazono"] / "usr/share/doc/fonts-hanazono/copyright"
    (TARGET / "desk-rare-han.LICENSE.txt").write_text(
        f"{RARE_FAMILY} ({RARE_PS_NAME}) is a subset of HanaMinA and HanaMinB (花園明朝 A/B) of the "
        f"GlyphWiki Project, Debian package fonts-hanazono {pkgs['fonts-hanazono.version']}, "
        "merged into one font and renamed by resources/fonts/build_fonts.py of mediation-desk.\n"
        "It is used and redistributed under the Hanazono Font License (below), which permits "
        "modification; the original fonts are also offered under the SIL Open Font License 1.1.\n\n"
        + hana_doc.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    print(
        f"body font: {len(body)} characters; rare font: {len(from_a) + len(from_b)} characters "
        f"({len(from_a)} from HanaMinA, {len(from_b)} from HanaMinB); "
        f"{(TARGET / 'desk-rare-han.ttf').stat().st_size / 1e6:.1f} MB"
    )


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
