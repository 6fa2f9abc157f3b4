# Generated from ui/operators_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'operators_page.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_OperatorsPage(object):
    def setupUi(self, OperatorsPage):
        if not OperatorsPage.objectName():
            OperatorsPage.setObjectName(u"OperatorsPage")
        OperatorsPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(OperatorsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.titleLabel = QLabel(OperatorsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-weight: bold;")

        self.topRow.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.countLabel = QLabel(OperatorsPage)
        self.countLabel.setObjectName(u"countLabel")

        self.topRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.topRow)

        self.introLabel = QLabel(OperatorsPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.operatorTable = QTableWidget(OperatorsPage)
        self.operatorTable.setObjectName(u"operatorTable")
        self.operatorTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.operatorTable.setAlternatingRowColors(True)
        self.operatorTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.operatorTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.operatorTable.setWordWrap(False)

        self.mainLayout.addWidget(self.operatorTable)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(OperatorsPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.resetButton = QPushButton(OperatorsPage)
        self.resetButton.setObjectName(u"resetButton")

        self.buttonRow.addWidget(self.resetButton)

        self.unlockButton = QPushButton(OperatorsPage)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttonRow.addWidget(self.unlockButton)

        self.activeButton = QPushButton(OperatorsPage)
        self.activeButton.setObjectName(u"activeButton")

        self.buttonRow.addWidget(self.activeButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.ownPasswordButton = QPushButton(OperatorsPage)
        self.ownPasswordButton.setObjectName(u"ownPasswordButton")

        self.buttonRow.addWidget(self.ownPasswordButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.permissionLabel = QLabel(OperatorsPage)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setStyleSheet(u"color: #7a4b00;")
        self.permissionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.permissionLabel)

        self.statusLabel = QLabel(OperatorsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        QWidget.setTabOrder(self.operatorTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.activeButton)
        QWidget.setTabOrder(self.activeButton, self.ownPasswordButton)

        self.retranslateUi(OperatorsPage)

        QMetaObject.connectSlotsByName(OperatorsPage)
    # setupUi

    def retranslateUi(self, OperatorsPage):
        self.titleLabel.setText(QCoreApplication.translate("OperatorsPage", u"\u64cd\u4f5c\u5458\u8d26\u53f7", None))
        self.introLabel.setText(QCoreApplication.translate("OperatorsPage", u"\u6bcf\u4f4d\u8bb0\u5f55\u5458\u548c\u8c03\u89e3\u5458\u7528\u81ea\u5df1\u7684\u8d26\u53f7\u767b\u5f55\u3002\u8c03\u89e3\u5458\u7684\u8d26\u53f7\u5173\u8054\u540d\u518c\u4e2d\u7684\u672c\u4eba\u540e\uff0c\u53ea\u80fd\u770b\u5230\u81ea\u5df1\u627f\u529e\u7684\u6848\u4ef6\u3002", None))
        self.addButton.setText(QCoreApplication.translate("OperatorsPage", u"\u65b0\u589e\u64cd\u4f5c\u5458(&N)\u2026", None))
        self.resetButton.setText(QCoreApplication.translate("OperatorsPage", u"\u91cd\u8bbe\u5bc6\u7801(&R)\u2026", None))
        self.unlockButton.setText(QCoreApplication.translate("OperatorsPage", u"\u89e3\u9664\u9501\u5b9a(&L)", None))
        self.activeButton.setText(QCoreApplication.translate("OperatorsPage", u"\u505c\u7528\u8d26\u53f7(&D)\u2026", None))
        self.ownPasswordButton.setText(QCoreApplication.translate("OperatorsPage", u"\u4fee\u6539\u6211\u7684\u5bc6\u7801(&P)\u2026", None))
        pass
    # retranslateUi

