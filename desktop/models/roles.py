"""Item data roles shared by SafeDesk's models and delegates."""

from __future__ import annotations

from PySide6.QtCore import Qt

USER = Qt.ItemDataRole.UserRole

RecordRole = USER + 1
"""The row's whole value (a frozen dataclass from ``sync``)."""

SortRole = USER + 2
"""A value that sorts the column the way a person expects (dates as ISO text, counts as int)."""

ToneRole = USER + 3
"""A :class:`desktop.widgets.chips.Tone` when the cell is drawn as a status chip, else None."""

TargetRole = USER + 4
"""The :mod:`desktop.navigation` target a click on the cell opens, or None."""
