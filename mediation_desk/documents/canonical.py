"""The canonical content of an agreement and the verification code printed on it (QR).

Canonical content, version "mediation-desk/agreement/1": a JSON object of the legally relevant
fields, serialised with sorted keys, no insignificant whitespace, UTF-8 (characters as they are,
never escaped), dates as YYYY-MM-DD, the amount as a string with two decimals, absent values as
null:

    version, committee {code, name}, number (协议书编号 = 案号), form (written | oral), reached_on,
    parties [{role, kind, name, id_type, id_number, uscc, representative}] in the intake's order,
    facts, disputed_issues, responsibility, terms [...], performance_method,
    performance_deadline, amount, copies (parties + 1)

Contact details, occupation and the state of signing or performance are left out on purpose:
they change after printing without changing what was agreed.

The verification code is ``MDA1|<committee code>|<agreement number>|<SHA-256 of the content>``:
anyone holding the paper and the desk can tell, offline, whether the record still says what
was printed."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mediation_desk.documents.content import CaseRecord
from mediation_desk.errors import ValidationError
from mediation_desk.mediation.case_access import normalise_number

VERSION = "mediation-desk/agreement/1"
PAYLOAD_TAG = "MDA1"
MAX_PAYLOAD = 300
FIELD_DIGEST_CHARS = 16  # enough to tell which field changed
_CODE = re.compile(r"[A-Za-z0-9\-]{2,32}")
_SHA = re.compile(r"[0-9a-f]{64}")

LABELS = {
    "version": "校验格式版本",
    "committee.code": "调解委员会代码",
    "committee.name": "调解委员会名称",
    "number": "协议书编号",
    "form": "协议形式",
    "reached_on": "达成日期",
    "parties": "当事人人数",
    "facts": "主要事实",
    "disputed_issues": "争议事项",
    "responsibility": "各方责任",
    "terms": "条款数量",
    "performance_method": "履行方式",
    "performance_deadline": "履行期限",
    "amount": "协议金额",
    "copies": "协议份数",
}
PARTY_LABELS = {
    "role": "身份",
    "kind": "类型",
    "name": "姓名或名称",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "uscc": "统一社会信用代码",
    "representative": "法定代表人或负责人",
}
_ITEM = re.compile(r"^(parties|terms)\[(\d+)\](?:\.(\w+))?$")


def canonical_content(rec: CaseRecord) -> dict[str, Any]:
    a = rec.agreement
    if a is None:
        raise ValueError("the case has no agreement")
    return {
        "version": VERSION,
        "committee": {"code": rec.committee_code, "name": rec.committee_name},
        "number": rec.number,
        "form": a.form,
        "reached_on": a.reached_on.isoformat(),
        "parties": [
            {
                "role": p.role,
                "kind": p.kind,
                "name": p.name,
                "id_type": p.id_type_label,
                "id_number": p.id_number,
                "uscc": p.uscc,
                "representative": p.representative if p.is_legal else None,
            }
            for p in rec.parties
        ],
        "facts": a.facts,
        "disputed_issues": a.disputed_issues,
        "responsibility": a.responsibility,
        "terms": list(a.terms),
        "performance_method": a.performance_method,
        "performance_deadline": a.performance_deadline.isoformat() if a.performance_deadline else None,
        "amount": str(a.amount) if a.amount is not None else None,
        "copies": len(rec.parties) + 1,
    }


def canonical_bytes(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_sha256(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def flatten(content: Any, prefix: str = "") -> dict[str, str]:
    """Field path → canonical JSON of its value (a list also gives its length under its own path)."""
    out: dict[str, str] = {}
    if isinstance(content, dict):
        for key, value in content.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(content, list):
        out[prefix] = str(len(content))
        for i, value in enumerate(content):
            out.update(flatten(value, f"{prefix}[{i}]"))
    else:
        out[prefix] = json.dumps(content, ensure_ascii=False)
    return out


def field_digests(content: dict[str, Any], keyed_hash: Callable[[str], str | None]) -> dict[str, str]:
    """A keyed digest of each field (the desk's index key: not reversible without the data key),
    kept in the audit when an agreement is printed, so a later verification can say which
    fields changed without any personal value being stored in the audit log."""
    return {
        path: (keyed_hash(f"{path}\x1f{value}") or "")[:FIELD_DIGEST_CHARS] for path, value in flatten(content).items()
    }


def field_label(path: str) -> str:
    """A field path in words: "terms[2]" → 第 3 项条款, "parties[0].id_number" → 第 1 方当事人的证件号码."""
    if path in LABELS:
        return LABELS[path]
    m = _ITEM.match(path)
    if m and m.group(1) == "terms":
        return f"第 {int(m.group(2)) + 1} 项条款"
    if m:
        return f"第 {int(m.group(2)) + 1} 方当事人的{PARTY_LABELS.get(m.group(3) or '', '信息')}"
    return path


@dataclass(frozen=True)
class Payload:
    committee_code: str
    number: str
    sha256: str

    def __str__(self) -> str:
        return make_payload(self.committee_code, self.number, self.sha256)


def make_payload(committee_code: str, number: str, sha256: str) -> str:
    return f"{PAYLOAD_TAG}|{committee_code}|{number}|{sha256}"


def parse_payload(text: object) -> Payload:
    """The parts of a verification code as scanned or typed; a clear refusal otherwise."""

    def bad(rule: str, message: str) -> ValidationError:
        return ValidationError.single("payload", rule, message)

    if not isinstance(text, str) or not text.strip():
        raise bad("required", "校验码不能为空")
    text = text.strip()
    if len(text) > MAX_PAYLOAD:
        raise bad("payload_too_long", f"校验码过长（{len(text)} 个字符），不是本系统打印的协议校验码")
    parts = text.split("|")
    if parts[0] != PAYLOAD_TAG:
        raise bad("payload_format", f"不是本系统的协议校验码：应以 {PAYLOAD_TAG}| 开头")
    if len(parts) != 4:
        raise bad("payload_format", "校验码格式不正确：应为 MDA1|委员会代码|协议书编号|校验值 四段")
    _, code, number_text, digest = (p.strip() for p in parts)
    if not _CODE.fullmatch(code):
        raise bad("payload_committee", f"校验码中的调解委员会代码「{code}」格式不正确")
    number = normalise_number(number_text)
    if number is None:
        raise bad("payload_number", f"校验码中的协议书编号「{number_text}」格式不正确")
    digest = digest.lower()
    if not _SHA.fullmatch(digest):
        raise bad("payload_digest", "校验码中的校验值应为 64 位十六进制数字")
    return Payload(code, number, digest)
