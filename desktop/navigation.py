"""Where a click can lead: typed navigation targets, and the hub pages use to ask for them.

A page never reaches into another page. It asks the :class:`Navigator` to go to a target (a
hazard, an equipment, a week) and the main window shows the page that owns that target and hands
it over through ``page.activate(target)``. A page receives only its own kind of target, or None
when the user picked it in the navigation list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

TODAY = "today"
EQUIPMENT = "equipment"
HAZARDS = "hazards"
WEEKLY = "weekly"
MONTHLY = "monthly"
DAILY_CHECK = "daily_check"


@dataclass(frozen=True)
class DailyCheckTarget:
    """Today's daily check of an equipment, or one given record of it (``check_id``)."""

    equipment_id: str
    check_id: str | None = None


@dataclass(frozen=True)
class HazardTarget:
    """One hazard, to show and work on."""

    hazard_id: str


@dataclass(frozen=True)
class HazardListTarget:
    """The hazard list, optionally narrowed to one equipment."""

    equipment_id: str | None = None


@dataclass(frozen=True)
class EquipmentTarget:
    equipment_id: str


@dataclass(frozen=True)
class WeekTarget:
    """The weekly investigation report of an ISO week: of one equipment family, or one given
    report (``report_id``, e.g. an original next to its amendment)."""

    iso_year: int
    iso_week: int
    family: str | None = None
    report_id: str | None = None


@dataclass(frozen=True)
class MonthTarget:
    """The monthly scheduling minutes of a ``YYYY-MM`` month, or one given version of them."""

    month: str
    minutes_id: str | None = None


NavTarget = (
    DailyCheckTarget | HazardTarget | HazardListTarget | EquipmentTarget | WeekTarget | MonthTarget
)

PAGE_OF_TARGET: dict[type, str] = {
    DailyCheckTarget: DAILY_CHECK,
    HazardTarget: HAZARDS,
    HazardListTarget: HAZARDS,
    EquipmentTarget: EQUIPMENT,
    WeekTarget: WEEKLY,
    MonthTarget: MONTHLY,
}


class Navigator(QObject):
    """The hub a page asks to show another page. Lives on the UI thread."""

    navigate_requested = Signal(str, object)
    """(page key, target or None): the main window shows that page and activates it."""

    def open_page(self, page_key: str) -> None:
        self.navigate_requested.emit(page_key, None)

    def go(self, target: NavTarget) -> None:
        self.navigate_requested.emit(PAGE_OF_TARGET[type(target)], target)


class StoreEvents(QObject):
    """Tells pages that records changed, so a page shown later refreshes what it lists."""

    records_changed = Signal(str)
    """A record type (``sync.records.RecordType`` value) whose records were written."""
