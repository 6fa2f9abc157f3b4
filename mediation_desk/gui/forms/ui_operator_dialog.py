# Generated from ui/operator_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'operator_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OperatorDialog(object):
    def setupUi(self, OperatorDialog):
        if not OperatorDialog.objectName():
            OperatorDialog.setObjectName(u"OperatorDialog")
        OperatorDialog.resize(520, 480)
        self.mainLayout = QVBoxLayout(OperatorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fieldGrid = QGridLayout()
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.usernameLabel = QLabel(OperatorDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fieldGrid.addWidget(self.usernameLabel, 0, 0, 1, 1)

        self.usernameEdit = QLineEdit(OperatorDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.usernameEdit, 0, 1, 1, 1)

        self.usernameError = QLabel(OperatorDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setStyleSheet(u"color: #b00020;")
        self.usernameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.usernameError, 1, 1, 1, 1)

        self.displayNameLabel = QLabel(OperatorDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.fieldGrid.addWidget(self.displayNameLabel, 2, 0, 1, 1)

        self.displayNameEdit = QLineEdit(OperatorDialog)
        self.displayNameEdit.setObjectName(u"displayNameEdit")
        self.displayNameEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.displayNameEdit, 2, 1, 1, 1)

        self.displayNameError = QLabel(OperatorDialog)
        self.displayNameError.setObjectName(u"displayNameError")
        self.displayNameError.setStyleSheet(u"color: #b00020;")
        self.displayNameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.displayNameError, 3, 1, 1, 1)

        self.roleLabel = QLabel(OperatorDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.fieldGrid.addWidget(self.roleLabel, 4, 0, 1, 1)

        self.roleCombo = QComboBox(OperatorDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.fieldGrid.addWidget(self.roleCombo, 4, 1, 1, 1)

        self.roleError = QLabel(OperatorDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setStyleSheet(u"color: #b00020;")
        self.roleError.setWordWrap(True)

        self.fieldGrid.addWidget(self.roleError, 5, 1, 1, 1)

        self.mediatorLabel = QLabel(OperatorDialog)
        self.mediatorLabel.setObjectName(u"mediatorLabel")

        self.fieldGrid.addWidget(self.mediatorLabel, 6, 0, 1, 1)

        self.mediatorCombo = QComboBox(OperatorDialog)
        self.mediatorCombo.setObjectName(u"mediatorCombo")

        self.fieldGrid.addWidget(self.mediatorCombo, 6, 1, 1, 1)

        self.mediatorError = QLabel(OperatorDialog)
        self.mediatorError.setObjectName(u"mediatorError")
        self.mediatorError.setStyleSheet(u"color: #b00020;")
        self.mediatorError.setWordWrap(True)

        self.fieldGrid.addWidget(self.mediatorError, 7, 1, 1, 1)

        self.mediatorHint = QLabel(OperatorDialog)
        self.mediatorHint.setObjectName(u"mediatorHint")
        self.mediatorHint.setWordWrap(True)

        self.fieldGrid.addWidget(self.mediatorHint, 8, 1, 1, 1)

        self.passwordLabel = QLabel(OperatorDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fieldGrid.addWidget(self.passwordLabel, 9, 0, 1, 1)

        self.passwordEdit = QLineEdit(OperatorDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordEdit, 9, 1, 1, 1)

        self.passwordError = QLabel(OperatorDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setStyleSheet(u"color: #b00020;")
        self.passwordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordError, 10, 1, 1, 1)

        self.passwordAgainLabel = QLabel(OperatorDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.fieldGrid.addWidget(self.passwordAgainLabel, 11, 0, 1, 1)

        self.passwordAgainEdit = QLineEdit(OperatorDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldGrid.addWidget(self.passwordAgainEdit, 11, 1, 1, 1)

        self.passwordAgainError = QLabel(OperatorDialog)
        self.passwordAgainError.setObjectName(u"passwordAgainError")
        self.passwordAgainError.setStyleSheet(u"color: #b00020;")
        self.passwordAgainError.setWordWrap(True)

        self.fieldGrid.addWidget(self.passwordAgainError, 12, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldGrid)

        self.messageLabel = QLabel(OperatorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(OperatorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.mediatorLabel.setBuddy(self.mediatorCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.displayNameEdit)
        QWidget.setTabOrder(self.displayNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.mediatorCombo)
        QWidget.setTabOrder(self.mediatorCombo, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.buttonBox)

        self.retranslateUi(OperatorDialog)

        QMetaObject.connectSlotsByName(OperatorDialog)
    # setupUi

    def retranslateUi(self, OperatorDialog):
        OperatorDialog.setWindowTitle(QCoreApplication.translate("OperatorDialog", u"\u65b0\u589e\u64cd\u4f5c\u5458", None))
        self.usernameLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.displayNameLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u59d3\u540d(&M)\uff1a", None))
        self.roleLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u89d2\u8272(&R)\uff1a", None))
        self.mediatorLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u540d\u518c\u4e2d\u7684\u8c03\u89e3\u5458(&L)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("OperatorDialog", u"\u518d\u8f93\u4e00\u6b21\u5bc6\u7801(&A)\uff1a", None))
    # retranslateUi

