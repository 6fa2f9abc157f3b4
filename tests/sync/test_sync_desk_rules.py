"""The desk's side of sync without a server: what pulled changes become, case files of
escalated cases, the issue list and its resolutions, the device token's home, typed input."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    assigned_case,
    case_row,
    count,
    env,
    mediating_case,
    new_case,
    outbox_ops,
)
from sqlalchemy import select

from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.uow import HLC_KEY, Actor
from mediation_desk.errors import NotFound, PermissionDenied, TransitionError, ValidationError
from mediation_desk.mediation import mediators, states, workflow
from mediation_desk.mediation.models_case import CaseTransition, MediationCase
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.sync import api, apply, case_file, credentials, state
from mediation_desk.sync.enrollment import read_ca_bundle
from mediation_desk.sync.models import DistrictRecord, FieldHistory, SyncIssue
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.sync.transport import check_ca_bundle, normalise_server_url

CODE = "XT-001"
FAR = "0009999999999999"  # an HLC wall time centuries ahead: later than anything the desk made


def clock(wall: str = FAR, counter: int = 0, node: str = "district") -> str:
    return f"{wall}-{counter:04d}-{node}"


def change(
    entity: str,
    entity_id: str,
    data: dict,
    *,
    seq: int = 1,
    at: str | None = None,
    committee: str = CODE,
    origin: str | None = "other-device",
) -> contract.Change:
    return contract.Change(
        seq=seq,
        entity=entity,
        entity_id=entity_id,
        committee_code=committee,
        hlc=at or clock(counter=seq),
        data=data,
        origin_device=origin,
    )


def apply_changes(env: Env, *changes: contract.Change, scope: str = contract.SCOPE_COMMITTEE) -> apply.PageTally:
    with env.desk.write(SYNC_ACTOR) as uow:
        return apply.apply_page(uow, list(changes), committee_code=CODE, scope=scope, node=env.desk.node)


def settle_outbox(env: Env) -> None:
    """As after a successful push: nothing pending."""
    with env.desk.write(SYNC_ACTOR) as uow:
        for op in uow.session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")):
            op.state = "applied"


def server_case(env: Env, case_id: str, **fields) -> dict:
    case = case_row(env.desk, case_id)
    return {
        "number": case.number,
        "status": case.status,
        "dispute_type": case.dispute_type,
        "accepted_on": case.accepted_on.isoformat(),
        "committee_id": case.committee_id,
        **fields,
    }


# ------------------------------------------------------------------ pulled changes


def test_the_district_status_of_an_own_case_is_followed_with_history(env: Env) -> None:
    case_id = new_case(env)
    settle_outbox(env)
    tally = apply_changes(
        env, change("case", case_id, server_case(env, case_id, status=states.DECLINED), origin="town-device")
    )
    assert (tally.own_updated, tally.status_changes) == (1, 1)
    assert case_row(env.desk, case_id).status == states.DECLINED
    with env.desk.read() as s:
        last = s.scalars(
            select(CaseTransition).where(CaseTransition.case_id == case_id).order_by(CaseTransition.hlc.desc())
        ).first()
        assert (last.from_status, last.to_status) == (states.ACCEPTED, states.DECLINED)
        assert last.actor == apply.DISTRICT_ACTOR
        actions = list(s.scalars(select(AuditRecord.action).where(AuditRecord.entity_id == case_id)))
        assert "sync.case_status" in actions
        record = s.get(DistrictRecord, ("case", case_id))
        assert record.own and record.data["status"] == states.DECLINED


def test_a_transition_still_to_push_keeps_the_desk_status(env: Env) -> None:
    case_id, _ = assigned_case(env)  # accepted → assigned, op pending
    tally = apply_changes(
        env, change("case", case_id, server_case(env, case_id, status=states.ACCEPTED), at=clock("0000000000000001"))
    )
    assert tally.status_changes == 0
    assert case_row(env.desk, case_id).status == states.ASSIGNED


def test_plain_fields_merge_last_writer_wins_and_the_loser_is_kept(env: Env) -> None:
    mediator_id = add_mediator(env, "谢阿根", title="老娘舅")
    settle_outbox(env)
    apply_changes(env, change("mediator", mediator_id, {"name": "谢阿根", "title": "首席调解员"}))
    with env.desk.read() as s:
        assert s.get(Mediator, mediator_id).title == "首席调解员"
        lost = s.scalars(select(FieldHistory).where(FieldHistory.entity_id == mediator_id)).one()
        assert (lost.field, lost.value, lost.side) == ("title", "老娘舅", "desk")
    # The desk changes the title again (op pending: its clock follows the district's, so it is later
    # than a change another writer made meanwhile).
    mediators.update_mediator(env.desk, env.admin, mediator_id, {"title": "专职调解员"})
    apply_changes(env, change("mediator", mediator_id, {"title": "村干部"}, seq=2, at=clock("0009999999999998")))
    with env.desk.read() as s:
        assert s.get(Mediator, mediator_id).title == "专职调解员"
        kept = s.scalars(
            select(FieldHistory).where(FieldHistory.entity_id == mediator_id, FieldHistory.side == "district")
        ).one()
        assert (kept.field, kept.value) == ("title", "村干部")


def test_an_earlier_state_replayed_by_the_feed_changes_nothing(env: Env) -> None:
    """The feed holds every state of a row; a page may end between two of the desk's own moves."""
    case_id = mediating_case(env)  # accepted → assigned → in_mediation, all accepted by the district
    settle_outbox(env)
    before = count(env.desk, CaseTransition, CaseTransition.case_id == case_id)
    first_move = next(op for op in outbox_ops(env.desk, "case") if op.kind == "transition")
    tally = apply_changes(
        env, change("case", case_id, server_case(env, case_id, status=states.ASSIGNED), at=first_move.hlc, origin=None)
    )
    assert (tally.status_changes, tally.own_updated) == (0, 0)
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION
    assert count(env.desk, CaseTransition, CaseTransition.case_id == case_id) == before
    assert count(env.desk, FieldHistory) == 0


