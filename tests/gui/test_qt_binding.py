"""The Qt binding itself: PySide6 6.12.0 loses a reference to True or False every time a signal
carries a bool to a Python slot; on Python 3.11 (bools are not immortal) the interpreter aborts
after a few thousand clicks or task notifications. pyproject.toml excludes that release; this test
fails on any binding with the same fault."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox


class _Emitter(QObject):
    flag = Signal(bool)


def test_bool_signals_keep_the_reference_counts_of_true_and_false(qtbot: Any) -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(lambda value: received.append(value))
    box = QCheckBox()
    qtbot.addWidget(box)
    box.toggled.connect(lambda checked: None)
    true_refs, false_refs = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.flag.emit(True)
        box.toggle()
    received.clear()
    assert sys.getrefcount(True) >= true_refs - 5
    assert sys.getrefcount(False) >= false_refs - 5
