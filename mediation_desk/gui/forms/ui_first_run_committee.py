# Generated from ui/first_run_committee.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_committee.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_CommitteePage(object):
    def setupUi(self, CommitteePage):
        if not CommitteePage.objectName():
            CommitteePage.setObjectName(u"CommitteePage")
        CommitteePage.resize(520, 420)
        self.mainLayout = QVBoxLayout(CommitteePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.modeRow = QHBoxLayout()
        self.modeRow.setObjectName(u"modeRow")
        self.modeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.modeRow.addItem(self.modeSpacer)


        self.mainLayout.addLayout(self.modeRow)

        self.fieldGrid = QGridLayout()
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.nameLabel = QLabel(CommitteePage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(CommitteePage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.fieldGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(CommitteePage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.codeLabel = QLabel(CommitteePage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.fieldGrid.addWidget(self.codeLabel, 2, 0, 1, 1)

        self.codeEdit = QLineEdit(CommitteePage)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.codeEdit, 2, 1, 1, 1)

        self.codeError = QLabel(CommitteePage)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setStyleSheet(u"color: #b00020;")
        self.codeError.setWordWrap(True)

        self.fieldGrid.addWidget(self.codeError, 3, 1, 1, 1)

        self.townLabel = QLabel(CommitteePage)
        self.townLabel.setObjectName(u"townLabel")

        self.fieldGrid.addWidget(self.townLabel, 4, 0, 1, 1)

        self.townEdit = QLineEdit(CommitteePage)
        self.townEdit.setObjectName(u"townEdit")
        self.townEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.townEdit, 4, 1, 1, 1)

        self.townError = QLabel(CommitteePage)
        self.townError.setObjectName(u"townError")
        self.townError.setStyleSheet(u"color: #b00020;")
        self.townError.setWordWrap(True)

        self.fieldGrid.addWidget(self.townError, 5, 1, 1, 1)

        self.villageLabel = QLabel(CommitteePage)
        self.villageLabel.setObjectName(u"villageLabel")

        self.fieldGrid.addWidget(self.villageLabel, 6, 0, 1, 1)

        self.villageEdit = QLineEdit(CommitteePage)
        self.villageEdit.setObjectName(u"villageEdit")
        self.villageEdit.setMaxLength(32)

        self.fieldGrid.addWidget(self.villageEdit, 6, 1, 1, 1)

        self.villageError = QLabel(CommitteePage)
        self.villageError.setObjectName(u"villageError")
        self.villageError.setStyleSheet(u"color: #b00020;")
        self.villageError.setWordWrap(True)

        self.fieldGrid.addWidget(self.villageError, 7, 1, 1, 1)

        self.seatLabel = QLabel(CommitteePage)
        self.seatLabel.setObjectName(u"seatLabel")

        self.fieldGrid.addWidget(self.seatLabel, 8, 0, 1, 1)

        self.seatEdit = QSpinBox(CommitteePage)
        self.seatEdit.setObjectName(u"seatEdit")
        self.seatEdit.setMinimum(1)
        self.seatEdit.setMaximum(99)

        self.fieldGrid.addWidget(self.seatEdit, 8, 1, 1, 1)

        self.seatError = QLabel(CommitteePage)
        self.seatError.setObjectName(u"seatError")
        self.seatError.setStyleSheet(u"color: #b00020;")
        self.seatError.setWordWrap(True)

        self.fieldGrid.addWidget(self.seatError, 9, 1, 1, 1)

        self.caseWordLabel = QLabel(CommitteePage)
        self.caseWordLabel.setObjectName(u"caseWordLabel")

        self.fieldGrid.addWidget(self.caseWordLabel, 10, 0, 1, 1)

        self.caseWordEdit = QLineEdit(CommitteePage)
        self.caseWordEdit.setObjectName(u"caseWordEdit")
        self.caseWordEdit.setMaxLength(8)

        self.fieldGrid.addWidget(self.caseWordEdit, 10, 1, 1, 1)

        self.caseWordHint = QLabel(CommitteePage)
        self.caseWordHint.setObjectName(u"caseWordHint")
        self.caseWordHint.setWordWrap(True)

        self.fieldGrid.addWidget(self.caseWordHint, 11, 1, 1, 1)

        self.caseWordError = QLabel(CommitteePage)
        self.caseWordError.setObjectName(u"caseWordError")
        self.caseWordError.setStyleSheet(u"color: #b00020;")
        self.caseWordError.setWordWrap(True)

        self.fieldGrid.addWidget(self.caseWordError, 12, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldGrid)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.townLabel.setBuddy(self.townEdit)
        self.villageLabel.setBuddy(self.villageEdit)
        self.seatLabel.setBuddy(self.seatEdit)
        self.caseWordLabel.setBuddy(self.caseWordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.townEdit)
        QWidget.setTabOrder(self.townEdit, self.villageEdit)
        QWidget.setTabOrder(self.villageEdit, self.seatEdit)
        QWidget.setTabOrder(self.seatEdit, self.caseWordEdit)

        self.retranslateUi(CommitteePage)

        QMetaObject.connectSlotsByName(CommitteePage)
    # setupUi

    def retranslateUi(self, CommitteePage):
        CommitteePage.setTitle(QCoreApplication.translate("CommitteePage", u"\u8c03\u89e3\u59d4\u5458\u4f1a", None))
        CommitteePage.setSubTitle(QCoreApplication.translate("CommitteePage", u"\u586b\u5199\u672c\u6751\uff08\u793e\u533a\uff09\u4eba\u6c11\u8c03\u89e3\u59d4\u5458\u4f1a\u7684\u4fe1\u606f\u3002\u540c\u4e00\u59d4\u5458\u4f1a\u6709\u51e0\u53f0\u7535\u8111\u65f6\uff0c\u6bcf\u53f0\u7684\u5e2d\u4f4d\u53f7\u5404\u4e0d\u76f8\u540c\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("CommitteePage", u"\u59d4\u5458\u4f1a\u540d\u79f0(&M)\uff1a", None))
        self.codeLabel.setText(QCoreApplication.translate("CommitteePage", u"\u59d4\u5458\u4f1a\u4ee3\u7801(&C)\uff1a", None))
        self.townLabel.setText(QCoreApplication.translate("CommitteePage", u"\u6240\u5c5e\u9547\uff08\u8857\u9053\uff09(&T)\uff1a", None))
        self.villageLabel.setText(QCoreApplication.translate("CommitteePage", u"\u6751\uff08\u793e\u533a\uff09(&V)\uff1a", None))
        self.seatLabel.setText(QCoreApplication.translate("CommitteePage", u"\u672c\u673a\u5e2d\u4f4d\u53f7(&S)\uff1a", None))
        self.caseWordLabel.setText(QCoreApplication.translate("CommitteePage", u"\u6848\u53f7\u5b57\u53f7(&W)\uff1a", None))
    # retranslateUi

