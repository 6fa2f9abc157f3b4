"""After mediation succeeds: the agreement (written 协议书 or oral 口头协议), its signing,
the 30-day judicial-confirmation window (art. 33) and performance status (art. 31)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import Problems, ValidationError
from mediation_desk.mediation import assignment, holiday_calendar, states, working_days
from mediation_desk.mediation.case_access import authorize, load_case, party_person_ids
from mediation_desk.mediation.dto import AgreementView
from mediation_desk.mediation.intake import from_fen, to_fen
from mediation_desk.mediation.models_case import Agreement, MediationCase
from mediation_desk.mediation.print_check import refuse_unprintable
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.validation import clean_text, parse_amount, parse_date

FORMS = {"written": "书面协议", "oral": "口头协议"}
PERFORMANCE = {"pending": "未到期", "partial": "部分履行", "fully_performed": "履行完毕", "not_performed": "未履行"}
MAX_TERMS = 50


def validate_agreement(data: Mapping[str, Any], today: dt.date, accepted_on: dt.date | None = None) -> dict[str, Any]:
    """The agreement's fields, checked; `accepted_on`: nothing is agreed before the case exists."""
    p = Problems()
    out: dict[str, Any] = {}

    form = data.get("form") or "written"
    if form not in FORMS:
        p.add("form", "agreement_form", "协议形式须为书面协议或口头协议")
    out["form"] = form
    out["reached_on"] = p.check(parse_date, data.get("reached_on"), "reached_on", "达成日期")
    out["reached_on"] = out.get("reached_on") or today
    if out["reached_on"] > today:
        p.add("reached_on", "date_future", f"达成日期不能晚于今天（{today}）")
    elif accepted_on is not None and out["reached_on"] < accepted_on:
        p.add(
            "reached_on",
            "before_acceptance",
            f"达成日期（{out['reached_on']}）不能早于受理日期（{accepted_on}）；日期有误请走更正登记",
        )
    out["facts"] = p.check(
        clean_text, data.get("facts"), "facts", "主要事实", required=True, max_chars=8000, multiline=True
    )
    out["disputed_issues"] = p.check(
        clean_text,
        data.get("disputed_issues"),
        "disputed_issues",
        "争议事项",
        required=True,
        max_chars=4000,
        multiline=True,
    )
    out["responsibility"] = p.check(
        clean_text,
        data.get("responsibility"),
        "responsibility",
        "各方责任",
        required=False,
        max_chars=4000,
        multiline=True,
    )
    out["performance_method"] = p.check(
        clean_text,
        data.get("performance_method"),
        "performance_method",
        "履行方式",
        required=True,
        max_chars=2000,
        multiline=True,
    )
    out["performance_deadline"] = p.check(
        parse_date, data.get("performance_deadline"), "performance_deadline", "履行期限"
    )
    if out.get("performance_deadline") and out["performance_deadline"] < out["reached_on"]:
        p.add("performance_deadline", "deadline_before_agreement", "履行期限不能早于协议达成日期")
    out["amount"] = p.check(parse_amount, data.get("amount"), "amount", "协议金额")
    terms = data.get("terms") or []
    if not isinstance(terms, list) or not terms:
        p.add("terms", "terms_required", "协议至少有一项条款")
        terms = []
    if len(terms) > MAX_TERMS:
        p.add("terms", "terms_too_many", f"协议条款最多 {MAX_TERMS} 项")
    clean_terms = []
    for i, term in enumerate(terms[:MAX_TERMS]):
        try:
            clean_terms.append(
                clean_text(term, f"terms[{i}]", f"第 {i + 1} 项条款", required=True, max_chars=2000, multiline=True)
            )
        except ValidationError as e:
            p.extend(e)
    out["terms"] = clean_terms
    p.raise_if_any()
    return out


