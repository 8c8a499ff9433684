"""Checks on every HTTP request before any route runs: Host, URL and body size, control characters.

- **Host** (DNS rebinding): a page on `evil.example` whose name now resolves to 127.0.0.1 makes
  the browser send `Host: evil.example`; only the names in `Settings.host_allow_list` are
  answered (400 otherwise; `EUCAN_ALLOWED_HOSTS=*` turns the check off, e.g. behind a proxy that
  checks Host itself). No request is exempt: the client address can be rewritten from
  `X-Forwarded-For` by a proxy-headers layer, which a rebinding page could set itself.
- **Sizes**: a query string longer than `max_query_string_bytes` is a 414; a body longer than
  `max_body_bytes` is a 413, from `Content-Length` before reading, or while reading a chunked body.
- **Control characters**: NUL and other C0/DEL characters (tab, line feed and carriage return
  allowed) in the path or a query parameter are a 422 naming the parameter.

Every refusal uses the one error shape (`eucan.api.errors.error_response`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eucan.api.errors import error_response
from eucan.echo import clip
from eucan.settings import Settings

__all__ = ["CONTROL", "RequestLimits"]

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _BodyTooLarge(HTTPException):
    pass


def _host_name(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"host":
            host: str = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                return host[: host.find("]") + 1] if "]" in host else host
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


class RequestLimits:
    """ASGI middleware applying the checks above with limits from `settings`."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.max_body = settings.max_body_bytes
        self.max_query = settings.max_query_string_bytes
        allowed = settings.host_allow_list
        self.any_host = "*" in allowed
        self.hosts = {h.lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            status, message = refusal
            await error_response(status, message)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge(413, self._too_large())
            return message

        await self.app(scope, limited, send)

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body:,} bytes (setting EUCAN_MAX_BODY_BYTES)"

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        if not self.any_host:
            host = _host_name(scope)
            if host not in self.hosts:
                return 400, (
                    f"this server does not answer for Host {clip(host)}; it answers for "
                    f"{', '.join(sorted(self.hosts))} (setting EUCAN_ALLOWED_HOSTS)"
                )
        query: bytes = scope.get("query_string", b"")
        if len(query) > self.max_query:
            return 414, (
                f"the query string is {len(query):,} bytes; the limit is {self.max_query:,} "
                "(setting EUCAN_MAX_QUERY_STRING_BYTES): send long SPARQL queries with POST"
            )
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            return 413, self._too_large()
        path: str = scope.get("path", "")
        if CONTROL.search(path):
            return 422, f"the path holds a control character: {clip(path)}"
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="utf-8"):
            for part, what in ((name, "name"), (value, "value")):
                found = CONTROL.search(part)
                if found:
                    return 422, (
                        f"parameter {clip(name)}: the {what} holds a control character "
                        f"(U+{ord(found.group(0)):04X}), which no id or text here contains"
                    )
        return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
