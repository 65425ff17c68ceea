"""The sanitizer's public API: policies, URLs, limits, engines, Markdown, video players."""

from __future__ import annotations

import pickle
import re
import time
import urllib.parse

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsitem import render
from newsitem._markup import SafeHTML
from newsitem._video_providers import PROVIDERS, VIDEO_HOST_WORDS, VIDEO_URL
from newsitem.errors import PolicyError, SanitizeError, UnknownFormatError, ValidationError
from newsitem.sanitize import (
    BODY_POLICY,
    ENGINES,
    INLINE_POLICY,
    TEXT_POLICY,
    Policy,
    get_policy,
    linkify_text,
    sanitize_bounded_html,
    sanitize_html,
    sanitize_markdown,
    sanitize_text,
    video_player,
    video_source,
)
from newsitem.sanitize._limits import check_limits, check_limits_fully, fits_quickly
from newsitem.sanitize._urls import clean_url

try:
    import html5lib
except ImportError:  # bleach carries the same parser, vendored
    from bleach._vendor import html5lib  # type: ignore[no-redef]

BASE = "https://news.example/world/2026/story.html"
REL = "noopener noreferrer nofollow"


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> str:
    """Each sanitizer engine by name."""
    return str(request.param)


# -- policies ---------------------------------------------------------------------------


def test_get_policy_returns_the_built_in_policies() -> None:
    """The three built-in policies are found by name."""
    expected = [BODY_POLICY, INLINE_POLICY, TEXT_POLICY]
    assert expected == [get_policy("body"), get_policy("inline"), get_policy("text")]


def test_get_policy_rejects_unknown_names_listing_the_known() -> None:
    """An unknown policy name raises UnknownFormatError naming the known policies."""
    with pytest.raises(UnknownFormatError) as caught:
        get_policy("comment")
    assert ("body", "inline", "text") == caught.value.known
    assert "comment" == caught.value.name


def test_unknown_engine_is_an_unknown_format_error() -> None:
    """An unknown engine name raises UnknownFormatError listing nh3 and bleach."""
    with pytest.raises(UnknownFormatError, match="bleach, nh3"):
        sanitize_html("x", engine="lxml")


def test_body_policy_has_the_issue_elements() -> None:
    """The body policy allows exactly the elements the issue lists."""
    expected = {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "q", "cite", "figure",
        "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
        "td", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "mark", "small",
        "code", "pre", "time", "abbr", "br", "hr",
    }  # fmt: skip
    assert expected == set(BODY_POLICY.tags)


def test_inline_policy_has_the_issue_elements() -> None:
    """The inline policy allows links, emphasis, line breaks and code only."""
    assert {"a", "em", "strong", "b", "i", "br", "code"} == set(INLINE_POLICY.tags)


@pytest.mark.parametrize(
    "changes",
    [
        {"tags": {"p", "svg"}},
        {"tags": {"math"}},
        {"tags": {"script"}},
        {"tags": {"style"}},
        {"tags": {"textarea"}},
        {"tags": {"iframe"}},
        {"tags": {"blink"}},
        {"attributes": {"p": {"onclick"}}},
        {"attributes": {"img": {"ONERROR"}}},
        {"attributes": {"p": {"style"}}},
        {"attributes": {"a": {"target"}}},
        {"attributes": {"a": {"rel"}}},
        {"attributes": {"img": {"srcset"}}},
        {"attributes": {"a": {"xlink:href"}}},
        {"link_schemes": {"https", "javascript"}},
        {"link_schemes": {"JavaScript:"}},
        {"image_schemes": {"data"}},
        {"link_schemes": {"no scheme"}},
        {"max_depth": 0},
        {"max_bytes": -1},
    ],
)
def test_unsafe_policies_are_refused_when_built(changes: dict[str, object]) -> None:
    """A policy that would let script, style or foreign content through raises PolicyError."""
    with pytest.raises(PolicyError):
        BODY_POLICY.derive(**changes)


def test_policy_error_names_the_problem() -> None:
    """The PolicyError says which attribute on which element is unsafe."""
    with pytest.raises(PolicyError, match=r"'onclick' on <p>"):
        Policy(name="mine", tags={"p"}, attributes={"p": {"onclick"}})