def record_agreement(desk: Desk, actor: Actor, case_key: str, data: Mapping[str, Any]) -> AgreementView:
    """Record the agreement reached; the case moves to "agreed" in the same unit of work.

    Copies = parties + 1 (art. 29: one per party and one for the committee). An oral agreement
    takes effect when reached; a written one when the signatures are confirmed."""
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "agreement.record", case.id)
        if case.status != states.IN_MEDIATION:
            raise ValidationError.single(
                "case", "case_not_in_mediation", f"只有调解中的案件才能登记协议（当前：{states.LABELS[case.status]}）"
            )
        assignment.require_acting_mediator(s, case)
        fields = validate_agreement(data, uow.today, case.accepted_on)
        amount = fields.pop("amount")
        parties = len(party_person_ids(s, case.id))
        # Taken before the row is added: reading the clock autoflushes, and a half-filled
        # agreement must not reach the database (copies is NOT NULL).
        hlc = uow.tick()
        a = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
        earlier = a is not None  # one withdrawn before signing: the new agreement takes its place
        if a is None:
            a = Agreement(case_id=case.id, created_at=uow.now)
            s.add(a)
        for k, v in fields.items():
            setattr(a, k, v)
        a.amount_fen, a.copies, a.updated_hlc = to_fen(amount), parties + 1, hlc
        a.performance_status = "pending"
        a.effective_on = a.judicial_deadline = a.judicial_applied_on = a.signed_confirmed_at = None
        a.signed_confirmed_by = a.withdrawn_on = a.withdrawn_reason = None
        a.invalidated_on = a.invalidated_reason = None
        if a.form == "oral":
            _make_effective(s, a, a.reached_on)
        s.flush()
        uow.audit("agreement.record", "case", case.id, form=a.form, terms=len(a.terms))
        synced = {"form": a.form, "amount_fen": a.amount_fen, "reached_on": a.reached_on}
        if earlier:
            cleared = dict.fromkeys(("effective_on", "judicial_applied_on", "withdrawn_on", "invalidated_on"))
            fields_sent = {**synced, **cleared, "performance_status": a.performance_status}
            uow.outbox("agreement", a.id, "update", {"fields": fields_sent, "updated_hlc": a.updated_hlc})
        else:
            uow.outbox("agreement", a.id, "create", {"case_id": case.id, **synced, "updated_hlc": a.updated_hlc})
        apply_transition(uow, case, states.AGREED)
        return agreement_view(a)


def _make_effective(s: Any, a: Agreement, on: dt.date) -> None:
    a.effective_on = on
    a.judicial_deadline = working_days.judicial_deadline(on, holiday_calendar.current(s))


def confirm_signatures(desk: Desk, actor: Actor, case_key: str, signed_on: Any = None) -> AgreementView:
    """The clerk confirms that every party, the mediator and the committee seal are on paper."""
    with desk.write(actor) as uow:
        case, a = _agreement_of(uow.session, case_key, actor, "agreement.sign")
        if a.form != "written":
            raise ValidationError.single("form", "oral_not_signed", "口头协议无需签字确认")
        _refuse_withdrawn(a)
        if a.effective_on is not None:
            raise ValidationError.single("signed_on", "already_signed", f"协议已于 {a.effective_on} 签字生效")
        on = parse_date(signed_on, "signed_on", "签字日期") or uow.today
        if on < a.reached_on or on > uow.today:
            raise ValidationError.single(
                "signed_on",
                "signed_on_range",
                f"签字日期须在协议达成日期（{a.reached_on}）与今天（{uow.today}）之间；日期有误请走更正登记",
            )
        refuse_unprintable(uow.session, case, a)
        _make_effective(uow.session, a, on)
        a.signed_confirmed_by, a.signed_confirmed_at, a.updated_hlc = actor.username, uow.now, uow.tick()
        uow.audit("agreement.signed", "case", case.id, signed_on=on.isoformat())
        uow.outbox("agreement", a.id, "update", {"fields": {"effective_on": on}, "updated_hlc": a.updated_hlc})
        return agreement_view(a)


