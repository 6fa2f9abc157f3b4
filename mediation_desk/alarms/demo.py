"""演示数据 of the 平安手环 alarms: five wearers of 谢家塘村 with their emergency contacts (one under
80 with the committee's recorded reason, one whose daughter signed the consent as guardian) and
three months of alarms behind them, filled into the demo desk after the site codes (`core/demo.py`).

The wearers are enrolled through the services; the alarms and device tasks arrive as the
district's feed would bring them (`pulled.apply_changes`), and are answered, dispatched and
resolved through the services, each step at the moment it would have happened (`acting_at`), so
the monthly figures read as after real use: most answered within a minute, a few later, one
only after a quarter of an hour. The latest ones are still open: one new (escalated to the town), one
acknowledged, one dispatched. Deterministic for a given seed."""

from __future__ import annotations

import datetime as dt
import uuid
from random import Random
from typing import Any

from sqlalchemy import func, select

from mediation_desk.alarms import handling, pulled, rules, wearers
from mediation_desk.alarms.dto import ContactInput, WearerView
from mediation_desk.alarms.models import Wearer
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.demo import DemoContext
from mediation_desk.core.uow import SYSTEM, Actor, acting_at, acting_now
from mediation_desk.desk import Desk
from mediation_desk.validation import resident_id_check_char

REGION = "330604"
# name, birth, living alone, device, exception reason, guardian, health notes, contacts
WEARERS: tuple[tuple[str, dt.date, bool, str, str | None, str | None, str | None, tuple[ContactInput, ...]], ...] = (
    (
        "谢桂英",
        dt.date(1938, 3, 12),
        True,
        "8613800001",
        None,
        None,
        "高血压，每日服药；右腿不便",
        (
            ContactInput("relative", "谢建国", "儿子", "13905753101"),
            ContactInput("doctor", "陈德明", "村医", "0575-82160101"),
            ContactInput("grid", "杜小英", "网格员", "13905753103"),
        ),
    ),
    (
        "王林根",
        dt.date(1941, 11, 2),
        False,
        "8613800002",
        None,
        None,
        None,
        (
            ContactInput("relative", "王美芳", "女儿", "13905753201"),
            ContactInput("grid", "杜小英", "网格员", "13905753103"),
        ),
    ),
    (
        "陈金娣",
        dt.date(1935, 7, 21),
        True,
        "8613800003",
        None,
        "陈美华",
        "阿尔茨海默病早期，易走失",
        (
            ContactInput("relative", "陈美华", "女儿", "13905753301"),
            ContactInput("doctor", "陈德明", "村医", "0575-82160101"),
        ),
    ),
    (
        "俞阿大",
        dt.date(1950, 5, 5),
        True,
        "8613800004",
        "独居，患心脏病，子女在外地工作",
        None,
        None,
        (ContactInput("relative", "俞小平", "侄子", "13905753401"),),
    ),
    (
        "杜秀兰",
        dt.date(1944, 9, 30),
        False,
        "8613800005",
        None,
        None,
        None,
        (
            ContactInput("relative", "杜国强", "儿子", "13905753501"),
            ContactInput("grid", "王晓东", "网格员", "13905753502"),
        ),
    ),
)
# days before now, wearer index, kinds, seconds to answer (None: nobody answered), dispatched to, outcome
HISTORY: tuple[tuple[int, int, tuple[str, ...], int | None, str | None, str | None], ...] = (
    (84, 0, (rules.SOS,), 35, "村医 陈德明", "血压偏高，村医上门测量后送卫生院观察"),
    (76, 1, (rules.ALARM_OTHER,), 20, None, "老人误按，电话确认无事"),
    (70, 2, (rules.FALL,), 52, "网格员 杜小英", "在家中摔倒，网格员扶起，无明显外伤"),
    (61, 3, (rules.SOS,), 140, "侄子 俞小平", "胸闷，侄子陪同就医"),
    (55, 0, (rules.REMOVED,), 44, None, "洗澡时摘下，已提醒戴回"),
    (47, 4, (rules.SOS,), 28, None, "老人想确认手环是否好用，已说明"),
    (40, 2, (rules.SOS,), 900, "女儿 陈美华", "老人走失，女儿在村口找到"),
    (33, 1, (rules.FALL,), 58, "村医 陈德明", "院中滑倒，村医处理擦伤"),
    (26, 3, (rules.ALARM_OTHER,), 240, None, "手环进水误报，已联系厂家"),
    (18, 0, (rules.SOS,), 31, "儿子 谢建国", "夜间头晕，儿子赶到陪护"),
    (11, 4, (rules.LOW_BATTERY,), 50, None, "电量低，已提醒充电"),
    (5, 2, (rules.FALL,), 39, "网格员 杜小英", "起夜摔倒，网格员上门查看无碍"),
    (1, 1, (rules.SOS,), 26, "村医 陈德明", None),  # dispatched, not yet resolved
    (0, 3, (rules.FALL,), 45, None, None),  # acknowledged only
    (0, 0, (rules.SOS,), None, None, None),  # new, escalated
)
ARRIVES_AFTER = dt.timedelta(seconds=2)


