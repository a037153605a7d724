"""Rebuilding records from stored JSON, fast.

Same rules as ``records.from_dict``, but the type hints of each record class
are resolved once (functools.cache) instead of once per object: an Annotation
holds thousands of nested Tokens, and ``typing.get_type_hints`` per Token made
loading a store's annotations ~30 times slower (3,000 tokens: 0.93 s vs 0.03 s).
"""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any, TypeVar

R = TypeVar("R")


@cache
def _plan(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


@cache
def _shape(tp: Any) -> tuple[str, Any]:
    """How to build a value of type ``tp``: ("record", cls), ("seq", item), ("tuple", items), ("dict", value), ("plain", None)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _shape(options[0]) if len(options) == 1 else ("plain", None)
    if is_dataclass(tp):
        return ("record", tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return ("seq", args[0])
        return ("tuple", args)
    if origin is dict:
        return ("dict", typing.get_args(tp)[1])
    return ("plain", None)


def build(tp: type[R], data: Any) -> R:
    if data is None:
        return None  # type: ignore[return-value]
    kind, arg = _shape(tp)
    if kind == "record":
        return arg(**{name: build(ftp, data[name]) for name, ftp in _plan(arg) if name in data})
    if kind == "seq":
        return tuple(build(arg, x) for x in data)  # type: ignore[return-value]
    if kind == "tuple":
        return tuple(build(a, x) for a, x in zip(arg, data, strict=False))  # type: ignore[return-value]
    if kind == "dict":
        return {k: build(arg, v) for k, v in data.items()}  # type: ignore[return-value]
    return data
