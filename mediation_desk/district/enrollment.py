"""Exchanging an enrollment code for a device token (the token's life and checks: tokens.py).

A refused code counts towards its address's lockout (ratelimit.py); the endpoint checks the
address before it reads the body."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from fastapi import Request
from sqlalchemy import CursorResult, select, update

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import credentials, metrics
from mediation_desk.district.config import DEFAULT
from mediation_desk.district.db import Database
from mediation_desk.district.errors import ApiError
from mediation_desk.district.models import Committee, Device, EnrollmentCode, Town
from mediation_desk.district.ratelimit import Limits, client_address
from mediation_desk.storage.base import new_id, utcnow


@dataclass(frozen=True)
class DeviceScope:
    """Who is asking: the device and what it may see and change."""

    device_id: str
    scope: str  # SCOPE_COMMITTEE | SCOPE_TOWN
    town_id: str
    town: str
    committee_id: str | None = None
    committee_code: str | None = None

    @property
    def is_town(self) -> bool:
        return self.scope == contract.SCOPE_TOWN


def enroll(
    db: Database,
    code: str,
    device_name: str,
    now: dt.datetime | None = None,
    *,
    token_days: int = DEFAULT.token_days,
) -> contract.EnrollResponse:
    now = now or utcnow()
    presented = credentials.code_hash(code)
    token = credentials.new_token()
    with db.write() as s:
        row = s.scalar(select(EnrollmentCode).where(EnrollmentCode.code_hash == presented))
        if row is None or not credentials.same_hash(row.code_hash, presented):
            raise ApiError(400, contract.ERROR_CODE_UNKNOWN, "登记码不正确，请核对后重新输入", "code")
        if row.used_at is not None:
            raise ApiError(409, contract.ERROR_CODE_USED, "这个登记码已经用过，请向区里申请新的登记码", "code")
        if row.expires_at <= now:
            raise ApiError(410, contract.ERROR_CODE_EXPIRED, "这个登记码已过期，请向区里申请新的登记码", "code")
        device_id = new_id()
        # The guarded update makes the code one-time even when two desks send it at once.
        taken = cast(
            CursorResult[Any],
            s.execute(
                update(EnrollmentCode)
                .where(EnrollmentCode.id == row.id, EnrollmentCode.used_at.is_(None))
                .values(used_at=now, device_id=device_id)
            ),
        )
        if taken.rowcount != 1:
            raise ApiError(409, contract.ERROR_CODE_USED, "这个登记码已经用过，请向区里申请新的登记码", "code")
        s.add(
            Device(
                id=device_id,
                token_hash=credentials.token_hash(token),
                committee_id=row.committee_id,
                town_id=row.town_id,
                name=device_name.strip()[:200],
                enrolled_at=now,
                token_expires_at=now + dt.timedelta(days=token_days),
                scope=contract.SCOPE_COMMITTEE if row.committee_id else contract.SCOPE_TOWN,
            )
        )
        town = s.get(Town, row.town_id)
        committee = s.get(Committee, row.committee_id) if row.committee_id else None
        assert town is not None
        return contract.EnrollResponse(
            device_id=device_id,
            token=token,
            scope=contract.SCOPE_COMMITTEE if committee else contract.SCOPE_TOWN,
            town=town.name,
            committee_code=committee.code if committee else None,
            committee_name=committee.name if committee else None,
        )


def enroll_for(request: Request, code: str, device_name: str) -> contract.EnrollResponse:
    """`POST ENROLL_PATH` once its body is read (the address was checked before: `Limits.check_address`).
    An unknown code counts towards the address's lockout. Blocking: run off the event loop."""
    try:
        return enroll(request.app.state.db, code, device_name, token_days=request.app.state.config.token_days)
    except ApiError as refusal:
        metrics.auth_failure(refusal.code)
        if refusal.code == contract.ERROR_CODE_UNKNOWN:  # a used or expired code was no guess
            limits: Limits = request.app.state.limits
            limits.failed(client_address(request), refusal.code)
        raise
