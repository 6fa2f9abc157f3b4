"""Retention (保管期限): the policy and its checks, which cases have expired, and the purge —
personal content gone from the rows, the raw database file and the attachments folder, while the
monthly report stays exactly the same and the audit chain still verifies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    audit_actions,
    case_row,
    count,
    env,
    intake,
    parties_of,
    party,
    refused,
    today,
)
from sqlalchemy import select, update

from mediation_desk.capabilities import register_all
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.registry import Expired, Registry, RetentionPeriod
from mediation_desk.errors import DeskError, NotFound, PermissionDenied, ValidationError
from mediation_desk.lifecycle import consent, retention
from mediation_desk.lifecycle.retention import ERASED_NAME
from mediation_desk.mediation import (
    agreement,
    assignment,
    attachments,
    followup,
    retention_rule,
    sessions,
    states,
    stats,
    workflow,
)
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.mediation.models_case import (
    Agreement,
    Attachment,
    CaseParty,
    CaseTransition,
    FollowUp,
    MediationCase,
    SessionRecord,
)
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.mediation.retention_rule import DEFAULT_YEARS, ERASED
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person

CHINA = dt.timezone(dt.timedelta(hours=8))
OUYANG = party("欧阳静霞", 701, male=False, phone="13957500701")  # only in the old case
ZHUGE = party("诸葛明远", 702, phone="13957500702")  # in the old case and in a live one
FACTS = "两家因祖传桑树林的地界发生争执，砍伐了十二棵桑树"
OLD = {  # everything typed into the old case: none of it may survive the purge
    "facts": FACTS,
    "requests": "要求赔偿桑树损失",
    "statement": "欧阳静霞陈述：桑树是爷爷那辈种下的",
    "checked": "桑树确系欧阳家所种",
    "responsibility": "诸葛一方负主要责任",
    "term": "诸葛明远赔偿欧阳静霞桑树损失",
    "note": "回访时双方已和好如初，桑树林补种完毕",
    "place": "桑树林边",
    "helper": "村支书钱大海",
    "file": "欧阳静霞借条.txt",
    "file_note": "欧阳静霞提供",
}
OTHER = {  # the other cases' texts
    "facts": "村集体山林承包合同纠纷，涉及全组村民",
    "requests": "要求按合同分配",
    "statement": "申请人陈述：合同写明五年",
    "checked": "合同原件在村委",
    "responsibility": "双方均有责任",
    "term": "按原合同分配收益",
    "note": "已按协议分配",
    "place": "村委会议室",
    "helper": "老党员周伯",
    "file": None,
    "file_note": None,
}
FILE_TEXT = "借条：今借到桑树林承包款叁仟元整"
CLOSED_ON = dt.date(1990, 6, 20)
MOVES = {  # when each move of the old case happened (Beijing time)
    states.ACCEPTED: dt.datetime(1990, 3, 5, 9),
    states.ASSIGNED: dt.datetime(1990, 3, 6, 9),
    states.IN_MEDIATION: dt.datetime(1990, 3, 20, 9),
    states.AGREED: dt.datetime(1990, 4, 10, 9),
    states.FOLLOW_UP: dt.datetime(1990, 5, 2, 9),
    states.CLOSED: dt.datetime(1990, 6, 20, 9),
}
MONTHS = ("1990-03", "1990-04", "1990-05", "1990-06")


def closed_case(env: Env, tmp_path: Path, *parties: dict, text: dict = OLD, **changes: str) -> str:
    """A case taken all the way to 已结案: session, written agreement, follow-up, attachment."""
    desk, admin = env.desk, env.admin
    t = text | changes
    case_id = intake_svc.open_case(
        desk,
        admin,
        intake(
            *parties, brief_facts=t["facts"], requests=t["requests"], amount="3000", risk_flags=["civil_to_criminal"]
        ),
    )
    assignment.assign(desk, admin, case_id, [the_mediator(env)])
    people = parties_of(desk, case_id)
    sessions.add_session(
        desk,
        admin,
        case_id,
        {
            "place": t["place"],
            "matter": t["facts"][:20],
            "recorder": "金晓燕",
            "participants": [p["name"] for p in parties if "name" in p],
            "helpers": [t["helper"]],
            "statements": [{"person_id": people[0], "text": t["statement"]}],
            "facts_checked": t["checked"],
            "result": "双方同意赔偿",
            "outcome": "agreement",
        },
    )
    agreement.record_agreement(
        desk,
        admin,
        case_id,
        {
            "form": "written",
            "facts": t["facts"],
            "disputed_issues": "归属与赔偿",
            "responsibility": t["responsibility"],
            "terms": [t["term"]],
            "performance_method": "现金当面交付",
            "amount": "3000.00",
        },
    )
    agreement.confirm_signatures(desk, admin, case_id)
    followup.record_follow_up(
        desk, admin, case_id, {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": t["note"]}
    )
    if t["file"]:
        src = tmp_path / t["file"]
        src.write_text(FILE_TEXT, encoding="utf-8")
        attachments.attach_file(desk, admin, case_id, src, kind="evidence", note=t["file_note"])
    workflow.transition(desk, admin, case_id, states.CLOSED, prevented=["civil_to_criminal"])
    return case_id


def the_mediator(env: Env) -> str:
    with env.desk.read() as s:
        found = s.scalars(select(Mediator.id).where(Mediator.name == "谢阿根")).first()
    return found or add_mediator(env, "谢阿根")


def backdate(
    env: Env, case_id: str, *, closed_on: dt.date | None = CLOSED_ON, moves: dict[str, dt.datetime] = MOVES
) -> None:
    """Move a case's dates back in time, as if it had ended long ago."""
    with env.desk.write(env.admin) as uow:
        s = uow.session
        last = max(moves.values()).replace(tzinfo=CHINA)
        s.execute(
            update(MediationCase)
            .where(MediationCase.id == case_id)
            .values(accepted_on=min(moves.values()).date(), closed_on=closed_on, status_changed_at=last)
        )
        for t in s.scalars(select(CaseTransition).where(CaseTransition.case_id == case_id)):
            t.at = moves[t.to_status].replace(tzinfo=CHINA)
        if states.AGREED in moves:  # the agreement's legal dates, which the statistics count by
            agreed_on = moves[states.AGREED].date()
            s.execute(
                update(Agreement)
                .where(Agreement.case_id == case_id, Agreement.effective_on.is_not(None))
                .values(reached_on=agreed_on, effective_on=agreed_on)
            )


