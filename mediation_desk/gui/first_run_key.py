"""The first-run page that asks where the data key is kept: in the OS keyring (named), or nowhere
— a password each time. Nothing is chosen for the user: the page is complete only once one of
the two is picked, and with no secure keyring on the PC it says so and offers only the second."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QWidget, QWizardPage

from mediation_desk.gui.forms.ui_first_run_key import Ui_KeyPage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy import keys

# The backends `keyring` may find, by module, in the words their users know them by.
BACKEND_NAMES = {
    "keyring.backends.Windows": QT_TRANSLATE_NOOP("KeyringBackend", "Windows 凭据管理器"),
    "keyring.backends.macOS": QT_TRANSLATE_NOOP("KeyringBackend", "macOS 钥匙串"),
    "keyring.backends.SecretService": QT_TRANSLATE_NOOP("KeyringBackend", "Secret Service（如 GNOME 密钥环）"),
    "keyring.backends.libsecret": QT_TRANSLATE_NOOP("KeyringBackend", "libsecret（如 GNOME 密钥环）"),
    "keyring.backends.kwallet": QT_TRANSLATE_NOOP("KeyringBackend", "KDE 钱包（KWallet）"),
}


def backend_name(backend: str) -> str:
    """A keyring backend's name as its users know it, with the technical name after it."""
    module = backend.rpartition(".")[0]
    known = BACKEND_NAMES.get(module)
    if known is None:
        return backend
    return QCoreApplication.translate("KeyringBackend", str(known)) + f"（{backend}）"


def keyring_sentence(usable: bool, backend: str) -> str:
    """What the PC offers, in one plain sentence."""
    if usable:
        return QCoreApplication.translate("KeyringBackend", "本机的系统钥匙串：{name}。").format(
            name=backend_name(backend)
        )
    return QCoreApplication.translate(
        "KeyringBackend",
        "本机没有安全的系统钥匙串（{name}），数据密钥不能存在这台电脑上：每次使用都要输入密码。",
    ).format(name=backend)


class KeyPage(QWizardPage):
    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.ui = Ui_KeyPage()
        self.ui.setupUi(self)
        self.usable: bool | None = None  # None until the keyring has been looked at
        self.backend = ""
        self.choice = QButtonGroup(self)
        for button in (self.ui.keepButton, self.ui.askButton):
            self.choice.addButton(button)
            button.setEnabled(False)
        self.choice.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.ui.backendLabel.setText(self.tr("正在查看本机的系统钥匙串……"))

    def initializePage(self) -> None:
        if self.usable is None:
            # Asking the keyring may wait on D-Bus or the keyring's own prompt: not on this thread.
            self.tasks.run(keys.keyring_backend, on_done=self.show_backend, owner=self)

    def show_backend(self, found: tuple[bool, str]) -> None:
        self.usable, self.backend = found
        self.ui.backendLabel.setText(keyring_sentence(*found))
        self.ui.askButton.setEnabled(True)
        self.ui.keepButton.setEnabled(self.usable)
        if not self.usable:
            self.ui.askButton.setChecked(True)  # the only way there is, and the page said why
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.usable is not None and self.choice.checkedButton() is not None

    def remember_key(self) -> bool:
        return bool(self.usable) and self.ui.keepButton.isChecked()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        save = getattr(wizard, "save", None)
        if getattr(wizard, "outcome", None) is not None:  # saved: QWizard validates once more as it closes
            return True
        if callable(save) and self.isComplete():
            save()
        return False  # the wizard closes itself once the desk is set up
