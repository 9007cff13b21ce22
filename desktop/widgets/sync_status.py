"""The status area of sync (#4): state, last sync, records waiting, progress and cancel,
whether automatic sync is off and when a failed run is retried."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.sync_controller import SyncController, SyncStatus
from desktop.widgets.chips import Tone, chip_style
from sync.clock import CHINA_TZ

STATE_TEXTS = {
    "never": QT_TRANSLATE_NOOP("SyncStatusBar", "Not synced yet"),
    "running": QT_TRANSLATE_NOOP("SyncStatusBar", "Syncing…"),
    "online": QT_TRANSLATE_NOOP("SyncStatusBar", "Online"),
    "offline": QT_TRANSLATE_NOOP("SyncStatusBar", "Offline: no network"),
    "unreachable": QT_TRANSLATE_NOOP("SyncStatusBar", "Server unreachable"),
    "sign_in": QT_TRANSLATE_NOOP("SyncStatusBar", "Sign-in needed"),
    "signed_out": QT_TRANSLATE_NOOP("SyncStatusBar", "Not signed in"),
    "portal": QT_TRANSLATE_NOOP("SyncStatusBar", "Network needs sign-in"),
    "upgrade": QT_TRANSLATE_NOOP("SyncStatusBar", "Update needed"),
    "cancelled": QT_TRANSLATE_NOOP("SyncStatusBar", "Sync cancelled"),
    "error": QT_TRANSLATE_NOOP("SyncStatusBar", "Sync failed"),
}


def state_text(state: str) -> str:
    return QCoreApplication.translate("SyncStatusBar", STATE_TEXTS.get(state, STATE_TEXTS["error"]))


class SyncStatusBar(QWidget):
    """Shows the controller's status; the cancel button stops a run between two requests."""

    conflicts_requested = Signal()
    """The person clicked the "needs attention" count."""

    sign_in_requested = Signal()
    """The person clicked "Sign in…" after the server refused the sign-in."""

    def __init__(
        self, controller: SyncController, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.language = language
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.last_label = QLabel()
        self.waiting_label = QLabel()
        self.retry_label = QLabel()
        self.retry_label.setObjectName("syncRetry")
        self.auto_off_label = QLabel(self.tr("Automatic sync off"))
        self.auto_off_label.setObjectName("autoSyncOff")
        self.auto_off_label.setStyleSheet(chip_style(Tone.MUTED))
        self.auto_off_label.setToolTip(
            self.tr(
                "Records are sent only when you press Sync (F5). Turn automatic sync on in "
                "Sync → Sync settings."
            )
        )
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockWarning")
        self.clock_label.setStyleSheet(chip_style(Tone.DANGER))
        self.memory_label = QLabel(self.tr("Sign-in kept until SafeDesk closes"))
        self.memory_label.setStyleSheet(chip_style(Tone.MUTED))
        self.memory_label.setToolTip(
            self.tr("This computer has no secure password store, so the sign-in is not saved.")
        )
        self.attention_button = QPushButton()
        self.attention_button.setFlat(True)
        self.attention_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attention_button.setStyleSheet(chip_style(Tone.WARN))
        self.attention_button.setToolTip(self.tr("Open the conflicts and refused records"))
        self.attention_button.clicked.connect(self.conflicts_requested)
        # An automatic run whose sign-in the server refused asks here rather than with a
        # dialog, which would take the keys of someone typing a checklist.
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_in_button.setStyleSheet(chip_style(Tone.WARN))
        self.sign_in_button.setToolTip(
            self.tr("The server asks you to sign in again; your records stay on this computer.")
        )
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.phase_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(controller.cancel)

        # Packed to the left with room between the facts, so the eye finds them in one place.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(18)
        for widget in (
            self.state_label,
            self.retry_label,
            self.sign_in_button,
            self.phase_label,
            self.progress,
            self.cancel_button,
            self.attention_button,
            self.clock_label,
            self.memory_label,
            self.auto_off_label,
            self.waiting_label,
            self.last_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

        controller.status_changed.connect(self.show_status)
        controller.progressed.connect(self.show_progress)
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus) -> None:
        running = status.state == "running"
        if status.state == "never" and not status.signed_in:
            text = self.tr("Not signed in")
        else:
            text = state_text(status.state)
        message = status.message_en if self.language == "en" else status.message
        retry = ""
        if status.retry_at is not None and not running:
            moment = status.retry_at.astimezone(CHINA_TZ).strftime("%H:%M")
            retry = self.tr("Retrying at {time}").format(time=moment)
        self.retry_label.setText(retry)
        self.retry_label.setVisible(bool(retry))
        self.state_label.setText(text)
        self.state_label.setToolTip("\n".join(line for line in (message or text, retry) if line))
        self.auto_off_label.setVisible(not status.auto_sync)
        self.progress.setVisible(running)
        self.phase_label.setVisible(running)
        self.cancel_button.setVisible(running)
        self.sign_in_button.setVisible(status.state == "sign_in")
        if running:
            self.progress.setRange(0, 0)
            self.phase_label.clear()

        # Records, as the lists' "waiting" chips count them, not the outbox's rows.
        self.waiting_label.setText(self.tr("%n record(s) waiting", "", status.waiting))
        if status.last_success_at:
            moment = dt.datetime.fromisoformat(status.last_success_at).astimezone(CHINA_TZ)
            self.last_label.setText(
                self.tr("Last sync {time}").format(time=moment.strftime("%m-%d %H:%M"))
            )
        else:
            self.last_label.setText(self.tr("Never synced"))
        # Before the first run the state already says it; the label would only repeat it.
        self.last_label.setVisible(bool(status.last_success_at) or status.state != "never")
        self.memory_label.setVisible(status.signed_in and not status.secure_keyring)
        attention = status.conflicts + status.rejected
        self.attention_button.setVisible(attention > 0)
        self.attention_button.setText(self.tr("%n need(s) attention", "", attention))
        skew = status.clock_skew_seconds
        self.clock_label.setVisible(skew is not None)
        if skew is not None:
            self.clock_label.setText(
                self.tr("Clock differs from the server by {minutes} min").format(
                    minutes=round(abs(skew) / 60)
                )
            )

    def show_progress(self, phase: str, done: int, total: int) -> None:
        if phase == "push":
            text = self.tr("Sending records {done}/{total}").format(done=done, total=total)
        elif phase == "photos":
            text = self.tr("Photos {done} of {total} MB").format(
                done=f"{done / 1e6:.1f}", total=f"{total / 1e6:.1f}"
            )
        else:
            text = self.tr("Receiving changes: {done}").format(done=done)
        self.phase_label.setText(text)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
