# Generated from ui/pdf_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pdf_dialog.ui'
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
    QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from mediation_desk.gui.pdf_preview import PdfPreview

class Ui_PdfDialog(object):
    def setupUi(self, PdfDialog):
        if not PdfDialog.objectName():
            PdfDialog.setObjectName(u"PdfDialog")
        PdfDialog.resize(900, 660)
        self.mainLayout = QVBoxLayout(PdfDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(PdfDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-weight: bold;")
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.preview = PdfPreview(PdfDialog)
        self.preview.setObjectName(u"preview")

        self.mainLayout.addWidget(self.preview)

        self.busyBar = QProgressBar(PdfDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximum(0)

        self.mainLayout.addWidget(self.busyBar)

        self.messageLabel = QLabel(PdfDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.printButton = QPushButton(PdfDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonRow.addWidget(self.printButton)

        self.saveButton = QPushButton(PdfDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(PdfDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.buttonBox)

        self.retranslateUi(PdfDialog)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(PdfDialog)
    # setupUi

    def retranslateUi(self, PdfDialog):
        PdfDialog.setWindowTitle(QCoreApplication.translate("PdfDialog", u"\u9884\u89c8", None))
        self.printButton.setText(QCoreApplication.translate("PdfDialog", u"\u6253\u5370(&P)\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("PdfDialog", u"\u53e6\u5b58\u4e3a PDF(&S)\u2026", None))
    # retranslateUi

