# Generated from ui/mediator_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mediator_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_MediatorDialog(object):
    def setupUi(self, MediatorDialog):
        if not MediatorDialog.objectName():
            MediatorDialog.setObjectName(u"MediatorDialog")
        MediatorDialog.resize(640, 700)
        MediatorDialog.setModal(True)
        self.mainLayout = QVBoxLayout(MediatorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.nameLabel = QLabel(MediatorDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.name = QLineEdit(MediatorDialog)
        self.name.setObjectName(u"name")

        self.fieldsGrid.addWidget(self.name, 0, 1, 1, 1)

        self.nameError = QLabel(MediatorDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.genderLabel = QLabel(MediatorDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.fieldsGrid.addWidget(self.genderLabel, 2, 0, 1, 1)

        self.gender = QComboBox(MediatorDialog)
        self.gender.setObjectName(u"gender")

        self.fieldsGrid.addWidget(self.gender, 2, 1, 1, 1)

        self.genderError = QLabel(MediatorDialog)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setStyleSheet(u"color: #b00020;")
        self.genderError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.genderError, 3, 1, 1, 1)

        self.titleLabel = QLabel(MediatorDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.fieldsGrid.addWidget(self.titleLabel, 4, 0, 1, 1)

        self.title = QLineEdit(MediatorDialog)
        self.title.setObjectName(u"title")

        self.fieldsGrid.addWidget(self.title, 4, 1, 1, 1)

        self.titleError = QLabel(MediatorDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setStyleSheet(u"color: #b00020;")
        self.titleError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.titleError, 5, 1, 1, 1)

        self.phoneLabel = QLabel(MediatorDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fieldsGrid.addWidget(self.phoneLabel, 6, 0, 1, 1)

        self.phone = QLineEdit(MediatorDialog)
        self.phone.setObjectName(u"phone")

        self.fieldsGrid.addWidget(self.phone, 6, 1, 1, 1)

        self.phoneError = QLabel(MediatorDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.phoneError, 7, 1, 1, 1)

        self.areaLabel = QLabel(MediatorDialog)
        self.areaLabel.setObjectName(u"areaLabel")

        self.fieldsGrid.addWidget(self.areaLabel, 8, 0, 1, 1)

        self.area = QLineEdit(MediatorDialog)
        self.area.setObjectName(u"area")

        self.fieldsGrid.addWidget(self.area, 8, 1, 1, 1)

        self.areaError = QLabel(MediatorDialog)
        self.areaError.setObjectName(u"areaError")
        self.areaError.setStyleSheet(u"color: #b00020;")
        self.areaError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.areaError, 9, 1, 1, 1)

        self.skillsLabel = QLabel(MediatorDialog)
        self.skillsLabel.setObjectName(u"skillsLabel")

        self.fieldsGrid.addWidget(self.skillsLabel, 10, 0, 1, 1)

        self.skills = QListWidget(MediatorDialog)
        self.skills.setObjectName(u"skills")
        self.skills.setFlow(QListView.Flow.LeftToRight)
        self.skills.setResizeMode(QListView.ResizeMode.Adjust)
        self.skills.setMinimumSize(QSize(0, 170))

        self.fieldsGrid.addWidget(self.skills, 10, 1, 1, 1)

        self.skillsError = QLabel(MediatorDialog)
        self.skillsError.setObjectName(u"skillsError")
        self.skillsError.setStyleSheet(u"color: #b00020;")
        self.skillsError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.skillsError, 11, 1, 1, 1)

        self.maxOpenCasesLabel = QLabel(MediatorDialog)
        self.maxOpenCasesLabel.setObjectName(u"maxOpenCasesLabel")

        self.fieldsGrid.addWidget(self.maxOpenCasesLabel, 12, 0, 1, 1)

        self.maxOpenCases = QSpinBox(MediatorDialog)
        self.maxOpenCases.setObjectName(u"maxOpenCases")
        self.maxOpenCases.setMaximum(500)

        self.fieldsGrid.addWidget(self.maxOpenCases, 12, 1, 1, 1)

        self.maxOpenCasesError = QLabel(MediatorDialog)
        self.maxOpenCasesError.setObjectName(u"maxOpenCasesError")
        self.maxOpenCasesError.setStyleSheet(u"color: #b00020;")
        self.maxOpenCasesError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.maxOpenCasesError, 13, 1, 1, 1)

        self.available = QCheckBox(MediatorDialog)
        self.available.setObjectName(u"available")

        self.fieldsGrid.addWidget(self.available, 14, 1, 1, 1)

        self.active = QCheckBox(MediatorDialog)
        self.active.setObjectName(u"active")

        self.fieldsGrid.addWidget(self.active, 15, 1, 1, 1)

        self.notesLabel = QLabel(MediatorDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.fieldsGrid.addWidget(self.notesLabel, 16, 0, 1, 1)

        self.notes = QPlainTextEdit(MediatorDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 90))

        self.fieldsGrid.addWidget(self.notes, 16, 1, 1, 1)

        self.notesError = QLabel(MediatorDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setStyleSheet(u"color: #b00020;")
        self.notesError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.notesError, 17, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(MediatorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(MediatorDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.genderLabel.setBuddy(self.gender)
        self.titleLabel.setBuddy(self.title)
        self.phoneLabel.setBuddy(self.phone)
        self.areaLabel.setBuddy(self.area)
        self.skillsLabel.setBuddy(self.skills)
        self.maxOpenCasesLabel.setBuddy(self.maxOpenCases)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.gender)
        QWidget.setTabOrder(self.gender, self.title)
        QWidget.setTabOrder(self.title, self.phone)
        QWidget.setTabOrder(self.phone, self.area)
        QWidget.setTabOrder(self.area, self.skills)
        QWidget.setTabOrder(self.skills, self.maxOpenCases)
        QWidget.setTabOrder(self.maxOpenCases, self.available)
        QWidget.setTabOrder(self.available, self.active)
        QWidget.setTabOrder(self.active, self.notes)
        QWidget.setTabOrder(self.notes, self.buttons)

        self.retranslateUi(MediatorDialog)

        QMetaObject.connectSlotsByName(MediatorDialog)
    # setupUi

    def retranslateUi(self, MediatorDialog):
        MediatorDialog.setWindowTitle(QCoreApplication.translate("MediatorDialog", u"\u8c03\u89e3\u5458", None))
        self.nameLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u59d3\u540d(&A)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("MediatorDialog", u"\u8c03\u89e3\u5458\u59d3\u540d", None))
        self.genderLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u6027\u522b(&G)\uff1a", None))
        self.titleLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u79f0\u8c13(&T)\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("MediatorDialog", u"\u5982 \u8001\u5a18\u8205\u3001\u4e13\u804c\u8c03\u89e3\u5458", None))
        self.phoneLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("MediatorDialog", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd\uff0c\u5982 13905751234 \u6216 0575-82123456", None))
        self.areaLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u8d1f\u8d23\u7247\u533a(&R)\uff1a", None))
        self.area.setPlaceholderText(QCoreApplication.translate("MediatorDialog", u"\u6751\u6216\u7f51\u683c\uff0c\u5982 \u8c22\u5bb6\u5858\u6751", None))
        self.skillsLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u64c5\u957f\u7ea0\u7eb7\u7c7b\u578b(&S)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.skills.setToolTip(QCoreApplication.translate("MediatorDialog", u"\u7528\u7a7a\u683c\u952e\u52fe\u9009\u6216\u53d6\u6d88", None))
#endif // QT_CONFIG(tooltip)
        self.maxOpenCasesLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u5728\u529e\u4e0a\u9650(&M)\uff1a", None))
        self.maxOpenCases.setSpecialValueText(QCoreApplication.translate("MediatorDialog", u"\u4e0d\u9650", None))
#if QT_CONFIG(tooltip)
        self.maxOpenCases.setToolTip(QCoreApplication.translate("MediatorDialog", u"\u540c\u65f6\u5728\u529e\u7684\u6848\u4ef6\u6700\u591a\u51e0\u4ef6\uff1b0 \u8868\u793a\u4e0d\u9650", None))
#endif // QT_CONFIG(tooltip)
        self.available.setText(QCoreApplication.translate("MediatorDialog", u"\u53ef\u4ee5\u6d3e\u5355(&V)", None))
        self.active.setText(QCoreApplication.translate("MediatorDialog", u"\u5728\u8c03\u89e3\u5458\u540d\u518c\u4e2d(&C)", None))
        self.notesLabel.setText(QCoreApplication.translate("MediatorDialog", u"\u5907\u6ce8(&O)\uff1a", None))
    # retranslateUi

