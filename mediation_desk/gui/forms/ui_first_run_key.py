# Generated from ui/first_run_key.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_key.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_KeyPage(object):
    def setupUi(self, KeyPage):
        if not KeyPage.objectName():
            KeyPage.setObjectName(u"KeyPage")
        KeyPage.resize(520, 400)
        self.mainLayout = QVBoxLayout(KeyPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.backendLabel = QLabel(KeyPage)
        self.backendLabel.setObjectName(u"backendLabel")
        self.backendLabel.setWordWrap(True)
        self.backendLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.backendLabel)

        self.keepButton = QRadioButton(KeyPage)
        self.keepButton.setObjectName(u"keepButton")

        self.mainLayout.addWidget(self.keepButton)

        self.keepHint = QLabel(KeyPage)
        self.keepHint.setObjectName(u"keepHint")
        self.keepHint.setWordWrap(True)
        self.keepHint.setIndent(24)

        self.mainLayout.addWidget(self.keepHint)

        self.askButton = QRadioButton(KeyPage)
        self.askButton.setObjectName(u"askButton")

        self.mainLayout.addWidget(self.askButton)

        self.askHint = QLabel(KeyPage)
        self.askHint.setObjectName(u"askHint")
        self.askHint.setWordWrap(True)
        self.askHint.setIndent(24)

        self.mainLayout.addWidget(self.askHint)

        self.windowNote = QLabel(KeyPage)
        self.windowNote.setObjectName(u"windowNote")
        self.windowNote.setWordWrap(True)

        self.mainLayout.addWidget(self.windowNote)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        QWidget.setTabOrder(self.keepButton, self.askButton)

        self.retranslateUi(KeyPage)

        QMetaObject.connectSlotsByName(KeyPage)
    # setupUi

    def retranslateUi(self, KeyPage):
        KeyPage.setTitle(QCoreApplication.translate("KeyPage", u"\u6570\u636e\u5bc6\u94a5\u653e\u5728\u54ea\u91cc", None))
        KeyPage.setSubTitle(QCoreApplication.translate("KeyPage", u"\u5f53\u4e8b\u4eba\u7684\u8eab\u4efd\u8bc1\u53f7\u3001\u7535\u8bdd\u548c\u5730\u5740\u90fd\u7528\u4e00\u628a\u6570\u636e\u5bc6\u94a5\u52a0\u5bc6\u3002\u8bf7\u9009\u62e9\u662f\u5426\u628a\u8fd9\u628a\u5bc6\u94a5\u5b58\u5165\u672c\u673a\u7684\u7cfb\u7edf\u94a5\u5319\u4e32\u3002", None))
        self.keepButton.setText(QCoreApplication.translate("KeyPage", u"\u5b58\u5165\u7cfb\u7edf\u94a5\u5319\u4e32(&K)", None))
        self.keepHint.setText(QCoreApplication.translate("KeyPage", u"\u5728\u8fd9\u53f0\u7535\u8111\u4e0a\u7528\u540c\u4e00\u4e2a\u7cfb\u7edf\u8d26\u53f7\u4f7f\u7528\u547d\u4ee4\u884c\uff08mediation-desk\uff09\u65f6\uff0c\u4e0d\u5fc5\u8f93\u5165\u5bc6\u7801\u5c31\u80fd\u6253\u5f00\u4e2a\u4eba\u4fe1\u606f\u3002", None))
        self.askButton.setText(QCoreApplication.translate("KeyPage", u"\u4e0d\u5b58\u5165\uff0c\u6bcf\u6b21\u90fd\u8f93\u5165\u5bc6\u7801(&D)", None))
        self.askHint.setText(QCoreApplication.translate("KeyPage", u"\u66f4\u5b89\u5168\uff1a\u522b\u4eba\u5373\u4f7f\u7528\u8fd9\u53f0\u7535\u8111\u7684\u540c\u4e00\u4e2a\u7cfb\u7edf\u8d26\u53f7\uff0c\u6ca1\u6709\u5bc6\u7801\u4e5f\u6253\u4e0d\u5f00\u4e2a\u4eba\u4fe1\u606f\u3002\u547d\u4ee4\u884c\u6bcf\u6b21\u90fd\u8981\u8f93\u5165\u5bc6\u7801\u3002", None))
        self.windowNote.setText(QCoreApplication.translate("KeyPage", u"\u65e0\u8bba\u600e\u6837\u9009\u62e9\uff0c\u6253\u5f00\u5de5\u4f5c\u53f0\u7a97\u53e3\u90fd\u8981\u7528\u7528\u6237\u540d\u548c\u5bc6\u7801\u767b\u5f55\uff1b\u5bc6\u94a5\u548c\u5bc6\u7801\u90fd\u4e0d\u4f1a\u5199\u8fdb\u4efb\u4f55\u6587\u4ef6\u3002", None))
    # retranslateUi

