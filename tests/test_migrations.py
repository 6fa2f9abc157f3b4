"""A desk installed with the first release upgrades to today's schema without losing a row, and
is then protected: its personal data encrypted at rest, nothing left in clear on disk.

`fixtures/desk-schema-0001.sqlite3` is a committed database at revision 0001 (built by
`fixtures/make_schema_0001.py`); every test works on a copy of it."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from service_helpers import files_under, raw_leaks
from sqlalchemy import select, text

from mediation_desk.administration import accounts
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.integrity import check_database
from mediation_desk.core.models import AuditRecord, Operator
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, PermissionDenied
from mediation_desk.lifecycle import protect
from mediation_desk.mediation import attachments, intake, queries
from mediation_desk.mediation.mediators import mediator_phone
from mediation_desk.mediation.models_case import Agreement, Attachment, FollowUp, MediationCase, SessionRecord
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.paths import AppPaths
from mediation_desk.people.identity import Secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import crypto, keys
from mediation_desk.privacy.models import KeyWrap
from mediation_desk.storage import migrate

FIXTURE = Path(__file__).parent / "fixtures" / "desk-schema-0001.sqlite3"
EXPECTED_COUNTS = {
    "committee": 1,
    "operator": 1,
    "mediator": 1,
    "person": 3,
    "mediation_case": 3,
    "case_party": 5,
    "case_transition": 10,
    "case_assignment": 2,
    "session_record": 1,
    "agreement": 1,
    "follow_up": 1,
    "case_number_counter": 1,
    "audit_record": 18,
    "outbox_op": 11,
    "desk_state": 3,
}
OLD_PASSWORD = "Xietang-2025!"
ADMIN = "daicailiang"
# Revision 0003 moved the plaintext personal columns aside until the desk is protected.
RENAMED = {
    ("person", "id_number"): "legacy_id_number",
    ("person", "phone"): "legacy_phone",
    ("person", "address"): "legacy_address",
    ("mediator", "phone"): "legacy_phone",
}
RARE_NAME = "陈𠀾林"  # U+2003E, outside the BMP
CASE_1, CASE_2, CASE_3 = (f"（2025）谢调字第 {n:04d} 号" for n in (1, 2, 3))
OLD_SCAN = b"%PDF-1.4\n% old-desk-scan CONTRACT-7Q3ZK-UNIQUE signed by both parties\n%%EOF\n"


def protect_as(desk: Desk, username: str, password: str, **options: bool) -> str | None:
    """Protect the desk as the window and the command line do: the operator logs in, then protects."""
    return protect.protect_desk(desk, accounts.authenticate(desk, username, password), password, **options)


def snapshot(db: Path) -> dict[str, dict[str, list[tuple]]]:
    """Every row of every table, by table, as (column names, sorted rows) — read with plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'case_fts%' AND name != 'alembic_version'"
            )
        ]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = {"columns": cols, "rows": sorted(rows, key=repr)}
        return out
    finally:
        conn.close()


def fixture_secrets() -> dict[str, Secrets]:
    """The personal values the old desk stored in clear, by person name (read from the fixture)."""
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        return {
            name: Secrets(id_number, phone, address)
            for name, id_number, phone, address in conn.execute("SELECT name, id_number, phone, address FROM person")
        }
    finally:
        conn.close()


def fixture_mediator_phone() -> str:
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT phone FROM mediator").fetchone()[0]
    finally:
        conn.close()


def old_plaintext() -> dict[str, str | bytes]:
    """Everything that must not be readable on disk once the desk is protected, with the other
    spellings of each phone a search for it could use."""
    found: dict[str, str | bytes] = {}
    for name, sec in fixture_secrets().items():
        if sec.id_number:
            found[f"{name} ID"] = sec.id_number
        if sec.address:
            found[f"{name} address"] = sec.address
        if sec.phone:
            digits = sec.phone.replace("-", "")
            found[f"{name} phone"] = sec.phone
            found[f"{name} phone digits"] = digits
            if len(digits) == 11 and digits.startswith("1"):
                found[f"{name} phone 3-4-4"] = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    found["mediator phone"] = fixture_mediator_phone()
    found["old attachment"] = OLD_SCAN
    return found


