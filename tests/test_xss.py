"""The XSS corpus through every policy and both engines, judged by a browser-grade parser.

The oracle parses the sanitized output with html5lib (the WHATWG parsing algorithm, with
scripting on, as in a browser) and lists anything that could run script: a script-capable
element, an ``on*`` attribute, a ``javascript:``/``vbscript:``/``data:`` URL in a URL-bearing
attribute, ``srcdoc``, ``style`` or ``formaction``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsitem.errors import SanitizeError
from newsitem.sanitize import (
    BODY_POLICY,
    ENGINES,
    get_policy,
    linkify_text,
    sanitize_bounded_html,
    sanitize_html,
    sanitize_markdown,
    sanitize_text,
)

try:
    import html5lib
except ImportError:  # bleach carries the same parser, vendored
    from bleach._vendor import html5lib  # type: ignore[no-redef]

from .conftest import need_shared

POLICIES = ("body", "inline", "text")
BASE_URL = "https://news.example/2026/story.html"

SCRIPT_CAPABLE = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "math", "link", "meta", "base", "form", "input", "button", "textarea",
        "select", "template", "noscript", "portal", "video", "audio", "source", "track",
        "xmp", "noembed", "noframes", "plaintext", "isindex", "image", "animate", "set",
        "use", "foreignobject", "handler", "xml", "import", "marquee", "param",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "cite", "background", "poster", "data",
        "codebase", "dynsrc", "lowsrc", "longdesc", "usemap", "srcset", "ping", "manifest",
        "icon", "profile", "classid", "archive", "xlink:href", "xml:base", "lang",
        "datasrc", "content", "to", "from", "values", "by",
    }
)  # fmt: skip
NEVER_ATTRIBUTES = frozenset({"srcdoc", "style", "formaction"})
_BAD_URL = re.compile(r"(?:javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20]")
HTML_NS = "http://www.w3.org/1999/xhtml"


def executable_parts(markup: str) -> list[str]:
    """Return what in ``markup``, parsed as a browser parses it, could run script."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    fragment = parser.parseFragment(markup, container="div", scripting=True)
    problems: list[str] = []

    def walk(element: object) -> Iterator[object]:
        for child in element:  # type: ignore[attr-defined]
            if isinstance(child.tag, str):
                yield child
                yield from walk(child)

    for element in walk(fragment):
        tag: str = element.tag  # type: ignore[attr-defined]
        namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        if namespace and namespace != HTML_NS:
            problems.append(f"foreign element <{name}> in {namespace}")
        if name.lower() in SCRIPT_CAPABLE:
            problems.append(f"script-capable element <{name}>")
        for key, value in element.attrib.items():  # type: ignore[attr-defined]
            attribute = key.rpartition("}")[2].lower() if key.startswith("{") else key.lower()
            if attribute.startswith("on"):
                problems.append(f"event handler {attribute}={value!r} on <{name}>")
            if attribute in NEVER_ATTRIBUTES:
                problems.append(f"{attribute}={value!r} on <{name}>")
            if (attribute in URL_ATTRIBUTES or key != attribute) and _BAD_URL.match(
                _URL_NOISE.sub("", value)
            ):
                problems.append(f"script URL {attribute}={value!r} on <{name}>")
    return problems


@cache
def vectors() -> tuple[tuple[str, str], ...]:
    """Every attack string of the shared corpus, as ``(id, payload)``."""
    root = need_shared() / "xss"
    found: list[tuple[str, str]] = []
    owasp = json.loads((root / "owasp" / "xss_filter_evasion.json").read_text("utf-8"))
    found += [(f"owasp-{v['id']}", v["payload"]) for v in owasp["vectors"]]
    found += [
        (f"owasp-lt-{i}", f"{lt}img src=x onerror=alert(1)>{lt}script>alert(2){lt}/script>")
        for i, lt in enumerate(owasp["lt_escape_sequences"])
    ]
    found += [
        (f"owasp-on-{name}", f'<img src="x" {name}="alert(1)"><a href="/" {name}=alert(2)>a</a>')
        for name in owasp["event_handlers"]
    ]
    dompurify = json.loads((root / "dompurify" / "expect_payloads.json").read_text("utf-8"))
    found += [(f"dompurify-{v['id']}", v["payload"]) for v in dompurify["vectors"]]
    bleach = json.loads((root / "bleach" / "regression_data.json").read_text("utf-8"))
    found += [(f"bleach-{v['file']}", v["payload"]) for v in bleach["vectors"]]
    return tuple(found)


def sanitized_vectors() -> Iterator[tuple[str, str]]:
    """Every vector through every policy, engine and entry point, as ``(label, output)``."""
    for vector_id, payload in vectors():
        for policy in POLICIES:
            for engine in ENGINES:
                for base_url in (None, BASE_URL):
                    label = f"{vector_id}/{policy}/{engine}/{base_url is not None}"
                    yield (
                        label,
                        sanitize_html(payload, policy=policy, engine=engine, base_url=base_url),
                    )
            yield f"{vector_id}/{policy}/markdown", _markdown(payload, policy)
            yield f"{vector_id}/{policy}/linkify", linkify_text(payload, policy=policy)
        yield f"{vector_id}/text", sanitize_text(payload)


def _markdown(payload: str, policy: str) -> str:
    try:
        return sanitize_markdown(payload, policy=policy, base_url=BASE_URL)
    except SanitizeError:
        return ""


# -- the oracle can fail ----------------------------------------------------------------

UNSAFE = [
    '<img src="x" onerror="alert(1)">',
    "<script>alert(1)</script>",
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<svg><a xlink:href='javascript:alert(1)'>x</a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<button formaction="javascript:alert(1)">x</button>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
]


