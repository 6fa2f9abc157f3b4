# Generated from ui/intake_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)
class Ui_IntakePage(object):
    def setupUi(self, IntakePage):
        if not IntakePage.objectName():
            IntakePage.setObjectName(u"IntakePage")
        self.pageLayout = QVBoxLayout(IntakePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.scrollArea = QScrollArea(IntakePage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.formWidget = QWidget()
        self.formWidget.setObjectName(u"formWidget")
        self.formLayout = QVBoxLayout(self.formWidget)
        self.formLayout.setObjectName(u"formLayout")
        self.caseBox = QGroupBox(self.formWidget)
        self.caseBox.setObjectName(u"caseBox")
        self.caseGrid = QGridLayout(self.caseBox)
        self.caseGrid.setObjectName(u"caseGrid")
        self.sourceLabel = QLabel(self.caseBox)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.caseGrid.addWidget(self.sourceLabel, 0, 0, 1, 1)

        self.source = QComboBox(self.caseBox)
        self.source.setObjectName(u"source")

        self.caseGrid.addWidget(self.source, 0, 1, 1, 1)

        self.sourceError = QLabel(self.caseBox)
        self.sourceError.setObjectName(u"sourceError")
        self.sourceError.setStyleSheet(u"color: #b00020;")
        self.sourceError.setWordWrap(True)

        self.caseGrid.addWidget(self.sourceError, 1, 1, 1, 1)

        self.referrerKindLabel = QLabel(self.caseBox)
        self.referrerKindLabel.setObjectName(u"referrerKindLabel")

        self.caseGrid.addWidget(self.referrerKindLabel, 2, 0, 1, 1)

        self.referrerKind = QComboBox(self.caseBox)
        self.referrerKind.setObjectName(u"referrerKind")

        self.caseGrid.addWidget(self.referrerKind, 2, 1, 1, 1)

        self.referrerKindError = QLabel(self.caseBox)
        self.referrerKindError.setObjectName(u"referrerKindError")
        self.referrerKindError.setStyleSheet(u"color: #b00020;")
        self.referrerKindError.setWordWrap(True)

        self.caseGrid.addWidget(self.referrerKindError, 3, 1, 1, 1)

        self.referrerNameLabel = QLabel(self.caseBox)
        self.referrerNameLabel.setObjectName(u"referrerNameLabel")

        self.caseGrid.addWidget(self.referrerNameLabel, 4, 0, 1, 1)

        self.referrerName = QLineEdit(self.caseBox)
        self.referrerName.setObjectName(u"referrerName")
        self.referrerName.setMaxLength(64)

        self.caseGrid.addWidget(self.referrerName, 4, 1, 1, 1)

        self.referrerNameError = QLabel(self.caseBox)
        self.referrerNameError.setObjectName(u"referrerNameError")
        self.referrerNameError.setStyleSheet(u"color: #b00020;")
        self.referrerNameError.setWordWrap(True)

        self.caseGrid.addWidget(self.referrerNameError, 5, 1, 1, 1)

        self.disputeTypeLabel = QLabel(self.caseBox)
        self.disputeTypeLabel.setObjectName(u"disputeTypeLabel")

        self.caseGrid.addWidget(self.disputeTypeLabel, 6, 0, 1, 1)

        self.disputeType = QComboBox(self.caseBox)
        self.disputeType.setObjectName(u"disputeType")

        self.caseGrid.addWidget(self.disputeType, 6, 1, 1, 1)

        self.disputeTypeError = QLabel(self.caseBox)
        self.disputeTypeError.setObjectName(u"disputeTypeError")
        self.disputeTypeError.setStyleSheet(u"color: #b00020;")
        self.disputeTypeError.setWordWrap(True)

        self.caseGrid.addWidget(self.disputeTypeError, 7, 1, 1, 1)

        self.disputeSubtypeLabel = QLabel(self.caseBox)
        self.disputeSubtypeLabel.setObjectName(u"disputeSubtypeLabel")

        self.caseGrid.addWidget(self.disputeSubtypeLabel, 8, 0, 1, 1)

        self.disputeSubtype = QComboBox(self.caseBox)
        self.disputeSubtype.setObjectName(u"disputeSubtype")

        self.caseGrid.addWidget(self.disputeSubtype, 8, 1, 1, 1)

        self.disputeSubtypeError = QLabel(self.caseBox)
        self.disputeSubtypeError.setObjectName(u"disputeSubtypeError")
        self.disputeSubtypeError.setStyleSheet(u"color: #b00020;")
        self.disputeSubtypeError.setWordWrap(True)

        self.caseGrid.addWidget(self.disputeSubtypeError, 9, 1, 1, 1)

        self.briefFactsLabel = QLabel(self.caseBox)
        self.briefFactsLabel.setObjectName(u"briefFactsLabel")

        self.caseGrid.addWidget(self.briefFactsLabel, 10, 0, 1, 1)

        self.briefFacts = QPlainTextEdit(self.caseBox)
        self.briefFacts.setObjectName(u"briefFacts")
        self.briefFacts.setTabChangesFocus(True)

        self.caseGrid.addWidget(self.briefFacts, 10, 1, 1, 1)

        self.briefFactsError = QLabel(self.caseBox)
        self.briefFactsError.setObjectName(u"briefFactsError")
        self.briefFactsError.setStyleSheet(u"color: #b00020;")
        self.briefFactsError.setWordWrap(True)

        self.caseGrid.addWidget(self.briefFactsError, 11, 1, 1, 1)

        self.requestsLabel = QLabel(self.caseBox)
        self.requestsLabel.setObjectName(u"requestsLabel")

        self.caseGrid.addWidget(self.requestsLabel, 12, 0, 1, 1)

        self.requests = QPlainTextEdit(self.caseBox)
        self.requests.setObjectName(u"requests")
        self.requests.setTabChangesFocus(True)

        self.caseGrid.addWidget(self.requests, 12, 1, 1, 1)

        self.requestsError = QLabel(self.caseBox)
        self.requestsError.setObjectName(u"requestsError")
        self.requestsError.setStyleSheet(u"color: #b00020;")
        self.requestsError.setWordWrap(True)

        self.caseGrid.addWidget(self.requestsError, 13, 1, 1, 1)

        self.amountLabel = QLabel(self.caseBox)
        self.amountLabel.setObjectName(u"amountLabel")

        self.caseGrid.addWidget(self.amountLabel, 14, 0, 1, 1)

        self.amount = QLineEdit(self.caseBox)
        self.amount.setObjectName(u"amount")

        self.caseGrid.addWidget(self.amount, 14, 1, 1, 1)

        self.amountError = QLabel(self.caseBox)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setStyleSheet(u"color: #b00020;")
        self.amountError.setWordWrap(True)

        self.caseGrid.addWidget(self.amountError, 15, 1, 1, 1)

        self.personsLabel = QLabel(self.caseBox)
        self.personsLabel.setObjectName(u"personsLabel")

        self.caseGrid.addWidget(self.personsLabel, 16, 0, 1, 1)

        self.persons = QSpinBox(self.caseBox)
        self.persons.setObjectName(u"persons")
        self.persons.setMaximum(100000)

        self.caseGrid.addWidget(self.persons, 16, 1, 1, 1)

        self.personsError = QLabel(self.caseBox)
        self.personsError.setObjectName(u"personsError")
        self.personsError.setStyleSheet(u"color: #b00020;")
        self.personsError.setWordWrap(True)

        self.caseGrid.addWidget(self.personsError, 17, 1, 1, 1)

        self.riskLabel = QLabel(self.caseBox)
        self.riskLabel.setObjectName(u"riskLabel")

        self.caseGrid.addWidget(self.riskLabel, 18, 0, 1, 1)

        self.riskRow = QHBoxLayout()
        self.riskRow.setObjectName(u"riskRow")
        self.riskSuicide = QCheckBox(self.caseBox)
        self.riskSuicide.setObjectName(u"riskSuicide")

        self.riskRow.addWidget(self.riskSuicide)

        self.riskCivilToCriminal = QCheckBox(self.caseBox)
        self.riskCivilToCriminal.setObjectName(u"riskCivilToCriminal")

        self.riskRow.addWidget(self.riskCivilToCriminal)

        self.riskGroupPetition = QCheckBox(self.caseBox)
        self.riskGroupPetition.setObjectName(u"riskGroupPetition")

        self.riskRow.addWidget(self.riskGroupPetition)

        self.riskGroupFight = QCheckBox(self.caseBox)
        self.riskGroupFight.setObjectName(u"riskGroupFight")

        self.riskRow.addWidget(self.riskGroupFight)


        self.caseGrid.addLayout(self.riskRow, 18, 1, 1, 1)

        self.areaLabel = QLabel(self.caseBox)
        self.areaLabel.setObjectName(u"areaLabel")

        self.caseGrid.addWidget(self.areaLabel, 19, 0, 1, 1)

        self.area = QLineEdit(self.caseBox)
        self.area.setObjectName(u"area")
        self.area.setMaxLength(64)

        self.caseGrid.addWidget(self.area, 19, 1, 1, 1)

        self.areaError = QLabel(self.caseBox)
        self.areaError.setObjectName(u"areaError")
        self.areaError.setStyleSheet(u"color: #b00020;")
        self.areaError.setWordWrap(True)

        self.caseGrid.addWidget(self.areaError, 20, 1, 1, 1)

        self.acceptedOnLabel = QLabel(self.caseBox)
        self.acceptedOnLabel.setObjectName(u"acceptedOnLabel")

        self.caseGrid.addWidget(self.acceptedOnLabel, 21, 0, 1, 1)

        self.acceptedOn = QDateEdit(self.caseBox)
        self.acceptedOn.setObjectName(u"acceptedOn")
        self.acceptedOn.setCalendarPopup(True)

        self.caseGrid.addWidget(self.acceptedOn, 21, 1, 1, 1)

        self.acceptedOnError = QLabel(self.caseBox)
        self.acceptedOnError.setObjectName(u"acceptedOnError")
        self.acceptedOnError.setStyleSheet(u"color: #b00020;")
        self.acceptedOnError.setWordWrap(True)

        self.caseGrid.addWidget(self.acceptedOnError, 22, 1, 1, 1)


        self.formLayout.addWidget(self.caseBox)

        self.partiesBox = QGroupBox(self.formWidget)
        self.partiesBox.setObjectName(u"partiesBox")
        self.partiesBoxLayout = QVBoxLayout(self.partiesBox)
        self.partiesBoxLayout.setObjectName(u"partiesBoxLayout")
        self.partiesLayout = QVBoxLayout()
        self.partiesLayout.setObjectName(u"partiesLayout")

        self.partiesBoxLayout.addLayout(self.partiesLayout)

        self.partiesError = QLabel(self.partiesBox)
        self.partiesError.setObjectName(u"partiesError")
        self.partiesError.setStyleSheet(u"color: #b00020;")
        self.partiesError.setWordWrap(True)

        self.partiesBoxLayout.addWidget(self.partiesError)

        self.addPartyRow = QHBoxLayout()
        self.addPartyRow.setObjectName(u"addPartyRow")
        self.addPartyButton = QPushButton(self.partiesBox)
        self.addPartyButton.setObjectName(u"addPartyButton")

        self.addPartyRow.addWidget(self.addPartyButton)

        self.addPartySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addPartyRow.addItem(self.addPartySpacer)


        self.partiesBoxLayout.addLayout(self.addPartyRow)


        self.formLayout.addWidget(self.partiesBox)

        self.formSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer)

        self.scrollArea.setWidget(self.formWidget)

        self.pageLayout.addWidget(self.scrollArea)

        self.statusLabel = QLabel(IntakePage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setStyleSheet(u"font-weight: bold;")

        self.pageLayout.addWidget(self.statusLabel)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.saveButton = QPushButton(IntakePage)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)

        self.saveAssignButton = QPushButton(IntakePage)
        self.saveAssignButton.setObjectName(u"saveAssignButton")

        self.saveRow.addWidget(self.saveAssignButton)


        self.pageLayout.addLayout(self.saveRow)

#if QT_CONFIG(shortcut)
        self.sourceLabel.setBuddy(self.source)
        self.referrerKindLabel.setBuddy(self.referrerKind)
        self.referrerNameLabel.setBuddy(self.referrerName)
        self.disputeTypeLabel.setBuddy(self.disputeType)
        self.disputeSubtypeLabel.setBuddy(self.disputeSubtype)
        self.briefFactsLabel.setBuddy(self.briefFacts)
        self.requestsLabel.setBuddy(self.requests)
        self.amountLabel.setBuddy(self.amount)
        self.personsLabel.setBuddy(self.persons)
        self.areaLabel.setBuddy(self.area)
        self.acceptedOnLabel.setBuddy(self.acceptedOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IntakePage)

        QMetaObject.connectSlotsByName(IntakePage)
    # setupUi

    def retranslateUi(self, IntakePage):
        self.caseBox.setTitle(QCoreApplication.translate("IntakePage", u"\u53d7\u7406\u767b\u8bb0", None))
        self.sourceLabel.setText(QCoreApplication.translate("IntakePage", u"\u6765\u6e90(&Y)\uff1a", None))
        self.referrerKindLabel.setText(QCoreApplication.translate("IntakePage", u"\u79fb\u9001\u673a\u5173\uff1a", None))
        self.referrerNameLabel.setText(QCoreApplication.translate("IntakePage", u"\u79fb\u9001\u5355\u4f4d\u540d\u79f0\uff1a", None))
        self.disputeTypeLabel.setText(QCoreApplication.translate("IntakePage", u"\u7ea0\u7eb7\u7c7b\u578b(&T)\uff1a", None))
        self.disputeSubtypeLabel.setText(QCoreApplication.translate("IntakePage", u"\u7ea0\u7eb7\u5b50\u7c7b\uff1a", None))
        self.briefFactsLabel.setText(QCoreApplication.translate("IntakePage", u"\u7b80\u8981\u6848\u60c5(&F)\uff1a", None))
        self.requestsLabel.setText(QCoreApplication.translate("IntakePage", u"\u5f53\u4e8b\u4eba\u8bf7\u6c42\uff1a", None))
        self.amountLabel.setText(QCoreApplication.translate("IntakePage", u"\u6d89\u53ca\u91d1\u989d\uff08\u5143\uff09\uff1a", None))
        self.amount.setPlaceholderText(QCoreApplication.translate("IntakePage", u"\u5982 1200 \u6216 1200.50", None))
        self.personsLabel.setText(QCoreApplication.translate("IntakePage", u"\u6d89\u53ca\u4eba\u6570\uff1a", None))
        self.persons.setSpecialValueText(QCoreApplication.translate("IntakePage", u"\u6309\u5f53\u4e8b\u4eba\u4eba\u6570", None))
        self.riskLabel.setText(QCoreApplication.translate("IntakePage", u"\u98ce\u9669\u63d0\u793a\uff1a", None))
        self.riskSuicide.setText(QCoreApplication.translate("IntakePage", u"\u9632\u6b62\u81ea\u6740", None))
        self.riskCivilToCriminal.setText(QCoreApplication.translate("IntakePage", u"\u9632\u6b62\u6c11\u8f6c\u5211", None))
        self.riskGroupPetition.setText(QCoreApplication.translate("IntakePage", u"\u9632\u6b62\u7fa4\u4f53\u6027\u4e0a\u8bbf", None))
        self.riskGroupFight.setText(QCoreApplication.translate("IntakePage", u"\u9632\u6b62\u7fa4\u4f53\u6027\u68b0\u6597", None))
        self.areaLabel.setText(QCoreApplication.translate("IntakePage", u"\u7ea0\u7eb7\u53d1\u751f\u5730\uff1a", None))
        self.acceptedOnLabel.setText(QCoreApplication.translate("IntakePage", u"\u53d7\u7406\u65e5\u671f(&D)\uff1a", None))
        self.acceptedOn.setDisplayFormat(QCoreApplication.translate("IntakePage", u"yyyy-MM-dd", None))
        self.partiesBox.setTitle(QCoreApplication.translate("IntakePage", u"\u5f53\u4e8b\u4eba", None))
        self.addPartyButton.setText(QCoreApplication.translate("IntakePage", u"\u6dfb\u52a0\u5f53\u4e8b\u4eba(&A)", None))
        self.saveButton.setText(QCoreApplication.translate("IntakePage", u"\u4fdd\u5b58", None))
        self.saveAssignButton.setText(QCoreApplication.translate("IntakePage", u"\u4fdd\u5b58\u5e76\u6d3e\u5355", None))
        pass
    # retranslateUi

