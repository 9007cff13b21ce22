"""State of the weekly investigation page: which week and family, the report, its roll-up."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.viewmodels.signed_record import SignedRecordViewModel
from sync.clock import china_today, iso_week_of
from sync.errors import SafeDeskError
from sync.profile import Profile
from sync.store.database import Store
from sync.weekly_reports import (
    WeeklyReportForm,
    WeeklyReportSummary,
    WeekRollup,
    amend_weekly_report,
    current_report_id,
    families_of_unit,
    load_weekly_report,
    new_weekly_report,
    save_weekly_draft,
    submit_weekly_report,
    week_rollup,
    weekly_reports_of_week,
    with_current_sync_states,
)

if TYPE_CHECKING:
    from sync.templates import ChecklistTemplate, TemplateLibrary

logger = logging.getLogger(__name__)


class WeeklyReportViewModel(SignedRecordViewModel):
    """Holds the report being shown and saves it while the director types.

    Nothing is written until the first edit, so looking at a week leaves no empty draft.
    Every method runs on the UI thread.
    """

    report_changed = Signal()
    """Another report is shown (week or family switched, submitted, amended): redraw all."""

    sync_states_changed = Signal()
    """The sync states were read again (after a sync run): redraw the chip and the lists only,
    leaving what is being typed alone."""

    record_kind = "weekly"

    def __init__(
        self,
        store: Store,
        profile: Profile,
        library: TemplateLibrary,
        *,
        today: Callable[[], dt.date] = china_today,
        autosave_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, profile, today=today, autosave_ms=autosave_ms, parent=parent)
        self.library = library

        self.iso_year, self.iso_week = iso_week_of(today())
        self.families = [family.value for family in families_of_unit(store, profile.unit_id)]
        self.family = self.families[0] if self.families else ""
        self.form: WeeklyReportForm | None = None
        self.template: ChecklistTemplate | None = None
        self.rollup: WeekRollup | None = None
        self.reports: list[WeeklyReportSummary] = []

    # --- choosing what to show ---------------------------------------------------------------

    def load(self) -> None:
        """Show the week's report of the current family: its draft, its newest signed version,
        or a new unsaved one."""
        self.autosave.flush()
        self.families = [family.value for family in families_of_unit(self.store, self.unit_id)]
        if self.family not in self.families:
            self.family = self.families[0] if self.families else ""
        if not self.family:
            self.form, self.template, self.rollup, self.reports = None, None, None, []
            self.report_changed.emit()
            return
        self.reports = weekly_reports_of_week(
            self.store, self.unit_id, self.iso_year, self.iso_week, self.family
        )
        chosen = current_report_id(self.reports)
        try:
            if chosen is None:
                form = new_weekly_report(
                    self.unit_id, self.iso_year, self.iso_week, self.family, self.library
                )
            else:
                form = load_weekly_report(self.store, chosen)
            self._show(form)
        except SafeDeskError as error:
            logger.error(
                "weekly report of %s-W%s not shown: %s", self.iso_year, self.iso_week, error
            )
            self.form, self.template = None, None
            self.rollup = self._live_rollup()
            self.report_changed.emit()
            self.failed.emit(error)

    def select_week(self, iso_year: int, iso_week: int) -> None:
        if (iso_year, iso_week) == (self.iso_year, self.iso_week) and self.form is not None:
            return
        self.autosave.flush()
        self.iso_year, self.iso_week = iso_year, iso_week
        self.load()

    def select_family(self, family: str) -> None:
        if family == self.family and self.form is not None:
            return
        self.autosave.flush()
        self.family = family
        self.load()

    def open_report(self, record_id: str) -> None:
        """Show one report of the chain (an original next to its amendment), by id."""
        self.autosave.flush()
        try:
            form = load_weekly_report(self.store, record_id)
            self.iso_year, self.iso_week, self.family = form.iso_year, form.iso_week, form.family
            self.reports = weekly_reports_of_week(
                self.store, self.unit_id, self.iso_year, self.iso_week, self.family
            )
            self._show(form)
        except SafeDeskError as error:
            logger.error("weekly report %s not shown: %s", record_id, error)
            self.failed.emit(error)

    def _show(self, form: WeeklyReportForm) -> None:
        self.form = form
        self.template = self.library.get(form.template_id, form.template_version)
        if form.read_only and form.rollup_snapshot:
            snapshot = WeekRollup.from_dict(form.rollup_snapshot)
            self.rollup = with_current_sync_states(self.store, snapshot)
        else:
            self.rollup = self._live_rollup()
        self.report_changed.emit()

    def _live_rollup(self) -> WeekRollup | None:
        if not self.family:
            return None
        return week_rollup(
            self.store, self.unit_id, self.iso_year, self.iso_week, self.family, self._today()
        )

    def refresh_rollup(self) -> None:
        """Recount a draft's roll-up (a daily check may have been signed meanwhile)."""
        if self.form is not None and not self.form.read_only:
            self.rollup = self._live_rollup()
            self.report_changed.emit()

    @property
    def sync_state(self) -> str | None:
        """The shown report's sync state; None before its first save."""
        form_id = self.form.record_id if self.form is not None else None
        return next((each.sync_state for each in self.reports if each.id == form_id), None)

    def refresh_sync_states(self) -> None:
        """Read the sync state of the report and of the checks and hazards it lists again."""
        if not self.family:
            return
        self._reload_versions()
        if self.rollup is not None:
            self.rollup = with_current_sync_states(self.store, self.rollup)
        self.sync_states_changed.emit()

    # --- editing -----------------------------------------------------------------------------

    def set_item(self, item_id: str, result: str | None = None, remark: str | None = None) -> None:
        if not self.editable:
            return
        self.form.set_item(item_id, result, remark)
        self.autosave.touch()

    def mark_unanswered_normal(self) -> int:
        """Answer 正常 for every item still without a result; returns how many changed."""
        if not self.editable or self.template is None:
            return 0
        changed = 0
        for item in self.template.items:
            if not self.form.items.get(item.id, {}).get("result"):
                self.form.set_item(item.id, "normal")
                changed += 1
        if changed:
            self.autosave.touch()
        return changed

    # --- the hooks of SignedRecordViewModel --------------------------------------------------

    def _versions(self) -> list[WeeklyReportSummary]:
        return self.reports

    def _reload_versions(self) -> None:
        self.reports = weekly_reports_of_week(
            self.store, self.unit_id, self.iso_year, self.iso_week, self.family
        )

    def _write_draft(self) -> None:
        save_weekly_draft(self.store, self.form, self.profile.person_name)

    def _sign(self) -> None:
        submit_weekly_report(self.store, self.form, self.profile, self.library, today=self._today())

    def _open_amendment(self, reason: str) -> str:
        return amend_weekly_report(
            self.store, self.form.record_id, reason, self.profile.person_name
        )

    def _open(self, record_id: str) -> None:
        self.open_report(record_id)
