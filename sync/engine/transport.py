"""The HTTP side of the engine: one connection to the provincial server, on requests.

Every request has connect and read timeouts, is retried by a :class:`RetryPolicy` when the
failure is transient, and ends either in a parsed protocol message or in one of our errors
(:mod:`sync.errors`); no requests exception leaves this module. An answer that is not the
protocol's JSON (a Wi-Fi portal's page, a redirect to one) becomes
:class:`NetworkSignInRequired`, so nothing is ever applied from it.

The system proxy is honoured: with ``trust_env`` requests takes HTTP_PROXY / HTTPS_PROXY /
NO_PROXY from the environment and, on Windows, the Internet Options proxy from the registry
(through urllib). A CA bundle for the provincial PKI may be given; it is checked before the
first request and passed with every request. TLS verification is never switched off.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import requests

from sync import __version__
from sync.blobs import BlobStart, BlobStatus, ChunkAccepted
from sync.engine.retry import DEFAULT_POLICY, RETRYABLE_STATUS, RetryPolicy, parse_retry_after
from sync.errors import (
    CertificateError,
    NetworkSignInRequired,
    ProtocolError,
    ServerBusy,
    ServerRefused,
    ServerUnreachable,
    SignInRequired,
    SyncCancelled,
    SyncError,
    UpgradeRequired,
    ValidationError,
)
from sync.protocol import (
    API_PREFIX,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    Health,
    Problem,
    PullPage,
    PushRequest,
    PushResponse,
    TokenRequest,
    TokenResponse,
)

logger = logging.getLogger(__name__)

Message = TypeVar("Message", bound=pydantic.BaseModel)

PORTAL_MESSAGE_ZH = (
    "当前网络需要先登录（例如酒店或景区 Wi-Fi 的认证页面）。请打开浏览器完成网络登录后再同步；"
    "本机数据未受影响。"
)
PORTAL_MESSAGE_EN = (
    "The network needs a sign-in (captive portal), e.g. a hotel or park Wi-Fi page. Open a "
    "browser, complete the network sign-in, then sync again; nothing on this laptop changed."
)


class _Transient(Exception):
    """Internal: a failure the policy may retry; carries the error to raise at the end."""

    def __init__(self, error: SyncError, retry_after: float | None = None) -> None:
        super().__init__(error.message_en)
        self.error = error
        self.retry_after = retry_after


def portal_error() -> NetworkSignInRequired:
    return NetworkSignInRequired(PORTAL_MESSAGE_ZH, PORTAL_MESSAGE_EN)


class ServerConnection:
    """Talks protocol v1 to one server. One thread at a time; close() when done.

    ``cancelled`` is asked before every attempt: a run stops between requests, never inside
    one. ``token`` may be set after sign-in.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: str | Path | None = None,
        policy: RetryPolicy = DEFAULT_POLICY,
        cancelled: Callable[[], bool] = lambda: False,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.policy = policy
        self._cancelled = cancelled
        self._sleep = sleep
        self._session = requests.Session()
        self._session.trust_env = True

        # A path makes requests trust that bundle; True is the system's store. Never False.
        # The bundle only matters for https; over http a stale setting must not stop a run.
        if ca_bundle and self.base_url.lower().startswith("https:"):
            self._verify: str | bool = check_ca_bundle(ca_bundle)
        else:
            self._verify = True
        self._session.verify = self._verify
        self._session.headers.update(
            {
                PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                "User-Agent": f"SafeDesk/{__version__}",
                "Accept": "application/json",
            }
        )

    def close(self) -> None:
        self._session.close()

    # The protocol's calls -------------------------------------------------------------------

    def health(self) -> Health:
        return self._call("GET", "/health", Health)

    def sign_in(
        self, username: str, password: str, device_id: str, device_name: str = ""
    ) -> TokenResponse:
        """Exchange a password for a token; registers ``device_id``. Safe to retry."""
        body = TokenRequest(
            username=username,
            password=password,
            device_id=device_id,
            device_name=device_name or None,
        )
        answer = self._call(
            "POST", "/auth/token", TokenResponse, json_body=body.model_dump(mode="json")
        )
        self.token = answer.access_token
        return answer

    def push(self, request: PushRequest) -> PushResponse:
        """Send one batch. Safe to retry with the same batch (replay protection)."""
        return self._call(
            "POST", "/sync/push", PushResponse, json_body=request.model_dump(mode="json")
        )

    def pull(self, cursor: int, limit: int) -> PullPage:
        return self._call("GET", "/sync/pull", PullPage, params={"cursor": cursor, "limit": limit})

    def start_blob(self, sha256: str, size: int, media_type: str) -> BlobStatus:
        """Register a photo's upload (or learn the server has it). Safe to repeat."""
        body = BlobStart(size=size, media_type=media_type).model_dump(mode="json")
        return self._call("POST", f"/blobs/{sha256}", BlobStatus, json_body=body)

    def blob_status(self, sha256: str) -> BlobStatus:
        return self._call("GET", f"/blobs/{sha256}/status", BlobStatus)

    def put_chunk(self, sha256: str, offset: int, chunk: bytes) -> ChunkAccepted:
        """Send bytes at ``offset``. A repeat answers 409 ``wrong_offset`` (the caller asks
        the status and goes on) or, for the last chunk, ``complete``: harmless either way."""
        return self._call(
            "PUT",
            f"/blobs/{sha256}",
            ChunkAccepted,
            data=chunk,
            params={"offset": offset},
            headers={"Content-Type": "application/octet-stream"},
        )

    # Requests, retries and classification ------------------------------------------------------

    def _call(self, method: str, path: str, model: type[Message], **kwargs: Any) -> Message:
        payload = self._call_json(method, path, **kwargs)
        try:
            return model.model_validate(payload)
        except pydantic.ValidationError as error:
            logger.warning("%s %s: answer is not a valid %s", method, path, model.__name__)
            raise ProtocolError(
                "服务器的回答不符合同步协议，本次未应用任何内容。",
                "The server's answer does not fit the sync protocol; nothing was applied.",
            ) from error

    def _call_json(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        url = f"{self.base_url}{API_PREFIX}{path}"
        all_headers = dict(headers or {})
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"

        retry = 0
        while True:
            if self._cancelled():
                raise SyncCancelled("同步已取消。", "Sync cancelled.")
            try:
                return self._attempt(method, url, path, json_body, params, data, all_headers)
            except _Transient as failure:
                retry += 1
                if retry >= self.policy.attempts:
                    raise failure.error from None
                delay = self.policy.delay(retry, failure.retry_after)
                logger.info(
                    "%s %s failed (%s); retry %d of %d in %.1f s",
                    method,
                    path,
                    failure.error.message_en,
                    retry,
                    self.policy.attempts - 1,
                    delay,
                )
                self._sleep(delay)

    def _attempt(
        self,
        method: str,
        url: str,
        path: str,
        json_body: Any,
        params: dict[str, Any] | None,
        data: bytes | None,
        headers: dict[str, str],
    ) -> Any:
        started = time.monotonic()
        try:
            response = self._session.request(
                method,
                url,
                json=json_body,
                params=params,
                data=data,
                headers=headers,
                timeout=self.policy.timeout,
                # Given with each request: requests lets REQUESTS_CA_BUNDLE in the environment
                # override the session's bundle, but not one passed here.
                verify=self._verify,
                # A portal answers with a redirect to its page; never follow it.
                allow_redirects=False,
            )
            body = response.content
        except requests.exceptions.SSLError as error:
            raise _tls_failure(error) from error
        except requests.exceptions.Timeout as error:
            raise _Transient(
                _unreachable("服务器在规定时间内没有回答", "no answer in time")
            ) from error
        except requests.exceptions.RequestException as error:
            # Connection refused or reset, DNS failure, a broken chunked answer. Through a
            # proxy, a forwarded request that fails is not always a ProxyError: say both.
            logger.debug("%s %s: %s", method, path, type(error).__name__)
            if isinstance(error, requests.exceptions.ProxyError) or self._proxied(url):
                raise _Transient(
                    _unreachable("经代理服务器连接不上", "cannot connect through the proxy")
                ) from error
            raise _Transient(_unreachable("连接不上服务器", "cannot connect")) from error
        except OSError as error:
            # requests raises a bare OSError when the bundle it is told to use is not there
            # (removed since the check, or REQUESTS_CA_BUNDLE naming a missing file).
            raise CertificateError(
                "找不到用于验证服务器证书的证书文件（CA）。请在同步设置中检查证书文件"
                "（或环境变量 REQUESTS_CA_BUNDLE）。本机数据未受影响。",
                "The CA bundle for checking the server's certificate was not found. Check it "
                "in Sync settings (or the REQUESTS_CA_BUNDLE variable). Nothing on this laptop "
                "changed.",
            ) from error

        logger.debug(
            "%s %s -> %d in %.0f ms",
            method,
            path,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return _read_answer(response, body)

    def _proxied(self, url: str) -> bool:
        """Whether requests sends ``url`` through a proxy (from the environment or system)."""
        proxies = requests.utils.get_environ_proxies(url) if self._session.trust_env else {}
        return requests.utils.select_proxy(url, proxies) is not None


def check_ca_bundle(path: str | Path, *, advise: bool = True) -> str:
    """The CA bundle at ``path`` as requests takes it, or a :class:`CertificateError` saying in
    plain words what is wrong with it. Reads the file; safe on any thread.

    A file must hold at least one certificate in PEM form (what requests and OpenSSL read). A
    folder is refused: the file picker would never offer one, so a folder there is a slip. With
    ``advise`` the message also says where to put it right; the Sync settings dialog, where the
    person is already choosing the file, asks for the bare reason.
    """
    bundle = Path(path)
    if bundle.is_dir():
        problem = (
            f"证书文件（CA）{path} 是一个文件夹，不是证书文件。",
            f"The CA bundle {path} is a folder, not a certificate file.",
        )
        advice = (
            "请在同步设置中选择证书文件（.pem、.crt）。",
            "Choose the certificate file (.pem, .crt) in Sync settings.",
        )
    elif not bundle.is_file():
        problem = (f"证书文件（CA）{path} 不存在。", f"The CA bundle {path} does not exist.")
        advice = (
            "请在同步设置中重新选择，或清空以使用系统证书。",
            "Choose it again in Sync settings, or clear it to use the system certificates.",
        )
    else:
        problem = advice = None
    if problem is not None:
        raise _certificate_error(problem, advice if advise else None)

    try:
        ssl.create_default_context(cafile=str(bundle))
    except ssl.SSLError as error:
        problem = (
            f"证书文件（CA）{path} 中没有可用的证书（需要 PEM 格式）。",
            f"The CA bundle {path} holds no certificate this laptop can read (PEM format is "
            "needed).",
        )
        advice = ("请在同步设置中重新选择。", "Choose the right file in Sync settings.")
        raise _certificate_error(problem, advice if advise else None) from error
    except OSError as error:
        raise CertificateError(
            f"无法读取证书文件（CA）{path}：{error.strerror or error}。",
            f"The CA bundle {path} could not be read: {error.strerror or error}.",
        ) from error
    return str(bundle)


def _certificate_error(
    problem: tuple[str, str], advice: tuple[str, str] | None
) -> CertificateError:
    if advice is None:
        return CertificateError(*problem)
    return CertificateError(problem[0] + advice[0], f"{problem[1]} {advice[1]}")


def check_server_url(text: str) -> str:
    """The server address in ``text`` as the engine keeps it (no trailing slash), or a
    :class:`ValidationError` in plain words. Pure: reads nothing, safe on any thread.

    requests would take "127.0.0.1:9999" as a scheme named "127.0.0.1" and fail only at the
    first sync, far from where the address was typed; so the scheme and host are required.
    """
    address = text.strip().rstrip("/")
    if not address:
        raise ValidationError("请填写服务器地址。", "Fill in the server address.")
    example_zh = "例如 https://sync.example.cn 或 http://127.0.0.1:8765"
    example_en = "e.g. https://sync.example.cn or http://127.0.0.1:8765"
    parts = urllib.parse.urlsplit(address)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(
            f"服务器地址要以 http:// 或 https:// 开头，{example_zh}。",
            f"The server address must start with http:// or https://, {example_en}.",
        )
    try:
        usable = bool(parts.hostname) and parts.port != 0 and " " not in address
    except ValueError:  # a port that is no number, or past 65535
        usable = False
    if not usable:
        raise ValidationError(
            f"服务器地址中没有可用的主机名或端口，{example_zh}。",
            f"The server address has no usable host name or port, {example_en}.",
        )
    if parts.query or parts.fragment:
        raise ValidationError(
            f"服务器地址不能带“?”或“#”后面的部分，{example_zh}。",
            f"The server address cannot have a part after ? or #, {example_en}.",
        )
    return address


def _tls_failure(error: requests.exceptions.SSLError) -> SyncError | _Transient:
    """A refused certificate needs a person (a CA bundle); any other TLS failure (a reset in
    the handshake, plain http on the https port) is treated as the link failing."""
    refused = _certificate_refusal(error)
    if refused is None:
        logger.info("TLS handshake failed: %s", error)
        # Still retried like a failing link (a reset mid-handshake passes), but the words
        # point at the likelier cause: an https:// address for a server that speaks http.
        return _Transient(
            ServerUnreachable(
                "无法与服务器建立安全连接（TLS）。请在同步设置中检查服务器地址是 http:// 还是 "
                "https://。数据已保存在本机。",
                "A secure (TLS) connection to the server could not be set up. Check in Sync "
                "settings whether the server address starts with http:// or https://. "
                "Everything is kept on this laptop.",
            )
        )

    reason = refused.verify_message or "certificate verify failed"
    logger.warning("the server's certificate is not trusted: %s", reason)
    return CertificateError(
        "服务器的证书不受本机信任。如服务器使用省级证书，请在同步设置中选择省级 CA 证书文件"
        "（CA bundle）。本机数据未受影响。",
        f"The server's certificate is not trusted by this laptop ({reason}). If the server "
        "uses the province's own certificates, choose the provincial CA bundle in Sync "
        "settings. Nothing on this laptop changed.",
    )


def _certificate_refusal(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed, found in what requests and urllib3 wrapped."""
    pending: list[BaseException] = [error]
    for _ in range(20):
        if not pending:
            return None
        current = pending.pop()
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        inner = (current.__cause__, current.__context__, getattr(current, "reason", None))
        pending.extend(item for item in (*inner, *current.args) if isinstance(item, BaseException))
    return None


def _unreachable(words_zh: str, words_en: str) -> ServerUnreachable:
    return ServerUnreachable(
        f"服务器暂时无法访问（{words_zh}）。数据已保存在本机，联网后会自动同步。",
        f"The server cannot be reached ({words_en}). Everything is kept on this laptop and "
        "syncs when the link returns.",
    )


def _looks_like_json(response: requests.Response) -> bool:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def _parse(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise portal_error() from None


def _read_answer(response: requests.Response, body: bytes) -> Any:
    status = response.status_code
    if 300 <= status < 400 or status == 511:
        raise portal_error()
    if status in RETRYABLE_STATUS:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        raise _Transient(
            ServerBusy(
                f"服务器暂时无法处理（HTTP {status}），稍后会自动重试。本机数据不受影响。",
                f"The server could not handle the request (HTTP {status}); it will be retried. "
                "Nothing on this laptop is affected.",
            ),
            retry_after,
        )
    if not _looks_like_json(response):
        # A page in place of the protocol's JSON: someone else answered.
        raise portal_error()
    payload = _parse(body)
    if 200 <= status < 300:
        return payload

    problem = _problem(payload)
    if status == 401:
        raise SignInRequired(
            problem.detail_zh if problem else "请重新登录。本机数据不受影响。",
            problem.detail_en if problem else "Please sign in again; nothing here is lost.",
        )
    if status == 426:
        raise UpgradeRequired(
            "服务器需要更新版本的 SafeDesk。同步已停止，本机数据全部保留；请安装新版本。",
            "The server needs a newer SafeDesk. Sync has stopped and everything here is kept; "
            "please install the new version.",
        )
    if problem is None:
        raise ProtocolError(
            f"服务器返回了无法识别的错误（HTTP {status}）。",
            f"The server answered an error this version cannot read (HTTP {status}).",
        )
    raise ServerRefused(problem.detail_zh, problem.detail_en, code=problem.code)


def _problem(payload: Any) -> Problem | None:
    try:
        return Problem.model_validate(payload)
    except pydantic.ValidationError:
        return None
