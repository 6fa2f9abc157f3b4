"""工作台 (dashboard): the committee and its cases by state."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from mediation_desk.core import accounts
from mediation_desk.core.accounts import CommitteeView
from mediation_desk.gui.forms.ui_dashboard import Ui_DashboardPage
from mediation_desk.gui.labels import state_name
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import queries, states

COLUMNS = 2  # state/count pairs per row


@dataclass(frozen=True)
class DashboardData:
    committee: CommitteeView
    counts: dict[str, int]


def load_dashboard(desk: Any) -> DashboardData:
    return DashboardData(accounts.get_committee(desk), queries.count_by_status(desk))


class DashboardPage(QWidget):
    def __init__(self, desk: Any, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.count_labels: dict[str, QLabel] = {}
        for i, code in enumerate(states.STATES):
            row, column = divmod(i, COLUMNS)
            name = QLabel(state_name(code), self)
            count = QLabel(self)
            count.setObjectName(f"count_{code}")
            count.setStyleSheet("font-size: 14pt; font-weight: bold;")
            self.ui.statesGrid.addWidget(name, row, column * 2)
            self.ui.statesGrid.addWidget(count, row, column * 2 + 1)
            self.count_labels[code] = count
        self._loading = False
        self.data: DashboardData | None = None

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.tasks.run(load_dashboard, self.desk, on_done=self._show, on_error=self._failed)

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
