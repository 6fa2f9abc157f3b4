"""Import and export of cases and mediators, as CSV (for Excel) or JSON.

Export: one row (CSV) or object (JSON) per case with its intake fields and the parties' FULL
personal data, so another desk can import it. Bulk files carry every party's personal data, so
each direction is a permission of its own (`export`, `import`, `mediator.export`,
`mediator.manage`: the 主任 and the 记录员, PIPL art. 51); a role whose `export` reaches only its
own cases exports only those. Every export is audited (`case.export`,
`mediator.export`: counts, never values). CSV is UTF-8 with a byte-order mark so Excel on Windows
reads Chinese; open the target with ``open(path, "w", encoding="utf-8", newline="")``. Parties are
flattened into ``party1_role, party1_name, party1_id_number …`` up to the largest party count.
Cells Excel would run as formulas (leading = + - @) get an apostrophe, long digit strings (ID
numbers) a leading tab so Excel keeps them as text; the import undoes both.

Import: every row is validated first (the intake rules, plus one ID document under two names,
within the file or against this desk). If any row fails nothing is imported, unless
`allow_partial`. Rows are numbered from 1 after the header; problems with the whole file are row 0.
Imported cases get NEW numbers from this desk (`ImportReport.number_map`: old → new) and start as
已受理 (accepted): status, sessions, agreements and follow-ups are not imported, only the intake.
People are matched by ID document or credit code (another desk's `person_id`s are ignored);
mediator relations are not exported. CSV headers may be Chinese (纠纷类型, 简要案情, 申请人姓名,
被申请人身份证号码, 当事人3姓名 …), and so may coded values (委托移送, 公安, 申请人, 防止民转刑 …).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TextIO

from sqlalchemy import select

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.mediation import intake
from mediation_desk.mediation import mediators as roster
from mediation_desk.mediation.case_access import case_scope
from mediation_desk.mediation.dispute_types import LABELS
from mediation_desk.mediation.exchange_files import (
    CASE_FIELDS,
    FORMATS,
    MEDIATOR_FIELDS,
    PARTY_COLUMN,
    PARTY_FIELDS,
    RowError,
    by_row,
    case_column,
    coded,
    flag_list,
    mediator_column,
    pick,
    read_rows,
    write_csv,
    write_json,
)
from mediation_desk.mediation.mediators import mediator_phone
from mediation_desk.mediation.models_case import CaseParty, MediationCase
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.mediation.people import validate_person
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles

__all__ = ["ImportReport", "RowError", "export_cases", "export_mediators", "import_cases", "import_mediators"]


@dataclass(frozen=True)
class ImportReport:
    imported: int
    rejected: list[RowError]
    total_rows: int
    number_map: dict[str, str] = field(default_factory=dict)  # original case number → new number

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({e.row for e in self.rejected})


def _authorize(desk: Desk, actor: Actor, action: str) -> None:
    """Asked in a unit of work of the actor's, so a refusal is audited (`access.denied`)."""
    with desk.read(actor):
        roles.authorize(actor, action)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationError.single("fmt", "format_unknown", f"文件格式须为 csv 或 json，而不是「{fmt}」")
    return fmt


def export_cases(desk: Desk, actor: Actor, fmt: str, out: TextIO) -> int:
    """Write every case the actor may export (`export`'s scope) with its parties' full personal
    data; returns the number of cases."""
    scope = case_scope(actor, "export")
    with desk.read(actor) as s:
        scope.refuse_if_none(actor)  # a role that may export nothing is refused, and audited
        _check_format(fmt)
        cases = list(
            s.scalars(scope.apply(select(MediationCase).order_by(MediationCase.accepted_on, MediationCase.number)))
        )
        parties: dict[str, list[dict[str, Any]]] = {c.id: [] for c in cases}
        vault = desk.require_vault()  # the export carries personal data in clear
        for cp, p in s.execute(
            scope.apply(
                select(CaseParty, Person)
                .join(Person, Person.id == CaseParty.person_id)
                .order_by(CaseParty.case_id, CaseParty.position),
                CaseParty.case_id,
            )
        ):
            sec = secrets_of(p, vault)
            parties[cp.case_id].append(
                {
                    "role": cp.role,
                    "kind": p.kind,
                    "name": p.name,
                    "gender": p.gender,
                    "ethnicity": p.ethnicity,
                    "birth_date": p.birth_date,
                    "id_type": p.id_type,
                    "id_number": sec.id_number,
                    "occupation": p.occupation,
                    "phone": sec.phone,
                    "address": sec.address,
                    "uscc": p.uscc,
                    "representative": p.representative,
                    "representative_title": p.representative_title,
                    "agent_name": cp.agent_name,
                }
            )
        rows = [
            {
                "number": c.number,
                "source": c.source,
                "referrer_kind": c.referrer_kind,
                "referrer_name": c.referrer_name,
                "found_in_screening": c.found_in_screening,
                "dispute_type": c.dispute_type,
                "dispute_subtype": c.dispute_subtype,
                "brief_facts": c.brief_facts,
                "requests": c.requests,
                "amount": None if c.amount_fen is None else Decimal(c.amount_fen).scaleb(-2),
                "persons_involved": c.persons_involved,
                "risk_flags": list(c.risk_flags),
                "area": c.area,
                "accepted_on": c.accepted_on,
                "private_mediation": c.private_mediation,
                "status": c.status,
                "parties": parties[c.id],
            }
            for c in cases
        ]
    # Audited before any personal data leaves the desk: the record holds the count, no values.
    with desk.write(actor) as uow:
        uow.audit("case.export", "case", None, count=len(rows), format=fmt, personal_data=True)
    if fmt == "json":
        write_json(rows, out)
    else:
        most = max([len(r["parties"]) for r in rows] + [1])
        header = [*CASE_FIELDS] + [f"party{n}_{f}" for n in range(1, most + 1) for f in PARTY_FIELDS]
        flat = []
        for r in rows:
            cells = {k: r[k] for k in CASE_FIELDS}
            for n, party in enumerate(r["parties"], start=1):
                cells.update({f"party{n}_{f}": party.get(f) for f in PARTY_FIELDS})
            flat.append(cells)
        write_csv(header, flat, out)
    return len(rows)


