"""The rules of mediation, as pure data and functions shared by the desk and the district server:
the life of a case, the entities mediation syncs (with the case's transition check) and the
permission actions of its services.

accepted → assigned → in_mediation → agreed (written or oral) → performing → follow_up → closed
                                   ↘ terminated (art. 26: reason + routes told) → closed
agreed → in_mediation (a written agreement not yet signed is withdrawn, art. 29: mediate again)
agreed → terminated (a party refuses to sign the written agreement, art. 26)
performing/follow_up → unperformed (art. 32: not performed, the parties told they may sue) → closed
accepted/assigned → declined (art. 17: a party refuses)
accepted … follow_up → escalated (art. 25, 枫桥经验: to town or county)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.sync_contract import (
    APPEND_ONLY,
    CHOICE,
    DATE,
    DIGEST,
    FIELDS,
    ID,
    INT,
    STATE_MACHINE,
    FieldRule,
    SyncedEntity,
)
from mediation_desk.errors import TransitionError
from mediation_desk.privacy.roles import ALL, NONE, OWN, Permission

ACCEPTED = "accepted"  # 已受理
ASSIGNED = "assigned"  # 已派单
IN_MEDIATION = "in_mediation"  # 调解中
AGREED = "agreed"  # 已达成协议
PERFORMING = "performing"  # 履行中
FOLLOW_UP = "follow_up"  # 回访中
CLOSED = "closed"  # 已结案
TERMINATED = "terminated"  # 终止调解
DECLINED = "declined"  # 不予调解（当事人拒绝）
ESCALATED = "escalated"  # 已上报
UNPERFORMED = "unperformed"  # 协议未履行 (art. 32: the parties may sue)

LABELS: dict[str, str] = {
    ACCEPTED: "已受理",
    ASSIGNED: "已派单",
    IN_MEDIATION: "调解中",
    AGREED: "已达成协议",
    PERFORMING: "履行中",
    FOLLOW_UP: "回访中",
    CLOSED: "已结案",
    TERMINATED: "终止调解",
    DECLINED: "不予调解",
    ESCALATED: "已上报",
    UNPERFORMED: "协议未履行",
}
STATES = tuple(LABELS)
# Published (core/registry.py) when a case closes: {case_id, lead_mediator_id, agreement_effective_on, closed_on}.
CASE_CLOSED_EVENT = "mediation.case_closed"
OPEN_STATES = frozenset({ACCEPTED, ASSIGNED, IN_MEDIATION, AGREED, PERFORMING, FOLLOW_UP})
FINAL_STATES = frozenset({CLOSED, DECLINED, ESCALATED})

TRANSITIONS: dict[str, tuple[str, ...]] = {
    ACCEPTED: (ASSIGNED, DECLINED, ESCALATED),
    ASSIGNED: (IN_MEDIATION, DECLINED, ESCALATED),
    IN_MEDIATION: (AGREED, TERMINATED, ESCALATED),
    # Back to mediation or terminated only while a written agreement is unsigned (see _guard).
    AGREED: (PERFORMING, FOLLOW_UP, IN_MEDIATION, TERMINATED, ESCALATED),
    PERFORMING: (FOLLOW_UP, UNPERFORMED, ESCALATED),
    # back to performing when a visit finds it unfinished; unperformed when it will not be
    FOLLOW_UP: (CLOSED, PERFORMING, UNPERFORMED, ESCALATED),
    TERMINATED: (CLOSED,),
    UNPERFORMED: (CLOSED,),
    CLOSED: (),
    DECLINED: (),
    ESCALATED: (),
}

ROUTES = {  # art. 26: other routes the parties must be told of when mediation ends
    "arbitration": "仲裁",
    "administrative": "行政途径",
    "litigation": "诉讼",
    "petition": "信访",
}
ESCALATION_LEVELS = {"town": "镇（街道）矛调中心", "county": "区（县）社会治理中心"}
PERFORMANCE_DONE = "fully_performed"
SESSION_FAILED = "failed"  # a session's outcome: 调解不成
WITHDRAW_LABEL = "协议撤回，重新调解"  # agreed → in_mediation, as the history and the buttons say it


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know about a case besides its status."""

    active_mediators: int = 0
    sessions: int = 0
    has_agreement: bool = False
    agreement_effective: bool = False  # art. 29: written — all signed and sealed; oral — when reached
    performance_status: str | None = None
    followups_done: int = 0
    reason: str | None = None
    routes_told: tuple[str, ...] = field(default_factory=tuple)
    escalate_to: str | None = None
    agreement_form: str | None = None  # written | oral
    agreement_withdrawn: bool = False
    agreement_invalidated: bool = False
    last_session_outcome: str | None = None  # of the latest session (current versions only)

    @property
    def agreement_in_effect(self) -> bool:
        """Signed (or oral), not withdrawn, not ruled invalid: what counts as 调解成功."""
        return self.agreement_effective and not self.agreement_withdrawn and not self.agreement_invalidated

    @property
    def unsigned_written(self) -> bool:
        return self.has_agreement and self.agreement_form == "written" and not self.agreement_effective


