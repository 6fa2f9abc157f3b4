"""Builders for the service tests: a set-up desk on a real SQLite file, valid parties,
intake forms, and short-cuts that take a case to a given point of its life.

Every desk is a copy of a template desk built once per test process (tests/desk_kit.py, the same
templates the fixtures of tests/conftest.py copy), so each test still gets its own database file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import desk_kit
import pytest
from desk_kit import ADMIN_USER, COMMITTEE, PASSWORD  # the tests import them from here
from sqlalchemy import func, select

from mediation_desk.administration import accounts
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import agreement as agreement_svc
from mediation_desk.mediation import assignment, followup, mediators, sessions
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.mediation.case_access import party_person_ids
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.validation import resident_id_check_char

CASE_WORD = "谢调字"
REGION = "330604"  # 绍兴市上虞区

# The data key of the default desk's template (every copy of it shares the key). None until the
# first desk is made; `desk_kit.data_key(desk)` gives any copied desk's key.
_template_key: bytes | None = None


# The same committee set up through the command line (`mediation-desk setup …`).
CLI_SETUP = [
    "setup",
    "--name",
    "谢家塘村人民调解委员会",
    "--code",
    "XT-001",
    "--town",
    "谢塘镇",
    "--village",
    "谢家塘村",
    "--case-word",
    "谢调字",
    "--admin",
    "daicailiang",
    "--admin-name",
    "戴才良",
]


@dataclass
class Env:
    desk: Desk
    admin: Actor
    root: Path


def make_env(tmp_path: Path, committee: Mapping[str, Any] | None = None) -> Env:
    """A committee set up (谢家塘村 unless told otherwise) and its admin account, in a database file
    of this test's own under `tmp_path`/desk: unlocked as after a login, though none is recorded,
    and the key is not in the OS keyring."""
    global _template_key
    root = tmp_path / "desk"
    recipe = desk_kit.Recipe.of(committee or COMMITTEE, ["admin"], login=False)
    desk = desk_kit.copy_desk(recipe, root, remember_key=False)
    if committee is None:
        _template_key = desk_kit.data_key(desk)
    return Env(desk, desk_kit.actor(desk, ADMIN_USER), root)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    try:
        yield e
    finally:
        e.desk.close()


def today() -> dt.date:
    """The desk's calendar date (Beijing)."""
    return china_today()


# ---------------------------------------------------------------- people and forms


def resident_id(birth: dt.date, seq: int, *, male: bool = True, region: str = REGION) -> str:
    order = (seq % 499) * 2 + (1 if male else 2)  # 3-digit order, odd for men
    first17 = f"{region}{birth:%Y%m%d}{order:03d}"
    return first17 + resident_id_check_char(first17)


