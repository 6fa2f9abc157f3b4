"""One sync round — push, reference data, pull — and the desk's sync status.

Plain dataclasses, no Qt: the window calls these from a worker thread. An unreachable or failing
server is a normal state (the report says offline and why), and so is a district refusing requests
that come too often for a while (the report says when to try again); a refusal that needs a person
— not enrolled, token refused or expired, certificate not trusted, out of scope — raises a
`SyncError`.

When the district asks for it, the round renews the device token on the way, silently: the new
token goes to the keyring before it is used, and a renewal that fails changes nothing (the round
carries on with the current token, and the next round tries again)."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select

from mediation_desk.alarms import rules as alarm_rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.storage.base import utcnow
from mediation_desk.sync import credentials, state
from mediation_desk.sync.district_view import store_reference
from mediation_desk.sync.errors import (
    DeviceRefused,
    NotEnrolled,
    RateLimited,
    ServerFailure,
    ServerUnreachable,
    SyncError,
    TokenMissing,
)
from mediation_desk.sync.models import SyncIssue
from mediation_desk.sync.pull import PullTally, pull_changes
from mediation_desk.sync.push import SYNC_ACTOR, Progress, PushTally, pending_count, push_pending
from mediation_desk.sync.transport import DEFAULT_OPTIONS, DistrictClient, TransportOptions

log = logging.getLogger(__name__)
# What a town's device pushes: its answers to its villages' bracelet alarms (the district takes
# nothing else from it).
TOWN_WRITES = frozenset({alarm_rules.ALARM})
RENEWING = "sync.token_renewing"  # when a process of this desk began renewing the token (a lease)
# Outlives a renewal's request with all its retries (transport.py); a crashed holder's lease lapses.
RENEWAL_LEASE = dt.timedelta(minutes=10)
# Refusals an old token meets once another process of this desk has renewed it.
_RENEWABLE = (contract.ERROR_TOKEN_INVALID, contract.ERROR_TOKEN_EXPIRED)


@dataclass(frozen=True)
class SyncReport:
    online: bool
    pushed: int  # ops the server answered
    applied: int
    duplicates: int
    rejected: int
    conflicts: int
    held: int  # case files waiting for the desk to be unlocked
    pulled: int  # changes received
    own_updated: int  # the desk's own rows changed by pulled changes
    status_changes: int  # of those, case statuses set as the district holds them
    reference_updated: bool
    pending: int  # ops still waiting after this round
    open_issues: int
    started_at: dt.datetime
    duration_s: float
    last_success: dt.datetime | None
    error: str | None = None  # why the round stopped early (offline, server error, rate limited)
    error_code: str | None = None
    retry_after_s: int | None = None  # rate limited: the next round should wait this long
    token_renewed: bool = False  # the device token was renewed (and stored) during the round


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    scope: str | None
    committee_code: str | None
    town: str | None
    token: str | None  # where the device token is: "keyring", "memory" or None (ask for it)
    keyring_secure: bool
    keyring_backend: str
    refused: str | None  # the server refused the token (device_revoked, token_invalid): enroll again
    pending_ops: int
    open_issues: int
    last_success: dt.datetime | None
    last_attempt: dt.datetime | None
    last_error: str | None
    cursor: int

    @property
    def online(self) -> bool | None:
        """Whether the last round reached the server (None: no round yet)."""
        return None if self.last_attempt is None else self.last_error is None


def _open_issues(s: Any) -> int:
    return s.scalar(select(func.count()).select_from(SyncIssue).where(SyncIssue.resolved_at.is_(None))) or 0


def sync_status(desk: Desk) -> SyncStatus:
    with desk.read() as s:
        settings = state.load(s)
        pending, issues = pending_count(s), _open_issues(s)
    secure, backend = credentials.keyring_backend()
    return SyncStatus(
        settings.enrolled,
        settings.server_url,
        settings.scope,
        settings.committee_code,
        settings.town,
        credentials.where(desk),
        secure,
        backend,
        settings.refused,
        pending,
        issues,
        settings.last_success,
        settings.last_attempt,
        settings.last_error,
        settings.cursor,
    )


def ready_client(desk: Desk, options: TransportOptions = DEFAULT_OPTIONS) -> tuple[state.SyncSettings, DistrictClient]:
    """This desk's settings and a client for its server with its token; refuses when the desk
    cannot sync (not enrolled, refused by the server, no token in this session)."""
    with desk.read() as s:
        settings = state.load(s)
    if settings.refused:
        raise DeviceRefused(settings.refused)
    if not settings.enrolled or not settings.server_url:
        raise NotEnrolled()
    token = credentials.token(desk)
    if not token:
        raise TokenMissing()
    return settings, DistrictClient(settings.server_url, token=token, ca_pem=settings.ca_bundle, options=options)


class _RenewedElsewhere(Exception):
    """The token was refused, and another process of this desk has put a newer one in the keyring."""


def sync_once(
    desk: Desk, *, progress: Progress | None = None, options: TransportOptions = DEFAULT_OPTIONS
) -> SyncReport:
    """Push everything pending, refresh the reference data, pull every change; one report.
    `progress(done, total, stage)`: stage "push" (total known) or "pull" (total None).

    A town's device reads, and answers its villages' bracelet alarms: it pushes its alarm moves
    only (the district accepts nothing else from it); its other ops stay pending for a committee
    enrollment."""
    try:
        return _round(desk, progress, options, adopt=True)
    except _RenewedElsewhere:
        log.info("device token renewed by another process of this desk: the round starts again with it")
        return _round(desk, progress, options, adopt=False)


def _added(first: PushTally, second: PushTally) -> PushTally:
    return PushTally(**{f.name: getattr(first, f.name) + getattr(second, f.name) for f in fields(PushTally)})


def _round(desk: Desk, progress: Progress | None, options: TransportOptions, *, adopt: bool) -> SyncReport:
    started, clock = utcnow(), time.monotonic()
    settings, client = ready_client(desk, options)
    pushed, pulled = PushTally(), PullTally()
    reference_updated, error, error_code, online = False, None, None, True
    retry_after, renewed = None, False
    with desk.write(SYNC_ACTOR) as uow:
        state.put_time(uow.session, state.LAST_ATTEMPT, started)
    try:
        with client:
            town = settings.scope == contract.SCOPE_TOWN
            pushed = push_pending(desk, client, progress, only=TOWN_WRITES if town else None)
            reference_updated = _refresh_reference(desk, client)
            renewed = renew_token_if_due(desk, client)
            pulled = pull_changes(desk, client, progress)
            if pulled.requeued and settings.scope != contract.SCOPE_TOWN:
                pushed = _added(pushed, push_pending(desk, client, progress))
    except DeviceRefused as refused:
        if not drop_refused_token(desk, refused, client.token) and adopt:
            raise _RenewedElsewhere from None
        raise
    except RateLimited as limited:  # nothing is wrong with the desk: it waits and tries again
        error, error_code, retry_after = str(limited), limited.code, limited.retry_after_s
        log.info("sync round stopped: rate limited for %s s", retry_after)
    except (ServerUnreachable, ServerFailure) as failure:
        online = isinstance(failure, ServerFailure)
        error, error_code = str(failure), failure.code
        log.info("sync round stopped: %s", failure.code)
    except SyncError as failure:
        with desk.write(SYNC_ACTOR) as uow:
            state.put(uow.session, state.LAST_ERROR, str(failure))
        raise
    finished = utcnow()
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        if error is None:
            state.put_time(s, state.LAST_SUCCESS, finished)
        state.put(s, state.LAST_ERROR, error)
        settings = state.load(s)
        pending, issues = pending_count(s), _open_issues(s)
    return SyncReport(
        online=online,
        pushed=pushed.pushed,
        applied=pushed.applied,
        duplicates=pushed.duplicates,
        rejected=pushed.rejected,
        conflicts=pushed.conflicts,
        held=pushed.held,
        pulled=pulled.pulled,
        own_updated=pulled.own_updated,
        status_changes=pulled.status_changes,
        reference_updated=reference_updated,
        pending=pending,
        open_issues=issues,
        started_at=started,
        duration_s=round(time.monotonic() - clock, 3),
        last_success=settings.last_success,
        error=error,
        error_code=error_code,
        retry_after_s=retry_after,
        token_renewed=renewed,
    )


def _refresh_reference(desk: Desk, client: DistrictClient) -> bool:
    answer = client.reference()
    with desk.write(SYNC_ACTOR) as uow:
        changed = store_reference(uow, answer)
        if changed:
            uow.audit(
                "sync.reference",
                "desk",
                None,
                version=answer.get("version"),
                parts=sorted(k for k in answer if k != "version"),
            )
    return changed


def renew_token_if_due(desk: Desk, client: DistrictClient) -> bool:
    """Renew the device token when the district's last answer asked for it: stored in the
    keyring first, then used for the rest of the round. True when renewed. Never fails the round:
    a renewal refused, lost or not stored leaves the current token in use (the district keeps it
    valid for a grace, and renewing with it again replaces a token whose answer was lost).

    The window and the command line may sync one desk at once: one process renews at a time (a
    lease in the desk database), and a process finding a newer token in the keyring than the one
    it holds takes that one instead of renewing again."""
    if not client.renew_due:
        return False
    if credentials.from_keyring(desk) is None:
        # Typed by the clerk each session (no secure keyring): a new token would not be on their
        # paper. It runs to its end; the desk then enrolls again.
        log.info("device token renewal due; not renewed: the token is not kept in a keyring")
        return False
    if not _take_renewal_lease(desk):
        return False
    try:
        newer = credentials.newer_in_keyring(desk, client.token)
        if newer:  # renewed by another process of this desk meanwhile
            client.use_token(newer)
            return False
        try:
            token = client.renew_token()
        except (SyncError, ValidationError) as failure:
            log.info("device token renewal failed (%s); the next round tries again", type(failure).__name__)
            return False
        if not credentials.replace(desk, token):
            log.warning("renewed device token not stored; the current one stays in use until the next round")
            return False
    finally:
        with desk.write(SYNC_ACTOR) as uow:
            state.put(uow.session, RENEWING, None)
    client.use_token(token)
    with desk.write(SYNC_ACTOR) as uow:
        uow.audit("sync.token_renewed", "desk", None, expires_at=client.token_expires_at)
    log.info("device token renewed")
    return True


def _take_renewal_lease(desk: Desk) -> bool:
    with desk.write(SYNC_ACTOR) as uow:
        try:
            held = dt.datetime.fromisoformat(state.get(uow.session, RENEWING) or "")
        except ValueError:  # none held (or a value nobody can read: as good as none)
            held = None
        if held is not None and uow.now - held < RENEWAL_LEASE:
            log.info("device token renewal due; another process of this desk is renewing it")
            return False
        state.put_time(uow.session, RENEWING, uow.now)
        return True


def drop_refused_token(desk: Desk, refused: DeviceRefused, used: str | None = None) -> bool:
    """The server no longer accepts the token: drop it and remember why (until enrollment); True.
    False, dropping nothing, when the refused token is an old one and another process of this desk
    has put a newer one in the keyring: the session holds that one now. `used`: the refused token
    (default: the session's)."""
    used = used or desk.session.token()[0]
    if refused.code in _RENEWABLE and used and credentials.newer_in_keyring(desk, used):
        log.info("device token refused (%s); a newer one from the keyring is used instead", refused.code)
        return False
    credentials.drop(desk)
    with desk.write(SYNC_ACTOR) as uow:
        state.put(uow.session, state.REFUSED, refused.code)
        state.put(uow.session, state.LAST_ERROR, str(refused))
        uow.audit("sync.device_refused", "desk", None, code=refused.code)
    return True
