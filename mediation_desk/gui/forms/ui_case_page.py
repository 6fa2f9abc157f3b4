# Generated from ui/case_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_page.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QTableWidget, QTableWidgetItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CasePage(object):
    def setupUi(self, CasePage):
        if not CasePage.objectName():
            CasePage.setObjectName(u"CasePage")
        CasePage.resize(1100, 720)
        self.mainLayout = QVBoxLayout(CasePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.backButton = QPushButton(CasePage)
        self.backButton.setObjectName(u"backButton")

        self.headerRow.addWidget(self.backButton)

        self.numberLabel = QLabel(CasePage)
        self.numberLabel.setObjectName(u"numberLabel")
        self.numberLabel.setStyleSheet(u"font-weight: bold;")
        self.numberLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.numberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerRow.addWidget(self.numberLabel)

        self.stateLabel = QLabel(CasePage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setStyleSheet(u"")
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headerRow.addWidget(self.stateLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.documentsButton = QPushButton(CasePage)
        self.documentsButton.setObjectName(u"documentsButton")

        self.headerRow.addWidget(self.documentsButton)

        self.fullDataButton = QPushButton(CasePage)
        self.fullDataButton.setObjectName(u"fullDataButton")

        self.headerRow.addWidget(self.fullDataButton)


        self.mainLayout.addLayout(self.headerRow)

        self.messageLabel = QLabel(CasePage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setStyleSheet(u"color: #7a4b00;")

        self.mainLayout.addWidget(self.messageLabel)

        self.splitter = QSplitter(CasePage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.detailScroll = QScrollArea(self.splitter)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setWidgetResizable(True)
        self.detailWidget = QWidget()
        self.detailWidget.setObjectName(u"detailWidget")
        self.detailLayout = QVBoxLayout(self.detailWidget)
        self.detailLayout.setObjectName(u"detailLayout")
        self.caseBox = QGroupBox(self.detailWidget)
        self.caseBox.setObjectName(u"caseBox")
        self.caseLayout = QVBoxLayout(self.caseBox)
        self.caseLayout.setObjectName(u"caseLayout")
        self.infoLabel = QLabel(self.caseBox)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.infoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.infoLabel)


        self.detailLayout.addWidget(self.caseBox)

        self.partiesBox = QGroupBox(self.detailWidget)
        self.partiesBox.setObjectName(u"partiesBox")
        self.partiesLayout = QVBoxLayout(self.partiesBox)
        self.partiesLayout.setObjectName(u"partiesLayout")
        self.partiesTable = QTableWidget(self.partiesBox)
        if (self.partiesTable.columnCount() < 5):
            self.partiesTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.partiesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.partiesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.partiesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.partiesTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.partiesTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.partiesTable.setObjectName(u"partiesTable")
        self.partiesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.partiesTable.setAlternatingRowColors(True)
        self.partiesTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.partiesTable.horizontalHeader().setStretchLastSection(True)
        self.partiesTable.verticalHeader().setVisible(False)

        self.partiesLayout.addWidget(self.partiesTable)

        self.partiesNote = QLabel(self.partiesBox)
        self.partiesNote.setObjectName(u"partiesNote")
        self.partiesNote.setWordWrap(True)

        self.partiesLayout.addWidget(self.partiesNote)


        self.detailLayout.addWidget(self.partiesBox)

        self.mediatorsBox = QGroupBox(self.detailWidget)
        self.mediatorsBox.setObjectName(u"mediatorsBox")
        self.mediatorsLayout = QVBoxLayout(self.mediatorsBox)
        self.mediatorsLayout.setObjectName(u"mediatorsLayout")
        self.mediatorsLabel = QLabel(self.mediatorsBox)
        self.mediatorsLabel.setObjectName(u"mediatorsLabel")
        self.mediatorsLabel.setWordWrap(True)
        self.mediatorsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mediatorsLayout.addWidget(self.mediatorsLabel)


        self.detailLayout.addWidget(self.mediatorsBox)

        self.agreementBox = QGroupBox(self.detailWidget)
        self.agreementBox.setObjectName(u"agreementBox")
        self.agreementLayout = QVBoxLayout(self.agreementBox)
        self.agreementLayout.setObjectName(u"agreementLayout")
        self.agreementLabel = QLabel(self.agreementBox)
        self.agreementLabel.setObjectName(u"agreementLabel")
        self.agreementLabel.setWordWrap(True)
        self.agreementLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.agreementLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.agreementLayout.addWidget(self.agreementLabel)


        self.detailLayout.addWidget(self.agreementBox)

        self.sessionsBox = QGroupBox(self.detailWidget)
        self.sessionsBox.setObjectName(u"sessionsBox")
        self.sessionsLayout = QVBoxLayout(self.sessionsBox)
        self.sessionsLayout.setObjectName(u"sessionsLayout")
        self.sessionsList = QListWidget(self.sessionsBox)
        self.sessionsList.setObjectName(u"sessionsList")
        self.sessionsList.setWordWrap(True)
        self.sessionsList.setMaximumSize(QSize(16777215, 180))

        self.sessionsLayout.addWidget(self.sessionsList)

        self.sessionsRow = QHBoxLayout()
        self.sessionsRow.setObjectName(u"sessionsRow")
        self.sessionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sessionsRow.addItem(self.sessionsSpacer)

        self.correctSessionButton = QPushButton(self.sessionsBox)
        self.correctSessionButton.setObjectName(u"correctSessionButton")

        self.sessionsRow.addWidget(self.correctSessionButton)


        self.sessionsLayout.addLayout(self.sessionsRow)


        self.detailLayout.addWidget(self.sessionsBox)

        self.attachmentsBox = QGroupBox(self.detailWidget)
        self.attachmentsBox.setObjectName(u"attachmentsBox")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsBox)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.dropHint = QLabel(self.attachmentsBox)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.dropHint)

        self.attachmentsList = QListWidget(self.attachmentsBox)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 180))

        self.attachmentsLayout.addWidget(self.attachmentsList)

        self.attachRow = QHBoxLayout()
        self.attachRow.setObjectName(u"attachRow")
        self.kindLabel = QLabel(self.attachmentsBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.attachRow.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(self.attachmentsBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.attachRow.addWidget(self.kindCombo)

        self.addAttachmentButton = QPushButton(self.attachmentsBox)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")

        self.attachRow.addWidget(self.addAttachmentButton)

        self.attachSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachRow.addItem(self.attachSpacer)

        self.exportAttachmentButton = QPushButton(self.attachmentsBox)
        self.exportAttachmentButton.setObjectName(u"exportAttachmentButton")

        self.attachRow.addWidget(self.exportAttachmentButton)


        self.attachmentsLayout.addLayout(self.attachRow)

        self.attachmentsMessage = QLabel(self.attachmentsBox)
        self.attachmentsMessage.setObjectName(u"attachmentsMessage")
        self.attachmentsMessage.setWordWrap(True)
        self.attachmentsMessage.setTextFormat(Qt.TextFormat.PlainText)

        self.attachmentsLayout.addWidget(self.attachmentsMessage)


        self.detailLayout.addWidget(self.attachmentsBox)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.detailScroll.setWidget(self.detailWidget)
        self.splitter.addWidget(self.detailScroll)
        self.sideWidget = QWidget(self.splitter)
        self.sideWidget.setObjectName(u"sideWidget")
        self.sideLayout = QVBoxLayout(self.sideWidget)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.actionsBox = QGroupBox(self.sideWidget)
        self.actionsBox.setObjectName(u"actionsBox")
        self.actionsLayout = QVBoxLayout(self.actionsBox)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.noActionsLabel = QLabel(self.actionsBox)
        self.noActionsLabel.setObjectName(u"noActionsLabel")
        self.noActionsLabel.setWordWrap(True)

        self.actionsLayout.addWidget(self.noActionsLabel)


        self.sideLayout.addWidget(self.actionsBox)

        self.timelineBox = QGroupBox(self.sideWidget)
        self.timelineBox.setObjectName(u"timelineBox")
        self.timelineLayout = QVBoxLayout(self.timelineBox)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTree = QTreeWidget(self.timelineBox)
        self.timelineTree.setObjectName(u"timelineTree")
        self.timelineTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineTree.setRootIsDecorated(False)
        self.timelineTree.setWordWrap(True)
        self.timelineTree.setAlternatingRowColors(True)
        self.timelineTree.setUniformRowHeights(False)

        self.timelineLayout.addWidget(self.timelineTree)


        self.sideLayout.addWidget(self.timelineBox)

        self.sideLayout.setStretch(1, 1)
        self.splitter.addWidget(self.sideWidget)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.backButton, self.documentsButton)
        QWidget.setTabOrder(self.documentsButton, self.fullDataButton)
        QWidget.setTabOrder(self.fullDataButton, self.partiesTable)
        QWidget.setTabOrder(self.partiesTable, self.sessionsList)
        QWidget.setTabOrder(self.sessionsList, self.correctSessionButton)
        QWidget.setTabOrder(self.correctSessionButton, self.attachmentsList)
        QWidget.setTabOrder(self.attachmentsList, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.addAttachmentButton)
        QWidget.setTabOrder(self.addAttachmentButton, self.exportAttachmentButton)
        QWidget.setTabOrder(self.exportAttachmentButton, self.timelineTree)

        self.retranslateUi(CasePage)

        QMetaObject.connectSlotsByName(CasePage)
    # setupUi

    def retranslateUi(self, CasePage):
        self.backButton.setText(QCoreApplication.translate("CasePage", u"\u8fd4\u56de\u6848\u4ef6\u5217\u8868(&B)", None))
        self.documentsButton.setText(QCoreApplication.translate("CasePage", u"\u6587\u4e66(&W)\u2026", None))
#if QT_CONFIG(tooltip)
        self.documentsButton.setToolTip(QCoreApplication.translate("CasePage", u"\u751f\u6210\u3001\u9884\u89c8\u3001\u6253\u5370\u6216\u4fdd\u5b58\u672c\u6848\u6587\u4e66\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fullDataButton.setText(QCoreApplication.translate("CasePage", u"\u663e\u793a\u5b8c\u6574\u4e2a\u4eba\u4fe1\u606f(&I)\u2026", None))
#if QT_CONFIG(tooltip)
        self.fullDataButton.setToolTip(QCoreApplication.translate("CasePage", u"\u987b\u8bf4\u660e\u7406\u7531\uff0c\u67e5\u770b\u8bb0\u5165\u5ba1\u8ba1\u65e5\u5fd7", None))
#endif // QT_CONFIG(tooltip)
        self.caseBox.setTitle(QCoreApplication.translate("CasePage", u"\u6848\u4ef6\u60c5\u51b5", None))
        self.partiesBox.setTitle(QCoreApplication.translate("CasePage", u"\u5f53\u4e8b\u4eba", None))
        ___qtablewidgetitem = self.partiesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CasePage", u"\u8eab\u4efd", None))
        ___qtablewidgetitem1 = self.partiesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CasePage", u"\u59d3\u540d", None))
        ___qtablewidgetitem2 = self.partiesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CasePage", u"\u8bc1\u4ef6\u53f7\u7801", None))
        ___qtablewidgetitem3 = self.partiesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CasePage", u"\u7535\u8bdd", None))
        ___qtablewidgetitem4 = self.partiesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CasePage", u"\u4f4f\u5740", None))
        self.mediatorsBox.setTitle(QCoreApplication.translate("CasePage", u"\u8c03\u89e3\u5458", None))
        self.agreementBox.setTitle(QCoreApplication.translate("CasePage", u"\u8c03\u89e3\u534f\u8bae", None))
        self.sessionsBox.setTitle(QCoreApplication.translate("CasePage", u"\u8c03\u89e3\u8bb0\u5f55", None))
        self.correctSessionButton.setText(QCoreApplication.translate("CasePage", u"\u66f4\u6b63\u6240\u9009\u8bb0\u5f55(&C)\u2026", None))
#if QT_CONFIG(tooltip)
        self.correctSessionButton.setToolTip(QCoreApplication.translate("CasePage", u"\u66f4\u6b63\u751f\u6210\u65b0\u7684\u7248\u672c\uff0c\u539f\u8bb0\u5f55\u4fdd\u7559", None))
#endif // QT_CONFIG(tooltip)
        self.attachmentsBox.setTitle(QCoreApplication.translate("CasePage", u"\u9644\u4ef6", None))
        self.dropHint.setText(QCoreApplication.translate("CasePage", u"\u53ef\u4ee5\u628a\u6587\u4ef6\u62d6\u5230\u672c\u9875\uff0c\u6dfb\u52a0\u4e3a\u672c\u6848\u9644\u4ef6\uff08PDF\u3001\u56fe\u7247\u3001\u97f3\u89c6\u9891\u6216\u6587\u6863\uff09", None))
        self.kindLabel.setText(QCoreApplication.translate("CasePage", u"\u7c7b\u522b(&K)\uff1a", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("CasePage", u"\u6dfb\u52a0\u9644\u4ef6(&A)\u2026", None))
        self.exportAttachmentButton.setText(QCoreApplication.translate("CasePage", u"\u5bfc\u51fa\u539f\u4ef6(&E)\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportAttachmentButton.setToolTip(QCoreApplication.translate("CasePage", u"\u987b\u8bf4\u660e\u7406\u7531\uff0c\u6253\u5f00\u9644\u4ef6\u8bb0\u5165\u5ba1\u8ba1\u65e5\u5fd7", None))
#endif // QT_CONFIG(tooltip)
        self.actionsBox.setTitle(QCoreApplication.translate("CasePage", u"\u53ef\u529e\u7406\u7684\u4e8b\u9879", None))
        self.noActionsLabel.setText(QCoreApplication.translate("CasePage", u"\u5f53\u524d\u6ca1\u6709\u53ef\u529e\u7406\u7684\u4e8b\u9879", None))
        self.timelineBox.setTitle(QCoreApplication.translate("CasePage", u"\u529e\u7406\u7ecf\u8fc7", None))
        ___qtreewidgetitem = self.timelineTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("CasePage", u"\u8bf4\u660e", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CasePage", u"\u4e8b\u9879", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CasePage", u"\u7c7b\u522b", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CasePage", u"\u65f6\u95f4", None))
        pass
    # retranslateUi

