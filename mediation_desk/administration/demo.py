"""演示数据: a realistic village mediation room (谢塘镇) on an empty desk.

Administration sets up what every capability stands on — the committee (and so the data key) and
its staff — then lets each registered capability fill its part (`core/demo.py`). Deterministic for
a given seed. The operators share one demo password, returned in the summary with the recovery key
of the data key when the demo set the desk up."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from mediation_desk.administration import accounts
from mediation_desk.core.demo import DemoContext
from mediation_desk.core.registry import REGISTRY, Registry
from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.privacy import roles

DEMO_PASSWORD = "demo-password-2026"
TOWN = "谢塘镇"
COMMITTEE = {
    "name": "谢家塘村人民调解委员会",
    "code": "330604-XT-01",
    "town": TOWN,
    "village": "谢家塘村",
    "case_word": "谢调字",
}
ADMIN = ("zhuren", "谢国强", roles.ADMIN)
CLERK = ("jiluyuan", "金晓燕", roles.CLERK)


def seed_demo(desk: Desk, *, cases: int = 60, seed: int = 2026, registry: Registry = REGISTRY) -> dict[str, Any]:
    """Fill an empty desk with demo data; refuses a desk that already holds records."""
    recovery_key = None  # only when the demo sets the desk up (and so makes its data key)
    if desk.is_set_up():
        held = {f.name: f.has_data(desk) for f in registry.demo_fillers.values()}
        if any(held.values()):
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

    admin = make_operator(*ADMIN, by=SYSTEM)
    clerk = make_operator(*CLERK)
    context = DemoContext(desk, admin, clerk, random.Random(seed), china_today(), make_operator)
    summary: dict[str, Any] = {}
    for filler in registry.demo_fillers.values():
        summary.update(filler.fill(context, size=cases))
    return {
        "committee": dataclasses.asdict(accounts.get_committee(desk)),
        "operators": created,
        "demo_password": DEMO_PASSWORD,
        **summary,
        "recovery_key": recovery_key,
    }
