"""Sync settings (#4): server address, automatic sync, CA bundle, language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGE_NAMES, LANGUAGES
from desktop.sync_controller import SyncController
from sync.engine import state as sync_state
from sync.engine.transport import check_ca_bundle, check_server_url
from sync.errors import CertificateError, ValidationError


class SyncSettingsDialog(QDialog):
    """Saves on OK; ``chosen_language`` tells the caller whether to switch the language."""

    def __init__(
        self, controller: SyncController, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncSettings")
        self.controller = controller
        self.language = language
        self.chosen_language = language
        self.setWindowTitle(self.tr("Sync settings"))
        self.setMinimumWidth(480)

        self.server_edit = QLineEdit(controller.server_url)
        self.auto_check = QCheckBox(self.tr("Sync on its own when the server is reachable"))
        self.auto_check.setChecked(controller.auto_sync)
        self.ca_edit = QLineEdit(controller.setting(sync_state.CA_BUNDLE) or "")
        self.ca_edit.setPlaceholderText(self.tr("System certificates"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_bundle)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(LANGUAGES.index(language))

        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server_edit)
        form.addRow("", self.auto_check)
        form.addRow(self.tr("CA bundle (provincial PKI)"), ca_row)
        form.addRow(self.tr("Language"), self.language_combo)
        self.error_label = QLabel()
        self.error_label.setObjectName("syncSettingsError")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_edit.setText(path)

    def save(self) -> None:
        """Save and close; a server address that is no http(s) address, or a CA bundle that is
        not a certificate file, keeps the dialog open with the reason, and nothing is saved."""
        try:
            server = check_server_url(self.server_edit.text())
        except ValidationError as error:
            self.error_label.setText(error.message_en if self.language == "en" else error.message)
            self.adjustSize()
            self.server_edit.setFocus()
            return

        bundle = self.ca_edit.text().strip() or None
        if bundle:
            try:
                bundle = check_ca_bundle(bundle, advise=False)
            except CertificateError as error:
                self.error_label.setText(
                    error.message_en if self.language == "en" else error.message
                )
                self.adjustSize()
                self.ca_edit.setFocus()
                return

        self.controller.put_setting(sync_state.CA_BUNDLE, bundle)
        # Last of the address's settings: the probe it starts uses the bundle saved above.
        self.controller.set_server_url(server)
        self.controller.set_auto_sync(self.auto_check.isChecked())
        self.chosen_language = self.language_combo.currentData()
        self.accept()
