"""Desktop test helpers: start the real app on a real data folder, answer modal dialogs."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import SafeDeskApp
from desktop.i18n import DEFAULT_LANGUAGE
from tests.engine.conftest import MemoryKeyring


def app_options(data_folder: Path, *, demo: bool = True, lang: str | None = DEFAULT_LANGUAGE):
    return argparse.Namespace(demo=demo, data_dir=str(data_folder), lang=lang, debug=False)


class Launcher:
    """Starts SafeDeskApp instances the way ``run`` does and shuts them all down afterwards."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.started: list[SafeDeskApp] = []

    def start(
        self,
        data_folder: Path,
        *,
        demo: bool = True,
        lang: str | None = DEFAULT_LANGUAGE,
        templates_folder: Path | None = None,
    ) -> SafeDeskApp:
        app = SafeDeskApp(
            app_options(data_folder, demo=demo, lang=lang), templates_folder=templates_folder
        )
        assert app.start(), "the app did not start"
        self.started.append(app)
        self.qtbot.waitUntil(lambda: app.window.page("today").overview is not None)
        return app

    def stop(self, app: SafeDeskApp) -> None:
        """Close the window as a user would, then shut down as ``run`` does after exec()."""
        app.window.close()
        app.shutdown()
        app.window.deleteLater()
        self.started.remove(app)
        # processEvents() leaves deferred deletes alone: without this the window, and a message
        # box it still holds open, would outlive the test and stand in the next one's way.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    def stop_all(self) -> None:
        for app in list(self.started):
            self.stop(app)


@pytest.fixture
def launcher(qtbot) -> Iterator[Launcher]:
    started = Launcher(qtbot)
    yield started
    pending = [app.runner.pending_count for app in started.started]
    started.stop_all()
    assert not any(pending), f"background jobs still pending at the end of the test: {pending}"


def when_modal(handler: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> list[str]:
    """Run ``handler`` on the next modal dialog once it is open (for exec()-ed dialogs).

    Returns a list that receives "handled" (or an error text), so the test can check the
    dialog really appeared.
    """
    outcome: list[str] = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            waited[0] += 20
            if waited[0] > timeout_ms:
                outcome.append("no modal dialog appeared")
                return
            QTimer.singleShot(20, poll)
            return
        try:
            handler(dialog)
            outcome.append("handled")
        except Exception as error:  # the test asserts on the outcome instead of hanging
            outcome.append(f"handler failed: {error!r}")
            dialog.reject()

    QTimer.singleShot(0, poll)
    return outcome


@pytest.fixture(autouse=True)
def test_keyring() -> Iterator[MemoryKeyring]:
    """Every desktop test signs in against a keyring that dies with it, never the user's."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