def test_attrs_evolve_validates_like_derive() -> None:
    """attrs.evolve re-validates a policy too."""
    with pytest.raises(PolicyError):
        attrs.evolve(INLINE_POLICY, tags={"svg"})


def test_derived_policy_keeps_what_it_does_not_change() -> None:
    """derive changes only the fields named."""
    derived = BODY_POLICY.derive(user_content=True)
    assert (BODY_POLICY.tags, True) == (derived.tags, derived.user_content)


def test_policies_are_frozen_and_hashable() -> None:
    """A policy cannot be changed in place and can be a dict key."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        BODY_POLICY.max_bytes = 1  # type: ignore[misc]
    assert {BODY_POLICY: 1}[BODY_POLICY.derive()] == 1


def test_nh3_panic_never_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pyo3 PanicException (a BaseException) from nh3 becomes a SanitizeError."""
    import nh3

    class PanicException(BaseException):
        pass

    def panic(*args: object, **kwargs: object) -> str:
        raise PanicException("boom")

    monkeypatch.setattr(nh3, "clean", panic)
    with pytest.raises(SanitizeError):
        sanitize_html("<p>x</p>")


# -- what is removed --------------------------------------------------------------------


@pytest.mark.parametrize(
    "element", ["script", "style", "noscript", "template", "iframe", "object", "svg", "math"]
)
def test_dangerous_elements_go_with_their_content(engine: str, element: str) -> None:
    """script, style, noscript, template, iframe, object, svg and math vanish with their content."""
    markup = f"<p>a<{element}>secret</{element}>c</p>"
    assert "<p>ac</p>" == sanitize_html(markup, engine=engine)


def test_embed_goes(engine: str) -> None:
    """embed, a void element, is removed."""
    assert "<p>ac</p>" == sanitize_html('<p>a<embed src="x.swf">c</p>', engine=engine)


def test_unknown_elements_keep_their_text(engine: str) -> None:
    """Elements outside the policy are removed but their text stays."""
    assert "<p>a b</p>" == sanitize_html("<p><span>a</span> <font>b</font></p>", engine=engine)


@pytest.mark.parametrize(
    "attribute",
    ['onclick="x()"', 'style="color:red"', 'srcdoc="x"', 'target="_blank"', 'id="login"'],
)
def test_forbidden_attributes_are_removed(engine: str, attribute: str) -> None:
    """on*, style, srcdoc, target and id attributes never survive."""
    assert "<p>x</p>" == sanitize_html(f"<p {attribute}>x</p>", engine=engine)


def test_comments_are_removed(engine: str) -> None:
    """HTML comments are removed."""
    assert "<p>ab</p>" == sanitize_html("<p>a<!-- note -->b</p>", engine=engine)


def test_text_policy_keeps_only_text(engine: str) -> None:
    """The text policy removes every element and escapes the text."""
    markup = "<p>Fish &amp; <b>chips</b> &lt;3</p>"
    assert "Fish &amp; chips &lt;3" == sanitize_html(markup, policy="text", engine=engine)


# -- URLs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://a.example/x", "https://a.example/x"),
        ("http://a.example/x", "http://a.example/x"),
        ("mailto:desk@a.example", "mailto:desk@a.example"),
        ("/world/other.html", "https://news.example/world/other.html"),
        ("other.html", "https://news.example/world/2026/other.html"),
        ("//cdn.example/x", "https://cdn.example/x"),
        ("#top", "https://news.example/world/2026/story.html#top"),
        ("javascript:alert(1)", None),
        (" JaVa\tScRiPt:alert(1)", None),
        ("vbscript:x", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("ftp://a.example/", None),
    ],
)
def test_link_urls_follow_the_policy(engine: str, href: str, expected: str | None) -> None:
    """Links keep http, https and mailto URLs, resolve relative ones, drop everything else."""
    output = sanitize_html(f'<a href="{href}">x</a>', base_url=BASE, engine=engine)
    link = f' href="{expected}"' if expected else ""
    assert f'<a{link} rel="{REL}">x</a>'.replace("&", "&amp;") == output


def test_relative_urls_are_dropped_without_a_base(engine: str) -> None:
    """Without a page URL, relative links and images lose their URL."""
    output = sanitize_html('<a href="/x">a</a><img src="i.png" alt="i">', engine=engine)
    assert f'<a rel="{REL}">a</a><img alt="i">' == output


