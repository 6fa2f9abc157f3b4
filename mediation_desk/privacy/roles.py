"""Who may see and do what: the permission table of the roles 主任, 记录员 and 调解员.

Pure data and logic (no database, no files), so the desk's services and the district server
read the same table. The services enforce it (the window only hides what the table refuses);
for actions on one case the caller says whether the actor's mediator record is, or was, on
that case (`own_case`), which is what a 调解员's permissions are scoped to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from mediation_desk.errors import PermissionDenied

ADMIN, CLERK, MEDIATOR, SYSTEM = "admin", "clerk", "mediator", "system"
ROLE_LABELS = {ADMIN: "主任", CLERK: "记录员", MEDIATOR: "调解员", SYSTEM: "系统"}
ROLES = (ADMIN, CLERK, MEDIATOR)  # the roles an operator account can have

# Scope of a permission.
ALL, OWN, NONE = "all", "own", "none"
SCOPE_LABELS = {ALL: "允许", OWN: "仅限本人承办的案件", NONE: "不允许"}

# action → (what it is, what a 调解员 may do with it on own cases only)
ACTIONS: dict[str, tuple[str, str]] = {
    "case.create": ("受理登记案件", ""),
    "case.view": ("查看案件详情（个人信息遮掩）", "查看自己承办的案件"),
    "case.view_full": ("查看当事人完整个人信息", "查看自己承办案件的当事人信息"),
    "case.assign": ("派单（指派、撤换调解员）", ""),
    "case.transition": ("变更案件状态", "变更自己承办案件的状态"),
    "session.record": ("记录调解过程", "为自己承办的案件记录调解过程"),
    "agreement.record": ("登记调解协议", "为自己承办的案件登记调解协议"),
    "agreement.sign": ("确认协议签字、登记司法确认申请", ""),
    "follow_up.record": ("安排和登记回访", "为自己承办的案件安排和登记回访"),
    "attachment.add": ("添加附件", "为自己承办的案件添加附件"),
    "attachment.open": ("查看附件原件", "查看自己承办案件的附件"),
    "mediator.manage": ("维护调解员名册", ""),
    "operator.manage": ("管理操作员账号", ""),
    "export": ("导出案件数据", ""),
    "import": ("导入案件数据", ""),
    "retention.manage": ("设置保管期限", ""),
    "purge": ("清除到期的个人信息", ""),
    "consent.manage": ("登记当事人同意及撤回", ""),
}

_STAFF_ONLY = frozenset({"operator.manage", "retention.manage", "purge"})
_MEDIATOR_OWN = frozenset({
    "case.view", "case.view_full", "case.transition", "session.record", "agreement.record",
    "follow_up.record", "attachment.add", "attachment.open",
})
# A 调解员 often hears of a dispute first (主动调解): registering it is how the committee learns
# of it, and shows nobody else's personal data. Reading it afterwards needs an assignment.
_MEDIATOR_ALL = frozenset({"case.create"})

TABLE: dict[str, dict[str, str]] = {
    ADMIN: {a: ALL for a in ACTIONS},
    CLERK: {a: NONE if a in _STAFF_ONLY else ALL for a in ACTIONS},
    MEDIATOR: {a: ALL if a in _MEDIATOR_ALL else OWN if a in _MEDIATOR_OWN else NONE for a in ACTIONS},
}


class HasRole(Protocol):
    @property
    def role(self) -> str: ...


class ActionDenied(PermissionDenied):
    """The role may not do the action (here, or on this case)."""

    def __init__(self, role: str, action: str, message: str, case_id: str | None = None) -> None:
        self.role = role
        self.action = action
        self.case_id = case_id
        super().__init__(message)


def _known(action: str) -> None:
    if action not in ACTIONS:  # a typo in a service must not silently refuse (or allow)
        raise ValueError(f"unknown action {action!r}")


def scope(role: str, action: str) -> str:
    """ALL, OWN or NONE; the internal "system" role has ALL, an unknown role NONE."""
    _known(action)
    if role == SYSTEM:
        return ALL
    return TABLE.get(role, {}).get(action, NONE)


def allowed(role: str, action: str, *, own_case: bool | None = None) -> bool:
    """May `role` do `action`? For a permission limited to own cases, `own_case` must be True
    (None — not about one case, or not known — refuses)."""
    s = scope(role, action)
    return s == ALL or (s == OWN and own_case is True)


def refusal(role: str, action: str) -> str:
    """The sentence shown when `role` is refused `action`."""
    label, own_text = ACTIONS[action]
    who = ROLE_LABELS.get(role, f"角色「{role}」")
    if scope(role, action) == OWN:
        return f"{who}只能{own_text}"
    return f"{who}无权{label}"


def check(actor: HasRole, action: str, *, own_case: bool | None = None) -> None:
    """Raise `PermissionDenied` (an `ActionDenied`) naming the role and the action, unless allowed."""
    if not allowed(actor.role, action, own_case=own_case):
        raise ActionDenied(actor.role, action, refusal(actor.role, action))


@dataclass(frozen=True)
class PermissionRow:
    action: str
    label: str
    scopes: dict[str, str]  # role → ALL | OWN | NONE
    cells: dict[str, str]  # role → the scope in words (for the settings page)


def describe() -> list[PermissionRow]:
    """The table as rows, one per action, in the order of `ACTIONS`."""
    rows = []
    for action, (label, _own) in ACTIONS.items():
        scopes = {role: scope(role, action) for role in ROLES}
        rows.append(PermissionRow(action, label, scopes, {r: SCOPE_LABELS[s] for r, s in scopes.items()}))
    return rows
