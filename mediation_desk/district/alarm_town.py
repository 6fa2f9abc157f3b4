"""The town's part of the bracelet alarms, online through the district, and the administrator's
list of alarms no wearer could be found for.

A town desk sees its villages' alarms in its pull and its alarm stream (town-visible changes);
when a village does not answer in time the alarm is escalated and the town may take it on:
`POST TOWN_ALARMS_PATH/{alarm_id}/transition` with {"from", "to", + the target's fields} moves
it exactly as a village desk's op would (`rules.transition_conflict` from the district's state;
409 with the alarm as the district holds it when someone was first). The change is stamped with
the district's clock and goes into the village's feed, so every desk of the village sees who
answered. `GET TOWN_ALARMS_PATH/{alarm_id}` gives the town what it needs to send help: the alarm,
the wearer's name, address and whether they live alone, and the village.

`mediation-desk-district alarms unrouted [--limit N]`: alarms from bracelets no wearer has
(an unknown or mistyped device id), newest first."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, http_errors, wire
from mediation_desk.district import alarm_records as records
from mediation_desk.district import schemas as sch
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_models import AlarmDevice, AlarmUnrouted
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import AdminError, ApiError, bad_request, out_of_scope
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.district.town import require_town

log = logging.getLogger(__name__)

TOWN_ALARMS_PATH = f"{contract.API_PREFIX}/town/alarms"
ERROR_ALARM_CONFLICT = "alarm_conflict"  # 409: the alarm had moved on (the answer carries it)


def transition_path(alarm_id: str) -> str:
    return f"{TOWN_ALARMS_PATH}/{alarm_id}/transition"


def _town_alarm(s: Any, device: DeviceScope, alarm_id: str) -> tuple[Record, Committee]:
    rec = s.get(Record, (rules.ALARM, alarm_id))
    if rec is None:
        raise ApiError(404, contract.ERROR_NOT_FOUND, "没有这条报警", "alarm_id")
    if rec.town_id != device.town_id:
        raise out_of_scope("这条报警不属于本镇（街道）的村")
    committee = s.get(Committee, rec.committee_id)
    assert committee is not None  # a foreign key
    return rec, committee


def alarm_detail(db: Database, device: DeviceScope, alarm_id: str) -> dict[str, Any]:
    """The alarm, its wearer (name, address, living alone) and its village, for the town."""
    require_town(device)
    with db.read() as s:
        rec, committee = _town_alarm(s, device, alarm_id)
        wearer_id = rec.data.get("wearer_id")
        wearer = s.get(Record, (rules.WEARER, str(wearer_id))) if wearer_id else None
        held = wearer.data if wearer is not None else {}
        return {
            "alarm_id": alarm_id,
            "alarm": record_state(rec),
            "wearer": {
                "wearer_id": wearer_id,
                "name": held.get("name"),
                "address": held.get("address"),
                "living_alone": held.get("living_alone"),
            },
            "committee_code": committee.code,
            "committee_name": committee.name,
        }


def transition(db: Database, device: DeviceScope, alarm_id: str, body: Any) -> tuple[int, dict[str, Any]]:
    """A town moves an alarm of one of its villages: (HTTP status, answer)."""
    require_town(device)
    if not isinstance(body, dict):
        raise bad_request('请求内容须是 JSON 对象 {"from": …, "to": …, 以及新状态须填的字段}')
    try:
        claimed_from, target, fields = records.transition_request(body)
    except records.FieldRefused as refused:
        raise bad_request(refused.reason, refused.field) from None
    with db.write(feed=True) as s:
        rec, committee = _town_alarm(s, device, alarm_id)
        held = rec.status or rules.NEW
        conflict = records.move_conflict(rec, claimed_from, target, fields)
        if conflict is not None:
            error = {"code": ERROR_ALARM_CONFLICT, "message": conflict, "field": "from"}
            return 409, {"error": error, "alarm": record_state(rec)}
        if held == target:
            return 200, {"alarm": record_state(rec), "changed": False}
        feed = FeedWriter(s)
        records.move_alarm(s, feed, rec, target, fields, server_clock(rec.hlc), device.device_id)
        admin_audit.record(
            s,
            actor=f"{device.town}：{fields.get(rules.WHO_FIELDS.get(target, ''), '')}",
            action=f"alarms.town_{target}",
            target=alarm_id,
            detail={"device_id": device.device_id, "committee": committee.code, "from": held},
        )
        feed.write()
        records.notify(s)
        return 200, {"alarm": record_state(rec), "changed": True}


def install(
    app: FastAPI, db: Database, config: ServerConfig, fanout: Fanout, device: Callable[..., DeviceScope]
) -> None:
    """The town's alarm endpoints; `device` is the app's bearer-token dependency."""

    @app.get(TOWN_ALARMS_PATH + "/{alarm_id}", tags=["town"])
    def town_alarm(alarm_id: str, me: DeviceScope = Depends(device)) -> JSONResponse:  # noqa: B008
        detail = alarm_detail(db, me, sch.path_id(alarm_id, "条报警", "alarm_id"))
        return http_errors.StoredDataResponse(detail)

    @app.post(TOWN_ALARMS_PATH + "/{alarm_id}/transition", tags=["town"])
    async def town_alarm_transition(
        alarm_id: str,
        request: Request,
        me: DeviceScope = Depends(device),  # noqa: B008
    ) -> JSONResponse:
        require_town(me)  # before a byte of the body is read
        alarm_id = sch.path_id(alarm_id, "条报警", "alarm_id")
        body = await wire.read_json(request, config.max_small_body_bytes)
        status, answer = await run_in_threadpool(transition, db, me, alarm_id, body)
        if answer.get("changed"):
            fanout.wake()
            log.info("alarm %s moved to %s by town device %s", alarm_id, answer["alarm"].get("status"), me.device_id)
        return http_errors.StoredDataResponse(answer, status_code=status)


# ---- `alarms unrouted` -----------------------------------------------------------------------


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    alarms = sub.add_parser("alarms", help="平安手环报警").add_subparsers(dest="action", required=True)
    unrouted = alarms.add_parser("unrouted", parents=[common], help="找不到佩戴人的手环发来的报警（最新的在前）")
    unrouted.add_argument("--limit", type=int, default=200)


def unrouted(db: Database, limit: int) -> list[AlarmUnrouted]:
    if not 1 <= limit <= 10_000:
        raise AdminError("--limit 须是 1 到 10000 的整数")
    query = select(AlarmUnrouted).order_by(AlarmUnrouted.received_at.desc(), AlarmUnrouted.id).limit(limit)
    with db.read() as s:
        return list(s.scalars(query))


def run(db: Database, args: argparse.Namespace) -> None:
    rows = unrouted(db, args.limit)
    if not rows:
        print("（没有找不到佩戴人的报警）", file=sys.stderr)
        return
    with db.read() as s:
        known = set(
            s.scalars(select(AlarmDevice.device_id).where(AlarmDevice.device_id.in_({r.device_id for r in rows})))
        )
    print("\t".join(["收到时间", "手环编号", "厂商", "报警类型", "来源", "发出时间", "电量", "现已登记"]))
    for r in rows:
        fields = [
            f"{r.received_at.astimezone(rules.BEIJING):%Y-%m-%d %H:%M:%S}",
            r.device_id,
            r.vendor or "-",
            rules.kinds_label(r.kinds),
            rules.SOURCES.get(r.source, r.source),
            f"{r.raised_at.astimezone(rules.BEIJING):%Y-%m-%d %H:%M:%S}",
            "-" if r.battery is None else f"{r.battery}%",
            "是" if r.device_id in known else "否",
        ]
        print("\t".join(fields))