def raw_bytes(env: Env) -> bytes:
    db = env.desk.paths.database
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def in_raw(raw: bytes, value: str) -> bool:
    """As UTF-8 text or as it sits inside a JSON column (\\uXXXX escapes)."""
    return value.encode("utf-8") in raw or json.dumps(value)[1:-1].encode("ascii") in raw


def reports(env: Env) -> dict[str, stats.MonthlyReport]:
    return {m: stats.monthly_report(env.desk, m) for m in (*MONTHS, today().strftime("%Y-%m"))}


@pytest.fixture
def old(env: Env, tmp_path: Path) -> dict[str, str]:
    """An old closed case (1990) with both parties, and a live case of 诸葛明远's."""
    old_id = closed_case(env, tmp_path, OUYANG, ZHUGE)
    backdate(env, old_id)
    people = parties_of(env.desk, old_id)
    live = intake_svc.open_case(
        env.desk, env.admin, intake({"person_id": people[1], "role": "applicant"}, party("钱小妹", 703, male=False))
    )
    return {"old": old_id, "live": live, "ouyang": people[0], "zhuge": people[1]}


# ------------------------------------------------------------------ the policy


def test_policy_defaults_and_changes(env: Env) -> None:
    assert retention.get_policy(env.desk) == {"long": 30, "short": 10, "declined": 3}
    assert retention.set_policy(env.desk, env.admin, short=15) == {"long": 30, "short": 15, "declined": 3}
    assert retention.set_policy(env.desk, env.admin, long=50, declined=5) == {"long": 50, "short": 15, "declined": 5}
    assert retention.get_policy(env.desk) == {"long": 50, "short": 15, "declined": 5}
    assert audit_actions(env.desk).count("retention.policy") == 2


