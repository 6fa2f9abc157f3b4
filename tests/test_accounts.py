"""Committee set-up, operator accounts, passwords (Argon2id) and the login lockout."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    ADMIN_USER,
    COMMITTEE,
    PASSWORD,
    Env,
    actor,
    add_mediator,
    audit_actions,
    case_row,
    count,
    env,
)
from sqlalchemy import select

from mediation_desk.administration import accounts, operator_accounts
from mediation_desk.core import audit
from mediation_desk.core.models import AuditRecord, Committee, Operator
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, PermissionDenied, ValidationError
from mediation_desk.mediation import intake
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import crypto
from mediation_desk.storage.state import DeskState


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Desk]:
    desk = Desk.open(AppPaths.resolve(tmp_path / "fresh"))
    try:
        yield desk
    finally:
        desk.close()


def add(env: Env, by: Any = None, **data: Any) -> accounts.OperatorView:
    form = {"username": "jinxiaoyan", "display_name": "金晓燕", "role": "clerk", "password": PASSWORD}
    form.update(data)
    return accounts.add_operator(env.desk, by or env.admin, form)


# ------------------------------------------------------------------ committee


def test_setup_once(fresh: Desk) -> None:
    assert not fresh.is_set_up()
    view = accounts.setup_committee(fresh, {**COMMITTEE, "seat": 2})
    assert (view.name, view.code, view.town, view.village, view.case_word, view.seat) == (
        "谢家塘村人民调解委员会",
        "XT-001",
        "谢塘镇",
        "谢家塘村",
        "谢调字",
        2,
    )
    assert fresh.is_set_up() and fresh.seat == 2
    # The recovery key comes with the answer to setup, once; reading the committee never shows it.
    assert view.recovery_key and crypto.parse_recovery_key(view.recovery_key) is not None
    assert accounts.get_committee(fresh) == dataclasses.replace(view, recovery_key=None)
    assert audit_actions(fresh) == ["committee.setup", "keys.create"]
    with pytest.raises(DeskError) as e:
        accounts.setup_committee(fresh, {**COMMITTEE, "code": "XT-002"})
    assert "不能重复设置" in str(e.value)
    assert count(fresh, Committee) == 1


def test_case_word_may_be_given(fresh: Desk) -> None:
    view = accounts.setup_committee(fresh, {**COMMITTEE, "case_word": "虞谢调"})
    assert view.case_word == "虞谢调" and view.seat == 1


def test_the_case_word_defaults_to_the_national_form(fresh: Desk) -> None:
    """（年）X人调字第 号: the town's first character, then 人调字."""
    committee = {k: v for k, v in COMMITTEE.items() if k != "case_word"}
    assert accounts.setup_committee(fresh, committee).case_word == "谢人调字"


@pytest.mark.parametrize("remember", [False, True])
def test_the_data_key_is_in_the_keyring_only_when_asked(fresh: Desk, memory_keyring: Any, remember: bool) -> None:
    accounts.setup_committee(fresh, COMMITTEE, remember_key=remember)
    assert accounts.key_in_keyring(fresh) is remember
    assert bool(memory_keyring.secrets) is remember


def test_not_set_up_desk_says_so(fresh: Desk) -> None:
    with pytest.raises(DeskError) as e:
        accounts.get_committee(fresh)
    assert "尚未设置调解委员会" in str(e.value)


@pytest.mark.parametrize(
    "override, field, rule",
    [
        ({"code": "XT 001"}, "code", "committee_code"),
        ({"code": "谢塘一号"}, "code", "committee_code"),
        ({"code": "X"}, "code", "committee_code"),
        ({"code": ""}, "code", "required"),
        ({"name": " "}, "name", "required"),
        ({"town": None}, "town", "required"),
        ({"name": "委员会\x07"}, "name", "control_character"),
        ({"seat": 0}, "seat", "seat_range"),
        ({"seat": 100}, "seat", "seat_range"),
        ({"seat": "2"}, "seat", "seat_range"),
        ({"seat": True}, "seat", "seat_range"),
        ({"case_word": "谢调字谢调字谢调字"}, "case_word", "too_long"),
    ],
)
def test_bad_committee_is_refused(fresh: Desk, override: dict[str, Any], field: str, rule: str) -> None:
    with pytest.raises(ValidationError) as e:
        accounts.setup_committee(fresh, {**COMMITTEE, **override})
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert not fresh.is_set_up()
    with fresh.read() as s:
        assert s.get(DeskState, "seat") is None


