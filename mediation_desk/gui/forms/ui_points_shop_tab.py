# Generated from ui/points_shop_tab.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_shop_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ShopTab(object):
    def setupUi(self, ShopTab):
        if not ShopTab.objectName():
            ShopTab.setObjectName(u"ShopTab")
        ShopTab.resize(1100, 600)
        self.mainLayout = QVBoxLayout(ShopTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.openingRow = QHBoxLayout()
        self.openingRow.setObjectName(u"openingRow")
        self.openingLabel = QLabel(ShopTab)
        self.openingLabel.setObjectName(u"openingLabel")

        self.openingRow.addWidget(self.openingLabel)

        self.openingSpin = QSpinBox(ShopTab)
        self.openingSpin.setObjectName(u"openingSpin")
        self.openingSpin.setMinimum(1)
        self.openingSpin.setMaximum(28)

        self.openingRow.addWidget(self.openingSpin)

        self.openingSaveButton = QPushButton(ShopTab)
        self.openingSaveButton.setObjectName(u"openingSaveButton")

        self.openingRow.addWidget(self.openingSaveButton)

        self.todayLabel = QLabel(ShopTab)
        self.todayLabel.setObjectName(u"todayLabel")
        self.todayLabel.setWordWrap(True)

        self.openingRow.addWidget(self.todayLabel)

        self.openingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.openingRow.addItem(self.openingSpacer)


        self.mainLayout.addLayout(self.openingRow)

        self.openingError = QLabel(ShopTab)
        self.openingError.setObjectName(u"openingError")
        self.openingError.setStyleSheet(u"color: #b00020;")
        self.openingError.setWordWrap(True)

        self.mainLayout.addWidget(self.openingError)

        self.splitter = QSplitter(ShopTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.giftsBox = QGroupBox(self.splitter)
        self.giftsBox.setObjectName(u"giftsBox")
        self.giftsLayout = QVBoxLayout(self.giftsBox)
        self.giftsLayout.setObjectName(u"giftsLayout")
        self.giftTable = QTableWidget(self.giftsBox)
        self.giftTable.setObjectName(u"giftTable")
        self.giftTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.giftTable.setAlternatingRowColors(True)
        self.giftTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.giftTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.giftTable.setWordWrap(False)
        self.giftTable.setTabKeyNavigation(False)

        self.giftsLayout.addWidget(self.giftTable)

        self.giftButtons = QHBoxLayout()
        self.giftButtons.setObjectName(u"giftButtons")
        self.addGiftButton = QPushButton(self.giftsBox)
        self.addGiftButton.setObjectName(u"addGiftButton")

        self.giftButtons.addWidget(self.addGiftButton)

        self.editGiftButton = QPushButton(self.giftsBox)
        self.editGiftButton.setObjectName(u"editGiftButton")

        self.giftButtons.addWidget(self.editGiftButton)

        self.restockButton = QPushButton(self.giftsBox)
        self.restockButton.setObjectName(u"restockButton")

        self.giftButtons.addWidget(self.restockButton)

        self.giftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.giftButtons.addItem(self.giftSpacer)


        self.giftsLayout.addLayout(self.giftButtons)

        self.showInactiveCheck = QCheckBox(self.giftsBox)
        self.showInactiveCheck.setObjectName(u"showInactiveCheck")

        self.giftsLayout.addWidget(self.showInactiveCheck)

        self.splitter.addWidget(self.giftsBox)
        self.redeemScroll = QScrollArea(self.splitter)
        self.redeemScroll.setObjectName(u"redeemScroll")
        self.redeemScroll.setWidgetResizable(True)
        self.redeemScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.redeemBox = QGroupBox()
        self.redeemBox.setObjectName(u"redeemBox")
        self.redeemGrid = QGridLayout(self.redeemBox)
        self.redeemGrid.setObjectName(u"redeemGrid")
        self.residentLabel = QLabel(self.redeemBox)
        self.residentLabel.setObjectName(u"residentLabel")

        self.redeemGrid.addWidget(self.residentLabel, 0, 0, 1, 1)

        self.residentRow = QHBoxLayout()
        self.residentRow.setObjectName(u"residentRow")
        self.residentSearch = QLineEdit(self.redeemBox)
        self.residentSearch.setObjectName(u"residentSearch")
        self.residentSearch.setMaxLength(40)

        self.residentRow.addWidget(self.residentSearch)

        self.findButton = QPushButton(self.redeemBox)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setAutoDefault(False)

        self.residentRow.addWidget(self.findButton)


        self.redeemGrid.addLayout(self.residentRow, 0, 1, 1, 1)

        self.residentCombo = QComboBox(self.redeemBox)
        self.residentCombo.setObjectName(u"residentCombo")

        self.redeemGrid.addWidget(self.residentCombo, 1, 1, 1, 1)

        self.residentError = QLabel(self.redeemBox)
        self.residentError.setObjectName(u"residentError")
        self.residentError.setStyleSheet(u"color: #b00020;")
        self.residentError.setWordWrap(True)

        self.redeemGrid.addWidget(self.residentError, 2, 1, 1, 1)

        self.giftLabel = QLabel(self.redeemBox)
        self.giftLabel.setObjectName(u"giftLabel")

        self.redeemGrid.addWidget(self.giftLabel, 3, 0, 1, 1)

        self.giftCombo = QComboBox(self.redeemBox)
        self.giftCombo.setObjectName(u"giftCombo")

        self.redeemGrid.addWidget(self.giftCombo, 3, 1, 1, 1)

        self.giftError = QLabel(self.redeemBox)
        self.giftError.setObjectName(u"giftError")
        self.giftError.setStyleSheet(u"color: #b00020;")
        self.giftError.setWordWrap(True)

        self.redeemGrid.addWidget(self.giftError, 4, 1, 1, 1)

        self.quantityLabel = QLabel(self.redeemBox)
        self.quantityLabel.setObjectName(u"quantityLabel")

        self.redeemGrid.addWidget(self.quantityLabel, 5, 0, 1, 1)

        self.quantitySpin = QSpinBox(self.redeemBox)
        self.quantitySpin.setObjectName(u"quantitySpin")
        self.quantitySpin.setMinimum(1)
        self.quantitySpin.setMaximum(100)

        self.redeemGrid.addWidget(self.quantitySpin, 5, 1, 1, 1)

        self.quantityError = QLabel(self.redeemBox)
        self.quantityError.setObjectName(u"quantityError")
        self.quantityError.setStyleSheet(u"color: #b00020;")
        self.quantityError.setWordWrap(True)

        self.redeemGrid.addWidget(self.quantityError, 6, 1, 1, 1)

        self.costLabel = QLabel(self.redeemBox)
        self.costLabel.setObjectName(u"costLabel")
        self.costLabel.setStyleSheet(u"font-weight: bold;")
        self.costLabel.setWordWrap(True)
        self.costLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.redeemGrid.addWidget(self.costLabel, 7, 0, 1, 2)

        self.offDayReasonLabel = QLabel(self.redeemBox)
        self.offDayReasonLabel.setObjectName(u"offDayReasonLabel")

        self.redeemGrid.addWidget(self.offDayReasonLabel, 8, 0, 1, 1)

        self.offDayReason = QLineEdit(self.redeemBox)
        self.offDayReason.setObjectName(u"offDayReason")
        self.offDayReason.setMaxLength(200)

        self.redeemGrid.addWidget(self.offDayReason, 8, 1, 1, 1)

        self.offDayReasonError = QLabel(self.redeemBox)
        self.offDayReasonError.setObjectName(u"offDayReasonError")
        self.offDayReasonError.setStyleSheet(u"color: #b00020;")
        self.offDayReasonError.setWordWrap(True)

        self.redeemGrid.addWidget(self.offDayReasonError, 9, 1, 1, 1)

        self.redeemButtonRow = QHBoxLayout()
        self.redeemButtonRow.setObjectName(u"redeemButtonRow")
        self.redeemButton = QPushButton(self.redeemBox)
        self.redeemButton.setObjectName(u"redeemButton")

        self.redeemButtonRow.addWidget(self.redeemButton)

        self.redeemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.redeemButtonRow.addItem(self.redeemSpacer)


        self.redeemGrid.addLayout(self.redeemButtonRow, 10, 1, 1, 1)

        self.redeemMessage = QLabel(self.redeemBox)
        self.redeemMessage.setObjectName(u"redeemMessage")
        self.redeemMessage.setWordWrap(True)
        self.redeemMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.redeemGrid.addWidget(self.redeemMessage, 11, 0, 1, 2)

        self.redeemBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.redeemGrid.addItem(self.redeemBottomSpacer, 12, 1, 1, 1)

        self.redeemScroll.setWidget(self.redeemBox)
        self.splitter.addWidget(self.redeemScroll)

        self.mainLayout.addWidget(self.splitter)

        self.statusLabel = QLabel(ShopTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.openingLabel.setBuddy(self.openingSpin)
        self.residentLabel.setBuddy(self.residentSearch)
        self.giftLabel.setBuddy(self.giftCombo)
        self.quantityLabel.setBuddy(self.quantitySpin)
        self.offDayReasonLabel.setBuddy(self.offDayReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.residentSearch, self.findButton)
        QWidget.setTabOrder(self.findButton, self.residentCombo)
        QWidget.setTabOrder(self.residentCombo, self.giftCombo)
        QWidget.setTabOrder(self.giftCombo, self.quantitySpin)
        QWidget.setTabOrder(self.quantitySpin, self.offDayReason)
        QWidget.setTabOrder(self.offDayReason, self.redeemButton)
        QWidget.setTabOrder(self.redeemButton, self.giftTable)
        QWidget.setTabOrder(self.giftTable, self.addGiftButton)
        QWidget.setTabOrder(self.addGiftButton, self.editGiftButton)
        QWidget.setTabOrder(self.editGiftButton, self.restockButton)
        QWidget.setTabOrder(self.restockButton, self.showInactiveCheck)
        QWidget.setTabOrder(self.showInactiveCheck, self.openingSpin)
        QWidget.setTabOrder(self.openingSpin, self.openingSaveButton)

        self.retranslateUi(ShopTab)

        QMetaObject.connectSlotsByName(ShopTab)
    # setupUi

    def retranslateUi(self, ShopTab):
        self.openingLabel.setText(QCoreApplication.translate("ShopTab", u"\u7eff\u5e01\u8d85\u5e02\u5f00\u653e\u65e5\uff1a\u6bcf\u6708(&O)", None))
        self.openingSpin.setSuffix(QCoreApplication.translate("ShopTab", u" \u65e5", None))
        self.openingSaveButton.setText(QCoreApplication.translate("ShopTab", u"\u4fdd\u5b58\u5f00\u653e\u65e5", None))
        self.giftsBox.setTitle(QCoreApplication.translate("ShopTab", u"\u793c\u54c1\u548c\u5e93\u5b58", None))
        self.addGiftButton.setText(QCoreApplication.translate("ShopTab", u"\u65b0\u589e\u793c\u54c1(&N)\u2026", None))
        self.editGiftButton.setText(QCoreApplication.translate("ShopTab", u"\u4fee\u6539(&E)\u2026", None))
        self.restockButton.setText(QCoreApplication.translate("ShopTab", u"\u5165\u5e93\u6216\u62a5\u635f(&K)\u2026", None))
        self.showInactiveCheck.setText(QCoreApplication.translate("ShopTab", u"\u663e\u793a\u5df2\u4e0b\u67b6\u7684\u793c\u54c1(&I)", None))
        self.redeemBox.setTitle(QCoreApplication.translate("ShopTab", u"\u5151\u6362", None))
        self.residentLabel.setText(QCoreApplication.translate("ShopTab", u"\u5c45\u6c11(&R)\uff1a", None))
        self.residentSearch.setPlaceholderText(QCoreApplication.translate("ShopTab", u"\u8f93\u5165\u59d3\u540d\u6216\u6237\u540d\uff0c\u6309\u56de\u8f66\u952e\u67e5\u627e", None))
        self.findButton.setText(QCoreApplication.translate("ShopTab", u"\u67e5\u627e(&F)", None))
        self.giftLabel.setText(QCoreApplication.translate("ShopTab", u"\u793c\u54c1(&G)\uff1a", None))
        self.quantityLabel.setText(QCoreApplication.translate("ShopTab", u"\u6570\u91cf(&Q)\uff1a", None))
        self.quantitySpin.setSuffix(QCoreApplication.translate("ShopTab", u" \u4ef6", None))
        self.offDayReasonLabel.setText(QCoreApplication.translate("ShopTab", u"\u53e6\u65e5\u5151\u6362\u539f\u56e0(&Y)\uff1a", None))
        self.offDayReason.setPlaceholderText(QCoreApplication.translate("ShopTab", u"\u4e0d\u662f\u5f00\u653e\u65e5\u65f6\u5fc5\u586b\uff0c\u5982\uff1a\u8001\u4eba\u884c\u52a8\u4e0d\u4fbf\uff0c\u4e0a\u95e8\u5151\u6362", None))
        self.redeemButton.setText(QCoreApplication.translate("ShopTab", u"\u5151\u6362(&D)\u2026", None))
        pass
    # retranslateUi

