"""工作台 (dashboard): the committee, its cases by state, cases open too long, follow-ups due,
judicial-confirmation deadlines near and recent activity — case numbers only, no personal data;
of the cases the operator may see (a 调解员: those they are or were assigned to). A case in any
of the lists opens with a double click or Enter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from mediation_desk.administration import accounts
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import CHINA, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.forms.ui_dashboard import Ui_DashboardPage
from mediation_desk.gui.labels import state_name
from mediation_desk.gui.large_text import HEADING, enlarge
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import states
from mediation_desk.mediation.dashboard import DashboardFigures, dashboard_figures

COLUMNS = 2  # state/count pairs per row
COUNT_SIZE = 1.2  # times the body text, in either font mode
CASE_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class DashboardData:
    committee: CommitteeView
    figures: DashboardFigures

    @property
    def counts(self) -> dict[str, int]:
        return self.figures.counts


def load_dashboard(
    desk: Desk, actor: Actor, overdue_days: int | None = None, judicial_window_days: int | None = None
) -> DashboardData:
    """None: the committee's own targets, as set on the settings page (mediation/case_targets.py)."""
    return DashboardData(
        accounts.get_committee(desk),
        dashboard_figures(desk, actor, overdue_days=overdue_days, judicial_window_days=judicial_window_days),
    )


class DashboardPage(QWidget):
    case_activated = Signal(str)  # a case chosen in a list with Enter or a double click: its id

    # The targets (cases open longer than this are listed …) are the committee's rules, read
    # from the desk with the figures; a number here overrides them for this page only.
    overdue_days: int | None = None
    judicial_window_days: int | None = None

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor  # set anew by the window after each login
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.count_labels: dict[str, QLabel] = {}
        for i, code in enumerate(states.STATES):
            row, column = divmod(i, COLUMNS)
            name = QLabel(state_name(code), self)
            count = QLabel(self)
            count.setObjectName(f"count_{code}")
            count.setStyleSheet("font-weight: bold;")
            enlarge(COUNT_SIZE, count)
            self.ui.statesGrid.addWidget(name, row, column * 2)
            self.ui.statesGrid.addWidget(count, row, column * 2 + 1)
            self.count_labels[code] = count
        enlarge(HEADING, self.ui.committeeLabel)
        self._loading = False
        self.data: DashboardData | None = None
        for case_list in self.case_lists():
            case_list.itemActivated.connect(self._activate)

    def case_lists(self) -> tuple[QListWidget, ...]:
        ui = self.ui
        return (ui.overdueList, ui.followupsList, ui.judicialList, ui.recentList)

    def _activate(self, item: QListWidgetItem) -> None:
        case_id = item.data(CASE_ID_ROLE)
        if case_id:
            self.case_activated.emit(case_id)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.tasks.run(
            load_dashboard,
            self.desk,
            self.actor,
            self.overdue_days,
            self.judicial_window_days,
            on_done=self._show_soon,
            on_error=self._failed,
        )

    def _show_soon(self, data: DashboardData) -> None:
        """Drawn in an event-loop turn of its own: right after the login the figures arrive while
        the window's first paint is pending, and the two at once would hold the window too long."""
        QTimer.singleShot(0, self, lambda: self._show(data))

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        raise error

    def _show(self, data: DashboardData) -> None:
        self._loading = False
        self.data = data
        c = data.committee
        place = "".join(x for x in (c.town, c.village) if x)
        self.ui.committeeLabel.setText(self.tr("{name}（{place}）").format(name=c.name, place=place))
        for code, label in self.count_labels.items():
            label.setText(str(data.counts.get(code, 0)))
        total = sum(data.counts.values())
        open_cases = sum(n for code, n in data.counts.items() if code in states.OPEN_STATES)
        self.ui.totalsLabel.setText(self.tr("案件共 {total} 件，在办 {open} 件").format(total=total, open=open_cases))
        self._show_figures(data.figures)

    def _show_figures(self, f: DashboardFigures) -> None:
        ui = self.ui
        ui.figuresLabel.setText(
            self.tr(
                "在办超过 {days} 天 {overdue} 件；到期回访 {due} 件；{window} 日内司法确认期限届满 {judicial} 件"
            ).format(
                days=f.overdue_days,
                overdue=f.overdue_count,
                due=f.followups_due_count,
                window=f.judicial_window_days,
                judicial=len(f.judicial),
            )
        )
        ui.overdueBox.setTitle(self.tr("超期在办案件（{count}）").format(count=f.overdue_count))
        ui.followupsBox.setTitle(self.tr("到期回访（{count}）").format(count=f.followups_due_count))
        ui.judicialBox.setTitle(self.tr("司法确认期限临近（{count}）").format(count=len(f.judicial)))
        ui.recentBox.setTitle(self.tr("最近动态"))
        self._fill(
            ui.overdueList,
            [
                (
                    o.case_id,
                    self.tr("{number}　{accepted} 受理，已 {days} 天").format(
                        number=o.number, accepted=o.accepted_on.isoformat(), days=o.days_open
                    ),
                )
                for o in f.overdue
            ],
            self.tr("没有超期案件"),
        )
        self._fill(
            ui.followupsList,
            [
                (d.case_id, self.tr("{number}　应于 {due} 回访").format(number=d.number, due=d.due_on.isoformat()))
                for d in f.followups_due
            ],
            self.tr("没有到期回访"),
        )
        self._fill(
            ui.judicialList,
            [
                (
                    j.case_id,
                    self.tr("{number}　{deadline} 前申请司法确认").format(
                        number=j.number, deadline=j.judicial_deadline.isoformat()
                    ),
                )
                for j in f.judicial
            ],
            self.tr("近期没有到期的司法确认"),
        )
        self._fill(
            ui.recentList,
            [(a.case_id, self._activity_text(a.number, a.from_label, a.to_label, a.at)) for a in f.recent],
            self.tr("暂无动态"),
        )

    def _activity_text(self, number: str, from_label: str | None, to_label: str, at: Any) -> str:
        when = at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if at.tzinfo else at.strftime("%Y-%m-%d %H:%M")
        new = state_name(_state_code(to_label))
        if from_label is None:
            return self.tr("{at}　{number}　受理（{to}）").format(at=when, number=number, to=new)
        old = state_name(_state_code(from_label))
        return self.tr("{at}　{number}　{old} → {new}").format(at=when, number=number, old=old, new=new)

    @staticmethod
    def _fill(widget: QListWidget, rows: list[tuple[str | None, str]], empty: str) -> None:
        widget.clear()
        for case_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(CASE_ID_ROLE, case_id)
            widget.addItem(item)
        if not rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)


_CODES = {label: code for code, label in states.LABELS.items()}


def _state_code(label: str) -> str:
    """The state code of a service label, so the window shows the translated name."""
    return _CODES.get(label, label)
