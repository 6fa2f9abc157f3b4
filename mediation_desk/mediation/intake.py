"""受理登记: validate a dispute's intake and open a numbered case, in one unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import Actor, UnitOfWork, acting_now, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import Problems, ValidationError
from mediation_desk.mediation import date_rules, search_index, states
from mediation_desk.mediation.dispute_types import resolve_type
from mediation_desk.mediation.models_case import CaseNumberCounter, CaseParty, CaseTransition, MediationCase
from mediation_desk.mediation.numbering import format_case_number
from mediation_desk.mediation.people import resolve_party, validate_person
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text, parse_amount, parse_date

SOURCES = {"application": "依申请", "initiative": "主动调解", "referral": "委托移送"}
REFERRERS = {"court": "法院", "procuratorate": "检察院", "police": "公安", "petition": "信访", "other": "其他"}
ROLES = {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}
RISK_FLAGS = {  # also the monthly report's prevention counters
    "suicide": "防止自杀",
    "civil_to_criminal": "防止民转刑",
    "group_petition": "防止群体性上访",
    "group_fight": "防止群体性械斗",
}
MAX_PARTIES = 50


@dataclass(frozen=True)
class IntakeSpec:
    source: str
    referrer_kind: str | None
    referrer_name: str | None
    found_in_screening: bool
    dispute_type: str
    dispute_subtype: str | None
    brief_facts: str
    requests: str | None
    amount: Decimal | None
    persons_involved: int
    risk_flags: tuple[str, ...]
    area: str | None
    accepted_on: dt.date
    private_mediation: bool
    parties: tuple[Mapping[str, Any], ...]


def validate_intake(data: Mapping[str, Any], today: dt.date | None = None) -> IntakeSpec:
    """Pure check of an intake form; every problem reported at once, named by field."""
    p = Problems()

    source = data.get("source") or "application"
    if source not in SOURCES:
        p.add("source", "source", f"来源须为：{'、'.join(f'{k}（{v}）' for k, v in SOURCES.items())}")
    referrer_kind = data.get("referrer_kind") or None
    referrer_name = p.check(
        clean_text, data.get("referrer_name"), "referrer_name", "移送单位", required=False, max_chars=64
    )
    if source == "referral":
        if referrer_kind not in REFERRERS:
            p.add("referrer_kind", "referrer_kind", f"委托移送须注明移送机关：{'、'.join(REFERRERS.values())}")
    else:
        if referrer_kind:
            p.add("referrer_kind", "referrer_without_referral", "只有来源为委托移送的案件才有移送机关")
        if referrer_name:  # would otherwise be stored on a case that was never referred
            p.add("referrer_name", "referrer_without_referral", "只有来源为委托移送的案件才有移送单位")
    dispute = p.check(resolve_type, str(data.get("dispute_type") or ""), data.get("dispute_subtype"))
    facts = p.check(
        clean_text, data.get("brief_facts"), "brief_facts", "简要案情", required=True, max_chars=4000, multiline=True
    )
    requests = p.check(
        clean_text, data.get("requests"), "requests", "当事人请求", required=False, max_chars=2000, multiline=True
    )
    amount = p.check(parse_amount, data.get("amount"), "amount", "涉及金额")
    persons = data.get("persons_involved")
    parties_raw = data.get("parties") or []
    if persons is None:
        persons = max(len(parties_raw), 1)
    if not isinstance(persons, int) or isinstance(persons, bool) or not 1 <= persons <= 100000:
        p.add("persons_involved", "persons_range", "涉及人数须为 1–100000 的整数")
    flags = tuple(data.get("risk_flags") or ())
    if bad := [f for f in flags if f not in RISK_FLAGS]:
        p.add("risk_flags", "risk_flag", f"未知的风险标记：{'、'.join(map(str, bad))}")
    area = p.check(clean_text, data.get("area"), "area", "纠纷发生地", required=False, max_chars=64)
    # The day the action is taken (a unit of work acting at another moment included): a case
    # cannot be accepted on a day still to come.
    today = today or china_today(acting_now())
    accepted = p.check(parse_date, data.get("accepted_on"), "accepted_on", "受理日期") or today
    if future := date_rules.not_in_future(date_rules.ACCEPTED_ON, accepted, today):
        p.items.append(future)
    if not isinstance(parties_raw, list) or not parties_raw:
        p.add("parties", "parties_required", "至少登记一名当事人（申请人）")
        parties_raw = []
    if len(parties_raw) > MAX_PARTIES:
        p.add("parties", "parties_too_many", f"当事人最多 {MAX_PARTIES} 名，群体纠纷请登记代表")
    roles = []
    for i, party in enumerate(parties_raw[:MAX_PARTIES]):
        if not isinstance(party, Mapping):
            p.add(f"parties[{i}]", "party_format", "当事人信息格式错误")
            continue
        role = party.get("role") or ("applicant" if i == 0 else "respondent")
        roles.append(role)
        if role not in ROLES:
            p.add(f"parties[{i}].role", "party_role", f"当事人身份须为：{'、'.join(ROLES.values())}")
        if not party.get("person_id"):
            try:
                validate_person(party)
            except ValidationError as e:
                p.extend(e, f"parties[{i}]")
    if source == "application" and roles and "applicant" not in roles:
        p.add("parties", "applicant_required", "依申请受理的案件须有申请人")
    p.raise_if_any()
    return IntakeSpec(
        source=source,
        referrer_kind=referrer_kind if source == "referral" else None,
        referrer_name=referrer_name,
        found_in_screening=bool(data.get("found_in_screening")),
        dispute_type=dispute[0],
        dispute_subtype=dispute[1],
        brief_facts=facts,
        requests=requests,
        amount=amount,
        persons_involved=persons,
        risk_flags=flags,
        area=area,
        accepted_on=accepted,
        private_mediation=bool(data.get("private_mediation", True)),
        parties=tuple(parties_raw),
    )


def next_case_number(uow: UnitOfWork, committee: Any, year: int, seat: int) -> tuple[int, str]:
    """Take the next sequence of this desk's series; the write lock makes it race-free."""
    s = uow.session
    counter = s.get(CaseNumberCounter, (committee.id, year, seat))
    if counter is None:
        # Imported or restored cases may already use numbers: start after the highest.
        highest = (
            s.scalars(
                select(MediationCase.seq)
                .where(
                    MediationCase.committee_id == committee.id, MediationCase.year == year, MediationCase.seat == seat
                )
                .order_by(MediationCase.seq.desc())
                .limit(1)
            ).first()
            or 0
        )
        counter = CaseNumberCounter(committee_id=committee.id, year=year, seat=seat, last_seq=highest)
        s.add(counter)
    counter.last_seq += 1
    return counter.last_seq, format_case_number(year, committee.case_word, seat, counter.last_seq)


