"""Alarms posted by vendor platforms (bracelets that report to their maker's cloud, not to our
gateway), and the keys those platforms hold.

`POST rules.VENDOR_PATH` with `Authorization: Bearer <vendor key>` and a JSON body
{"alarm_id", "device_id", "type": sos|fall|low_battery|removed|alarm, "time" (ISO 8601 with
offset), "latitude"?, "longitude"?, "battery"?} → 202 {"alarm_id": the district's id}. A vendor
retrying the same alarm gets the same district alarm (`rules.vendor_alarm_id`), recorded once.
A bad body → 400 naming the field; a wrong or revoked key → 401, counted towards the address's
lockout like a wrong device token.

`mediation-desk-district vendor add NAME` prints a new key once (only its SHA-256 is kept);
`vendor list`; `vendor revoke NAME --reason WHY`. Each is recorded in the admin audit."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import re
import secrets
import sys
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.district import admin, admin_audit, credentials, metrics, wire
from mediation_desk.district.alarm_apply import DEVICE_ID
from mediation_desk.district.alarm_intake import AlarmIntake, DeviceAlarm, Fix
from mediation_desk.district.alarm_models import AlarmVendorKey
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError, ApiError, bad_request
from mediation_desk.district.op_check import OpRefused, plain_text
from mediation_desk.district.ratelimit import Limits, client_address
from mediation_desk.district.tokens import MAX_TOKEN_LEN
from mediation_desk.storage.base import utcnow

ERROR_VENDOR_KEY = "vendor_key_invalid"
VENDOR_NAME = re.compile(r"[\w.\-]{1,64}")
MAX_ALARM_ID = 64


def key_hash(key: str) -> str:
    return hashlib.sha256(("vendor:" + key).encode()).hexdigest()


def _key_refused() -> ApiError:
    return ApiError(401, ERROR_VENDOR_KEY, "厂商平台密钥无效或已被撤销，请联系区社会治理中心")


def vendor_of(db: Database, authorization: str | None) -> str:
    """The vendor whose key the request carries, or 401."""
    scheme, _, key = (authorization or "").partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key or len(key) > MAX_TOKEN_LEN or not key.isascii():
        raise _key_refused()
    presented = key_hash(key)
    with db.read() as s:
        row = s.scalar(select(AlarmVendorKey).where(AlarmVendorKey.key_hash == presented))
    if row is None or row.revoked_at is not None or not credentials.same_hash(row.key_hash, presented):
        raise _key_refused()
    return row.name


# ---- the body ----------------------------------------------------------------------------------


def _number(body: dict[str, Any], name: str, low: float, high: float) -> float | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise bad_request(f"{name} 须是数字，收到 {type(value).__name__}", name)
    if not low <= value <= high:
        raise bad_request(f"{name} 须在 {low:g} 到 {high:g} 之间，收到 {value:g}", name)
    return float(value)


def device_alarm(vendor: str, body: Any) -> DeviceAlarm:
    """The alarm a vendor's body describes; 400 naming the field when it is not well formed."""
    if not isinstance(body, dict):
        raise bad_request('请求内容须是 JSON 对象 {"alarm_id", "device_id", "type", "time", …}')
    vendor_id = body.get("alarm_id")
    if not isinstance(vendor_id, str) or not 0 < len(vendor_id) <= MAX_ALARM_ID:
        raise bad_request(f"alarm_id 须是 1 到 {MAX_ALARM_ID} 个字符的厂商报警编号", "alarm_id")
    try:
        plain_text(vendor_id, "alarm_id", MAX_ALARM_ID)
    except OpRefused as refused:
        raise bad_request(refused.reason, "alarm_id") from None
    device_id = body.get("device_id")
    if not isinstance(device_id, str) or not DEVICE_ID.fullmatch(device_id):
        raise bad_request("device_id 须是 1 到 32 位字母或数字（手环编号）", "device_id")
    kind = body.get("type")
    if not isinstance(kind, str) or kind not in rules.KINDS:
        raise bad_request(f"type 须是 {'、'.join(rules.KINDS)} 之一", "type")
    raised = _time(body.get("time"))
    latitude, longitude = _number(body, "latitude", -90, 90), _number(body, "longitude", -180, 180)
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        raise bad_request(f"位置须同时给出 latitude 和 longitude，缺少 {missing}", missing)
    battery = body.get("battery")
    if battery is not None and (isinstance(battery, bool) or not isinstance(battery, int) or not 0 <= battery <= 100):
        raise bad_request("battery 须是 0 到 100 的整数（电量百分比）", "battery")
    fix = Fix(latitude, longitude) if latitude is not None and longitude is not None else None
    return DeviceAlarm(
        device_id=device_id,
        vendor=vendor,
        kinds=(kind,),
        raised_at=raised,  # the intake puts the receipt time in its place when far off
        fix=fix,
        battery=battery,
        source="vendor",
        alarm_id=rules.vendor_alarm_id(vendor, vendor_id),
    )


