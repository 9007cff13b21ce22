"""The desktop's side of sync (#4): starts engine runs on the background runner, keeps the
status the window shows, and starts runs on its own when the server is reachable again.

The engine (:mod:`sync.engine`) runs on a worker of :class:`desktop.tasks.TaskRunner`; its
progress callback only emits :attr:`SyncController.progressed`, which Qt queues to the UI
thread. Nothing here touches a widget. Two runs never overlap: a second start while one runs
is ignored here, and the engine's lock row refuses a run of another window or process.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from desktop.tasks import TaskResult, TaskRunner
from sync.clock import utc_now
from sync.engine import (
    RetryPolicy,
    SyncEngine,
    SyncResult,
    TokenStore,
    download_own_unit,
    next_retry_delay,
)
from sync.engine import state as sync_state
from sync.engine.apply import open_conflict_count, waiting_records
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
# A laptop with nothing to send still fetches its colleagues' changes (and a conflict that the
# server found with one of them) this often while the server answers.
FETCH_INTERVAL = dt.timedelta(minutes=5)
# Mountain links can take seconds to answer; a probe giving up sooner would call them unreachable.
PROBE_POLICY = RetryPolicy(attempts=1, connect_timeout=5.0, read_timeout=10.0)
# The states a probe that finds no server may replace: what they say is no longer true. A run
# in progress, and states that need a person (sign in, a portal, an update, a failed run's
# reason) stay until that is dealt with.
PROBE_MAY_REPLACE = ("online", "never", "cancelled", "unreachable", "offline")


@dataclass(frozen=True)
class SyncStatus:
    """What the status area shows. ``state``: never, running, online, offline (this computer
    has no network), unreachable (it has, but the server does not answer), sign_in (the server
    refused the sign-in), signed_out (the person signed out, or another server address has no
    sign-in), portal, upgrade, cancelled, error. ``waiting`` counts records, not outbox rows;
    ``retry_at`` is when the next automatic run after a failure starts (UTC), if one will."""

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
    auto_sync: bool = True
    retry_at: dt.datetime | None = None


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
        self._sign_out_pending = False

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
        """Turn automatic runs on or off; the probe goes on either way, so the status area
        still says whether the server answers. Turned on with records waiting, the server is
        asked at once rather than at the next 30 s tick."""
        self.put_setting(sync_state.AUTO_SYNC, enabled)
        if not enabled:
            self._retry_timer.stop()
            self._set_status(retry_at=None)
            return
        self.start_automatic()
        self.refresh_status()
        if self.status.waiting > 0:
            self.probe()

    def set_server_url(self, server_url: str) -> None:
        """Keep another server address (checked already, see ``check_server_url``).

        A token belongs to one address, so the status says at once whether this user is signed
        in there; the failures and the retry timer of the old address are dropped.
        """
        if server_url == self.server_url:
            return
        self.put_setting(sync_state.SERVER_URL, server_url)
        self._retry_timer.stop()
        self.failures = 0
        signed_in = bool(self.username and self.tokens().get(self.username))
        logger.info("server address changed; signed in there: %s", signed_in)
        self._set_status(
            state="never" if signed_in else "signed_out",
            message="",
            message_en="",
            retry_at=None,
            clock_skew_seconds=None,
        )
        self.probe()

    def tokens(self) -> TokenStore:
        """The token store of the current server address (made once per address)."""
        url = self.server_url
        if self._tokens is None or self._tokens_url != url:
            self._tokens, self._tokens_url = TokenStore(url), url
        return self._tokens

    # Automatic runs -------------------------------------------------------------------------

    def start_automatic(self) -> None:
        """Probe the server every 30 s: the status follows its answer, and with automatic
        sync on, a reachable server with records waiting gets a run."""
        self._probe_timer.start()

    def stop_automatic(self) -> None:
        self._probe_timer.stop()
        self._retry_timer.stop()
        if self.status.retry_at is not None:
            self._set_status(retry_at=None)

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
        """Ask the server's health off the UI thread. The answer updates the status (see
        :meth:`_probed`); with automatic sync on, a reachable server with work gets a run.

        Only when signed in: before that the status says "not signed in", which is what the
        person must act on."""
        if self._probing or self.running:
            return
        if not (self.username and self.tokens().get(self.username)):
            return
        self._probing = True
        bundle = self.setting(sync_state.CA_BUNDLE) or None
        self.runner.submit(_reachable, self.server_url, bundle, on_done=self._probed, owner=self)

    def _probed(self, result: TaskResult) -> None:
        self._probing = False
        self.refresh_status()
        if not result.ok:
            logger.warning("the server probe failed: %s", result.error)
            return
        if self.running or not self.status.signed_in:
            return  # a run started, or the person signed out, while the probe was out
        error: SyncError | None = result.value
        state = self.status.state
        if error is None:
            work = self.status.waiting > 0 or state not in ("online", "never")
            if self.auto_sync and (work or self._fetch_due()):
                logger.info("server reachable with %d records waiting", self.status.waiting)
                self._automatic_start()
            elif state in ("unreachable", "offline", "never"):
                logger.info("server reachable")
                self._set_status(state="online", message="", message_en="")
            return

        # Only "no answer" says something about the link; a portal or a refused certificate
        # is reported by the next run, with its reason.
        no_answer = isinstance(error, ServerUnreachable | ServerBusy)
        if no_answer and state in PROBE_MAY_REPLACE:
            new_state = state_of(error, disconnected=network_disconnected())
            if new_state != state:
                logger.info("server probe: %s (was %s)", new_state, state)
            self._set_status(state=new_state, message=error.message, message_en=error.message_en)

    def _fetch_due(self) -> bool:
        last = self.status.last_success_at
        if not last:
            return True
        return utc_now() - dt.datetime.fromisoformat(last) >= FETCH_INTERVAL

    def _automatic_start(self) -> None:
        if self.auto_sync:
            self.start()

    # Runs -----------------------------------------------------------------------------------

    def start(self) -> bool:
        """Start a run unless one is running or no one is signed in; True if started."""
        if self.running:
            return False
        if not (self.username and self.tokens().get(self.username)):
            # The server's reason for a refused sign-in stays for the sign-in dialog.
            refused = self.status.state == "sign_in"
            self._set_status(
                state="sign_in",
                message=self.status.message if refused else "",
                message_en=self.status.message_en if refused else "",
                retry_at=None,
            )
            self.sign_in_needed.emit()
            return False
        self.running = True
        self._retry_timer.stop()
        self._cancel.clear()
        self._set_status(state="running", message="", message_en="", retry_at=None)
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
            if self._sign_out_pending:
                self._forget_sign_in()
            return
        result: SyncResult = outcome.value
        error = result.error
        if isinstance(error, SyncAlreadyRunning):
            self._set_status(state=self.status.state, message=error.message)
            if self._sign_out_pending:
                self._forget_sign_in()
            return
        retry_at = None
        if error is None and result.photo_error is None:
            self.failures = 0
        elif error is None or getattr(error, "transient", False):
            self.failures += 1
            delay = next_retry_delay(self.failures)
            if self.auto_sync:
                self._retry_timer.start(int(delay * 1000))
                retry_at = utc_now() + dt.timedelta(seconds=delay)
                logger.info("sync failed %d time(s); retry in %.0f s", self.failures, delay)
        shown = error or result.photo_error
        self._set_status(
            state=state_of(error, disconnected=network_disconnected()),
            message=shown.message if shown else "",
            message_en=shown.message_en if shown else "",
            clock_skew_seconds=result.clock_skew_seconds if result.clock_skewed else None,
            retry_at=retry_at,
        )
        if self._sign_out_pending:
            self._forget_sign_in()
        elif isinstance(error, SignInRequired):
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
            if result.ok and result.value.completed:
                self._set_status(state="online", message="", message_en="")
            else:
                self.refresh_status()
            on_done(result)

        self.runner.submit(download, on_done=done, owner=self)
        return True

    def sign_out(self) -> bool:
        """Forget this user's token for this server address (keyring or memory). Records and
        the outbox stay: what waits is sent after the next sign-in.

        A running run is cancelled first and the token forgotten once it stopped (between two
        requests, so nothing is half-applied); returns whether the sign-out is already done.
        """
        if self.running:
            logger.info("sign-out asked during a run: cancelling it first")
            self._sign_out_pending = True
            self.cancel()
            return False
        self._forget_sign_in()
        return True

    def _forget_sign_in(self) -> None:
        self._sign_out_pending = False
        username = self.username
        if username:
            self.tokens().forget(username)
        self._retry_timer.stop()
        self.failures = 0
        logger.info("signed out of %s", self.server_url)
        self._set_status(state="signed_out", message="", message_en="", retry_at=None)

    # Status ---------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Re-read the counts and the last success from the store (after local edits too)."""
        self._set_status()

    def _set_status(self, **changes) -> None:
        with self.store.session() as session:
            waiting = waiting_records(session)
            conflicts, rejected = open_conflict_count(session)
            last = sync_state.read(session, sync_state.LAST_SUCCESS_AT)
            auto_sync = bool(sync_state.read(session, sync_state.AUTO_SYNC, True))
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
            auto_sync=auto_sync,
            **changes,
        )
        self.status_changed.emit(self.status)


def _reachable(server_url: str, ca_bundle: str | None) -> SyncError | None:
    """None when the server answers its health check, else why not. On a worker thread."""
    connection: ServerConnection | None = None
    try:
        connection = ServerConnection(server_url, ca_bundle=ca_bundle, policy=PROBE_POLICY)
        connection.health()
        return None
    except SyncError as error:
        return error
    finally:
        if connection is not None:
            connection.close()
