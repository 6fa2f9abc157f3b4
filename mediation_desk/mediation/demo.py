"""演示数据 of mediation: the roster and cases of a realistic village mediation room (谢塘镇), filled
into the desk that `administration/demo.py` has set up.

Deterministic for a given seed. Everything goes through the services, so the audit chain, the
outbox and the case history look exactly as they would after months of real use: each case is a
story of steps (accepted, assigned, sessions, agreement, signatures, visits, closing) with the
day and hour it would have been typed in, and the steps of all cases run in time order, each in
a unit of work dated at its moment (`acting_at`). None lies in the future, so the monthly
statistics read as a working desk's: acceptances, agreements and closings spread over the months."""

from __future__ import annotations

import datetime as dt
import heapq
import random
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

from mediation_desk.core.demo import DemoContext
from mediation_desk.core.uow import CHINA, Actor, acting_at
from mediation_desk.desk import Desk
from mediation_desk.mediation import (
    agreement,
    assignment,
    followup,
    intake,
    mediators,
    queries,
    sessions,
    states,
    workflow,
)
from mediation_desk.mediation import demo_data as D
from mediation_desk.mediation.demo_people import DemoPeople, demo_mobile
from mediation_desk.mediation.dispute_types import LABELS
from mediation_desk.privacy import roles

MEDIATOR_OPERATOR = ("wangyongnian", "王永年")  # an operator account linked to 王永年's mediator record

WRITTEN, ORAL = "agreed_written", "agreed_oral"  # "agreed" twice: both agreement forms appear
TARGETS = (
    states.ACCEPTED,
    states.ASSIGNED,
    states.IN_MEDIATION,
    WRITTEN,
    ORAL,
    states.PERFORMING,
    states.FOLLOW_UP,
    states.CLOSED,
    states.TERMINATED,
    states.DECLINED,
    states.ESCALATED,
    states.UNPERFORMED,
)
WEIGHTS = (3, 3, 5, 3, 2, 5, 5, 16, 4, 2, 2, 1)  # a working desk: most cases are closed
AGE_DAYS = {  # how long ago a case in that state was accepted
    states.ACCEPTED: (0, 10),
    states.ASSIGNED: (2, 20),
    states.IN_MEDIATION: (6, 45),
    WRITTEN: (8, 60),
    ORAL: (8, 60),
    states.PERFORMING: (30, 120),
    states.FOLLOW_UP: (45, 160),
    states.CLOSED: (50, 240),
    states.TERMINATED: (20, 220),
    states.DECLINED: (5, 220),
    states.ESCALATED: (5, 220),
    states.UNPERFORMED: (45, 200),
}
NOT_PERFORMED_NOTE = "回访时被申请人表示无力履行，双方再起争执，已告知可以向人民法院起诉"
RECUSAL_AT = (1, 6)  # the 2nd and 7th assignments: the best-ranked mediator is a party's relative
REFUSAL_AT = 3  # the 4th: a party refuses the first mediator assigned (人民调解法第二十三条)


class MediationDemo:
    """The mediation part of the demo desk (registered in `capability.py`): the roster of
    mediators, a 调解员 account, and cases in every state with their whole history."""

    name = "mediation"

    def has_data(self, desk: Desk) -> int:
        return sum(queries.count_by_status(desk).values())

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        desk, rng, admin = context.desk, context.rng, context.admin
        plan = _plan(rng, size, context.today)
        # The roster and the mediator's account exist before the first case came in.
        first_day = (plan[0][1] if plan else context.today) - dt.timedelta(days=1)
        with acting_at(min(_at(first_day, 9), dt.datetime.now(CHINA))):
            roster = {
                m["name"]: mediators.add_mediator(desk, admin, {**m, "phone": demo_mobile(rng)}).id for m in D.MEDIATORS
            }
            mediator = context.make_operator(*MEDIATOR_OPERATOR, roles.MEDIATOR, roster[MEDIATOR_OPERATOR[1]])
        seeder = _Seeder(desk, rng, admin, context.clerk, mediator, DemoPeople(rng))
        run_in_time_order([seeder.story(i, target, accepted_on) for i, (target, accepted_on) in enumerate(plan)])
        return {"mediators": len(roster), "cases": size, "by_status": queries.count_by_status(desk)}


