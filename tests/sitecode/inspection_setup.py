"""Setting up self-inspections for the tests: Beijing moments, places registered through the
services on a given day, every checklist item answered, photos of real formats, and what a
unit of work left behind (outbox ops, audit actions, sealed files)."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.desk import Desk
from mediation_desk.sitecode import inspections, places, rules
from mediation_desk.sitecode.dto import InspectionView, PlaceView
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.sitecode.models import Hazard, Inspection
from mediation_desk.sync import apply
from mediation_desk.sync.push import SYNC_ACTOR

REGISTERED = dt.datetime(2026, 3, 10, 10, tzinfo=rules.BEIJING)  # owes inspections from April 2026


def bj(year: int, month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=rules.BEIJING)


def add_place(
    desk: Desk,
    actor: Actor,
    *,
    name: str = "谢塘五金店",
    category: str = "shop",
    at: dt.datetime = REGISTERED,
    **kw: Any,
) -> PlaceView:
    """A place registered through the service on `at` (default: 10 March 2026)."""
    fields = {"address": f"谢塘镇{name}路1号", "grid": "一网格", **kw}
    with acting_at(at):
        return places.add_place(desk, actor, name=name, category=category, **fields)


def answers(desk: Desk, actor: Actor, place_id: str, **override: str) -> dict[str, str]:
    """Every item of the place's checklist answered 合格, except those given."""
    checklist = inspections.checklist_for(desk, actor, place_id)
    return {item.code: override.get(item.code, rules.OK) for item in checklist.items}


def inspect(
    desk: Desk,
    actor: Actor,
    place_id: str,
    at: dt.datetime,
    *,
    found: Mapping[str, HazardInput | None] | None = None,
    **kw: Any,
) -> InspectionView:
    """An inspection recorded at `at`: every item 合格 but those `found` with a hazard."""
    found = dict(found or {})
    with acting_at(at):
        results = answers(desk, actor, place_id, **dict.fromkeys(found, rules.FOUND))
        given = {code: h for code, h in found.items() if h is not None}
        return inspections.record_inspection(desk, actor, place_id, results=results, hazards=given or None, **kw)


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A small valid PNG (grey pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def photo(folder: Path, name: str = "现场照片.png", content: bytes | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(png_bytes() if content is None else content)
    return path


def ops(desk: Desk, entity: str) -> list[OutboxOp]:
    with desk.read() as s:
        return list(s.scalars(select(OutboxOp).where(OutboxOp.entity == entity).order_by(OutboxOp.hlc)))


def actions(desk: Desk, prefix: str = "sitecode.") -> list[str]:
    with desk.read() as s:
        rows = s.scalars(
            select(AuditRecord.action).where(AuditRecord.action.startswith(prefix)).order_by(AuditRecord.hlc)
        )
        return list(rows)


def counts(desk: Desk) -> tuple[int, int, int]:
    """Inspections, hazards and outbox ops held."""
    with desk.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Inspection)) or 0,
            s.scalar(select(func.count()).select_from(Hazard)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOp)) or 0,
        )


def sealed_files(desk: Desk) -> list[str]:
    folder = desk.paths.attachments
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


CODE = "XT-001"  # the committee of the test desks (tests/desk_kit.py)
FAR = "0009999999999999"  # an HLC wall time centuries ahead: later than anything the desk made


def clock(counter: int, wall: str = FAR, node: str = "district") -> str:
    return f"{wall}-{counter:04d}-{node}"


def change(
    entity: str, entity_id: str, data: dict[str, Any], *, seq: int = 1, at: str | None = None
) -> contract.Change:
    """A change of the district's feed, as another desk of the committee (or the district) made it."""
    return contract.Change(seq, entity, entity_id, CODE, at or clock(seq), data, "other-device")


def pull(desk: Desk, *changes: contract.Change) -> apply.PageTally:
    """A page of the feed applied as the sync applies it (the ground hands the changes over)."""
    with desk.write(SYNC_ACTOR) as uow:
        return apply.apply_page(uow, list(changes), committee_code=CODE, scope=contract.SCOPE_COMMITTEE, node=desk.node)


def task_data(place_id: str, kind: str = rules.COVERT, month: str = "2026-04", **kw: Any) -> dict[str, Any]:
    return {
        "place_id": place_id,
        "kind": kind,
        "month": month,
        "status": rules.TASK_OPEN,
        "reasons": ["2026年4月未按时自查（截止 4月30日）"],
        "parties": ["属地镇街"],
        "opened_on": "2026-05-01",
        "closed_on": None,
        "outcome": None,
        **kw,
    }
