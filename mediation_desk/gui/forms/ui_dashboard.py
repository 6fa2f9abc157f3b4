# Generated from ui/dashboard.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox,
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(760, 520)
        self.mainLayout = QVBoxLayout(DashboardPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.committeeLabel = QLabel(DashboardPage)
        self.committeeLabel.setObjectName(u"committeeLabel")
        self.committeeLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.committeeLabel)

        self.totalsLabel = QLabel(DashboardPage)
        self.totalsLabel.setObjectName(u"totalsLabel")

        self.mainLayout.addWidget(self.totalsLabel)

        self.statesBox = QGroupBox(DashboardPage)
        self.statesBox.setObjectName(u"statesBox")
        self.statesGrid = QGridLayout(self.statesBox)
        self.statesGrid.setObjectName(u"statesGrid")

        self.mainLayout.addWidget(self.statesBox)

        self.figuresLabel = QLabel(DashboardPage)
        self.figuresLabel.setObjectName(u"figuresLabel")
        self.figuresLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.figuresLabel)

        self.listsGrid = QGridLayout()
        self.listsGrid.setObjectName(u"listsGrid")
        self.overdueBox = QGroupBox(DashboardPage)
        self.overdueBox.setObjectName(u"overdueBox")
        self.overdueBoxLayout = QVBoxLayout(self.overdueBox)
        self.overdueBoxLayout.setObjectName(u"overdueBoxLayout")
        self.overdueList = QListWidget(self.overdueBox)
        self.overdueList.setObjectName(u"overdueList")
        self.overdueList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdueList.setAlternatingRowColors(True)

        self.overdueBoxLayout.addWidget(self.overdueList)


        self.listsGrid.addWidget(self.overdueBox, 0, 0, 1, 1)

        self.followupsBox = QGroupBox(DashboardPage)
        self.followupsBox.setObjectName(u"followupsBox")
        self.followupsBoxLayout = QVBoxLayout(self.followupsBox)
        self.followupsBoxLayout.setObjectName(u"followupsBoxLayout")
        self.followupsList = QListWidget(self.followupsBox)
        self.followupsList.setObjectName(u"followupsList")
        self.followupsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followupsList.setAlternatingRowColors(True)

        self.followupsBoxLayout.addWidget(self.followupsList)


        self.listsGrid.addWidget(self.followupsBox, 0, 1, 1, 1)

        self.judicialBox = QGroupBox(DashboardPage)
        self.judicialBox.setObjectName(u"judicialBox")
        self.judicialBoxLayout = QVBoxLayout(self.judicialBox)
        self.judicialBoxLayout.setObjectName(u"judicialBoxLayout")
        self.judicialList = QListWidget(self.judicialBox)
        self.judicialList.setObjectName(u"judicialList")
        self.judicialList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.judicialList.setAlternatingRowColors(True)

        self.judicialBoxLayout.addWidget(self.judicialList)


        self.listsGrid.addWidget(self.judicialBox, 1, 0, 1, 1)

        self.recentBox = QGroupBox(DashboardPage)
        self.recentBox.setObjectName(u"recentBox")
        self.recentBoxLayout = QVBoxLayout(self.recentBox)
        self.recentBoxLayout.setObjectName(u"recentBoxLayout")
        self.recentList = QListWidget(self.recentBox)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recentList.setAlternatingRowColors(True)

        self.recentBoxLayout.addWidget(self.recentList)


        self.listsGrid.addWidget(self.recentBox, 1, 1, 1, 1)


        self.mainLayout.addLayout(self.listsGrid)


        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.statesBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u6848\u4ef6\u72b6\u6001", None))
        self.overdueBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u8d85\u671f\u5728\u529e\u6848\u4ef6", None))
        self.followupsBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u5230\u671f\u56de\u8bbf", None))
        self.judicialBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u53f8\u6cd5\u786e\u8ba4\u671f\u9650\u4e34\u8fd1", None))
        self.recentBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u6700\u8fd1\u52a8\u6001", None))
        pass
    # retranslateUi

