# Generated from ui/signatures_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signatures_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_SignaturesDialog(object):
    def setupUi(self, SignaturesDialog):
        if not SignaturesDialog.objectName():
            SignaturesDialog.setObjectName(u"SignaturesDialog")
        SignaturesDialog.resize(520, 280)
        self.mainLayout = QVBoxLayout(SignaturesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(SignaturesDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.noteLabel = QLabel(SignaturesDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.signedOnLabel = QLabel(SignaturesDialog)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.formLayout.addWidget(self.signedOnLabel, 0, 0, 1, 1)

        self.signedOn = QDateEdit(SignaturesDialog)
        self.signedOn.setObjectName(u"signedOn")
        self.signedOn.setCalendarPopup(True)
        self.signedOn.setDisplayFormat(u"yyyy-MM-dd")

        self.formLayout.addWidget(self.signedOn, 0, 1, 1, 1)

        self.signedOnError = QLabel(SignaturesDialog)
        self.signedOnError.setObjectName(u"signedOnError")
        self.signedOnError.setStyleSheet(u"color: #b00020;")
        self.signedOnError.setWordWrap(True)

        self.formLayout.addWidget(self.signedOnError, 1, 1, 1, 1)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(SignaturesDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SignaturesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.signedOnLabel.setBuddy(self.signedOn)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.signedOn, self.buttonBox)

        self.retranslateUi(SignaturesDialog)

        QMetaObject.connectSlotsByName(SignaturesDialog)
    # setupUi

    def retranslateUi(self, SignaturesDialog):
        SignaturesDialog.setWindowTitle(QCoreApplication.translate("SignaturesDialog", u"\u786e\u8ba4\u7b7e\u5b57", None))
        self.noteLabel.setText(QCoreApplication.translate("SignaturesDialog", u"\u8bf7\u6838\u5bf9\u7eb8\u8d28\u534f\u8bae\u4e66\u4e0a\u5df2\u6709\uff1a\u5404\u65b9\u5f53\u4e8b\u4eba\u7b7e\u540d\u3001\u76d6\u7ae0\u6216\u6309\u6307\u5370\uff0c\u8c03\u89e3\u5458\u7b7e\u540d\uff0c\u8c03\u89e3\u59d4\u5458\u4f1a\u5370\u7ae0\u3002\u786e\u8ba4\u540e\u534f\u8bae\u751f\u6548\uff08\u4eba\u6c11\u8c03\u89e3\u6cd5\u7b2c\u4e8c\u5341\u4e5d\u6761\uff09\uff0c\u53f8\u6cd5\u786e\u8ba4\u7684 30 \u65e5\u671f\u9650\u4ece\u751f\u6548\u4e4b\u65e5\u8d77\u7b97\u3002", None))
        self.signedOnLabel.setText(QCoreApplication.translate("SignaturesDialog", u"\u7b7e\u5b57\u65e5\u671f(&D)\uff1a", None))
    # retranslateUi

