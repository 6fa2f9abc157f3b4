"""The district's site-code rows (一单一码) written in-process, as a village desk's push and the
district's month end leave them: a place's record and projection, a task opened into the
committee's feed, months' closing codes. Shared by the district's and the desks' tests."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from mediation_desk.district import sitecode_reasons
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.district.sitecode_models import SiteMonth, SitePlace, SiteTask
from mediation_desk.sitecode import placard_code, rules


def new_id() -> str:
    return str(uuid.uuid4())


def committee_of(s: Any, code: str) -> Committee:
    found = s.scalar(select(Committee).where(Committee.code == code))
    assert found is not None
    return found


def add_place(db: Database, code: str, name: str = "谢家塘五金店", category: str = "shop", grid: str = "一网格") -> str:
    """A place as a village desk's push leaves it: its record and its projection row."""
    place_id = new_id()
    data = {
        "name": name,
        "category": category,
        "address": "谢家塘村 18 号",
        "grid": grid,
        "place_code": placard_code.place_code(place_id),
        "has_credit_code": True,
        "created_at": "2026-01-05T09:00:00+08:00",
        "active": True,
    }
    clock = server_clock("")
    with db.write() as s:
        c = committee_of(s, code)
        s.add(
            Record(
                entity=rules.PLACE,
                entity_id=place_id,
                committee_id=c.id,
                town_id=c.town_id,
                data=data,
                clocks=dict.fromkeys(data, clock),
                hlc=clock,
            )
        )
        s.add(
            SitePlace(
                id=place_id,
                committee_id=c.id,
                town_id=c.town_id,
                category=category,
                grid=grid,
                created_at=dt.datetime(2026, 1, 5, 1, tzinfo=dt.UTC),
            )
        )
    return place_id


def open_task(db: Database, place_id: str, kind: str = rules.COVERT, month: str = "2026-10") -> str:
    """A task as the district opens it: its row, its record, and the change in the committee's feed."""
    task_id = rules.task_id(place_id, kind, month)
    parties = list(rules.JOINT_PARTIES) if kind == rules.JOINT else ["属地镇街"]
    data = {
        "place_id": place_id,
        "kind": kind,
        "month": month,
        "status": rules.TASK_OPEN,
        "reasons": ["2026年10月未按时自查（截止 10月31日）"],
        "parties": parties,
        "opened_on": "2026-11-01",
        "closed_on": None,
        "outcome": None,
    }
    clock = server_clock("")
    with db.write(feed=True) as s:
        place = s.get(SitePlace, place_id)
        assert place is not None
        committee = s.get(Committee, place.committee_id)
        assert committee is not None
        s.add(
            SiteTask(
                id=task_id,
                place_id=place_id,
                committee_id=place.committee_id,
                town_id=place.town_id,
                kind=kind,
                month=month,
                status=rules.TASK_OPEN,
            )
        )
        rec = Record(
            entity=rules.TASK,
            entity_id=task_id,
            committee_id=place.committee_id,
            town_id=place.town_id,
            status=rules.TASK_OPEN,
            data=data,
            clocks=dict.fromkeys(data, clock),
            hlc=clock,
        )
        s.add(rec)
        feed = FeedWriter(s)
        feed.append(
            entity=rules.TASK,
            entity_id=task_id,
            committee=committee,
            hlc=clock,
            data=record_state(rec),
            origin_device=None,
            town_visible=True,
        )
        feed.write()
    return task_id


def month_codes(db: Database, month: str, codes: dict[str, str]) -> None:
    """Month-close codes (SiteMonth rows) of places: {place_id: colour}."""
    with db.write() as s:
        for place_id, colour in codes.items():
            assert s.get(SitePlace, place_id) is not None
            s.add(SiteMonth(place_id=place_id, month=month, colour=colour, reasons_id=sitecode_reasons.id_of(s, [])))
