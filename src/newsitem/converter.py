"""The native JSON form of the models.

One :mod:`cattrs` converter reads and writes every model. The native form is strict:

- every document carries a ``"type"`` tag (``"page"``, ``"brief"`` ...) and the format
  ``"version"``; model objects inside it may carry their tag too, and blocks must;
- no silent coercion: ``1`` is not ``"1"``, ``"true"`` is not ``true``;
- unknown keys, NaN, duplicate keys and absurd nesting are errors;
- markup fields are sanitized on the way in, with the policy of their field;
- every problem in a document is reported at once, each with its JSONPath.

>>> from newsitem import Author, from_json, to_json
>>> text = to_json(Author(name="Jane Doe", url="https://example.com/jane"))
>>> text
'{"type":"author","version":1,"name":"Jane Doe","url":"https://example.com/jane"}'
>>> from_json(text) == Author(name="Jane Doe", url="https://example.com/jane")
True
>>> from_json('{"type": "author", "name": 5, "urll": "x"}')
Traceback (most recent call last):
...
newsitem.errors.JSONParseError: 2 problems in a newsitem author document
  $.name: expected str, got int
  $.urll: unknown key
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from importlib import resources
from types import NoneType, UnionType
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from newsitem._datevalues import format_date, format_duration, parse_duration, read_iso_date
from newsitem._json import read_json, write_json
from newsitem._markup import SafeHTML
from newsitem.errors import JSONParseError, ParseError, ValidationError
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    Link,
    Model,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
)

__all__ = [
    "FORMAT_VERSION",
    "MODEL_TYPES",
    "from_dict",
    "from_json",
    "make_converter",
    "native_schema",
    "to_dict",
    "to_json",
]

#: The version of the native JSON form that this release writes and reads.
FORMAT_VERSION: Final = 1

#: The ``"type"`` tag of each model, as written in documents.
MODEL_TYPES: Final[Mapping[str, type[Any]]] = {
    "page": Page,
    "brief": Brief,
    "author": Author,
    "related_block": RelatedBlock,
    "related_item": RelatedItem,
    "video_teaser": VideoTeaser,
    "image": Image,
}
# The two tables below serve this package (the converter's hooks and the JSON Schema
# generator, newsitem._jsonschema); they are not part of the public interface.

#: The ``"type"`` tag of each tagged model class: :data:`MODEL_TYPES` turned around.
MODEL_TAGS: Final[Mapping[type[Any], str]] = {cls: tag for tag, cls in MODEL_TYPES.items()}
#: Every class the native form reads and writes, each after the classes its fields hold.
MODEL_CLASSES: Final = (
    Image,
    Link,
    ReadingTime,
    SourceAttribution,
    Author,
    RelatedItem,
    RelatedBlock,
    VideoTeaser,
    Brief,
    Page,
)
_BLOCK_TAGS: Final = ("related_block", "video_teaser", "author")

_M = TypeVar("_M")


class _Problem(ValueError):
    """A problem with a value.

    ``key`` names a member of the object where it sits; ``suffix`` is a path below the
    value itself (``[2]`` for the third element of an array).
    """

    def __init__(self, message: str, key: str | None = None, suffix: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.suffix = suffix


_JSON_TYPE_NAMES: Final = {
    dict: "object",
    list: "array",
    str: "str",
    int: "int",
    float: "float",
    bool: "bool",
    NoneType: "null",
}


def _got(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _expect(value: object, kind: type | tuple[type, ...], name: str) -> None:
    if isinstance(value, bool) and kind is not bool:
        raise _Problem(f"expected {name}, got bool")
    if not isinstance(value, kind):
        raise _Problem(f"expected {name}, got {_got(value)}")


# --- scalar hooks: strict, no coercion -----------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    _expect(value, str, "str")
    assert isinstance(value, str)
    return value


def _structure_int(value: object, _: object) -> int:
    _expect(value, int, "int")
    assert isinstance(value, int)
    return value


def _structure_bool(value: object, _: object) -> bool:
    _expect(value, bool, "bool")
    assert isinstance(value, bool)
    return value


_NAIVE_DATETIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+")


def _structure_date(value: object, _: object) -> date | datetime:
    _expect(value, str, "an ISO 8601 date or datetime string")
    assert isinstance(value, str)
    try:
        return read_iso_date(value)
    except ParseError:
        if _NAIVE_DATETIME.fullmatch(value):
            raise _Problem(
                f"datetime needs a UTC offset such as +02:00 or Z, got {value!r}"
            ) from None
        raise _Problem(
            f"expected an ISO 8601 date (YYYY-MM-DD) or datetime with offset, got {value!r}"
        ) from None


def _structure_duration(value: object, _: object) -> timedelta:
    _expect(value, str, "an ISO 8601 duration string such as 'PT1M33S'")
    assert isinstance(value, str)
    if not value.startswith("P"):
        raise _Problem(f"expected an ISO 8601 duration such as 'PT1M33S', got {value!r}")
    try:
        return parse_duration(value)
    except ValueError:
        raise _Problem(f"expected an ISO 8601 duration such as 'PT1M33S', got {value!r}") from None


def _structure_tuple(value: object, element: Callable[[Any], Any]) -> tuple[Any, ...]:
    _expect(value, list, "array")
    assert isinstance(value, list)
    out: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            out.append(element(item))
        except Exception as exc:
            exc.add_note(IterableValidationNote(f"Structuring array @ index {index}", index, Any))
            errors.append(exc)
    if errors:
        raise IterableValidationError("while structuring an array", errors, tuple)
    return tuple(out)


def _structure_extensions(value: object, _: object) -> dict[str, Any]:
    _expect(value, dict, "object")
    assert isinstance(value, dict)
    return dict(value)


def _sanitizer(policy: str) -> Callable[[object, object], SafeHTML]:
    def structure(value: object, _: object) -> SafeHTML:
        _expect(value, str, "str (HTML markup)")
        assert isinstance(value, str)
        from newsitem.sanitize import sanitize_html

        return sanitize_html(value, policy=policy)

    return structure


# --- the converter -------------------------------------------------------------------------


def _is_union_of(*members: type) -> Callable[[Any], bool]:
    wanted = frozenset(members)

    def predicate(tp: Any) -> bool:
        return (isinstance(tp, UnionType) or typing.get_origin(tp) is typing.Union) and (
            frozenset(typing.get_args(tp)) == wanted
        )

    return predicate


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def make_converter() -> cattrs.Converter:
    """Make the converter for the native JSON form.

    Each call returns a new converter; a caller may register its own hooks on it without
    touching the one the module functions use.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(timedelta, _structure_duration)
    conv.register_unstructure_hook(timedelta, format_duration)
    conv.register_unstructure_hook(date, format_date)
    conv.register_unstructure_hook(datetime, format_date)
    conv.register_unstructure_hook(SafeHTML, str)
    for enum_cls in (AuthorKind, BriefKind):
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))

    def optional_date(value: object, tp: object) -> date | datetime | None:
        return None if value is None else _structure_date(value, tp)

    conv.register_structure_hook_func(_is_union_of(date, datetime), _structure_date)
    conv.register_structure_hook_func(_is_union_of(date, datetime, NoneType), optional_date)
    conv.register_structure_hook_func(
        _is_tuple,
        lambda value, tp: _structure_tuple(
            value, lambda item: conv.structure(item, typing.get_args(tp)[0])
        ),
    )
    conv.register_structure_hook_func(
        _is_union_of(RelatedBlock, VideoTeaser, Author), lambda v, _: _structure_block(conv, v)
    )
    # Dependencies first: a generated function looks up its fields' hooks once, when made.
    for cls in MODEL_CLASSES:
        conv.register_structure_hook(cls, _model_hook(conv, cls))
        conv.register_unstructure_hook(cls, _unstructure_hook(conv, cls))
    return conv


