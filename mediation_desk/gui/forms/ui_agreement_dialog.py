# Generated from ui/agreement_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_AgreementDialog(object):
    def setupUi(self, AgreementDialog):
        if not AgreementDialog.objectName():
            AgreementDialog.setObjectName(u"AgreementDialog")
        AgreementDialog.resize(760, 800)
        self.mainLayout = QVBoxLayout(AgreementDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(AgreementDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.scrollArea = QScrollArea(AgreementDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.formWidget = QWidget()
        self.formWidget.setObjectName(u"formWidget")
        self.formLayout = QGridLayout(self.formWidget)
        self.formLayout.setObjectName(u"formLayout")
        self.formLabel = QLabel(self.formWidget)
        self.formLabel.setObjectName(u"formLabel")

        self.formLayout.addWidget(self.formLabel, 0, 0, 1, 1)

        self.form = QComboBox(self.formWidget)
        self.form.setObjectName(u"form")

        self.formLayout.addWidget(self.form, 0, 1, 1, 1)

        self.formError = QLabel(self.formWidget)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #b00020;")
        self.formError.setWordWrap(True)

        self.formLayout.addWidget(self.formError, 1, 1, 1, 1)

        self.reachedOnLabel = QLabel(self.formWidget)
        self.reachedOnLabel.setObjectName(u"reachedOnLabel")

        self.formLayout.addWidget(self.reachedOnLabel, 2, 0, 1, 1)

        self.reachedOn = QDateEdit(self.formWidget)
        self.reachedOn.setObjectName(u"reachedOn")
        self.reachedOn.setCalendarPopup(True)
        self.reachedOn.setDisplayFormat(u"yyyy-MM-dd")

        self.formLayout.addWidget(self.reachedOn, 2, 1, 1, 1)

        self.reachedOnError = QLabel(self.formWidget)
        self.reachedOnError.setObjectName(u"reachedOnError")
        self.reachedOnError.setStyleSheet(u"color: #b00020;")
        self.reachedOnError.setWordWrap(True)

        self.formLayout.addWidget(self.reachedOnError, 3, 1, 1, 1)

        self.factsLabel = QLabel(self.formWidget)
        self.factsLabel.setObjectName(u"factsLabel")

        self.formLayout.addWidget(self.factsLabel, 4, 0, 1, 1)

        self.facts = QPlainTextEdit(self.formWidget)
        self.facts.setObjectName(u"facts")
        self.facts.setTabChangesFocus(True)

        self.formLayout.addWidget(self.facts, 4, 1, 1, 1)

        self.factsError = QLabel(self.formWidget)
        self.factsError.setObjectName(u"factsError")
        self.factsError.setStyleSheet(u"color: #b00020;")
        self.factsError.setWordWrap(True)

        self.formLayout.addWidget(self.factsError, 5, 1, 1, 1)

        self.disputedIssuesLabel = QLabel(self.formWidget)
        self.disputedIssuesLabel.setObjectName(u"disputedIssuesLabel")

        self.formLayout.addWidget(self.disputedIssuesLabel, 6, 0, 1, 1)

        self.disputedIssues = QPlainTextEdit(self.formWidget)
        self.disputedIssues.setObjectName(u"disputedIssues")
        self.disputedIssues.setTabChangesFocus(True)

        self.formLayout.addWidget(self.disputedIssues, 6, 1, 1, 1)

        self.disputedIssuesError = QLabel(self.formWidget)
        self.disputedIssuesError.setObjectName(u"disputedIssuesError")
        self.disputedIssuesError.setStyleSheet(u"color: #b00020;")
        self.disputedIssuesError.setWordWrap(True)

        self.formLayout.addWidget(self.disputedIssuesError, 7, 1, 1, 1)

        self.responsibilityLabel = QLabel(self.formWidget)
        self.responsibilityLabel.setObjectName(u"responsibilityLabel")

        self.formLayout.addWidget(self.responsibilityLabel, 8, 0, 1, 1)

        self.responsibility = QPlainTextEdit(self.formWidget)
        self.responsibility.setObjectName(u"responsibility")
        self.responsibility.setTabChangesFocus(True)

        self.formLayout.addWidget(self.responsibility, 8, 1, 1, 1)

        self.responsibilityError = QLabel(self.formWidget)
        self.responsibilityError.setObjectName(u"responsibilityError")
        self.responsibilityError.setStyleSheet(u"color: #b00020;")
        self.responsibilityError.setWordWrap(True)

        self.formLayout.addWidget(self.responsibilityError, 9, 1, 1, 1)

        self.termsLabel = QLabel(self.formWidget)
        self.termsLabel.setObjectName(u"termsLabel")

        self.formLayout.addWidget(self.termsLabel, 10, 0, 1, 1)

        self.termsWidget = QWidget(self.formWidget)
        self.termsWidget.setObjectName(u"termsWidget")
        self.termsLayout = QVBoxLayout(self.termsWidget)
        self.termsLayout.setObjectName(u"termsLayout")
        self.termsLayout.setContentsMargins(0, 0, 0, 0)
        self.termsIntro = QLabel(self.termsWidget)
        self.termsIntro.setObjectName(u"termsIntro")

        self.termsLayout.addWidget(self.termsIntro)

        self.termsTable = QTableWidget(self.termsWidget)
        if (self.termsTable.columnCount() < 1):
            self.termsTable.setColumnCount(1)
        __qtablewidgetitem = QTableWidgetItem()
        self.termsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        self.termsTable.setObjectName(u"termsTable")
        self.termsTable.setAlternatingRowColors(True)
        self.termsTable.setWordWrap(True)
        self.termsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.termsTable.horizontalHeader().setStretchLastSection(True)

        self.termsLayout.addWidget(self.termsTable)

        self.termsButtons = QHBoxLayout()
        self.termsButtons.setObjectName(u"termsButtons")
        self.addTermButton = QPushButton(self.termsWidget)
        self.addTermButton.setObjectName(u"addTermButton")

        self.termsButtons.addWidget(self.addTermButton)

        self.removeTermButton = QPushButton(self.termsWidget)
        self.removeTermButton.setObjectName(u"removeTermButton")

        self.termsButtons.addWidget(self.removeTermButton)

        self.termUpButton = QPushButton(self.termsWidget)
        self.termUpButton.setObjectName(u"termUpButton")

        self.termsButtons.addWidget(self.termUpButton)

        self.termDownButton = QPushButton(self.termsWidget)
        self.termDownButton.setObjectName(u"termDownButton")

        self.termsButtons.addWidget(self.termDownButton)

        self.termsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.termsButtons.addItem(self.termsSpacer)


        self.termsLayout.addLayout(self.termsButtons)


        self.formLayout.addWidget(self.termsWidget, 10, 1, 1, 1)

        self.termsError = QLabel(self.formWidget)
        self.termsError.setObjectName(u"termsError")
        self.termsError.setStyleSheet(u"color: #b00020;")
        self.termsError.setWordWrap(True)

        self.formLayout.addWidget(self.termsError, 11, 1, 1, 1)

        self.performanceMethodLabel = QLabel(self.formWidget)
        self.performanceMethodLabel.setObjectName(u"performanceMethodLabel")

        self.formLayout.addWidget(self.performanceMethodLabel, 12, 0, 1, 1)

        self.performanceMethod = QPlainTextEdit(self.formWidget)
        self.performanceMethod.setObjectName(u"performanceMethod")
        self.performanceMethod.setTabChangesFocus(True)

        self.formLayout.addWidget(self.performanceMethod, 12, 1, 1, 1)

        self.performanceMethodError = QLabel(self.formWidget)
        self.performanceMethodError.setObjectName(u"performanceMethodError")
        self.performanceMethodError.setStyleSheet(u"color: #b00020;")
        self.performanceMethodError.setWordWrap(True)

        self.formLayout.addWidget(self.performanceMethodError, 13, 1, 1, 1)

        self.deadlineCheck = QCheckBox(self.formWidget)
        self.deadlineCheck.setObjectName(u"deadlineCheck")
        self.deadlineCheck.setChecked(True)

        self.formLayout.addWidget(self.deadlineCheck, 14, 0, 1, 1)

        self.performanceDeadline = QDateEdit(self.formWidget)
        self.performanceDeadline.setObjectName(u"performanceDeadline")
        self.performanceDeadline.setCalendarPopup(True)
        self.performanceDeadline.setDisplayFormat(u"yyyy-MM-dd")

        self.formLayout.addWidget(self.performanceDeadline, 14, 1, 1, 1)

        self.performanceDeadlineError = QLabel(self.formWidget)
        self.performanceDeadlineError.setObjectName(u"performanceDeadlineError")
        self.performanceDeadlineError.setStyleSheet(u"color: #b00020;")
        self.performanceDeadlineError.setWordWrap(True)

        self.formLayout.addWidget(self.performanceDeadlineError, 15, 1, 1, 1)

        self.amountLabel = QLabel(self.formWidget)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.addWidget(self.amountLabel, 16, 0, 1, 1)

        self.amount = QLineEdit(self.formWidget)
        self.amount.setObjectName(u"amount")

        self.formLayout.addWidget(self.amount, 16, 1, 1, 1)

        self.amountError = QLabel(self.formWidget)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setStyleSheet(u"color: #b00020;")
        self.amountError.setWordWrap(True)

        self.formLayout.addWidget(self.amountError, 17, 1, 1, 1)

        self.scrollArea.setWidget(self.formWidget)

        self.mainLayout.addWidget(self.scrollArea)

        self.copiesLabel = QLabel(AgreementDialog)
        self.copiesLabel.setObjectName(u"copiesLabel")
        self.copiesLabel.setWordWrap(True)
        self.copiesLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.copiesLabel)

        self.messageLabel = QLabel(AgreementDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(AgreementDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.formLabel.setBuddy(self.form)
        self.reachedOnLabel.setBuddy(self.reachedOn)
        self.factsLabel.setBuddy(self.facts)
        self.disputedIssuesLabel.setBuddy(self.disputedIssues)
        self.responsibilityLabel.setBuddy(self.responsibility)
        self.termsLabel.setBuddy(self.termsTable)
        self.performanceMethodLabel.setBuddy(self.performanceMethod)
        self.amountLabel.setBuddy(self.amount)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.form, self.reachedOn)
        QWidget.setTabOrder(self.reachedOn, self.facts)
        QWidget.setTabOrder(self.facts, self.disputedIssues)
        QWidget.setTabOrder(self.disputedIssues, self.responsibility)
        QWidget.setTabOrder(self.responsibility, self.termsTable)
        QWidget.setTabOrder(self.termsTable, self.addTermButton)
        QWidget.setTabOrder(self.addTermButton, self.removeTermButton)
        QWidget.setTabOrder(self.removeTermButton, self.termUpButton)
        QWidget.setTabOrder(self.termUpButton, self.termDownButton)
        QWidget.setTabOrder(self.termDownButton, self.performanceMethod)
        QWidget.setTabOrder(self.performanceMethod, self.deadlineCheck)
        QWidget.setTabOrder(self.deadlineCheck, self.performanceDeadline)
        QWidget.setTabOrder(self.performanceDeadline, self.amount)
        QWidget.setTabOrder(self.amount, self.buttonBox)

        self.retranslateUi(AgreementDialog)

        QMetaObject.connectSlotsByName(AgreementDialog)
    # setupUi

    def retranslateUi(self, AgreementDialog):
        AgreementDialog.setWindowTitle(QCoreApplication.translate("AgreementDialog", u"\u8c03\u89e3\u534f\u8bae", None))
        self.formLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u534f\u8bae\u5f62\u5f0f(&X)\uff1a", None))
        self.reachedOnLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u8fbe\u6210\u65e5\u671f(&D)\uff1a", None))
        self.factsLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u4e3b\u8981\u4e8b\u5b9e(&F)\uff1a", None))
        self.disputedIssuesLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u4e89\u8bae\u4e8b\u9879(&Z)\uff1a", None))
        self.responsibilityLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u5404\u65b9\u8d23\u4efb(&R)\uff1a", None))
        self.termsLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u534f\u8bae\u6761\u6b3e(&K)\uff1a", None))
        self.termsIntro.setText(QCoreApplication.translate("AgreementDialog", u"\u7ecf\u8c03\u89e3\uff0c\u53cc\u65b9\u81ea\u613f\u8fbe\u6210\u5982\u4e0b\u534f\u8bae\uff1a", None))
        ___qtablewidgetitem = self.termsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AgreementDialog", u"\u6761\u6b3e\u5185\u5bb9", None))
        self.addTermButton.setText(QCoreApplication.translate("AgreementDialog", u"\u6dfb\u52a0\u6761\u6b3e(&N)", None))
        self.removeTermButton.setText(QCoreApplication.translate("AgreementDialog", u"\u5220\u9664\u6761\u6b3e", None))
        self.termUpButton.setText(QCoreApplication.translate("AgreementDialog", u"\u4e0a\u79fb", None))
        self.termDownButton.setText(QCoreApplication.translate("AgreementDialog", u"\u4e0b\u79fb", None))
        self.performanceMethodLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u5c65\u884c\u65b9\u5f0f(&M)\uff1a", None))
        self.deadlineCheck.setText(QCoreApplication.translate("AgreementDialog", u"\u7ea6\u5b9a\u5c65\u884c\u671f\u9650(&Q)\uff1a", None))
        self.amountLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u534f\u8bae\u91d1\u989d\uff08\u5143\uff09(&A)\uff1a", None))
        self.amount.setPlaceholderText(QCoreApplication.translate("AgreementDialog", u"\u6ca1\u6709\u91d1\u989d\u53ef\u4e0d\u586b", None))
    # retranslateUi

