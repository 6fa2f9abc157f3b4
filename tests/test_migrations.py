"""A desk installed with the first release upgrades to today's schema without losing a row.

`fixtures/desk-schema-0001.sqlite3` is a committed database at revision 0001 (built by
`fixtures/make_schema_0001.py`); every test works on a copy of it."""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from mediation_desk.core import accounts
from mediation_desk.core.audit import verify_chain
from mediation_desk.desk import Desk
from mediation_desk.mediation import intake
from mediation_desk.mediation.models_case import Agreement, FollowUp, MediationCase, SessionRecord
from mediation_desk.mediation.models_people import Person
from mediation_desk.paths import AppPaths
from mediation_desk.storage import migrate
from mediation_desk.storage.integrity import check_database

FIXTURE = Path(__file__).parent / "fixtures" / "desk-schema-0001.sqlite3"
EXPECTED_COUNTS = {
    "committee": 1, "operator": 1, "mediator": 1, "person": 3, "mediation_case": 3, "case_party": 5,
    "case_transition": 10, "case_assignment": 2, "session_record": 1, "agreement": 1, "follow_up": 1,
    "case_number_counter": 1, "audit_record": 18, "outbox_op": 11, "desk_state": 3,
}
OLD_PASSWORD = "Xietang-2025!"


def snapshot(db: Path) -> dict[str, dict[str, list[tuple]]]:
    """Every row of every table, by table, as (column names, sorted rows) — read with plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'case_fts%' AND name != 'alembic_version'")]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = {"columns": cols, "rows": sorted(rows, key=repr)}
        return out
    finally:
        conn.close()


@pytest.fixture
def old_desk_paths(tmp_path) -> AppPaths:
    paths = AppPaths.resolve(tmp_path / "desk").ensure()
    shutil.copyfile(FIXTURE, paths.database)
    return paths


@pytest.fixture
def upgraded(old_desk_paths):
    desk = Desk.open(old_desk_paths)
    try:
        yield desk
    finally:
        desk.close()


def test_fixture_is_at_revision_0001_and_self_contained():
    assert migrate.current_revision(FIXTURE) == "0001"
    assert not FIXTURE.with_name(FIXTURE.name + "-wal").exists()
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        for table, n in EXPECTED_COUNTS.items():
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n, table
    finally:
        conn.close()


def test_opening_makes_a_copy_then_migrates_to_head(old_desk_paths):
    desk = Desk.open(old_desk_paths)
    desk.close()
    assert migrate.current_revision(old_desk_paths.database) == migrate.head_revision()
    copies = list(old_desk_paths.backups.glob("pre-migration-0001-*.sqlite3"))
    assert len(copies) == 1
    assert migrate.current_revision(copies[0]) == "0001"
    assert snapshot(copies[0]) == snapshot(FIXTURE)
    # A second start has nothing to migrate and makes no further copy.
    Desk.open(old_desk_paths).close()
    assert len(list(old_desk_paths.backups.glob("pre-migration-*.sqlite3"))) == 1


def test_every_row_survives(upgraded):
    before = snapshot(FIXTURE)
    after = snapshot(upgraded.paths.database)
    for table, old in before.items():
        assert table in after, f"table {table} disappeared"
        new = after[table]
        missing = [c for c in old["columns"] if c not in new["columns"]]
        assert not missing, f"{table} lost columns {missing}"
        idx = [new["columns"].index(c) for c in old["columns"]]
        projected = sorted((tuple(row[i] for i in idx) for row in new["rows"]), key=repr)
        assert projected == old["rows"], table
    with upgraded.read() as s:
        for table, n in EXPECTED_COUNTS.items():
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == n, table


def test_old_values_read_back_through_the_models(upgraded):
    with upgraded.read() as s:
        names = sorted(s.scalars(select(Person.name)))
        assert names == sorted(["王永年", "陈𠀾林", "上虞区谢塘镇永兴五金店"])
        rare = s.scalars(select(Person).where(Person.name == "陈𠀾林")).one()
        assert len(rare.name) == 3 and ord(rare.name[1]) == 0x2003E
        assert rare.birth_date == dt.date(1968, 9, 2) and rare.phone == "0575-82123456"
        cases = {c.number: c for c in s.scalars(select(MediationCase))}
        assert sorted(cases) == [f"（2025）谢调字第 {n:04d} 号" for n in (1, 2, 3)]
        closed = cases["（2025）谢调字第 0001 号"]
        assert (closed.status, closed.closed_on, closed.risk_flags) == ("closed", dt.date(2025, 3, 15),
                                                                          ["civil_to_criminal"])
        assert closed.created_at == dt.datetime(2025, 3, 10, 2, 0, tzinfo=dt.timezone.utc)
        assert cases["（2025）谢调字第 0002 号"].amount_fen == 320000
        assert cases["（2025）谢调字第 0003 号"].status == "accepted"
        agreement = s.scalars(select(Agreement)).one()
        assert agreement.terms[0].startswith("王永年于 2025 年 3 月 31 日前")
        assert agreement.performance_status == "fully_performed"
        record = s.scalars(select(SessionRecord)).one()
        assert record.participants == ["王永年", "陈𠀾林"]
        assert s.scalars(select(FollowUp.notes)).one() == "围墙已降低，双方满意"
    assert upgraded.device_id == "5c1f0a2b-3d4e-4f60-8a71-92b3c4d5e6f7"
    assert upgraded.seat == 1


@pytest.mark.parametrize("phrase, number", [
    ("宅基地围墙", "（2025）谢调字第 0001 号"),
    ("拖欠货款", "（2025）谢调字第 0002 号"),
    ("赡养老人", "（2025）谢调字第 0003 号"),
    ("陈𠀾林", "（2025）谢调字第 0001 号"),
])
def test_search_index_covers_the_old_cases(upgraded, phrase, number):
    with upgraded.read() as s:
        ids = s.execute(text("SELECT case_id FROM case_fts WHERE body MATCH :q"),
                        {"q": f'"{phrase}"'}).scalars().all()
        assert number in {s.get(MediationCase, i).number for i in ids}


def test_audit_chain_still_verifies(upgraded):
    with upgraded.read() as s:
        report = verify_chain(s)
    assert report.ok, report
    assert report.records == EXPECTED_COUNTS["audit_record"]
    assert check_database(upgraded).ok


def test_work_continues_after_the_upgrade(upgraded, make_party):
    actor = accounts.authenticate(upgraded, "daicailiang", OLD_PASSWORD)  # old accounts still log in
    case_id = intake.open_case(upgraded, actor, {
        "dispute_type": "neighbour", "brief_facts": "排水沟堵塞引发争执",
        "accepted_on": "2025-12-20",
        # An old party comes back: found by the ID number, not registered twice.
        "parties": [make_party("王永年", id_number="330604195203140036", phone="13812345678"),
                    make_party("谢永根")],
    })
    with upgraded.read() as s:
        case = s.get(MediationCase, case_id)
        assert (case.number, case.seq) == ("（2025）谢调字第 0004 号", 4)
        assert s.execute(text("SELECT count(*) FROM person WHERE name = '王永年'")).scalar() == 1
        assert verify_chain(s).ok
        hits = s.execute(text("SELECT case_id FROM case_fts WHERE body MATCH '排水沟'")).scalars().all()
        assert hits == [case_id]
