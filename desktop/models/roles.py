"""Item data roles shared by SafeDesk's models and delegates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

USER = Qt.ItemDataRole.UserRole

RecordRole = USER + 1
"""The row's whole value (a frozen dataclass from ``sync``)."""

SortRole = USER + 2
"""A value that sorts the column the way a person expects (dates as ISO text, counts as int)."""

ToneRole = USER + 3
"""A :class:`desktop.widgets.chips.Tone` when the cell is drawn as a status chip, else None."""

TargetRole = USER + 4
"""The :mod:`desktop.navigation` target a click on the cell opens, or None."""

ChoicesRole = USER + 5
"""For an editable choice cell: the [(code, label)] a combo box offers."""

# Colours of cells that are not drawn as chips (the week grid, checklist answers, tables of
# the monthly statistics); the same hues as the chip tones.
ALERT_TEXT = QColor("#b3261e")
ALERT_BACKGROUND = QColor("#fde2e1")
WARNING_BACKGROUND = QColor("#fff1d6")
GOOD_BACKGROUND = QColor("#e3f4e8")
DRAFT_BACKGROUND = QColor("#e3eefc")
MUTED_TEXT = QColor("#5b6670")
