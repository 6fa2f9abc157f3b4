"""Reading a list of places as a district or town hands it out: a CSV file (UTF-8 with or without
a byte-order mark, or GB18030 as Excel on a Chinese Windows saves it) or an Excel workbook (.xlsx,
its first sheet), with a header row naming the columns in Chinese.

Such lists are made by hand, so the header is found rather than assumed: it may sit below a title,
span two rows ("基本信息" merged over the names below it), or have a heading merged over two rows.
The header's last row is the lowest of the top rows that holds a known heading; each column takes
the lowest known heading above it. Cells merged down a column (a grid written once for the rows
it covers) give every row of the merge their value. Pure reading: nothing here checks a value."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from mediation_desk.errors import ValidationError
from mediation_desk.sitecode.dto import ImportRowProblem

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024
HEADER_SCAN = 10  # the header is looked for in the first rows only
ROW = "_row"  # the key of a row's number (as the spreadsheet shows it) in what `read_rows` returns

# field → (the heading a template writes, the other headings lists are seen with)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("场所名称", ("名称", "场所", "单位名称", "企业名称", "店铺名称", "店名")),
    "category": ("类别", ("场所类别", "类型", "场所类型", "行业类别")),
    "address": ("地址", ("场所地址", "详细地址", "经营地址", "住址")),
    "grid": ("网格", ("所属网格", "网格名称", "网格编号")),
    "responsible_name": ("负责人", ("负责人姓名", "联系人", "法定代表人", "经营者")),
    "responsible_phone": ("联系电话", ("电话", "手机", "手机号", "手机号码", "负责人电话", "联系方式")),
    "credit_code": ("统一社会信用代码", ("信用代码", "社会信用代码", "统一信用代码")),
}
REQUIRED = ("name", "category", "address", "grid")
_BY_HEADING = {heading: f for f, (main, others) in COLUMNS.items() for heading in (main, *others)}
_NOTE = re.compile(r"[（(][^）)]*[）)]")  # "统一社会信用代码（个体户可不填）"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')

Grid = list[list[str]]


def heading_field(text: str) -> str | None:
    """The field a heading names ("* 场所名称 " and "网格（必填）" too), or None."""
    key = _NOTE.sub("", "".join(text.split())).strip("*＊:：")
    return _BY_HEADING.get(key)


def read_rows(
    path: str | Path,
) -> tuple[list[dict[str, str]], list[ImportRowProblem], dict[str, str]]:
    """The data rows (field → text, plus `ROW`), the file's own problems (a missing or doubled
    column: no row can be imported then), and each found field's heading as the file writes it.
    A file that cannot be read at all raises ValidationError (field "path")."""
    src = Path(path)
    if not src.is_file():
        raise ValidationError.single("path", "file_missing", f"找不到场所清单文件：{src.name}")
    size = src.stat().st_size
    if size == 0:
        raise ValidationError.single("path", "file_empty", "场所清单文件是空的")
    if size > MAX_BYTES:
        raise ValidationError.single("path", "file_too_large", f"场所清单文件超过 {MAX_BYTES // 1024 // 1024} MB 上限")
    with src.open("rb") as f:
        head = f.read(4)
    suffix = src.suffix.lower()
    if suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError.single(
            "path", "file_type", "不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入"
        )
    if head.startswith(b"PK") or suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_lines(src)
    elif suffix in (".csv", ".txt", ""):
        lines = _csv_lines(src)
    else:
        raise ValidationError.single(
            "path", "file_type", f"不支持的文件类型（{src.suffix}）：请用 Excel（.xlsx）或 CSV 文件"
        )
    return _rows(lines)


# ---- the two formats -------------------------------------------------------------------------


def _csv_lines(src: Path) -> Iterator[list[str]]:
    raw = src.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValidationError.single(
                "path", "file_encoding", "无法识别 CSV 文件的编码：请保存为 UTF-8 或 GB18030（Excel 默认）"
            ) from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as e:
        raise ValidationError.single("path", "file_format", f"CSV 文件格式有误：{e}") from None


def _xlsx_lines(src: Path) -> Iterator[list[str]]:
    try:
        book = load_workbook(src, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ValidationError.single(
            "path", "file_format", f"无法读取 Excel 文件（{type(e).__name__}）：文件可能已损坏，或不是 .xlsx"
        ) from None
    try:
        sheet = book.worksheets[0]
        down = _merged_down(src, getattr(sheet, "_worksheet_path", None))
        carried: dict[tuple[int, int], str] = {}
        for r, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            line = [_cell_text(v) for v in values]
            for c in range(len(line)):
                held = carried.get((r, c))
                if held is not None and not line[c]:
                    line[c] = held
            for c, rows in down.get(r, {}).items():
                if c < len(line) and line[c]:
                    carried.update({(below, c): line[c] for below in rows})
            yield line
    finally:
        book.close()


def _merged_down(src: Path, member: str | None) -> dict[int, dict[int, range]]:
    """Merges reaching down a column: top row → column (0-based) → the rows below it in the merge.
    The read-only reader does not keep merges, so they are found in the sheet's XML (streamed: they
    come after the cells). Only the first column of a merge is filled: a heading merged across
    columns names one column, the others stay empty."""
    if member is None:
        return {}
    out: dict[int, dict[int, range]] = {}
    tail = b""
    with zipfile.ZipFile(src) as z, z.open(member.lstrip("/")) as xml:
        while chunk := xml.read(1 << 20):
            block = tail + chunk
            for ref in _MERGE.findall(block):
                min_col, min_row, _max_col, max_row = range_boundaries(ref.decode())
                if min_col is not None and min_row is not None and max_row is not None and max_row > min_row:
                    out.setdefault(min_row, {})[min_col - 1] = range(min_row + 1, max_row + 1)
            tail = block[-64:]  # a tag cut between two chunks is seen whole in the next block
    return out


def _cell_text(value: object) -> str:
    """A cell as text: a phone typed as a number stays whole ("13905750001", not "1.39e10")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


