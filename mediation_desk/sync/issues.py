"""同步问题: what the district rejected or found in conflict, and how the clerk settles each.

Choices:
- keep_server 以区里为准: the desk takes the district's state (a case's status, a field's value);
- reapply 重新提交: the desk's change goes up again as a new op — a case transition only if the
  case's rules allow it from the district's state (checked like any transition at the desk);
- dismiss 知悉并关闭: the change stays only at the desk; a note saying why is required.
Every resolution is one unit of work with its audit record; the issue row is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.intake import case_sync_payload
from mediation_desk.mediation.models_case import CaseTransition, MediationCase
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.points import rules as points
from mediation_desk.privacy import roles
from mediation_desk.storage.base import new_id
from mediation_desk.sync import case_file
from mediation_desk.sync.apply import MERGED, OWN_TABLES, plain, to_column
from mediation_desk.sync.models import DistrictRecord, SyncIssue
from mediation_desk.validation import clean_text

KEEP_SERVER, REAPPLY, DISMISS = "keep_server", "reapply", "dismiss"
CHOICES = {KEEP_SERVER: "以区里为准", REAPPLY: "重新提交本机的变更", DISMISS: "知悉并关闭"}
STATUS_LABELS = {contract.REJECTED: "被区里拒绝", contract.CONFLICT: "与区里的记录冲突"}
ENTITY_LABELS = {
    "case": "案件",
    "mediator": "调解员",
    "agreement": "调解协议",
    "case_assignment": "派单",
    "session_record": "调解记录",
    "follow_up": "回访",
    "attachment": "附件",
    "committee": "调解委员会",
    case_file.CASE_FILE: "上报卷宗",
    points.RESIDENT: "绿币居民",
    points.DECLARATION: "绿币申报",
    points.ENTRY: "绿币积分记录",
}
# A transition's states, by entity (cases unless named here).
_STATE_LABELS = {points.DECLARATION: points.STATUS_LABELS}
KIND_LABELS = {
    contract.CREATE: "新建",
    contract.UPDATE: "修改",
    contract.TRANSITION: "状态变更",
    contract.APPEND: "登记",
}
ACTION = "sync.resolve"  # seeing and settling them (administration/capability.py)


@dataclass(frozen=True)
class SyncIssueView:
    id: str
    op_id: str
    entity: str
    entity_id: str
    kind: str
    status: str  # rejected | conflict
    status_label: str
    what: str  # e.g. "案件 （2026）谢调字第 0001 号：状态变更 调解中 → 终止调解"
    case_id: str | None
    case_number: str | None
    reason: str | None
    server_state: dict[str, Any] | None
    mine: dict[str, Any]
    raised_at: dt.datetime
    choices: tuple[str, ...]
    resolved_at: dt.datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None
    note: str | None = None


def _case_id(issue: SyncIssue) -> str | None:
    if issue.entity in ("case", "case_assignment", case_file.CASE_FILE):
        return issue.entity_id
    return issue.payload.get("case_id")


def reason_code(s: Any, issue: SyncIssue) -> str | None:
    """Why the district rejected the op, as its code (kept with the op's answer)."""
    result = s.scalar(select(OutboxOp.result).where(OutboxOp.op_id == issue.op_id))
    return result.get("reason_code") if isinstance(result, dict) else None


def choices_for(issue: SyncIssue) -> tuple[str, ...]:
    if issue.resolved_at is not None:
        return ()
    if issue.status == contract.CONFLICT:
        return (KEEP_SERVER, REAPPLY, DISMISS)
    return (REAPPLY, DISMISS)


def _what(issue: SyncIssue, number: str | None) -> str:
    subject = ENTITY_LABELS.get(issue.entity, issue.entity)
    if number:
        subject += f" {number}"
    action = KIND_LABELS.get(issue.kind, issue.kind)
    if issue.kind == contract.TRANSITION:
        before, after = issue.payload.get("from"), issue.payload.get("to")
        labels = _STATE_LABELS.get(issue.entity, states.LABELS)
        action += f" {labels.get(before or '', before or '新案')} → {labels.get(after or '', after)}"
    elif issue.kind == contract.UPDATE:
        action += "：" + "、".join(sorted((issue.payload.get("fields") or {}).keys()))
    return f"{subject}：{action}"


def _view(issue: SyncIssue, number: str | None) -> SyncIssueView:
    return SyncIssueView(
        issue.id,
        issue.op_id,
        issue.entity,
        issue.entity_id,
        issue.kind,
        issue.status,
        STATUS_LABELS.get(issue.status, issue.status),
        _what(issue, number),
        _case_id(issue),
        number,
        issue.reason,
        issue.server_state,
        dict(issue.payload),
        issue.raised_at,
        choices_for(issue),
        issue.resolved_at,
        issue.resolved_by,
        issue.resolution,
        issue.note,
    )


def _numbers(s: Any, issues: list[SyncIssue]) -> dict[str, str]:
    ids = {cid for i in issues if (cid := _case_id(i))}
    return dict(s.execute(select(MediationCase.id, MediationCase.number).where(MediationCase.id.in_(ids))).all())


def list_issues(desk: Desk, actor: Actor, *, include_resolved: bool = False) -> list[SyncIssueView]:
    """Open issues (oldest first); with `include_resolved`, the settled ones too."""
    with desk.read(actor) as s:
        roles.authorize(actor, ACTION)  # inside the unit of work: a refusal is audited
        q = select(SyncIssue).order_by(SyncIssue.op_seq)
        if not include_resolved:
            q = q.where(SyncIssue.resolved_at.is_(None))
        issues = list(s.scalars(q))
        numbers = _numbers(s, issues)
        return [_view(i, numbers.get(_case_id(i) or "")) for i in issues]


def resolve_issue(desk: Desk, actor: Actor, issue_id: str, choice: str, note: str | None = None) -> SyncIssueView:
    """Settle one issue; refused (nothing changes) when the choice does not fit it."""
    with desk.write(actor) as uow:
        roles.authorize(actor, ACTION)  # inside the unit of work: a refusal is audited
        if choice not in CHOICES:
            raise ValidationError.single(
                "choice", "choice_unknown", f"处理方式须为 {'、'.join(f'{k}（{v}）' for k, v in CHOICES.items())}"
            )
        note = clean_text(note, "note", "说明", required=choice == DISMISS, max_chars=500, multiline=True)
        s = uow.session
        issue = s.get(SyncIssue, issue_id)
        if issue is None:
            raise NotFound("同步问题", issue_id)
        if issue.resolved_at is not None:
            raise DeskError(f"该同步问题已于 {issue.resolved_at:%Y-%m-%d %H:%M} 由 {issue.resolved_by} 处理")
        if choice not in choices_for(issue):
            raise ValidationError.single(
                "choice", "choice_not_allowed", f"「{STATUS_LABELS[issue.status]}」的问题不能选择「{CHOICES[choice]}」"
            )
        if choice == KEEP_SERVER:
            _keep_server(uow, issue)
        elif choice == REAPPLY:
            issue.reapplied_op_id = _reapply(uow, issue)
        issue.resolved_at, issue.resolved_by, issue.resolution, issue.note = uow.now, actor.username, choice, note
        uow.audit(
            "sync.issue_resolved",
            "sync_issue",
            issue.id,
            choice=choice,
            op_id=issue.op_id,
            op_entity=issue.entity,
            op_entity_id=issue.entity_id,
            reapplied_op_id=issue.reapplied_op_id,
        )
        s.flush()
        return _view(issue, _numbers(s, [issue]).get(_case_id(issue) or ""))


def _district_state(uow: UnitOfWork, issue: SyncIssue) -> dict[str, Any]:
    """The district's latest known state of the entity: the last pulled, else the conflict's."""
    record = uow.session.get(DistrictRecord, (issue.entity, issue.entity_id))
    return dict(record.data) if record is not None else dict(issue.server_state or {})


def _follow_district_status(uow: UnitOfWork, case: MediationCase, status: str | None, why: str) -> None:
    if not status or status == case.status or status not in states.STATES:
        return
    previous = case.status
    hlc = uow.tick()
    case.status, case.status_changed_at, case.updated_at, case.updated_hlc = status, uow.now, uow.now, hlc
    uow.session.add(
        CaseTransition(
            case_id=case.id,
            from_status=previous,
            to_status=status,
            at=uow.now,
            hlc=hlc,
            actor=uow.actor.username,
            reason=why,
            details={"sync_issue": True},
        )
    )
    uow.audit("case.transition", "case", case.id, from_status=previous, to_status=status, by_sync_issue=True)


def _keep_server(uow: UnitOfWork, issue: SyncIssue) -> None:
    server = _district_state(uow, issue)
    model = OWN_TABLES.get(issue.entity)
    row = uow.session.get(model, issue.entity_id) if model is not None else None
    if row is None:
        return  # nothing of it at the desk to change (an append, a file): the district's stands
    if issue.entity == "case":
        _follow_district_status(uow, row, server.get("status"), "同步冲突：以区里的状态为准")
    for name, column in MERGED.get(issue.entity, {}).items():
        if name in server and plain(getattr(row, column)) != server[name]:
            setattr(row, column, to_column(model, column, server[name]))


def _reapply(uow: UnitOfWork, issue: SyncIssue) -> str:
    """The desk's change again, as a new op (new id, new clock)."""
    s = uow.session
    if reason_code(s, issue) == contract.REASON_CODE_CLOCK_AHEAD:
        uow.follow_wall_clock()
    if issue.entity == "case" and issue.kind == contract.TRANSITION:
        case = s.get(MediationCase, issue.entity_id)
        if case is None:
            raise NotFound("案件", issue.entity_id)
        server_status = _district_state(uow, issue).get("status")
        _follow_district_status(uow, case, server_status, "同步冲突：先以区里的状态为准，再重新提交本机的变更")
        p = issue.payload
        apply_transition(
            uow,
            case,
            p["to"],
            reason=case.status_reason if p["to"] in (states.TERMINATED, states.DECLINED, states.ESCALATED) else None,
            routes=p.get("routes") or (),
            escalate_to=p.get("escalate_to"),
            prevented=p.get("prevented") or (),
        )  # TransitionError: refused, nothing saved
        return _last_op_id(uow, case.id)
    if issue.entity == case_file.CASE_FILE:
        op = OutboxOp(
            op_id=new_id(),
            hlc=uow.tick(),
            entity=issue.entity,
            entity_id=issue.entity_id,
            kind=issue.kind,
            payload=dict(issue.payload),
            created_at=uow.now,
        )
        s.add(op)
        return op.op_id
    payload = dict(issue.payload)
    model = OWN_TABLES.get(issue.entity)
    row = s.get(model, issue.entity_id) if model is not None else None
    if issue.entity == "case" and issue.kind == contract.CREATE and row is not None:
        payload = case_sync_payload(row)  # the case as it is now, not as it was first sent
    if issue.kind == contract.UPDATE and row is not None:
        mapping = MERGED.get(issue.entity, {})
        for name, value in (payload.get("fields") or {}).items():
            if name in mapping:
                setattr(row, mapping[name], to_column(model, mapping[name], value))
        payload["updated_hlc"] = uow.tick()
        if hasattr(row, "updated_hlc"):
            row.updated_hlc = payload["updated_hlc"]
    return uow.outbox(issue.entity, issue.entity_id, issue.kind, payload)


def _last_op_id(uow: UnitOfWork, entity_id: str) -> str:
    """The op the transition just wrote (this unit of work holds the write lock)."""
    uow.session.flush()
    return uow.session.scalars(
        select(OutboxOp.op_id).where(OutboxOp.entity_id == entity_id).order_by(OutboxOp.seq.desc()).limit(1)
    ).one()