def _time(value: Any) -> dt.datetime:
    example = "如 2026-11-02T09:30:00+08:00"
    if not isinstance(value, str) or len(value) > 40:
        raise bad_request(f"time 须是带时区的时刻（ISO 8601，{example}）", "time")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(f"time 不是可读的时刻（ISO 8601，{example}）", "time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise bad_request(f"time 缺少时区（须带 +08:00 这样的偏移，{example}）", "time")
    return moment.astimezone(dt.UTC)


def install(app: FastAPI, db: Database, config: ServerConfig) -> None:
    @app.post(rules.VENDOR_PATH, status_code=202, tags=["alarms"])
    async def vendor_alarm(request: Request) -> JSONResponse:
        limits: Limits = request.app.state.limits
        address = client_address(request)
        # A locked-out address is refused before its key is looked at, let alone its body read.
        await run_in_threadpool(limits.check_address, address)
        try:
            vendor = await run_in_threadpool(vendor_of, db, request.headers.get("authorization"))
        except ApiError as refused:
            metrics.auth_failure(refused.code)
            if request.headers.get("authorization"):
                await run_in_threadpool(limits.failed, address, refused.code)
            raise
        event = device_alarm(vendor, await wire.read_json(request, config.max_small_body_bytes))
        intake: AlarmIntake = request.app.state.alarm_intake
        alarm_id = await intake.alarm(event)
        return JSONResponse({"alarm_id": alarm_id}, status_code=202)


# ---- `vendor add|list|revoke` ------------------------------------------------------------------


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    audited: argparse.ArgumentParser,
) -> None:
    vendor = sub.add_parser("vendor", help="推送报警的手环厂商平台").add_subparsers(dest="action", required=True)
    vendor.add_parser("add", parents=[audited], help="为厂商平台签发密钥（只显示一次）").add_argument("name")
    vendor.add_parser("list", parents=[common])
    vendor.add_parser("revoke", parents=[audited], help="撤销厂商平台的密钥").add_argument("name")


def _name(text: str) -> str:
    name = text.strip()
    if not VENDOR_NAME.fullmatch(name):
        raise AdminError("厂商名称须是 1 到 64 个字母、数字、汉字、点、横线或下划线")
    return name


def add_vendor(db: Database, name: str, *, actor: str, reason: str = "") -> str:
    """A new key for the vendor (a revoked vendor may be given a new one); returns it."""
    name, key = _name(name), secrets.token_urlsafe(32)
    with db.write() as s:
        held = s.get(AlarmVendorKey, name)
        if held is not None and held.revoked_at is None:
            raise AdminError(f"厂商“{name}”已有有效的密钥；要换新密钥，请先 vendor revoke {name}")
        if held is None:
            held = AlarmVendorKey(name=name)
            s.add(held)
        held.key_hash, held.created_at, held.created_by = key_hash(key), utcnow(), actor
        held.revoked_at = held.revoked_by = None
        admin_audit.record(s, actor=actor, action="alarm_vendor.add", target=name, reason=reason)
    return key


def list_vendors(db: Database) -> list[AlarmVendorKey]:
    with db.read() as s:
        return list(s.scalars(select(AlarmVendorKey).order_by(AlarmVendorKey.name)))


def revoke_vendor(db: Database, name: str, *, actor: str, reason: str) -> bool:
    """False when the key had been revoked already."""
    name = _name(name)
    with db.write() as s:
        held = s.get(AlarmVendorKey, name)
        if held is None:
            raise AdminError(f"没有厂商“{name}”（vendor list 列出全部）")
        if held.revoked_at is not None:
            return False
        held.revoked_at, held.revoked_by = utcnow(), actor
        admin_audit.record(s, actor=actor, action="alarm_vendor.revoke", target=name, reason=reason)
        return True


def run(db: Database, args: argparse.Namespace) -> None:
    if args.action == "list":
        rows = list_vendors(db)
        if not rows:
            print("（还没有厂商平台）", file=sys.stderr)
        for v in rows:
            state = f"revoked {v.revoked_at:%Y-%m-%d %H:%M}" if v.revoked_at else "active"
            print("\t".join([v.name, f"{v.created_at.astimezone():%Y-%m-%d %H:%M}", v.created_by, state]))
        return
    actor = admin.actor_of(args.by)
    if args.action == "add":
        key = add_vendor(db, args.name, actor=actor, reason=admin.reason_of(args.reason))
        print(key)
        print("密钥只显示这一次：请交给厂商平台，用作 Authorization: Bearer <密钥>。", file=sys.stderr)
        return
    reason = admin.reason_of(args.reason, required_for="撤销厂商密钥")
    print("已撤销" if revoke_vendor(db, args.name, actor=actor, reason=reason) else "此前已撤销")
