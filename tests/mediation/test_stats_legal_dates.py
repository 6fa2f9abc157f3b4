"""The monthly report counts a case in the month of its legal date, not of the day it was typed in
(issue 16 item 8), and only agreements in effect as successes (item 9): a written agreement not
signed, one withdrawn before signing, one a court ruled invalid are no 调解成功."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreement_data,
    env,
    new_case,
    parties_of,
    party,
    session_data,
    today,
)

from mediation_desk.core.uow import acting_at
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import agreement, agreement_life, assignment, sessions, states, stats, workflow
from mediation_desk.mediation.stats_series import monthly_series

CHINA = dt.timezone(dt.timedelta(hours=8))


def months_back(n: int, day: int = 10) -> dt.date:
    first = today().replace(day=1)
    index = first.year * 12 + first.month - 1 - n
    return dt.date(index // 12, index % 12 + 1, day)


def month_of(d: dt.date) -> str:
    return f"{d:%Y-%m}"


def mediating(env: Env, n: int, accepted: dt.date) -> str:
    """A case accepted on `accepted` and heard that day, typed in today."""
    mediator = add_mediator(env, f"调解员{n}", skills=["neighbour"])
    parties = [party(f"甲{n}", 700 + n), party(f"乙{n}", 800 + n)]
    case_id = new_case(env, *parties, accepted_on=accepted.isoformat())
    assignment.assign(env.desk, env.admin, case_id, [mediator], chosen_by="parties")  # art. 19
    held = session_data(parties_of(env.desk, case_id), held_at=f"{accepted.isoformat()} 10:00")
    sessions.add_session(env.desk, env.admin, case_id, held)
    return case_id


def agree(env: Env, case_id: str, form: str, reached: dt.date, amount: str = "0") -> None:
    data = agreement_data(form=form, reached_on=reached.isoformat(), amount=amount, performance_deadline=None)
    agreement.record_agreement(env.desk, env.admin, case_id, data)


def successes_by_month(env: Env) -> dict[str, int]:
    return {
        f.month: f.mediated_successfully
        for f in monthly_series(env.desk, month_of(today()), 12)
        if f.mediated_successfully
    }


def test_a_success_counts_in_the_month_its_agreement_took_effect(env: Env) -> None:
    five, three, two = months_back(5), months_back(3), months_back(2)
    oral = mediating(env, 1, five)  # reached five months ago, typed in today
    agree(env, oral, "oral", five, "800.50")
    written = mediating(env, 2, three)  # reached three months ago, signed two months ago
    agree(env, written, "written", three, "1500")
    agreement.confirm_signatures(env.desk, env.admin, written, signed_on=two.isoformat())

    this = stats.monthly_report(env.desk, month_of(today()))
    assert this.mediated_successfully == 0 and this.agreement_amount == Decimal(0)  # not when typed in
    in_five = stats.monthly_report(env.desk, month_of(five))
    assert (in_five.accepted, in_five.mediated_successfully, in_five.by_agreement_form) == (1, 1, {"oral": 1})
    assert in_five.agreement_amount == Decimal("800.50")
    in_three = stats.monthly_report(env.desk, month_of(three))
    assert (in_three.accepted, in_three.mediated_successfully) == (1, 0)  # reached, not yet signed
    assert in_three.open_at_month_end == 2  # both cases accepted by then, neither ended
    in_two = stats.monthly_report(env.desk, month_of(two))
    assert (in_two.mediated_successfully, in_two.by_agreement_form) == (1, {"written": 1})
    assert in_two.agreement_amount == Decimal("1500.00") and in_two.success_rate == 1.0
    assert successes_by_month(env) == {month_of(five): 1, month_of(two): 1}


def test_an_ending_counts_in_the_month_of_the_status_change(env: Env) -> None:
    four, one = months_back(4), months_back(1)
    case_id = mediating(env, 3, four)
    with acting_at(dt.datetime.combine(one, dt.time(9, 30), CHINA)):
        workflow.transition(env.desk, env.admin, case_id, states.TERMINATED, reason="调解不成", routes=["litigation"])
    r = stats.monthly_report(env.desk, month_of(one))
    assert (r.terminated, r.concluded, r.success_rate) == (1, 1, 0.0)
    assert stats.monthly_report(env.desk, month_of(four)).terminated == 0
    assert stats.monthly_report(env.desk, month_of(today())).terminated == 0


def test_agreements_not_in_effect_are_no_success(env: Env) -> None:
    four = months_back(4)
    unsigned = mediating(env, 4, four)  # written, never signed
    agree(env, unsigned, "written", four, "300")
    withdrawn = mediating(env, 5, four)  # written, withdrawn before signing, then mediation ended
    agree(env, withdrawn, "written", four, "400")
    agreement_life.withdraw_agreement(env.desk, env.admin, withdrawn, "一方反悔，协议撤回重新调解")
    workflow.transition(env.desk, env.admin, withdrawn, states.TERMINATED, reason="调解不成", routes=["litigation"])
    invalid = mediating(env, 6, four)  # oral, in effect when reached, later ruled invalid by a court
    agree(env, invalid, "oral", four, "500")
    agreement_life.record_invalidation(env.desk, env.admin, invalid, today().isoformat(), "法院裁定协议无效")
    in_effect = mediating(env, 7, four)  # the one success
    agree(env, in_effect, "oral", four, "600")

    r = stats.monthly_report(env.desk, month_of(four))
    assert (r.accepted, r.mediated_successfully, r.agreement_amount) == (4, 1, Decimal("600.00"))
    assert r.by_agreement_form == {"oral": 1}
    assert successes_by_month(env) == {month_of(four): 1}
    now = stats.monthly_report(env.desk, month_of(today()))
    assert (now.mediated_successfully, now.terminated, now.concluded) == (0, 1, 1)  # the withdrawn one ended today


def test_a_report_for_a_bad_month_is_refused_naming_the_field(env: Env) -> None:
    for month in ("2026-00", "2026/05", "五月"):
        with pytest.raises(ValidationError) as e:
            stats.monthly_report(env.desk, month)
        problem = e.value.problems[0]
        assert (problem.field, problem.rule) == ("month", "month_format") and "月份" in problem.message