def test_other_desks_cases_are_a_read_only_district_view(env: Env) -> None:
    other = "7d1e0c55-0000-4000-8000-000000000001"
    data = {
        "number": "（2026）谢调字第 2-0001 号",
        "status": states.IN_MEDIATION,
        "dispute_type": "neighbour",
        "accepted_on": "2026-11-02",
        "committee_id": "elsewhere",
        "seat": 2,
    }
    tally = apply_changes(env, change("case", other, data))
    assert (tally.stored, tally.own_updated) == (1, 0)
    assert count(env.desk, MediationCase) == 0
    [view] = api.list_district_cases(env.desk, env.admin)
    assert (view.id, view.number, view.status_label, view.own) == (other, data["number"], "调解中", False)
    assert not hasattr(view, "brief_facts")
    clerk = actor(env, "clerk1", "clerk", display_name="金晓燕")
    assert len(api.list_district_cases(env.desk, clerk)) == 1
    mediator = Actor("lao", "mediator", "op-id", "老娘舅", "m-id")
    with pytest.raises(PermissionDenied):
        api.list_district_cases(env.desk, mediator)


def test_another_committees_change_is_ignored(env: Env) -> None:
    tally = apply_changes(env, change("case", "x-1", {"status": "accepted"}, committee="OTHER-9"))
    assert (tally.foreign, tally.stored) == (1, 0)
    assert count(env.desk, DistrictRecord) == 0


def test_a_taken_over_case_is_shown_and_audited(env: Env) -> None:
    case_id = new_case(env)
    settle_outbox(env)
    apply_changes(
        env,
        change(
            "case",
            case_id,
            server_case(
                env, case_id, **{contract.TAKEN_OVER_BY: "谢塘镇", contract.TAKEN_OVER_AT: "2026-11-28T08:00:00+00:00"}
            ),
        ),
    )
    view = api.district_state_of_case(env.desk, case_id)
    assert view is not None and view.taken_over_by == "谢塘镇" and view.own
    with env.desk.read() as s:
        assert s.scalars(
            select(AuditRecord).where(AuditRecord.action == "sync.case_taken_over", AuditRecord.entity_id == case_id)
        ).one()


