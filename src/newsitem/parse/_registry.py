"""The parse as named stages: :class:`StageRegistry`, and the changes a profile makes to it.

A stage is a callable that takes the :class:`~newsitem.parse.PageContext` of a page,
reads what earlier stages wrote into it and writes its own part. The registry holds the
stages by name, each with a priority; they run highest priority first (stages of equal
priority in the order they were added), as Python-Markdown runs its processors. It is
immutable: adding, replacing or removing a stage returns a new registry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeAlias

import attrs

from newsitem.errors import ValidationError
from newsitem.parse._context import PageContext

__all__ = [
    "AddStage",
    "RemoveStage",
    "ReplaceStage",
    "Stage",
    "StageChange",
    "StageRegistry",
]

#: One step of the parse: reads and writes the :class:`~newsitem.parse.PageContext`.
Stage: TypeAlias = Callable[[PageContext], None]


class _Entry(NamedTuple):
    name: str
    stage: Stage
    priority: float


def _check_name(path: str, name: object) -> None:
    if not isinstance(name, str) or not name:
        raise ValidationError(path, f"expected a non-empty stage name, got {name!r}")


def _check_stage(path: str, stage: object) -> None:
    if not callable(stage):
        raise ValidationError(path, f"expected a callable taking the context, got {stage!r}")


def _check_priority(path: str, priority: object) -> None:
    if (
        isinstance(priority, bool)
        or not isinstance(priority, int | float)
        or not math.isfinite(priority)
    ):
        raise ValidationError(path, f"expected a finite number, got {priority!r}")


def _ordered(entries: Iterable[tuple[str, Stage, float]]) -> tuple[_Entry, ...]:
    checked: list[_Entry] = []
    for name, stage, priority in entries:
        _check_name("StageRegistry", name)
        _check_stage(f"StageRegistry[{name!r}]", stage)
        _check_priority(f"StageRegistry[{name!r}]", priority)
        if any(entry.name == name for entry in checked):
            raise ValidationError("StageRegistry", f"two stages named {name!r}")
        checked.append(_Entry(name, stage, priority))
    return tuple(sorted(checked, key=lambda entry: -entry.priority))


@attrs.frozen
class StageRegistry:
    """The stages of a parse by name, run highest priority first; immutable.

    >>> from newsitem.parse import default_stages
    >>> stages = default_stages()
    >>> stages.names()[:4]
    ('own_page', 'structured', 'headline', 'blocks')
    >>> built_in = stages.get("headline")
    >>> def loud_headline(context):
    ...     built_in(context)
    ...     context.headline = context.headline and context.headline.upper()
    >>> louder = stages.with_stage("headline", loud_headline)
    >>> louder.get("headline") is loud_headline, stages.get("headline") is built_in
    (True, True)
    >>> louder.names() == stages.names()
    True

    Args:
        entries: ``(name, stage, priority)`` for each stage; names are unique.

    Raises:
        ValidationError: Two stages share a name, or a name, stage or priority is not
            of its type.
    """

    _entries: tuple[_Entry, ...] = attrs.field(default=(), converter=_ordered, alias="entries")

    def __contains__(self, name: object) -> bool:
        return any(entry.name == name for entry in self._entries)

    def __iter__(self) -> Iterator[Stage]:
        """The stages, in the order they run."""
        return (entry.stage for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def names(self) -> tuple[str, ...]:
        """Return the stage names, in the order the stages run."""
        return tuple(entry.name for entry in self._entries)

    def get(self, name: str) -> Stage:
        """Return the stage called ``name``.

        Raises:
            ValidationError: No stage has that name; the message lists the names.
        """
        return self._entry(name).stage

    def priority(self, name: str) -> float:
        """Return the priority of the stage called ``name``.

        Raises:
            ValidationError: No stage has that name; the message lists the names.
        """
        return self._entry(name).priority

    def with_stage(
        self, name: str, stage: Stage, *, priority: float | None = None
    ) -> StageRegistry:
        """Return a registry where ``name`` is ``stage``: added, or replacing the stage of
        that name in its place (and at its priority, unless ``priority`` is given).

        Raises:
            ValidationError: A new stage without a priority.
        """
        if name not in self:
            if priority is None:
                raise ValidationError(
                    "StageRegistry.with_stage", f"the new stage {name!r} needs a priority"
                )
            return StageRegistry([*self._entries, _Entry(name, stage, priority)])
        return StageRegistry(
            _Entry(name, stage, entry.priority if priority is None else priority)
            if entry.name == name
            else entry
            for entry in self._entries
        )

    def without_stage(self, name: str) -> StageRegistry:
        """Return a registry without the stage called ``name``.

        Raises:
            ValidationError: No stage has that name.
        """
        self._entry(name)
        return StageRegistry([entry for entry in self._entries if entry.name != name])

    def _entry(self, name: str) -> _Entry:
        for entry in self._entries:
            if entry.name == name:
                return entry
        known = ", ".join(self.names()) or "none"
        raise ValidationError("StageRegistry", f"no stage named {name!r}; the stages: {known}")


def _name(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_name(f"{type(instance).__name__}.{attribute.name}", value)


def _stage(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_stage(f"{type(instance).__name__}.{attribute.name}", value)


def _priority(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_priority(f"{type(instance).__name__}.{attribute.name}", value)


@attrs.frozen(kw_only=True)
class AddStage:
    """A new stage, run at ``priority`` among the others (see
    :func:`~newsitem.parse.default_stages` for theirs).

    Args:
        name: A name no other stage has.
        stage: The stage.
        priority: Where it runs: before the stages of lower priority.
    """

    name: str = attrs.field(validator=_name)
    stage: Stage = attrs.field(validator=_stage)
    priority: float = attrs.field(validator=_priority)

    def apply(self, registry: StageRegistry) -> StageRegistry:
        """Return ``registry`` with the stage added.

        Raises:
            ValidationError: ``registry`` has a stage of that name already.
        """
        if self.name in registry:
            raise ValidationError(
                "AddStage.name", f"a stage named {self.name!r} exists (replace it instead)"
            )
        return registry.with_stage(self.name, self.stage, priority=self.priority)


@attrs.frozen(kw_only=True)
class ReplaceStage:
    """A stage in place of the one of the same name, run at its priority.

    Args:
        name: The name of the stage replaced.
        stage: The stage that runs instead.
    """

    name: str = attrs.field(validator=_name)
    stage: Stage = attrs.field(validator=_stage)

    def apply(self, registry: StageRegistry) -> StageRegistry:
        """Return ``registry`` with the stage replaced.

        Raises:
            ValidationError: ``registry`` has no stage of that name.
        """
        return registry.with_stage(self.name, self.stage, priority=registry.priority(self.name))


@attrs.frozen(kw_only=True)
class RemoveStage:
    """No stage of this name: what it writes into the context stays empty.

    Args:
        name: The name of the stage removed.
    """

    name: str = attrs.field(validator=_name)

    def apply(self, registry: StageRegistry) -> StageRegistry:
        """Return ``registry`` without the stage.

        Raises:
            ValidationError: ``registry`` has no stage of that name.
        """
        return registry.without_stage(self.name)


#: A change a :class:`~newsitem.parse.SiteProfile` makes to the stages.
StageChange: TypeAlias = AddStage | ReplaceStage | RemoveStage
