"""Importing the list of places a town or district hands out (CSV or .xlsx; `place_rows.py` reads
it). Every row is checked as the form checks one place, and against the others: the same place
twice in the file, or one already registered, is a problem of its row. The report names each bad
row, its column (as the file heads it) and what is wrong.

Nothing is imported while any row is bad, unless skipping the bad rows is asked for: then the
good rows are. All of them are kept in one unit of work, so an import is never half done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.privacy import roles
from mediation_desk.sitecode import place_store, rules
from mediation_desk.sitecode.dto import ImportReport, ImportRowProblem
from mediation_desk.sitecode.models import Place
from mediation_desk.sitecode.place_rows import COLUMNS, ROW, read_rows
from mediation_desk.sitecode.scheme import Scheme
from mediation_desk.sitecode.scheme_store import current_scheme
from mediation_desk.validation import clean_name, normalize_phone, validate_uscc

__all__ = ["import_places", "read_rows"]


def import_places(desk: Desk, actor: Actor, path: str | Path, *, skip_bad: bool = False) -> ImportReport:
    src = Path(path)
    rows, file_problems, headings = read_rows(src)  # the file is read before the desk is locked for writing
    with desk.write(actor) as uow:
        roles.authorize(actor, "sitecode.places")  # inside the unit of work: a refusal is audited
        s = uow.session
        committee_id = desk.committee(s).id
        held = current_scheme(uow)
        codes_held = {c: n for c, n in s.execute(select(Place.credit_code, Place.name)) if c is not None}
        names_held = {place_store.name_key(n, a): n for _pid, n, a in place_store.held_names(s, committee_id)}
        problems = list(file_problems)
        good: list[place_store.PlaceInput] = []
        bad_rows: set[int] = set()
        seen_codes: dict[str, int] = {}
        seen_names: dict[tuple[str, str], int] = {}
        for row in rows if not file_problems else []:
            number = int(row[ROW])
            checked = _check_row(held, row, headings, number)
            if isinstance(checked, list):
                found = checked
            else:
                found = _duplicate(checked, number, headings, codes_held, names_held, seen_codes, seen_names)
            if found:
                problems.extend(found)
                bad_rows.add(number)
            elif isinstance(checked, place_store.PlaceInput):
                good.append(checked)
        report_rows = len(rows)
        if problems and (not skip_bad or file_problems):
            return ImportReport(src.name, report_rows, 0, 0, tuple(problems))
        people = {
            n: place_store.new_person(uow, desk, committee_id, p.responsible_name, p.responsible_phone, flush=False).id
            for n, p in enumerate(good)
            if p.responsible_name is not None
        }
        s.flush()  # the places refer to their persons
        for n, p in enumerate(good):
            place_store.new_place(
                uow, desk, committee_id, p, person_id=people.get(n), source=place_store.IMPORTED, flush=False
            )
        individual = sum(1 for p in good if p.credit_code is None)
        uow.audit(
            "sitecode.import",
            rules.PLACE,
            None,
            file_type=src.suffix.lower().lstrip(".") or "csv",
            rows=report_rows,
            imported=len(good),
            skipped=len(bad_rows),
            individual=individual,
        )
        return ImportReport(src.name, report_rows, len(good), len(bad_rows), tuple(problems), individual)


def _check_row(
    held: Scheme, row: dict[str, str], headings: dict[str, str], number: int
) -> place_store.PlaceInput | list[ImportRowProblem]:
    """The row's place, or every problem of the row (not just the first)."""
    problems: list[ImportRowProblem] = []

    def check(field: str, rule: Callable[[str], str | None]) -> str | None:
        value = row.get(field, "")
        try:
            return rule(value)
        except ValidationError as e:
            heading = headings.get(field, COLUMNS[field][0])
            problems.extend(ImportRowProblem(number, heading, p.message) for p in e.problems)
            return None

    name = check("name", lambda v: clean_name(v, "name", "场所名称", rules.MAX_NAME_CHARS))
    category = check("category", lambda v: _category(held, v))
    address = check("address", lambda v: _required(v, "address", "地址", place_store.MAX_ADDRESS_CHARS))
    grid = check("grid", lambda v: _required(v, "grid", "网格", place_store.MAX_GRID_CHARS))
    code = check("credit_code", lambda v: validate_uscc(v, "credit_code") if v else None)
    who = check("responsible_name", lambda v: clean_name(v, "responsible_name", "负责人") if v else None)
    phone = check("responsible_phone", lambda v: normalize_phone(v, "responsible_phone", "联系电话") if v else None)
    if phone is not None and who is None and not problems:
        heading = headings.get("responsible_name", COLUMNS["responsible_name"][0])
        problems.append(ImportRowProblem(number, heading, "填写了联系电话时，负责人姓名不能为空"))
    if problems or name is None or category is None or address is None or grid is None:
        return problems
    return place_store.PlaceInput(name, category, address, grid, code, who, phone)


def _duplicate(
    p: place_store.PlaceInput,
    number: int,
    headings: dict[str, str],
    codes_held: dict[str, str],
    names_held: dict[tuple[str, str], str],
    seen_codes: dict[str, int],
    seen_names: dict[tuple[str, str], int],
) -> list[ImportRowProblem]:
    """The row's place is already registered, or is an earlier row's; else it is remembered."""
    code_heading = headings.get("credit_code", COLUMNS["credit_code"][0])
    name_heading = headings.get("name", COLUMNS["name"][0])
    key = place_store.name_key(p.name, p.address)
    if p.credit_code is not None and p.credit_code in codes_held:
        text = f"统一社会信用代码 {p.credit_code} 已登记为场所「{codes_held[p.credit_code]}」"
        return [ImportRowProblem(number, code_heading, text)]
    if p.credit_code is not None and p.credit_code in seen_codes:
        text = f"与第 {seen_codes[p.credit_code]} 行的统一社会信用代码相同，是同一场所"
        return [ImportRowProblem(number, code_heading, text)]
    if key in names_held:
        return [ImportRowProblem(number, name_heading, f"场所「{names_held[key]}」（同名同地址）已登记")]
    if key in seen_names:
        return [ImportRowProblem(number, name_heading, f"与第 {seen_names[key]} 行同名同地址，是同一场所")]
    if p.credit_code is not None:
        seen_codes[p.credit_code] = number
    seen_names[key] = number
    return []


def _category(held: Scheme, value: str) -> str:
    if not value.strip():
        raise ValidationError.single("category", "required", "类别不能为空")
    return place_store.check_category(held, value)


def _required(value: str, field: str, label: str, max_chars: int) -> str:
    return place_store.required_text(value, field, label, max_chars)
