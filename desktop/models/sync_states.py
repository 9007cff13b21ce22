"""How a record's sync state shows in every list (#4): the word, the tone of its chip, and a
tooltip that says what the state means and, for a conflict or a refusal, what to do.

The words live in :data:`sync.records.SYNC_STATE_LABELS` (both languages), so the lists and
the headless command name the states alike.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.widgets.chips import Tone
from sync.records import SYNC_STATE_LABELS, label

SYNC_TONES = {
    "local": Tone.MUTED,
    "pending": Tone.INFO,
    "synced": Tone.OK,
    "conflict": Tone.WARN,
    "rejected": Tone.DANGER,
}

# The status bar's "needs attention" count opens the view where conflicts and refusals are
# decided; the tooltip of a record in either state points there.
SYNC_HINTS = {
    "local": QT_TRANSLATE_NOOP("SyncState", "Kept on this computer only; drafts are never sent"),
    "pending": QT_TRANSLATE_NOOP("SyncState", "Waiting to be sent at the next sync"),
    "synced": QT_TRANSLATE_NOOP("SyncState", "The server holds this version"),
    "conflict": QT_TRANSLATE_NOOP(
        "SyncState",
        "Changed here and on the server: click “needs attention” in the status bar "
        "to choose which value stays",
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "SyncState",
        "The server refused this record: click “needs attention” in the status bar "
        "to see why and correct it",
    ),
}


def sync_state_text(state: str | None, language: str = "zh_CN") -> str:
    """The state's word; empty for a line that has no record yet (``None`` or "")."""
    return label(SYNC_STATE_LABELS, state, language) if state else ""


def sync_state_tone(state: str | None) -> Tone | None:
    return SYNC_TONES.get(state) if state else None


def sync_state_hint(state: str | None) -> str:
    """What the state means for the person, in the current language; empty without a state."""
    hint = SYNC_HINTS.get(state or "")
    return QCoreApplication.translate("SyncState", hint) if hint else ""


def sync_state_tooltip(state: str | None, language: str = "zh_CN") -> str:
    """The word and what it means, for a sync column's or chip's tooltip."""
    if not state:
        return ""
    text = QCoreApplication.translate("SyncState", "{state}: {meaning}")
    return text.format(state=sync_state_text(state, language), meaning=sync_state_hint(state))
