"""演示数据 of the site codes (一单一码): 24 places of 谢家塘村 in three grids, of every category
(a few individual businesses without a credit code among them), with six months of monthly
self-inspections behind them, filled into the demo desk after the green coins (`core/demo.py`).

Built through the services (places, inspections, rectifications), each step dated on the day it
would have been typed in (`acting_at`), so the audit chain, the outbox and every place's history
read as after half a year of real use. Most places inspect on time and put right what they find;
one left a hazard past its deadline (red), one has not inspected for three months (red three months
in a row, so the district has opened a covert inspection and a joint enforcement: they arrive as a
pull would bring them), one has a hazard still within its deadline (yellow), one made up a missed
month late (补做), and one was registered this month. Deterministic for a given seed."""

from __future__ import annotations

import datetime as dt
import struct
import tempfile
import zlib
from pathlib import Path
from random import Random
from typing import Any

from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.demo import DemoContext
from mediation_desk.core.uow import SYSTEM, Actor, acting_at, acting_now
from mediation_desk.desk import Desk
from mediation_desk.people.models import Person
from mediation_desk.sitecode import codes, hazards, inspections, places, pulled, rules
from mediation_desk.sitecode.dto import PlaceView
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.sitecode.models import Place
from mediation_desk.sitecode.scheme import DEFAULT_SCHEME
from mediation_desk.validation import USCC_CHARSET, uscc_check_char

GRIDS = ("塘东网格", "塘西网格", "村口网格")
STEADY, FIXES, RED_ROW, OVERDUE, OPEN, LATE, NEW = "steady", "fixes", "red_row", "overdue", "open", "late", "new"
# name, category, address, grid (index), responsible person, phone, credit code?, story
PLACES = (
    ("谢塘五金机械厂", "企业", "塘东路 18 号", 0, "谢志强", "13905752001", True, FIXES),
    ("上虞谢家塘纺织有限公司", "企业", "塘东路 26 号", 0, "陈建华", "13905752002", True, RED_ROW),
    ("塘西包装材料厂", "企业", "塘西路 9 号", 1, "俞国良", "13905752003", True, STEADY),
    ("谢家塘村便民超市", "商铺", "村口 1 号", 2, "王美芳", "13905752004", True, STEADY),
    ("阿毛杂货店", "商铺", "村口 7 号", 2, "陈阿毛", "13905752005", False, FIXES),
    ("志强电动车行", "商铺", "塘东路 3 号", 0, "谢金根", "13905752006", False, OVERDUE),
    ("塘西农资店", "商铺", "塘西路 2 号", 1, "杜小英", "0575-82160007", True, STEADY),
    ("塘东路 12 号出租房", "出租房", "塘东路 12 号", 0, "谢阿三", "13905752008", False, STEADY),
    ("塘西新村 5 幢出租房", "出租房", "塘西新村 5 幢", 1, "俞美娟", "13905752009", False, OPEN),
    ("村口 21 号群租房", "出租房", "村口 21 号", 2, "王小龙", "13905752010", False, FIXES),
    ("谢家塘宾馆", "旅馆", "塘东路 30 号", 0, "谢丽华", "13905752011", True, FIXES),
    ("塘西客栈", "旅馆", "塘西路 15 号", 1, "俞建新", "13905752012", True, LATE),
    ("谢家塘小学", "学校", "塘西路 1 号", 1, "杜文斌", "0575-82160013", True, STEADY),
    ("谢家塘幼儿园", "学校", "塘西路 3 号", 1, "王丽君", "0575-82160014", True, FIXES),
    ("阿三面馆", "餐饮店", "村口 3 号", 2, "谢阿四", "13905752015", False, STEADY),
    ("塘东土菜馆", "餐饮店", "塘东路 6 号", 0, "陈国庆", "13905752016", True, FIXES),
    ("小芳早餐店", "餐饮店", "村口 9 号", 2, "陈小芳", "13905752017", False, NEW),
    ("塘西农家乐", "餐饮店", "塘西路 20 号", 1, "俞小平", "13905752018", True, STEADY),
    ("谢塘物流仓库", "仓库", "塘东路 40 号", 0, "谢建国", "13905752019", True, FIXES),
    ("塘西粮食仓库", "仓库", "塘西路 33 号", 1, "杜国强", "13905752020", True, STEADY),
    ("村口建材堆场", "仓库", "村口 30 号", 2, "王建军", "13905752021", True, STEADY),
    ("塘东棉纺加工点", "企业", "塘东路 50 号", 0, "谢月娥", "13905752022", True, STEADY),
    ("塘西理发店", "商铺", "塘西路 8 号", 1, "杜美玲", "13905752023", False, STEADY),
    ("村口快递驿站", "商铺", "村口 12 号", 2, "王晓东", "13905752024", True, FIXES),
)
HISTORY_MONTHS = 6
LONG_DEADLINE_DAYS = 60  # the hazard still being put right (yellow): a long deadline keeps it open
CHECKERS = ("谢阿根", "村安全员 俞国强", "网格员 杜小英")
FIXES_NOTES = ("已更换并复查合格", "已清理通道", "已整改，拍照留存", "线路已重新敷设")
PHOTO_AT = 0  # the first rectification carries a photo, as does the first inspection