def test_images_take_only_http_urls(engine: str) -> None:
    """Images keep http(s) URLs; mailto and data URLs are dropped."""
    markup = (
        '<img src="mailto:a@b.example"><img src="data:image/png;base64,AAAA"><img src="/a.png">'
    )
    expected = '<img><img><img src="https://news.example/a.png">'
    assert expected == sanitize_html(markup, base_url=BASE, engine=engine)


def test_cite_urls_are_checked(engine: str) -> None:
    """blockquote and q cite attributes get the link rules too."""
    markup = '<blockquote cite="javascript:alert(1)">a</blockquote><q cite="/src">b</q>'
    expected = '<blockquote>a</blockquote><q cite="https://news.example/src">b</q>'
    assert expected == sanitize_html(markup, base_url=BASE, engine=engine)


def test_user_content_links_are_marked_ugc(engine: str) -> None:
    """Links in user content get rel="ugc" as well."""
    policy = BODY_POLICY.derive(user_content=True)
    output = sanitize_html(
        '<a href="https://a.example/" rel="me">x</a>', policy=policy, engine=engine
    )
    assert f'<a href="https://a.example/" rel="{REL} ugc">x</a>' == output


def test_base_url_must_be_absolute_http() -> None:
    """A base URL that is not an absolute http(s) URL is refused."""
    with pytest.raises(SanitizeError, match="base_url"):
        sanitize_html("<a href='x'>x</a>", base_url="javascript:alert(1)//")


# -- results ----------------------------------------------------------------------------


def test_result_is_safe_html(engine: str) -> None:
    """sanitize_html returns SafeHTML, which MarkupSafe-aware code inserts as is."""
    output = sanitize_html("<p>x</p>", engine=engine)
    assert (SafeHTML, "<p>x</p>") == (type(output), output.__html__())


def test_safe_html_survives_pickling() -> None:
    """SafeHTML pickles and unpickles to an equal SafeHTML."""
    output = sanitize_html("<p>x</p>")
    assert output == pickle.loads(pickle.dumps(output))


def test_output_is_normalized() -> None:
    """Names, quoting and entities come out in one form, in source order, rel last."""
    expected = f'<a title="&quot;x&quot;" href="https://a.example/?a=1&amp;b=2" rel="{REL}">y</a>'
    assert expected == sanitize_html("<A TITLE='\"x\"' HREF=https://a.example/?a=1&b=2>y</A>")


def test_lone_surrogates_become_replacement_characters() -> None:
    """Lone surrogates, which no engine can take, become U+FFFD instead of crashing."""
    assert "a\ufffdb" == sanitize_html("a\ud800b")


@pytest.mark.parametrize(
    "text", ["plain", "a < b & c > d", "quote \"x\" 'y'", "tab\tnew\nline", "nbsp\xa0here"]
)
def test_sanitize_text_escapes(text: str) -> None:
    """Plain text becomes HTML that shows exactly that text."""
    import html

    assert text == html.unescape(sanitize_text(text))


def test_sanitize_text_rejects_non_str() -> None:
    """Only str can be escaped."""
    with pytest.raises(TypeError):
        sanitize_text(b"bytes")  # type: ignore[arg-type]


# -- limits -----------------------------------------------------------------------------


def test_size_limit(engine: str) -> None:
    """Input over max_bytes raises SanitizeError."""
    policy = BODY_POLICY.derive(max_bytes=100)
    with pytest.raises(SanitizeError, match="max_bytes=100"):
        sanitize_html("<p>" + "x" * 100 + "</p>", policy=policy, engine=engine)


def test_size_counts_utf8_bytes() -> None:
    """The size limit counts UTF-8 bytes, not characters."""
    with pytest.raises(SanitizeError):
        sanitize_html("é" * 60, policy=BODY_POLICY.derive(max_bytes=100))


def test_attribute_limit(engine: str) -> None:
    """An element with more attributes than max_attributes raises SanitizeError."""
    attributes = " ".join(f"a{i}=x" for i in range(40))
    with pytest.raises(SanitizeError, match="max_attributes=32"):
        sanitize_html(f"<p {attributes}>x</p>", engine=engine)