def _enum_hook(enum_cls: type[Any]) -> Callable[[object, object], Any]:
    def structure(value: object, _: object) -> Any:
        _expect(value, str, "str")
        try:
            return enum_cls(value)
        except ValueError:
            known = ", ".join(repr(member.value) for member in enum_cls)
            raise _Problem(f"expected one of {known}, got {value!r}") from None

    return structure


def _overrides(cls: type[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if "policy" in field.metadata:
            out[field.name] = override(struct_hook=_sanitizer(field.metadata["policy"]))
        elif field.name == "extensions":
            out[field.name] = override(struct_hook=_structure_extensions, unstruct_hook=dict)
    return out


def _checked(
    cls: type[Any], field: attrs.Attribute[Any], hook: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """Wrap a field's hook so that the field's validator runs as soon as it is read.

    Each field is then checked on its own, and a document with a wrong type in one field
    and a broken invariant in another gets both reported, not only the first.
    """
    validator = field.validator
    if validator is None:
        return hook
    # Validators only read the instance's class name; an empty instance stands in.
    stand_in = object.__new__(cls)

    def structure(value: Any, tp: Any) -> Any:
        result = hook(value, tp)
        try:
            validator(stand_in, field, field.converter(result) if field.converter else result)  # type: ignore[operator]
        except ValidationError as exc:
            _, _, rest = exc.path.partition(f"{cls.__name__}.{field.name}")
            raise _Problem(exc.message, key=None, suffix=rest) from None
        return result

    return structure


def _structure_overrides(conv: cattrs.Converter, cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    out: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if "policy" in field.metadata:
            hook: Callable[[Any, Any], Any] = _sanitizer(field.metadata["policy"])
        elif field.name == "extensions":
            hook = _structure_extensions
        else:
            hook = conv.get_structure_hook(hints[field.name])
        out[field.name] = override(struct_hook=_checked(cls, field, hook))
    return out


def _model_hook(conv: cattrs.Converter, cls: type[Any]) -> Callable[[object, object], Any]:
    generated = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, **_structure_overrides(conv, cls)
    )
    tag = MODEL_TAGS.get(cls)

    def structure(value: object, _: object) -> Any:
        _expect(value, dict, "object")
        assert isinstance(value, dict)
        if "type" in value:
            if tag is None:
                raise _Problem("unknown key", key="type")
            if value["type"] != tag:
                raise _Problem(f"expected {tag!r}, got {value['type']!r}", key="type")
            value = {k: v for k, v in value.items() if k != "type"}
        return generated(value, cls)

    return structure


def _structure_block(conv: cattrs.Converter, value: object) -> Any:
    _expect(value, dict, "object")
    assert isinstance(value, dict)
    tag = value.get("type")
    if tag not in _BLOCK_TAGS:
        known = ", ".join(repr(t) for t in _BLOCK_TAGS)
        got = "nothing" if tag is None else repr(tag)
        raise _Problem(f"a block's type is one of {known}; got {got}", key="type")
    return conv.structure(value, MODEL_TYPES[tag])


def _unstructure_hook(conv: cattrs.Converter, cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    generated = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **_overrides(cls))
    tag = MODEL_TAGS.get(cls)
    if tag is None:
        return generated

    def unstructure(obj: Any) -> dict[str, Any]:
        return {"type": tag, **generated(obj)}

    return unstructure


# --- errors with paths ---------------------------------------------------------------------


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, ValidationError):
        return exc.message
    if isinstance(exc, _Problem | ValueError | TypeError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _paths(exc: BaseException, path: str) -> list[tuple[str, str]]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        out: list[tuple[str, str]] = []
        for sub in exc.exceptions:
            out.extend(_paths(sub, _sub_path(sub, path)))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(f"{path}.{key}", "unknown key") for key in sorted(exc.extra_fields)]
    if isinstance(exc, _Problem) and exc.key is not None:
        return [(f"{path}.{exc.key}", str(exc))]
    if isinstance(exc, _Problem) and exc.suffix:
        return [(f"{path}{exc.suffix}", str(exc))]
    if isinstance(exc, ValidationError):
        # "Brief.headline[2]" names the field inside the object at ``path``.
        _, dot, rest = exc.path.partition(".")
        return [(f"{path}.{rest}" if dot else path, exc.message)]
    return [(path, _describe(exc))]


def _sub_path(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f"{path}.{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path


def _structure(conv: cattrs.Converter, data: object, cls: type[_M], what: str) -> _M:
    try:
        return conv.structure(data, cls)
    except (ClassValidationError, IterableValidationError, _Problem, ValueError) as exc:
        problems = _paths(exc, "$")
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        raise JSONParseError(f"{count} in a newsitem {what} document", problems) from None


# --- public functions ----------------------------------------------------------------------

_CONVERTER: Final = make_converter()


def to_dict(model: Model) -> dict[str, Any]:
    """Return the native JSON form of ``model`` as a ``dict`` (tagged, with a version).

    >>> from newsitem import Image
    >>> to_dict(Image(url="https://example.com/a.jpg", alt="A map"))
    {'type': 'image', 'version': 1, 'url': 'https://example.com/a.jpg', 'alt': 'A map'}
    """
    if type(model) not in MODEL_TAGS:
        raise TypeError(f"expected a newsitem model, got {type(model).__name__}")
    body = _CONVERTER.unstructure(model)
    return {"type": body.pop("type"), "version": FORMAT_VERSION, **body}


@overload
def from_dict(data: object) -> Model: ...
@overload
def from_dict(data: object, cls: type[_M]) -> _M: ...
def from_dict(data: object, cls: type[Any] | None = None) -> Any:
    """Build a model from its native JSON form, already decoded.

    Args:
        data: The decoded document.
        cls: The model class expected; by default the document's ``"type"`` decides.

    Raises:
        JSONParseError: listing every problem with its JSONPath.
    """
    if not isinstance(data, dict):
        raise JSONParseError(
            "invalid newsitem document", [("$", f"expected object, got {_got(data)}")]
        )
    tag = data.get("type")
    if cls is None:
        if tag not in MODEL_TYPES:
            known = ", ".join(repr(t) for t in MODEL_TYPES)
            got = "nothing" if tag is None else repr(tag)
            raise JSONParseError(
                "invalid newsitem document", [("$.type", f"expected one of {known}, got {got}")]
            )
        cls = MODEL_TYPES[str(tag)]
    elif cls not in MODEL_TAGS:
        raise TypeError(f"expected a newsitem model class, got {cls!r}")
    if "version" in data:
        version = data["version"]
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise JSONParseError(
                "unsupported newsitem document",
                [("$.version", f"this release reads version {FORMAT_VERSION}, got {version!r}")],
            )
        data = {k: v for k, v in data.items() if k != "version"}
    return _structure(_CONVERTER, data, cls, MODEL_TAGS[cls].replace("_", " "))


def to_json(model: Model, *, indent: int | None = None) -> str:
    """Return the native JSON text of ``model``: stable key order, UTF-8 characters kept."""
    return write_json(to_dict(model), indent=indent)


@overload
def from_json(text: str | bytes) -> Model: ...
@overload
def from_json(text: str | bytes, cls: type[_M]) -> _M: ...
def from_json(text: str | bytes, cls: type[Any] | None = None) -> Any:
    """Build a model from native JSON text; see :func:`from_dict`.

    Raises:
        JSONParseError: the text is not strict JSON, or not a valid document; the error
            lists every problem with its JSONPath.
    """
    data = read_json(text)
    return from_dict(data) if cls is None else from_dict(data, cls)


def native_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the native form, as shipped in the package.

    >>> native_schema()["title"]
    'newsitem native JSON, version 1'
    """
    text = resources.files("newsitem").joinpath("schemas/newsitem.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
