# Generated from ui/forgot_password_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'forgot_password_dialog.ui'
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

class Ui_ForgotPasswordDialog(object):
    def setupUi(self, ForgotPasswordDialog):
        if not ForgotPasswordDialog.objectName():
            ForgotPasswordDialog.setObjectName(u"ForgotPasswordDialog")
        ForgotPasswordDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(ForgotPasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.adminWayLabel = QLabel(ForgotPasswordDialog)
        self.adminWayLabel.setObjectName(u"adminWayLabel")
        self.adminWayLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.adminWayLabel)

        self.recoveryWayLabel = QLabel(ForgotPasswordDialog)
        self.recoveryWayLabel.setObjectName(u"recoveryWayLabel")
        self.recoveryWayLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.recoveryWayLabel)

        self.fieldGrid = QGridLayout()
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.usernameLabel = QLabel(ForgotPasswordDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fieldGrid.addWidget(self.usernameLabel, 0, 0, 1, 1)

        self.usernameEdit = QLineEdit(ForgotPasswordDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.usernameEdit, 0, 1, 1, 1)

        self.usernameError = QLabel(ForgotPasswordDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setStyleSheet(u"color: #b00020;")
        self.usernameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.usernameError, 1, 1, 1, 1)

        self.recoveryKeyLabel = QLabel(ForgotPasswordDialog)
        self.recoveryKeyLabel.setObjectName(u"recoveryKeyLabel")

        self.fieldGrid.addWidget(self.recoveryKeyLabel, 2, 0, 1, 1)

        self.recoveryKeyEdit = QLineEdit(ForgotPasswordDialog)
        self.recoveryKeyEdit.setObjectName(u"recoveryKeyEdit")
        self.recoveryKeyEdit.setMaxLength(80)

        self.fieldGrid.addWidget(self.recoveryKeyEdit, 2, 1, 1, 1)

        self.recoveryKeyError = QLabel(ForgotPasswordDialog)
        self.recoveryKeyError.setObjectName(u"recoveryKeyError")
        self.recoveryKeyError.setStyleSheet(u"color: #b00020;")
        self.recoveryKeyError.setWordWrap(True)

        self.fieldGrid.addWidget(self.recoveryKeyError, 3, 1, 1, 1)

        self.newPasswordLabel = QLabel(ForgotPasswordDialog)
        self.newPasswordLabel.setObjectName(u"newPasswordLabel")

        self.fieldGrid.addWidget(self.newPasswordLabel, 4, 0, 1, 1)

        self.newPasswordEdit = QLineEdit(ForgotPasswordDialog)
        self.newPasswordEdit.setObjectName(u"newPasswordEdit")
        self.newPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.newPasswordEdit, 4, 1, 1, 1)

        self.newPasswordError = QLabel(ForgotPasswordDialog)
        self.newPasswordError.setObjectName(u"newPasswordError")
        self.newPasswordError.setStyleSheet(u"color: #b00020;")
        self.newPasswordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.newPasswordError, 5, 1, 1, 1)

        self.passwordAgainLabel = QLabel(ForgotPasswordDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.fieldGrid.addWidget(self.passwordAgainLabel, 6, 0, 1, 1)

        self.passwordAgainEdit = QLineEdit(ForgotPasswordDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordAgainEdit, 6, 1, 1, 1)

        self.passwordAgainError = QLabel(ForgotPasswordDialog)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setStyleSheet(u"color: #b00020;")
        self.passwordAgainError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordAgainError, 7, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldGrid)

        self.messageLabel = QLabel(ForgotPasswordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ForgotPasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.recoveryKeyLabel.setBuddy(self.recoveryKeyEdit)
        self.newPasswordLabel.setBuddy(self.newPasswordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.recoveryKeyEdit)
        QWidget.setTabOrder(self.recoveryKeyEdit, self.newPasswordEdit)
        QWidget.setTabOrder(self.newPasswordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.buttonBox)

        self.retranslateUi(ForgotPasswordDialog)

        QMetaObject.connectSlotsByName(ForgotPasswordDialog)
    # setupUi

    def retranslateUi(self, ForgotPasswordDialog):
        ForgotPasswordDialog.setWindowTitle(QCoreApplication.translate("ForgotPasswordDialog", u"\u5fd8\u8bb0\u5bc6\u7801", None))
        self.adminWayLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u6700\u7b80\u5355\u7684\u529e\u6cd5\uff1a\u8bf7\u4e3b\u4efb\u767b\u5f55\u540e\uff0c\u5728\u300c\u64cd\u4f5c\u5458\u300d\u9875\u4e3a\u60a8\u91cd\u8bbe\u5bc6\u7801\uff08\u8d26\u53f7\u88ab\u9501\u5b9a\u65f6\u4e5f\u53ef\u4ee5\u5728\u90a3\u91cc\u89e3\u9664\u9501\u5b9a\uff09\u3002", None))
        self.recoveryWayLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u5982\u679c\u4e3b\u4efb\u4e5f\u65e0\u6cd5\u767b\u5f55\uff0c\u53ef\u4ee5\u7528\u8bbe\u7f6e\u65f6\u6253\u5370\u7684\u6062\u590d\u5bc6\u94a5\uff0c\u4e3a\u4efb\u4e00\u8d26\u53f7\u8bbe\u4e00\u4e2a\u65b0\u5bc6\u7801\u5e76\u767b\u5f55\uff1a", None))
        self.usernameLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.recoveryKeyLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u6062\u590d\u5bc6\u94a5(&K)\uff1a", None))
        self.recoveryKeyEdit.setPlaceholderText(QCoreApplication.translate("ForgotPasswordDialog", u"\u5982 ABCD-EFGH-\u2026\u2026\uff0c\u5171 8 \u7ec4", None))
        self.newPasswordLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u65b0\u5bc6\u7801(&N)\uff1a", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("ForgotPasswordDialog", u"\u518d\u8f93\u4e00\u6b21\u65b0\u5bc6\u7801(&A)\uff1a", None))
    # retranslateUi

