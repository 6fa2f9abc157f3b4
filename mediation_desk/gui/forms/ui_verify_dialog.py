# Generated from ui/verify_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verify_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_VerifyDialog(object):
    def setupUi(self, VerifyDialog):
        if not VerifyDialog.objectName():
            VerifyDialog.setObjectName(u"VerifyDialog")
        VerifyDialog.resize(760, 520)
        self.mainLayout = QVBoxLayout(VerifyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.promptLabel = QLabel(VerifyDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.promptLabel)

        self.payloadRow = QHBoxLayout()
        self.payloadRow.setObjectName(u"payloadRow")
        self.payloadLabel = QLabel(VerifyDialog)
        self.payloadLabel.setObjectName(u"payloadLabel")

        self.payloadRow.addWidget(self.payloadLabel)

        self.payload = QLineEdit(VerifyDialog)
        self.payload.setObjectName(u"payload")
        self.payload.setMaxLength(1000)
        self.payload.setClearButtonEnabled(True)

        self.payloadRow.addWidget(self.payload)

        self.verifyButton = QPushButton(VerifyDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.payloadRow.addWidget(self.verifyButton)


        self.mainLayout.addLayout(self.payloadRow)

        self.busyBar = QProgressBar(VerifyDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximum(0)

        self.mainLayout.addWidget(self.busyBar)

        self.statusLabel = QLabel(VerifyDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setMinimumSize(QSize(0, 70))

        self.mainLayout.addWidget(self.statusLabel)

        self.messageLabel = QLabel(VerifyDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.mainLayout.addWidget(self.messageLabel)

        self.detailsLabel = QLabel(VerifyDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(VerifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.payloadLabel.setBuddy(self.payload)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.payload, self.verifyButton)

        self.retranslateUi(VerifyDialog)

        self.verifyButton.setDefault(True)


        QMetaObject.connectSlotsByName(VerifyDialog)
    # setupUi

    def retranslateUi(self, VerifyDialog):
        VerifyDialog.setWindowTitle(QCoreApplication.translate("VerifyDialog", u"\u6838\u9a8c\u534f\u8bae\u4e66", None))
        self.promptLabel.setText(QCoreApplication.translate("VerifyDialog", u"\u7528\u626b\u7801\u67aa\u626b\u63cf\u534f\u8bae\u4e66\u4e0a\u7684\u4e8c\u7ef4\u7801\uff0c\u6216\u7167\u4e8c\u7ef4\u7801\u4e0b\u65b9\u7684\u6587\u5b57\u8f93\u5165\u6821\u9a8c\u7801\uff0c\u518d\u6309\u56de\u8f66\u6216\u300c\u6838\u9a8c\u300d\u3002\u6838\u9a8c\u770b\u534f\u8bae\u4e66\u4e0e\u672c\u673a\u767b\u8bb0\u7684\u5185\u5bb9\u662f\u5426\u4e00\u81f4\u3002", None))
        self.payloadLabel.setText(QCoreApplication.translate("VerifyDialog", u"\u6821\u9a8c\u7801(&C)\uff1a", None))
        self.payload.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"MDA1|\u59d4\u5458\u4f1a\u4ee3\u7801|\u534f\u8bae\u4e66\u7f16\u53f7|\u6821\u9a8c\u503c", None))
        self.verifyButton.setText(QCoreApplication.translate("VerifyDialog", u"\u6838\u9a8c(&V)", None))
    # retranslateUi

