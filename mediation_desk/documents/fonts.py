"""The fonts the documents embed, and the check that every character has a glyph in one of them.

Four TrueType fonts ship in `mediation_desk/resources/fonts/` (see resources/fonts/README.md):
the body font (WenQuanYi Micro Hei) and three fallbacks that together cover every ideograph of the
URO and Ext A–F (GB 18030-2022 implementation level 3) and part of Ext G–H: Desk Rare Han (BMP,
from HanaMinA), Desk Han SIP (Ext B–F, from HanaMinB) and Desk Han BabelStone (what HanaMin
lacks). After them comes the extra font this PC names (`mediation-desk fonts --extra FILE`, or
the settings page), e.g. a system SimSun-ExtB or a font file the district hands out.

Whether a text is printable is answered from `coverage.json` (ranges built with the fonts) and
the extra font's character map — no font is loaded for it. A font is loaded into reportlab only
when a document uses one of its characters. Text is cut into runs, each printed with the first
font that covers it; a character none covers is refused before anything is drawn (GB 18030-2022:
a name is never printed with a missing-glyph box, nor with a substitute character)."""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from mediation_desk.documents.font_files import FontFileError, Ranges, covered_ranges, merge_ranges
from mediation_desk.documents.to_unicode import to_unicode_cmap
from mediation_desk.errors import FieldProblem, ValidationError
from mediation_desk.paths import location_file, resource

BODY = "DeskBody"  # WenQuanYi Micro Hei, face 0 of the collection
RARE = "DeskRareHan"
SIP = "DeskHanSIP"
BABELSTONE = "DeskHanBabelStone"
FILES = {
    BODY: ("wqy-microhei.ttc", 0),
    RARE: ("desk-rare-han.ttf", 0),
    SIP: ("desk-han-sip.ttf", 0),
    BABELSTONE: ("desk-han-babelstone.ttf", 0),
}
CHAIN = (BODY, RARE, SIP, BABELSTONE)  # the order fonts are tried in; the extra font comes last
COVERAGE_FILE = "coverage.json"
EXTRA_SETTING_FILE = "extra-font.txt"
LAYOUT_CHARS = frozenset("\n\r\t")  # turned into line breaks and spaces, never drawn
GLYPH_RULE = "glyph_missing"
EXTRA_FIELD = "extra_font"
SETTING_RECHECK_SECONDS = 5.0
# The blocks of unified ideographs, with the code points assigned in Unicode 15.1.
BLOCKS = (
    ("基本区 URO", 0x4E00, 0x9FFF),
    ("扩展A", 0x3400, 0x4DBF),
    ("扩展B", 0x20000, 0x2A6DF),
    ("扩展C", 0x2A700, 0x2B739),
    ("扩展D", 0x2B740, 0x2B81D),
    ("扩展E", 0x2B820, 0x2CEA1),
    ("扩展F", 0x2CEB0, 0x2EBE0),
    ("扩展G", 0x30000, 0x3134A),
    ("扩展H", 0x31350, 0x323AF),
    ("扩展I", 0x2EBF0, 0x2EE5D),
)

log = logging.getLogger(__name__)
_lock = threading.RLock()


class _Table:
    """Covered code points as sorted ranges: membership by bisection."""

    def __init__(self, spans: Ranges) -> None:
        self.starts = [lo for lo, _ in spans]
        self.ends = [hi for _, hi in spans]

    def has(self, cp: int) -> bool:
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]

    def count(self, first: int, last: int) -> int:
        return sum(max(0, min(hi, last) - max(lo, first) + 1) for lo, hi in zip(self.starts, self.ends, strict=True))


@dataclass(frozen=True)
class ExtraFont:
    """The font file this PC adds after the bundled ones."""

    path: Path
    name: str  # reportlab's name for it (one per file, so changing the file needs no restart)
    characters: int
    table: _Table


def font_path(file_name: str) -> str:
    """Where a bundled font file is (the one place that knows)."""
    return str(resource("fonts", file_name))


def setting_file() -> Path:
    """This PC's choice of extra font: beside the data folder's location, in the platform's
    config folder — the font file belongs to the PC, not to the data (which may move)."""
    return location_file().with_name(EXTRA_SETTING_FILE)