def disk_files(paths: AppPaths) -> list[Path]:
    """The database (and its WAL), the attachments folder and the backups folder."""
    return files_under(
        paths.database, paths.database.with_name(paths.database.name + "-wal"), paths.attachments, paths.backups
    )


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


def add_old_attachment(desk: Desk, case_number: str = CASE_1) -> str:
    """An attachment as the unencrypted desk stored it: the file in clear under `<id>.pdf`."""
    att_id = "0b6f2a34-7c1d-4e55-9a10-0000000000f1"
    (desk.paths.attachments / f"{att_id}.pdf").write_bytes(OLD_SCAN)
    with desk.write(SYSTEM) as uow:
        case = uow.session.scalars(select(MediationCase).where(MediationCase.number == case_number)).one()
        uow.session.add(
            Attachment(
                id=att_id,
                case_id=case.id,
                kind="signed_scan",
                original_name="协议签字页.pdf",
                stored_name=f"{att_id}.pdf",
                media_type="application/pdf",
                size=len(OLD_SCAN),
                sha256=hashlib.sha256(OLD_SCAN).hexdigest(),
                encrypted=False,
                created_at=dt.datetime(2025, 3, 13, 3, 0, tzinfo=dt.UTC),
                created_by=ADMIN,
            )
        )
    return att_id


def numbers_found(desk: Desk, query: str) -> set[str]:
    return {c.number for c in queries.list_cases(desk, SYSTEM, query=query)}


# ---------------------------------------------------------------- the upgrade itself


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
        wanted = [RENAMED.get((table, c), c) for c in old["columns"]]
        missing = [c for c in wanted if c not in new["columns"]]
        assert not missing, f"{table} lost columns {missing}"
        idx = [new["columns"].index(c) for c in wanted]
        projected = sorted((tuple(row[i] for i in idx) for row in new["rows"]), key=repr)
        assert projected == old["rows"], table
    with upgraded.read() as s:
        for table, n in EXPECTED_COUNTS.items():
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == n, table
        # Nothing is encrypted yet: the migration has no key.
        assert not keys.keys_exist(s)
        assert (
            s.execute(
                text(
                    "SELECT count(*) FROM person WHERE id_number_enc IS NOT NULL "
                    "OR phone_enc IS NOT NULL OR address_enc IS NOT NULL"
                )
            ).scalar()
            == 0
        )


def test_old_values_read_back_through_the_models(upgraded):
    old = fixture_secrets()
    with upgraded.read() as s:
        names = sorted(s.scalars(select(Person.name)))
        assert names == sorted(["王永年", RARE_NAME, "上虞区谢塘镇永兴五金店"])
        rare = s.scalars(select(Person).where(Person.name == RARE_NAME)).one()
        assert len(rare.name) == 3 and ord(rare.name[1]) == 0x2003E
        assert rare.birth_date == dt.date(1968, 9, 2) and rare.legacy_phone == "0575-82123456"
        # Not yet protected: the plaintext is read from the legacy columns, even while locked.
        for person in s.scalars(select(Person)):
            assert secrets_of(person, None) == old[person.name]
        assert mediator_phone(s.scalars(select(Mediator)).one(), None) == fixture_mediator_phone()
        cases = {c.number: c for c in s.scalars(select(MediationCase))}
        assert sorted(cases) == [CASE_1, CASE_2, CASE_3]
        closed = cases[CASE_1]
        assert (closed.status, closed.closed_on, closed.risk_flags) == (
            "closed",
            dt.date(2025, 3, 15),
            ["civil_to_criminal"],
        )
        assert closed.created_at == dt.datetime(2025, 3, 10, 2, 0, tzinfo=dt.UTC)
        assert cases[CASE_2].amount_fen == 320000
        assert cases[CASE_3].status == "accepted"
        agreement = s.scalars(select(Agreement)).one()
        assert agreement.terms[0].startswith("王永年于 2025 年 3 月 31 日前")
        assert agreement.performance_status == "fully_performed"
        record = s.scalars(select(SessionRecord)).one()
        assert record.participants == ["王永年", RARE_NAME]
        assert s.scalars(select(FollowUp.notes)).one() == "围墙已降低，双方满意"
    assert upgraded.device_id == "5c1f0a2b-3d4e-4f60-8a71-92b3c4d5e6f7"
    assert upgraded.seat == 1
    assert protect.needs_protection(upgraded)


