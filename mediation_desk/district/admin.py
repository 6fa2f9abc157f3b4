"""District administration: towns, committees, enrollment codes, devices and settings.

Used by the admin commands (`mediation-desk-district town add …`); each function is one
transaction and returns plain values. Refusals raise `AdminError` with a Chinese message.
Every change is recorded in the admin audit (who, why) in the same transaction as its effect;
`actor=None` means the operating-system account running the command."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, credentials
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.models import Committee, Device, EnrollmentCode, Setting, Town
from mediation_desk.storage.base import utcnow

MAX_CODE_HOURS = 24 * 30
MAX_REASON = 500  # what device.revoke_reason keeps; the same for every command
MAX_SETTING_BYTES = 4096
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
    if _control(value):
        raise AdminError(f"{label}不能含控制字符")
    return value


def _control(value: str) -> bool:
    """Control characters (tab and newline aside) and lone surrogates: no database keeps them whole."""
    return any(
        (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000 for ch in value
    )


def actor_of(actor: str | None) -> str:
    """Who is acting: `--by` as given, else the operating-system account."""
    value = admin_audit.os_user() if actor is None else actor.strip()
    if not value:
        raise AdminError("--by（操作人）不能为空")
    if len(value) > admin_audit.MAX_ACTOR or _control(value):
        raise AdminError(f"--by（操作人）最多 {admin_audit.MAX_ACTOR} 个字，且不能含控制字符")
    return value


def reason_of(reason: str | None, *, required_for: str | None = None) -> str:
    """A reason for the audit; `required_for` names the command that cannot go without one."""
    value = (reason or "").strip()
    if not value and required_for:
        raise AdminError(f"{required_for}须用 --reason 写明原因（记入管理审计）")
    if len(value) > MAX_REASON:
        raise AdminError(f"--reason（原因）最多 {MAX_REASON} 个字，现有 {len(value)} 个")
    if _control(value):
        raise AdminError("--reason（原因）不能含控制字符")
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


def add_town(db: Database, name: str, *, actor: str | None = None, reason: str = "") -> str:
    name = _name(name, "镇（街道）名称", 100)
    who, why = actor_of(actor), reason_of(reason)
    with db.write() as s:
        if s.scalar(select(Town.id).where(Town.name == name)):
            raise AdminError(f"镇（街道）“{name}”已存在")
        town = Town(name=name, created_at=utcnow())
        s.add(town)
        s.flush()
        admin_audit.record(s, actor=who, action="town.add", target=name, reason=why, detail={"town_id": town.id})
        return town.id


def list_towns(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Town.name).order_by(Town.name)))


def add_committee(db: Database, town: str, code: str, name: str, *, actor: str | None = None, reason: str = "") -> str:
    code, name = _name(code, "调解委员会代码", 64), _name(name, "调解委员会名称", 200)
    who, why = actor_of(actor), reason_of(reason)
    with db.write() as s:
        t = town_by_name(s, town)
        if s.scalar(select(Committee.id).where(Committee.code == code)):
            raise AdminError(f"调解委员会代码“{code}”已被使用")
        committee = Committee(code=code, name=name, town_id=t.id, created_at=utcnow())
        s.add(committee)
        s.flush()
        admin_audit.record(
            s, actor=who, action="committee.add", target=code, reason=why, detail={"name": name, "town": t.name}
        )
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
    actor: str | None = None,
    reason: str = "",
) -> str:
    """A one-time enrollment code for a committee's desk or a town's; returns the code itself
    (shown once: only its hash is stored, and the audit names only whom it is for)."""
    if bool(committee_code) == bool(town):
        raise AdminError("请指定 --committee 或 --town 之一")
    if not 0 < expires_hours <= MAX_CODE_HOURS:
        raise AdminError(f"有效期须在 0 到 {MAX_CODE_HOURS} 小时之间")
    who, why = actor_of(actor), reason_of(reason)
    now = now or utcnow()
    expires_at = now + dt.timedelta(hours=expires_hours)
    code = credentials.new_code()
    with db.write() as s:
        if committee_code:
            committee = committee_by_code(s, committee_code)
            committee_id, town_id, target = committee.id, committee.town_id, f"committee:{committee.code}"
        else:
            t = town_by_name(s, str(town))
            committee_id, town_id, target = None, t.id, f"town:{t.name}"
        s.add(
            EnrollmentCode(
                code_hash=credentials.code_hash(code),
                committee_id=committee_id,
                town_id=town_id,
                expires_at=expires_at,
                created_at=now,
            )
        )
        admin_audit.record(
            s,
            actor=who,
            action="enroll_code.issue",
            target=target,
            reason=why,
            detail={"expires_at": expires_at.isoformat()},
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


def revoke_device(db: Database, device_id: str, *, actor: str | None = None, reason: str = "") -> bool:
    """Revoke a device's token; False when it was revoked already (nothing changes, nothing recorded)."""
    who, why = actor_of(actor), reason_of(reason)
    device_id = (device_id or "").strip()
    with db.write() as s:
        device = s.get(Device, device_id) if 0 < len(device_id) <= 36 and not _control(device_id) else None
        if device is None:
            raise AdminError(f"没有编号为“{device_id[:40]}”的设备（见 device list）")
        if device.revoked_at is not None:
            return False
        device.revoked_at, device.revoked_by, device.revoke_reason = utcnow(), who, why
        admin_audit.record(
            s,
            actor=who,
            action="device.revoke",
            target=device.id,
            reason=why,
            detail={"scope": device.scope, "name": device.name},
        )
        return True


def settings(s: Session) -> dict[str, Any]:
    values = dict(DEFAULT_SETTINGS)
    values.update({row.key: row.value for row in s.scalars(select(Setting))})
    return values


def set_setting(db: Database, key: str, value: Any, *, actor: str | None = None, reason: str = "") -> None:
    key = _name(key, "设置项", 64)
    who, why = actor_of(actor), reason_of(reason)
    try:  # what every desk will be sent: plain JSON, finite numbers, whole characters
        size = len(json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8"))
    except (ValueError, TypeError):
        raise AdminError(f"设置项 {key} 的值须是有效的 JSON（数字须是有限的数）") from None
    if size > MAX_SETTING_BYTES:
        raise AdminError(f"设置项 {key} 的值最多 {MAX_SETTING_BYTES} 字节，现有 {size} 字节")
    with db.write() as s:
        old = s.get(Setting, key)
        before = old.value if old is not None else DEFAULT_SETTINGS.get(key)
        s.merge(Setting(key=key, value=value))
        admin_audit.record(
            s, actor=who, action="setting.set", target=key, reason=why, detail={"old": before, "new": value}
        )


def read_json_file(path: Path, what: str, max_bytes: int) -> Any:
    """An issued document's file (a catalogue, a scheme): UTF-8 JSON (a byte-order mark allowed),
    refused with words naming `what` when it cannot be read, is too large or is not JSON."""
    try:
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise AdminError(f"无法读取{what}文件 {path}：{exc.strerror or type(exc).__name__}") from None
    if len(raw) > max_bytes:
        raise AdminError(f"{what}文件过大：最多 {max_bytes // 1024} KB")
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise AdminError(f"{what}文件不是有效的 UTF-8 JSON：{type(exc).__name__}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"JSON 不允许 {name}")
