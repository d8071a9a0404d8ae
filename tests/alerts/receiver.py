"""A real HTTP receiver on loopback (http.server in a thread) that records what it is sent."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # names in lower case: HTTP header names are case-insensitive
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def signature_is_valid(self, secret: str) -> bool:
        """Checks the signature the way docs/alerts.md tells receivers to."""
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.headers.get("x-opennps-signature", ""))


@dataclass
class Receiver:
    requests: list[Received] = field(default_factory=list)
    # Statuses to answer with, in order; when they run out, 200.
    statuses: list[int] = field(default_factory=list)
    port: int = 0

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def start_receiver() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver = Receiver()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # http.server's hook name
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with lock:
                receiver.requests.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                status = receiver.statuses.pop(0) if receiver.statuses else 200
            answer = b"ok" if status < 300 else b"receiver is down for maintenance"
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return receiver, server
