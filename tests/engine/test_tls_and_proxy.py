"""HTTPS with the provincial CA bundle, and the system proxy (#4).

The reference server speaks TLS with a certificate for 127.0.0.1 issued by a throwaway CA
(trustme), which no system store trusts: only the CA bundle setting makes it trusted. The proxy
is a real forwarding proxy on 127.0.0.1 reached through HTTP_PROXY / HTTPS_PROXY, as requests
finds the system proxy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import certifi
import pytest
import requests
import trustme
from sqlalchemy import func, select

from sync.daily_checks import store_photo
from sync.demo import DEMO_PASSWORD
from sync.engine import state
from sync.engine.transport import ServerConnection
from sync.errors import CertificateError, ServerUnreachable
from sync.store.models import DailyCheck, OutboxEntry, Photo
from tests.engine.conftest import (
    GONDOLA,
    Laptop,
    ReferenceServer,
    free_port,
    issue_server_certificate,
)
from tests.engine.forward_proxy import ForwardingProxy
from tests.record_factories import add_daily_check

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 3, 12)
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")


class PeerRecorder:
    """Wraps the server's ASGI app and writes down the client port of every request."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.peer_ports: list[int] = []

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("client"):
            self.peer_ports.append(scope["client"][1])
        await self.app(scope, receive, send)


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy and no CA override from the machine running the tests; each test sets its own."""
    for name in PROXY_VARIABLES + CA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA(organization_name="Sichuan provincial test CA")


@pytest.fixture
def ca_bundle(tmp_path: Path, authority: trustme.CA) -> Path:
    path = tmp_path / "provincial-ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def tls_server(tmp_path: Path, authority: trustme.CA) -> Iterator[ReferenceServer]:
    certificate = issue_server_certificate(authority, tmp_path / "certificate")
    server = ReferenceServer(tmp_path / "tls-server", certificate=certificate)
    server.app = PeerRecorder(server.app)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def sent_verify(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The ``verify`` value of every request requests actually sends."""
    seen: list[Any] = []
    send = requests.adapters.HTTPAdapter.send

    def spy(adapter: requests.adapters.HTTPAdapter, request: Any, **options: Any) -> Any:
        seen.append(options.get("verify"))
        return send(adapter, request, **options)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", spy)
    return seen


def _set_bundle(laptop: Laptop, bundle: Path | str | None) -> None:
    with laptop.store.session() as session:
        state.write(session, state.CA_BUNDLE, str(bundle) if bundle else None)


def _waiting(laptop: Laptop) -> int:
    with laptop.store.session() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry))


def _check_state(laptop: Laptop, check_id: str) -> str:
    with laptop.store.session() as session:
        return session.get(DailyCheck, check_id).sync_state


def _server_has(server: ReferenceServer, check_id: str) -> bool:
    return any(row.id == check_id for row in server.records("daily_check"))


# TLS with the CA bundle -------------------------------------------------------------------------


def test_with_the_ca_bundle_a_run_over_https_signs_in_pushes_uploads_and_pulls(
    tmp_path: Path, tls_server: ReferenceServer, ca_bundle: Path, sent_verify: list[Any]
) -> None:
    laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
    _set_bundle(laptop, ca_bundle)
    laptop.sign_in()
    assert laptop.sync().pulled > 0
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)
    picture = tmp_path / "brake.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(40_000))
    photo = store_photo(laptop.store, picture)

    result = laptop.sync(chunk_size=16_384)

    assert tls_server.base_url.startswith("https://")
    assert result.completed, result.summary()
    assert result.pushed >= 1 and result.uploaded == 1
    assert _server_has(tls_server, check_id)
    assert _check_state(laptop, check_id) == "synced"
    with laptop.store.session() as session:
        assert session.get(Photo, photo.sha256).uploaded
    # Sign-in, push, each photo chunk and the pull all checked the server against the bundle.
    assert len(sent_verify) >= 6
    assert set(sent_verify) == {str(ca_bundle)}
    laptop.close()


