"""Enrollment: a one-time code from the district becomes this desk's device token.

The token goes to the OS keyring (or, with no secure keyring, is held in memory for this
session and shown once so the clerk can type it next time); the server's address, the device's
id and its committee/town scope are stored in the desk database; the server keeps only a hash."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.privacy import roles
from mediation_desk.sync import credentials, state
from mediation_desk.sync.errors import ServerFailure
from mediation_desk.sync.transport import (
    DEFAULT_OPTIONS,
    DistrictClient,
    TransportOptions,
    check_ca_bundle,
    normalise_server_url,
)

ACTION = "sync.enroll"  # administration/capability.py


@dataclass(frozen=True)
class EnrollmentView:
    server_url: str
    server_device_id: str
    scope: str  # committee | town
    committee_code: str | None
    committee_name: str | None
    town: str
    token_in_keyring: bool
    keyring_backend: str
    # Only when there is no secure keyring: the token, shown once so the clerk can write it down
    # and type it in each session. Never stored anywhere by the desk.
    session_token: str | None
    message: str


def clean_code(code: str | None) -> str:
    text = "".join((code or "").split())
    if not text:
        raise ValidationError.single("code", "required", "请填写区社会治理中心发放的登记码")
    if len(text) > 64:
        raise ValidationError.single("code", "code_format", "登记码过长，请核对后重新输入")
    return text


def read_ca_bundle(path: str | os.PathLike[str] | None) -> str | None:
    """PEM text of the CA file the district gave out (stored in the desk database: it is public)."""
    if path is None or str(path).strip() == "":
        return None
    file = Path(path).expanduser()
    try:
        pem = file.read_text(encoding="ascii")
    except FileNotFoundError:
        raise ValidationError.single("ca_bundle", "file_missing", f"找不到 CA 证书文件：{file}") from None
    except (OSError, UnicodeDecodeError):
        raise ValidationError.single(
            "ca_bundle", "ca_bundle_invalid", f"CA 证书文件无法读取：{file.name}（须为 PEM 文本文件）"
        ) from None
    return check_ca_bundle(pem)


def enroll(
    desk: Desk,
    actor: Actor,
    server_url: str,
    code: str,
    *,
    ca_bundle: str | os.PathLike[str] | None = None,
    options: TransportOptions = DEFAULT_OPTIONS,
) -> EnrollmentView:
    """Exchange the one-time `code` for a device token. Refusals: ValidationError naming the
    field (server_url, code, ca_bundle), or a SyncError (unreachable, TLS, server)."""
    with desk.read(actor) as s:
        roles.authorize(actor, ACTION)  # before any contact with the district; a refusal is audited
        url = normalise_server_url(server_url)
        code = clean_code(code)
        ca_pem = read_ca_bundle(ca_bundle)
        committee = desk.committee(s)
        local = (committee.code, committee.name, committee.town)
    device_name = f"{local[1]} {desk.seat} 号席（{socket.gethostname()[:40]}）"
    with DistrictClient(url, ca_pem=ca_pem, options=options) as client:
        answer = client.enroll({"code": code, "device_name": device_name})
    try:
        granted = contract.EnrollResponse(**{k: answer.get(k) for k in contract.EnrollResponse.__dataclass_fields__})
    except TypeError:
        granted = None
    if granted is None or not granted.token or not granted.device_id:
        raise ServerFailure("登记的回答缺少设备令牌")
    _check_scope(granted, local)
    credentials.drop(desk)  # a token of an earlier enrollment is no longer wanted
    in_keyring = credentials.store(desk, granted.token)
    _, backend = credentials.keyring_backend()
    with desk.write(actor) as uow:
        s = uow.session
        previous = state.get(s, state.SERVER_URL)
        for key, value in (
            (state.SERVER_URL, url),
            (state.CA_BUNDLE, ca_pem),
            (state.SCOPE, granted.scope),
            (state.COMMITTEE_CODE, granted.committee_code),
            (state.TOWN, granted.town),
            (state.SERVER_DEVICE_ID, granted.device_id),
            (state.REFUSED, None),
            (state.LAST_ERROR, None),
        ):
            state.put(s, key, value)
        state.put_time(s, state.ENROLLED_AT, uow.now)
        if previous != url:  # another server: its change feed starts from the beginning
            state.put(s, state.CURSOR, None)
        uow.audit(
            "sync.enroll",
            "desk",
            None,
            server=url,
            scope=granted.scope,
            committee_code=granted.committee_code,
            town=granted.town,
            device=granted.device_id,
            token_in_keyring=in_keyring,
        )
    if in_keyring:
        message = f"登记成功。设备令牌已保存在系统钥匙串（{backend}）中，不写入任何文件。"
    else:
        message = (
            "登记成功。本机没有安全的系统钥匙串，设备令牌不会保存在电脑上，只留在内存中，工作台锁定或关闭即清除："
            "请现在抄下设备令牌并妥善保管，以后同步时按提示输入。"
        )
    return EnrollmentView(
        url,
        granted.device_id,
        granted.scope,
        granted.committee_code,
        granted.committee_name,
        granted.town,
        in_keyring,
        backend,
        None if in_keyring else granted.token,
        message,
    )


def _check_scope(granted: contract.EnrollResponse, local: tuple[str, str, str]) -> None:
    """A code issued for another committee (or town) must not bind this desk's data to it."""
    code, name, town = local
    if granted.scope == contract.SCOPE_COMMITTEE and granted.committee_code != code:
        raise ValidationError.single(
            "code",
            "code_other_committee",
            f"该登记码属于调解委员会「{granted.committee_name or granted.committee_code}」，"
            f"与本机的「{name}」（{code}）不符：本机未登记，请区里作废该设备并核对后重新发放登记码",
        )
    if granted.scope == contract.SCOPE_TOWN and granted.town != town:
        raise ValidationError.single(
            "code",
            "code_other_town",
            f"该登记码属于「{granted.town}」，与本机所在的「{town}」不符：本机未登记，请核对后重新发放登记码",
        )