def _plan(rng: random.Random, cases: int, today: dt.date) -> list[tuple[str, dt.date]]:
    """Every target state once (while there is room), the rest weighted; oldest first so that
    case numbers follow the acceptance dates as they would on a real desk."""
    targets = list(TARGETS[:cases]) + rng.choices(TARGETS, WEIGHTS, k=max(0, cases - len(TARGETS)))
    rng.shuffle(targets)
    dated = [(t, today - dt.timedelta(days=rng.randint(*AGE_DAYS[t]))) for t in targets]
    return sorted(dated, key=lambda x: x[1])


Story = Iterator[dt.datetime]  # yields the moment of its next step, then takes that step when resumed


def run_in_time_order(stories: list[Story]) -> None:
    """Take the steps of all stories interleaved in time order, each in units of work dated at
    its moment: the audit trail, the outbox and the case numbers follow the calendar."""
    queue: list[tuple[dt.datetime, int, Story]] = []
    for n, story in enumerate(stories):
        first = next(story, None)
        if first is not None:
            queue.append((first, n, story))
    heapq.heapify(queue)
    while queue:
        at, n, story = heapq.heappop(queue)
        with acting_at(at):
            following = next(story, None)
        if following is not None:
            heapq.heappush(queue, (following, n, story))


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), CHINA)


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass
class _Case:
    id: str
    tpl: dict[str, Any]
    ctx: dict[str, Any]
    person_ids: list[str]
    amount: int | None
    risks: list[str] = field(default_factory=list)


