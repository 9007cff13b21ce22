"""The one way SafeDesk runs work off the UI thread.

``TaskRunner.submit(fn, *args, on_done=callback)`` runs ``fn`` on a ``QThreadPool`` worker and
calls ``callback(TaskResult)`` later on the UI thread. The worker never sees a widget: it returns
a value (records, counts) or raises, and either way the outcome travels back as a value. An
error that is not one of SafeDesk's own (:class:`sync.errors.SafeDeskError`) is logged with its
traceback before it is delivered, so nothing is lost when the callback only shows a message.

Tests and code that must be deterministic can make an inline runner (``inline=True``): the
function runs at once on the calling thread and the callback follows immediately.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from sync.errors import SafeDeskError

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class TaskResult(Generic[T]):
    """What a background function produced: its return value, or the exception it raised."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _call(function: Callable[..., T], args: tuple[Any, ...], name: str) -> TaskResult[T]:
    started = time.perf_counter()
    try:
        value = function(*args)
    except SafeDeskError as error:
        logger.warning("task %s failed: %s", name, error)
        return TaskResult(error=error)
    except Exception as error:
        logger.exception("task %s crashed", name)
        return TaskResult(error=error)
    logger.debug("task %s took %.0f ms", name, (time.perf_counter() - started) * 1000)
    return TaskResult(value=value)


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, job_id: int, function: Callable, args: tuple) -> None:
        super().__init__()
        self._runner = runner
        self._job_id = job_id
        self._function = function
        self._args = args

    def run(self) -> None:
        result = _call(self._function, self._args, self._function.__name__)

        # Emitted from the worker thread; the runner lives on the UI thread, so Qt queues the
        # delivery and the callback runs there.
        self._runner.job_finished.emit(self._job_id, result)


class TaskRunner(QObject):
    """Runs functions on a thread pool and delivers their results on the UI thread.

    Must be created on the UI thread. A callback whose ``owner`` has been deleted in the
    meantime (a page closed before its data arrived) is skipped.
    """

    job_finished = Signal(int, object)
    """(job id, TaskResult): internal hand-over from a worker thread to the UI thread."""

    idle = Signal()
    """Emitted on the UI thread when the last pending job has delivered its result."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        inline: bool = False,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._inline = inline
        self._pool = pool or QThreadPool(self)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[TaskResult], None], QObject | None]] = {}
        self.job_finished.connect(self._deliver)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def submit(
        self,
        function: Callable[..., T],
        *args: Any,
        on_done: Callable[[TaskResult[T]], None],
        owner: QObject | None = None,
    ) -> None:
        """Run ``function(*args)`` off the UI thread; ``on_done`` receives the TaskResult.

        ``function`` must not touch widgets or Qt objects of the UI thread.
        """
        if self._inline:
            result = _call(function, args, function.__name__)
            self._call_back(on_done, owner, result)
            return

        job_id = next(self._ids)
        self._pending[job_id] = (on_done, owner)
        self._pool.start(_Job(self, job_id, function, args))

    @Slot(int, object)
    def _deliver(self, job_id: int, result: TaskResult) -> None:
        on_done, owner = self._pending.pop(job_id, (None, None))
        if on_done is not None:
            self._call_back(on_done, owner, result)
        if not self._pending:
            self.idle.emit()

    @staticmethod
    def _call_back(on_done: Callable, owner: QObject | None, result: TaskResult) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            logger.debug("result dropped: its receiver was deleted")
            return
        on_done(result)

    def wait_until_idle(self, timeout_ms: int = 10_000) -> bool:
        """Wait for every pending job and deliver its result; False if time ran out.

        For shutdown and tests; it keeps processing events so the callbacks run.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending and time.monotonic() < deadline:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending
