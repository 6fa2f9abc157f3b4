"""Pull: the district's change feed after the desk's cursor, one page per desk transaction.

A page and the cursor after it commit together, so a desk killed mid-pull resumes from the last
page it stored and never applies a page twice; a page another sync of this desk has already
stored (the window and the command line at once) is not applied again."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import HLC_KEY
from mediation_desk.desk import Desk
from mediation_desk.sync import apply, state
from mediation_desk.sync import page as pages
from mediation_desk.sync.errors import ServerFailure, SyncError
from mediation_desk.sync.feed_reader import FeedReader
from mediation_desk.sync.page import ReadyPage
from mediation_desk.sync.push import PENDING, SYNC_ACTOR, Progress
from mediation_desk.sync.transport import DistrictClient

_set_aside_lock = threading.Lock()
_setting_aside = 0  # pulls running with the objects held before them set aside (`_old_objects_set_aside`)


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
    """Every change after the desk's cursor. The pages are read and made ready ahead, on a thread
    of their own (`sync/feed_reader.py`): the district prepares the next page, and that thread
    decodes and sorts it out, while this one writes the page before and waits for its disk."""
    tally = PullTally()
    page_size = max(1, min(page_size, contract.MAX_PULL_PAGE))
    with desk.read() as s:
        settings = state.load(s)
    with _old_objects_set_aside():
        tally.cursor = _pull_from(desk, client, settings, page_size, tally, progress)
    return tally


def _pull_from(
    desk: Desk,
    client: DistrictClient,
    settings: state.SyncSettings,
    page_size: int,
    tally: PullTally,
    progress: Progress | None,
) -> int:
    """The pages after the settings' cursor, each stored with its cursor; returns the last cursor."""
    to_stored = pages.stored_form(desk.db.write_engine.dialect)

    def read_from(cursor: int) -> FeedReader[ReadyPage]:
        return FeedReader(
            client, cursor, page_size, lambda body: _ready(body, settings.committee_code, settings.scope, to_stored)
        )

    after, restarted = settings.cursor, False
    reader = read_from(after)
    try:
        while True:
            try:
                answer = reader.next()
            except SyncError as refused:
                if refused.code != contract.ERROR_CURSOR_AHEAD or restarted:
                    raise
                # The district's feed is behind the desk's cursor (its database was restored): read
                # it again from the start (applying a change twice changes nothing), and send up
                # again what the restore may have lost.
                restarted = True
                reader.close()
                tally.requeued += start_over(desk, after)
                after = _stored_cursor(desk)
                reader = read_from(after)
                continue
            if _store_page(desk, after, answer.page, answer.next_cursor, tally, to_stored) is None:
                # Another sync of this desk stored this page meanwhile: go on from where it got to.
                reader.close()
                after = _stored_cursor(desk)
                reader = read_from(after)
                continue
            tally.pages += 1
            tally.pulled += len(answer.page.rows)
            after = answer.next_cursor
            if progress is not None:
                progress(tally.pulled, None, "pull")
            if not answer.more:
                return after
    finally:
        reader.close()


def _ready(body: dict[str, Any], committee_code: str | None, scope: str | None, to_stored: pages.ToStored) -> ReadyPage:
    """The page made ready for a desk of this committee and scope; ServerFailure when a change
    lacks the contract's fields."""
    try:
        return pages.from_wire(body["changes"], committee_code, scope, to_stored)
    except (KeyError, TypeError, ValueError):
        raise ServerFailure("拉取的回答格式不对") from None


@contextmanager
def _old_objects_set_aside() -> Iterator[None]:
    """Python's cycle collector leaves the objects the desk already held alone while pulling: the
    pages' hundreds of thousands of decoded values, short-lived and free of cycles, set off a full
    collection every few pages, each walking everything the desk holds (a sixth of a first pull's
    time). Young objects are still collected. Left as it is if the process froze objects itself."""
    global _setting_aside
    with _set_aside_lock:
        owner = _setting_aside > 0 or gc.get_freeze_count() == 0
        if owner:
            if _setting_aside == 0:
                gc.freeze()
            _setting_aside += 1
    try:
        yield
    finally:
        if owner:
            with _set_aside_lock:
                _setting_aside -= 1
                if _setting_aside == 0:
                    gc.unfreeze()


def _stored_cursor(desk: Desk) -> int:
    with desk.read() as s:
        return state.cursor(s)


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


def _store_page(
    desk: Desk, expected: int, page: ReadyPage, next_cursor: int, tally: PullTally, to_stored: pages.ToStored
) -> int | None:
    """Apply the page and store the new cursor; None when the cursor had moved meanwhile.
    Returns the cursor the page started from."""
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        # The cursor, the committee and the desk's clock in one read (and held: two are written back).
        held = state.rows(s, state.CURSOR, state.COMMITTEE_CODE, state.SCOPE, HLC_KEY)
        setting = {key: row.value for key, row in held.items()}
        if int(setting.get(state.CURSOR) or 0) != expected:
            return None
        committee_code, scope = setting.get(state.COMMITTEE_CODE), setting.get(state.SCOPE)
        if (committee_code, scope) != (page.committee_code, page.scope):
            # The desk was enrolled again while the page was on its way: sorted out for that.
            page = pages.ready(page.rows, committee_code, scope, to_stored)
        applied = apply.apply_ready(uow, page, node=desk.node)
        state.put(s, state.CURSOR, str(next_cursor))
        if page.rows:
            uow.audit(
                "sync.pull",
                "desk",
                None,
                changes=applied.received,
                own_updated=applied.own_updated,
                status_changes=applied.status_changes,
                cursor=next_cursor,
            )
    tally.stored += applied.stored
    tally.own_updated += applied.own_updated
    tally.status_changes += applied.status_changes
    tally.foreign += applied.foreign
    return expected
