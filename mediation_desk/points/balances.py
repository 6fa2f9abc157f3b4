"""Balances: sums of the ledger. A balance is never stored: it is `SUM(coins)` over the resident's
entries, so it cannot drift from them. Plain functions over a session, for every green-coin
service that shows or checks a balance (residents, the shop, month end)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.points.models import LedgerEntry

# SQLite binds at most 32,766 values per statement; far fewer keeps every statement small.
CHUNK = 900


def balance_of(session: Session, resident_id: str) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.coins), 0)).where(LedgerEntry.resident_id == resident_id)
    )
    return int(total or 0)


def balances(session: Session, resident_ids: Iterable[str]) -> dict[str, int]:
    """Each resident's balance (0 for one without entries), one GROUP BY per chunk of ids."""
    ids = list(dict.fromkeys(resident_ids))
    out = dict.fromkeys(ids, 0)
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(LedgerEntry.resident_id, func.sum(LedgerEntry.coins))
            .where(LedgerEntry.resident_id.in_(ids[start : start + CHUNK]))
            .group_by(LedgerEntry.resident_id)
        )
        out.update({rid: int(total or 0) for rid, total in rows})
    return out
