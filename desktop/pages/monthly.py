"""Monthly meeting page: a placeholder until the page of issue #2 that owns it lands."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.navigation import MONTHLY
from desktop.pages import PageSpec
from desktop.widgets.placeholder import PlaceholderPage

TITLE = QT_TRANSLATE_NOOP("Navigation", "Monthly meeting")


def make_page(context: AppContext) -> QWidget:
    return PlaceholderPage(QCoreApplication.translate("Navigation", TITLE))


PAGE = PageSpec(key=MONTHLY, title=TITLE, order=50, factory=make_page, shortcut="Ctrl+5")