_bundled: dict[str, _Table] = {}
_extra_key: tuple[object, ...] | None = None
_extra: ExtraFont | None = None
_choice: dict[str, str | None] = {}  # character -> font, for the current set of fonts
# Characters known to print in the body font (or to be layout): the first of the chain whatever the
# extra font, so this never goes stale. Text made only of them — nearly all text — is one run, and
# has no character without a glyph, without asking character by character.
_body_chars: set[str] = set(LAYOUT_CHARS)
_loaded: set[str] = set()  # fonts registered with reportlab
_registered_at = 0.0


def _bundled_tables() -> dict[str, _Table]:
    if not _bundled:
        with _lock:
            if not _bundled:
                data = json.loads(Path(font_path(COVERAGE_FILE)).read_text(encoding="utf-8"))["fonts"]
                tables = {name: _Table([(lo, hi) for lo, hi in data[file]]) for name, (file, _) in FILES.items()}
                _bundled.update(tables)
    return _bundled


def extra_font_setting() -> Path | None:
    """The extra font file named on this PC (whether or not it is still there)."""
    try:
        text = setting_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def _read_extra(path: Path) -> ExtraFont:
    spans = covered_ranges(path)
    name = "DeskExtra" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
    return ExtraFont(path, name, sum(hi - lo + 1 for lo, hi in spans), _Table(spans))


def extra_font() -> ExtraFont | None:
    """The extra font in use: read (its character map only) when the setting or the file
    changes; None when none is named or the file is gone or unusable (then logged)."""
    global _extra_key, _extra
    path = extra_font_setting()
    try:
        stat = path.stat() if path is not None else None
    except OSError:
        stat = None
    key = (path, stat.st_mtime_ns, stat.st_size) if stat is not None else (path,)
    if key == _extra_key:
        return _extra
    with _lock:
        font = None
        if path is not None and stat is not None:
            try:
                font = _read_extra(path)
            except FontFileError as e:
                log.warning("the extra font %s cannot be used: %s", path, e)
        elif path is not None:
            log.warning("the extra font %s is not there", path)
        _extra, _extra_key = font, key
        _choice.clear()
    return font


def set_extra_font(path: str | os.PathLike[str] | None) -> ExtraFont | None:
    """Name this PC's extra font (None: none). The file is checked first: a TrueType font
    with a character map; a bad file is refused and the setting left as it was."""
    target = setting_file()
    if path is None or not str(path).strip():
        target.unlink(missing_ok=True)
        extra_font()
        return None
    file = Path(path).expanduser().resolve()
    if not file.is_file():
        raise ValidationError.single(EXTRA_FIELD, "font_file_missing", f"额外字体文件不存在：{file}")
    try:
        _read_extra(file)
    except FontFileError as e:
        raise ValidationError.single(EXTRA_FIELD, "font_file_unusable", f"额外字体文件不能使用：{e}") from e
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.write_text(str(file), encoding="utf-8")
    os.replace(part, target)
    return extra_font()


def _chain() -> list[tuple[str, _Table]]:
    tables = _bundled_tables()
    out = [(name, tables[name]) for name in CHAIN]
    if _extra is not None:
        out.append((_extra.name, _extra.table))
    return out


def _choose(ch: str) -> str | None:
    found = _choice.get(ch, "")
    if found != "":
        return found
    if _extra_key is None:  # the setting not read yet in this process
        extra_font()
    cp = ord(ch)
    found = next((name for name, table in _chain() if table.has(cp)), None)
    _choice[ch] = found
    if found == BODY:
        _body_chars.add(ch)
    return found


def font_for(ch: str) -> str | None:
    """The first font of the chain that has a glyph for `ch`, or None."""
    extra_font()
    return _choose(ch)


def uncovered(text: str) -> list[str]:
    """The characters of `text` that no font covers (bundled or extra), each once, in order of
    appearance. Cheap: no font is opened (see the module's note). Takes in a changed extra font
    setting (the print check of the services calls this)."""
    extra_font()
    return _uncovered(text)