class SitesDemo:
    """The site-code part of the demo desk (registered in `capability.py`)."""

    name = "sitecode"

    def has_data(self, desk: Desk) -> int:
        with desk.read() as s:
            return s.scalar(select(func.count()).select_from(Place)) or 0

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        desk, clerk, rng = context.desk, context.clerk, context.rng
        now = acting_now()
        th = DEFAULT_SCHEME.thresholds
        current = rules.period_of(now, th)
        months = [rules.add_months(current, -n) for n in range(HISTORY_MONTHS, 0, -1)]  # the closed ones, oldest first
        registered = _at(rules.first_day(rules.add_months(months[0], -1)) + dt.timedelta(days=4), 9, now)
        made: list[tuple[PlaceView, str]] = []
        for n, (name, category, address, grid, who, phone, has_code, story) in enumerate(PLACES):
            when = now - dt.timedelta(hours=2) if story == NEW else registered + dt.timedelta(minutes=7 * n)
            person_id = _known_person(desk, who)  # a green-coin resident, say: their coins follow
            with acting_at(when):
                view = places.add_place(
                    desk,
                    clerk,
                    name=name,
                    category=category,
                    address=address,
                    grid=GRIDS[grid],
                    credit_code=_credit_code(n) if has_code else None,
                    responsible_name=None if person_id else who,
                    responsible_phone=None if person_id else phone,
                    person_id=person_id,
                )
            made.append((view, story))
        counts = {"inspections": 0, "hazards": 0, "rectified": 0}
        with tempfile.TemporaryDirectory() as folder:
            photo = Path(folder) / "现场照片.png"
            photo.write_bytes(_photo())
            for view, story in made:
                if story != NEW:
                    _history(desk, clerk, rng, view, story, months, now, photo, counts)
        tasks = _tasks(desk, [v for v, story in made if story in (RED_ROW, OVERDUE)], now, context.today)
        return {
            "sitecode_places": len(made),
            "sitecode_grids": len(GRIDS),
            "sitecode_inspections": counts["inspections"],
            "sitecode_hazards": counts["hazards"],
            "sitecode_rectified": counts["rectified"],
            "sitecode_tasks": tasks,
        }