def export_mediators(desk: Desk, actor: Actor, fmt: str, out: TextIO) -> int:
    """Write the roster (inactive mediators included); returns the number written."""
    _authorize(desk, actor, "mediator.export")
    _check_format(fmt)
    vault = desk.require_vault()  # phones are stored encrypted: locked, they would silently go missing
    with desk.read() as s:
        rows = [
            {
                "name": m.name,
                "gender": m.gender,
                "phone": mediator_phone(m, vault),
                "area": m.area,
                "skills": list(m.skills),
                "available": m.available,
                "max_open_cases": m.max_open_cases,
                "active": m.active,
                "title": m.title,
                "notes": m.notes,
            }
            for m in s.scalars(select(Mediator).order_by(Mediator.created_at, Mediator.name))
        ]
    with desk.write(actor) as uow:
        uow.audit("mediator.export", "mediator", None, count=len(rows), format=fmt)
    if fmt == "json":
        write_json(rows, out)
    else:
        for r in rows:
            r["skills"] = "、".join(LABELS.get(code, code) for code in r["skills"])
        write_csv(list(MEDIATOR_FIELDS), rows, out)
    return len(rows)


def import_cases(
    desk: Desk, actor: Actor, path: str | os.PathLike[str], fmt: str | None = None, *, allow_partial: bool = False
) -> ImportReport:
    """Validate every row, then open one case per valid row (each its own unit of work)."""
    _authorize(desk, actor, "import")
    saved, errors, total = _import(
        path,
        fmt,
        allow_partial,
        case_column,
        ("dispute_type", "brief_facts", "party1_name"),
        _case_form,
        lambda forms: _identity_clashes(desk, forms),
        lambda form: intake.open_case(desk, actor, form),
    )
    number_map: dict[str, str] = {}
    with desk.read() as s:
        for original, case_id in saved:
            if original.get("number"):
                number_map[str(original["number"])] = s.get(MediationCase, case_id).number
    if saved:
        with desk.write(actor) as uow:
            uow.audit("case.import", "case", None, imported=len(saved), rejected_rows=len({e.row for e in errors}))
    return ImportReport(len(saved), errors, total, number_map)


def import_mediators(
    desk: Desk, actor: Actor, path: str | os.PathLike[str], fmt: str | None = None, *, allow_partial: bool = False
) -> ImportReport:
    """Add each row as a mediator; one with the name and phone of a mediator on file is refused."""
    _authorize(desk, actor, "mediator.manage")  # each row is added as `add_mediator` would
    saved, errors, total = _import(
        path,
        fmt,
        allow_partial,
        mediator_column,
        ("name",),
        _mediator_data,
        lambda datas: _duplicate_mediators(desk, datas),
        lambda data: roster.add_mediator(desk, actor, data),
    )
    return ImportReport(len(saved), errors, total)


def _import(
    path: str | os.PathLike[str],
    fmt: str | None,
    allow_partial: bool,
    column: Callable[[str], str | None],
    required: tuple[str, ...],
    prepare: Callable[[int, Any], tuple[dict[str, Any] | None, list[RowError]]],
    cross_check: Callable[[dict[int, dict[str, Any]]], list[RowError]],
    save: Callable[[dict[str, Any]], Any],
) -> tuple[list[tuple[dict[str, Any], Any]], list[RowError], int]:
    """Read, validate every row, then save the valid ones (none if any failed, unless partial)."""
    rows, errors = read_rows(path, fmt, column, required)
    ready: dict[int, dict[str, Any]] = {}
    for n, raw in rows:
        data, problems = prepare(n, raw)
        errors += problems
        if data is not None and not problems:
            ready[n] = data
    for e in cross_check(ready):
        errors.append(e)
        ready.pop(e.row, None)
    saved: list[tuple[dict[str, Any], Any]] = []
    if errors and not allow_partial:
        return saved, sorted(errors, key=by_row), len(rows)
    for n, data in ready.items():
        try:
            saved.append((data, save(data)))
        except ValidationError as e:
            errors += _row_errors(n, e)
        except DeskError as e:
            errors.append(RowError(n, "row", "save_failed", f"保存失败：{e}"))
    return saved, sorted(errors, key=by_row), len(rows)