def test_the_desk_clock_follows_the_clocks_it_pulls(env: Env) -> None:
    apply_changes(env, change("case", "x-2", {"status": "accepted"}))
    case_id = new_case(env)
    assert case_row(env.desk, case_id).updated_hlc > clock(counter=1)
    with env.desk.read() as s:
        assert hlc.Timestamp.decode(s.get(state.DeskState, HLC_KEY).value).wall_ms == int(FAR)


# ------------------------------------------------------------------ case files of escalations


def escalate(env: Env, case_id: str, to: str = "town") -> None:
    workflow.transition(
        env.desk, env.admin, case_id, states.ESCALATED, reason="涉及宅基地权属，村里无法处理", escalate_to=to
    )


def test_an_escalation_gets_exactly_one_case_file_op(env: Env) -> None:
    case_id = mediating_case(env)
    escalate(env, case_id)
    for _ in range(2):  # a retry after a crash adds nothing
        with env.desk.write(SYNC_ACTOR) as uow:
            case_file.add_missing_file_ops(uow)
    [op] = outbox_ops(env.desk, case_file.CASE_FILE)
    assert op.payload == {
        "case_id": case_id,
        "escalation_op_id": outbox_ops(env.desk, "case")[-1].op_id,
        "escalate_to": "town",
    }
    with env.desk.read() as s:
        body = case_file.build_case_file(s, case_id, env.desk.vault)
    assert body["case"]["status"] == states.ESCALATED and len(body["parties"]) == 2
    first = body["parties"][0]["person"]
    assert first["name"] == "王永年" and first["phone"] == "13900000001" and first["id_number"]
    assert len(body["sessions"]) == 1 and body["history"][-1]["to_status"] == states.ESCALATED
    assert "search_text" not in body["case"] and "phone_enc" not in first


def test_an_escalation_to_the_county_sends_no_town_file(env: Env) -> None:
    escalate(env, mediating_case(env), to="county")
    with env.desk.write(SYNC_ACTOR) as uow:
        assert case_file.add_missing_file_ops(uow) == 0


def test_a_locked_desk_cannot_read_the_file(env: Env) -> None:
    case_id = mediating_case(env)
    with env.desk.read() as s:
        assert case_file.needs_vault(s, case_id)


# ------------------------------------------------------------------ the issue list


def raise_issue(env: Env, op: OutboxOp, status: str, reason: str, server_state: dict | None = None) -> str:
    with env.desk.write(SYNC_ACTOR) as uow:
        row = uow.session.get(OutboxOp, op.seq)
        row.state = status
        issue = SyncIssue(
            op_id=op.op_id,
            op_seq=op.seq,
            entity=op.entity,
            entity_id=op.entity_id,
            kind=op.kind,
            status=status,
            reason=reason,
            server_state=server_state,
            payload=dict(op.payload),
            raised_at=uow.now,
        )
        uow.session.add(issue)
        uow.session.flush()
        return issue.id


def conflicting_decline(env: Env) -> tuple[str, str]:
    """The desk declined a case the district already holds as assigned (another route)."""
    case_id = new_case(env)
    settle_outbox(env)
    workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="当事人明确拒绝调解")
    op = outbox_ops(env.desk, "case")[-1]
    issue_id = raise_issue(
        env, op, contract.CONFLICT, "区里记录的状态是“已派单”，本机是从“已受理”变更的", {"status": states.ASSIGNED}
    )
    return case_id, issue_id


