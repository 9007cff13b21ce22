"""State of the daily-check page: the record being filled, its template, autosave, submitting.

Saving runs on the UI thread on purpose: each save is one small SQLite transaction (a few
milliseconds), saves must land in the order they were typed, and on close or kill the last one
must already be on disk. Typed text is saved ``AUTOSAVE_DELAY_MS`` after the last keystroke,
when the field loses focus (``flush``), before another page is shown and when the window
closes; a chosen result is saved at once. Everything older than about a second is on disk.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.context import AppContext
from sync import daily_checks
from sync.clock import utc_now
from sync.daily_checks import (
    DailyCheckState,
    IncompleteCheckError,
    ItemAnswer,
    MarkNormalResult,
    SubmitProblem,
)
from sync.errors import ReadOnlyRecordError, SafeDeskError
from sync.hazards import open_hazard
from sync.records import DayStatus, HazardSource, ItemResult, RecordType
from sync.templates import ChecklistTemplate, TemplateItem
from sync.units import EquipmentInfo, get_equipment, list_people

logger = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 500
_NUMBER = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*$")


@dataclass(frozen=True)
class HazardRequest:
    """What the officer entered in the open-hazard dialog."""

    grade: str
    description: str
    deadline: dt.date
    owner: str
    immediate_measures: str = ""
    stop_use: bool = False


def parse_value(text: str) -> float | None:
    """A typed reading as a number; None for an empty field. Raises ValueError otherwise."""
    if not text.strip():
        return None
    if not _NUMBER.match(text):
        raise ValueError(text)
    return float(text.strip().replace(",", "."))


class DailyCheckViewModel(QObject):
    """One daily check being viewed or filled. Lives on the UI thread.

    Call ``load`` first. Editing methods keep unsaved changes in ``pending`` until they are
    written; ``answer(item_id)`` always returns what the user sees (saved plus pending).
    """

    check_loaded = Signal()
    """A record was loaded or replaced as a whole (load, mark-all, submit, amend)."""

    saved = Signal(object)
    """A draft save reached the disk; carries the save's time (aware datetime)."""

    save_failed = Signal(str)
    """A save failed; the unsaved text is kept and retried with the next save."""

    problems_changed = Signal()
    """``problems`` changed (after a refused submit, and as those items get fixed)."""

    hazard_links_changed = Signal()
    """A hazard was opened from an item of this record."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.check: DailyCheckState | None = None
        self.template: ChecklistTemplate | None = None
        self.equipment: EquipmentInfo | None = None
        self.day_records: list[DailyCheckState] = []
        self.hazard_links: dict[str, str] = {}
        self.problems: list[SubmitProblem] = []
        self.pending: dict[str, dict[str, Any]] = {}
        self.pending_day: dict[str, str] = {}
        self.last_saved_at: dt.datetime | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    # -- loading ---------------------------------------------------------------------------

    def load(self, equipment_id: str, check_id: str | None = None) -> None:
        """Open today's check of the equipment (made if missing), or the given record.

        Raises SafeDeskError (no such equipment, template missing) for the page to show.
        """
        self.flush()
        store, templates = self.context.store, self.context.templates
        self.equipment = get_equipment(store, equipment_id)
        if check_id is None:
            check = daily_checks.open_daily_check(
                store, templates, equipment_id=equipment_id, actor=self.context.actor
            )
        else:
            check = daily_checks.load_check(store, check_id)
        self._replace(check)
        self.problems = []
        logger.info("daily check %s opened (%s)", check.id, check.status)
        self.check_loaded.emit()

    def _replace(self, check: DailyCheckState) -> None:
        store = self.context.store
        if self.check is None or self.check.id != check.id:
            # The autosave time belongs to the record it saved, not to the next one opened.
            self.last_saved_at = None
        self.check = check
        self.template = daily_checks.template_of(self.context.templates, check)
        self.day_records = daily_checks.checks_of_day(store, check.equipment_id, check.day)
        self.hazard_links = daily_checks.hazards_by_item(store, check.id)

    def reload(self) -> None:
        if self.check is not None:
            self._replace(daily_checks.load_check(self.context.store, self.check.id))
            self._recheck_problems()
            self.check_loaded.emit()

    @property
    def read_only(self) -> bool:
        return self.check is None or self.check.read_only

    @property
    def can_amend(self) -> bool:
        check = self.check
        return check is not None and check.status == "submitted" and not check.amended_by_id

    def answer(self, item_id: str) -> ItemAnswer:
        """The item's answer as the user sees it: saved, with unsaved edits on top."""
        saved = self.check.answer(item_id) if self.check else ItemAnswer()
        change = self.pending.get(item_id)
        if not change:
            return saved
        return ItemAnswer(
            change.get("result", saved.result),
            change.get("value", saved.value),
            change.get("remark", saved.remark),
            saved.photos,
        )

    def item(self, item_id: str) -> TemplateItem:
        return self.template.item(item_id)

    def value_outside_range(self, item_id: str) -> bool:
        item = self.item(item_id)
        value = self.answer(item_id).value
        return (
            item.measurement is not None
            and value is not None
            and not (item.measurement.contains(value))
        )

    def progress(self) -> tuple[int, int, int]:
        """(answered items, items, abnormal items) of the record's template version."""
        answers = [self.answer(item.id) for item in self.template.items]
        answered = sum(1 for answer in answers if answer.answered)
        abnormal = sum(1 for answer in answers if answer.result == ItemResult.ABNORMAL)
        return answered, len(answers), abnormal

    def people_names(self) -> list[str]:
        return [person.name for person in list_people(self.context.store, self.check.unit_id)]

    # -- editing ---------------------------------------------------------------------------

    def set_result(self, item_id: str, result: str | None) -> None:
        """Choose 正常/异常/不适用 (or None to clear); saved at once with any typed text."""
        self._stage(item_id, "result", None if result is None else ItemResult(result).value)
        self.flush()

    def set_value_text(self, item_id: str, text: str) -> bool:
        """Take a typed reading; False (nothing staged) while it is not a number yet."""
        try:
            value = parse_value(text)
        except ValueError:
            return False
        self._stage(item_id, "value", value)
        self._timer.start()
        return True

    def set_remark(self, item_id: str, text: str) -> None:
        self._stage(item_id, "remark", text)
        self._timer.start()

    def set_operating_status(self, status: str) -> None:
        self.pending_day["operating_status"] = DayStatus(status).value
        self.flush()
        self._recheck_problems()

    def set_day_remark(self, text: str) -> None:
        self.pending_day["remark"] = text
        self._timer.start()

    def _stage(self, item_id: str, key: str, value: Any) -> None:
        if self.read_only:
            logger.warning("edit of read-only check %s ignored", self.check and self.check.id)
            return
        self.pending.setdefault(item_id, {})[key] = value

    def flush(self) -> bool:
        """Write every unsaved change now. True when nothing is left unsaved."""
        self._timer.stop()
        if self.check is None or not (self.pending or self.pending_day):
            return True
        store, templates = self.context.store, self.context.templates
        answers, day_fields = dict(self.pending), dict(self.pending_day)

        try:
            check = self.check
            if answers:
                check = daily_checks.save_answers(
                    store, templates, check.id, answers, self.context.actor
                )
            if day_fields:
                check = daily_checks.save_day_fields(
                    store, check.id, self.context.actor, **day_fields
                )
        except ReadOnlyRecordError as error:
            # Submitted elsewhere in the meantime (another window); the typing cannot be kept
            # on this record, so say so rather than retrying forever.
            self.pending.clear()
            self.pending_day.clear()
            self.save_failed.emit(self._message(error))
            return False
        except SafeDeskError as error:
            logger.error("draft %s not saved: %s", self.check.id, error.message_en)
            self.save_failed.emit(self._message(error))
            return False

        self.pending.clear()
        self.pending_day.clear()
        self.check = check
        self.last_saved_at = utc_now()
        logger.debug("draft %s saved (%d items)", check.id, len(answers))
        self._recheck_problems()
        self.saved.emit(self.last_saved_at)
        return True

    def mark_all_normal(self) -> MarkNormalResult:
        """Mark every unanswered item normal (measured items without a reading are left)."""
        self.flush()
        outcome = daily_checks.mark_unanswered_normal(
            self.context.store, self.context.templates, self.check.id, self.context.actor
        )
        self.reload()
        return outcome

    # -- submitting and amending -----------------------------------------------------------

    def check_for_submit(self) -> list[SubmitProblem]:
        """Save, then list what stops submitting (and show it)."""
        self.flush()
        self.problems = daily_checks.submit_problems(self.check, self.template)
        self.problems_changed.emit()
        return self.problems

    def abnormal_without_hazard(self) -> list[TemplateItem]:
        return [
            item
            for item in self.template.items
            if self.answer(item.id).result == ItemResult.ABNORMAL
            and item.id not in self.hazard_links
        ]

    def submit(self) -> bool:
        """Sign with this laptop's user and submit. False (problems shown) if incomplete."""
        if not self.flush():
            return False
        profile = self.context.profile
        try:
            check = daily_checks.submit_daily_check(
                self.context.store,
                self.context.templates,
                self.check.id,
                person_id=profile.person_id,
                person_name=profile.person_name,
            )
        except IncompleteCheckError as error:
            self.problems = error.problems
            self.problems_changed.emit()
            return False
        self._replace(check)
        self.problems = []
        self.problems_changed.emit()
        self.context.events.records_changed.emit(RecordType.DAILY_CHECK.value)
        self.check_loaded.emit()
        return True

    def amend(self, reason: str) -> None:
        """Start a correction of the submitted record; the page then shows the new draft."""
        amendment = daily_checks.amend_daily_check(
            self.context.store, self.check.id, reason, self.context.actor
        )
        self._replace(amendment)
        self.problems = []
        self.context.events.records_changed.emit(RecordType.DAILY_CHECK.value)
        self.check_loaded.emit()

    def show_record(self, check_id: str) -> None:
        """Show another record of the same day (the original of an amendment, say)."""
        self.flush()
        self._replace(daily_checks.load_check(self.context.store, check_id))
        self.problems = []
        self.check_loaded.emit()

    def _recheck_problems(self) -> None:
        # Once a submit was refused, the list follows the fixes as they are typed.
        if self.problems and self.check is not None:
            self.problems = daily_checks.submit_problems(self.check, self.template)
            self.problems_changed.emit()

    # -- photos and hazards ----------------------------------------------------------------

    def attach_photos(self, item_id: str, files: Iterable[Path]) -> list[str]:
        """Attach picture files to an item; returns a message per file that was refused."""
        self.flush()
        refused = []
        for file in files:
            try:
                self.check = daily_checks.attach_photo(
                    self.context.store,
                    self.context.templates,
                    self.check.id,
                    item_id,
                    Path(file),
                    self.context.actor,
                )
            except SafeDeskError as error:
                refused.append(self._message(error))
        return refused

    def remove_photo(self, item_id: str, sha256: str) -> None:
        self.flush()
        self.check = daily_checks.remove_photo(
            self.context.store,
            self.context.templates,
            self.check.id,
            item_id,
            sha256,
            self.context.actor,
        )

    def photo_path(self, sha256: str) -> Path | None:
        return daily_checks.photo_file(self.context.store, sha256)

    def hazard_description(self, item_id: str) -> str:
        """The item's text and the remark, as a starting description of the hazard."""
        item = self.item(item_id)
        remark = self.answer(item_id).remark.strip()
        text = item.text(self.context.language)
        return f"{text}：{remark}" if remark else text

    def open_hazard(self, item_id: str, request: HazardRequest) -> str:
        """Record a hazard found at an item of this check; returns the hazard's id."""
        self.flush()
        hazard_id = open_hazard(
            self.context.store,
            unit_id=self.check.unit_id,
            equipment_id=self.check.equipment_id,
            grade=request.grade,
            source=HazardSource.DAILY_CHECK.value,
            description=request.description,
            deadline=request.deadline,
            owner=request.owner,
            actor=self.context.actor,
            source_record_id=self.check.id,
            source_item_id=item_id,
            immediate_measures=request.immediate_measures,
            stop_use=request.stop_use,
            photos=[photo.as_json() for photo in self.answer(item_id).photos],
        )
        self.hazard_links[item_id] = hazard_id
        self.context.events.records_changed.emit(RecordType.HAZARD.value)
        self.hazard_links_changed.emit()
        return hazard_id

    def _message(self, error: SafeDeskError) -> str:
        return error.message_en if self.context.language == "en" else error.message
