# Generated from ui/signatures_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signatures_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignaturesDialog(object):
    def setupUi(self, SignaturesDialog):
        if not SignaturesDialog.objectName():
            SignaturesDialog.setObjectName(u"SignaturesDialog")
        SignaturesDialog.resize(600, 520)
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

        self.paperRadio = QRadioButton(SignaturesDialog)
        self.paperRadio.setObjectName(u"paperRadio")
        self.paperRadio.setChecked(True)

        self.mainLayout.addWidget(self.paperRadio)

        self.scanRadio = QRadioButton(SignaturesDialog)
        self.scanRadio.setObjectName(u"scanRadio")

        self.mainLayout.addWidget(self.scanRadio)

        self.scanBox = QWidget(SignaturesDialog)
        self.scanBox.setObjectName(u"scanBox")
        self.scanLayout = QVBoxLayout(self.scanBox)
        self.scanLayout.setObjectName(u"scanLayout")
        self.scanLayout.setContentsMargins(24, 0, 0, 0)
        self.scanHint = QLabel(self.scanBox)
        self.scanHint.setObjectName(u"scanHint")
        self.scanHint.setWordWrap(True)

        self.scanLayout.addWidget(self.scanHint)

        self.scanList = QListWidget(self.scanBox)
        self.scanList.setObjectName(u"scanList")
        self.scanList.setMaximumSize(QSize(16777215, 120))

        self.scanLayout.addWidget(self.scanList)

        self.scanRow = QHBoxLayout()
        self.scanRow.setObjectName(u"scanRow")
        self.chooseScanButton = QPushButton(self.scanBox)
        self.chooseScanButton.setObjectName(u"chooseScanButton")

        self.scanRow.addWidget(self.chooseScanButton)

        self.removeScanButton = QPushButton(self.scanBox)
        self.removeScanButton.setObjectName(u"removeScanButton")

        self.scanRow.addWidget(self.removeScanButton)

        self.scanSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scanRow.addItem(self.scanSpacer)


        self.scanLayout.addLayout(self.scanRow)

        self.scanError = QLabel(self.scanBox)
        self.scanError.setObjectName(u"scanError")
        self.scanError.setStyleSheet(u"color: #b00020;")
        self.scanError.setWordWrap(True)

        self.scanLayout.addWidget(self.scanError)


        self.mainLayout.addWidget(self.scanBox)

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
        QWidget.setTabOrder(self.paperRadio, self.scanRadio)
        QWidget.setTabOrder(self.scanRadio, self.scanList)
        QWidget.setTabOrder(self.scanList, self.chooseScanButton)
        QWidget.setTabOrder(self.chooseScanButton, self.removeScanButton)
        QWidget.setTabOrder(self.removeScanButton, self.signedOn)
        QWidget.setTabOrder(self.signedOn, self.buttonBox)

        self.retranslateUi(SignaturesDialog)

        QMetaObject.connectSlotsByName(SignaturesDialog)
    # setupUi

    def retranslateUi(self, SignaturesDialog):
        SignaturesDialog.setWindowTitle(QCoreApplication.translate("SignaturesDialog", u"\u786e\u8ba4\u7b7e\u5b57", None))
        self.noteLabel.setText(QCoreApplication.translate("SignaturesDialog", u"\u8bf7\u6838\u5bf9\u7eb8\u8d28\u534f\u8bae\u4e66\u4e0a\u5df2\u6709\uff1a\u5404\u65b9\u5f53\u4e8b\u4eba\u7b7e\u540d\u3001\u76d6\u7ae0\u6216\u6309\u6307\u5370\uff0c\u8c03\u89e3\u5458\u7b7e\u540d\uff0c\u8c03\u89e3\u59d4\u5458\u4f1a\u5370\u7ae0\u3002\u786e\u8ba4\u540e\u534f\u8bae\u751f\u6548\uff08\u4eba\u6c11\u8c03\u89e3\u6cd5\u7b2c\u4e8c\u5341\u4e5d\u6761\uff09\uff0c\u53f8\u6cd5\u786e\u8ba4\u7684 30 \u65e5\u671f\u9650\u4ece\u751f\u6548\u4e4b\u65e5\u8d77\u7b97\u3002", None))
        self.paperRadio.setText(QCoreApplication.translate("SignaturesDialog", u"\u5df2\u5f53\u9762\u6838\u5bf9\u7eb8\u8d28\u534f\u8bae\u4e66\u4e0a\u7684\u5168\u90e8\u7b7e\u540d\u3001\u6307\u5370\u548c\u5370\u7ae0(&P)", None))
        self.scanRadio.setText(QCoreApplication.translate("SignaturesDialog", u"\u9644\u4e0a\u5df2\u7b7e\u5b57\u534f\u8bae\u4e66\u7684\u626b\u63cf\u4ef6\u6216\u7167\u7247(&S)", None))
        self.scanHint.setText(QCoreApplication.translate("SignaturesDialog", u"\u628a\u626b\u63cf\u4ef6\u6216\u7167\u7247\u62d6\u5230\u672c\u7a97\u53e3\uff0c\u6216\u6309\u300c\u9009\u62e9\u6587\u4ef6\u300d\uff1b\u6bcf\u9875\u4e00\u5f20\u7167\u7247\u4e5f\u53ef\u4ee5\u3002\u6587\u4ef6\u52a0\u5bc6\u4fdd\u5b58\u4e3a\u672c\u6848\u9644\u4ef6\uff08\u7b7e\u5b57\u626b\u63cf\u4ef6\uff09\u3002", None))
        self.chooseScanButton.setText(QCoreApplication.translate("SignaturesDialog", u"\u9009\u62e9\u6587\u4ef6(&F)\u2026", None))
        self.removeScanButton.setText(QCoreApplication.translate("SignaturesDialog", u"\u79fb\u9664\u6240\u9009(&R)", None))
        self.signedOnLabel.setText(QCoreApplication.translate("SignaturesDialog", u"\u7b7e\u5b57\u65e5\u671f(&D)\uff1a", None))
    # retranslateUi

