# Generated from ui/session_record_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_record_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QGridLayout,
    QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SessionRecordDialog(object):
    def setupUi(self, SessionRecordDialog):
        if not SessionRecordDialog.objectName():
            SessionRecordDialog.setObjectName(u"SessionRecordDialog")
        SessionRecordDialog.resize(720, 760)
        self.mainLayout = QVBoxLayout(SessionRecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(SessionRecordDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.scrollArea = QScrollArea(SessionRecordDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.formWidget = QWidget()
        self.formWidget.setObjectName(u"formWidget")
        self.formLayout = QGridLayout(self.formWidget)
        self.formLayout.setObjectName(u"formLayout")
        self.heldAtLabel = QLabel(self.formWidget)
        self.heldAtLabel.setObjectName(u"heldAtLabel")

        self.formLayout.addWidget(self.heldAtLabel, 0, 0, 1, 1)

        self.heldAt = QDateTimeEdit(self.formWidget)
        self.heldAt.setObjectName(u"heldAt")
        self.heldAt.setCalendarPopup(True)
        self.heldAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.formLayout.addWidget(self.heldAt, 0, 1, 1, 1)

        self.heldAtError = QLabel(self.formWidget)
        self.heldAtError.setObjectName(u"heldAtError")
        self.heldAtError.setStyleSheet(u"color: #b00020;")
        self.heldAtError.setWordWrap(True)

        self.formLayout.addWidget(self.heldAtError, 1, 1, 1, 1)

        self.placeLabel = QLabel(self.formWidget)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.addWidget(self.placeLabel, 2, 0, 1, 1)

        self.place = QLineEdit(self.formWidget)
        self.place.setObjectName(u"place")
        self.place.setMaxLength(100)

        self.formLayout.addWidget(self.place, 2, 1, 1, 1)

        self.placeError = QLabel(self.formWidget)
        self.placeError.setObjectName(u"placeError")
        self.placeError.setStyleSheet(u"color: #b00020;")
        self.placeError.setWordWrap(True)

        self.formLayout.addWidget(self.placeError, 3, 1, 1, 1)

        self.matterLabel = QLabel(self.formWidget)
        self.matterLabel.setObjectName(u"matterLabel")

        self.formLayout.addWidget(self.matterLabel, 4, 0, 1, 1)

        self.matter = QLineEdit(self.formWidget)
        self.matter.setObjectName(u"matter")
        self.matter.setMaxLength(500)

        self.formLayout.addWidget(self.matter, 4, 1, 1, 1)

        self.matterError = QLabel(self.formWidget)
        self.matterError.setObjectName(u"matterError")
        self.matterError.setStyleSheet(u"color: #b00020;")
        self.matterError.setWordWrap(True)

        self.formLayout.addWidget(self.matterError, 5, 1, 1, 1)

        self.mediatorsLabel = QLabel(self.formWidget)
        self.mediatorsLabel.setObjectName(u"mediatorsLabel")

        self.formLayout.addWidget(self.mediatorsLabel, 6, 0, 1, 1)

        self.mediatorsValue = QLabel(self.formWidget)
        self.mediatorsValue.setObjectName(u"mediatorsValue")
        self.mediatorsValue.setWordWrap(True)
        self.mediatorsValue.setTextFormat(Qt.TextFormat.PlainText)

        self.formLayout.addWidget(self.mediatorsValue, 6, 1, 1, 1)

        self.participantsLabel = QLabel(self.formWidget)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.formLayout.addWidget(self.participantsLabel, 7, 0, 1, 1)

        self.participants = QLineEdit(self.formWidget)
        self.participants.setObjectName(u"participants")

        self.formLayout.addWidget(self.participants, 7, 1, 1, 1)

        self.participantsError = QLabel(self.formWidget)
        self.participantsError.setObjectName(u"participantsError")
        self.participantsError.setStyleSheet(u"color: #b00020;")
        self.participantsError.setWordWrap(True)

        self.formLayout.addWidget(self.participantsError, 8, 1, 1, 1)

        self.helpersLabel = QLabel(self.formWidget)
        self.helpersLabel.setObjectName(u"helpersLabel")

        self.formLayout.addWidget(self.helpersLabel, 9, 0, 1, 1)

        self.helpers = QLineEdit(self.formWidget)
        self.helpers.setObjectName(u"helpers")

        self.formLayout.addWidget(self.helpers, 9, 1, 1, 1)

        self.helpersError = QLabel(self.formWidget)
        self.helpersError.setObjectName(u"helpersError")
        self.helpersError.setStyleSheet(u"color: #b00020;")
        self.helpersError.setWordWrap(True)

        self.formLayout.addWidget(self.helpersError, 10, 1, 1, 1)

        self.recorderLabel = QLabel(self.formWidget)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.formLayout.addWidget(self.recorderLabel, 11, 0, 1, 1)

        self.recorder = QLineEdit(self.formWidget)
        self.recorder.setObjectName(u"recorder")
        self.recorder.setMaxLength(32)

        self.formLayout.addWidget(self.recorder, 11, 1, 1, 1)

        self.recorderError = QLabel(self.formWidget)
        self.recorderError.setObjectName(u"recorderError")
        self.recorderError.setStyleSheet(u"color: #b00020;")
        self.recorderError.setWordWrap(True)

        self.formLayout.addWidget(self.recorderError, 12, 1, 1, 1)

        self.rightsNotified = QCheckBox(self.formWidget)
        self.rightsNotified.setObjectName(u"rightsNotified")

        self.formLayout.addWidget(self.rightsNotified, 13, 1, 1, 1)

        self.statementsLabel = QLabel(self.formWidget)
        self.statementsLabel.setObjectName(u"statementsLabel")

        self.formLayout.addWidget(self.statementsLabel, 14, 0, 1, 1)

        self.statementsWidget = QWidget(self.formWidget)
        self.statementsWidget.setObjectName(u"statementsWidget")
        self.statementsLayout = QVBoxLayout(self.statementsWidget)
        self.statementsLayout.setObjectName(u"statementsLayout")
        self.statementsLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.addWidget(self.statementsWidget, 14, 1, 1, 1)

        self.statementsError = QLabel(self.formWidget)
        self.statementsError.setObjectName(u"statementsError")
        self.statementsError.setStyleSheet(u"color: #b00020;")
        self.statementsError.setWordWrap(True)

        self.formLayout.addWidget(self.statementsError, 15, 1, 1, 1)

        self.factsCheckedLabel = QLabel(self.formWidget)
        self.factsCheckedLabel.setObjectName(u"factsCheckedLabel")

        self.formLayout.addWidget(self.factsCheckedLabel, 16, 0, 1, 1)

        self.factsChecked = QPlainTextEdit(self.formWidget)
        self.factsChecked.setObjectName(u"factsChecked")
        self.factsChecked.setTabChangesFocus(True)

        self.formLayout.addWidget(self.factsChecked, 16, 1, 1, 1)

        self.factsCheckedError = QLabel(self.formWidget)
        self.factsCheckedError.setObjectName(u"factsCheckedError")
        self.factsCheckedError.setStyleSheet(u"color: #b00020;")
        self.factsCheckedError.setWordWrap(True)

        self.formLayout.addWidget(self.factsCheckedError, 17, 1, 1, 1)

        self.resultLabel = QLabel(self.formWidget)
        self.resultLabel.setObjectName(u"resultLabel")

        self.formLayout.addWidget(self.resultLabel, 18, 0, 1, 1)

        self.result = QPlainTextEdit(self.formWidget)
        self.result.setObjectName(u"result")
        self.result.setTabChangesFocus(True)

        self.formLayout.addWidget(self.result, 18, 1, 1, 1)

        self.resultError = QLabel(self.formWidget)
        self.resultError.setObjectName(u"resultError")
        self.resultError.setStyleSheet(u"color: #b00020;")
        self.resultError.setWordWrap(True)

        self.formLayout.addWidget(self.resultError, 19, 1, 1, 1)

        self.outcomeLabel = QLabel(self.formWidget)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.addWidget(self.outcomeLabel, 20, 0, 1, 1)

        self.outcome = QComboBox(self.formWidget)
        self.outcome.setObjectName(u"outcome")

        self.formLayout.addWidget(self.outcome, 20, 1, 1, 1)

        self.outcomeError = QLabel(self.formWidget)
        self.outcomeError.setObjectName(u"outcomeError")
        self.outcomeError.setStyleSheet(u"color: #b00020;")
        self.outcomeError.setWordWrap(True)

        self.formLayout.addWidget(self.outcomeError, 21, 1, 1, 1)

        self.correctionReasonLabel = QLabel(self.formWidget)
        self.correctionReasonLabel.setObjectName(u"correctionReasonLabel")

        self.formLayout.addWidget(self.correctionReasonLabel, 22, 0, 1, 1)

        self.correctionReason = QLineEdit(self.formWidget)
        self.correctionReason.setObjectName(u"correctionReason")
        self.correctionReason.setMaxLength(500)

        self.formLayout.addWidget(self.correctionReason, 22, 1, 1, 1)

        self.correctionReasonError = QLabel(self.formWidget)
        self.correctionReasonError.setObjectName(u"correctionReasonError")
        self.correctionReasonError.setStyleSheet(u"color: #b00020;")
        self.correctionReasonError.setWordWrap(True)

        self.formLayout.addWidget(self.correctionReasonError, 23, 1, 1, 1)

        self.scrollArea.setWidget(self.formWidget)

        self.mainLayout.addWidget(self.scrollArea)

        self.messageLabel = QLabel(SessionRecordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SessionRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.heldAtLabel.setBuddy(self.heldAt)
        self.placeLabel.setBuddy(self.place)
        self.matterLabel.setBuddy(self.matter)
        self.participantsLabel.setBuddy(self.participants)
        self.helpersLabel.setBuddy(self.helpers)
        self.recorderLabel.setBuddy(self.recorder)
        self.factsCheckedLabel.setBuddy(self.factsChecked)
        self.resultLabel.setBuddy(self.result)
        self.outcomeLabel.setBuddy(self.outcome)
        self.correctionReasonLabel.setBuddy(self.correctionReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.heldAt, self.place)
        QWidget.setTabOrder(self.place, self.matter)
        QWidget.setTabOrder(self.matter, self.participants)
        QWidget.setTabOrder(self.participants, self.helpers)
        QWidget.setTabOrder(self.helpers, self.recorder)
        QWidget.setTabOrder(self.recorder, self.rightsNotified)
        QWidget.setTabOrder(self.rightsNotified, self.factsChecked)
        QWidget.setTabOrder(self.factsChecked, self.result)
        QWidget.setTabOrder(self.result, self.outcome)
        QWidget.setTabOrder(self.outcome, self.correctionReason)
        QWidget.setTabOrder(self.correctionReason, self.buttonBox)

        self.retranslateUi(SessionRecordDialog)

        QMetaObject.connectSlotsByName(SessionRecordDialog)
    # setupUi

    def retranslateUi(self, SessionRecordDialog):
        SessionRecordDialog.setWindowTitle(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u8bb0\u5f55", None))
        self.heldAtLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u65f6\u95f4(&T)\uff1a", None))
        self.placeLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u5730\u70b9(&P)\uff1a", None))
        self.matterLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u4e8b\u9879(&M)\uff1a", None))
        self.mediatorsLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u5458\uff1a", None))
        self.participantsLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u53c2\u52a0\u4eba(&J)\uff1a", None))
        self.participants.setPlaceholderText(QCoreApplication.translate("SessionRecordDialog", u"\u59d3\u540d\u4e4b\u95f4\u7528\u987f\u53f7\u6216\u9017\u53f7\u9694\u5f00", None))
        self.helpersLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u9080\u8bf7\u534f\u52a9\u4eba\u5458(&H)\uff1a", None))
        self.helpers.setPlaceholderText(QCoreApplication.translate("SessionRecordDialog", u"\u59d3\u540d\u4e4b\u95f4\u7528\u987f\u53f7\u6216\u9017\u53f7\u9694\u5f00", None))
        self.recorderLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8bb0\u5f55\u4eba(&L)\uff1a", None))
        self.rightsNotified.setText(QCoreApplication.translate("SessionRecordDialog", u"\u5df2\u544a\u77e5\u5f53\u4e8b\u4eba\u7684\u6743\u5229\u548c\u4e49\u52a1(&G)", None))
        self.statementsLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u5f53\u4e8b\u4eba\u9648\u8ff0\uff1a", None))
        self.factsCheckedLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u67e5\u660e\u4e8b\u5b9e(&F)\uff1a", None))
        self.resultLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u8c03\u89e3\u7ed3\u679c(&R)\uff1a", None))
        self.result.setPlaceholderText(QCoreApplication.translate("SessionRecordDialog", u"\u8fbe\u6210\u7684\u7ed3\u679c\uff0c\u6216\u8c03\u89e3\u4e0d\u6210\u7684\u539f\u56e0", None))
        self.outcomeLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u7ed3\u679c\u7c7b\u522b(&O)\uff1a", None))
        self.correctionReasonLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"\u66f4\u6b63\u7406\u7531(&X)\uff1a", None))
    # retranslateUi

