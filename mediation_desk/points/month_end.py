"""Month end of the green coins: the 积分汇总表 per resident and per household, produced, signed off
by the 主任 and exported as CSV (the PDFs are in documents/points_docs.py).

The figures come from the ledger in one SQL statement (two GROUP BY resident over `points_entry`,
joined to the residents, their persons and households): a resident's opening is the sum of their
entries dated before the month's first day, the month's movements are sums by entry kind. Independently
of the lines, `ledger_closing` is the straight sum of every entry dated up to the month's end; the
summary `reconciles` when the lines' closing total equals it, to the coin: a line lost or counted
twice by the join would show there.

A household's line is the sum of the lines of its *current* members (the resident's household
now), matching "household balance = sum of members": a resident who moved counts wholly in the new
household, also for the months before the move. Residents without a household have no household
line, so the household lines need not add up to the totals.

Which residents have a line: everyone with an entry dated up to the month's end, and the active
residents registered before the month ended (a line of zeros: the notice lists every villager).

The ledger digest (SHA-256 over the month's entries in id order) is what a sign-off vouches for:
when the digest, or the opening, differs from what was produced, the ledger changed since, and a
signed month shows `changed_since_sign_off`."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Integer, String, and_, case, column, func, or_, select, text, type_coerce
from sqlalchemy.orm import Session

from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.people.models import Person
from mediation_desk.points import rules
from mediation_desk.points.dto import MonthSummary, SummaryLine
from mediation_desk.points.models import Household, LedgerEntry, MonthEnd, Resident
from mediation_desk.privacy import roles

VIEW, SIGN = "points.month_end", "points.sign_off"
CSV_COLUMNS = ("上月结余", "本月获得", "本月扣减", "本月兑换", "冲正及调整", "本月结余")
ZERO = rules.MonthFigures(0, 0, 0, 0, 0)


def parse(month: object, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(first day, first day of the next month) of a month that has begun; ValidationError naming
    the field `month` otherwise."""
    if not isinstance(month, str):
        raise ValidationError.single("month", "month_format", "月份：须写成 YYYY-MM，如 2026-11")
    try:
        first, nxt = rules.parse_month(month)
    except ValueError as e:
        raise ValidationError.single("month", "month_format", f"月份：「{month[:16]}」有误，{e}") from None
    if first > (today or china_today()):
        raise ValidationError.single(
            "month", "month_future", f"月份：{rules.month_label(first)} 还没有到，不能生成或审定月末积分汇总"
        )
    return first, nxt


# The opening sums every entry before the month: walk the covering index (entry_date, resident_id,
# kind, coins), which reads no table row. Left to itself SQLite walks the resident index in order
# and fetches each row for its coins, half as fast again at a year of a town's entries.
_OPENING = text(
    "SELECT resident_id, SUM(coins) AS opening FROM points_entry INDEXED BY ix_points_entry_date "
    "WHERE entry_date < :first GROUP BY resident_id"
).columns(column("resident_id", String), column("opening", Integer))


def _resident_lines(session: Session, first: dt.date, nxt: dt.date) -> tuple[list[SummaryLine], dict[str, str]]:
    """One line per resident, summed in SQL: opening before `first`, the month's sums by kind;
    and each resident's current household."""
    e = LedgerEntry
    opening = _OPENING.bindparams(first=first.isoformat()).subquery("opening")
    month = (
        select(
            e.resident_id.label("resident_id"),
            *[func.sum(case((e.kind == k, e.coins), else_=0)).label(k) for k in rules.ENTRY_KINDS],
        )
        .where(e.entry_date >= first, e.entry_date < nxt)
        .group_by(e.resident_id)
        .subquery("month")
    )
    # A resident registered after the month ended has no line of zeros for it.
    month_over = dt.datetime.combine(nxt, dt.time(), CHINA)
    query = (
        select(
            Resident.id,
            Resident.label,
            Resident.village_group,
            Resident.household_id,
            Person.name,
            Household.label.label("household_label"),
            opening.c.opening,
            *[month.c[k] for k in rules.ENTRY_KINDS],
        )
        .outerjoin(Person, Person.id == Resident.person_id)
        .outerjoin(Household, Household.id == Resident.household_id)
        .outerjoin(opening, opening.c.resident_id == Resident.id)
        .outerjoin(month, month.c.resident_id == Resident.id)
        .where(
            or_(
                opening.c.resident_id.is_not(None),
                month.c.resident_id.is_not(None),
                and_(Resident.active.is_(True), Resident.created_at < month_over),
            )
        )
        .order_by(Resident.village_group, Household.label, Person.name, Resident.label, Resident.id)
    )
    lines, homes = [], {}
    # Plain rows (the session's connection, not the ORM's loading): 20,000 of them, nothing to map.
    for rid, label, group, home, name, home_label, held, *sums in session.connection().execute(query):
        figures = rules.figures(int(held or 0), {k: int(v or 0) for k, v in zip(rules.ENTRY_KINDS, sums, strict=True)})
        # A resident known only from the district has no person here: its masked label is its name.
        lines.append(SummaryLine(rid, name or label, label, group, home_label, figures))
        if home is not None:
            homes[rid] = home
    return lines, homes


