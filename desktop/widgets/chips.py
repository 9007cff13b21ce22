"""Status chips: a short word on a tinted, rounded background (已完成, 逾期, 未填写).

Colours come in tones, each with a text colour readable on its tint; the tones never carry the
meaning alone (the word always says it too), so the chips work for colour-blind users and in
a grey-scale print-out.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.models.roles import ToneRole


class Tone(StrEnum):
    OK = "ok"
    WARN = "warn"
    DANGER = "danger"
    INFO = "info"
    MUTED = "muted"


# (background, text) per tone.
TONE_COLOURS = {
    Tone.OK: ("#e3f4e8", "#1b6b34"),
    Tone.WARN: ("#fff1d6", "#8a5300"),
    Tone.DANGER: ("#fde2e1", "#b3261e"),
    Tone.INFO: ("#e3eefc", "#1d4f91"),
    Tone.MUTED: ("#eceff1", "#4a5560"),
}

CHIP_PADDING_X = 8
CHIP_HEIGHT = 22


def chip_style(tone: Tone) -> str:
    background, text = TONE_COLOURS[tone]
    return (
        f"background:{background}; color:{text}; border-radius:10px;"
        f" padding:2px {CHIP_PADDING_X}px;"
    )


class ChipLabel(QLabel):
    """A chip as a standalone widget (page headers, summary rows)."""

    def __init__(self, text: str = "", tone: Tone = Tone.MUTED, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.tone = tone
        self.set_tone(tone)

    def set_tone(self, tone: Tone) -> None:
        self.tone = tone
        self.setStyleSheet(chip_style(tone))

    def set_chip(self, text: str, tone: Tone) -> None:
        self.setText(text)
        self.set_tone(tone)


class ChipDelegate(QStyledItemDelegate):
    """Draws a cell whose ``ToneRole`` is set as a chip; other cells as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tone = index.data(ToneRole)
        if tone is None:
            super().paint(painter, option, index)
            return

        # Selection and focus background first, so a selected row still looks selected.
        style = option.widget.style() if option.widget else None
        background_only = QStyleOptionViewItem(option)
        self.initStyleOption(background_only, index)
        background_only.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, background_only, painter, option.widget
            )

        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        background, foreground = TONE_COLOURS[Tone(tone)]
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 2 * CHIP_PADDING_X, option.rect.width() - 8)
        height = min(CHIP_HEIGHT, option.rect.height() - 4)
        chip = QRect(
            option.rect.left() + 4,
            option.rect.top() + (option.rect.height() - height) // 2,
            width,
            height,
        )

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.setFont(option.font)
        room = chip.width() - 2 * CHIP_PADDING_X
        if metrics.horizontalAdvance(text) > room:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(ToneRole) is None:
            return size
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = option.fontMetrics.horizontalAdvance(text) + 2 * CHIP_PADDING_X + 12
        return QSize(max(size.width(), width), max(size.height(), CHIP_HEIGHT + 8))
