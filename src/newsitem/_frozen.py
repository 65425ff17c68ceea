"""A read-only mapping that pickles: the home of ``extensions`` and other frozen mappings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FrozenMapping"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMapping(Mapping[_K, _V], Generic[_K, _V]):
    """A mapping that cannot be changed after it is made; it copies what it is given.

    Unlike :class:`types.MappingProxyType` it pickles, so models holding one travel
    between processes.

    >>> frozen = FrozenMapping({"ninjs:version": "2.1"})
    >>> frozen["ninjs:version"], frozen == {"ninjs:version": "2.1"}
    ('2.1', True)
    >>> frozen["x:y"] = 1
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMapping' object does not support item assignment
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[_K, _V] | None = None) -> None:
        self._data: dict[_K, _V] = dict(data) if data is not None else {}

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._data!r})"

    def __reduce__(self) -> tuple[Any, tuple[dict[_K, _V]]]:
        return (FrozenMapping, (self._data,))
