"""A real HTTP server on 127.0.0.1 that serves feed files for tests.

Each route has a body, headers and a behaviour (status, delay, a redirect, a slow drip, a
generated body of any size sent without Content-Length). ETag and Last-Modified are honoured,
so conditional GET gets a real 304. Every request is recorded.
"""

from __future__ import annotations

import hashlib
import email.utils
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0
    extra_headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True  # send ETag / Last-Modified and honour conditional requests
    last_modified: float = field(default_factory=time.time)
    location: str | None = None  # with a 3xx status: where to
    drip_s: float = 0.0  # send the body a byte at a time, sleeping this long between bytes
    generate: int = 0  # send this many bytes of filler instead of the body, without Content-Length

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.active = 0  # responses being streamed right now (slow drips)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                self._respond(server.routes.get(self.path.split("?")[0]))

            def _record(self, status: int) -> None:
                # before the response goes out: a client that has read it may look at once (a
                # request recorded after the send raced the test's check; seen in CI)
                server.requests.append(Request(self.path, dict(self.headers), status))

            def _respond(self, route: Route | None) -> int:
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return 404
                if route.delay_s:
                    time.sleep(route.delay_s)
                if route.location:
                    self._send(route.status, b"", None, {"Location": route.location, **route.extra_headers})
                    return route.status
                if route.status != 200:
                    self._send(route.status, b"server error", "text/plain", route.extra_headers)
                    return route.status
                if route.drip_s or route.generate:
                    self._stream(route)
                    return 200
                headers = dict(route.extra_headers)
                if route.validators:
                    last_modified = email.utils.formatdate(route.last_modified, usegmt=True)
                    headers.update({"ETag": route.etag, "Last-Modified": last_modified})
                    if self.headers.get("If-None-Match") == route.etag or (
                        "If-None-Match" not in self.headers
                        and self.headers.get("If-Modified-Since") == last_modified
                    ):
                        self._send(304, b"", None, headers)
                        return 304
                self._send(200, route.body, route.content_type, headers)
                return 200

            def _send(self, status: int, body: bytes, content_type: str | None,
                      headers: dict[str, str] | None = None) -> None:
                self._record(status)
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def _stream(self, route: Route) -> None:
                server.active += 1
                self._record(200)
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    if route.generate:
                        chunk = b"<!-- filler -->" * 4096
                        for _ in range(route.generate // len(chunk) + 1):
                            self.wfile.write(chunk)
                    else:
                        for i in range(len(route.body)):
                            self.wfile.write(route.body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(route.drip_s)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (caps, deadlines)
                finally:
                    server.active -= 1
                self.close_connection = True

        ThreadingHTTPServer.request_queue_size = 128  # many feeds are fetched at once
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def update(self, path: str, body: bytes | str) -> None:
        route = self.routes[path]
        route.body = body.encode("utf-8") if isinstance(body, str) else body
        route.last_modified = time.time() + 1  # a new second: a new Last-Modified

    def statuses(self, path: str) -> list[int]:
        return [r.status for r in self.requests if r.path == path]

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