@pytest.mark.parametrize(
    "years, problem",
    [
        ({"long": 0}, ("long", "retention_years")),
        ({"short": 101}, ("short", "retention_years")),
        ({"declined": "3"}, ("declined", "retention_years")),
        ({"long": 2.5}, ("long", "retention_years")),
        ({"short": True}, ("short", "retention_years")),
        ({"permanent": 10}, ("permanent", "retention_class")),
        ({"short": 40}, ("short", "retention_years")),  # longer than 长期 (30)
    ],
)
def test_policy_validation(env: Env, years: dict, problem: tuple[str, str]) -> None:
    with pytest.raises(ValidationError) as e:
        retention.set_policy(env.desk, env.admin, **years)
    assert problem in refused(e)
    assert retention.get_policy(env.desk) == DEFAULT_YEARS
    assert "retention.policy" not in audit_actions(env.desk)


def test_policy_is_for_the_admin_only(env: Env) -> None:
    clerk = actor(env, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        retention.set_policy(env.desk, clerk, long=40)
    with pytest.raises(PermissionDenied):
        retention.purge_expired(env.desk, clerk)
    with pytest.raises(PermissionDenied):
        retention.purge_expired(env.desk, clerk, dry_run=True)
    # Decided by the role table (retention.manage, purge) and audited as refused.
    with env.desk.read() as s:
        denied = s.scalars(
            select(AuditRecord).where(AuditRecord.action == "access.denied").order_by(AuditRecord.seq)
        ).all()
        assert [(r.actor_name, r.detail["refused_action"]) for r in denied] == [
            ("clerk", "retention.manage"),
            ("clerk", "purge"),
            ("clerk", "purge"),
        ]
    assert retention.get_policy(env.desk) == DEFAULT_YEARS


def test_damaged_policy_is_refused_not_replaced_by_defaults(env: Env) -> None:
    from mediation_desk.storage.state import DeskState

    with env.desk.write(env.admin) as uow:
        uow.session.merge(DeskState(key=retention.POLICY_KEY, value="{not json"))
    with pytest.raises(DeskError, match="保管期限设置已损坏"):
        retention.purge_expired(env.desk, env.admin)


def test_case_retention_class(env: Env) -> None:
    case_id = intake_svc.open_case(env.desk, env.admin, intake(party("王永年", 1), party("陈建林", 2)))
    assert case_row(env.desk, case_id).retention == "long"
    clerk = actor(env, "clerk", "clerk")
    number = case_row(env.desk, case_id).number
    assert retention_rule.set_case_retention(env.desk, clerk, number, "permanent") == "permanent"
    assert case_row(env.desk, case_id).retention == "permanent"
    assert audit_actions(env.desk, case_id)[-1] == "case.retention"
    with pytest.raises(ValidationError) as e:
        retention_rule.set_case_retention(env.desk, env.admin, case_id, "forever")
    assert refused(e) == {("retention", "retention_class")}
    with pytest.raises(NotFound):
        retention_rule.set_case_retention(env.desk, env.admin, "（2026）谢调字第 9999 号", "short")
    mediator = actor(env, "xieagen", "mediator", mediator_id=the_mediator(env))
    with pytest.raises(PermissionDenied) as denied:
        retention_rule.set_case_retention(env.desk, mediator, case_id, "short")
    assert (denied.value.action, str(denied.value)) == ("case.retention", "调解员无权设置案卷保管期限")
    assert case_row(env.desk, case_id).retention == "permanent"
    assert audit_actions(env.desk, case_id)[-1] == "access.denied"  # refused on this case, audited


# ------------------------------------------------------------------ which cases have expired


def test_periods_run_from_the_next_first_of_january(env: Env) -> None:
    case_id = intake_svc.open_case(env.desk, env.admin, intake(party("王永年", 1), party("陈建林", 2)))
    with env.desk.write(env.admin) as uow:
        uow.session.execute(
            update(MediationCase).values(status=states.CLOSED, closed_on=dt.date(2015, 6, 1), retention="short")
        )
    policy = DEFAULT_YEARS

    def expired(on: dt.date) -> bool:
        with env.desk.read() as s:
            return case_id in {c.id for c in retention_rule.expired_cases(s, policy, on)}

    assert retention_rule.expires_on(case_row(env.desk, case_id), policy) == dt.date(2026, 1, 1)
    assert not expired(dt.date(2025, 12, 31))
    assert expired(dt.date(2026, 1, 1))
    with env.desk.write(env.admin) as uow:
        uow.session.execute(update(MediationCase).values(retention="long"))
    assert not expired(dt.date(2026, 1, 1)) and expired(dt.date(2046, 1, 1))
    with env.desk.write(env.admin) as uow:
        uow.session.execute(update(MediationCase).values(retention="permanent"))
    assert not expired(dt.date(2999, 1, 1))
    assert retention_rule.expires_on(case_row(env.desk, case_id), policy) is None


def test_declined_and_escalated_cases_use_their_own_period(env: Env) -> None:
    declined = intake_svc.open_case(env.desk, env.admin, intake(party("王永年", 1), party("陈建林", 2)))
    workflow.transition(env.desk, env.admin, declined, states.DECLINED, reason="被申请人明确拒绝调解")
    escalated = intake_svc.open_case(env.desk, env.admin, intake(party("赵六斤", 3), party("孙大伯", 4)))
    workflow.transition(env.desk, env.admin, escalated, states.ESCALATED, reason="可能激化", escalate_to="town")
    open_one = intake_svc.open_case(env.desk, env.admin, intake(party("李大伯", 5), party("周小妹", 6)))
    with env.desk.write(env.admin) as uow:  # all three changed status in March 2020 (Beijing)
        uow.session.execute(update(MediationCase).values(status_changed_at=dt.datetime(2020, 3, 1, 9, tzinfo=CHINA)))
    with env.desk.read() as s:
        assert {c.id for c in retention_rule.expired_cases(s, DEFAULT_YEARS, dt.date(2023, 12, 31))} == set()
        assert {c.id for c in retention_rule.expired_cases(s, DEFAULT_YEARS, dt.date(2024, 1, 1))} == {
            declined,
            escalated,
        }
        assert open_one not in {c.id for c in retention_rule.expired_cases(s, DEFAULT_YEARS, dt.date(2200, 1, 1))}


# ------------------------------------------------------------------ the purge


def test_purge_erases_personal_data_and_keeps_statistics(env: Env, old: dict[str, str], tmp_path: Path) -> None:
    desk = env.desk
    recent = closed_case(
        env,
        tmp_path,
        party("钱大有", 704),
        party("孙小梅", 705, male=False),
        text=OTHER,
        facts="两家因鸡鸭进菜园发生口角，菜苗被啄坏",
    )
    permanent = closed_case(env, tmp_path, party("司马长风", 706), party("上官云燕", 707, male=False), text=OTHER)
    backdate(env, permanent)
    retention_rule.set_case_retention(desk, env.admin, permanent, "permanent")
    with desk.read() as s:
        stored_file = s.scalars(select(Attachment.stored_name).where(Attachment.case_id == old["old"])).one()
    assert (desk.paths.attachments / stored_file).is_file()
    before = reports(env)
    assert before["1990-03"].accepted >= 2 and before["1990-04"].agreement_amount > 0
    raw = raw_bytes(env)
    for value in ("欧阳静霞", FACTS, OLD["note"], OLD["checked"]):
        assert in_raw(raw, value), value  # present before: the checks below mean something

    report = retention.purge_expired(desk, env.admin)

    number = case_row(desk, old["old"]).number
    assert report.records == (number,) and not report.dry_run
    assert (report.persons_anonymised, report.persons_kept, report.files_deleted) == (1, 1, 1)
    assert reports(env) == before  # IDENTICAL statistics
    # The rows: personal content erased, what statistics need kept.
    case = case_row(desk, old["old"])
    assert case.purged_at is not None
    assert (case.brief_facts, case.requests, case.search_text) == (ERASED, ERASED, number)
    assert (case.status, case.closed_on, case.amount_fen, case.persons_involved) == (
        states.CLOSED,
        CLOSED_ON,
        300000,
        2,
    )
    assert (case.dispute_type, case.source, case.risk_flags, case.prevented) == (
        "neighbour",
        "application",
        ["civil_to_criminal"],
        ["civil_to_criminal"],
    )
    assert count(desk, CaseTransition, CaseTransition.case_id == old["old"]) == 6
    with desk.read() as s:
        rec = s.scalars(select(SessionRecord).where(SessionRecord.case_id == old["old"])).one()
        assert (rec.statements, rec.participants, rec.helpers, rec.facts_checked, rec.matter) == (
            [],
            [],
            [],
            None,
            None,
        )
        assert (rec.result, rec.place, rec.outcome) == (ERASED, ERASED, "agreement")
        a = s.scalars(select(Agreement).where(Agreement.case_id == old["old"])).one()
        assert (a.facts, a.disputed_issues, a.performance_method, a.responsibility, a.terms) == (
            ERASED,
            ERASED,
            ERASED,
            None,
            [],
        )
        assert (a.form, a.amount_fen, a.copies, a.reached_on) == ("written", 300000, 3, a.effective_on)
        f = s.scalars(select(FollowUp).where(FollowUp.case_id == old["old"])).one()
        assert (f.notes, f.visitor, f.satisfaction, f.performance_status) == (
            None,
            None,
            "satisfied",
            "fully_performed",
        )
        att = s.scalars(select(Attachment).where(Attachment.case_id == old["old"])).one()
        assert att.purged_at is not None and att.note is None and att.original_name == ERASED
        assert (att.kind, att.size) == ("evidence", len(FILE_TEXT.encode("utf-8"))) and len(att.sha256) == 64
        gone = s.get(Person, old["ouyang"])
        assert gone.name == ERASED_NAME and gone.purged_at is not None
        assert all(
            getattr(gone, c) is None
            for c in (
                "gender",
                "ethnicity",
                "birth_date",
                "occupation",
                "representative",
                "id_type",
                "id_number_enc",
                "id_number_idx",
                "phone_enc",
                "phone_idx",
                "address_enc",
                "legacy_id_number",
                "legacy_phone",
                "legacy_address",
            )
        )
        # 诸葛明远 is party to a live case: his record stays whole.
        kept = s.get(Person, old["zhuge"])
        assert kept.name == "诸葛明远" and kept.purged_at is None
        assert secrets_of(kept, desk.vault).phone == "13957500702"
        for other in (recent, permanent):
            assert s.get(MediationCase, other).purged_at is None
            assert s.get(MediationCase, other).brief_facts != ERASED
    # The attachment file is gone; the raw database no longer holds the name, facts or notes.
    assert not (desk.paths.attachments / stored_file).exists()
    assert all(FILE_TEXT.encode("utf-8") not in p.read_bytes() for p in desk.paths.attachments.iterdir() if p.is_file())
    raw = raw_bytes(env)
    for value in ("欧阳静霞", *OLD.values()):
        assert not in_raw(raw, value), value
    assert in_raw(raw, "诸葛明远") and in_raw(raw, "司马长风")  # the kept ones are still there
    # Search no longer finds the purged case by its former content, still finds it by number.
    from mediation_desk.mediation import search_index

    with desk.read() as s:
        assert search_index.search(s, "桑树林", 10) == []
        assert search_index.search(s, "欧阳", 10) == []
        assert old["old"] in search_index.search(s, number, 10)
    # Audited, counts only, and the chain still verifies.
    with desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "case.purge")).one()
        assert rec.entity_id == old["old"]
        assert rec.detail["sessions"] == 1 and rec.detail["attachments"] == 1
        assert rec.detail["persons_anonymised"] == 1 and rec.detail["persons_kept"] == 1
        assert "欧阳" not in json.dumps(rec.detail, ensure_ascii=False)
        assert audit_actions(desk, old["ouyang"])[-1] == "person.purge"
        assert verify_chain(s).ok
    # A second run finds nothing more to do.
    again = retention.purge_expired(desk, env.admin)
    assert (again.records, again.persons_anonymised, again.files_deleted) == ((), 0, 0)


