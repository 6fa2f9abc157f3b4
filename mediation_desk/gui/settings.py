"""The window's own settings (language, large font, idle lock, the window's place and size),
typed, in the config folder.

Each setting is declared once with its type, default and allowed values; a value that is missing
or damaged in the file reads as the default. `VERSION` and `_upgrade` carry old files forward
when a setting is renamed or changes meaning."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
LANGUAGES = ("zh_CN", "en")  # Simplified Chinese first


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    parse: Callable[[Any], T]
    allowed: Callable[[T], bool] = lambda _value: True


def _bool(raw: Any) -> bool:
    if isinstance(raw, str):
        if raw.lower() in ("true", "1", "yes"):
            return True
        if raw.lower() in ("false", "0", "no"):
            return False
        raise ValueError(raw)
    return bool(raw)


def _bytes(raw: Any) -> bytes:
    if isinstance(raw, QByteArray):
        return bytes(raw.data())
    if isinstance(raw, bytes):
        return raw
    raise ValueError(raw)


LANGUAGE = Setting("ui/language", "zh_CN", str, lambda v: v in LANGUAGES)
LARGE_FONT = Setting("ui/large_font", False, _bool)
IDLE_LOCK_MINUTES = Setting("privacy/idle_lock_minutes", 10, int, lambda v: 0 <= v <= 240)  # 0: never
LAST_OPERATOR = Setting("login/last_operator", "", str)
BACKUP_FOLDER = Setting("data/backup_folder", "", str)  # "": the backups folder of the data
WINDOW_GEOMETRY = Setting("window/geometry", b"", _bytes)  # QWidget.saveGeometry(): place, size, maximized


class DeskSettings:
    VERSION = 1
    FILE_NAME = "window.ini"

    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(config_dir / self.FILE_NAME), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        found = self._store.value("version")
        if found is None:
            self._store.setValue("version", self.VERSION)
        # Later versions migrate renamed keys here, one step per version.

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None:
            return setting.default
        try:
            value = setting.parse(raw)
        except (TypeError, ValueError):
            return setting.default
        return value if setting.allowed(value) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if not setting.allowed(value):
            raise ValueError(f"{setting.key}: {value!r} is not allowed")
        self._store.setValue(setting.key, QByteArray(value) if isinstance(value, bytes) else value)
        self._store.sync()

    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @property
    def large_font(self) -> bool:
        return self.get(LARGE_FONT)

    @property
    def idle_lock_minutes(self) -> int:
        return self.get(IDLE_LOCK_MINUTES)

    @property
    def last_operator(self) -> str:
        return self.get(LAST_OPERATOR)

    @last_operator.setter
    def last_operator(self, username: str) -> None:
        self.set(LAST_OPERATOR, username)