def test_the_bundle_setting_wins_over_requests_ca_bundle_in_the_environment(
    tmp_path: Path,
    tls_server: ReferenceServer,
    ca_bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A machine-wide REQUESTS_CA_BUNDLE (set by some other tool) must not replace the bundle
    # the person chose in the settings.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
    _set_bundle(laptop, ca_bundle)

    laptop.sign_in()
    result = laptop.sync()

    assert result.completed, result.summary()
    laptop.close()


def test_without_the_bundle_the_certificate_is_not_trusted_and_nothing_is_lost(
    tmp_path: Path, tls_server: ReferenceServer, ca_bundle: Path, sent_verify: list[Any]
) -> None:
    laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
    _set_bundle(laptop, ca_bundle)
    laptop.sign_in()
    assert laptop.sync().completed
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)
    waiting = _waiting(laptop)
    _set_bundle(laptop, None)
    sent_verify.clear()
    heard_before = len(tls_server.app.peer_ports)

    result = laptop.sync()

    assert not result.completed
    assert isinstance(result.error, CertificateError)
    assert "not trusted" in result.error.message_en
    assert "CA bundle" in result.error.message_en
    assert "不受本机信任" in result.error.message
    assert "pushed 0" in result.summary() and "stopped:" in result.summary()
    # System trust only, and never a request without verification; the server heard nothing.
    assert sent_verify and set(sent_verify) == {True}
    assert len(tls_server.app.peer_ports) == heard_before
    assert _waiting(laptop) == waiting > 0
    assert _check_state(laptop, check_id) != "synced"
    assert not _server_has(tls_server, check_id)

    # A sign-in without the bundle is refused the same way, before any password is sent.
    with pytest.raises(CertificateError) as refused:
        laptop.sign_in()
    assert "not trusted" in refused.value.message_en
    laptop.close()


@pytest.mark.parametrize("problem", ["missing", "not_pem", "empty", "folder"])
def test_a_bundle_that_is_not_a_certificate_file_is_a_plain_error(
    tmp_path: Path, tls_server: ReferenceServer, ca_bundle: Path, problem: str
) -> None:
    laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
    _set_bundle(laptop, ca_bundle)
    laptop.sign_in()
    assert laptop.sync().completed
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)
    waiting = _waiting(laptop)
    bad = tmp_path / "bundle.pem"
    if problem == "not_pem":
        bad.write_text("这不是证书\nnot a certificate either\n", encoding="utf-8")
    elif problem == "empty":
        bad.write_bytes(b"")
    elif problem == "folder":
        bad.mkdir()
    _set_bundle(laptop, bad)

    result = laptop.sync()

    assert isinstance(result.error, CertificateError)
    expected = {"missing": "does not exist", "folder": "is a folder"}.get(
        problem, "holds no certificate"
    )
    assert expected in result.error.message_en
    assert str(bad) in result.error.message_en
    assert "Sync settings" in result.error.message_en
    assert _waiting(laptop) == waiting > 0
    assert not _server_has(tls_server, check_id)
    laptop.close()


def test_a_missing_requests_ca_bundle_from_the_environment_is_a_plain_error(
    tmp_path: Path, tls_server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "gone.pem"))

    with pytest.raises(CertificateError) as refused:
        laptop.sign_in()

    assert "REQUESTS_CA_BUNDLE" in refused.value.message_en
    laptop.close()


def test_https_to_a_plain_http_server_is_a_failed_link_not_a_certificate(
    tmp_path: Path, reference_server: ReferenceServer, ca_bundle: Path
) -> None:
    wrong_scheme = reference_server.base_url.replace("http://", "https://")
    laptop = Laptop(tmp_path / "laptop", wrong_scheme)
    _set_bundle(laptop, ca_bundle)

    with pytest.raises(ServerUnreachable) as failed:
        laptop.sign_in()

    assert "secure (TLS) connection" in failed.value.message_en
    # Not "temporarily unreachable": the address itself is the likely fault.
    assert "http:// or https://" in failed.value.message_en
    assert "安全连接" in failed.value.message and "暂时" not in failed.value.message
    laptop.close()


def test_the_connection_always_verifies(ca_bundle: Path) -> None:
    system = ServerConnection("https://127.0.0.1:1")
    provincial = ServerConnection("https://127.0.0.1:1", ca_bundle=ca_bundle)
    try:
        assert system._session.verify is True and system._session.trust_env is True
        assert provincial._session.verify == str(ca_bundle)
        assert provincial._session.trust_env is True
    finally:
        system.close()
        provincial.close()


