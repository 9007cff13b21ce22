"""What every page is given: the store, the templates, who uses the laptop, and the hubs."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.navigation import Navigator, StoreEvents
from desktop.sync_controller import SyncController
from desktop.tasks import TaskRunner
from sync.profile import Profile
from sync.store.database import Store
from sync.templates import TemplateLibrary


@dataclass(frozen=True)
class AppContext:
    """The app's shared parts, made once at start and handed to each page's factory.

    ``language`` is ``"zh_CN"`` or ``"en"``; it picks the template texts and the record labels
    (Qt's translators handle the rest of the UI).
    """

    store: Store
    templates: TemplateLibrary
    profile: Profile
    language: str
    runner: TaskRunner
    navigator: Navigator
    events: StoreEvents
    # The app's sync controller (#4); None where a test builds pages without sync.
    sync: SyncController | None = None

    @property
    def actor(self) -> str:
        """The name written into ``updated_by`` for this laptop's user."""
        return self.profile.person_name
