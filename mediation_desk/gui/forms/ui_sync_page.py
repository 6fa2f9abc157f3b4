# Generated from ui/sync_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QProgressBar, QPushButton, QRadioButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        SyncPage.resize(960, 720)
        self.mainLayout = QVBoxLayout(SyncPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(SyncPage)
        self.tabs.setObjectName(u"tabs")
        self.statusTab = QWidget()
        self.statusTab.setObjectName(u"statusTab")
        self.statusTabLayout = QVBoxLayout(self.statusTab)
        self.statusTabLayout.setObjectName(u"statusTabLayout")
        self.statusScroll = QScrollArea(self.statusTab)
        self.statusScroll.setObjectName(u"statusScroll")
        self.statusScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.statusScroll.setWidgetResizable(True)
        self.statusContents = QWidget()
        self.statusContents.setObjectName(u"statusContents")
        self.statusContentsLayout = QVBoxLayout(self.statusContents)
        self.statusContentsLayout.setObjectName(u"statusContentsLayout")
        self.statusBox = QGroupBox(self.statusContents)
        self.statusBox.setObjectName(u"statusBox")
        self.statusForm = QFormLayout(self.statusBox)
        self.statusForm.setObjectName(u"statusForm")
        self.stateLabel = QLabel(self.statusBox)
        self.stateLabel.setObjectName(u"stateLabel")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stateLabel)

        self.stateValue = QLabel(self.statusBox)
        self.stateValue.setObjectName(u"stateValue")
        self.stateValue.setStyleSheet(u"font-weight: bold;")
        self.stateValue.setWordWrap(True)

        self.statusForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stateValue)

        self.serverLabel = QLabel(self.statusBox)
        self.serverLabel.setObjectName(u"serverLabel")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serverLabel)

        self.serverValue = QLabel(self.statusBox)
        self.serverValue.setObjectName(u"serverValue")
        self.serverValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statusForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverValue)

        self.scopeLabel = QLabel(self.statusBox)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scopeLabel)

        self.scopeValue = QLabel(self.statusBox)
        self.scopeValue.setObjectName(u"scopeValue")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scopeValue)

        self.pendingLabel = QLabel(self.statusBox)
        self.pendingLabel.setObjectName(u"pendingLabel")

        self.statusForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pendingLabel)

        self.pendingValue = QLabel(self.statusBox)
        self.pendingValue.setObjectName(u"pendingValue")

        self.statusForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pendingValue)

        self.issuesLabel = QLabel(self.statusBox)
        self.issuesLabel.setObjectName(u"issuesLabel")

        self.statusForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.issuesLabel)

        self.issuesRow = QHBoxLayout()
        self.issuesRow.setObjectName(u"issuesRow")
        self.issuesValue = QLabel(self.statusBox)
        self.issuesValue.setObjectName(u"issuesValue")

        self.issuesRow.addWidget(self.issuesValue)

        self.showIssuesButton = QPushButton(self.statusBox)
        self.showIssuesButton.setObjectName(u"showIssuesButton")

        self.issuesRow.addWidget(self.showIssuesButton)

        self.issuesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.issuesRow.addItem(self.issuesSpacer)


        self.statusForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.issuesRow)

        self.lastSuccessLabel = QLabel(self.statusBox)
        self.lastSuccessLabel.setObjectName(u"lastSuccessLabel")

        self.statusForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lastSuccessLabel)

        self.lastSuccessValue = QLabel(self.statusBox)
        self.lastSuccessValue.setObjectName(u"lastSuccessValue")

        self.statusForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lastSuccessValue)

        self.lastAttemptLabel = QLabel(self.statusBox)
        self.lastAttemptLabel.setObjectName(u"lastAttemptLabel")

        self.statusForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lastAttemptLabel)

        self.lastAttemptValue = QLabel(self.statusBox)
        self.lastAttemptValue.setObjectName(u"lastAttemptValue")
        self.lastAttemptValue.setWordWrap(True)

        self.statusForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.lastAttemptValue)

        self.tokenPlaceLabel = QLabel(self.statusBox)
        self.tokenPlaceLabel.setObjectName(u"tokenPlaceLabel")

        self.statusForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.tokenPlaceLabel)

        self.tokenPlaceValue = QLabel(self.statusBox)
        self.tokenPlaceValue.setObjectName(u"tokenPlaceValue")
        self.tokenPlaceValue.setWordWrap(True)

        self.statusForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.tokenPlaceValue)

        self.roundMessage = QLabel(self.statusBox)
        self.roundMessage.setObjectName(u"roundMessage")
        self.roundMessage.setWordWrap(True)
        self.roundMessage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statusForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.roundMessage)

        self.roundRow = QHBoxLayout()
        self.roundRow.setObjectName(u"roundRow")
        self.syncNowButton = QPushButton(self.statusBox)
        self.syncNowButton.setObjectName(u"syncNowButton")

        self.roundRow.addWidget(self.syncNowButton)

        self.cancelRoundButton = QPushButton(self.statusBox)
        self.cancelRoundButton.setObjectName(u"cancelRoundButton")

        self.roundRow.addWidget(self.cancelRoundButton)

        self.roundProgress = QProgressBar(self.statusBox)
        self.roundProgress.setObjectName(u"roundProgress")
        self.roundProgress.setMinimumSize(QSize(220, 0))

        self.roundRow.addWidget(self.roundProgress)

        self.roundSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roundRow.addItem(self.roundSpacer)


        self.statusForm.setLayout(9, QFormLayout.ItemRole.FieldRole, self.roundRow)

        self.intervalLabel = QLabel(self.statusBox)
        self.intervalLabel.setObjectName(u"intervalLabel")

        self.statusForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.intervalLabel)

        self.intervalRow = QHBoxLayout()
        self.intervalRow.setObjectName(u"intervalRow")
        self.intervalSpin = QSpinBox(self.statusBox)
        self.intervalSpin.setObjectName(u"intervalSpin")
        self.intervalSpin.setMaximumSize(QSize(140, 16777215))
        self.intervalSpin.setMinimum(1)
        self.intervalSpin.setMaximum(120)
        self.intervalSpin.setValue(5)

        self.intervalRow.addWidget(self.intervalSpin)

        self.intervalNote = QLabel(self.statusBox)
        self.intervalNote.setObjectName(u"intervalNote")
        self.intervalNote.setWordWrap(True)

        self.intervalRow.addWidget(self.intervalNote)

        self.intervalRow.setStretch(1, 1)

        self.statusForm.setLayout(10, QFormLayout.ItemRole.FieldRole, self.intervalRow)


        self.statusContentsLayout.addWidget(self.statusBox)

        self.tokenBox = QGroupBox(self.statusContents)
        self.tokenBox.setObjectName(u"tokenBox")
        self.tokenForm = QFormLayout(self.tokenBox)
        self.tokenForm.setObjectName(u"tokenForm")
        self.tokenNote = QLabel(self.tokenBox)
        self.tokenNote.setObjectName(u"tokenNote")
        self.tokenNote.setWordWrap(True)

        self.tokenForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.tokenNote)

        self.tokenLabel = QLabel(self.tokenBox)
        self.tokenLabel.setObjectName(u"tokenLabel")

        self.tokenForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tokenLabel)

        self.tokenRow = QHBoxLayout()
        self.tokenRow.setObjectName(u"tokenRow")
        self.tokenEdit = QLineEdit(self.tokenBox)
        self.tokenEdit.setObjectName(u"tokenEdit")
        self.tokenEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.tokenRow.addWidget(self.tokenEdit)

        self.useTokenButton = QPushButton(self.tokenBox)
        self.useTokenButton.setObjectName(u"useTokenButton")

        self.tokenRow.addWidget(self.useTokenButton)


        self.tokenForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.tokenRow)

        self.tokenError = QLabel(self.tokenBox)
        self.tokenError.setObjectName(u"tokenError")
        self.tokenError.setWordWrap(True)
        self.tokenError.setStyleSheet(u"color: #b00020;")

        self.tokenForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.tokenError)


        self.statusContentsLayout.addWidget(self.tokenBox)

        self.enrollBox = QGroupBox(self.statusContents)
        self.enrollBox.setObjectName(u"enrollBox")
        self.enrollForm = QFormLayout(self.enrollBox)
        self.enrollForm.setObjectName(u"enrollForm")
        self.enrollNote = QLabel(self.enrollBox)
        self.enrollNote.setObjectName(u"enrollNote")
        self.enrollNote.setWordWrap(True)

        self.enrollForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.enrollNote)

        self.serverUrlLabel = QLabel(self.enrollBox)
        self.serverUrlLabel.setObjectName(u"serverUrlLabel")

        self.enrollForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serverUrlLabel)

        self.serverUrlEdit = QLineEdit(self.enrollBox)
        self.serverUrlEdit.setObjectName(u"serverUrlEdit")

        self.enrollForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverUrlEdit)

        self.serverUrlError = QLabel(self.enrollBox)
        self.serverUrlError.setObjectName(u"serverUrlError")
        self.serverUrlError.setWordWrap(True)
        self.serverUrlError.setStyleSheet(u"color: #b00020;")

        self.enrollForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.serverUrlError)

        self.codeLabel = QLabel(self.enrollBox)
        self.codeLabel.setObjectName(u"codeLabel")

        self.enrollForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.enrollBox)
        self.codeEdit.setObjectName(u"codeEdit")

        self.enrollForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(self.enrollBox)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)
        self.codeError.setStyleSheet(u"color: #b00020;")

        self.enrollForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.caBundleLabel = QLabel(self.enrollBox)
        self.caBundleLabel.setObjectName(u"caBundleLabel")

        self.enrollForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.caBundleLabel)

        self.caBundleRow = QHBoxLayout()
        self.caBundleRow.setObjectName(u"caBundleRow")
        self.caBundleEdit = QLineEdit(self.enrollBox)
        self.caBundleEdit.setObjectName(u"caBundleEdit")

        self.caBundleRow.addWidget(self.caBundleEdit)

        self.chooseCaButton = QPushButton(self.enrollBox)
        self.chooseCaButton.setObjectName(u"chooseCaButton")

        self.caBundleRow.addWidget(self.chooseCaButton)


        self.enrollForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.caBundleRow)

        self.caBundleError = QLabel(self.enrollBox)
        self.caBundleError.setObjectName(u"caBundleError")
        self.caBundleError.setWordWrap(True)
        self.caBundleError.setStyleSheet(u"color: #b00020;")

        self.enrollForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.caBundleError)

        self.enrollRow = QHBoxLayout()
        self.enrollRow.setObjectName(u"enrollRow")
        self.enrollButton = QPushButton(self.enrollBox)
        self.enrollButton.setObjectName(u"enrollButton")

        self.enrollRow.addWidget(self.enrollButton)

        self.enrollStatus = QLabel(self.enrollBox)
        self.enrollStatus.setObjectName(u"enrollStatus")
        self.enrollStatus.setWordWrap(True)

        self.enrollRow.addWidget(self.enrollStatus)

        self.enrollRow.setStretch(1, 1)

        self.enrollForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.enrollRow)

        self.sessionTokenNote = QLabel(self.enrollBox)
        self.sessionTokenNote.setObjectName(u"sessionTokenNote")
        self.sessionTokenNote.setWordWrap(True)
        self.sessionTokenNote.setStyleSheet(u"color: #8a4b00; font-weight: bold;")

        self.enrollForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sessionTokenNote)

        self.sessionTokenRow = QHBoxLayout()
        self.sessionTokenRow.setObjectName(u"sessionTokenRow")
        self.sessionTokenEdit = QLineEdit(self.enrollBox)
        self.sessionTokenEdit.setObjectName(u"sessionTokenEdit")
        self.sessionTokenEdit.setReadOnly(True)

        self.sessionTokenRow.addWidget(self.sessionTokenEdit)

        self.copyTokenButton = QPushButton(self.enrollBox)
        self.copyTokenButton.setObjectName(u"copyTokenButton")

        self.sessionTokenRow.addWidget(self.copyTokenButton)


        self.enrollForm.setLayout(9, QFormLayout.ItemRole.FieldRole, self.sessionTokenRow)


        self.statusContentsLayout.addWidget(self.enrollBox)

        self.statusBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.statusContentsLayout.addItem(self.statusBottomSpacer)

        self.statusScroll.setWidget(self.statusContents)

        self.statusTabLayout.addWidget(self.statusScroll)

        self.tabs.addTab(self.statusTab, "")
        self.issuesTab = QWidget()
        self.issuesTab.setObjectName(u"issuesTab")
        self.issuesTabLayout = QVBoxLayout(self.issuesTab)
        self.issuesTabLayout.setObjectName(u"issuesTabLayout")
        self.issuesTopRow = QHBoxLayout()
        self.issuesTopRow.setObjectName(u"issuesTopRow")
        self.issuesNote = QLabel(self.issuesTab)
        self.issuesNote.setObjectName(u"issuesNote")
        self.issuesNote.setWordWrap(True)

        self.issuesTopRow.addWidget(self.issuesNote)

        self.showResolvedCheck = QCheckBox(self.issuesTab)
        self.showResolvedCheck.setObjectName(u"showResolvedCheck")

        self.issuesTopRow.addWidget(self.showResolvedCheck)


        self.issuesTabLayout.addLayout(self.issuesTopRow)

        self.issuesTable = QTableWidget(self.issuesTab)
        self.issuesTable.setObjectName(u"issuesTable")
        self.issuesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issuesTable.setAlternatingRowColors(True)
        self.issuesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.issuesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issuesTable.setWordWrap(True)

        self.issuesTabLayout.addWidget(self.issuesTable)

        self.issueBox = QGroupBox(self.issuesTab)
        self.issueBox.setObjectName(u"issueBox")
        self.issueForm = QFormLayout(self.issueBox)
        self.issueForm.setObjectName(u"issueForm")
        self.mineLabel = QLabel(self.issueBox)
        self.mineLabel.setObjectName(u"mineLabel")

        self.issueForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mineLabel)

        self.mineValue = QLabel(self.issueBox)
        self.mineValue.setObjectName(u"mineValue")
        self.mineValue.setWordWrap(True)
        self.mineValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issueForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mineValue)

        self.reasonLabel = QLabel(self.issueBox)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.issueForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonValue = QLabel(self.issueBox)
        self.reasonValue.setObjectName(u"reasonValue")
        self.reasonValue.setWordWrap(True)
        self.reasonValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issueForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonValue)

        self.districtStateLabel = QLabel(self.issueBox)
        self.districtStateLabel.setObjectName(u"districtStateLabel")

        self.issueForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.districtStateLabel)

        self.districtStateValue = QLabel(self.issueBox)
        self.districtStateValue.setObjectName(u"districtStateValue")
        self.districtStateValue.setWordWrap(True)
        self.districtStateValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issueForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.districtStateValue)

        self.choiceLabel = QLabel(self.issueBox)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.issueForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.choiceLabel)

        self.choiceColumn = QVBoxLayout()
        self.choiceColumn.setObjectName(u"choiceColumn")
        self.keepServerRadio = QRadioButton(self.issueBox)
        self.keepServerRadio.setObjectName(u"keepServerRadio")

        self.choiceColumn.addWidget(self.keepServerRadio)

        self.reapplyRadio = QRadioButton(self.issueBox)
        self.reapplyRadio.setObjectName(u"reapplyRadio")

        self.choiceColumn.addWidget(self.reapplyRadio)

        self.dismissRadio = QRadioButton(self.issueBox)
        self.dismissRadio.setObjectName(u"dismissRadio")

        self.choiceColumn.addWidget(self.dismissRadio)

        self.choiceEffect = QLabel(self.issueBox)
        self.choiceEffect.setObjectName(u"choiceEffect")
        self.choiceEffect.setWordWrap(True)

        self.choiceColumn.addWidget(self.choiceEffect)

        self.choiceError = QLabel(self.issueBox)
        self.choiceError.setObjectName(u"choiceError")
        self.choiceError.setWordWrap(True)
        self.choiceError.setStyleSheet(u"color: #b00020;")

        self.choiceColumn.addWidget(self.choiceError)


        self.issueForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.choiceColumn)

        self.noteLabel = QLabel(self.issueBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.issueForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(self.issueBox)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))
        self.noteEdit.setTabChangesFocus(True)

        self.issueForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.noteError = QLabel(self.issueBox)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)
        self.noteError.setStyleSheet(u"color: #b00020;")

        self.issueForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteError)

        self.resolveRow = QHBoxLayout()
        self.resolveRow.setObjectName(u"resolveRow")
        self.resolveButton = QPushButton(self.issueBox)
        self.resolveButton.setObjectName(u"resolveButton")

        self.resolveRow.addWidget(self.resolveButton)

        self.resolveStatus = QLabel(self.issueBox)
        self.resolveStatus.setObjectName(u"resolveStatus")
        self.resolveStatus.setWordWrap(True)

        self.resolveRow.addWidget(self.resolveStatus)

        self.resolveRow.setStretch(1, 1)

        self.issueForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.resolveRow)


        self.issuesTabLayout.addWidget(self.issueBox)

        self.tabs.addTab(self.issuesTab, "")
        self.districtTab = QWidget()
        self.districtTab.setObjectName(u"districtTab")
        self.districtTabLayout = QVBoxLayout(self.districtTab)
        self.districtTabLayout.setObjectName(u"districtTabLayout")
        self.districtNote = QLabel(self.districtTab)
        self.districtNote.setObjectName(u"districtNote")
        self.districtNote.setWordWrap(True)

        self.districtTabLayout.addWidget(self.districtNote)

        self.districtTopRow = QHBoxLayout()
        self.districtTopRow.setObjectName(u"districtTopRow")
        self.districtFilterLabel = QLabel(self.districtTab)
        self.districtFilterLabel.setObjectName(u"districtFilterLabel")

        self.districtTopRow.addWidget(self.districtFilterLabel)

        self.districtFilter = QComboBox(self.districtTab)
        self.districtFilter.setObjectName(u"districtFilter")

        self.districtTopRow.addWidget(self.districtFilter)

        self.districtSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.districtTopRow.addItem(self.districtSpacer)

        self.districtCount = QLabel(self.districtTab)
        self.districtCount.setObjectName(u"districtCount")

        self.districtTopRow.addWidget(self.districtCount)


        self.districtTabLayout.addLayout(self.districtTopRow)

        self.districtTable = QTableWidget(self.districtTab)
        self.districtTable.setObjectName(u"districtTable")
        self.districtTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.districtTable.setAlternatingRowColors(True)
        self.districtTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.districtTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.districtTabLayout.addWidget(self.districtTable)

        self.districtBottomRow = QHBoxLayout()
        self.districtBottomRow.setObjectName(u"districtBottomRow")
        self.takeOverButton = QPushButton(self.districtTab)
        self.takeOverButton.setObjectName(u"takeOverButton")

        self.districtBottomRow.addWidget(self.takeOverButton)

        self.districtStatus = QLabel(self.districtTab)
        self.districtStatus.setObjectName(u"districtStatus")
        self.districtStatus.setWordWrap(True)

        self.districtBottomRow.addWidget(self.districtStatus)

        self.districtBottomRow.setStretch(1, 1)

        self.districtTabLayout.addLayout(self.districtBottomRow)

        self.tabs.addTab(self.districtTab, "")

        self.mainLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.intervalLabel.setBuddy(self.intervalSpin)
        self.tokenLabel.setBuddy(self.tokenEdit)
        self.serverUrlLabel.setBuddy(self.serverUrlEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.caBundleLabel.setBuddy(self.caBundleEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.districtFilterLabel.setBuddy(self.districtFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.showIssuesButton)
        QWidget.setTabOrder(self.showIssuesButton, self.syncNowButton)
        QWidget.setTabOrder(self.syncNowButton, self.cancelRoundButton)
        QWidget.setTabOrder(self.cancelRoundButton, self.intervalSpin)
        QWidget.setTabOrder(self.intervalSpin, self.tokenEdit)
        QWidget.setTabOrder(self.tokenEdit, self.useTokenButton)
        QWidget.setTabOrder(self.useTokenButton, self.serverUrlEdit)
        QWidget.setTabOrder(self.serverUrlEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.caBundleEdit)
        QWidget.setTabOrder(self.caBundleEdit, self.chooseCaButton)
        QWidget.setTabOrder(self.chooseCaButton, self.enrollButton)
        QWidget.setTabOrder(self.enrollButton, self.sessionTokenEdit)
        QWidget.setTabOrder(self.sessionTokenEdit, self.copyTokenButton)
        QWidget.setTabOrder(self.copyTokenButton, self.showResolvedCheck)
        QWidget.setTabOrder(self.showResolvedCheck, self.issuesTable)
        QWidget.setTabOrder(self.issuesTable, self.keepServerRadio)
        QWidget.setTabOrder(self.keepServerRadio, self.reapplyRadio)
        QWidget.setTabOrder(self.reapplyRadio, self.dismissRadio)
        QWidget.setTabOrder(self.dismissRadio, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.resolveButton)
        QWidget.setTabOrder(self.resolveButton, self.districtFilter)
        QWidget.setTabOrder(self.districtFilter, self.districtTable)
        QWidget.setTabOrder(self.districtTable, self.takeOverButton)

        self.retranslateUi(SyncPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
        self.statusBox.setTitle(QCoreApplication.translate("SyncPage", u"\u4e0e\u533a\u793e\u4f1a\u6cbb\u7406\u4e2d\u5fc3\u7684\u540c\u6b65", None))
        self.stateLabel.setText(QCoreApplication.translate("SyncPage", u"\u72b6\u6001\uff1a", None))
        self.serverLabel.setText(QCoreApplication.translate("SyncPage", u"\u533a\u670d\u52a1\u5668\uff1a", None))
        self.scopeLabel.setText(QCoreApplication.translate("SyncPage", u"\u767b\u8bb0\u8303\u56f4\uff1a", None))
        self.pendingLabel.setText(QCoreApplication.translate("SyncPage", u"\u5f85\u63a8\u9001\uff1a", None))
        self.issuesLabel.setText(QCoreApplication.translate("SyncPage", u"\u5f85\u5904\u7406\u7684\u540c\u6b65\u95ee\u9898\uff1a", None))
        self.showIssuesButton.setText(QCoreApplication.translate("SyncPage", u"\u67e5\u770b\u5e76\u5904\u7406(&V)", None))
        self.lastSuccessLabel.setText(QCoreApplication.translate("SyncPage", u"\u4e0a\u6b21\u6210\u529f\u540c\u6b65\uff1a", None))
        self.lastAttemptLabel.setText(QCoreApplication.translate("SyncPage", u"\u4e0a\u6b21\u5c1d\u8bd5\uff1a", None))
        self.tokenPlaceLabel.setText(QCoreApplication.translate("SyncPage", u"\u8bbe\u5907\u4ee4\u724c\uff1a", None))
        self.syncNowButton.setText(QCoreApplication.translate("SyncPage", u"\u7acb\u5373\u540c\u6b65(&S)", None))
        self.cancelRoundButton.setText(QCoreApplication.translate("SyncPage", u"\u505c\u6b62\u672c\u6b21\u540c\u6b65(&T)", None))
        self.intervalLabel.setText(QCoreApplication.translate("SyncPage", u"\u81ea\u52a8\u540c\u6b65\u95f4\u9694(&I)\uff1a", None))
        self.intervalSpin.setSuffix(QCoreApplication.translate("SyncPage", u" \u5206\u949f", None))
        self.intervalNote.setText(QCoreApplication.translate("SyncPage", u"\u8054\u7f51\u65f6\u6bcf\u9694\u8fd9\u4e48\u4e45\u81ea\u52a8\u540c\u6b65\u4e00\u6b21\uff1b\u65ad\u7f51\u65f6\u5de5\u4f5c\u7167\u5e38\u4fdd\u5b58\uff0c\u8054\u7f51\u540e\u8865\u4e0a\u3002", None))
        self.tokenBox.setTitle(QCoreApplication.translate("SyncPage", u"\u8f93\u5165\u8bbe\u5907\u4ee4\u724c", None))
        self.tokenNote.setText(QCoreApplication.translate("SyncPage", u"\u672c\u673a\u6ca1\u6709\u5b89\u5168\u7684\u7cfb\u7edf\u94a5\u5319\u4e32\uff0c\u8bbe\u5907\u4ee4\u724c\u4e0d\u4fdd\u5b58\u5728\u7535\u8111\u4e0a\uff1a\u8bf7\u8f93\u5165\u767b\u8bb0\u65f6\u6284\u4e0b\u7684\u8bbe\u5907\u4ee4\u724c\uff0c\u5b83\u53ea\u5728\u672c\u6b21\u767b\u5f55\u671f\u95f4\u4f7f\u7528\uff0c\u9501\u5b9a\u540e\u987b\u91cd\u65b0\u8f93\u5165\u3002", None))
        self.tokenLabel.setText(QCoreApplication.translate("SyncPage", u"\u8bbe\u5907\u4ee4\u724c(&K)\uff1a", None))
        self.useTokenButton.setText(QCoreApplication.translate("SyncPage", u"\u4f7f\u7528(&U)", None))
        self.enrollBox.setTitle(QCoreApplication.translate("SyncPage", u"\u767b\u8bb0\u5230\u533a\u793e\u4f1a\u6cbb\u7406\u4e2d\u5fc3", None))
        self.serverUrlLabel.setText(QCoreApplication.translate("SyncPage", u"\u533a\u670d\u52a1\u5668\u5730\u5740(&A)\uff1a", None))
        self.serverUrlEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"\u4f8b\u5982 https://sync.example.gov.cn", None))
        self.codeLabel.setText(QCoreApplication.translate("SyncPage", u"\u767b\u8bb0\u7801(&C)\uff1a", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"\u533a\u793e\u4f1a\u6cbb\u7406\u4e2d\u5fc3\u53d1\u653e\u7684\u4e00\u6b21\u6027\u767b\u8bb0\u7801", None))
        self.caBundleLabel.setText(QCoreApplication.translate("SyncPage", u"CA \u8bc1\u4e66\u6587\u4ef6(&F)\uff1a", None))
        self.caBundleEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"\u53ef\u4e0d\u586b\uff1b\u533a\u670d\u52a1\u5668\u4f7f\u7528\u81ea\u7b7e\u540d\u8bc1\u4e66\u65f6\uff0c\u9009\u62e9\u533a\u91cc\u63d0\u4f9b\u7684\u8bc1\u4e66\u6587\u4ef6", None))
        self.chooseCaButton.setText(QCoreApplication.translate("SyncPage", u"\u9009\u62e9(&B)\u2026", None))
        self.enrollButton.setText(QCoreApplication.translate("SyncPage", u"\u767b\u8bb0(&E)", None))
        self.copyTokenButton.setText(QCoreApplication.translate("SyncPage", u"\u590d\u5236\u8bbe\u5907\u4ee4\u724c(&Y)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.statusTab), QCoreApplication.translate("SyncPage", u"\u540c\u6b65\u72b6\u6001\u4e0e\u767b\u8bb0", None))
        self.issuesNote.setText(QCoreApplication.translate("SyncPage", u"\u533a\u91cc\u62d2\u7edd\u6216\u4e0e\u533a\u91cc\u8bb0\u5f55\u51b2\u7a81\u7684\u53d8\u66f4\u90fd\u5217\u5728\u8fd9\u91cc\uff0c\u4e0d\u4f1a\u88ab\u6084\u6084\u4e22\u6389\uff1a\u9010\u6761\u770b\u6e05\u672c\u673a\u505a\u4e86\u4ec0\u4e48\u3001\u533a\u91cc\u73b0\u5728\u662f\u4ec0\u4e48\uff0c\u518d\u9009\u62e9\u5904\u7406\u65b9\u5f0f\u3002", None))
        self.showResolvedCheck.setText(QCoreApplication.translate("SyncPage", u"\u663e\u793a\u5df2\u5904\u7406\u7684(&R)", None))
        self.issueBox.setTitle(QCoreApplication.translate("SyncPage", u"\u6240\u9009\u95ee\u9898", None))
        self.mineLabel.setText(QCoreApplication.translate("SyncPage", u"\u672c\u673a\u7684\u53d8\u66f4\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("SyncPage", u"\u533a\u91cc\u7684\u8bf4\u6cd5\uff1a", None))
        self.districtStateLabel.setText(QCoreApplication.translate("SyncPage", u"\u533a\u91cc\u73b0\u5728\u7684\u8bb0\u5f55\uff1a", None))
        self.choiceLabel.setText(QCoreApplication.translate("SyncPage", u"\u5904\u7406\u65b9\u5f0f\uff1a", None))
        self.keepServerRadio.setText(QCoreApplication.translate("SyncPage", u"\u4ee5\u533a\u91cc\u4e3a\u51c6(&J)", None))
        self.reapplyRadio.setText(QCoreApplication.translate("SyncPage", u"\u91cd\u65b0\u63d0\u4ea4\u672c\u673a\u7684\u53d8\u66f4(&P)", None))
        self.dismissRadio.setText(QCoreApplication.translate("SyncPage", u"\u77e5\u6089\u5e76\u5173\u95ed(&D)", None))
        self.noteLabel.setText(QCoreApplication.translate("SyncPage", u"\u8bf4\u660e(&N)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"\u9009\u62e9\u201c\u77e5\u6089\u5e76\u5173\u95ed\u201d\u65f6\u5fc5\u987b\u5199\u660e\u539f\u56e0", None))
        self.resolveButton.setText(QCoreApplication.translate("SyncPage", u"\u6309\u6240\u9009\u65b9\u5f0f\u5904\u7406(&O)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.issuesTab), QCoreApplication.translate("SyncPage", u"\u540c\u6b65\u95ee\u9898", None))
        self.districtFilterLabel.setText(QCoreApplication.translate("SyncPage", u"\u663e\u793a(&W)\uff1a", None))
        self.takeOverButton.setText(QCoreApplication.translate("SyncPage", u"\u7531\u672c\u9547\u63a5\u624b\u6b64\u6848(&G)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.districtTab), QCoreApplication.translate("SyncPage", u"\u533a\u91cc\u7684\u6848\u4ef6", None))
        pass
    # retranslateUi

