"""First-run setup of the committee and the operator accounts (roles 主任, 调解员, 记录员)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mediation_desk.core.models import Committee, Operator
from mediation_desk.core.uow import SYSTEM, Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, PermissionDenied, Problems, ValidationError
from mediation_desk.mediation.numbering import MAX_SEAT, default_case_word
from mediation_desk.privacy import keys, roles
from mediation_desk.privacy.vault import Locked, Vault
from mediation_desk.storage.state import DeskState
from mediation_desk.validation import clean_name, clean_text

ROLES = {role: roles.ROLE_LABELS[role] for role in roles.ROLES}  # code → its name, for choices and lists
MIN_PASSWORD = 8
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
# Argon2id (memory-hard). 64 MiB, 3 passes: ~0.1 s on a service-centre PC, costly to brute-force.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)


def hash_password(password: str) -> str:
    """Argon2id hash with the desk's parameters (one hasher for every password)."""
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return bool(_HASHER.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    return _HASHER.hash("timing-equaliser")


_USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")


class AccountLocked(PermissionDenied):
    """Too many wrong passwords: the account is locked for `minutes` more (a 主任 may lift it)."""

    def __init__(self, message: str, minutes: int) -> None:
        super().__init__(message)
        self.minutes = minutes


def lockout_minutes(locked_until: dt.datetime | None, now: dt.datetime) -> int | None:
    """Whole minutes (rounded up) an account stays locked, or None when it is not locked."""
    if locked_until is None or locked_until <= now:
        return None
    return int((locked_until - now).total_seconds() // 60) + 1


@dataclass(frozen=True)
class CommitteeView:
    id: str
    name: str
    code: str
    town: str
    village: str | None
    case_word: str
    seat: int
    recovery_key: str | None = None  # only in the answer to setup: print it, it is shown once


@dataclass(frozen=True)
class OperatorView:
    id: str
    username: str
    display_name: str
    role: str
    active: bool


def _committee_view(c: Committee, seat: int) -> CommitteeView:
    return CommitteeView(c.id, c.name, c.code, c.town, c.village, c.case_word, seat)


def validate_committee(data: Mapping[str, Any]) -> dict[str, Any]:
    p = Problems()

    out = {
        "name": p.check(clean_text, data.get("name"), "name", "调解委员会名称", required=True, max_chars=64),
        "code": p.check(clean_text, data.get("code"), "code", "委员会代码", required=True, max_chars=32),
        "town": p.check(clean_text, data.get("town"), "town", "所属镇（街道）", required=True, max_chars=32),
        "village": p.check(clean_text, data.get("village"), "village", "村（社区）", required=False, max_chars=32),
        "case_word": p.check(clean_text, data.get("case_word"), "case_word", "案号字号", required=False, max_chars=8),
    }
    if out["code"] and not re.fullmatch(r"[A-Za-z0-9\-]{2,32}", out["code"]):
        p.add("code", "committee_code", "委员会代码只能由字母、数字和连字符组成（2–32 位）")
    seat = data.get("seat", 1)
    # bool is an int to Python: True would be stored as the text "True" and break `desk.seat`.
    if not isinstance(seat, int) or isinstance(seat, bool) or not 1 <= seat <= MAX_SEAT:
        p.add("seat", "seat_range", f"席位号须为 1–{MAX_SEAT} 的整数（同一委员会的每台电脑各不相同）")
    p.raise_if_any()
    out["seat"] = seat
    out["case_word"] = out["case_word"] or default_case_word(out["town"])
    return out


def _create_committee(uow: UnitOfWork, fields: dict[str, Any]) -> CommitteeView:
    if uow.session.scalars(select(Committee.id).limit(1)).first():
        raise DeskError("本机已设置调解委员会，不能重复设置")
    seat = fields["seat"]
    c = Committee(**{k: v for k, v in fields.items() if k != "seat"})
    uow.session.add(c)
    uow.session.merge(DeskState(key="seat", value=str(seat)))
    uow.session.flush()
    uow.audit("committee.setup", "committee", c.id, seat=seat)
    uow.outbox("committee", c.id, "create", {k: fields[k] for k in ("code", "name", "town", "village", "case_word")})
    return _committee_view(c, seat)


def _create_keys(uow: UnitOfWork) -> tuple[Vault, str]:
    vault, recovery = keys.create_keys(uow.session)
    keys.store_key_check(uow.session, vault)
    uow.audit("keys.create", "desk", None)
    return vault, recovery


def _unlocked(desk: Desk, vault: Vault, remember: bool) -> None:
    desk.unlock(vault)
    if remember:
        keys.remember_in_keyring(desk.device_id, vault)


def setup_committee(desk: Desk, data: Mapping[str, Any], *, remember_key: bool = True) -> CommitteeView:
    """Create the committee once, with this desk's seat number for case numbering, and the data
    key (wrapped under the recovery key; operators added later get their own wraps)."""
    fields = validate_committee(data)
    with desk.write(SYSTEM) as uow:
        view = _create_committee(uow, fields)
        vault, recovery = _create_keys(uow)
    _unlocked(desk, vault, remember_key)
    return dataclasses.replace(view, recovery_key=recovery)


def setup_desk(
    desk: Desk, committee: Mapping[str, Any], admin: Mapping[str, Any], *, remember_key: bool = True
) -> tuple[CommitteeView, OperatorView]:
    """First run: the committee and its first 主任 account, in one unit of work — a typo in the
    admin's details can never leave a committee nobody can administer."""
    p = Problems()
    fields = admin_fields = None
    try:
        fields = validate_committee(committee)
    except ValidationError as e:
        p.extend(e)
    try:
        admin_fields = validate_operator({**admin, "role": roles.ADMIN})
    except ValidationError as e:
        p.extend(e, "admin")
    p.raise_if_any()
    assert fields is not None and admin_fields is not None
    with desk.write(SYSTEM) as uow:
        view = _create_committee(uow, fields)
        vault, recovery = _create_keys(uow)
        admin_view = _create_operator(uow, view.id, admin_fields, vault)
    _unlocked(desk, vault, remember_key)
    return dataclasses.replace(view, recovery_key=recovery), admin_view


def get_committee(desk: Desk) -> CommitteeView:
    with desk.read() as s:
        return _committee_view(desk.committee(s), desk.seat)


def validate_password(password: str | None, field: str = "password") -> str:
    if not password or len(password) < MIN_PASSWORD:
        raise ValidationError.single(field, "password_length", f"密码至少 {MIN_PASSWORD} 位")
    if password.isdigit() and len(set(password)) <= 2:
        raise ValidationError.single(field, "password_weak", "密码过于简单（如 11111111），请换一个")
    return password


def validate_operator(data: Mapping[str, Any]) -> dict[str, Any]:
    p = Problems()
    username = str(data.get("username") or "").strip()
    if not _USERNAME.fullmatch(username):
        p.add("username", "username_format", "用户名须为 2–32 位字母、数字、汉字或 _ . -")
    display = p.check(clean_name, data.get("display_name") or username, "display_name", "姓名", 32)
    role = data.get("role")
    if role not in ROLES:
        p.add("role", "role", f"角色须为：{'、'.join(f'{k}（{v}）' for k, v in ROLES.items())}")
    password = p.check(validate_password, data.get("password"))
    p.raise_if_any()
    return {
        "username": username,
        "display_name": display,
        "role": role,
        "password": password,
        "mediator_id": data.get("mediator_id") or None,
    }


def _create_operator(uow: UnitOfWork, committee_id: str, f: dict[str, Any], vault: Vault | None) -> OperatorView:
    """A new operator; with the desk's data key wrapped under the new password (the desk must be
    unlocked for that, unless it has no key yet — an old desk not yet protected)."""
    s = uow.session
    if s.scalars(select(Operator.id).where(Operator.username == f["username"])).first():
        raise ValidationError.single("username", "username_taken", f"用户名「{f['username']}」已被使用")
    op = Operator(
        committee_id=committee_id,
        username=f["username"],
        display_name=f["display_name"],
        role=f["role"],
        password_hash=_HASHER.hash(f["password"]),
        mediator_id=f["mediator_id"],
    )
    try:
        # The roster is mediation's: a mediator id that names no record is what the foreign key
        # refuses, in a savepoint so the refusal is the field's, not a crash of the whole unit.
        with s.begin_nested():
            s.add(op)
            s.flush()
    except IntegrityError:
        if not f["mediator_id"]:
            raise
        raise ValidationError.single(
            "mediator_id", "mediator_unknown", f"找不到调解员记录 {f['mediator_id']}"
        ) from None
    if vault is not None:
        keys.wrap_for_operator(s, vault, op.id, f["password"])
    elif keys.keys_exist(s):
        raise Locked("工作台已锁定：须由已登录的主任添加操作员（为新账号分配数据密钥）")
    uow.audit("operator.create", "operator", op.id, role=f["role"])
    return OperatorView(op.id, op.username, op.display_name, op.role, op.active)


def add_operator(desk: Desk, actor: Actor, data: Mapping[str, Any]) -> OperatorView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "operator.manage")  # inside the unit of work: a refusal is audited
        fields = validate_operator(data)
        return _create_operator(uow, desk.committee(uow.session).id, fields, desk.vault)


def authenticate(desk: Desk, username: str, password: str) -> Actor:
    """Check a password; repeated failures lock the account for a while. The failure count is
    committed even though the login fails, so the lock survives a restart."""
    refusal = "用户名或密码错误"
    if not username or not password:
        return _refuse(refusal)
    vault: Vault | None = None
    locked: int | None = None
    with desk.write(SYSTEM) as uow:
        s = uow.session
        op = s.scalars(select(Operator).where(Operator.username == username)).first()
        if op is None or not op.active:
            # Same work as a real check, so timing does not tell which usernames exist.
            try:
                _HASHER.verify(_dummy_hash(), password)
            except (VerificationError, InvalidHashError):
                pass
            return _refuse(refusal)
        minutes = lockout_minutes(op.locked_until, uow.now)
        if minutes is not None:
            raise AccountLocked(f"连续输错密码次数过多，账号已锁定，请 {minutes} 分钟后再试", minutes)
        try:
            _HASHER.verify(op.password_hash, password)
        except (VerificationError, InvalidHashError):
            op.failed_logins += 1
            if op.failed_logins >= MAX_FAILED_LOGINS:
                op.locked_until, op.failed_logins = uow.now + LOCKOUT, 0
                uow.audit("operator.locked", "operator", op.id)
                locked = int(LOCKOUT.total_seconds() // 60)
                refusal = f"连续输错密码 {MAX_FAILED_LOGINS} 次，账号已锁定，请 {locked} 分钟后再试"
            uow.audit("operator.login_failed", "operator", op.id)
            actor = None
        else:
            op.failed_logins, op.locked_until = 0, None
            if _HASHER.check_needs_rehash(op.password_hash):
                op.password_hash = _HASHER.hash(password)
            actor = Actor(op.username, op.role, op.id, op.display_name, op.mediator_id)
            uow.audit("operator.login", "operator", op.id)
            vault = keys.unlock_with_password(s, op.id, password)
            if vault is None and desk.vault is not None:
                # No wrap yet (added before the desk was protected): give one now.
                keys.wrap_for_operator(s, desk.vault, op.id, password)
                vault = desk.vault
    if not actor:
        if locked is not None:  # this failure locked the account
            raise AccountLocked(refusal, locked)
        return _refuse(refusal)
    if vault is not None:
        desk.unlock(vault)
    return actor


def _refuse(message: str) -> Actor:
    raise PermissionDenied(message)


def actor_for(desk: Desk, username: str | None) -> Actor:
    """The operator the command line acts as (no password: the OS account is the guard there):
    the one named, else the first who may manage the accounts (the 主任)."""
    with desk.read() as s:
        q = select(Operator).where(Operator.active.is_(True))
        if username:
            q = q.where(Operator.username == username)
        else:
            q = q.where(Operator.role.in_(roles.roles_allowed("operator.manage")))
        op = s.scalars(q.order_by(Operator.created_at).limit(1)).first()
        if op is None:
            if username:
                raise DeskError(f"没有名为「{username}」的操作员")
            return Actor("cli", roles.ADMIN)  # no account yet: the setup commands act as the 主任
        return Actor(op.username, op.role, op.id, op.display_name, op.mediator_id)


def key_in_keyring(desk: Desk) -> bool:
    """Does the OS keyring hold this desk's data key (so that the command line opens the data
    without a password)?"""
    with desk.read() as s:
        return keys.vault_from_keyring(desk.device_id, s) is not None


def list_operators(desk: Desk) -> list[OperatorView]:
    with desk.read() as s:
        return [
            OperatorView(o.id, o.username, o.display_name, o.role, o.active)
            for o in s.scalars(select(Operator).order_by(Operator.created_at))
        ]
