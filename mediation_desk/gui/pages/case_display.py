"""The case page's read-only parts, filled from one `CasePageView`: the header, the case's facts, its
parties (masked unless full data was asked for with a reason), mediators, the agreement, the
session records and the timeline of everything that happened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem, QTreeWidgetItem

from mediation_desk.core.uow import CHINA
from mediation_desk.gui.amounts import yuan
from mediation_desk.gui.case_labels import (
    AGREEMENT_FORM_NAMES,
    ASSIGNMENT_ROLE_NAMES,
    CHOSEN_BY_NAMES,
    LEVEL_NAMES,
    OUTCOME_NAMES,
    PERFORMANCE_NAMES,
    PREVENTION_NAMES,
    ROUTE_NAMES,
    SOURCE_CONTEXT,
    SOURCE_NAMES,
    TIMELINE_KIND_NAMES,
    name_of,
)
from mediation_desk.gui.forms.ui_case_page import Ui_CasePage
from mediation_desk.gui.labels import SUBTYPE_NAMES, dispute_type_name, state_name
from mediation_desk.gui.pages.intake import REFERRER_NAMES
from mediation_desk.gui.party_editor import ROLE_NAMES
from mediation_desk.gui.wrapping import fit_rows, wrap_columns
from mediation_desk.mediation.case_page_view import CasePageView
from mediation_desk.mediation.dto import AgreementView, CaseDetail

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole
ROLE, NAME, ID_NUMBER, PHONE, ADDRESS = range(5)
TIMELINE_TITLE, TIMELINE_DETAIL = 2, 3  # after the time and the kind


def local_time(at: dt.datetime) -> str:
    """A stored instant (UTC) as the desk shows it: Beijing time, to the minute."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def _names(names: dict[str, str], codes: tuple[str, ...] | list[str]) -> str:
    return "、".join(name_of(names, code) for code in codes)


