"""How a record's sync state shows in every list (#4): the word, and the tone of its chip.

The words live in :data:`sync.records.SYNC_STATE_LABELS` (both languages), so the lists and
the headless command name the states alike.
"""

from __future__ import annotations

from desktop.widgets.chips import Tone
from sync.records import SYNC_STATE_LABELS, label

SYNC_TONES = {
    "local": Tone.MUTED,
    "pending": Tone.INFO,
    "synced": Tone.OK,
    "conflict": Tone.WARN,
    "rejected": Tone.DANGER,
}


def sync_state_text(state: str | None, language: str = "zh_CN") -> str:
    """The state's word; empty for a line that has no record yet (``None`` or "")."""
    return label(SYNC_STATE_LABELS, state, language) if state else ""


def sync_state_tone(state: str | None) -> Tone | None:
    return SYNC_TONES.get(state) if state else None
