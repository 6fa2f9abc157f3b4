"""The town view (镇街矛调中心): its villages' case status, the cases escalated to it with their
files, and taking such a case over — a change on the server the origin desk pulls."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import hlc as hlc_clock
from mediation_desk.core import sync_contract as contract
from mediation_desk.district.apply import ESCALATED_TO_TOWN
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, bad_request, out_of_scope
from mediation_desk.district.feed import FeedWriter, record_state
from mediation_desk.district.models import CaseFile, Committee, FieldHistory, Record
from mediation_desk.mediation import states
from mediation_desk.storage.base import utcnow

DISTRICT_NODE = "district"  # the HLC node id of changes the server makes itself
MAX_PAGE = 500


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


def case_detail(db: Database, device: DeviceScope, case_id: str) -> dict[str, Any]:
    """A case of the town; its files only when it was escalated to this town."""
    require_town(device)
    with db.read() as s:
        rec, committee = _town_case(s, device, case_id)
        view = _case_view(rec, committee)
        files = []
        if _escalated_here(rec):
            files = [
                {"case_file_id": f.id, "received_at": f.received_at.isoformat(), "content": f.content}
                for f in s.scalars(
                    select(CaseFile)
                    .where(CaseFile.case_id == case_id, CaseFile.town_id == device.town_id)
                    .order_by(CaseFile.received_at, CaseFile.id)
                )
            ]
        return {"case": view, "case_files": files}


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


def server_clock(latest: str) -> str:
    """An HLC for a change the server makes: after everything the record has seen, so it wins
    field-level LWW on every desk whatever their clocks say."""
    try:
        last = hlc_clock.Timestamp.decode(latest)
    except ValueError:
        last = hlc_clock.ZERO
    return hlc_clock.tick(last, int(time.time() * 1000), DISTRICT_NODE).encode()
