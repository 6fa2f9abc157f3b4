"""The town view (镇街矛调中心): its villages' case status, the cases escalated to it with their
files, and taking such a case over — a change on the server the origin desk pulls."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from sqlalchemy import Row, and_, or_, select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.apply import ESCALATED_TO_TOWN
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, bad_request, out_of_scope
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import CaseFile, Committee, FieldHistory, Record
from mediation_desk.district.server_key import SealError, ServerKeys
from mediation_desk.mediation import states
from mediation_desk.storage.base import utcnow

MAX_PAGE = 500
# A case detail answers its files a page at a time: a handful, and never much more than 8 MB
# (one file may reach MAX_CASE_FILE_BYTES; a page always holds at least one).
FILES_PAGE, MAX_FILES_PAGE = 5, 50
FILES_BUDGET_BYTES = 8 * 1024 * 1024
_FILE_ID = re.compile(r"[0-9A-Za-z_.:\-]{1,64}")
log = logging.getLogger(__name__)


def require_town(device: DeviceScope) -> None:
    if not device.is_town:
        raise out_of_scope("只有镇（街道）的设备可以查看镇街视图")


def _escalated_here(rec: Record) -> bool:
    return rec.status == states.ESCALATED and rec.escalate_to == ESCALATED_TO_TOWN


def _case_view(rec: Record, committee: Committee) -> dict[str, Any]:
    return {
        "case_id": rec.entity_id,
        "committee_code": committee.code,
        "committee_name": committee.name,
        "escalated_to_town": _escalated_here(rec),
        **record_state(rec),
    }


def list_cases(
    db: Database, device: DeviceScope, *, status: str | None, escalated: bool, after: str | None, limit: int
) -> dict[str, Any]:
    require_town(device)
    if status is not None and status not in states.STATES:
        raise bad_request(f"未知的案件状态：{status[:32]}，可选：{'、'.join(states.STATES)}", "status")
    if not 1 <= limit <= MAX_PAGE:
        raise bad_request(f"limit 须是 1 到 {MAX_PAGE} 的整数", "limit")
    query = (
        select(Record, Committee)
        .join(Committee, Committee.id == Record.committee_id)
        .where(Record.entity == "case", Record.town_id == device.town_id)
    )
    if escalated:
        query = query.where(Record.status == states.ESCALATED, Record.escalate_to == ESCALATED_TO_TOWN)
    elif status is not None:
        query = query.where(Record.status == status)
    if after:
        query = query.where(Record.entity_id > after)
    with db.read() as s:
        rows = list(s.execute(query.order_by(Record.entity_id).limit(limit)))
    cases = [_case_view(rec, committee) for rec, committee in rows]
    return {"cases": cases, "next": cases[-1]["case_id"] if len(cases) == limit else None}


def _town_case(s: Session, device: DeviceScope, case_id: str) -> tuple[Record, Committee]:
    rec = s.get(Record, ("case", case_id))
    if rec is None:
        raise ApiError(404, contract.ERROR_NOT_FOUND, "没有这个案件", "case_id")
    if rec.town_id != device.town_id:
        raise out_of_scope("这个案件不属于本镇（街道）")
    committee = s.get(Committee, rec.committee_id)
    assert committee is not None
    return rec, committee


def _file_content(f: CaseFile, keys: ServerKeys) -> dict[str, Any]:
    """The file opened from its seal (or, written by an instance from before sealing, as stored)."""
    if f.sealed is None:
        return {"content": f.content}
    try:
        return {"content": keys.open_json(f.key_id or "", f.sealed, f.id)}
    except SealError as exc:  # the other files of the page stay readable; the town is told why
        log.error("case file %s does not open (key %s)", f.id, f.key_id)
        return {"content": None, "unreadable": str(exc)}


def _files_page(
    s: Session, device: DeviceScope, case_id: str, keys: ServerKeys, after: str | None, limit: int, budget: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Files in the order they arrived, after the file `after`: at most `limit`, and no more than
    fit in `budget` bytes (at least one). Sizes are read first, so no file is opened in vain."""
    of_case = (CaseFile.case_id == case_id, CaseFile.town_id == device.town_id)
    query = select(CaseFile.id, CaseFile.received_at, CaseFile.size_bytes).where(*of_case)
    if after is not None:
        last = s.execute(select(CaseFile.received_at, CaseFile.id).where(CaseFile.id == after, *of_case)).first()
        if last is None:
            raise bad_request("files_after 须是本案件上一页最后一份卷宗的编号（next_files）", "files_after")
        query = query.where(
            or_(CaseFile.received_at > last[0], and_(CaseFile.received_at == last[0], CaseFile.id > last[1]))
        )
    heads = list(s.execute(query.order_by(CaseFile.received_at, CaseFile.id).limit(limit + 1)))
    taken: list[Row[str, dt.datetime, int]] = []
    used = 0
    for head in heads[:limit]:
        if taken and used + head.size_bytes > budget:
            break
        taken.append(head)
        used += head.size_bytes
    rows = {f.id: f for f in s.scalars(select(CaseFile).where(CaseFile.id.in_([h.id for h in taken])))}
    files = [
        {
            "case_file_id": h.id,
            "received_at": h.received_at.isoformat(),
            "size_bytes": h.size_bytes,
            **_file_content(rows[h.id], keys),
        }
        for h in taken
    ]
    more = len(taken) < len(heads)
    return files, (taken[-1].id if more else None)


