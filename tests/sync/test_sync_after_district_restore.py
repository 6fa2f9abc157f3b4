"""The district's database goes back to a backup: what a desk pushed after that backup is sent up
again by the desk's next sync round, so nothing the village recorded is lost at the district."""

from __future__ import annotations

from pathlib import Path

import pytest
from district_server import DistrictServer
from service_helpers import Env, new_case
from sqlalchemy import select
from sync_helpers import enroll, prepare_district, server_cases, sync

from mediation_desk.core.models import AuditRecord


@pytest.fixture
def sqlite_district(tmp_path: Path):
    """Backup and restore by the admin command are SQLite's (PostgreSQL's are pg_dump's)."""
    with DistrictServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "server.log") as server:
        yield prepare_district(server)


def test_a_restored_district_gets_back_what_the_desk_sent_after_its_backup(
    sqlite_district, desk_a: Env, tmp_path: Path
) -> None:
    district = sqlite_district
    enroll(district, desk_a)
    before = new_case(desk_a)
    assert sync(desk_a).rejected == 0
    saved = tmp_path / "district-backup.sqlite3"
    district.admin("backup", "--to", str(saved), "--reason", "每日备份")
    after = new_case(desk_a)
    assert sync(desk_a).applied >= 1
    assert set(server_cases(district, "XT-001")) == {before, after}

    district.admin("restore", "--from", str(saved), "--reason", "磁盘损坏后恢复", "--yes")
    assert set(server_cases(district, "XT-001")) == {before}  # the case made after the backup is gone
    report = sync(desk_a)
    assert report.rejected == report.conflicts == 0 and report.pending == 0
    assert set(server_cases(district, "XT-001")) == {before, after}
    with desk_a.desk.read() as s:
        [requeued] = s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.requeued")).all()
        assert requeued.detail["ops"] >= 2
    # Once caught up, the next round sends nothing again.
    again = sync(desk_a)
    assert again.pushed == 0 and again.rejected == 0
