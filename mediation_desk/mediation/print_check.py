"""Whether an agreement can be printed whole before it is recorded as signed.

A written agreement takes effect when signed on paper (art. 29); a name or a term the documents'
fonts cannot print would leave a gap on that paper. The check asks the ground
(`REGISTRY.unprintable`, set to the documents' font coverage at start-up) and never the
documents themselves."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.models import Committee
from mediation_desk.core.registry import REGISTRY
from mediation_desk.errors import ValidationError
from mediation_desk.mediation.models_case import Agreement, CaseAssignment, CaseParty, MediationCase
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.people.models import Person


def printed_texts(s: Session, case: MediationCase, a: Agreement) -> list[tuple[str, str, str]]:
    """(field, what it is in Chinese, text) of everything the agreement prints that people typed."""
    out: list[tuple[str, str, str]] = []
    rows = s.execute(
        select(CaseParty.agent_name, Person.name, Person.representative)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id == case.id)
        .order_by(CaseParty.position)
    ).all()
    for i, (agent, name, representative) in enumerate(rows, start=1):
        out.append((f"parties[{i - 1}].name", f"第 {i} 位当事人姓名（名称）", name))
        if representative:
            out.append((f"parties[{i - 1}].representative", f"第 {i} 位当事人的法定代表人", representative))
        if agent:
            out.append((f"parties[{i - 1}].agent_name", f"第 {i} 位当事人的委托代理人", agent))
    committee = s.get(Committee, case.committee_id)
    if committee is not None:
        out.append(("committee", "调解委员会名称", committee.name))
    mediators = s.scalars(
        select(Mediator.name)
        .join(CaseAssignment, CaseAssignment.mediator_id == Mediator.id)
        .where(CaseAssignment.case_id == case.id, CaseAssignment.ended_at.is_(None))
        .order_by(CaseAssignment.assigned_at)
    )
    out.extend(("mediators", "调解员姓名", name) for name in mediators)
    out.append(("facts", "主要事实", a.facts))
    out.append(("disputed_issues", "争议事项", a.disputed_issues))
    if a.responsibility:
        out.append(("responsibility", "各方责任", a.responsibility))
    out.extend((f"terms[{i}]", f"第 {i + 1} 项条款", t) for i, t in enumerate(a.terms))
    out.append(("performance_method", "履行方式", a.performance_method))
    return out


def refuse_unprintable(s: Session, case: MediationCase, a: Agreement) -> None:
    """Refuse (naming the field and the characters) when any of the agreement cannot be printed."""
    for field, label, text in printed_texts(s, case, a):
        if missing := REGISTRY.unprintable(text or ""):
            chars = "、".join(f"「{c}」(U+{ord(c):04X})" for c in missing)
            raise ValidationError.single(
                field,
                "unprintable",
                f"{label}中的 {chars} 无法打印，协议书不能完整签署；请先配置能显示这些字的补充字体"
                "（人民调解法第二十八条、第二十九条：书面协议经各方签字、盖章后生效）",
            )
