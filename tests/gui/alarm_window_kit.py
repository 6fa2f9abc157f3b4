"""What the window's bracelet tests share: wearers enrolled through the service, alarms and
device tasks as the district's feed (or the alarm stream) brings them, the window with its
console, and waits for the console's and the desk worker's reads."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from typing import Any

from mediation_desk.alarms import pulled, rules, wearers
from mediation_desk.alarms.dto import ContactInput, WearerView
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.desk import Desk
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.storage.base import new_id
from mediation_desk.sync import apply
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.validation import resident_id_check_char

CODE = "XT-001"  # the committee of the template desks
WAIT_MS = 20_000
_serial = itertools.count(1)


def id_number(birth: dt.date) -> str:
    first17 = f"330604{birth:%Y%m%d}{(next(_serial) % 499) * 2 + 1:03d}"
    return first17 + resident_id_check_char(first17)


CONTACTS = (
    ContactInput("relative", "谢建国", "儿子", "13905753101"),
    ContactInput("doctor", "陈德明", "村医", "0575-82160101"),
)


def enrol(desk: Desk, actor: Actor, name: str = "谢桂英", **kw: Any) -> WearerView:
    fields: dict[str, Any] = {
        "name": name,
        "id_number": id_number(dt.date(1938, 3, 12)),
        "phone": None,
        "address": "谢塘镇谢家塘村塘东 3 号",
        "living_alone": True,
        "device_id": f"86138{next(_serial):05d}",
        "contacts": list(CONTACTS),
        **kw,
    }
    return wearers.enrol_wearer(desk, actor, **fields)


def alarm_data(w: WearerView, raised: dt.datetime, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kinds": [rules.SOS],
        "source": "watch",
        "raised_at": raised.isoformat(),
        "received_at": raised.isoformat(),
        "status": rules.NEW,
        "latitude": None,
        "longitude": None,
        "has_fix": False,
        "battery": 70,
        **{name: None for fields in rules.TRANSITION_FIELDS.values() for name in fields},
        "escalated_at": None,
    }
    data.update(kw)
    return data


def feed(desk: Desk, entity: str, entity_id: str, data: dict[str, Any], *, late: bool = False) -> str:
    """One change of the district's feed, stored as the alarm stream stores it."""
    seq = next(_serial)
    clock = f"{int(time.time() * 1000):016d}-{seq:04d}-district"
    change = contract.Change(seq, entity, entity_id, CODE, clock, data, None)
    with acting_at(dt.datetime.now(dt.UTC)), desk.write(SYNC_ACTOR) as uow:
        apply.apply_page(uow, [change], committee_code=CODE, scope=contract.SCOPE_COMMITTEE, node=desk.node)
        if late:
            pulled.mark_late(uow, [entity_id])
    return entity_id


def raise_alarm(desk: Desk, w: WearerView, *, ago_s: float = 5, late: bool = False, **kw: Any) -> str:
    raised = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=ago_s)
    return feed(desk, rules.ALARM, new_id(), alarm_data(w, raised, **kw), late=late)


def open_task(desk: Desk, w: WearerView, kind: str = rules.OFFLINE) -> str:
    opened = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    data = {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kind": kind,
        "status": rules.TASK_OPEN,
        "opened_at": opened.isoformat(),
        "reason": "手环 30 分钟没有心跳",
        "closed_at": None,
        "closed_by": None,
        "note": None,
    }
    return feed(desk, rules.DEVICE_TASK, rules.task_id(w.device_id or "", kind, opened.isoformat()), data)


def arrived(window: MainWindow, *ids: str, late: bool = False) -> None:
    """What the bridge says when the stream has stored alarms."""
    window.alarm_console.bridge.alarmsArrived.emit(list(ids), late)


def idle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy and not window.alarm_console.alarm_reads.busy, timeout=WAIT_MS)
