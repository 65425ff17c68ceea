"""The official IPTC ninjs schemas, shipped in the package, and two ways to hold a document
to them.

- :func:`schema_problems` is the strict reader's judge: it runs ``jsonschema`` (the
  ``schema`` extra) with the schema of the document's version, as IPTC's own test suite
  does, with ``format`` an annotation. GeoJSON, which the schemas reference by URL, is
  served from a copy in the package: nothing is fetched.
- :class:`Conformance` is the writer's judge and needs nothing outside the standard
  library: it knows the JSON Schema keywords the written versions' schemas use (listed
  in :data:`KEYWORDS`) and asserts ``format: uri`` and ``format: date-time``, so that
  what the writer lets through also passes a validator that checks formats.

>>> Conformance("3.0").errors({"uri": "urn:x:1", "urgency": 0.1})
[('$.urgency', 'expected integer, got number')]
>>> Conformance("2.2").property_errors("eventdetails", {}) is None  # no such property in 2.2
True
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final

from newsitem._iri import is_absolute_uri
from newsitem.formats._common import json_type, key_path

__all__ = [
    "GEOJSON_ID",
    "KEYWORDS",
    "SCHEMA_FILES",
    "Conformance",
    "conformance",
    "is_date_time",
    "official_schema",
    "schema_problems",
]

#: The schema file of each ninjs version newsitem reads strictly. ``2.x-dev`` is IPTC's
#: development draft of the next 2.x, used only when asked for by name.
SCHEMA_FILES: Final = {
    "2.0": "ninjs-schema_2.0.json",
    "2.1": "ninjs-schema_2.1.json",
    "2.2": "ninjs-schema_2.2.json",
    "2.x-dev": "ninjs-schema-dev_0.1_v2.1.json",
    "3.0": "ninjs-schema_3.0.json",
    "3.1": "ninjs-schema_3.1.json",
}
#: The URL by which the ninjs schemas reference the GeoJSON schema.
GEOJSON_ID: Final = "https://geojson.org/schema/GeoJSON.json"

_ANNOTATIONS: Final = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "default", "examples"}
)
_ASSERTIONS: Final = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "format",
        "pattern",
        "minimum",
        "maximum",
        "minItems",
        "items",
        "properties",
        "additionalProperties",
        "required",
        "unevaluatedProperties",
        "oneOf",
        "anyOf",
        "allOf",
    }
)
#: Every keyword :class:`Conformance` understands; a schema with another one is refused.
KEYWORDS: Final = _ANNOTATIONS | _ASSERTIONS

# RFC 3339 section 5.6 date-time, as JSON Schema's format checkers read it (no leap second).
_DATE_TIME: Final = re.compile(
    r"(\d{4})-(0[1-9]|1[0-2])-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)",
    re.ASCII,
)
_MESSAGE_LIMIT: Final = 240


@functools.cache
def _load(name: str) -> Mapping[str, Any]:
    """Read a schema shipped in ``newsitem/schemas`` (cached: the files never change)."""
    text = resources.files("newsitem").joinpath(f"schemas/{name}").read_text("utf-8")
    schema: Mapping[str, Any] = json.loads(text)
    return schema


def official_schema(version: str) -> Mapping[str, Any]:
    """Return the official schema of a ninjs version, as IPTC publishes it.

    Args:
        version: A key of :data:`SCHEMA_FILES`.

    Raises:
        KeyError: no schema for that version.
    """
    return _load(f"ninjs/{SCHEMA_FILES[version]}")


def is_date_time(text: str) -> bool:
    """Tell whether ``text`` is an RFC 3339 ``date-time`` (a real calendar day)."""
    match = _DATE_TIME.fullmatch(text.upper())
    if match is None:
        return False
    year, month, day = (int(part) for part in match.groups())
    return year > 0 and 1 <= day <= calendar.monthrange(year, month)[1]


def schema_problems(doc: Any, version: str) -> list[tuple[str, str]]:
    """Validate a document against the official schema of ``version`` with ``jsonschema``.

    Returns:
        Every ``(JSONPath, message)`` the validator reports, in document order; empty
        when the document is valid.

    Raises:
        ImportError: ``jsonschema`` is not installed.
    """
    try:
        import jsonschema
        from referencing import Registry, Resource
    except ModuleNotFoundError:
        raise ImportError(
            "strict ninjs reading needs jsonschema: pip install 'newsitem[schema]'"
        ) from None
    schema = official_schema(version)
    geojson = Resource.from_contents(_load("geojson.schema.json"))
    registry: Registry[Any] = Registry().with_resource(GEOJSON_ID, geojson)
    validator = jsonschema.validators.validator_for(schema)(schema, registry=registry)
    found = sorted(validator.iter_errors(doc), key=lambda error: [str(p) for p in error.path])
    return [(str(error.json_path), _short(str(error.message))) for error in found]


def _short(message: str) -> str:
    return message if len(message) <= _MESSAGE_LIMIT else message[: _MESSAGE_LIMIT - 3] + "..."


def _is_type(value: object, name: str) -> bool:
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    kinds: dict[str, type | tuple[type, ...]] = {
        "string": str,
        "object": dict,
        "array": list,
        "boolean": bool,
        "null": type(None),
    }
    return isinstance(value, kinds[name])


def _same(value: object, allowed: object) -> bool:
    return value == allowed and isinstance(value, bool) == isinstance(allowed, bool)


class Conformance:
    """Hold a document, or one of its top-level properties, to a ninjs schema.

    Args:
        version: A ninjs version whose schema uses only :data:`KEYWORDS` (every version
            newsitem writes).

    Raises:
        KeyError: no schema for that version.
        ValueError: the schema uses a keyword this checker does not know.
    """

    def __init__(self, version: str) -> None:
        self.version = version
        self.root = official_schema(version)
        self.geojson = _load("geojson.schema.json")
        for schema in (self.root, self.geojson):
            unknown = _keywords(schema) - KEYWORDS
            if unknown:
                raise ValueError(f"ninjs {version}: unknown schema keywords {sorted(unknown)}")
        self.properties: Mapping[str, Any] = self.root["$defs"]["ninjsType"]["properties"]

    def errors(self, doc: Any) -> list[tuple[str, str]]:
        """Every way ``doc`` breaks the schema, as ``(JSONPath, message)`` pairs."""
        return self._check(doc, self.root, self.root, "$")

    def property_errors(self, key: str, value: Any) -> list[tuple[str, str]] | None:
        """How ``value`` breaks the schema of top-level property ``key``; ``None`` when
        the version has no such property."""
        schema = self.properties.get(key)
        if schema is None:
            return None
        return self._check(value, schema, self.root, key_path("$", key))

    def _resolve(
        self, ref: str, root: Mapping[str, Any]
    ) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        base, _, pointer = ref.partition("#")
        if base:
            if base.rstrip("/") != GEOJSON_ID:
                raise ValueError(f"ninjs {self.version}: cannot resolve {ref!r} offline")
            root = self.geojson
        node: Any = root
        for part in pointer.split("/")[1:]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, root

    def _evaluated(self, schema: Mapping[str, Any], root: Mapping[str, Any]) -> set[str]:
        """The property names a schema and the schemas it references declare."""
        names = set(schema.get("properties", {}))
        if "$ref" in schema:
            target, target_root = self._resolve(schema["$ref"], root)
            names |= self._evaluated(target, target_root)
        for sub in schema.get("allOf", ()):
            names |= self._evaluated(sub, root)
        return names

    def _check(
        self, value: Any, schema: Any, root: Mapping[str, Any], path: str
    ) -> list[tuple[str, str]]:
        if schema is True:
            return []
        if schema is False:
            return [(path, "not allowed here")]
        out: list[tuple[str, str]] = []
        if "$ref" in schema:
            target, target_root = self._resolve(schema["$ref"], root)
            out += self._check(value, target, target_root, path)
        kinds = schema.get("type")
        if kinds is not None:
            names = [kinds] if isinstance(kinds, str) else kinds
            if not any(_is_type(value, name) for name in names):
                return [*out, (path, f"expected {' or '.join(names)}, got {json_type(value)}")]
        if "enum" in schema and not any(_same(value, item) for item in schema["enum"]):
            out.append((path, f"{value!r} is not one of {schema['enum']!r}"[:_MESSAGE_LIMIT]))
        if isinstance(value, str):
            out += self._string(value, schema, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                out.append((path, f"{value} is less than the minimum {schema['minimum']}"))
            if "maximum" in schema and value > schema["maximum"]:
                out.append((path, f"{value} is more than the maximum {schema['maximum']}"))
        elif isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                out.append((path, f"expected at least {schema['minItems']} items"))
            if "items" in schema:
                for index, item in enumerate(value):
                    out += self._check(item, schema["items"], root, f"{path}[{index}]")
        elif isinstance(value, dict):
            out += self._object(value, schema, root, path)
        for sub in schema.get("allOf", ()):
            out += self._check(value, sub, root, path)
        if "anyOf" in schema and all(self._check(value, s, root, path) for s in schema["anyOf"]):
            out.append((path, "valid under none of the allowed forms (anyOf)"))
        if "oneOf" in schema:
            passed = sum(not self._check(value, s, root, path) for s in schema["oneOf"])
            if passed != 1:
                out.append((path, f"valid under {passed} of the forms, not exactly one (oneOf)"))
        return out

    @staticmethod
    def _string(value: str, schema: Mapping[str, Any], path: str) -> list[tuple[str, str]]:
        out = []
        if schema.get("format") == "uri" and not is_absolute_uri(value):
            out.append((path, f"{value[:80]!r} is not an absolute URI (RFC 3986)"))
        if schema.get("format") == "date-time" and not is_date_time(value):
            out.append((path, f"{value[:80]!r} is not an RFC 3339 date-time"))
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            out.append((path, f"{value[:80]!r} does not match {schema['pattern']!r}"))
        return out

    def _object(
        self,
        value: Mapping[str, Any],
        schema: Mapping[str, Any],
        root: Mapping[str, Any],
        path: str,
    ) -> list[tuple[str, str]]:
        out = [
            (key_path(path, name), "required, missing")
            for name in schema.get("required", ())
            if name not in value
        ]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            where = key_path(path, name)
            if name in properties:
                out += self._check(item, properties[name], root, where)
            elif extra is False:
                out.append((where, "not a property of this object"))
            elif isinstance(extra, dict):
                out += self._check(item, extra, root, where)
        if schema.get("unevaluatedProperties") is False:
            known = self._evaluated(schema, root)
            out += [(key_path(path, n), "not a property of ninjs") for n in value if n not in known]
        return out


@functools.cache
def conformance(version: str) -> Conformance:
    """The :class:`Conformance` of a version, made once (it holds no state that changes)."""
    return Conformance(version)


def _keywords(schema: Any) -> set[str]:
    """The keywords used anywhere in a schema (the names under ``properties`` and
    ``$defs`` are names, not keywords)."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, child in node.items():
                found.add(key)
                if key in ("properties", "$defs") and isinstance(child, dict):
                    stack.extend(child.values())
                elif key not in ("enum", "required"):
                    stack.append(child)
    return found