@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 100_000,
        "<ul><li>" * 50_000,
        "<b>" * 100_000,
        "<table><tr><td>" * 30_000,
        "<x-a>" * 100_000,
        "<svg>" + "<g>" * 100_000,
        "<div><style></div></style>" * 10_000,
        "<div><!--</div>-->" * 10_000,
        "<b><div></b>" * 20_000,
        "<p><b>x</p>" * 20_000 + "<div>" * 300,
    ],
)
def test_deep_input_is_refused_quickly(engine: str, markup: str) -> None:
    """Deeply nested input, however disguised, raises SanitizeError within a second."""
    started = time.perf_counter()
    with pytest.raises(SanitizeError, match="max_depth"):
        sanitize_html(markup, engine=engine)
    assert time.perf_counter() - started < 1.0


def test_large_flat_input_is_accepted() -> None:
    """Sloppy but flat markup (unclosed p, li, td) close to the size limit is accepted."""
    markup = "<p>para<li>item<table><tr><td>a<td>b</table>" * 15_000
    assert sanitize_html(markup).startswith("<p>para</p>")


def _tree_depth(markup: str) -> int:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    fragment = parser.parseFragment(markup, container="div")

    def depth(element: object) -> int:
        children = [c for c in element if isinstance(c.tag, str)]  # type: ignore[attr-defined]
        # html5lib keeps a template's content in a document fragment: not an element.
        own = 0 if getattr(element, "tag", None) == "DOCUMENT_FRAGMENT" else 1
        return own + max((depth(c) for c in children), default=0)

    return depth(fragment)


STRUCTURE = [
    "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a>", "</a>", "<span>",
    "</span>", "<li>", "</li>", "<ul>", "</ul>", "<table>", "</table>", "<tr>", "<td>",
    "</td>", "<th>", "<tbody>", "<caption>", "<col>", "<select>", "<option>", "<h2>", "<h3>",
    "<svg>", "</svg>", "<g>", "<g/>", "<math>", "<mi>", "<foreignObject>", "<desc>",
    "<style>", "</style>", "<script>", "</script>", "<title>", "</title>", "<textarea>",
    "<!--", "-->", "<![CDATA[", "]]>", "<noscript>", "</noscript>", "<template>",
    "</template>", "<button>", "<nobr>", "<font color=red>", "<dl>", "<dd>", "<dt>",
    "<br>", "</br>", "<img>", "<p title='", "'>", "x", " ", "<", ">",
]  # fmt: skip


@given(st.lists(st.sampled_from(STRUCTURE), max_size=60).map("".join))
def test_depth_check_never_underestimates_a_browser_parse(markup: str) -> None:
    """Markup nested deeper than max_depth in html5lib's tree is always refused."""
    depth = _tree_depth(markup)
    if depth > 1:
        with pytest.raises(SanitizeError):
            sanitize_html(markup, policy=BODY_POLICY.derive(max_depth=depth - 1))


def test_readability_articles_pass_the_limits(shared: object) -> None:
    """Every article body of the readability corpus is within the body policy's limits."""
    from pathlib import Path

    root = Path(str(shared)) / "corpora" / "mozilla-readability" / "test" / "test-pages"
    refused = []
    for page in sorted(root.glob("*/expected.html")):
        try:
            sanitize_html(page.read_text("utf-8"), base_url="http://fakehost/test/page.html")
        except SanitizeError as exc:
            refused.append((page.parent.name, str(exc)))
    assert [] == refused


