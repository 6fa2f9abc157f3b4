"""办案提醒: the committee's own targets for its case reminders, kept in the desk database.

How many days a case may stay open before the 工作台 lists it as open too long (超期在办), and how
many days ahead a judicial-confirmation deadline (司法确认申请期限) is announced. They are the
committee's rules of mediation, not one PC's taste, so they live in `desk_state` beside the other
facts of this installation, change only through `set_targets` (`case_targets.manage`: the 主任;
audited) and are read by the dashboard service."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, Problems
from mediation_desk.privacy import roles
from mediation_desk.storage.state import DeskState

RULES_KEY = "case_reminder_targets"
ACTION = "case_targets.manage"  # the permission (mediation/states.py), named in a refusal's audit record
AUDIT_ACTION = "desk_rules.targets"  # the name the change has had in the audit log from the start


@dataclass(frozen=True)
class CaseTargets:
    overdue_days: int = 30  # 在办超期：a case open longer than this is listed
    judicial_window_days: int = 7  # 司法确认提醒：deadlines within this many days are listed


# field → (its name in messages, smallest, largest)
LIMITS: dict[str, tuple[str, int, int]] = {
    "overdue_days": ("在办超期天数", 1, 365),
    "judicial_window_days": ("司法确认提醒天数", 1, 30),
}


def targets_in(session: Session) -> CaseTargets:
    row = session.get(DeskState, RULES_KEY)
    if row is None:
        return CaseTargets()
    try:
        stored = json.loads(row.value)
        return CaseTargets(**{k: int(stored[k]) for k in LIMITS if k in stored})
    except (ValueError, TypeError, KeyError):
        raise DeskError("办案提醒设置已损坏，请主任在「设置」中重新保存") from None


def get_targets(desk: Desk) -> CaseTargets:
    """Everyone reads them (the window shows them read-only to those who may not change them)."""
    with desk.read() as s:
        return targets_in(s)


def validate_targets(values: dict[str, Any]) -> dict[str, int]:
    """The values that may be stored; every bad one is reported, naming the field and its range."""
    p = Problems()
    out: dict[str, int] = {}
    for key, value in values.items():
        if key not in LIMITS:
            p.add(key, "unknown_setting", f"没有「{key}」这一办案提醒设置")
            continue
        label, low, high = LIMITS[key]
        if isinstance(value, str) and value.strip().isdecimal():  # typed, also full-width ０–９
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            p.add(key, "days_range", f"{label}须为 {low}–{high} 的整数（天）")
        else:
            out[key] = value
    p.raise_if_any()
    return out


def set_targets(desk: Desk, actor: Actor, **values: Any) -> CaseTargets:
    """Change some of the targets (overdue_days=…, judicial_window_days=…)."""
    with desk.write(actor) as uow:
        roles.authorize(actor, ACTION)  # inside the unit of work: the refusal is audited
        changes = validate_targets(values)
        old = targets_in(uow.session)
        new = CaseTargets(**(asdict(old) | changes))
        if new != old:
            uow.session.merge(DeskState(key=RULES_KEY, value=json.dumps(asdict(new), sort_keys=True)))
            uow.audit(AUDIT_ACTION, "desk", None, old=asdict(old), new=asdict(new))
        return new
