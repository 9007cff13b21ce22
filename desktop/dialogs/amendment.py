"""Correcting a submitted record: the reason, asked before the amendment draft is made."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class AmendmentDialog(QDialog):
    """Asks why a submitted record is being corrected; OK stays off until a reason is given."""

    def __init__(self, record_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a submitted record"))
        self.setMinimumWidth(460)
        explanation = QLabel(
            self.tr(
                "The submitted record stays as it is. A correction is a new record linked to "
                "it, starting from its answers. Why is it being corrected?\n{record}"
            ).format(record=record_text)
        )
        explanation.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("e.g. wind speed reading entered wrongly"))
        self.reason.setFixedHeight(80)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start correction"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.toPlainText().strip())
        )

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()
