"""Browser-facing defences of the API: Host header check and security headers on every response.

The Host check stops DNS rebinding (a web page on another site resolving its own name to
127.0.0.1 to read the local API); the headers keep the page's own scripts the only ones
that run (Content-Security-Policy by hash), forbid framing and MIME sniffing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsfuse.untrusted import content_security_policy

# Loopback names, and the name Starlette's in-process TestClient sends (no public DNS resolves it).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1", "testserver")
# Swagger UI and ReDoc pages (FastAPI's /docs, /redoc) load their code from this CDN.
_DOCS_CDN = ("https://cdn.jsdelivr.net", "https://fastapi.tiangolo.com")
_NOT_HTML_CSP = "default-src 'none'; frame-ancestors 'none'"
HEADERS = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def allowed_hosts(extra: Iterable[str] = ()) -> list[str]:
    """Host names the API answers to: loopback, plus the ones the user serves it under."""
    wildcard = {"0.0.0.0", "::", ""}
    return list(dict.fromkeys([*LOCAL_HOSTS, *(h for h in extra if h not in wildcard)]))


def secure(app: FastAPI, hosts: Sequence[str]) -> FastAPI:
    """Add the Host check and the security headers to ``app``."""
    docs = {p for p in (app.docs_url, app.redoc_url) if p}

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        if not response.headers.get("content-type", "").startswith("text/html"):
            response.headers.update({**HEADERS, "Content-Security-Policy": _NOT_HTML_CSP})
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        html = body.decode(response.charset or "utf-8", "replace")
        extra = _DOCS_CDN if request.url.path in docs else ()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers.update({**HEADERS, "Content-Security-Policy": content_security_policy(html, same_origin=True, allow_from=extra)})
        return Response(body, status_code=response.status_code, headers=headers, media_type=response.media_type)

    # added last, so it runs first: a request with a foreign Host gets 400 before any route
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    return app
