# Generated from ui/points_resolve_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_resolve_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PointsResolveDialog(object):
    def setupUi(self, PointsResolveDialog):
        if not PointsResolveDialog.objectName():
            PointsResolveDialog.setObjectName(u"PointsResolveDialog")
        PointsResolveDialog.resize(520, 260)
        PointsResolveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PointsResolveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.conflictLabel = QLabel(PointsResolveDialog)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.conflictLabel)

        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.resolutionLabel = QLabel(PointsResolveDialog)
        self.resolutionLabel.setObjectName(u"resolutionLabel")

        self.fieldsGrid.addWidget(self.resolutionLabel, 0, 0, 1, 1)

        self.resolution = QComboBox(PointsResolveDialog)
        self.resolution.setObjectName(u"resolution")
        self.resolution.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.fieldsGrid.addWidget(self.resolution, 0, 1, 1, 1)

        self.resolutionError = QLabel(PointsResolveDialog)
        self.resolutionError.setObjectName(u"resolutionError")
        self.resolutionError.setStyleSheet(u"color: #b00020;")
        self.resolutionError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.resolutionError, 1, 1, 1, 1)

        self.reasonLabel = QLabel(PointsResolveDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsGrid.addWidget(self.reasonLabel, 2, 0, 1, 1)

        self.reason = QLineEdit(PointsResolveDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(200)

        self.fieldsGrid.addWidget(self.reason, 2, 1, 1, 1)

        self.reasonError = QLabel(PointsResolveDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #b00020;")
        self.reasonError.setWordWrap(True)

        self.fieldsGrid.addWidget(self.reasonError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.fieldsGrid)

        self.messageLabel = QLabel(PointsResolveDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(PointsResolveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.resolutionLabel.setBuddy(self.resolution)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.resolution, self.reason)
        QWidget.setTabOrder(self.reason, self.buttonBox)

        self.retranslateUi(PointsResolveDialog)

        QMetaObject.connectSlotsByName(PointsResolveDialog)
    # setupUi

    def retranslateUi(self, PointsResolveDialog):
        PointsResolveDialog.setWindowTitle(QCoreApplication.translate("PointsResolveDialog", u"\u5904\u7406\u5151\u6362\u51b2\u7a81", None))
        self.resolutionLabel.setText(QCoreApplication.translate("PointsResolveDialog", u"\u5904\u7406\u65b9\u5f0f(&W)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("PointsResolveDialog", u"\u7406\u7531(&R)\uff1a", None))
    # retranslateUi