def case_detail(
    db: Database,
    device: DeviceScope,
    case_id: str,
    keys: ServerKeys,
    *,
    files_after: str | None = None,
    files_limit: int = FILES_PAGE,
    budget_bytes: int = FILES_BUDGET_BYTES,
) -> dict[str, Any]:
    """A case of the town; its files, a page at a time, only when it was escalated to this town.
    `next_files` (None on the last page) is the `files_after` of the next page."""
    require_town(device)
    if not 1 <= files_limit <= MAX_FILES_PAGE:
        raise bad_request(f"files_limit 须是 1 到 {MAX_FILES_PAGE} 的整数", "files_limit")
    if files_after is not None and not _FILE_ID.fullmatch(files_after):
        raise bad_request("files_after 须是本案件上一页最后一份卷宗的编号（next_files）", "files_after")
    with db.read() as s:
        rec, committee = _town_case(s, device, case_id)
        files: list[dict[str, Any]] = []
        next_files = None
        if _escalated_here(rec):
            files, next_files = _files_page(s, device, case_id, keys, files_after, files_limit, budget_bytes)
        return {"case": _case_view(rec, committee), "case_files": files, "next_files": next_files}


def take_over(db: Database, device: DeviceScope, case_id: str) -> dict[str, Any]:
    """The town takes over a case escalated to it. Idempotent: taking it again changes nothing."""
    require_town(device)
    with db.write(feed=True) as s:
        rec, committee = _town_case(s, device, case_id)
        if not _escalated_here(rec):
            now = states.LABELS.get(rec.status or "", rec.status)
            raise ApiError(
                409, contract.ERROR_NOT_ESCALATED, f"这个案件没有上报到本镇（街道）（现为“{now}”），不能接手", "case_id"
            )
        if rec.data.get(contract.TAKEN_OVER_BY):
            return {"case": _case_view(rec, committee), "changed": False}
        clock = server_clock(rec.hlc)
        fields = {contract.TAKEN_OVER_BY: device.town, contract.TAKEN_OVER_AT: utcnow().isoformat()}
        merged = contract.merge_fields(rec.data, rec.clocks, fields, clock)
        for name, (value, lost_clock) in merged.lost.items():
            s.add(
                FieldHistory(
                    entity="case",
                    entity_id=case_id,
                    field=name,
                    value=value,
                    hlc=lost_clock or clock,
                    op_id=f"take-over:{device.device_id}",
                    recorded_at=utcnow(),
                )
            )
        rec.data, rec.clocks, rec.hlc, rec.updated_at = dict(merged.values), dict(merged.clocks), clock, utcnow()
        feed = FeedWriter(s)
        feed.record_changed(rec, committee, device.device_id)
        feed.write()
        return {"case": _case_view(rec, committee), "changed": True}