def record_judicial_application(desk: Desk, actor: Actor, case_key: str, applied_on: Any = None) -> AgreementView:
    """Both parties applied to the court for judicial confirmation (art. 33: within 30 days)."""
    with desk.write(actor) as uow:
        case, a = _agreement_of(uow.session, case_key, actor, "agreement.sign")
        if a.form != "written":
            raise ValidationError.single(
                "form",
                "oral_no_judicial",
                "口头协议不能申请司法确认：司法确认针对书面调解协议（人民调解法第三十三条）",
            )
        _refuse_withdrawn(a)
        if a.effective_on is None:
            raise ValidationError.single(
                "applied_on", "agreement_not_effective", "协议尚未签字生效，不能申请司法确认（人民调解法第三十三条）"
            )
        if a.judicial_applied_on is not None:
            raise ValidationError.single(
                "applied_on", "already_applied", f"已于 {a.judicial_applied_on} 登记过司法确认申请"
            )
        # The calendar in force decides (a year's notice may have come since signing).
        deadline = working_days.judicial_deadline(a.effective_on, holiday_calendar.current(uow.session))
        a.judicial_deadline = deadline
        on = parse_date(applied_on, "applied_on", "申请日期") or uow.today
        if on > uow.today:
            raise ValidationError.single("applied_on", "date_future", f"申请日期不能晚于今天（{uow.today}）")
        if not a.effective_on <= on <= deadline:
            raise ValidationError.single(
                "applied_on",
                "judicial_window",
                f"司法确认须自协议生效之日起 30 日内申请，期限届满日为 {deadline}"
                f"（协议 {a.effective_on} 生效；届满日遇休息日、节假日顺延，人民调解法第三十三条、"
                "民事诉讼法第八十五条）",
            )
        a.judicial_applied_on, a.updated_hlc = on, uow.tick()
        uow.audit("agreement.judicial_applied", "case", case.id)
        uow.outbox("agreement", a.id, "update", {"fields": {"judicial_applied_on": on}, "updated_hlc": a.updated_hlc})
        return agreement_view(a)


def set_performance(uow: Any, case: MediationCase, a: Agreement, status: str) -> None:
    if status not in PERFORMANCE:
        raise ValidationError.single(
            "performance_status", "performance_status", f"履行情况须为：{'、'.join(PERFORMANCE.values())}"
        )
    if status != "pending" and not in_effect(a):
        raise ValidationError.single(
            "performance_status",
            "agreement_not_in_effect",
            f"协议尚未生效（或已撤回、被确认无效），不能登记「{PERFORMANCE[status]}」"
            "（人民调解法第二十九条：书面协议经各方签字、盖章后生效）",
        )
    if a.performance_status != status:
        a.performance_status, a.updated_hlc = status, uow.tick()
        uow.audit("agreement.performance", "case", case.id, status=status)
        uow.outbox(
            "agreement", a.id, "update", {"fields": {"performance_status": status}, "updated_hlc": a.updated_hlc}
        )


def update_performance(desk: Desk, actor: Actor, case_key: str, status: str) -> AgreementView:
    with desk.write(actor) as uow:
        case, a = _agreement_of(uow.session, case_key, actor, "follow_up.record")
        set_performance(uow, case, a, status)
        return agreement_view(a)


def in_effect(a: Agreement) -> bool:
    """Signed (oral: reached), not withdrawn, not ruled invalid."""
    return a.effective_on is not None and a.withdrawn_on is None and a.invalidated_on is None


def _refuse_withdrawn(a: Agreement) -> None:
    if a.withdrawn_on is not None:
        raise ValidationError.single(
            "case", "agreement_withdrawn", f"协议已于 {a.withdrawn_on} 撤回，请重新调解并登记新的协议"
        )
    if a.invalidated_on is not None:
        raise ValidationError.single(
            "case", "agreement_invalidated", f"协议已于 {a.invalidated_on} 被确认无效或撤销（人民调解法第三十三条）"
        )


def _agreement_of(s: Any, case_key: str, actor: Actor, action: str) -> tuple[MediationCase, Agreement]:
    case = load_case(s, case_key)
    authorize(s, actor, action, case.id)
    a = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
    if a is None:
        raise ValidationError.single("case", "no_agreement", "本案尚未登记协议")
    return case, a


def agreement_view(a: Agreement) -> AgreementView:
    return AgreementView(
        id=a.id,
        form=a.form,
        reached_on=a.reached_on,
        facts=a.facts,
        disputed_issues=a.disputed_issues,
        responsibility=a.responsibility,
        terms=tuple(a.terms),
        performance_method=a.performance_method,
        performance_deadline=a.performance_deadline,
        amount=from_fen(a.amount_fen),
        copies=a.copies,
        effective_on=a.effective_on,
        judicial_deadline=a.judicial_deadline,
        judicial_applied_on=a.judicial_applied_on,
        performance_status=a.performance_status,
        withdrawn_on=a.withdrawn_on,
        withdrawn_reason=a.withdrawn_reason,
        invalidated_on=a.invalidated_on,
        invalidated_reason=a.invalidated_reason,
        in_effect=in_effect(a),
    )
