"""The case page's one service call: everything the page shows read in one unit of work, with
exactly the actions the actor's role allows on the case now (主任, 记录员, 调解员 on own and on
someone else's case), a refused look audited, and bad input (an unknown case, no reason, a locked
desk) refused in plain words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreed_case,
    assigned_case,
    audit_actions,
    env,
    mediating_case,
    new_case,
    party,
)
from sqlalchemy import event

from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.mediation import queries, states
from mediation_desk.mediation.case_page_view import ORDER, CasePageView, load_case_page
from mediation_desk.privacy.vault import Locked


@contextmanager
def transactions(env: Env) -> Iterator[dict[str, int]]:
    """How many transactions the desk's two engines begin meanwhile."""
    begun = {"read": 0, "write": 0}
    engines = {"read": env.desk.db.read_engine, "write": env.desk.db.write_engine}
    listeners = {kind: (lambda _conn, kind=kind: begun.__setitem__(kind, begun[kind] + 1)) for kind in engines}
    for kind, engine in engines.items():
        event.listen(engine, "begin", listeners[kind])
    try:
        yield begun
    finally:
        for kind, engine in engines.items():
            event.remove(engine, "begin", listeners[kind])


def keys(view: CasePageView) -> dict[str, bool]:
    """The offered actions, in order, and whether each can be done now."""
    return {a.key: a.blocked is None for a in view.actions}


def test_the_page_is_read_in_one_unit_of_work(env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    with transactions(env) as begun:
        view = load_case_page(env.desk, env.admin, case_id)
    assert begun == {"read": 1, "write": 0}
    assert view.case_id == case_id and view.status == states.AGREED
    assert view.detail == queries.case_detail(env.desk, env.admin, case_id)  # the same detail, masked
    assert len(view.sessions) == 1 and view.attachments == () and view.facts.has_agreement
    assert not view.full_personal_data

    with transactions(env) as begun:  # the look at full data is audited in that same unit of work
        full = load_case_page(env.desk, env.admin, case_id, full_personal_data=True, reason="回访需要联系当事人")
    assert begun == {"read": 0, "write": 1}
    assert full.full_personal_data and full.detail.parties[0].person.phone
    assert audit_actions(env.desk, case_id).count("case.view_personal_data") == 1


def test_the_actions_follow_the_state_for_the_director_and_the_clerk(env: Env) -> None:
    clerk = actor(env, "jinxy", "clerk")
    for who in (env.admin, clerk):
        assert keys(load_case_page(env.desk, who, new_case(env))) == {"assign": True, "decline": True, "escalate": True}
        assert keys(load_case_page(env.desk, who, mediating_case(env))) == {
            "assign": True,
            "session": True,
            "agreement": True,
            "terminate": True,
            "escalate": True,
        }
        unsigned = load_case_page(env.desk, who, agreed_case(env, signed=False))
        assert keys(unsigned) == {
            "session": True,
            "sign": True,
            "withdraw": True,  # art. 29: not yet in effect, it may be withdrawn or refused
            "refuse_sign": True,
            "perform": False,
            "follow_up": False,
            "escalate": True,
        }
        assert "尚未经各方签字" in (unsigned.action("perform").blocked or "")
        assert unsigned.action("perform").target == states.PERFORMING and unsigned.action("close") is None
        assert list(keys(unsigned)) == [k for k in ORDER if k in keys(unsigned)]
        assert (
            unsigned.may_view_full,
            unsigned.may_add_attachments,
            unsigned.may_open_attachments,
            unsigned.may_correct_sessions,
        ) == (True, True, True, True)


def test_a_mediator_is_offered_only_what_the_role_table_allows_on_own_cases(env: Env) -> None:
    own_id = add_mediator(env, "谢阿根")
    xie = actor(env, "xieagen", "mediator", mediator_id=own_id)
    mine = load_case_page(env.desk, xie, mediating_case(env, mediator_id=own_id))
    # No 派单 (case.assign is the committee's), everything else the state offers on an own case.
    assert keys(mine) == {"session": True, "agreement": True, "terminate": True, "escalate": True}
    assert mine.may_view_full and mine.may_add_attachments and mine.may_correct_sessions
    signed_later = load_case_page(env.desk, xie, agreed_case(env, signed=False, mediator_id=own_id))
    assert "sign" not in keys(signed_later)  # confirming signatures is the committee's too


def test_a_mediator_on_someone_elses_case_is_refused_and_the_refusal_audited(env: Env) -> None:
    own_id, other_id = add_mediator(env, "谢阿根"), add_mediator(env, "陈老伯")
    assigned_case(env, own_id)  # 谢阿根 has a case: 陈老伯 is the one recommended next
    theirs, _ = assigned_case(env, other_id)
    xie = actor(env, "xieagen", "mediator", mediator_id=own_id)
    with pytest.raises(PermissionDenied, match="调解员只能查看自己承办的案件"):
        load_case_page(env.desk, xie, theirs)
    assert audit_actions(env.desk, theirs).count("access.denied") == 1
    with pytest.raises(PermissionDenied):
        load_case_page(env.desk, xie, theirs, full_personal_data=True, reason="回访")
    actions = audit_actions(env.desk, theirs)
    assert actions.count("access.denied") == 2 and "case.view_personal_data" not in actions


def test_unknown_cases_and_missing_reasons_are_refused_in_plain_words(env: Env) -> None:
    with pytest.raises(NotFound, match="找不到案件：no-such-case"):
        load_case_page(env.desk, env.admin, "no-such-case")
    case_id = new_case(env)
    number = queries.case_detail(env.desk, env.admin, case_id).summary.number
    loose = number.replace("（", "(").replace("）", ")").replace(" ", "")
    assert load_case_page(env.desk, env.admin, loose).case_id == case_id  # a number as people type it
    for reason in (None, "", "   "):
        with pytest.raises(ValidationError) as refused:
            load_case_page(env.desk, env.admin, case_id, full_personal_data=True, reason=reason)
        assert (refused.value.problems[0].field, refused.value.problems[0].rule) == ("reason", "reason_required")
    assert "case.view_personal_data" not in audit_actions(env.desk, case_id)


def test_a_locked_desk_shows_the_case_masked_and_refuses_full_data(env: Env) -> None:
    wang = party("王永年", 31)
    case_id = new_case(env, wang, party("陈建林", 32))
    env.desk.lock()
    view = load_case_page(env.desk, env.admin, case_id)
    person = view.detail.parties[0].person
    assert person.name == "王永年" and person.phone is None and person.id_number is None
    assert keys(view) == {"assign": True, "decline": True, "escalate": True}
    before = audit_actions(env.desk)
    with pytest.raises(Locked, match="已锁定"):
        load_case_page(env.desk, env.admin, case_id, full_personal_data=True, reason="核对身份")
    assert audit_actions(env.desk) == before  # nothing was viewed, nothing recorded