# ------------------------------------------------------------------ operators


def test_admin_adds_operators_of_each_role(env: Env) -> None:
    clerk = add(env)
    assert (clerk.username, clerk.display_name, clerk.role, clerk.active) == ("jinxiaoyan", "金晓燕", "clerk", True)
    mid = add_mediator(env, "谢阿根")
    med = add(env, username="谢阿根", display_name="谢阿根", role="mediator", mediator_id=mid)
    assert med.role == "mediator"
    assert [o.username for o in accounts.list_operators(env.desk)] == [ADMIN_USER, "jinxiaoyan", "谢阿根"]
    logged_in = accounts.authenticate(env.desk, "谢阿根", PASSWORD)
    assert (logged_in.role, logged_in.mediator_id, logged_in.display_name) == ("mediator", mid, "谢阿根")
    assert audit_actions(env.desk).count("operator.create") == 3


def test_display_name_defaults_to_username(env: Env) -> None:
    view = add(env, username="clerk2", display_name=None)
    assert view.display_name == "clerk2"


@pytest.mark.parametrize(
    "override, field, rule",
    [
        ({"username": "a"}, "username", "username_format"),
        ({"username": "has space"}, "username", "username_format"),
        ({"username": "x" * 33}, "username", "username_format"),
        ({"username": "drop;table"}, "username", "username_format"),
        ({"username": ""}, "username", "username_format"),
        ({"role": "superuser"}, "role", "role"),
        ({"role": None}, "role", "role"),
        ({"password": "short7!"}, "password", "password_length"),
        ({"password": ""}, "password", "password_length"),
        ({"password": "11111111"}, "password", "password_weak"),
        ({"password": "12121212"}, "password", "password_weak"),
        ({"display_name": "金\x00晓燕"}, "display_name", "control_character"),
    ],
)
def test_bad_operator_is_refused(env: Env, override: dict[str, Any], field: str, rule: str) -> None:
    before = count(env.desk, Operator)
    with pytest.raises(ValidationError) as e:
        add(env, **override)
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert count(env.desk, Operator) == before


def test_every_operator_problem_at_once(env: Env) -> None:
    with pytest.raises(ValidationError) as e:
        add(env, username="a", role="boss", password="123")
    assert {p.field for p in e.value.problems} == {"username", "role", "password"}


def test_duplicate_username_is_refused(env: Env) -> None:
    add(env)
    with pytest.raises(ValidationError) as e:
        add(env, display_name="另一个人")
    p = e.value.problems[0]
    assert (p.field, p.rule) == ("username", "username_taken") and "jinxiaoyan" in p.message
    assert count(env.desk, Operator) == 2


def test_unknown_mediator_link_is_refused(env: Env) -> None:
    with pytest.raises(ValidationError) as e:
        add(env, role="mediator", mediator_id="no-such-mediator")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("mediator_id", "mediator_unknown")
    assert count(env.desk, Operator) == 1


@pytest.mark.parametrize("role", ["clerk", "mediator"])
def test_only_the_admin_adds_operators(env: Env, role: str) -> None:
    someone = actor(env, f"user_{role}", role)
    with pytest.raises(PermissionDenied) as e:
        add(env, by=someone, username="newbie")
    assert str(e.value).endswith("无权管理操作员账号")
    assert "newbie" not in [o.username for o in accounts.list_operators(env.desk)]
    assert audit_actions(env.desk)[-1] == "access.denied"  # the refusal is on record


def test_system_adds_the_first_admin(fresh: Desk) -> None:
    accounts.setup_committee(fresh, COMMITTEE)
    accounts.add_operator(fresh, SYSTEM, {"username": "admin", "role": "admin", "password": PASSWORD})
    assert accounts.actor_for(fresh, None).username == "admin"
    assert accounts.actor_for(fresh, "admin").role == "admin"
    with pytest.raises(DeskError):
        accounts.actor_for(fresh, "nobody")


# ------------------------------------------------------------------ login


