"""Push: the outbox goes up in `seq` order, in batches of at most MAX_PUSH_BATCH.

Crash-safe by construction: an op leaves the `pending` state only in the desk transaction that
records the server's answer to it (one transaction per batch). A desk killed after the server
applied a batch but before that transaction resends the batch; the server answers `duplicate`
(the op id is the idempotency key) and nothing is applied twice. `rejected` and `conflict`
answers become sync issues the clerk resolves; nothing is dropped silently."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, true, update

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.sync import case_file
from mediation_desk.sync.errors import ServerFailure
from mediation_desk.sync.models import SyncIssue
from mediation_desk.sync.transport import DistrictClient

PENDING = "pending"
# A batch's JSON stays this far below the district's body limit (the request's own wrapping).
BATCH_BYTES = contract.MAX_PUSH_BYTES - 64 * 1024
SYNC_ACTOR = Actor(username="district-sync", role="system", display_name="区级同步")
Progress = Callable[[int, "int | None", str], None]


@dataclass
class PushTally:
    pushed: int = 0  # ops answered by the server
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    conflicts: int = 0
    held: int = 0  # case files waiting for the desk to be unlocked
    unanswered: int = 0  # ops the server's answer left out: still pending, sent again next round


def pending_count(s: Any) -> int:
    return s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == PENDING)) or 0


def to_wire(op: OutboxOp, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "op_id": op.op_id,
        "hlc": op.hlc,
        "entity": op.entity,
        "entity_id": op.entity_id,
        "kind": op.kind,
        "payload": op.payload if payload is None else payload,
    }


def push_pending(
    desk: Desk,
    client: DistrictClient,
    progress: Progress | None = None,
    batch_size: int = contract.MAX_PUSH_BATCH,
    *,
    only: frozenset[str] | None = None,
) -> PushTally:
    """Send every pending op once (`only`: those of these entities); returns what the server answered.

    While the server works on one batch the desk records the answers to the one before (one
    request in flight at a time, in `seq` order), so the desk's share of the time mostly hides
    behind the server's."""
    tally = PushTally()
    batch_size = max(1, min(batch_size, contract.MAX_PUSH_BATCH))
    after_seq, done = 0, 0
    with desk.read() as s:
        total = pending_count(s)
    in_flight: tuple[Future[list[dict[str, Any]]] | None, dict[str, OutboxOp], int] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="district-push") as http:
        try:
            while True:
                _add_case_file_ops(desk)
                wire, sent, last_seq, held = _next_batch(desk, after_seq, batch_size, only)
                if last_seq is None:
                    break
                after_seq = last_seq
                tally.held += held
                request = http.submit(client.push, wire) if wire else None
                if in_flight is not None:
                    done = _answered(desk, in_flight, tally, done, total, progress)
                in_flight = (request, sent, len(wire) + held)
            if in_flight is not None:
                _answered(desk, in_flight, tally, done, total, progress)
                in_flight = None
        finally:
            if in_flight is not None and in_flight[0] is not None:
                in_flight[0].cancel()
    return tally


def _add_case_file_ops(desk: Desk) -> None:
    with desk.read() as s:  # an escalation made since the last batch gets its file op
        missing = case_file.has_missing_file_ops(s)
    if missing:
        with desk.write(SYNC_ACTOR) as uow:
            case_file.add_missing_file_ops(uow)