def _row_errors(n: int, error: ValidationError) -> list[RowError]:
    return [RowError(n, p.field, p.rule, p.message) for p in error.problems]


def _case_form(n: int, raw: Any) -> tuple[dict[str, Any] | None, list[RowError]]:
    """A checked intake form from a CSV row (flat party columns) or a JSON object (a parties list)."""
    form, problems = pick(
        n, raw, CASE_FIELDS, {"found_in_screening": bool, "private_mediation": bool, "persons_involved": int}
    )
    if form is None:
        return None, problems
    for key in ("source", "referrer_kind"):
        if key in form:
            form[key] = coded(key, form[key])
    if "risk_flags" in form:
        form["risk_flags"] = flag_list(form["risk_flags"])
    parties = raw.get("parties")
    if "parties" not in raw:
        slots: dict[int, dict[str, Any]] = {}
        for key, value in raw.items():
            if (m := PARTY_COLUMN.fullmatch(key)) and m.group(2) in PARTY_FIELDS and value not in (None, ""):
                slots.setdefault(int(m.group(1)), {})[m.group(2)] = value
        parties = [slots[i] for i in sorted(slots)]
    if isinstance(parties, list):
        parties = [
            {k: coded(k, v) for k, v in p.items() if k != "person_id" and v not in (None, "")}
            if isinstance(p, dict)
            else p
            for p in parties
        ]
    form["parties"] = parties
    try:
        intake.validate_intake(form)
    except ValidationError as e:
        problems += _row_errors(n, e)
    return form, problems


def _mediator_data(n: int, raw: Any) -> tuple[dict[str, Any] | None, list[RowError]]:
    data, problems = pick(n, raw, MEDIATOR_FIELDS, {"available": bool, "active": bool, "max_open_cases": int})
    if data is not None:
        try:
            roster.validate_mediator(data)
        except ValidationError as e:
            problems += _row_errors(n, e)
    return data, problems


def _duplicate_mediators(desk: Desk, datas: dict[int, dict[str, Any]]) -> list[RowError]:
    """The same name and phone twice: a re-imported roster must not double every mediator."""
    with desk.read() as s:
        known = {(m.name, mediator_phone(m, desk.vault)) for m in s.scalars(select(Mediator))}
    errors = []
    for n, data in datas.items():
        fields = roster.validate_mediator(data)
        if (key := (fields["name"], fields.get("phone"))) in known:
            errors.append(
                RowError(
                    n,
                    "name",
                    "mediator_duplicate",
                    f"调解员「{fields['name']}」（同一电话）已在名册中或在文件中重复出现",
                )
            )
        known.add(key)
    return errors


def _identity_clashes(desk: Desk, forms: dict[int, dict[str, Any]]) -> list[RowError]:
    """One ID document (or credit code) under two names, within the file or against this desk:
    caught before anything is saved, so an all-or-nothing import stays all-or-nothing."""
    errors: list[RowError] = []
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    with desk.read() as s:
        for n, form in forms.items():
            in_row: set[tuple[str, ...]] = set()
            for i, party in enumerate(form["parties"]):
                spec = validate_person(party)
                if spec.id_number:
                    key, where, label = ("doc", spec.id_type or "", spec.id_number), "id_number", "证件号码"
                    q = select(Person.name).where(
                        Person.id_type == key[1], Person.id_number_idx == desk.require_vault().index(key[2])
                    )
                elif spec.uscc:
                    key, where, label = ("uscc", spec.uscc), "uscc", "统一社会信用代码"
                    q = select(Person.name).where(Person.uscc == spec.uscc)
                else:
                    continue
                field_name = f"parties[{i}].{where}"
                if key in in_row:
                    errors.append(RowError(n, field_name, "party_duplicate", "同一当事人在本行被重复登记"))
                in_row.add(key)
                other = seen.setdefault(key, (spec.name, n))
                existing = s.scalars(q.limit(1)).first()
                if other[0] != spec.name:
                    errors.append(
                        RowError(
                            n,
                            field_name,
                            "document_registered_to_other",
                            f"该{label}在第 {other[1]} 行登记为「{other[0]}」，与「{spec.name}」不一致",
                        )
                    )
                elif existing is not None and existing != spec.name:
                    errors.append(
                        RowError(
                            n,
                            field_name,
                            "document_registered_to_other",
                            f"该{label}已登记在「{existing}」名下，与所填「{spec.name}」不一致，请核对",
                        )
                    )
    return errors
