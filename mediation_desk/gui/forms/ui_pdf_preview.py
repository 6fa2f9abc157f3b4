# Generated from ui/pdf_preview.ui by `python -m mediation_desk.gui.build_forms`: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pdf_preview.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_PdfPreview(object):
    def setupUi(self, PdfPreview):
        if not PdfPreview.objectName():
            PdfPreview.setObjectName(u"PdfPreview")
        PdfPreview.resize(720, 760)
        self.mainLayout = QVBoxLayout(PdfPreview)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(PdfPreview)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setStyleSheet(u"color: #555555;")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.stack.addWidget(self.emptyPage)
        self.viewPage = QWidget()
        self.viewPage.setObjectName(u"viewPage")
        self.viewLayout = QVBoxLayout(self.viewPage)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(0, 0, 0, 0)
        self.pdfView = QPdfView(self.viewPage)
        self.pdfView.setObjectName(u"pdfView")
        self.pdfView.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.viewLayout.addWidget(self.pdfView)

        self.stack.addWidget(self.viewPage)

        self.mainLayout.addWidget(self.stack)

        self.navRow = QHBoxLayout()
        self.navRow.setObjectName(u"navRow")
        self.previousButton = QPushButton(PdfPreview)
        self.previousButton.setObjectName(u"previousButton")

        self.navRow.addWidget(self.previousButton)

        self.pageLabel = QLabel(PdfPreview)
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setMinimumSize(QSize(150, 0))
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.navRow.addWidget(self.pageLabel)

        self.nextButton = QPushButton(PdfPreview)
        self.nextButton.setObjectName(u"nextButton")

        self.navRow.addWidget(self.nextButton)

        self.goToLabel = QLabel(PdfPreview)
        self.goToLabel.setObjectName(u"goToLabel")

        self.navRow.addWidget(self.goToLabel)

        self.pageSpin = QSpinBox(PdfPreview)
        self.pageSpin.setObjectName(u"pageSpin")

        self.navRow.addWidget(self.pageSpin)

        self.navSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navRow.addItem(self.navSpacer)

        self.zoomOutButton = QPushButton(PdfPreview)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.navRow.addWidget(self.zoomOutButton)

        self.zoomCombo = QComboBox(PdfPreview)
        self.zoomCombo.setObjectName(u"zoomCombo")

        self.navRow.addWidget(self.zoomCombo)

        self.zoomInButton = QPushButton(PdfPreview)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.navRow.addWidget(self.zoomInButton)


        self.mainLayout.addLayout(self.navRow)

        self.mainLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.goToLabel.setBuddy(self.pageSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pdfView, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.pageSpin)
        QWidget.setTabOrder(self.pageSpin, self.zoomOutButton)
        QWidget.setTabOrder(self.zoomOutButton, self.zoomCombo)
        QWidget.setTabOrder(self.zoomCombo, self.zoomInButton)

        self.retranslateUi(PdfPreview)

        QMetaObject.connectSlotsByName(PdfPreview)
    # setupUi

    def retranslateUi(self, PdfPreview):
        self.emptyLabel.setText(QCoreApplication.translate("PdfPreview", u"\u5c1a\u672a\u751f\u6210\u6587\u4e66\u3002\u9009\u62e9\u6587\u4e66\u79cd\u7c7b\u3001\u586b\u5199\u751f\u6210\u7406\u7531\u540e\u6309\u300c\u751f\u6210\u300d\uff0c\u6587\u4e66\u5c31\u663e\u793a\u5728\u8fd9\u91cc\u3002", None))
        self.previousButton.setText(QCoreApplication.translate("PdfPreview", u"\u4e0a\u4e00\u9875(&U)", None))
        self.nextButton.setText(QCoreApplication.translate("PdfPreview", u"\u4e0b\u4e00\u9875(&N)", None))
        self.goToLabel.setText(QCoreApplication.translate("PdfPreview", u"\u8f6c\u5230\u7b2c(&T)", None))
        self.pageSpin.setSuffix(QCoreApplication.translate("PdfPreview", u" \u9875", None))
        self.zoomOutButton.setText(QCoreApplication.translate("PdfPreview", u"\u7f29\u5c0f", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u7f29\u5c0f\uff08Ctrl+\u51cf\u53f7\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.zoomCombo.setToolTip(QCoreApplication.translate("PdfPreview", u"\u663e\u793a\u6bd4\u4f8b", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("PdfPreview", u"\u653e\u5927", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PdfPreview", u"\u653e\u5927\uff08Ctrl+\u52a0\u53f7\uff09", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

