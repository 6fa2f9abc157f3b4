# Generated from ui/points_balances_tab.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_balances_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDateEdit,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_PointsBalancesTab(object):
    def setupUi(self, PointsBalancesTab):
        if not PointsBalancesTab.objectName():
            PointsBalancesTab.setObjectName(u"PointsBalancesTab")
        PointsBalancesTab.resize(1100, 600)
        self.mainLayout = QVBoxLayout(PointsBalancesTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.conflictBanner = QLabel(PointsBalancesTab)
        self.conflictBanner.setObjectName(u"conflictBanner")
        self.conflictBanner.setStyleSheet(u"background-color: #b00020; color: #ffffff; font-weight: bold; padding: 6px;")
        self.conflictBanner.setWordWrap(True)
        self.conflictBanner.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.conflictBanner)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(PointsBalancesTab)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(PointsBalancesTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMaxLength(40)
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.searchButton = QPushButton(PointsBalancesTab)
        self.searchButton.setObjectName(u"searchButton")

        self.searchRow.addWidget(self.searchButton)

        self.countLabel = QLabel(PointsBalancesTab)
        self.countLabel.setObjectName(u"countLabel")

        self.searchRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.searchRow)

        self.splitter = QSplitter(PointsBalancesTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.balancesBox = QGroupBox(self.splitter)
        self.balancesBox.setObjectName(u"balancesBox")
        self.balancesLayout = QVBoxLayout(self.balancesBox)
        self.balancesLayout.setObjectName(u"balancesLayout")
        self.balanceTable = QTableWidget(self.balancesBox)
        self.balanceTable.setObjectName(u"balanceTable")
        self.balanceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.balanceTable.setAlternatingRowColors(True)
        self.balanceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.balanceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.balanceTable.setWordWrap(False)
        self.balanceTable.setTabKeyNavigation(False)

        self.balancesLayout.addWidget(self.balanceTable)

        self.splitter.addWidget(self.balancesBox)
        self.statementBox = QGroupBox(self.splitter)
        self.statementBox.setObjectName(u"statementBox")
        self.statementLayout = QVBoxLayout(self.statementBox)
        self.statementLayout.setObjectName(u"statementLayout")
        self.statementHeading = QLabel(self.statementBox)
        self.statementHeading.setObjectName(u"statementHeading")
        self.statementHeading.setStyleSheet(u"font-weight: bold;")
        self.statementHeading.setTextFormat(Qt.TextFormat.PlainText)
        self.statementHeading.setWordWrap(True)

        self.statementLayout.addWidget(self.statementHeading)

        self.fromStartCheck = QCheckBox(self.statementBox)
        self.fromStartCheck.setObjectName(u"fromStartCheck")
        self.fromStartCheck.setChecked(True)

        self.statementLayout.addWidget(self.fromStartCheck)

        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.sinceLabel = QLabel(self.statementBox)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.periodRow.addWidget(self.sinceLabel)

        self.sinceEdit = QDateEdit(self.statementBox)
        self.sinceEdit.setObjectName(u"sinceEdit")
        self.sinceEdit.setCalendarPopup(True)
        self.sinceEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodRow.addWidget(self.sinceEdit)

        self.untilLabel = QLabel(self.statementBox)
        self.untilLabel.setObjectName(u"untilLabel")

        self.periodRow.addWidget(self.untilLabel)

        self.untilEdit = QDateEdit(self.statementBox)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)
        self.untilEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodRow.addWidget(self.untilEdit)

        self.showStatementButton = QPushButton(self.statementBox)
        self.showStatementButton.setObjectName(u"showStatementButton")

        self.periodRow.addWidget(self.showStatementButton)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.statementLayout.addLayout(self.periodRow)

        self.periodError = QLabel(self.statementBox)
        self.periodError.setObjectName(u"periodError")
        self.periodError.setStyleSheet(u"color: #b00020;")
        self.periodError.setWordWrap(True)

        self.statementLayout.addWidget(self.periodError)

        self.figuresLabel = QLabel(self.statementBox)
        self.figuresLabel.setObjectName(u"figuresLabel")
        self.figuresLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.figuresLabel.setWordWrap(True)
        self.figuresLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statementLayout.addWidget(self.figuresLabel)

        self.entryTable = QTableWidget(self.statementBox)
        self.entryTable.setObjectName(u"entryTable")
        self.entryTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entryTable.setAlternatingRowColors(True)
        self.entryTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entryTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entryTable.setWordWrap(False)
        self.entryTable.setTabKeyNavigation(False)

        self.statementLayout.addWidget(self.entryTable)

        self.statementButtons = QHBoxLayout()
        self.statementButtons.setObjectName(u"statementButtons")
        self.printButton = QPushButton(self.statementBox)
        self.printButton.setObjectName(u"printButton")

        self.statementButtons.addWidget(self.printButton)

        self.reverseButton = QPushButton(self.statementBox)
        self.reverseButton.setObjectName(u"reverseButton")

        self.statementButtons.addWidget(self.reverseButton)

        self.statementSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statementButtons.addItem(self.statementSpacer)


        self.statementLayout.addLayout(self.statementButtons)

        self.statementMessage = QLabel(self.statementBox)
        self.statementMessage.setObjectName(u"statementMessage")
        self.statementMessage.setWordWrap(True)
        self.statementMessage.setTextFormat(Qt.TextFormat.PlainText)

        self.statementLayout.addWidget(self.statementMessage)

        self.splitter.addWidget(self.statementBox)

        self.mainLayout.addWidget(self.splitter)

        self.statusLabel = QLabel(PointsBalancesTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.sinceLabel.setBuddy(self.sinceEdit)
        self.untilLabel.setBuddy(self.untilEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.balanceTable)
        QWidget.setTabOrder(self.balanceTable, self.fromStartCheck)
        QWidget.setTabOrder(self.fromStartCheck, self.sinceEdit)
        QWidget.setTabOrder(self.sinceEdit, self.untilEdit)
        QWidget.setTabOrder(self.untilEdit, self.showStatementButton)
        QWidget.setTabOrder(self.showStatementButton, self.entryTable)
        QWidget.setTabOrder(self.entryTable, self.printButton)
        QWidget.setTabOrder(self.printButton, self.reverseButton)

        self.retranslateUi(PointsBalancesTab)

        QMetaObject.connectSlotsByName(PointsBalancesTab)
    # setupUi

    def retranslateUi(self, PointsBalancesTab):
        self.searchLabel.setText(QCoreApplication.translate("PointsBalancesTab", u"\u67e5\u627e\u5c45\u6c11(&F)\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PointsBalancesTab", u"\u59d3\u540d\u3001\u6237\u540d\u6216\u6751\u6c11\u5c0f\u7ec4\uff0c\u6309\u56de\u8f66\u952e\u67e5\u627e", None))
        self.searchButton.setText(QCoreApplication.translate("PointsBalancesTab", u"\u67e5\u627e", None))
        self.balancesBox.setTitle(QCoreApplication.translate("PointsBalancesTab", u"\u5c45\u6c11\u7eff\u5e01\u4f59\u989d", None))
        self.statementBox.setTitle(QCoreApplication.translate("PointsBalancesTab", u"\u79ef\u5206\u660e\u7ec6", None))
        self.fromStartCheck.setText(QCoreApplication.translate("PointsBalancesTab", u"\u4ece\u7b2c\u4e00\u7b14\u8bb0\u5f55\u8d77(&A)", None))
        self.sinceLabel.setText(QCoreApplication.translate("PointsBalancesTab", u"\u81ea(&B)\uff1a", None))
        self.untilLabel.setText(QCoreApplication.translate("PointsBalancesTab", u"\u81f3(&U)\uff1a", None))
        self.showStatementButton.setText(QCoreApplication.translate("PointsBalancesTab", u"\u67e5\u770b\u660e\u7ec6(&V)", None))
        self.printButton.setText(QCoreApplication.translate("PointsBalancesTab", u"\u6253\u5370\u6216\u4fdd\u5b58\u660e\u7ec6(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("PointsBalancesTab", u"\u751f\u6210\u8fd9\u4efd\u79ef\u5206\u660e\u7ec6\u7684 PDF\uff0c\u9884\u89c8\u540e\u6253\u5370\u6216\u53e6\u5b58\u4e3a\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.reverseButton.setText(QCoreApplication.translate("PointsBalancesTab", u"\u51b2\u6b63\u6240\u9009\u8bb0\u5f55(&R)\u2026", None))
        pass
    # retranslateUi