def test_dry_run_changes_nothing(env: Env, old: dict[str, str]) -> None:
    desk = env.desk
    audits = len(audit_actions(desk))
    before = case_row(desk, old["old"])
    files = sorted(p.name for p in desk.paths.attachments.iterdir())
    plan = retention.purge_expired(desk, env.admin, dry_run=True)
    assert plan.dry_run and plan.records == (before.number,)
    assert (plan.persons_anonymised, plan.persons_kept, plan.files_deleted) == (1, 1, 1)
    after = case_row(desk, old["old"])
    assert (after.brief_facts, after.purged_at, after.search_text) == (FACTS, None, before.search_text)
    assert len(audit_actions(desk)) == audits
    assert sorted(p.name for p in desk.paths.attachments.iterdir()) == files
    with desk.read() as s:
        assert s.get(Person, old["ouyang"]).name == "欧阳静霞"
    real = retention.purge_expired(desk, env.admin)
    assert (real.records, real.persons_anonymised, real.persons_kept, real.files_deleted) == (
        plan.records,
        plan.persons_anonymised,
        plan.persons_kept,
        plan.files_deleted,
    )


def test_purge_works_on_a_locked_desk(env: Env, old: dict[str, str]) -> None:
    env.desk.lock()
    report = retention.purge_expired(env.desk, env.admin)
    assert report.records == (case_row(env.desk, old["old"]).number,)
    with env.desk.read() as s:
        assert s.get(Person, old["ouyang"]).purged_at is not None
        assert verify_chain(s).ok