# The tags whose start or end asks something of the tree builder, and a few that do not.
QUICK_NAMES = [
    "p", "div", "li", "ul", "dd", "dt", "h2", "h3", "table", "tbody", "tr", "td", "th",
    "caption", "colgroup", "col", "a", "b", "em", "span", "button", "nobr", "option", "br",
    "img", "hr", "template", "iframe", "title", "script", "textarea", "xmp", "select", "svg",
    "math", "body", "address", "font", "object", "plaintext", "P", "TD", "Em",
]  # fmt: skip
QUICK_EXTRAS = [
    "", "x", " < ", "<!-- c -->", "<!-->", "<!--", "-->", "<!x>", "<?x>", "</>", "</ x>",
    "<![CDATA[", "]]>", "<div/>", "<br/>", "<a href=x/>", "<p a b='c' d=\"e\">",
    "<span x==1>", "<b c = 'd'>", "</p a=1>", "<\u212a>",
]  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An element: a start tag with some attributes, its content, mostly an end tag."""
    return st.builds(
        lambda name, attributes, content, closed: (
            f"<{name}{' a=1' * attributes}>{content}" + (f"</{name.lower()}>" if closed else "")
        ),
        st.sampled_from(QUICK_NAMES),
        st.integers(0, 4),
        children,
        st.booleans(),
    )


nested_markup = st.recursive(
    st.sampled_from(QUICK_EXTRAS),
    lambda children: st.lists(st.one_of(_element(children), children), max_size=4).map("".join),
    max_leaves=30,
)


def _decision(check: object, markup: str, policy: Policy) -> str | None:
    try:
        check(markup, policy)  # type: ignore[operator]
    except SanitizeError as exc:
        return str(exc)
    return None


@given(
    markup=st.one_of(nested_markup, nested_markup.map(lambda markup: markup * 4)),
    max_depth=st.integers(1, 12),
    max_attributes=st.integers(1, 3),
)
@example(markup="<p><b>x<div>y<span>z</span></div></b></p>", max_depth=2, max_attributes=1)
@example(markup="<table><td>x</td></table>", max_depth=3, max_attributes=1)
@example(markup="<p>x</p><div><br></div>", max_depth=1, max_attributes=1)
@example(markup="<ul><li>a<li><b>b</b></ul>", max_depth=2, max_attributes=1)
@example(markup="<a>x<a>y</a></a><p a b>x</p>", max_depth=5, max_attributes=1)
@example(markup="<select><b></b><xmp>t</xmp></select>", max_depth=12, max_attributes=1)
@example(markup="<div><svg><g></g></svg><p>x</p>" * 40 + "<b>" * 12, max_depth=12, max_attributes=1)
def test_quick_limit_checks_decide_as_the_full_pre_scan(
    markup: str, max_depth: int, max_attributes: int
) -> None:
    """On nested markup the quick checks accept and refuse exactly what the full pre-scan
    does, and what the quick scan accepts the full pre-scan accepts."""
    policy = BODY_POLICY.derive(max_depth=max_depth, max_attributes=max_attributes)
    expected = _decision(check_limits_fully, markup, policy)
    assert expected == _decision(check_limits, markup, policy)
    if fits_quickly(markup, policy):
        assert expected is None


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><td>a<td><b>b</b></table>",
        "<ul><li>a<li>b</ul><p>x<p>y",
        "<p><iframe src=x></iframe><title>t</title><script>s()</script></p>",
        "<p>a<!-- <div> --></p><dl><dt>a<dd>b</dl><h2>x<h3>y</h3>",
    ],
)
def test_quick_scan_follows_plain_stack_markup(markup: str) -> None:
    """The quick scan settles markup the tree builder treats as a stack, sloppy or not."""
    assert fits_quickly(markup * 100, BODY_POLICY)


@pytest.mark.parametrize(
    "markup",
    [
        "<svg><g></g></svg>",
        "<p><b>x<div>y</div>",
        "<select><option>a</select>",
        "<script><p></script>",
        "<p a = 1>x</p>",
    ],
)
def test_quick_scan_gives_up_where_it_cannot_follow(markup: str) -> None:
    """Foreign content, formatting elements to reopen, <select>, raw text holding markup and
    odd tags go to the full pre-scan."""
    assert not fits_quickly(markup * 100, BODY_POLICY)


def test_quick_scan_settles_article_bodies(shared: object) -> None:
    """Every readability article body without svg or math is settled by the quick scan."""
    from pathlib import Path

    root = Path(str(shared)) / "corpora" / "mozilla-readability" / "test" / "test-pages"
    unsettled = [
        page.parent.name
        for page in sorted(root.glob("*/expected.html"))
        if not re.search("<(?:svg|math)", text := page.read_text("utf-8"), re.IGNORECASE)
        and not fits_quickly(text, BODY_POLICY)
    ]
    assert [] == unsettled


# -- the bounded entry ------------------------------------------------------------------


def test_bounded_entry_honours_the_engine() -> None:
    """sanitize_bounded_html cleans with the engine it is given, as sanitize_html does:
    bleach keeps a quote in an attribute that nh3 escapes."""
    markup = '<img src="https://a.example/x.png" alt=\'a"b\'>'
    by_bleach = sanitize_bounded_html(markup, engine="bleach")
    assert sanitize_html(markup, engine="bleach") == by_bleach
    assert sanitize_html(markup) == sanitize_bounded_html(markup)
    assert sanitize_bounded_html(markup) != by_bleach


def test_bounded_entry_checks_its_arguments() -> None:
    """An unknown engine or policy name, or a relative base URL, is refused."""
    with pytest.raises(UnknownFormatError):
        sanitize_bounded_html("<p>x</p>", engine="lxml")
    with pytest.raises(UnknownFormatError):
        sanitize_bounded_html("<p>x</p>", policy="comments")
    with pytest.raises(SanitizeError):
        sanitize_bounded_html("<p>x</p>", base_url="/relative")


def test_bounded_entry_holds_the_limits_on_markup_not_plain() -> None:
    """Markup that is not plain gets the limit checks: too many attributes is refused."""
    attributes = " ".join(f"a{i}=x" for i in range(40))
    with pytest.raises(SanitizeError, match="max_attributes=32"):
        sanitize_bounded_html(f"<p {attributes}>x</p>")


# -- Markdown and linkify ---------------------------------------------------------------


def test_markdown_is_converted_and_sanitized() -> None:
    """Markdown becomes HTML; raw HTML and script URLs in it are sanitized."""
    source = "## Title\n\nHi [x](javascript:alert(1)) <script>alert(1)</script> *there*"
    expected = f'<h2>Title</h2>\n<p>Hi <a rel="{REL}">x</a>  <em>there</em></p>'
    assert expected == sanitize_markdown(source)


def test_markdown_relative_links_resolve() -> None:
    """Relative Markdown links are resolved against the base URL."""
    expected = f'<a href="https://news.example/about" rel="{REL}">me</a>'
    assert expected == sanitize_markdown("[me](/about)", policy="inline", base_url=BASE)


@pytest.mark.parametrize(
    "source",
    ["[a" * 8000, "![a" * 8000, "<a href='" * 3000, "- " * 500 + "x", "> " * 500 + "x",
     "".join(" " * (4 * i) + "- x\n" for i in range(300))],
)  # fmt: skip
def test_pathological_markdown_is_refused_quickly(source: str) -> None:
    """Markdown that would hang or overflow Python-Markdown raises SanitizeError fast."""
    started = time.perf_counter()
    with pytest.raises(SanitizeError):
        sanitize_markdown(source)
    assert time.perf_counter() - started < 1.0


def test_markdown_recursion_error_becomes_sanitize_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A RecursionError inside Python-Markdown is reported as a SanitizeError."""
    import markdown

    def overflow(self: object, source: str) -> str:
        raise RecursionError

    monkeypatch.setattr(markdown.Markdown, "convert", overflow)
    with pytest.raises(SanitizeError, match="too deeply"):
        sanitize_markdown("- x")


