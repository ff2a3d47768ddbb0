"""PyYAML's safe loader on libyaml, with the same implicit tags decided in fewer steps.

libyaml's composer calls back into Python for every node it builds: ``resolve`` to give
an untagged scalar its type (YAML 1.1 implicit types: ``yes`` is a boolean, ``030`` an
octal number, ``2026-01-01`` a date, https://yaml.org/type/), and ``descend_resolver``
/ ``ascend_resolver`` for path resolvers. At 5,000 controls that is 140,000 calls of
each. :class:`FastSafeLoader` gives every node exactly the tag PyYAML's ``SafeLoader``
gives it (the same implicit resolvers, tried in the same order; the equivalence is
tested on every implicit type), but looks the candidates up in one table built once
per loader, and, while no path resolver is registered (none is, in PyYAML or here),
skips the path bookkeeping that would do nothing.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode
from yaml.resolver import Resolver

_TEXT: str = Resolver.DEFAULT_SCALAR_TAG
_MAPPING: str = Resolver.DEFAULT_MAPPING_TAG
_SEQUENCE: str = Resolver.DEFAULT_SEQUENCE_TAG

#: What libyaml's composer calls: ``resolve(node kind, value, (plain, quoted))`` -> tag.
Resolve = Callable[[type[yaml.Node], Any, tuple[bool, bool]], str]


def tag_resolver(resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]]) -> Resolve:
    """PyYAML's ``Resolver.resolve`` for a loader without path resolvers, as one function.

    ``resolvers`` is the loader's ``yaml_implicit_resolvers``: for each first character
    (``''`` for the empty scalar, ``None`` for any), the ``(tag, pattern)`` pairs in
    registration order. As PyYAML does, a plain scalar gets the tag of the first pattern
    that matches among those for its first character followed by those for any
    character, else ``str``; a quoted scalar gets ``str``; a mapping ``map``; a list
    ``seq``. The lists are joined once here instead of on every call.
    """
    anywhere = tuple(resolvers.get(None, []))
    joined = {key: tuple(found) + anywhere for key, found in resolvers.items() if key is not None}
    candidates = joined.get

    def resolve(kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, pattern in candidates(value[:1], anywhere):
                    if pattern.match(value):
                        return tag
            return _TEXT
        return _MAPPING if kind is MappingNode else _SEQUENCE

    return resolve


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class FastSafeLoader(CParser, SafeConstructor, Resolver):
        """``yaml.CSafeLoader`` with the same tags, resolved in fewer steps."""

        def __init__(self, stream: str | bytes) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            if not self.yaml_path_resolvers:  # else PyYAML's own methods, unchanged
                self.resolve = tag_resolver(self.yaml_implicit_resolvers)  # type: ignore[method-assign]
                # Without path resolvers these two only return; libyaml calls them for
                # every node, so they are bound to C functions that accept the same
                # arguments and do nothing with them, instead of Python frames.
                self.descend_resolver = operator.is_  # type: ignore[method-assign,assignment]
                self.ascend_resolver = tuple  # type: ignore[method-assign,assignment]

    #: The loader to compose with: libyaml's, unless PyYAML was built without it.
    LOADER: type = FastSafeLoader
else:  # pragma: no cover - the pinned PyYAML wheels include libyaml
    LOADER = yaml.SafeLoader