class AlarmsDemo:
    """The bracelet part of the demo desk (registered in `capability.py`)."""

    name = "alarms"

    def has_data(self, desk: Desk) -> int:
        with desk.read() as s:
            return s.scalar(select(func.count()).select_from(Wearer)) or 0

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        desk, clerk, rng = context.desk, context.clerk, context.rng
        now = acting_now()
        enrolled = now - dt.timedelta(days=100)
        made = [_enrol(desk, clerk, n, row, enrolled) for n, row in enumerate(WEARERS)]
        counts = {"alarms": 0, "resolved": 0, "tasks": 0}
        for n, (days, who, kinds, answer_s, to, outcome) in enumerate(HISTORY):
            raised = _raised(now, days, n, rng)
            w = made[who]
            alarm_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            escalated = answer_s is None  # nobody has answered the newest: the district escalated it
            _arrive(desk, alarm_id, w, kinds, raised, escalated=escalated)
            counts["alarms"] += 1
            if rules.LOW_BATTERY in kinds or rules.REMOVED in kinds:
                counts["tasks"] += _task(desk, w, kinds, alarm_id, raised, closed=days > 3)
            if answer_s is None:
                continue
            _follow(desk, clerk, alarm_id, raised, answer_s, to, outcome)
            counts["resolved"] += outcome is not None
        return {
            "alarms_wearers": len(made),
            "alarms_raised": counts["alarms"],
            "alarms_resolved": counts["resolved"],
            "alarms_tasks": counts["tasks"],
        }


def _enrol(desk: Desk, clerk: Actor, n: int, row: tuple[Any, ...], when: dt.datetime) -> WearerView:
    name, birth, alone, device, reason, guardian, notes, contacts = row
    first17 = f"{REGION}{birth:%Y%m%d}{(n * 2 + 41) % 1000:03d}"
    with acting_at(when + dt.timedelta(minutes=15 * n)):
        return wearers.enrol_wearer(
            desk,
            clerk,
            name=name,
            id_number=first17 + resident_id_check_char(first17),
            phone=f"0575-8216{n + 31:04d}",  # the home's line: the bracelet calls it too
            address=f"谢塘镇谢家塘村{['塘东', '塘西', '村口'][n % 3]}{n * 4 + 3}号",
            living_alone=alone,
            device_id=device,
            contacts=contacts,
            exception_reason=reason,
            consent_by=guardian,
            health_notes=notes,
            health_consent=notes is not None,
        )


def _raised(now: dt.datetime, days: int, n: int, rng: Random) -> dt.datetime:
    """Some time of day `days` ago (Beijing), before now."""
    local = (now - dt.timedelta(days=days)).astimezone(rules.BEIJING)
    at = local.replace(hour=7 + (n * 5) % 14, minute=rng.randrange(60), second=rng.randrange(60), microsecond=0)
    return min(at, now - dt.timedelta(minutes=20 + 10 * n % 50))


def _arrive(
    desk: Desk, alarm_id: str, w: WearerView, kinds: tuple[str, ...], raised: dt.datetime, *, escalated: bool
) -> None:
    data: dict[str, Any] = {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kinds": list(kinds),
        "source": "watch",
        "raised_at": raised.isoformat(),
        "received_at": (raised + dt.timedelta(seconds=1)).isoformat(),
        "status": rules.NEW,
        "latitude": 30.0361 if w.location_consent else None,
        "longitude": 120.8712 if w.location_consent else None,
        "has_fix": w.location_consent,
        "battery": 12 if rules.LOW_BATTERY in kinds else 68,
        "escalated_at": (raised + dt.timedelta(seconds=60)).isoformat() if escalated else None,
    }
    _feed(desk, raised + ARRIVES_AFTER, rules.ALARM, alarm_id, data)


def _task(
    desk: Desk, w: WearerView, kinds: tuple[str, ...], alarm_id: str, raised: dt.datetime, *, closed: bool
) -> int:
    kind = rules.LOW_BATTERY if rules.LOW_BATTERY in kinds else rules.REMOVED
    task_id = rules.task_id(w.device_id or "", kind, alarm_id)
    data = {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kind": kind,
        "status": rules.TASK_OPEN,
        "opened_at": raised.isoformat(),
        "reason": rules.TASK_KINDS[kind],
    }
    _feed(desk, raised + ARRIVES_AFTER, rules.DEVICE_TASK, task_id, data)
    if closed:
        from mediation_desk.alarms import tasks

        with acting_at(raised + dt.timedelta(hours=3)):
            tasks.close_task(desk, SYSTEM, task_id, "已上门查看，手环已充电并戴好")
    return 1


def _feed(desk: Desk, at: dt.datetime, entity: str, entity_id: str, data: dict[str, Any]) -> None:
    with acting_at(at), desk.write(SYSTEM) as uow:
        code = desk.committee(uow.session).code
        pulled.apply_changes(uow, [contract.Change(0, entity, entity_id, code, uow.tick(), data)])


def _follow(
    desk: Desk, clerk: Actor, alarm_id: str, raised: dt.datetime, answer_s: int, to: str | None, outcome: str | None
) -> None:
    at = raised + dt.timedelta(seconds=answer_s)
    with acting_at(at):
        handling.acknowledge(desk, clerk, alarm_id)
    if to is not None:
        at += dt.timedelta(minutes=2)
        with acting_at(at):
            handling.dispatch(desk, clerk, alarm_id, to)
    if outcome is not None:
        with acting_at(at + dt.timedelta(minutes=35)):
            handling.resolve(desk, clerk, alarm_id, outcome)
