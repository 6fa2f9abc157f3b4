# Generated from ui/dashboard.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(760, 520)
        self.mainLayout = QVBoxLayout(DashboardPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.committeeLabel = QLabel(DashboardPage)
        self.committeeLabel.setObjectName(u"committeeLabel")
        self.committeeLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.mainLayout.addWidget(self.committeeLabel)

        self.totalsLabel = QLabel(DashboardPage)
        self.totalsLabel.setObjectName(u"totalsLabel")

        self.mainLayout.addWidget(self.totalsLabel)

        self.statesBox = QGroupBox(DashboardPage)
        self.statesBox.setObjectName(u"statesBox")
        self.statesGrid = QGridLayout(self.statesBox)
        self.statesGrid.setObjectName(u"statesGrid")

        self.mainLayout.addWidget(self.statesBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.statesBox.setTitle(QCoreApplication.translate("DashboardPage", u"\u6848\u4ef6\u72b6\u6001", None))
        pass
    # retranslateUi

