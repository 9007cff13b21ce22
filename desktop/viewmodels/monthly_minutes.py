"""State of the monthly scheduling meeting page: the month, its minutes and statistics."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.viewmodels.autosave import Autosave
from sync.clock import china_today
from sync.errors import SafeDeskError
from sync.monthly_minutes import (
    MinutesSummary,
    MonthlyMinutesForm,
    MonthStatistics,
    PreviousDecision,
    amend_monthly_minutes,
    current_minutes_id,
    load_monthly_minutes,
    minutes_of_month,
    month_statistics,
    new_monthly_minutes,
    previous_decisions,
    save_minutes_draft,
    submit_monthly_minutes,
    unit_people,
)
from sync.profile import Profile
from sync.records import RecordStatus
from sync.store.database import Store

logger = logging.getLogger(__name__)


class MonthlyMinutesViewModel(QObject):
    """Holds the minutes being shown and saves them while the user types (UI thread only).

    Nothing is written until the first edit, so looking at a month leaves no empty draft.
    """

    minutes_changed = Signal()
    """Other minutes are shown (month switched, submitted, amended): redraw all."""

    saved = Signal()
    """The draft was written to the store."""

    failed = Signal(object)
    """A SafeDeskError the user must see."""

    def __init__(
        self,
        store: Store,
        profile: Profile,
        *,
        today: Callable[[], dt.date] = china_today,
        autosave_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.profile = profile
        self._today = today
        delay = {} if autosave_ms is None else {"delay_ms": autosave_ms}
        self.autosave = Autosave(self._save_draft, parent=self, **delay)

        self.month = today().strftime("%Y-%m")
        self.form: MonthlyMinutesForm | None = None
        self.statistics: MonthStatistics | None = None
        self.previous: list[PreviousDecision] = []
        self.minutes: list[MinutesSummary] = []
        self.people = unit_people(store, profile.unit_id)

    @property
    def unit_id(self) -> str:
        return self.profile.unit_id

    @property
    def editable(self) -> bool:
        return self.form is not None and not self.form.read_only

    # --- choosing what to show ---------------------------------------------------------------

    def load(self) -> None:
        """Show the month's minutes: the open draft, the newest signed version, or new ones."""
        self.autosave.flush()
        self.minutes = minutes_of_month(self.store, self.unit_id, self.month)
        chosen = current_minutes_id(self.minutes)
        try:
            if chosen is None:
                form = new_monthly_minutes(self.store, self.unit_id, self.month)
            else:
                form = load_monthly_minutes(self.store, chosen)
        except SafeDeskError as error:
            self.failed.emit(error)
            return
        self._show(form)

    def select_month(self, month: str) -> None:
        if month == self.month and self.form is not None:
            return
        self.autosave.flush()
        self.month = month
        self.load()

    def open_minutes(self, record_id: str) -> None:
        """Show one version of the month's minutes (original or amendment), by id."""
        self.autosave.flush()
        try:
            form = load_monthly_minutes(self.store, record_id)
        except SafeDeskError as error:
            self.failed.emit(error)
            return
        self.month = form.month
        self.minutes = minutes_of_month(self.store, self.unit_id, self.month)
        self._show(form)

    def _show(self, form: MonthlyMinutesForm) -> None:
        self.form = form
        if form.read_only and form.statistics_snapshot:
            self.statistics = MonthStatistics.from_dict(form.statistics_snapshot)
        else:
            self.statistics = month_statistics(self.store, self.unit_id, self.month, self._today())
        self.previous = previous_decisions(self.store, self.unit_id, self.month)
        self.minutes_changed.emit()

    # --- editing -----------------------------------------------------------------------------

    def edit(self, **fields: Any) -> None:
        """Change fields of the draft (meeting_date, place, chair_id, director_report)."""
        if not self.editable:
            return
        for key, value in fields.items():
            setattr(self.form, key, value)
        self.autosave.touch()

    def rows_changed(self) -> None:
        """A table (attendees, decisions, follow-up) edited the form's lists in place."""
        if self.editable:
            self.autosave.touch()

    def set_follow_up(self, decision_id: str, done: bool | None = None, note: str | None = None):
        if not self.editable:
            return
        entry = self.form.follow_up.setdefault(decision_id, {"done": False, "note": ""})
        if done is not None:
            entry["done"] = done
        if note is not None:
            entry["note"] = note
        self.autosave.touch()

    def _save_draft(self) -> None:
        if not self.editable:
            return
        try:
            save_minutes_draft(self.store, self.form, self.profile.person_name)
        except SafeDeskError as error:
            logger.error("monthly draft %s not saved: %s", self.form.record_id, error)
            self.failed.emit(error)
            return
        if not any(each.id == self.form.record_id for each in self.minutes):
            self.minutes = minutes_of_month(self.store, self.unit_id, self.month)
        self.saved.emit()

    def flush(self) -> None:
        self.autosave.flush()

    # --- signing -----------------------------------------------------------------------------

    def submit(self) -> bool:
        if not self.editable:
            return False
        self.autosave.cancel()
        try:
            submit_monthly_minutes(self.store, self.form, self.profile, today=self._today())
        except SafeDeskError as error:
            self.autosave.touch()
            self.failed.emit(error)
            return False
        self.open_minutes(self.form.record_id)
        return True

    def amend(self, reason: str) -> bool:
        if self.form is None or self.form.status != RecordStatus.SUBMITTED:
            return False
        try:
            amendment_id = amend_monthly_minutes(
                self.store, self.form.record_id, reason, self.profile.person_name
            )
        except SafeDeskError as error:
            self.failed.emit(error)
            return False
        self.open_minutes(amendment_id)
        return True