@pytest.mark.parametrize(
    "phrase, number",
    [
        ("宅基地围墙", CASE_1),
        ("拖欠货款", CASE_2),
        ("赡养老人", CASE_3),
        (RARE_NAME, CASE_1),
    ],
)
def test_search_index_covers_the_old_cases(upgraded, phrase, number):
    with upgraded.read() as s:
        ids = s.execute(text("SELECT case_id FROM case_fts WHERE body MATCH :q"), {"q": f'"{phrase}"'}).scalars().all()
        assert number in {s.get(MediationCase, i).number for i in ids}


def test_audit_chain_still_verifies(upgraded):
    with upgraded.read() as s:
        report = verify_chain(s)
    assert report.ok, report
    assert report.records == EXPECTED_COUNTS["audit_record"]
    assert check_database(upgraded).ok


# ---------------------------------------------------------------- protecting the old desk


def test_protect_encrypts_every_old_value_and_leaves_no_plaintext_on_disk(upgraded):
    paths = upgraded.paths
    att_id = add_old_attachment(upgraded)
    secrets = old_plaintext()
    # The check below can see plaintext: before protection it is all there (the database, the
    # attachment, the copy taken before the upgrade).
    before = {leak.split(" in ")[0] for leak in raw_leaks(disk_files(paths), secrets)}
    assert before >= {label for label in secrets if "phone " not in label}  # other spellings aside

    recovery = protect_as(upgraded, ADMIN, OLD_PASSWORD)

    assert crypto.parse_recovery_key(recovery) is not None
    assert upgraded.vault is not None  # left unlocked for the 主任 who ran it
    assert not protect.needs_protection(upgraded)
    vault = upgraded.vault
    old = fixture_secrets()
    with upgraded.read() as s:
        for person in s.scalars(select(Person)):
            assert (person.legacy_id_number, person.legacy_phone, person.legacy_address) == (None, None, None)
            assert secrets_of(person, vault) == old[person.name]  # exactly as the old desk stored them
            assert (person.phone_enc is not None) == (old[person.name].phone is not None)
        rare = s.scalars(select(Person).where(Person.name == RARE_NAME)).one()
        assert ord(rare.name[1]) == 0x2003E
        mediator = s.scalars(select(Mediator)).one()
        assert mediator.legacy_phone is None and mediator_phone(mediator, vault) == fixture_mediator_phone()
        assert mediator_phone(mediator, None) is None  # locked, nothing to read
        last = s.scalars(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).one()
        assert (last.action, last.actor_name) == ("desk.protect", ADMIN)
        # Counts only, one per registered kind (the green coins' evidence is sealed from the start).
        assert last.detail == {
            "people": 3,
            "mediators": 1,
            "attachments": 1,
            "points_evidence": 0,
            "sitecode_inspection_photos": 0,
            "sitecode_hazard_photos": 0,
            "sitecode_rectification_photos": 0,
        }
        assert verify_chain(s).ok
        wraps = {w.kind for w in s.scalars(select(KeyWrap))}
        assert wraps == {"recovery", "operator"}
        a = s.get(Attachment, att_id)
        assert (a.stored_name, a.encrypted) == (f"{att_id}.sealed", True)
    assert sorted(p.name for p in paths.attachments.iterdir()) == [f"{att_id}.sealed"]
    assert attachments.verify_attachment(upgraded, att_id)
    admin = accounts.actor_for(upgraded, ADMIN)
    assert attachments.read_attachment(upgraded, admin, att_id, "核对旧附件") == OLD_SCAN
    assert check_database(upgraded).ok
    assert protect.plain_backups(upgraded) == []
    upgraded.close()

    # Read raw, nothing the old desk stored in clear is left: not in the database file (free
    # pages included), its write-ahead log, the attachments folder or the backups folder.
    assert raw_leaks(disk_files(paths), secrets) == []

    # Lookups still work once an operator logs in again.
    desk = Desk.open(paths)
    try:
        assert desk.vault is None
        accounts.authenticate(desk, ADMIN, OLD_PASSWORD)
        wang, rare_sec = old["王永年"], old[RARE_NAME]
        assert numbers_found(desk, wang.id_number) == {CASE_1, CASE_2}
        assert numbers_found(desk, wang.id_number.lower()) == {CASE_1, CASE_2}
        assert numbers_found(desk, "13812345678") == {CASE_1, CASE_2}
        assert numbers_found(desk, "138-1234-5678") == {CASE_1, CASE_2}
        assert numbers_found(desk, rare_sec.phone) == {CASE_1, CASE_3}
        assert numbers_found(desk, rare_sec.phone.replace("-", "")) == {CASE_1, CASE_3}
        assert numbers_found(desk, RARE_NAME) == {CASE_1, CASE_3}
        assert numbers_found(desk, "13700001111") == {CASE_2}
    finally:
        desk.close()


