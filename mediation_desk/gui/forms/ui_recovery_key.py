# Generated from ui/recovery_key.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_key.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_RecoveryKeyDialog(object):
    def setupUi(self, RecoveryKeyDialog):
        if not RecoveryKeyDialog.objectName():
            RecoveryKeyDialog.setObjectName(u"RecoveryKeyDialog")
        RecoveryKeyDialog.resize(580, 380)
        self.mainLayout = QVBoxLayout(RecoveryKeyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(RecoveryKeyDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.explanationLabel = QLabel(RecoveryKeyDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.storageLabel = QLabel(RecoveryKeyDialog)
        self.storageLabel.setObjectName(u"storageLabel")
        self.storageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.storageLabel)

        self.keyLabel = QLabel(RecoveryKeyDialog)
        self.keyLabel.setObjectName(u"keyLabel")
        self.keyLabel.setStyleSheet(u"font-family: monospace; padding: 12px; border: 1px solid #666;")
        self.keyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.keyLabel)

        self.messageLabel = QLabel(RecoveryKeyDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.confirmCheck = QCheckBox(RecoveryKeyDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(RecoveryKeyDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.copyButton = QPushButton(RecoveryKeyDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.doneButton = QPushButton(RecoveryKeyDialog)
        self.doneButton.setObjectName(u"doneButton")
        self.doneButton.setEnabled(False)

        self.buttonLayout.addWidget(self.doneButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(RecoveryKeyDialog)
        self.confirmCheck.toggled.connect(self.doneButton.setEnabled)
        self.doneButton.clicked.connect(RecoveryKeyDialog.accept)

        QMetaObject.connectSlotsByName(RecoveryKeyDialog)
    # setupUi

    def retranslateUi(self, RecoveryKeyDialog):
        RecoveryKeyDialog.setWindowTitle(QCoreApplication.translate("RecoveryKeyDialog", u"\u6062\u590d\u5bc6\u94a5", None))
        self.headingLabel.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u8bf7\u6253\u5370\u6216\u6284\u4e0b\u8fd9\u628a\u6062\u590d\u5bc6\u94a5\uff0c\u9501\u597d\u4fdd\u7ba1", None))
        self.explanationLabel.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u5982\u679c\u6240\u6709\u64cd\u4f5c\u5458\u90fd\u5fd8\u4e86\u5bc6\u7801\uff0c\u53ea\u6709\u8fd9\u628a\u6062\u590d\u5bc6\u94a5\u80fd\u627e\u56de\u52a0\u5bc6\u7684\u8d44\u6599\u3002\u5b83\u53ea\u663e\u793a\u8fd9\u4e00\u6b21\uff0c\u4ee5\u540e\u65e0\u6cd5\u518d\u67e5\u770b\u3002\u4e0d\u8981\u5b58\u653e\u5728\u8fd9\u53f0\u7535\u8111\u4e0a\u3002", None))
        self.confirmCheck.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u6211\u5df2\u6253\u5370\u6216\u6284\u4e0b\u6062\u590d\u5bc6\u94a5\uff0c\u5e76\u4f1a\u59a5\u5584\u4fdd\u7ba1(&K)", None))
        self.printButton.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u6253\u5370(&P)\u2026", None))
        self.copyButton.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u590d\u5236(&C)", None))
        self.doneButton.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u5b8c\u6210", None))
    # retranslateUi

