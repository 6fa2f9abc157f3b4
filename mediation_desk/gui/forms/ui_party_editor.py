# Generated from ui/party_editor.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'party_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QWidget)
class Ui_PartyEditor(object):
    def setupUi(self, PartyEditor):
        if not PartyEditor.objectName():
            PartyEditor.setObjectName(u"PartyEditor")
        self.fieldGrid = QGridLayout(PartyEditor)
        self.fieldGrid.setObjectName(u"fieldGrid")
        self.roleLabel = QLabel(PartyEditor)
        self.roleLabel.setObjectName(u"roleLabel")

        self.fieldGrid.addWidget(self.roleLabel, 0, 0, 1, 1)

        self.role = QComboBox(PartyEditor)
        self.role.setObjectName(u"role")

        self.fieldGrid.addWidget(self.role, 0, 1, 1, 1)

        self.roleError = QLabel(PartyEditor)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setStyleSheet(u"color: #b00020;")
        self.roleError.setWordWrap(True)

        self.fieldGrid.addWidget(self.roleError, 1, 1, 1, 1)

        self.kindLabel = QLabel(PartyEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldGrid.addWidget(self.kindLabel, 2, 0, 1, 1)

        self.kind = QComboBox(PartyEditor)
        self.kind.setObjectName(u"kind")

        self.fieldGrid.addWidget(self.kind, 2, 1, 1, 1)

        self.kindError = QLabel(PartyEditor)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setStyleSheet(u"color: #b00020;")
        self.kindError.setWordWrap(True)

        self.fieldGrid.addWidget(self.kindError, 3, 1, 1, 1)

        self.nameLabel = QLabel(PartyEditor)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldGrid.addWidget(self.nameLabel, 4, 0, 1, 1)

        self.name = QLineEdit(PartyEditor)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(128)

        self.fieldGrid.addWidget(self.name, 4, 1, 1, 1)

        self.nameError = QLabel(PartyEditor)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.fieldGrid.addWidget(self.nameError, 5, 1, 1, 1)

        self.idTypeLabel = QLabel(PartyEditor)
        self.idTypeLabel.setObjectName(u"idTypeLabel")

        self.fieldGrid.addWidget(self.idTypeLabel, 6, 0, 1, 1)

        self.idType = QComboBox(PartyEditor)
        self.idType.setObjectName(u"idType")

        self.fieldGrid.addWidget(self.idType, 6, 1, 1, 1)

        self.idTypeError = QLabel(PartyEditor)
        self.idTypeError.setObjectName(u"idTypeError")
        self.idTypeError.setStyleSheet(u"color: #b00020;")
        self.idTypeError.setWordWrap(True)

        self.fieldGrid.addWidget(self.idTypeError, 7, 1, 1, 1)

        self.idNumberLabel = QLabel(PartyEditor)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.fieldGrid.addWidget(self.idNumberLabel, 8, 0, 1, 1)

        self.idNumber = QLineEdit(PartyEditor)
        self.idNumber.setObjectName(u"idNumber")
        self.idNumber.setMaxLength(30)

        self.fieldGrid.addWidget(self.idNumber, 8, 1, 1, 1)

        self.idNumberError = QLabel(PartyEditor)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setStyleSheet(u"color: #b00020;")
        self.idNumberError.setWordWrap(True)

        self.fieldGrid.addWidget(self.idNumberError, 9, 1, 1, 1)

        self.genderLabel = QLabel(PartyEditor)
        self.genderLabel.setObjectName(u"genderLabel")

        self.fieldGrid.addWidget(self.genderLabel, 10, 0, 1, 1)

        self.gender = QComboBox(PartyEditor)
        self.gender.setObjectName(u"gender")

        self.fieldGrid.addWidget(self.gender, 10, 1, 1, 1)

        self.genderError = QLabel(PartyEditor)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setStyleSheet(u"color: #b00020;")
        self.genderError.setWordWrap(True)

        self.fieldGrid.addWidget(self.genderError, 11, 1, 1, 1)

        self.birthDateLabel = QLabel(PartyEditor)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.fieldGrid.addWidget(self.birthDateLabel, 12, 0, 1, 1)

        self.birthDate = QLineEdit(PartyEditor)
        self.birthDate.setObjectName(u"birthDate")

        self.fieldGrid.addWidget(self.birthDate, 12, 1, 1, 1)

        self.birthDateError = QLabel(PartyEditor)
        self.birthDateError.setObjectName(u"birthDateError")
        self.birthDateError.setStyleSheet(u"color: #b00020;")
        self.birthDateError.setWordWrap(True)

        self.fieldGrid.addWidget(self.birthDateError, 13, 1, 1, 1)

        self.ageLabel = QLabel(PartyEditor)
        self.ageLabel.setObjectName(u"ageLabel")

        self.fieldGrid.addWidget(self.ageLabel, 14, 1, 1, 1)

        self.ethnicityLabel = QLabel(PartyEditor)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.fieldGrid.addWidget(self.ethnicityLabel, 15, 0, 1, 1)

        self.ethnicity = QLineEdit(PartyEditor)
        self.ethnicity.setObjectName(u"ethnicity")
        self.ethnicity.setMaxLength(16)

        self.fieldGrid.addWidget(self.ethnicity, 15, 1, 1, 1)

        self.ethnicityError = QLabel(PartyEditor)
        self.ethnicityError.setObjectName(u"ethnicityError")
        self.ethnicityError.setStyleSheet(u"color: #b00020;")
        self.ethnicityError.setWordWrap(True)

        self.fieldGrid.addWidget(self.ethnicityError, 16, 1, 1, 1)

        self.occupationLabel = QLabel(PartyEditor)
        self.occupationLabel.setObjectName(u"occupationLabel")

        self.fieldGrid.addWidget(self.occupationLabel, 17, 0, 1, 1)

        self.occupation = QLineEdit(PartyEditor)
        self.occupation.setObjectName(u"occupation")
        self.occupation.setMaxLength(60)

        self.fieldGrid.addWidget(self.occupation, 17, 1, 1, 1)

        self.occupationError = QLabel(PartyEditor)
        self.occupationError.setObjectName(u"occupationError")
        self.occupationError.setStyleSheet(u"color: #b00020;")
        self.occupationError.setWordWrap(True)

        self.fieldGrid.addWidget(self.occupationError, 18, 1, 1, 1)

        self.phoneLabel = QLabel(PartyEditor)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fieldGrid.addWidget(self.phoneLabel, 19, 0, 1, 1)

        self.phone = QLineEdit(PartyEditor)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(20)

        self.fieldGrid.addWidget(self.phone, 19, 1, 1, 1)

        self.phoneError = QLabel(PartyEditor)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.fieldGrid.addWidget(self.phoneError, 20, 1, 1, 1)

        self.addressLabel = QLabel(PartyEditor)
        self.addressLabel.setObjectName(u"addressLabel")

        self.fieldGrid.addWidget(self.addressLabel, 21, 0, 1, 1)

        self.address = QLineEdit(PartyEditor)
        self.address.setObjectName(u"address")
        self.address.setMaxLength(200)

        self.fieldGrid.addWidget(self.address, 21, 1, 1, 1)

        self.addressError = QLabel(PartyEditor)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setStyleSheet(u"color: #b00020;")
        self.addressError.setWordWrap(True)

        self.fieldGrid.addWidget(self.addressError, 22, 1, 1, 1)

        self.usccLabel = QLabel(PartyEditor)
        self.usccLabel.setObjectName(u"usccLabel")

        self.fieldGrid.addWidget(self.usccLabel, 23, 0, 1, 1)

        self.uscc = QLineEdit(PartyEditor)
        self.uscc.setObjectName(u"uscc")
        self.uscc.setMaxLength(18)

        self.fieldGrid.addWidget(self.uscc, 23, 1, 1, 1)

        self.usccError = QLabel(PartyEditor)
        self.usccError.setObjectName(u"usccError")
        self.usccError.setStyleSheet(u"color: #b00020;")
        self.usccError.setWordWrap(True)

        self.fieldGrid.addWidget(self.usccError, 24, 1, 1, 1)

        self.representativeLabel = QLabel(PartyEditor)
        self.representativeLabel.setObjectName(u"representativeLabel")

        self.fieldGrid.addWidget(self.representativeLabel, 25, 0, 1, 1)

        self.representative = QLineEdit(PartyEditor)
        self.representative.setObjectName(u"representative")
        self.representative.setMaxLength(64)

        self.fieldGrid.addWidget(self.representative, 25, 1, 1, 1)

        self.representativeError = QLabel(PartyEditor)
        self.representativeError.setObjectName(u"representativeError")
        self.representativeError.setStyleSheet(u"color: #b00020;")
        self.representativeError.setWordWrap(True)

        self.fieldGrid.addWidget(self.representativeError, 26, 1, 1, 1)

        self.existingLabel = QLabel(PartyEditor)
        self.existingLabel.setObjectName(u"existingLabel")
        self.existingLabel.setWordWrap(True)

        self.fieldGrid.addWidget(self.existingLabel, 27, 0, 1, 2)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.useExistingButton = QPushButton(PartyEditor)
        self.useExistingButton.setObjectName(u"useExistingButton")

        self.buttonRow.addWidget(self.useExistingButton)

        self.newPersonButton = QPushButton(PartyEditor)
        self.newPersonButton.setObjectName(u"newPersonButton")

        self.buttonRow.addWidget(self.newPersonButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.removeButton = QPushButton(PartyEditor)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)


        self.fieldGrid.addLayout(self.buttonRow, 28, 0, 1, 2)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.role)
        self.kindLabel.setBuddy(self.kind)
        self.nameLabel.setBuddy(self.name)
        self.idTypeLabel.setBuddy(self.idType)
        self.idNumberLabel.setBuddy(self.idNumber)
        self.genderLabel.setBuddy(self.gender)
        self.birthDateLabel.setBuddy(self.birthDate)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.occupationLabel.setBuddy(self.occupation)
        self.phoneLabel.setBuddy(self.phone)
        self.addressLabel.setBuddy(self.address)
        self.usccLabel.setBuddy(self.uscc)
        self.representativeLabel.setBuddy(self.representative)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartyEditor)

        QMetaObject.connectSlotsByName(PartyEditor)
    # setupUi

    def retranslateUi(self, PartyEditor):
        PartyEditor.setTitle(QCoreApplication.translate("PartyEditor", u"\u5f53\u4e8b\u4eba", None))
        self.roleLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8eab\u4efd\uff1a", None))
        self.kindLabel.setText(QCoreApplication.translate("PartyEditor", u"\u7c7b\u578b\uff1a", None))
        self.nameLabel.setText(QCoreApplication.translate("PartyEditor", u"\u59d3\u540d\uff1a", None))
        self.idTypeLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8bc1\u4ef6\u7c7b\u578b\uff1a", None))
        self.idNumberLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8bc1\u4ef6\u53f7\u7801\uff1a", None))
        self.genderLabel.setText(QCoreApplication.translate("PartyEditor", u"\u6027\u522b\uff1a", None))
        self.birthDateLabel.setText(QCoreApplication.translate("PartyEditor", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birthDate.setPlaceholderText(QCoreApplication.translate("PartyEditor", u"\u5982 1958-03-05", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("PartyEditor", u"\u6c11\u65cf\uff1a", None))
        self.occupationLabel.setText(QCoreApplication.translate("PartyEditor", u"\u804c\u4e1a\u6216\u804c\u52a1\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.addressLabel.setText(QCoreApplication.translate("PartyEditor", u"\u4f4f\u5740\uff1a", None))
        self.usccLabel.setText(QCoreApplication.translate("PartyEditor", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\uff1a", None))
        self.representativeLabel.setText(QCoreApplication.translate("PartyEditor", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba\u6216\u8d1f\u8d23\u4eba\uff1a", None))
        self.useExistingButton.setText(QCoreApplication.translate("PartyEditor", u"\u4f7f\u7528\u5df2\u767b\u8bb0\u7684\u5f53\u4e8b\u4eba", None))
        self.newPersonButton.setText(QCoreApplication.translate("PartyEditor", u"\u6539\u4e3a\u65b0\u767b\u8bb0", None))
        self.removeButton.setText(QCoreApplication.translate("PartyEditor", u"\u5220\u9664\u6b64\u5f53\u4e8b\u4eba", None))
    # retranslateUi

