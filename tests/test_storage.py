"""The database file: WAL and foreign keys, all-or-nothing units of work, backup and restore,
and the integrity check."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, text

from mediation_desk.core.audit import verify_chain
from mediation_desk.core.integrity import check_database
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.mediation import intake
from mediation_desk.mediation.models_case import CaseNumberCounter, CaseParty, MediationCase
from mediation_desk.people.models import Person
from mediation_desk.storage import migrate
from mediation_desk.storage.backup import backup_database, restore_database


def counts(desk) -> dict[str, int]:
    with desk.read() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (MediationCase, CaseParty, Person, AuditRecord, OutboxOp, CaseNumberCounter)
        }


def test_wal_mode_and_foreign_keys_are_on(desk):
    for engine in (desk.db.write_engine, desk.db.read_engine):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_are_enforced(desk, committee, admin):
    with pytest.raises(Exception, match="FOREIGN KEY"), desk.write(admin) as uow:
        uow.session.execute(
            text(
                "INSERT INTO case_party (id, case_id, person_id, role, position) "
                "VALUES ('p', 'no-such-case', 'no-such-person', 'applicant', 0)"
            )
        )


def test_failed_unit_of_work_leaves_nothing(desk, committee, admin, make_party, intake_form):
    good = make_party("孙志强")
    # Passes the form check, fails inside the unit of work: the ID number is already
    # registered to someone else, so the party cannot be resolved.
    taken = make_party("李秀英")
    intake.open_case(desk, admin, intake_form(taken, make_party("周国平")))
    before = counts(desk)
    with desk.read() as s:
        counter_before = s.scalars(select(CaseNumberCounter.last_seq)).one()
    impostor = make_party("冒名者", id_number=taken["id_number"], gender=None)
    with pytest.raises(ValidationError) as info:
        intake.open_case(desk, admin, intake_form(good, impostor))
    assert info.value.problems[0].field == "parties[1].id_number"
    assert info.value.problems[0].rule == "document_registered_to_other"
    assert counts(desk) == before  # no case, no new person (not even the good one), no audit, no outbox
    with desk.read() as s:
        assert s.scalars(select(CaseNumberCounter.last_seq)).one() == counter_before
        assert s.scalars(select(Person).where(Person.name == "孙志强")).first() is None
        assert verify_chain(s).ok
    # The next case takes the next number, not one after a lost number.
    case_id = intake.open_case(desk, admin, intake_form(good))
    with desk.read() as s:
        assert s.get(MediationCase, case_id).seq == counter_before + 1


def test_backup_and_restore_round_trip(desk, committee, admin, intake_form, paths):
    keep = intake.open_case(desk, admin, intake_form())
    lost = intake.open_case(desk, admin, intake_form(brief_facts="鸡鸭越界啄食菜地，双方口角"))
    backup = backup_database(paths.database, paths.backups)
    assert backup.parent == paths.backups
    assert backup.name.startswith("desk-backup-") and backup.suffix == ".sqlite3"
    assert not backup.with_name(backup.name + "-wal").exists()  # one self-contained file
    second = backup_database(paths.database, paths.backups)
    assert second != backup  # two backups in one second do not overwrite each other

    with desk.write(admin) as uow:  # the case is lost (a mistake, a broken disk sector…)
        for table in ("case_transition", "case_party"):
            uow.session.execute(text(f"DELETE FROM {table} WHERE case_id = :c"), {"c": lost})
        uow.session.execute(text("DELETE FROM mediation_case WHERE id = :c"), {"c": lost})
    assert counts(desk)["mediation_case"] == 1
    desk.close()

    safety = restore_database(backup, paths.database, paths.backups)
    assert safety is not None and safety.exists() and safety.parent == paths.backups
    with sqlite3.connect(safety) as conn:  # the safety copy holds the state before the restore
        assert conn.execute("SELECT count(*) FROM mediation_case").fetchone()[0] == 1

    restored = Desk.open(paths)
    try:
        with restored.read() as s:
            ids = set(s.scalars(select(MediationCase.id)))
            assert ids == {keep, lost}
            hits = s.execute(text("SELECT case_id FROM case_fts WHERE body MATCH '越界啄食'")).scalars().all()
            assert hits == [lost]
        report = check_database(restored)
        assert report.ok, report
    finally:
        restored.close()


def test_restore_upgrades_an_older_schema(desk, committee, admin, intake_form, paths, tmp_path):
    old = tmp_path / "old.sqlite3"
    migrate.upgrade(old, tmp_path / "old-backups", target="0001")
    desk.close()
    restore_database(old, paths.database, paths.backups)
    assert migrate.current_revision(paths.database) == "0001"
    reopened = Desk.open(paths)
    try:
        assert migrate.current_revision(paths.database) == migrate.head_revision()
        assert not reopened.is_set_up()
    finally:
        reopened.close()


def test_restore_refuses_a_file_that_is_not_a_database(desk, committee, paths, tmp_path):
    bogus = tmp_path / "调解卷宗.docx"
    bogus.write_bytes(b"PK\x03\x04 this is a word document, not a database" * 100)
    before = paths.database.read_bytes()
    with pytest.raises(DeskError, match="不是有效的数据库文件"):
        restore_database(bogus, paths.database, paths.backups)
    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("pre-restore-*"))


def test_restore_refuses_a_foreign_sqlite_file(desk, committee, paths, tmp_path):
    foreign = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contact VALUES ('张三', '13800000000')")
    conn.close()
    with pytest.raises(DeskError) as info:
        restore_database(foreign, paths.database, paths.backups)
    message = str(info.value)
    assert "不是调解工作台的数据库" in message
    assert "alembic_version" in message and "mediation_case" in message
    assert desk.is_set_up()


def test_restore_refuses_a_missing_file_and_the_live_database(desk, paths, tmp_path):
    with pytest.raises(DeskError, match="找不到"):
        restore_database(tmp_path / "nothing.sqlite3", paths.database, paths.backups)
    with pytest.raises(DeskError, match="就是当前数据库"):
        restore_database(paths.database, paths.database, paths.backups)


def test_restore_refuses_a_backup_from_a_newer_version(desk, paths, tmp_path):
    newer = backup_database(paths.database, tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(DeskError, match="比本软件新"):
        restore_database(newer, paths.database, paths.backups)


def test_integrity_check_ok_on_a_fresh_desk(desk):
    report = check_database(desk)
    assert report.ok
    assert report.sqlite_ok and report.sqlite_messages == ["ok"]
    assert report.foreign_key_problems == 0
    assert report.audit.ok


def test_integrity_check_fails_on_a_tampered_audit_chain(desk, committee, admin, intake_form):
    intake.open_case(desk, admin, intake_form())
    assert check_database(desk).ok
    with sqlite3.connect(desk.paths.database) as conn:
        conn.execute("UPDATE audit_record SET action = 'case.view' WHERE action = 'case.open'")
    conn.close()
    report = check_database(desk)
    assert not report.ok
    assert report.sqlite_ok and report.foreign_key_problems == 0
    assert not report.audit.ok and report.audit.first_bad_seq is not None


def test_integrity_check_counts_broken_references(desk, committee, admin, intake_form):
    intake.open_case(desk, admin, intake_form())
    conn = sqlite3.connect(desk.paths.database)  # foreign keys are off by default here
    with conn:
        conn.execute("DELETE FROM person")
    conn.close()
    report = check_database(desk)
    assert not report.ok
    assert report.foreign_key_problems == 2  # both parties of the case point nowhere
