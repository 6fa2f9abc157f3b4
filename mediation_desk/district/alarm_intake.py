"""A bracelet's heartbeats, positions and alarms arriving at the district (gateway or vendor).

Every alarm is recorded, whoever sent it. A bracelet the district knows (its `alarm_device` row,
made from the wearer's ops) routes the alarm to its wearer's committee: the alarm's record, its
projection and a feed entry the committee's desks and its town see, in one feed-locked
transaction, then the streams are woken. An alarm from a bracelet no wearer has is kept as
unrouted (`alarms unrouted` lists them), logged and counted — never dropped. Low-battery and
removed alarms also open a device task (one open task per bracelet and kind).

Heartbeats are many (every bracelet, every few minutes) and worth little one by one: they are
kept in memory and written in one batch every `flush_every_s` (the alarm watch calls `flush`).
Each server instance writes what it saw; the latest moment wins. A position is kept only while
the wearer's location consent is in force (the write checks it)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from prometheus_client import Counter
from sqlalchemy import Table, and_, bindparam, func, or_
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.district import alarm_records as records
from mediation_desk.district import metrics
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmUnrouted
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter
from mediation_desk.district.models import Committee, Record
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)

PLAUSIBLE = dt.timedelta(days=1)  # a device's own time further off than this is not believed
MAX_DEVICE_ID = 32
MAX_VENDOR = 64

ALARMS = Counter(
    "district_alarms",
    "Bracelet alarms recorded, by source (watch, vendor) and route (routed, unrouted)",
    ["source", "route"],
    registry=metrics.REGISTRY,
)


@dataclass(frozen=True)
class Fix:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class DeviceAlarm:
    device_id: str
    vendor: str
    kinds: tuple[str, ...]
    raised_at: dt.datetime  # aware UTC: the device's own time when plausible, else the receipt time
    fix: Fix | None
    battery: int | None
    source: str  # "watch" | "vendor"
    alarm_id: str | None = None  # None: a new uuid4; a vendor's alarm: rules.vendor_alarm_id


@dataclass(frozen=True)
class Recorded:
    alarm_id: str
    routed: bool
    new: bool  # False: the same alarm again (a vendor's retry), nothing written


def raised_moment(claimed: dt.datetime | None, received: dt.datetime) -> dt.datetime:
    """When the alarm was raised: the device's own time if it is plausible, else the receipt."""
    if claimed is None:
        return received
    if claimed.tzinfo is None or claimed.utcoffset() is None:
        claimed = claimed.replace(tzinfo=dt.UTC)
    claimed = claimed.astimezone(dt.UTC)
    return claimed if abs(claimed - received) <= PLAUSIBLE else received


def _checked(event: DeviceAlarm) -> DeviceAlarm:
    if not event.device_id or len(event.device_id) > MAX_DEVICE_ID:
        raise ValueError(f"bracelet id must be 1 to {MAX_DEVICE_ID} characters")
    if event.source not in rules.SOURCES:
        raise ValueError(f"unknown alarm source {event.source[:16]!r}")
    if event.alarm_id is not None and not 0 < len(event.alarm_id) <= 64:
        raise ValueError("alarm id must be 1 to 64 characters")
    kinds = tuple(dict.fromkeys(k for k in event.kinds if k in rules.KINDS)) or (rules.ALARM_OTHER,)
    battery = event.battery if event.battery is None or 0 <= event.battery <= 100 else None
    return DeviceAlarm(
        event.device_id,
        event.vendor[:MAX_VENDOR],
        kinds,
        event.raised_at,
        event.fix,
        battery,
        event.source,
        event.alarm_id,
    )


