"""更正法定日期: putting right a legal date typed wrong — the acceptance day, a session's time, the
day an agreement was reached or signed into effect, the day judicial confirmation was applied
for. A wrong date is never typed again back-dated: it is corrected here, with a reason, and the
old value, the new one, who and when are kept (`DateCorrection`) beside the audit trail. The
corrected case must still keep the order of its legal dates (`date_rules`), the 30-day window of
art. 33 is recomputed from a moved day of effect, and the district learns the new date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import date_rules, holiday_calendar, sessions, working_days
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.mediation.date_rules import (
    ACCEPTED_ON,
    HELD_AT,
    JUDICIAL_APPLIED_ON,
    LABELS,
    REACHED_ON,
    SIGNED_ON,
    LegalDates,
)
from mediation_desk.mediation.models_case import (
    Agreement,
    CaseTransition,
    DateCorrection,
    MediationCase,
    SessionRecord,
)
from mediation_desk.validation import clean_text, parse_date

CORRECT = "case.correct_date"


@dataclass(frozen=True)
class DateCorrectionView:
    id: str
    case_id: str
    field: str
    field_label: str
    target_id: str
    old_value: str
    new_value: str
    reason: str
    corrected_by: str
    corrected_at: dt.datetime


def correct_date(
    desk: Desk,
    actor: Actor,
    case_key: str,
    field: str,
    new_value: Any,
    reason: str,
    *,
    session_id: str | None = None,
) -> DateCorrectionView:
    """Correct one legal date of a case (`field`: one of `date_rules.LABELS`; a session's time
    needs `session_id`, its latest version). Refused, nothing saved, when the reason is missing,
    the date does not change, or the case's dates would fall out of order."""
    reason = clean_text(reason, "reason", "更正理由", required=True, max_chars=500) or ""
    if field not in LABELS:
        raise ValidationError.single(
            "field", "correction_field", f"可更正的日期：{'、'.join(f'{k}（{v}）' for k, v in LABELS.items())}"
        )
    if field == HELD_AT:
        if not session_id:
            raise ValidationError.single("session_id", "required", "更正调解时间须指明是哪一次调解记录")
        if new_value is None or (isinstance(new_value, str) and not new_value.strip()):
            raise ValidationError.single("new_value", "required", "更正后的调解时间不能为空")
    elif parse_date(new_value, "new_value", f"更正后的{LABELS[field]}") is None:
        raise ValidationError.single("new_value", "required", f"更正后的{LABELS[field]}不能为空")
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, CORRECT, case.id)
        if field == HELD_AT:
            return _correct_session_time(uow, case, session_id or "", new_value, reason)
        day = parse_date(new_value, "new_value", f"更正后的{LABELS[field]}")
        assert day is not None  # checked before the unit of work
        return _correct_day(uow, case, field, day, reason)


def list_corrections(desk: Desk, case_key: str, *, actor: Actor | None = None) -> list[DateCorrectionView]:
    """The date corrections of a case, oldest first; with `actor`, only if they may see the case."""
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        if actor is not None:
            authorize(s, actor, "case.view", case.id)
        rows = s.scalars(
            select(DateCorrection)
            .where(DateCorrection.case_id == case.id)
            .order_by(DateCorrection.corrected_at, DateCorrection.id)
        )
        return [_view(r) for r in rows]


def legal_dates(s: Session, case: MediationCase, agreement: Agreement | None) -> LegalDates:
    """The case's legal dates as stored: sessions by their latest versions, status changes after
    the acceptance by their Beijing day."""
    latest: dict[str, SessionRecord] = {}
    for r in s.scalars(select(SessionRecord).where(SessionRecord.case_id == case.id).order_by(SessionRecord.version)):
        latest[r.record_key] = r
    later = s.scalars(
        select(CaseTransition.at).where(CaseTransition.case_id == case.id, CaseTransition.from_status.is_not(None))
    )
    written = agreement is not None and agreement.form == "written"
    return LegalDates(
        accepted_on=case.accepted_on,
        session_days=tuple(date_rules.beijing_day(r.held_at) for r in latest.values()),
        reached_on=agreement.reached_on if agreement else None,
        signed_on=agreement.effective_on if agreement and written else None,
        judicial_applied_on=agreement.judicial_applied_on if agreement else None,
        judicial_deadline=agreement.judicial_deadline if agreement else None,
        later_days=tuple(date_rules.beijing_day(at) for at in later),
    )


