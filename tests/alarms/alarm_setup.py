"""What the bracelet tests share beside their fixtures (tests/alarms/conftest.py): the desk they
run on, wearers enrolled through the service, and alarms or device tasks as the district's feed
brings them. A module of its own name, so that a test imports it whichever other test folders
run in the same session (every folder has a `conftest`)."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.alarms import rules, wearers
from mediation_desk.alarms.dto import ContactInput, WearerView
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import Actor, acting_at, china_today
from mediation_desk.desk import Desk
from mediation_desk.storage.base import new_id
from mediation_desk.sync import apply
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.validation import resident_id_check_char

CODE = "XT-001"  # the committee of the template desks
REGION = "330604"
_serial = itertools.count(1)


@dataclass
class AlarmEnv:
    desk: Desk
    admin: Actor  # 主任
    clerk: Actor  # 记录员: enrols wearers, answers alarms
    mediator: Actor  # 调解员: answers alarms, may not enrol
    committee: CommitteeView

    @property
    def today(self) -> dt.date:
        return china_today()


def bj(year: int, month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=rules.BEIJING)


def id_number(birth: dt.date, serial: int | None = None) -> str:
    order = ((next(_serial) if serial is None else serial) % 499) * 2 + 1
    first17 = f"{REGION}{birth:%Y%m%d}{order:03d}"
    return first17 + resident_id_check_char(first17)


def contacts(n: int = 2) -> list[ContactInput]:
    people = [
        ContactInput("relative", "谢建国", "儿子", "13905753101"),
        ContactInput("doctor", "陈德明", "村医", "0575-82160101"),
        ContactInput("grid", "杜小英", None, "13905753103"),
        ContactInput("other", "王阿姨", "邻居", "13905753104"),
    ]
    return (people * 3)[:n]


def enrol(env: AlarmEnv, name: str = "谢桂英", *, birth: dt.date = dt.date(1938, 3, 12), **kw: Any) -> WearerView:
    fields: dict[str, Any] = {
        "name": name,
        "id_number": id_number(birth),
        "phone": None,
        "address": "谢塘镇谢家塘村塘东 3 号",
        "living_alone": True,
        "device_id": f"86138{next(_serial):05d}",
        "contacts": contacts(),
        **kw,
    }
    return wearers.enrol_wearer(env.desk, env.clerk, **fields)


def alarm_data(w: WearerView | None, raised: dt.datetime, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "wearer_id": w.id if w else None,
        "device_id": (w.device_id if w else None) or "8600000000",
        "kinds": [rules.SOS],
        "source": "watch",
        "raised_at": raised.isoformat(),
        "received_at": raised.isoformat(),
        "status": rules.NEW,
        "latitude": 30.0361,
        "longitude": 120.8712,
        "has_fix": True,
        "battery": 70,
        "acknowledged_by": None,
        "acknowledged_at": None,
        "dispatched_to": None,
        "dispatched_by": None,
        "dispatched_at": None,
        "resolved_by": None,
        "resolved_at": None,
        "outcome": None,
        "escalated_at": None,
    }
    data.update(kw)
    return data


def clock(counter: int) -> str:
    """The district's clock now (an HLC: wall milliseconds, counter, node)."""
    return f"{int(time.time() * 1000):016d}-{counter:04d}-district"


def change(entity: str, entity_id: str, data: dict[str, Any], *, seq: int = 1) -> contract.Change:
    return contract.Change(seq, entity, entity_id, CODE, clock(seq), data, None)


def pull(desk: Desk, *changes: contract.Change, at: dt.datetime | None = None) -> apply.PageTally:
    """A page of the feed applied as the sync (or the alarm stream) applies it."""
    with acting_at(at or dt.datetime.now(dt.UTC)), desk.write(SYNC_ACTOR) as uow:
        return apply.apply_page(uow, list(changes), committee_code=CODE, scope=contract.SCOPE_COMMITTEE, node=desk.node)


def raise_alarm(env: AlarmEnv, w: WearerView | None, raised: dt.datetime, *, seq: int = 1, **kw: Any) -> str:
    """An alarm the district raised, arriving two seconds later."""
    alarm_id = new_id()
    pull(
        env.desk,
        change(rules.ALARM, alarm_id, alarm_data(w, raised, **kw), seq=seq),
        at=raised + dt.timedelta(seconds=2),
    )
    return alarm_id


def settle(desk: Desk, state: str = "applied") -> None:
    """As after a push the district answered: nothing of this desk's still to send."""
    with desk.write(SYNC_ACTOR) as uow:
        for op in uow.session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")):
            op.state = state


def ops(desk: Desk, entity: str, entity_id: str | None = None) -> list[OutboxOp]:
    with desk.read() as s:
        q = select(OutboxOp).where(OutboxOp.entity == entity)
        if entity_id is not None:
            q = q.where(OutboxOp.entity_id == entity_id)
        rows = list(s.scalars(q.order_by(OutboxOp.seq)))
        s.expunge_all()
        return rows
