"""A place's code as the desk computes it: the facts read in bulk from this desk's tables, judged
by the one rule the district also applies (`rules.code_at`). Nothing here stores a code.

Every service that shows a place (lists, the inspection it just recorded, the dashboard, the
placard) reads its facts through `facts_for`, which costs two queries however many places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import CodeView, MonthLine
from mediation_desk.sitecode.models import Hazard, Inspection, Place

_CHUNK = 900  # SQLite's limit on bound parameters, with room to spare


def _chunks(ids: Collection[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


def facts_for(
    session: Session, places: Iterable[Place], *, since: dt.datetime | None = None
) -> dict[str, rules.PlaceFacts]:
    """The colour rule's inputs for each place. `since`: leave out hazards rectified before it and
    inspections of months before it (they cannot change a code judged after it)."""
    by_id = {p.id: p for p in places}
    inspections: dict[str, list[rules.InspectionFact]] = {pid: [] for pid in by_id}
    hazards: dict[str, list[rules.HazardFact]] = {pid: [] for pid in by_id}
    first_month = rules.month_of(rules.beijing_day(since)) if since is not None else None
    earliest = rules.add_months(first_month, -2) if first_month else None
    for chunk in _chunks(by_id):
        query = select(Inspection.place_id, Inspection.month, Inspection.completed_at).where(
            Inspection.place_id.in_(chunk)
        )
        if earliest is not None:
            query = query.where(Inspection.month >= earliest)
        for place_id, month, completed_at in session.execute(query):
            inspections[place_id].append(rules.InspectionFact(month, completed_at))
        hq = select(Hazard.place_id, Hazard.id, Hazard.item_text, Hazard.found_at, Hazard.deadline, Hazard.rectified_at)
        hq = hq.where(Hazard.place_id.in_(chunk))
        if since is not None:
            hq = hq.where(or_(Hazard.rectified_at.is_(None), Hazard.rectified_at >= since))
        for place_id, hazard_id, text, found_at, deadline, rectified_at in session.execute(hq):
            hazards[place_id].append(rules.HazardFact(hazard_id, text, found_at, deadline, rectified_at))
    return {
        pid: rules.PlaceFacts(pid, p.created_at, tuple(inspections[pid]), tuple(hazards[pid]))
        for pid, p in by_id.items()
    }


def code_view(code: rules.SiteCode, moment: dt.datetime) -> CodeView:
    return CodeView(code.colour, code.label, code.reasons, code.period, moment)


def codes_for(
    session: Session, places: Iterable[Place], moment: dt.datetime, th: rules.Thresholds
) -> dict[str, tuple[rules.SiteCode, CodeView]]:
    """Each place's code at `moment`, as the rule judges it and as the faces show it."""
    out: dict[str, tuple[rules.SiteCode, CodeView]] = {}
    since = moment - dt.timedelta(days=400)  # no fact older than this can change today's colour
    for pid, facts in facts_for(session, places, since=since).items():
        code = rules.code_at(facts, moment, th)
        out[pid] = (code, code_view(code, moment))
    return out


def history(facts: rules.PlaceFacts, moment: dt.datetime, th: rules.Thresholds, months: int = 12) -> list[MonthLine]:
    """The codes the last `months` closed months closed with, newest first (months before the
    place owed a self-inspection are left out)."""
    last_closed = rules.add_months(rules.period_of(moment, th), -1)
    lines: list[MonthLine] = []
    for month in reversed(rules.months_between(rules.add_months(last_closed, 1 - months), last_closed)):
        code = rules.month_code(facts, month, th)
        if code is not None:
            lines.append(MonthLine(month, code.colour, code.label, code.reasons))
    return lines
