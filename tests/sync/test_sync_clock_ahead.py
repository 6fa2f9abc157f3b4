"""A desk whose clock ran ahead: the district holds its ops back instead of letting them win every
later merge; the clerk sees why, sets the clock right and resends, stamped from the present."""

from __future__ import annotations

import time

from service_helpers import Env, new_case
from sqlalchemy import select
from sync_helpers import enroll, sync

from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import HLC_KEY
from mediation_desk.storage.state import DeskState
from mediation_desk.sync import api


def _clock_jumps_ahead(env: Env, days: int) -> None:
    """What a PC whose date was set a year ahead leaves behind: an HLC that never comes back."""
    ahead = hlc.Timestamp(int(time.time() * 1000) + days * 86_400_000, 0, env.desk.node).encode()
    with env.desk.write(env.admin) as uow:
        uow.session.merge(DeskState(key=HLC_KEY, value=ahead))


def test_ops_from_a_clock_ahead_become_issues_and_resend_from_the_present(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    assert sync(desk_a).rejected == 0
    _clock_jumps_ahead(desk_a, 365)
    case_id = new_case(desk_a)
    report = sync(desk_a)
    assert report.rejected >= 1 and report.applied == 0
    issues = api.list_issues(desk_a.desk, desk_a.admin)
    assert issues and all("时钟" in (i.reason or "") and "快了" in (i.reason or "") for i in issues)
    create = next(i for i in issues if i.entity == "case" and i.kind == contract.CREATE)
    # The clerk has set the clock right; resending stamps the case from the present.
    api.resolve_issue(desk_a.desk, desk_a.admin, create.id, api.REAPPLY)
    with desk_a.desk.read() as s:
        resent = s.scalar(
            select(OutboxOp).where(OutboxOp.state == "pending", OutboxOp.entity_id == case_id).order_by(OutboxOp.seq)
        )
        assert resent is not None and resent.kind == contract.CREATE
        resent_id, wall = resent.op_id, hlc.Timestamp.decode(resent.hlc).wall_ms
    assert abs(wall - time.time() * 1000) < 60_000
    after = sync(desk_a)
    assert after.applied >= 1
    with desk_a.desk.read() as s:
        assert s.scalar(select(OutboxOp.state).where(OutboxOp.op_id == resent_id)) == contract.APPLIED
