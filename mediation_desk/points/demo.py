"""演示数据 of the green coins: a few households of 谢家塘村 with their residents, declarations at
every stage of the two reviews, and the 绿币超市's shelf, filled into the demo desk after the
mediation room (`core/demo.py`).

Built through the services (residents, declarations, the shop), so the audit chain and the outbox
look as after real use. The town's reviews reach a village desk only through the district: here
they arrive as a pull would bring them (`pulled.apply_changes`), the town's credit included.
Deterministic for a given seed; its size does not grow with the number of demo cases."""

from __future__ import annotations

import datetime as dt
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.demo import DemoContext
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.points import declarations, pulled, residents, rules, shop
from mediation_desk.points.declarations import declaration_payload
from mediation_desk.points.dto import DeclarationView
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.storage.base import new_id

HOUSEHOLDS = (("王建国户", "一组"), ("陈阿毛户", "三组"), ("谢金根户", "五组"))
RESIDENTS = (  # name, household (index), phone
    ("王建国", 0, "13905751101"),
    ("李秀英", 0, "13905751102"),
    ("王晓东", 0, "13905751103"),
    ("陈阿毛", 1, "13905751201"),
    ("陈小芳", 1, "13905751202"),
    ("谢金根", 2, "13905751301"),
    ("俞美娟", 2, "13905751302"),
    ("谢志强", 2, "13905751303"),
)
# (resident, item, the stage it reaches): every status of the two reviews, a proposed deduction.
DECLARATIONS = (
    (0, "patrol", rules.TOWN_APPROVED),
    (1, "volunteer_service", rules.TOWN_APPROVED),
    (3, "hazard_report", rules.TOWN_APPROVED),
    (5, "safety_talk", rules.TOWN_APPROVED),
    (6, "neighbour_help", rules.TOWN_REJECTED),
    (2, "anti_fraud_app", rules.VILLAGE_APPROVED),
    (4, "patrol", rules.VILLAGE_APPROVED),
    (7, "volunteer_service", rules.VILLAGE_REJECTED),
    (0, "safety_talk", rules.DECLARED),
    (4, "hazard_report", rules.DECLARED),
    (5, "patrol", rules.DECLARED),
    (7, "neighbour_dispute", rules.DECLARED),
)
GIFTS = (("洗衣液（2 公斤）", 10, 20), ("食用油（5 升）", 30, 10), ("大米（10 斤）", 20, 15))
VILLAGE_REASON = "活动记录与签到表不符"
TOWN_REASON = "同一活动已由其他户申报"
TOWN_REVIEWER = "谢塘镇平安办"
EVIDENCE_AT = 0  # the first declaration carries a photo


class PointsDemo:
    """The green-coin part of the demo desk (registered in `capability.py`)."""

    name = "points"

    def has_data(self, desk: Desk) -> int:
        with desk.read() as s:
            return s.scalar(select(func.count()).select_from(Resident)) or 0

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        desk, clerk, admin, rng = context.desk, context.clerk, context.admin, context.rng
        households = [
            residents.add_household(desk, clerk, label=label, village_group=group) for label, group in HOUSEHOLDS
        ]
        people = [
            residents.add_resident(
                desk,
                clerk,
                name=name,
                village_group=households[home].village_group,
                household_id=households[home].id,
                phone=phone,
            )
            for name, home, phone in RESIDENTS
        ]
        made: list[tuple[DeclarationView, str]] = []
        with tempfile.TemporaryDirectory() as folder:
            photo = Path(folder) / "巡防照片.png"
            photo.write_bytes(_photo())
            for n, (who, item, stage) in enumerate(DECLARATIONS):
                ago = rng.randint(2, 40) if stage != rules.DECLARED else rng.randint(0, 6)
                view = declarations.declare(
                    desk,
                    clerk,
                    resident_id=people[who].id,
                    item_code=item,
                    activity_date=context.today - dt.timedelta(days=ago),
                    note="村民小组长见证" if n % 3 == 0 else None,
                    evidence=photo if n == EVIDENCE_AT else None,
                )
                made.append((view, stage))
        for view, stage in made:
            if stage == rules.DECLARED:
                continue
            rejected = stage == rules.VILLAGE_REJECTED
            declarations.review(desk, admin, view.id, approve=not rejected, reason=VILLAGE_REASON if rejected else None)
            if stage in rules.TOWN_MOVES:
                _town_review(desk, view.id, stage, context.today)
        gifts = [shop.add_gift(desk, clerk, name=name, price=price, stock=stock) for name, price, stock in GIFTS]
        return {
            "points_households": len(households),
            "points_residents": len(people),
            "points_declarations": len(made),
            "points_gifts": len(gifts),
        }


def _town_review(desk: Desk, declaration_id: str, status: str, today: dt.date) -> None:
    """The town's review as the district's feed brings it: the declaration's new state and, for an
    approval, the credit the district writes (the entry id every side derives from the declaration)."""
    with desk.write(SYSTEM) as uow:
        d = uow.session.get(Declaration, declaration_id)
        resident = uow.session.get(Resident, d.resident_id) if d is not None else None
        if d is None or resident is None:
            return
        committee = desk.committee(uow.session).code
        state = declaration_payload(d, resident.label) | {
            "status": status,
            "town_reason": TOWN_REASON if status == rules.TOWN_REJECTED else None,
            "town_reviewer": TOWN_REVIEWER,
            "town_reviewed_on": today.isoformat(),
            "activity_date": d.activity_date.isoformat(),
            "village_reviewed_on": d.village_reviewed_on.isoformat() if d.village_reviewed_on else None,
        }
        changes = [contract.Change(0, rules.DECLARATION, d.id, committee, uow.tick(), state)]
        if status == rules.TOWN_APPROVED:
            entry = {
                "resident_id": d.resident_id,
                "household_id": resident.household_id,
                "kind": rules.entry_kind_for(d.coins),
                "coins": d.coins,
                "entry_date": today.isoformat(),
                "declaration_id": d.id,
                "reverses": None,
                "item_code": d.item_code,
                "catalogue_version": d.catalogue_version,
                "gift": None,
                "quantity": None,
                "reason": None,
            }
            changes.append(
                contract.Change(0, rules.ENTRY, rules.credit_entry_id(d.id), committee, uow.tick(), entry, new_id())
            )
        pulled.apply_changes(uow, changes)


def _photo(width: int = 4, height: int = 3) -> bytes:
    """A tiny real PNG (the evidence checks read its signature)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([0x40 + 8 * x for x in range(width)]) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
