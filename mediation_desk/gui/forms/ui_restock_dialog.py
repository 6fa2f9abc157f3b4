# Generated from ui/restock_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restock_dialog.ui'
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
    QSpinBox, QVBoxLayout, QWidget)

class Ui_RestockDialog(object):
    def setupUi(self, RestockDialog):
        if not RestockDialog.objectName():
            RestockDialog.setObjectName(u"RestockDialog")
        RestockDialog.resize(480, 280)
        self.mainLayout = QVBoxLayout(RestockDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.giftLabel = QLabel(RestockDialog)
        self.giftLabel.setObjectName(u"giftLabel")
        self.giftLabel.setStyleSheet(u"font-weight: bold;")
        self.giftLabel.setWordWrap(True)
        self.giftLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.giftLabel)

        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.quantityLabel = QLabel(RestockDialog)
        self.quantityLabel.setObjectName(u"quantityLabel")

        self.fieldsGrid.addWidget(self.quantityLabel, 0, 0, 1, 1)

        self.quantity = QSpinBox(RestockDialog)
        self.quantity.setObjectName(u"quantity")
        self.quantity.setMinimum(-100000)
        self.quantity.setMaximum(100000)

        self.fieldsGrid.addWidget(self.quantity, 0, 1, 1, 1)

        self.quantityError = QLabel(RestockDialog)
        self.quantityError.setObjectName(u"quantityError")
        self.quantityError.setStyleSheet(u"color: #b00020;")
        self.quantityError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.quantityError, 1, 1, 1, 1)

        self.reasonLabel = QLabel(RestockDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsGrid.addWidget(self.reasonLabel, 2, 0, 1, 1)

        self.reason = QLineEdit(RestockDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(200)

        self.fieldsGrid.addWidget(self.reason, 2, 1, 1, 1)

        self.reasonError = QLabel(RestockDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #b00020;")
        self.reasonError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.reasonError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(RestockDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(RestockDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.quantityLabel.setBuddy(self.quantity)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.quantity, self.reason)
        QWidget.setTabOrder(self.reason, self.buttonBox)

        self.retranslateUi(RestockDialog)

        QMetaObject.connectSlotsByName(RestockDialog)
    # setupUi

    def retranslateUi(self, RestockDialog):
        RestockDialog.setWindowTitle(QCoreApplication.translate("RestockDialog", u"\u5165\u5e93\u6216\u62a5\u635f", None))
        self.quantityLabel.setText(QCoreApplication.translate("RestockDialog", u"\u6570\u91cf(&Q)\uff1a", None))
        self.quantity.setSuffix(QCoreApplication.translate("RestockDialog", u" \u4ef6", None))
#if QT_CONFIG(tooltip)
        self.quantity.setToolTip(QCoreApplication.translate("RestockDialog", u"\u6b63\u6570\u4e3a\u5165\u5e93\uff1b\u8d1f\u6570\u4e3a\u62a5\u635f\u51fa\u5e93\uff08\u635f\u574f\u3001\u8fc7\u671f\u3001\u9057\u5931\uff09\uff0c\u4e0d\u80fd\u8d85\u8fc7\u73b0\u6709\u5e93\u5b58", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("RestockDialog", u"\u539f\u56e0(&R)\uff1a", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("RestockDialog", u"\u5982\uff1a\u9547\u91cc\u914d\u9001\u7b2c\u4e8c\u6279\uff1b\u5305\u88c5\u7834\u635f\u62a5\u635f", None))
    # retranslateUi

