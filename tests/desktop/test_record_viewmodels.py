"""The weekly, monthly and hazard view-models on their own: no widget, a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.viewmodels.hazard_editor import HazardEditorViewModel
from desktop.viewmodels.monthly_minutes import MonthlyMinutesViewModel
from desktop.viewmodels.weekly_report import WeeklyReportViewModel
from sync.demo import demo_id, seed_demo_store
from sync.hazards import hazard_history
from sync.monthly_minutes import minutes_of_month
from sync.profile import Profile, load_profile
from sync.store import open_store
from sync.templates import default_library
from sync.weekly_reports import weekly_reports_of_week
from tests.record_factories import DIRECTOR, PRINCIPAL, UNIT

DIRECTOR_PROFILE = Profile(UNIT, DIRECTOR, "峨眉山云海索道旅游有限公司", "李秀英", "director")


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


def test_weekly_draft_is_written_only_after_an_edit_and_a_pause(qtbot, store) -> None:
    vm = WeeklyReportViewModel(store, DIRECTOR_PROFILE, default_library(), autosave_ms=20)
    vm.load()
    week = (vm.iso_year, vm.iso_week)
    assert weekly_reports_of_week(store, UNIT, *week) == []

    vm.edit(analysis="本周正常")
    assert weekly_reports_of_week(store, UNIT, *week) == []  # still typing
    with qtbot.waitSignal(vm.saved, timeout=1000):
        pass

    [report] = weekly_reports_of_week(store, UNIT, *week)
    assert report.status == "draft" and report.family == "ropeway"
    with qtbot.waitSignal(vm.failed, timeout=1000) as failure:
        assert not vm.submit()
    assert "还没有填写结果" in failure.args[0].message
    vm.select_family("elevator")
    assert vm.form.record_id is None and vm.template.id == "elevator-weekly"


def test_switching_month_saves_what_was_typed_at_once(qtbot, store) -> None:
    principal = Profile(UNIT, PRINCIPAL, "峨眉山云海索道旅游有限公司", "王建国", "principal")
    vm = MonthlyMinutesViewModel(store, principal, autosave_ms=60_000)
    vm.load()
    month = vm.month

    vm.edit(place="公司三楼会议室")
    vm.select_month("2026-01")

    [saved] = minutes_of_month(store, UNIT, month)
    assert saved.status == "draft"
    assert vm.month == "2026-01" and vm.form.record_id is None


def test_hazard_edits_become_one_history_entry_per_pause(qtbot, store) -> None:
    vm = HazardEditorViewModel(store, load_profile(store), autosave_ms=20)
    hazard_id = demo_id("hazard/leshan-gondola-brake")
    vm.load(hazard_id)
    before = len(hazard_history(store, hazard_id))

    for text in ("已订", "已订购闸瓦", "已订购闸瓦，周五到货"):
        vm.change("rectification", text)
    with qtbot.waitSignal(vm.saved, timeout=1000):
        pass

    history = hazard_history(store, hazard_id)
    assert len(history) == before + 1
    assert history[-1].detail["fields"]["rectification"]["to"] == "已订购闸瓦，周五到货"
    assert vm.next_statuses() == ["rectifying"]
