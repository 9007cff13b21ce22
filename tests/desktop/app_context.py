"""An AppContext for page tests: a real store and templates, as the app makes them."""

from __future__ import annotations

from desktop.context import AppContext
from desktop.i18n import Translations
from desktop.navigation import Navigator, StoreEvents
from desktop.tasks import TaskRunner
from sync.profile import Profile
from sync.store.database import Store
from sync.templates import default_library


def make_context(store: Store, profile: Profile, language: str = "zh_CN") -> AppContext:
    """The parts a page factory receives, with an inline background runner."""
    return AppContext(
        store=store,
        templates=default_library(),
        profile=profile,
        language=language,
        runner=TaskRunner(inline=True),
        navigator=Navigator(),
        events=StoreEvents(),
    )


def install_language(language: str = "zh_CN") -> Translations:
    """Install the app's catalogue; keep the returned object alive while widgets translate."""
    translations = Translations()
    translations.install(language)
    return translations
