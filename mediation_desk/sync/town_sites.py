"""A town's desk (镇街) and the site codes (一单一码): the covert-inspection and joint-enforcement
tasks the district opened for the town's villages' places, closing them, and the conversion rate
(转码率) of each village — online, through the district.

Nothing of it is kept on the town's desk: the district holds the tasks and the months' codes; a
task closed there goes down to its village's desk at the next pull. A committee's desk is refused
before any contact with the district; so is a person whose role may not close tasks
(`sitecode.town`). A closing is audited here, naming the task, never a name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.privacy import roles
from mediation_desk.sitecode import rules
from mediation_desk.sync.errors import DeviceRefused, ServerFailure
from mediation_desk.sync.sync_round import drop_refused_token, ready_client
from mediation_desk.sync.transport import DEFAULT_OPTIONS, DistrictClient, TransportOptions
from mediation_desk.validation import clean_text

ACTION = "sitecode.town"
AUDIT_ACTION = "sitecode.task"
PAGE = 500  # the district's largest page
MAX_LISTED = 10_000
_T = TypeVar("_T")


@dataclass(frozen=True)
class TownTask:
    """A task as the district holds it, with its place (no responsible person: that stays in the village)."""

    id: str
    place_id: str
    place_name: str
    place_code: str | None
    category: str
    category_label: str
    address: str | None
    grid: str | None
    committee_code: str
    committee_name: str
    kind: str
    kind_label: str
    month: str
    status: str
    status_label: str
    reasons: tuple[str, ...]
    parties: tuple[str, ...]
    opened_on: dt.date | None
    closed_on: dt.date | None
    outcome: str | None
    changed: bool = False  # a closing: False when it had been closed already with this outcome


@dataclass(frozen=True)
class Rate:
    """A conversion rate: of the places red or yellow when the earlier month closed, how many were
    green when the later one closed. `rate` is None when none was red or yellow."""

    eligible: int
    converted: int
    rate: float | None
    text: str


@dataclass(frozen=True)
class VillageRate:
    committee_code: str
    committee_name: str
    rate: Rate


@dataclass(frozen=True)
class TownRates:
    month: str
    compared_with: str
    complete: bool  # False: the district has not finished the month's close (the figures may be short)
    villages: tuple[VillageRate, ...]
    town: Rate


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in value) if isinstance(value, list) else ()


def _task(t: dict[str, Any], changed: bool = False) -> TownTask:
    try:
        kind, status = str(t["kind"]), str(t["status"])
        return TownTask(
            id=str(t["task_id"]),
            place_id=str(t["place_id"]),
            place_name=str(t.get("place_name") or "（场所信息尚未同步）"),
            place_code=t.get("place_code"),
            category=str(t.get("category") or ""),
            category_label=str(t.get("category_label") or t.get("category") or ""),
            address=t.get("address"),
            grid=t.get("grid"),
            committee_code=str(t["committee_code"]),
            committee_name=str(t.get("committee_name") or ""),
            kind=kind,
            kind_label=rules.TASK_KINDS.get(kind, kind),
            month=str(t["month"]),
            status=status,
            status_label=rules.TASK_STATUSES.get(status, status),
            reasons=_texts(t.get("reasons")),
            parties=_texts(t.get("parties")),
            opened_on=_day(t.get("opened_on")),
            closed_on=_day(t.get("closed_on")),
            outcome=t.get("outcome"),
            changed=changed,
        )
    except (KeyError, TypeError):
        raise ServerFailure("区里回答的任务格式不对") from None


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ServerFailure("区里回答的转码率格式不对")
    return value


def _rate(r: Any) -> Rate:
    if not isinstance(r, dict):
        raise ServerFailure("区里回答的转码率格式不对")
    eligible, converted = _count(r.get("eligible")), _count(r.get("converted"))
    figure = rules.Conversion(eligible, converted)  # computed here again: the same words on every desk
    return Rate(eligible, converted, figure.rate, figure.text)


def _online(desk: Desk, actor: Actor, options: TransportOptions, call: Callable[[DistrictClient], _T]) -> _T:
    """`call` with a client of this town desk: refused on a committee's desk, or for a role that
    may not close tasks, before any contact with the district."""
    with desk.read(actor):
        roles.authorize(actor, ACTION)  # inside the unit of work: a refusal is audited
    settings, client = ready_client(desk, options)
    if settings.scope != contract.SCOPE_TOWN:
        client.close()
        raise PermissionDenied(
            "本机登记为调解委员会的电脑：暗访、联合执法任务和各村转码率只能在登记为镇（街道）的电脑上查看和办理"
        )
    try:
        with client:
            return call(client)
    except DeviceRefused as refused:
        drop_refused_token(desk, refused)
        raise


def _pages(c: DistrictClient, status: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after: str | None = None
    while len(rows) < MAX_LISTED:
        answer = c.town_site_tasks(status, after, min(PAGE, MAX_LISTED - len(rows)))
        page = answer.get("tasks")
        if not isinstance(page, list):
            raise ServerFailure("区里的回答缺少任务列表")
        rows += [r for r in page if isinstance(r, dict)]
        after = answer.get("next")
        if not isinstance(after, str) or not page:
            break
    return rows


def town_tasks(
    desk: Desk, actor: Actor, *, open_only: bool = True, options: TransportOptions = DEFAULT_OPTIONS
) -> list[TownTask]:
    """The tasks of the town's villages: the open ones, or all (open first)."""
    statuses = (rules.TASK_OPEN,) if open_only else (rules.TASK_OPEN, rules.TASK_DONE)

    def fetch(c: DistrictClient) -> list[dict[str, Any]]:
        return [row for status in statuses for row in _pages(c, status)]

    return [_task(r) for r in _online(desk, actor, options, fetch)]


