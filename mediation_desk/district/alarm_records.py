"""Writing alarms and device tasks at the district: their records, projections and feed entries.

Every writer here runs inside `Database.write(feed=True)` (the feed lock is held to commit, so
checks such as "is this alarm still new" or "has this bracelet an open task" cannot race another
server instance). Each change goes into the committee's feed with `town_visible=True` (a town sees
its villages' alarms), and `notify(session)` tells the other instances at commit; the writer wakes
its own process's streams (`Fanout.wake()`) after the commit.

A move of an alarm (acknowledge, dispatch, resolve) is checked here the same way whoever asks —
a village desk's op or a town's request: `rules.transition_conflict` from the district's own state,
and the fields `rules.TRANSITION_FIELDS` names for the target, each checked and named when wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.alarms import entities, rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import alarm_fanout
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmTask
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import Change, Committee, Record
from mediation_desk.district.op_check import OpRefused, plain_text, shown
from mediation_desk.logging_setup import looks_personal
from mediation_desk.storage.base import utcnow

MAX_FUTURE = dt.timedelta(days=1)  # a moment further ahead is a clock gone wrong
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LABELS = {
    "acknowledged_by": "接警人",
    "acknowledged_at": "接警时间",
    "dispatched_to": "派往",
    "dispatched_by": "派单人",
    "dispatched_at": "派单时间",
    "resolved_by": "处置人",
    "resolved_at": "处置时间",
    "outcome": "处置结果",
    "closed_by": "处理人",
    "closed_at": "处理时间",
    "note": "处理说明",
}
# The projection's column of each moment a transition sets.
MOMENT_COLUMNS = {"acknowledged_at", "dispatched_at", "resolved_at"}


class FieldRefused(OpRefused):
    """A refusal that names the field at fault (an HTTP answer carries it; a pushed op's reason
    names it in words)."""

    def __init__(self, reason: str, field: str, code: str = contract.REASON_CODE_INVALID) -> None:
        super().__init__(reason, code)
        self.field = field


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def moment(value: Any, name: str, now: dt.datetime | None = None) -> dt.datetime:
    """An ISO 8601 moment with its offset, in UTC; OpRefused naming the field otherwise."""
    example = "如 2026-11-02T09:30:00+08:00"
    label = LABELS.get(name, name)
    if not isinstance(value, str) or not value or len(value) > 40:
        raise FieldRefused(f"{label}（{name}）须是带时区的时刻（ISO 8601，{example}），收到 {shown(value)}", name)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FieldRefused(
            f"{label}（{name}）不是可读的时刻（ISO 8601，{example}），收到 {shown(value)}", name
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise FieldRefused(f"{label}（{name}）缺少时区（须带 +08:00 这样的偏移，{example}）", name)
    parsed = parsed.astimezone(dt.UTC)
    if not EARLIEST <= parsed <= (now or utcnow()) + MAX_FUTURE:
        raise FieldRefused(
            f"{label}（{name}）的时刻 {shown(value)} 不在合理范围内（不能早于 2000 年，也不能晚于现在）", name
        )
    return parsed


def line(value: Any, name: str, max_chars: int, *, multiline: bool = False) -> str:
    """Words typed at a desk: 1 to `max_chars` characters of plain text, nothing like an ID number
    or a phone number (they stay in the village)."""
    label = LABELS.get(name, name)
    if not isinstance(value, str) or not value.strip():
        raise FieldRefused(f"须写明{label}（{name}），1 到 {max_chars} 个字", name)
    text = value.strip()
    try:
        plain_text(text, f"{label}（{name}）", max_chars, multiline=multiline)
    except OpRefused as refused:
        raise FieldRefused(refused.reason, name) from None
    if looks_personal(text):
        raise FieldRefused(
            f"{label}（{name}）中像是身份证号或电话号码，区里不接收", name, contract.REASON_CODE_PERSONAL_DATA
        )
    return text


def transition_request(payload: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """The `from`, `to` and the target's fields of a requested move, checked (FieldRefused)."""
    claimed_from, target = payload.get("from"), payload.get("to")
    if not isinstance(claimed_from, str) or claimed_from not in rules.STATES:
        raise FieldRefused(
            f"报警处置变更缺少原状态（from），须是 {'、'.join(rules.STATES)} 之一，收到 {shown(claimed_from)}", "from"
        )
    if not isinstance(target, str) or target not in rules.STATES:
        raise FieldRefused(
            f"报警处置变更缺少新状态（to），须是 {'、'.join(rules.STATES)} 之一，收到 {shown(target)}", "to"
        )
    fields: dict[str, Any] = {}
    for name in rules.TRANSITION_FIELDS.get(target, ()):
        value = payload.get(name)
        if name.endswith("_at"):
            fields[name] = iso(moment(value, name))
        elif name == "outcome":
            fields[name] = line(value, name, rules.MAX_OUTCOME_CHARS, multiline=True)
        else:
            fields[name] = line(value, name, rules.MAX_WHO_CHARS)
    return claimed_from, target, fields