class CaseDisplay(QObject):
    """Writes a `CasePageView` into the page's form; holds no state of its own."""

    def __init__(self, ui: Ui_CasePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        wrap_columns(ui.timelineTree, (TIMELINE_TITLE, TIMELINE_DETAIL))  # in a narrow column: wrapped

    def clear(self) -> None:
        u = self.ui
        for label in (u.numberLabel, u.stateLabel, u.infoLabel, u.mediatorsLabel, u.agreementLabel, u.partiesNote):
            label.clear()
        u.partiesTable.setRowCount(0)
        u.sessionsList.clear()
        u.timelineTree.clear()

    def show(self, view: CasePageView) -> None:
        d = view.detail
        self.ui.numberLabel.setText(d.summary.number)
        self.ui.stateLabel.setText(self.tr("【{state}】").format(state=state_name(d.summary.status)))
        self.ui.infoLabel.setText(self.info_text(d))
        self.show_parties(view)
        self.ui.mediatorsLabel.setText(self.mediators_text(d))
        self.ui.agreementLabel.setText(self.agreement_text(d.agreement) if d.agreement else self.tr("尚未达成协议"))
        self.show_sessions(view)
        self.show_timeline(d)

    # ---- the case -------------------------------------------------------------------------------

    def info_text(self, d: CaseDetail) -> str:
        s = d.summary
        kind = dispute_type_name(s.dispute_type)
        if d.dispute_subtype:
            sub = SUBTYPE_NAMES.get((s.dispute_type, d.dispute_subtype))
            kind += f"（{QCoreApplication.translate('DisputeType', sub) if sub else d.dispute_subtype}）"
        source = name_of(SOURCE_NAMES, s.source, SOURCE_CONTEXT)
        if d.referrer_kind:
            source += f"（{name_of(REFERRER_NAMES, d.referrer_kind, 'Intake')}{d.referrer_name or ''}）"
        lines = [
            self.tr("纠纷类型：{kind}").format(kind=kind),
            self.tr("来源：{source}").format(source=source),
            self.tr("受理日期：{day}").format(day=s.accepted_on.isoformat()),
        ]
        if d.area:
            lines.append(self.tr("纠纷地点：{area}").format(area=d.area))
        if s.amount is not None:
            lines.append(self.tr("涉及金额：{amount} 元").format(amount=yuan(s.amount)))
        lines.append(self.tr("涉及人数：{n} 人").format(n=d.persons_involved))
        lines.append(self.tr("简要案情：{facts}").format(facts=d.brief_facts))
        if d.requests:
            lines.append(self.tr("当事人请求：{requests}").format(requests=d.requests))
        if d.risk_flags:
            lines.append(self.tr("风险提示：{flags}").format(flags=_names(PREVENTION_NAMES, d.risk_flags)))
        if d.prevented:
            lines.append(self.tr("已防止：{flags}").format(flags=_names(PREVENTION_NAMES, d.prevented)))
        if d.status_reason:
            lines.append(self.tr("{state}理由：{reason}").format(state=state_name(s.status), reason=d.status_reason))
        if d.routes_told:
            lines.append(self.tr("已告知的其他途径：{routes}").format(routes=_names(ROUTE_NAMES, d.routes_told)))
        if d.escalated_to:
            lines.append(self.tr("上报至：{level}").format(level=name_of(LEVEL_NAMES, d.escalated_to)))
        if d.closed_on:
            lines.append(self.tr("结案日期：{day}").format(day=d.closed_on.isoformat()))
        if d.follow_ups_due:
            lines.append(self.tr("待回访：{n} 次").format(n=d.follow_ups_due))
        return "\n".join(lines)

    def show_parties(self, view: CasePageView) -> None:
        table = self.ui.partiesTable
        parties = view.detail.parties
        table.setRowCount(len(parties))
        hidden = self.tr("（已遮掩）")
        for row, party in enumerate(parties):
            p = party.person
            name = (
                p.name
                if not p.representative
                else self.tr("{name}（法定代表人：{rep}）").format(name=p.name, rep=p.representative)
            )
            cells = {
                ROLE: name_of(ROLE_NAMES, party.role, "Party"),
                NAME: name,
                ID_NUMBER: p.id_number or p.uscc or "",
                PHONE: p.phone or "",
                ADDRESS: p.address or ("" if view.full_personal_data else hidden),
            }
            for column, text in cells.items():
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        # As tall as its rows: a few parties need no scrolling, and no empty space below them.
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        # and room for the scroll bar a long name or address brings, which must not hide a party
        rows_height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows_height + 2 * table.frameWidth())
        if view.full_personal_data:
            note = self.tr("正在显示完整个人信息（本次查看及理由已记入审计日志）；刷新或离开本页后恢复遮掩。")
        else:
            note = self.tr("证件号码和电话已遮掩。查看完整信息须说明理由，并记入审计日志。")
        self.ui.partiesNote.setText(note)

    def mediators_text(self, d: CaseDetail) -> str:
        lines = []
        for a in d.assignments:
            how = [name_of(ASSIGNMENT_ROLE_NAMES, a.role), name_of(CHOSEN_BY_NAMES, a.chosen_by)]
            if a.rank:
                how.append(self.tr("推荐第 {rank} 名").format(rank=a.rank))
            text = self.tr("{name}（{how}）").format(name=a.mediator_name, how="，".join(how))
            if a.override_reason:
                text += self.tr("；调整理由：{reason}").format(reason=a.override_reason)
            if a.ended_at:
                text = self.tr("已撤换：{who}，{reason}").format(who=text, reason=a.end_reason or "")
            lines.append(text)
        return "\n".join(lines) or self.tr("尚未指派调解员")

    def agreement_text(self, a: AgreementView) -> str:
        lines = [
            self.tr("{form}，达成于 {day}").format(
                form=name_of(AGREEMENT_FORM_NAMES, a.form), day=a.reached_on.isoformat()
            )
        ]
        if a.form == "written":
            lines.append(self.tr("本协议一式{copies}份，当事人各执一份，调解委员会留存一份").format(copies=a.copies))
        lines.append(self.tr("主要事实：{facts}").format(facts=a.facts))
        lines.append(self.tr("争议事项：{issues}").format(issues=a.disputed_issues))
        if a.responsibility:
            lines.append(self.tr("各方责任：{text}").format(text=a.responsibility))
        lines.append(self.tr("协议条款："))
        lines += [f"{i}. {term}" for i, term in enumerate(a.terms, start=1)]
        deadline = a.performance_deadline.isoformat() if a.performance_deadline else self.tr("未约定")
        lines.append(
            self.tr("履行方式：{method}；履行期限：{deadline}").format(method=a.performance_method, deadline=deadline)
        )
        if a.amount is not None:
            lines.append(self.tr("协议金额：{amount} 元").format(amount=yuan(a.amount)))
        if a.effective_on:
            lines.append(
                self.tr("生效日期：{day}；申请司法确认期限：{deadline}").format(
                    day=a.effective_on.isoformat(),
                    deadline=a.judicial_deadline.isoformat() if a.judicial_deadline else "",
                )
            )
        elif a.withdrawn_on is None:
            lines.append(self.tr("尚未确认签字，协议未生效"))
        if a.withdrawn_on:
            lines.append(
                self.tr("已于 {day} 撤回（未生效，保留备查）：{reason}").format(
                    day=a.withdrawn_on.isoformat(), reason=a.withdrawn_reason or ""
                )
            )
        if a.invalidated_on:
            lines.append(
                self.tr("已于 {day} 被人民法院确认无效或撤销：{reason}").format(
                    day=a.invalidated_on.isoformat(), reason=a.invalidated_reason or ""
                )
            )
        lines.append(self.tr("履行情况：{status}").format(status=name_of(PERFORMANCE_NAMES, a.performance_status)))
        return "\n".join(lines)

    # ---- records and history --------------------------------------------------------------------

    def show_sessions(self, view: CasePageView) -> None:
        widget = self.ui.sessionsList
        widget.clear()
        for r in view.sessions:
            text = self.tr("{at}　{place}　{outcome}").format(
                at=local_time(r.held_at), place=r.place, outcome=name_of(OUTCOME_NAMES, r.outcome)
            )
            if r.version > 1:
                text += self.tr("（第 {version} 版）").format(version=r.version)
            item = QListWidgetItem(text)
            item.setData(SESSION_ID_ROLE, r.id)
            item.setToolTip(r.result)
            widget.addItem(item)
        if not view.sessions:
            item = QListWidgetItem(self.tr("尚无调解记录"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)

    def show_timeline(self, d: CaseDetail) -> None:
        tree = self.ui.timelineTree
        tree.clear()
        for entry in d.timeline:
            item = QTreeWidgetItem(
                [local_time(entry.at), name_of(TIMELINE_KIND_NAMES, entry.kind), entry.title, entry.detail]
            )
            item.setToolTip(TIMELINE_DETAIL, entry.detail)
            tree.addTopLevelItem(item)
        fit_rows(tree)  # time and kind sized to their text, title and detail wrapped in what is left
        if tree.topLevelItemCount():
            tree.scrollToItem(tree.topLevelItem(tree.topLevelItemCount() - 1))  # the latest
