"""The Qt binding itself: a Python-side signal emit must not leak references.

PySide6 6.12.0 returns ``True`` from ``Signal.emit()`` without taking a reference, so each emit
from Python lowers ``True``'s count by one; after a few hundred keystrokes the interpreter
aborts ("bool_dealloc: deallocating True or False"). pyproject.toml keeps that release out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(str, object)


def test_emitting_a_signal_from_python_keeps_reference_counts(qtbot) -> None:
    emitter = _Emitter()
    received: list[str] = []
    emitter.happened.connect(lambda text, _value: received.append(text))
    before = sys.getrefcount(True)

    for number in range(300):
        emitter.happened.emit(str(number), None)

    assert len(received) == 300
    assert sys.getrefcount(True) >= before - 5, "this PySide6 leaks a reference per emit"
