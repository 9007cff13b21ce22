"""First start: which unit this laptop belongs to and who uses it.

Two ways (#4): sign in to the provincial platform and download the unit the account belongs
to (a new laptop of an existing unit, the usual case), or make a unit on this laptop alone.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.sync_controller import SyncController
from desktop.tasks import TaskResult
from sync.errors import SafeDeskError, ServerUnreachable, SyncCancelled
from sync.profile import load_profile, save_profile
from sync.records import ROLE_LABELS, Role, label
from sync.store.database import Store
from sync.units import add_person, create_unit, list_people, list_units

logger = logging.getLogger(__name__)

# The three roles of Order 74 a laptop user can hold; supervisors use the server's web view.
USER_ROLES = (Role.OFFICER, Role.DIRECTOR, Role.PRINCIPAL)
NEW_PERSON = "__new__"


# The two ways of the first start, as the stacked pages' indexes.
SIGN_IN_PAGE, LOCAL_PAGE = 0, 1


class ProfileDialog(QDialog):
    """Asks for the unit and the user; on accept the profile is saved in the store.

    Signing in (with ``sync``, the app's controller) downloads the account's unit in the
    background and makes the signed-in person the profile; a refusal or a failure is said in
    the dialog, which stays open to try again or to choose the other way. Locally: with units
    already in the store (demo or synced data) the user picks one and picks or adds a person;
    with no data at all the unit and the person are created on this laptop.
    """

    def __init__(
        self,
        store: Store,
        language: str,
        parent: QWidget | None = None,
        *,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self._store = store
        self._language = language
        self._sync = sync
        self._units = list_units(store)
        self.downloading = False
        self._stopping = False
        self._stopped = False
        self.setWindowTitle(self.tr("Welcome to SafeDesk"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "This laptop keeps the safety records of one unit. Tell SafeDesk which unit it "
                "belongs to and who uses it; records are signed with this name."
            )
        )
        intro.setWordWrap(True)

        self.sign_in_choice = QRadioButton(
            self.tr("&Sign in to the provincial platform and download my unit")
        )
        self.local_choice = QRadioButton(
            self.tr("&Choose the unit on this laptop")
            if self._units
            else self.tr("Create a &new unit on this laptop only")
        )
        self._choices = QButtonGroup(self)
        self._choices.addButton(self.sign_in_choice, SIGN_IN_PAGE)
        self._choices.addButton(self.local_choice, LOCAL_PAGE)
        self.sign_in_choice.setEnabled(sync is not None)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_sign_in())
        self.pages.addWidget(self._build_local())

        self.problem = QLabel()
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sign_in_choice)
        layout.addWidget(self.local_choice)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._choices.idToggled.connect(self._choice_toggled)
        # A laptop with no data is most likely a new laptop of a unit the platform knows.
        use_sign_in = sync is not None and not self._units
        (self.sign_in_choice if use_sign_in else self.local_choice).setChecked(True)
        self._show_choice()

    def _build_sign_in(self) -> QWidget:
        page = QWidget()
        explanation = QLabel(
            self.tr(
                "Use the account the provincial supervision platform gave you. SafeDesk "
                "downloads your unit's equipment and records, and signs them with your name."
            )
        )
        explanation.setWordWrap(True)
        self.server_edit = QLineEdit(self._sync.server_url if self._sync else "")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.server_edit)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel()
        self.progress_text.setObjectName("downloadProgress")
        self.progress_text.setWordWrap(True)
        self.progress_text.hide()

        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(explanation)
        column.addLayout(form)
        column.addWidget(self.progress)
        column.addWidget(self.progress_text)
        column.addStretch(1)
        return page

    def _build_local(self) -> QWidget:
        page = QWidget()
        unit_box = QGroupBox(self.tr("Unit"))
        unit_form = QFormLayout(unit_box)
        self.unit_combo = QComboBox()
        self.unit_name = QLineEdit()
        self.unit_name.setPlaceholderText(self.tr("e.g. Emei Yunhai Ropeway Co., Ltd."))
        self.county_code = QLineEdit()
        self.county_code.setInputMask("999999")
        self.county_code.setPlaceholderText("511181")
        if self._units:
            for unit in self._units:
                self.unit_combo.addItem(unit.name, unit.id)
            unit_form.addRow(self.tr("&Unit:"), self.unit_combo)
        else:
            unit_form.addRow(self.tr("Unit &name:"), self.unit_name)
            unit_form.addRow(self.tr("&County code:"), self.county_code)

        person_box = QGroupBox(self.tr("User"))
        person_form = QFormLayout(person_box)
        self.person_combo = QComboBox()
        self.person_name = QLineEdit()
        self.role_combo = QComboBox()
        for role in USER_ROLES:
            self.role_combo.addItem(label(ROLE_LABELS, role, self._language), role.value)
        if self._units:
            person_form.addRow(self.tr("&Person:"), self.person_combo)
        person_form.addRow(self.tr("&Name:"), self.person_name)
        person_form.addRow(self.tr("&Role:"), self.role_combo)
        self._person_form = person_form

        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(unit_box)
        column.addWidget(person_box)

        self.unit_combo.currentIndexChanged.connect(self._fill_people)
        self.person_combo.currentIndexChanged.connect(self._person_chosen)
        self._fill_people()
        return page

    def _choice_toggled(self, _page: int, checked: bool) -> None:
        if checked:
            self._show_choice()

    def _show_choice(self) -> None:
        signing_in = self.sign_in_choice.isChecked()
        self.pages.setCurrentIndex(SIGN_IN_PAGE if signing_in else LOCAL_PAGE)
        if not signing_in:
            self.ok_button.setText(self.tr("OK"))
        elif self._stopped:
            self.ok_button.setText(self.tr("&Continue the download"))
        else:
            self.ok_button.setText(self.tr("Sign in and &download"))
        self.problem.hide()
        if signing_in:
            (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def _fill_people(self) -> None:
        self.person_combo.clear()
        unit_id = self.unit_combo.currentData()
        if unit_id is None:
            self._person_chosen()
            return
        for person in list_people(self._store, unit_id):
            role_text = label(ROLE_LABELS, person.role, self._language)
            self.person_combo.addItem(f"{person.name}（{role_text}）", person.id)
        self.person_combo.addItem(self.tr("Someone else…"), NEW_PERSON)
        self._person_chosen()

    def _person_chosen(self) -> None:
        adding = self.person_combo.count() == 0 or self.person_combo.currentData() == NEW_PERSON
        self._person_form.setRowVisible(self.person_name, adding)
        self._person_form.setRowVisible(self.role_combo, adding)

    def accept(self) -> None:
        """Sign in and download, or create what is new and save the profile; close when the
        profile is there. A refused value or a failed download keeps the dialog open."""
        if self.downloading:
            return
        if self.sign_in_choice.isChecked():
            self._download()
            return

        person_id = self.person_combo.currentData()
        adding_person = person_id in (None, NEW_PERSON)
        if adding_person and not self.person_name.text().strip():
            self._show_problem(self.tr("Please enter the user's name."))
            return

        try:
            unit_id = self.unit_combo.currentData()
            if unit_id is None:
                unit_id = create_unit(
                    self._store,
                    name=self.unit_name.text(),
                    county_code=self.county_code.text(),
                    actor=self.person_name.text().strip() or "setup",
                )
            if adding_person:
                person_id = add_person(
                    self._store,
                    unit_id=unit_id,
                    name=self.person_name.text(),
                    role=self.role_combo.currentData(),
                    actor=self.person_name.text().strip(),
                )
            save_profile(self._store, unit_id=unit_id, person_id=person_id)
        except SafeDeskError as error:
            self._show_problem(error.message_en if self._language == "en" else error.message)
            return
        logger.info("profile saved: unit %s, person %s", unit_id, person_id)
        super().accept()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def reject(self) -> None:
        """Cancel (or Esc, or closing the window) stops a download first; then it closes."""
        if self.downloading:
            # Stop means stop: even if the run gets to its end before it sees the request, the
            # dialog stays open (see _downloaded) rather than opening the unit.
            self._stopping = True
            self._sync.cancel()
            self.progress_text.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    # --- signing in and downloading ----------------------------------------------------------

    def _download(self) -> None:
        server = self.server_edit.text().strip()
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not (server and username and password):
            self._show_problem(self.tr("Fill in the server address, user name and password."))
            return
        # Listening and showing "signing in" before the run starts: on a fast link its first
        # progress could otherwise come before the dialog listens, and be lost.
        self._server_tried = server
        self._set_downloading(True)
        self._sync.progressed.connect(self._progressed)
        if not self._sync.download_unit(server, username, password, self._downloaded):
            self._sync.progressed.disconnect(self._progressed)
            self._set_downloading(False)
            self._show_problem(self.tr("A sync is still running; try again in a moment."))
            return
        logger.info("first start: signing in as %s on %s to download the unit", username, server)

    def _set_downloading(self, downloading: bool) -> None:
        self.downloading = downloading
        for widget in (
            self.sign_in_choice,
            self.local_choice,
            self.server_edit,
            self.user_edit,
            self.password_edit,
            self.ok_button,
        ):
            widget.setEnabled(not downloading)
        self.sign_in_choice.setEnabled(not downloading and self._sync is not None)
        self.cancel_button.setText(self.tr("&Stop") if downloading else self.tr("Cancel"))
        self.cancel_button.setEnabled(True)
        self.problem.hide()
        self.progress.setRange(0, 0)  # busy until the pull knows how much comes
        self.progress.setVisible(downloading)
        if downloading:
            self.progress_text.setText(self.tr("Signing in…"))
        self.progress_text.setVisible(downloading)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        if self._stopping:
            return
        if phase != "pull":
            # Signed in; what this laptop has to send goes first.
            self.progress_text.setText(self.tr("Signed in; preparing the download…"))
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress_text.setText(
            self.tr("Downloading your unit: %n record(s) received", "", done)
        )

    def _downloaded(self, outcome: TaskResult) -> None:
        self._sync.progressed.disconnect(self._progressed)
        self._set_downloading(False)
        error = outcome.error if not outcome.ok else outcome.value.error
        stopped = self._stopping or isinstance(error, SyncCancelled)
        self._stopping = False
        if stopped:
            # The password stays, so "Continue the download" is one click.
            logger.info("first start: download stopped by the user")
            self._stopped = True
            self._show_choice()
            self._show_problem(
                self.tr(
                    "Download stopped. What arrived is kept on this laptop. Continue the "
                    "download, or choose above to set up the unit on this laptop only."
                )
            )
            return

        self.password_edit.clear()
        if error is None and load_profile(self._store) is not None:
            logger.info("first start: unit downloaded, %s", outcome.value.summary())
            super().accept()
            return

        self._show_problem(self._download_problem(error))
        self.password_edit.setFocus()

    def _download_problem(self, error: BaseException | None) -> str:
        """The reason a download did not give a profile, in plain words."""
        if isinstance(error, ServerUnreachable):
            return self.tr(
                "The server {server} cannot be reached. Check the server address and this "
                "laptop's network connection, then try again."
            ).format(server=self._server_tried)
        if isinstance(error, SafeDeskError):
            return error.message_en if self._language == "en" else error.message
        logger.error("first start: download failed: %r", error)
        return self.tr("The download failed; the log file has the details.")