# ---- the header and the rows -----------------------------------------------------------------


def _rows(lines: Iterable[list[str]]) -> tuple[list[dict[str, str]], list[ImportRowProblem], dict[str, str]]:
    it = iter(lines)
    top: Grid = []
    for line in it:
        top.append([c.strip() for c in line])
        if len(top) >= HEADER_SCAN:
            break
    known = [r for r, line in enumerate(top) if any(heading_field(c) for c in line if c)]
    named = [r for r in known if any(heading_field(c) == "name" for c in line_of(top, r))]
    if not named:
        return [], [ImportRowProblem(1, COLUMNS["name"][0], _missing_text("name"))], {}
    last = named[-1]
    while last + 1 in known and last + 1 < len(top):  # a second header row below the one with the name
        last += 1
    first = last
    while first - 1 in known:
        first -= 1
    columns, headings, problems = _columns(top[first : last + 1], last + 1)
    rows: list[dict[str, str]] = []
    data = [*top[last + 1 :], *it]
    for offset, line in enumerate(data):
        number = last + 2 + offset
        values = {f: (line[c].strip() if c < len(line) else "") for c, f in columns.items()}
        if not any(values.values()):
            continue  # blank lines between blocks, or the sheet's formatted but empty tail
        if len(rows) >= MAX_ROWS:
            raise ValidationError.single("path", "too_many_rows", f"一次最多导入 {MAX_ROWS} 个场所，请分批导入")
        values[ROW] = str(number)
        rows.append(values)
    return rows, problems, headings


def line_of(grid: Grid, r: int) -> list[str]:
    return grid[r] if 0 <= r < len(grid) else []


def _columns(block: Grid, header_row: int) -> tuple[dict[int, str], dict[str, str], list[ImportRowProblem]]:
    """column index → field, field → heading, and the header's problems."""
    width = max((len(line) for line in block), default=0)
    columns: dict[int, str] = {}
    headings: dict[str, str] = {}
    problems: list[ImportRowProblem] = []
    for c in range(width):
        for line in reversed(block):  # the lowest known heading above the column
            text = line[c] if c < len(line) else ""
            field = heading_field(text) if text else None
            if field is None:
                continue
            if field in headings:
                problems.append(
                    ImportRowProblem(
                        header_row,
                        text,
                        f"「{text}」与「{headings[field]}」是同一列（{COLUMNS[field][0]}），只能保留一列",
                    )
                )
            else:
                columns[c] = field
                headings[field] = text
            break
    for field in REQUIRED:
        if field not in headings:
            problems.append(ImportRowProblem(header_row, COLUMNS[field][0], _missing_text(field)))
    return columns, headings, problems


def _missing_text(field: str) -> str:
    main, others = COLUMNS[field]
    return f"缺少「{main}」列：表头须有「{main}」（或 {'、'.join(others[:3])}）"
