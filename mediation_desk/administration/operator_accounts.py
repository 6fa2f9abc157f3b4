"""The 主任's view of the operator accounts: each one's role, link to the roster, whether it is
locked out and whether it is in use; retiring an account (停用) and bringing it back.

Accounts are never deleted: the audit names them. A retired account cannot log in; its key wrap
stays, so bringing it back needs no new password."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.models import Operator
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.privacy import roles
from mediation_desk.storage.base import utcnow


@dataclass(frozen=True)
class OperatorAccount:
    id: str
    username: str
    display_name: str
    role: str
    active: bool
    mediator_id: str | None  # the roster record a 调解员's account acts for (own cases)
    locked_minutes: int | None  # minutes left of a lockout, None when not locked out
    failed_logins: int  # wrong passwords since the last good one


def operator_accounts(desk: Desk, actor: Actor) -> list[OperatorAccount]:
    """Every account of the committee, oldest first; for whoever may manage them."""
    now = utcnow()
    with desk.read(actor) as s:
        roles.authorize(actor, "operator.manage")  # inside the read: a refusal is audited
        return [
            OperatorAccount(
                o.id,
                o.username,
                o.display_name,
                o.role,
                o.active,
                o.mediator_id,
                accounts.lockout_minutes(o.locked_until, now),
                o.failed_logins,
            )
            for o in s.scalars(select(Operator).order_by(Operator.created_at))
        ]


def set_active(desk: Desk, actor: Actor, username: str, active: bool) -> None:
    """Retire an account (a clerk who has left) or bring it back. The 主任 cannot retire their
    own account, nor the last account in use that may manage the others."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "operator.manage")  # inside the unit of work: a refusal is audited
        s = uow.session
        op = s.scalars(select(Operator).where(Operator.username == (username or "").strip())).first()
        if op is None:
            raise ValidationError.single("username", "operator_unknown", f"没有名为「{username}」的操作员")
        if op.active == active:
            return
        if not active:
            if op.id == actor.operator_id:
                raise DeskError("不能停用自己正在使用的账号")
            managers = roles.roles_allowed("operator.manage")
            others = s.scalars(
                select(Operator.id).where(Operator.active.is_(True), Operator.role.in_(managers), Operator.id != op.id)
            ).first()
            if op.role in managers and others is None:
                raise DeskError("这是最后一个在用的主任账号，不能停用")
        op.active = active
        uow.audit("operator.activated" if active else "operator.deactivated", "operator", op.id)
