"""A walk through every page (and tab) and every dialog of the window, with demo data: the
screenshots (tests/screenshots.py) and the test that everything fits a 1366×768 screen
(tests/gui/test_window_fit.py) both take it.

A new page of the navigation is visited by itself; a new dialog needs one entry in `DIALOGS`: a
name and a function that makes it (or opens it the way the window does) from the tour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QDialog,
    QStatusBar,
    QTabBar,
    QWidget,
    QWizard,
)

from mediation_desk.alarms import handling as alarm_handling
from mediation_desk.alarms import wearers as alarm_wearers
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.agreement import AgreementDialog
from mediation_desk.gui.dialogs.assignment import AssignmentDialog
from mediation_desk.gui.dialogs.follow_up import FollowUpDialog
from mediation_desk.gui.dialogs.points_declaration_dialogs import DeclarationDialog, RejectDialog, ResolveDialog
from mediation_desk.gui.dialogs.points_resident_dialogs import HouseholdDialog, MoveDialog, ResidentDialog
from mediation_desk.gui.dialogs.session_record import SessionRecordDialog
from mediation_desk.gui.dialogs.signatures import SignaturesDialog
from mediation_desk.gui.dialogs.transition import TransitionDialog
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.forgot_password import ForgotPasswordDialog
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.alarms_wearer_dialog import WearerDialog
from mediation_desk.gui.pages.points_statement import ReversalDialog
from mediation_desk.gui.pages.sitecode_hazards import RectifyDialog
from mediation_desk.gui.pages.sitecode_import import ImportReportDialog
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.gui.recovery_key import RecoveryKeyDialog
from mediation_desk.gui.screen_fit import PAGE_FRAME
from mediation_desk.gui.verify_dialog import open_verify_dialog
from mediation_desk.mediation import mediators, queries, states
from mediation_desk.points import catalogue, ledger_views, residents
from mediation_desk.points.gifts import list_gifts
from mediation_desk.sitecode import hazards as site_hazards
from mediation_desk.sitecode.dto import HazardView, ImportReport, ImportRowProblem

SCREEN = QRect(0, 0, 1366, 768)
TASKBAR, TITLE_BAR = 40, 30  # what a village PC's desktop takes of the screen
AVAILABLE = QRect(0, 0, 1366, 768 - TASKBAR)  # where windows may be
WINDOW_ROOM = QSize(1366, 768 - TASKBAR - TITLE_BAR)  # a maximized window's own area
PAGE_NAMES = {
    "DashboardPage": "dashboard",
    "IntakePage": "intake",
    "CasesPage": "cases",
    "MediatorsPage": "mediators",
    "FollowupsPage": "followups",
    "StatisticsPage": "statistics",
    "PointsPage": "points",
    "SitecodePage": "sites",
    "AlarmsPage": "alarms",
    "SyncPage": "sync",
    "SettingsPage": "settings",
    "OperatorsPage": "operators",
}


@dataclass(frozen=True)
class Stop:
    name: str  # also the screenshot's file name
    widget: QWidget  # the main window (a page) or the dialog


class Tour:
    def __init__(self, window: MainWindow, settle: Callable[[], None]) -> None:
        self.window = window
        self.desk: Desk = window.desk
        self.settle = settle

    @property
    def case_page(self) -> Any:
        return self.window.case_page

    def case_args(self) -> tuple[Any, ...]:
        view = self.case_page.view
        return (self.desk, self.window.tasks, self.window.actor, view.case_id, view.detail.summary.number)

    # ---- the pages --------------------------------------------------------------------------------

    def pages(self) -> Iterator[Stop]:
        window, nav = self.window, self.window.ui.navList
        for row in range(nav.count()):
            nav.setCurrentRow(row)
            page = window.ui.pageStack.widget(row)
            name = PAGE_NAMES.get(type(page).__name__, f"page-{row + 1}")
            self.settle()
            yield Stop(name, window)
            tabs = getattr(page, "tabs", None)
            for index in range(1, tabs.count() if tabs is not None else 0):
                tabs.setCurrentIndex(index)  # a page in tabs: each tab too
                self.settle()
                yield Stop(f"{name}-{index + 1}", window)
        case_id = case_worth_showing(self.desk)
        assert case_id is not None, "the demo has no case with an agreement"
        window.open_case(case_id)
        self.settle()
        yield Stop("case", window)

    # ---- the dialogs ------------------------------------------------------------------------------

    def dialogs(self) -> Iterator[Stop]:
        """Each dialog shown over the case page (open by `pages`) or the window, then closed."""
        for name, make in DIALOGS:
            dialog = make(self)
            assert isinstance(dialog, QDialog), (name, dialog)
            dialog.show()
            self.settle()
            for page_name, shown in self._wizard_pages(name, dialog):
                yield Stop(page_name, shown)
            dialog.close()
            dialog.deleteLater()
            self.settle()

    def _wizard_pages(self, name: str, dialog: QDialog) -> Iterator[tuple[str, QWidget]]:
        if not isinstance(dialog, QWizard):
            yield name, dialog
            return
        for number, page_id in enumerate(dialog.pageIds(), start=1):
            dialog.setStartId(page_id)
            dialog.restart()
            self.settle()
            yield f"{name}-{number}", dialog


def case_worth_showing(desk: Desk) -> str | None:
    """A case with an agreement and sessions shows most of the case page."""
    for status in ("performing", "follow_up", "agreed", "in_mediation"):
        rows = queries.list_cases(desk, SYSTEM, status=status, limit=1)
        if rows:
            return rows[0].id
    return None


def _detail(t: Tour) -> Any:
    return t.case_page.view.detail


def _session(t: Tour, correcting: bool) -> QDialog:
    view, d = t.case_page.view, _detail(t)
    names = [a.mediator_name for a in d.assignments if a.ended_at is None]
    record = view.sessions[0] if correcting and view.sessions else None
    return SessionRecordDialog(*t.case_args(), d.parties, names, correcting=record, parent=t.case_page)


def _reason(t: Tour) -> QDialog:
    t.case_page.ask_full_personal_data()
    return t.case_page.dialog


def _documents(t: Tour) -> QDialog:
    assert t.case_page.open_documents()
    return t.case_page.documents_dialog


def households_of(t: Tour) -> list[Any]:
    return residents.list_households(t.desk, t.window.actor)


def _first_resident(t: Tour) -> Any:
    return residents.list_residents(t.desk, t.window.actor, limit=1)[0]


def _reversal(t: Tour) -> QDialog:
    for resident in residents.list_residents(t.desk, t.window.actor):
        entries = ledger_views.statement(t.desk, t.window.actor, resident.id).entries
        if entries:
            return ReversalDialog(t.desk, t.window.tasks, t.window.actor, entries[0], t.window)
    raise AssertionError("the demo has no ledger entry")


def _points(t: Tour) -> tuple[Any, ...]:
    return (t.desk, t.window.tasks, t.window.actor)


def _roster(t: Tour) -> list[Any]:
    return mediators.list_mediators(t.desk)


def _groups(t: Tour) -> list[str]:
    return sorted({r.village_group for r in residents.list_residents(t.desk, t.window.actor)})


def _operators_page(t: Tour) -> Any:
    page = getattr(t.window, "operators", None)
    assert page is not None, "the window has no operators page"
    t.window.go_to(page)
    t.settle()
    return page


def _reset_password(t: Tour) -> QDialog:
    page = _operators_page(t)
    page.select(t.window.actor.username)
    return page.reset_password()


# (name, how it is made) — every dialog of the window.
DIALOGS: list[tuple[str, Callable[[Tour], QDialog | None]]] = [
    ("dialog-assign", lambda t: AssignmentDialog(*t.case_args(), preselect=True, parent=t.case_page)),
    ("dialog-session", lambda t: _session(t, correcting=False)),
    ("dialog-session-correction", lambda t: _session(t, correcting=True)),
    (
        "dialog-agreement",
        lambda t: AgreementDialog(*t.case_args(), len(_detail(t).parties), _detail(t).brief_facts, parent=t.case_page),
    ),
    ("dialog-signatures", lambda t: SignaturesDialog(*t.case_args(), _detail(t).agreement, parent=t.case_page)),
    ("dialog-follow-up", lambda t: FollowUpDialog(*t.case_args(), parent=t.case_page)),
    (
        "dialog-terminate",
        lambda t: TransitionDialog(*t.case_args(), t.case_page.view.status, states.TERMINATED, parent=t.case_page),
    ),
    (
        "dialog-escalate",
        lambda t: TransitionDialog(*t.case_args(), t.case_page.view.status, states.ESCALATED, parent=t.case_page),
    ),
    ("dialog-full-data", _reason),
    ("dialog-documents", _documents),
    ("dialog-verify", lambda t: open_verify_dialog(t.desk, t.window.tasks, t.window.actor, t.window)),
    ("dialog-mediator", lambda t: t.window.mediators.add_mediator()),
    ("dialog-operator", lambda t: _operators_page(t).add_operator()),
    ("dialog-reset-password", _reset_password),
    ("dialog-own-password", lambda t: _operators_page(t).change_own_password()),
    (
        "dialog-resident",
        lambda t: ResidentDialog(
            *_points(t), households_of(t), _roster(t), _groups(t), _first_resident(t), parent=t.window
        ),
    ),
    ("dialog-household", lambda t: HouseholdDialog(*_points(t), _groups(t), parent=t.window)),
    ("dialog-move", lambda t: MoveDialog(*_points(t), _first_resident(t), households_of(t), parent=t.window)),
    (
        "dialog-declaration",
        lambda t: DeclarationDialog(
            *_points(t),
            residents.list_residents(t.desk, t.window.actor),
            catalogue.catalogue_view(t.desk, t.window.actor),
            parent=t.window,
        ),
    ),
    (
        "dialog-reject",
        lambda t: RejectDialog(
            *_points(t), "退回申报", "请写明退回的理由。", lambda _r: lambda: None, "确定退回？", t.window
        ),
    ),
    ("dialog-resolve", lambda t: ResolveDialog(*_points(t), "超额兑换：王某某，余额 −20", t.window)),
    ("dialog-gift", lambda t: t.window.points.shop.add_gift()),
    ("dialog-restock", lambda t: _restock(t)),
    ("dialog-reversal", _reversal),
    ("dialog-site-place", lambda t: _site_place(t)),
    ("dialog-site-import", lambda t: ImportReportDialog(_import_report(), t.window)),
    ("dialog-site-rectify", lambda t: RectifyDialog(*_points(t), _site_hazard(t), t.window)),
    ("dialog-alarm-wearer", lambda t: WearerDialog(*_points(t), parent=t.window)),
    ("dialog-alarm-wearer-edit", lambda t: _alarm_wearer_edit(t)),
    ("dialog-alarm-dispatch", lambda t: _alarm_move(t, "dispatch")),
    ("dialog-alarm-resolve", lambda t: _alarm_move(t, "resolve")),
    ("dialog-pdf", lambda t: PdfDialog(t.window.tasks, b"", "积分明细", "x.pdf", t.desk.paths.data, t.window)),
    ("dialog-login", lambda t: LoginDialog(t.desk, t.window.tasks, t.window.settings, t.window)),
    ("dialog-forgot-password", lambda t: ForgotPasswordDialog(t.desk, t.window.tasks, t.window.actor.username)),
    (
        "dialog-recovery-key",
        lambda t: RecoveryKeyDialog(
            "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789", t.window.tasks, "谢家塘村人民调解委员会"
        ),
    ),
    ("wizard", lambda t: FirstRunWizard(t.desk, t.window.tasks, t.window.settings)),
]


def _site_place(t: Tour) -> QDialog | None:
    places = t.window.sites.places
    places.refresh()
    t.settle()
    return places.add_place()


def _alarm_wearer_edit(t: Tour) -> QDialog:
    first = alarm_wearers.list_wearers(t.desk, t.window.actor)[0]
    return WearerDialog(*_points(t), alarm_wearers.get_wearer(t.desk, t.window.actor, first.id), parent=t.window)


def _alarm_move(t: Tour, move: str) -> QDialog | None:
    """派单 or 处置完毕 of the demo's acknowledged alarm, opened from the 平安手环 page."""
    tab = t.window.alarms.alarms
    acknowledged = next(a for a in alarm_handling.open_alarms(t.desk, t.window.actor) if a.status == "acknowledged")
    t.window.go_to(t.window.alarms)
    t.window.alarms.show_alarm(acknowledged.id)
    t.settle()
    return tab.dispatch() if move == "dispatch" else tab.resolve()


