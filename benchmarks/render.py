"""Render briefs to HTML with newsitem and with an equivalent hand-written Jinja2 template.

Run: .venv/bin/python benchmarks/render.py [--briefs 300] [--repeat 15]

Both sides write the same brief card (label, headline, byline, date, reading time, body,
sources) for the seed page's brief and for generated briefs; the Jinja2 template is
compiled once, outside the timing, with autoescape on. Prints the median time of each side
and the ratio (Jinja2 / newsitem: above 1 means newsitem is faster).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jinja2

import newsitem
from newsitem import Author, Brief, Page, ReadingTime, SourceAttribution, from_json
from newsitem.render import render_html
from newsitem.sanitize import sanitize_html

SEED = Path(newsitem.__file__).parent / "examples" / "seed-page.json"

# The same card as the built-in Brief part writes (sources included, no tags or images).
TEMPLATE = """\
<article class="newsitem-brief"{% if b.language %} lang="{{ b.language }}"{% endif %}>\
<header class="newsitem-brief__header">\
{% if b.label %}<p class="newsitem-brief__label">{{ b.label }}</p>{% endif %}\
<h2 class="newsitem-brief__headline">{% if b.url %}<a href="{{ b.url }}">{{ b.headline }}</a>\
{% else %}{{ b.headline }}{% endif %}</h2>\
<p class="newsitem-brief__meta">\
{% if b.authors %}<span class="newsitem-brief__byline">By \
{% for a in b.authors %}{% if not loop.first %}{% if loop.last %} and {% else %}, {% endif %}\
{% endif %}{% if a.url %}<a class="newsitem-brief__author" href="{{ a.url }}" rel="author">\
{{ a.name }}</a>{% else %}<span class="newsitem-brief__author">{{ a.name }}</span>{% endif %}\
{% endfor %}</span>{% endif %}\
{% if b.published %}<time class="newsitem-brief__published" \
datetime="{{ b.published.isoformat() }}">{{ b.published.strftime("%-d %b %Y") }}</time>\
{% endif %}\
{% if b.reading_time %}<span class="newsitem-brief__reading-time">\
{{ b.reading_time.text or (b.reading_time.minutes ~ " min read") }}</span>{% endif %}</p>\
</header>\
{% if b.body %}<div class="newsitem-brief__body">{{ b.body }}</div>{% endif %}\
{% if b.attributions %}<footer class="newsitem-brief__footer">\
<section class="newsitem-brief__sources"><h3 class="newsitem-brief__sources-title">Sources</h3>\
<ul class="newsitem-brief__sources-list">{% for s in b.attributions %}\
<li class="newsitem-brief__source"><cite>{% if s.url %}<a href="{{ s.url }}">{{ s.name }}</a>\
{% else %}{{ s.name }}{% endif %}</cite>{% if s.date_text %}, {{ s.date_text }}{% endif %}</li>\
{% endfor %}</ul></section></footer>{% endif %}\
</article>"""


def generated_briefs(count: int) -> list[Brief]:
    """Briefs shaped like wire copy: a byline, a date, five paragraphs, two sources."""
    body = sanitize_html(
        "".join(
            f"<p>Paragraph {i} with <a href='https://example.com/{i}'>a link</a> and "
            "<em>some emphasis</em>, long enough to look like news &amp; copy.</p>"
            for i in range(5)
        ),
        policy="body",
    )
    start = datetime(2022, 12, 14, 10, 0, tzinfo=UTC)
    return [
        Brief(
            headline=f"Headline number {n}: markets & <politics> move",
            url=f"https://example.com/news/{n}",
            label="News Feed",
            body=body,
            published=start + timedelta(hours=n),
            reading_time=ReadingTime(minutes=2),
            language="en",
            authors=(
                Author(name=f"Reporter {n}", url=f"https://example.com/a/{n}"),
                Author(name="News desk"),
            ),
            attributions=(
                SourceAttribution(name="Wall Street Journal", date_text="Dec. 14"),
                SourceAttribution(name="Reuters", url="https://example.com/reuters"),
            ),
        )
        for n in range(count)
    ]


def median_time(function: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls, after one warm-up call."""
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Run both renderers over the same briefs and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    page = from_json(SEED.read_text(encoding="utf-8"))
    assert isinstance(page, Page)
    assert page.brief is not None
    briefs = [page.brief, *generated_briefs(args.briefs)]
    template = jinja2.Environment(autoescape=True).from_string(TEMPLATE)

    def with_newsitem() -> list[str]:
        return [render_html(brief) for brief in briefs]

    def with_jinja() -> list[str]:
        return [template.render(b=brief) for brief in briefs]

    sample_ours, sample_jinja = with_newsitem()[1], with_jinja()[1]
    n = len(briefs)
    print(f"briefs: {n} (the seed brief + {args.briefs} generated), repeat {args.repeat}")
    print(f"size of one generated card: newsitem {len(sample_ours)}, jinja2 {len(sample_jinja)}")
    ours = median_time(with_newsitem, args.repeat)
    theirs = median_time(with_jinja, args.repeat)
    seed_ours = median_time(lambda: render_html(page), args.repeat * 20)
    print(f"newsitem render_html   median {ours * 1e3:8.2f} ms  ({ours / n * 1e6:6.1f} µs/brief)")
    print(
        f"jinja2 template        median {theirs * 1e3:8.2f} ms  ({theirs / n * 1e6:6.1f} µs/brief)"
    )
    print(f"ratio jinja2/newsitem  {theirs / ours:.2f}x  (above 1: newsitem is faster)")
    print(f"seed page, whole page  median {seed_ours * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
