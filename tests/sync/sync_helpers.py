"""Helpers of the sync tests: desks of one or several committees on their own data folders, a
district prepared in-process, bulk offline work, and both sides' rows read back for comparison."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import desk_kit
from district_server import DistrictServer
from service_helpers import (
    ADMIN_USER,
    Env,
    add_mediator,
    case_row,
    make_env,
    new_case,
    parties_of,
    session_data,
)
from sqlalchemy import func, insert, select

from mediation_desk.core import hlc
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import HLC_KEY, SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.district import admin as district_admin
from mediation_desk.district.db import Database
from mediation_desk.district.models import AppliedOp, Change, Fact, Record
from mediation_desk.district.models import Committee as DistrictCommittee
from mediation_desk.mediation import assignment, sessions, states, workflow
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage import migrate
from mediation_desk.storage.state import DeskState
from mediation_desk.sync import api, credentials
from mediation_desk.sync.models import DistrictRecord

ROOT = Path(__file__).resolve().parents[2]
TOWN, OTHER_TOWN = "谢塘镇", "丰惠镇"
COMMITTEES = {  # code: (name, town, village)
    "XT-001": ("谢家塘村人民调解委员会", TOWN, "谢家塘村"),
    "XT-002": ("东山村人民调解委员会", TOWN, "东山村"),
    "FH-001": ("丰惠村人民调解委员会", OTHER_TOWN, "丰惠村"),
}
FAST = api.TransportOptions(attempts=2, backoff_first=0.01, backoff_max=0.05, connect_timeout=2, timeout=30)


@contextmanager
def district_db(server: DistrictServer) -> Iterator[Database]:
    db = Database(server.database_url)
    try:
        yield db
    finally:
        db.dispose()


def prepare_district(server: DistrictServer) -> DistrictServer:
    with district_db(server) as db:
        for town in (TOWN, OTHER_TOWN):
            district_admin.add_town(db, town)
        for code, (name, town, _) in COMMITTEES.items():
            district_admin.add_committee(db, town, code, name)
    return server


def issue_code(
    server: DistrictServer,
    *,
    committee_code: str | None = None,
    town: str | None = None,
    expires_hours: float = 72,
    now: dt.datetime | None = None,
) -> str:
    with district_db(server) as db:
        return district_admin.issue_code(
            db, committee_code=committee_code, town=town, expires_hours=expires_hours, now=now
        )


def make_desk(root: Path, code: str = "XT-001", seat: int = 1) -> Env:
    """A set-up desk with its own data folder: committee `code`, seat `seat`, an admin logged in
    (a copy of a template desk: tests/desk_kit.py)."""
    if (code, seat) == ("XT-001", 1):
        return make_env(root)
    name, town, village = COMMITTEES[code]
    return make_env(root, {"name": name, "code": code, "town": town, "village": village, "seat": seat})


def enroll(server: DistrictServer, env: Env, **target: Any) -> api.EnrollmentView:
    if not target:
        with env.desk.read() as s:
            target = {"committee_code": env.desk.committee(s).code}
    return api.enroll(env.desk, env.admin, server.url, issue_code(server, **target), options=FAST)


def sync(env: Env) -> api.SyncReport:
    return api.sync_once(env.desk, options=FAST)


def sync_until_quiet(env: Env, rounds: int = 5) -> api.SyncReport:
    for _ in range(rounds):
        report = sync(env)
        assert report.online and report.error is None, report.error
        if report.pending == 0 and report.pulled == 0:
            return report
    return report


# ---------------------------------------------------------------- reading both sides


def pending(env: Env) -> int:
    with env.desk.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == "pending")) or 0


def desk_ops(env: Env) -> dict[str, str]:
    """op id → state of every outbox op of the desk."""
    with env.desk.read() as s:
        return dict(s.execute(select(OutboxOp.op_id, OutboxOp.state)).all())


def mirror(env: Env) -> dict[tuple[str, str], dict[str, Any]]:
    """What the desk holds of the district's state, by (entity, entity id)."""
    with env.desk.read() as s:
        return {(r.entity, r.entity_id): r.data for r in s.scalars(select(DistrictRecord))}


