# Generated from ui/settings_page.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(760, 640)
        self.mainLayout = QVBoxLayout(SettingsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scrollArea = QScrollArea(SettingsPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.interfaceBox = QGroupBox(self.scrollContents)
        self.interfaceBox.setObjectName(u"interfaceBox")
        self.interfaceForm = QFormLayout(self.interfaceBox)
        self.interfaceForm.setObjectName(u"interfaceForm")
        self.languageLabel = QLabel(self.interfaceBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.interfaceBox)
        self.languageCombo.setObjectName(u"languageCombo")

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageNote = QLabel(self.interfaceBox)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.interfaceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageNote)

        self.largeFontCheck = QCheckBox(self.interfaceBox)
        self.largeFontCheck.setObjectName(u"largeFontCheck")

        self.interfaceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.largeFontCheck)

        self.idleLabel = QLabel(self.interfaceBox)
        self.idleLabel.setObjectName(u"idleLabel")

        self.interfaceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.idleLabel)

        self.idleLayout = QHBoxLayout()
        self.idleLayout.setObjectName(u"idleLayout")
        self.idleMinutesEdit = QLineEdit(self.interfaceBox)
        self.idleMinutesEdit.setObjectName(u"idleMinutesEdit")
        self.idleMinutesEdit.setMaximumSize(QSize(132, 16777215))

        self.idleLayout.addWidget(self.idleMinutesEdit)

        self.idleUnitLabel = QLabel(self.interfaceBox)
        self.idleUnitLabel.setObjectName(u"idleUnitLabel")

        self.idleLayout.addWidget(self.idleUnitLabel)

        self.idleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.idleLayout.addItem(self.idleSpacer)


        self.interfaceForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.idleLayout)

        self.idleMinutesError = QLabel(self.interfaceBox)
        self.idleMinutesError.setObjectName(u"idleMinutesError")
        self.idleMinutesError.setWordWrap(True)
        self.idleMinutesError.setStyleSheet(u"color: #b00020;")

        self.interfaceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.idleMinutesError)

        self.interfaceButtons = QHBoxLayout()
        self.interfaceButtons.setObjectName(u"interfaceButtons")
        self.applyInterfaceButton = QPushButton(self.interfaceBox)
        self.applyInterfaceButton.setObjectName(u"applyInterfaceButton")

        self.interfaceButtons.addWidget(self.applyInterfaceButton)

        self.interfaceSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.interfaceButtons.addItem(self.interfaceSpacer)


        self.interfaceForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.interfaceButtons)

        self.interfaceStatusLabel = QLabel(self.interfaceBox)
        self.interfaceStatusLabel.setObjectName(u"interfaceStatusLabel")
        self.interfaceStatusLabel.setWordWrap(True)

        self.interfaceForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.interfaceStatusLabel)


        self.contentsLayout.addWidget(self.interfaceBox)

        self.rulesBox = QGroupBox(self.scrollContents)
        self.rulesBox.setObjectName(u"rulesBox")
        self.rulesForm = QFormLayout(self.rulesBox)
        self.rulesForm.setObjectName(u"rulesForm")
        self.rulesNote = QLabel(self.rulesBox)
        self.rulesNote.setObjectName(u"rulesNote")
        self.rulesNote.setWordWrap(True)

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.rulesNote)

        self.overdueLabel = QLabel(self.rulesBox)
        self.overdueLabel.setObjectName(u"overdueLabel")

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.overdueLabel)

        self.overdueLayout = QHBoxLayout()
        self.overdueLayout.setObjectName(u"overdueLayout")
        self.overdueDaysEdit = QLineEdit(self.rulesBox)
        self.overdueDaysEdit.setObjectName(u"overdueDaysEdit")
        self.overdueDaysEdit.setMaximumSize(QSize(132, 16777215))

        self.overdueLayout.addWidget(self.overdueDaysEdit)

        self.overdueUnitLabel = QLabel(self.rulesBox)
        self.overdueUnitLabel.setObjectName(u"overdueUnitLabel")
        self.overdueUnitLabel.setWordWrap(True)

        self.overdueLayout.addWidget(self.overdueUnitLabel)


        self.rulesForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.overdueLayout)

        self.overdueDaysError = QLabel(self.rulesBox)
        self.overdueDaysError.setObjectName(u"overdueDaysError")
        self.overdueDaysError.setWordWrap(True)
        self.overdueDaysError.setStyleSheet(u"color: #b00020;")

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.overdueDaysError)

        self.judicialLabel = QLabel(self.rulesBox)
        self.judicialLabel.setObjectName(u"judicialLabel")

        self.rulesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.judicialLabel)

        self.judicialLayout = QHBoxLayout()
        self.judicialLayout.setObjectName(u"judicialLayout")
        self.judicialDaysEdit = QLineEdit(self.rulesBox)
        self.judicialDaysEdit.setObjectName(u"judicialDaysEdit")
        self.judicialDaysEdit.setMaximumSize(QSize(132, 16777215))

        self.judicialLayout.addWidget(self.judicialDaysEdit)

        self.judicialUnitLabel = QLabel(self.rulesBox)
        self.judicialUnitLabel.setObjectName(u"judicialUnitLabel")
        self.judicialUnitLabel.setWordWrap(True)

        self.judicialLayout.addWidget(self.judicialUnitLabel)


        self.rulesForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.judicialLayout)

        self.judicialDaysError = QLabel(self.rulesBox)
        self.judicialDaysError.setObjectName(u"judicialDaysError")
        self.judicialDaysError.setWordWrap(True)
        self.judicialDaysError.setStyleSheet(u"color: #b00020;")

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.judicialDaysError)

        self.rulesButtons = QHBoxLayout()
        self.rulesButtons.setObjectName(u"rulesButtons")
        self.saveRulesButton = QPushButton(self.rulesBox)
        self.saveRulesButton.setObjectName(u"saveRulesButton")

        self.rulesButtons.addWidget(self.saveRulesButton)

        self.rulesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesButtons.addItem(self.rulesSpacer)


        self.rulesForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.rulesButtons)

        self.rulesStatusLabel = QLabel(self.rulesBox)
        self.rulesStatusLabel.setObjectName(u"rulesStatusLabel")
        self.rulesStatusLabel.setWordWrap(True)

        self.rulesForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rulesStatusLabel)


        self.contentsLayout.addWidget(self.rulesBox)

        self.dataBox = QGroupBox(self.scrollContents)
        self.dataBox.setObjectName(u"dataBox")
        self.dataForm = QFormLayout(self.dataBox)
        self.dataForm.setObjectName(u"dataForm")
        self.dataLocationTitle = QLabel(self.dataBox)
        self.dataLocationTitle.setObjectName(u"dataLocationTitle")

        self.dataForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataLocationTitle)

        self.dataLocationLabel = QLabel(self.dataBox)
        self.dataLocationLabel.setObjectName(u"dataLocationLabel")
        self.dataLocationLabel.setWordWrap(True)
        self.dataLocationLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.dataForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dataLocationLabel)

        self.dataLocationNote = QLabel(self.dataBox)
        self.dataLocationNote.setObjectName(u"dataLocationNote")
        self.dataLocationNote.setWordWrap(True)

        self.dataForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dataLocationNote)

        self.dataLocationButtons = QHBoxLayout()
        self.dataLocationButtons.setObjectName(u"dataLocationButtons")
        self.chooseDataButton = QPushButton(self.dataBox)
        self.chooseDataButton.setObjectName(u"chooseDataButton")

        self.dataLocationButtons.addWidget(self.chooseDataButton)

        self.resetDataButton = QPushButton(self.dataBox)
        self.resetDataButton.setObjectName(u"resetDataButton")

        self.dataLocationButtons.addWidget(self.resetDataButton)

        self.dataLocationSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dataLocationButtons.addItem(self.dataLocationSpacer)


        self.dataForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.dataLocationButtons)

        self.dataLocationError = QLabel(self.dataBox)
        self.dataLocationError.setObjectName(u"dataLocationError")
        self.dataLocationError.setWordWrap(True)
        self.dataLocationError.setStyleSheet(u"color: #b00020;")

        self.dataForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dataLocationError)

        self.backupFolderTitle = QLabel(self.dataBox)
        self.backupFolderTitle.setObjectName(u"backupFolderTitle")

        self.dataForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.backupFolderTitle)

        self.backupFolderLabel = QLabel(self.dataBox)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")
        self.backupFolderLabel.setWordWrap(True)
        self.backupFolderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.dataForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.backupFolderLabel)

        self.backupFolderButtons = QHBoxLayout()
        self.backupFolderButtons.setObjectName(u"backupFolderButtons")
        self.chooseBackupButton = QPushButton(self.dataBox)
        self.chooseBackupButton.setObjectName(u"chooseBackupButton")

        self.backupFolderButtons.addWidget(self.chooseBackupButton)

        self.resetBackupButton = QPushButton(self.dataBox)
        self.resetBackupButton.setObjectName(u"resetBackupButton")

        self.backupFolderButtons.addWidget(self.resetBackupButton)

        self.backupFolderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupFolderButtons.addItem(self.backupFolderSpacer)


        self.dataForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.backupFolderButtons)

        self.backupFolderError = QLabel(self.dataBox)
        self.backupFolderError.setObjectName(u"backupFolderError")
        self.backupFolderError.setWordWrap(True)
        self.backupFolderError.setStyleSheet(u"color: #b00020;")

        self.dataForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.backupFolderError)

        self.dataButtons = QHBoxLayout()
        self.dataButtons.setObjectName(u"dataButtons")
        self.backupButton = QPushButton(self.dataBox)
        self.backupButton.setObjectName(u"backupButton")

        self.dataButtons.addWidget(self.backupButton)

        self.restoreButton = QPushButton(self.dataBox)
        self.restoreButton.setObjectName(u"restoreButton")

        self.dataButtons.addWidget(self.restoreButton)

        self.checkButton = QPushButton(self.dataBox)
        self.checkButton.setObjectName(u"checkButton")

        self.dataButtons.addWidget(self.checkButton)

        self.dataButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dataButtons.addItem(self.dataButtonsSpacer)


        self.dataForm.setLayout(7, QFormLayout.ItemRole.SpanningRole, self.dataButtons)

        self.progressBar = QProgressBar(self.dataBox)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.dataForm.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.progressBar)

        self.dataStatusLabel = QLabel(self.dataBox)
        self.dataStatusLabel.setObjectName(u"dataStatusLabel")
        self.dataStatusLabel.setWordWrap(True)
        self.dataStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.dataForm.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.dataStatusLabel)

        self.dataAdminNote = QLabel(self.dataBox)
        self.dataAdminNote.setObjectName(u"dataAdminNote")
        self.dataAdminNote.setWordWrap(True)

        self.dataForm.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.dataAdminNote)


        self.contentsLayout.addWidget(self.dataBox)

        self.bottomSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.idleLabel.setBuddy(self.idleMinutesEdit)
        self.overdueLabel.setBuddy(self.overdueDaysEdit)
        self.judicialLabel.setBuddy(self.judicialDaysEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.largeFontCheck)
        QWidget.setTabOrder(self.largeFontCheck, self.idleMinutesEdit)
        QWidget.setTabOrder(self.idleMinutesEdit, self.applyInterfaceButton)
        QWidget.setTabOrder(self.applyInterfaceButton, self.overdueDaysEdit)
        QWidget.setTabOrder(self.overdueDaysEdit, self.judicialDaysEdit)
        QWidget.setTabOrder(self.judicialDaysEdit, self.saveRulesButton)
        QWidget.setTabOrder(self.saveRulesButton, self.chooseDataButton)
        QWidget.setTabOrder(self.chooseDataButton, self.resetDataButton)
        QWidget.setTabOrder(self.resetDataButton, self.chooseBackupButton)
        QWidget.setTabOrder(self.chooseBackupButton, self.resetBackupButton)
        QWidget.setTabOrder(self.resetBackupButton, self.backupButton)
        QWidget.setTabOrder(self.backupButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.checkButton)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.interfaceBox.setTitle(QCoreApplication.translate("SettingsPage", u"\u754c\u9762", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8bed\u8a00(&L)\uff1a", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsPage", u"\u66f4\u6539\u8bed\u8a00\u540e\uff0c\u91cd\u65b0\u542f\u52a8\u5de5\u4f5c\u53f0\u624d\u5168\u90e8\u751f\u6548\u3002", None))
        self.largeFontCheck.setText(QCoreApplication.translate("SettingsPage", u"\u5927\u5b57\u6a21\u5f0f(&F)\uff1a\u6574\u4e2a\u7a97\u53e3\u4f7f\u7528\u66f4\u5927\u7684\u5b57\uff0c\u4fbf\u4e8e\u8001\u5e74\u4eba\u9605\u8bfb", None))
        self.idleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u65e0\u64cd\u4f5c\u81ea\u52a8\u9501\u5b9a(&M)\uff1a", None))
        self.idleUnitLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5206\u949f\uff081\u2013120\uff09\uff1a\u8fd9\u4e48\u4e45\u6ca1\u6709\u6309\u952e\u6216\u70b9\u51fb\uff0c\u5de5\u4f5c\u53f0\u81ea\u52a8\u9501\u5b9a", None))
        self.applyInterfaceButton.setText(QCoreApplication.translate("SettingsPage", u"\u5e94\u7528\u754c\u9762\u8bbe\u7f6e(&A)", None))
        self.rulesBox.setTitle(QCoreApplication.translate("SettingsPage", u"\u529e\u6848\u63d0\u9192", None))
        self.overdueLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5728\u529e\u8d85\u671f\u5929\u6570(&O)\uff1a", None))
        self.overdueUnitLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5929\uff081\u2013365\uff09\uff1a\u5728\u529e\u8d85\u8fc7\u8fd9\u4e9b\u5929\u7684\u6848\u4ef6\u5217\u5165\u5de5\u4f5c\u53f0\u7684\u300c\u8d85\u671f\u5728\u529e\u300d", None))
        self.judicialLabel.setText(QCoreApplication.translate("SettingsPage", u"\u53f8\u6cd5\u786e\u8ba4\u63d0\u9192\u5929\u6570(&J)\uff1a", None))
        self.judicialUnitLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5929\uff081\u201330\uff09\uff1a\u53f8\u6cd5\u786e\u8ba4\u7533\u8bf7\u671f\u9650\u5728\u8fd9\u4e9b\u5929\u5185\u5c4a\u6ee1\u65f6\u63d0\u9192", None))
        self.saveRulesButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u529e\u6848\u63d0\u9192(&S)", None))
        self.dataBox.setTitle(QCoreApplication.translate("SettingsPage", u"\u6570\u636e", None))
        self.dataLocationTitle.setText(QCoreApplication.translate("SettingsPage", u"\u6570\u636e\u4f4d\u7f6e\uff1a", None))
        self.chooseDataButton.setText(QCoreApplication.translate("SettingsPage", u"\u66f4\u6539\u6570\u636e\u4f4d\u7f6e(&D)\u2026", None))
        self.resetDataButton.setText(QCoreApplication.translate("SettingsPage", u"\u6062\u590d\u9ed8\u8ba4\u6570\u636e\u4f4d\u7f6e", None))
        self.backupFolderTitle.setText(QCoreApplication.translate("SettingsPage", u"\u5907\u4efd\u4f4d\u7f6e\uff1a", None))
        self.chooseBackupButton.setText(QCoreApplication.translate("SettingsPage", u"\u66f4\u6539\u5907\u4efd\u4f4d\u7f6e(&K)\u2026", None))
        self.resetBackupButton.setText(QCoreApplication.translate("SettingsPage", u"\u4f7f\u7528\u9ed8\u8ba4\u5907\u4efd\u4f4d\u7f6e", None))
        self.backupButton.setText(QCoreApplication.translate("SettingsPage", u"\u7acb\u5373\u5907\u4efd(&B)", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"\u6062\u590d\u5907\u4efd(&R)\u2026", None))
        self.checkButton.setText(QCoreApplication.translate("SettingsPage", u"\u68c0\u67e5\u6570\u636e\u5b8c\u6574\u6027(&C)", None))
        pass
    # retranslateUi