def test_person_of_two_expired_cases_is_anonymised_once(env: Env, tmp_path: Path) -> None:
    first = closed_case(env, tmp_path, party("欧阳静霞", 801, male=False), party("诸葛明远", 802), file=None)
    backdate(env, first)
    people = parties_of(env.desk, first)
    second = closed_case(
        env,
        tmp_path,
        {"person_id": people[0]},
        party("司马长风", 803),
        text=OTHER,
        facts="欧阳家与司马家共用水渠的清淤分工纠纷",
    )
    backdate(env, second)
    report = retention.purge_expired(env.desk, env.admin)
    assert set(report.records) == {case_row(env.desk, first).number, case_row(env.desk, second).number}
    assert (report.persons_anonymised, report.persons_kept) == (3, 0)
    assert count(env.desk, Person, Person.purged_at.is_not(None)) == 3
    assert audit_actions(env.desk).count("person.purge") == 3


class Roster:
    """Another capability's retention rule (core/registry.py `RetentionRule`): a roster of people
    with its own period, none of whose entries has expired; it keeps the people on it."""

    name = "test_roster"
    entity = "roster"
    periods = (RetentionPeriod("roster", "名册", 5, at_most="long"),)

    def __init__(self, people: set[str]) -> None:
        self.people = people

    def expired(self, session: Any, years: Any, today: dt.date) -> list[Expired]:
        assert years["roster"] in (5, 7)  # the committee's years reach every rule
        return []

    def erase(self, uow: Any, item: Expired, years: Any, today: dt.date) -> None:
        raise AssertionError("nothing of the roster has expired")

    def keeps(self, session: Any, person_id: str, purging: Any = ()) -> bool:
        return person_id in self.people

    def erased_files(self, session: Any) -> list[str]:
        return []

    def compact(self, uow: Any) -> None:
        raise AssertionError("nothing of the roster was erased")


