"""newsitem: typed news items, parsed from HTML and JSON, sanitized, rendered anywhere.

The public surface is re-exported here; implementation modules starting with ``_`` are
private.
"""

from importlib.metadata import PackageNotFoundError, version

from newsitem._markup import SafeHTML
from newsitem.converter import FORMAT_VERSION, from_dict, from_json, native_schema, to_dict, to_json
from newsitem.errors import (
    FormatDetectionError,
    HTMLParseError,
    JSONParseError,
    NewsitemError,
    ParseError,
    PolicyError,
    RenderError,
    SanitizeError,
    UnknownFormatError,
    ValidationError,
)
from newsitem.formats import Feed, ParsedJSON, parse_json
from newsitem.models import (
    Author,
    AuthorKind,
    Block,
    Brief,
    BriefKind,
    DateValue,
    Image,
    JSONValue,
    Link,
    Model,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
)
from newsitem.parse import ExtractionNote, ParseOptions, parse_html

# ``render`` itself stays in newsitem.render: a top-level name would hide the subpackage.
from newsitem.render import render_html, render_json, render_text
from newsitem.sanitize import (
    Policy,
    linkify_text,
    sanitize_html,
    sanitize_markdown,
    sanitize_text,
)

try:
    __version__ = version("newsitem")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "FORMAT_VERSION",
    "Author",
    "AuthorKind",
    "Block",
    "Brief",
    "BriefKind",
    "DateValue",
    "ExtractionNote",
    "Feed",
    "FormatDetectionError",
    "HTMLParseError",
    "Image",
    "JSONParseError",
    "JSONValue",
    "Link",
    "Model",
    "NewsitemError",
    "Page",
    "ParseError",
    "ParseOptions",
    "ParsedJSON",
    "Policy",
    "PolicyError",
    "ReadingTime",
    "RelatedBlock",
    "RelatedItem",
    "RenderError",
    "SafeHTML",
    "SanitizeError",
    "SourceAttribution",
    "UnknownFormatError",
    "ValidationError",
    "VideoTeaser",
    "__version__",
    "from_dict",
    "from_json",
    "linkify_text",
    "native_schema",
    "parse_html",
    "parse_json",
    "render_html",
    "render_json",
    "render_text",
    "sanitize_html",
    "sanitize_markdown",
    "sanitize_text",
    "to_dict",
    "to_json",
]
