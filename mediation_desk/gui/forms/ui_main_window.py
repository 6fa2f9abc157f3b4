# Generated from ui/main_window.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMainWindow, QMenu, QMenuBar,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1024, 680)
        self.actionLock = QAction(MainWindow)
        self.actionLock.setObjectName(u"actionLock")
#if QT_CONFIG(shortcut)
        self.actionLock.setShortcut(u"Ctrl+L")
#endif // QT_CONFIG(shortcut)
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.screenStack = QStackedWidget(self.centralWidget)
        self.screenStack.setObjectName(u"screenStack")
        self.workScreen = QWidget()
        self.workScreen.setObjectName(u"workScreen")
        self.workLayout = QHBoxLayout(self.workScreen)
        self.workLayout.setObjectName(u"workLayout")
        self.workLayout.setContentsMargins(6, 6, 6, 6)
        self.navList = QListWidget(self.workScreen)
        self.navList.setObjectName(u"navList")

        self.workLayout.addWidget(self.navList)

        self.pageStack = QStackedWidget(self.workScreen)
        self.pageStack.setObjectName(u"pageStack")

        self.workLayout.addWidget(self.pageStack)

        self.screenStack.addWidget(self.workScreen)
        self.lockedScreen = QWidget()
        self.lockedScreen.setObjectName(u"lockedScreen")
        self.lockedLayout = QVBoxLayout(self.lockedScreen)
        self.lockedLayout.setObjectName(u"lockedLayout")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lockedLayout.addItem(self.topSpacer)

        self.lockedLabel = QLabel(self.lockedScreen)
        self.lockedLabel.setObjectName(u"lockedLabel")
        self.lockedLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.lockedLayout.addWidget(self.lockedLabel)

        self.unlockLayout = QHBoxLayout()
        self.unlockLayout.setObjectName(u"unlockLayout")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockLayout.addItem(self.leftSpacer)

        self.unlockButton = QPushButton(self.lockedScreen)
        self.unlockButton.setObjectName(u"unlockButton")

        self.unlockLayout.addWidget(self.unlockButton)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockLayout.addItem(self.rightSpacer)


        self.lockedLayout.addLayout(self.unlockLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lockedLayout.addItem(self.bottomSpacer)

        self.screenStack.addWidget(self.lockedScreen)

        self.centralLayout.addWidget(self.screenStack)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuDesk = QMenu(self.menuBar)
        self.menuDesk.setObjectName(u"menuDesk")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.menuDesk.menuAction())
        self.menuDesk.addAction(self.actionRefresh)
        self.menuDesk.addAction(self.actionLock)
        self.menuDesk.addSeparator()
        self.menuDesk.addAction(self.actionQuit)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u4eba\u6c11\u8c03\u89e3\u5ba4\u5de5\u4f5c\u53f0", None))
        self.actionLock.setText(QCoreApplication.translate("MainWindow", u"\u9501\u5b9a(&L)", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"\u5237\u65b0(&R)", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa(&Q)", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u5bfc\u822a", None))
#endif // QT_CONFIG(accessibility)
        self.lockedLabel.setText(QCoreApplication.translate("MainWindow", u"\u5de5\u4f5c\u53f0\u5df2\u9501\u5b9a\u3002\u4e2a\u4eba\u4fe1\u606f\u5df2\u9690\u85cf\uff0c\u8bf7\u91cd\u65b0\u767b\u5f55\u3002", None))
        self.unlockButton.setText(QCoreApplication.translate("MainWindow", u"\u767b\u5f55\u89e3\u9501(&U)", None))
        self.menuDesk.setTitle(QCoreApplication.translate("MainWindow", u"\u5de5\u4f5c\u53f0(&W)", None))
    # retranslateUi

