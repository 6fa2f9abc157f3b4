# Generated from ui/transition_dialog.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transition_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QGroupBox, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_TransitionDialog(object):
    def setupUi(self, TransitionDialog):
        if not TransitionDialog.objectName():
            TransitionDialog.setObjectName(u"TransitionDialog")
        TransitionDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(TransitionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(TransitionDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headingLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.hintLabel = QLabel(TransitionDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reasonLabel = QLabel(TransitionDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.addWidget(self.reasonLabel, 0, 0, 1, 1)

        self.reason = QPlainTextEdit(TransitionDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.formLayout.addWidget(self.reason, 0, 1, 1, 1)

        self.reasonError = QLabel(TransitionDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #b00020;")
        self.reasonError.setWordWrap(True)

        self.formLayout.addWidget(self.reasonError, 1, 1, 1, 1)

        self.levelLabel = QLabel(TransitionDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.addWidget(self.levelLabel, 2, 0, 1, 1)

        self.level = QComboBox(TransitionDialog)
        self.level.setObjectName(u"level")

        self.formLayout.addWidget(self.level, 2, 1, 1, 1)

        self.levelError = QLabel(TransitionDialog)
        self.levelError.setObjectName(u"levelError")
        self.levelError.setStyleSheet(u"color: #b00020;")
        self.levelError.setWordWrap(True)

        self.formLayout.addWidget(self.levelError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.formLayout)

        self.routesBox = QGroupBox(TransitionDialog)
        self.routesBox.setObjectName(u"routesBox")
        self.routesLayout = QVBoxLayout(self.routesBox)
        self.routesLayout.setObjectName(u"routesLayout")
        self.routesError = QLabel(self.routesBox)
        self.routesError.setObjectName(u"routesError")
        self.routesError.setStyleSheet(u"color: #b00020;")
        self.routesError.setWordWrap(True)

        self.routesLayout.addWidget(self.routesError)


        self.mainLayout.addWidget(self.routesBox)

        self.preventedBox = QGroupBox(TransitionDialog)
        self.preventedBox.setObjectName(u"preventedBox")
        self.preventedLayout = QVBoxLayout(self.preventedBox)
        self.preventedLayout.setObjectName(u"preventedLayout")
        self.preventedError = QLabel(self.preventedBox)
        self.preventedError.setObjectName(u"preventedError")
        self.preventedError.setStyleSheet(u"color: #b00020;")
        self.preventedError.setWordWrap(True)

        self.preventedLayout.addWidget(self.preventedError)


        self.mainLayout.addWidget(self.preventedBox)

        self.messageLabel = QLabel(TransitionDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(TransitionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
        self.levelLabel.setBuddy(self.level)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reason, self.level)
        QWidget.setTabOrder(self.level, self.buttonBox)

        self.retranslateUi(TransitionDialog)

        QMetaObject.connectSlotsByName(TransitionDialog)
    # setupUi

    def retranslateUi(self, TransitionDialog):
        TransitionDialog.setWindowTitle(QCoreApplication.translate("TransitionDialog", u"\u53d8\u66f4\u6848\u4ef6\u72b6\u6001", None))
        self.reasonLabel.setText(QCoreApplication.translate("TransitionDialog", u"\u7406\u7531(&R)\uff1a", None))
        self.levelLabel.setText(QCoreApplication.translate("TransitionDialog", u"\u4e0a\u62a5\u81f3(&L)\uff1a", None))
        self.routesBox.setTitle(QCoreApplication.translate("TransitionDialog", u"\u5df2\u544a\u77e5\u5f53\u4e8b\u4eba\u7684\u5176\u4ed6\u89e3\u51b3\u9014\u5f84\uff08\u4eba\u6c11\u8c03\u89e3\u6cd5\u7b2c\u4e8c\u5341\u516d\u6761\uff09", None))
        self.preventedBox.setTitle(QCoreApplication.translate("TransitionDialog", u"\u672c\u6848\u9632\u6b62\u4e86\uff08\u8ba1\u5165\u6708\u62a5\uff09", None))
    # retranslateUi

