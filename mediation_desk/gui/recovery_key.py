"""Shows the recovery key (恢复密钥) once, after setup or protection, and asks that it be kept."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from mediation_desk.gui.forms.ui_recovery_key import Ui_RecoveryKeyDialog


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecoveryKeyDialog()
        self.ui.setupUi(self)
        self.ui.keyLabel.setText(recovery_key)
        self._key = recovery_key
        self.ui.copyButton.clicked.connect(self.copy_key)

    def copy_key(self) -> None:
        QApplication.clipboard().setText(self._key)
        self.ui.copyButton.setText(self.tr("已复制"))

    def reject(self) -> None:
        """Escape or the close button do not skip the key: it is shown only this once."""
        if self.ui.confirmCheck.isChecked():
            super().accept()