class AlarmIntake:
    """What the gateway and the vendor endpoint call (on the event loop); the database work runs
    in a worker thread."""

    def __init__(
        self,
        db: Database,
        fanout: Fanout,
        thresholds: rules.Thresholds = rules.DEFAULT_THRESHOLDS,
        *,
        flush_every_s: float = 10.0,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db, self.fanout, self.thresholds = db, fanout, thresholds
        self.flush_every_s, self.clock = flush_every_s, clock
        self._lock = threading.Lock()  # heartbeats arrive on the loop, the flush runs in a thread
        self._seen: dict[str, tuple[dt.datetime, int | None]] = {}
        self._fixes: dict[str, tuple[dt.datetime, Fix]] = {}

    # ---- heartbeats and positions: in memory until the next flush ------------------------

    def _note(self, device_id: str, battery: int | None, at: dt.datetime) -> None:
        if not device_id or len(device_id) > MAX_DEVICE_ID:
            return
        battery = battery if battery is not None and 0 <= battery <= 100 else None
        with self._lock:
            held = self._seen.get(device_id)
            if held is not None and battery is None:
                battery = held[1]
            self._seen[device_id] = (at, battery)

    async def heartbeat(self, device_id: str, vendor: str, battery: int | None) -> None:
        self._note(device_id, battery, self.clock())

    async def position(self, device_id: str, vendor: str, fix: Fix | None) -> None:
        now = self.clock()
        self._note(device_id, None, now)
        if fix is not None and len(device_id) <= MAX_DEVICE_ID:
            with self._lock:
                self._fixes[device_id] = (now, fix)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._seen)

    def flush(self) -> int:
        """Write the heartbeats and positions seen since the last flush, one batch; returns how
        many bracelets were written for. What cannot be written is kept for the next flush."""
        with self._lock:
            seen, fixes = self._seen, self._fixes
            self._seen, self._fixes = {}, {}
        if not seen and not fixes:
            return 0
        try:
            with self.db.write() as s:
                _write_seen(s, seen, fixes)
        except Exception:
            with self._lock:  # newer ones that arrived meanwhile win
                self._seen = {**seen, **self._seen}
                self._fixes = {**fixes, **self._fixes}
            raise
        return len(seen)

    # ---- alarms ------------------------------------------------------------------------------

    async def alarm(self, event: DeviceAlarm) -> str:
        """Record the alarm (routed or unrouted); returns its id."""
        event = _checked(event)
        received = self.clock()
        self._note(event.device_id, event.battery, received)
        done = await asyncio.to_thread(self.record, event, received)
        if done.new and done.routed:
            self.fanout.wake()
        return done.alarm_id

    def record(self, event: DeviceAlarm, received: dt.datetime | None = None) -> Recorded:
        """The alarm's writes, in one feed-locked transaction (blocking)."""
        received = received or self.clock()
        alarm_id = event.alarm_id or str(uuid.uuid4())
        raised = raised_moment(event.raised_at, received)
        with self.db.write(feed=True) as s:
            if s.get(Record, (rules.ALARM, alarm_id)) is not None:
                return Recorded(alarm_id, True, False)
            if s.get(AlarmUnrouted, alarm_id) is not None:
                return Recorded(alarm_id, False, False)
            device = s.get(AlarmDevice, event.device_id)
            if device is None:
                _unrouted(s, event, alarm_id, raised, received)
                return Recorded(alarm_id, False, True)
            _routed(s, device, event, alarm_id, raised, received)
        ALARMS.labels(source=event.source, route="routed").inc()
        log.info("alarm %s from bracelet %s (%s) routed", alarm_id, event.device_id, ",".join(event.kinds))
        return Recorded(alarm_id, True, True)


def _unrouted(s: Session, event: DeviceAlarm, alarm_id: str, raised: dt.datetime, received: dt.datetime) -> None:
    s.add(
        AlarmUnrouted(
            id=alarm_id,
            device_id=event.device_id,
            vendor=event.vendor,
            kinds=list(event.kinds),
            source=event.source,
            battery=event.battery,
            raised_at=raised,
            received_at=received,
        )
    )
    ALARMS.labels(source=event.source, route="unrouted").inc()
    log.warning(
        "alarm %s from bracelet %s (vendor %s) that no wearer has: kept unrouted (see `alarms unrouted`)",
        alarm_id,
        event.device_id,
        event.vendor,
    )


