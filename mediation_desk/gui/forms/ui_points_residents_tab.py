# Generated from ui/points_residents_tab.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_residents_tab.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_PointsResidentsTab(object):
    def setupUi(self, PointsResidentsTab):
        if not PointsResidentsTab.objectName():
            PointsResidentsTab.setObjectName(u"PointsResidentsTab")
        PointsResidentsTab.resize(960, 600)
        self.mainLayout = QVBoxLayout(PointsResidentsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.searchLabel = QLabel(PointsResidentsTab)
        self.searchLabel.setObjectName(u"searchLabel")

        self.topRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(PointsResidentsTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMaxLength(64)

        self.topRow.addWidget(self.searchEdit)

        self.householdFilterLabel = QLabel(PointsResidentsTab)
        self.householdFilterLabel.setObjectName(u"householdFilterLabel")

        self.topRow.addWidget(self.householdFilterLabel)

        self.householdFilter = QComboBox(PointsResidentsTab)
        self.householdFilter.setObjectName(u"householdFilter")
        self.householdFilter.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.topRow.addWidget(self.householdFilter)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.countLabel = QLabel(PointsResidentsTab)
        self.countLabel.setObjectName(u"countLabel")

        self.topRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.topRow)

        self.splitter = QSplitter(PointsResidentsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.residentTable = QTableWidget(self.splitter)
        self.residentTable.setObjectName(u"residentTable")
        self.residentTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.residentTable.setAlternatingRowColors(True)
        self.residentTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.residentTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.residentTable.setWordWrap(False)
        self.splitter.addWidget(self.residentTable)
        self.householdBox = QGroupBox(self.splitter)
        self.householdBox.setObjectName(u"householdBox")
        self.householdLayout = QVBoxLayout(self.householdBox)
        self.householdLayout.setObjectName(u"householdLayout")
        self.householdTable = QTableWidget(self.householdBox)
        self.householdTable.setObjectName(u"householdTable")
        self.householdTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.householdTable.setAlternatingRowColors(True)
        self.householdTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.householdTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.householdTable.setWordWrap(False)

        self.householdLayout.addWidget(self.householdTable)

        self.householdButtons = QHBoxLayout()
        self.householdButtons.setObjectName(u"householdButtons")
        self.addHouseholdButton = QPushButton(self.householdBox)
        self.addHouseholdButton.setObjectName(u"addHouseholdButton")

        self.householdButtons.addWidget(self.addHouseholdButton)

        self.householdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.householdButtons.addItem(self.householdSpacer)


        self.householdLayout.addLayout(self.householdButtons)

        self.splitter.addWidget(self.householdBox)

        self.mainLayout.addWidget(self.splitter)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(PointsResidentsTab)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.editButton = QPushButton(PointsResidentsTab)
        self.editButton.setObjectName(u"editButton")

        self.buttonRow.addWidget(self.editButton)

        self.moveButton = QPushButton(PointsResidentsTab)
        self.moveButton.setObjectName(u"moveButton")

        self.buttonRow.addWidget(self.moveButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonRow)

        self.permissionLabel = QLabel(PointsResidentsTab)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setWordWrap(True)
        self.permissionLabel.setStyleSheet(u"color: #7a4b00;")

        self.mainLayout.addWidget(self.permissionLabel)

        self.statusLabel = QLabel(PointsResidentsTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.householdFilterLabel.setBuddy(self.householdFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.householdFilter)
        QWidget.setTabOrder(self.householdFilter, self.residentTable)
        QWidget.setTabOrder(self.residentTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.moveButton)
        QWidget.setTabOrder(self.moveButton, self.householdTable)
        QWidget.setTabOrder(self.householdTable, self.addHouseholdButton)

        self.retranslateUi(PointsResidentsTab)

        QMetaObject.connectSlotsByName(PointsResidentsTab)
    # setupUi

    def retranslateUi(self, PointsResidentsTab):
        self.searchLabel.setText(QCoreApplication.translate("PointsResidentsTab", u"\u67e5\u627e(&F)\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PointsResidentsTab", u"\u59d3\u540d\u3001\u6237\u540d\u6216\u7535\u8bdd", None))
        self.householdFilterLabel.setText(QCoreApplication.translate("PointsResidentsTab", u"\u6237(&H)\uff1a", None))
        self.householdBox.setTitle(QCoreApplication.translate("PointsResidentsTab", u"\u6237", None))
        self.addHouseholdButton.setText(QCoreApplication.translate("PointsResidentsTab", u"\u65b0\u589e\u6237(&U)\u2026", None))
        self.addButton.setText(QCoreApplication.translate("PointsResidentsTab", u"\u767b\u8bb0\u5c45\u6c11(&N)\u2026", None))
        self.editButton.setText(QCoreApplication.translate("PointsResidentsTab", u"\u4fee\u6539(&E)\u2026", None))
        self.moveButton.setText(QCoreApplication.translate("PointsResidentsTab", u"\u8fc1\u6237(&M)\u2026", None))
        pass
    # retranslateUi

