"""A mediator's record opened for editing: the phone in full for those who keep the roster,
audited; refused to a 调解员 (refusal audited), to an unknown id and on a locked desk."""

from __future__ import annotations

import pytest
from service_helpers import Env, actor, add_mediator, assigned_case, audit_actions, env  # noqa: F401

from mediation_desk.errors import NotFound, PermissionDenied
from mediation_desk.mediation import mediators
from mediation_desk.mediation.mediator_records import mediator_for_edit
from mediation_desk.privacy.vault import Locked


def test_the_record_has_every_field_and_the_full_phone(env: Env) -> None:
    mediator_id = add_mediator(
        env, "谢美琴", gender="女", phone="139-0575-1234", skills=["family", "邻里"], max_open_cases=3, notes="妇联主任"
    )
    assigned_case(env, mediator_id)
    mediators.update_mediator(env.desk, env.admin, mediator_id, {"available": False})
    record = mediator_for_edit(env.desk, env.admin, mediator_id)
    assert (record.name, record.gender, record.phone, record.area, record.title) == (
        "谢美琴",
        "female",
        "13905751234",
        "谢家塘村",
        "老娘舅",
    )
    assert (record.skills, record.max_open_cases, record.notes) == (("family", "neighbour"), 3, "妇联主任")
    assert (record.available, record.active, record.open_cases) == (False, True, 1)
    listed = {m.id: m for m in mediators.list_mediators(env.desk)}[mediator_id]
    assert listed.phone == "139****1234"  # the list stays masked
    assert audit_actions(env.desk, mediator_id)[-1] == "mediator.view_personal_data"


def test_a_clerk_may_open_it_a_mediator_may_not(env: Env) -> None:
    mediator_id = add_mediator(env, "谢阿根", phone="13905750000")
    clerk = actor(env, "jinxy", "clerk")
    assert mediator_for_edit(env.desk, clerk, mediator_id).phone == "13905750000"
    mediator = actor(env, "xieagen", "mediator", mediator_id=mediator_id)
    with pytest.raises(PermissionDenied, match="调解员无权维护调解员名册"):
        mediator_for_edit(env.desk, mediator, mediator_id)
    assert audit_actions(env.desk)[-1] == "access.denied"


def test_unknown_id_and_locked_desk(env: Env) -> None:
    with pytest.raises(NotFound):
        mediator_for_edit(env.desk, env.admin, "no-such-id")
    mediator_id = add_mediator(env, "谢阿根", phone="13905750000")
    env.desk.lock()
    with pytest.raises(Locked):
        mediator_for_edit(env.desk, env.admin, mediator_id)
