"""A message line of fixed height: what does not fit is elided and shown whole as a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FixedNotice(QLabel):
    """A label always ``lines`` lines high, however long its text.

    A message above a list that grows from one line to two as its text changes pushes the
    list down under the mouse while the person works, so a click lands on the neighbouring
    row. This one keeps its height; the full text is in the tooltip.
    """

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._full_text = ""
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 4)

    def full_text(self) -> str:
        return self._full_text

    def set_message(self, text: str, tooltip: str | None = None) -> None:
        """Show ``text`` (elided to fit); the tooltip shows ``tooltip`` or the whole text."""
        self._full_text = text
        self.setToolTip(tooltip if tooltip is not None else text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Lay the text out in the label's width; the last shown line ends in an ellipsis."""
        width = max(self.contentsRect().width(), 40)
        metrics = self.fontMetrics()
        shown: list[str] = []
        paragraphs = self._full_text.split("\n")
        for number, paragraph in enumerate(paragraphs):
            layout = QTextLayout(paragraph, self.font())
            layout.beginLayout()
            pieces = []
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                pieces.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
            layout.endLayout()
            pieces = [piece.rstrip() for piece in pieces] or [""]
            room = self._lines - len(shown)
            if len(pieces) > room or (len(pieces) == room and number < len(paragraphs) - 1):
                rest = " ".join(pieces[room - 1 :] + paragraphs[number + 1 :])
                shown.extend(pieces[: room - 1])
                shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            shown.extend(pieces)
        super().setText("\n".join(shown))