def _answered(
    desk: Desk,
    in_flight: tuple[Any, dict[str, OutboxOp], int],
    tally: PushTally,
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    request, sent, count = in_flight
    if request is not None:
        try:
            results = [contract.op_result_from_wire(r) for r in request.result()]
        except (KeyError, TypeError, ValueError):
            raise ServerFailure("推送的回答格式不对") from None
        _record(desk, sent, results, tally)
    done += count
    if progress is not None:
        progress(done, max(total, done), "push")
    return done


def _next_batch(
    desk: Desk, after_seq: int, size: int, only: frozenset[str] | None = None
) -> tuple[list[dict[str, Any]], dict[str, OutboxOp], int | None, int]:
    """The next ops to send: at most `size` of them and BATCH_BYTES of JSON. A case file too big
    for the district is answered here, as the district would answer it, and never sent."""
    with desk.read() as s:
        ops = list(
            s.scalars(
                select(OutboxOp)
                .where(OutboxOp.state == PENDING, OutboxOp.seq > after_seq)
                .where(OutboxOp.entity.in_(only) if only is not None else true())
                .order_by(OutboxOp.seq)
                .limit(size)
            )
        )
        if not ops:
            return [], {}, None, 0
        wire: list[dict[str, Any]] = []
        sent: dict[str, OutboxOp] = {}
        held, total_bytes, last_seq = 0, 0, ops[0].seq
        too_big: list[contract.OpResult] = []
        # The key is read once: a lock between a check and a second read would otherwise build
        # the file without the parties' details. A lock after this wipes this same key object,
        # so building fails (the round ends) rather than sending an incomplete file.
        vault = desk.vault
        for op in ops:
            if op.entity == case_file.CASE_FILE:
                case_id = op.payload.get("case_id") or op.entity_id
                if vault is None and case_file.needs_vault(s, case_id):
                    held += 1
                    last_seq = op.seq
                    continue
                body = {**case_file.build_case_file(s, case_id, vault), **op.payload}
                item = to_wire(op, body)
            else:
                item = to_wire(op)
            item_bytes = _wire_bytes(item)
            if op.entity == case_file.CASE_FILE and item_bytes > contract.MAX_CASE_FILE_BYTES:
                too_big.append(_too_big(op, item_bytes))
            elif wire and total_bytes + item_bytes > BATCH_BYTES:
                break  # the rest goes in the next batch
            else:
                wire.append(item)
                total_bytes += item_bytes
            sent[op.op_id] = op
            last_seq = op.seq
    if too_big:
        _record(desk, {r.op_id: sent.pop(r.op_id) for r in too_big}, too_big, PushTally())
    return wire, sent, last_seq, held


def _wire_bytes(item: dict[str, Any]) -> int:
    return len(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _too_big(op: OutboxOp, size: int) -> contract.OpResult:
    limit_kb = contract.MAX_CASE_FILE_BYTES // 1024
    return contract.OpResult(
        op.op_id,
        contract.REJECTED,
        f"卷宗过大（{size // 1024} KB，区里最多接收 {limit_kb} KB）：请把案件材料整理精简后重新提交，或以纸质卷宗移送",
        None,
        contract.REASON_CODE_INVALID,
    )


def _record(desk: Desk, sent: dict[str, OutboxOp], results: list[contract.OpResult], tally: PushTally) -> None:
    """The server's answers, in one desk transaction for the whole batch."""
    answered = {r.op_id: r for r in results if r.op_id in sent and r.status in contract.OP_STATUSES}
    tally.unanswered += len(sent) - len(answered)
    if not answered:
        return
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        rows = s.execute(
            select(OutboxOp.seq, OutboxOp.op_id, OutboxOp.state, OutboxOp.attempts).where(
                OutboxOp.op_id.in_(list(answered))
            )
        ).all()
        known_issues = set(s.scalars(select(SyncIssue.op_id).where(SyncIssue.op_id.in_(list(answered)))))
        counts = dict.fromkeys(contract.OP_STATUSES, 0)
        updates: list[dict[str, Any]] = []
        for seq, op_id, op_state, attempts in rows:
            if op_state != PENDING:  # another sync (window and CLI at once) recorded it
                continue
            result = answered[op_id]
            updates.append(
                {
                    "seq": seq,
                    "state": result.status,
                    "attempts": attempts + 1,
                    "result": {
                        k: v
                        for k, v in (
                            ("status", result.status),
                            ("reason", result.reason),
                            ("reason_code", result.reason_code),
                            ("server_state", result.server_state),
                        )
                        if v is not None
                    },
                }
            )
            counts[result.status] += 1
            if result.status in (contract.REJECTED, contract.CONFLICT) and op_id not in known_issues:
                op = sent[op_id]
                s.add(
                    SyncIssue(
                        op_id=op_id,
                        op_seq=seq,
                        entity=op.entity,
                        entity_id=op.entity_id,
                        kind=op.kind,
                        status=result.status,
                        reason=result.reason,
                        server_state=result.server_state,
                        payload=dict(op.payload),
                        raised_at=uow.now,
                    )
                )
        if updates:
            s.execute(update(OutboxOp), updates)  # by primary key, in one executemany
        uow.audit(
            "sync.push",
            "desk",
            None,
            applied=counts[contract.APPLIED],
            duplicates=counts[contract.DUPLICATE],
            rejected=counts[contract.REJECTED],
            conflicts=counts[contract.CONFLICT],
        )
    tally.pushed += sum(counts.values())
    tally.applied += counts[contract.APPLIED]
    tally.duplicates += counts[contract.DUPLICATE]
    tally.rejected += counts[contract.REJECTED]
    tally.conflicts += counts[contract.CONFLICT]