def _history(
    desk: Desk,
    clerk: Actor,
    rng: Random,
    view: PlaceView,
    story: str,
    months: list[str],
    now: dt.datetime,
    photo: Path,
    counts: dict[str, int],
) -> None:
    """The place's months: inspected on time, except as its story says."""
    items = [i.code for i in inspections.checklist_for(desk, clerk, view.id).items]
    last = months[-1]
    current = rules.add_months(last, 1)
    # About half of the routine places have done this month's already (when the month has begun).
    this_month = story in (STEADY, FIXES) and rng.random() < 0.5 and now > rules.cutoff(last) + dt.timedelta(hours=9)
    for month in [*months, current] if this_month else months:
        if story == RED_ROW and month >= months[-3]:
            continue  # three months without a self-inspection
        day = rules.first_day(month) + dt.timedelta(days=rng.randint(2, 14))
        at = _at(day, rng.randint(9, 16), now)
        if month == current:
            at = max(at, rules.cutoff(last) + dt.timedelta(hours=8))  # within this month, before now
        found: dict[str, HazardInput] = {}
        if story == OVERDUE and month == last:
            found = {rng.choice(items): HazardInput(description="电动车在楼道内充电")}
        elif story == OPEN and month == last:
            at = _at(rules.first_day(month) + dt.timedelta(days=rng.randint(19, 24)), 10, now)
            deadline = rules.beijing_day(at) + dt.timedelta(days=LONG_DEADLINE_DAYS)
            found = {rng.choice(items): HazardInput(deadline=deadline, description="烟感报警器待安装")}
        elif story == FIXES and rng.random() < 0.4:
            found = {rng.choice(items): HazardInput()}
        if story == LATE and month == months[-2]:
            # Made up early in the next month (补做): that month closed red, the next one green.
            at = rules.cutoff(month, DEFAULT_SCHEME.thresholds) + dt.timedelta(hours=rng.randint(30, 60))
        results = {code: rules.FOUND if code in found else rules.OK for code in items}
        if rng.random() < 0.2:
            results[items[-1]] = rules.NOT_APPLICABLE if items[-1] not in found else rules.FOUND
        with acting_at(at):
            done = inspections.record_inspection(
                desk,
                clerk,
                view.id,
                results=results,
                hazards=found or None,
                month=month,
                evidence=photo if counts["inspections"] == PHOTO_AT else None,
                note="网格员陪同检查" if rng.random() < 0.25 else None,
            )
        counts["inspections"] += 1
        counts["hazards"] += len(done.hazards)
        if story in (OVERDUE, OPEN):
            continue  # left open: past its deadline, or still within it
        for h in done.hazards:
            fixed = min(at + dt.timedelta(days=rng.randint(1, 5), hours=2), now - dt.timedelta(minutes=1))
            with acting_at(max(fixed, at + dt.timedelta(minutes=1))):
                hazards.rectify(
                    desk,
                    clerk,
                    h.id,
                    note=rng.choice(FIXES_NOTES),
                    checked_by=rng.choice(CHECKERS),
                    photo=photo if counts["rectified"] == PHOTO_AT else None,
                )
            counts["rectified"] += 1


def _tasks(desk: Desk, red: list[PlaceView], now: dt.datetime, today: dt.date) -> int:
    """The tasks the district opens for red places, delivered as its feed would bring them."""
    th = DEFAULT_SCHEME.thresholds
    with desk.write(SYSTEM) as uow:
        s = uow.session
        committee = desk.committee(s).code
        rows = list(s.scalars(select(Place).where(Place.id.in_([v.id for v in red]))))
        changes: list[contract.Change] = []
        for pid, facts in codes.facts_for(s, rows).items():
            code = rules.code_at(facts, now, th)
            lines = codes.history(facts, now, th, months=HISTORY_MONTHS)
            streak = rules.red_streak([(line.month, line.colour) for line in reversed(lines)])
            for due in rules.tasks_due(pid, code, streak, (), th):
                parties = rules.JOINT_PARTIES if due.kind == rules.JOINT else ("属地镇街",)
                data = {
                    "place_id": pid,
                    "kind": due.kind,
                    "month": due.month,
                    "status": rules.TASK_OPEN,
                    "reasons": list(due.reasons[:20]),
                    "parties": list(parties),
                    "opened_on": today.isoformat(),
                }
                changes.append(contract.Change(0, rules.TASK, due.id, committee, uow.tick(), data))
        return pulled.apply_changes(uow, changes)


def _known_person(desk: Desk, name: str) -> str | None:
    """A person of the register already known by this name (the green coins' demo makes some)."""
    with desk.read() as s:
        return s.scalars(select(Person.id).where(Person.name == name, Person.purged_at.is_(None)).limit(1)).first()


def _at(day: dt.date, hour: int, now: dt.datetime) -> dt.datetime:
    """That day and hour in Beijing, never after now (a demo made on the 1st of a month)."""
    return min(dt.datetime(day.year, day.month, day.day, hour, tzinfo=rules.BEIJING), now - dt.timedelta(minutes=10))


def _credit_code(n: int) -> str:
    body = "91330604" + "".join(USCC_CHARSET[(7919 * (n + 1) // 31**k) % 31] for k in range(8, -1, -1))
    return body + uscc_check_char(body)


def _photo(width: int = 4, height: int = 3) -> bytes:
    """A tiny real PNG (the photo checks read its signature)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([0x60 + 8 * x for x in range(width)]) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
