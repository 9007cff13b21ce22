"""A small forwarding HTTP proxy on 127.0.0.1, as an office or site network puts in the way.

It forwards absolute-URI requests (``GET http://127.0.0.1:PORT/... HTTP/1.1``) and opens
``CONNECT`` tunnels for HTTPS, to 127.0.0.1 and localhost only. It writes down every request
line and tunnel, and the local port of every connection it opens to the server, so a test can
tell that the server heard nothing that did not pass through it. With ``drop=True`` it accepts
and closes every connection, as a broken proxy does.

Bounded: the accept loop and every tunnel stop on close(), after ``lifetime`` seconds, or
(tunnels) after ``idle_timeout`` seconds without a byte.
"""

from __future__ import annotations

import logging
import selectors
import socket
import threading
import time
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

ALLOWED_HOSTS = {"127.0.0.1", "localhost"}
MAX_HEAD_BYTES = 64 * 1024


class ForwardingProxy:
    def __init__(
        self, *, drop: bool = False, idle_timeout: float = 10.0, lifetime: float = 60.0
    ) -> None:
        self.drop = drop
        self.idle_timeout = idle_timeout
        self.request_lines: list[str] = []
        self.tunnels: list[str] = []
        self.upstream_ports: set[int] = set()
        self.accepted = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._deadline = time.monotonic() + lifetime
        self._handlers: list[threading.Thread] = []

        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept, name="proxy-accept", daemon=True)
        self._acceptor.start()

    def close(self) -> None:
        """Stop accepting, end every tunnel and wait for the threads (each within 5 s)."""
        self._stop.set()
        self._acceptor.join(timeout=5)
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            handler.join(timeout=5)
        self._listener.close()
        still_running = [thread.name for thread in handlers if thread.is_alive()]
        if self._acceptor.is_alive() or still_running:
            raise RuntimeError(f"proxy threads still running: {still_running}")

    def __enter__(self) -> ForwardingProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _running(self) -> bool:
        return not self._stop.is_set() and time.monotonic() < self._deadline

    # Accepting ------------------------------------------------------------------------------

    def _accept(self) -> None:
        while self._running():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.accepted += 1
                handler = threading.Thread(
                    target=self._serve,
                    args=(client,),
                    name=f"proxy-client-{self.accepted}",
                    daemon=True,
                )
                self._handlers.append(handler)
            handler.start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            if self.drop:
                return
            client.settimeout(self.idle_timeout)
            try:
                head, rest = _read_head(client)
                if head is None:
                    return
                request_line, *header_lines = head.decode("latin-1").split("\r\n")
                method, target, _version = request_line.split(" ", 2)
                if method == "CONNECT":
                    self._tunnel(client, target, rest)
                else:
                    self._forward(client, request_line, header_lines, rest)
            except OSError as error:
                logger.debug("proxy connection ended: %s", error)

    # Plain HTTP -----------------------------------------------------------------------------

    def _forward(
        self, client: socket.socket, request_line: str, header_lines: list[str], body: bytes
    ) -> None:
        method, target, version = request_line.split(" ", 2)
        parts = urlsplit(target)
        if parts.hostname not in ALLOWED_HOSTS:
            client.sendall(_refusal("403 Forbidden"))
            return
        with self._lock:
            self.request_lines.append(request_line)

        # The body arrives after the head; requests sends JSON and bytes with a length.
        length = 0
        kept = []
        for line in header_lines:
            name, _, value = line.partition(":")
            lowered = name.strip().lower()
            if lowered == "content-length":
                length = int(value.strip())
            if lowered not in ("connection", "proxy-connection", "keep-alive"):
                kept.append(line)
        while len(body) < length:
            chunk = client.recv(65536)
            if not chunk:
                return
            body += chunk

        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        head = "\r\n".join([f"{method} {path} {version}", *kept, "Connection: close"])
        with self._open_upstream(parts.hostname, parts.port or 80) as upstream:
            upstream.sendall(head.encode("latin-1") + b"\r\n\r\n" + body)
            while self._running():
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                client.sendall(chunk)

    # HTTPS tunnels --------------------------------------------------------------------------

    def _tunnel(self, client: socket.socket, target: str, early: bytes) -> None:
        host, _, port = target.rpartition(":")
        if host not in ALLOWED_HOSTS:
            client.sendall(_refusal("403 Forbidden"))
            return
        with self._lock:
            self.tunnels.append(target)
        with self._open_upstream(host, int(port)) as upstream:
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if early:
                upstream.sendall(early)
            self._pump(client, upstream)

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        """Copy bytes both ways until one side closes, the proxy stops, or nothing moves."""
        last_byte = time.monotonic()
        with selectors.DefaultSelector() as selector:
            selector.register(client, selectors.EVENT_READ, upstream)
            selector.register(upstream, selectors.EVENT_READ, client)
            while self._running():
                events = selector.select(timeout=0.1)
                if not events:
                    if time.monotonic() - last_byte > self.idle_timeout:
                        return
                    continue
                for key, _mask in events:
                    chunk = key.fileobj.recv(65536)
                    if not chunk:
                        return
                    key.data.sendall(chunk)
                last_byte = time.monotonic()

    def _open_upstream(self, host: str, port: int) -> socket.socket:
        upstream = socket.create_connection((host, port), timeout=self.idle_timeout)
        with self._lock:
            self.upstream_ports.add(upstream.getsockname()[1])
        return upstream


def _read_head(client: socket.socket) -> tuple[bytes | None, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_HEAD_BYTES:
            return None, b""
        chunk = client.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _refusal(status: str) -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
