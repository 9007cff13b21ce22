"""First start: which unit this laptop belongs to and who uses it."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sync.errors import SafeDeskError
from sync.profile import save_profile
from sync.records import ROLE_LABELS, Role, label
from sync.store.database import Store
from sync.units import add_person, create_unit, list_people, list_units

logger = logging.getLogger(__name__)

# The three roles of Order 74 a laptop user can hold; supervisors use the server's web view.
USER_ROLES = (Role.OFFICER, Role.DIRECTOR, Role.PRINCIPAL)
NEW_PERSON = "__new__"


class ProfileDialog(QDialog):
    """Asks for the unit and the user; on accept the profile is saved in the store.

    With units already in the store (demo or synced data) the user picks one and picks or adds
    a person; with no data at all the unit and the person are created on this laptop.
    """

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._language = language
        self._units = list_units(store)
        self.setWindowTitle(self.tr("Welcome to SafeDesk"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "This laptop keeps the safety records of one unit. Tell SafeDesk which unit it "
                "belongs to and who uses it; records are signed with this name."
            )
        )
        intro.setWordWrap(True)

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
            self.role_combo.addItem(label(ROLE_LABELS, role, language), role.value)
        if self._units:
            person_form.addRow(self.tr("&Person:"), self.person_combo)
        person_form.addRow(self.tr("&Name:"), self.person_name)
        person_form.addRow(self.tr("&Role:"), self.role_combo)
        self._person_form = person_form

        self.problem = QLabel()
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(unit_box)
        layout.addWidget(person_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.unit_combo.currentIndexChanged.connect(self._fill_people)
        self.person_combo.currentIndexChanged.connect(self._person_chosen)
        self._fill_people()

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
        """Create what is new, save the profile, and close; a refused value keeps it open."""
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