@pytest.mark.parametrize("markup", UNSAFE)
def test_oracle_flags_unsafe_markup(markup: str) -> None:
    """The oracle reports deliberately unsafe markup, so it cannot pass by accident."""
    assert executable_parts(markup) != []


def test_oracle_accepts_safe_markup() -> None:
    """The oracle reports nothing for plain, harmless markup."""
    markup = '<p>Hi <a href="https://a.example/" title="javascript: a talk">x</a></p>'
    assert [] == executable_parts(markup)


def test_corpus_is_complete() -> None:
    """All 376 payloads of the shared corpus, plus the generated ones, are loaded."""
    ids = [vector_id for vector_id, _ in vectors()]
    assert 376 + 70 + 105 == len(ids)
    assert len(ids) == len(set(ids))


def test_unsanitized_corpus_is_flagged_by_the_oracle() -> None:
    """Most raw vectors are flagged: the oracle really looks at what the corpus attacks."""
    flagged = sum(1 for _, payload in vectors() if executable_parts(payload))
    assert flagged > len(vectors()) // 2


# -- the proof --------------------------------------------------------------------------


def test_no_sanitized_vector_can_run_script() -> None:
    """No vector, through any policy, engine or entry point, leaves anything executable."""
    problems = {
        label: found for label, output in sanitized_vectors() if (found := executable_parts(output))
    }
    assert {} == problems


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_sanitizing_vectors_is_idempotent(engine: str) -> None:
    """Sanitizing any vector's output again, with the same arguments, changes nothing."""
    changed = []
    for vector_id, payload in vectors():
        for policy in POLICIES:
            once = sanitize_html(payload, policy=policy, engine=engine, base_url=BASE_URL)
            twice = sanitize_html(once, policy=policy, engine=engine, base_url=BASE_URL)
            if once != twice:
                changed.append((vector_id, policy, str(once), str(twice)))
    assert [] == changed


# -- random markup from dangerous pieces ------------------------------------------------

PIECES = [
    "<script>", "</script>", "<svg>", "</svg>", "<math>", "<mtext>", "<mglyph>", "<style>",
    "</style>", "<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>", "</a>",
    "<noscript>", "</noscript>", "<template>", "<iframe srcdoc='<script>alert(1)</script>'>",
    "<!--", "-->", "<![CDATA[", "]]>", "<p title='", "'>", '"', "<table>", "<td>", "<select>",
    "<textarea>", "</textarea>", "<title>", "</title>", "<xmp>", "</xmp>", "<b>", "</p>",
    "<form><button formaction=javascript:alert(1)>", "<object data=javascript:alert(1)>",
    "&lt;script&gt;", "java\tscript:", "<a href=", "<p style=x:expression(alert(1))>",
    "<foreignObject>", "<desc>", "<annotation-xml encoding='text/html'>", "<plaintext>",
    "alert(1)", " ", "\n", "<", ">", "=", "/", "x",
]  # fmt: skip
dangerous_markup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(markup=dangerous_markup, policy=st.sampled_from(POLICIES))
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_random_dangerous_markup_never_yields_executable_output(
    engine: str, markup: str, policy: str
) -> None:
    """Markup assembled at random from dangerous pieces never sanitizes to anything executable."""
    try:
        output = sanitize_html(markup, policy=policy, engine=engine, base_url=BASE_URL)
    except SanitizeError:  # refusing ambiguous markup is a safe answer
        return
    assert [] == executable_parts(output)


@given(markup=dangerous_markup, policy=st.sampled_from(POLICIES))
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_sanitizing_twice_equals_sanitizing_once(engine: str, markup: str, policy: str) -> None:
    """sanitize_html is idempotent on random dangerous markup, for each engine."""
    try:
        once = sanitize_html(markup, policy=policy, engine=engine, base_url=BASE_URL)
    except SanitizeError:  # refused input has no output to sanitize again
        return
    assert once == sanitize_html(once, policy=policy, engine=engine, base_url=BASE_URL)


@given(text=st.text())
def test_sanitize_text_is_what_the_text_policy_gives(text: str) -> None:
    """Escaped plain text is a fixed point of the text policy, so stored text survives reloads."""
    escaped = sanitize_text(text)
    assert escaped == sanitize_html(escaped, policy="text")


def test_default_body_policy_is_the_body_policy() -> None:
    """The default policy of sanitize_html is BODY_POLICY."""
    markup = "<h2>x</h2><div>y</div>"
    assert sanitize_html(markup, policy=BODY_POLICY) == sanitize_html(markup)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_bounded_entry_gives_what_sanitize_html_gives(engine: str) -> None:
    """The parser's entry to the sanitizer, which skips the limits pre-scan on plain
    markup, returns for every vector, policy and engine exactly what sanitize_html
    returns, or refuses it alike."""
    pairs = " ".join(f"x{n}=1" for n in range(40))
    over_limits = (
        ("attributes-in-a-name", f'<span a ==" {pairs}">x</span>'),
        ("attributes-unquoted", f"<b {pairs}>y</b>"),
    )
    different = []
    for vector_id, payload in (*vectors(), *over_limits):
        for policy in POLICIES:
            chosen = get_policy(policy)
            try:
                expected: str | None = sanitize_html(
                    payload, policy=chosen, base_url=BASE_URL, engine=engine
                )
            except SanitizeError:
                expected = None
            try:
                found: str | None = sanitize_bounded_html(
                    payload, policy=chosen, base_url=BASE_URL, engine=engine
                )
            except SanitizeError:
                found = None
            if found != expected:
                different.append(f"{vector_id}/{policy}")
    assert [] == different