def to_fen(amount: Decimal | None) -> int | None:
    """Amounts are stored as whole fen (分): exact, and sums never drift."""
    return None if amount is None else int(amount * 100)


def from_fen(fen: int | None) -> Decimal | None:
    """Yuan with exactly two decimals ("1200.50"), as printed on an agreement."""
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))


def build_search_text(number: str, names: list[str], facts: str, requests: str | None, referrer: str | None) -> str:
    """What free-text search looks in. No phone or ID numbers: those are found by exact lookup."""
    return "\n".join(x for x in (number, " ".join(names), facts, requests or "", referrer or "") if x)


@dataclass(frozen=True)
class OpenedCase:
    """A case just opened at intake: what the intake page shows and hands on."""

    id: str
    number: str  # 案号, e.g. （2026）谢调字第 0065 号


def open_case(desk: Desk, actor: Actor, data: Mapping[str, Any]) -> str:
    """Validate and save an intake; returns the new case id. Nothing is saved on any error."""
    return open_numbered_case(desk, actor, data).id


def open_numbered_case(desk: Desk, actor: Actor, data: Mapping[str, Any]) -> OpenedCase:
    """Validate and save an intake in one unit of work; the new case's id and number. Nothing
    is saved on any error."""
    roles.authorize(actor, "case.create")
    spec = validate_intake(data)
    vault = desk.require_vault()  # parties' personal data are stored encrypted
    with desk.write(actor) as uow:
        s = uow.session
        committee = desk.committee(s)
        seq, number = next_case_number(uow, committee, spec.accepted_on.year, desk.seat)
        persons = []
        for i, party in enumerate(spec.parties):
            try:
                persons.append(resolve_party(uow, committee.id, party, vault))
            except ValidationError as e:
                raise e.prefixed(f"parties[{i}]") from None
        if len({p.id for p in persons}) != len(persons):
            raise ValidationError.single("parties", "party_duplicate", "同一当事人被重复登记")
        hlc = uow.tick()
        case = MediationCase(
            committee_id=committee.id,
            number=number,
            year=spec.accepted_on.year,
            seat=desk.seat,
            seq=seq,
            source=spec.source,
            referrer_kind=spec.referrer_kind,
            referrer_name=spec.referrer_name,
            found_in_screening=spec.found_in_screening,
            dispute_type=spec.dispute_type,
            dispute_subtype=spec.dispute_subtype,
            brief_facts=spec.brief_facts,
            requests=spec.requests,
            amount_fen=to_fen(spec.amount),
            persons_involved=spec.persons_involved,
            risk_flags=list(spec.risk_flags),
            prevented=[],
            area=spec.area,
            private_mediation=spec.private_mediation,
            accepted_on=spec.accepted_on,
            status=states.ACCEPTED,
            status_changed_at=uow.now,
            routes_told=[],
            search_text=build_search_text(
                number, [p.name for p in persons], spec.brief_facts, spec.requests, spec.referrer_name
            ),
            created_by=actor.username,
            created_at=uow.now,
            updated_at=uow.now,
            updated_hlc=hlc,
        )
        s.add(case)
        s.flush()
        search_index.index_many(s, [(case.id, case.search_text)])  # a new case: nothing to replace
        for i, (person, party) in enumerate(zip(persons, spec.parties, strict=False)):
            role = party.get("role") or ("applicant" if i == 0 else "respondent")
            s.add(
                CaseParty(
                    case_id=case.id,
                    person_id=person.id,
                    role=role,
                    position=i,
                    agent_name=party.get("agent_name") or None,
                )
            )
        s.add(
            CaseTransition(
                case_id=case.id,
                from_status=None,
                to_status=states.ACCEPTED,
                at=uow.now,
                hlc=hlc,
                actor=actor.username,
                reason=None,
                details={},
            )
        )
        uow.audit("case.open", "case", case.id, number=number, parties=len(persons))
        uow.outbox("case", case.id, "create", case_sync_payload(case))
        return OpenedCase(case.id, number)


def case_sync_payload(case: MediationCase) -> dict[str, Any]:
    """Minimum necessary for the district (PIPL): status, type, source, dates, amounts, counts —
    no names, ID numbers or session records."""
    return {
        "number": case.number,
        "year": case.year,
        "seat": case.seat,
        "seq": case.seq,
        "committee_id": case.committee_id,
        "source": case.source,
        "referrer_kind": case.referrer_kind,
        "found_in_screening": case.found_in_screening,
        "dispute_type": case.dispute_type,
        "dispute_subtype": case.dispute_subtype,
        "amount_fen": case.amount_fen,
        "persons_involved": case.persons_involved,
        "risk_flags": list(case.risk_flags),
        "accepted_on": case.accepted_on.isoformat(),
        "status": case.status,
        "updated_hlc": case.updated_hlc,
    }
