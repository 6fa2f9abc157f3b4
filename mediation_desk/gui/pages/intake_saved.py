"""What the intake page says once a case is saved: its number, large, with the two things a
clerk does next — open the case, print its 受理登记表 for the parties to sign."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from mediation_desk.gui.large_text import HEADING, enlarge

# Dark green on pale green: 7.9:1, readable for elderly eyes too.
SAVED_STYLE = "#savedCase { background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 4px; }"
NUMBER_STYLE = "color: #1b5e20; font-weight: bold;"


class SavedCaseBanner(QFrame):
    open_requested = Signal(str)  # case id
    print_requested = Signal(str, str)  # case id, case number: its 受理登记表

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedCase")
        self.setStyleSheet(SAVED_STYLE)
        self.case_id: str | None = None
        self.number: str | None = None
        self.number_label = QLabel(self)
        self.number_label.setObjectName("savedNumber")
        self.number_label.setStyleSheet(NUMBER_STYLE)
        self.number_label.setWordWrap(True)
        enlarge(HEADING, self.number_label)  # in either font mode
        self.open_button = QPushButton(self.tr("打开案件(&O)"), self)
        self.open_button.setObjectName("openSavedCase")
        self.print_button = QPushButton(self.tr("打印受理登记表(&P)…"), self)
        self.print_button.setObjectName("printRegistration")
        layout = QHBoxLayout(self)
        layout.addWidget(self.number_label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.print_button)
        self.open_button.clicked.connect(self._open)
        self.print_button.clicked.connect(self._print)
        self.hide()

    def _open(self) -> None:
        if self.case_id is not None:
            self.open_requested.emit(self.case_id)

    def _print(self) -> None:
        if self.case_id is not None and self.number is not None:
            self.print_requested.emit(self.case_id, self.number)

    def show_case(self, case_id: str, number: str) -> None:
        self.case_id, self.number = case_id, number
        self.number_label.setText(self.tr("已受理　案号：{number}").format(number=number))
        self.show()