def test_open_issues_are_listed_in_words(env: Env) -> None:
    case_id, issue_id = conflicting_decline(env)
    [issue] = api.list_issues(env.desk, env.admin)
    assert issue.id == issue_id and issue.case_id == case_id
    assert issue.what == f"案件 {case_row(env.desk, case_id).number}：状态变更 已受理 → 不予调解"
    assert issue.status_label == "与区里的记录冲突" and issue.choices == (api.KEEP_SERVER, api.REAPPLY, api.DISMISS)


def test_keep_server_takes_the_district_status(env: Env) -> None:
    case_id, issue_id = conflicting_decline(env)
    pending = count(env.desk, OutboxOp, OutboxOp.state == "pending")
    view = api.resolve_issue(env.desk, env.admin, issue_id, api.KEEP_SERVER)
    assert view.resolution == api.KEEP_SERVER and view.choices == ()
    assert case_row(env.desk, case_id).status == states.ASSIGNED
    assert count(env.desk, OutboxOp, OutboxOp.state == "pending") == pending  # the district has it already
    assert api.list_issues(env.desk, env.admin) == []
    assert len(api.list_issues(env.desk, env.admin, include_resolved=True)) == 1
    with env.desk.read() as s:
        assert s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.issue_resolved")).one()


def test_reapply_sends_the_move_again_from_the_district_state(env: Env) -> None:
    case_id, issue_id = conflicting_decline(env)
    api.resolve_issue(env.desk, env.admin, issue_id, api.REAPPLY)
    assert case_row(env.desk, case_id).status == states.DECLINED
    op = outbox_ops(env.desk, "case")[-1]
    assert op.state == "pending"
    assert (op.payload["from"], op.payload["to"]) == (states.ASSIGNED, states.DECLINED)
    with env.desk.read() as s:
        assert s.get(SyncIssue, issue_id).reapplied_op_id == op.op_id


def test_reapply_of_a_move_the_rules_refuse_changes_nothing(env: Env) -> None:
    case_id = new_case(env)
    settle_outbox(env)
    workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="当事人明确拒绝调解")
    op = outbox_ops(env.desk, "case")[-1]
    issue_id = raise_issue(env, op, contract.CONFLICT, "区里记录的状态是“已结案”", {"status": states.CLOSED})
    before = count(env.desk, OutboxOp)
    with pytest.raises(TransitionError):
        api.resolve_issue(env.desk, env.admin, issue_id, api.REAPPLY)
    assert case_row(env.desk, case_id).status == states.DECLINED
    assert count(env.desk, OutboxOp) == before
    assert [i.id for i in api.list_issues(env.desk, env.admin)] == [issue_id]


def test_a_rejection_is_dismissed_only_with_a_note(env: Env) -> None:
    mediator_id = add_mediator(env, "谢阿根")
    op = outbox_ops(env.desk, "mediator")[-1]
    issue_id = raise_issue(env, op, contract.REJECTED, "含有个人信息字段（phone），区里不接收")
    [issue] = api.list_issues(env.desk, env.admin)
    assert issue.choices == (api.REAPPLY, api.DISMISS) and issue.entity_id == mediator_id
    with pytest.raises(ValidationError) as refused:
        api.resolve_issue(env.desk, env.admin, issue_id, api.DISMISS)
    assert refused.value.problems[0].field == "note"
    with pytest.raises(ValidationError) as refused:
        api.resolve_issue(env.desk, env.admin, issue_id, api.KEEP_SERVER)
    assert refused.value.problems[0].rule == "choice_not_allowed"
    api.resolve_issue(env.desk, env.admin, issue_id, api.DISMISS, note="该调解员只在本村登记，不必报区里")
    with pytest.raises(Exception, match="已于"):
        api.resolve_issue(env.desk, env.admin, issue_id, api.DISMISS, note="再次")


def test_bad_choices_and_unknown_issues_are_refused(env: Env) -> None:
    with pytest.raises(ValidationError) as refused:
        api.resolve_issue(env.desk, env.admin, "nope", "merge")
    assert refused.value.problems[0].rule == "choice_unknown"
    with pytest.raises(NotFound):
        api.resolve_issue(env.desk, env.admin, "nope", api.KEEP_SERVER)
    mediator = Actor("lao", "mediator", "op-id", "老娘舅", "m-id")
    with pytest.raises(PermissionDenied):
        api.list_issues(env.desk, mediator)


