"""What may happen to an agreement after it is reached, by the law:

- a written agreement not yet signed is withdrawn and mediation resumes (art. 29: not in effect);
- a party refuses to sign it: mediation ends (art. 26: reason, and the other routes told);
- the dispute must go up to the town or county (art. 25), agreed or not;
- an agreement in effect is not performed: the case ends there, the parties told they may sue
  (art. 32);
- a court rules the agreement invalid or revokes it (arts 32–33): recorded, it no longer counts.

The moves are the case's transitions (`workflow`, rules in `states`); these name them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.agreement import agreement_view
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.mediation.dto import AgreementView
from mediation_desk.mediation.models_case import Agreement
from mediation_desk.mediation.workflow import transition
from mediation_desk.validation import clean_text, parse_date


def withdraw_agreement(desk: Desk, actor: Actor, case_key: str, reason: str) -> str:
    """协议撤回，重新调解: the unsigned written agreement is withdrawn, the case back in mediation."""
    return transition(desk, actor, case_key, states.IN_MEDIATION, reason=reason)


def terminate_refused_signature(desk: Desk, actor: Actor, case_key: str, reason: str, routes: Iterable[str]) -> str:
    """A party refuses to sign the written agreement: mediation ends (art. 26)."""
    return transition(desk, actor, case_key, states.TERMINATED, reason=reason, routes=routes)


def escalate(desk: Desk, actor: Actor, case_key: str, escalate_to: str, reason: str) -> str:
    """Report the dispute up (art. 25), from any open state."""
    return transition(desk, actor, case_key, states.ESCALATED, reason=reason, escalate_to=escalate_to)


def record_unperformed(desk: Desk, actor: Actor, case_key: str, reason: str, routes: Iterable[str]) -> str:
    """The agreement is not performed (or the conflict renewed): the case ends as 协议未履行, the
    parties told they may sue (art. 32: `routes` must hold "litigation")."""
    return transition(desk, actor, case_key, states.UNPERFORMED, reason=reason, routes=routes)


def record_invalidation(desk: Desk, actor: Actor, case_key: str, invalidated_on: Any, reason: str) -> AgreementView:
    """A court ruled the agreement invalid or revoked it (arts 32–33, e.g. on a party's suit or a
    refused judicial confirmation). The agreement stays for the record and no longer counts."""
    reason_text = clean_text(reason, "reason", "无效或撤销的依据", required=True, max_chars=2000, multiline=True)
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "agreement.sign", case.id)
        a = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
        if a is None or a.withdrawn_on is not None:
            raise ValidationError.single("case", "no_agreement", "本案没有生效的协议")
        if a.effective_on is None:
            raise ValidationError.single(
                "case", "agreement_not_effective", "协议尚未生效，无从确认无效（人民调解法第三十二条）"
            )
        if a.invalidated_on is not None:
            raise ValidationError.single(
                "invalidated_on", "already_invalidated", f"已登记协议于 {a.invalidated_on} 被确认无效或撤销"
            )
        on = parse_date(invalidated_on, "invalidated_on", "裁定（判决）日期")
        if on is None:
            raise ValidationError.single("invalidated_on", "required", "裁定（判决）日期必填")
        if not a.effective_on <= on <= uow.today:
            raise ValidationError.single(
                "invalidated_on",
                "invalidated_on_range",
                f"裁定（判决）日期须在协议生效日（{a.effective_on}）与今天（{uow.today}）之间",
            )
        a.invalidated_on, a.invalidated_reason, a.updated_hlc = on, reason_text, uow.tick()
        uow.audit("agreement.invalidated", "case", case.id, invalidated_on=on.isoformat())
        uow.outbox("agreement", a.id, "update", {"fields": {"invalidated_on": on}, "updated_hlc": a.updated_hlc})
        return agreement_view(a)
