"""The app's look: a light stylesheet over the platform style, and a CJK-capable font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# First installed family wins: Windows ships Microsoft YaHei UI; Linux builds and the CI use
# Noto Sans CJK (fonts-noto-cjk).
PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC")

STYLESHEET = """
QWidget#header { background: #1f4e79; }
QWidget#header QLabel { color: #ffffff; }
QLabel#appTitle { font-size: 15px; font-weight: 600; }
QLabel#headerDetail { color: #dce8f5; }
QPushButton#syncButton { padding: 4px 12px; }
QListWidget#navigation {
    background: #f3f5f7; border: none; border-right: 1px solid #d5dbe1; outline: none;
    font-size: 14px;
}
QListWidget#navigation::item { padding: 9px 14px; }
QListWidget#navigation::item:selected { background: #dbe8f6; color: #123a5e; font-weight: 600; }
QLabel#pageTitle { font-size: 20px; font-weight: 600; }
QLabel#pageSubtitle { color: #5b6670; }
QLabel#problemText { color: #b3261e; }
QLabel#hintText { color: #5b6670; }
QGroupBox { font-weight: 600; margin-top: 10px; }
QGroupBox::title { subcontrol-origin: margin; left: 4px; padding: 0 2px; }
QFrame#checkItem { border-bottom: 1px solid #e3e7eb; }
QFrame#checkItem[problem="true"] { background: #fff6f5; }
QFrame#checkItem[current="true"] { background: #eef5fc; }
QLabel#categoryTitle {
    font-size: 15px; font-weight: 600; color: #123a5e; padding: 8px 0 2px 0;
}
QLabel#rangeText { color: #5b6670; }
QLabel#rangeText[outside="true"] { color: #b3261e; font-weight: 600; }
QFrame#banner { background: #fff1d6; border: 1px solid #f0c36d; border-radius: 4px; }
QFrame#banner[tone="ok"] { background: #e3f4e8; border-color: #9fd3ae; }
"""


def apply_style(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
            app.setFont(font)
            break
    app.setStyleSheet(STYLESHEET)
