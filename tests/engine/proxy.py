"""A small HTTP-aware TCP proxy on 127.0.0.1 that misbehaves on purpose.

Each request is read whole (head and Content-Length body) and handled by the first rule whose
marker occurs in the request line: ``forward`` to the server, ``drop`` (forward, let the
server commit, then cut the connection before any byte of the answer), ``hang`` (accept and
never answer), or ``answer`` a canned response (a Wi-Fi portal's page, a 426).
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass


@dataclass
class Rule:
    marker: bytes
    action: str
    times: int | None = None  # None: every time
    canned: bytes = b""


def canned_response(status: str, content_type: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class FaultyProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.rules: list[Rule] = []
        self.seen: list[bytes] = []
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def count(self, marker: bytes) -> int:
        return sum(1 for line in self.seen if marker in line)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _rule_for(self, request_line: bytes) -> Rule | None:
        for rule in self.rules:
            if rule.marker in request_line and (rule.times is None or rule.times > 0):
                if rule.times is not None:
                    rule.times -= 1
                return rule
        return None

    def _serve(self, client: socket.socket) -> None:
        with client:
            request = _read_request(client)
            if request is None:
                return
            request_line = request.split(b"\r\n", 1)[0]
            self.seen.append(request_line)
            rule = self._rule_for(request_line)
            action = rule.action if rule else "forward"
            if action == "hang":
                self._stop.wait()
                return
            if action == "answer":
                client.sendall(rule.canned)
                return
            answer = self._forward(request)
            if action == "drop":
                client.shutdown(socket.SHUT_RDWR)
                return
            client.sendall(answer)

    def _forward(self, request: bytes) -> bytes:
        head, _, body = request.partition(b"\r\n\r\n")
        lines = [
            line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")
        ]
        lines.append(b"Connection: close")
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
            upstream.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + body)
            chunks = []
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)


def _read_request(client: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body