# ------------------------------------------------------------------ the token and typed input


def test_the_token_lives_in_the_keyring(env: Env, memory_keyring) -> None:
    assert credentials.store(env.desk, "tok-1") is True
    assert memory_keyring.secrets[(credentials.KEYRING_SERVICE, f"device-token:{env.desk.device_id}")] == "tok-1"
    assert credentials.where(env.desk) == credentials.IN_KEYRING
    credentials.drop(env.desk)
    assert not any(e.startswith("device-token:") for _, e in memory_keyring.secrets)
    assert credentials.token(env.desk) is None


def test_without_a_secure_keyring_the_token_stays_in_memory(env: Env, tmp_path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert credentials.store(env.desk, "tok-2") is False
    assert credentials.where(env.desk) == credentials.IN_MEMORY and credentials.token(env.desk) == "tok-2"
    status = api.sync_status(env.desk)
    assert status.token == "memory" and status.keyring_secure is False
    assert b"tok-2" not in env.desk.paths.database.read_bytes()


@pytest.mark.parametrize(
    "url, rule",
    [
        ("", "required"),
        ("sync.example.gov.cn", "url_format"),
        ("ftp://x.gov.cn", "url_format"),
        ("http://sync.example.gov.cn", "url_https"),
        ("https://x.gov.cn/?a=1", "url_format"),
        ("https://exa mple", "url_format"),
    ],
)
def test_bad_server_addresses_are_refused(url: str, rule: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalise_server_url(url)
    assert (refused.value.problems[0].field, refused.value.problems[0].rule) == ("server_url", rule)


def test_good_server_addresses_are_normalised() -> None:
    assert normalise_server_url(" https://sync.example.gov.cn/ ") == "https://sync.example.gov.cn"
    assert normalise_server_url("https://x.gov.cn/district/") == "https://x.gov.cn/district"
    assert normalise_server_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765"


def test_a_bad_ca_bundle_is_refused(tmp_path) -> None:
    with pytest.raises(ValidationError) as refused:
        read_ca_bundle(tmp_path / "missing.pem")
    assert refused.value.problems[0].rule == "file_missing"
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(ValidationError) as refused:
        read_ca_bundle(junk)
    assert refused.value.problems[0].rule == "ca_bundle_invalid"
    with pytest.raises(ValidationError):
        check_ca_bundle("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")


def test_enrollment_input_is_checked_before_any_request(env: Env) -> None:
    with pytest.raises(ValidationError) as refused:
        api.enroll(env.desk, env.admin, "https://127.0.0.1:9", "  ")
    assert refused.value.problems[0].field == "code"
    mediator = Actor("lao", "mediator", "op-id", "老娘舅", "m-id")
    with pytest.raises(PermissionDenied):
        api.enroll(env.desk, mediator, "https://127.0.0.1:9", "ABCD")


def test_a_desk_not_enrolled_is_told_so(env: Env) -> None:
    status = api.sync_status(env.desk)
    assert (status.enrolled, status.server_url, status.token) == (False, None, None)
    assert status.pending_ops == count(env.desk, OutboxOp, OutboxOp.state == "pending") > 0
    with pytest.raises(api.NotEnrolled, match="尚未登记"):
        api.sync_once(env.desk)


def test_unreachable_server_at_enrollment_is_a_clear_error(env: Env) -> None:
    with pytest.raises(api.ServerUnreachable, match="无法连接区服务器"):
        api.enroll(
            env.desk,
            env.admin,
            "http://127.0.0.1:9",
            "ABCD-EFGH",
            options=api.TransportOptions(attempts=2, backoff_first=0.01),
        )
    assert api.sync_status(env.desk).enrolled is False
