"""State of the monthly scheduling meeting page: the month, its minutes and statistics."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.viewmodels.signed_record import SignedRecordViewModel
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
    statistics_with_current_sync_states,
    submit_monthly_minutes,
    unit_people,
)
from sync.profile import Profile
from sync.store.database import Store

logger = logging.getLogger(__name__)


class MonthlyMinutesViewModel(SignedRecordViewModel):
    """Holds the minutes being shown and saves them while the user types (UI thread only).

    Nothing is written until the first edit, so looking at a month leaves no empty draft.
    """

    minutes_changed = Signal()
    """Other minutes are shown (month switched, submitted, amended): redraw all."""

    sync_states_changed = Signal()
    """The sync states were read again (after a sync run): redraw the chip and the lists only,
    leaving what is being typed alone."""

    record_kind = "monthly"

    def __init__(
        self,
        store: Store,
        profile: Profile,
        *,
        today: Callable[[], dt.date] = china_today,
        autosave_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, profile, today=today, autosave_ms=autosave_ms, parent=parent)

        self.month = today().strftime("%Y-%m")
        self.form: MonthlyMinutesForm | None = None
        self.statistics: MonthStatistics | None = None
        self.previous: list[PreviousDecision] = []
        self.minutes: list[MinutesSummary] = []
        self.people = unit_people(store, profile.unit_id)

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
            snapshot = MonthStatistics.from_dict(form.statistics_snapshot)
            self.statistics = statistics_with_current_sync_states(
                self.store, self.unit_id, snapshot
            )
        else:
            self.statistics = month_statistics(self.store, self.unit_id, self.month, self._today())
        self.previous = previous_decisions(self.store, self.unit_id, self.month)
        self.minutes_changed.emit()

    @property
    def sync_state(self) -> str | None:
        """The shown minutes' sync state; None before their first save."""
        form_id = self.form.record_id if self.form is not None else None
        return next((each.sync_state for each in self.minutes if each.id == form_id), None)

    def refresh_sync_states(self) -> None:
        """Read the sync state of the minutes and of the reports and hazards listed again."""
        if self.form is None:
            return
        self._reload_versions()
        if self.statistics is not None:
            self.statistics = statistics_with_current_sync_states(
                self.store, self.unit_id, self.statistics
            )
        self.sync_states_changed.emit()

    # --- editing -----------------------------------------------------------------------------

    def set_follow_up(self, decision_id: str, done: bool | None = None, note: str | None = None):
        if not self.editable:
            return
        entry = self.form.follow_up.setdefault(decision_id, {"done": False, "note": ""})
        if done is not None:
            entry["done"] = done
        if note is not None:
            entry["note"] = note
        self.autosave.touch()

    # --- the hooks of SignedRecordViewModel --------------------------------------------------

    def _versions(self) -> list[MinutesSummary]:
        return self.minutes

    def _reload_versions(self) -> None:
        self.minutes = minutes_of_month(self.store, self.unit_id, self.month)

    def _write_draft(self) -> None:
        save_minutes_draft(self.store, self.form, self.profile.person_name)

    def _sign(self) -> None:
        submit_monthly_minutes(self.store, self.form, self.profile, today=self._today())

    def _open_amendment(self, reason: str) -> str:
        return amend_monthly_minutes(
            self.store, self.form.record_id, reason, self.profile.person_name
        )

    def _open(self, record_id: str) -> None:
        self.open_minutes(record_id)
