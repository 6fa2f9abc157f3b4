"""The files of `exchange`: CSV for Excel and JSON, read into rows and written from them.

No desk, no database: column names (English as exported, or Chinese as a clerk types them), Chinese
values mapped to codes, Excel's habits guarded against (BOM, formulas, long numbers as text), and
every problem with the file as a whole reported as row 0."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TextIO

from mediation_desk.mediation import intake
from mediation_desk.mediation.people import KINDS
from mediation_desk.validation import ID_TYPES

FORMATS = ("csv", "json")
CASE_FIELDS = (
    "number",
    "source",
    "referrer_kind",
    "referrer_name",
    "found_in_screening",
    "dispute_type",
    "dispute_subtype",
    "brief_facts",
    "requests",
    "amount",
    "persons_involved",
    "risk_flags",
    "area",
    "accepted_on",
    "private_mediation",
    "status",
)
PARTY_FIELDS = (
    "role",
    "name",
    "id_number",
    "phone",
    "address",
    "gender",
    "kind",
    "uscc",
    "representative",
    "representative_title",
    "id_type",
    "ethnicity",
    "birth_date",
    "occupation",
    "agent_name",
)
MEDIATOR_FIELDS = (
    "name",
    "gender",
    "phone",
    "area",
    "skills",
    "available",
    "max_open_cases",
    "active",
    "title",
    "notes",
)
CASE_HEADERS_ZH = {
    "案号": "number",
    "来源": "source",
    "移送机关": "referrer_kind",
    "移送单位": "referrer_name",
    "排查发现": "found_in_screening",
    "纠纷类型": "dispute_type",
    "纠纷子类": "dispute_subtype",
    "简要案情": "brief_facts",
    "当事人请求": "requests",
    "涉及金额": "amount",
    "涉及人数": "persons_involved",
    "风险标记": "risk_flags",
    "纠纷发生地": "area",
    "受理日期": "accepted_on",
    "不公开调解": "private_mediation",
    "状态": "status",
}
PARTY_HEADERS_ZH = {
    "身份": "role",
    "类型": "kind",
    "姓名": "name",
    "名称": "name",
    "性别": "gender",
    "民族": "ethnicity",
    "出生日期": "birth_date",
    "证件类型": "id_type",
    "身份证号": "id_number",
    "身份证号码": "id_number",
    "证件号码": "id_number",
    "电话": "phone",
    "联系电话": "phone",
    "联系方式": "phone",
    "住址": "address",
    "单位或住址": "address",
    "职业": "occupation",
    "职业或职务": "occupation",
    "统一社会信用代码": "uscc",
    "法定代表人": "representative",
    "负责人": "representative",
    "职务": "representative_title",
    "委托代理人": "agent_name",
}
MEDIATOR_HEADERS_ZH = {
    "姓名": "name",
    "性别": "gender",
    "电话": "phone",
    "联系电话": "phone",
    "片区": "area",
    "负责片区": "area",
    "擅长": "skills",
    "擅长类型": "skills",
    "可派单": "available",
    "在办上限": "max_open_cases",
    "在册": "active",
    "称谓": "title",
    "备注": "notes",
}
PARTY_COLUMN = re.compile(r"party([1-9][0-9]?)_([a-z_]+)")
_VALUES_ZH: dict[str, dict[str, str]] = {  # Chinese labels typed by a clerk → codes
    "source": {v: k for k, v in intake.SOURCES.items()}
    | {"申请": "application", "主动": "initiative", "移送": "referral"},
    "referrer_kind": {v: k for k, v in intake.REFERRERS.items()},
    "role": {v: k for k, v in intake.ROLES.items()},
    "kind": {v: k for k, v in KINDS.items()} | {"法人": "legal", "组织": "legal", "单位": "legal"},
    "id_type": {v: k for k, v in ID_TYPES.items()} | {"身份证": "resident_id"},
    "risk_flags": {v: k for k, v in intake.RISK_FLAGS.items()},
}
_TRUE, _FALSE = {"true", "1", "yes", "y", "是", "√"}, {"false", "0", "no", "n", "否", "×"}
_FORMULA_START = "=+-@'"


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based data row; 0 = the file as a whole
    field: str
    rule: str
    message: str


def write_json(rows: list[dict[str, Any]], out: TextIO) -> None:
    def default(v: Any) -> Any:
        return str(v) if isinstance(v, Decimal) else v.isoformat()

    json.dump(rows, out, ensure_ascii=False, indent=2, default=default)
    out.write("\n")


def write_csv(header: list[str], rows: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    out.write("\ufeff")
    w = csv.writer(out)
    w.writerow(header)
    for r in rows:
        w.writerow([_to_cell(r.get(h)) for h in header])


def _to_cell(value: Any) -> str:
    """Text for Excel: formulas defused with an apostrophe, long digit strings kept as text by a tab."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(map(str, value))
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text[:1] and text[0] in _FORMULA_START:
        return "'" + text
    if len(text) >= 12 and text.isascii() and text.isdigit():
        return "\t" + text
    return text


def _from_cell(text: str) -> str:
    """Undo `_to_cell`'s guards (a value that really starts with an apostrophe was given two)."""
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]
    if text[:1] == "\t" and text[1:].isdigit():
        return text[1:]
    return text


