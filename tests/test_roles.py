"""Roles: the permission table itself, and its enforcement by the services on a real desk —
a 调解员 sees and works on the cases they are (or were) assigned to and no other; a 记录员 runs
the office but does not manage accounts; repeated wrong passwords lock an account, also after
a restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    PASSWORD,
    Env,
    actor,
    add_mediator,
    agreement_data,
    audit_actions,
    count,
    env,
    new_case,
    parties_of,
    party,
    session_data,
)
from service_helpers import (
    intake as intake_form,
)
from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord, Operator
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import (
    agreement,
    assignment,
    attachments,
    exchange,
    followup,
    intake,
    mediators,
    queries,
    sessions,
    states,
    workflow,
)
from mediation_desk.mediation.models_case import Attachment, SessionRecord
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import roles

# ------------------------------------------------------------------ the table

EVERY_ACTION = (
    "case.create",
    "case.view",
    "case.view_full",
    "case.assign",
    "case.transition",
    "session.record",
    "agreement.record",
    "agreement.sign",
    "follow_up.record",
    "attachment.add",
    "attachment.open",
    "mediator.manage",
    "operator.manage",
    "export",
    "import",
    "retention.manage",
    "purge",
    "consent.manage",
)
CLERK_REFUSED = {"operator.manage", "retention.manage", "purge"}
MEDIATOR_OWN = {
    "case.view",
    "case.view_full",
    "case.transition",
    "session.record",
    "agreement.record",
    "follow_up.record",
    "attachment.add",
    "attachment.open",
}
MEDIATOR_ANY = {"case.create"}


def expected(role: str, action: str, own_case: bool | None) -> bool:
    """The table as the committee agreed it, written out independently of the module."""
    if role in ("admin", "system"):
        return True
    if role == "clerk":
        return action not in CLERK_REFUSED
    if role == "mediator":
        return action in MEDIATOR_ANY or (action in MEDIATOR_OWN and own_case is True)
    return False  # an unknown role may do nothing


@pytest.mark.parametrize("own_case", [True, False, None])
@pytest.mark.parametrize("action", EVERY_ACTION)
@pytest.mark.parametrize("role", ["admin", "clerk", "mediator", "system", "guest", ""])
def test_matrix(role: str, action: str, own_case: bool | None) -> None:
    want = expected(role, action, own_case)
    assert roles.allowed(role, action, own_case=own_case) is want
    who = Actor("someone", role)
    if want:
        roles.check(who, action, own_case=own_case)
    else:
        with pytest.raises(PermissionDenied) as e:
            roles.check(who, action, own_case=own_case)
        assert (e.value.role, e.value.action) == (role, action)
        assert roles.ROLE_LABELS.get(role, role) in str(e.value)


def test_every_action_is_in_the_table() -> None:
    assert set(EVERY_ACTION) <= set(roles.ACTIONS)
    with pytest.raises(ValueError):
        roles.allowed("admin", "case.veiw")  # a typo in a service fails loudly


def test_refusals_name_the_role_and_the_action() -> None:
    mediator, clerk = Actor("xieagen", "mediator"), Actor("jinxy", "clerk")
    cases = [
        (mediator, "case.view_full", False, "调解员只能查看自己承办案件的当事人信息"),
        (mediator, "case.view", False, "调解员只能查看自己承办的案件"),
        (mediator, "session.record", None, "调解员只能为自己承办的案件记录调解过程"),
        (mediator, "case.assign", True, "调解员无权派单（指派、撤换调解员）"),
        (mediator, "export", None, "调解员无权导出案件数据"),
        (clerk, "operator.manage", None, "记录员无权管理操作员账号"),
        (clerk, "purge", None, "记录员无权清除到期的个人信息"),
    ]
    for who, action, own, message in cases:
        with pytest.raises(PermissionDenied) as e:
            roles.check(who, action, own_case=own)
        assert str(e.value) == message


def test_describe_is_the_table_in_words() -> None:
    rows = roles.describe()
    assert [r.action for r in rows] == list(roles.ACTIONS)
    by_action = {r.action: r for r in rows}
    assert set(by_action["case.view_full"].cells) == {"admin", "clerk", "mediator"}
    assert by_action["case.view_full"].cells == {"admin": "允许", "clerk": "允许", "mediator": "仅限本人承办的案件"}
    assert by_action["purge"].scopes == {"admin": "all", "clerk": "none", "mediator": "none"}
    assert by_action["case.assign"].label == "派单（指派、撤换调解员）"
    assert all(r.label and set(r.cells.values()) <= set(roles.SCOPE_LABELS.values()) for r in rows)


# ------------------------------------------------------------------ enforced by the services


@pytest.fixture
def two(env: Env) -> dict[str, str]:
    """Case A assigned to mediator 谢阿根, case B to 陈老伯."""
    ma = add_mediator(env, "谢阿根")
    mb = add_mediator(env, "陈老伯")
    a = new_case(env, party("王永年", 1), party("陈建林", 2))
    b = new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    assignment.assign(env.desk, env.admin, a, [ma])
    assignment.assign(env.desk, env.admin, b, [mb])
    return {"a": a, "b": b, "ma": ma, "mb": mb}


@pytest.fixture
def xieagen(env: Env, two: dict[str, str]) -> Actor:
    """The operator account of mediator 谢阿根 (linked to the mediator record)."""
    return actor(env, "xieagen", "mediator", mediator_id=two["ma"])


def _last_audit(env: Env) -> AuditRecord:
    with env.desk.read() as s:
        return s.scalars(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).one()


def test_mediator_reads_full_details_of_own_case_with_a_reason(env: Env, two: dict[str, str], xieagen: Actor) -> None:
    masked = queries.case_detail(env.desk, xieagen, two["a"])
    assert masked.parties[0].person.phone == "139****0001"
    with pytest.raises(ValidationError) as e:
        queries.case_detail(env.desk, xieagen, two["a"], full_personal_data=True)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("reason", "reason_required")

    full = queries.case_detail(env.desk, xieagen, two["a"], full_personal_data=True, reason="约当事人调解，需电话联系")
    assert full.parties[0].person.phone == "13900000001"
    rec = _last_audit(env)
    assert (rec.action, rec.entity_id, rec.actor_name, rec.actor_id) == (
        "case.view_personal_data",
        two["a"],
        "xieagen",
        xieagen.operator_id,
    )
    assert rec.detail == {"reason": "约当事人调解，需电话联系"}


def test_mediator_is_refused_another_mediators_case(env: Env, two: dict[str, str], xieagen: Actor) -> None:
    before = count(env.desk, AuditRecord)
    with pytest.raises(PermissionDenied) as e:
        queries.case_detail(env.desk, xieagen, two["b"])
    assert str(e.value) == "调解员只能查看自己承办的案件"
    with pytest.raises(PermissionDenied) as e:
        queries.case_detail(env.desk, xieagen, two["b"], full_personal_data=True, reason="好奇")
    assert str(e.value) == "调解员只能查看自己承办案件的当事人信息"
    with pytest.raises(PermissionDenied):
        sessions.list_sessions(env.desk, two["b"], actor=xieagen)
    with pytest.raises(PermissionDenied):
        attachments.list_attachments(env.desk, two["b"], actor=xieagen)
    # Nothing was shown or recorded as viewed; each refused attempt is itself on record.
    with env.desk.read() as s:
        new = s.scalars(select(AuditRecord).where(AuditRecord.seq > before).order_by(AuditRecord.seq)).all()
        assert verify_chain(s).ok
    assert [(r.action, r.entity_id, r.actor_name, r.detail["refused_action"]) for r in new] == [
        ("access.denied", two["b"], "xieagen", "case.view"),
        ("access.denied", two["b"], "xieagen", "case.view_full"),
        ("access.denied", two["b"], "xieagen", "case.view"),
        ("access.denied", two["b"], "xieagen", "case.view"),
    ]
    assert count(env.desk, AuditRecord) == before + 4
    # Lists are scoped like the detail: the mediator's list holds their own case only.
    assert [c.id for c in queries.list_cases(env.desk, xieagen)] == [two["a"]]
    assert {c.id for c in queries.list_cases(env.desk, env.admin)} == {two["a"], two["b"]}


def test_mediator_cannot_assign_or_manage(env: Env, two: dict[str, str], xieagen: Actor) -> None:
    for call in (
        lambda: assignment.assign(env.desk, xieagen, two["a"], [two["mb"]], override_reason="请人帮忙"),
        lambda: assignment.unassign(env.desk, xieagen, two["a"], two["ma"], "不想办了"),
        lambda: assignment.record_refusal(env.desk, xieagen, two["a"], parties_of(env.desk, two["a"])[0], two["ma"]),
        lambda: mediators.add_mediator(env.desk, xieagen, {"name": "王五"}),
        lambda: mediators.update_mediator(env.desk, xieagen, two["ma"], {"available": False}),
        lambda: accounts.add_operator(env.desk, xieagen, {"username": "new1", "role": "admin", "password": PASSWORD}),
    ):
        with pytest.raises(PermissionDenied):
            call()
    detail = queries.case_detail(env.desk, env.admin, two["a"])
    assert [a.mediator_id for a in detail.assignments] == [two["ma"]]


def test_mediator_cannot_export_or_import(env: Env, two: dict[str, str], xieagen: Actor, tmp_path: Path) -> None:
    with open(tmp_path / "x.json", "w", encoding="utf-8") as out, pytest.raises(PermissionDenied):
        exchange.export_cases(env.desk, xieagen, "json", out)
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == ""
    with open(tmp_path / "m.json", "w", encoding="utf-8") as out, pytest.raises(PermissionDenied):
        exchange.export_mediators(env.desk, xieagen, "json", out)
    with open(tmp_path / "staff.json", "w", encoding="utf-8") as out:
        assert exchange.export_cases(env.desk, env.admin, "json", out) == 2
    with pytest.raises(PermissionDenied):
        exchange.import_cases(env.desk, xieagen, tmp_path / "staff.json")
    assert len(queries.list_cases(env.desk, env.admin)) == 2


def test_mediator_records_on_own_case_only(env: Env, two: dict[str, str], xieagen: Actor, tmp_path: Path) -> None:
    a, b = two["a"], two["b"]
    sessions.add_session(env.desk, xieagen, a, session_data(parties_of(env.desk, a), outcome="continue"))
    assert queries.case_detail(env.desk, xieagen, a).summary.status == states.IN_MEDIATION
    with pytest.raises(PermissionDenied) as e:
        sessions.add_session(env.desk, xieagen, b, session_data(parties_of(env.desk, b)))
    assert str(e.value) == "调解员只能为自己承办的案件记录调解过程"
    assert count(env.desk, SessionRecord, SessionRecord.case_id == b) == 0
    assert queries.case_detail(env.desk, env.admin, b).summary.status == states.ASSIGNED

    # Another's session record cannot be "corrected" either.
    other = sessions.add_session(env.desk, env.admin, b, session_data(parties_of(env.desk, b)))
    with pytest.raises(PermissionDenied):
        sessions.correct_session(env.desk, xieagen, other, {"result": "改掉"}, "笔误")
    mine = sessions.list_sessions(env.desk, a, actor=xieagen)[0].id
    sessions.correct_session(env.desk, xieagen, mine, {"result": "双方各让一步"}, "记录有误")

    with pytest.raises(PermissionDenied):
        workflow.transition(env.desk, xieagen, b, states.TERMINATED, reason="调解不成", routes=["litigation"])

    scan = tmp_path / "证据.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    mine_att = attachments.attach_file(env.desk, xieagen, a, scan)
    with pytest.raises(PermissionDenied):
        attachments.attach_file(env.desk, xieagen, b, scan)
    assert count(env.desk, Attachment) == 1
    theirs = attachments.attach_file(env.desk, env.admin, b, scan)
    assert attachments.read_attachment(env.desk, xieagen, mine_att.id, "核对证据") == b"%PDF-1.4 evidence"
    with pytest.raises(PermissionDenied):
        attachments.read_attachment(env.desk, xieagen, theirs.id, "看看")
    assert [x.id for x in attachments.list_attachments(env.desk, a, actor=xieagen)] == [mine_att.id]

    # The agreement: recorded by the mediator; signatures confirmed by the office only.
    agreement.record_agreement(env.desk, xieagen, a, agreement_data())
    with pytest.raises(PermissionDenied):
        agreement.confirm_signatures(env.desk, xieagen, a)
    agreement.confirm_signatures(env.desk, env.admin, a)
    followup.record_follow_up(
        env.desk, xieagen, a, {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行"}
    )
    workflow.transition(env.desk, xieagen, a, states.CLOSED)
    assert queries.case_detail(env.desk, xieagen, a).summary.status == states.CLOSED


def test_a_past_assignment_still_counts_and_an_unlinked_mediator_owns_nothing(
    env: Env, two: dict[str, str], xieagen: Actor
) -> None:
    assignment.assign(env.desk, env.admin, two["a"], [two["mb"]], override_reason="换人")
    assignment.unassign(env.desk, env.admin, two["a"], two["ma"], "调往他村")
    detail = queries.case_detail(env.desk, xieagen, two["a"])  # was on the case: still may read it
    assert [a.ended_at is not None for a in detail.assignments] == [True, False]

    unlinked = actor(env, "nobody", "mediator")  # role mediator, no mediator record
    for key in (two["a"], two["b"]):
        with pytest.raises(PermissionDenied):
            queries.case_detail(env.desk, unlinked, key)


def test_a_mediator_may_register_a_dispute_but_not_read_it_unassigned(
    env: Env, two: dict[str, str], xieagen: Actor
) -> None:
    case_id = intake.open_case(env.desk, xieagen, intake_form(party("孙大伯", 7), party("李小弟", 8)))
    with pytest.raises(PermissionDenied):
        queries.case_detail(env.desk, xieagen, case_id)
    assignment.assign(env.desk, env.admin, case_id, [two["ma"]])
    assert queries.case_detail(env.desk, xieagen, case_id).summary.id == case_id


def test_clerk_runs_the_office_but_does_not_manage_accounts(env: Env) -> None:
    clerk = actor(env, "jinxy", "clerk")
    m = mediators.add_mediator(env.desk, clerk, {"name": "谢阿根", "skills": ["neighbour"], "area": "谢家塘村"}).id
    case_id = intake.open_case(env.desk, clerk, intake_form())
    assert assignment.assign(env.desk, clerk, case_id, [m]) == [m]
    detail = queries.case_detail(env.desk, clerk, case_id, full_personal_data=True, reason="制作调解文书")
    assert detail.parties[0].person.id_number == party("王永年", 1)["id_number"]
    with pytest.raises(PermissionDenied):
        accounts.add_operator(env.desk, clerk, {"username": "newbie", "role": "clerk", "password": PASSWORD})
    assert "operator.create" not in audit_actions(env.desk)[-3:]


def test_the_system_actor_passes_every_check(env: Env, two: dict[str, str]) -> None:
    detail = queries.case_detail(env.desk, SYSTEM, two["b"], full_personal_data=True, reason="数据迁移核对")
    assert detail.parties[0].person.phone == "13900000003"


# ------------------------------------------------------------------ login lockout


def test_lockout_after_five_wrong_passwords_survives_a_reopen(env: Env) -> None:
    actor(env, "jinxy", "clerk")
    env.desk.lock()
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied) as e:
            accounts.authenticate(env.desk, "jinxy", "wrong-password")
        assert env.desk.vault is None  # a wrong password unlocks nothing
    assert "已锁定" in str(e.value)
    with pytest.raises(PermissionDenied) as e:  # now even the right password is refused
        accounts.authenticate(env.desk, "jinxy", PASSWORD)
    assert "已锁定" in str(e.value) and env.desk.vault is None
    assert "operator.locked" in audit_actions(env.desk)

    env.desk.close()
    env.desk = Desk.open(AppPaths.resolve(env.root))  # a restart does not clear the lock
    with pytest.raises(PermissionDenied) as e:
        accounts.authenticate(env.desk, "jinxy", PASSWORD)
    assert "已锁定" in str(e.value) and env.desk.vault is None

    with env.desk.write(SYSTEM) as uow:  # fifteen minutes later
        op = uow.session.scalars(select(Operator).where(Operator.username == "jinxy")).one()
        op.locked_until = uow.now - dt.timedelta(seconds=1)
    who = accounts.authenticate(env.desk, "jinxy", PASSWORD)
    assert who.role == "clerk" and env.desk.vault is not None
