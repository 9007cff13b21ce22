"""The daily-check view-model without any widget: autosave, submit problems, signing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.context import AppContext
from desktop.navigation import Navigator, StoreEvents
from desktop.tasks import TaskRunner
from desktop.viewmodels.daily_check import AUTOSAVE_DELAY_MS, DailyCheckViewModel, parse_value
from sync.daily_checks import load_check, open_daily_check
from sync.demo import demo_id, seed_demo_store
from sync.profile import load_profile
from sync.store import open_store
from sync.templates import TemplateLibrary, default_library

GONDOLA = demo_id("equipment/leshan-gondola")
WIND = "rw-d-03"


@pytest.fixture
def view_model(data_folder: Path, qtbot):
    store = open_store(data_folder)
    seed_demo_store(store)
    context = AppContext(
        store=store,
        templates=default_library(),
        profile=load_profile(store),
        language="zh_CN",
        runner=TaskRunner(inline=True),
        navigator=Navigator(),
        events=StoreEvents(),
    )
    model = DailyCheckViewModel(context)
    model.load(GONDOLA)
    yield model
    store.close()


def test_typed_text_is_saved_after_the_pause_not_per_keystroke(view_model, qtbot) -> None:
    store = view_model.context.store
    check_id = view_model.check.id

    for typed in ("阵", "阵风", "阵风大"):
        view_model.set_remark(WIND, typed)
    unsaved = load_check(store, check_id).answer(WIND).remark
    with qtbot.waitSignal(view_model.saved, timeout=AUTOSAVE_DELAY_MS * 4):
        pass

    assert unsaved == ""
    assert view_model.answer(WIND).remark == "阵风大"
    assert load_check(store, check_id).answer(WIND).remark == "阵风大"
    assert view_model.pending == {}


def test_flush_saves_at_once_and_a_result_needs_no_pause(view_model) -> None:
    store = view_model.context.store

    view_model.set_value_text(WIND, "9.5")
    view_model.flush()
    view_model.set_result("rw-d-01", "normal")

    saved = load_check(store, view_model.check.id)
    assert saved.answer(WIND).value == 9.5
    assert saved.answer("rw-d-01").result == "normal"


def test_a_half_typed_number_is_not_saved(view_model) -> None:
    assert view_model.set_value_text(WIND, "-") is False
    assert view_model.set_value_text(WIND, "12,5") is True
    assert view_model.answer(WIND).value == 12.5
    assert parse_value("") is None
    with pytest.raises(ValueError):
        parse_value("abc")


def test_out_of_range_reading_is_flagged(view_model) -> None:
    view_model.set_value_text(WIND, "22")

    assert view_model.value_outside_range(WIND)
    view_model.set_value_text(WIND, "8")
    assert not view_model.value_outside_range(WIND)


def test_refused_submit_lists_problems_and_they_follow_the_fixes(view_model) -> None:
    view_model.set_result(WIND, "abnormal")
    view_model.set_value_text(WIND, "16")

    assert view_model.submit() is False
    assert {p.item_id for p in view_model.problems} >= {WIND, "rw-d-01"}

    view_model.mark_all_normal()
    for item in view_model.template.items:
        if item.measurement is not None and item.id != WIND:
            view_model.set_value_text(item.id, str(item.measurement.minimum))
            view_model.set_result(item.id, "normal")
    view_model.set_remark(WIND, "阵风超限，停运观察")
    view_model.flush()

    assert view_model.problems == []
    assert view_model.submit() is True
    assert view_model.check.signed_by_name == "张伟"
    assert view_model.read_only


def test_a_correction_starts_from_the_submitted_answers(view_model) -> None:
    view_model.set_operating_status("closed")
    view_model.set_day_remark("大雾停运")
    assert view_model.submit() is True
    original = view_model.check.id

    view_model.amend("停运原因写错")

    assert view_model.check.amends_id == original
    assert view_model.check.remark == "大雾停运"
    assert not view_model.read_only
    assert [record.id for record in view_model.day_records][0] == original


def test_a_draft_on_an_older_template_version_opens_and_completes_on_it(view_model) -> None:
    context = view_model.context
    versions = context.templates.versions("ropeway-daily")
    older = context.templates.get("ropeway-daily", versions[0])
    chairlift = demo_id("equipment/leshan-chairlift")
    open_daily_check(context.store, TemplateLibrary([older]), equipment_id=chairlift, actor="张伟")

    view_model.load(chairlift)
    for item in view_model.template.items:
        if item.measurement is not None:
            view_model.set_value_text(item.id, str(item.measurement.maximum))
    view_model.mark_all_normal()

    assert view_model.template.version == versions[0] < versions[-1]
    assert view_model.progress()[:2] == (len(older.items), len(older.items))
    assert view_model.submit() is True
    assert view_model.check.template_version == versions[0]
