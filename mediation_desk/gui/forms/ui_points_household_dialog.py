# Generated from ui/points_household_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_household_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PointsHouseholdDialog(object):
    def setupUi(self, PointsHouseholdDialog):
        if not PointsHouseholdDialog.objectName():
            PointsHouseholdDialog.setObjectName(u"PointsHouseholdDialog")
        PointsHouseholdDialog.resize(480, 220)
        PointsHouseholdDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PointsHouseholdDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.labelLabel = QLabel(PointsHouseholdDialog)
        self.labelLabel.setObjectName(u"labelLabel")

        self.fieldsGrid.addWidget(self.labelLabel, 0, 0, 1, 1)

        self.label = QLineEdit(PointsHouseholdDialog)
        self.label.setObjectName(u"label")
        self.label.setMaxLength(64)

        self.fieldsGrid.addWidget(self.label, 0, 1, 1, 1)

        self.labelError = QLabel(PointsHouseholdDialog)
        self.labelError.setObjectName(u"labelError")
        self.labelError.setStyleSheet(u"color: #b00020;")
        self.labelError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.labelError, 1, 1, 1, 1)

        self.villageGroupLabel = QLabel(PointsHouseholdDialog)
        self.villageGroupLabel.setObjectName(u"villageGroupLabel")

        self.fieldsGrid.addWidget(self.villageGroupLabel, 2, 0, 1, 1)

        self.villageGroup = QComboBox(PointsHouseholdDialog)
        self.villageGroup.setObjectName(u"villageGroup")
        self.villageGroup.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.villageGroup.setEditable(True)
        self.villageGroup.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.fieldsGrid.addWidget(self.villageGroup, 2, 1, 1, 1)

        self.villageGroupError = QLabel(PointsHouseholdDialog)
        self.villageGroupError.setObjectName(u"villageGroupError")
        self.villageGroupError.setStyleSheet(u"color: #b00020;")
        self.villageGroupError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.villageGroupError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(PointsHouseholdDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(PointsHouseholdDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.labelLabel.setBuddy(self.label)
        self.villageGroupLabel.setBuddy(self.villageGroup)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.label, self.villageGroup)
        QWidget.setTabOrder(self.villageGroup, self.buttonBox)

        self.retranslateUi(PointsHouseholdDialog)

        QMetaObject.connectSlotsByName(PointsHouseholdDialog)
    # setupUi

    def retranslateUi(self, PointsHouseholdDialog):
        PointsHouseholdDialog.setWindowTitle(QCoreApplication.translate("PointsHouseholdDialog", u"\u65b0\u589e\u6237", None))
        self.labelLabel.setText(QCoreApplication.translate("PointsHouseholdDialog", u"\u6237\u540d(&L)\uff1a", None))
        self.label.setPlaceholderText(QCoreApplication.translate("PointsHouseholdDialog", u"\u5982 \u738b\u5efa\u56fd\u6237", None))
        self.villageGroupLabel.setText(QCoreApplication.translate("PointsHouseholdDialog", u"\u6751\u6c11\u5c0f\u7ec4(&G)\uff1a", None))
    # retranslateUi