def test_work_continues_after_the_upgrade(upgraded, make_party):
    protect_as(upgraded, ADMIN, OLD_PASSWORD)
    upgraded.lock()
    actor = accounts.authenticate(upgraded, ADMIN, OLD_PASSWORD)  # old accounts still log in
    assert upgraded.vault is not None
    case_id = intake.open_case(
        upgraded,
        actor,
        {
            "dispute_type": "neighbour",
            "brief_facts": "排水沟堵塞引发争执",
            "accepted_on": "2025-12-20",
            # An old party comes back: found by the ID number, not registered twice.
            "parties": [
                make_party("王永年", id_number="330604195203140036", phone="13812345678"),
                make_party("谢永根"),
            ],
        },
    )
    with upgraded.read() as s:
        case = s.get(MediationCase, case_id)
        assert (case.number, case.seq) == ("（2025）谢调字第 0004 号", 4)
        assert s.execute(text("SELECT count(*) FROM person WHERE name = '王永年'")).scalar() == 1
        assert verify_chain(s).ok
        hits = s.execute(text("SELECT case_id FROM case_fts WHERE body MATCH '排水沟'")).scalars().all()
        assert hits == [case_id]
    assert numbers_found(upgraded, "330604195203140036") == {CASE_1, CASE_2, "（2025）谢调字第 0004 号"}


def test_wrong_password_or_a_non_admin_is_refused_and_nothing_changes(upgraded):
    # An operator added on the old desk before protection (no key yet to wrap for them).
    accounts.add_operator(
        upgraded, SYSTEM, {"username": "clerk", "display_name": "金晓燕", "role": "clerk", "password": "Jinxiaoyan-88"}
    )
    before = snapshot(upgraded.paths.database)
    with pytest.raises(PermissionDenied):
        protect_as(upgraded, ADMIN, "not-the-password")
    with pytest.raises(PermissionDenied):
        protect_as(upgraded, "clerk", "Jinxiaoyan-88")
    after = snapshot(upgraded.paths.database)
    # Only what any login attempt records changed: the failure count and the audit trail.
    for table in set(before) - {"operator", "audit_record", "desk_state"}:
        assert after[table] == before[table], table
    assert upgraded.vault is None
    assert protect.needs_protection(upgraded)
    with upgraded.read() as s:
        assert not keys.keys_exist(s)
        assert s.scalars(select(Operator.failed_logins).where(Operator.username == ADMIN)).one() == 1
        assert verify_chain(s).ok


def test_protecting_twice_is_refused(upgraded):
    assert protect_as(upgraded, ADMIN, OLD_PASSWORD)
    with pytest.raises(DeskError, match="已加密保护"):
        protect_as(upgraded, ADMIN, OLD_PASSWORD)
    with upgraded.read() as s:
        assert len(s.scalars(select(KeyWrap).where(KeyWrap.kind == "recovery")).all()) == 1