def cases_seen(env: Env) -> dict[str, str]:
    """Every case of the committee the desk knows, with its status: its own and the district view."""
    with env.desk.read() as s:
        seen = dict(s.execute(select(MediationCase.id, MediationCase.status)).all())
        for r in s.scalars(
            select(DistrictRecord).where(DistrictRecord.entity == "case", DistrictRecord.own.is_(False))
        ):
            seen[r.entity_id] = r.data.get("status")
    return seen


def server_feed(server: DistrictServer, committee_code: str) -> tuple[dict[tuple[str, str], dict[str, Any]], int]:
    """The committee's change feed folded to the latest state per (entity, entity id), and the head."""
    with district_db(server) as db, db.read() as s:
        folded: dict[tuple[str, str], dict[str, Any]] = {}
        for change in s.scalars(select(Change).where(Change.committee_code == committee_code).order_by(Change.seq)):
            folded[(change.entity, change.entity_id)] = change.data
        return folded, s.scalar(select(func.max(Change.seq))) or 0


def server_cases(server: DistrictServer, committee_code: str) -> dict[str, str]:
    with district_db(server) as db, db.read() as s:
        committee = s.scalars(select(DistrictCommittee).where(DistrictCommittee.code == committee_code)).one()
        return dict(
            s.execute(
                select(Record.entity_id, Record.status).where(
                    Record.entity == "case", Record.committee_id == committee.id
                )
            ).all()
        )


def server_applied(server: DistrictServer) -> tuple[set[str], int, int]:
    """Applied op ids, and the number of facts and of feed entries (each op counted once)."""
    with district_db(server) as db, db.read() as s:
        applied = set(s.scalars(select(AppliedOp.op_id)))
        facts = s.scalar(select(func.count()).select_from(Fact)) or 0
        changes = s.scalar(select(func.count()).select_from(Change)) or 0
        return applied, facts, changes


# ---------------------------------------------------------------- a lot of offline work, fast


def bulk_offline_work(env: Env, cases: int, *, seq_from: int = 1) -> int:
    """`cases` cases taken through intake, assignment and a first session offline, written in
    bulk with the rows and outbox ops the services write (5 ops a case); returns the op count."""
    desk = env.desk
    with desk.read() as s:
        committee = desk.committee(s)
        last = s.get(DeskState, HLC_KEY)
        clock = hlc.Timestamp.decode(last.value) if last else hlc.ZERO
        mediator_id = "5b0c7a2e-0000-4000-8000-00000000000a"
    seat, year, now = desk.seat, 2026, dt.datetime.now(dt.UTC)
    wall = int(time.time() * 1000)
    case_rows, ops = [], []

    def tick() -> str:
        nonlocal clock
        clock = hlc.tick(clock, wall, desk.node)
        return clock.encode()

    for n in range(seq_from, seq_from + cases):
        case_id = str(uuid.uuid4())
        number = f"（{year}）谢调字第 {'' if seat == 1 else f'{seat}-'}{n:04d} 号"
        created = tick()
        payload = {
            "number": number,
            "year": year,
            "seat": seat,
            "seq": n,
            "committee_id": committee.id,
            "source": "application",
            "referrer_kind": None,
            "found_in_screening": False,
            "dispute_type": "neighbour",
            "dispute_subtype": None,
            "amount_fen": 100 * n,
            "persons_involved": 2,
            "risk_flags": [],
            "accepted_on": "2026-11-02",
            "status": states.ACCEPTED,
            "updated_hlc": created,
        }
        steps = [
            ("case", case_id, "create", payload, created),
            ("case_assignment", case_id, "append", {"mediator_id": mediator_id, "chosen_by": "committee"}, tick()),
        ]
        moved = tick()
        steps.append(
            (
                "case",
                case_id,
                "transition",
                {"from": states.ACCEPTED, "to": states.ASSIGNED, "hlc": moved, "closed_on": None},
                moved,
            )
        )
        steps.append(
            (
                "session_record",
                str(uuid.uuid4()),
                "append",
                {"case_id": case_id, "outcome": "continue", "held_at": "2026-11-03T01:30:00+00:00"},
                tick(),
            )
        )
        last_move = tick()
        steps.append(
            (
                "case",
                case_id,
                "transition",
                {"from": states.ASSIGNED, "to": states.IN_MEDIATION, "hlc": last_move, "closed_on": None},
                last_move,
            )
        )
        for entity, entity_id, kind, body, at in steps:
            ops.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "hlc": at,
                    "entity": entity,
                    "entity_id": entity_id,
                    "kind": kind,
                    "payload": body,
                    "state": "pending",
                    "attempts": 0,
                    "created_at": now,
                }
            )
        case_rows.append(
            {
                "id": case_id,
                "committee_id": committee.id,
                "number": number,
                "year": year,
                "seat": seat,
                "seq": n,
                "source": "application",
                "found_in_screening": False,
                "dispute_type": "neighbour",
                "brief_facts": "邻里因排水沟堵塞发生争执",
                "amount_fen": 100 * n,
                "persons_involved": 2,
                "risk_flags": [],
                "prevented": [],
                "private_mediation": True,
                "accepted_on": dt.date(2026, 11, 2),
                "status": states.IN_MEDIATION,
                "status_changed_at": now,
                "routes_told": [],
                "retention": "long",
                "search_text": number,
                "created_by": ADMIN_USER,
                "created_at": now,
                "updated_at": now,
                "updated_hlc": last_move,
            }
        )
    with desk.write(SYSTEM) as uow:
        uow.session.execute(insert(MediationCase), case_rows)
        uow.session.execute(insert(OutboxOp), ops)
        uow.session.merge(DeskState(key=HLC_KEY, value=clock.encode()))
    return len(ops)


