# Generated from ui/points_month_end_tab.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_month_end_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_MonthEndTab(object):
    def setupUi(self, MonthEndTab):
        if not MonthEndTab.objectName():
            MonthEndTab.setObjectName(u"MonthEndTab")
        MonthEndTab.resize(1100, 600)
        self.mainLayout = QVBoxLayout(MonthEndTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.monthRow = QHBoxLayout()
        self.monthRow.setObjectName(u"monthRow")
        self.monthLabel = QLabel(MonthEndTab)
        self.monthLabel.setObjectName(u"monthLabel")

        self.monthRow.addWidget(self.monthLabel)

        self.previousButton = QPushButton(MonthEndTab)
        self.previousButton.setObjectName(u"previousButton")

        self.monthRow.addWidget(self.previousButton)

        self.monthEdit = QLineEdit(MonthEndTab)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setMaxLength(16)
        self.monthEdit.setMaximumSize(QSize(160, 16777215))

        self.monthRow.addWidget(self.monthEdit)

        self.nextButton = QPushButton(MonthEndTab)
        self.nextButton.setObjectName(u"nextButton")

        self.monthRow.addWidget(self.nextButton)

        self.computeButton = QPushButton(MonthEndTab)
        self.computeButton.setObjectName(u"computeButton")

        self.monthRow.addWidget(self.computeButton)

        self.busyBar = QProgressBar(MonthEndTab)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMinimum(0)
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumSize(QSize(160, 16777215))

        self.monthRow.addWidget(self.busyBar)

        self.monthSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.monthRow.addItem(self.monthSpacer)


        self.mainLayout.addLayout(self.monthRow)

        self.monthError = QLabel(MonthEndTab)
        self.monthError.setObjectName(u"monthError")
        self.monthError.setStyleSheet(u"color: #b00020;")
        self.monthError.setWordWrap(True)

        self.mainLayout.addWidget(self.monthError)

        self.titleLabel = QLabel(MonthEndTab)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-weight: bold;")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.titleLabel)

        self.reconcileLabel = QLabel(MonthEndTab)
        self.reconcileLabel.setObjectName(u"reconcileLabel")
        self.reconcileLabel.setWordWrap(True)
        self.reconcileLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.reconcileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.reconcileLabel)

        self.viewTabs = QTabWidget(MonthEndTab)
        self.viewTabs.setObjectName(u"viewTabs")
        self.residentsTab = QWidget()
        self.residentsTab.setObjectName(u"residentsTab")
        self.residentsLayout = QVBoxLayout(self.residentsTab)
        self.residentsLayout.setObjectName(u"residentsLayout")
        self.residentView = QTableView(self.residentsTab)
        self.residentView.setObjectName(u"residentView")
        self.residentView.setAlternatingRowColors(True)
        self.residentView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.residentView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.residentView.setWordWrap(False)
        self.residentView.setTabKeyNavigation(False)

        self.residentsLayout.addWidget(self.residentView)

        self.viewTabs.addTab(self.residentsTab, "")
        self.householdsTab = QWidget()
        self.householdsTab.setObjectName(u"householdsTab")
        self.householdsLayout = QVBoxLayout(self.householdsTab)
        self.householdsLayout.setObjectName(u"householdsLayout")
        self.householdView = QTableView(self.householdsTab)
        self.householdView.setObjectName(u"householdView")
        self.householdView.setAlternatingRowColors(True)
        self.householdView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.householdView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.householdView.setWordWrap(False)
        self.householdView.setTabKeyNavigation(False)

        self.householdsLayout.addWidget(self.householdView)

        self.viewTabs.addTab(self.householdsTab, "")

        self.mainLayout.addWidget(self.viewTabs)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.produceButton = QPushButton(MonthEndTab)
        self.produceButton.setObjectName(u"produceButton")

        self.actionRow.addWidget(self.produceButton)

        self.signButton = QPushButton(MonthEndTab)
        self.signButton.setObjectName(u"signButton")

        self.actionRow.addWidget(self.signButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)

        self.csvButton = QPushButton(MonthEndTab)
        self.csvButton.setObjectName(u"csvButton")

        self.actionRow.addWidget(self.csvButton)

        self.summaryPdfButton = QPushButton(MonthEndTab)
        self.summaryPdfButton.setObjectName(u"summaryPdfButton")

        self.actionRow.addWidget(self.summaryPdfButton)

        self.noticePdfButton = QPushButton(MonthEndTab)
        self.noticePdfButton.setObjectName(u"noticePdfButton")

        self.actionRow.addWidget(self.noticePdfButton)


        self.mainLayout.addLayout(self.actionRow)

        self.permissionLabel = QLabel(MonthEndTab)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setStyleSheet(u"color: #7a4b00;")
        self.permissionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.permissionLabel)

        self.statusLabel = QLabel(MonthEndTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.mainLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.monthLabel.setBuddy(self.monthEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.monthEdit, self.computeButton)
        QWidget.setTabOrder(self.computeButton, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.viewTabs)
        QWidget.setTabOrder(self.viewTabs, self.residentView)
        QWidget.setTabOrder(self.residentView, self.householdView)
        QWidget.setTabOrder(self.householdView, self.produceButton)
        QWidget.setTabOrder(self.produceButton, self.signButton)
        QWidget.setTabOrder(self.signButton, self.csvButton)
        QWidget.setTabOrder(self.csvButton, self.summaryPdfButton)
        QWidget.setTabOrder(self.summaryPdfButton, self.noticePdfButton)

        self.retranslateUi(MonthEndTab)

        QMetaObject.connectSlotsByName(MonthEndTab)
    # setupUi

    def retranslateUi(self, MonthEndTab):
        self.monthLabel.setText(QCoreApplication.translate("MonthEndTab", u"\u6708\u4efd(&M)\uff1a", None))
        self.previousButton.setText(QCoreApplication.translate("MonthEndTab", u"\u4e0a\u6708(&P)", None))
        self.monthEdit.setPlaceholderText(QCoreApplication.translate("MonthEndTab", u"\u5982 2026-10", None))
#if QT_CONFIG(tooltip)
        self.monthEdit.setToolTip(QCoreApplication.translate("MonthEndTab", u"\u5e74-\u6708\uff0c\u5982 2026-10\uff1b\u6309\u56de\u8f66\u952e\u8ba1\u7b97", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("MonthEndTab", u"\u4e0b\u6708(&X)", None))
        self.computeButton.setText(QCoreApplication.translate("MonthEndTab", u"\u8ba1\u7b97\u6c47\u603b(&C)", None))
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.residentsTab), QCoreApplication.translate("MonthEndTab", u"\u6309\u5c45\u6c11(&R)", None))
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.householdsTab), QCoreApplication.translate("MonthEndTab", u"\u6309\u6237(&H)", None))
        self.produceButton.setText(QCoreApplication.translate("MonthEndTab", u"\u751f\u6210\u6c47\u603b\u8868(&G)", None))
