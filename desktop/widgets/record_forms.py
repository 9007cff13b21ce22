"""Small widgets the record pages (hazards, equipment, weekly, monthly) share: a message bar,
cell editors for choices and dates, and the common table set-up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.editable_rows import DATE_ROLE
from desktop.models.roles import ChoicesRole
from sync.clock import china_today
from sync.errors import SafeDeskError


def error_text(error: Exception, language: str) -> str:
    """The message of one of our errors in ``language``."""
    if isinstance(error, SafeDeskError):
        return error.message_en if language == "en" else error.message
    return str(error)


class MessageBar(QLabel):
    """One line above a page's content: an error in red, or a passing note that fades."""

    def __init__(self, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.setObjectName("messageBar")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.hide()

    def show_error(self, error: Exception | str) -> None:
        text = error if isinstance(error, str) else error_text(error, self._language)
        self._timer.stop()
        self.setStyleSheet(
            "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.setText(text)
        self.show()

    def show_note(self, text: str, seconds: int = 4) -> None:
        self.setStyleSheet(
            "QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #c8e6c9;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.setText(text)
        self.show()
        self._timer.start(seconds * 1000)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of the (code, label) pairs the model offers."""

    def createEditor(self, parent, option, index: QModelIndex):
        editor = QComboBox(parent)
        for code, text in index.data(ChoicesRole) or []:
            editor.addItem(text, code)
        # A choice is a complete edit: commit at once, so keyboard users can move on.
        editor.activated.connect(lambda _row: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """Edits the date columns of a table with a calendar; other columns edit as text."""

    def createEditor(self, parent, option, index: QModelIndex):
        if not index.data(DATE_ROLE):
            return super().createEditor(parent, option, index)
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor

    def setEditorData(self, editor, index: QModelIndex) -> None:
        if not isinstance(editor, QDateEdit):
            super().setEditorData(editor, index)
            return
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            day = china_today() + dt.timedelta(days=7)
        editor.setDate(QDate(day.year, day.month, day.day))

    def setModelData(self, editor, model, index: QModelIndex) -> None:
        if not isinstance(editor, QDateEdit):
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor.date().toString("yyyy-MM-dd"), Qt.ItemDataRole.EditRole)


def setup_table(
    table: QTableView,
    *,
    stretch_column: int | None = None,
    widths: dict[int, int] | None = None,
) -> None:
    """The look every record table shares: whole-row selection, alternating rows.

    Columns size to their contents, except ``stretch_column`` (takes the rest) and the columns
    in ``widths`` (fixed starting widths in pixels, still resizable by the user), which keep a
    many-column table inside a narrow panel; long text is elided and shown in full as tooltip.
    """
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setDefaultSectionSize(28)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


def date_of(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def set_date(edit: QDateEdit, text: str | None, fallback: dt.date) -> None:
    try:
        day = dt.date.fromisoformat(text) if text else fallback
    except ValueError:
        day = fallback
    edit.setDate(QDate(day.year, day.month, day.day))


def scrolled(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, for a tab that may not fit a small screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


def form_page() -> tuple[QWidget, QFormLayout]:
    """A page with a form at its top; a stretch below keeps rows from spreading out."""
    page = QWidget()
    outer = QVBoxLayout(page)
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    outer.addLayout(form)
    outer.addStretch(1)
    return page, form


def fit_table_height(table: QTableView, minimum_rows: int = 2) -> None:
    """Make ``table`` exactly as tall as its rows (at least ``minimum_rows``), so a scrolling
    page holds it whole instead of a small window inside the page."""
    model = table.model()
    count = model.rowCount() if model is not None else 0
    rows_height = sum(table.rowHeight(row) for row in range(count))
    empty_rows = max(0, minimum_rows - count)
    rows_height += empty_rows * table.verticalHeader().defaultSectionSize()
    header_height = table.horizontalHeader().sizeHint().height()
    frame = 2 * table.frameWidth() + 2
    table.setFixedHeight(header_height + rows_height + frame)
