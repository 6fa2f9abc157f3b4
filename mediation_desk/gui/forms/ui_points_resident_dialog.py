# Generated from ui/points_resident_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_resident_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PointsResidentDialog(object):
    def setupUi(self, PointsResidentDialog):
        if not PointsResidentDialog.objectName():
            PointsResidentDialog.setObjectName(u"PointsResidentDialog")
        PointsResidentDialog.resize(560, 440)
        PointsResidentDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PointsResidentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.nameLabel = QLabel(PointsResidentDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.name = QLineEdit(PointsResidentDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(64)

        self.fieldsGrid.addWidget(self.name, 0, 1, 1, 1)

        self.nameError = QLabel(PointsResidentDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.villageGroupLabel = QLabel(PointsResidentDialog)
        self.villageGroupLabel.setObjectName(u"villageGroupLabel")

        self.fieldsGrid.addWidget(self.villageGroupLabel, 2, 0, 1, 1)

        self.villageGroup = QComboBox(PointsResidentDialog)
        self.villageGroup.setObjectName(u"villageGroup")
        self.villageGroup.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.villageGroup.setEditable(True)
        self.villageGroup.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.fieldsGrid.addWidget(self.villageGroup, 2, 1, 1, 1)

        self.villageGroupError = QLabel(PointsResidentDialog)
        self.villageGroupError.setObjectName(u"villageGroupError")
        self.villageGroupError.setStyleSheet(u"color: #b00020;")
        self.villageGroupError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.villageGroupError, 3, 1, 1, 1)

        self.householdLabel = QLabel(PointsResidentDialog)
        self.householdLabel.setObjectName(u"householdLabel")

        self.fieldsGrid.addWidget(self.householdLabel, 4, 0, 1, 1)

        self.household = QComboBox(PointsResidentDialog)
        self.household.setObjectName(u"household")
        self.household.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.fieldsGrid.addWidget(self.household, 4, 1, 1, 1)

        self.householdError = QLabel(PointsResidentDialog)
        self.householdError.setObjectName(u"householdError")
        self.householdError.setStyleSheet(u"color: #b00020;")
        self.householdError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.householdError, 5, 1, 1, 1)

        self.phoneLabel = QLabel(PointsResidentDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fieldsGrid.addWidget(self.phoneLabel, 6, 0, 1, 1)

        self.phone = QLineEdit(PointsResidentDialog)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(32)

        self.fieldsGrid.addWidget(self.phone, 6, 1, 1, 1)

        self.phoneError = QLabel(PointsResidentDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.phoneError, 7, 1, 1, 1)

        self.mediatorLabel = QLabel(PointsResidentDialog)
        self.mediatorLabel.setObjectName(u"mediatorLabel")

        self.fieldsGrid.addWidget(self.mediatorLabel, 8, 0, 1, 1)

        self.mediator = QComboBox(PointsResidentDialog)
        self.mediator.setObjectName(u"mediator")
        self.mediator.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.fieldsGrid.addWidget(self.mediator, 8, 1, 1, 1)

        self.mediatorError = QLabel(PointsResidentDialog)
        self.mediatorError.setObjectName(u"mediatorError")
        self.mediatorError.setStyleSheet(u"color: #b00020;")
        self.mediatorError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.mediatorError, 9, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.active = QCheckBox(PointsResidentDialog)
        self.active.setObjectName(u"active")

        self.mainLayout.addWidget(self.active)

        self.hintLabel = QLabel(PointsResidentDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #7a4b00;")

        self.mainLayout.addWidget(self.hintLabel)

        self.messageLabel = QLabel(PointsResidentDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(PointsResidentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.villageGroupLabel.setBuddy(self.villageGroup)
        self.householdLabel.setBuddy(self.household)
        self.phoneLabel.setBuddy(self.phone)
        self.mediatorLabel.setBuddy(self.mediator)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.villageGroup)
        QWidget.setTabOrder(self.villageGroup, self.household)
        QWidget.setTabOrder(self.household, self.phone)
        QWidget.setTabOrder(self.phone, self.mediator)
        QWidget.setTabOrder(self.mediator, self.active)
        QWidget.setTabOrder(self.active, self.buttonBox)

        self.retranslateUi(PointsResidentDialog)

        QMetaObject.connectSlotsByName(PointsResidentDialog)
    # setupUi

    def retranslateUi(self, PointsResidentDialog):
        PointsResidentDialog.setWindowTitle(QCoreApplication.translate("PointsResidentDialog", u"\u5c45\u6c11", None))
        self.nameLabel.setText(QCoreApplication.translate("PointsResidentDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("PointsResidentDialog", u"\u5c45\u6c11\u59d3\u540d", None))
        self.villageGroupLabel.setText(QCoreApplication.translate("PointsResidentDialog", u"\u6751\u6c11\u5c0f\u7ec4(&G)\uff1a", None))
        self.householdLabel.setText(QCoreApplication.translate("PointsResidentDialog", u"\u6240\u5728\u6237(&H)\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("PointsResidentDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("PointsResidentDialog", u"\u53ef\u4e0d\u586b\uff1b\u52a0\u5bc6\u4fdd\u5b58", None))
        self.mediatorLabel.setText(QCoreApplication.translate("PointsResidentDialog", u"\u5fd7\u613f\u8c03\u89e3\u5458(&M)\uff1a", None))
        self.active.setText(QCoreApplication.translate("PointsResidentDialog", u"\u5728\u7528\uff08\u8fc1\u51fa\u6216\u53bb\u4e16\u7684\u5c45\u6c11\u53d6\u6d88\u52fe\u9009\uff09(&A)", None))
    # retranslateUi