# ---------------------------------------------------------------- the desk's sync in its own process


def sync_command(env: Env, *extra: str) -> list[str]:
    return [sys.executable, "-m", "mediation_desk", "--data-dir", str(env.root), "sync", *extra]


def child_env(env: Env) -> dict[str, str]:
    """The command line on a PC without a secure keyring: the token comes from the environment."""
    token = credentials.token(env.desk)
    assert token
    child = dict(os.environ)
    child.update(
        {
            "MEDIATION_DESK_DEVICE_TOKEN": token,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "MEDIATION_DESK_NO_GUI": "1",
            "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
        }
    )
    child.pop("MEDIATION_DESK_PASSWORD", None)
    return child


def run_sync(env: Env, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        sync_command(env, *extra), capture_output=True, text=True, env=child_env(env), timeout=timeout, cwd=ROOT
    )


# ---------------------------------------------------------------- a conflict, as it happens in a village


def unlock(env: Env) -> None:
    """The admin logs in again (a copied desk's key is its template's)."""
    env.desk.unlock(Vault(desk_kit.data_key(env.desk)))


def restored_desk_declines(district, desk_a: Env, tmp_path) -> str:
    """A desk restored from an older backup declines a case the district knows to be in mediation."""
    enroll(district, desk_a)
    mediator = add_mediator(desk_a, "谢阿根")
    case_id = new_case(desk_a)
    assignment.assign(desk_a.desk, desk_a.admin, case_id, [mediator])
    sync(desk_a)
    backup = migrate.copy_database(desk_a.desk.paths.database, tmp_path / "before-session.sqlite3")
    sessions.add_session(desk_a.desk, desk_a.admin, case_id, session_data(parties_of(desk_a.desk, case_id)))
    sync(desk_a)
    assert server_cases(district, "XT-001")[case_id] == states.IN_MEDIATION
    paths = desk_a.desk.paths
    desk_a.desk.close()
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, paths.database)
    desk_a.desk = Desk.open(paths)
    unlock(desk_a)
    assert case_row(desk_a.desk, case_id).status == states.ASSIGNED
    workflow.transition(desk_a.desk, desk_a.admin, case_id, states.DECLINED, reason="当事人明确拒绝调解")
    return case_id