def test_a_run_interrupted_while_sealing_files_is_finished_by_the_next(upgraded, monkeypatch):
    att_id = add_old_attachment(upgraded)
    paths = upgraded.paths

    def crash(_folder):  # the sealed copy is written; the row still points at the plain file
        raise OSError("power cut")

    monkeypatch.setattr(protect, "_sync_dir", crash)
    with pytest.raises(OSError):
        protect_as(upgraded, ADMIN, OLD_PASSWORD)
    monkeypatch.undo()
    upgraded.close()

    desk = Desk.open(paths)  # the restart
    try:
        with desk.read() as s:
            assert keys.keys_exist(s)  # the records were encrypted in their own unit of work
            assert s.get(Attachment, att_id).encrypted is False
        assert (paths.attachments / f"{att_id}.pdf").read_bytes() == OLD_SCAN  # still referenced, intact
        assert protect.needs_protection(desk)
        assert protect_as(desk, ADMIN, OLD_PASSWORD) is None  # no second recovery key
        assert not protect.needs_protection(desk)
        with desk.read() as s:
            assert s.get(Attachment, att_id).stored_name == f"{att_id}.sealed"
            assert len(s.scalars(select(KeyWrap).where(KeyWrap.kind == "recovery")).all()) == 1
            runs = [
                r.detail
                for r in s.scalars(
                    select(AuditRecord).where(AuditRecord.action == "desk.protect").order_by(AuditRecord.seq)
                )
            ]
            assert runs == [
                {
                    "people": 3,
                    "mediators": 1,
                    "attachments": 1,
                    "points_evidence": 0,
                    "sitecode_inspection_photos": 0,
                    "sitecode_hazard_photos": 0,
                    "sitecode_rectification_photos": 0,
                },
                {
                    "people": 0,
                    "mediators": 0,
                    "attachments": 1,
                    "points_evidence": 0,
                    "sitecode_inspection_photos": 0,
                    "sitecode_hazard_photos": 0,
                    "sitecode_rectification_photos": 0,
                    "resumed": True,
                },
            ]
            assert verify_chain(s).ok
        assert sorted(p.name for p in paths.attachments.iterdir()) == [f"{att_id}.sealed"]
        assert attachments.verify_attachment(desk, att_id)
    finally:
        desk.close()
    assert raw_leaks(disk_files(paths), old_plaintext()) == []


def test_a_plain_copy_left_beside_its_sealed_file_is_removed(upgraded):
    att_id = add_old_attachment(upgraded)
    protect_as(upgraded, ADMIN, OLD_PASSWORD)
    # A crash after the row switched to the sealed file, before the plain one was deleted.
    plain = upgraded.paths.attachments / f"{att_id}.pdf"
    plain.write_bytes(OLD_SCAN)
    assert protect.needs_protection(upgraded)
    assert protect_as(upgraded, ADMIN, OLD_PASSWORD) is None
    assert not plain.exists()
    assert attachments.verify_attachment(upgraded, att_id)


def test_plain_backups_can_be_kept_on_request(upgraded):
    protect_as(upgraded, ADMIN, OLD_PASSWORD, keep_plain_backups=True)
    kept = protect.plain_backups(upgraded)
    assert [p.name.startswith("pre-migration-0001-") for p in kept] == [True]


def test_other_operators_get_their_wrap_at_their_next_login(upgraded):
    accounts.add_operator(
        upgraded, SYSTEM, {"username": "clerk", "display_name": "金晓燕", "role": "clerk", "password": "Jinxiaoyan-88"}
    )
    protect_as(upgraded, ADMIN, OLD_PASSWORD, remember_key=False)
    upgraded.lock()
    # Locked, the clerk's login cannot open the data: there is no wrap for them yet.
    accounts.authenticate(upgraded, "clerk", "Jinxiaoyan-88")
    assert upgraded.vault is None
    # Once the 主任 has unlocked the desk, the clerk's next login gets a wrap of its own…
    accounts.authenticate(upgraded, ADMIN, OLD_PASSWORD)
    accounts.authenticate(upgraded, "clerk", "Jinxiaoyan-88")
    upgraded.lock()
    # …and from then on opens the desk alone.
    accounts.authenticate(upgraded, "clerk", "Jinxiaoyan-88")
    assert upgraded.vault is not None
    with upgraded.read() as s:
        rare = s.scalars(select(Person).where(Person.name == RARE_NAME)).one()
        assert secrets_of(rare, upgraded.vault).phone == "0575-82123456"