def test_authenticate_good_and_bad(env: Env) -> None:
    add(env)
    who = accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    assert (who.username, who.role, who.display_name) == ("jinxiaoyan", "clerk", "金晓燕")
    assert who.operator_id is not None
    for user, pw in (("jinxiaoyan", "wrong-password"), ("nobody", PASSWORD), ("jinxiaoyan", PASSWORD.upper())):
        with pytest.raises(PermissionDenied) as e:
            accounts.authenticate(env.desk, user, pw)
        assert str(e.value) == "用户名或密码错误"  # the same words whether or not the user exists
    actions = audit_actions(env.desk)
    assert actions.count("operator.login") == 1 and actions.count("operator.login_failed") == 2


def test_inactive_operator_cannot_log_in(env: Env) -> None:
    add(env)
    with env.desk.write(SYSTEM) as uow:
        uow.session.scalars(select(Operator).where(Operator.username == "jinxiaoyan")).one().active = False
    with pytest.raises(PermissionDenied):
        accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)


def _failed(desk: Desk, user: str) -> tuple[int, dt.datetime | None]:
    with desk.read() as s:
        op = s.scalars(select(Operator).where(Operator.username == user)).one()
        return op.failed_logins, op.locked_until


def test_success_resets_the_failure_count(env: Env) -> None:
    add(env)
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
    assert _failed(env.desk, "jinxiaoyan") == (4, None)
    accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    assert _failed(env.desk, "jinxiaoyan") == (0, None)


def test_lockout_after_five_failures_persists(env: Env) -> None:
    add(env)
    for _ in range(4):
        with pytest.raises(PermissionDenied) as e:
            accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
        assert str(e.value) == "用户名或密码错误"
    with pytest.raises(PermissionDenied) as e:
        accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
    assert "已锁定" in str(e.value) and "15 分钟" in str(e.value)
    _, locked_until = _failed(env.desk, "jinxiaoyan")
    assert locked_until is not None
    assert dt.timedelta(minutes=14) < locked_until - dt.datetime.now(dt.UTC) <= dt.timedelta(minutes=15)
    assert "operator.locked" in audit_actions(env.desk)

    # The right password does not help while locked, and the lock survives a restart.
    with pytest.raises(PermissionDenied) as e:
        accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    assert "账号已锁定" in str(e.value) and "分钟后再试" in str(e.value)
    env.desk.close()
    reopened = Desk.open(AppPaths.resolve(env.root))
    env.desk = reopened  # closed by the fixture
    with pytest.raises(PermissionDenied) as e:
        accounts.authenticate(reopened, "jinxiaoyan", PASSWORD)
    assert "账号已锁定" in str(e.value)
    # Other accounts are not affected.
    assert accounts.authenticate(reopened, ADMIN_USER, PASSWORD).role == "admin"

    # Once the time is up the account opens again.
    with reopened.write(SYSTEM) as uow:
        op = uow.session.scalars(select(Operator).where(Operator.username == "jinxiaoyan")).one()
        op.locked_until = uow.now - dt.timedelta(seconds=1)
    assert accounts.authenticate(reopened, "jinxiaoyan", PASSWORD).username == "jinxiaoyan"
    assert _failed(reopened, "jinxiaoyan") == (0, None)
    with reopened.read() as s:
        assert audit.verify_chain(s).ok


def test_a_lockout_is_a_refusal_of_its_own(env: Env) -> None:
    """The window tells a lockout from a wrong password (and offers the way on) by its type."""
    add(env)
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        with pytest.raises(PermissionDenied) as e:
            accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
        assert not isinstance(e.value, accounts.AccountLocked)
    with pytest.raises(accounts.AccountLocked) as locked:
        accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
    assert locked.value.minutes == 15 and "15 分钟" in str(locked.value)
    with pytest.raises(accounts.AccountLocked) as still:
        accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    assert 14 <= still.value.minutes <= 15


def test_lockout_minutes_round_up() -> None:
    now = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)
    assert accounts.lockout_minutes(None, now) is None
    assert accounts.lockout_minutes(now, now) is None
    assert accounts.lockout_minutes(now - dt.timedelta(seconds=1), now) is None
    assert accounts.lockout_minutes(now + dt.timedelta(seconds=30), now) == 1
    assert accounts.lockout_minutes(now + dt.timedelta(minutes=14, seconds=59), now) == 15


# ------------------------------------------------------------------ the 主任's list of accounts


