"""The desktop's side of sync (#4): starts engine runs on the background runner, keeps the
status the window shows, and starts runs on its own when the server is reachable again.

The engine (:mod:`sync.engine`) runs on a worker of :class:`desktop.tasks.TaskRunner`; its
progress callback only emits :attr:`SyncController.progressed`, which Qt queues to the UI
thread. Nothing here touches a widget. Two runs never overlap: a second start while one runs
is ignored here, and the engine's lock row refuses a run of another window or process.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from desktop.tasks import TaskResult, TaskRunner
from sync.engine import (
    RetryPolicy,
    SyncEngine,
    SyncResult,
    TokenStore,
    download_own_unit,
    next_retry_delay,
)
from sync.engine import state as sync_state
from sync.engine.apply import open_conflict_count, waiting_count
from sync.engine.transport import ServerConnection
from sync.errors import (
    NetworkSignInRequired,
    ServerBusy,
    ServerUnreachable,
    SignInRequired,
    SyncAlreadyRunning,
    SyncCancelled,
    SyncError,
    UpgradeRequired,
)
from sync.store.database import Store

logger = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 30_000
PROBE_POLICY = RetryPolicy(attempts=1, connect_timeout=3.0, read_timeout=5.0)


@dataclass(frozen=True)
class SyncStatus:
    """What the status area shows. ``state``: never, running, online, offline (this computer
    has no network), unreachable (it has, but the server does not answer), sign_in, portal,
    upgrade, cancelled, error."""

    state: str = "never"
    message: str = ""
    message_en: str = ""
    last_success_at: str | None = None
    waiting: int = 0
    conflicts: int = 0
    rejected: int = 0
    clock_skew_seconds: int | None = None
    signed_in: bool = False
    secure_keyring: bool = True


def network_disconnected() -> bool:
    """True only when the system says this computer has no network at all.

    Without a network-information backend (some Linux containers) nothing is known, and a
    failed connection counts as "server unreachable".
    """
    info = QNetworkInformation.instance()
    if info is None:
        return False
    return info.reachability() == QNetworkInformation.Reachability.Disconnected


def state_of(error: Exception | None, *, disconnected: bool = False) -> str:
    if error is None:
        return "online"
    if isinstance(error, ServerUnreachable | ServerBusy):
        return "offline" if disconnected else "unreachable"
    if isinstance(error, SignInRequired):
        return "sign_in"
    if isinstance(error, NetworkSignInRequired):
        return "portal"
    if isinstance(error, UpgradeRequired):
        return "upgrade"
    if isinstance(error, SyncCancelled):
        return "cancelled"
    return "error"


class SyncController(QObject):
    """One per app. ``start()`` is safe to call any number of times (F5, double click)."""

    status_changed = Signal(object)
    """The new :class:`SyncStatus`."""

    progressed = Signal(str, int, int)
    """(phase, done, total) of the running run; emitted from the worker, delivered queued."""

    run_finished = Signal(object)
    """The :class:`SyncResult` of a run that ended (completed or not)."""

    sign_in_needed = Signal()
    """A run needs a sign-in first (no token, or the server refused it)."""

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.policy = policy or RetryPolicy()
        self.running = False
        self.failures = 0
        self._cancel = threading.Event()
        self.status = SyncStatus()
        self._tokens: TokenStore | None = None
        self._tokens_url = ""

        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._automatic_start)
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(PROBE_INTERVAL_MS)
        self._probe_timer.timeout.connect(self.probe)
        self._probing = False
        self._watch_network()
        self.refresh_status()

    # Settings -------------------------------------------------------------------------------

    def setting(self, key: str, default=None):
        with self.store.session() as session:
            return sync_state.read(session, key, default)

    def put_setting(self, key: str, value) -> None:
        with self.store.session() as session:
            sync_state.write(session, key, value)

    @property
    def server_url(self) -> str:
        return self.setting(sync_state.SERVER_URL) or sync_state.DEFAULT_SERVER_URL

    @property
    def username(self) -> str:
        return self.setting(sync_state.USERNAME) or ""

    @property
    def auto_sync(self) -> bool:
        return bool(self.setting(sync_state.AUTO_SYNC, True))

    def set_auto_sync(self, enabled: bool) -> None:
        self.put_setting(sync_state.AUTO_SYNC, enabled)
        self.start_automatic() if enabled else self.stop_automatic()

    def tokens(self) -> TokenStore:
        """The token store of the current server address (made once per address)."""
        url = self.server_url
        if self._tokens is None or self._tokens_url != url:
            self._tokens, self._tokens_url = TokenStore(url), url
        return self._tokens

    # Automatic runs -------------------------------------------------------------------------

    def start_automatic(self) -> None:
        """Probe the server every 30 s; a reachable server with changes waiting gets a run."""
        if self.auto_sync:
            self._probe_timer.start()

    def stop_automatic(self) -> None:
        self._probe_timer.stop()
        self._retry_timer.stop()

    def _watch_network(self) -> None:
        # The system's word that the link is back comes sooner than the next 30 s probe.
        loaded = QNetworkInformation.instance() is not None
        if not (loaded or QNetworkInformation.loadDefaultBackend()):
            logger.info("no network information backend; relying on the 30 s probe")
            return
        QNetworkInformation.instance().reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        logger.info("network reachability changed: %s", reachability.name)
        if reachability == QNetworkInformation.Reachability.Disconnected:
            if self.status.state in ("online", "unreachable"):
                self._set_status(state="offline")
            return
        if self._probe_timer.isActive():
            QTimer.singleShot(0, self.probe)

    def shutdown(self) -> None:
        self.stop_automatic()
        self.cancel()

    def probe(self) -> None:
        """Ask the server's health off the UI thread; start a run if it answers and work waits."""
        if self._probing or self.running or not self.auto_sync:
            return
        if not (self.username and self.tokens().get(self.username)):
            return
        self._probing = True
        self.runner.submit(_reachable, self.server_url, on_done=self._probed, owner=self)

    def _probed(self, result: TaskResult) -> None:
        self._probing = False
        reachable = bool(result.ok and result.value)
        self.refresh_status()
        waiting = self.status.waiting > 0 or self.status.state not in ("online", "never")
        if reachable and waiting:
            logger.info("server reachable again with %d changes waiting", self.status.waiting)
            self._automatic_start()

    def _automatic_start(self) -> None:
        if self.auto_sync:
            self.start()

    # Runs -----------------------------------------------------------------------------------

    def start(self) -> bool:
        """Start a run unless one is running or no one is signed in; True if started."""
        if self.running:
            return False
        if not (self.username and self.tokens().get(self.username)):
            self._set_status(state="sign_in")
            self.sign_in_needed.emit()
            return False
        self.running = True
        self._retry_timer.stop()
        self._cancel.clear()
        self._set_status(state="running", message="", message_en="")
        # The token store is picked here, on the UI thread; the worker only uses it.
        self.runner.submit(self._run, self.tokens(), on_done=self._finished, owner=self)
        return True

    def cancel(self) -> None:
        """Ask the running run to stop between two requests; what was committed stays."""
        self._cancel.set()

    def _run(self, tokens: TokenStore) -> SyncResult:
        # On the worker thread: only the engine and signals, never a widget.
        engine = SyncEngine(
            self.store,
            tokens=tokens,
            policy=self.policy,
            progress=self.progressed.emit,
            cancelled=self._cancel.is_set,
        )
        return engine.run()

    def _finished(self, outcome: TaskResult) -> None:
        self.running = False
        if not outcome.ok:
            self._set_status(state="error", message=str(outcome.error), message_en="")
            return
        result: SyncResult = outcome.value
        error = result.error
        if isinstance(error, SyncAlreadyRunning):
            self._set_status(state=self.status.state, message=error.message)
            return
        if error is None and result.photo_error is None:
            self.failures = 0
        elif error is None or getattr(error, "transient", False):
            self.failures += 1
            delay = next_retry_delay(self.failures)
            if self.auto_sync:
                self._retry_timer.start(int(delay * 1000))
                logger.info("sync failed %d time(s); retry in %.0f s", self.failures, delay)
        shown = error or result.photo_error
        self._set_status(
            state=state_of(error, disconnected=network_disconnected()),
            message=shown.message if shown else "",
            message_en=shown.message_en if shown else "",
            clock_skew_seconds=result.clock_skew_seconds if result.clock_skewed else None,
        )
        if isinstance(error, SignInRequired):
            self.sign_in_needed.emit()
        self.run_finished.emit(result)

    # Sign-in --------------------------------------------------------------------------------

    def sign_in(self, server_url: str, username: str, password: str, on_done) -> None:
        """Sign in off the UI thread; ``on_done(TaskResult)`` on the UI thread. The password
        goes to the server only; the token to the keyring (or memory)."""

        def sign_in() -> str:
            engine = SyncEngine(self.store, server_url=server_url, username=username)
            engine.sign_in(username, password)
            return username

        def done(result: TaskResult) -> None:
            self.refresh_status()
            on_done(result)

        self.runner.submit(sign_in, on_done=done, owner=self)

    def download_unit(self, server_url: str, username: str, password: str, on_done) -> bool:
        """First start on a new laptop of an existing unit: sign in, pull the user's unit and
        make the person the profile, off the UI thread (the engine's
        :func:`sync.engine.run.download_own_unit`, as ``safedesk sync`` on an empty folder).

        ``on_done(TaskResult)`` on the UI thread: its value is the run's :class:`SyncResult`
        (whose ``error`` says why a run stopped), its error a refused sign-in. Progress comes
        through :attr:`progressed`; :meth:`cancel` stops it between two requests. False when
        a run is going on already.
        """
        if self.running:
            return False
        self.running = True
        self._cancel.clear()
        tokens = TokenStore(server_url.strip().rstrip("/"))

        def download() -> SyncResult:
            # On the worker thread: only the engine and signals, never a widget.
            engine = SyncEngine(
                self.store,
                server_url=server_url,
                username=username,
                tokens=tokens,
                policy=self.policy,
                progress=self.progressed.emit,
                cancelled=self._cancel.is_set,
            )
            return download_own_unit(engine, username, password)

        def done(result: TaskResult) -> None:
            self.running = False
            self.refresh_status()
            on_done(result)

        self.runner.submit(download, on_done=done, owner=self)
        return True

    # Status ---------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Re-read the counts and the last success from the store (after local edits too)."""
        self._set_status()

    def _set_status(self, **changes) -> None:
        with self.store.session() as session:
            waiting = waiting_count(session)
            conflicts, rejected = open_conflict_count(session)
            last = sync_state.read(session, sync_state.LAST_SUCCESS_AT)
        username = self.username
        tokens = self.tokens()
        self.status = replace(
            self.status,
            waiting=waiting,
            conflicts=conflicts,
            rejected=rejected,
            last_success_at=last,
            signed_in=bool(username and tokens.get(username)),
            secure_keyring=tokens.secure,
            **changes,
        )
        self.status_changed.emit(self.status)


def _reachable(server_url: str) -> bool:
    connection = ServerConnection(server_url, policy=PROBE_POLICY)
    try:
        connection.health()
        return True
    except SyncError:
        return False
    finally:
        connection.close()
