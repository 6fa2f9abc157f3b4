# Generated from ui/first_run_admin.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_admin.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget, QWizardPage)

class Ui_AdminPage(object):
    def setupUi(self, AdminPage):
        if not AdminPage.objectName():
            AdminPage.setObjectName(u"AdminPage")
        AdminPage.resize(520, 360)
        self.fieldGrid = QGridLayout(AdminPage)
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.usernameLabel = QLabel(AdminPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fieldGrid.addWidget(self.usernameLabel, 0, 0, 1, 1)

        self.usernameEdit = QLineEdit(AdminPage)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.usernameEdit, 0, 1, 1, 1)

        self.usernameError = QLabel(AdminPage)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setStyleSheet(u"color: #b00020;")
        self.usernameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.usernameError, 1, 1, 1, 1)

        self.displayNameLabel = QLabel(AdminPage)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.fieldGrid.addWidget(self.displayNameLabel, 2, 0, 1, 1)

        self.displayNameEdit = QLineEdit(AdminPage)
        self.displayNameEdit.setObjectName(u"displayNameEdit")
        self.displayNameEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.displayNameEdit, 2, 1, 1, 1)

        self.displayNameError = QLabel(AdminPage)
        self.displayNameError.setObjectName(u"displayNameError")
        self.displayNameError.setStyleSheet(u"color: #b00020;")
        self.displayNameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.displayNameError, 3, 1, 1, 1)

        self.passwordLabel = QLabel(AdminPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fieldGrid.addWidget(self.passwordLabel, 4, 0, 1, 1)

        self.passwordEdit = QLineEdit(AdminPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordEdit, 4, 1, 1, 1)

        self.passwordError = QLabel(AdminPage)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setStyleSheet(u"color: #b00020;")
        self.passwordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordError, 5, 1, 1, 1)

        self.passwordAgainLabel = QLabel(AdminPage)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.fieldGrid.addWidget(self.passwordAgainLabel, 6, 0, 1, 1)

        self.passwordAgainEdit = QLineEdit(AdminPage)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordAgainEdit, 6, 1, 1, 1)

        self.passwordAgainError = QLabel(AdminPage)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setStyleSheet(u"color: #b00020;")
        self.passwordAgainError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordAgainError, 7, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AdminPage)

        QMetaObject.connectSlotsByName(AdminPage)
    # setupUi

    def retranslateUi(self, AdminPage):
        AdminPage.setTitle(QCoreApplication.translate("AdminPage", u"\u7b2c\u4e00\u4f4d\u4e3b\u4efb", None))
        AdminPage.setSubTitle(QCoreApplication.translate("AdminPage", u"\u4e3b\u4efb\u7684\u8d26\u53f7\u7528\u6765\u767b\u5f55\u5de5\u4f5c\u53f0\u3001\u6dfb\u52a0\u5176\u4ed6\u64cd\u4f5c\u5458\u3002\u5bc6\u7801\u81f3\u5c11 8 \u4f4d\uff0c\u8bf7\u8bb0\u7262\u3002", None))
        self.usernameLabel.setText(QCoreApplication.translate("AdminPage", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.displayNameLabel.setText(QCoreApplication.translate("AdminPage", u"\u59d3\u540d(&M)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("AdminPage", u"\u5bc6\u7801(&P)\uff1a", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("AdminPage", u"\u518d\u8f93\u4e00\u6b21\u5bc6\u7801(&A)\uff1a", None))
    # retranslateUi