class _Seeder:
    def __init__(
        self, desk: Desk, rng: random.Random, admin: Actor, clerk: Actor, mediator: Actor, people: DemoPeople
    ) -> None:
        self.desk, self.rng = desk, rng
        self.admin, self.clerk, self.mediator, self.people = admin, clerk, mediator, people
        self.templates = rng.sample(D.TEMPLATES, len(D.TEMPLATES))  # every dispute type early on
        self.assignments = 0
        self.now = dt.datetime.now(CHINA) - dt.timedelta(minutes=1)  # no step lies beyond it

    def later(self, after: dt.datetime, days: int, hours: tuple[int, int] = (9, 16)) -> dt.datetime:
        """A moment in office hours `days` after `after` (never before it, never in the future)."""
        day = after.astimezone(CHINA).date() + dt.timedelta(days=max(0, days))
        planned = _at(day, self.rng.randint(*hours), self.rng.choice((0, 15, 30, 45)))
        if planned <= after:
            planned = after + dt.timedelta(minutes=20)
        return max(after, min(planned, self.now))

    def story(self, i: int, target: str, accepted_on: dt.date) -> Story:
        """One case from its acceptance to `target`."""
        at = self.later(_at(accepted_on, 0), 0, (8, 11))
        yield at
        case = self.open(i, accepted_on)
        if target == states.ACCEPTED:
            return
        ends_early = target == states.DECLINED or (target == states.ESCALATED and self.rng.random() < 0.3)
        if not ends_early or self.rng.random() < 0.5:
            at = self.later(at, self.rng.randint(0, 1), (13, 16))
            yield at
            self.assign(case)
        if ends_early:
            at = self.later(at, self.rng.randint(0, 2))
            yield at
            self.end(case, target)
        elif target != states.ASSIGNED:
            yield from self.mediate(case, target, self.later(at, self.rng.randint(1, 4), (8, 15)))

    def mediate(self, case: _Case, target: str, held: dt.datetime) -> Story:
        """Sessions (`held`: when the first one took place; its record is typed in afterwards)."""
        at = min(held + dt.timedelta(hours=1), self.now)
        yield at
        if target == states.TERMINATED:
            self.session(case, held, "continue")
            held = self.later(at, self.rng.randint(3, 10), (8, 15))
            at = min(held + dt.timedelta(hours=1), self.now)
            yield at
            self.session(case, held, "failed")
        else:
            unsettled = target in (states.IN_MEDIATION, states.ESCALATED)
            self.session(case, held, "continue" if unsettled else "agreement")
        if target in (states.TERMINATED, states.ESCALATED):
            at = self.later(at, self.rng.randint(0, 3))
            yield at
            self.end(case, target)
        elif target != states.IN_MEDIATION:
            yield from self.perform(case, target, at)

    def perform(self, case: _Case, target: str, at: dt.datetime) -> Story:
        """Agreement (at `at`), signatures, performance, the follow-up visit and closing, as far as
        `target`."""
        day = at.astimezone(CHINA).date()
        oral = target == ORAL or (target != WRITTEN and self.rng.random() < 0.3)
        self.agree(case, day, oral)
        fid = followup.schedule_follow_up(
            self.desk, self.clerk, case.id, day + dt.timedelta(days=30), "协议履行情况回访", case.person_ids[0]
        )
        if not oral:
            at = yield from self.sign(case, at)
        if target in (WRITTEN, ORAL):
            return
        if target == states.PERFORMING or self.rng.random() < 0.5:
            at = self.later(at, self.rng.randint(1, 7))
            yield at
            workflow.transition(self.desk, self.admin, case.id, states.PERFORMING)
            if target == states.PERFORMING and self.rng.random() < 0.5:
                agreement.update_performance(self.desk, self.clerk, case.id, "partial")
        if target == states.PERFORMING:
            return
        visit_day = day + dt.timedelta(days=30 + self.rng.randint(-3, 5))  # around the visit's due date
        at = self.later(at, (visit_day - at.astimezone(CHINA).date()).days)
        yield at
        done = target == states.CLOSED
        visit = {
            "follow_up_id": fid,
            "performance_status": "fully_performed" if done else "partial",
            "satisfaction": "satisfied" if done else "basic",
            "visitor": self.clerk.display_name,
            "notes": (self.rng.choice(D.FOLLOW_UP_NOTES) if done else D.PARTLY_PERFORMED).format(**case.ctx),
        }
        if target == states.UNPERFORMED:  # art. 32: the visit ends it, the parties told they may sue
            visit.update(
                performance_status="not_performed",
                satisfaction="dissatisfied",
                renewed_conflict=True,
                notes=NOT_PERFORMED_NOTE,
                then=states.UNPERFORMED,
                reason="协议约定的履行期限届满，义务人未履行",
                routes=["litigation"],
            )
        followup.record_follow_up(self.desk, self.clerk, case.id, visit)
        if done:
            yield self.later(at, self.rng.randint(0, 5))
            workflow.transition(self.desk, self.admin, case.id, states.CLOSED, prevented=case.risks)

    def open(self, i: int, accepted_on: dt.date) -> _Case:
        rng = self.rng
        tpl = self.templates[i] if i < len(self.templates) else rng.choice(D.TEMPLATES)
        a = self.people.pick(tpl["a"], tpl.get("a_male"), None)
        b = self.people.pick(tpl["b"], tpl.get("b_male"), a["name"])
        amount = tpl.get("amount")
        if "amount_range" in tpl:
            lo, hi = tpl["amount_range"]
            amount = rng.randrange(lo, hi, 100)
        n = rng.randint(*tpl["n"]) if "n" in tpl else 2
        village = rng.choice(D.VILLAGES)
        ctx = {"a": a["name"], "b": b["name"], "village": village, "amount": amount, "n": n}
        source, referrer = rng.choice(tpl["sources"])
        risks = list(tpl.get("risks", [])) if rng.random() < 0.5 else []
        data = {
            "source": source,
            "referrer_kind": referrer,
            "referrer_name": rng.choice(D.REFERRERS[referrer]) if referrer in D.REFERRERS else None,
            "found_in_screening": source == "initiative",
            "dispute_type": tpl["type"],
            "dispute_subtype": tpl.get("subtype"),
            "brief_facts": tpl["facts"].format(**ctx),
            "requests": tpl["requests"].format(**ctx),
            "amount": str(amount) if amount else None,
            "persons_involved": n,
            "risk_flags": risks,
            "area": village,
            "accepted_on": accepted_on,
            "parties": [{**a, "role": "applicant"}, {**b, "role": "respondent"}],
        }
        case_id = intake.open_case(self.desk, self.clerk, data)
        person_ids = [p.person.id for p in queries.case_detail(self.desk, self.clerk, case_id).parties]
        for kind, person_id in zip((tpl["a"], tpl["b"]), person_ids, strict=False):
            if kind in D.LEGAL_PERSONS:
                self.people.legal_ids[kind] = person_id
        return _Case(case_id, tpl, ctx, person_ids, amount, risks)

    def assign(self, case: _Case, *, again: bool = False) -> None:
        k, self.assignments = self.assignments, self.assignments + (not again)
        ranking = assignment.rank_for_case(self.desk, case.id)
        if not again and k in RECUSAL_AT and ranking.ranked:  # shows up as an exclusion in the ranking
            relation = D.RELATIONS[RECUSAL_AT.index(k) % len(D.RELATIONS)]
            mediators.add_relation(self.desk, self.admin, ranking.ranked[0].mediator_id, case.person_ids[0], relation)
            ranking = assignment.rank_for_case(self.desk, case.id)
        picks = ranking.ranked[: 2 if case.amount and case.amount > 50000 else 1]
        reason = "人手紧张，经主任同意指派" if any(r.warnings for r in picks) else None
        assignment.assign(self.desk, self.admin, case.id, [r.mediator_id for r in picks], override_reason=reason)
        if not again and k == REFUSAL_AT:
            assignment.record_refusal(
                self.desk,
                self.clerk,
                case.id,
                case.person_ids[1],
                picks[0].mediator_id,
                "认为该调解员与对方当事人来往密切",
            )
            self.assign(case, again=True)

    def session(self, case: _Case, held: dt.datetime, outcome: str) -> None:
        rng, ctx = self.rng, case.ctx
        detail = queries.case_detail(self.desk, self.clerk, case.id)
        on_case = [a.mediator_name for a in detail.assignments if a.ended_at is None]
        actor = self.mediator if self.mediator.label in on_case else self.clerk
        result = {
            "continue": "双方各自陈述意见，同意回去考虑后再次调解",
            "agreement": "经调解员释法说理，双方互谅互让，自愿达成协议",
            "failed": "双方分歧较大，均不愿让步，调解不成",
        }[outcome]
        sessions.add_session(
            self.desk,
            actor,
            case.id,
            {
                "held_at": held.astimezone(CHINA).replace(tzinfo=None),  # typed in Beijing time
                "place": rng.choice(D.PLACES).format(**ctx),
                "matter": f"{LABELS[case.tpl['type']]}纠纷",
                "participants": [ctx["a"], ctx["b"], *on_case],
                "helpers": [rng.choice(D.HELPERS)],
                "recorder": self.clerk.display_name,
                "facts_checked": case.tpl["issues"],
                "result": result,
                "statements": [
                    {"person_id": case.person_ids[0], "text": case.tpl["a_says"]},
                    {"person_id": case.person_ids[1], "text": case.tpl["b_says"]},
                ],
                "outcome": outcome,
            },
        )

    def agree(self, case: _Case, day: dt.date, oral: bool) -> None:
        deadline = day + dt.timedelta(days=self.rng.randint(10, 45))
        ctx = {**case.ctx, "deadline": _cn_date(deadline)}
        tpl = case.tpl
        agreement.record_agreement(
            self.desk,
            self.clerk,
            case.id,
            {
                "form": "oral" if oral else "written",
                "reached_on": day,
                "facts": tpl["facts"].format(**ctx),
                "disputed_issues": tpl["issues"],
                "responsibility": None,
                "terms": [t.format(**ctx) for t in tpl["terms"]],
                "performance_method": tpl["method"].format(**ctx),
                "performance_deadline": deadline,
                "amount": str(case.amount) if case.amount else None,
            },
        )

    def sign(self, case: _Case, at: dt.datetime) -> Generator[dt.datetime, None, dt.datetime]:
        """The parties sign a written agreement within two days (it takes effect then); for some
        disputes they apply for judicial confirmation three days later. Returns the last moment."""
        at = self.later(at, self.rng.randint(0, 2))
        yield at
        agreement.confirm_signatures(self.desk, self.clerk, case.id, at.astimezone(CHINA).date())
        applied = _at(at.astimezone(CHINA).date() + dt.timedelta(days=3), 10)
        if case.tpl.get("judicial") and applied <= self.now:
            yield applied
            agreement.record_judicial_application(self.desk, self.clerk, case.id, applied.date())
            return applied
        return at

    def end(self, case: _Case, target: str) -> None:
        ctx, rng = case.ctx, self.rng
        if target == states.DECLINED:
            workflow.transition(
                self.desk, self.admin, case.id, target, reason=rng.choice(D.DECLINE_REASONS).format(**ctx)
            )
        elif target == states.ESCALATED:
            workflow.transition(
                self.desk,
                self.admin,
                case.id,
                target,
                reason=rng.choice(D.ESCALATE_REASONS).format(**ctx),
                escalate_to=rng.choice(("town", "town", "county")),
            )
        else:
            routes = ["arbitration", "litigation"] if case.tpl["type"] == "labour" else ["litigation"]
            workflow.transition(
                self.desk,
                self.admin,
                case.id,
                target,
                routes=routes,
                reason=rng.choice(D.TERMINATE_REASONS).format(**ctx),
            )
