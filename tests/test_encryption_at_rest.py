"""Encryption at rest, proved on the disk itself.

A desk is filled through the services with parties whose ID numbers, phones and addresses are
distinctive test values, a mediator's phone, an attachment with a distinctive content, an audit
trail (full-data views, an opened attachment, an export) and a backup. The desk is closed and the
raw bytes of every file it wrote are read: none may hold any of those values, in any spelling or
encoding. Then lookups by ID number and phone still work once unlocked, search by name works,
and a wrong password or recovery key is refused cleanly with the desk left locked.

What is checked for: ID numbers, phone numbers (mobile and landline, every spelling a user may
type), addresses, a mediator's phone, and the content of an attachment. Health notes are not
checked because the schema has none yet: they arrive with the bracelet alarms, and are to be
added to this list (and sealed like the rest) then."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    env,
    files_under,
    parties_of,
    party,
    raw_leaks,
)
from service_helpers import (
    intake as intake_form,
)
from sqlalchemy import select, update

from mediation_desk.administration import accounts, credentials
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, PermissionDenied, ValidationError
from mediation_desk.mediation import attachments, exchange, intake, mediators, queries
from mediation_desk.mediation.models_case import Attachment
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.people.identity import Secrets, find_people, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import crypto, keys
from mediation_desk.storage import backup
from mediation_desk.validation import resident_id_check_char

PASSWORD = "Xietang-2026!"  # the admin fixture's password (conftest)
ADMIN = "daicailiang"


def _resident_id(first16: str) -> str:
    """The first resident ID starting with `first16` whose check character is X (the letter a
    user may type in lower case), so lookups must normalise it."""
    for last in range(10):
        first17 = f"{first16}{last}"
        if resident_id_check_char(first17) == "X":
            return first17 + "X"
    raise AssertionError("no X check character in this range")


ID_A = _resident_id("3306821971082341")  # 1971-08-23, ends in X
ID_B = "330604198811020023"
PHONE_A = "13812345678"
PHONE_A_SPELLINGS = ["13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678"]
PHONE_B = "0575-82987654"
PHONE_B_SPELLINGS = ["0575-82987654", "057582987654"]
MEDIATOR_PHONE = "13655501234"
ADDRESS_A = "谢塘镇幸福弄 17 号 3 单元 501 室"
ADDRESS_B = "谢家塘村𠀾字桥头 8 号"  # with a character outside the BMP
NAME_A, NAME_B = "欧阳静霞", "司马𠀾林"
MARKER = b"EVIDENCE-ZQX-7781-UNIQUE-BYTES"
LOAN_NOTE = "借条：欧阳静霞借司马𠀾林人民币叁万元整"
SCAN = (
    b"%PDF-1.4\n% " + MARKER + b"\n" + LOAN_NOTE.encode("utf-8") + b"\n" + LOAN_NOTE.encode("utf-16-le") + b"\n%%EOF\n"
)


def secrets_on_record() -> dict[str, str | bytes]:
    """Every value that must not be readable on disk (texts are looked for in UTF-8 and UTF-16)."""
    values: dict[str, str | bytes] = {
        "ID A": ID_A,
        "ID A lower": ID_A.lower(),
        "ID B": ID_B,
        "address A": ADDRESS_A,
        "address B": ADDRESS_B,
        "mediator phone": MEDIATOR_PHONE,
        "attachment marker": MARKER,
        "attachment text": LOAN_NOTE,
        "attachment": SCAN,
    }
    values.update({f"phone A as {p}": p for p in PHONE_A_SPELLINGS})
    values.update({f"phone B as {p}": p for p in PHONE_B_SPELLINGS})
    return values


def numbers_found(desk: Desk, query: str) -> set[str]:
    return {c.number for c in queries.list_cases(desk, SYSTEM, query=query)}


def fill_desk(desk: Desk, admin: Actor, tmp_path: Path) -> dict[str, Any]:
    """A desk in use: a mediator, a case with two parties, an attachment, views, an export, a backup."""
    mediator = mediators.add_mediator(
        desk,
        admin,
        {"name": "谢阿根", "phone": MEDIATOR_PHONE, "area": "谢家塘村", "skills": ["neighbour"], "title": "老娘舅"},
    )
    case_id = intake.open_case(
        desk,
        admin,
        intake_form(
            party(NAME_A, 1, id_number=ID_A, phone=PHONE_A, address=ADDRESS_A),
            party(NAME_B, 2, id_number=ID_B, phone=PHONE_B, address=ADDRESS_B),
            dispute_type="contract",
            brief_facts="民间借贷纠纷：借款三万元到期未还",
        ),
    )
    source = tmp_path / "outside" / "借条.pdf"
    source.parent.mkdir()
    source.write_bytes(SCAN)
    att = attachments.attach_file(desk, admin, case_id, source, kind="evidence", note="借条原件扫描")
    source.unlink()  # the operator's own copy is not the desk's to keep
    # The audit trail of access: a full view, an opened attachment, an export.
    detail = queries.case_detail(desk, admin, case_id, full_personal_data=True, reason="申请司法确认需核对身份")
    assert {p.person.id_number for p in detail.parties} == {ID_A, ID_B}
    assert attachments.read_attachment(desk, admin, att.id, "核对借条") == SCAN
    exported = io.StringIO()
    assert exchange.export_cases(desk, admin, "json", exported) == 1
    assert ID_A in exported.getvalue()  # the export file itself is the operator's, in clear by intent
    written = backup.backup_database(desk.paths.database, desk.paths.backups)
    return {"case_id": case_id, "attachment_id": att.id, "mediator_id": mediator.id, "backup": written}


def test_nothing_personal_is_readable_on_disk_and_lookup_still_works(
    desk: Desk, committee: CommitteeView, admin: Actor, tmp_path: Path
) -> None:
    made = fill_desk(desk, admin, tmp_path)
    with desk.read() as s:
        actions = [r.action for r in s.scalars(select(AuditRecord).order_by(AuditRecord.seq))]
        assert verify_chain(s).ok
    assert {"case.view_personal_data", "attachment.open", "case.export"} <= set(actions)
    paths = desk.paths
    # While the desk is open its write-ahead log holds the latest pages: nothing there either.
    wal = paths.database.with_name(paths.database.name + "-wal")
    assert wal.is_file() and wal.stat().st_size > 0
    assert raw_leaks(files_under(paths.data), secrets_on_record()) == []
    desk.close()

    files = files_under(paths.data)
    names = {p.name for p in files}
    # The check covers what matters: the database, the sealed attachment, the backup.
    assert paths.database.name in names
    assert f"{made['attachment_id']}.sealed" in names
    assert made["backup"].name in names
    assert any(p.parent == paths.attachments for p in files)
    assert raw_leaks(files, secrets_on_record()) == []

    desk2 = Desk.open(paths)
    try:
        assert desk2.vault is None
        # Locked: names are searchable (they are not encrypted), ID numbers and phones are not.
        number = queries.case_detail(desk2, admin, made["case_id"]).summary.number
        assert numbers_found(desk2, NAME_B) == {number}
        assert numbers_found(desk2, ID_A) == set()
        # A wrong password: a clear refusal, nothing unlocked.
        with pytest.raises(PermissionDenied, match="用户名或密码错误"):
            accounts.authenticate(desk2, ADMIN, PASSWORD + "x")
        assert desk2.vault is None
        # A wrong recovery key, or one that is not a recovery key at all: likewise.
        raw = crypto.parse_recovery_key(committee.recovery_key or "")
        assert raw is not None
        wrong = crypto.format_recovery_key(bytes([raw[0] ^ 1]) + raw[1:])
        with pytest.raises(ValidationError) as refused:
            credentials.recover_with_key(desk2, wrong, ADMIN, "Brand-new-pass-1")
        assert [p.rule for p in refused.value.problems] == ["recovery_key_wrong"]
        assert desk2.vault is None
        with pytest.raises(ValidationError) as garbled:
            credentials.recover_with_key(desk2, "not a key", ADMIN, "Brand-new-pass-1")
        assert [p.rule for p in garbled.value.problems] == ["recovery_key_format"]
        assert desk2.vault is None
        accounts.authenticate(desk2, ADMIN, PASSWORD)  # the old password still works: nothing changed
        desk2.lock()
        # The right recovery key opens the same data key.
        with desk2.read() as s:
            assert keys.key_matches(s, keys.unlock_with_recovery(s, committee.recovery_key or ""))

        accounts.authenticate(desk2, ADMIN, PASSWORD)
        assert desk2.vault is not None
        for query in [ID_A, ID_A.lower(), ID_B, *PHONE_A_SPELLINGS, *PHONE_B_SPELLINGS, NAME_A, NAME_B]:
            assert numbers_found(desk2, query) == {number}, query
        with desk2.read() as s:
            people = {p.name: p for p in s.scalars(select(Person))}
            assert secrets_of(people[NAME_A], desk2.vault) == Secrets(ID_A, PHONE_A, ADDRESS_A)
            assert secrets_of(people[NAME_B], desk2.vault) == Secrets(ID_B, PHONE_B, ADDRESS_B)
            assert [p.name for p in find_people(s, desk2.vault, phone="138-1234-5678")] == [NAME_A]
            assert [p.name for p in find_people(s, desk2.vault, id_number=ID_A.lower())] == [NAME_A]
            assert people[NAME_A].id_number_idx == desk2.vault.index(ID_A)
            m = s.get(Mediator, made["mediator_id"])
            assert mediators.mediator_phone(m, desk2.vault) == MEDIATOR_PHONE
        assert attachments.verify_attachment(desk2, made["attachment_id"])
    finally:
        desk2.close()


def test_a_ciphertext_moved_to_another_row_or_column_does_not_open(env: Env) -> None:
    case_id = intake.open_case(
        env.desk,
        env.admin,
        intake_form(
            party(NAME_A, 11, id_number=ID_A, phone=PHONE_A, address=ADDRESS_A),
            party(NAME_B, 12, id_number=ID_B, phone=PHONE_B, address=ADDRESS_B),
        ),
    )
    a_id, b_id = parties_of(env.desk, case_id)
    vault = env.desk.vault
    with env.desk.write(env.admin) as uow:
        a = uow.session.get(Person, a_id)
        # Someone with the database file copies A's sealed ID number over B's, and A's phone
        # into A's own address column.
        uow.session.execute(update(Person).where(Person.id == b_id).values(id_number_enc=a.id_number_enc))
        uow.session.execute(update(Person).where(Person.id == a_id).values(address_enc=a.phone_enc))
    with env.desk.read() as s:
        b = s.get(Person, b_id)
        a = s.get(Person, a_id)
        # The associated data binds each value to its row and column: a clear error, never A's data.
        with pytest.raises(crypto.DecryptError):
            secrets_of(b, vault)
        with pytest.raises(crypto.DecryptError):
            secrets_of(a, vault)
    # Nor does an attachment's sealed file put in another attachment's place.
    src = env.root.parent / "scan.pdf"
    src.write_bytes(SCAN)
    first = attachments.attach_file(env.desk, env.admin, case_id, src)
    src.write_bytes(SCAN.replace(MARKER, b"SECOND-ATTACHMENT-BYTES-000000"))
    second = attachments.attach_file(env.desk, env.admin, case_id, src)
    folder = env.desk.paths.attachments
    (folder / f"{second.id}.sealed").write_bytes((folder / f"{first.id}.sealed").read_bytes())
    assert not attachments.verify_attachment(env.desk, second.id)
    with pytest.raises(DeskError, match="缺失或已被改动"):
        attachments.read_attachment(env.desk, env.admin, second.id, "核对")
    assert attachments.read_attachment(env.desk, env.admin, first.id, "核对") == SCAN


def test_the_sealed_columns_hold_ciphertext_and_the_indexes_keyed_hashes(env: Env) -> None:
    """What a reader of the raw table sees: version byte, nonce, ciphertext and tag; and keyed
    hashes that do not match a plain SHA-256 of the value (no dictionary lookup without the key)."""
    import hashlib

    case_id = intake.open_case(
        env.desk,
        env.admin,
        intake_form(party(NAME_A, 21, id_number=ID_A, phone=PHONE_A, address=ADDRESS_A), party("陈建林", 22)),
    )
    with env.desk.read() as s:
        a = s.get(Person, parties_of(env.desk, case_id)[0])
        for blob, plain in ((a.id_number_enc, ID_A), (a.phone_enc, PHONE_A), (a.address_enc, ADDRESS_A)):
            assert blob[:1] == crypto.VERSION
            assert len(blob) == 1 + crypto.NONCE_BYTES + len(plain.encode()) + 16
            assert plain.encode() not in blob
        assert a.id_number_idx not in (hashlib.sha256(ID_A.encode()).hexdigest(), ID_A)
        assert a.phone_idx not in (hashlib.sha256(PHONE_A.encode()).hexdigest(), PHONE_A)
        assert s.scalars(select(Attachment)).first() is None