def test_no_code_switches_verification_or_the_environment_off() -> None:
    switched_off = re.compile(
        r"verify\s*=\s*False|trust_env\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False"
        r"|_create_unverified_context|disable_warnings"
    )
    offenders = []
    for package in ("sync", "desktop", "tools", "installer"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if switched_off.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")

    assert (ROOT / "sync" / "engine" / "transport.py").is_file()
    assert offenders == []


# The headless command -------------------------------------------------------------------------


def _run_cli(folder: Path, server_url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name.upper() not in PROXY_VARIABLES + CA_VARIABLES
    }
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    command = [sys.executable, "-m", "desktop", "sync", "--data-dir", str(folder)]
    command += ["--server", server_url, "--user", "demo-officer", *extra]
    return subprocess.run(
        command,
        input=DEMO_PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=False,
    )


def test_headless_sync_takes_the_bundle_keeps_it_and_refuses_a_bad_one(
    tmp_path: Path, tls_server: ReferenceServer, ca_bundle: Path
) -> None:
    folder = tmp_path / "headless"

    untrusted = _run_cli(folder, tls_server.base_url)
    first = _run_cli(folder, tls_server.base_url, "--ca-bundle", str(ca_bundle))
    again = _run_cli(folder, tls_server.base_url)
    missing = _run_cli(folder, tls_server.base_url, "--ca-bundle", str(tmp_path / "nope.pem"))

    assert untrusted.returncode == 1
    assert "not trusted" in untrusted.stderr and "--ca-bundle" in untrusted.stderr
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("pushed 0, uploaded 0, pulled ")
    # The second run finds the bundle saved by the first.
    assert again.returncode == 0, again.stderr
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    laptop = Laptop(folder, tls_server.base_url)
    with laptop.store.session() as session:
        assert state.read(session, state.CA_BUNDLE) == str(ca_bundle)
    laptop.close()


# The system proxy -------------------------------------------------------------------------------


def _use_proxy(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, url)
        monkeypatch.setenv(name.lower(), url)
    # 127.0.0.1 must not be exempted, or the proxy would never be asked.
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.setenv("no_proxy", "")


def test_plain_http_goes_through_the_environment_proxy(
    tmp_path: Path, reference_server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = PeerRecorder(reference_server.app)
    reference_server.stop()
    reference_server.app = recorder
    reference_server.start()
    with ForwardingProxy() as proxy:
        _use_proxy(monkeypatch, proxy.url)
        laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
        laptop.sign_in()
        assert laptop.sync().completed
        check_id = add_daily_check(laptop.store, GONDOLA, DAY)

        result = laptop.sync()
        laptop.close()

    assert result.completed, result.summary()
    assert _server_has(reference_server, check_id)
    prefix = f"http://127.0.0.1:{reference_server.port}/api/v1/"
    assert any(line.startswith(f"POST {prefix}auth/token ") for line in proxy.request_lines)
    assert any(line.startswith(f"POST {prefix}sync/push ") for line in proxy.request_lines)
    assert any(line.startswith(f"GET {prefix}sync/pull?") for line in proxy.request_lines)
    # Every request the server heard came from one of the proxy's own connections.
    assert len(recorder.peer_ports) == len(proxy.request_lines) >= 3
    assert set(recorder.peer_ports) <= proxy.upstream_ports


def test_https_goes_through_a_connect_tunnel_and_still_checks_the_bundle(
    tmp_path: Path,
    tls_server: ReferenceServer,
    ca_bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ForwardingProxy() as proxy:
        _use_proxy(monkeypatch, proxy.url)
        laptop = Laptop(tmp_path / "laptop", tls_server.base_url)
        _set_bundle(laptop, ca_bundle)
        laptop.sign_in()
        assert laptop.sync().completed
        check_id = add_daily_check(laptop.store, GONDOLA, DAY)

        result = laptop.sync()

        _set_bundle(laptop, None)
        untrusted = laptop.sync()
        laptop.close()

    assert result.completed, result.summary()
    assert _server_has(tls_server, check_id)
    assert proxy.request_lines == []  # HTTPS never shows the proxy a request line
    assert proxy.tunnels and set(proxy.tunnels) == {f"127.0.0.1:{tls_server.port}"}
    assert tls_server.app.peer_ports
    assert set(tls_server.app.peer_ports) <= proxy.upstream_ports
    # The tunnel does not loosen the check: without the bundle the certificate is refused.
    assert isinstance(untrusted.error, CertificateError)


@pytest.mark.parametrize("kind", ["refused", "dropped"])
def test_a_proxy_that_refuses_or_drops_is_unreachable_in_plain_words(
    tmp_path: Path,
    reference_server: ReferenceServer,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
    laptop.sign_in()
    assert laptop.sync().completed
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)
    waiting = _waiting(laptop)
    proxy = ForwardingProxy(drop=True) if kind == "dropped" else None
    _use_proxy(monkeypatch, proxy.url if proxy else f"http://127.0.0.1:{free_port()}")

    try:
        result = laptop.sync()
    finally:
        if proxy is not None:
            proxy.close()

    assert isinstance(result.error, ServerUnreachable)
    assert "proxy" in result.error.message_en
    assert "kept on this laptop" in result.error.message_en
    assert "代理" in result.error.message
    if proxy is not None:
        assert proxy.accepted >= 1
    assert _waiting(laptop) == waiting > 0
    assert _check_state(laptop, check_id) != "synced"
    assert not _server_has(reference_server, check_id)
    laptop.close()
