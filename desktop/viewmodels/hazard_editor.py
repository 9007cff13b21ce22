"""State of the hazard editor: a new hazard being written up, or an existing one being worked."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.viewmodels.autosave import Autosave
from sync.clock import china_today
from sync.daily_checks import store_photo
from sync.errors import SafeDeskError, ValidationError
from sync.hazards import (
    EDITABLE_FIELDS,
    HazardDetail,
    HistoryEntry,
    hazard_detail,
    hazard_history,
    move_hazard,
    open_hazard,
    update_hazard,
)
from sync.profile import Profile
from sync.records import HAZARD_TRANSITIONS, HazardStatus
from sync.store.database import Store

logger = logging.getLogger(__name__)

# Edits of a hazard each leave an entry in its history, so they are saved after a longer pause
# than a draft's: one entry per burst of typing, not one per word.
HAZARD_AUTOSAVE_MS = 1500

NEW_HAZARD_DEFAULTS: dict[str, Any] = {
    "equipment_id": None,
    "grade": "general",
    "source": "other",
    "description": "",
    "photos": [],
    "immediate_measures": "",
    "stop_use": False,
    "owner": "",
    "deadline": "",
    "rectification": "",
    "verification": "",
}


class HazardEditorViewModel(QObject):
    """One hazard's fields, its pending edits and its history. UI thread only.

    An existing hazard saves its edits on its own after a pause (and at once before a status
    move or when another hazard is opened); a new hazard is written when ``create`` is called,
    because a hazard needs its description and deadline before it exists at all.
    """

    hazard_changed = Signal()
    """Another hazard (or a new blank one) is shown, or the shown one moved: redraw all."""

    saved = Signal()
    """Pending edits were written."""

    created = Signal(str)
    """A new hazard was recorded; carries its id."""

    failed = Signal(object)
    """A SafeDeskError the user must see."""

    def __init__(
        self,
        store: Store,
        profile: Profile,
        *,
        today: Callable[[], dt.date] = china_today,
        autosave_ms: int = HAZARD_AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.profile = profile
        self._today = today
        self.autosave = Autosave(self._save_pending, autosave_ms, parent=self)
        self.detail: HazardDetail | None = None
        self.history: list[HistoryEntry] = []
        self.values: dict[str, Any] = {}
        self._pending: dict[str, Any] = {}

    @property
    def is_new(self) -> bool:
        return self.detail is None and bool(self.values)

    @property
    def editable(self) -> bool:
        if self.is_new:
            return True
        return self.detail is not None and self.detail.status != HazardStatus.CLOSED

    @property
    def status(self) -> str:
        return self.detail.status if self.detail else HazardStatus.FOUND.value

    def next_statuses(self) -> list[str]:
        """The statuses the shown hazard may move to now."""
        if self.detail is None:
            return []
        allowed = HAZARD_TRANSITIONS[HazardStatus(self.detail.status)]
        return [status.value for status in HazardStatus if status in allowed]

    # --- choosing ----------------------------------------------------------------------------

    def load(self, hazard_id: str) -> bool:
        self.autosave.flush()
        try:
            detail = hazard_detail(self.store, hazard_id, self._today())
            history = hazard_history(self.store, hazard_id)
        except SafeDeskError as error:
            self.failed.emit(error)
            return False
        self.detail, self.history = detail, history
        self.values = {key: getattr(detail, key) for key in EDITABLE_FIELDS}
        self.values["photos"] = [dict(photo) for photo in detail.photos]
        self._pending = {}
        self.hazard_changed.emit()
        return True

    def reread(self) -> None:
        """The shown hazard may have changed in the store (a sync run pulled it, or made a
        conflict of it): show what is stored now, and emit ``hazard_changed``. Typing is never
        overwritten: fields with edits waiting to be saved keep them; the state, the history
        and the other fields are read again. A new hazard being written is left alone."""
        if self.detail is None:
            return
        try:
            self._reload_quietly()
        except SafeDeskError as error:
            self.failed.emit(error)
            return
        stored = {key: getattr(self.detail, key) for key in EDITABLE_FIELDS}
        stored["photos"] = [dict(photo) for photo in self.detail.photos]
        self.values = {**stored, **self._pending}
        self.hazard_changed.emit()

    def start_new(self, **prefill: Any) -> None:
        """A blank hazard to write up; ``prefill`` from a daily check's abnormal item."""
        self.autosave.flush()
        self.detail, self.history, self._pending = None, [], {}
        self.values = {**NEW_HAZARD_DEFAULTS, "photos": [], **prefill}
        self.hazard_changed.emit()

    def clear(self) -> None:
        self.autosave.flush()
        self.detail, self.history, self.values, self._pending = None, [], {}, {}
        self.hazard_changed.emit()

    # --- editing -----------------------------------------------------------------------------

    def change(self, field: str, value: Any) -> None:
        if field not in EDITABLE_FIELDS or not self.editable:
            return
        if self.values.get(field) == value:
            return
        self.values[field] = value
        if self.detail is not None:
            self._pending[field] = value
            self.autosave.touch()

    def add_photos(self, files: list[Path]) -> int:
        """Copy picture files into the data folder and attach them; returns how many."""
        photos = list(self.values.get("photos", []))
        known = {photo["sha256"] for photo in photos}
        added = 0
        for file in files:
            try:
                reference = store_photo(self.store, file).as_json()
            except SafeDeskError as error:
                self.failed.emit(error)
                continue
            if reference["sha256"] not in known:
                photos.append(reference)
                known.add(reference["sha256"])
                added += 1
        if added:
            self.change("photos", photos)
            self.autosave.flush()
        return added

    def remove_photo(self, sha256: str) -> None:
        photos = [photo for photo in self.values.get("photos", []) if photo["sha256"] != sha256]
        self.change("photos", photos)
        self.autosave.flush()

    def _save_pending(self) -> None:
        if self.detail is None or not self._pending:
            return
        changes, self._pending = self._pending, {}
        try:
            update_hazard(self.store, self.detail.id, changes, self.profile.person_name)
        except SafeDeskError as error:
            logger.error("hazard %s edits not saved: %s", self.detail.id, error)
            self._pending = {**changes, **self._pending}
            self.failed.emit(error)
            return
        self._reload_quietly()
        self.saved.emit()

    def flush(self) -> bool:
        """Save pending edits now; False if they could not be saved (``failed`` said why)."""
        self.autosave.flush()
        return not self._pending

    def _reload_quietly(self) -> None:
        self.detail = hazard_detail(self.store, self.detail.id, self._today())
        self.history = hazard_history(self.store, self.detail.id)

    # --- creating and moving -----------------------------------------------------------------

    def create(self) -> str | None:
        """Record the new hazard; None (and ``failed``) if its description or deadline is
        missing."""
        if not self.is_new:
            return None
        values = self.values
        try:
            hazard_id = open_hazard(
                self.store,
                unit_id=self.profile.unit_id,
                equipment_id=values.get("equipment_id"),
                grade=values["grade"],
                source=values["source"],
                description=values["description"],
                deadline=values.get("deadline") or None,
                owner=values.get("owner", ""),
                actor=self.profile.person_name,
                source_record_id=values.get("source_record_id"),
                source_item_id=values.get("source_item_id"),
                immediate_measures=values.get("immediate_measures", ""),
                stop_use=bool(values.get("stop_use")),
                photos=values.get("photos", []),
            )
            extra = {
                key: values[key]
                for key in ("rectification", "verification")
                if values.get(key, "").strip()
            }
            if extra:
                update_hazard(self.store, hazard_id, extra, self.profile.person_name)
        except (SafeDeskError, ValueError) as error:
            if not isinstance(error, SafeDeskError):
                error = ValidationError(str(error))
            self.failed.emit(error)
            return None
        self.load(hazard_id)
        self.created.emit(hazard_id)
        return hazard_id

    def move(self, target: str, note: str = "") -> bool:
        """Save pending edits, then move the hazard along its lifecycle."""
        if self.detail is None or not self.flush():
            return False
        try:
            move_hazard(self.store, self.detail.id, target, self.profile.person_name, note)
        except SafeDeskError as error:
            self.failed.emit(error)
            return False
        return self.load(self.detail.id)
