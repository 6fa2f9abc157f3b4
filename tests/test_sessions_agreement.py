"""调解记录 (append-only versions), attachments with their SHA-256, and the agreement: copies,
signing, the 30-day judicial-confirmation window and performance."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    agreed_case,
    agreement_data,
    assigned_case,
    case_row,
    count,
    env,
    follow_up_case,
    mediating_case,
    new_case,
    outbox_ops,
    parties_of,
    party,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.mediation import agreement, attachments, queries, sessions, states, workflow, working_days
from mediation_desk.mediation.models_case import Agreement, Attachment, SessionRecord
from mediation_desk.privacy.vault import place

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4


# ------------------------------------------------------------------ sessions


def test_first_session_starts_mediation_and_records_the_mediators(env: Env) -> None:
    case_id, mediator = assigned_case(env, accepted_on="2026-11-18")
    people = parties_of(env.desk, case_id)
    sid = sessions.add_session(
        env.desk, env.admin, case_id, session_data(people, held_at="2026-11-20 09:30", helpers=["村支书 谢国平"])
    )
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION
    with env.desk.read() as s:
        rec = s.get(SessionRecord, sid)
    assert (rec.version, rec.supersedes_id, rec.mediator_ids) == (1, None, [mediator])
    # Typed at the desk means Beijing time.
    assert rec.held_at == dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)
    assert rec.helpers == ["村支书 谢国平"]
    assert [st["person_id"] for st in rec.statements] == people
    (view,) = sessions.list_sessions(env.desk, case_id)
    assert (view.id, view.version, view.statements[0][0]) == (sid, 1, people[0])
    # A second session keeps the case in mediation.
    sessions.add_session(env.desk, env.admin, case_id, session_data(people, outcome="continue"))
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION
    assert queries.case_detail(env.desk, env.admin, case_id).sessions == 2
    op = next(iter(outbox_ops(env.desk, "session_record")))
    assert set(op.payload) == {"case_id", "outcome", "held_at"}  # no statements leave the desk


def test_correction_is_a_new_version_and_the_old_one_stays(env: Env) -> None:
    case_id = mediating_case(env)
    (v1,) = sessions.list_sessions(env.desk, case_id)
    v2_id = sessions.correct_session(
        env.desk, env.admin, v1.id, {"result": "双方同意围墙降低五十公分"}, "记录笔误：三十应为五十"
    )
    with env.desk.read() as s:
        old = s.get(SessionRecord, v1.id)
        new = s.get(SessionRecord, v2_id)
    assert (old.version, old.result, old.correction_reason) == (1, "双方同意围墙降低三十公分", None)
    assert (new.version, new.supersedes_id, new.record_key) == (2, v1.id, old.record_key)
    assert (new.result, new.correction_reason) == ("双方同意围墙降低五十公分", "记录笔误：三十应为五十")
    assert (new.place, new.statements, new.held_at) == (old.place, old.statements, old.held_at)

    latest = sessions.list_sessions(env.desk, case_id)
    assert [(v.id, v.version) for v in latest] == [(v2_id, 2)]
    every = sessions.list_sessions(env.desk, case_id, all_versions=True)
    assert [v.version for v in every] == [1, 2]
    # A correction is not a second session.
    assert queries.case_detail(env.desk, env.admin, case_id).sessions == 1

    with pytest.raises(ValidationError) as e:
        sessions.correct_session(env.desk, env.admin, v1.id, {"result": "再改"}, "再次更正")
    p = e.value.problems[0]
    assert (p.field, p.rule) == ("session_id", "not_latest_version") and "第 2 版" in p.message
    v3_id = sessions.correct_session(env.desk, env.admin, v2_id, {"place": "谢塘镇矛调中心"}, "地点有误")
    assert [v.version for v in sessions.list_sessions(env.desk, case_id, all_versions=True)] == [1, 2, 3]
    assert sessions.list_sessions(env.desk, case_id)[0].id == v3_id
    assert count(env.desk, SessionRecord) == 3


def test_correction_needs_a_reason_and_valid_fields(env: Env) -> None:
    case_id = mediating_case(env)
    (v1,) = sessions.list_sessions(env.desk, case_id)
    with pytest.raises(ValidationError) as e:
        sessions.correct_session(env.desk, env.admin, v1.id, {"result": "改"}, "")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("correction_reason", "required")
    with pytest.raises(ValidationError) as e:
        sessions.correct_session(env.desk, env.admin, v1.id, {"result": ""}, "清空")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("result", "required")
    with pytest.raises(NotFound):
        sessions.correct_session(env.desk, env.admin, "no-such-record", {"result": "x"}, "x")
    assert count(env.desk, SessionRecord) == 1


@pytest.mark.parametrize(
    "override, field, rule",
    [
        ({"result": ""}, "result", "required"),
        ({"result": "  \n  "}, "result", "required"),
        ({"place": ""}, "place", "required"),
        ({"recorder": ""}, "recorder", "required"),
        ({"outcome": "fight"}, "outcome", "outcome"),
        ({"held_at": "yesterday"}, "held_at", "datetime_format"),
        ({"held_at": "_future"}, "held_at", "date_future"),
        (
            {"statements": [{"person_id": "someone-else", "text": "我来说两句"}]},
            "statements[0].person_id",
            "not_a_party",
        ),
        ({"statements": ["王永年说……"]}, "statements[0].person_id", "not_a_party"),
        ({"statements": [{"person_id": "_party", "text": ""}]}, "statements[0].text", "required"),
        ({"participants": ["王永年", "\x00"]}, "participants[1]", "control_character"),
        ({"result": "同意\x1b降低"}, "result", "control_character"),
    ],
)
def test_bad_session_is_refused_and_nothing_saved(env: Env, override: dict[str, Any], field: str, rule: str) -> None:
    case_id, _ = assigned_case(env)
    people = parties_of(env.desk, case_id)
    if override.get("held_at") == "_future":
        override = {"held_at": dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)}
    if (
        override.get("statements")
        and isinstance(override["statements"][0], dict)
        and override["statements"][0]["person_id"] == "_party"
    ):
        override = {"statements": [{"person_id": people[0], "text": ""}]}
    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(people, **override))
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert count(env.desk, SessionRecord) == 0
    assert case_row(env.desk, case_id).status == states.ASSIGNED


def test_sessions_only_while_the_case_is_under_way(env: Env) -> None:
    case_id = new_case(env)
    people = parties_of(env.desk, case_id)
    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(people))
    assert e.value.problems[0].rule == "case_not_in_mediation"
    workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="拒绝调解")
    with pytest.raises(ValidationError):
        sessions.add_session(env.desk, env.admin, case_id, session_data(people))
    assert count(env.desk, SessionRecord) == 0


# ------------------------------------------------------------------ attachments


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def _stored_files(env: Env) -> list[str]:
    return sorted(p.name for p in env.desk.paths.attachments.iterdir())


def test_attachment_is_copied_with_its_hash_and_verified(env: Env, tmp_path: Path) -> None:
    case_id = mediating_case(env)
    src = _write(tmp_path, "现场照片.JPG", JPEG)
    view = attachments.attach_file(env.desk, env.admin, case_id, src, kind="evidence", note="围墙现状")
    assert view.sha256 == hashlib.sha256(JPEG).hexdigest()
    assert (view.size, view.media_type, view.original_name, view.note) == (
        len(JPEG),
        "image/jpeg",
        "现场照片.JPG",
        "围墙现状",
    )
    with env.desk.read() as s:
        row = s.get(Attachment, view.id)
    stored = env.desk.paths.attachments / row.stored_name
    assert stored.parent == env.root / "attachments"
    # Stored sealed with the data key, under a name that tells nothing of the content.
    assert (row.stored_name, row.encrypted) == (f"{view.id}.sealed", True)
    sealed = stored.read_bytes()
    assert JPEG[16:] not in sealed and b"JFIF" not in sealed
    assert env.desk.vault.open_bytes(sealed, place("attachment", "file", view.id)) == JPEG
    assert attachments.read_attachment(env.desk, env.admin, view.id, "核对现场照片") == JPEG
    assert _stored_files(env) == [row.stored_name]  # no .part left
    src.unlink()  # the desk's copy does not depend on the original
    assert attachments.verify_attachment(env.desk, view.id) is True

    pdf = attachments.attach_file(
        env.desk, env.admin, case_id, _write(tmp_path, "协议书扫描.pdf", PDF), kind="signed_scan"
    )
    assert [a.id for a in attachments.list_attachments(env.desk, case_id)] == [view.id, pdf.id]
    titles = [e.title for e in queries.case_detail(env.desk, env.admin, case_id).timeline if e.kind == "attachment"]
    assert titles == ["附件：现场照片.JPG", "附件：协议书扫描.pdf"]
    op = outbox_ops(env.desk, "attachment")[0]
    assert op.payload == {"case_id": case_id, "kind": "evidence", "sha256": view.sha256, "size": len(JPEG)}

    stored.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))  # tampered on disk
    assert attachments.verify_attachment(env.desk, view.id) is False
    stored.unlink()
    assert attachments.verify_attachment(env.desk, view.id) is False
    assert attachments.verify_attachment(env.desk, "no-such-attachment") is False
    assert attachments.verify_attachment(env.desk, pdf.id) is True


@pytest.mark.parametrize(
    "name, data, kind, rule",
    [
        ("空.pdf", b"", "evidence", "file_empty"),
        ("病毒.exe", b"MZ\x90\x00", "evidence", "file_type"),
        ("没有扩展名", b"hello", "evidence", "file_type"),
        ("照片.jpg", b"MZ\x90\x00 not a jpeg at all", "evidence", "file_content_mismatch"),
        ("扫描.pdf", JPEG, "evidence", "file_content_mismatch"),
        ("照片.jpg", JPEG, "selfie", "attachment_kind"),
    ],
)
def test_bad_attachment_is_refused_and_nothing_left(
    env: Env, tmp_path: Path, name: str, data: bytes, kind: str, rule: str
) -> None:
    case_id = mediating_case(env)
    with pytest.raises(ValidationError) as e:
        attachments.attach_file(env.desk, env.admin, case_id, _write(tmp_path, name, data), kind=kind)
    assert e.value.problems[0].rule == rule
    assert count(env.desk, Attachment) == 0
    assert _stored_files(env) == []


def test_oversized_attachment_is_refused(env: Env, tmp_path: Path) -> None:
    case_id = mediating_case(env)
    big = tmp_path / "录像.mp4"
    with big.open("wb") as f:  # sparse: no 50 MB written for real
        f.truncate(attachments.MAX_BYTES + 1)
    with pytest.raises(ValidationError) as e:
        attachments.attach_file(env.desk, env.admin, case_id, big)
    assert e.value.problems[0].rule == "file_too_large"
    assert count(env.desk, Attachment) == 0 and _stored_files(env) == []


def test_attachment_to_unknown_case_leaves_nothing(env: Env, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        attachments.attach_file(env.desk, env.admin, "（2026）谢调字第 0999 号", _write(tmp_path, "a.pdf", PDF))
    assert count(env.desk, Attachment) == 0
    assert _stored_files(env) == []
    with pytest.raises(ValidationError) as e:
        attachments.attach_file(env.desk, env.admin, "x", tmp_path / "missing.pdf")
    assert e.value.problems[0].rule == "file_missing"


def test_attachment_note_with_control_character_is_refused(env: Env, tmp_path: Path) -> None:
    case_id = mediating_case(env)
    with pytest.raises(ValidationError) as e:
        attachments.attach_file(env.desk, env.admin, case_id, _write(tmp_path, "a.pdf", PDF), note="说明\x07")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("note", "control_character")
    assert _stored_files(env) == []


# ------------------------------------------------------------------ agreement


def test_copies_are_parties_plus_one(env: Env) -> None:
    case_id = mediating_case(env, parties=[party("王永年", 1), party("陈建林", 2), party("陈建国", 3)])
    view = agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert view.copies == 4
    assert view.terms == ("陈建林将围墙降低三十公分", "王永年承担一半费用")
    assert view.amount == Decimal("1500.00")
    assert view.performance_status == "pending"
    with env.desk.read() as s:
        row = s.scalars(select(Agreement)).one()
        audit = s.scalars(select(AuditRecord).where(AuditRecord.action == "agreement.record")).one()
        op = s.scalars(select(OutboxOp).where(OutboxOp.entity == "agreement")).one()
    assert (row.copies, row.amount_fen, row.reached_on) == (4, 150000, today())
    assert audit.detail == {"form": "written", "terms": 2}
    assert "王永年" not in json.dumps(op.payload, ensure_ascii=False)
    assert queries.case_detail(env.desk, env.admin, case_id).agreement.copies == 4


@pytest.mark.parametrize(
    "override, field, rule",
    [
        ({"terms": []}, "terms", "terms_required"),
        ({"terms": None}, "terms", "terms_required"),
        ({"terms": "降低围墙"}, "terms", "terms_required"),
        ({"terms": ["降低围墙", "  "]}, "terms[1]", "required"),
        ({"terms": ["条款"] * 51}, "terms", "terms_too_many"),
        ({"facts": ""}, "facts", "required"),
        ({"disputed_issues": ""}, "disputed_issues", "required"),
        ({"performance_method": ""}, "performance_method", "required"),
        ({"reached_on": "_tomorrow"}, "reached_on", "date_future"),
        (
            {"reached_on": "_week_ago", "performance_deadline": "_ten_days_ago"},
            "performance_deadline",
            "deadline_before_agreement",
        ),
        ({"amount": 10.5}, "amount", "amount_format"),
        ({"amount": "-5"}, "amount", "amount_negative"),
        ({"form": "telepathic"}, "form", "agreement_form"),
    ],
)
def test_bad_agreement_is_refused_and_nothing_saved(env: Env, override: dict[str, Any], field: str, rule: str) -> None:
    case_id = mediating_case(env)
    dates = {
        "_tomorrow": today() + dt.timedelta(days=1),
        "_week_ago": today() - dt.timedelta(days=7),
        "_ten_days_ago": today() - dt.timedelta(days=10),
    }
    override = {k: dates.get(v, v) if isinstance(v, str) else v for k, v in override.items()}
    with pytest.raises(ValidationError) as e:
        agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(**override))
    assert (field, rule) in {(p.field, p.rule) for p in e.value.problems}, e.value.as_dicts()
    assert count(env.desk, Agreement) == 0
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION


def test_agreement_only_for_a_case_in_mediation(env: Env) -> None:
    case_id, _ = assigned_case(env)
    with pytest.raises(ValidationError) as e:
        agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert e.value.problems[0].rule == "case_not_in_mediation"
    agreed = agreed_case(env, parties=[party("赵六斤", 3), party("钱小妹", 4, male=False)])
    with pytest.raises(ValidationError) as e:
        agreement.record_agreement(env.desk, env.admin, agreed, agreement_data(terms=["另一份"]))
    assert "已达成协议" in e.value.problems[0].message
    assert count(env.desk, Agreement) == 1


def test_signing_once_within_dates(env: Env) -> None:
    reached = today() - dt.timedelta(days=3)
    case_id = mediating_case(env, accepted_on=(reached - dt.timedelta(days=5)).isoformat())
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(reached_on=reached))
    for bad in (reached - dt.timedelta(days=1), today() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as e:
            agreement.confirm_signatures(env.desk, env.admin, case_id, bad.isoformat())
        assert e.value.problems[0].rule == "signed_on_range"
    signed = agreement.confirm_signatures(env.desk, env.admin, case_id, (reached + dt.timedelta(days=1)).isoformat())
    assert signed.effective_on == reached + dt.timedelta(days=1)
    assert signed.judicial_deadline == working_days.judicial_deadline(
        reached + dt.timedelta(days=1), working_days.DEFAULT_CALENDAR
    )
    with env.desk.read() as s:
        row = s.scalars(select(Agreement)).one()
    assert row.signed_confirmed_by == env.admin.username and row.signed_confirmed_at is not None
    with pytest.raises(ValidationError) as e:
        agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("signed_on", "already_signed")


def test_oral_agreement_cannot_be_signed(env: Env) -> None:
    case_id = agreed_case(env, form="oral")
    with pytest.raises(ValidationError) as e:
        agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("form", "oral_not_signed")


def test_judicial_application_within_thirty_days(env: Env) -> None:
    reached = today() - dt.timedelta(days=45)
    case_id = mediating_case(env, accepted_on=(reached - dt.timedelta(days=5)).isoformat())
    agreement.record_agreement(
        env.desk, env.admin, case_id, agreement_data(reached_on=reached, performance_deadline=today())
    )
    with pytest.raises(ValidationError) as e:
        agreement.record_judicial_application(env.desk, env.admin, case_id)
    assert e.value.problems[0].rule == "agreement_not_effective"

    effective = reached + dt.timedelta(days=5)
    view = agreement.confirm_signatures(env.desk, env.admin, case_id, effective)
    deadline = working_days.judicial_deadline(effective, working_days.DEFAULT_CALENDAR)
    assert view.judicial_deadline == deadline < today()
    for outside in (None, deadline + dt.timedelta(days=1), effective - dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as e:
            agreement.record_judicial_application(env.desk, env.admin, case_id, outside)
        p = e.value.problems[0]
        assert (p.field, p.rule) == ("applied_on", "judicial_window")
        assert str(deadline) in p.message
    applied = agreement.record_judicial_application(env.desk, env.admin, case_id, deadline)
    assert applied.judicial_applied_on == deadline


def test_judicial_application_is_refused_for_an_oral_agreement(env: Env) -> None:
    case_id = agreed_case(env, form="oral")
    with pytest.raises(ValidationError) as e:
        agreement.record_judicial_application(env.desk, env.admin, case_id)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("form", "oral_no_judicial")
    assert "第三十三条" in e.value.problems[0].message


def test_performance_updates(env: Env) -> None:
    case_id = agreed_case(env)
    assert agreement.update_performance(env.desk, env.admin, case_id, "partial").performance_status == "partial"
    with pytest.raises(ValidationError) as e:
        agreement.update_performance(env.desk, env.admin, case_id, "mostly")
    assert e.value.problems[0].rule == "performance_status"
    plain = mediating_case(env, parties=[party("赵六斤", 3), party("钱小妹", 4, male=False)])
    with pytest.raises(ValidationError) as e:
        agreement.update_performance(env.desk, env.admin, plain, "partial")
    assert e.value.problems[0].rule == "no_agreement"


def test_agreement_amount_and_form_reach_the_detail(env: Env) -> None:
    case_id = follow_up_case(env)
    detail = queries.case_detail(env.desk, env.admin, case_id)
    assert detail.agreement.amount == Decimal("1500.00")
    assert detail.agreement.performance_status == "fully_performed"
    assert detail.agreement.effective_on == today()


def test_a_visit_recorded_without_its_schedule_fulfils_the_pending_one(env: Env) -> None:
    """A visit recorded from the case page names no schedule: the visit scheduled for it is the
    one done, not left pending on the due lists beside a new one."""
    from mediation_desk.mediation import followup
    from mediation_desk.mediation.models_case import FollowUp

    case_id = agreed_case(env)
    followup.schedule_follow_up(env.desk, env.admin, case_id, today().isoformat(), "按期回访")
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行"},
    )
    with env.desk.read() as s:
        visits = s.scalars(select(FollowUp).where(FollowUp.case_id == case_id)).all()
    assert len(visits) == 1 and visits[0].done_at is not None
