"""文书字体 on the settings page: how many ideographs the documents can print, and this PC's extra
font (a TrueType file such as a system SimSun-ExtB, or one the district hands out) for the rare
characters the bundled fonts lack. The same setting as `mediation-desk fonts --extra FILE`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediation_desk.errors import ValidationError
from mediation_desk.gui.pages.settings_data import RED
from mediation_desk.gui.tasks import TaskManager

if TYPE_CHECKING:
    from mediation_desk.documents.fonts import BlockCoverage, ExtraFont


def _read() -> tuple[list[BlockCoverage], ExtraFont | None, object]:
    # Imported here, on the worker: the documents (and reportlab) load when the page is shown,
    # not with the window.
    from mediation_desk.documents import fonts

    return fonts.coverage(), fonts.extra_font(), fonts.extra_font_setting()


def _set(path: str | None) -> Any:
    from mediation_desk.documents import fonts

    return fonts.set_extra_font(path)


class FontSection(QGroupBox):
    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setTitle(self.tr("文书字体"))
        self.coverage_label = QLabel()
        self.coverage_label.setWordWrap(True)
        self.extra_label = QLabel()
        self.extra_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED};")
        self.choose_button = QPushButton(self.tr("选择额外字体文件…"))
        self.clear_button = QPushButton(self.tr("不再使用额外字体"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.coverage_label, self.extra_label, self.error_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self.use(None))

    def refresh(self) -> None:
        """Read on the worker: the first look at the coverage table imports the documents."""
        self.tasks.run(_read, on_done=self._show, owner=self)

    def _show(self, found: tuple[list[BlockCoverage], ExtraFont | None, object]) -> None:
        blocks, extra, named = found
        full = [b.block for b in blocks if b.bundled == b.assigned]
        partial = [f"{b.block} {b.with_extra}/{b.assigned}" for b in blocks if b.bundled != b.assigned]
        self.coverage_label.setText(
            self.tr("内置字体可打印全部：{full}。部分：{partial}。").format(
                full="、".join(full), partial="、".join(partial)
            )
        )
        if named is None:
            self.extra_label.setText(
                self.tr("额外字体：未设置。内置字体缺字时，可指定一个含该字的 TrueType 字体文件。")
            )
        elif extra is None:
            self.extra_label.setText(self.tr("额外字体：{path}（文件不存在或无法使用，未启用）").format(path=named))
        else:
            self.extra_label.setText(
                self.tr("额外字体：{path}（{count} 个字符）").format(path=extra.path, count=extra.characters)
            )
        self.clear_button.setEnabled(named is not None)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择额外字体文件"), "", self.tr("TrueType 字体 (*.ttf *.ttc);;所有文件 (*)")
        )
        if path:
            self.use(path)

    def use(self, path: str | None) -> None:
        self.error_label.clear()
        self.tasks.run(_set, path, on_done=lambda _f: self.refresh(), on_error=self._refused, owner=self)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error_label.setText("；".join(p.message for p in error.problems))
