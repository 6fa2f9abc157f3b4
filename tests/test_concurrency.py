"""Two desk processes on one data folder (two windows, or the window and a command-line import)
taking cases at the same moment: nothing lost, nothing doubled, one unbroken audit chain."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from mediation_desk.administration import accounts
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import OutboxOp
from mediation_desk.desk import Desk
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.mediation.numbering import parse_case_number
from mediation_desk.paths import AppPaths
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person

PER_PROCESS = 40
PASSWORD = "Xietang-2026!"
REPO = Path(__file__).resolve().parents[1]

WORKER = r"""
import json, os, sys, time
from pathlib import Path
from mediation_desk.administration import accounts
from mediation_desk.capabilities import register_all
from mediation_desk.desk import Desk
from mediation_desk.mediation import intake
from mediation_desk.paths import AppPaths

register_all()  # as the window and the command line do at start-up

root, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
desk = Desk.open(AppPaths.resolve(root))
# A process of its own has no data key in memory: the operator logs in, which unlocks it.
actor = accounts.authenticate(desk, "daicailiang", os.environ["DESK_TEST_PASSWORD"])
print("ready", flush=True)
deadline = time.monotonic() + 60
while not go.exists():
    if time.monotonic() > deadline:
        sys.exit("never told to start")
    time.sleep(0.002)
ids = []
for i in range(count):
    ids.append(intake.open_case(desk, actor, {
        "dispute_type": "neighbour",
        "brief_facts": f"{tag}号窗口受理的第{i}件邻里纠纷",
        "parties": [{"name": f"当事人{tag}{i}", "phone": f"139{i:08d}"}, {"name": f"对方{tag}{i}"}],
    }))
    if i % 8 == 7:
        time.sleep(0.05)  # a clerk between two intakes: lets the other process in mid-run
desk.close()
print(json.dumps(ids), flush=True)
"""


@pytest.mark.slow
def test_two_processes_open_cases_at_the_same_time(tmp_path, committee_data):
    root = tmp_path / "shared-desk"
    desk = Desk.open(AppPaths.resolve(root))
    accounts.setup_desk(
        desk, committee_data, {"username": "daicailiang", "display_name": "戴才良", "password": PASSWORD}
    )
    desk.close()

    go = tmp_path / "go"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "DESK_TEST_PASSWORD": PASSWORD,
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(root), tag, str(PER_PROCESS), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        for tag in ("甲", "乙")
    ]
    try:
        for w in workers:  # both have opened the desk before either starts writing
            line = w.stdout.readline()
            assert line.strip() == "ready", w.stderr.read()
        go.touch()
        outputs = [w.communicate(timeout=240) for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    for w, (out, err) in zip(workers, outputs, strict=False):
        assert w.returncode == 0, err
    created = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    assert [len(ids) for ids in created] == [PER_PROCESS, PER_PROCESS]
    all_ids = set(created[0]) | set(created[1])
    total = 2 * PER_PROCESS

    desk = Desk.open(AppPaths.resolve(root))
    try:
        accounts.authenticate(desk, "daicailiang", PASSWORD)
        with desk.read() as s:
            cases = s.execute(select(MediationCase.id, MediationCase.number, MediationCase.seq)).all()
            assert len(cases) == total
            assert {c.id for c in cases} == all_ids
            numbers = [c.number for c in cases]
            assert len(set(numbers)) == total
            # One desk, one series: the write lock hands out 1..80 with no gap and no repeat.
            assert sorted(parse_case_number(n).seq for n in numbers) == list(range(1, total + 1))
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
            report = verify_chain(s)
            assert report.ok, report
            creates = (
                s.execute(select(OutboxOp.entity_id).where(OutboxOp.entity == "case", OutboxOp.kind == "create"))
                .scalars()
                .all()
            )
            assert len(creates) == total
            assert set(creates) == all_ids
            fts = s.execute(text("SELECT count(*) FROM case_fts WHERE body MATCH '邻里纠纷'")).scalar()
            assert fts == total
            # Both processes sealed with the one data key: every phone opens under the admin's login.
            phones = sorted(
                secrets_of(p, desk.vault).phone for p in s.scalars(select(Person).where(Person.name.like("当事人%")))
            )
            assert phones == sorted(f"139{i:08d}" for i in range(PER_PROCESS) for _ in range(2))
    finally:
        desk.close()
