# Generated from ui/points_declarations_tab.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_declarations_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_PointsDeclarationsTab(object):
    def setupUi(self, PointsDeclarationsTab):
        if not PointsDeclarationsTab.objectName():
            PointsDeclarationsTab.setObjectName(u"PointsDeclarationsTab")
        PointsDeclarationsTab.resize(960, 600)
        self.mainLayout = QVBoxLayout(PointsDeclarationsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.modeStack = QStackedWidget(PointsDeclarationsTab)
        self.modeStack.setObjectName(u"modeStack")
        self.villagePage = QWidget()
        self.villagePage.setObjectName(u"villagePage")
        self.villageLayout = QVBoxLayout(self.villagePage)
        self.villageLayout.setObjectName(u"villageLayout")
        self.villageTopRow = QHBoxLayout()
        self.villageTopRow.setObjectName(u"villageTopRow")
        self.statusFilterLabel = QLabel(self.villagePage)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.villageTopRow.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(self.villagePage)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.villageTopRow.addWidget(self.statusFilter)

        self.villageTopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.villageTopRow.addItem(self.villageTopSpacer)

        self.countLabel = QLabel(self.villagePage)
        self.countLabel.setObjectName(u"countLabel")

        self.villageTopRow.addWidget(self.countLabel)


        self.villageLayout.addLayout(self.villageTopRow)

        self.declarationTable = QTableWidget(self.villagePage)
        self.declarationTable.setObjectName(u"declarationTable")
        self.declarationTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.declarationTable.setAlternatingRowColors(True)
        self.declarationTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.declarationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.declarationTable.setWordWrap(False)

        self.villageLayout.addWidget(self.declarationTable)

        self.syncNote = QLabel(self.villagePage)
        self.syncNote.setObjectName(u"syncNote")
        self.syncNote.setWordWrap(True)
        self.syncNote.setStyleSheet(u"color: #7a4b00;")

        self.villageLayout.addWidget(self.syncNote)

        self.villageButtons = QHBoxLayout()
        self.villageButtons.setObjectName(u"villageButtons")
        self.declareButton = QPushButton(self.villagePage)
        self.declareButton.setObjectName(u"declareButton")

        self.villageButtons.addWidget(self.declareButton)

        self.approveButton = QPushButton(self.villagePage)
        self.approveButton.setObjectName(u"approveButton")

        self.villageButtons.addWidget(self.approveButton)

        self.rejectButton = QPushButton(self.villagePage)
        self.rejectButton.setObjectName(u"rejectButton")

        self.villageButtons.addWidget(self.rejectButton)

        self.villageButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.villageButtons.addItem(self.villageButtonSpacer)


        self.villageLayout.addLayout(self.villageButtons)

        self.permissionLabel = QLabel(self.villagePage)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setWordWrap(True)
        self.permissionLabel.setStyleSheet(u"color: #7a4b00;")

        self.villageLayout.addWidget(self.permissionLabel)

        self.villageLayout.setStretch(1, 1)
        self.modeStack.addWidget(self.villagePage)
        self.townPage = QWidget()
        self.townPage.setObjectName(u"townPage")
        self.townPageLayout = QVBoxLayout(self.townPage)
        self.townPageLayout.setObjectName(u"townPageLayout")
        self.townNote = QLabel(self.townPage)
        self.townNote.setObjectName(u"townNote")
        self.townNote.setWordWrap(True)

        self.townPageLayout.addWidget(self.townNote)

        self.offlineLabel = QLabel(self.townPage)
        self.offlineLabel.setObjectName(u"offlineLabel")
        self.offlineLabel.setWordWrap(True)
        self.offlineLabel.setStyleSheet(u"color: #7a4b00;")

        self.townPageLayout.addWidget(self.offlineLabel)

        self.townBox = QGroupBox(self.townPage)
        self.townBox.setObjectName(u"townBox")
        self.townLayout = QVBoxLayout(self.townBox)
        self.townLayout.setObjectName(u"townLayout")
        self.townTable = QTableWidget(self.townBox)
        self.townTable.setObjectName(u"townTable")
        self.townTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.townTable.setAlternatingRowColors(True)
        self.townTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.townTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.townTable.setWordWrap(False)

        self.townLayout.addWidget(self.townTable)

        self.townButtons = QHBoxLayout()
        self.townButtons.setObjectName(u"townButtons")
        self.townApproveButton = QPushButton(self.townBox)
        self.townApproveButton.setObjectName(u"townApproveButton")

        self.townButtons.addWidget(self.townApproveButton)

        self.townRejectButton = QPushButton(self.townBox)
        self.townRejectButton.setObjectName(u"townRejectButton")

        self.townButtons.addWidget(self.townRejectButton)

        self.townSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.townButtons.addItem(self.townSpacer)

        self.townRefreshButton = QPushButton(self.townBox)
        self.townRefreshButton.setObjectName(u"townRefreshButton")

        self.townButtons.addWidget(self.townRefreshButton)


        self.townLayout.addLayout(self.townButtons)


        self.townPageLayout.addWidget(self.townBox)

        self.conflictBox = QGroupBox(self.townPage)
        self.conflictBox.setObjectName(u"conflictBox")
        self.conflictLayout = QVBoxLayout(self.conflictBox)
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.conflictTable = QTableWidget(self.conflictBox)
        self.conflictTable.setObjectName(u"conflictTable")
        self.conflictTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictTable.setAlternatingRowColors(True)
        self.conflictTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflictTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictTable.setWordWrap(False)

        self.conflictLayout.addWidget(self.conflictTable)

        self.conflictButtons = QHBoxLayout()
        self.conflictButtons.setObjectName(u"conflictButtons")
        self.resolveButton = QPushButton(self.conflictBox)
        self.resolveButton.setObjectName(u"resolveButton")

        self.conflictButtons.addWidget(self.resolveButton)

        self.conflictSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.conflictButtons.addItem(self.conflictSpacer)


        self.conflictLayout.addLayout(self.conflictButtons)


        self.townPageLayout.addWidget(self.conflictBox)

        self.townPageLayout.setStretch(2, 2)
        self.townPageLayout.setStretch(3, 1)
        self.modeStack.addWidget(self.townPage)

        self.mainLayout.addWidget(self.modeStack)

        self.statusLabel = QLabel(PointsDeclarationsTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.mainLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.statusFilterLabel.setBuddy(self.statusFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.statusFilter, self.declarationTable)
        QWidget.setTabOrder(self.declarationTable, self.declareButton)
        QWidget.setTabOrder(self.declareButton, self.approveButton)
        QWidget.setTabOrder(self.approveButton, self.rejectButton)
        QWidget.setTabOrder(self.rejectButton, self.townTable)
        QWidget.setTabOrder(self.townTable, self.townApproveButton)
        QWidget.setTabOrder(self.townApproveButton, self.townRejectButton)
        QWidget.setTabOrder(self.townRejectButton, self.townRefreshButton)
        QWidget.setTabOrder(self.townRefreshButton, self.conflictTable)
        QWidget.setTabOrder(self.conflictTable, self.resolveButton)

        self.retranslateUi(PointsDeclarationsTab)

        QMetaObject.connectSlotsByName(PointsDeclarationsTab)
    # setupUi

    def retranslateUi(self, PointsDeclarationsTab):
        self.statusFilterLabel.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u663e\u793a(&S)\uff1a", None))
        self.declareButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u65b0\u7533\u62a5(&N)\u2026", None))
        self.approveButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u6751\u5ba1\u6838\u901a\u8fc7(&A)", None))
        self.rejectButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u4e0d\u901a\u8fc7(&R)\u2026", None))
        self.townBox.setTitle(QCoreApplication.translate("PointsDeclarationsTab", u"\u5f85\u9547\u5ba1\u6838\u7684\u7533\u62a5", None))
        self.townApproveButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u9547\u5ba1\u6838\u901a\u8fc7(&A)", None))
        self.townRejectButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u4e0d\u901a\u8fc7(&R)\u2026", None))
        self.townRefreshButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u5237\u65b0(&F)", None))
        self.conflictBox.setTitle(QCoreApplication.translate("PointsDeclarationsTab", u"\u5151\u6362\u51b2\u7a81", None))
        self.resolveButton.setText(QCoreApplication.translate("PointsDeclarationsTab", u"\u5904\u7406(&V)\u2026", None))
        pass
    # retranslateUi