def _correct_day(uow: UnitOfWork, case: MediationCase, field: str, day: dt.date, reason: str) -> DateCorrectionView:
    s = uow.session
    a = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
    now = legal_dates(s, case, a)
    old = _current(case, a, field)
    if old == day:
        raise ValidationError.single("new_value", "date_unchanged", f"{LABELS[field]}已是 {day}，无需更正")
    if field == ACCEPTED_ON and day.year != case.year:
        raise ValidationError.single(
            "new_value",
            "case_year",
            f"更正后的受理日期（{day}）须在 {case.year} 年内：案号按受理年度编号（{case.number}）",
        )
    changed = _with(now, field, day)
    if changed.effective_on != now.effective_on and changed.effective_on is not None:
        deadline = working_days.judicial_deadline(changed.effective_on, holiday_calendar.current(s))
        changed = dataclasses.replace(changed, judicial_deadline=deadline)
    _refuse_disorder(now, changed, field, uow.today)
    if a is not None and field == REACHED_ON and a.performance_deadline and a.performance_deadline < day:
        raise ValidationError.single(
            "new_value",
            "deadline_before_agreement",
            f"协议达成日期（{day}）不能晚于履行期限（{a.performance_deadline}）",
        )
    hlc = uow.tick()
    if field == ACCEPTED_ON:
        case.accepted_on, case.updated_at, case.updated_hlc = day, uow.now, hlc
        target = case.id
        uow.outbox("case", case.id, "update", {"fields": {"accepted_on": day}, "updated_hlc": hlc})
    else:
        assert a is not None  # `_current` refused a correction of an agreement that is not there
        fields: dict[str, Any] = {field if field != SIGNED_ON else "effective_on": day}
        if field == REACHED_ON:
            a.reached_on = day
        elif field == JUDICIAL_APPLIED_ON:
            a.judicial_applied_on = day
        if changed.effective_on != now.effective_on:  # oral reached, or written signed: in effect then
            a.effective_on, a.judicial_deadline = changed.effective_on, changed.judicial_deadline
            fields["effective_on"] = changed.effective_on
        a.updated_hlc = hlc
        target = a.id
        uow.outbox("agreement", a.id, "update", {"fields": fields, "updated_hlc": hlc})
    return _record(uow, case.id, field, target, old.isoformat(), day.isoformat(), reason)


def _correct_session_time(
    uow: UnitOfWork, case: MediationCase, session_id: str, new_value: Any, reason: str
) -> DateCorrectionView:
    s = uow.session
    old = sessions.latest_version(s, session_id)
    if old.case_id != case.id:
        raise ValidationError.single("session_id", "not_this_case", "该调解记录不属于本案")
    when = sessions.parse_time(new_value)
    if when == old.held_at:
        raise ValidationError.single("new_value", "date_unchanged", "调解时间未变，无需更正")
    rec = sessions.new_version(uow, old, {"held_at": when}, reason)  # records the correction too
    row = s.scalars(
        select(DateCorrection).where(DateCorrection.target_id == rec.id, DateCorrection.field == HELD_AT)
    ).one()
    return _view(row)


def _current(case: MediationCase, a: Agreement | None, field: str) -> dt.date:
    """The stored value of a day-field, refusing a correction of a date that was never recorded
    (record it through its own action instead: signing, the judicial application)."""
    if field == ACCEPTED_ON:
        return case.accepted_on
    if a is None:
        raise ValidationError.single("field", "no_agreement", "本案尚未登记协议，没有可更正的协议日期")
    if field == REACHED_ON:
        return a.reached_on
    if field == SIGNED_ON:
        if a.form != "written" or a.effective_on is None:
            raise ValidationError.single(
                "field", "not_signed", "只有已签字生效的书面协议才有签字生效日期（口头协议以达成日期生效）"
            )
        return a.effective_on
    if a.judicial_applied_on is None:
        raise ValidationError.single("field", "not_applied", "尚未登记司法确认申请，没有可更正的申请日期")
    return a.judicial_applied_on


def _with(d: LegalDates, field: str, day: dt.date) -> LegalDates:
    if field == ACCEPTED_ON:
        return dataclasses.replace(d, accepted_on=day)
    if field == REACHED_ON:
        return dataclasses.replace(d, reached_on=day)
    if field == SIGNED_ON:
        return dataclasses.replace(d, signed_on=day)
    return dataclasses.replace(d, judicial_applied_on=day)


def _refuse_disorder(before: LegalDates, after: LegalDates, field: str, today: dt.date) -> None:
    """Refuse a correction that leaves the corrected date out of order, or puts another date out
    of order that was not. Breaks that were there before and do not involve it (older records
    typed before these checks) do not block it: the clerk puts them right one date at a time."""
    had = {(p.field, p.rule) for p in date_rules.ordering_problems(before, today)}
    problems = [
        p for p in date_rules.ordering_problems(after, today) if p.field == field or (p.field, p.rule) not in had
    ]
    if problems:
        raise ValidationError(problems)


def _record(
    uow: UnitOfWork, case_id: str, field: str, target_id: str, old: str, new: str, reason: str
) -> DateCorrectionView:
    row = DateCorrection(
        case_id=case_id,
        field=field,
        target_id=target_id,
        old_value=old,
        new_value=new,
        reason=reason,
        corrected_by=uow.actor.username,
        corrected_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("case.date_corrected", "case", case_id, field=field, correction_id=row.id)
    return _view(row)


def _view(r: DateCorrection) -> DateCorrectionView:
    return DateCorrectionView(
        r.id,
        r.case_id,
        r.field,
        LABELS.get(r.field, r.field),
        r.target_id,
        r.old_value,
        r.new_value,
        r.reason,
        r.corrected_by,
        r.corrected_at,
    )
