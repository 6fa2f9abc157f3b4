"""The desk's sync against the real district server on 127.0.0.1: enrollment, two desks of one
committee converging, replays, the server away, scopes, revocation, conflicts, escalation files."""

from __future__ import annotations

import datetime as dt

import httpx
import keyring
import keyring.backends.fail
import pytest
from service_helpers import Env, add_mediator, case_row, mediating_case, new_case, party
from sqlalchemy import select
from sync_helpers import (
    FAST,
    cases_seen,
    desk_ops,
    district_db,
    enroll,
    issue_code,
    make_desk,
    mirror,
    pending,
    restored_desk_declines,
    server_applied,
    server_cases,
    server_feed,
    sync,
    sync_until_quiet,
    unlock,
)

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.desk import Desk
from mediation_desk.district import admin as district_admin
from mediation_desk.district import server_key
from mediation_desk.district.models import CaseFile
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import assignment, states, workflow
from mediation_desk.storage.state import DeskState
from mediation_desk.sync import api, credentials
from mediation_desk.sync.push import SYNC_ACTOR, to_wire
from mediation_desk.sync.transport import DistrictClient

pytestmark = pytest.mark.usefixtures("district")


def device_tokens(memory_keyring) -> list[str]:
    return [v for (_, entry), v in memory_keyring.secrets.items() if entry.startswith("device-token:")]


# ------------------------------------------------------------------ enrollment