def by_row(e: RowError) -> tuple[int, str]:
    return e.row, e.field


def _file_error(rule: str, message: str) -> list[RowError]:
    return [RowError(0, "file", rule, message)]


def read_rows(
    path: str | os.PathLike[str], fmt: str | None, column: Callable[[str], str | None], required: tuple[str, ...]
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """(row number, raw row) pairs, or the file-level problem that stops the import."""
    fmt = (fmt or os.path.splitext(os.fspath(path))[1].lstrip(".")).lower()
    if fmt not in FORMATS:
        return [], _file_error("format_unknown", f"无法识别文件格式「{fmt}」：请使用 .csv 或 .json 文件")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return [], _file_error("unreadable", f"无法读取文件：{e.strerror or e}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], _file_error("encoding", "文件不是 UTF-8 编码：在 Excel 中请用「另存为 → CSV UTF-8」保存后再导入")
    if fmt == "json":
        try:
            data = json.loads(text, parse_float=Decimal)  # exact amounts, never binary floats
        except json.JSONDecodeError as e:
            return [], _file_error("json_format", f"JSON 格式错误：第 {e.lineno} 行第 {e.colno} 列（{e.msg}）")
        if not isinstance(data, list):
            return [], _file_error("not_a_list", "JSON 文件的最外层须为列表（每项一条记录）")
        return list(enumerate(data, start=1)), []
    return _read_csv(text, column, required)


def _read_csv(
    text: str, column: Callable[[str], str | None], required: tuple[str, ...]
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        return [], _file_error("csv_format", f"CSV 格式错误：{e}")
    if not records or not any(h.strip() for h in records[0]):
        return [], _file_error("empty_file", "文件为空或没有表头")
    names = [column(h.strip().lstrip("\ufeff")) for h in records[0]]  # a BOM written twice
    seen = [n for n in names if n]
    if dup := sorted({n for n in seen if seen.count(n) > 1}):
        return [], _file_error("duplicate_column", f"表头中有重复的列：{'、'.join(dup)}")
    if missing := [r for r in required if r not in seen]:
        return [], _file_error("missing_columns", f"缺少必需的列：{'、'.join(missing)}")
    rows = []
    for n, values in enumerate(records[1:], start=1):
        if not any(v.strip() for v in values):
            continue  # blank line: not a row, but keeps the numbering of the rows after it
        row: dict[str, Any] = {k: _from_cell(v) for k, v in zip(names, values, strict=False) if k}
        if any(v.strip() for v in values[len(names) :]):
            row["__extra__"] = True
        rows.append((n, row))
    return rows, []


def case_column(header: str) -> str | None:
    if header in CASE_FIELDS or PARTY_COLUMN.fullmatch(header):
        return header
    if header in CASE_HEADERS_ZH:
        return CASE_HEADERS_ZH[header]
    for prefix, n in (("被申请人", "2"), ("申请人", "1")):
        if header.startswith(prefix) and header[len(prefix) :] in PARTY_HEADERS_ZH:
            return f"party{n}_{PARTY_HEADERS_ZH[header[len(prefix) :]]}"
    if (m := re.fullmatch(r"当事人([1-9][0-9]?)(.+)", header)) and m.group(2) in PARTY_HEADERS_ZH:
        return f"party{m.group(1)}_{PARTY_HEADERS_ZH[m.group(2)]}"
    return None  # unknown columns are ignored


def mediator_column(header: str) -> str | None:
    return header if header in MEDIATOR_FIELDS else MEDIATOR_HEADERS_ZH.get(header)


def coded(key: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return _VALUES_ZH.get(key, {}).get(value, value)
    return value


def flag_list(value: Any) -> Any:
    if isinstance(value, str):
        value = [v for v in re.split(r"[;,，、；\s]+", value) if v]
    return [coded("risk_flags", v) for v in value] if isinstance(value, list) else value


def _scalar(n: int, key: str, value: Any, kind: type, problems: list[RowError]) -> Any:
    """A CSV cell (text) or a JSON value as bool or int; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
        return value
    text = str(value).strip().lower()
    if kind is bool and text in _TRUE | _FALSE:
        return text in _TRUE
    if kind is int and text.isascii() and text.isdigit():
        return int(text)
    what = "是/否（true/false）" if kind is bool else "整数"
    problems.append(RowError(n, key, "boolean" if kind is bool else "integer", f"「{value}」应为{what}"))
    return None


def pick(
    n: int, raw: Any, keys: tuple[str, ...], scalars: dict[str, type]
) -> tuple[dict[str, Any] | None, list[RowError]]:
    """The non-empty `keys` of a row, with booleans and integers parsed."""
    if not isinstance(raw, dict):
        return None, [RowError(n, "row", "row_format", "每条记录须为对象（键值对）")]
    problems = [RowError(n, "row", "extra_values", "这一行的列数多于表头")] if raw.get("__extra__") else []
    data = {k: raw[k] for k in keys if raw.get(k) not in (None, "")}
    for key, kind in scalars.items():
        if key in data and (value := _scalar(n, key, data[key], kind, problems)) is not None:
            data[key] = value
        else:
            data.pop(key, None)
    return data, problems
