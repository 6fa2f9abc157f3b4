"""A town's desk (镇街矛调中心) takes over a case a village escalated to it (镇街接手).

The district checks that the case was escalated to this device's town and answers why not; the
village desk learns of the take-over at its next pull (`district_state_of_case`)."""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied
from mediation_desk.privacy import roles
from mediation_desk.sync.errors import DeviceRefused
from mediation_desk.sync.sync_round import drop_refused_token, ready_client
from mediation_desk.sync.transport import DEFAULT_OPTIONS, TransportOptions


@dataclass(frozen=True)
class TakeOver:
    case_id: str
    number: str | None
    town: str | None
    changed: bool  # False: the town had taken it over already (asking again changes nothing)


def take_over_case(desk: Desk, actor: Actor, case_id: str, *, options: TransportOptions = DEFAULT_OPTIONS) -> TakeOver:
    """Refused unless this desk is enrolled for a town and the case was escalated to it."""
    with desk.read(actor):
        roles.authorize(actor, "sync.take_over")  # before any contact with the district; audited
    settings, client = ready_client(desk, options)
    if settings.scope != contract.SCOPE_TOWN:
        client.close()
        raise PermissionDenied("本机登记为调解委员会的电脑，只有登记为镇（街道）的电脑可以接手上报的案件")
    try:
        with client:
            answer = client.take_over(case_id)
    except DeviceRefused as refused:
        drop_refused_token(desk, refused)
        raise
    case = answer.get("case") if isinstance(answer.get("case"), dict) else {}
    taken = TakeOver(case_id, case.get("number"), case.get(contract.TAKEN_OVER_BY), bool(answer.get("changed")))
    with desk.write(actor) as uow:
        uow.audit("sync.town_take_over", "case", case_id, town=taken.town, changed=taken.changed)
    return taken