def test_enrollment_keeps_the_token_in_the_keyring_only(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    assert (view.scope, view.committee_code, view.town, view.token_in_keyring) == (
        "committee",
        "XT-001",
        "谢塘镇",
        True,
    )
    assert view.session_token is None and "钥匙串" in view.message
    [token] = device_tokens(memory_keyring)
    status = api.sync_status(desk_a.desk)
    assert (status.enrolled, status.server_url, status.committee_code, status.token) == (
        True,
        district.url,
        "XT-001",
        "keyring",
    )
    raw = (
        desk_a.desk.paths.database.read_bytes() + desk_a.desk.paths.database.with_name("desk.sqlite3-wal").read_bytes()
    )
    assert token.encode() not in raw
    with desk_a.desk.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.enroll")).one()
        assert token not in str(record.detail) and record.detail["server"] == district.url


@pytest.mark.parametrize(
    "how, rule",
    [
        ("unknown", contract.ERROR_CODE_UNKNOWN),
        ("expired", contract.ERROR_CODE_EXPIRED),
        ("used", contract.ERROR_CODE_USED),
    ],
)
def test_a_bad_code_is_refused_and_nothing_is_kept(district, desk_a: Env, memory_keyring, how: str, rule: str) -> None:
    if how == "unknown":
        code = "WRNG-CODE-0000"
    elif how == "expired":
        code = issue_code(
            district, committee_code="XT-001", expires_hours=1, now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
        )
    else:
        code = issue_code(district, committee_code="XT-001")
        httpx.post(f"{district.url}{contract.ENROLL_PATH}", json={"code": code}, timeout=30).raise_for_status()
    with pytest.raises(ValidationError) as refused:
        api.enroll(desk_a.desk, desk_a.admin, district.url, code, options=FAST)
    problem = refused.value.problems[0]
    assert (problem.field, problem.rule) == ("code", rule) and "登记码" in problem.message
    assert api.sync_status(desk_a.desk).enrolled is False and device_tokens(memory_keyring) == []


def test_a_code_of_another_committee_does_not_bind_this_desk(district, desk_a: Env, memory_keyring) -> None:
    with pytest.raises(ValidationError) as refused:
        api.enroll(desk_a.desk, desk_a.admin, district.url, issue_code(district, committee_code="FH-001"), options=FAST)
    assert refused.value.problems[0].rule == "code_other_committee" and "丰惠村" in refused.value.problems[0].message
    assert api.sync_status(desk_a.desk).enrolled is False and device_tokens(memory_keyring) == []


def test_an_address_that_is_no_district_server_is_refused(district, desk_a: Env) -> None:
    with pytest.raises(api.SyncError, match="HTTP 404"):
        api.enroll(
            desk_a.desk,
            desk_a.admin,
            f"{district.url}/elsewhere",
            issue_code(district, committee_code="XT-001"),
            options=FAST,
        )
    assert api.sync_status(desk_a.desk).enrolled is False


def test_without_a_secure_keyring_the_token_is_asked_for_each_session(district, desk_a: Env, monkeypatch) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    view = enroll(district, desk_a)
    assert view.token_in_keyring is False and view.session_token and "没有安全的系统钥匙串" in view.message
    assert sync(desk_a).online  # this session holds it in memory
    desk_a.desk.close()
    desk_a.desk = Desk.open(desk_a.desk.paths)  # the next session
    assert api.sync_status(desk_a.desk).token is None
    with pytest.raises(api.TokenMissing, match="设备令牌"):
        sync(desk_a)
    api.use_token_for_session(desk_a.desk, view.session_token)
    assert sync(desk_a).online


# ------------------------------------------------------------------ two desks of one committee


def test_two_desks_of_one_committee_work_offline_and_converge(district, desk_a: Env, desk_b: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    # Offline, each takes its own disputes.
    a1 = new_case(desk_a, party("赵德胜", 11), party("钱秀英", 12))
    a2 = mediating_case(desk_a, parties=[party("孙建华", 13), party("李桂芳", 14)])
    b1 = new_case(desk_b, party("周明强", 21), party("吴海燕", 22))
    b_mediator = add_mediator(desk_b, "谢阿根")
    assignment.assign(desk_b.desk, desk_b.admin, b1, [b_mediator])
    b2 = new_case(desk_b, party("郑志刚", 23), party("王丽娟", 24))
    workflow.transition(desk_b.desk, desk_b.admin, b2, states.DECLINED, reason="当事人明确拒绝调解")
    assert case_row(desk_b.desk, b1).number.startswith("（") and "第 2-" in case_row(desk_b.desk, b1).number

    sync_until_quiet(desk_a)
    sync_until_quiet(desk_b)
    sync_until_quiet(desk_a)

    expected = server_cases(district, "XT-001")
    assert set(expected) == {a1, a2, b1, b2}
    assert cases_seen(desk_a) == cases_seen(desk_b) == expected
    assert expected[a2] == states.IN_MEDIATION and expected[b2] == states.DECLINED
    feed, _ = server_feed(district, "XT-001")
    assert mirror(desk_a) == mirror(desk_b) == feed
    # The other desk's cases are a read-only view: numbers and statuses, never the parties.
    view = {v.id: v for v in api.list_district_cases(desk_a.desk, desk_a.admin)}
    assert set(view) == {b1, b2} and view[b1].status == states.ASSIGNED and "2-" in view[b1].number
    for name in ("周明强", "吴海燕", "郑志刚"):
        assert name.encode() not in desk_a.desk.paths.database.read_bytes()
    with desk_a.desk.read() as s:
        assert case_row(desk_a.desk, a1).status == states.ACCEPTED
        assert s.get(DeskState, "sync.cursor").value == str(server_feed(district, "XT-001")[1])


def test_a_replayed_batch_doubles_nothing(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    mediating_case(desk_a)
    new_case(desk_a, party("赵德胜", 31), party("钱秀英", 32))
    first = sync(desk_a)
    assert first.applied == first.pushed > 0 and first.pending == 0
    before = server_applied(district)
    with desk_a.desk.read() as s:
        ops = [to_wire(op) for op in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
    # The same request again (a retry after a cut line) …
    with DistrictClient(district.url, token=credentials.token(desk_a.desk)) as client:
        assert {r["status"] for r in client.push(ops)} == {contract.DUPLICATE}
    # … and the desk losing its record of the answers (killed before it committed them).
    with desk_a.desk.write(SYNC_ACTOR) as uow:
        for op in uow.session.scalars(select(OutboxOp)):
            op.state, op.result = "pending", None
    again = sync(desk_a)
    assert (again.pushed, again.duplicates, again.applied, again.pending) == (len(ops), len(ops), 0, 0)
    assert server_applied(district) == before
    assert set(desk_ops(desk_a).values()) == {contract.DUPLICATE}


def test_queued_work_goes_up_when_the_server_is_back(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    first = sync(desk_a)
    district.stop()
    case_id = mediating_case(desk_a)
    waiting = pending(desk_a)
    report = sync(desk_a)
    assert (report.online, report.pushed, report.pending) == (False, 0, waiting)
    assert "无法连接区服务器" in report.error and report.last_success == first.last_success
    status = api.sync_status(desk_a.desk)
    assert status.last_error and status.pending_ops == waiting
    district.start()
    back = sync(desk_a)
    assert back.online and back.applied == waiting and back.pending == 0 and back.last_success > first.last_success
    assert server_cases(district, "XT-001")[case_id] == states.IN_MEDIATION


# ------------------------------------------------------------------ scope, revocation


def test_a_desk_can_neither_read_nor_write_another_committees_data(district, desk_a: Env, desk_other: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_other)
    case_id = mediating_case(desk_a)
    sync(desk_a)
    report = sync(desk_other)
    assert report.online
    assert not any(key[1] == case_id for key in mirror(desk_other))
    assert case_id not in cases_seen(desk_other)
    assert all(
        v.committee_code == "FH-001"
        for v in api.list_district_cases(desk_other.desk, desk_other.admin, include_own=True)
    )
    # Writing: an op on 谢家塘村's case sent with 丰惠村's token is refused and listed for the clerk.
    with desk_other.desk.write(SYNC_ACTOR) as uow:
        uow.outbox(
            "case",
            case_id,
            contract.TRANSITION,
            {"from": states.IN_MEDIATION, "to": states.TERMINATED, "hlc": uow.tick(), "routes": ["litigation"]},
        )
    refused = sync(desk_other)
    assert refused.rejected == 1
    [issue] = api.list_issues(desk_other.desk, desk_other.admin)
    assert issue.reason == contract.REASON_OUT_OF_SCOPE and issue.status == contract.REJECTED
    assert server_cases(district, "XT-001")[case_id] == states.IN_MEDIATION


def test_a_revoked_device_is_refused_and_its_token_dropped(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    assert sync(desk_a).online
    with district_db(district) as db:
        district_admin.revoke_device(db, view.server_device_id)
    new_case(desk_a)
    with pytest.raises(api.DeviceRefused, match="撤销") as refused:
        sync(desk_a)
    assert refused.value.code == contract.ERROR_DEVICE_REVOKED
    assert device_tokens(memory_keyring) == []
    status = api.sync_status(desk_a.desk)
    assert (status.refused, status.token) == (contract.ERROR_DEVICE_REVOKED, None)
    with pytest.raises(api.DeviceRefused):  # without asking the server again
        sync(desk_a)
    with desk_a.desk.read() as s:
        assert s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.device_refused")).one()
    enroll(district, desk_a)  # a new code from the district: syncing again, nothing lost
    again = sync(desk_a)
    assert again.online and again.pending == 0 and api.sync_status(desk_a.desk).refused is None


# ------------------------------------------------------------------ conflicts


def test_a_conflicting_status_change_lands_in_the_issue_list(district, desk_a: Env, tmp_path) -> None:
    case_id = restored_desk_declines(district, desk_a, tmp_path)
    report = sync(desk_a)
    assert (report.conflicts, report.open_issues) == (1, 1)
    [issue] = api.list_issues(desk_a.desk, desk_a.admin)
    assert issue.status == contract.CONFLICT and issue.case_id == case_id
    assert "调解中" in issue.reason and issue.server_state["status"] == states.IN_MEDIATION
    assert "已派单 → 不予调解" in issue.what
    # The desk follows the district's status; the clerk decides about the refused move.
    assert case_row(desk_a.desk, case_id).status == states.IN_MEDIATION
    with pytest.raises(Exception, match="不能"):  # 调解中 cannot be declined: re-applying is refused
        api.resolve_issue(desk_a.desk, desk_a.admin, issue.id, api.REAPPLY)
    done = api.resolve_issue(desk_a.desk, desk_a.admin, issue.id, api.KEEP_SERVER)
    assert done.resolution == api.KEEP_SERVER and api.list_issues(desk_a.desk, desk_a.admin) == []
    final = sync(desk_a)
    assert final.pending == 0 and final.open_issues == 0
    assert server_cases(district, "XT-001")[case_id] == case_row(desk_a.desk, case_id).status == states.IN_MEDIATION


def test_a_reapplied_move_goes_up_as_a_new_op(district, desk_a: Env, tmp_path) -> None:
    case_id = restored_desk_declines(district, desk_a, tmp_path)
    sync(desk_a)
    [issue] = api.list_issues(desk_a.desk, desk_a.admin)
    # The clerk ends the mediation instead, as the district's state allows.
    workflow.transition(
        desk_a.desk, desk_a.admin, case_id, states.TERMINATED, reason="双方分歧过大", routes=["litigation"]
    )
    api.resolve_issue(desk_a.desk, desk_a.admin, issue.id, api.DISMISS, note="已改为终止调解并告知诉讼途径")
    report = sync(desk_a)
    assert report.applied >= 1 and report.open_issues == 0
    assert server_cases(district, "XT-001")[case_id] == states.TERMINATED


# ------------------------------------------------------------------ escalation and the town


def town_client(district) -> httpx.Client:
    answer = district.enroll(town="谢塘镇")
    return district.client(answer["token"])


def test_an_escalated_case_goes_up_with_its_file_and_the_town_takes_it_over(district, desk_a: Env, tmp_path) -> None:
    enroll(district, desk_a)
    other_case = new_case(desk_a)
    case_id = mediating_case(desk_a, parties=[party("赵德胜", 41), party("钱秀英", 42)])
    desk_a.desk.lock()  # nobody logged in: the parties' details cannot be read, the file waits
    workflow.transition(
        desk_a.desk, desk_a.admin, case_id, states.ESCALATED, reason="涉及宅基地权属", escalate_to="town"
    )
    locked = sync(desk_a)
    assert (locked.held, locked.pending) == (1, 1) and locked.rejected == 0
    unlock(desk_a)
    sent = sync(desk_a)
    assert (sent.held, sent.pending, sent.applied) == (0, 0, 1)
    with district_db(district) as db, db.read() as s:
        [stored] = s.scalars(select(CaseFile).where(CaseFile.case_id == case_id)).all()
        assert stored.content is None and stored.sealed  # sealed at rest; opened with the server key
        keys = server_key.ServerKeys.from_file(server_key.key_file_for(district.database_url, district.key_file))
        content = keys.open_json(str(stored.key_id), stored.sealed, stored.id)
        people = {p["person"]["name"]: p["person"] for p in content["parties"]}
        assert people["赵德胜"]["phone"] == party("赵德胜", 41)["phone"]
        assert content["sessions"] and content["case"]["status"] == states.ESCALATED
    with town_client(district) as town:
        detail = town.get(contract.town_case_path(case_id)).json()
        assert detail["case_files"][0]["content"]["case_id"] == case_id
    town_desk = make_desk(tmp_path / "town", "XT-002")  # the 谢塘镇 centre's PC
    try:
        enroll(district, town_desk, town="谢塘镇")
        with pytest.raises(PermissionDenied):  # a village desk cannot take cases over
            api.take_over_case(desk_a.desk, desk_a.admin, case_id, options=FAST)
        with pytest.raises(api.SyncError, match="没有上报到本镇") as refused:
            api.take_over_case(town_desk.desk, town_desk.admin, other_case, options=FAST)
        assert refused.value.code == contract.ERROR_NOT_ESCALATED
        taken = api.take_over_case(town_desk.desk, town_desk.admin, case_id, options=FAST)
        assert (taken.town, taken.changed) == ("谢塘镇", True)
        assert api.take_over_case(town_desk.desk, town_desk.admin, case_id, options=FAST).changed is False
    finally:
        town_desk.desk.close()
    sync(desk_a)
    view = api.district_state_of_case(desk_a.desk, case_id)
    assert view is not None and view.taken_over_by == "谢塘镇" and view.own
    with desk_a.desk.read() as s:
        assert s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.case_taken_over")).one()


def test_reference_data_is_kept_on_the_desk(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    with district_db(district) as db:
        district_admin.set_setting(db, "follow_up_days", 45)
    first = sync(desk_a)
    assert first.reference_updated
    reference = api.reference_data(desk_a.desk)
    assert reference["settings"]["follow_up_days"] == 45
    assert any(t["code"] == "neighbour" for t in reference["dispute_types"])
    assert sync(desk_a).reference_updated is False


def test_a_town_desk_sees_its_villages_cases_and_writes_nothing(
    district, desk_a: Env, desk_other: Env, tmp_path
) -> None:
    enroll(district, desk_a)
    enroll(district, desk_other)
    case_id = mediating_case(desk_a)
    elsewhere = new_case(desk_other)
    sync(desk_a)
    sync(desk_other)
    town = make_desk(tmp_path / "town", "XT-002")  # the 谢塘镇 centre's PC
    try:
        view = enroll(district, town, town="谢塘镇")
        assert (view.scope, view.committee_code) == ("town", None)
        waiting = pending(town)
        report = sync(town)
        assert (report.pushed, report.rejected, report.pending) == (0, 0, waiting)
        seen = {v.id: v for v in api.list_district_cases(town.desk, town.admin)}
        assert seen[case_id].committee_code == "XT-001" and seen[case_id].status == states.IN_MEDIATION
        assert elsewhere not in seen  # 丰惠镇's village is not this town's
    finally:
        town.desk.close()
