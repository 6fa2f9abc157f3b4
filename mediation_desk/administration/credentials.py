"""Passwords and the way back when they are lost: changing one's own password, an admin's reset
of another operator's password (or only lifting a lockout), and recovery with the recovery key
printed at setup.

The data key never changes here: each path re-wraps the same key under the new password, in the
same unit of work as the new password hash, so an operator can never end up with a password that
does not open the data (or the reverse). A refused attempt changes neither."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.administration import accounts
from mediation_desk.core.models import Operator
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.privacy import keys, roles
from mediation_desk.privacy.vault import Vault

_password_ok = accounts.password_matches


def _operator_named(session: Session, username: str) -> Operator:
    op = session.scalars(select(Operator).where(Operator.username == (username or "").strip())).first()
    if op is None:
        raise ValidationError.single("username", "operator_unknown", f"没有名为「{username}」的操作员")
    return op


def _actor_of(op: Operator) -> Actor:
    return Actor(op.username, op.role, op.id, op.display_name, op.mediator_id)


def _set_password(uow: UnitOfWork, op: Operator, password: str, vault: Vault | None) -> None:
    """New hash, the data key wrapped under the new password, the lockout cleared."""
    op.password_hash = accounts.hash_password(password)
    op.failed_logins, op.locked_until = 0, None
    if vault is not None:
        keys.wrap_for_operator(uow.session, vault, op.id, password)


def _not_locked_out(uow: UnitOfWork, op: Operator) -> None:
    minutes = accounts.lockout_minutes(op.locked_until, uow.now)
    if minutes is not None:
        raise accounts.AccountLocked(f"连续输错密码次数过多，账号已锁定，请 {minutes} 分钟后再试", minutes)


def _new_password(old: str | None, new: str | None) -> str:
    new = accounts.validate_password(new, "new_password")
    if old is not None and new == old:
        raise ValidationError.single("new_password", "password_unchanged", "新密码不能与原密码相同")
    return new


def change_password(desk: Desk, actor: Actor, old_password: str, new_password: str) -> None:
    """An operator changes their own password. A wrong old password is refused and counts
    towards the login lockout (so this is no way around it); nothing else changes then.

    Works on a locked desk too: the old password opens this operator's wrap of the data key,
    and the desk is left unlocked afterwards (the operator has just proved who they are)."""
    if not actor.operator_id:
        raise PermissionDenied("只有操作员本人可以修改自己的密码，请以操作员身份登录")
    new_password = _new_password(old_password, new_password)
    wrong = False
    vault: Vault | None = None
    with desk.write(actor) as uow:
        op = uow.session.get(Operator, actor.operator_id)
        if op is None or not op.active:
            raise PermissionDenied("该操作员账号不存在或已停用")
        _not_locked_out(uow, op)
        if not _password_ok(op.password_hash, old_password or ""):
            wrong = True
            op.failed_logins += 1
            if op.failed_logins >= accounts.MAX_FAILED_LOGINS:
                op.locked_until, op.failed_logins = uow.now + accounts.LOCKOUT, 0
                uow.audit("operator.locked", "operator", op.id)
            uow.audit("operator.password_change_refused", "operator", op.id)
        else:
            # No wrap of their own yet (added before the desk was protected) on a locked desk:
            # only the hash changes; the wrap is made at a later login on an unlocked desk.
            vault = desk.vault or keys.unlock_with_password(uow.session, op.id, old_password)
            _set_password(uow, op, new_password, vault)
            uow.audit("operator.password_changed", "operator", op.id)
    if wrong:  # the failure count is committed, the refusal reported
        raise ValidationError.single("old_password", "password_wrong", "原密码不正确")
    if vault is not None and desk.vault is None:
        desk.unlock(vault)


def reset_password(desk: Desk, admin_actor: Actor, username: str, new_password: str) -> None:
    """主任 sets a new password for an operator who has forgotten theirs (and lifts a lockout).
    The desk must be unlocked: the data key is wrapped anew under the new password."""
    with desk.write(admin_actor) as uow:
        roles.authorize(admin_actor, "operator.manage")  # inside the unit of work: a refusal is audited
        vault = desk.require_vault()
        new_password = _new_password(None, new_password)
        op = _operator_named(uow.session, username)
        _set_password(uow, op, new_password, vault)
        uow.audit("operator.password_reset", "operator", op.id)


def lift_lockout(desk: Desk, admin_actor: Actor, username: str) -> bool:
    """主任 lets an operator locked out by wrong passwords try again at once (the password stays
    as it is). Returns whether the account was locked; lifting is audited either way."""
    with desk.write(admin_actor) as uow:
        roles.authorize(admin_actor, "operator.manage")  # inside the unit of work: a refusal is audited
        op = _operator_named(uow.session, username)
        was_locked = accounts.lockout_minutes(op.locked_until, uow.now) is not None
        op.failed_logins, op.locked_until = 0, None
        uow.audit("operator.lockout_lifted", "operator", op.id, was_locked=was_locked)
        return was_locked


def recover_with_key(desk: Desk, recovery_text: str, username: str, new_password: str) -> Actor:
    """Every password lost: the recovery key printed at setup opens the data key; the operator
    named gets a new password (and their wrap), the desk is unlocked and the operator is
    returned as logged in. A wrong or garbled key is refused and nothing changes."""
    new_password = _new_password(None, new_password)
    with desk.read() as s:
        vault = keys.unlock_with_recovery(s, recovery_text)  # ValidationError: format, missing, wrong
        op = _operator_named(s, username)
        if not op.active:
            raise ValidationError.single("username", "operator_inactive", f"操作员「{username}」已停用")
        actor = _actor_of(op)
    with desk.write(actor) as uow:
        op = uow.session.get(Operator, actor.operator_id)
        assert op is not None
        _set_password(uow, op, new_password, vault)
        uow.audit("operator.recovered", "operator", op.id)
    desk.unlock(vault)
    return actor


__all__ = ["change_password", "lift_lockout", "recover_with_key", "reset_password"]
