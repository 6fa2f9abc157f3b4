"""The hash-chained audit log: intact after real work, and any edit made behind the desk's back
(straight into the SQLite file) is found, at the right record."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.audit import GENESIS, record_hash, verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.errors import PermissionDenied
from mediation_desk.mediation import intake


@pytest.fixture
def parties(make_party):
    return [make_party("王永年"), make_party("陈𠀾林", gender="female"), make_party("赵大海")]


@pytest.fixture
def worked_desk(desk, admin, clerk, mediator_actor, parties, intake_form):
    """A desk after a morning's work: accounts, logins (one failed), three cases."""
    with pytest.raises(PermissionDenied):
        accounts.authenticate(desk, "clerk", "wrong-password")
    intake.open_case(desk, clerk, intake_form(parties[0], parties[1]))
    intake.open_case(
        desk, admin, intake_form(parties[2], parties[0], dispute_type="family", brief_facts="赡养费分担发生争执")
    )
    intake.open_case(
        desk,
        mediator_actor,
        intake_form(
            {"name": "谢塘镇某某五金店", "kind": "legal", "representative": "钱立新"},
            parties[1],
            dispute_type="contract",
            brief_facts="货款 3200 元未付",
            amount="3200",
        ),
    )
    return desk


def chain(desk):
    with desk.read() as s:
        return verify_chain(s)


def raw(desk):
    """The database file opened directly, as someone with a copy of sqlite3.exe would."""
    return sqlite3.connect(desk.paths.database)


def seq_of(conn, action: str, nth: int = 0) -> int:
    return conn.execute(
        "SELECT seq FROM audit_record WHERE action = ? ORDER BY seq LIMIT 1 OFFSET ?", (action, nth)
    ).fetchone()[0]


def test_chain_verifies_after_service_actions(worked_desk):
    report = chain(worked_desk)
    assert report.ok, report
    with worked_desk.read() as s:
        actions = s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)).all()
        seqs = s.scalars(select(AuditRecord.seq).order_by(AuditRecord.seq)).all()
    assert report.records == len(actions) > 10
    assert seqs == list(range(1, len(seqs) + 1))
    for expected in (
        "committee.setup",
        "operator.create",
        "operator.login",
        "operator.login_failed",
        "mediator.create",
        "person.create",
        "case.open",
    ):
        assert expected in actions
    assert actions.count("case.open") == 3


def test_first_record_links_to_genesis(worked_desk):
    with worked_desk.read() as s:
        first = s.get(AuditRecord, 1)
        assert first.prev_hash == GENESIS
        assert s.get(AuditRecord, 2).prev_hash == first.hash


def test_changed_detail_is_detected(worked_desk):
    with raw(worked_desk) as conn:
        target = seq_of(conn, "case.open", 1)
        conn.execute("UPDATE audit_record SET detail = json_set(detail, '$.parties', 1) WHERE seq = ?", (target,))
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == target
    assert report.records == target - 1
    assert "篡改" in report.problem


def test_deleted_middle_record_is_detected(worked_desk):
    with raw(worked_desk) as conn:
        target = seq_of(conn, "operator.login_failed")
        conn.execute("DELETE FROM audit_record WHERE seq = ?", (target,))
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == target
    assert "缺失" in report.problem


def test_deleted_record_with_renumbering_is_detected(worked_desk):
    """Closing the gap by renumbering does not help: the next record's link is broken."""
    with raw(worked_desk) as conn:
        target = seq_of(conn, "operator.login_failed")
        conn.execute("DELETE FROM audit_record WHERE seq = ?", (target,))
        conn.execute("UPDATE audit_record SET seq = seq + 100000 WHERE seq > ?", (target,))
        conn.execute("UPDATE audit_record SET seq = seq - 100001 WHERE seq > 100000")
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == target
    assert "前序哈希" in report.problem


def test_swapped_actor_names_are_detected(worked_desk):
    with raw(worked_desk) as conn:
        a = seq_of(conn, "case.open", 0)  # opened by the clerk
        b = seq_of(conn, "case.open", 1)  # opened by the admin
        name_a, name_b = (
            conn.execute("SELECT actor_name FROM audit_record WHERE seq = ?", (s,)).fetchone()[0] for s in (a, b)
        )
        assert name_a != name_b
        conn.execute("UPDATE audit_record SET actor_name = ? WHERE seq = ?", (name_b, a))
        conn.execute("UPDATE audit_record SET actor_name = ? WHERE seq = ?", (name_a, b))
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == min(a, b)


def _forged(seq: int, prev_hash: str) -> dict:
    at = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    fields = {
        "seq": seq,
        "id": "00000000-0000-4000-8000-000000000001",
        "at": at,
        "hlc": "0001772352000000-0000-forger",
        "actor_id": None,
        "actor_name": "daicailiang",
        "action": "case.delete",
        "entity": "case",
        "entity_id": "00000000-0000-4000-8000-00000000000c",
        "detail": {"number": "（2026）谢调字第 0001 号"},
        "prev_hash": prev_hash,
    }
    return fields


def _insert(conn, fields: dict, hash_: str) -> None:
    conn.execute(
        "INSERT INTO audit_record (seq, id, at, hlc, actor_id, actor_name, action, entity, entity_id,"
        " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            fields["seq"],
            fields["id"],
            fields["at"].strftime("%Y-%m-%d %H:%M:%S.%f"),
            fields["hlc"],
            fields["actor_id"],
            fields["actor_name"],
            fields["action"],
            fields["entity"],
            fields["entity_id"],
            json.dumps(fields["detail"], ensure_ascii=False),
            fields["prev_hash"],
            hash_,
        ),
    )


def test_forged_record_inserted_in_the_middle_is_detected(worked_desk):
    """Even a forger who knows the hashing rule and links the forged record correctly breaks
    the link of the record after it."""
    with raw(worked_desk) as conn:
        target = seq_of(conn, "case.open", 1)
        prev = conn.execute("SELECT hash FROM audit_record WHERE seq = ?", (target - 1,)).fetchone()[0]
        conn.execute("UPDATE audit_record SET seq = seq + 100000 WHERE seq >= ?", (target,))
        conn.execute("UPDATE audit_record SET seq = seq - 99999 WHERE seq > 100000")
        fields = _forged(target, prev)
        _insert(conn, fields, record_hash(**fields))
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == target + 1
    assert "前序哈希" in report.problem


def test_forged_record_appended_with_a_made_up_hash_is_detected(worked_desk):
    with raw(worked_desk) as conn:
        last_seq, last_hash = conn.execute("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1").fetchone()
        _insert(conn, _forged(last_seq + 1, last_hash), "ab" * 32)
    report = chain(worked_desk)
    assert not report.ok
    assert report.first_bad_seq == last_seq + 1
    assert report.records == last_seq


def test_no_personal_data_in_audit_records(worked_desk, parties):
    with raw(worked_desk) as conn:
        rows = conn.execute("SELECT * FROM audit_record").fetchall()
        outbox = conn.execute("SELECT payload FROM outbox_op").fetchall()
    audit_text = json.dumps(rows, ensure_ascii=False, default=str)
    outbox_text = json.dumps(outbox, ensure_ascii=False, default=str)
    for party in parties:
        for value in (party["id_number"], party["phone"]):
            assert value not in audit_text
            assert value not in outbox_text
        assert party["name"] not in audit_text
        assert party["address"] not in audit_text
    assert "钱立新" not in audit_text and "五金店" not in audit_text
