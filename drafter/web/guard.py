"""Who may talk to the local server: this machine, through the address it printed.

Bound to 127.0.0.1 is not enough on its own: a web page the clerk visits could make the
browser send requests to it (DNS rebinding, cross-site form posts). So every request must
name our own host, come from our own origin, and carry the per-run token (in the URL the
CLI printed once, then in a cookie), and bodies are size-limited before they are read.
"""
from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

LOCAL_HOSTS = ("127.0.0.1", "localhost")


def cookie_name(port: int | None) -> str:
    # Cookies ignore ports: two servers on one machine must not read each other's token.
    return f"drafter_token_{port or 0}"


class Guard:
    """ASGI middleware: Host, Origin, token and body size checks in front of every route."""

    def __init__(self, app, token: str, port: int | None, max_body: int):
        self.app = app
        self.token = token
        self.port = port
        self.max_body = max_body
        self.cookie = cookie_name(port)

    def _host_ok(self, host: str) -> bool:
        name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
        if name not in LOCAL_HOSTS:
            return False
        return self.port is None or port == str(self.port)

    def _origin_ok(self, origin: str) -> bool:
        if origin.startswith("http://"):
            return self._host_ok(origin[len("http://"):].rstrip("/"))
        return False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if not self._host_ok(headers.get("host", "")):
            return await _refuse(send, 403, "拒绝访问：请求的主机名不是本机（127.0.0.1）。")
        origin = headers.get("origin")
        if origin is not None and not self._origin_ok(origin):
            return await _refuse(send, 403, "拒绝访问：请求来自其他网站。")
        if headers.get("sec-fetch-site") == "cross-site":
            return await _refuse(send, 403, "拒绝访问：请求来自其他网站。")
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token")
        if given is not None and scope["method"] == "GET":
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return await _refuse(send, 403, "访问口令不对：请使用 drafter serve 打印的完整地址打开本页。")
            rest = {k: v for k, v in query.items() if k != "token"}
            location = scope["path"] + ("?" + urlencode(rest) if rest else "")
            return await _redirect(send, location, f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict")
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:
            cookies = SimpleCookie()
        have = cookies[self.cookie].value if self.cookie in cookies else headers.get("x-drafter-token", "")
        if not hmac.compare_digest(have.encode(), self.token.encode()):
            return await _refuse(send, 403, "需要访问口令：请使用 drafter serve 打印的完整地址（含 token）打开本页。")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _refuse(send, 413, f"请求内容过大（上限 {self.max_body // 1024} KB）。")
        return await self.app(scope, _limited(receive, self.max_body), _with_headers(send))


def _limited(receive, limit: int):
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return wrapped


class BodyTooLarge(Exception):
    """A chunked body went past the limit (turned into 413 by the app's handler)."""


_SECURITY_HEADERS = [
    # inline <style> comes with the preview fragment (the HTML writer's scoped CSS); scripts only from here
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                 b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _with_headers(send):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = list(message.get("headers", [])) + _SECURITY_HEADERS
        await send(message)

    return wrapped


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send, location: str, cookie: str) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("latin-1")),
                            (b"content-length", b"0")] + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": b""})
