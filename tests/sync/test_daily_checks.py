"""Daily checks without Qt: drafts, answers, submit rules, read-only, amendments, photos."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sync import paths
from sync.daily_checks import (
    IncompleteCheckError,
    amend_daily_check,
    attach_photo,
    checks_of_day,
    current_check,
    daily_checks_for_equipment,
    hazards_by_item,
    load_check,
    mark_unanswered_normal,
    open_daily_check,
    save_answers,
    save_day_fields,
    submit_daily_check,
    submit_problems,
    template_of,
)
from sync.demo import DEMO_OFFICER_KEY, LESHAN_UNIT_KEY, demo_id, seed_demo_store
from sync.errors import ReadOnlyRecordError, ValidationError
from sync.hazards import open_hazard
from sync.store import open_store
from sync.store.models import DailyCheck, OutboxEntry, Photo
from sync.templates import TemplateLibrary, default_library

GONDOLA = demo_id("equipment/leshan-gondola")
ELEVATOR = demo_id("equipment/leshan-lift-1")
UNIT = demo_id(LESHAN_UNIT_KEY)
OFFICER = demo_id(DEMO_OFFICER_KEY)
DAY = dt.date(2026, 5, 11)
WIND = "rw-d-03"
TENSION = "rw-d-08"


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened, today=DAY)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def templates() -> TemplateLibrary:
    library = default_library()
    assert library.errors == []
    return library


def _open(store, templates, equipment_id: str = GONDOLA):
    return open_daily_check(store, templates, equipment_id=equipment_id, actor="张伟", day=DAY)


def _fill_everything_normal(store, templates, check_id: str) -> None:
    check = load_check(store, check_id)
    template = template_of(templates, check)
    readings = {
        item.id: {"value": (item.measurement.minimum + item.measurement.maximum) / 2}
        for item in template.items
        if item.measurement is not None
    }
    save_answers(store, templates, check_id, readings, "张伟")
    mark_unanswered_normal(store, templates, check_id, "张伟")


def _submit(store, templates, check_id: str):
    return submit_daily_check(store, templates, check_id, person_id=OFFICER, person_name="张伟")


def test_one_draft_per_equipment_and_day_on_the_latest_template(store, templates) -> None:
    first = _open(store, templates)

    again = _open(store, templates)
    other_day = open_daily_check(
        store, templates, equipment_id=GONDOLA, actor="张伟", day=DAY + dt.timedelta(days=1)
    )

    assert again.id == first.id
    assert other_day.id != first.id
    assert first.status == "draft"
    assert first.day == "2026-05-11"
    assert first.template_id == "ropeway-daily"
    assert first.template_version == max(templates.versions("ropeway-daily"))
    assert _open(store, templates, ELEVATOR).template_id == "elevator-daily"


def test_answers_are_saved_item_by_item_and_drafts_stay_out_of_the_outbox(store, templates) -> None:
    check = _open(store, templates)

    save_answers(store, templates, check.id, {"rw-d-01": {"result": "normal"}}, "张伟")
    save_answers(store, templates, check.id, {WIND: {"value": "7.5"}}, "张伟")
    save_answers(store, templates, check.id, {WIND: {"remark": "阵风"}}, "张伟")

    saved = load_check(store, check.id)
    assert saved.answer("rw-d-01").result == "normal"
    assert saved.answer(WIND).value == 7.5
    assert saved.answer(WIND).remark == "阵风"
    assert saved.answer(WIND).result is None
    with store.session() as session:
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == check.id))
        assert list(queued) == []


def test_unknown_item_result_or_number_is_refused(store, templates) -> None:
    check = _open(store, templates)

    with pytest.raises(ValidationError):
        save_answers(store, templates, check.id, {"no-such-item": {"result": "normal"}}, "x")
    with pytest.raises(ValueError):
        save_answers(store, templates, check.id, {WIND: {"result": "fine"}}, "x")
    with pytest.raises(ValidationError):
        save_answers(store, templates, check.id, {WIND: {"value": "nan"}}, "x")

    assert load_check(store, check.id).answers == {}


def test_mark_all_normal_leaves_items_that_need_a_reading(store, templates) -> None:
    check = _open(store, templates)
    save_answers(store, templates, check.id, {"rw-d-02": {"result": "abnormal"}}, "张伟")
    template = template_of(templates, check)
    measured = {item.id for item in template.items if item.measurement is not None}

    outcome = mark_unanswered_normal(store, templates, check.id, "张伟")

    saved = load_check(store, check.id)
    assert set(outcome.needs_value) == measured
    assert "rw-d-02" not in outcome.marked
    assert saved.answer("rw-d-02").result == "abnormal"
    assert len(outcome.marked) == len(template.items) - len(measured) - 1
    assert all(saved.answer(item_id).result == "normal" for item_id in outcome.marked)
    assert all(not saved.answer(item_id).answered for item_id in measured)


def test_a_running_day_needs_every_item_and_an_abnormal_one_its_remark(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)
    save_answers(store, templates, check.id, {"rw-d-14": {"result": "abnormal"}}, "张伟")

    with pytest.raises(IncompleteCheckError) as refused:
        _submit(store, templates, check.id)

    assert [(p.item_id, p.code) for p in refused.value.problems] == [
        ("rw-d-14", "abnormal_needs_remark")
    ]
    assert load_check(store, check.id).status == "draft"
    save_answers(
        store, templates, check.id, {"rw-d-14": {"remark": "上站急停按钮护罩缺失"}}, "张伟"
    )
    assert _submit(store, templates, check.id).status == "submitted"


def test_unanswered_items_are_listed_and_numbered_as_the_form_shows_them(store, templates) -> None:
    # The form groups items by category, so its numbers are not the file's order: the ropeway
    # file starts with a management item, which the form shows last.
    check = _open(store, templates)

    problems = submit_problems(load_check(store, check.id), template_of(templates, check))

    template = template_of(templates, check)
    shown = [item.id for item in template.items_as_shown]
    assert shown != [item.id for item in template.items]
    assert [problem.item_id for problem in problems] == shown
    assert {problem.code for problem in problems} == {"unanswered"}
    assert problems[0].message_zh.startswith(f"第1项“{template.items_as_shown[0].text_zh}”")
    wind_number = shown.index(WIND) + 1
    wind_problem = next(problem for problem in problems if problem.item_id == WIND)
    assert wind_problem.message_zh.startswith(f"第{wind_number}项")
    assert wind_problem.message_en.startswith(f"Item {wind_number} ")


def test_a_reading_outside_its_range_must_be_abnormal_or_explained(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)
    save_answers(store, templates, check.id, {WIND: {"value": 18}}, "张伟")

    problems = submit_problems(load_check(store, check.id), template_of(templates, check))
    assert [(p.item_id, p.code) for p in problems] == [(WIND, "value_out_of_range")]

    save_answers(store, templates, check.id, {WIND: {"result": "abnormal"}}, "张伟")
    problems = submit_problems(load_check(store, check.id), template_of(templates, check))
    assert [(p.item_id, p.code) for p in problems] == [(WIND, "abnormal_needs_remark")]

    change = {WIND: {"result": "normal", "remark": "瞬时阵风，复测 9 m/s"}}
    save_answers(store, templates, check.id, change, "张伟")
    assert submit_problems(load_check(store, check.id), template_of(templates, check)) == []


def test_a_measured_item_needs_its_reading_unless_not_applicable(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)

    save_answers(store, templates, check.id, {TENSION: {"value": None}}, "张伟")
    problems = submit_problems(load_check(store, check.id), template_of(templates, check))
    save_answers(store, templates, check.id, {TENSION: {"result": "na"}}, "张伟")

    assert [(p.item_id, p.code) for p in problems] == [(TENSION, "value_missing")]
    assert submit_problems(load_check(store, check.id), template_of(templates, check)) == []


def test_a_submitted_check_is_signed_queued_and_read_only(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)
    signed_at = dt.datetime(2026, 5, 11, 0, 35, tzinfo=dt.UTC)

    submitted = submit_daily_check(
        store, templates, check.id, person_id=OFFICER, person_name="张伟", now=signed_at
    )

    assert submitted.status == "submitted"
    assert submitted.signed_by_id == OFFICER
    assert submitted.signed_by_name == "张伟"
    assert submitted.submitted_at == signed_at
    assert submitted.read_only
    with pytest.raises(ReadOnlyRecordError):
        save_answers(store, templates, check.id, {"rw-d-01": {"remark": "后补"}}, "张伟")
    with pytest.raises(ReadOnlyRecordError):
        save_day_fields(store, check.id, "张伟", operating_status="closed")
    with pytest.raises(ReadOnlyRecordError):
        _submit(store, templates, check.id)
    assert _open(store, templates).id == check.id
    with store.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == check.id)).one()
        assert entry.fields["status"] == "submitted"
        assert entry.fields["signed_by_name"] == "张伟"
        assert len(entry.fields["answers"]) == len(template_of(templates, check).items)


def test_an_amendment_copies_the_original_and_both_stay(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)
    _submit(store, templates, check.id)

    with pytest.raises(ValidationError):
        amend_daily_check(store, check.id, "  ", "张伟")
    amendment = amend_daily_check(store, check.id, "风速读数记错", "张伟")

    original = load_check(store, check.id)
    assert amendment.id != check.id
    assert amendment.status == "draft"
    assert amendment.amends_id == check.id
    assert amendment.amendment_reason == "风速读数记错"
    assert amendment.answers == original.answers
    assert amendment.template_version == original.template_version
    assert original.status == "submitted"
    assert original.amended_by_id == amendment.id
    assert [c.id for c in checks_of_day(store, GONDOLA, DAY.isoformat())] == [
        check.id,
        amendment.id,
    ]
    assert current_check(store, GONDOLA, DAY.isoformat()).id == amendment.id
    assert _open(store, templates).id == amendment.id
    with pytest.raises(ValidationError):
        amend_daily_check(store, check.id, "再改一次", "张伟")

    save_answers(store, templates, amendment.id, {WIND: {"value": 6.0}}, "张伟")
    assert _submit(store, templates, amendment.id).status == "submitted"
    assert load_check(store, check.id).answer(WIND).value != 6.0
    history = daily_checks_for_equipment(store, GONDOLA)
    assert [(entry.id, entry.amends_id) for entry in history] == [
        (check.id, None),
        (amendment.id, check.id),
    ]


def test_a_draft_is_not_amended(store, templates) -> None:
    check = _open(store, templates)

    with pytest.raises(ValidationError):
        amend_daily_check(store, check.id, "原因", "张伟")


def test_a_day_that_is_not_running_needs_no_answers(store, templates) -> None:
    check = _open(store, templates)

    save_day_fields(store, check.id, "张伟", operating_status="closed", remark="大风停运")
    save_answers(store, templates, check.id, {"rw-d-02": {"result": "abnormal"}}, "张伟")
    refused = submit_problems(load_check(store, check.id), template_of(templates, check))
    save_answers(store, templates, check.id, {"rw-d-02": {"result": None}}, "张伟")
    submitted = _submit(store, templates, check.id)

    assert [(p.item_id, p.code) for p in refused] == [("rw-d-02", "abnormal_needs_remark")]
    assert submitted.status == "submitted"
    assert submitted.operating_status == "closed"
    assert submitted.remark == "大风停运"


def test_a_zero_finding_day_is_recorded(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)

    submitted = _submit(store, templates, check.id)

    results = {answer.result for answer in submitted.answers.values()}
    assert results == {"normal"}
    assert len(submitted.answers) == len(template_of(templates, check).items)


def test_a_record_on_an_older_template_version_stays_on_it(store, templates) -> None:
    versions = templates.versions("ropeway-daily")
    assert len(versions) >= 2, "the shipped templates keep an older ropeway version"
    older = templates.get("ropeway-daily", versions[0])
    only_older = TemplateLibrary([older])
    check = open_daily_check(store, only_older, equipment_id=GONDOLA, actor="张伟", day=DAY)
    newer_only = {item.id for item in templates.latest("ropeway", "daily").items} - {
        item.id for item in older.items
    }

    reopened = _open(store, templates)
    with pytest.raises(ValidationError):
        save_answers(store, templates, check.id, {sorted(newer_only)[0]: {"result": "normal"}}, "x")
    _fill_everything_normal(store, templates, check.id)
    submitted = _submit(store, templates, check.id)

    assert newer_only, "the newer version adds an item"
    assert reopened.id == check.id
    assert reopened.template_version == versions[0]
    assert submitted.status == "submitted"
    assert set(submitted.answers) == {item.id for item in older.items}


def test_photos_are_stored_by_content_and_attached(store, templates, tmp_path: Path) -> None:
    check = _open(store, templates)
    picture = tmp_path / "急停按钮.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"pretend pixels" * 100)
    digest = hashlib.sha256(picture.read_bytes()).hexdigest()

    attach_photo(store, templates, check.id, "rw-d-14", picture, "张伟")
    saved = attach_photo(store, templates, check.id, "rw-d-14", picture, "张伟")

    photos = saved.answer("rw-d-14").photos
    assert [(photo.sha256, photo.file_name) for photo in photos] == [(digest, "急停按钮.png")]
    stored = paths.photo_dir(store.data_folder) / f"{digest}.png"
    assert stored.read_bytes() == picture.read_bytes()
    with store.session() as session:
        row = session.get(Photo, digest)
        assert row.file_name == "急停按钮.png"
        assert row.size_bytes == picture.stat().st_size
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a picture")
    with pytest.raises(ValidationError):
        attach_photo(store, templates, check.id, "rw-d-14", text_file, "张伟")


def test_a_file_is_a_photo_by_its_content_not_its_name(store, templates, tmp_path: Path) -> None:
    check = _open(store, templates)
    fake = tmp_path / "刹车片.jpg"
    fake.write_bytes(b"hello, world\n")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00" + b"mdat" * 20)
    webp = tmp_path / "phone.webp"
    webp.write_bytes(b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40)

    with pytest.raises(ValidationError) as refused:
        attach_photo(store, templates, check.id, "rw-d-14", fake, "张伟")
    saved = attach_photo(store, templates, check.id, "rw-d-14", heic, "张伟")
    saved = attach_photo(store, templates, check.id, "rw-d-14", webp, "张伟")

    assert "刹车片.jpg" in refused.value.message and "刹车片.jpg" in refused.value.message_en
    names = [photo.file_name for photo in saved.answer("rw-d-14").photos]
    assert names == ["IMG_0001.HEIC", "phone.webp"]
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 2


def test_hazards_opened_from_an_item_follow_the_amendment(store, templates) -> None:
    check = _open(store, templates)
    _fill_everything_normal(store, templates, check.id)
    change = {"rw-d-14": {"result": "abnormal", "remark": "护罩缺失"}}
    save_answers(store, templates, check.id, change, "张伟")
    hazard_id = open_hazard(
        store,
        unit_id=UNIT,
        equipment_id=GONDOLA,
        grade="general",
        source="daily_check",
        description="护罩缺失",
        deadline=DAY + dt.timedelta(days=3),
        owner="张伟",
        actor="张伟",
        source_record_id=check.id,
        source_item_id="rw-d-14",
    )
    _submit(store, templates, check.id)

    amendment = amend_daily_check(store, check.id, "补充照片", "张伟")

    assert hazards_by_item(store, check.id) == {"rw-d-14": hazard_id}
    assert hazards_by_item(store, amendment.id) == {"rw-d-14": hazard_id}


def test_the_draft_row_is_one_per_day_in_the_table(store, templates) -> None:
    _open(store, templates)
    _open(store, templates)

    with store.session() as session:
        rows = session.scalars(select(DailyCheck).where(DailyCheck.equipment_id == GONDOLA))
        assert len(list(rows)) == 1
