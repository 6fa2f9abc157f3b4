# Generated from ui/follow_up_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_up_dialog.ui'
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
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_FollowUpDialog(object):
    def setupUi(self, FollowUpDialog):
        if not FollowUpDialog.objectName():
            FollowUpDialog.setObjectName(u"FollowUpDialog")
        FollowUpDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(FollowUpDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(FollowUpDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.performanceStatusLabel = QLabel(FollowUpDialog)
        self.performanceStatusLabel.setObjectName(u"performanceStatusLabel")

        self.formLayout.addWidget(self.performanceStatusLabel, 0, 0, 1, 1)

        self.performanceStatus = QComboBox(FollowUpDialog)
        self.performanceStatus.setObjectName(u"performanceStatus")

        self.formLayout.addWidget(self.performanceStatus, 0, 1, 1, 1)

        self.performanceStatusError = QLabel(FollowUpDialog)
        self.performanceStatusError.setObjectName(u"performanceStatusError")
        self.performanceStatusError.setStyleSheet(u"color: #b00020;")
        self.performanceStatusError.setWordWrap(True)

        self.formLayout.addWidget(self.performanceStatusError, 1, 1, 1, 1)

        self.satisfactionLabel = QLabel(FollowUpDialog)
        self.satisfactionLabel.setObjectName(u"satisfactionLabel")

        self.formLayout.addWidget(self.satisfactionLabel, 2, 0, 1, 1)

        self.satisfaction = QComboBox(FollowUpDialog)
        self.satisfaction.setObjectName(u"satisfaction")

        self.formLayout.addWidget(self.satisfaction, 2, 1, 1, 1)

        self.satisfactionError = QLabel(FollowUpDialog)
        self.satisfactionError.setObjectName(u"satisfactionError")
        self.satisfactionError.setStyleSheet(u"color: #b00020;")
        self.satisfactionError.setWordWrap(True)

        self.formLayout.addWidget(self.satisfactionError, 3, 1, 1, 1)

        self.renewedConflict = QCheckBox(FollowUpDialog)
        self.renewedConflict.setObjectName(u"renewedConflict")

        self.formLayout.addWidget(self.renewedConflict, 4, 1, 1, 1)

        self.visitorLabel = QLabel(FollowUpDialog)
        self.visitorLabel.setObjectName(u"visitorLabel")

        self.formLayout.addWidget(self.visitorLabel, 5, 0, 1, 1)

        self.visitor = QLineEdit(FollowUpDialog)
        self.visitor.setObjectName(u"visitor")
        self.visitor.setMaxLength(32)

        self.formLayout.addWidget(self.visitor, 5, 1, 1, 1)

        self.visitorError = QLabel(FollowUpDialog)
        self.visitorError.setObjectName(u"visitorError")
        self.visitorError.setStyleSheet(u"color: #b00020;")
        self.visitorError.setWordWrap(True)

        self.formLayout.addWidget(self.visitorError, 6, 1, 1, 1)

        self.notesLabel = QLabel(FollowUpDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.addWidget(self.notesLabel, 7, 0, 1, 1)

        self.notes = QPlainTextEdit(FollowUpDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.formLayout.addWidget(self.notes, 7, 1, 1, 1)

        self.notesError = QLabel(FollowUpDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setStyleSheet(u"color: #b00020;")
        self.notesError.setWordWrap(True)

        self.formLayout.addWidget(self.notesError, 8, 1, 1, 1)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(FollowUpDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(FollowUpDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.performanceStatusLabel.setBuddy(self.performanceStatus)
        self.satisfactionLabel.setBuddy(self.satisfaction)
        self.visitorLabel.setBuddy(self.visitor)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.performanceStatus, self.satisfaction)
        QWidget.setTabOrder(self.satisfaction, self.renewedConflict)
        QWidget.setTabOrder(self.renewedConflict, self.visitor)
        QWidget.setTabOrder(self.visitor, self.notes)
        QWidget.setTabOrder(self.notes, self.buttonBox)

        self.retranslateUi(FollowUpDialog)

        QMetaObject.connectSlotsByName(FollowUpDialog)
    # setupUi

    def retranslateUi(self, FollowUpDialog):
        FollowUpDialog.setWindowTitle(QCoreApplication.translate("FollowUpDialog", u"\u56de\u8bbf\u8bb0\u5f55", None))
        self.performanceStatusLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u5c65\u884c\u60c5\u51b5(&P)\uff1a", None))
        self.satisfactionLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u6ee1\u610f\u5ea6(&S)\uff1a", None))
        self.renewedConflict.setText(QCoreApplication.translate("FollowUpDialog", u"\u53d1\u73b0\u77db\u76fe\u6709\u53cd\u590d\u7684\u8ff9\u8c61(&F)", None))
        self.visitorLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u56de\u8bbf\u4eba(&V)\uff1a", None))
        self.notesLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u56de\u8bbf\u60c5\u51b5(&N)\uff1a", None))
    # retranslateUi