def test_the_admin_lists_the_accounts_with_links_and_lockouts(env: Env) -> None:
    xie = add_mediator(env, "谢阿根")
    add(env)
    actor(env, "xieagen", "mediator", mediator_id=xie)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(env.desk, "jinxiaoyan", "wrong-password")
    listed = {a.username: a for a in operator_accounts.operator_accounts(env.desk, env.admin)}
    assert list(listed) == [ADMIN_USER, "jinxiaoyan", "xieagen"]  # oldest first
    assert listed["xieagen"].mediator_id == xie and listed["xieagen"].role == "mediator"
    assert listed["jinxiaoyan"].locked_minutes == 15 and listed[ADMIN_USER].locked_minutes is None
    assert all(a.active for a in listed.values())


@pytest.mark.parametrize("role", ["clerk", "mediator"])
def test_only_the_admin_sees_the_accounts(env: Env, role: str) -> None:
    someone = actor(env, f"user_{role}", role)
    with pytest.raises(PermissionDenied):
        operator_accounts.operator_accounts(env.desk, someone)
    assert audit_actions(env.desk)[-1] == "access.denied"
    with pytest.raises(PermissionDenied):
        operator_accounts.set_active(env.desk, someone, ADMIN_USER, False)


def test_an_account_is_retired_and_brought_back(env: Env) -> None:
    add(env)
    operator_accounts.set_active(env.desk, env.admin, "jinxiaoyan", False)
    with pytest.raises(PermissionDenied):
        accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    operator_accounts.set_active(env.desk, env.admin, "jinxiaoyan", False)  # already: nothing happens
    operator_accounts.set_active(env.desk, env.admin, "jinxiaoyan", True)
    assert accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD).username == "jinxiaoyan"  # same password
    actions = audit_actions(env.desk)
    assert actions.count("operator.deactivated") == 1 and actions.count("operator.activated") == 1
    with pytest.raises(ValidationError) as unknown:
        operator_accounts.set_active(env.desk, env.admin, "nobody", False)
    assert unknown.value.problems[0].rule == "operator_unknown"


def test_the_admin_cannot_retire_their_own_or_the_last_admin_account(env: Env) -> None:
    with pytest.raises(DeskError, match="自己"):
        operator_accounts.set_active(env.desk, env.admin, ADMIN_USER, False)
    other = actor(env, "second_admin", "admin")
    operator_accounts.set_active(env.desk, other, ADMIN_USER, False)  # another 主任 is left
    with pytest.raises(DeskError, match="自己"):
        operator_accounts.set_active(env.desk, other, "second_admin", False)
    # The system (no operator of its own) still cannot leave the desk without a 主任.
    with pytest.raises(DeskError, match="最后一个"):
        operator_accounts.set_active(env.desk, SYSTEM, "second_admin", False)
    assert accounts.authenticate(env.desk, "second_admin", PASSWORD).role == "admin"


def test_passwords_are_argon2id_hashes_never_plain_text(env: Env) -> None:
    secret = "Unique-Secret-Passw0rd-谢"
    add(env, password=secret)
    accounts.authenticate(env.desk, "jinxiaoyan", secret)
    with env.desk.read() as s:
        hashes = list(s.scalars(select(Operator.password_hash)))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert all(secret not in h for h in hashes)
    assert "m=65536" in hashes[-1]  # memory-hard parameters as configured
    with env.desk.read() as s:
        details = " ".join(str(r.detail) for r in s.scalars(select(AuditRecord)))
    assert secret not in details
    env.desk.close()
    raw = b"".join(p.read_bytes() for p in env.root.glob("desk.sqlite3*"))
    for form in (secret.encode("utf-8"), secret.encode("utf-16-le"), PASSWORD.encode()):
        assert form not in raw
    env.desk = Desk.open(AppPaths.resolve(env.root))


def test_intake_is_audited_under_the_operator(env: Env) -> None:
    add(env)
    clerk = accounts.authenticate(env.desk, "jinxiaoyan", PASSWORD)
    from service_helpers import intake as form

    case_id = intake.open_case(env.desk, clerk, form())
    assert case_row(env.desk, case_id).created_by == "jinxiaoyan"
    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "case.open")).one()
    assert (rec.actor_id, rec.actor_name) == (clerk.operator_id, "jinxiaoyan")
