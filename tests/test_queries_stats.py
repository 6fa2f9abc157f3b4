"""Reading cases: list filters, search by every kind of key, masked personal data with audited
full views, and the monthly report for a month built case by case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    CASE_WORD,
    Env,
    actor,
    add_mediator,
    agreement_data,
    audit_actions,
    case_row,
    count,
    env,
    intake,
    new_case,
    parties_of,
    party,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.mediation import agreement, assignment, followup, queries, sessions, states, stats, workflow
from mediation_desk.mediation.models_case import CaseTransition

CHINA = dt.timezone(dt.timedelta(hours=8))

WANG = party("王永年", 1, phone="139-0000-0001")
CHEN = party("陈建林", 2, male=False, id_number="11010519491231002X")
ZHAO = party("赵六斤", 3, phone="0575-82123456")
QIAN = party("钱小妹", 4, male=False)
SUN = party("孙𠀾", 5)
LI = party("李大伯", 6)


@pytest.fixture
def three(env: Env) -> dict[str, str]:
    """Three cases: a neighbour dispute (assigned to 谢阿根), a family one accepted earlier,
    and a contract one declined."""
    year = today().year
    early = dt.date(year, 1, 15) if today() >= dt.date(year, 1, 15) else today()
    a = new_case(env, WANG, CHEN, brief_facts="两家因宅基地边界的围墙高度发生争执，多次口角")
    b = new_case(
        env,
        ZHAO,
        QIAN,
        dispute_type="family",
        accepted_on=early.isoformat(),
        brief_facts="婆媳之间因赡养老人费用分担产生矛盾",
    )
    c = new_case(env, SUN, LI, dispute_type="contract", brief_facts="承包鱼塘的租金拖欠两年未付")
    m = add_mediator(env, "谢阿根")
    assignment.assign(env.desk, env.admin, a, [m])
    workflow.transition(env.desk, env.admin, c, states.DECLINED, reason="被申请人拒绝调解")
    return {"a": a, "b": b, "c": c, "mediator": m, "early": early.isoformat()}


def ids(found: list) -> set[str]:
    return {x.id for x in found}


def test_list_newest_first_with_summaries(env: Env, three: dict[str, str]) -> None:
    listed = queries.list_cases(env.desk, env.admin)
    assert len(listed) == 3
    assert listed[-1].id == three["b"]  # accepted earliest
    first = {c.id: c for c in listed}[three["a"]]
    assert first.party_names == ("王永年", "陈建林")
    assert first.mediator_names == ("谢阿根",)
    assert (first.status, first.status_label, first.dispute_type_label) == ("assigned", "已派单", "邻里")
    assert {c.id: c for c in listed}[three["c"]].party_names == ("孙𠀾", "李大伯")


def test_list_filters(env: Env, three: dict[str, str]) -> None:
    desk = env.desk
    assert ids(queries.list_cases(desk, SYSTEM, status=["accepted"])) == {three["b"]}
    assert ids(queries.list_cases(desk, SYSTEM, status=["accepted", "declined"])) == {three["b"], three["c"]}
    assert ids(queries.list_cases(desk, SYSTEM, status="assigned")) == {three["a"]}  # one state on its own
    assert ids(queries.list_cases(desk, SYSTEM, dispute_type="family")) == {three["b"]}
    assert ids(queries.list_cases(desk, SYSTEM, mediator_id=three["mediator"])) == {three["a"]}
    early = dt.date.fromisoformat(three["early"])
    if early < today():
        assert ids(queries.list_cases(desk, SYSTEM, accepted_to=early)) == {three["b"]}
        assert ids(queries.list_cases(desk, SYSTEM, accepted_from=early + dt.timedelta(days=1))) == {
            three["a"],
            three["c"],
        }
    assert ids(queries.list_cases(desk, SYSTEM, accepted_from=today(), accepted_to=today(), status=["declined"])) == {
        three["c"]
    }
    assert queries.list_cases(desk, SYSTEM, dispute_type="traffic") == []
    assert len(queries.list_cases(desk, SYSTEM, limit=2)) == 2
    assert len(queries.list_cases(desk, SYSTEM, offset=2, limit=2)) == 1
    with pytest.raises(ValidationError) as e:
        queries.list_cases(desk, SYSTEM, status=["archived"])
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("state", "status_unknown")
    assert queries.count_by_status(desk) == {"accepted": 1, "assigned": 1, "declined": 1}


def _search(env: Env, q: str) -> set[str]:
    return ids(queries.list_cases(env.desk, env.admin, query=q))


def test_search_by_case_number_in_every_form(env: Env, three: dict[str, str]) -> None:
    year = today().year
    full = case_row(env.desk, three["a"]).number
    assert full == f"（{year}）{CASE_WORD}第 0001 号"
    assert _search(env, full) == {three["a"]}
    assert _search(env, f"({year}){CASE_WORD}第1号") == {three["a"]}
    assert _search(env, f"({year}){CASE_WORD}第0001号") == {three["a"]}
    assert _search(env, f"（{year}）{CASE_WORD}第 3 号") == {three["c"]}
    assert _search(env, "0001") == {three["a"]}
    # A bare sequence number: that case first (the digit also occurs in every year, "2026").
    with env.desk.read() as s:
        assert queries.search_case_ids(s, "2")[0] == three["b"]
        assert queries.search_case_ids(s, "0003")[0] == three["c"]
    assert _search(env, f"({year}){CASE_WORD}第9号") == set()
    # The loosely typed number also opens the case.
    detail = queries.case_detail(env.desk, env.admin, f"({year}){CASE_WORD}第2号")
    assert detail.summary.id == three["b"]
    with pytest.raises(NotFound):
        queries.case_detail(env.desk, env.admin, f"({year}){CASE_WORD}第0号")


def test_search_by_party_name_phone_and_id(env: Env, three: dict[str, str]) -> None:
    assert _search(env, "王永年") == {three["a"]}
    assert _search(env, "孙𠀾") == {three["c"]}
    for phone in ("13900000001", "139 0000 0001", "+86 139-0000-0001", "(+86)13900000001"):
        assert _search(env, phone) == {three["a"]}, phone
    for landline in ("0575-82123456", "057582123456", "0575 8212 3456"):
        assert _search(env, landline) == {three["b"]}, landline
    assert _search(env, "11010519491231002X") == {three["a"]}
    assert _search(env, "11010519491231002x") == {three["a"]}
    assert _search(env, QIAN["id_number"]) == {three["b"]}
    assert _search(env, "13900000099") == set()


def test_search_free_text(env: Env, three: dict[str, str]) -> None:
    assert _search(env, "宅基地边界") == {three["a"]}  # 3+ characters: the trigram index
    assert _search(env, "赡养老人") == {three["b"]}
    assert _search(env, "围墙") == {three["a"]}  # 2 characters: a scan
    assert _search(env, "鱼塘") == {three["c"]}
    assert _search(env, "王") == {three["a"]}  # one character of a name
    assert _search(env, "不存在的事情") == set()
    assert _search(env, '围墙"高度') == set()  # quotes cannot break the query
    assert _search(env, "围墙 OR 鱼塘") == set()
    # Search combines with filters.
    assert ids(queries.list_cases(env.desk, env.admin, query="围墙", status=["declined"])) == set()


def test_search_text_has_no_phone_or_id(env: Env, three: dict[str, str]) -> None:
    case = case_row(env.desk, three["a"])
    assert "王永年" in case.search_text
    assert CHEN["id_number"] not in case.search_text and "13900000001" not in case.search_text


def test_detail_masks_personal_data_unless_asked_and_asking_is_audited(env: Env, three: dict[str, str]) -> None:
    before = count(env.desk, AuditRecord)
    detail = queries.case_detail(env.desk, env.admin, three["a"])
    wang, chen = (p.person for p in detail.parties)
    assert wang.phone == "139****0001"
    assert chen.id_number == "110105********002X"
    assert wang.birth_date is None and wang.address is None
    assert (chen.gender, chen.name) == ("female", "陈建林")
    assert count(env.desk, AuditRecord) == before  # a masked view is not audited

    clerk = actor(env, "clerk", "clerk")
    before = count(env.desk, AuditRecord)
    for no_reason in (None, "", "   "):  # full personal data only with a reason
        with pytest.raises(ValidationError) as e:
            queries.case_detail(env.desk, clerk, three["a"], full_personal_data=True, reason=no_reason)
        assert (e.value.problems[0].field, e.value.problems[0].rule) == ("reason", "reason_required")
    assert count(env.desk, AuditRecord) == before
    full = queries.case_detail(env.desk, clerk, three["a"], full_personal_data=True, reason="核对当事人联系方式")
    wang, chen = (p.person for p in full.parties)
    assert (wang.phone, chen.id_number) == ("13900000001", "11010519491231002X")
    assert chen.birth_date == dt.date(1949, 12, 31) and wang.address == "谢塘镇谢家塘村"
    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).one()
    assert (rec.action, rec.entity, rec.entity_id, rec.actor_name, rec.detail["reason"]) == (
        "case.view_personal_data",
        "case",
        three["a"],
        "clerk",
        "核对当事人联系方式",
    )
    # The landline is masked too.
    b = queries.case_detail(env.desk, env.admin, three["b"]).parties[0].person
    assert b.phone == "0575-******56"


def test_detail_of_unknown_case(env: Env) -> None:
    with pytest.raises(NotFound):
        queries.case_detail(env.desk, env.admin, "no-such-case")
    with pytest.raises(NotFound):
        queries.case_detail(env.desk, env.admin, "no-such-case", full_personal_data=True, reason="核对")
    assert "case.view_personal_data" not in audit_actions(env.desk)


# ------------------------------------------------------------------ monthly report


def _previous_month() -> tuple[str, dt.date, dt.date]:
    first_this = today().replace(day=1)
    last_prev = first_this - dt.timedelta(days=1)
    first_prev = last_prev.replace(day=1)
    return first_prev.strftime("%Y-%m"), first_prev, first_this


def _retime(env: Env, case_id: str, *times: dt.datetime) -> None:
    """Move a case's recorded status changes (oldest first) to the given instants."""
    with env.desk.write(SYSTEM) as uow:
        rows = list(
            uow.session.scalars(
                select(CaseTransition).where(CaseTransition.case_id == case_id).order_by(CaseTransition.hlc)
            )
        )
        assert len(rows) == len(times), [r.to_status for r in rows]
        for row, at in zip(rows, times, strict=False):
            row.at = at


