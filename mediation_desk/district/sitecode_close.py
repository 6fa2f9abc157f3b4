"""Month end's close of one month for every place, inside `sitecode_codes.month_end`'s transaction.

The database sorts the 41,000 places into the few hundred situations the rule tells apart
(sitecode_situations.py); the rule runs once per situation (`sitecode_judge.Judge`), and once
per place only for those with hazards that can count; the history and the current codes are
written from the answers by single statements, and the tasks of the places red go in bulk with
their records and changes (sitecode_writes.py).

PostgreSQL works while Python does (`sitecode_bulk.sent_ahead`): it sorts the places into
situations while the hazards read become facts; it stores the month's lists of reasons, the
answers, the history and the codes while the tasks are made ready; and what the tasks need is
read meanwhile on a connection of its own (`sitecode_bulk.read_beside`). On a two-core server
this keeps both cores busy instead of each waiting for the other. SQLite runs the same
statements one after the other, in this process."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.district import sitecode_bulk as bulk
from mediation_desk.district import sitecode_reasons
from mediation_desk.district import sitecode_situations as situations
from mediation_desk.district import sitecode_writes as writes
from mediation_desk.district.db import Database
from mediation_desk.district.models import Committee
from mediation_desk.district.sitecode_judge import Judge
from mediation_desk.sitecode import rules
from mediation_desk.storage.base import utcnow

Answers = dict[str, tuple[rules.SiteCode, rules.SiteCode | None]]  # by situation: now, at the close
Red = dict[str, tuple[rules.SiteCode, rules.SiteCode | None, str]]  # by place: now, at the close, committee


@dataclass(frozen=True)
class MonthEndResult:
    month: str
    ran: bool  # False: the month had been closed already (by this or another server instance)
    places: int  # places with a month code
    tasks_opened: int
    colours: dict[str, int] = field(default_factory=dict)  # the month's codes by colour (when run)


def close(s: Session, month: str, now: dt.datetime, th: rules.Thresholds, db: Database | None = None) -> MonthEndResult:
    """Judge every place by situation, the places with hazards that can still count one by one;
    then the history and the current codes written from the answers, and the tasks of the places
    red. The caller holds the feed lock (the tasks' changes are numbered here). With `db`
    (PostgreSQL), what the tasks need — the history of months closed before, the tasks held, the
    committees, the feed's head, none of which this transaction changes before it writes the
    tasks — is read on a connection of its own meanwhile."""
    at_close, at_now = Judge(now, th, month), Judge(now, th)
    bulk.prepare(s)
    plan = situations.plan(s, _moment(at_now), _moment(at_close), th)
    # Rectified before the month's cut-off (≤ now): no code judged here can see the hazard.
    hazard_rows = bulk.hazard_rows(s, at_close.moment)
    with bulk.sent_ahead(s) as send:
        situations.build(send, plan)
        hazards = bulk.hazards_by_place(hazard_rows)
    answers, owing, alone = _judged(s, plan.months, at_now, at_close, hazards)
    with bulk.sent_ahead(s) as send:
        situations.set_alone(send, plan.sqlite, alone)
        texts = _texts(answers)
        digests = {text: sitecode_reasons.digest_of(text) for text in texts.values()}
    red_keys = [
        key
        for key, (current, closed) in answers.items()
        if current.colour == rules.RED or (closed is not None and closed.colour == rules.RED)
    ]
    red: Red = {
        place_id: (answers[key][0], answers[key][1], committee_id)
        for place_id, committee_id, key in situations.active_places_in(s, red_keys)
    }
    computed_at = bulk.db_moment(s, now)
    with ThreadPoolExecutor(max_workers=1) as pool:
        escalation = bulk.read_beside(pool, db, s, lambda r: _Escalation(r, month, red))
        with bulk.sent_ahead(s) as send:
            sitecode_reasons.send_lists(send, plan.sqlite, digests)
            situations.answer(send, plan.sqlite, _answer_rows(answers, texts, digests))
            situations.write_months(send, month)
            situations.write_codes(send, computed_at)
            ready = escalation.result()
            tasks = ready.tasks(now, th)
            tables = writes.task_tables(tasks, ready.feed_head + 1, utcnow(), plan.sqlite)
            colours: dict[str, int] = defaultdict(int)
            for key, (_, closed) in answers.items():
                if closed is not None and owing[key]:
                    colours[closed.colour] += owing[key]
    situations.drop(s)
    writes.write_tables(s, tables)
    return MonthEndResult(month, True, sum(colours.values()), len(tasks), dict(colours))


def _judged(
    s: Session, months: list[str], at_now: Judge, at_close: Judge, hazards: dict[str, list[rules.HazardFact]]
) -> tuple[Answers, dict[str, int], list[str]]:
    """The answers by situation, how many active places each holds, and the places judged alone:
    those with hazards open at either moment, each its situation's answer with the hazards'
    lines (`situations.ALONE` and its id)."""
    answers: Answers = {}
    owing: dict[str, int] = {}
    for key, place_id, created, active, firsts in situations.representatives(s, months):
        inspections = tuple(rules.InspectionFact(m, bulk.utc(at)) for m, at in firsts.items())
        facts = rules.PlaceFacts(place_id, bulk.utc(created), inspections)
        current = at_now.rule(facts)
        assert current is not None  # a code at a moment always has a colour
        answers[key] = (current, at_close.rule(facts))
        owing[key] = active
    alone: list[str] = []
    for place_id, (key, active) in situations.situations_of(s, sorted(hazards)).items():
        current, closed = answers[key]
        found = hazards[place_id]
        now_code, close_code = at_now.with_hazards(current, found), at_close.with_hazards(closed, found)
        if now_code is current and close_code is closed:
            continue  # none open at either moment
        assert now_code is not None
        alone.append(place_id)
        answers[situations.ALONE + place_id] = (now_code, close_code)
        owing[key] -= active
        owing[situations.ALONE + place_id] = active
    return answers, owing, alone


def _texts(answers: Answers) -> dict[tuple[str, ...], str]:
    """Each list of reasons of the answers, as stored (`sitecode_reasons.text_of`)."""
    texts: dict[tuple[str, ...], str] = {}
    for pair in answers.values():
        for code in pair:
            if code is not None and code.reasons not in texts:
                texts[code.reasons] = sitecode_reasons.text_of(code.reasons)
    return texts


def _answer_rows(
    answers: Answers, texts: dict[tuple[str, ...], str], digests: dict[str, str]
) -> list[situations.Answer]:
    """The answers with their reasons by their list's digest."""
    rows: list[situations.Answer] = []
    for key, (current, closed) in answers.items():
        now_digest = digests[texts[current.reasons]]
        if closed is None:
            rows.append((key, current.colour, now_digest, current.period, None, None))
        else:
            rows.append(
                (key, current.colour, now_digest, current.period, closed.colour, digests[texts[closed.reasons]])
            )
    return rows


def _moment(judge: Judge) -> situations.Moment:
    return situations.Moment(judge.moment, judge.cut, judge.closed, judge.period)


class _Escalation:
    """The tasks the codes of the places red now or at the month's close open (few places).
    Everything they need is read when made (their streaks, the tasks they hold, their
    committees, the feed's head); `tasks` then works in Python alone.

    A place's streak (`bulk.red_runs`: red months in a row ending with its last closed month):
    closed red now, its red months before and this one; closed otherwise now, none; not closed
    now (not owing it yet), its months before."""

    def __init__(self, s: Session, month: str, red: Red) -> None:
        self.red = red
        ids = sorted(red)
        closed_red = [p for p in ids if (c := red[p][1]) is not None and c.colour == rules.RED]
        unclosed = [p for p in ids if red[p][1] is None]
        self.reds = bulk.red_runs(s, closed_red, month, rules.add_months(month, -1))
        self.before = bulk.red_runs(s, unclosed, month)
        self.open_kinds, self.held = bulk.tasks_of(s, ids) if ids else ({}, set())
        committees = s.execute(select(Committee.id, Committee.town_id, Committee.code))
        self.committees: dict[str, writes.Where] = {c_id: (c_id, town, code) for c_id, town, code in committees}
        self.feed_head = writes.feed_head(s) if ids else 0

    def tasks(self, now: dt.datetime, th: rules.Thresholds) -> list[writes.TaskRow]:
        due: list[tuple[rules.TaskDue, writes.Where]] = []
        nothing: set[str] = set()
        for place_id in sorted(self.red):
            current, closed, committee_id = self.red[place_id]
            if closed is None:
                streak = self.before[place_id]
            elif closed.colour == rules.RED:
                streak = self.reds[place_id] + 1
            else:
                streak = 0
            for task in rules.tasks_due(place_id, current, streak, self.open_kinds.get(place_id, nothing), th):
                due.append((task, self.committees[committee_id]))
        return writes.task_rows(due, self.held, now)
