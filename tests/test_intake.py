"""受理登记 (intake): numbering, parties, audit and outbox in one transaction, and every kind of
bad input refused with its field and rule while nothing at all is saved."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    CASE_WORD,
    Env,
    audit_actions,
    case_row,
    count,
    env,
    intake,
    outbox_ops,
    party,
    resident_id,
    today,
)
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import CaseNumberCounter, CaseParty, CaseTransition, MediationCase
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.validation import resident_id_check_char, uscc_check_char

GOOD_USCC = "91350100M000100Y43"


def open_case(env: Env, form: dict[str, Any]) -> str:
    return intake_svc.open_case(env.desk, env.admin, form)


def snapshot(env: Env) -> dict[str, Any]:
    """Everything an intake could leave behind."""
    with env.desk.read() as s:
        counters = [(c.year, c.seat, c.last_seq) for c in s.scalars(select(CaseNumberCounter))]
    return {
        "cases": count(env.desk, MediationCase),
        "persons": count(env.desk, Person),
        "parties": count(env.desk, CaseParty),
        "transitions": count(env.desk, CaseTransition),
        "audit": count(env.desk, AuditRecord),
        "outbox": count(env.desk, OutboxOp),
        "counters": counters,
    }


# ------------------------------------------------------------------ a good intake


def test_good_intake_opens_a_numbered_accepted_case(env: Env) -> None:
    form = intake(
        party("王永年", 1),
        party("陈建林", 2, male=False),
        requests="请求对方降低围墙",
        amount="1200.50",
        risk_flags=["civil_to_criminal"],
    )
    case_id = open_case(env, form)
    case = case_row(env.desk, case_id)
    year = today().year
    assert case.number == f"（{year}）{CASE_WORD}第 0001 号"
    assert (case.year, case.seat, case.seq) == (year, 1, 1)
    assert case.status == states.ACCEPTED
    assert case.accepted_on == today()
    assert case.amount_fen == 120050
    assert case.persons_involved == 2
    assert case.risk_flags == ["civil_to_criminal"] and case.prevented == []
    assert case.created_by == env.admin.username

    with env.desk.read() as s:
        links = s.execute(
            select(CaseParty.role, CaseParty.position, Person.name)
            .join(Person, Person.id == CaseParty.person_id)
            .where(CaseParty.case_id == case_id)
            .order_by(CaseParty.position)
        ).all()
        first = s.scalars(select(CaseTransition).where(CaseTransition.case_id == case_id)).one()
    assert [tuple(r) for r in links] == [("applicant", 0, "王永年"), ("respondent", 1, "陈建林")]
    assert (first.from_status, first.to_status) == (None, states.ACCEPTED)

    second = open_case(env, intake(party("赵六斤", 3), party("钱小妹", 4, male=False)))
    assert case_row(env.desk, second).number == f"（{year}）{CASE_WORD}第 0002 号"


def test_the_intake_result_carries_the_new_cases_number(env: Env) -> None:
    first = intake_svc.open_numbered_case(env.desk, env.admin, intake(party("王永年", 1), party("陈建林", 2)))
    second = intake_svc.open_numbered_case(env.desk, env.admin, intake(party("赵德胜", 3), party("钱秀英", 4)))
    year = today().year
    assert first.number == f"（{year}）{CASE_WORD}第 0001 号" == case_row(env.desk, first.id).number
    assert second.number == f"（{year}）{CASE_WORD}第 0002 号" == case_row(env.desk, second.id).number
    with pytest.raises(AttributeError):
        first.number = "（2026）改号"  # type: ignore[misc]  (a frozen result)
    before = snapshot(env)
    with pytest.raises(ValidationError) as refused:  # bad input: no result, nothing saved
        intake_svc.open_numbered_case(env.desk, env.admin, intake(party("孙大伯", 5), brief_facts=""))
    assert refused.value.problems[0].field == "brief_facts" and snapshot(env) == before


def test_intake_writes_audit_and_outbox_in_the_same_transaction(env: Env) -> None:
    before_audit = audit_actions(env.desk)
    case_id = open_case(env, intake(party("王永年", 1), party("陈建林", 2)))
    new_actions = audit_actions(env.desk)[len(before_audit) :]
    assert new_actions == ["person.create", "person.create", "case.open"]

    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "case.open")).one()
        hlc_of_case = s.get(MediationCase, case_id).updated_hlc
    assert rec.entity == "case" and rec.entity_id == case_id
    assert rec.detail == {"number": case_row(env.desk, case_id).number, "parties": 2}
    assert rec.actor_id == env.admin.operator_id

    ops = outbox_ops(env.desk, "case")
    assert len(ops) == 1
    op = ops[0]
    assert (op.kind, op.entity, op.entity_id, op.state) == ("create", "case", case_id, "pending")
    assert op.payload["status"] == "accepted" and op.payload["seq"] == 1
    assert op.payload["updated_hlc"] == hlc_of_case
    # The audit record and the outbox op were written at the same instant as the case.
    assert rec.at == case_row(env.desk, case_id).created_at == op.created_at


def test_outbox_payload_and_audit_hold_no_personal_data(env: Env) -> None:
    p1 = party("王永年", 1, address="谢塘镇谢家塘村 8 号")
    p2 = party("陈建林", 2)
    open_case(env, intake(p1, p2))
    with env.desk.read() as s:
        payloads = [json.dumps(o.payload, ensure_ascii=False) for o in s.scalars(select(OutboxOp))]
        details = [json.dumps(a.detail, ensure_ascii=False) for a in s.scalars(select(AuditRecord))]
    text = "\n".join(payloads + details)
    for secret in (
        p1["name"],
        p2["name"],
        p1["id_number"],
        p2["id_number"],
        p1["phone"],
        p2["phone"],
        "8 号",
        p1["id_number"][6:14],
    ):
        assert secret not in text
    case_payload = next(o for o in outbox_ops(env.desk, "case"))
    assert set(case_payload.payload) == {
        "number",
        "year",
        "seat",
        "seq",
        "committee_id",
        "source",
        "referrer_kind",
        "found_in_screening",
        "dispute_type",
        "dispute_subtype",
        "amount_fen",
        "persons_involved",
        "risk_flags",
        "accepted_on",
        "status",
        "updated_hlc",
    }


def test_id_number_fills_gender_and_birth_date(env: Env) -> None:
    woman = party("李秀英", 7, male=False, birth=dt.date(1949, 12, 31))
    man = party("张德明", 8, birth=dt.date(1958, 3, 1))
    del woman["ethnicity"]
    case_id = open_case(env, intake(woman, man))
    with env.desk.read() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
    assert (people["李秀英"].gender, people["李秀英"].birth_date) == ("female", dt.date(1949, 12, 31))
    assert (people["张德明"].gender, people["张德明"].birth_date) == ("male", dt.date(1958, 3, 1))
    assert people["李秀英"].id_type == "resident_id"
    assert case_row(env.desk, case_id).status == "accepted"


def test_documented_example_ids_pass(env: Env) -> None:
    case_id = open_case(
        env,
        intake(party("李秀英", 1, id_number="11010519491231002X"), party("陈老汉", 2, id_number="440524188001010014")),
    )
    with env.desk.read() as s:
        born = sorted(p.birth_date for p in s.scalars(select(Person)))
    assert born == [dt.date(1880, 1, 1), dt.date(1949, 12, 31)]
    assert case_row(env.desk, case_id).seq == 1


def test_existing_person_is_reused_by_id_number(env: Env) -> None:
    wang = party("王永年", 1)
    first = open_case(env, intake(wang, party("陈建林", 2)))
    # Same ID typed with a lower-case x would also match; here the same person with a new phone.
    second = open_case(env, intake(dict(wang, phone="13700000000"), party("赵六斤", 3)))
    assert count(env.desk, Person) == 3
    with env.desk.read() as s:
        ids = {cp.case_id: cp.person_id for cp in s.scalars(select(CaseParty).where(CaseParty.position == 0))}
    assert ids[first] == ids[second]
    assert audit_actions(env.desk).count("person.create") == 3


def test_lower_case_x_is_accepted_and_stored_upper_case(env: Env) -> None:
    first17 = "11010519491231002"
    assert resident_id_check_char(first17) == "X"
    case_id = open_case(env, intake(party("李秀英", 1, id_number=first17 + "x", male=False), party("陈建林", 2)))
    with env.desk.read() as s:
        numbers = {secrets_of(p, env.desk.vault).id_number for p in s.scalars(select(Person))}
        # The keyed hash is taken over the upper-case form, so either spelling finds the card.
        assert (
            s.scalars(select(Person.name).where(Person.id_number_idx == env.desk.vault.index(first17 + "X"))).one()
            == "李秀英"
        )
    assert first17 + "X" in numbers
    # The same card typed upper-case later is the same person.
    open_case(env, intake(party("李秀英", 1, id_number=first17 + "X", male=False), party("赵六斤", 3)))
    assert count(env.desk, Person) == 3
    assert case_row(env.desk, case_id).seq == 1


def test_same_id_with_another_name_is_refused_naming_the_party(env: Env) -> None:
    open_case(env, intake(party("王永年", 1), party("陈建林", 2)))
    before = snapshot(env)
    with pytest.raises(ValidationError) as e:
        open_case(env, intake(party("赵六斤", 3), party("王勇年", 1)))
    problem = e.value.problems[0]
    assert (problem.field, problem.rule) == ("parties[1].id_number", "document_registered_to_other")
    assert "王永年" in problem.message and "王勇年" in problem.message
    assert snapshot(env) == before  # 赵六斤 was not kept either


def test_same_id_twice_in_one_intake_with_different_names_is_refused(env: Env) -> None:
    before = snapshot(env)
    with pytest.raises(ValidationError) as e:
        open_case(env, intake(party("王永年", 1), party("王勇年", 1)))
    assert {(p.field, p.rule) for p in e.value.problems} == {("parties[1].id_number", "document_registered_to_other")}
    assert snapshot(env) == before


def test_same_person_twice_in_one_intake_is_refused(env: Env) -> None:
    before = snapshot(env)
    with pytest.raises(ValidationError) as e:
        open_case(env, intake(party("王永年", 1), party("王永年", 1)))
    assert {(p.field, p.rule) for p in e.value.problems} == {("parties", "party_duplicate")}
    assert snapshot(env) == before


def test_rare_characters_and_middle_dot_are_stored_exactly(env: Env) -> None:
    rare = "王𠀾"
    dotted = "阿卜杜拉·艾买提"
    open_case(env, intake(party(rare, 1), party(dotted, 2, ethnicity="维吾尔族")))
    with env.desk.read() as s:
        names = set(s.scalars(select(Person.name)))
    assert names == {rare, dotted}
    assert len(rare) == 2  # counted in code points


def test_legal_person_with_uscc_and_without(env: Env) -> None:
    firm = {
        "kind": "legal",
        "name": "上虞某某建材有限公司",
        "uscc": GOOD_USCC.lower(),
        "representative": "周国强",
        "representative_title": "总经理",
        "phone": "0575-82123456",
    }
    shop = {"kind": "legal", "name": "谢塘镇小李五金店", "representative": "李小龙"}
    open_case(env, intake(party("王永年", 1), firm, shop, dispute_type="contract"))
    with env.desk.read() as s:
        legal = {p.name: p for p in s.scalars(select(Person).where(Person.kind == "legal"))}
    assert legal["上虞某某建材有限公司"].uscc == GOOD_USCC
    assert secrets_of(legal["上虞某某建材有限公司"], env.desk.vault).phone == "0575-82123456"
    assert legal["谢塘镇小李五金店"].uscc is None
    # The same code again is the same organisation.
    open_case(env, intake(party("赵六斤", 3), dict(firm, uscc=GOOD_USCC), dispute_type="contract"))
    assert count(env.desk, Person, Person.kind == "legal") == 2


@pytest.mark.parametrize(
    "phone, stored",
    [
        ("0575-82123456", "0575-82123456"),
        ("057582123456", "0575-82123456"),
        ("+86 139 0000 0001", "13900000001"),
        ("+86-139-0000-0001", "13900000001"),
        ("139-0000-0001", "13900000001"),
    ],
)
def test_phone_forms_accepted(env: Env, phone: str, stored: str) -> None:
    open_case(env, intake(party("王永年", 1, phone=phone), party("陈建林", 2)))
    with env.desk.read() as s:
        wang = s.scalars(select(Person).where(Person.name == "王永年")).one()
        assert secrets_of(wang, env.desk.vault).phone == stored
        assert wang.phone_idx == env.desk.vault.index(stored)  # found again by any spelling


def test_facts_of_exactly_4000_rare_characters_are_accepted(env: Env) -> None:
    facts = "𠀾" * 4000
    case_id = open_case(env, intake(brief_facts=facts))
    assert case_row(env.desk, case_id).brief_facts == facts


def test_referral_with_referrer(env: Env) -> None:
    case_id = open_case(env, intake(source="referral", referrer_kind="police", referrer_name="谢塘派出所"))
    case = case_row(env.desk, case_id)
    assert (case.source, case.referrer_kind, case.referrer_name) == ("referral", "police", "谢塘派出所")


def test_subtype_and_chinese_labels_are_accepted(env: Env) -> None:
    case_id = open_case(env, intake(dispute_type="劳动争议", dispute_subtype="拖欠农民工工资"))
    case = case_row(env.desk, case_id)
    assert (case.dispute_type, case.dispute_subtype) == ("labour", "unpaid_wages")


def test_fifty_parties_are_accepted(env: Env) -> None:
    parties = [party(f"村民{i:02d}号", 100 + i) for i in range(50)]
    case_id = open_case(env, intake(*parties))
    assert count(env.desk, CaseParty, CaseParty.case_id == case_id) == 50


def test_accepted_on_in_the_past_numbers_in_that_year(env: Env) -> None:
    case_id = open_case(env, intake(accepted_on="2025-12-30"))
    assert case_row(env.desk, case_id).number == f"（2025）{CASE_WORD}第 0001 号"
    assert case_row(env.desk, open_case(env, intake(party("赵六斤", 3)))).seq == 1  # this year's series


# ------------------------------------------------------------------ bad input, nothing saved


def _bad_check_digit() -> str:
    good = resident_id(dt.date(1962, 5, 17), 5)
    wrong = "0" if good[-1] != "0" else "1"
    return good[:17] + wrong


def _with_check(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def _uscc_bad_check() -> str:
    first17 = GOOD_USCC[:17]
    right = uscc_check_char(first17)
    return first17 + ("0" if right != "0" else "1")


TOMORROW = "tomorrow"

BAD_PARTY_FIELDS = [
    pytest.param({"id_number": "_bad_check"}, "parties[0].id_number", "id_check_digit", id="id-check-digit"),
    pytest.param(
        {"id_number": _with_check("33060419990230001")},
        "parties[0].id_number",
        "id_birth_date",
        id="impossible-birth-date",
    ),
    pytest.param({"id_number": "_future_birth"}, "parties[0].id_number", "id_birth_date", id="future-birth-date"),
    pytest.param(
        {"id_number": _with_check("99060419620517001")}, "parties[0].id_number", "id_province", id="bad-province"
    ),
    pytest.param({"id_number": "33060419620517001"}, "parties[0].id_number", "id_length", id="17-digits"),
    pytest.param({"phone": "12345"}, "parties[0].phone", "phone_format", id="bad-phone"),
    pytest.param({"phone": "1290000000"}, "parties[0].phone", "phone_format", id="short-mobile"),
    pytest.param({"gender": "female"}, "parties[0].gender", "gender_mismatch", id="gender-contradicts-id"),
    pytest.param(
        {"birth_date": "1962-05-18"}, "parties[0].birth_date", "birth_date_mismatch", id="birth-contradicts-id"
    ),
    pytest.param({"name": "  "}, "parties[0].name", "required", id="empty-name"),
    pytest.param({"name": "王\x07年"}, "parties[0].name", "control_character", id="control-in-name"),
    pytest.param({"ethnicity": "火星族"}, "parties[0].ethnicity", "ethnicity", id="ethnicity"),
    pytest.param({"id_type": "driving_licence"}, "parties[0].id_type", "id_type", id="id-type"),
    pytest.param({"kind": "robot"}, "parties[0].kind", "person_kind", id="kind"),
    pytest.param({"role": "judge"}, "parties[0].role", "party_role", id="role"),
]


@pytest.mark.parametrize("override, field, rule", BAD_PARTY_FIELDS)
def test_bad_party_field_is_refused_and_nothing_saved(
    env: Env, override: dict[str, Any], field: str, rule: str
) -> None:
    open_case(env, intake(party("老住户", 90), party("老邻居", 91)))  # a counter and people exist
    before = snapshot(env)
    override = dict(override)
    if override.get("id_number") == "_bad_check":
        override["id_number"] = _bad_check_digit()
    if override.get("id_number") == "_future_birth":
        future = today() + dt.timedelta(days=400)
        override["id_number"] = _with_check(f"330604{future:%Y%m%d}001")
    form = intake({**party("王永年", 1), **override}, party("陈建林", 2))
    with pytest.raises(ValidationError) as e:
        open_case(env, form)
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert all(p.message for p in e.value.problems)
    assert snapshot(env) == before


BAD_LEGAL_FIELDS = [
    pytest.param({"uscc": "_bad_check"}, "uscc_check_digit", id="uscc-check"),
    pytest.param({"uscc": "91350100M000100O43"}, "uscc_characters", id="uscc-letter-O"),
    pytest.param({"uscc": "91350100M000100S43"}, "uscc_characters", id="uscc-letter-S"),
    pytest.param({"uscc": "91350100M000100Y4"}, "uscc_length", id="uscc-length"),
]


@pytest.mark.parametrize("override, rule", BAD_LEGAL_FIELDS)
def test_bad_uscc_is_refused_and_nothing_saved(env: Env, override: dict[str, Any], rule: str) -> None:
    before = snapshot(env)
    uscc = _uscc_bad_check() if override["uscc"] == "_bad_check" else override["uscc"]
    firm = {"kind": "legal", "name": "上虞某某建材有限公司", "uscc": uscc, "representative": "周国强"}
    with pytest.raises(ValidationError) as e:
        open_case(env, intake(party("王永年", 1), firm))
    assert ("parties[1].uscc", rule) in {(p.field, p.rule) for p in e.value.problems}
    assert "统一社会信用代码" in str(e.value)
    assert snapshot(env) == before


BAD_CASE_FIELDS = [
    pytest.param({"brief_facts": ""}, "brief_facts", "required", id="empty-facts"),
    pytest.param({"brief_facts": "   \n "}, "brief_facts", "required", id="blank-facts"),
    pytest.param({"brief_facts": "𠀾" * 4001}, "brief_facts", "too_long", id="facts-4001"),
    pytest.param({"brief_facts": "两家争执\x00围墙"}, "brief_facts", "control_character", id="facts-nul"),
    pytest.param({"brief_facts": "两家争执\x1b[31m"}, "brief_facts", "control_character", id="facts-escape"),
    pytest.param({"requests": "请求\x08赔偿"}, "requests", "control_character", id="requests-control"),
    pytest.param({"dispute_type": "alien_abduction"}, "dispute_type", "dispute_type_unknown", id="type"),
    pytest.param({"dispute_type": ""}, "dispute_type", "dispute_type_unknown", id="type-empty"),
    pytest.param(
        {"dispute_type": "labour", "dispute_subtype": "tourism"},
        "dispute_subtype",
        "dispute_subtype_unknown",
        id="subtype-of-other-type",
    ),
    pytest.param(
        {"dispute_type": "neighbour", "dispute_subtype": "围墙"},
        "dispute_subtype",
        "dispute_subtype_unknown",
        id="subtype-none-defined",
    ),
    pytest.param({"source": "referral"}, "referrer_kind", "referrer_kind", id="referral-without-referrer"),
    pytest.param(
        {"source": "referral", "referrer_kind": "aliens"},
        "referrer_kind",
        "referrer_kind",
        id="referral-unknown-referrer",
    ),
    pytest.param(
        {"source": "application", "referrer_kind": "court"},
        "referrer_kind",
        "referrer_without_referral",
        id="referrer-without-referral",
    ),
    pytest.param(
        {"source": "initiative", "referrer_name": "上虞区人民法院"},
        "referrer_name",
        "referrer_without_referral",
        id="referrer-name-without-referral",
    ),
    pytest.param({"source": "rumour"}, "source", "source", id="source"),
    pytest.param({"amount": "-1"}, "amount", "amount_negative", id="amount-negative"),
    pytest.param({"amount": "12.345"}, "amount", "amount_precision", id="amount-precision"),
    pytest.param({"amount": 0.1}, "amount", "amount_format", id="amount-float"),
    pytest.param({"amount": "一千元"}, "amount", "amount_format", id="amount-words"),
    pytest.param({"amount": "1000000000000.01"}, "amount", "amount_too_large", id="amount-huge"),
    pytest.param({"accepted_on": TOMORROW}, "accepted_on", "date_future", id="accepted-future"),
    pytest.param({"accepted_on": "2026-02-30"}, "accepted_on", "date_format", id="accepted-impossible"),
    pytest.param({"accepted_on": "28/11/2026"}, "accepted_on", "date_format", id="accepted-format"),
    pytest.param({"parties": []}, "parties", "parties_required", id="no-parties"),
    pytest.param({"parties": "_51"}, "parties", "parties_too_many", id="51-parties"),
    pytest.param({"parties": ["王永年"]}, "parties[0]", "party_format", id="party-not-a-form"),
    pytest.param({"persons_involved": 0}, "persons_involved", "persons_range", id="persons-zero"),
    pytest.param({"persons_involved": "3"}, "persons_involved", "persons_range", id="persons-text"),
    pytest.param({"risk_flags": ["suicide", "alien"]}, "risk_flags", "risk_flag", id="risk-flag"),
    pytest.param({"area": "村\x07"}, "area", "control_character", id="area-control"),
]


@pytest.mark.parametrize("override, field, rule", BAD_CASE_FIELDS)
def test_bad_case_field_is_refused_and_nothing_saved(env: Env, override: dict[str, Any], field: str, rule: str) -> None:
    open_case(env, intake(party("老住户", 90), party("老邻居", 91)))
    before = snapshot(env)
    override = dict(override)
    if override.get("accepted_on") == TOMORROW:
        override["accepted_on"] = (today() + dt.timedelta(days=1)).isoformat()
    if override.get("parties") == "_51":
        override["parties"] = [party(f"村民{i:02d}号", 100 + i) for i in range(51)]
    with pytest.raises(ValidationError) as e:
        open_case(env, intake(**override))
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert field in str(e.value)
    assert snapshot(env) == before


def test_every_problem_is_reported_at_once(env: Env) -> None:
    form = intake(
        party("王永年", 1, phone="12345", gender="female"),
        party("陈建林", 2, id_number="1234"),
        brief_facts="",
        dispute_type="xx",
        amount="-3",
    )
    with pytest.raises(ValidationError) as e:
        open_case(env, form)
    got = {(p.field, p.rule) for p in e.value.problems}
    assert got >= {
        ("parties[0].phone", "phone_format"),
        ("parties[0].gender", "gender_mismatch"),
        ("parties[1].id_number", "id_length"),
        ("brief_facts", "required"),
        ("dispute_type", "dispute_type_unknown"),
        ("amount", "amount_negative"),
    }
    assert snapshot(env)["cases"] == 0


def test_application_needs_an_applicant(env: Env) -> None:
    form = intake(party("王永年", 1, role="respondent"), party("陈建林", 2, role="third_party"))
    with pytest.raises(ValidationError) as e:
        open_case(env, form)
    assert ("parties", "applicant_required") in {(p.field, p.rule) for p in e.value.problems}
    # Taken up on the committee's own initiative, no applicant is needed.
    case_id = open_case(env, dict(form, source="initiative"))
    assert case_row(env.desk, case_id).source == "initiative"


def test_amounts_as_decimal_int_and_grouped_text(env: Env) -> None:
    a = open_case(env, intake(party("甲一", 1), party("乙一", 2), amount=Decimal("10.5")))
    b = open_case(env, intake(party("甲二", 3), party("乙二", 4), amount=3000))
    c = open_case(env, intake(party("甲三", 5), party("乙三", 6), amount="12,000.00"))
    assert [case_row(env.desk, x).amount_fen for x in (a, b, c)] == [1050, 300000, 1200000]


def test_find_people_before_creating_a_duplicate(env: Env) -> None:
    from mediation_desk.mediation.people import person_view
    from mediation_desk.people.identity import find_people

    first17 = "11010519491231002"
    open_case(
        env, intake(party("李秀英", 1, id_number=first17 + "X", male=False, phone="139-0000-0001"), party("陈建林", 2))
    )
    with env.desk.read() as s:
        vault = env.desk.vault
        by_id = find_people(s, vault, id_number=f" {first17}x ")
        by_phone = find_people(s, vault, phone="+86 139 0000 0001")
        by_name = find_people(s, vault, name="陈建林 ")
        assert find_people(s, vault, phone="not a phone") == []
        assert find_people(s, vault) == []
        masked = person_view(by_id[0], vault)
        full = person_view(by_id[0], vault, full=True)
    assert [p.name for p in by_id] == [p.name for p in by_phone] == ["李秀英"]
    assert [p.name for p in by_name] == ["陈建林"]
    assert (masked.id_number, masked.phone, masked.birth_date, masked.address) == (
        "110105********002X",
        "139****0001",
        None,
        None,
    )
    assert (full.id_number, full.phone, full.birth_date) == (first17 + "X", "13900000001", dt.date(1949, 12, 31))
