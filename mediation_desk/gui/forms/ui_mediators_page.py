# Generated from ui/mediators_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mediators_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_MediatorsPage(object):
    def setupUi(self, MediatorsPage):
        if not MediatorsPage.objectName():
            MediatorsPage.setObjectName(u"MediatorsPage")
        MediatorsPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(MediatorsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.titleLabel = QLabel(MediatorsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-weight: bold;")

        self.topRow.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.showInactiveCheck = QCheckBox(MediatorsPage)
        self.showInactiveCheck.setObjectName(u"showInactiveCheck")

        self.topRow.addWidget(self.showInactiveCheck)

        self.countLabel = QLabel(MediatorsPage)
        self.countLabel.setObjectName(u"countLabel")

        self.topRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.topRow)

        self.mediatorTable = QTableWidget(MediatorsPage)
        self.mediatorTable.setObjectName(u"mediatorTable")
        self.mediatorTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mediatorTable.setAlternatingRowColors(True)
        self.mediatorTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mediatorTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mediatorTable.setWordWrap(False)

        self.mainLayout.addWidget(self.mediatorTable)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(MediatorsPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.editButton = QPushButton(MediatorsPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonRow.addWidget(self.editButton)

        self.availabilityButton = QPushButton(MediatorsPage)
        self.availabilityButton.setObjectName(u"availabilityButton")

        self.buttonRow.addWidget(self.availabilityButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonRow)

        self.permissionLabel = QLabel(MediatorsPage)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setStyleSheet(u"color: #7a4b00;")
        self.permissionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.permissionLabel)

        self.statusLabel = QLabel(MediatorsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        QWidget.setTabOrder(self.mediatorTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.availabilityButton)
        QWidget.setTabOrder(self.availabilityButton, self.showInactiveCheck)

        self.retranslateUi(MediatorsPage)

        QMetaObject.connectSlotsByName(MediatorsPage)
    # setupUi

    def retranslateUi(self, MediatorsPage):
        self.titleLabel.setText(QCoreApplication.translate("MediatorsPage", u"\u8c03\u89e3\u5458\u540d\u518c", None))
        self.showInactiveCheck.setText(QCoreApplication.translate("MediatorsPage", u"\u663e\u793a\u5df2\u9000\u51fa\u540d\u518c\u7684\u8c03\u89e3\u5458(&I)", None))
        self.addButton.setText(QCoreApplication.translate("MediatorsPage", u"\u65b0\u589e\u8c03\u89e3\u5458(&N)\u2026", None))
        self.editButton.setText(QCoreApplication.translate("MediatorsPage", u"\u4fee\u6539(&E)\u2026", None))
        self.availabilityButton.setText(QCoreApplication.translate("MediatorsPage", u"\u8bbe\u4e3a\u6682\u4e0d\u53ef\u7528(&U)", None))
        pass
    # retranslateUi

