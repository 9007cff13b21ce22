"""A page whose real content is still being built: it says so and shows what was asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Stands in for a page of issue #2 that another part of the work delivers.

    It keeps the last navigation target, so a link that leads here can be seen (and tested)
    to carry the right record before the real page exists.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_target: object | None = None
        self._title = QLabel(title)
        self._title.setObjectName("pageTitle")
        self._detail = QLabel(self.tr("This page is not built yet (#2)."))
        self._detail.setWordWrap(True)
        self._detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._detail)
        layout.addStretch(1)

    def activate(self, target: object | None) -> None:
        self.last_target = target
        if target is not None:
            self._detail.setText(
                self.tr("This page is not built yet (#2). Asked to show: {target}").format(
                    target=target
                )
            )