def _case(
    env: Env,
    n: int,
    accepted: dt.date,
    *,
    steps: list[str],
    form: str = "written",
    amount: str = "0",
    reached: dt.date | None = None,
    **kw: object,
) -> str:
    p1, p2 = party(f"甲{n}", 100 + n), party(f"乙{n}", 200 + n)
    from mediation_desk.mediation import intake as intake_svc

    case_id = intake_svc.open_case(env.desk, env.admin, intake(p1, p2, accepted_on=accepted.isoformat(), **kw))
    mediator = add_mediator(env, f"调解员{n}")
    for step in steps:
        if step == "assign":
            assignment.assign(env.desk, env.admin, case_id, [mediator], chosen_by="parties")
        elif step == "session":
            sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
        elif step == "agree":
            agreement.record_agreement(
                env.desk,
                env.admin,
                case_id,
                agreement_data(form=form, amount=amount, reached_on=reached or accepted, performance_deadline=None),
            )
            if form == "written":  # signed the day it was reached: it takes effect then
                agreement.confirm_signatures(env.desk, env.admin, case_id, signed_on=reached or accepted)
        elif step == "visit":
            followup.record_follow_up(
                env.desk,
                env.admin,
                case_id,
                {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行"},
            )
        elif step.startswith("close"):
            flags = step.split(":")[1:]
            workflow.transition(env.desk, env.admin, case_id, states.CLOSED, prevented=flags)
        elif step == "terminate":
            workflow.transition(
                env.desk, env.admin, case_id, states.TERMINATED, reason="调解不成", routes=["litigation"]
            )
        elif step == "escalate":
            workflow.transition(env.desk, env.admin, case_id, states.ESCALATED, reason="可能民转刑", escalate_to="town")
        elif step == "decline":
            workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="拒绝调解")
        else:  # pragma: no cover
            raise AssertionError(step)
    return case_id


