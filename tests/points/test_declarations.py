"""群众申报 and the village's review: what a declaration records and sends (the masked name only),
its evidence sealed and read back by its SHA-256, every check refused with the field named and
nothing kept (no row, no op, no file), and the review's moves with their transition ops."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from service_helpers import audit_actions, count, outbox_ops
from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, Committee, OutboxOp
from mediation_desk.core.uow import SYSTEM
from mediation_desk.district.op_check import kept_fields, refuse_personal_data
from mediation_desk.errors import DeskError, NotFound, PermissionDenied, ValidationError
from mediation_desk.points import declarations, residents, rules
from mediation_desk.points.entities import SYNCED_ENTITIES
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.storage import files


def fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


def stored_files(desk) -> list[str]:
    folder = desk.paths.attachments
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def kept(desk) -> tuple[int, int, int, list[str]]:
    return count(desk, Declaration), count(desk, OutboxOp), count(desk, AuditRecord), stored_files(desk)


def declare(points_env, who: int = 0, item: str = "patrol", ago: int = 1, **kw):
    return declarations.declare(
        points_env.desk,
        points_env.clerk,
        resident_id=points_env.residents[who].id,
        item_code=item,
        activity_date=points_env.today - dt.timedelta(days=ago),
        **kw,
    )


def sendable(op: OutboxOp) -> None:
    """The district's own checks of a pushed op's payload (kept fields typed, no personal data)."""
    refuse_personal_data(op.payload)
    body = op.payload.get("fields", op.payload)
    kept_fields(op.entity, {k: v for k, v in body.items() if k not in contract.CONTROL_KEYS})


def test_a_declaration_records_the_item_as_the_catalogue_has_it(points_env) -> None:
    wang = points_env.residents[0]
    view = declare(points_env, item="hazard_report", ago=3, note="发现村口电线老化")
    assert (view.resident_id, view.resident_name, view.item_code) == (wang.id, "王建国", "hazard_report")
    assert (view.item_label, view.module, view.module_label) == ("报告安全隐患（经核实）", "hazards", "一起查隐患")
    assert (view.coins, view.catalogue_version, view.status) == (3, 1, rules.DECLARED)
    assert (view.source, view.declared_by, view.note) == (rules.MANUAL, "clerk", "发现村口电线老化")
    assert view.activity_date == points_env.today - dt.timedelta(days=3) and not view.waiting_for_sync
    [op] = outbox_ops(points_env.desk, rules.DECLARATION)
    assert (op.kind, op.entity_id) == ("create", view.id)
    assert op.payload["resident_label"] == "王*国" and op.payload["status"] == rules.DECLARED
    assert set(op.payload) - contract.CONTROL_KEYS <= next(e.fields for e in SYNCED_ENTITIES if e.name == op.entity)
    text = str(op.payload)
    assert "王建国" not in text and "电线" not in text  # neither the name nor the note leaves the village
    sendable(op)
    assert audit_actions(points_env.desk, view.id) == ["points.declare"]
    assert declarations.get_declaration(points_env.desk, points_env.mediator, view.id) == view


def test_evidence_is_sealed_and_read_back_by_its_digest(points_env, make_evidence) -> None:
    desk = points_env.desk
    photo = make_evidence("巡防照片.png")
    view = declare(points_env, evidence=photo)
    content = photo.read_bytes()
    assert view.evidence_name == "巡防照片.png" and view.evidence_sha256 == hashlib.sha256(content).hexdigest()
    [stored] = stored_files(desk)
    assert stored == f"{view.id}.sealed"
    sealed = (desk.paths.attachments / stored).read_bytes()
    assert b"PNG" not in sealed and content not in sealed
    assert declarations.read_evidence(desk, points_env.clerk, view.id) == content
    assert audit_actions(desk, view.id)[-1] == "points.evidence_open"
    [op] = outbox_ops(desk, rules.DECLARATION)
    assert op.payload["evidence_sha256"] == view.evidence_sha256 and "巡防照片" not in str(op.payload)
    # An altered file is refused, never handed out.
    (desk.paths.attachments / stored).write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))
    with pytest.raises(DeskError, match="SHA-256"):
        declarations.read_evidence(desk, points_env.clerk, view.id)
    without = declare(points_env, item="safety_talk")
    with pytest.raises(NotFound):
        declarations.read_evidence(desk, points_env.clerk, without.id)


def test_a_proposed_deduction_takes_the_same_path(points_env) -> None:
    view = declare(points_env, who=2, item="neighbour_dispute", note="与邻居争吵")
    assert view.coins == -3 and view.status == rules.DECLARED
    reviewed = declarations.review(points_env.desk, points_env.admin, view.id, approve=True)
    assert reviewed.status == rules.VILLAGE_APPROVED and reviewed.coins == -3


def foreign_resident(desk) -> str:
    """A resident of another committee (a desk restored from another village's copy would hold one)."""
    with desk.write(SYSTEM) as uow:
        other = Committee(
            name="谢塘镇东村人民调解委员会", code="XT-002", town="谢塘镇", village="东村", case_word="东调字"
        )
        uow.session.add(other)
        uow.session.flush()
        resident = Resident(committee_id=other.id, label="赵*", village_group="二组", updated_hlc=uow.tick())
        uow.session.add(resident)
        uow.session.flush()
        return resident.id


def test_every_check_names_its_field_and_keeps_nothing(points_env, make_evidence) -> None:
    desk, clerk, today = points_env.desk, points_env.clerk, points_env.today
    wang, li = points_env.residents[:2]
    declare(points_env, item="patrol", ago=0)
    declare(points_env, item="anti_fraud_app", ago=0)
    residents.edit_resident(desk, clerk, li.id, active=False)
    stranger = foreign_resident(desk)
    photo = make_evidence()  # a good file: refused declarations must not keep it either
    before = kept(desk)
    cases = [
        ({"item_code": "no_such_item"}, ("item_code", "item_unknown")),
        ({"item_code": "mediation_volunteer"}, ("item_code", "item_automatic")),
        ({"activity_date": today + dt.timedelta(days=1)}, ("activity_date", "future_date")),
        ({"activity_date": today - dt.timedelta(days=63)}, ("activity_date", "too_old")),
        ({"activity_date": "2026-13-01"}, ("activity_date", "date_format")),
        ({"activity_date": None}, ("activity_date", "required")),
        ({"item_code": "patrol"}, ("activity_date", "per_day_limit")),
        ({"item_code": "anti_fraud_app"}, ("activity_date", "per_month_limit")),
        ({"resident_id": li.id}, ("resident_id", "resident_inactive")),
        ({"resident_id": stranger}, ("resident_id", "resident_other_committee")),
        ({"resident_id": "no-such-resident"}, ("resident_id", "resident_unknown")),
        ({"note": "说" * 501}, ("note", "too_long")),
        ({"note": "坏\x00字"}, ("note", "control_character")),
    ]
    for change, expected in cases:
        data = {"resident_id": wang.id, "item_code": "safety_talk", "activity_date": today, "evidence": photo}
        data.update(change)
        with pytest.raises(ValidationError) as e:
            declarations.declare(desk, clerk, **data)
        assert fields(e) == {expected}, change
        assert e.value.problems[0].message
        assert kept(desk) == before, change
    assert not any(name.endswith(".part") for name in stored_files(desk))


def test_bad_evidence_files_are_refused(points_env, make_evidence, tmp_path: Path) -> None:
    desk = points_env.desk
    huge = tmp_path / "录像.mp4"
    with huge.open("wb") as f:
        f.truncate(files.MAX_BYTES + 1)  # sparse: no 50 MB written
    bad = [
        (make_evidence("照片.png", b"MZ\x90\x00 not a picture"), "file_content_mismatch"),
        (make_evidence("程序.exe", b"MZ\x90\x00"), "file_type"),
        (make_evidence("空.jpg", b""), "file_empty"),
        (tmp_path / "不存在.png", "file_missing"),
        (huge, "file_too_large"),
    ]
    before = kept(desk)
    for path, rule in bad:
        with pytest.raises(ValidationError) as e:
            declare(points_env, evidence=path)
        assert fields(e) == {("evidence", rule)}, path.name
        assert "证明材料" in e.value.problems[0].message
    assert kept(desk) == before
    os.remove(huge)


def test_rejected_declarations_do_not_count_toward_the_limits(points_env) -> None:
    first = declare(points_env, item="patrol", ago=2)
    with pytest.raises(ValidationError):
        declare(points_env, item="patrol", ago=2)
    declarations.review(points_env.desk, points_env.admin, first.id, approve=False, reason="签到表上没有")
    again = declare(points_env, item="patrol", ago=2)
    assert again.status == rules.DECLARED
    # Another resident, or another day, has limits of its own.
    declare(points_env, who=1, item="patrol", ago=2)
    declare(points_env, item="patrol", ago=3)


def test_the_village_review_moves_and_sends_a_transition(points_env) -> None:
    desk, admin = points_env.desk, points_env.admin
    view = declare(points_env, item="volunteer_service")
    approved = declarations.review(desk, admin, view.id, approve=True)
    assert (approved.status, approved.status_label) == (rules.VILLAGE_APPROVED, "待镇审核")
    assert approved.village_reviewer == admin.username and approved.waiting_for_sync
    op = outbox_ops(desk, rules.DECLARATION)[-1]
    assert (op.kind, op.entity_id) == ("transition", view.id)
    assert op.payload["from"] == rules.DECLARED and op.payload["to"] == rules.VILLAGE_APPROVED
    assert op.payload["village_reviewed_on"] == points_env.today.isoformat() and op.payload["village_reason"] is None
    sendable(op)
    assert audit_actions(desk, view.id)[-1] == "points.review"
    # Once the op has gone to the district, the declaration no longer waits for a sync.
    with desk.write(SYSTEM) as uow:
        uow.session.get(OutboxOp, op.seq).state = "done"
    assert not declarations.get_declaration(desk, admin, view.id).waiting_for_sync

    rejected = declarations.review(
        desk, admin, declare(points_env, item="safety_talk").id, approve=False, reason="当天未举办宣讲"
    )
    assert (rejected.status, rejected.village_reason) == (rules.VILLAGE_REJECTED, "当天未举办宣讲")
    assert outbox_ops(desk, rules.DECLARATION)[-1].payload["village_reason"] == "当天未举办宣讲"


def test_bad_reviews_are_refused_and_change_nothing(points_env) -> None:
    desk, admin = points_env.desk, points_env.admin
    view = declare(points_env)
    before = kept(desk)
    with pytest.raises(ValidationError) as e:
        declarations.review(desk, admin, view.id, approve=False, reason="  ")
    assert fields(e) == {("reason", "reason_required")}
    with pytest.raises(ValidationError) as e:
        declarations.review(desk, admin, view.id, approve=False, reason="理" * 201)
    assert fields(e) == {("reason", "too_long")}
    for actor in (points_env.clerk, points_env.mediator):  # 村级审核 is the 主任's
        with pytest.raises(PermissionDenied):
            declarations.review(desk, actor, view.id, approve=True)
    with pytest.raises(NotFound):
        declarations.review(desk, admin, "no-such-declaration", approve=True)
    assert kept(desk)[:2] == before[:2]  # the refusals were audited, nothing else
    declarations.review(desk, admin, view.id, approve=True)
    with pytest.raises(ValidationError) as e:
        declarations.review(desk, admin, view.id, approve=False, reason="改主意了")
    assert fields(e) == {("status", "already_reviewed")}
    assert declarations.get_declaration(desk, admin, view.id).status == rules.VILLAGE_APPROVED


def test_lists_filter_by_status_and_resident(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    a = declare(points_env, item="patrol")
    b = declare(points_env, who=2, item="safety_talk")
    declarations.review(desk, points_env.admin, a.id, approve=True)
    assert {v.id for v in declarations.list_declarations(desk, clerk)} == {a.id, b.id}
    assert [v.id for v in declarations.list_declarations(desk, clerk, status=rules.DECLARED)] == [b.id]
    assert [v.id for v in declarations.list_declarations(desk, clerk, status=rules.VILLAGE_APPROVED)] == [a.id]
    resident = points_env.residents[2].id
    assert [v.id for v in declarations.list_declarations(desk, clerk, resident_id=resident)] == [b.id]
    assert len(declarations.list_declarations(desk, clerk, limit=1)) == 1
    with pytest.raises(ValidationError) as e:
        declarations.list_declarations(desk, clerk, status="approved")
    assert fields(e) == {("status", "status_unknown")}
    with pytest.raises(NotFound):
        declarations.get_declaration(desk, clerk, "no-such-declaration")
    with desk.read() as s:
        assert s.scalar(select(Declaration.declared_by).where(Declaration.id == a.id)) == "clerk"
