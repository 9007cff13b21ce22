"""SafeDesk's own error family.

The desktop catches these, never a raw SQLAlchemy or requests exception. Each carries a message
a safety officer can read; ``message_en`` holds the English text where the UI is in English.
"""

from __future__ import annotations


class SafeDeskError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message


class StoreError(SafeDeskError):
    """The local database could not be opened, migrated or written."""


class StoreFullError(StoreError):
    """The disk under the data folder is full; nothing of the failed change was written."""


class RecordNotFound(SafeDeskError):
    pass


class ValidationError(SafeDeskError):
    """A value a person entered (or a file they supplied) breaks a rule of the record."""


class ReadOnlyRecordError(ValidationError):
    """A submitted record was about to change; corrections are amendments."""


class TransitionError(ValidationError):
    """A hazard was asked to move to a status its lifecycle does not allow from here."""


class TemplateError(SafeDeskError):
    """A checklist template file is malformed or missing; the message names the file and item.

    ``problem`` is the Chinese wording, ``problem_en`` the English one (the Chinese is reused
    when no English is given).
    """

    def __init__(
        self,
        file_name: str,
        item_id: str | None,
        problem: str,
        problem_en: str | None = None,
    ) -> None:
        problem_en = problem_en or problem
        where_zh = file_name + (f"，检查项 {item_id}" if item_id else "")
        where_en = file_name + (f", item {item_id}" if item_id else "")
        super().__init__(f"模板 {where_zh}：{problem}", f"Template {where_en}: {problem_en}")
        self.file_name = file_name
        self.item_id = item_id
        self.problem = problem
        self.problem_en = problem_en


class SyncError(SafeDeskError):
    """A sync run stopped before it completed. Nothing on this laptop was lost by it.

    ``transient`` says whether the same run may succeed later without anyone doing anything
    (the caller retries it on a timer); the others need a person (sign in, upgrade, a portal).
    """

    transient = False


class ServerUnreachable(SyncError):
    """No answer from the server: no network, a timeout, a reset, or the server is down."""

    transient = True


class ServerBusy(SyncError):
    """The server answered 5xx or 429 after every retry; it changed nothing we rely on."""

    transient = True


class SignInRequired(SyncError):
    """The server refused the token or the password (401); sign in again, data is kept."""


class AccountWithoutUnit(SyncError):
    """The account signed in, but belongs to no unit (a supervisor's): nothing to download."""


class ProfileNotAdopted(SyncError):
    """The unit was pulled, but no person in it has the signed-in user name."""


class UpgradeRequired(SyncError):
    """The server speaks another protocol version (426); pushing stops, data is kept."""


class NetworkSignInRequired(SyncError):
    """Something between us and the server (a Wi-Fi portal) answered instead of the server."""


class CertificateError(SyncError):
    """The server's TLS certificate could not be verified (a CA bundle may be missing)."""


class ProtocolError(SyncError):
    """The server answered in a form protocol v1 does not allow; nothing was applied."""


class ServerRefused(SyncError):
    """The server refused the request for a stated reason (403, 409, 4xx); ``code`` names it."""

    def __init__(self, message: str, message_en: str | None = None, code: str = "") -> None:
        super().__init__(message, message_en)
        self.code = code


class DataFolderOfAnotherUnit(ServerRefused):
    """A sign-in as a user of another unit on a laptop whose data folder (and device) belongs
    to a unit already; the server keeps one laptop's records to one unit."""


class SyncCancelled(SyncError):
    """The person cancelled the run; what was committed before stays committed."""


class SyncAlreadyRunning(SyncError):
    """Another sync run (another window or process) holds the lock of this data folder."""
