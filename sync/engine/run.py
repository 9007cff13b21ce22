"""One sync run: push the outbox, upload photos, pull every page, check the digest.

:class:`SyncEngine` is Qt-free and blocking; the desktop calls :meth:`SyncEngine.run` on its
background runner and reads the :class:`SyncResult` it returns on the UI thread. The progress
callback is called on the running thread; it must only hand values over.

Crash safety, step by step (a process killed at any point loses nothing and re-sends at most
one batch, page or chunk):

1. Mutation ids are assigned to a batch and committed BEFORE it is sent. A resend after a
   crash reuses them, and the server answers replayed ids from its stored results.
2. A batch's results are applied and its outbox entries deleted in one local transaction.
3. Each pulled page is applied and the cursor moved in one local transaction.
4. A photo is sent from the offset the server reports it holds.

Test hook: ``SAFEDESK_SYNC_KILL_AT=<point>`` makes the process SIGKILL itself at that point
(``push_taken``, ``push_answered``, ``pull_page_received``, ``photo_chunk_sent``); the
end-to-end tests use it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import signal
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sync.blobs import MAX_CHUNK_BYTES
from sync.clock import iso_timestamp, utc_now
from sync.daily_checks import photo_file
from sync.engine import apply, state
from sync.engine.lock import RunLock
from sync.engine.retry import DEFAULT_POLICY, RetryPolicy
from sync.engine.tokens import TokenStore
from sync.engine.transport import ServerConnection
from sync.errors import (
    AccountWithoutUnit,
    DataFolderOfAnotherUnit,
    ProfileNotAdopted,
    ProtocolError,
    SafeDeskError,
    ServerRefused,
    SignInRequired,
    SyncCancelled,
    SyncError,
    UpgradeRequired,
)
from sync.profile import load_profile, save_profile
from sync.protocol import PushRequest, TokenResponse
from sync.store.database import Store
from sync.store.models import ClockCheck, Person, Photo, Unit

logger = logging.getLogger(__name__)

KILL_ENV = "SAFEDESK_SYNC_KILL_AT"
CLOCK_SKEW_LIMIT = dt.timedelta(minutes=10)
# The server's problem code when this laptop's device is registered to another unit.
DEVICE_REGISTERED_ELSEWHERE = "device_registered_elsewhere"

Progress = Callable[[str, int, int], None]
"""``(phase, done, total)``: phase ``push`` counts records sent, ``photos`` bytes, ``pull``
changes received (total 0 when unknown)."""


@dataclass
class SyncResult:
    """What one run did. ``completed`` is False when it stopped early; ``error`` says why."""

    pushed: int = 0
    uploaded: int = 0
    uploaded_bytes: int = 0
    pulled: int = 0
    left: int = 0
    photos_left: int = 0
    conflicts: int = 0
    rejected: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    clock_skew_seconds: int | None = None
    clock_skewed: bool = False
    repaired: bool = False
    digest_matches: bool | None = None
    photo_error: SyncError | None = None
    completed: bool = False
    error: SafeDeskError | None = None

    def summary(self) -> str:
        """The one line the headless command prints."""
        line = (
            f"pushed {self.pushed}, uploaded {self.uploaded}, pulled {self.pulled}, "
            f"left {self.left + self.photos_left}"
        )
        if self.conflicts or self.rejected:
            line += f" (conflicts {self.conflicts}, needs attention {self.rejected})"
        if self.clock_skewed:
            line += f"; clock off by {self.clock_skew_seconds} s"
        if self.error is not None:
            line += f"; stopped: {self.error.message_en}"
        elif self.photo_error is not None:
            line += f"; photos: {self.photo_error.message_en}"
        return line


class SyncEngine:
    """Syncs one data folder with one server for one user. One run at a time per folder."""

    def __init__(
        self,
        store: Store,
        *,
        server_url: str | None = None,
        username: str | None = None,
        tokens: TokenStore | None = None,
        ca_bundle: str | Path | None = None,
        policy: RetryPolicy = DEFAULT_POLICY,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        checkpoint: Callable[[str], None] | None = None,
        batch_size: int = 50,
        page_size: int = 500,
        chunk_size: int = 256 * 1024,
    ) -> None:
        self.store = store
        with store.session() as session:
            self.server_url = (
                server_url or state.read(session, state.SERVER_URL) or state.DEFAULT_SERVER_URL
            ).rstrip("/")
            self.username = username or state.read(session, state.USERNAME)
            self.ca_bundle = ca_bundle or state.read(session, state.CA_BUNDLE) or None
        self.tokens = tokens or TokenStore(self.server_url)
        self.policy = policy
        self._progress = progress or (lambda _phase, _done, _total: None)
        self._cancelled = cancelled
        self._checkpoint_hook = checkpoint
        self.batch_size = batch_size
        self.page_size = page_size
        self.chunk_size = chunk_size
        self._clock_seen = False
        self._last_skew: tuple[int, bool] | None = None

    # Sign-in --------------------------------------------------------------------------------

    def has_token(self) -> bool:
        return bool(self.username and self.tokens.get(self.username))

    def device_id(self) -> str:
        """This laptop's device id, made once and kept in the store."""
        with self.store.session() as session:
            device_id = state.read(session, state.DEVICE_ID)
            if not device_id:
                device_id = str(uuid.uuid4())
                state.write(session, state.DEVICE_ID, device_id)
        return device_id

    def sign_in(self, username: str, password: str) -> TokenResponse:
        """Exchange the password for a token kept in the keyring; registers this device.

        The password is used for this one request and never stored or logged. The device's
        last mutation id on the server is taken over with the rest of the sign-in state, in
        one local transaction: a store restored from a backup then numbers its next changes
        after the ones the server already holds.
        """
        connection = self._connection(token=None)
        try:
            answer = connection.sign_in(
                username, password, self.device_id(), device_name=platform.node()
            )
        except ServerRefused as error:
            if error.code == DEVICE_REGISTERED_ELSEWHERE:
                raise self._another_unit(username) from error
            raise
        finally:
            connection.close()
        if self._holds_another_synced_unit(answer.user.unit_id):
            # Pulling would mix two units' records in one store. The server has just tied this
            # device id to the other account; a device that never sent a change takes a new one.
            with self.store.session() as session:
                if state.read(session, state.NEXT_MUTATION_ID) is None:
                    state.write(session, state.DEVICE_ID, None)
            raise self._another_unit(username)
        self.username = username
        self.tokens.put(username, answer.access_token)
        with self.store.session() as session:
            state.write(session, state.SERVER_URL, self.server_url)
            state.write(session, state.USERNAME, username)
            if answer.user.unit_id:
                state.write(session, state.UNIT_ID, answer.user.unit_id)
            apply.follow_server_counter(session, answer.last_mutation_id)
        logger.info("signed in as %s on %s", username, self.server_url)
        return answer

    def sign_out(self) -> None:
        """Forget the token and the saved user name (a sign-in this laptop cannot use).

        The server keeps this device registered to that account, and refuses it to a user of
        another unit. A laptop that never numbered a change for sending has nothing tied to
        its device id, so it takes a new one; the next sign-in registers that afresh.
        """
        if self.username:
            self.tokens.forget(self.username)
        with self.store.session() as session:
            state.write(session, state.USERNAME, None)
            state.write(session, state.UNIT_ID, None)
            if state.read(session, state.NEXT_MUTATION_ID) is None:
                state.write(session, state.DEVICE_ID, None)
        self.username = None

    def adopt_profile(self) -> bool:
        """After a pull, make the signed-in user's unit and person this laptop's profile.

        Only on a laptop without a profile (see :func:`adopt_profile`); returns whether set.
        """
        with self.store.session() as session:
            unit_id = state.read(session, state.UNIT_ID)
        if not (unit_id and self.username):
            return False
        return adopt_profile(self.store, unit_id, self.username)

    def _holds_another_synced_unit(self, account_unit_id: str | None) -> bool:
        """Whether this store's unit came from the platform and is not the account's unit.

        A unit made on this laptop only (first start, "create a unit here") has no server
        version: its user may still sign in, and the server answers its records as another
        unit's, which the "needs attention" list shows. A supervisor's account has no unit.
        """
        profile = load_profile(self.store)
        if profile is None or account_unit_id is None or profile.unit_id == account_unit_id:
            return False
        with self.store.session() as session:
            unit = session.get(Unit, profile.unit_id)
            # Demo data counts as the platform's: the reference server seeds the same records.
            from_platform = unit is not None and (
                unit.server_version is not None or unit.sync_state == "synced"
            )
            return from_platform

    def _another_unit(self, username: str) -> DataFolderOfAnotherUnit:
        """The server's "device registered elsewhere", said for a person: the server speaks
        of device ids, which no one using the app ever sees (#4)."""
        profile = load_profile(self.store)
        with self.store.session() as session:
            previous = state.read(session, state.USERNAME) or ""
        owner_zh = profile.unit_name if profile else "另一个单位"
        owner_en = profile.unit_name if profile else "another unit"
        if previous:
            owner_zh += f"（用户 {previous}）"
            owner_en += f" (user {previous})"
        logger.info("sign-in of %s refused: this data folder belongs to another unit", username)
        return DataFolderOfAnotherUnit(
            f"这台电脑上的数据属于{owner_zh}，不能在这个数据文件夹上登录其他单位的"
            f"账号（{username}）。请用本单位的账号登录；如需使用其他单位的账号，请另选一个数据文件夹"
            "（启动时用 --data-dir 指定）。本机数据未受影响。",
            f"The data on this computer belongs to {owner_en}; a user of "
            f"another unit ({username}) cannot sign in on this data folder. Sign in with an "
            "account of that unit, or use a separate data folder for the other unit (start "
            "SafeDesk with --data-dir). Nothing here was changed.",
            code=DEVICE_REGISTERED_ELSEWHERE,
        )

    def _connection(self, token: str | None) -> ServerConnection:
        return ServerConnection(
            self.server_url,
            token=token,
            ca_bundle=self.ca_bundle,
            policy=self.policy,
            cancelled=self._cancelled,
        )

    # The run --------------------------------------------------------------------------------

    def run(self) -> SyncResult:
        """Push, upload photos, pull. Never raises a :class:`SyncError`: it is in the result.

        Everything committed before an error stays committed; running again continues.
        """
        result = SyncResult()
        connection: ServerConnection | None = None
        try:
            with RunLock(self.store) as lock:
                token = self.tokens.get(self.username) if self.username else None
                if not token:
                    raise SignInRequired("请先登录服务器。", "Please sign in to the server first.")
                connection = self._connection(token)
                self._push(connection, result, lock)
                self._upload_photos(connection, result, lock)
                self._pull(connection, result, lock)
                result.completed = result.photo_error is None
                with self.store.session() as session:
                    state.write(session, state.LAST_SUCCESS_AT, iso_timestamp(utc_now()))
        except SignInRequired as error:
            if self.username:
                self.tokens.forget(self.username)
            result.error = error
        except SyncError as error:
            result.error = error
        except SafeDeskError as error:
            # The local store refused a write (disk full, a broken reference in a pulled
            # page): everything committed before stays; the run reports it and stops.
            logger.warning("sync run stopped by the local store: %s", error.message_en)
            result.error = error
        finally:
            if connection is not None:
                connection.close()
            self._finish(result)
        logger.info("sync run: %s", result.summary())
        return result

    def _finish(self, result: SyncResult) -> None:
        with self.store.session() as session:
            result.left = apply.waiting_records(session)
            result.photos_left = len(
                session.scalars(select(Photo.sha256).where(Photo.uploaded.is_(False))).all()
            )
            result.conflicts, result.rejected = apply.open_conflict_count(session)
            state.write(
                session,
                state.LAST_RESULT,
                {
                    "at": iso_timestamp(utc_now()),
                    "completed": result.completed,
                    "summary": result.summary(),
                    "error": type(result.error).__name__ if result.error else None,
                },
            )

    def _check_cancel(self) -> None:
        if self._cancelled():
            raise SyncCancelled("同步已取消。", "Sync cancelled.")

    def _checkpoint(self, point: str) -> None:
        if os.environ.get(KILL_ENV) == point:
            logger.warning("test hook: killing this process at %s", point)
            os.kill(os.getpid(), signal.SIGKILL)
        if self._checkpoint_hook is not None:
            self._checkpoint_hook(point)

    def _observe_clock(self, server_time: str) -> None:
        """Keep the device and server times of the first answer of a run (see ClockCheck)."""
        if self._clock_seen:
            return
        self._clock_seen = True
        device = utc_now()
        server = dt.datetime.fromisoformat(server_time)
        skew = device - server
        skewed = abs(skew) > CLOCK_SKEW_LIMIT
        with self.store.session() as session:
            last = session.scalars(select(ClockCheck).order_by(ClockCheck.id.desc())).first()
            # Rows mark where skew starts and ends; a run with a good clock after a good
            # clock adds nothing.
            if skewed or (last is not None and last.skewed):
                session.add(
                    ClockCheck(
                        device_time=device,
                        server_time=server,
                        skew_seconds=int(skew.total_seconds()),
                        skewed=skewed,
                    )
                )
            state.write(
                session,
                state.CLOCK_SKEW,
                {"seconds": int(skew.total_seconds()), "checked_at": iso_timestamp(device)},
            )
        if skewed:
            logger.warning("the laptop's clock is %d s off the server's", skew.total_seconds())
        self._last_skew = (int(skew.total_seconds()), skewed)

    def _note_clock(self, result: SyncResult) -> None:
        skew = self._last_skew
        if skew is not None:
            result.clock_skew_seconds, result.clock_skewed = skew

    # Push -----------------------------------------------------------------------------------

    def _push(self, connection: ServerConnection, result: SyncResult, lock: RunLock) -> None:
        """Send the outbox batch by batch; each batch's ids are committed before it is sent.

        A batch the server answered only with "already used" ids (a restored store) is sent
        again under new ids once, when the answer said the server's counter; otherwise the
        push stops, so a run always ends.
        """
        device_id = self.device_id()
        with self.store.session() as session:
            total = apply.waiting_count(session)
        renumbered_batches = 0
        while True:
            self._check_cancel()
            with self.store.session() as session:
                batch = apply.take_batch(session, self.batch_size)
            if not batch:
                return
            self._checkpoint("push_taken")
            answer = connection.push(PushRequest(device_id=device_id, mutations=batch))
            self._observe_clock(answer.server_time)
            self._note_clock(result)
            self._checkpoint("push_answered")
            with self.store.session() as session:
                counts = apply.apply_push_results(session, answer.results, answer.last_mutation_id)
            for outcome, count in counts.items():
                result.outcomes[outcome] = result.outcomes.get(outcome, 0) + count
            result.pushed += len(batch)
            self._progress("push", result.pushed, max(total, result.pushed))
            lock.beat()
            if sum(counts.values()) == counts.get("renumbered", 0):
                # The server took none of the batch. Its counter, when it said it, puts the
                # next ids past every id it holds, so one more batch goes through; beyond that
                # (or without it) do not loop on it.
                renumbered_batches += 1
                if answer.last_mutation_id is None or renumbered_batches > 1:
                    logger.warning("push answered no mutation of the batch; stopping the push")
                    return

    # Photos ---------------------------------------------------------------------------------

    def _upload_photos(
        self, connection: ServerConnection, result: SyncResult, lock: RunLock
    ) -> None:
        """Upload waiting photos chunk by chunk, resuming where the server left off.

        A failure is written on the photo (``upload_error``) and ends this phase; records keep
        syncing, the photo is tried again next run.
        """
        with self.store.session() as session:
            rows = session.scalars(select(Photo).where(Photo.uploaded.is_(False))).all()
            waiting = [(photo.sha256, photo.size_bytes, photo.media_type) for photo in rows]
        files = {sha256: photo_file(self.store, sha256) for sha256, _size, _type in waiting}
        waiting = [item for item in waiting if files[item[0]] is not None]
        total_bytes = sum(size for _sha, size, _type in waiting)
        for sha256, size, media_type in waiting:
            self._check_cancel()
            try:
                sent = self._upload_photo(connection, files[sha256], sha256, size, media_type)
            except (SyncCancelled, SignInRequired, UpgradeRequired):
                raise
            except ServerRefused as error:
                # This photo is refused (too large, not a photo type): the others go on.
                self._photo_failed(sha256, error, result)
                continue
            except SyncError as error:
                # The link is the problem: the next photo would fail the same way.
                self._photo_failed(sha256, error, result)
                return
            result.uploaded += 1
            result.uploaded_bytes += sent
            self._progress("photos", result.uploaded_bytes, total_bytes)
            lock.beat()

    def _upload_photo(
        self,
        connection: ServerConnection,
        path: Path,
        sha256: str,
        size: int,
        media_type: str,
    ) -> int:
        """Send the bytes the server lacks, chunk by chunk; the bytes sent this time."""
        status = connection.start_blob(sha256, size, media_type)
        offset, complete = status.offset, status.complete
        chunk_size = min(self.chunk_size, MAX_CHUNK_BYTES)
        sent = 0
        with path.open("rb") as handle:
            while not complete:
                self._check_cancel()
                handle.seek(offset)
                chunk = handle.read(chunk_size)
                if not chunk:
                    raise ProtocolError(
                        "服务器认为照片尚未传完，但本机文件已经发完。",
                        "The server expects more bytes than the photo file holds.",
                    )
                try:
                    answer = connection.put_chunk(sha256, offset, chunk)
                except ServerRefused as error:
                    if error.code != "wrong_offset":
                        raise
                    status = connection.blob_status(sha256)
                    offset, complete = status.offset, status.complete
                    continue
                sent += len(chunk)
                self._progress("photos", sent, size)
                self._checkpoint("photo_chunk_sent")
                offset, complete = answer.offset, answer.complete
        with self.store.session() as session:
            photo = session.get(Photo, sha256)
            if photo is not None:
                photo.uploaded = True
                photo.upload_error = None
        return sent

    def _photo_failed(self, sha256: str, error: SyncError, result: SyncResult) -> None:
        logger.warning("photo %s not uploaded: %s", sha256[:12], error.message_en)
        result.photo_error = error
        with self.store.session() as session:
            photo = session.get(Photo, sha256)
            if photo is not None:
                photo.upload_error = error.message

    # Pull -----------------------------------------------------------------------------------

    def _pull(self, connection: ServerConnection, result: SyncResult, lock: RunLock) -> None:
        with self.store.session() as session:
            cursor = int(state.read(session, state.PULL_CURSOR, 0))
        digest = self._pull_from(connection, cursor, result, lock, repair=False)
        with self.store.session() as session:
            local = apply.local_digest(session)
        result.digest_matches = digest is None or digest == local
        if result.digest_matches:
            return

        logger.warning(
            "digest differs (server %d records, here %d): pulling the scope again",
            digest.count,
            local.count,
        )
        result.repaired = True
        digest = self._pull_from(connection, 0, result, lock, repair=True)
        with self.store.session() as session:
            local = apply.local_digest(session)
        result.digest_matches = digest is None or digest == local
        if not result.digest_matches:
            logger.warning(
                "digest still differs after a repair pull (%d vs %d)", digest.count, local.count
            )

    def _pull_from(
        self,
        connection: ServerConnection,
        cursor: int,
        result: SyncResult,
        lock: RunLock,
        *,
        repair: bool,
    ):
        # Said before the first page is asked for: a big page takes a while, and the person
        # should see the download has begun (signing in is over).
        self._progress("pull", result.pulled, 0)
        while True:
            self._check_cancel()
            page = connection.pull(cursor, self.page_size)
            self._observe_clock(page.server_time)
            self._note_clock(result)
            self._checkpoint("pull_page_received")
            try:
                with self.store.session() as session:
                    result.pulled += apply.apply_pulled_page(
                        session, page.changes, page.next_cursor, repair=repair
                    )
            except IntegrityError as error:
                # The page was rolled back whole, its cursor with it: the next run asks again.
                logger.error("a pulled page from %d could not be stored: %s", cursor, error.orig)
                raise ProtocolError(
                    "服务器发来的更改引用了本机没有的记录，本次未保存这些更改；本机已有的数据"
                    "不受影响。请稍后再同步，如仍出现请联系平台管理员。",
                    "Changes from the server refer to records this laptop does not have, so "
                    "they were not stored; nothing already on this laptop changed. Sync again "
                    "later, and tell the platform's administrator if this keeps happening.",
                ) from error
            cursor = page.next_cursor
            self._progress("pull", result.pulled, 0)
            lock.beat()
            if not page.has_more:
                return page.digest