def notify(s: Session) -> None:
    """Tell the other server instances, at this transaction's commit, that alarms changed."""
    alarm_fanout.notify_in(s, s.get_bind().dialect.name)


def store(rec: Record, values: dict[str, Any], clock: str) -> None:
    """Fields set with `clock` (each field keeps the later of its clock and this one)."""
    data, clocks = dict(rec.data), dict(rec.clocks)
    for name, value in values.items():
        data[name], clocks[name] = value, max(clocks.get(name, ""), clock)
    rec.data, rec.clocks = data, clocks  # new objects: JSON columns see the change
    rec.hlc, rec.updated_at = max(rec.hlc, clock), utcnow()
    rec.status = data.get("status")


def changed(feed: FeedWriter, rec: Record, committee: Committee, origin_device: str | None) -> int:
    """The record's whole state into the committee's feed, seen by its town too."""
    return feed.append(
        entity=rec.entity,
        entity_id=rec.entity_id,
        committee=committee,
        hlc=rec.hlc,
        data=record_state(rec),
        origin_device=origin_device,
        town_visible=True,
    )


def new_record(s: Session, entity: str, entity_id: str, committee: Committee, data: dict[str, Any]) -> Record:
    """A record the district makes: every field with the district's clock."""
    clock, now = server_clock(""), utcnow()
    rec = Record(
        entity=entity,
        entity_id=entity_id,
        committee_id=committee.id,
        town_id=committee.town_id,
        status=data.get("status"),
        data=dict(data),
        clocks=dict.fromkeys(data, clock),
        hlc=clock,
        origin_device=None,
        created_at=now,
        updated_at=now,
    )
    s.add(rec)
    return rec


def alarm_data(
    *,
    wearer_id: str,
    wearer_name: str | None,
    device_id: str,
    kinds: tuple[str, ...],
    source: str,
    raised_at: dt.datetime,
    received_at: dt.datetime,
    position: tuple[float, float] | None,
    battery: int | None,
) -> dict[str, Any]:
    """A new alarm's record: every field of the contract, the moves still empty."""
    data: dict[str, Any] = dict.fromkeys(_alarm_fields())
    data.update(
        wearer_id=wearer_id,
        wearer_name=wearer_name,
        device_id=device_id,
        kinds=list(kinds),
        source=source,
        raised_at=iso(raised_at),
        received_at=iso(received_at),
        status=rules.NEW,
        latitude=position[0] if position else None,
        longitude=position[1] if position else None,
        has_fix=position is not None,
        battery=battery,
    )
    return data


def _alarm_fields() -> list[str]:
    [alarm] = [e for e in entities.SYNCED_ENTITIES if e.name == rules.ALARM]
    return sorted(alarm.fields)


