# Generated from ui/followups_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'followups_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_FollowupsPage(object):
    def setupUi(self, FollowupsPage):
        if not FollowupsPage.objectName():
            FollowupsPage.setObjectName(u"FollowupsPage")
        FollowupsPage.resize(960, 640)
        self.mainLayout = QVBoxLayout(FollowupsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.summaryLabel = QLabel(FollowupsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setStyleSheet(u"font-weight: bold;")

        self.topRow.addWidget(self.summaryLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.recordButton = QPushButton(FollowupsPage)
        self.recordButton.setObjectName(u"recordButton")

        self.topRow.addWidget(self.recordButton)


        self.mainLayout.addLayout(self.topRow)

        self.dueBox = QGroupBox(FollowupsPage)
        self.dueBox.setObjectName(u"dueBox")
        self.dueBoxLayout = QVBoxLayout(self.dueBox)
        self.dueBoxLayout.setObjectName(u"dueBoxLayout")
        self.dueTable = QTableWidget(self.dueBox)
        self.dueTable.setObjectName(u"dueTable")
        self.dueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dueTable.setAlternatingRowColors(True)
        self.dueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.dueBoxLayout.addWidget(self.dueTable)


        self.mainLayout.addWidget(self.dueBox)

        self.doneBox = QGroupBox(FollowupsPage)
        self.doneBox.setObjectName(u"doneBox")
        self.doneBoxLayout = QVBoxLayout(self.doneBox)
        self.doneBoxLayout.setObjectName(u"doneBoxLayout")
        self.doneFilterRow = QHBoxLayout()
        self.doneFilterRow.setObjectName(u"doneFilterRow")
        self.doneRangeLabel = QLabel(self.doneBox)
        self.doneRangeLabel.setObjectName(u"doneRangeLabel")

        self.doneFilterRow.addWidget(self.doneRangeLabel)

        self.doneRangeCombo = QComboBox(self.doneBox)
        self.doneRangeCombo.setObjectName(u"doneRangeCombo")

        self.doneFilterRow.addWidget(self.doneRangeCombo)

        self.doneSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.doneFilterRow.addItem(self.doneSpacer)


        self.doneBoxLayout.addLayout(self.doneFilterRow)

        self.doneTable = QTableWidget(self.doneBox)
        self.doneTable.setObjectName(u"doneTable")
        self.doneTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doneTable.setAlternatingRowColors(True)
        self.doneTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doneTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.doneBoxLayout.addWidget(self.doneTable)


        self.mainLayout.addWidget(self.doneBox)

        self.statusLabel = QLabel(FollowupsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.doneRangeLabel.setBuddy(self.doneRangeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dueTable, self.recordButton)
        QWidget.setTabOrder(self.recordButton, self.doneRangeCombo)
        QWidget.setTabOrder(self.doneRangeCombo, self.doneTable)

        self.retranslateUi(FollowupsPage)

        QMetaObject.connectSlotsByName(FollowupsPage)
    # setupUi

    def retranslateUi(self, FollowupsPage):
        self.recordButton.setText(QCoreApplication.translate("FollowupsPage", u"\u8bb0\u5f55\u56de\u8bbf(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("FollowupsPage", u"\u6253\u5f00\u6240\u9009\u6848\u4ef6\uff0c\u5728\u6848\u4ef6\u9875\u767b\u8bb0\u56de\u8bbf\u60c5\u51b5", None))
#endif // QT_CONFIG(tooltip)
        self.dueBox.setTitle(QCoreApplication.translate("FollowupsPage", u"\u5f85\u56de\u8bbf\uff08\u903e\u671f\u7684\u5728\u524d\uff09", None))
        self.doneBox.setTitle(QCoreApplication.translate("FollowupsPage", u"\u5df2\u56de\u8bbf", None))
        self.doneRangeLabel.setText(QCoreApplication.translate("FollowupsPage", u"\u56de\u8bbf\u65f6\u95f4(&T)\uff1a", None))
        pass
    # retranslateUi

