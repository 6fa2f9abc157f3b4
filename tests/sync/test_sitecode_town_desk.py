"""Site codes (一单一码) between desks through the real district server: a village's place pushed,
the district's task for it listed at the town's desk with the place, closed there and pulled back
by the village's desk; the towns' conversion rates; a new scheme issued at the district reaching a
committee's desk; and what a committee's desk, a clerk or bad input cannot do."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import Env, actor
from site_rows import month_codes, open_task
from sqlalchemy import select
from sync_helpers import FAST, district_db, enroll, make_desk, sync, sync_until_quiet

from mediation_desk.core.models import AuditRecord
from mediation_desk.district import sitecode_scheme
from mediation_desk.district.sitecode_models import SitePlace
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.sitecode import placard_code, places, rules, scheme, scheme_store
from mediation_desk.sitecode.models import SchemeVersion, Task
from mediation_desk.sync import town_sites
from mediation_desk.sync.errors import SyncError

pytestmark = pytest.mark.usefixtures("district")
TOWN = "谢塘镇"
OUTCOME = "已暗访，消防通道已清理"


@pytest.fixture
def district_server(district_database_url: str, tmp_path: Path):
    """The server without its own month end: the tests write the months' codes themselves."""
    from district_server import DistrictServer

    server = DistrictServer(
        district_database_url, log_path=tmp_path / "district-server.log", serve_options=["--month-end-every", "0"]
    )
    with server:
        yield server


@pytest.fixture
def town(district, tmp_path: Path) -> Iterator[Env]:
    """The 谢塘镇 centre's PC, enrolled for the town."""
    env = make_desk(tmp_path / "town", "XT-002")
    try:
        enroll(district, env, town=TOWN)
        yield env
    finally:
        env.desk.close()


def pushed_place(env: Env, name: str = "谢家塘五金店") -> str:
    made = places.add_place(env.desk, env.admin, name=name, category="shop", address="谢家塘村 18 号", grid="一网格")
    sync_until_quiet(env)
    return made.id


def test_a_task_is_closed_at_the_town_and_reaches_the_village(district, desk_a: Env, town: Env) -> None:
    enroll(district, desk_a)
    place_id = pushed_place(desk_a)
    with district_db(district) as db:
        with db.read() as s:
            assert s.get(SitePlace, place_id) is not None  # the push reached the district's projection
        task_id = open_task(db, place_id)
    sync(desk_a)
    with desk_a.desk.read() as s:
        assert s.get(Task, task_id).status == rules.TASK_OPEN

    [listed] = town_sites.town_tasks(town.desk, town.admin, options=FAST)
    assert (listed.id, listed.place_id, listed.place_name, listed.category_label, listed.grid) == (
        task_id,
        place_id,
        "谢家塘五金店",
        "商铺",
        "一网格",
    )
    assert (listed.committee_code, listed.kind_label, listed.status) == ("XT-001", "暗访检查", rules.TASK_OPEN)
    assert listed.place_code == placard_code.place_code(place_id) and listed.opened_on == dt.date(2026, 11, 1)

    closed = town_sites.close_task(town.desk, town.admin, task_id, outcome=f"  {OUTCOME} ", options=FAST)
    assert (closed.status, closed.outcome, closed.changed) == (rules.TASK_DONE, OUTCOME, True)
    assert closed.closed_on is not None
    again = town_sites.close_task(town.desk, town.admin, task_id.upper(), outcome=OUTCOME, options=FAST)
    assert again.changed is False and again.closed_on == closed.closed_on
    with pytest.raises(ValidationError) as refused:
        town_sites.close_task(town.desk, town.admin, task_id, outcome="改成别的结果", options=FAST)
    assert refused.value.problems[0].field == "outcome" and OUTCOME in str(refused.value)
    with town.desk.read() as s:
        audited = s.scalars(select(AuditRecord).where(AuditRecord.action == "sitecode.task")).all()
        assert [a.detail["changed"] for a in audited] == [True, False]

    assert town_sites.town_tasks(town.desk, town.admin, options=FAST) == []
    assert [t.id for t in town_sites.town_tasks(town.desk, town.admin, open_only=False, options=FAST)] == [task_id]

    sync(desk_a)
    with desk_a.desk.read() as s:
        row = s.get(Task, task_id)
        assert (row.status, row.outcome, row.closed_on) == (rules.TASK_DONE, OUTCOME, closed.closed_on)