def move_conflict(rec: Record, claimed_from: str, target: str, fields: dict[str, Any]) -> str | None:
    """Why a requested move conflicts with the district's state, in words, or None: then it
    applies — or, the alarm being there already by this same move, changes nothing."""
    held = rec.status or rules.NEW
    conflict = rules.transition_conflict(held, claimed_from, target)
    if conflict is None and held == target:
        conflict = rules.someone_was_first(rec.data, target, fields)
    return conflict


def move_alarm(
    s: Session,
    feed: FeedWriter,
    rec: Record,
    target: str,
    fields: dict[str, Any],
    clock: str,
    origin_device: str | None,
) -> None:
    """Apply a checked move: the record, its projection and the feed entry."""
    store(rec, {"status": target, **fields}, clock)
    event = s.get(AlarmEvent, rec.entity_id)
    if event is not None:
        event.status = target
        for name in MOMENT_COLUMNS & set(fields):
            setattr(event, name, dt.datetime.fromisoformat(fields[name]))
    committee = s.get(Committee, rec.committee_id)
    assert committee is not None  # a foreign key
    changed(feed, rec, committee, origin_device)


def open_task(
    s: Session,
    feed: FeedWriter,
    device: AlarmDevice,
    kind: str,
    key: str,
    reason: str,
    now: dt.datetime,
) -> str | None:
    """A device task for the bracelet, unless it has an open one of this kind (or this very one):
    its id, or None when nothing was opened."""
    task_id = rules.task_id(device.device_id, kind, key)
    if s.get(AlarmTask, task_id) is not None:
        return None
    held = s.scalar(
        select(AlarmTask.id).where(
            AlarmTask.device_id == device.device_id, AlarmTask.kind == kind, AlarmTask.status == rules.TASK_OPEN
        )
    )
    if held is not None:
        return None
    committee = s.get(Committee, device.committee_id)
    assert committee is not None
    data = {
        "wearer_id": device.wearer_id,
        "device_id": device.device_id,
        "kind": kind,
        "status": rules.TASK_OPEN,
        "opened_at": iso(now),
        "reason": reason,
        "closed_at": None,
        "closed_by": None,
        "note": None,
    }
    rec = new_record(s, rules.DEVICE_TASK, task_id, committee, data)
    s.add(
        AlarmTask(
            id=task_id,
            device_id=device.device_id,
            wearer_id=device.wearer_id,
            committee_id=device.committee_id,
            town_id=device.town_id,
            kind=kind,
            status=rules.TASK_OPEN,
            opened_at=now,
        )
    )
    s.flush()  # a second check in this transaction (the next kind, the next bracelet) sees it
    changed(feed, rec, committee, None)
    return task_id


def erase_positions(s: Session, feed: FeedWriter, wearer_id: str) -> int:
    """The wearer withdrew location consent: no coordinates are kept of their alarms or bracelet,
    in the records, in the feed's past entries, or in the bracelet's last position. The records
    that held one are sent again without it. Returns how many alarms held a position."""
    for device in s.scalars(select(AlarmDevice).where(AlarmDevice.wearer_id == wearer_id)):
        device.last_latitude = device.last_longitude = device.last_fix_at = None
    ids = list(s.scalars(select(AlarmEvent.id).where(AlarmEvent.wearer_id == wearer_id)))
    erased = 0
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        for rec in s.scalars(select(Record).where(Record.entity == rules.ALARM, Record.entity_id.in_(chunk))):
            if rec.data.get("latitude") is None and rec.data.get("longitude") is None:
                continue
            erased += 1
            store(rec, {"latitude": None, "longitude": None, "has_fix": False}, server_clock(rec.hlc))
            committee = s.get(Committee, rec.committee_id)
            assert committee is not None
            changed(feed, rec, committee, None)
        past = select(Change).where(Change.entity == rules.ALARM, Change.entity_id.in_(chunk))
        for change in s.scalars(past):
            if change.data.get("latitude") is not None or change.data.get("longitude") is not None:
                change.data = {**change.data, "latitude": None, "longitude": None, "has_fix": False}
    return erased