def party(
    name: str, seq: int, *, male: bool = True, birth: dt.date = dt.date(1962, 5, 17), **extra: Any
) -> dict[str, Any]:
    """A valid natural person: correctly checked resident ID and a mobile, both unique by `seq`.
    Extra keyword arguments override fields; None removes one."""
    data: dict[str, Any] = {
        "kind": "natural",
        "name": name,
        "id_type": "resident_id",
        "id_number": resident_id(birth, seq, male=male),
        "phone": f"139{seq:08d}",
        "address": "谢塘镇谢家塘村",
        "ethnicity": "汉族",
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def intake(*parties: dict[str, Any], **kw: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "source": "application",
        "dispute_type": "neighbour",
        "brief_facts": "两家因宅基地边界围墙的高度发生争执，多次口角",
        "area": "谢家塘村",
        "parties": list(parties) if parties else [party("王永年", 1), party("陈建林", 2)],
    }
    form.update(kw)
    return form


def actor(env: Env, username: str, role: str, **extra: Any) -> Actor:
    v = accounts.add_operator(env.desk, env.admin, {"username": username, "role": role, "password": PASSWORD, **extra})
    return Actor(v.username, v.role, v.id, v.display_name, extra.get("mediator_id"))


def add_mediator(env: Env, name: str, **kw: Any) -> str:
    data = {"name": name, "area": "谢家塘村", "skills": ["neighbour"], "title": "老娘舅", **kw}
    return mediators.add_mediator(env.desk, env.admin, data).id


# ---------------------------------------------------------------- counting rows


def count(desk: Desk, model: Any, *where: Any) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def audit_actions(desk: Desk, entity_id: str | None = None) -> list[str]:
    with desk.read() as s:
        q = select(AuditRecord.action).order_by(AuditRecord.seq)
        if entity_id:
            q = q.where(AuditRecord.entity_id == entity_id)
        return list(s.scalars(q))


def outbox_ops(desk: Desk, entity: str | None = None) -> list[OutboxOp]:
    with desk.read() as s:
        q = select(OutboxOp).order_by(OutboxOp.seq)
        if entity:
            q = q.where(OutboxOp.entity == entity)
        return list(s.scalars(q))


def case_row(desk: Desk, case_id: str) -> MediationCase:
    with desk.read() as s:
        case = s.get(MediationCase, case_id)
        assert case is not None
        return case


def parties_of(desk: Desk, case_id: str) -> list[str]:
    with desk.read() as s:
        return party_person_ids(s, case_id)


def refused(exc_info: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc_info.value.problems}


# ---------------------------------------------------------------- a case's life in steps


def session_data(person_ids: list[str], **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "place": "谢家塘村调解室",
        "matter": "围墙高度",
        "recorder": "金晓燕",
        "participants": ["王永年", "陈建林"],
        "statements": [
            {"person_id": pid, "text": f"第 {i + 1} 方陈述：围墙挡住了采光"} for i, pid in enumerate(person_ids)
        ],
        "result": "双方同意围墙降低三十公分",
        "outcome": "agreement",
    }
    data.update(kw)
    return data


def agreement_data(**kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "form": "written",
        "facts": "两家围墙高度争执",
        "disputed_issues": "围墙是否降低",
        "responsibility": "双方各有责任",
        "terms": ["陈建林将围墙降低三十公分", "王永年承担一半费用"],
        "performance_method": "自行施工，村委见证",
        "performance_deadline": today() + dt.timedelta(days=20),
        "amount": "1500.00",
    }
    data.update(kw)
    return data


def new_case(env: Env, *parties: dict[str, Any], **kw: Any) -> str:
    return intake_svc.open_case(env.desk, env.admin, intake(*parties, **kw))


def assigned_case(env: Env, mediator_id: str | None = None, **kw: Any) -> tuple[str, str]:
    case_id = new_case(env, **kw)
    mediator_id = mediator_id or add_mediator(env, "谢阿根")
    assignment.assign(env.desk, env.admin, case_id, [mediator_id])
    return case_id, mediator_id


def mediating_case(env: Env, **kw: Any) -> str:
    case_id, _ = assigned_case(env, **kw)
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    return case_id


def agreed_case(env: Env, form: str = "written", signed: bool = True, **kw: Any) -> str:
    """A case with its agreement recorded; a written one also signed (in effect) unless told not."""
    case_id = mediating_case(env, **kw)
    agreement_svc.record_agreement(env.desk, env.admin, case_id, agreement_data(form=form))
    if form == "written" and signed:
        agreement_svc.confirm_signatures(env.desk, env.admin, case_id)
    return case_id


def follow_up_case(env: Env, perf: str = "fully_performed", **kw: Any) -> str:
    case_id = agreed_case(env, **kw)
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": perf, "satisfaction": "satisfied", "notes": "已按协议降低围墙"},
    )
    return case_id


# ---------------------------------------------------------------- reading the disk raw


def encodings(value: str) -> list[bytes]:
    """The byte forms a text could take on disk: UTF-8 and UTF-16 (both byte orders)."""
    return [value.encode("utf-8"), value.encode("utf-16-le"), value.encode("utf-16-be")]


def files_under(*places: Path) -> list[Path]:
    """Every file at or below each place (a file, or a folder walked recursively)."""
    found: list[Path] = []
    for place in places:
        if place.is_file():
            found.append(place)
        elif place.is_dir():
            found.extend(sorted(p for p in place.rglob("*") if p.is_file()))
    return found


def raw_leaks(files: list[Path], secrets: dict[str, str | bytes]) -> list[str]:
    """ "label in file" for every secret (text in any encoding above, or bytes as given) found in
    the raw bytes of `files`. Empty means nothing leaked."""
    leaks = []
    for path in files:
        data = path.read_bytes()
        for label, secret in secrets.items():
            forms = [secret] if isinstance(secret, bytes) else encodings(secret)
            if any(form in data for form in forms):
                leaks.append(f"{label} in {path.name}")
    return leaks