def test_the_town_reads_its_villages_conversion_rates(district, desk_a: Env, town: Env) -> None:
    enroll(district, desk_a)
    red, yellow = pushed_place(desk_a, "红码商铺"), pushed_place(desk_a, "黄码商铺")
    with district_db(district) as db:
        with db.read() as s:
            month = sitecode_scheme.last_closed_month(s)
        month_codes(db, rules.add_months(month, -1), {red: rules.RED, yellow: rules.YELLOW})
        month_codes(db, month, {red: rules.GREEN, yellow: rules.RED})

    answer = town_sites.town_rates(town.desk, town.admin, month, options=FAST)
    assert (answer.month, answer.compared_with, answer.complete) == (month, rules.add_months(month, -1), False)
    villages = {v.committee_code: v for v in answer.villages}
    assert set(villages) == {"XT-001", "XT-002"}
    assert (villages["XT-001"].rate.eligible, villages["XT-001"].rate.converted) == (2, 1)
    assert villages["XT-001"].rate.rate == 0.5 and villages["XT-001"].rate.text.startswith("50.0%")
    assert villages["XT-002"].rate.rate is None and answer.town.text.startswith("50.0%")


def test_what_the_town_desk_refuses(district, desk_a: Env, town: Env) -> None:
    enroll(district, desk_a)
    unknown = "0f8c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
    # A committee's desk is refused before any contact with the district.
    for call in (
        lambda: town_sites.town_tasks(desk_a.desk, desk_a.admin, options=FAST),
        lambda: town_sites.close_task(desk_a.desk, desk_a.admin, unknown, outcome="x", options=FAST),
        lambda: town_sites.town_rates(desk_a.desk, desk_a.admin, "2026-01", options=FAST),
    ):
        with pytest.raises(PermissionDenied, match="镇（街道）"):
            call()
    # A clerk of the town may not handle tasks.
    clerk = actor(town, "clerk1", "clerk")
    with pytest.raises(PermissionDenied):
        town_sites.town_tasks(town.desk, clerk, options=FAST)
    # Bad input, named by its field.
    for task_id, outcome, field in [
        ("12ab", OUTCOME, "task_id"),
        ("", OUTCOME, "task_id"),
        (unknown, "", "outcome"),
        (unknown, "   ", "outcome"),
        (unknown, "x" * (rules.MAX_TEXT_CHARS + 1), "outcome"),
        (unknown, "负责人电话 13812345678", "outcome"),
    ]:
        with pytest.raises(ValidationError) as refused:
            town_sites.close_task(town.desk, town.admin, task_id, outcome=outcome, options=FAST)
        assert refused.value.problems[0].field == field, (task_id, outcome)
    with pytest.raises(SyncError, match="没有这个"):
        town_sites.close_task(town.desk, town.admin, unknown, outcome=OUTCOME, options=FAST)
    current = rules.period_of(dt.datetime.now(dt.UTC))
    for month in ("2026-13", "26-01", "", current):
        with pytest.raises(ValidationError) as refused:
            town_sites.town_rates(town.desk, town.admin, month, options=FAST)
        assert refused.value.problems[0].field == "month", month


def test_a_new_scheme_reaches_a_committee_desk(district, desk_a: Env, tmp_path: Path) -> None:
    enroll(district, desk_a)
    sync(desk_a)
    with desk_a.desk.read() as s:
        assert scheme_store.current_scheme(s).version == 1
    wire = scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)
    wire["version"] = 2
    wire["checklists"][1]["items"].append({"code": "signs", "text": "安全出口标志完好"})
    path = tmp_path / "scheme-2.json"
    path.write_text(json.dumps(wire, ensure_ascii=False), encoding="utf-8")
    district.admin("sites", "scheme", "set", str(path), "--reason", "商铺增加一项")
    sync(desk_a)
    with desk_a.desk.read() as s:
        held = scheme_store.current_scheme(s)
        assert held.version == 2 and held.checklist("shop").item("signs").text == "安全出口标志完好"
        assert s.get(SchemeVersion, 2).source == scheme_store.DISTRICT
    # A version that does not rise is refused at the district; the desk keeps version 2.
    wire["version"] = 2
    path.write_text(json.dumps(wire, ensure_ascii=False), encoding="utf-8")
    refused = district.admin("sites", "scheme", "set", str(path), "--reason", "再发一次", check=False)
    assert refused == ""
    sync(desk_a)
    with desk_a.desk.read() as s:
        assert scheme_store.current_scheme(s).version == 2
