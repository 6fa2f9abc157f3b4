# Generated from ui/password_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(480, 360)
        self.mainLayout = QVBoxLayout(PasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PasswordDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldGrid = QGridLayout()
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.oldPasswordLabel = QLabel(PasswordDialog)
        self.oldPasswordLabel.setObjectName(u"oldPasswordLabel")

        self.fieldGrid.addWidget(self.oldPasswordLabel, 0, 0, 1, 1)

        self.oldPasswordEdit = QLineEdit(PasswordDialog)
        self.oldPasswordEdit.setObjectName(u"oldPasswordEdit")
        self.oldPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.oldPasswordEdit, 0, 1, 1, 1)

        self.oldPasswordError = QLabel(PasswordDialog)
        self.oldPasswordError.setObjectName(u"oldPasswordError")
        self.oldPasswordError.setStyleSheet(u"color: #b00020;")
        self.oldPasswordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.oldPasswordError, 1, 1, 1, 1)

        self.newPasswordLabel = QLabel(PasswordDialog)
        self.newPasswordLabel.setObjectName(u"newPasswordLabel")

        self.fieldGrid.addWidget(self.newPasswordLabel, 2, 0, 1, 1)

        self.newPasswordEdit = QLineEdit(PasswordDialog)
        self.newPasswordEdit.setObjectName(u"newPasswordEdit")
        self.newPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.newPasswordEdit, 2, 1, 1, 1)

        self.newPasswordError = QLabel(PasswordDialog)
        self.newPasswordError.setObjectName(u"newPasswordError")
        self.newPasswordError.setStyleSheet(u"color: #b00020;")
        self.newPasswordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.newPasswordError, 3, 1, 1, 1)

        self.passwordAgainLabel = QLabel(PasswordDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.fieldGrid.addWidget(self.passwordAgainLabel, 4, 0, 1, 1)

        self.passwordAgainEdit = QLineEdit(PasswordDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordAgainEdit, 4, 1, 1, 1)

        self.passwordAgainError = QLabel(PasswordDialog)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setStyleSheet(u"color: #b00020;")
        self.passwordAgainError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordAgainError, 5, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldGrid)

        self.messageLabel = QLabel(PasswordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldPasswordLabel.setBuddy(self.oldPasswordEdit)
        self.newPasswordLabel.setBuddy(self.newPasswordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.oldPasswordEdit, self.newPasswordEdit)
        QWidget.setTabOrder(self.newPasswordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.buttonBox)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"\u4fee\u6539\u5bc6\u7801", None))
        self.oldPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"\u539f\u5bc6\u7801(&O)\uff1a", None))
        self.newPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"\u65b0\u5bc6\u7801(&N)\uff1a", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("PasswordDialog", u"\u518d\u8f93\u4e00\u6b21\u65b0\u5bc6\u7801(&A)\uff1a", None))
    # retranslateUi