def test_every_registered_rule_takes_part(env: Env, old: dict[str, str]) -> None:
    registry = register_all(Registry())
    registry.add_retention_rule(Roster({old["ouyang"]}))
    with pytest.raises(ValueError, match="registered twice"):  # a period key taken by another rule, differently
        registry.add_retention_rule(
            type("Other", (Roster,), {"name": "other", "periods": (RetentionPeriod("long", "长久", 50),)})(set())
        )
    assert retention.get_policy(env.desk, registry) == DEFAULT_YEARS | {"roster": 5}
    with pytest.raises(ValidationError) as e:
        retention.set_policy(env.desk, env.admin, registry=registry, roster=31)
    assert refused(e) == {("roster", "retention_years")}  # longer than 长期
    assert retention.set_policy(env.desk, env.admin, registry=registry, roster=7)["roster"] == 7
    # 欧阳静霞 is on the roster: the roster keeps her when the old case is purged.
    plan = retention.purge_expired(env.desk, env.admin, dry_run=True, registry=registry)
    assert (plan.persons_anonymised, plan.persons_kept) == (0, 2)
    report = retention.purge_expired(env.desk, env.admin, registry=registry)
    assert report.records == (case_row(env.desk, old["old"]).number,)
    assert (report.persons_anonymised, report.persons_kept) == (0, 2)
    with env.desk.read() as s:
        assert s.get(Person, old["ouyang"]).purged_at is None