def _import_report() -> ImportReport:
    problems = (
        ImportRowProblem(3, "统一社会信用代码", "统一社会信用代码「91330604BAD」位数不对：应为 18 位"),
        ImportRowProblem(7, "类别", "类别「小作坊」不在检查清单中：可填企业、商铺、出租房、旅馆、学校、餐饮店、仓库"),
        ImportRowProblem(12, "", "与第 4 行是同一场所（名称和地址相同）"),
    )
    return ImportReport("谢塘镇场所清单.xlsx", 40, 0, 0, problems)


def _site_hazard(t: Tour) -> HazardView:
    """An open hazard of the demo, or one like it when the demo has none."""
    found = site_hazards.list_hazards(t.desk, t.window.actor, limit=1)
    if found:
        return found[0]
    at = dt.datetime(2026, 5, 20, 2, tzinfo=dt.UTC)
    return HazardView(
        "h",
        "p",
        "谢塘五金店",
        "一网格",
        "i",
        "wiring",
        "电气线路无私拉乱接、无老化破损",
        "后仓插线板老化",
        at,
        dt.date(2026, 5, 27),
        "open",
        "待整改",
        True,
        None,
        None,
        None,
        None,
        None,
    )


def _restock(t: Tour) -> QDialog | None:
    shop = t.window.points.shop
    gifts = list_gifts(t.desk, t.window.actor)
    shop.refresh()
    t.settle()
    shop.select(gifts[0].id)
    return shop.restock()


