"""Each record's sync state in the equipment register, the weekly page and the monthly page.

Real widgets offscreen over a real SQLite store: records are written as the app writes them
(waiting in the outbox), then the server's answers are applied with the engine's own
functions (``take_batch`` and ``apply_push_results``, as a push does), and the page is told
what a finished sync run tells it. The words, chips and tooltips shown must follow.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.models.equipment import EquipmentColumn
from desktop.models.minutes import WeekFilingModel
from desktop.models.roles import RecordRole, ToneRole
from desktop.models.week_rollup import WeekHazardModel
from desktop.navigation import MonthTarget
from desktop.pages.equipment import EquipmentPage
from desktop.pages.monthly import MonthlyMinutesPage
from desktop.pages.weekly import WeeklyReportPage
from desktop.viewmodels.monthly_minutes import MonthlyMinutesViewModel
from desktop.viewmodels.weekly_report import WeeklyReportViewModel
from desktop.widgets.chips import Tone
from sync.clock import china_today, iso_week_of
from sync.demo import seed_demo_store
from sync.engine.apply import apply_push_results, take_batch
from sync.monthly_minutes import new_monthly_minutes, save_minutes_draft, submit_monthly_minutes
from sync.profile import Profile
from sync.protocol import FieldConflict, MutationResult, Outcome
from sync.records import RecordType
from sync.store import open_store
from sync.store.changes import record_change
from tests.desktop.app_context import install_language, make_context
from tests.record_factories import (
    DIRECTOR,
    GONDOLA,
    LIFT_1,
    PRINCIPAL,
    UNIT,
    add_daily_check,
    add_hazard,
    add_weekly_report,
)

DIRECTOR_PROFILE = Profile(UNIT, DIRECTOR, "峨眉山云海索道旅游有限公司", "李秀英", "director")
PRINCIPAL_PROFILE = Profile(UNIT, PRINCIPAL, "峨眉山云海索道旅游有限公司", "王建国", "principal")
NEEDS_ATTENTION = "需处理"


@pytest.fixture
def store(qapp, data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    translations = install_language("zh_CN")
    yield opened
    opened.close()
    del translations


def answer_push(store, outcomes: dict[str, Outcome]) -> dict[str, int]:
    """Send the waiting changes as a push would and apply the server's answer for the records
    in ``outcomes`` (the others stay taken, unanswered)."""
    with store.session() as session:
        mutations = take_batch(session, 200)
        results = []
        for mutation in mutations:
            outcome = outcomes.get(mutation.record_id)
            if outcome is None:
                continue
            results.append(_result(mutation, outcome))
        assert {result.record_id for result in results} == set(outcomes)
        return apply_push_results(session, results)


def _result(mutation, outcome: Outcome) -> MutationResult:
    base = {"mutation_id": mutation.mutation_id, "record_id": mutation.record_id}
    if outcome == Outcome.APPLIED:
        return MutationResult(**base, outcome=outcome, version=1, record=dict(mutation.fields))
    if outcome == Outcome.CONFLICT:
        server = {**mutation.fields, "owner": "王强"}
        conflict = FieldConflict(
            field="owner", base_value="张伟", client_value="张伟", server_value="王强"
        )
        return MutationResult(
            **base, outcome=outcome, version=2, conflicts=[conflict], record=server
        )
    return MutationResult(
        **base,
        outcome=Outcome.REJECTED,
        code="forbidden",
        reason_zh="该记录不属于本单位",
        reason_en="The record belongs to another unit",
    )


def _rows_by_description(model: WeekHazardModel) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row in range(model.rowCount()):
        rows.setdefault(model.hazard_at(row).description, []).append(row)
    return rows


def _sync_cells(model: WeekHazardModel, description: str) -> set[tuple[str, object, str]]:
    """(word, tone, tooltip) of the sync cell of every row listing the hazard."""
    cells = set()
    for row in _rows_by_description(model)[description]:
        index = model.index(row, WeekHazardModel.SYNC)
        cells.add((index.data(), index.data(ToneRole), index.data(Qt.ItemDataRole.ToolTipRole)))
    return cells


def test_weekly_page_shows_the_sync_state_of_the_report_its_hazards_and_checks(
    qtbot, store
) -> None:
    today = china_today()
    year, week = iso_week_of(today)
    check_id = add_daily_check(store, GONDOLA, today)
    add_hazard(
        store,
        GONDOLA,
        found=today,
        deadline=today + dt.timedelta(days=7),
        description="驱动轮衬垫磨损",
    )
    add_hazard(
        store,
        GONDOLA,
        found=today,
        deadline=today + dt.timedelta(days=7),
        description="站台护栏松动",
    )
    report_id = add_weekly_report(store, year, week, "ropeway")

    context = make_context(store, DIRECTOR_PROFILE)
    view_model = WeeklyReportViewModel(store, DIRECTOR_PROFILE, context.templates)
    page = WeeklyReportPage(context, view_model=view_model)
    view_model.setParent(page)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitExposed(page)
    page.activate(None)

    # Signed and waiting: the report's chip, the new hazards and today's check all wait.
    assert page.vm.form.record_id == report_id
    assert page.sync_chip.isVisible()
    assert page.sync_chip.text() == "待同步"
    assert page.sync_chip.tone == Tone.INFO
    assert "等待下次同步" in page.sync_chip.toolTip()
    hazards = page.hazard_model
    assert hazards.headerData(WeekHazardModel.SYNC, Qt.Orientation.Horizontal) == "同步"
    assert {cell[0] for cell in _sync_cells(hazards, "驱动轮衬垫磨损")} == {"待同步"}
    assert {cell[0] for cell in _sync_cells(hazards, "站台护栏松动")} == {"待同步"}
    demo_rows = [
        row
        for row in range(hazards.rowCount())
        if hazards.hazard_at(row).description not in ("驱动轮衬垫磨损", "站台护栏松动")
    ]
    assert demo_rows, "the demo unit has hazards in this week"
    assert {hazards.index(row, WeekHazardModel.SYNC).data() for row in demo_rows} == {"已同步"}
    grid = page.rollup_model
    gondola_row = next(
        row
        for row in range(grid.rowCount())
        if page.vm.rollup.equipment[row].equipment_id == GONDOLA
    )
    today_cell = grid.index(gondola_row, today.isoweekday())
    assert page.vm.rollup.equipment[gondola_row].check_ids[today.isoweekday() - 1] == check_id
    assert today_cell.data(Qt.ItemDataRole.ToolTipRole).startswith("已完成 · 日检待同步")

    # The server takes the report and the check, disagrees on one hazard, refuses the other.
    outcomes = {report_id: Outcome.APPLIED, check_id: Outcome.APPLIED}
    outcomes.update(
        {
            hazards.hazard_at(_rows_by_description(hazards)["驱动轮衬垫磨损"][0]).id: (
                Outcome.CONFLICT
            ),
            hazards.hazard_at(_rows_by_description(hazards)["站台护栏松动"][0]).id: (
                Outcome.REJECTED
            ),
        }
    )
    counts = answer_push(store, outcomes)
    assert counts == {"applied": 2, "conflict": 1, "rejected": 1}
    context.events.records_changed.emit(RecordType.WEEKLY_REPORT.value)

    assert page.sync_chip.text() == "已同步"
    assert page.sync_chip.tone == Tone.OK
    ((word, tone, tooltip),) = _sync_cells(hazards, "驱动轮衬垫磨损")
    assert (word, tone) == ("有冲突", Tone.WARN)
    assert NEEDS_ATTENTION in tooltip and "保留哪个值" in tooltip
    ((word, tone, tooltip),) = _sync_cells(hazards, "站台护栏松动")
    assert (word, tone) == ("被退回", Tone.DANGER)
    assert NEEDS_ATTENTION in tooltip
    assert (
        grid.index(gondola_row, today.isoweekday())
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("已完成 · 日检已同步")
    )


def test_monthly_page_shows_the_sync_state_of_the_minutes_the_weeks_and_the_hazards(
    qtbot, store
) -> None:
    today = china_today()
    month = today.strftime("%Y-%m")
    year, week = iso_week_of(today)
    ropeway_report = add_weekly_report(store, year, week, "ropeway")
    elevator_report = add_weekly_report(store, year, week, "elevator")
    hazard_id = add_hazard(
        store, LIFT_1, found=today, deadline=today + dt.timedelta(days=3), description="轿门异响"
    )

    context = make_context(store, PRINCIPAL_PROFILE)
    view_model = MonthlyMinutesViewModel(store, PRINCIPAL_PROFILE, autosave_ms=30)
    page = MonthlyMinutesPage(context, view_model=view_model)
    view_model.setParent(page)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitExposed(page)
    page.activate(None)

    # Nothing saved yet: no chip. The week's two reports wait; so does the new hazard.
    assert not page.sync_chip.isVisible()
    filings = page.filing_model
    assert filings.headerData(WeekFilingModel.SYNC, Qt.Orientation.Horizontal) == "同步"
    week_row = next(
        row
        for row in range(filings.rowCount())
        if (
            filings.index(row, 0).data(RecordRole).iso_year,
            filings.index(row, 0).data(RecordRole).iso_week,
        )
        == (year, week)
    )
    sync_cell = filings.index(week_row, WeekFilingModel.SYNC)
    assert sync_cell.data() == "待同步"
    assert sync_cell.data(Qt.ItemDataRole.ToolTipRole).splitlines()[:2] == [
        "索道：待同步",
        "电梯：待同步",
    ]
    assert {cell[0] for cell in _sync_cells(page.hazard_model, "轿门异响")} == {"待同步"}

    # The principal signs the minutes: the chip shows them waiting.
    form = new_monthly_minutes(store, UNIT, month)
    form.meeting_date = today.isoformat()
    form.place = "三楼会议室"
    form.director_report = "本月运行平稳"
    for row in form.attendees:
        row["present"] = True
    save_minutes_draft(store, form, "王建国")
    submit_monthly_minutes(store, form, PRINCIPAL_PROFILE, today=today)
    page.activate(MonthTarget(month, minutes_id=form.record_id))
    assert page.vm.form.read_only
    assert page.sync_chip.isVisible() and page.sync_chip.text() == "待同步"
    # The signed copy of the statistics keeps no sync states; the lists read them afresh.
    assert "sync_state" not in form.statistics_snapshot["opened"][0]
    assert {cell[0] for cell in _sync_cells(page.hazard_model, "轿门异响")} == {"待同步"}
    assert filings.index(week_row, WeekFilingModel.SYNC).data() == "待同步"

    # The server takes the minutes and the ropeway report, refuses the elevator report and
    # disagrees on the hazard: the signed minutes' lists show the states as they are now.
    counts = answer_push(
        store,
        {
            form.record_id: Outcome.APPLIED,
            ropeway_report: Outcome.APPLIED,
            elevator_report: Outcome.REJECTED,
            hazard_id: Outcome.CONFLICT,
        },
    )
    assert counts == {"applied": 2, "rejected": 1, "conflict": 1}
    context.events.records_changed.emit(RecordType.MONTHLY_MINUTES.value)

    assert page.sync_chip.text() == "已同步" and page.sync_chip.tone == Tone.OK
    sync_cell = filings.index(week_row, WeekFilingModel.SYNC)
    assert sync_cell.data() == "被退回"
    assert sync_cell.data(ToneRole) == Tone.DANGER
    lines = sync_cell.data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert lines[:2] == ["索道：已同步", "电梯：被退回"]
    assert NEEDS_ATTENTION in lines[2]
    ((word, tone, tooltip),) = _sync_cells(page.hazard_model, "轿门异响")
    assert (word, tone) == ("有冲突", Tone.WARN)
    assert NEEDS_ATTENTION in tooltip


def test_equipment_register_shows_each_equipment_sync_state(qtbot, store) -> None:
    context = make_context(store, DIRECTOR_PROFILE)
    page = EquipmentPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activate(None)

    model = page.list_model
    assert model.headerData(EquipmentColumn.SYNC, Qt.Orientation.Horizontal) == "同步"
    gondola = model.index(model.row_of(GONDOLA), EquipmentColumn.SYNC)
    assert gondola.data() == "已同步" and gondola.data(ToneRole) == Tone.OK

    # A local change to the gondola waits; the server then keeps its own owner-side value.
    with store.session() as session:
        record_change(session, RecordType.EQUIPMENT, GONDOLA, {"location": "金顶站"}, "李秀英")
    context.events.records_changed.emit(RecordType.EQUIPMENT.value)
    page.refresh()
    gondola = model.index(model.row_of(GONDOLA), EquipmentColumn.SYNC)
    assert gondola.data() == "待同步" and gondola.data(ToneRole) == Tone.INFO

    answer_push(store, {GONDOLA: Outcome.CONFLICT})
    page.refresh()
    gondola = model.index(model.row_of(GONDOLA), EquipmentColumn.SYNC)
    assert gondola.data() == "有冲突" and gondola.data(ToneRole) == Tone.WARN
    assert NEEDS_ATTENTION in gondola.data(Qt.ItemDataRole.ToolTipRole)
    others = {
        model.index(row, EquipmentColumn.SYNC).data()
        for row in range(model.rowCount())
        if model.equipment_at(row).id != GONDOLA
    }
    assert others == {"已同步"}

    # The column is readable in the list as laid out: not squeezed below its chip's width.
    header = page.table.horizontalHeader()
    chip_width = page.table.fontMetrics().horizontalAdvance("有冲突") + 16
    assert header.sectionSize(EquipmentColumn.SYNC) >= chip_width
