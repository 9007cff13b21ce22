"""Sign in to the provincial server (#4): server address, user name, password.

The password goes to the server once, from a background worker, and is then dropped; the
token the server answers goes to the OS keyring (or, without a secure keyring, to memory,
which this dialog says). Neither ever reaches the SQLite file or the log.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.sync_controller import SyncController
from desktop.tasks import TaskResult
from desktop.widgets.chips import Tone, chip_style
from sync.engine.transport import check_server_url
from sync.errors import SafeDeskError, ValidationError

logger = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """Stays open until the server accepted the password (or the person cancels).

    When the server refused the saved sign-in, its reason stands at the top: a person asked
    for a password out of the blue wants to know why.
    """

    def __init__(
        self, controller: SyncController, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.controller = controller
        self.language = language
        self.setWindowTitle(self.tr("Sign in to the provincial platform"))
        self.setMinimumWidth(420)

        self.reason_label = QLabel()
        self.reason_label.setObjectName("loginReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(chip_style(Tone.WARN) + " padding:6px 10px;")
        # Only the server's own reason: a first sign-in, or one after a sign-out, needs none.
        status = controller.status
        if status.state == "sign_in" and not status.signed_in:
            self.reason_label.setText(status.message_en if language == "en" else status.message)
        self.reason_label.setVisible(bool(self.reason_label.text()))

        self.server_edit = QLineEdit(controller.server_url)
        self.user_edit = QLineEdit(controller.username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server_edit)
        form.addRow(self.tr("User name"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)

        self.keyring_note = QLabel(
            self.tr(
                "This computer has no secure password store: the sign-in is kept only until "
                "SafeDesk closes."
            )
        )
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not controller.tokens().secure)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if controller.username else self.user_edit).setFocus()

    def submit(self) -> None:
        server = self.server_edit.text().strip()
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not (server and username and password):
            self.error_label.setText(self.tr("Fill in the server address, user and password."))
            return
        try:
            server = check_server_url(server)
        except ValidationError as error:
            self.error_label.setText(error.message_en if self.language == "en" else error.message)
            self.server_edit.setFocus()
            return
        self.buttons.setEnabled(False)
        self.error_label.setText(self.tr("Signing in…"))
        self.controller.sign_in(server, username, password, self._signed_in)

    def _signed_in(self, result: TaskResult) -> None:
        self.buttons.setEnabled(True)
        self.password_edit.clear()
        if result.ok:
            self.accept()
            return
        error = result.error
        if isinstance(error, SafeDeskError):
            self.error_label.setText(error.message_en if self.language == "en" else error.message)
        else:
            self.error_label.setText(self.tr("Sign-in failed; the log has the details."))
        # A reason of several lines (another unit's data folder) must not end under the buttons.
        self.adjustSize()