# ---- what must be in reach ------------------------------------------------------------------------


def _inside_inner_scroll_area(widget: QWidget, top: QWidget) -> bool:
    """In a list, table or form that scrolls by design (not the frame a whole page scrolls in)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and parent.objectName() != PAGE_FRAME:
            return True
        if isinstance(parent, QTabBar):  # its scroll arrows
            return True
        parent = parent.parentWidget()
    return False


def out_of_reach(name: str, top: QWidget, room: QRect, *, placed: bool = True) -> list[str]:
    """Buttons (and the status bar) of a window or dialog not wholly visible inside `room`
    (screen coordinates of the area the window may use; with `placed` False only its size
    counts, as where a dialog opens is the window manager's choice); empty when all is in reach."""
    problems: list[str] = []
    frame = QRect(top.mapToGlobal(QPoint(0, 0)), top.size())
    if not (room.contains(frame) if placed else room.size().boundedTo(frame.size()) == frame.size()):
        problems.append(f"{name}: {type(top).__name__} at {frame.getRect()} leaves {room.getRect()}")
    wanted: list[QWidget] = [*top.findChildren(QAbstractButton), *top.findChildren(QStatusBar)]
    for widget in wanted:
        if not widget.isVisibleTo(top) or widget.window() is not top or _inside_inner_scroll_area(widget, top):
            continue
        seen = widget.visibleRegion().boundingRect()
        where = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if seen.size() != widget.size() or not top.rect().contains(where):
            label = widget.text() if isinstance(widget, QAbstractButton) else type(widget).__name__
            problems.append(f"{name}: 「{label}」 at {where.getRect()} is cut to {seen.getRect()}")
    return problems