def _task_id(value: str) -> str:
    if not isinstance(value, str) or not contract.UUID_SHAPE.fullmatch(value.strip().lower()):
        raise ValidationError.single("task_id", "id_format", "任务编号须是完整的记录编号（UUID）")
    return value.strip().lower()


def close_task(
    desk: Desk, actor: Actor, task_id: str, *, outcome: str, options: TransportOptions = DEFAULT_OPTIONS
) -> TownTask:
    """Close a task with what was found and done (required); the village's desk sees it at its
    next pull. Closing again with the same outcome changes nothing."""
    tid = _task_id(task_id)
    said = clean_text(outcome, "outcome", "办理结果", required=True, max_chars=rules.MAX_TEXT_CHARS)
    body = {"outcome": said, "reviewer": actor.label[:64]}
    answer = _online(desk, actor, options, lambda c: c.close_site_task(tid, body))
    found = answer.get("task")
    if not isinstance(found, dict):
        raise ServerFailure("区里的回答缺少任务")
    view = _task(found, bool(answer.get("changed")))
    with desk.write(actor) as uow:
        uow.audit(AUDIT_ACTION, rules.TASK, tid, kind=view.kind, status=view.status, changed=view.changed)
    return view


def town_rates(desk: Desk, actor: Actor, month: str, *, options: TransportOptions = DEFAULT_OPTIONS) -> TownRates:
    """The conversion rate of `month` (against the month before) of each village and the town."""
    try:
        wanted = rules.parse_month(month)
    except ValueError as exc:
        raise ValidationError.single("month", "month_format", f"月份（month）{exc}") from None
    answer = _online(desk, actor, options, lambda c: c.town_site_rates(wanted))
    villages = answer.get("villages")
    if not isinstance(villages, list) or answer.get("month") != wanted:
        raise ServerFailure("区里回答的转码率格式不对")
    try:
        rows = tuple(
            VillageRate(str(v["committee_code"]), str(v.get("committee_name") or ""), _rate(v)) for v in villages
        )
    except (KeyError, TypeError):
        raise ServerFailure("区里回答的转码率格式不对") from None
    return TownRates(
        month=wanted,
        compared_with=str(answer.get("compared_with") or rules.add_months(wanted, -1)),
        complete=bool(answer.get("complete")),
        villages=rows,
        town=_rate(answer.get("town")),
    )
