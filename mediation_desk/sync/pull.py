"""Pull: the district's change feed after the desk's cursor, one page per desk transaction.

A page and the cursor after it commit together, so a desk killed mid-pull resumes from the last
page it stored and never applies a page twice; a page another sync of this desk has already
stored (the window and the command line at once) is not applied again."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.desk import Desk
from mediation_desk.sync import apply, state
from mediation_desk.sync.errors import ServerFailure, SyncError
from mediation_desk.sync.push import PENDING, SYNC_ACTOR, Progress
from mediation_desk.sync.transport import DistrictClient


@dataclass
class PullTally:
    pulled: int = 0  # changes received
    stored: int = 0
    own_updated: int = 0
    status_changes: int = 0
    foreign: int = 0
    pages: int = 0
    cursor: int = 0
    requeued: int = 0  # own ops queued again: the district went back to a backup


def pull_changes(
    desk: Desk, client: DistrictClient, progress: Progress | None = None, page_size: int = contract.MAX_PULL_PAGE
) -> PullTally:
    """Every change after the desk's cursor. The next page is asked for as soon as the cursor
    after this one is known, and fetched while the desk reads and applies this one (one request at
    a time), so the desk's share hides behind the district's and the network's."""
    tally = PullTally()
    page_size = max(1, min(page_size, contract.MAX_PULL_PAGE))
    with desk.read() as s:
        after = state.cursor(s)
    restarted = False
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="district-pull") as http:
        request = http.submit(client.pull, after, page_size)
        while True:
            try:
                page = request.result()
            except SyncError as refused:
                if refused.code != contract.ERROR_CURSOR_AHEAD or restarted:
                    raise
                # The district's feed is behind the desk's cursor (its database was restored): read
                # it again from the start (applying a change twice changes nothing), and send up
                # again what the restore may have lost.
                restarted = True
                tally.requeued += start_over(desk, after)
                with desk.read() as s:
                    after = state.cursor(s)
                request = http.submit(client.pull, after, page_size)
                continue
            next_cursor = _cursor_of(page)
            more = bool(page.get("has_more")) and next_cursor > after
            if more:
                request = http.submit(client.pull, next_cursor, page_size)
            changes = _changes_of(page)  # the next page is on its way meanwhile
            if _store_page(desk, after, changes, next_cursor, tally) is None:
                # Another sync of this desk stored this page meanwhile: go on from where it got to.
                if more:
                    _wait_quietly(request)
                with desk.read() as s:
                    after = state.cursor(s)
                request = http.submit(client.pull, after, page_size)
                continue
            tally.pages += 1
            tally.pulled += len(changes)
            after = next_cursor
            if progress is not None:
                progress(tally.pulled, None, "pull")
            if not more:
                break
    tally.cursor = after
    return tally


def start_over(desk: Desk, stale_cursor: int) -> int:
    """The district's database went back to a backup: read its feed from the start, and send up
    again every op it once took — those it still holds are answered `duplicate` (op ids are
    idempotency keys), those the restore lost are applied again. Returns how many were queued;
    0 when another sync of this desk has started over already."""
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        if state.cursor(s) != stale_cursor:
            return 0
        state.put(s, state.CURSOR, "0")
        taken = (contract.APPLIED, contract.DUPLICATE)
        queued = s.execute(update(OutboxOp).where(OutboxOp.state.in_(taken)).values(state=PENDING))
        count = int(getattr(queued, "rowcount", 0) or 0)  # a CursorResult: UPDATE reports its rows
        uow.audit("sync.requeued", "desk", None, ops=count, why="district_restored", stale_cursor=stale_cursor)
    return count


def _cursor_of(page: dict[str, Any]) -> int:
    try:
        return int(page["next_cursor"])
    except (KeyError, TypeError, ValueError):
        raise ServerFailure("拉取的回答格式不对") from None


def _changes_of(page: dict[str, Any]) -> list[contract.Change]:
    try:
        return [contract.change_from_wire(c) for c in page["changes"]]
    except (KeyError, TypeError, ValueError):
        raise ServerFailure("拉取的回答格式不对") from None


def _wait_quietly(request: Future[Any]) -> None:
    try:
        request.result()
    except Exception:  # noqa: BLE001 - an answer nobody will read
        pass


def _store_page(
    desk: Desk, expected: int, changes: list[contract.Change], next_cursor: int, tally: PullTally
) -> int | None:
    """Apply the page and store the new cursor; None when the cursor had moved meanwhile.
    Returns the cursor the page started from."""
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        if state.cursor(s) != expected:
            return None
        settings = state.load(s)
        page = apply.apply_page(
            uow, changes, committee_code=settings.committee_code, scope=settings.scope, node=desk.node
        )
        state.put(s, state.CURSOR, str(next_cursor))
        if changes:
            uow.audit(
                "sync.pull",
                "desk",
                None,
                changes=page.received,
                own_updated=page.own_updated,
                status_changes=page.status_changes,
                cursor=next_cursor,
            )
    tally.stored += page.stored
    tally.own_updated += page.own_updated
    tally.status_changes += page.status_changes
    tally.foreign += page.foreign
    return expected