def add(a: rules.MonthFigures, b: rules.MonthFigures) -> rules.MonthFigures:
    return rules.MonthFigures(
        a.opening + b.opening,
        a.earned + b.earned,
        a.deducted + b.deducted,
        a.redeemed + b.redeemed,
        a.corrected + b.corrected,
    )


def total(lines: list[SummaryLine] | tuple[SummaryLine, ...]) -> rules.MonthFigures:
    out = ZERO
    for line in lines:
        out = add(out, line.figures)
    return out


def _household_lines(session: Session, lines: list[SummaryLine], homes: dict[str, str]) -> list[SummaryLine]:
    """Each household's line: the sum of its current members' lines."""
    sums: dict[str, rules.MonthFigures] = {}
    for line in lines:
        household_id = homes.get(line.key)
        if household_id is not None:
            sums[household_id] = add(sums.get(household_id, ZERO), line.figures)
    households = (
        session.connection()
        .execute(
            select(Household.id, Household.label, Household.village_group).order_by(
                Household.village_group, Household.label, Household.id
            )
        )
        .all()
    )
    return [
        SummaryLine(h.id, h.label, rules.mask_name(h.label), h.village_group, h.label, sums[h.id])
        for h in households
        if h.id in sums
    ]


def _ledger(session: Session, first: dt.date, nxt: dt.date) -> tuple[int, str, int]:
    """(entries dated in the month, their digest, the straight sum of every entry up to the month end)."""
    e = LedgerEntry
    digest = hashlib.sha256()
    count = 0
    # The date as stored (YYYY-MM-DD, its isoformat): tens of thousands of rows need no date objects.
    day = type_coerce(e.entry_date, String)
    rows = session.connection().execute(
        select(e.id, e.kind, e.coins, day).where(e.entry_date >= first, e.entry_date < nxt).order_by(e.id)
    )
    for entry_id, kind, coins, entry_date in rows:
        digest.update(f"{entry_id}|{kind}|{coins}|{entry_date}\n".encode())
        count += 1
    closing = session.scalar(select(func.coalesce(func.sum(e.coins), 0)).where(e.entry_date < nxt))
    return count, digest.hexdigest(), int(closing or 0)


def summarise(session: Session, committee_name: str, first: dt.date, nxt: dt.date) -> MonthSummary:
    """The month's summary as the ledger holds it now, with the sign-off recorded for it (if any)."""
    lines, homes = _resident_lines(session, first, nxt)
    count, digest, closing = _ledger(session, first, nxt)
    totals = total(lines)
    held = session.get(MonthEnd, rules.month_label(first))
    signed = held is not None and held.signed_by is not None
    changed = signed and held is not None and (held.ledger_digest != digest or held.opening != totals.opening)
    return MonthSummary(
        month=rules.month_label(first),
        first=first,
        last=nxt - dt.timedelta(days=1),
        committee_name=committee_name,
        residents=tuple(lines),
        households=tuple(_household_lines(session, lines, homes)),
        totals=totals,
        entries=count,
        ledger_digest=digest,
        ledger_closing=closing,
        signed_by=held.signed_by if held is not None else None,
        signed_at=held.signed_at if held is not None else None,
        changed_since_sign_off=changed,
    )


def month_summary(desk: Desk, actor: Actor, month: str) -> MonthSummary:
    """The 积分汇总表 of `month` (YYYY-MM) as the ledger holds it now; nothing is recorded."""
    first, nxt = parse(month)
    with desk.read(actor) as s:
        roles.authorize(actor, VIEW)  # inside the session: a refusal is audited
        return summarise(s, desk.committee(s).name, first, nxt)


