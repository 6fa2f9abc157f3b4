"""Who may see and do what: the permission table of the roles 主任, 记录员 and 调解员.

Pure data and logic (no database, no files), so the desk's services and the district server
read the same table. The services enforce it (the window only hides what the table refuses);
for actions on one case the caller says whether the actor's mediator record is, or was, on
that case (`own_case`), which is what a 调解员's permissions are scoped to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from mediation_desk.errors import PermissionDenied

ADMIN, CLERK, MEDIATOR, SYSTEM = "admin", "clerk", "mediator", "system"
ROLE_LABELS = {ADMIN: "主任", CLERK: "记录员", MEDIATOR: "调解员", SYSTEM: "系统"}
ROLES = (ADMIN, CLERK, MEDIATOR)  # the roles an operator account can have

# Scope of a permission.
ALL, OWN, NONE = "all", "own", "none"
SCOPE_LABELS = {ALL: "允许", OWN: "仅限本人承办的案件", NONE: "不允许"}


@dataclass(frozen=True)
class Permission:
    """One action a capability registers, with how far each role may take it. A 主任 may do
    everything; `clerk` and `mediator` say the scope of the 记录员 and the 调解员. `own_label`
    words what a 调解员 may do on their own cases (for OWN)."""

    action: str
    label: str
    own_label: str = ""
    clerk: str = ALL
    mediator: str = NONE


# action → (what it is, what a 调解员 may do with it on own cases only); filled by registration.
ACTIONS: dict[str, tuple[str, str]] = {}
# role → action → scope: the one table every service asks (through `authorize`).
TABLE: dict[str, dict[str, str]] = {ADMIN: {}, CLERK: {}, MEDIATOR: {}}
_PERMISSIONS: dict[str, Permission] = {}


def register(permissions: Iterable[Permission]) -> None:
    """Add a capability's actions to the table (core/registry.py calls this at start-up)."""
    for perm in permissions:
        held = _PERMISSIONS.get(perm.action)
        if held is not None and held != perm:
            raise ValueError(f"permission action {perm.action!r} is registered twice, differently")
        if perm.clerk not in SCOPE_LABELS or perm.mediator not in SCOPE_LABELS:
            raise ValueError(f"permission action {perm.action!r}: unknown scope")
        _PERMISSIONS[perm.action] = perm
        ACTIONS[perm.action] = (perm.label, perm.own_label)
        TABLE[ADMIN][perm.action] = ALL
        TABLE[CLERK][perm.action] = perm.clerk
        TABLE[MEDIATOR][perm.action] = perm.mediator


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
    if action not in ACTIONS:  # a typo in a service (or a capability not registered) must not pass
        raise ValueError(f"unknown action {action!r} (is its capability registered?)")


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


def authorize(actor: HasRole, action: str, *, own_case: bool | None = None, case_id: str | None = None) -> None:
    """The one access decision every service asks: raise `ActionDenied` (a `PermissionDenied`)
    naming the role and the action unless the table allows it. `own_case` says whether the case
    acted on is, or was, the actor's (for OWN scopes); `case_id` names it in the refusal, which the
    desk audits as `access.denied` when the refused unit of work has rolled back (desk.py)."""
    if not allowed(actor.role, action, own_case=own_case):
        raise ActionDenied(actor.role, action, refusal(actor.role, action), case_id)


def list_scope(actor: HasRole, action: str) -> str:
    """How far a list or search of `action`'s records reaches for this actor: ALL, OWN (only the
    cases the actor is or was assigned to) or NONE. Lists are scoped exactly like details."""
    return scope(actor.role, action)


def links_to_roster(role: str) -> bool:
    """An account of this role stands for a mediator of the roster (a 调解员 sees the cases of that
    record only): its account is linked to one."""
    return role == MEDIATOR


def roles_allowed(action: str) -> tuple[str, ...]:
    """The operator roles that may do `action` everywhere (ALL), in the order of `ROLES`: e.g. who
    is the committee's 主任 for the command line's default operator (`operator.manage`)."""
    return tuple(role for role in ROLES if scope(role, action) == ALL)


check = authorize  # the older name, kept while services move to `authorize`


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
