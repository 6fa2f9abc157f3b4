"""What the district watches by itself for the bracelet alarms, in one thread of the server.

- Escalation: an alarm still new `escalate_after_s` after it reached the district gets its
  `escalated_at` (the town's desks show it as theirs to answer). Counted from receipt, not from
  the bracelet's own clock: nobody could answer before the alarm arrived.
- Offline bracelets: an active bracelet silent for `offline_after_s` (or never heard from since it
  was handed out) gets a "device offline" task, unless one is open; the task's id comes from the
  last heartbeat's moment, so a second instance or a repeated check opens the same task, once.
- Heartbeats: the intake's batch of what bracelets said since the last flush is written.

Each check runs in one feed-locked transaction: several instances on one database check at the
same moments, and each alarm is escalated (each task opened) once. A failure is logged and the
check runs again next time: it never stops the server."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from prometheus_client import Counter
from sqlalchemy import func, select

from mediation_desk.alarms import rules
from mediation_desk.district import alarm_records as records
from mediation_desk.district import metrics
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_intake import AlarmIntake
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmTask
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)
STOP_WAIT_S = 30.0
MAX_PER_CHECK = 500  # alarms escalated (tasks opened) per transaction; the rest at the next check

ESCALATED = Counter(
    "district_alarms_escalated", "Alarms escalated to the town (nobody acknowledged in time)", registry=metrics.REGISTRY
)
OFFLINE_TASKS = Counter(
    "district_alarm_offline_tasks", "Device-offline tasks opened for silent bracelets", registry=metrics.REGISTRY
)


def watch_every(th: rules.Thresholds) -> float:
    """How often to check: a few times within the escalation time, at most every 5 s."""
    return max(0.2, min(5.0, th.escalate_after_s / 4))


class AlarmWatch:
    """The watching thread (module doc); `every_s` 0 (or less) turns the loop off, the checks can
    still be called (tests, an administrator)."""

    def __init__(
        self,
        db: Database,
        fanout: Fanout | None,
        thresholds: rules.Thresholds = rules.DEFAULT_THRESHOLDS,
        every_s: float | None = None,
        *,
        intake: AlarmIntake | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db, self.fanout, self.thresholds, self.intake, self.clock = db, fanout, thresholds, intake, clock
        self.every_s = watch_every(thresholds) if every_s is None else every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._flushed_at = 0.0
        self.failures = 0

    def start(self) -> None:
        if self.every_s <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="alarm-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(STOP_WAIT_S)
            self._thread = None
        self._guarded("heartbeat flush", self.flush)  # what was seen last is not lost on a stop

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.check()
            self._stop.wait(self.every_s)

    def check(self) -> None:
        """One round: heartbeats (when due), escalation, offline bracelets."""
        if self.intake is not None and time.monotonic() - self._flushed_at >= self.intake.flush_every_s:
            self._guarded("heartbeat flush", self.flush)
        self._guarded("escalation", self.escalate)
        self._guarded("offline check", self.offline)

    def _guarded(self, what: str, run: Callable[[], object]) -> None:
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - logged and tried again; the server keeps serving
            self.failures += 1
            # The type only: a database error's text may quote rows.
            log.error("alarm %s failed (%s); trying again in %g s", what, type(exc).__name__, self.every_s)

    def _wake(self) -> None:
        if self.fanout is not None:
            self.fanout.wake()

    def flush(self) -> int:
        self._flushed_at = time.monotonic()
        return self.intake.flush() if self.intake is not None else 0

    def escalate(self, now: dt.datetime | None = None) -> list[str]:
        """Escalate the alarms nobody acknowledged in time; returns their ids."""
        now = now or self.clock()
        due = now - dt.timedelta(seconds=self.thresholds.escalate_after_s)
        query = (
            select(AlarmEvent)
            .where(AlarmEvent.status == rules.NEW, AlarmEvent.escalated_at.is_(None), AlarmEvent.received_at <= due)
            .order_by(AlarmEvent.received_at)
            .limit(MAX_PER_CHECK)
        )
        # Read first without the lock: most checks find nothing and need not queue for it.
        with self.db.read() as s:
            if s.scalar(select(func.count()).select_from(query.subquery())) == 0:
                return []
        done: list[str] = []
        with self.db.write(feed=True) as s:
            feed = FeedWriter(s)
            for event in s.scalars(query):  # read again under the lock: another instance may have been first
                rec = s.get(Record, (rules.ALARM, event.id))
                committee = s.get(Committee, event.committee_id)
                if rec is None or committee is None:
                    continue
                event.escalated_at = now
                records.store(rec, {"escalated_at": records.iso(now)}, server_clock(rec.hlc))
                records.changed(feed, rec, committee, None)
                done.append(event.id)
            if done:
                feed.write()
                records.notify(s)
        if done:
            ESCALATED.inc(len(done))
            log.warning(
                "%d alarm(s) not acknowledged within %d s: escalated to the town",
                len(done),
                self.thresholds.escalate_after_s,
            )
            self._wake()
        return done

    def offline(self, now: dt.datetime | None = None) -> list[str]:
        """Open a device-offline task for each active bracelet silent too long; returns their ids."""
        now = now or self.clock()
        due = now - dt.timedelta(seconds=self.thresholds.offline_after_s)
        heard = func.coalesce(AlarmDevice.last_seen_at, AlarmDevice.assigned_at)
        open_offline = select(AlarmTask.id).where(
            AlarmTask.device_id == AlarmDevice.device_id,
            AlarmTask.kind == rules.OFFLINE,
            AlarmTask.status == rules.TASK_OPEN,
        )
        query = (
            select(AlarmDevice)
            .where(AlarmDevice.active.is_(True), heard <= due, ~open_offline.exists())
            .order_by(AlarmDevice.device_id)
            .limit(MAX_PER_CHECK)
        )
        with self.db.read() as s:
            if s.scalar(select(func.count()).select_from(query.subquery())) == 0:
                return []
        opened: list[str] = []
        with self.db.write(feed=True) as s:
            feed = FeedWriter(s)
            for device in list(s.scalars(query)):
                key, reason = _offline_reason(device, now)
                task_id = records.open_task(s, feed, device, rules.OFFLINE, key, reason, now)
                if task_id is not None:
                    opened.append(task_id)
            if opened:
                feed.write()
                records.notify(s)
        if opened:
            OFFLINE_TASKS.inc(len(opened))
            log.info(
                "%d bracelet(s) silent for %d s: device-offline tasks opened",
                len(opened),
                self.thresholds.offline_after_s,
            )
            self._wake()
        return opened


def _offline_reason(device: AlarmDevice, now: dt.datetime) -> tuple[str, str]:
    """The task's key (what started it) and its reason in words."""
    if device.last_seen_at is None:
        return (
            f"assigned {records.iso(device.assigned_at)}",
            "手环配发后一直没有连上区里的服务器，请检查手环是否开机、有无信号",
        )
    silent_min = max(1, int((now - device.last_seen_at).total_seconds() // 60))
    seen = device.last_seen_at.astimezone(rules.BEIJING).strftime("%m月%d日 %H:%M")
    return str(
        records.iso(device.last_seen_at)
    ), f"手环已 {silent_min} 分钟没有心跳（最后一次 {seen}），请检查手环是否没电或关机"
