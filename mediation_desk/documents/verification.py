"""Verifying a printed agreement against the record, offline: the QR code (or its text typed in)
names the committee, the agreement number and the SHA-256 of the canonical content printed.

The record now gives the same SHA-256 → match. It gives another → mismatch; and when this desk
generated the printed version, the keyed field digests audited then tell which fields changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.documents import canonical
from mediation_desk.documents.blocks import chinese_date
from mediation_desk.documents.content import CaseRecord, beijing, load_record
from mediation_desk.errors import NotFound, ValidationError

MATCH, MISMATCH, NOT_FOUND, INVALID = "match", "mismatch", "not_found", "invalid"


@dataclass(frozen=True)
class VerificationResult:
    status: str  # match | mismatch | not_found | invalid
    message: str  # one sentence in Chinese for the user
    details: tuple[str, ...] = ()  # further lines: the agreement, what differs, when it was printed
    case_id: str | None = None
    case_number: str | None = None
    changed_fields: tuple[str, ...] = ()  # paths in the canonical content, e.g. "terms[1]"


def verify(desk: Desk, actor: Actor, payload: str) -> VerificationResult:
    """Tell whether the agreement a verification code was printed from still matches the record."""
    try:
        parsed = canonical.parse_payload(payload)
    except ValidationError as e:
        return VerificationResult(INVALID, e.problems[0].message, tuple(p.message for p in e.problems[1:]))
    vault = desk.require_vault()  # the content holds identity numbers, stored encrypted
    with desk.read(actor) as s:
        committee = desk.committee(s)
        code, name = committee.code, committee.name
    if parsed.committee_code != code:
        return VerificationResult(
            NOT_FOUND,
            f"该协议不是本调解委员会（{name}，代码 {code}）制作的，本机没有它的记录",
            (f"校验码中的委员会代码：{parsed.committee_code}",),
        )
    try:
        rec = load_record(desk, actor, parsed.number, vault)
    except NotFound:
        return VerificationResult(NOT_FOUND, f"本机没有编号为 {parsed.number} 的协议书", ())
    if rec.agreement is None:
        return VerificationResult(NOT_FOUND, f"案件 {rec.number} 没有登记调解协议", (), rec.case_id, rec.number)
    content = canonical.canonical_content(rec)
    about = _about(rec)
    if canonical.content_sha256(content) == parsed.sha256:
        _audit(desk, actor, rec, MATCH, ())
        return VerificationResult(MATCH, "核验通过：协议书与本机登记的内容一致", about, rec.case_id, rec.number)
    printed = _printed_version(desk, rec.case_id, parsed.sha256)
    if printed is None:
        _audit(desk, actor, rec, MISMATCH, ())
        return VerificationResult(
            MISMATCH,
            "核验不符：协议书与本机登记的内容不一致",
            (*about, "本机没有生成过这一版本，无法确定不同之处（可能在别处打印，或协议书被改写）"),
            rec.case_id,
            rec.number,
        )
    current = canonical.field_digests(content, vault.index)
    old: dict[str, str] = printed["fields"]
    changed = tuple(sorted(k for k in set(old) | set(current) if old.get(k) != current.get(k)))
    labels = list(dict.fromkeys(canonical.field_label(k) for k in changed))
    _audit(desk, actor, rec, MISMATCH, changed)
    return VerificationResult(
        MISMATCH,
        "核验不符：协议书打印后，登记内容被改动",
        (
            *about,
            f"改动之处：{'、'.join(labels) or '无法确定'}",
            f"打印版本生成于 {printed['at']}，操作员 {printed['actor']}",
        ),
        rec.case_id,
        rec.number,
        changed,
    )


def _about(rec: CaseRecord) -> tuple[str, ...]:
    a = rec.agreement
    assert a is not None
    state = f"{a.effective_on} 起生效" if a.effective_on else "尚未签字生效"
    return (
        f"协议书编号：{rec.number}",
        f"当事人：{rec.party_names()}",
        f"达成日期：{chinese_date(a.reached_on)}；{state}",
    )


def _printed_version(desk: Desk, case_id: str, content_sha256: str) -> dict[str, Any] | None:
    """The latest generation audited for this case with that content, or None."""
    with desk.read() as s:
        rows = s.execute(
            select(AuditRecord.detail, AuditRecord.at, AuditRecord.actor_name)
            .where(
                AuditRecord.entity == "case",
                AuditRecord.entity_id == case_id,
                AuditRecord.action == "document.generate",
            )
            .order_by(AuditRecord.seq.desc())
        )
        for detail, at, who in rows:
            if detail.get("content_sha256") == content_sha256 and isinstance(detail.get("fields"), dict):
                return {"fields": detail["fields"], "at": f"{beijing(at):%Y-%m-%d %H:%M}", "actor": who}
    return None


def _audit(desk: Desk, actor: Actor, rec: CaseRecord, status: str, changed: tuple[str, ...]) -> None:
    with desk.write(actor) as uow:
        uow.audit("document.verify", "case", rec.case_id, status=status, changed=list(changed))
