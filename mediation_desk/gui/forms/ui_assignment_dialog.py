# Generated from ui/assignment_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assignment_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QSizePolicy, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_AssignmentDialog(object):
    def setupUi(self, AssignmentDialog):
        if not AssignmentDialog.objectName():
            AssignmentDialog.setObjectName(u"AssignmentDialog")
        AssignmentDialog.resize(820, 600)
        self.mainLayout = QVBoxLayout(AssignmentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(AssignmentDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.rankedLabel = QLabel(AssignmentDialog)
        self.rankedLabel.setObjectName(u"rankedLabel")
        self.rankedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.rankedLabel)

        self.rankedTree = QTreeWidget(AssignmentDialog)
        self.rankedTree.setObjectName(u"rankedTree")
        self.rankedTree.setRootIsDecorated(False)
        self.rankedTree.setWordWrap(True)
        self.rankedTree.setAlternatingRowColors(True)
        self.rankedTree.setUniformRowHeights(False)
        self.rankedTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.mainLayout.addWidget(self.rankedTree)

        self.mediatorsError = QLabel(AssignmentDialog)
        self.mediatorsError.setObjectName(u"mediatorsError")
        self.mediatorsError.setStyleSheet(u"color: #b00020;")
        self.mediatorsError.setWordWrap(True)

        self.mainLayout.addWidget(self.mediatorsError)

        self.excludedLabel = QLabel(AssignmentDialog)
        self.excludedLabel.setObjectName(u"excludedLabel")
        self.excludedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.excludedLabel)

        self.excludedList = QListWidget(AssignmentDialog)
        self.excludedList.setObjectName(u"excludedList")
        self.excludedList.setWordWrap(True)
        self.excludedList.setMaximumSize(QSize(16777215, 140))

        self.mainLayout.addWidget(self.excludedList)

        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.chosenByLabel = QLabel(AssignmentDialog)
        self.chosenByLabel.setObjectName(u"chosenByLabel")

        self.formLayout.addWidget(self.chosenByLabel, 0, 0, 1, 1)

        self.chosenBy = QComboBox(AssignmentDialog)
        self.chosenBy.setObjectName(u"chosenBy")

        self.formLayout.addWidget(self.chosenBy, 0, 1, 1, 1)

        self.chosenByError = QLabel(AssignmentDialog)
        self.chosenByError.setObjectName(u"chosenByError")
        self.chosenByError.setStyleSheet(u"color: #b00020;")
        self.chosenByError.setWordWrap(True)

        self.formLayout.addWidget(self.chosenByError, 1, 1, 1, 1)

        self.overrideReasonLabel = QLabel(AssignmentDialog)
        self.overrideReasonLabel.setObjectName(u"overrideReasonLabel")

        self.formLayout.addWidget(self.overrideReasonLabel, 2, 0, 1, 1)

        self.overrideReason = QLineEdit(AssignmentDialog)
        self.overrideReason.setObjectName(u"overrideReason")
        self.overrideReason.setMaxLength(500)

        self.formLayout.addWidget(self.overrideReason, 2, 1, 1, 1)

        self.overrideReasonError = QLabel(AssignmentDialog)
        self.overrideReasonError.setObjectName(u"overrideReasonError")
        self.overrideReasonError.setStyleSheet(u"color: #b00020;")
        self.overrideReasonError.setWordWrap(True)

        self.formLayout.addWidget(self.overrideReasonError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.formLayout)

        self.overrideHint = QLabel(AssignmentDialog)
        self.overrideHint.setObjectName(u"overrideHint")
        self.overrideHint.setWordWrap(True)

        self.mainLayout.addWidget(self.overrideHint)

        self.messageLabel = QLabel(AssignmentDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(AssignmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(2, 3)
        self.mainLayout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.rankedLabel.setBuddy(self.rankedTree)
        self.chosenByLabel.setBuddy(self.chosenBy)
        self.overrideReasonLabel.setBuddy(self.overrideReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rankedTree, self.excludedList)
        QWidget.setTabOrder(self.excludedList, self.chosenBy)
        QWidget.setTabOrder(self.chosenBy, self.overrideReason)
        QWidget.setTabOrder(self.overrideReason, self.buttonBox)

        self.retranslateUi(AssignmentDialog)

        QMetaObject.connectSlotsByName(AssignmentDialog)
    # setupUi

    def retranslateUi(self, AssignmentDialog):
        AssignmentDialog.setWindowTitle(QCoreApplication.translate("AssignmentDialog", u"\u6d3e\u5355", None))
        self.rankedLabel.setText(QCoreApplication.translate("AssignmentDialog", u"\u63a8\u8350\u4eba\u9009\uff08\u6309\u63a8\u8350\u987a\u5e8f\u6392\u5217\uff1b\u52fe\u9009\u8981\u6307\u6d3e\u7684\u8c03\u89e3\u5458\uff0c\u53ef\u9009\u591a\u540d\uff09(&M)\uff1a", None))
        ___qtreewidgetitem = self.rankedTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("AssignmentDialog", u"\u63d0\u793a", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("AssignmentDialog", u"\u7406\u7531", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("AssignmentDialog", u"\u63a8\u8350\u7a0b\u5ea6", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("AssignmentDialog", u"\u8c03\u89e3\u5458", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("AssignmentDialog", u"\u540d\u6b21", None))
        self.excludedLabel.setText(QCoreApplication.translate("AssignmentDialog", u"\u56de\u907f\u53ca\u4e0d\u80fd\u6307\u6d3e\u7684\u8c03\u89e3\u5458\uff1a", None))
        self.chosenByLabel.setText(QCoreApplication.translate("AssignmentDialog", u"\u9009\u5b9a\u65b9\u5f0f(&X)\uff1a", None))
        self.overrideReasonLabel.setText(QCoreApplication.translate("AssignmentDialog", u"\u8c03\u6574\u7406\u7531(&R)\uff1a", None))
        self.overrideHint.setText(QCoreApplication.translate("AssignmentDialog", u"\u4e0d\u6309\u63a8\u8350\u987a\u5e8f\u6307\u6d3e\uff0c\u6216\u6307\u6d3e\u6682\u4e0d\u53ef\u7528\u3001\u5df2\u6ee1\u989d\u7684\u8c03\u89e3\u5458\uff0c\u987b\u586b\u5199\u8c03\u6574\u7406\u7531\uff08\u8c03\u59d4\u4f1a\u6307\u5b9a\u65f6\uff09\u3002", None))
    # retranslateUi

