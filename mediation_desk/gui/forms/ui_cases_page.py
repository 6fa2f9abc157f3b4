# Generated from ui/cases_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cases_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_CasesPage(object):
    def setupUi(self, CasesPage):
        if not CasesPage.objectName():
            CasesPage.setObjectName(u"CasesPage")
        CasesPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(CasesPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(CasesPage)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(CasesPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)


        self.mainLayout.addLayout(self.searchRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.stateLabel = QLabel(CasesPage)
        self.stateLabel.setObjectName(u"stateLabel")

        self.filterRow.addWidget(self.stateLabel)

        self.stateCombo = QComboBox(CasesPage)
        self.stateCombo.setObjectName(u"stateCombo")

        self.filterRow.addWidget(self.stateCombo)

        self.typeLabel = QLabel(CasesPage)
        self.typeLabel.setObjectName(u"typeLabel")

        self.filterRow.addWidget(self.typeLabel)

        self.typeCombo = QComboBox(CasesPage)
        self.typeCombo.setObjectName(u"typeCombo")

        self.filterRow.addWidget(self.typeCombo)

        self.mediatorLabel = QLabel(CasesPage)
        self.mediatorLabel.setObjectName(u"mediatorLabel")

        self.filterRow.addWidget(self.mediatorLabel)

        self.mediatorCombo = QComboBox(CasesPage)
        self.mediatorCombo.setObjectName(u"mediatorCombo")

        self.filterRow.addWidget(self.mediatorCombo)

        self.fromCheck = QCheckBox(CasesPage)
        self.fromCheck.setObjectName(u"fromCheck")

        self.filterRow.addWidget(self.fromCheck)

        self.fromDate = QDateEdit(CasesPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setEnabled(False)
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setDisplayFormat(u"yyyy-MM-dd")

        self.filterRow.addWidget(self.fromDate)

        self.toCheck = QCheckBox(CasesPage)
        self.toCheck.setObjectName(u"toCheck")

        self.filterRow.addWidget(self.toCheck)

        self.toDate = QDateEdit(CasesPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setEnabled(False)
        self.toDate.setCalendarPopup(True)
        self.toDate.setDisplayFormat(u"yyyy-MM-dd")

        self.filterRow.addWidget(self.toDate)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterRow)

        self.countLabel = QLabel(CasesPage)
        self.countLabel.setObjectName(u"countLabel")

        self.mainLayout.addWidget(self.countLabel)

        self.caseTable = QTableView(CasesPage)
        self.caseTable.setObjectName(u"caseTable")
        self.caseTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.caseTable.setAlternatingRowColors(True)
        self.caseTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.caseTable.setSortingEnabled(False)
        self.caseTable.setWordWrap(False)
        self.caseTable.horizontalHeader().setStretchLastSection(False)
        self.caseTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.caseTable)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.stateLabel.setBuddy(self.stateCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.mediatorLabel.setBuddy(self.mediatorCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.stateCombo)
        QWidget.setTabOrder(self.stateCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.mediatorCombo)
        QWidget.setTabOrder(self.mediatorCombo, self.fromCheck)
        QWidget.setTabOrder(self.fromCheck, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.toCheck)
        QWidget.setTabOrder(self.toCheck, self.toDate)
        QWidget.setTabOrder(self.toDate, self.caseTable)

        self.retranslateUi(CasesPage)

        QMetaObject.connectSlotsByName(CasesPage)
    # setupUi

    def retranslateUi(self, CasesPage):
        self.searchLabel.setText(QCoreApplication.translate("CasesPage", u"\u67e5\u627e(&S)\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CasesPage", u"\u6848\u53f7\u3001\u59d3\u540d\u3001\u7535\u8bdd\u3001\u8eab\u4efd\u8bc1\u53f7\u6216\u4e8b\u60c5\u7ecf\u8fc7\u4e2d\u7684\u5b57\u8bcd", None))
        self.stateLabel.setText(QCoreApplication.translate("CasesPage", u"\u72b6\u6001(&Z)\uff1a", None))
        self.typeLabel.setText(QCoreApplication.translate("CasesPage", u"\u7ea0\u7eb7\u7c7b\u578b(&T)\uff1a", None))
        self.mediatorLabel.setText(QCoreApplication.translate("CasesPage", u"\u8c03\u89e3\u5458(&M)\uff1a", None))
        self.fromCheck.setText(QCoreApplication.translate("CasesPage", u"\u53d7\u7406\u65e5\u671f\u4ece", None))
#if QT_CONFIG(tooltip)
        self.fromCheck.setToolTip(QCoreApplication.translate("CasesPage", u"\u4e0d\u52fe\u9009\u4e3a\u4e0d\u9650", None))
#endif // QT_CONFIG(tooltip)
        self.toCheck.setText(QCoreApplication.translate("CasesPage", u"\u5230", None))
#if QT_CONFIG(tooltip)
        self.toCheck.setToolTip(QCoreApplication.translate("CasesPage", u"\u4e0d\u52fe\u9009\u4e3a\u4e0d\u9650", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

