"""帮助 (help) in the menu bar: 使用说明 (the guide bundled with the desk, F1), 快捷键 (every key the
window answers to, read from its actions so the list cannot drift from them) and 关于 (the version
and what the desk runs on, for a support call). Nothing here needs the network or the database."""

from __future__ import annotations

import platform
import re

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLocale, QObject, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.paths import desk_version, resource

GUIDES = {"zh": "guide_zh_CN.md", "en": "guide_en.md"}
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def guide_text() -> str:
    """The guide in the window's language (Chinese unless English was chosen)."""
    name = GUIDES.get(QLocale().name().split("_")[0], GUIDES["zh"])
    return resource("help", name).read_text(encoding="utf-8")


def plain(text: str) -> str:
    """An action's text without its mnemonic and ellipsis: "文书…" → "文书", "锁定(&L)" → "锁定"."""
    return MNEMONIC.sub("", text).replace("…", "").strip()


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """At most 90 % of the screen it opens on, so its buttons are always reachable."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    dialog.resize(min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9)))


class HelpDialog(QDialog):
    """A window of reading with one 关闭 button (Esc closes it too)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.body = body


class HelpMenu(QObject):
    """The 帮助 menu of `window`; each of its windows is opened once and brought back after."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(self.tr("帮助(&H)"))
        self.guide_action = QAction(self.tr("使用说明(&M)"), window)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.keys_action = QAction(self.tr("快捷键(&K)"), window)
        self.keys_action.triggered.connect(self.show_keys)
        self.about_action = QAction(self.tr("关于(&A)"), window)
        self.about_action.triggered.connect(self.show_about)
        self.menu.addActions([self.guide_action, self.keys_action])
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)
        self.guide: HelpDialog | None = None
        self.keys: HelpDialog | None = None
        self.about: QMessageBox | None = None

    def show_guide(self) -> None:
        if self.guide is None:
            browser = QTextBrowser()
            browser.setMarkdown(guide_text())
            browser.setOpenLinks(False)
            self.guide = HelpDialog(self.tr("使用说明"), browser, self.window)
            fit_to_screen(self.guide, 760, 680)
        self._bring(self.guide)

    def show_keys(self) -> None:
        """Built anew each time: a page may have added an action since."""
        if self.keys is not None:
            self.keys.close()
            self.keys.deleteLater()
        rows = self.key_list()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("作用")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        self.keys = HelpDialog(self.tr("快捷键"), table, self.window)
        fit_to_screen(self.keys, 560, 520)
        self._bring(self.keys)

    def key_list(self) -> list[tuple[str, str]]:
        """(keys, what they do): the window's actions that have keys, in the order of the menus,
        then the keys of the forms."""
        menus = [entry.menu() for entry in self.window.menuBar().actions()]
        in_menus = [action for menu in menus if isinstance(menu, QMenu) for action in menu.actions()]
        listed: dict[str, str] = {}
        for action in [*in_menus, *self.window.findChildren(QAction)]:
            what = plain(action.text())
            for keys in action.shortcuts():
                if what and not keys.isEmpty():
                    listed.setdefault(keys.toString(QKeySequence.SequenceFormat.NativeText), what)
        save = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        listed.setdefault(save, self.tr("保存（受理页等）"))
        listed.update(
            {
                self.tr("回车 / 双击"): self.tr("打开列表中选中的案件"),
                self.tr("Tab / Shift+Tab"): self.tr("移到下一栏 / 上一栏"),
                self.tr("Alt+带下划线的字母"): self.tr("选用该按钮或菜单"),
                self.tr("Esc"): self.tr("关闭对话框（不保存）"),
            }
        )
        return list(listed.items())

    def show_about(self) -> None:
        if self.about is None:
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("关于"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            self.about = box
        self.about.setText(self.about_text())
        self.about.open()

    def about_text(self) -> str:
        return self.tr(
            "人民调解室工作台\n版本 {version}\n\n"
            "用于村（社区）人民调解委员会登记和办理人民调解案件。数据保存在本机，个人信息加密保存。\n\n"
            "运行环境：Python {python}，Qt {qt}（PySide6 {pyside}），{system}"
        ).format(
            version=desk_version(),
            python=platform.python_version(),
            qt=qVersion(),
            pyside=pyside_version,
            system=platform.platform(terse=True),
        )

    @staticmethod
    def _bring(dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