def test_a_bracelet_consent_keeps_the_person(env: Env, old: dict[str, str]) -> None:
    consent.give_consent(env.desk, env.admin, old["ouyang"], "bracelet_location")
    consent.give_consent(env.desk, env.admin, old["ouyang"], "sms_notice", note="同意接收调解短信")
    plan = retention.purge_expired(env.desk, env.admin, dry_run=True)
    assert (plan.persons_anonymised, plan.persons_kept) == (0, 2)
    # Without the bracelet consent (an SMS consent is tied to the mediation) she would be erased:
    consent.withdraw_consent(env.desk, env.admin, old["ouyang"], "bracelet_location", "不再佩戴手环")
    plan = retention.purge_expired(env.desk, env.admin, dry_run=True)
    assert (plan.persons_anonymised, plan.persons_kept) == (1, 1)
    consent.give_consent(env.desk, env.admin, old["ouyang"], "bracelet_health")
    report = retention.purge_expired(env.desk, env.admin)
    assert (report.persons_anonymised, report.persons_kept) == (0, 2)
    with env.desk.read() as s:
        assert s.get(Person, old["ouyang"]).name == "欧阳静霞"
        assert consent.has_consent(s, old["ouyang"], "bracelet_health")


def test_consent_notes_are_erased_with_the_person(env: Env, old: dict[str, str]) -> None:
    consent.give_consent(env.desk, env.admin, old["ouyang"], "photo_publicity", note="欧阳静霞本人签字同意")
    retention.purge_expired(env.desk, env.admin)
    [view] = consent.list_consents(env.desk, env.admin, old["ouyang"])
    assert view.note is None and view.purpose == "photo_publicity"  # the record of consent stays
    with env.desk.read() as s:
        assert not consent.has_consent(s, old["ouyang"], "photo_publicity")


def test_declined_case_purged_after_its_shorter_period(env: Env) -> None:
    case_id = intake_svc.open_case(
        env.desk, env.admin, intake(party("欧阳静霞", 901, male=False), party("诸葛明远", 902), brief_facts=FACTS)
    )
    workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="被申请人诸葛明远明确拒绝调解")
    month = today().strftime("%Y-%m")
    before = stats.monthly_report(env.desk, month)
    in_five_years = dt.date(today().year + 5, 1, 1)
    assert retention.purge_expired(env.desk, env.admin, today=dt.date(today().year + 3, 12, 31)).records == ()
    report = retention.purge_expired(env.desk, env.admin, today=in_five_years)
    assert report.records == (case_row(env.desk, case_id).number,) and report.persons_anonymised == 2
    assert stats.monthly_report(env.desk, month) == before
    case = case_row(env.desk, case_id)
    assert (case.status, case.status_reason, case.brief_facts) == (states.DECLINED, ERASED, ERASED)
    with env.desk.read() as s:
        assert {
            t.reason
            for t in s.scalars(
                select(CaseTransition).where(
                    CaseTransition.case_id == case_id, CaseTransition.to_status == states.DECLINED
                )
            )
        } == {ERASED}
        assert s.scalars(select(CaseParty.person_id).where(CaseParty.case_id == case_id)).all()
    assert not in_raw(raw_bytes(env), "诸葛明远")


def test_purged_case_retention_cannot_change(env: Env, old: dict[str, str]) -> None:
    retention.purge_expired(env.desk, env.admin)
    with pytest.raises(ValidationError) as e:
        retention_rule.set_case_retention(env.desk, env.admin, old["old"], "permanent")
    assert refused(e) == {("retention", "case_purged")}


def test_files_left_by_an_interrupted_purge_are_deleted_next_time(env: Env, old: dict[str, str]) -> None:
    desk = env.desk
    with desk.read() as s:
        stored = s.scalars(select(Attachment.stored_name).where(Attachment.case_id == old["old"])).one()
    path = desk.paths.attachments / stored
    kept_copy = path.read_bytes()
    retention.purge_expired(desk, env.admin)
    assert not path.exists()
    path.write_bytes(kept_copy)  # as if the deletion after the commit had failed
    report = retention.purge_expired(desk, env.admin)
    assert report.records == () and report.files_deleted == 1 and not path.exists()


def test_a_file_that_cannot_be_deleted_now_is_retried(
    env: Env, old: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError("file in use")

    with monkeypatch.context() as m:
        m.setattr(Path, "unlink", refuse)
        report = retention.purge_expired(env.desk, env.admin)
    assert report.records and (report.files_deleted, report.files_pending) == (0, 1)
    again = retention.purge_expired(env.desk, env.admin)
    assert (again.records, again.files_deleted, again.files_pending) == ((), 1, 0)
    assert [p for p in env.desk.paths.attachments.iterdir() if p.is_file()] == []
