# Generated from ui/gift_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'gift_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_GiftDialog(object):
    def setupUi(self, GiftDialog):
        if not GiftDialog.objectName():
            GiftDialog.setObjectName(u"GiftDialog")
        GiftDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(GiftDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.nameLabel = QLabel(GiftDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.name = QLineEdit(GiftDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(64)

        self.fieldsGrid.addWidget(self.name, 0, 1, 1, 1)

        self.nameError = QLabel(GiftDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.priceLabel = QLabel(GiftDialog)
        self.priceLabel.setObjectName(u"priceLabel")

        self.fieldsGrid.addWidget(self.priceLabel, 2, 0, 1, 1)

        self.price = QSpinBox(GiftDialog)
        self.price.setObjectName(u"price")
        self.price.setMinimum(1)
        self.price.setMaximum(100000)

        self.fieldsGrid.addWidget(self.price, 2, 1, 1, 1)

        self.priceError = QLabel(GiftDialog)
        self.priceError.setObjectName(u"priceError")
        self.priceError.setStyleSheet(u"color: #b00020;")
        self.priceError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.priceError, 3, 1, 1, 1)

        self.stockLabel = QLabel(GiftDialog)
        self.stockLabel.setObjectName(u"stockLabel")

        self.fieldsGrid.addWidget(self.stockLabel, 4, 0, 1, 1)

        self.stock = QSpinBox(GiftDialog)
        self.stock.setObjectName(u"stock")
        self.stock.setMaximum(100000)

        self.fieldsGrid.addWidget(self.stock, 4, 1, 1, 1)

        self.stockError = QLabel(GiftDialog)
        self.stockError.setObjectName(u"stockError")
        self.stockError.setStyleSheet(u"color: #b00020;")
        self.stockError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.stockError, 5, 1, 1, 1)

        self.active = QCheckBox(GiftDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.fieldsGrid.addWidget(self.active, 6, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(GiftDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(GiftDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.priceLabel.setBuddy(self.price)
        self.stockLabel.setBuddy(self.stock)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.price)
        QWidget.setTabOrder(self.price, self.stock)
        QWidget.setTabOrder(self.stock, self.active)
        QWidget.setTabOrder(self.active, self.buttonBox)

        self.retranslateUi(GiftDialog)

        QMetaObject.connectSlotsByName(GiftDialog)
    # setupUi

    def retranslateUi(self, GiftDialog):
        GiftDialog.setWindowTitle(QCoreApplication.translate("GiftDialog", u"\u793c\u54c1", None))
        self.nameLabel.setText(QCoreApplication.translate("GiftDialog", u"\u793c\u54c1\u540d\u79f0(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("GiftDialog", u"\u5982\uff1a\u6d17\u8863\u6db2 1 \u74f6", None))
        self.priceLabel.setText(QCoreApplication.translate("GiftDialog", u"\u6240\u9700\u7eff\u5e01(&P)\uff1a", None))
        self.price.setSuffix(QCoreApplication.translate("GiftDialog", u" \u7eff\u5e01", None))
        self.stockLabel.setText(QCoreApplication.translate("GiftDialog", u"\u9996\u6279\u5165\u5e93(&S)\uff1a", None))
        self.stock.setSuffix(QCoreApplication.translate("GiftDialog", u" \u4ef6", None))
        self.active.setText(QCoreApplication.translate("GiftDialog", u"\u5728\u67b6\u4e0a\uff0c\u53ef\u4ee5\u5151\u6362(&A)", None))
    # retranslateUi