def adopt_profile(store: Store, unit_id: str, username: str) -> bool:
    """On a fresh laptop, make the pulled unit and the person with ``username`` its profile.

    Returns whether a profile was set; an existing profile is left alone.
    """
    if load_profile(store) is not None:
        return False
    with store.session() as session:
        person = session.scalars(
            select(Person).where(Person.unit_id == unit_id, Person.username == username)
        ).first()
        person_id = person.id if person else None
    if person_id is None:
        logger.warning("no person with user name %s in unit %s; profile not set", username, unit_id)
        return False
    save_profile(store, unit_id=unit_id, person_id=person_id)
    return True


def download_own_unit(engine: SyncEngine, username: str, password: str) -> SyncResult:
    """A new laptop of an existing unit: sign in, pull the user's unit, adopt the profile.

    The same steps ``safedesk sync`` takes on an empty data folder. Blocking; run it off the UI
    thread. Raises :class:`SignInRequired` for a refused password, :class:`AccountWithoutUnit`
    for an account that belongs to no unit (a supervisor's: it is signed out again, so nothing
    of it stays on the laptop), and any other :class:`SyncError` of the sign-in. A run that
    stopped (unreachable, cancelled) is returned with its ``error``; whatever it pulled stays
    committed, and running again continues from there. :class:`ProfileNotAdopted` when the
    pulled unit has no person with this user name.
    """
    answer = engine.sign_in(username, password)
    if not answer.user.unit_id:
        engine.sign_out()
        logger.info("%s has no unit (role %s); signed out again", username, answer.user.role)
        raise AccountWithoutUnit(
            f"账号 {username} 不属于任何使用单位（例如监管账号），不能下载单位数据。"
            "请用本单位安全员、安全总监或主要负责人的账号登录，或者在本机新建单位。",
            f"The account {username} belongs to no unit (a supervisor's account, for example), "
            "so there is no unit to download. Sign in with the account of an officer, the "
            "director or the principal of your unit, or create a unit on this laptop.",
        )

    result = engine.run()
    if result.error is not None:
        return result

    if load_profile(engine.store) is None and not engine.adopt_profile():
        raise ProfileNotAdopted(
            f"单位数据已下载，但其中没有用户名为 {username} 的人员。请联系省平台管理员核对账号，"
            "然后重试。",
            f"The unit was downloaded, but nobody in it has the user name {username}. Ask the "
            "provincial platform's administrator to check the account, then try again.",
        )
    return result
