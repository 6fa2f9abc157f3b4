# Generated from ui/documents_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'documents_dialog.ui'
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
    QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from mediation_desk.gui.pdf_preview import PdfPreview

class Ui_DocumentsDialog(object):
    def setupUi(self, DocumentsDialog):
        if not DocumentsDialog.objectName():
            DocumentsDialog.setObjectName(u"DocumentsDialog")
        DocumentsDialog.resize(1180, 820)
        self.mainLayout = QVBoxLayout(DocumentsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(DocumentsDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-weight: bold;")
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.headingLabel)

        self.bodyRow = QHBoxLayout()
        self.bodyRow.setObjectName(u"bodyRow")
        self.sidePanel = QWidget(DocumentsDialog)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sidePanel.setMinimumSize(QSize(340, 0))
        self.sidePanel.setMaximumSize(QSize(400, 16777215))
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.kindsLabel = QLabel(self.sidePanel)
        self.kindsLabel.setObjectName(u"kindsLabel")

        self.sideLayout.addWidget(self.kindsLabel)

        self.kindsList = QListWidget(self.sidePanel)
        self.kindsList.setObjectName(u"kindsList")
        self.kindsList.setWordWrap(True)

        self.sideLayout.addWidget(self.kindsList)

        self.kindNote = QLabel(self.sidePanel)
        self.kindNote.setObjectName(u"kindNote")
        self.kindNote.setWordWrap(True)
        self.kindNote.setTextFormat(Qt.TextFormat.PlainText)

        self.sideLayout.addWidget(self.kindNote)

        self.reasonLabel = QLabel(self.sidePanel)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.sideLayout.addWidget(self.reasonLabel)

        self.reason = QComboBox(self.sidePanel)
        self.reason.setObjectName(u"reason")
        self.reason.setEditable(True)

        self.sideLayout.addWidget(self.reason)

        self.reasonError = QLabel(self.sidePanel)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #b00020;")
        self.reasonError.setWordWrap(True)

        self.sideLayout.addWidget(self.reasonError)

        self.generateButton = QPushButton(self.sidePanel)
        self.generateButton.setObjectName(u"generateButton")

        self.sideLayout.addWidget(self.generateButton)

        self.busyBar = QProgressBar(self.sidePanel)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximum(0)

        self.sideLayout.addWidget(self.busyBar)

        self.messageLabel = QLabel(self.sidePanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sideLayout.addWidget(self.messageLabel)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.printButton = QPushButton(self.sidePanel)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(self.sidePanel)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.saveButton)

        self.signButton = QPushButton(self.sidePanel)
        self.signButton.setObjectName(u"signButton")
        self.signButton.setAutoDefault(False)

        self.sideLayout.addWidget(self.signButton)


        self.bodyRow.addWidget(self.sidePanel)

        self.preview = PdfPreview(DocumentsDialog)
        self.preview.setObjectName(u"preview")

        self.bodyRow.addWidget(self.preview)

        self.bodyRow.setStretch(1, 1)

        self.mainLayout.addLayout(self.bodyRow)

        self.buttonBox = QDialogButtonBox(DocumentsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.kindsLabel.setBuddy(self.kindsList)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindsList, self.reason)
        QWidget.setTabOrder(self.reason, self.generateButton)
        QWidget.setTabOrder(self.generateButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.signButton)
        QWidget.setTabOrder(self.signButton, self.preview)

        self.retranslateUi(DocumentsDialog)

        self.generateButton.setDefault(True)


        QMetaObject.connectSlotsByName(DocumentsDialog)
    # setupUi

    def retranslateUi(self, DocumentsDialog):
        DocumentsDialog.setWindowTitle(QCoreApplication.translate("DocumentsDialog", u"\u6587\u4e66", None))
        self.kindsLabel.setText(QCoreApplication.translate("DocumentsDialog", u"\u6587\u4e66\u79cd\u7c7b(&K)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("DocumentsDialog", u"\u751f\u6210\u7406\u7531(&R)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.reason.setToolTip(QCoreApplication.translate("DocumentsDialog", u"\u6587\u4e66\u5370\u6709\u5f53\u4e8b\u4eba\u5b8c\u6574\u7684\u8bc1\u4ef6\u53f7\u7801\uff0c\u751f\u6210\u987b\u8bf4\u660e\u7406\u7531\uff0c\u7406\u7531\u8bb0\u5165\u5ba1\u8ba1\u65e5\u5fd7", None))
#endif // QT_CONFIG(tooltip)
        self.generateButton.setText(QCoreApplication.translate("DocumentsDialog", u"\u751f\u6210(&G)", None))
        self.printButton.setText(QCoreApplication.translate("DocumentsDialog", u"\u6253\u5370(&P)\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("DocumentsDialog", u"\u53e6\u5b58\u4e3a PDF(&S)\u2026", None))
        self.signButton.setText(QCoreApplication.translate("DocumentsDialog", u"\u767b\u8bb0\u7b7e\u5b57(&Q)\u2026", None))
#if QT_CONFIG(tooltip)
        self.signButton.setToolTip(QCoreApplication.translate("DocumentsDialog", u"\u5404\u65b9\u5f53\u4e8b\u4eba\u3001\u8c03\u89e3\u5458\u7b7e\u5b57\u5e76\u52a0\u76d6\u8c03\u89e3\u59d4\u5458\u4f1a\u5370\u7ae0\u540e\uff0c\u5728\u6b64\u767b\u8bb0\uff0c\u534f\u8bae\u751f\u6548\uff08\u4eba\u6c11\u8c03\u89e3\u6cd5\u7b2c\u4e8c\u5341\u4e5d\u6761\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

