"""Every sanitized vector in a real browser: headless Chromium must run none of them.

The page is served from 127.0.0.1. Its first script replaces ``alert``, ``confirm``,
``prompt`` and ``print`` with recorders and listens for Content-Security-Policy violations
of a report-only ``script-src 'nonce-...'`` policy, which fire for every inline script,
event handler and ``javascript:`` URL the browser tries to run, whatever it calls. After
load it fires the usual events at every element and records links whose URL the browser
reads as ``javascript:``. The log is read back with ``--dump-dom``. Every request that is
not to 127.0.0.1 goes to a dead proxy, so nothing leaves the machine.
"""

from __future__ import annotations

import html
import json
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .test_xss import sanitized_vectors

NONCE = "n0nce-newsitem"

pytestmark = pytest.mark.browser

HOOK = f"""<script nonce="{NONCE}">
window.__ran = [];
const record = (kind) => (...args) => {{ window.__ran.push(kind + ":" + args.join(",")); }};
window.alert = record("alert"); window.confirm = record("confirm");
window.prompt = record("prompt"); window.print = record("print");
document.addEventListener("securitypolicyviolation", (e) => {{
  if (!e.violatedDirective.startsWith("script-src")) return;
  window.__ran.push("csp:" + e.violatedDirective + ":" + (e.sample || e.blockedURI));
}});
window.addEventListener("load", () => {{
  const events = ["click", "dblclick", "mouseover", "mouseenter", "mousedown", "mouseup",
    "focus", "blur", "input", "change", "animationstart", "transitionend", "toggle"];
  for (const el of document.querySelectorAll("#vectors *")) {{
    for (const name of events) {{
      try {{ el.dispatchEvent(new Event(name, {{bubbles: true}})); }} catch (e) {{}}
    }}
    for (const attr of ["href", "src", "action", "formAction", "data"]) {{
      const url = el[attr];
      if (typeof url === "string" && /^\\s*(javascript|vbscript|data):/i.test(url)) {{
        window.__ran.push("url:" + el.tagName + ":" + url.slice(0, 60));
      }}
    }}
  }}
  setTimeout(() => {{
    const log = document.createElement("pre");
    log.id = "ran";
    log.textContent = JSON.stringify(window.__ran);
    document.body.appendChild(log);
  }}, 500);
}});
</script>"""

CSP_ENFORCED = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; frame-src 'none'; object-src 'none'"
)
CSP_REPORT_ONLY = f"script-src 'nonce-{NONCE}' 'report-sample'"


def page(fragments: list[str]) -> bytes:
    """An HTML page holding the hook and each fragment in its own div."""
    body = "\n".join(f"<div>{fragment}</div>" for fragment in fragments)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>xss</title>{HOOK}</head>'
        f'<body><div id="vectors">\n{body}\n</div></body></html>'
    ).encode()


@pytest.fixture(scope="module")
def serve() -> Iterator[dict[str, bytes]]:
    """An HTTP server on 127.0.0.1 serving pages from a dict, with the CSP headers."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            content = pages.get(self.path)
            if content is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", CSP_ENFORCED)
            self.send_header("Content-Security-Policy-Report-Only", CSP_REPORT_ONLY)
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pages["port"] = str(server.server_address[1]).encode()
    try:
        yield pages
    finally:
        server.shutdown()
        server.server_close()


def run_in_chromium(chromium: str, pages: dict[str, bytes], name: str, content: bytes) -> list[str]:
    """Load ``content`` in headless Chromium and return what the hook recorded."""
    pages[f"/{name}"] = content
    url = f"http://127.0.0.1:{pages['port'].decode()}/{name}"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--virtual-time-budget=5000", "--dump-dom", url,
            ],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
    marker = '<pre id="ran">'
    assert marker in done.stdout, f"the hook did not report; stderr: {done.stderr[-2000:]}"
    logged = done.stdout.split(marker, 1)[1].split("</pre>", 1)[0]
    return list(json.loads(html.unescape(logged)))


def test_hook_detects_unsanitized_vectors(chromium: str, serve: dict[str, bytes]) -> None:
    """The positive control: raw vectors do run, and the hook records them."""
    raw = [
        '<img src="/missing.png" onerror="alert(\'img\')">',
        '<p id="p" onmouseover="confirm(\'over\')">x</p>',
        "<a href=\"javascript:alert('link')\">x</a>",
        "<img src=x onerror=\"document.title='no alert called'\">",
    ]
    ran = run_in_chromium(chromium, serve, "raw.html", page(raw))
    assert "alert:img" in ran
    assert "confirm:over" in ran
    assert any(entry.startswith("url:A:javascript:") for entry in ran)
    assert any(entry.startswith("csp:script-src") and "document.title" in entry for entry in ran)


def test_no_sanitized_vector_runs_in_chromium(chromium: str, serve: dict[str, bytes]) -> None:
    """Every vector, through every policy, engine and entry point, runs nothing in Chromium."""
    fragments = sorted({str(output) for _, output in sanitized_vectors() if output})
    ran = run_in_chromium(chromium, serve, "sanitized.html", page(fragments))
    assert [] == ran
