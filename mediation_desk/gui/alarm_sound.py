"""The alarm's sound: the bundled `alarm.wav` (resources/sounds/, the project's own) looped with
QtMultimedia until every urgent alarm is acknowledged.

The sound adds to the banner and the tray message, it never replaces them: a village PC may have
no sound device, muted speakers or a broken audio system, and a test runs with none. So the
wish to ring (`ringing`) is kept apart from whether anything is heard (`audible`): without a
device, or when QtMultimedia cannot be loaded at all, nothing plays, nothing fails, and the next
alarm tries again (a headset plugged in meanwhile is found then)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from mediation_desk.paths import resource

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

VOLUME = 1.0  # as loud as the system lets it: the room may be noisy, the listener hard of hearing


def sound_file() -> Path:
    """Where the installed package keeps the alarm sound."""
    return resource("sounds", "alarm.wav")


class AlarmSound(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ringing = False
        self._effect: QSoundEffect | None = None
        self._missing_told = False

    @property
    def audible(self) -> bool:
        """Something is playing right now (not only wished for)."""
        return self._effect is not None and self._effect.isPlaying()

    def ring(self) -> None:
        """Loop the sound until `quiet()`; again from the start for a new alarm."""
        self.ringing = True
        effect = self._sound_effect()
        if effect is not None and not effect.isPlaying():
            effect.play()

    def quiet(self) -> None:
        self.ringing = False
        if self._effect is not None:
            self._effect.stop()

    def _sound_effect(self) -> QSoundEffect | None:
        if self._effect is not None:
            return self._effect
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:  # a build without the multimedia libraries: the banner still shows
            self._tell_once("QtMultimedia is not available; the alarm is shown without sound")
            return None
        if not QMediaDevices.audioOutputs():
            self._tell_once("no audio output device; the alarm is shown without sound")
            return None
        path = sound_file()
        if not path.is_file():
            self._tell_once(f"alarm sound missing: {path}")
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        effect.setVolume(VOLUME)
        self._effect = effect
        return effect

    def _tell_once(self, message: str) -> None:
        if not self._missing_told:
            log.warning(message)
            self._missing_told = True
