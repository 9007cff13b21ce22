"""Sync settings: a CA bundle that is no certificate file is refused with the reason; the one
chosen there carries the window's sync over HTTPS (#4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import trustme
from PySide6.QtWidgets import QDialog

from desktop.dialogs.sync_settings import SyncSettingsDialog
from sync.demo import DEMO_PASSWORD
from sync.engine import state as sync_state
from sync.hazards import update_hazard
from tests.engine.conftest import (
    BRAKE_HAZARD,
    FAST_POLICY,
    MemoryKeyring,
    ReferenceServer,
    issue_server_certificate,
)


@pytest.fixture
def test_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(tmp_path: Path, authority: trustme.CA) -> Iterator[ReferenceServer]:
    certificate = issue_server_certificate(authority, tmp_path / "certificate")
    server = ReferenceServer(tmp_path / "server", certificate=certificate)
    server.start()
    yield server
    server.close()


def test_a_bad_bundle_is_refused_and_the_chosen_one_carries_a_sync_over_https(
    qtbot,
    launcher,
    data_folder: Path,
    tmp_path: Path,
    tls_server: ReferenceServer,
    authority: trustme.CA,
    test_keyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    bundle = tmp_path / "provincial-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    not_a_certificate = tmp_path / "notes.pem"
    not_a_certificate.write_text("省级证书稍后发\n", encoding="utf-8")
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.stop_automatic()
    dialog = SyncSettingsDialog(controller, "en")
    qtbot.addWidget(dialog)
    dialog.server_edit.setText(tls_server.base_url)

    dialog.ca_edit.setText(str(tmp_path / "missing.pem"))
    dialog.save()
    missing_text = dialog.error_label.text()
    dialog.ca_edit.setText(str(not_a_certificate))
    dialog.save()
    not_pem_text = dialog.error_label.text()
    dialog.ca_edit.setText(str(tmp_path))
    dialog.save()
    folder_text = dialog.error_label.text()
    refused_thrice = dialog.result() != QDialog.DialogCode.Accepted
    saved_after_refusals = controller.setting(sync_state.CA_BUNDLE)
    dialog.ca_edit.setText(str(bundle))
    dialog.save()

    assert refused_thrice and saved_after_refusals is None
    assert "does not exist" in missing_text and "holds no certificate" in not_pem_text
    assert "is a folder" in folder_text and str(tmp_path) in folder_text
    # The person is in Sync settings already: the text says what is wrong, not where to go.
    for text in (missing_text, not_pem_text, folder_text):
        assert "Sync settings" not in text, text
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert controller.setting(sync_state.CA_BUNDLE) == str(bundle)
    assert controller.setting(sync_state.SERVER_URL) == tls_server.base_url

    # The window's own run reads the saved bundle: sign-in, push and pull over HTTPS.
    controller.sign_in(tls_server.base_url, "demo-officer", DEMO_PASSWORD, lambda _r: None)
    qtbot.waitUntil(lambda: controller.status.signed_in, timeout=10_000)
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as finished:
        assert controller.start()
    assert finished.args[0].completed, finished.args[0].summary()
    assert tls_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    assert app.runner.wait_until_idle()