def _uncovered(text: str) -> list[str]:
    if _body_chars.issuperset(text):
        return []
    missing: list[str] = []
    for ch in text:
        if ch not in LAYOUT_CHARS and ch not in missing and _choose(ch) is None:
            missing.append(ch)
    return missing


def _load(name: str) -> None:
    """Register one font with reportlab, the first time a document needs it."""
    if name in _loaded:
        return
    with _lock:
        if name in _loaded:
            return
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        if name in FILES:
            file_name, index = FILES[name]
            font = TTFont(name, font_path(file_name), subfontIndex=index)
        else:
            assert _extra is not None and _extra.name == name
            font = TTFont(name, str(_extra.path))
        pdfmetrics.registerFont(font)
        # No bold or italic faces ship: the family maps them to the regular face, so a
        # stray <b> in a paragraph cannot fail the document.
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        _loaded.add(name)


def register() -> None:
    """Load the body font and take in a changed extra font (thread-safe; the window calls the
    documents from its worker thread). The fallbacks load when a text first needs them.

    The setting is looked at again only after a few seconds: finding the config folder costs
    more than a small document's layout, and a change made in this process (the settings page)
    is taken in at once by `set_extra_font` anyway."""
    global _registered_at
    now = time.monotonic()
    if _extra_key is None or now - _registered_at > SETTING_RECHECK_SECONDS:
        extra_font()
        _registered_at = now
    _bundled_tables()
    _load(BODY)


def runs(text: str) -> list[tuple[str, str]]:
    """(font, piece) runs: consecutive characters printed with the same font."""
    if BODY not in _loaded:  # every document path lays out text through here, not all call register()
        register()
    if _body_chars.issuperset(text):
        return [(BODY, text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        name = BODY if ch in LAYOUT_CHARS else (_choose(ch) or BODY)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            if name != BODY:
                _load(name)
            out.append((name, ch))
    return out


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, rare characters in their font, line breaks kept."""
    parts = []
    for name, piece in runs(text.replace("\r\n", "\n").replace("\t", " ")):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(escaped if name == BODY else f'<font face="{name}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in runs(text))


def draw(canvas: object, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """One line of text on a canvas (headers, footers), switching fonts run by run."""
    pieces = runs(text)
    widths = [pdfmetrics.stringWidth(piece, name, size) for name, piece in pieces]
    if align == "right":
        x -= sum(widths)
    elif align == "centre":
        x -= sum(widths) / 2
    for (name, piece), width in zip(pieces, widths, strict=True):
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += width


@dataclass(frozen=True)
class BlockCoverage:
    """How many of a block's ideographs the bundled fonts print, and with the extra font."""

    block: str
    first: int
    last: int
    assigned: int
    bundled: int
    with_extra: int


def coverage() -> list[BlockCoverage]:
    """Block by block, from the coverage table (for `mediation-desk fonts` and the settings page)."""
    extra = extra_font()
    _bundled_tables()
    spans = [(lo, hi) for name in CHAIN for lo, hi in zip(_bundled[name].starts, _bundled[name].ends, strict=True)]
    bundled = _Table(merge_ranges(spans))
    if extra is not None:
        spans += zip(extra.table.starts, extra.table.ends, strict=True)
    together = _Table(merge_ranges(spans))
    return [
        BlockCoverage(block, first, last, last - first + 1, bundled.count(first, last), together.count(first, last))
        for block, first, last in BLOCKS
    ]


class GlyphCheck:
    """Collects the characters no font covers, field by field, while a document's content is
    assembled; `raise_if_any` stops the document before it is drawn."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []
        self._seen: set[tuple[str, str]] = set()

    def check(self, field: str, label: str, text: str | None) -> None:
        # The fonts as `register()` found them when the document began: no re-reading per field.
        for ch in _uncovered(text or ""):
            if (field, ch) in self._seen:
                continue
            self._seen.add((field, ch))
            self.problems.append(
                FieldProblem(
                    field,
                    GLYPH_RULE,
                    f"{label}中的「{ch}」（U+{ord(ch):04X}）在文书字体中没有字形，无法打印。"
                    "请核对是否录入有误；确为生僻字的，可在「设置」中指定含该字的额外字体文件"
                    "（mediation-desk fonts --extra 文件）",
                )
            )

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
