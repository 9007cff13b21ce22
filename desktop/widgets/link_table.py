"""A read-only table whose rows are links: a click or Enter opens what the cell names."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.widgets.chips import ChipDelegate


class LinkTableView(QTableView):
    """Table of links. One click (not a double click) or Enter/Space opens the cell's target."""

    link_activated = Signal(QModelIndex)
    """The cell the user opened; its model's ``TargetRole`` says where it leads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed = QModelIndex()
        self.setItemDelegate(ChipDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        # Columns give way and elide instead: a scroll bar inside a page that scrolls hides rows.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(32)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        released = self.indexAt(event.position().toPoint())
        is_click = event.button() == Qt.MouseButton.LeftButton and released == self._pressed
        if is_click and released.isValid():
            self.link_activated.emit(released)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opening_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in opening_keys and self.currentIndex().isValid():
            self.link_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def fit_height_to_rows(self, minimum_rows: int = 1) -> None:
        """Make the table exactly as tall as its rows, so the page scrolls instead of it."""
        rows = max(self.model().rowCount() if self.model() else 0, minimum_rows)
        height = (
            self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize()
        )
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)