def allowed_targets(current: str) -> tuple[str, ...]:
    return TRANSITIONS.get(current, ())


def blocking_reason(current: str, target: str, facts: CaseFacts) -> str | None:
    """Why `current → target` is not allowed now, or None when it is."""
    if current not in TRANSITIONS:
        return f"未知的案件状态「{current}」"
    if target not in TRANSITIONS:
        return f"未知的目标状态「{target}」"
    if target not in TRANSITIONS[current]:
        if not TRANSITIONS[current]:
            return f"案件已{LABELS[current]}，不能再变更"
        return f"「{LABELS[current]}」的案件不能直接转为「{LABELS[target]}」"
    return _guard(current, target, facts)


def _guard(current: str, target: str, f: CaseFacts) -> str | None:
    if target in (ASSIGNED, IN_MEDIATION) and f.active_mediators < 1:
        return "尚未指派调解员（人民调解法第十九条）"
    if current == AGREED and target in (IN_MEDIATION, TERMINATED):
        return _agreement_undone(target, f)
    if target == AGREED:
        if f.sessions < 1:
            return "尚无调解记录，不能登记达成协议"
        if f.last_session_outcome == SESSION_FAILED:
            return "最近一次调解记录为调解不成，须先记录新的一次调解，才能登记达成协议（人民调解法第二十七条）"
        if not f.has_agreement or f.agreement_withdrawn:
            return "尚未录入协议内容（协议条款、履行方式）"
    if target == TERMINATED:
        return _routes_problem(f, "终止调解", "人民调解法第二十六条")
    if target == DECLINED and not _given(f.reason):
        return "不予调解须记录理由（如当事人明确拒绝，人民调解法第十七条）"
    if target == ESCALATED:
        if f.escalate_to not in ESCALATION_LEVELS:
            return "上报须选择接收层级：镇（街道）或区（县）（人民调解法第二十五条）"
        if not _given(f.reason):
            return "上报须写明理由（人民调解法第二十五条）"
    if target in (PERFORMING, FOLLOW_UP):
        if not f.has_agreement or f.agreement_withdrawn:
            return "没有协议，无从履行或回访"
        if not f.agreement_effective:
            return "书面协议尚未经各方签字、盖章生效（人民调解法第二十九条），请先确认签字"
        if f.agreement_invalidated:
            return "协议已被人民法院确认无效或撤销，不能再履行或回访（人民调解法第三十三条）"
    if target == UNPERFORMED:
        if not f.agreement_effective:
            return "协议尚未生效，不存在未履行（人民调解法第三十二条）"
        if problem := _routes_problem(f, "登记协议未履行", "人民调解法第三十二条"):
            return problem
        if "litigation" not in f.routes_told:
            return "登记协议未履行须告知当事人可以向人民法院提起诉讼（人民调解法第三十二条）"
    if target == CLOSED and current == FOLLOW_UP:
        if f.followups_done < 1:
            return "尚无回访记录，不能结案（人民调解法第三十一条）"
        if f.performance_status != PERFORMANCE_DONE:
            return "协议尚未履行完毕，不能结案"
    return None


def _given(text: str | None) -> bool:
    return bool(text and text.strip())