def _routed(
    s: Session, device: AlarmDevice, event: DeviceAlarm, alarm_id: str, raised: dt.datetime, received: dt.datetime
) -> None:
    """An alarm of a known bracelet, routed to its wearer's committee. A bracelet taken off its
    wearer (inactive) still routes there: someone pressed it, the village looks."""
    committee = s.get(Committee, device.committee_id)
    assert committee is not None  # a foreign key
    position = (event.fix.latitude, event.fix.longitude) if event.fix and device.location_consent else None
    data = records.alarm_data(
        wearer_id=device.wearer_id,
        wearer_name=_wearer_name(s, device.wearer_id),
        device_id=device.device_id,
        kinds=event.kinds,
        source=event.source,
        raised_at=raised,
        received_at=received,
        position=position,
        battery=event.battery,
    )
    feed = FeedWriter(s)
    rec = records.new_record(s, rules.ALARM, alarm_id, committee, data)
    s.add(
        AlarmEvent(
            id=alarm_id,
            device_id=device.device_id,
            wearer_id=device.wearer_id,
            committee_id=device.committee_id,
            town_id=device.town_id,
            status=rules.NEW,
            kinds=list(event.kinds),
            source=event.source,
            raised_at=raised,
            received_at=received,
        )
    )
    records.changed(feed, rec, committee, None)
    if position is not None:
        device.last_latitude, device.last_longitude, device.last_fix_at = position[0], position[1], received
    if event.battery is not None:
        device.last_battery = event.battery
    for kind, reason in _task_reasons(event):
        records.open_task(s, feed, device, kind, alarm_id, reason, received)
    feed.write()
    records.notify(s)


def _wearer_name(s: Session, wearer_id: str) -> str | None:
    wearer = s.get(Record, (rules.WEARER, wearer_id))
    name = wearer.data.get("name") if wearer is not None else None
    return name if isinstance(name, str) else None


def _task_reasons(event: DeviceAlarm) -> list[tuple[str, str]]:
    found = []
    if rules.LOW_BATTERY in event.kinds:
        level = f"（{event.battery}%）" if event.battery is not None else ""
        found.append((rules.LOW_BATTERY, f"手环报告电量低{level}，请提醒佩戴人充电"))
    if rules.REMOVED in event.kinds:
        found.append((rules.REMOVED, "手环报告已被摘下，请确认佩戴人是否仍戴着手环"))
    return found


def _write_seen(
    s: Session, seen: dict[str, tuple[dt.datetime, int | None]], fixes: dict[str, tuple[dt.datetime, Fix]]
) -> None:
    table = cast(Table, AlarmDevice.__table__)
    conn = s.connection()
    if seen:
        # The latest moment wins (another instance may have written a later one meanwhile).
        stmt = (
            table.update()
            .where(
                and_(
                    table.c.device_id == bindparam("d"),
                    or_(table.c.last_seen_at.is_(None), table.c.last_seen_at < bindparam("t")),
                )
            )
            .values(last_seen_at=bindparam("t"), last_battery=func.coalesce(bindparam("b"), table.c.last_battery))
        )
        conn.execute(stmt, [{"d": d, "t": t, "b": b} for d, (t, b) in seen.items()])
    if fixes:
        # Only while the wearer's location consent is in force.
        stmt = (
            table.update()
            .where(
                and_(
                    table.c.device_id == bindparam("d"),
                    table.c.location_consent.is_(True),
                    or_(table.c.last_fix_at.is_(None), table.c.last_fix_at < bindparam("t")),
                )
            )
            .values(last_latitude=bindparam("lat"), last_longitude=bindparam("lon"), last_fix_at=bindparam("t"))
        )
        rows = [{"d": d, "t": t, "lat": f.latitude, "lon": f.longitude} for d, (t, f) in fixes.items()]
        conn.execute(stmt, rows)