def test_monthly_report_for_a_constructed_month(env: Env) -> None:
    month, first, nxt = _previous_month()
    day = first + dt.timedelta(days=9)

    def at(d: dt.date, hour: int, minute: int = 0) -> dt.datetime:  # Beijing wall time
        return dt.datetime.combine(d, dt.time(hour, minute), CHINA)

    # A: application, found in screening, written agreement 1500, closed crediting 防止民转刑.
    a = _case(
        env,
        1,
        day,
        steps=["assign", "session", "agree", "visit", "close:civil_to_criminal"],
        amount="1500",
        found_in_screening=True,
        persons_involved=2,
    )
    _retime(env, a, *(at(day, 9 + i) for i in range(6)))
    # B: referred by the court, oral agreement 800.50, still open (agreed).
    b = _case(
        env,
        2,
        day,
        steps=["assign", "session", "agree"],
        form="oral",
        amount="800.50",
        source="referral",
        referrer_kind="court",
        referrer_name="上虞区人民法院",
        dispute_type="family",
        persons_involved=3,
    )
    _retime(env, b, *(at(day, 9 + i) for i in range(4)))
    # C: on the committee's initiative, terminated, then closed crediting 防止群体性上访;
    #    the closing is the last minute of the month in Beijing (already the next day in UTC? no:
    #    23:59 Beijing is 15:59 UTC the same day) and still counts.
    last_day = nxt - dt.timedelta(days=1)
    c = _case(
        env,
        3,
        day,
        steps=["assign", "session", "terminate", "close:group_petition"],
        source="initiative",
        persons_involved=5,
    )
    _retime(env, c, at(day, 9), at(day, 10), at(day, 11), at(day, 12), at(last_day, 23, 59))
    # D: referred by the police, escalated to the town.
    d = _case(env, 4, day, steps=["escalate"], source="referral", referrer_kind="police", persons_involved=4)
    _retime(env, d, at(day, 9), at(day, 10))
    # E: accepted the month before and declined then: in no count of this month.
    e_day = first - dt.timedelta(days=3)
    e = _case(env, 5, e_day, steps=["decline"], persons_involved=9)
    _retime(env, e, at(e_day, 9), at(e_day, 10))
    # F: accepted this month, agreed and signed on the 1st of the next month, typed in at 00:30
    #    Beijing time (still the month in UTC): not a success of this month, and open at its end.
    f = _case(env, 6, day, steps=["assign", "session", "agree"], amount="99999", persons_involved=2, reached=nxt)
    _retime(env, f, at(day, 9), at(day, 10), at(day, 11), at(nxt, 0, 30))
    # G: open at the end of the month (in mediation) but terminated and closed since.
    g = _case(
        env, 7, day, steps=["assign", "session", "terminate", "close"], persons_involved=2, dispute_type="contract"
    )
    _retime(env, g, at(day, 9), at(day, 10), at(day, 11), at(nxt, 9), at(nxt, 10))
    assert case_row(env.desk, g).status == states.CLOSED

    r = stats.monthly_report(env.desk, month)
    assert r.month == month
    assert r.accepted == 6  # A B C D F G
    assert r.mediated_successfully == 2  # A B
    assert r.terminated == 1  # C
    assert r.concluded == 4 and r.escalated == 1  # A B C D: escalated cases count as concluded
    assert r.success_rate == pytest.approx(0.5)
    assert r.agreement_amount == Decimal("2300.50")
    assert r.persons_involved == 2 + 3 + 5 + 4 + 2 + 2
    assert r.by_source == {"application": 3, "referral": 2, "initiative": 1}
    assert r.by_referrer == {"court": 1, "police": 1}
    assert r.by_agreement_form == {"written": 1, "oral": 1}
    assert {k: v for k, v in r.by_dispute_type.items() if v} == {"neighbour": 4, "family": 1, "contract": 1}
    assert r.prevention_cases == {"suicide": 0, "civil_to_criminal": 1, "group_petition": 1, "group_fight": 0}
    assert r.prevention_persons == {"suicide": 0, "civil_to_criminal": 2, "group_petition": 5, "group_fight": 0}
    assert r.found_in_screening == 1
    assert r.escalated == 1 and r.closed == 2
    assert r.open_at_month_end == 3  # B (agreed), F and G (in mediation then)
    text = repr(r)
    assert "甲1" not in text and "上虞区人民法院" not in text

    before = stats.monthly_report(env.desk, (first - dt.timedelta(days=1)).strftime("%Y-%m"))
    assert (before.accepted, before.mediated_successfully, before.open_at_month_end) == (1, 0, 0)
    assert before.by_source == {"application": 1} and before.persons_involved == 9

    after = stats.monthly_report(env.desk, nxt.strftime("%Y-%m"))
    assert after.accepted == 0
    assert after.mediated_successfully == 1 and after.agreement_amount == Decimal("99999.00")  # F
    assert after.terminated == 1 and after.closed == 1  # G
    assert after.success_rate == pytest.approx(0.5)


def test_empty_month(env: Env) -> None:
    r = stats.monthly_report(env.desk, "2020-02")
    assert (r.accepted, r.mediated_successfully, r.success_rate, r.agreement_amount) == (0, 0, None, Decimal(0))
    assert r.prevention_cases == dict.fromkeys(("suicide", "civil_to_criminal", "group_petition", "group_fight"), 0)


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "2026-1", "202611", "2026/11", "", "一月", "2026-11-01", None])
def test_bad_month_strings_are_refused(env: Env, month: str) -> None:
    with pytest.raises(ValidationError) as e:
        stats.monthly_report(env.desk, month)  # type: ignore[arg-type]
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", "month_format")


def test_month_bounds_are_beijing_months() -> None:
    first, nxt, start, end = stats.month_bounds("2026-12")
    assert (first, nxt) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert start == dt.datetime(2026, 11, 30, 16, tzinfo=dt.UTC)
    assert end == dt.datetime(2026, 12, 31, 16, tzinfo=dt.UTC)