def _routes_problem(f: CaseFacts, action: str, article: str) -> str | None:
    if not _given(f.reason):
        return f"{action}须写明理由（{article}）"
    if not f.routes_told:
        return f"{action}须告知当事人其他救济途径（{article}）"
    if unknown := [r for r in f.routes_told if r not in ROUTES]:
        return f"未知的救济途径：{'、'.join(unknown)}"
    return None


def _agreement_undone(target: str, f: CaseFacts) -> str | None:
    """agreed → in_mediation (withdrawn) or → terminated (a party refuses to sign): only while
    the written agreement has not taken effect — once signed, art. 32 leaves the courts."""
    if not f.has_agreement or f.agreement_withdrawn:
        return "本案没有待签字的协议"
    if f.agreement_form != "written":
        return "口头协议自达成时生效，不能撤回；当事人可以向人民法院提起诉讼（人民调解法第三十二条）"
    if f.agreement_effective:
        return "书面协议已签字生效，不能撤回；当事人可以向人民法院提起诉讼（人民调解法第三十二条）"
    if target == IN_MEDIATION:
        return None if _given(f.reason) else "撤回协议、重新调解须写明理由（人民调解法第二十九条）"
    return _routes_problem(f, "当事人拒绝签字而终止调解", "人民调解法第二十六条")


def check_transition(current: str, target: str, facts: CaseFacts) -> None:
    """Raise `TransitionError` (saying why and what is allowed) unless the move is valid."""
    reason = blocking_reason(current, target, facts)
    if reason is not None:
        allowed = [LABELS.get(t, t) for t in available_actions(current, facts)]
        raise TransitionError(
            LABELS.get(current, current), LABELS.get(target, target), reason, allowed, final=current in FINAL_STATES
        )


def available_actions(current: str, facts: CaseFacts) -> list[str]:
    """Targets allowed right now, ignoring guards that need input given with the action itself
    (a reason, routes, the escalation level) — those the form asks for."""
    given = replace(facts, reason="…", routes_told=tuple(ROUTES), escalate_to=next(iter(ESCALATION_LEVELS)))
    return [t for t in allowed_targets(current) if _guard(current, t, given) is None]


def transition_conflict(server_status: str, claimed_from: str, target: str) -> str | None:
    """Why a pushed case transition cannot be applied to the server's state, or None.

    The desk made the move from `claimed_from`; if the server's case has moved meanwhile (another
    desk, the town taking it over) the op is a conflict the clerk resolves, never silently applied."""
    if target not in STATES:
        return f"未知的案件状态：{target}"
    if server_status == target:
        return None  # the same move arrived twice by different routes: nothing to do
    if server_status != claimed_from:
        return (
            f"区里记录的状态是“{LABELS.get(server_status, server_status)}”，"
            f"本机是从“{LABELS.get(claimed_from, claimed_from)}”变更的"
        )
    if target not in allowed_targets(server_status):
        return f"不能从“{LABELS.get(server_status, server_status)}”变为“{LABELS.get(target, target)}”"
    return None