def produce(desk: Desk, actor: Actor, month: str) -> MonthSummary:
    """Record the month's summary (totals and ledger digest) for review. Producing again after the
    ledger changed records the new figures; a sign-off given to the old ones no longer holds."""
    first, nxt = parse(month)
    # Summed in a read first, so redemptions and sync are not held up behind the write lock for
    # the second a town's year takes; the ledger only grows, so an unchanged count of entries up
    # to the month's end under the lock means the figures still hold (else they are summed again).
    with desk.read(actor) as s:
        roles.authorize(actor, VIEW)
        summary = summarise(s, desk.committee(s).name, first, nxt)
        counted = _entries_through(s, nxt)
    with desk.write(actor) as uow:
        roles.authorize(actor, VIEW)
        s = uow.session
        if _entries_through(s, nxt) != counted:
            summary = summarise(s, desk.committee(s).name, first, nxt)
        t = summary.totals
        figures = {
            "residents": len(summary.residents),
            "opening": t.opening,
            "earned": t.earned,
            "deducted": t.deducted,
            "redeemed": t.redeemed,
            "corrected": t.corrected,
            "closing": t.closing,
            "entries": summary.entries,
            "ledger_digest": summary.ledger_digest,
        }
        row = s.get(MonthEnd, summary.month)
        cleared = False
        if row is None:
            row = MonthEnd(month=summary.month, produced_by=actor.username, produced_at=uow.now, **figures)
            s.add(row)
        elif any(getattr(row, k) != v for k, v in figures.items()) or row.signed_by is None:
            cleared = row.signed_by is not None
            for k, v in figures.items():
                setattr(row, k, v)
            row.produced_by, row.produced_at = actor.username, uow.now
            row.signed_by = row.signed_at = None
        uow.audit(
            "points.month_end",
            "points_month_end",
            summary.month,
            entries=summary.entries,
            closing=t.closing,
            reconciles=summary.reconciles,
            ledger_digest=summary.ledger_digest,
            sign_off_cleared=cleared,
        )
        return replace(summary, signed_by=row.signed_by, signed_at=row.signed_at, changed_since_sign_off=False)


def _entries_through(s: Session, nxt: dt.date) -> int:
    return int(s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.entry_date < nxt)) or 0)


def sign_off(desk: Desk, actor: Actor, month: str) -> MonthSummary:
    """The 主任 vouches for the produced summary: refused when it was not produced, when the ledger
    changed since (produce it again first), or when its figures do not add up to the ledger."""
    first, nxt = parse(month)
    with desk.write(actor) as uow:
        roles.authorize(actor, SIGN)
        s = uow.session
        label = rules.month_label(first)
        row = s.get(MonthEnd, label)
        if row is None:
            raise ValidationError.single(
                "month", "month_not_produced", f"月份：{label} 的月末积分汇总表还没有生成，须先生成再审定"
            )
        if nxt > uow.today:
            raise ValidationError.single(
                "month", "month_not_over", f"月份：{label} 还没有过完，月末（{nxt - dt.timedelta(days=1)}）之后才能审定"
            )
        summary = summarise(s, desk.committee(s).name, first, nxt)
        if row.ledger_digest != summary.ledger_digest or row.opening != summary.totals.opening:
            raise ValidationError.single(
                "month",
                "ledger_changed",
                f"月份：{label} 的积分记录在生成汇总表之后有变动（本月 {summary.entries} 条，"
                f"生成时 {row.entries} 条），请重新生成汇总表，核对后再审定",
            )
        if not summary.reconciles:
            raise ValidationError.single(
                "month",
                "not_reconciling",
                f"月份：{label} 汇总表的本月结余合计 {summary.totals.closing} 与积分记录合计 {summary.ledger_closing} "
                "不符，不能审定",
            )
        if row.signed_by is None:
            row.signed_by, row.signed_at = actor.username, uow.now
            uow.audit("points.sign_off", "points_month_end", label, ledger_digest=row.ledger_digest)
        return replace(summary, signed_by=row.signed_by, signed_at=row.signed_at, changed_since_sign_off=False)


def csv_rows(summary: MonthSummary, *, households: bool = False) -> list[list[str]]:
    """The table as CSV rows: a Chinese header, a row per line, and a totals row of the lines shown."""
    lines = summary.households if households else summary.residents
    head = ["月份", "村民小组", "户"] if households else ["月份", "村民小组", "户", "姓名"]
    out = [[*head, *CSV_COLUMNS]]
    for line in lines:
        who = [summary.month, line.village_group, line.household_label or ""]
        out.append([*who, *([] if households else [line.name]), *figure_cells(line.figures)])
    first = [summary.month, "合计", f"{len(lines)} {'户' if households else '人'}"]
    out.append([*first, *([] if households else [""]), *figure_cells(total(lines))])
    return out


def figure_cells(f: rules.MonthFigures) -> list[str]:
    """The six figures of a line as table cells, in the order of CSV_COLUMNS."""
    return [str(v) for v in (f.opening, f.earned, f.deducted, f.redeemed, f.corrected, f.closing)]


def write_csv(summary: MonthSummary, path: str | os.PathLike[str], *, households: bool = False) -> Path:
    """Write the summary as CSV for Excel: UTF-8 with a BOM (else Excel shows the Chinese garbled),
    written to a temporary file first so a full disk never leaves half a table under the name."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        with part.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(csv_rows(summary, households=households))
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target
