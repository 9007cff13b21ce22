"""What the weekly report and monthly minutes pages share: a draft saved while the user
types, signed on submit, and amended after signing by a new draft that names the original."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.viewmodels.autosave import Autosave
from sync.clock import china_today
from sync.errors import SafeDeskError
from sync.profile import Profile
from sync.records import RecordStatus
from sync.store.database import Store

logger = logging.getLogger(__name__)


class SignedRecordViewModel(QObject):
    """Autosave, submit and amend of one signed record's form (UI thread only).

    A subclass holds ``form`` (with ``record_id``, ``status`` and ``read_only``), chooses what
    to show, and fills in the hooks below that call its record's ``sync`` functions.
    """

    saved = Signal()
    """The draft was written to the store."""

    failed = Signal(object)
    """A SafeDeskError the user must see (validation, read-only, store trouble)."""

    record_kind = "signed record"
    """How the log names the record (never shown to the user)."""

    def __init__(
        self,
        store: Store,
        profile: Profile,
        *,
        today: Callable[[], dt.date] = china_today,
        autosave_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.profile = profile
        self._today = today
        delay = {} if autosave_ms is None else {"delay_ms": autosave_ms}
        self.autosave = Autosave(self._save_draft, parent=self, **delay)
        self.form: Any = None

    # --- what a subclass provides ------------------------------------------------------------

    def _versions(self) -> Sequence[Any]:
        """The versions (summaries with an ``id``) of the shown period."""
        raise NotImplementedError

    def _reload_versions(self) -> None:
        """Read the shown period's versions again (a first save added one)."""
        raise NotImplementedError

    def _write_draft(self) -> None:
        """Save ``form`` as a draft; raises SafeDeskError."""
        raise NotImplementedError

    def _sign(self) -> None:
        """Sign and submit ``form``; raises SafeDeskError and then signs nothing."""
        raise NotImplementedError

    def _open_amendment(self, reason: str) -> str:
        """Open the amendment draft of the signed ``form``; returns its id."""
        raise NotImplementedError

    def _open(self, record_id: str) -> None:
        """Show one version by id."""
        raise NotImplementedError

    # --- editing -----------------------------------------------------------------------------

    @property
    def unit_id(self) -> str:
        return self.profile.unit_id

    @property
    def editable(self) -> bool:
        return self.form is not None and not self.form.read_only

    def edit(self, **fields: Any) -> None:
        """Change plain fields of the draft (the form's attributes, by name)."""
        if not self.editable:
            return
        for key, value in fields.items():
            setattr(self.form, key, value)
        self.autosave.touch()

    def rows_changed(self) -> None:
        """A table edited the form's lists in place."""
        if self.editable:
            self.autosave.touch()

    def _save_draft(self) -> None:
        if not self.editable:
            return
        try:
            self._write_draft()
        except SafeDeskError as error:
            logger.error("%s draft %s not saved: %s", self.record_kind, self.form.record_id, error)
            self.failed.emit(error)
            return
        if not any(version.id == self.form.record_id for version in self._versions()):
            self._reload_versions()
        self.saved.emit()

    def flush(self) -> None:
        self.autosave.flush()

    # --- signing -----------------------------------------------------------------------------

    def submit(self) -> bool:
        """Sign the form; on a validation error nothing is signed and ``failed`` says why."""
        if not self.editable:
            return False
        self.autosave.cancel()
        try:
            self._sign()
        except SafeDeskError as error:
            self.autosave.touch()
            self.failed.emit(error)
            return False
        self._open(self.form.record_id)
        return True

    def amend(self, reason: str) -> bool:
        """Open the amendment draft of the shown (signed) form."""
        if self.form is None or self.form.status != RecordStatus.SUBMITTED:
            return False
        try:
            amendment_id = self._open_amendment(reason)
        except SafeDeskError as error:
            self.failed.emit(error)
            return False
        self._open(amendment_id)
        return True