def test_linkify_turns_bare_urls_into_links() -> None:
    """Bare URLs in plain text become links with the policy's rel; markup stays text."""
    output = linkify_text("See https://www.example.com/a?b=1&c=2 <b>now</b>")
    expected = (
        f'See <a href="https://www.example.com/a?b=1&amp;c=2" rel="{REL}">'
        "https://www.example.com/a?b=1&amp;c=2</a> &lt;b&gt;now&lt;/b&gt;"
    )
    assert expected == output


def test_linkify_under_the_text_policy_makes_no_links() -> None:
    """With the text policy, linkify leaves URLs as text."""
    assert "www.example.com" == linkify_text("www.example.com", policy="text")


# -- video players ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871?h=abc", ("vimeo", "76979871")),
        ("https://vimeo.com/channels/staffpicks/76979871", ("vimeo", "76979871")),
        ("https://www.dailymotion.com/video/x8abc12", ("dailymotion", "x8abc12")),
        ("https://www.dailymotion.com/embed/video/x8abc12", ("dailymotion", "x8abc12")),
        ("https://dai.ly/x8abc12", ("dailymotion", "x8abc12")),
    ],
)
def test_video_source_reads_provider_urls(url: str, expected: tuple[str, str]) -> None:
    """Watch, share, embed, shorts and player URLs give the provider and video id."""
    assert expected == video_source(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil-youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "javascript://youtube.com/%0aalert(1)",
        'https://www.youtube.com/watch?v=dQw4"><script>',
        "https://vimeo.com/about",
        "https://example.com/video.mp4",
        "not a url",
    ],
)
def test_video_source_rejects_look_alikes(url: str) -> None:
    """Look-alike hosts, userinfo tricks, odd ports and malformed ids raise ValidationError."""
    with pytest.raises(ValidationError):
        video_source(url)