#if QT_CONFIG(tooltip)
        self.produceButton.setToolTip(QCoreApplication.translate("MonthEndTab", u"\u8bb0\u4e0b\u672c\u6708\u7684\u6c47\u603b\u6570\u5b57\u548c\u79ef\u5206\u8bb0\u5f55\u6821\u9a8c\u7801\uff0c\u4ea4\u4e3b\u4efb\u5ba1\u5b9a", None))
#endif // QT_CONFIG(tooltip)
        self.signButton.setText(QCoreApplication.translate("MonthEndTab", u"\u5ba1\u5b9a(&S)\u2026", None))
        self.csvButton.setText(QCoreApplication.translate("MonthEndTab", u"\u5bfc\u51fa CSV(&E)\u2026", None))
#if QT_CONFIG(tooltip)
        self.csvButton.setToolTip(QCoreApplication.translate("MonthEndTab", u"\u4fdd\u5b58\u5f53\u524d\u663e\u793a\u7684\u8868\uff08\u6309\u5c45\u6c11\u6216\u6309\u6237\uff09\u4e3a CSV \u6587\u4ef6\uff0cExcel \u53ef\u76f4\u63a5\u6253\u5f00\uff1b\u542b\u5c45\u6c11\u5168\u540d", None))
#endif // QT_CONFIG(tooltip)
        self.summaryPdfButton.setText(QCoreApplication.translate("MonthEndTab", u"\u6c47\u603b\u8868 PDF(&D)\u2026", None))
#if QT_CONFIG(tooltip)
        self.summaryPdfButton.setToolTip(QCoreApplication.translate("MonthEndTab", u"\u79ef\u5206\u6c47\u603b\u8868\uff08\u5168\u540d\uff0c\u4f9b\u5ba1\u6838\u7b7e\u5b57\uff09\uff0c\u4fdd\u5b58\u4e3a PDF \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.noticePdfButton.setText(QCoreApplication.translate("MonthEndTab", u"\u516c\u793a PDF(&N)\u2026", None))
#if QT_CONFIG(tooltip)
        self.noticePdfButton.setToolTip(QCoreApplication.translate("MonthEndTab", u"\u5f20\u8d34\u516c\u793a\u7528\uff08\u59d3\u540d\u53ea\u663e\u793a\u59d3\u548c\u672b\u5b57\uff0c\u5982 \u738b*\u82b3\uff09\uff0c\u4fdd\u5b58\u4e3a PDF \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

