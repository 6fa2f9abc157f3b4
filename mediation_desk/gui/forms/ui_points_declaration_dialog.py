# Generated from ui/points_declaration_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_declaration_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSizePolicy, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_PointsDeclarationDialog(object):
    def setupUi(self, PointsDeclarationDialog):
        if not PointsDeclarationDialog.objectName():
            PointsDeclarationDialog.setObjectName(u"PointsDeclarationDialog")
        PointsDeclarationDialog.resize(640, 620)
        PointsDeclarationDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PointsDeclarationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scrollArea = QScrollArea(PointsDeclarationDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.residentLabel = QLabel(self.scrollContents)
        self.residentLabel.setObjectName(u"residentLabel")

        self.fieldsGrid.addWidget(self.residentLabel, 0, 0, 1, 1)

        self.resident = QComboBox(self.scrollContents)
        self.resident.setObjectName(u"resident")
        self.resident.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resident.setEditable(True)
        self.resident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.fieldsGrid.addWidget(self.resident, 0, 1, 1, 1)

        self.residentError = QLabel(self.scrollContents)
        self.residentError.setObjectName(u"residentError")
        self.residentError.setStyleSheet(u"color: #b00020;")
        self.residentError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.residentError, 1, 1, 1, 1)

        self.itemLabel = QLabel(self.scrollContents)
        self.itemLabel.setObjectName(u"itemLabel")

        self.fieldsGrid.addWidget(self.itemLabel, 2, 0, 1, 1)

        self.itemTree = QTreeWidget(self.scrollContents)
        self.itemTree.setObjectName(u"itemTree")
        self.itemTree.setColumnCount(3)
        self.itemTree.setAlternatingRowColors(True)
        self.itemTree.setRootIsDecorated(True)
        self.itemTree.setUniformRowHeights(True)

        self.fieldsGrid.addWidget(self.itemTree, 2, 1, 1, 1)

        self.itemError = QLabel(self.scrollContents)
        self.itemError.setObjectName(u"itemError")
        self.itemError.setStyleSheet(u"color: #b00020;")
        self.itemError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.itemError, 3, 1, 1, 1)

        self.activityDateLabel = QLabel(self.scrollContents)
        self.activityDateLabel.setObjectName(u"activityDateLabel")

        self.fieldsGrid.addWidget(self.activityDateLabel, 4, 0, 1, 1)

        self.activityDate = QDateEdit(self.scrollContents)
        self.activityDate.setObjectName(u"activityDate")
        self.activityDate.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.activityDate.setCalendarPopup(True)
        self.activityDate.setDisplayFormat(u"yyyy-MM-dd")

        self.fieldsGrid.addWidget(self.activityDate, 4, 1, 1, 1)

        self.activityDateError = QLabel(self.scrollContents)
        self.activityDateError.setObjectName(u"activityDateError")
        self.activityDateError.setStyleSheet(u"color: #b00020;")
        self.activityDateError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.activityDateError, 5, 1, 1, 1)

        self.noteLabel = QLabel(self.scrollContents)
        self.noteLabel.setObjectName(u"noteLabel")

        self.fieldsGrid.addWidget(self.noteLabel, 6, 0, 1, 1)

        self.note = QLineEdit(self.scrollContents)
        self.note.setObjectName(u"note")
        self.note.setMaxLength(200)

        self.fieldsGrid.addWidget(self.note, 6, 1, 1, 1)

        self.noteError = QLabel(self.scrollContents)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setStyleSheet(u"color: #b00020;")
        self.noteError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.noteError, 7, 1, 1, 1)

        self.evidenceLabel = QLabel(self.scrollContents)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.fieldsGrid.addWidget(self.evidenceLabel, 8, 0, 1, 1)

        self.evidenceBox = QWidget(self.scrollContents)
        self.evidenceBox.setObjectName(u"evidenceBox")
        self.evidenceRow = QHBoxLayout(self.evidenceBox)
        self.evidenceRow.setObjectName(u"evidenceRow")
        self.evidenceRow.setContentsMargins(0, 0, 0, 0)
        self.evidence = QLineEdit(self.evidenceBox)
        self.evidence.setObjectName(u"evidence")
        self.evidence.setReadOnly(True)

        self.evidenceRow.addWidget(self.evidence)

        self.evidenceButton = QPushButton(self.evidenceBox)
        self.evidenceButton.setObjectName(u"evidenceButton")

        self.evidenceRow.addWidget(self.evidenceButton)

        self.clearEvidenceButton = QPushButton(self.evidenceBox)
        self.clearEvidenceButton.setObjectName(u"clearEvidenceButton")

        self.evidenceRow.addWidget(self.clearEvidenceButton)


        self.fieldsGrid.addWidget(self.evidenceBox, 8, 1, 1, 1)

        self.evidenceError = QLabel(self.scrollContents)
        self.evidenceError.setObjectName(u"evidenceError")
        self.evidenceError.setStyleSheet(u"color: #b00020;")
        self.evidenceError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.evidenceError, 9, 1, 1, 1)


        self.scrollLayout.addLayout(self.fieldsGrid)

        self.itemHint = QLabel(self.scrollContents)
        self.itemHint.setObjectName(u"itemHint")
        self.itemHint.setWordWrap(True)
        self.itemHint.setStyleSheet(u"color: #7a4b00;")

        self.scrollLayout.addWidget(self.itemHint)

        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

        self.messageLabel = QLabel(PointsDeclarationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(PointsDeclarationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.residentLabel.setBuddy(self.resident)
        self.itemLabel.setBuddy(self.itemTree)
        self.activityDateLabel.setBuddy(self.activityDate)
        self.noteLabel.setBuddy(self.note)
        self.evidenceLabel.setBuddy(self.evidenceButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.resident, self.itemTree)
        QWidget.setTabOrder(self.itemTree, self.activityDate)
        QWidget.setTabOrder(self.activityDate, self.note)
        QWidget.setTabOrder(self.note, self.evidenceButton)
        QWidget.setTabOrder(self.evidenceButton, self.clearEvidenceButton)
        QWidget.setTabOrder(self.clearEvidenceButton, self.buttonBox)

        self.retranslateUi(PointsDeclarationDialog)

        QMetaObject.connectSlotsByName(PointsDeclarationDialog)
    # setupUi

    def retranslateUi(self, PointsDeclarationDialog):
        PointsDeclarationDialog.setWindowTitle(QCoreApplication.translate("PointsDeclarationDialog", u"\u65b0\u7533\u62a5", None))
        self.residentLabel.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u5c45\u6c11(&W)\uff1a", None))
        self.itemLabel.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u7533\u62a5\u9879\u76ee(&I)\uff1a", None))
        ___qtreewidgetitem = self.itemTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PointsDeclarationDialog", u"\u4e0a\u9650", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PointsDeclarationDialog", u"\u7eff\u5e01", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PointsDeclarationDialog", u"\u9879\u76ee", None))
        self.activityDateLabel.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u6d3b\u52a8\u65e5\u671f(&D)\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u8bf4\u660e(&T)\uff1a", None))
        self.note.setPlaceholderText(QCoreApplication.translate("PointsDeclarationDialog", u"\u53ef\u4e0d\u586b\uff0c\u5982 \u53c2\u52a0\u6751\u53e3\u591c\u95f4\u5de1\u9632", None))
        self.evidenceLabel.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u4f50\u8bc1\u6750\u6599(&E)\uff1a", None))
        self.evidence.setPlaceholderText(QCoreApplication.translate("PointsDeclarationDialog", u"\u7167\u7247\u6216\u6587\u4ef6\uff0c\u53ef\u4e0d\u9644", None))
        self.evidenceButton.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u9009\u62e9\u6587\u4ef6(&F)\u2026", None))
        self.clearEvidenceButton.setText(QCoreApplication.translate("PointsDeclarationDialog", u"\u4e0d\u9644(&C)", None))
    # retranslateUi