# What the district keeps of each entity mediation syncs (PIPL minimum necessary), and what each
# typed field may hold (the district refuses an op outside these; other fields are plain values).
_DAY = FieldRule(DATE)
_AMOUNT = FieldRule(INT, 0, 9_999_999_999)  # fen: up to 1 亿 yuan
_ID = FieldRule(ID)
_CASE_RULES = {
    "committee_id": _ID,
    "year": FieldRule(INT, 2000, 2100),
    "seat": FieldRule(INT, 1, 999),
    "seq": FieldRule(INT, 1, 9_999_999),
    "amount_fen": _AMOUNT,
    "persons_involved": FieldRule(INT, 0, 100_000),
    "accepted_on": _DAY,
    "closed_on": _DAY,
    "status": FieldRule(CHOICE, choices=frozenset(STATES)),
    "escalate_to": FieldRule(CHOICE, choices=frozenset(ESCALATION_LEVELS)),
}
_AGREEMENT_RULES = {
    "case_id": _ID,
    "amount_fen": _AMOUNT,
    "reached_on": _DAY,
    "effective_on": _DAY,
    "judicial_applied_on": _DAY,
    "withdrawn_on": _DAY,
    "invalidated_on": _DAY,
}
SYNCED_ENTITIES = (
    SyncedEntity(
        "case",
        STATE_MACHINE,
        frozenset(
            {  # created once; status only by transitions
                "number",
                "year",
                "seat",
                "seq",
                "committee_id",
                "source",
                "referrer_kind",
                "found_in_screening",
                "dispute_type",
                "dispute_subtype",
                "amount_fen",
                "persons_involved",
                "risk_flags",
                "accepted_on",
                "status",
                "routes",
                "escalate_to",
                "prevented",
                "closed_on",
                contract.TAKEN_OVER_BY,
                contract.TAKEN_OVER_AT,
            }
        ),
        transition_conflict,
        _CASE_RULES,
    ),
    SyncedEntity("mediator", FIELDS, frozenset({"name", "area", "skills", "available", "active", "title"})),
    SyncedEntity(
        "agreement",
        FIELDS,
        frozenset(
            {
                "case_id",
                "form",
                "amount_fen",
                "reached_on",
                "effective_on",
                "judicial_applied_on",
                "performance_status",
                "withdrawn_on",  # the dates only: the reasons stay at the desk
                "invalidated_on",
            }
        ),
        rules=_AGREEMENT_RULES,
    ),
    SyncedEntity(
        "case_assignment", APPEND_ONLY, frozenset({"mediator_id", "chosen_by", "ended"}), rules={"mediator_id": _ID}
    ),
    # Only the fact and outcome of a session: never the record's text.
    SyncedEntity(
        "session_record",
        APPEND_ONLY,
        frozenset({"case_id", "outcome", "held_at", "supersedes"}),
        rules={"case_id": _ID, "supersedes": _ID},
    ),
    SyncedEntity(
        "follow_up",
        APPEND_ONLY,
        frozenset(
            {
                "case_id",
                "performance_status",
                "satisfaction",
                "renewed_conflict",
            }
        ),
        rules={"case_id": _ID},
    ),
    # Only the fact of an attachment: the file stays at the desk.
    SyncedEntity(
        "attachment",
        APPEND_ONLY,
        frozenset({"case_id", "kind", "sha256", "size"}),
        rules={"case_id": _ID, "sha256": FieldRule(DIGEST), "size": FieldRule(INT, 0, 2**40)},
    ),
    # The whole file of a case escalated to a town (its keys are checked by the district apart).
    SyncedEntity(contract.CASE_FILE, APPEND_ONLY, frozenset()),
)

# A 调解员 often hears of a dispute first (主动调解): registering it is how the committee learns of
# it, and shows nobody else's personal data. Reading it afterwards needs an assignment.
PERMISSIONS = (
    Permission("case.create", "受理登记案件", mediator=ALL),
    Permission("case.view", "查看案件详情（个人信息遮掩）", "查看自己承办的案件", mediator=OWN),
    Permission("case.view_full", "查看当事人完整个人信息", "查看自己承办案件的当事人信息", mediator=OWN),
    Permission("case.assign", "派单（指派、撤换调解员）"),
    Permission("case.transition", "变更案件状态", "变更自己承办案件的状态", mediator=OWN),
    Permission("session.record", "记录调解过程", "为自己承办的案件记录调解过程", mediator=OWN),
    Permission("agreement.record", "登记调解协议", "为自己承办的案件登记调解协议", mediator=OWN),
    Permission("agreement.sign", "确认协议签字、登记司法确认申请"),
    Permission("follow_up.record", "安排和登记回访", "为自己承办的案件安排和登记回访", mediator=OWN),
    Permission("attachment.add", "添加附件", "为自己承办的案件添加附件", mediator=OWN),
    Permission("attachment.open", "查看附件原件", "查看自己承办案件的附件", mediator=OWN),
    Permission("mediator.manage", "维护调解员名册"),
    Permission("mediator.export", "导出调解员名册（含电话）"),
    Permission("export", "导出案件数据"),
    Permission("import", "导入案件数据"),
    Permission("case_targets.manage", "修改办案提醒设置", clerk=NONE),
)
