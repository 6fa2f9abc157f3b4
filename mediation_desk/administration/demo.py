"""演示数据: a realistic village mediation room (谢塘镇) on an empty desk.

Administration sets up what every capability stands on — the committee (and so the data key) and
its staff — then lets each registered capability fill its part (`core/demo.py`). Deterministic for
a given seed. The operators share one demo password, returned in the summary with the recovery key
of the data key when the demo set the desk up.

The desk remembers that it holds the demo (`desk_state` "demo": the accounts it made, how many
records each capability had), so asking for the demo again is answered "already there" instead of
refused, and the login dialog can name the demo accounts (`demo_accounts`)."""

from __future__ import annotations

import dataclasses
import json
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.demo import DemoContext
from mediation_desk.core.registry import REGISTRY, Registry
from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.privacy import roles
from mediation_desk.storage.state import DeskState

DEMO_PASSWORD = "demo-password-2026"
TOWN = "谢塘镇"
COMMITTEE = {
    "name": "谢家塘村人民调解委员会",
    "code": "330604-XT-01",
    "town": TOWN,
    "village": "谢家塘村",
    "case_word": "谢人调字",  # the national form （年）X人调字第 号
}
ADMIN = ("zhuren", "谢国强", roles.ADMIN)
CLERK = ("jiluyuan", "金晓燕", roles.CLERK)
STATE_KEY = "demo"


@dataclass(frozen=True)
class DemoAccount:
    """An operator account the demo made; every one logs in with DEMO_PASSWORD."""

    username: str
    display_name: str
    role: str
    role_label: str  # 主任 / 记录员 / 调解员


@dataclass(frozen=True)
class DemoState:
    """What `demo` finds on a desk before it fills anything."""

    holds_demo: bool  # the demo is there already: asking again changes nothing
    changed_since: bool  # records were added or removed after the demo filled the desk
    has_data: bool  # any capability holds records (real data, when not the demo)
    accounts: tuple[DemoAccount, ...]
    interrupted: bool = False  # a demo began filling this desk and stopped half-way


def _held(desk: Desk, registry: Registry) -> dict[str, int]:
    return {f.name: f.has_data(desk) for f in registry.demo_fillers.values()}


def _mark(desk: Desk) -> dict[str, Any] | None:
    with desk.read() as s:
        value = s.scalars(select(DeskState.value).where(DeskState.key == STATE_KEY)).first()
    try:
        mark = json.loads(value) if value else None
    except ValueError:
        return None
    return mark if isinstance(mark, dict) else None


def _is_demo_committee(desk: Desk) -> bool:
    """The committee the demo sets up (a desk filled before the demo left its mark has it too)."""
    committee = accounts.get_committee(desk)
    return (committee.code, committee.name) == (COMMITTEE["code"], COMMITTEE["name"])


def demo_accounts(desk: Desk) -> list[DemoAccount]:
    """The demo's operator accounts still active on this desk; [] when it is not a demo desk."""
    if not desk.is_set_up():
        return []
    mark = _mark(desk)
    if mark is None and not _is_demo_committee(desk):
        return []
    made = set(mark.get("accounts", [])) if mark is not None else None  # no mark: all of them
    return [
        DemoAccount(o.username, o.display_name, o.role, roles.ROLE_LABELS.get(o.role, o.role))
        for o in accounts.list_operators(desk)
        if o.active and (made is None or o.username in made)
    ]


def demo_state(desk: Desk, registry: Registry = REGISTRY) -> DemoState:
    """Whether the desk already holds the demo (untouched, or played with on the demo's own
    committee) or real data. A demo committee left empty by an interrupted demo is filled again."""
    if not desk.is_set_up():
        return DemoState(False, False, False, ())
    held = _held(desk, registry)
    has_data = any(held.values())
    mark = _mark(desk)
    if mark is not None and not mark.get("complete", True):
        return DemoState(False, False, has_data, (), interrupted=has_data)
    untouched = mark is not None and mark.get("held") == held
    holds_demo = has_data and (untouched or _is_demo_committee(desk))
    found = tuple(demo_accounts(desk)) if holds_demo else ()
    return DemoState(holds_demo, holds_demo and mark is not None and not untouched, has_data, found)


def _write_mark(desk: Desk, mark: dict[str, Any]) -> None:
    with desk.write(SYSTEM) as uow:
        uow.session.merge(DeskState(key=STATE_KEY, value=json.dumps(mark, ensure_ascii=False)))


def seed_demo(desk: Desk, *, cases: int = 60, seed: int = 2026, registry: Registry = REGISTRY) -> dict[str, Any]:
    """Fill an empty desk with demo data; refuses a desk that already holds records."""
    recovery_key = None  # only when the demo sets the desk up (and so makes its data key)
    if desk.is_set_up():
        if any(_held(desk, registry).values()):
            raise DeskError("本机已有业务数据，演示数据只能装入空白的工作台")
    else:
        recovery_key = accounts.setup_committee(desk, COMMITTEE).recovery_key
    existing = {o.username for o in accounts.list_operators(desk)}
    created: list[str] = []

    def make_operator(
        username: str, display: str, role: str, mediator_id: str | None = None, by: Actor | None = None
    ) -> Actor:
        if username not in existing:
            accounts.add_operator(
                desk,
                by or admin,
                {
                    "username": username,
                    "display_name": display,
                    "role": role,
                    "password": DEMO_PASSWORD,
                    "mediator_id": mediator_id,
                },
            )
            existing.add(username)
            created.append(username)
        return accounts.actor_for(desk, username)

    # Marked before filling: a demo stopped half-way (a full disk, Ctrl+C) is not taken for a whole one.
    _write_mark(desk, {"complete": False, "cases": cases, "seed": seed})
    admin = make_operator(*ADMIN, by=SYSTEM)
    clerk = make_operator(*CLERK)
    context = DemoContext(desk, admin, clerk, random.Random(seed), china_today(), make_operator)
    summary: dict[str, Any] = {}
    for filler in registry.demo_fillers.values():
        summary.update(filler.fill(context, size=cases))
    held = _held(desk, registry)
    _write_mark(desk, {"complete": True, "accounts": created, "held": held, "cases": cases, "seed": seed})
    committee = dataclasses.asdict(accounts.get_committee(desk))
    committee.pop("recovery_key")  # only setup's answer carries one: the demo's is below, when made
    made = [dataclasses.asdict(a) for a in demo_accounts(desk) if a.username in created]
    result: dict[str, Any] = {"committee": committee, "operators": made, "demo_password": DEMO_PASSWORD, **summary}
    if recovery_key is not None:
        result["recovery_key"] = recovery_key
    return result
