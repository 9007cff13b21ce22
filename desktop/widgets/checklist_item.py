"""One checklist item on the daily-check page: text, result, reading, remark, photos, hazard.

Keyboard (the whole list can be filled without a mouse):

- the result selector is one Tab stop: ``1`` normal, ``2`` abnormal, ``3`` not applicable,
  ``0``/Delete clears, ←/→ step through the three, ↑/↓ go to the item above or below;
- after ``1`` or ``3`` the focus moves on to the next item (after ``1`` to the reading first, if
  one is still missing); after ``2`` (or a click on 异常) it moves to the remark, which an
  abnormal item needs; a click or an arrow key otherwise leaves the focus where it is;
- Tab from the selector goes to the reading (if the item has one), then the remark; Enter in
  either goes on to the next item;
- the page adds Alt+1/2/3 (result of the focused item from any of its fields), Ctrl+P (photo)
  and Ctrl+H (hazard).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sync.daily_checks import ItemAnswer
from sync.records import ITEM_RESULT_LABELS, ItemResult, label
from sync.templates import TemplateItem

RESULT_ORDER = (ItemResult.NORMAL, ItemResult.ABNORMAL, ItemResult.NOT_APPLICABLE)
RESULT_KEYS = {
    Qt.Key.Key_1: ItemResult.NORMAL,
    Qt.Key.Key_2: ItemResult.ABNORMAL,
    Qt.Key.Key_3: ItemResult.NOT_APPLICABLE,
}
# Below this width the reading, remark and buttons go on a second line under the item text.
WIDE_ROW_MIN_WIDTH = 1060
MEASUREMENT_WIDTH = 156

RESULT_STYLE = """
ResultSelector { border: 1px solid transparent; border-radius: 5px; }
ResultSelector:focus { border: 2px solid #2f7bd8; }
ResultSelector QToolButton {
    border: 1px solid #b9c2cb; padding: 3px 8px; min-width: 38px; background: #ffffff;
}
ResultSelector QToolButton#first { border-top-left-radius: 4px; border-bottom-left-radius: 4px; }
ResultSelector QToolButton#last { border-top-right-radius: 4px; border-bottom-right-radius: 4px; }
ResultSelector QToolButton:checked[result="normal"] {
    background: #2e8b57; color: white; border-color: #2e8b57;
}
ResultSelector QToolButton:checked[result="abnormal"] {
    background: #c62828; color: white; border-color: #c62828;
}
ResultSelector QToolButton:checked[result="na"] {
    background: #6b7780; color: white; border-color: #6b7780;
}
ResultSelector QToolButton:disabled { color: #7a858f; }
ResultSelector QToolButton:checked:disabled[result="normal"] { background: #8fc2a5; }
ResultSelector QToolButton:checked:disabled[result="abnormal"] { background: #e29a9a; }
ResultSelector QToolButton:checked:disabled[result="na"] { background: #aab3ba; }
"""


class ResultSelector(QWidget):
    """正常 / 异常 / 不适用 as one focusable control (see the module's keyboard notes)."""

    result_chosen = Signal(object, bool)
    """(ItemResult code or None, by a digit key): the user chose or cleared a result.

    Only a digit key asks to move on to the next item; a click or an arrow key stays put."""

    move_requested = Signal(int)
    """The user pressed ↑ (-1) or ↓ (+1)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(RESULT_STYLE)
        self._result: str | None = None
        self._read_only = False
        self.buttons: dict[str, QToolButton] = {}

        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        for position, result in enumerate(RESULT_ORDER):
            button = QToolButton()
            button.setText(label(ITEM_RESULT_LABELS, result, language))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("result", result.value)
            button.setToolTip(str(position + 1))
            if position == 0:
                button.setObjectName("first")
            elif position == len(RESULT_ORDER) - 1:
                button.setObjectName("last")
            button.clicked.connect(lambda _=False, chosen=result: self._clicked(chosen))
            layout.addWidget(button)
            self.buttons[result.value] = button

    @property
    def result(self) -> str | None:
        return self._result

    def set_result(self, result: str | None) -> None:
        """Show ``result`` without emitting ``result_chosen``."""
        self._result = result
        for value, button in self.buttons.items():
            button.setChecked(value == result)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button in self.buttons.values():
            button.setEnabled(not read_only)

    def _clicked(self, result: ItemResult) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        # A second click on the chosen result clears it, as a mistaken click must be undoable.
        self.choose(None if self._result == result.value else result.value)

    def choose(self, result: str | None, by_digit: bool = False) -> None:
        """Choose ``result`` as if the user had, emitting ``result_chosen``."""
        if self._read_only:
            return
        self.set_result(result)
        self.result_chosen.emit(result, by_digit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in RESULT_KEYS:
            self.choose(RESULT_KEYS[key].value, by_digit=True)
        elif plain and key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.choose(None)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            values = [result.value for result in RESULT_ORDER]
            start = values.index(self._result) if self._result in values else -step
            self.choose(values[(start + step) % len(values)])
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        else:
            super().keyPressEvent(event)


class _LineEdit(QLineEdit):
    """A line edit that reports losing focus (autosave on focus change) and ↑/↓ moves."""

    focus_left = Signal()
    move_requested = Signal(int)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Show a long remark from its start again once the officer has moved on.
        self.setCursorPosition(0)
        self.setToolTip(self.text())
        self.focus_left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and not event.modifiers():
            self.move_requested.emit(-1)
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.move_requested.emit(1)
            return
        super().keyPressEvent(event)


class ChecklistItemRow(QFrame):
    """One item of the checklist; shows an ItemAnswer and reports what the user does.

    Signals carry the item id, so the page can connect every row to the same slots.
    """

    result_chosen = Signal(str, object)
    """(item id, result code or None)."""

    value_edited = Signal(str, str)
    """(item id, the reading as typed)."""

    remark_edited = Signal(str, str)
    """(item id, the remark as typed)."""

    field_left = Signal(str)
    """A text field of the item lost focus: time to save what it holds."""

    move_requested = Signal(str, int)
    """(item id, -1 or +1): go to the item above or below."""

    add_photo_requested = Signal(str)
    open_photo_requested = Signal(str, str)
    """(item id, SHA-256 of the photo)."""

    remove_photo_requested = Signal(str, str)
    hazard_requested = Signal(str)
    """The user wants to open a hazard from this item."""

    show_hazard_requested = Signal(str)
    """(hazard id): the hazard opened from this item should be shown."""

    def __init__(
        self, item: TemplateItem, number: int, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.number = number
        self._language = language
        self._hazard_id: str | None = None
        self._photos: tuple = ()
        self._read_only = False
        self._wide: bool | None = None
        self.setObjectName("checkItem")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.number_label = QLabel(f"{number}")
        self.number_label.setFixedWidth(24)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.text_label = QLabel()
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setText(self._item_html(item, language))
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text_label.setMinimumWidth(220)
        if item.major_hazard:
            self.text_label.setToolTip(
                self.tr("A failure here can be a major hazard: decide whether to stop use.")
            )

        self.selector = ResultSelector(language)
        self.selector.setAccessibleName(item.text(language))
        self.selector.result_chosen.connect(self._result_chosen)
        self.selector.move_requested.connect(lambda step: self.move_requested.emit(item.id, step))

        self.value_edit = _LineEdit()
        self.value_edit.setFixedWidth(64)
        self.value_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^-?\d{0,6}([.,]\d{0,3})?$"))
        )
        self.unit_label = QLabel()
        self.unit_label.setFixedWidth(30)
        self.range_label = QLabel()
        self.range_label.setObjectName("rangeText")
        # A long range ("353.4–406.6") goes on two lines after its dash rather than being cut.
        self.range_label.setWordWrap(True)
        # Every row reserves the reading's room, so results and remarks line up in columns.
        self.measurement_box = QWidget()
        self.measurement_box.setFixedWidth(MEASUREMENT_WIDTH)
        measurement_layout = QHBoxLayout(self.measurement_box)
        measurement_layout.setContentsMargins(0, 0, 0, 0)
        measurement_layout.setSpacing(4)
        measurement_layout.addWidget(self.value_edit)
        measurement_layout.addWidget(self.unit_label)
        measurement_layout.addWidget(self.range_label, 1)
        measurement = item.measurement
        if measurement is not None:
            self.unit_label.setText(measurement.unit)
            self.value_edit.setPlaceholderText(measurement.label(language))
            self.value_edit.setToolTip(measurement.label(language))
            self.value_edit.setAccessibleName(measurement.label(language))
        else:
            self.value_edit.hide()
            self.unit_label.hide()
            self.range_label.hide()
        self.value_edit.textEdited.connect(lambda text: self.value_edited.emit(item.id, text))
        self.value_edit.focus_left.connect(lambda: self.field_left.emit(item.id))
        self.value_edit.returnPressed.connect(lambda: self.move_requested.emit(item.id, 1))
        self.value_edit.move_requested.connect(lambda step: self.move_requested.emit(item.id, step))

        self.remark_edit = _LineEdit()
        self.remark_edit.setPlaceholderText(self.tr("Remark (required when abnormal)"))
        self.remark_edit.setAccessibleName(self.tr("Remark"))
        self.remark_edit.setMinimumWidth(180)
        self.remark_edit.textEdited.connect(lambda text: self.remark_edited.emit(item.id, text))
        self.remark_edit.focus_left.connect(lambda: self.field_left.emit(item.id))
        self.remark_edit.returnPressed.connect(lambda: self.move_requested.emit(item.id, 1))
        self.remark_edit.move_requested.connect(
            lambda step: self.move_requested.emit(item.id, step)
        )

        self.photo_button = QToolButton()
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.photo_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.photo_button.setToolTip(self.tr("Attach photos from files (Ctrl+P)"))
        self.photo_button.clicked.connect(lambda: self.add_photo_requested.emit(item.id))
        self.photo_menu = QMenu(self.photo_button)
        self.photo_button.setMenu(self.photo_menu)

        self.hazard_button = QToolButton()
        self.hazard_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.hazard_button.clicked.connect(self._hazard_clicked)
        # As wide as its longer label in the current language and scale: a fixed width cut
        # the English label short at 125 %.
        labels = (self.tr("Open hazard…"), self.tr("View hazard"))
        widest = max(self.hazard_button.fontMetrics().horizontalAdvance(text) for text in labels)
        self.hazard_button.setFixedWidth(max(92, widest + 18))

        self.details = QWidget()
        details = QHBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(6)
        details.addWidget(self.measurement_box)
        details.addWidget(self.remark_edit, 1)
        details.addWidget(self.photo_button)
        details.addWidget(self.hazard_button)

        self.top = QHBoxLayout()
        self.top.setSpacing(8)
        self.top.addWidget(self.number_label)
        self.top.addWidget(self.text_label, 2)
        self.top.addWidget(self.selector)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(6, 5, 8, 5)
        self.rows.setSpacing(4)
        self.rows.addLayout(self.top)
        self._arrange(wide=False)

        self.setFocusProxy(self.selector)
        self.show_answer(ItemAnswer())

    def _item_html(self, item: TemplateItem, language: str) -> str:
        text = html.escape(item.text(language))
        if not item.major_hazard:
            return text
        tag = html.escape(self.tr("[Major hazard item]"))
        return f'<span style="color:#b3261e; font-weight:600">{tag}</span> {text}'

    # -- layout ----------------------------------------------------------------------------

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.rows.removeWidget(self.details)
            self.top.addWidget(self.details, 3)
            self.details.setContentsMargins(0, 0, 0, 0)
        else:
            self.top.removeWidget(self.details)
            self.rows.addWidget(self.details)
            self.details.setContentsMargins(32, 0, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width() >= WIDE_ROW_MIN_WIDTH)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 700), hint.height())

    # -- showing ---------------------------------------------------------------------------

    def show_answer(
        self,
        answer: ItemAnswer,
        *,
        hazard_id: str | None = None,
        problem: str | None = None,
        read_only: bool = False,
        update_text: bool = True,
    ) -> None:
        """Show an answer without emitting edits; ``update_text`` False keeps typed fields.

        (The page passes False while the user is typing, so the cursor never jumps.)
        """
        self._read_only = read_only
        self._hazard_id = hazard_id
        self._photos = answer.photos
        self.selector.set_result(answer.result)
        self.selector.set_read_only(read_only)
        if update_text:
            value_text = "" if answer.value is None else f"{answer.value:g}"
            if self.value_edit.text() != value_text:
                self.value_edit.setText(value_text)
            if self.remark_edit.text() != answer.remark:
                self.remark_edit.setText(answer.remark)
        self.value_edit.setReadOnly(read_only)
        self.remark_edit.setReadOnly(read_only)
        self.show_range_state(answer.value)
        self._show_photos()
        self._show_hazard(answer.result)
        self.setProperty("problem", problem is not None)
        self.setToolTip(problem or "")
        self.style().unpolish(self)
        self.style().polish(self)

    def show_range_state(self, value: float | None) -> None:
        measurement = self.item.measurement
        outside = measurement is not None and value is not None and not measurement.contains(value)
        self.range_label.setProperty("outside", outside)
        if measurement is not None:
            allowed = f"{measurement.minimum:g}–{measurement.maximum:g}"
            # The zero-width space lets the line break after the dash.
            shown = allowed.replace("–", "–\u200b")
            self.range_label.setText(self.tr("Outside") if outside else shown)
            self.range_label.setToolTip(
                self.tr("Allowed: {range} {unit}").format(range=allowed, unit=measurement.unit)
            )
        self.range_label.style().unpolish(self.range_label)
        self.range_label.style().polish(self.range_label)

    def _show_photos(self) -> None:
        self.photo_button.setText(self.tr("Photos {count}").format(count=len(self._photos)))
        self.photo_button.setEnabled(not self._read_only or bool(self._photos))
        self.photo_menu.clear()
        add = self.photo_menu.addAction(self.tr("Add photos…"))
        add.setEnabled(not self._read_only)
        add.triggered.connect(lambda: self.add_photo_requested.emit(self.item.id))
        if self._photos:
            self.photo_menu.addSeparator()
        for photo in self._photos:
            show = self.photo_menu.addAction(self.tr("Open {name}").format(name=photo.file_name))
            show.triggered.connect(
                lambda _=False, sha=photo.sha256: self.open_photo_requested.emit(self.item.id, sha)
            )
        if self._photos and not self._read_only:
            remove_menu = self.photo_menu.addMenu(self.tr("Remove"))
            for photo in self._photos:
                remove = remove_menu.addAction(photo.file_name)
                remove.triggered.connect(
                    lambda _=False, sha=photo.sha256: self.remove_photo_requested.emit(
                        self.item.id, sha
                    )
                )

    def _show_hazard(self, result: str | None) -> None:
        if self._hazard_id is not None:
            self.hazard_button.setText(self.tr("View hazard"))
            self.hazard_button.setToolTip(self.tr("A hazard was opened from this item"))
            self.hazard_button.setEnabled(True)
            self.hazard_button.setVisible(True)
            return
        abnormal = result == ItemResult.ABNORMAL
        self.hazard_button.setText(self.tr("Open hazard…"))
        self.hazard_button.setToolTip(self.tr("Record a hazard from this item (Ctrl+H)"))
        self.hazard_button.setEnabled(abnormal)
        # Kept in the layout (only disabled) so rows do not change shape while being filled.
        self.hazard_button.setVisible(True)

    @property
    def hazard_id(self) -> str | None:
        return self._hazard_id

    # -- user actions ----------------------------------------------------------------------

    def _result_chosen(self, result: str | None, by_digit: bool) -> None:
        self.result_chosen.emit(self.item.id, result)
        self._show_hazard(result)

        # Keep the officer moving: after "abnormal" the remark is needed; after a digit key
        # for "normal" the reading if it is still missing, else the next item.
        if result == ItemResult.ABNORMAL:
            self.remark_edit.setFocus(Qt.FocusReason.TabFocusReason)
        elif not by_digit:
            return
        elif result == ItemResult.NORMAL:
            if self.item.measurement is not None and not self.value_edit.text().strip():
                self.value_edit.setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self.move_requested.emit(self.item.id, 1)
        elif result == ItemResult.NOT_APPLICABLE:
            self.move_requested.emit(self.item.id, 1)

    def _hazard_clicked(self) -> None:
        if self._hazard_id is not None:
            self.show_hazard_requested.emit(self._hazard_id)
        else:
            self.hazard_requested.emit(self.item.id)

    def contains_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))
