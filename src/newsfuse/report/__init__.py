"""Report: store -> one self-contained HTML page.   ``write_report(store, out)``"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from newsfuse.export.snapshot import Snapshot, load
from newsfuse.report.view import report_view
from newsfuse.untrusted import content_security_policy

__all__ = ["render_report", "write_report"]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsfuse.report", "templates"),
        autoescape=True,  # document text is untrusted page content
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render_report(snap: Snapshot) -> str:
    """The report page as a string (pure: no I/O beyond the packaged template)."""
    return with_csp_meta(_environment().get_template("report.html").render(**report_view(snap)))


def with_csp_meta(html: str) -> str:
    """The page with a strict Content-Security-Policy of its own: only its inline script and style run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace("<head>", "<head>\n" + meta, 1)


def write_report(store: Any, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(load(store)), encoding="utf-8")
    return out
