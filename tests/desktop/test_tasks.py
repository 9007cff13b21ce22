"""The background runner: work off the UI thread, results and errors back on it as values."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from desktop.tasks import TaskResult, TaskRunner
from sync.errors import StoreError


def test_work_runs_off_the_ui_thread_and_the_result_comes_back_on_it(qtbot) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    ran_on: list[int] = []
    delivered: list[tuple[TaskResult, int]] = []

    def work(a: int, b: int) -> int:
        ran_on.append(threading.get_ident())
        return a + b

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(work, 2, 3, on_done=lambda r: delivered.append((r, threading.get_ident())))

    assert ran_on and ran_on[0] != ui_thread
    result, delivered_on = delivered[0]
    assert result.ok and result.value == 5
    assert delivered_on == ui_thread
    assert runner.pending_count == 0


def test_errors_travel_as_values(qtbot) -> None:
    runner = TaskRunner()
    delivered: list[TaskResult] = []

    def store_fails() -> None:
        raise StoreError("磁盘已满", "disk full")

    def bug() -> None:
        raise ZeroDivisionError("oops")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(store_fails, on_done=delivered.append)
        runner.submit(bug, on_done=delivered.append)

    assert sorted(type(result.error).__name__ for result in delivered) == [
        "StoreError",
        "ZeroDivisionError",
    ]
    assert not any(result.ok for result in delivered)


def test_a_deleted_receiver_gets_nothing(qtbot) -> None:
    runner = TaskRunner()
    owner = QObject()
    delivered: list[TaskResult] = []
    release = threading.Event()

    runner.submit(lambda: release.wait(5), on_done=delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()

    assert runner.wait_until_idle(5000)
    assert delivered == []


def test_inline_runner_calls_back_at_once() -> None:
    runner = TaskRunner(inline=True)
    delivered: list[TaskResult] = []

    runner.submit(lambda x: x * 2, 21, on_done=delivered.append)

    assert delivered == [TaskResult(value=42)]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
