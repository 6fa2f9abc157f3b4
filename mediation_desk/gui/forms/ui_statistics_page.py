# Generated from ui/statistics_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'statistics_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_StatisticsPage(object):
    def setupUi(self, StatisticsPage):
        if not StatisticsPage.objectName():
            StatisticsPage.setObjectName(u"StatisticsPage")
        StatisticsPage.resize(1000, 720)
        self.mainLayout = QVBoxLayout(StatisticsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.monthRow = QHBoxLayout()
        self.monthRow.setObjectName(u"monthRow")
        self.monthLabel = QLabel(StatisticsPage)
        self.monthLabel.setObjectName(u"monthLabel")

        self.monthRow.addWidget(self.monthLabel)

        self.previousButton = QPushButton(StatisticsPage)
        self.previousButton.setObjectName(u"previousButton")

        self.monthRow.addWidget(self.previousButton)

        self.monthEdit = QLineEdit(StatisticsPage)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setMaxLength(16)
        self.monthEdit.setMaximumSize(QSize(160, 16777215))

        self.monthRow.addWidget(self.monthEdit)

        self.nextButton = QPushButton(StatisticsPage)
        self.nextButton.setObjectName(u"nextButton")

        self.monthRow.addWidget(self.nextButton)

        self.showButton = QPushButton(StatisticsPage)
        self.showButton.setObjectName(u"showButton")

        self.monthRow.addWidget(self.showButton)

        self.busyBar = QProgressBar(StatisticsPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMinimum(0)
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumSize(QSize(160, 16777215))

        self.monthRow.addWidget(self.busyBar)

        self.monthSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.monthRow.addItem(self.monthSpacer)

        self.exportButton = QPushButton(StatisticsPage)
        self.exportButton.setObjectName(u"exportButton")

        self.monthRow.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.monthRow)

        self.monthError = QLabel(StatisticsPage)
        self.monthError.setObjectName(u"monthError")
        self.monthError.setStyleSheet(u"color: #b00020;")
        self.monthError.setWordWrap(True)

        self.mainLayout.addWidget(self.monthError)

        self.titleLabel = QLabel(StatisticsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.titleLabel)

        self.figuresRow = QHBoxLayout()
        self.figuresRow.setObjectName(u"figuresRow")
        self.overallBox = QGroupBox(StatisticsPage)
        self.overallBox.setObjectName(u"overallBox")
        self.overallGrid = QGridLayout(self.overallBox)
        self.overallGrid.setObjectName(u"overallGrid")

        self.figuresRow.addWidget(self.overallBox)

        self.sourceBox = QGroupBox(StatisticsPage)
        self.sourceBox.setObjectName(u"sourceBox")
        self.sourceGrid = QGridLayout(self.sourceBox)
        self.sourceGrid.setObjectName(u"sourceGrid")

        self.figuresRow.addWidget(self.sourceBox)

        self.formBox = QGroupBox(StatisticsPage)
        self.formBox.setObjectName(u"formBox")
        self.formGrid = QGridLayout(self.formBox)
        self.formGrid.setObjectName(u"formGrid")

        self.figuresRow.addWidget(self.formBox)

        self.preventionBox = QGroupBox(StatisticsPage)
        self.preventionBox.setObjectName(u"preventionBox")
        self.preventionGrid = QGridLayout(self.preventionBox)
        self.preventionGrid.setObjectName(u"preventionGrid")

        self.figuresRow.addWidget(self.preventionBox)


        self.mainLayout.addLayout(self.figuresRow)

        self.chartTabs = QTabWidget(StatisticsPage)
        self.chartTabs.setObjectName(u"chartTabs")
        self.typeTab = QWidget()
        self.typeTab.setObjectName(u"typeTab")
        self.typeTabLayout = QVBoxLayout(self.typeTab)
        self.typeTabLayout.setObjectName(u"typeTabLayout")
        self.chartTabs.addTab(self.typeTab, "")
        self.monthsTab = QWidget()
        self.monthsTab.setObjectName(u"monthsTab")
        self.monthsTabLayout = QVBoxLayout(self.monthsTab)
        self.monthsTabLayout.setObjectName(u"monthsTabLayout")
        self.chartTabs.addTab(self.monthsTab, "")
        self.rateTab = QWidget()
        self.rateTab.setObjectName(u"rateTab")
        self.rateTabLayout = QVBoxLayout(self.rateTab)
        self.rateTabLayout.setObjectName(u"rateTabLayout")
        self.chartTabs.addTab(self.rateTab, "")

        self.mainLayout.addWidget(self.chartTabs)

        self.statusLabel = QLabel(StatisticsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.monthLabel.setBuddy(self.monthEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.monthEdit, self.showButton)
        QWidget.setTabOrder(self.showButton, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.chartTabs)

        self.retranslateUi(StatisticsPage)

        QMetaObject.connectSlotsByName(StatisticsPage)
    # setupUi

    def retranslateUi(self, StatisticsPage):
        self.monthLabel.setText(QCoreApplication.translate("StatisticsPage", u"\u6708\u4efd(&M)\uff1a", None))
        self.previousButton.setText(QCoreApplication.translate("StatisticsPage", u"\u4e0a\u6708(&P)", None))
        self.monthEdit.setPlaceholderText(QCoreApplication.translate("StatisticsPage", u"\u5982 2026-10", None))
#if QT_CONFIG(tooltip)
        self.monthEdit.setToolTip(QCoreApplication.translate("StatisticsPage", u"\u5e74-\u6708\uff0c\u5982 2026-10\uff1b\u6309\u56de\u8f66\u952e\u67e5\u770b", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("StatisticsPage", u"\u4e0b\u6708(&X)", None))
        self.showButton.setText(QCoreApplication.translate("StatisticsPage", u"\u67e5\u770b(&V)", None))
        self.exportButton.setText(QCoreApplication.translate("StatisticsPage", u"\u5bfc\u51fa\u62a5\u8868(&E)\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("StatisticsPage", u"\u4fdd\u5b58\u4e3a CSV \u6587\u4ef6\uff08UTF-8\uff0cExcel \u53ef\u76f4\u63a5\u6253\u5f00\uff09\uff0c\u53ea\u542b\u7edf\u8ba1\u6570\u5b57\uff0c\u4e0d\u542b\u4e2a\u4eba\u4fe1\u606f", None))
#endif // QT_CONFIG(tooltip)
        self.overallBox.setTitle(QCoreApplication.translate("StatisticsPage", u"\u603b\u4f53\u60c5\u51b5", None))
        self.sourceBox.setTitle(QCoreApplication.translate("StatisticsPage", u"\u6848\u4ef6\u6765\u6e90\uff08\u4ef6\uff09", None))
        self.formBox.setTitle(QCoreApplication.translate("StatisticsPage", u"\u534f\u8bae\u5f62\u5f0f\uff08\u4ef6\uff09", None))
        self.preventionBox.setTitle(QCoreApplication.translate("StatisticsPage", u"\u9632\u6b62\u4e8b\u9879", None))
        self.chartTabs.setTabText(self.chartTabs.indexOf(self.typeTab), QCoreApplication.translate("StatisticsPage", u"\u6309\u7ea0\u7eb7\u7c7b\u578b", None))
        self.chartTabs.setTabText(self.chartTabs.indexOf(self.monthsTab), QCoreApplication.translate("StatisticsPage", u"\u8fd1 12 \u4e2a\u6708\u6848\u4ef6\u6570", None))
        self.chartTabs.setTabText(self.chartTabs.indexOf(self.rateTab), QCoreApplication.translate("StatisticsPage", u"\u8fd1 12 \u4e2a\u6708\u8c03\u89e3\u6210\u529f\u7387", None))
        pass
    # retranslateUi

