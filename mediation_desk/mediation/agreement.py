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
from mediation_desk.mediation import states
from mediation_desk.mediation.case_access import authorize, load_case, party_person_ids
from mediation_desk.mediation.dto import AgreementView
from mediation_desk.mediation.intake import from_fen, to_fen
from mediation_desk.mediation.models_case import Agreement, MediationCase
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.validation import clean_text, parse_amount, parse_date

FORMS = {"written": "书面协议", "oral": "口头协议"}
PERFORMANCE = {"pending": "未到期", "partial": "部分履行", "fully_performed": "履行完毕", "not_performed": "未履行"}
JUDICIAL_WINDOW = dt.timedelta(days=30)
MAX_TERMS = 50


def validate_agreement(data: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    p = Problems()
    out: dict[str, Any] = {}

    form = data.get("form") or "written"
    if form not in FORMS:
        p.add("form", "agreement_form", "协议形式须为书面协议或口头协议")
    out["form"] = form
    out["reached_on"] = p.check(parse_date, data.get("reached_on"), "reached_on", "达成日期")
    out["reached_on"] = out.get("reached_on") or today
    if out["reached_on"] > today:
        p.add("reached_on", "date_future", "达成日期不能晚于今天")
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
        fields = validate_agreement(data, uow.today)
        amount = fields.pop("amount")
        parties = len(party_person_ids(s, case.id))
        # Taken before the row is added: reading the clock autoflushes, and a half-filled
        # agreement must not reach the database (copies is NOT NULL).
        hlc = uow.tick()
        a = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
        if a is None:
            a = Agreement(case_id=case.id, created_at=uow.now)
            s.add(a)
        for k, v in fields.items():
            setattr(a, k, v)
        a.amount_fen, a.copies, a.updated_hlc = to_fen(amount), parties + 1, hlc
        a.performance_status = "pending"
        if a.form == "oral":
            _make_effective(a, a.reached_on)
        s.flush()
        uow.audit("agreement.record", "case", case.id, form=a.form, terms=len(a.terms))
        uow.outbox(
            "agreement",
            a.id,
            "create",
            {
                "case_id": case.id,
                "form": a.form,
                "amount_fen": a.amount_fen,
                "reached_on": a.reached_on,
                "updated_hlc": a.updated_hlc,
            },
        )
        apply_transition(uow, case, states.AGREED)
        return agreement_view(a)


def _make_effective(a: Agreement, on: dt.date) -> None:
    a.effective_on = on
    a.judicial_deadline = on + JUDICIAL_WINDOW


def confirm_signatures(desk: Desk, actor: Actor, case_key: str, signed_on: Any = None) -> AgreementView:
    """The clerk confirms that every party, the mediator and the committee seal are on paper."""
    with desk.write(actor) as uow:
        case, a = _agreement_of(uow.session, case_key, actor, "agreement.sign")
        if a.form != "written":
            raise ValidationError.single("form", "oral_not_signed", "口头协议无需签字确认")
        if a.effective_on is not None:
            raise ValidationError.single("signed_on", "already_signed", f"协议已于 {a.effective_on} 签字生效")
        on = parse_date(signed_on, "signed_on", "签字日期") or uow.today
        if on < a.reached_on or on > uow.today:
            raise ValidationError.single("signed_on", "signed_on_range", "签字日期须在协议达成日期与今天之间")
        _make_effective(a, on)
        a.signed_confirmed_by, a.signed_confirmed_at, a.updated_hlc = actor.username, uow.now, uow.tick()
        uow.audit("agreement.signed", "case", case.id, signed_on=on.isoformat())
        uow.outbox("agreement", a.id, "update", {"fields": {"effective_on": on}, "updated_hlc": a.updated_hlc})
        return agreement_view(a)


def record_judicial_application(desk: Desk, actor: Actor, case_key: str, applied_on: Any = None) -> AgreementView:
    """Both parties applied to the court for judicial confirmation (art. 33: within 30 days)."""
    with desk.write(actor) as uow:
        case, a = _agreement_of(uow.session, case_key, actor, "agreement.sign")
        if a.effective_on is None or a.judicial_deadline is None:
            raise ValidationError.single("applied_on", "agreement_not_effective", "协议尚未生效，不能申请司法确认")
        on = parse_date(applied_on, "applied_on", "申请日期") or uow.today
        if not a.effective_on <= on <= a.judicial_deadline:
            raise ValidationError.single(
                "applied_on",
                "judicial_window",
                f"司法确认须在协议生效后 30 日内申请（{a.effective_on} 至 {a.judicial_deadline}）",
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
    )
