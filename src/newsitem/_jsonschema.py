"""The JSON Schema of the native form, generated from the models.

The package ships the generated schema (``schemas/newsitem.schema.json``); the test suite
checks that the shipped file is what this module generates, and that every document the
library writes validates against it. Regenerate with ``python -m newsitem._jsonschema``.
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from types import NoneType, UnionType
from typing import Any, Final

import attrs

from newsitem._markup import SafeHTML
from newsitem.converter import FORMAT_VERSION, MODEL_CLASSES, MODEL_TAGS, MODEL_TYPES
from newsitem.models import AuthorKind, BriefKind

__all__ = ["generate_schema"]

SCHEMA_ID: Final = f"https://newsitem.invalid/schemas/newsitem-{FORMAT_VERSION}.schema.json"
_URL_FIELDS: Final = frozenset({"url", "embed_url", "content_url", "same_as"})
_BLANKABLE: Final = frozenset({"alt"})
_HTTP_URL: Final = {"type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://[^\\s/?#]+"}
_LANGUAGE: Final = {"type": "string", "pattern": "^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$"}
_ISO_DATE_TIME: Final = (
    "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
    "(Z|[+-]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)$"
)
_DATE: Final = {
    "type": "string",
    "anyOf": [{"pattern": "^\\d{4}-\\d{2}-\\d{2}$"}, {"pattern": _ISO_DATE_TIME}],
}


def _type_schema(tp: Any, name: str) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if isinstance(tp, UnionType) or origin is typing.Union:
        members = [a for a in args if a is not NoneType]
        if frozenset(members) == {date, datetime}:
            inner: dict[str, Any] = dict(_DATE)
        elif len(members) == 1:
            inner = _type_schema(members[0], name)
        else:
            inner = {"oneOf": [_type_schema(m, name) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]} if NoneType in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], name)}
    if origin is not None and issubclass(origin, Mapping):
        return {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z][a-z0-9_.-]*:\\S"},
        }
    if tp in MODEL_TAGS or attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp in (AuthorKind, BriefKind):
        return {"enum": [member.value for member in tp]}
    if tp is SafeHTML:
        return {"type": "string", "contentMediaType": "text/html"}
    if tp is timedelta:
        return {"type": "string", "pattern": "^P(?!$)"}
    if tp is int:
        return {"type": "integer", "minimum": 1}
    if tp is str:
        if name in _URL_FIELDS:
            return dict(_HTTP_URL)
        if name == "language":
            return dict(_LANGUAGE)
        return {"type": "string"} if name in _BLANKABLE else {"type": "string", "pattern": "\\S"}
    raise TypeError(f"no schema for {tp!r} ({name})")


def _class_schema(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    tag = MODEL_TAGS.get(cls)
    if tag is not None:
        properties["type"] = {"const": tag}
        properties["version"] = {"const": FORMAT_VERSION}
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name], field.name)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if cls.__doc__:
        out["description"] = cls.__doc__.strip().splitlines()[0]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def generate_schema() -> dict[str, Any]:
    """Generate the JSON Schema (draft 2020-12) of the native form from the models."""
    defs = {cls.__name__: _class_schema(cls) for cls in MODEL_CLASSES}
    # Blocks inside a page must say what they are.
    for name in ("RelatedBlock", "VideoTeaser", "Author"):
        defs[f"{name}Block"] = {"allOf": [{"$ref": f"#/$defs/{name}"}], "required": ["type"]}
    page_blocks = defs["Page"]["properties"]["blocks"]
    page_blocks["items"] = {
        "oneOf": [{"$ref": f"#/$defs/{n}Block"} for n in ("RelatedBlock", "VideoTeaser", "Author")]
    }
    documents = [
        {"allOf": [{"$ref": f"#/$defs/{cls.__name__}"}], "required": ["type", "version"]}
        for cls in MODEL_TYPES.values()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"newsitem native JSON, version {FORMAT_VERSION}",
        "oneOf": documents,
        "$defs": defs,
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(generate_schema(), indent=2, ensure_ascii=False) + "\n")
