"""District administration: towns, committees, enrollment codes, devices and settings.

Used by the admin commands (`mediation-desk-district town add …`); each function is one
transaction and returns plain values. Refusals raise `AdminError` with a Chinese message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import credentials
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.models import Committee, Device, EnrollmentCode, Setting, Town
from mediation_desk.storage.base import utcnow

MAX_CODE_HOURS = 24 * 30
DEFAULT_SETTINGS: dict[str, Any] = {
    "district_name": "",
    "max_push_batch": contract.MAX_PUSH_BATCH,
    "max_pull_page": contract.MAX_PULL_PAGE,
    "sync_interval_seconds": 300,
}


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    scope: str
    town: str
    committee_code: str | None
    enrolled_at: dt.datetime
    revoked_at: dt.datetime | None


def _name(value: str, label: str, max_chars: int) -> str:
    value = (value or "").strip()
    if not value:
        raise AdminError(f"{label}不能为空")
    if len(value) > max_chars:
        raise AdminError(f"{label}最多 {max_chars} 个字，现有 {len(value)} 个")
    return value


def town_by_name(s: Session, name: str) -> Town:
    town = s.scalar(select(Town).where(Town.name == name.strip()))
    if town is None:
        raise AdminError(f"没有名为“{name}”的镇（街道），请先 town add")
    return town


def committee_by_code(s: Session, code: str) -> Committee:
    committee = s.scalar(select(Committee).where(Committee.code == code.strip()))
    if committee is None:
        raise AdminError(f"没有代码为“{code}”的调解委员会，请先 committee add")
    return committee


def add_town(db: Database, name: str) -> str:
    name = _name(name, "镇（街道）名称", 100)
    with db.write() as s:
        if s.scalar(select(Town.id).where(Town.name == name)):
            raise AdminError(f"镇（街道）“{name}”已存在")
        town = Town(name=name, created_at=utcnow())
        s.add(town)
        s.flush()
        return town.id


def list_towns(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Town.name).order_by(Town.name)))


def add_committee(db: Database, town: str, code: str, name: str) -> str:
    code, name = _name(code, "调解委员会代码", 64), _name(name, "调解委员会名称", 200)
    with db.write() as s:
        t = town_by_name(s, town)
        if s.scalar(select(Committee.id).where(Committee.code == code)):
            raise AdminError(f"调解委员会代码“{code}”已被使用")
        committee = Committee(code=code, name=name, town_id=t.id, created_at=utcnow())
        s.add(committee)
        s.flush()
        return committee.id


def list_committees(db: Database) -> list[tuple[str, str, str]]:
    """(code, name, town) of every committee."""
    with db.read() as s:
        rows = s.execute(
            select(Committee.code, Committee.name, Town.name)
            .join(Town, Town.id == Committee.town_id)
            .order_by(Committee.code)
        )
        return [(c, n, t) for c, n, t in rows]


def issue_code(
    db: Database,
    *,
    committee_code: str | None = None,
    town: str | None = None,
    expires_hours: float = 72,
    now: dt.datetime | None = None,
) -> str:
    """A one-time enrollment code for a committee's desk or a town's; returns the code itself
    (shown once: only its hash is stored)."""
    if bool(committee_code) == bool(town):
        raise AdminError("请指定 --committee 或 --town 之一")
    if not 0 < expires_hours <= MAX_CODE_HOURS:
        raise AdminError(f"有效期须在 0 到 {MAX_CODE_HOURS} 小时之间")
    now = now or utcnow()
    code = credentials.new_code()
    with db.write() as s:
        if committee_code:
            committee = committee_by_code(s, committee_code)
            committee_id, town_id = committee.id, committee.town_id
        else:
            committee_id, town_id = None, town_by_name(s, str(town)).id
        s.add(
            EnrollmentCode(
                code_hash=credentials.code_hash(code),
                committee_id=committee_id,
                town_id=town_id,
                expires_at=now + dt.timedelta(hours=expires_hours),
                created_at=now,
            )
        )
    return code


def list_devices(db: Database) -> list[DeviceRow]:
    with db.read() as s:
        rows = s.execute(
            select(Device, Town.name, Committee.code)
            .join(Town, Town.id == Device.town_id)
            .outerjoin(Committee, Committee.id == Device.committee_id)
            .order_by(Device.enrolled_at)
        )
        return [DeviceRow(d.id, d.name, d.scope, town, code, d.enrolled_at, d.revoked_at) for d, town, code in rows]


def revoke_device(db: Database, device_id: str) -> bool:
    """Revoke a device's token; False when it was revoked already."""
    with db.write() as s:
        device = s.get(Device, device_id.strip())
        if device is None:
            raise AdminError(f"没有编号为“{device_id}”的设备（见 device list）")
        if device.revoked_at is not None:
            return False
        device.revoked_at = utcnow()
        return True


def settings(s: Session) -> dict[str, Any]:
    values = dict(DEFAULT_SETTINGS)
    values.update({row.key: row.value for row in s.scalars(select(Setting))})
    return values


def set_setting(db: Database, key: str, value: Any) -> None:
    key = _name(key, "设置项", 64)
    with db.write() as s:
        s.merge(Setting(key=key, value=value))
