# Generated from ui/points_move_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_move_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PointsMoveDialog(object):
    def setupUi(self, PointsMoveDialog):
        if not PointsMoveDialog.objectName():
            PointsMoveDialog.setObjectName(u"PointsMoveDialog")
        PointsMoveDialog.resize(520, 300)
        PointsMoveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PointsMoveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.residentLabel = QLabel(PointsMoveDialog)
        self.residentLabel.setObjectName(u"residentLabel")
        self.residentLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.residentLabel)

        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.householdLabel = QLabel(PointsMoveDialog)
        self.householdLabel.setObjectName(u"householdLabel")

        self.fieldsGrid.addWidget(self.householdLabel, 0, 0, 1, 1)

        self.household = QComboBox(PointsMoveDialog)
        self.household.setObjectName(u"household")
        self.household.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.fieldsGrid.addWidget(self.household, 0, 1, 1, 1)

        self.householdError = QLabel(PointsMoveDialog)
        self.householdError.setObjectName(u"householdError")
        self.householdError.setStyleSheet(u"color: #b00020;")
        self.householdError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.householdError, 1, 1, 1, 1)

        self.sinceLabel = QLabel(PointsMoveDialog)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.fieldsGrid.addWidget(self.sinceLabel, 2, 0, 1, 1)

        self.since = QDateEdit(PointsMoveDialog)
        self.since.setObjectName(u"since")
        self.since.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(u"yyyy-MM-dd")

        self.fieldsGrid.addWidget(self.since, 2, 1, 1, 1)

        self.sinceError = QLabel(PointsMoveDialog)
        self.sinceError.setObjectName(u"sinceError")
        self.sinceError.setStyleSheet(u"color: #b00020;")
        self.sinceError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.sinceError, 3, 1, 1, 1)

        self.reasonLabel = QLabel(PointsMoveDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsGrid.addWidget(self.reasonLabel, 4, 0, 1, 1)

        self.reason = QLineEdit(PointsMoveDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(200)

        self.fieldsGrid.addWidget(self.reason, 4, 1, 1, 1)

        self.reasonError = QLabel(PointsMoveDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #b00020;")
        self.reasonError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.reasonError, 5, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(PointsMoveDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(PointsMoveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.householdLabel.setBuddy(self.household)
        self.sinceLabel.setBuddy(self.since)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.household, self.since)
        QWidget.setTabOrder(self.since, self.reason)
        QWidget.setTabOrder(self.reason, self.buttonBox)

        self.retranslateUi(PointsMoveDialog)

        QMetaObject.connectSlotsByName(PointsMoveDialog)
    # setupUi

    def retranslateUi(self, PointsMoveDialog):
        PointsMoveDialog.setWindowTitle(QCoreApplication.translate("PointsMoveDialog", u"\u8fc1\u6237", None))
        self.householdLabel.setText(QCoreApplication.translate("PointsMoveDialog", u"\u8fc1\u5165\u7684\u6237(&H)\uff1a", None))
        self.sinceLabel.setText(QCoreApplication.translate("PointsMoveDialog", u"\u8fc1\u5165\u65e5\u671f(&D)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("PointsMoveDialog", u"\u8fc1\u6237\u539f\u56e0(&R)\uff1a", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("PointsMoveDialog", u"\u5982 \u5206\u6237\u3001\u5a5a\u5ac1", None))
    # retranslateUi