def test_youtube_player_uses_nocookie_and_a_sandbox() -> None:
    """The YouTube player comes from youtube-nocookie.com with sandbox, allow, lazy loading."""
    player = video_player("youtube", "dQw4w9WgXcQ", title='Clip "one"')
    expected = (
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" '
        'title="Clip &quot;one&quot;" '
        'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" '
        'allow="accelerometer; clipboard-write; encrypted-media; gyroscope; '
        'picture-in-picture; fullscreen" allowfullscreen="" '
        'referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe>'
    )
    assert (SafeHTML, expected) == (type(player), player)


def test_vimeo_player_sets_do_not_track() -> None:
    """The Vimeo player URL carries dnt=1."""
    assert 'src="https://player.vimeo.com/video/1?dnt=1"' in video_player("vimeo", "1", title="t")


@pytest.mark.parametrize(
    ("provider", "video_id", "title"),
    [
        ("youtube", "dQw4w9WgXcQ&x=1", "t"),
        ("youtube", "short", "t"),
        ("vimeo", "12a", "t"),
        ("dailymotion", "x8<b>12", "t"),
        ("evil", "1", "t"),
        ("youtube", "dQw4w9WgXcQ", " "),
    ],
)
def test_video_player_validates(provider: str, video_id: str, title: str) -> None:
    """Unknown providers, ids of the wrong shape and empty titles raise ValidationError."""
    with pytest.raises(ValidationError):
        video_player(provider, video_id, title=title)


def test_player_is_the_renderers() -> None:
    """newsitem.sanitize.video_player is the renderer's player, under its earlier name."""
    expected = render.video_player("dailymotion", "x8abc12", title="t")
    found = video_player("dailymotion", "x8abc12", title="t")
    assert (SafeHTML, expected) == (type(found), found)


def test_provider_table_finds_every_provider_host() -> None:
    """Every provider host holds one of the words candidate links are found by, and the
    URL pattern the parser reads videos with takes URLs on every host and no look-alike."""
    for provider in PROVIDERS.values():
        for host in provider.hosts | provider.share_hosts:
            assert any(word in host for word in VIDEO_HOST_WORDS), host
            assert VIDEO_URL.match(f"https://{host}/x")
    assert not VIDEO_URL.match("https://youtube.com.evil.example/x")
    assert not VIDEO_URL.match("https://evil-youtube.com/x")


def test_scraped_iframes_never_pass_the_sanitizer(engine: str) -> None:
    """An embedded player in scraped markup is removed; players are built, never copied."""
    markup = '<p>a</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    assert "<p>a</p>" == sanitize_html(markup, engine=engine)


def _browser_url(value: str, schemes: frozenset[str], base: str | None) -> str | None:
    """The URL as the URL standard reads it (the reference for clean_url's quick path):
    C0 controls and spaces at the ends stripped, tabs and newlines removed, relative URLs
    resolved, then the scheme checked."""
    url = re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", value)
    url = re.sub(r"[\t\n\r]", "", url)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    if scheme is None:
        if base is None or not url:
            return None
        url = urllib.parse.urljoin(base, url)
        scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
        assert scheme is not None
    return url if scheme.group(1).lower() in schemes else None


@given(
    st.lists(
        st.sampled_from(
            [
                "http",
                "https",
                "HTTP",
                ":",
                "//",
                "a.example",
                "/p",
                " ",
                "\t",
                "\n",
                "\x00",
                "\x1f",
                "javascript",
                "s",
                ".",
                "é",
                "?q=1",
            ]
        ),
        max_size=8,
    ).map("".join),
    st.sampled_from([None, "https://base.example/dir/"]),
)
@example("https://a.example/p ", None)
@example("http://a.example/a b", None)
@example("https://a.example/\x1f", None)
@example("https://a.example/\tp", None)
@example("HTTPS://a.example/", None)
@example("https:x", "https://base.example/dir/")
def test_clean_url_reads_urls_as_browsers_do(value: str, base: str | None) -> None:
    """The quick path for plain http(s) URLs gives what the full reading gives."""
    schemes = frozenset({"http", "https", "mailto"})
    assert clean_url(value, schemes, base) == _browser_url(value, schemes, base)
