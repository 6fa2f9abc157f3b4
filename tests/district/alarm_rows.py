"""Bracelet alarms at the district for its tests: wearer and transition ops as a desk writes them,
alarms recorded in-process through the intake the gateway and the vendor endpoint call, and the
bracelet rows written in-process for checks that run without a server."""

from __future__ import annotations

import datetime as dt
from typing import Any

from district_helpers import Desk, new_id
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_intake import AlarmIntake, DeviceAlarm, Fix, Recorded
from mediation_desk.district.alarm_models import AlarmDevice
from mediation_desk.district.db import Database
from mediation_desk.district.models import Committee
from mediation_desk.storage.base import utcnow

DEVICE = "8800000015"
OTHER_DEVICE = "8800000016"
IMEI = "868120301234567"  # 15 digits: a bracelet id, not a phone number
HOME = (30.0312, 120.8765)
HOME_FIX = Fix(*HOME)
BEIJING = dt.timezone(dt.timedelta(hours=8))
OUTCOME = "已上门查看，老人起夜滑倒，轻微擦伤，村医已处理"


def wearer(desk: Desk, wearer_id: str | None = None, device_id: str | None = DEVICE, **more: Any) -> dict[str, Any]:
    payload = {
        "device_id": device_id,
        "name": "王阿婆",
        "address": "谢家塘村三组 15 号",
        "living_alone": True,
        "active": True,
        "location_consent": True,
        "enrolled_on": "2026-11-02",
        **more,
    }
    return desk.op(rules.WEARER, wearer_id or new_id(), contract.CREATE, payload)


def wearer_update(desk: Desk, wearer_id: str, **fields: Any) -> dict[str, Any]:
    return desk.op(rules.WEARER, wearer_id, contract.UPDATE, {"fields": fields})


def now_text(offset_s: float = 0) -> str:
    return (utcnow() + dt.timedelta(seconds=offset_s)).astimezone(BEIJING).isoformat()


def move_fields(target: str, who: str = "值班员李芳") -> dict[str, Any]:
    """What a desk sends with a move to `target` (rules.TRANSITION_FIELDS)."""
    return {
        rules.ACKNOWLEDGED: {"acknowledged_by": who, "acknowledged_at": now_text()},
        rules.DISPATCHED: {"dispatched_to": "村医王建国", "dispatched_by": who, "dispatched_at": now_text()},
        rules.RESOLVED: {"resolved_by": who, "resolved_at": now_text(), "outcome": OUTCOME},
    }.get(target, {})


def move(desk: Desk, alarm_id: str, frm: str, to: str, **fields: Any) -> dict[str, Any]:
    payload = {"from": frm, "to": to, **move_fields(to), **fields}
    return desk.op(rules.ALARM, alarm_id, contract.TRANSITION, {k: v for k, v in payload.items() if v is not ...})


def intake(db: Database) -> AlarmIntake:
    return AlarmIntake(db, Fanout())


def raise_alarm(
    db: Database,
    device_id: str = DEVICE,
    kinds: tuple[str, ...] = (rules.SOS,),
    *,
    fix: Fix | None = HOME_FIX,
    battery: int | None = 80,
    received: dt.datetime | None = None,
    raised: dt.datetime | None = None,
    alarm_id: str | None = None,
    source: str = "watch",
) -> Recorded:
    """An alarm as the gateway hands it over (in-process, on the server's database)."""
    at = received or utcnow()
    event = DeviceAlarm(device_id, "3G", kinds, raised or at, fix, battery, source, alarm_id)
    return intake(db).record(event, at)


def changes_of(desk: Desk, entity: str = rules.ALARM, after: int = 0) -> list[dict[str, Any]]:
    return [c for c in desk.pull_all(after)[0] if c["entity"] == entity]


def latest(desk: Desk, entity_id: str, entity: str = rules.ALARM) -> dict[str, Any]:
    *_, last = [c for c in changes_of(desk, entity) if c["entity_id"] == entity_id]
    return last


def received_clock(desk: Desk, change: dict[str, Any]) -> None:
    """The desk's clock after receiving a change (as its sync merges the clocks it pulls)."""
    desk.clock.last = max(desk.clock.last, hlc.Timestamp.decode(change["hlc"]))


def add_device(
    db: Database,
    committee_code: str,
    device_id: str = DEVICE,
    *,
    wearer_id: str | None = None,
    last_seen: dt.datetime | None = None,
    assigned: dt.datetime | None = None,
    consent: bool = True,
    active: bool = True,
) -> str:
    """A bracelet row as the wearer's ops make it, written directly (no server needed)."""
    with db.write() as s:
        committee = s.scalar(select(Committee).where(Committee.code == committee_code))
        assert committee is not None
        s.add(
            AlarmDevice(
                device_id=device_id,
                wearer_id=wearer_id or new_id(),
                committee_id=committee.id,
                town_id=committee.town_id,
                active=active,
                location_consent=consent,
                assigned_at=assigned or utcnow(),
                last_seen_at=last_seen,
            )
        )
    return device_id
