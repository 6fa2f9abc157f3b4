"""A committee's desk with four cases as a 调解员 meets them: one they mediate, one they mediated
and were taken off, one another mediator has, one nobody has yet — for the tests that a
mediator finds, by any way of asking, only the first two (tests/test_authorization*.py and
tests/gui/test_authorization_pages.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from service_helpers import agreement_data, session_data
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.mediation import agreement, assignment, followup, intake, mediators, queries, sessions
from mediation_desk.mediation.case_access import party_person_ids

# The other mediator's case: what a search for it would be typed with.
OTHER_NAME, OTHER_FACTS = "钱富贵", "养鸭场的污水流进了邻居的鱼塘"


@dataclass(frozen=True)
class Scene:
    mine: str  # on the mediator's list: assigned to them
    past: str  # assigned to them, then to another: still theirs to see
    other: str  # another mediator's, never theirs
    waiting: str  # nobody's yet
    numbers: dict[str, str]  # case id → number
    other_party: dict[str, Any]  # the other case's first party (name, phone, ID number)
    mine_party: dict[str, Any]
    colleague: str  # the other mediator's id

    @property
    def visible(self) -> set[str]:
        return {self.mine, self.past}

    @property
    def hidden(self) -> set[str]:
        return {self.other, self.waiting}


def _agreed_with_visit_due(desk: Desk, admin: Actor, case_id: str) -> None:
    """A session, an oral agreement (in force at once) and a visit due yesterday."""
    with desk.read() as s:
        people = party_person_ids(s, case_id)
    sessions.add_session(desk, admin, case_id, session_data(people, participants=["甲", "乙"]))
    agreement.record_agreement(desk, admin, case_id, agreement_data(form="oral"))
    followup.schedule_follow_up(desk, admin, case_id, china_today() - dt.timedelta(days=1), "协议履行情况回访")


def build_scene(desk: Desk, admin: Actor, mediator: Actor, make_party: Any, intake_form: Any) -> Scene:
    assert mediator.mediator_id, "the mediator account is linked to its roster record"
    colleague = mediators.add_mediator(desk, admin, {"name": "王永年", "skills": ["neighbour"], "area": "谢家塘村"}).id
    long_ago = china_today() - dt.timedelta(days=60)
    mine_party, other_party = make_party("孙大伯"), make_party(OTHER_NAME)
    mine = intake.open_case(desk, admin, intake_form(mine_party, make_party("李小弟"), accepted_on=long_ago))
    past = intake.open_case(desk, admin, intake_form(make_party("周阿婆"), make_party("吴大叔")))
    other = intake.open_case(
        desk, admin, intake_form(other_party, make_party("赵秀英"), brief_facts=OTHER_FACTS, accepted_on=long_ago)
    )
    waiting = intake.open_case(desk, admin, intake_form(make_party("冯长根"), make_party("陈金凤")))
    why = "按片区指派"  # the ranking may prefer someone else: the choice is the committee's
    assignment.assign(desk, admin, mine, [mediator.mediator_id], override_reason=why)
    assignment.assign(desk, admin, past, [mediator.mediator_id], override_reason=why)
    assignment.assign(desk, admin, past, [colleague], override_reason=why)
    assignment.unassign(desk, admin, past, mediator.mediator_id, "调往他村")
    assignment.assign(desk, admin, other, [colleague], override_reason=why)
    _agreed_with_visit_due(desk, admin, mine)
    _agreed_with_visit_due(desk, admin, other)
    followup.record_follow_up(
        desk, admin, other, {"performance_status": "partial", "satisfaction": "basic", "notes": "仍在履行"}
    )
    numbers = {c.id: c.number for c in queries.list_cases(desk, admin)}
    return Scene(mine, past, other, waiting, numbers, other_party, mine_party, colleague)


def denials(desk: Desk, after: int = 0) -> list[tuple[str, str | None, str]]:
    """(who, case id or None, refused action) of each `access.denied` record after `after`."""
    with desk.read() as s:
        rows = s.scalars(
            select(AuditRecord)
            .where(AuditRecord.action == "access.denied", AuditRecord.seq > after)
            .order_by(AuditRecord.seq)
        )
        return [(r.actor_name, r.entity_id, r.detail["refused_action"]) for r in rows]


def last_seq(desk: Desk) -> int:
    with desk.read() as s:
        return s.scalars(select(AuditRecord.seq).order_by(AuditRecord.seq.desc()).limit(1)).first() or 0
